import ArgumentParser
import SoukAPI
import SoukTools

/// Fulfilment statuses by their schema name in lower case: `pending`, `accepted`, `shipped`, …
enum FulfilmentStatusName {
  /// Every status with its name, in the schema's order.
  static let all: [(name: String, status: SoukOrdersV1.FulfilmentStatus)] = SoukOrdersV1.FulfilmentStatus.allCases
    .filter { $0 != .unspecified }.map { (EnumName.snake($0), $0) }

  /// The status `text` names.
  ///
  /// - Throws: `ValidationError` listing the names.
  static func status(from text: String) throws -> SoukOrdersV1.FulfilmentStatus {
    guard let match = Self.all.first(where: { $0.name == text.lowercased() }) else {
      throw ValidationError(
        "'\(text)' is not a fulfilment status; use one of \(Self.all.map(\.name).joined(separator: ", "))")
    }
    return match.status
  }

  /// The name of `status`.
  static func name(of status: SoukOrdersV1.FulfilmentStatus) -> String {
    Self.all.first { $0.status == status }?.name ?? "unknown"
  }
}
