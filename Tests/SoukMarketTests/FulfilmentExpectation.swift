import SoukAPI
import SoukMarket
import SoukRPC
import SoukStore
import Testing

/// What a state machine test expects of one action: success, or the refusal the schema documents.
enum FulfilmentExpectation: Equatable, CustomStringConvertible {
  case success
  case notFound
  case permissionDenied
  case invalidTransition

  var description: String {
    switch self {
    case .success: "success"
    case .notFound: "NOT_FOUND"
    case .permissionDenied: "PERMISSION_DENIED"
    case .invalidTransition: "FAILED_PRECONDITION/INVALID_TRANSITION"
    }
  }

  /// Whether `error` is this refusal.
  func matches(_ error: MarketError) -> Bool {
    switch self {
    case .success: false
    case .notFound: error.code == .notFound
    case .permissionDenied: error.code == .permissionDenied
    case .invalidTransition: error.code == .failedPrecondition && error.detail.reason == .invalidTransition
    }
  }
}

extension FulfilmentStateMachine {
  /// ``apply(_:by:at:)`` as a result (a `do`/`catch` over typed throws inside loops crashes the 6.3 compiler).
  mutating func attempt(_ action: FulfilmentAction, by caller: Caller) -> Result<OrderChange, MarketError> {
    do {
      return .success(try self.apply(action, by: caller, at: OrderLifecycleFixtures.actionTime))
    } catch {
      return .failure(error)
    }
  }
}
