internal import COpenSSL

/// SHA-256 through the system libcrypto, for what the marketplace fingerprints and hashes (API keys, idempotent
/// requests, page tokens), so that no module but this one calls OpenSSL.
public enum SHA256 {
  /// The 32-byte SHA-256 of `bytes`.
  public static func hash(_ bytes: [UInt8]) -> [UInt8] {
    var output = [UInt8](repeating: 0, count: 32)
    var length: UInt32 = 0
    let succeeded = bytes.withUnsafeBytes { input in
      output.withUnsafeMutableBytes { out in
        EVP_Digest(
          input.baseAddress,
          input.count,
          out.baseAddress?.assumingMemoryBound(to: UInt8.self),
          &length,
          EVP_sha256(),
          nil
        )
      }
    }
    // EVP_Digest with SHA-256 fails only when libcrypto cannot allocate; nothing sensible can go on then.
    precondition(succeeded == 1 && length == 32, "SHA-256 failed in libcrypto")
    return output
  }
}
