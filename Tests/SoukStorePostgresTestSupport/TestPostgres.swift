import Foundation
import Logging
import PostgresNIO
public import SoukStorePostgres

/// The PostgreSQL server tests run against: `SOUK_TEST_POSTGRES_URL`, which `.ci/postgres start` prints and
/// `.ci/run` exports. Each test takes a database of its own on it.
///
/// Without the variable the PostgreSQL tests are skipped on a developer's machine (see the README for starting a
/// throwaway server with `.ci/postgres`); under CI (`CI` set) its absence is itself a failure, so a CI run can never
/// pass by skipping them.
public enum TestPostgres {
  /// The environment variable naming the test server.
  public static let variable = "SOUK_TEST_POSTGRES_URL"

  /// The test server's URL, as the environment gives it; nil when unset.
  public static let serverURLText: String? = ProcessInfo.processInfo.environment[variable].flatMap {
    $0.isEmpty ? nil : $0
  }

  /// Whether the PostgreSQL tests run here: the variable is set.
  public static var isConfigured: Bool { serverURLText != nil }

  /// Whether this run is on CI, where the PostgreSQL tests must run.
  public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false }

  /// Creates a new, empty database on the test server and returns its URL.
  ///
  /// - Parameter label: a few letters naming the test, to find its database when something goes wrong.
  public static func makeDatabase(label: String = "test") async throws -> PostgresStoreURL {
    guard let text = serverURLText else { throw TestPostgresError.notConfigured }
    let server = try PostgresStoreURL(text)
    let suffix = UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
    let name = "souk_\(label.lowercased().filter { $0.isLetter || $0.isNumber })_\(suffix)"
    let connection = try await PostgresConnection.connect(
      configuration: server.connectionConfiguration,
      id: 1,
      logger: Logger(label: "souk.test.postgres")
    )
    do {
      // A database name cannot be a bind parameter; `name` is made of ASCII letters, digits and underscores.
      try await connection.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: connection.logger)
      try await connection.close()
    } catch {
      try? await connection.close()
      throw error
    }
    return server.withDatabase(name)
  }
}

/// Why a PostgreSQL test could not get a database.
public enum TestPostgresError: Error, CustomStringConvertible {
  /// `SOUK_TEST_POSTGRES_URL` is not set.
  case notConfigured

  public var description: String {
    "\(TestPostgres.variable) is not set: start a test server with `.ci/postgres start` and export what it prints"
  }
}
