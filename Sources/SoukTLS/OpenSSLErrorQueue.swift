internal import COpenSSL
internal import CSoukOpenSSLShims

/// Reads OpenSSL's thread-local error queue.
///
/// Every OpenSSL call in SoukTLS is preceded by ``clear()`` so that what ``drain()`` returns belongs to
/// that call alone.
enum OpenSSLErrorQueue {
  /// One error-queue entry: its packed code and OpenSSL's text for it.
  struct Entry {
    var code: UInt
    var text: String

    var reason: Int32 { souk_err_reason(code) }
    var library: Int32 { souk_err_lib(code) }
  }

  static func clear() {
    ERR_clear_error()
  }

  /// Removes and returns every entry, oldest first.
  static func drain() -> [Entry] {
    var entries: [Entry] = []
    while true {
      let code = ERR_get_error()
      if code == 0 { break }
      var buffer = [CChar](repeating: 0, count: 256)
      ERR_error_string_n(code, &buffer, buffer.count)
      let text = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      entries.append(Entry(code: code, text: text))
    }
    return entries
  }

  /// An error with the given code and message carrying whatever the queue holds.
  static func error(_ code: TLSError.Code, _ message: String) -> TLSError {
    TLSError(code: code, message: message, openSSLErrors: drain().map(\.text))
  }
}
