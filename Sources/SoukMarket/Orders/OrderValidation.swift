import SoukAPI

/// The field rules of the order service's requests, on top of ``RequestValidator``.
enum OrderValidation {
  /// How far in the future a client's clock may put a time (`shipped_at`, `collected_at`...) before it is
  /// refused: clocks of small shops are rarely exact.
  static let clockSkewMicros: Int64 = 120_000_000

  /// Records a violation when the id is empty.
  static func id(_ id: String, field: String, into validator: inout RequestValidator) {
    if id.isEmpty { validator.fail(field, "is required") }
  }

  /// `time`, or `now` when unset; records a violation when it is later than `now` (beyond the clock skew).
  static func pastTime(
    _ time: SoukCommonV1.Timestamp?,
    field: String,
    now: SoukCommonV1.Timestamp,
    into validator: inout RequestValidator
  ) -> SoukCommonV1.Timestamp {
    guard let time else { return now }
    if time.micros > now.micros + Self.clockSkewMicros || time.nanos >= 1_000_000_000 {
      validator.fail(field, "must not be in the future")
    }
    return time
  }

  /// Whether `text` is 1 to 64 printable ASCII characters (a partner's order reference).
  static func isOrderReference(_ text: String) -> Bool {
    (1...64).contains(text.utf8.count) && text.utf8.allSatisfy { (0x20...0x7E).contains($0) }
  }

  /// Whether `method` is one the schema names (not UNSPECIFIED).
  static func isKnown(_ method: SoukOrdersV1.PaymentMethod) -> Bool {
    switch method {
    case .cashOnDelivery, .card, .bankTransfer, .mobileWallet: true
    default: false
    }
  }
}
