/// A unary call's response with the server's initial and trailing metadata.
public struct ClientResponse<Message: Sendable>: Sendable {
  /// The response message.
  public var message: Message
  /// The server's initial metadata (empty if it sent none).
  public var initialMetadata: Metadata
  /// The metadata sent with the call's `ok` status.
  public var trailingMetadata: Metadata

  /// Creates a response.
  public init(message: Message, initialMetadata: Metadata, trailingMetadata: Metadata) {
    self.message = message
    self.initialMetadata = initialMetadata
    self.trailingMetadata = trailingMetadata
  }
}
