import Logging
import SoukStorePostgres
import SoukStorePostgresTestSupport

/// Stores on fresh databases of the test server.
enum PostgresStores {
  /// A store on a new, empty database.
  static func open(label: String) async throws -> PostgresMarketStore {
    try await PostgresMarketStore.open(
      try await TestPostgres.makeDatabase(label: label),
      logger: Logger(label: "souk.test.store"),
      maximumConnections: 8
    )
  }
}
