package import Foundation
package import SoukWire

/// How records are kept in `body` columns: their canonical wire encoding.
package enum RecordCodec {
  /// The bytes to store for `message`.
  package static func bytes(_ message: some WireMessage) -> SQLValue {
    .bytes(message.encodedBytes())
  }

  /// The bytes to store for `message`, as `Data`.
  package static func encode(_ message: some WireMessage) -> Data {
    Data(message.encodedBytes())
  }

  /// The message stored as `data`.
  ///
  /// - Throws: ``StoreError/unavailable(_:)`` when the stored bytes do not decode (a damaged file).
  package static func decode<Message: WireMessage>(_ type: Message.Type, from data: Data) throws -> Message {
    do {
      return try Message(decoding: [UInt8](data))
    } catch {
      throw StoreError.unavailable("a stored \(Message.fullName) does not decode: \(error)")
    }
  }
}
