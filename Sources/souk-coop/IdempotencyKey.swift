import Foundation

/// Fresh idempotency keys: one per change this tool asks for, so a retried call is applied once.
enum IdempotencyKey {
  /// A new key, e.g. `souk-coop-3F2504E0-4F89-11D3-9A0C-0305E82C3301`.
  static func fresh() -> String { "souk-coop-\(UUID().uuidString)" }
}
