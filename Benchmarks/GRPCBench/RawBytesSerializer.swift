import GRPCCore

/// Sends a message's bytes as they are: no protobuf, so the benchmark measures the RPC stack only.
struct RawBytesSerializer: MessageSerializer {
  func serialize<Bytes: GRPCContiguousBytes>(_ message: [UInt8]) throws -> Bytes {
    Bytes(message)
  }
}
