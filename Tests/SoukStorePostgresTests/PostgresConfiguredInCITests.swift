import SoukStorePostgresTestSupport
import Testing

/// CI must run the PostgreSQL tests: there, a missing test server is a failure, never a skip.
@Suite("PostgreSQL test server")
struct PostgresConfiguredInCITests {
  @Test func configuredWhenRunningOnCI() {
    #expect(
      !TestPostgres.isCI || TestPostgres.isConfigured,
      "CI is set but \(TestPostgres.variable) is not: .ci/run starts a server with .ci/postgres"
    )
  }
}
