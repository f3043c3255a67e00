import SoukStorePostgres
import Testing

/// Connection URLs as operators write them, and the ones the store refuses with a reason.
@Suite("PostgreSQL connection URL")
struct PostgresStoreURLTests {
  @Test func readsEveryPart() throws {
    let url = try PostgresStoreURL("postgres://souk:s%40cret@db.internal:6543/market?sslmode=disable")
    #expect(url.host == "db.internal")
    #expect(url.port == 6543)
    #expect(url.username == "souk")
    #expect(url.password == "s@cret")
    #expect(url.database == "market")
  }

  @Test func defaultsPortAndDatabaseAndAllowsNoPassword() throws {
    let url = try PostgresStoreURL("postgresql://souk@127.0.0.1")
    #expect(url.port == 5432)
    #expect(url.database == "souk")
    #expect(url.password == nil)
  }

  @Test func descriptionHidesThePassword() throws {
    let url = try PostgresStoreURL("postgres://souk:secret@127.0.0.1:5432/souk")
    #expect(url.description == "postgres://souk:***@127.0.0.1:5432/souk")
    #expect(!url.description.contains("secret"))
  }

  @Test(arguments: [
    ("mysql://souk@127.0.0.1/souk", "expected postgres://"),
    ("postgres:///souk", "no host"),
    ("postgres://127.0.0.1/souk", "no user"),
    ("postgres://souk@127.0.0.1/souk?sslmode=require", "sslmode=require is not supported"),
    ("postgres://souk@127.0.0.1/souk?sslmode=verify-full", "sslmode=verify-full is not supported"),
    ("postgres://souk@127.0.0.1/souk?pool=3", "unknown URL parameter 'pool'"),
  ])
  func refusesWithTheReason(text: String, reason: String) {
    #expect {
      _ = try PostgresStoreURL(text)
    } throws: { error in
      "\(error)".contains(reason) && "\(error)".hasPrefix("invalid PostgreSQL URL")
    }
  }
}
