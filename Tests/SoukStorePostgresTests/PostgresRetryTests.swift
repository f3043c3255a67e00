import Testing

@testable import SoukStorePostgres

/// Which failed writes run again: only what a retry can cure, so that a deterministic failure never becomes a
/// storm of retries (the store's and then the client's, which retries `unavailable`).
@Suite("PostgreSQL write retries")
struct PostgresRetryTests {
  @Test("serialization failures and deadlocks run again until the attempts run out, then are unavailable")
  func concurrencyFailures() {
    for state in ["40001", "40P01"] {
      #expect(PostgresMarketStore.retry(after: state, attempt: 1) == .again)
      #expect(PostgresMarketStore.retry(after: state, attempt: PostgresMarketStore.maximumAttempts - 1) == .again)
      #expect(PostgresMarketStore.retry(after: state, attempt: PostgresMarketStore.maximumAttempts) == .unavailable)
    }
  }

  @Test("a unique violation runs again twice, for a concurrent winner; one that persists is a conflict")
  func uniqueViolations() {
    #expect(PostgresMarketStore.retry(after: "23505", attempt: 1) == .again)
    #expect(PostgresMarketStore.retry(after: "23505", attempt: 2) == .again)
    #expect(PostgresMarketStore.retry(after: "23505", attempt: 3) == .conflict)
  }

  @Test("another broken integrity rule is a conflict at once; anything else (a lost connection) is unavailable")
  func otherFailures() {
    #expect(PostgresMarketStore.retry(after: "23503", attempt: 1) == .conflict)
    #expect(PostgresMarketStore.retry(after: "23514", attempt: 1) == .conflict)
    #expect(PostgresMarketStore.retry(after: nil, attempt: 1) == .unavailable)
    #expect(PostgresMarketStore.retry(after: "53100", attempt: 1) == .unavailable)
  }
}
