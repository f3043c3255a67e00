public import SoukAPI

/// An API key as stored: its public facts and the SHA-256 hash of its secret, never the secret.
public struct StoredApiKey: Sendable, Hashable {
  /// The facts an admin may list.
  public var apiKey: SoukAdminV1.ApiKey
  /// SHA-256 of the whole secret.
  public var secretHash: [UInt8]

  /// Creates a stored key.
  public init(apiKey: SoukAdminV1.ApiKey, secretHash: [UInt8]) {
    self.apiKey = apiKey
    self.secretHash = secretHash
  }
}
