import Foundation
package import SoukAPI
import SoukRPC
import SoukStore
import SoukTLS
package import SoukWire

/// An opaque page token: the position where a page ended, bound to the method, the caller and the filters that
/// produced it, so that reusing it with other filters is refused instead of silently skipping results.
package struct PageToken<Position: Codable & Sendable>: Codable, Sendable {
  /// Where the previous page ended.
  package var position: Position
  /// SHA-256 of the scope (method, caller) and the encoded filters, base64.
  package var binding: String

  /// The token text for `position` under `binding`.
  package static func encode(_ position: Position, binding: String) -> String {
    let token = PageToken(position: position, binding: binding)
    guard let data = try? JSONEncoder().encode(token) else { return "" }
    return data.base64EncodedString()
  }

  /// The position of `text`, nil for an empty token; throws `INVALID_ARGUMENT`
  /// (`ERROR_REASON_PAGE_TOKEN_INVALID`) for a malformed token or one made for other filters.
  package static func decode(_ text: String, binding: String) throws(MarketError) -> Position? {
    if text.isEmpty { return nil }
    guard text.utf8.count <= 4096, let data = Data(base64Encoded: text),
      let token = try? JSONDecoder().decode(PageToken.self, from: data), token.binding == binding
    else {
      throw MarketError(
        .invalidArgument,
        .pageTokenInvalid,
        "the page token is malformed or was made for other filters; start again without a token"
      )
    }
    return token.position
  }

  /// The binding of a listing: `request` with its paging cleared, under this method and caller.
  package static func binding<Request: WireMessage>(
    for request: Request,
    call: MarketCall,
    clearingPage clear: (inout Request) -> Void
  ) -> String {
    var filters = request
    clear(&filters)
    let scope = Array("\(call.method)|\(call.caller.principal.kind.rawValue)|\(call.principalID)|".utf8)
    return Data(SHA256.hash(scope + filters.encodedBytes())).base64EncodedString()
  }
}

extension Optional where Wrapped == SoukCommonV1.PageRequest {
  /// The page size asked for: the default 50 when unset or 0, at most `maximum`.
  package func size(maximum: Int = 500) -> Int {
    let requested = self?.pageSize ?? 0
    return requested == 0 ? 50 : min(Int(requested), maximum)
  }

  /// The token asked for; empty for the first page.
  package var token: String { self?.pageToken ?? "" }
}
