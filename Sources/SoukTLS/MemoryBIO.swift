internal import COpenSSL

/// Helpers for OpenSSL memory BIOs.
enum MemoryBIO {
  /// Reads everything pending in `bio`.
  static func readAll(_ bio: OpaquePointer) -> [UInt8] {
    let pending = Int(BIO_ctrl_pending(bio))
    guard pending > 0 else { return [] }
    return [UInt8](unsafeUninitializedCapacity: pending) { buffer, initialized in
      let read = BIO_read(bio, buffer.baseAddress, Int32(pending))
      initialized = max(0, Int(read))
    }
  }
}
