/// Server-assigned ids and secrets: random base62 text with a prefix naming the kind (`prd_…`, `ord_…`).
package enum Identifiers {
  private static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".utf8)

  /// `count` random base62 characters from the system's cryptographic generator (getrandom on Linux).
  package static func randomBase62(count: Int) -> String {
    var generator = SystemRandomNumberGenerator()
    var bytes = [UInt8]()
    bytes.reserveCapacity(count)
    for _ in 0..<count {
      bytes.append(Self.alphabet[Int(generator.next(upperBound: UInt8(62)))])
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// A new id: the kind's prefix, `_`, and 20 base62 characters (119 random bits).
  package static func make(_ kind: Kind) -> String {
    "\(kind.rawValue)_\(Self.randomBase62(count: 20))"
  }

  /// The kinds of id, each with its prefix.
  package enum Kind: String {
    case cooperative = "coop"
    case partner = "ptn"
    case product = "prd"
    case order = "ord"
    case fulfilment = "ful"
    case payment = "pay"
    case apiKey = "key"
  }
}
