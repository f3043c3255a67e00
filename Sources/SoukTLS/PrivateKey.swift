internal import COpenSSL

/// Owns one OpenSSL `EVP_PKEY`.
final class PrivateKey {
  let pointer: OpaquePointer

  /// Takes over one reference to `pointer`.
  init(taking pointer: OpaquePointer) {
    self.pointer = pointer
  }

  deinit {
    EVP_PKEY_free(pointer)
  }

  /// The unencrypted PKCS #8 PEM text of the key.
  func pemBytes() -> [UInt8]? {
    guard let bio = BIO_new(BIO_s_mem()) else { return nil }
    defer { BIO_free(bio) }
    guard PEM_write_bio_PrivateKey(bio, pointer, nil, nil, 0, nil, nil) == 1 else { return nil }
    return MemoryBIO.readAll(bio)
  }
}
