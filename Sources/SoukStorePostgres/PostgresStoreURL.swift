import Foundation
public import PostgresNIO

/// Where a PostgreSQL store lives, read from a connection URL as `libpq` writes them:
/// `postgres://USER:PASSWORD@HOST:PORT/DATABASE` (or `postgresql://`), with `sslmode=disable` the only TLS mode.
///
/// Souk's TLS goes through the system OpenSSL only, and postgres-nio's TLS would bring another TLS library: the
/// store connects to PostgreSQL in plain TCP, for a server on loopback or a private network. A URL that asks for
/// TLS (`sslmode=require`, `verify-ca`, `verify-full`) is refused rather than silently downgraded.
public struct PostgresStoreURL: Sendable, Hashable, CustomStringConvertible {
  /// The server's host name or address.
  public var host: String
  /// The server's port (5432 unless the URL says otherwise).
  public var port: Int
  /// The role to connect as.
  public var username: String
  /// The role's password; nil when the URL has none (trust or peer authentication).
  public var password: String?
  /// The database; the username's database when the URL names none.
  public var database: String

  /// Reads a connection URL.
  ///
  /// - Throws: ``PostgresStoreURLError`` naming what is wrong with it.
  public init(_ text: String) throws(PostgresStoreURLError) {
    guard let components = URLComponents(string: text), let scheme = components.scheme,
      ["postgres", "postgresql"].contains(scheme.lowercased())
    else { throw PostgresStoreURLError("expected postgres://USER:PASSWORD@HOST:PORT/DATABASE") }
    guard let host = components.host, !host.isEmpty else {
      throw PostgresStoreURLError("the URL names no host")
    }
    guard let username = components.user, !username.isEmpty else {
      throw PostgresStoreURLError("the URL names no user")
    }
    for item in components.queryItems ?? [] {
      switch (item.name, item.value ?? "") {
      case ("sslmode", "disable"), ("sslmode", "allow"), ("sslmode", "prefer"):
        continue
      case ("sslmode", let mode):
        throw PostgresStoreURLError(
          "sslmode=\(mode) is not supported: the store connects without TLS (keep PostgreSQL on loopback or a "
            + "private network)"
        )
      case ("application_name", _), ("connect_timeout", _):
        continue
      default:
        throw PostgresStoreURLError("unknown URL parameter '\(item.name)'")
      }
    }
    self.host = host
    self.port = components.port ?? 5432
    self.username = username
    self.password = components.password
    let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
    self.database = path.isEmpty ? username : path
  }

  /// The URL of another database on the same server, as the same role.
  public func withDatabase(_ database: String) -> PostgresStoreURL {
    var url = self
    url.database = database
    return url
  }

  /// The URL without its password, for logs and banners.
  public var description: String {
    let credentials = self.password == nil ? self.username : "\(self.username):***"
    return "postgres://\(credentials)@\(self.host):\(self.port)/\(self.database)"
  }
}

/// A connection URL the PostgreSQL store cannot use, and why.
public struct PostgresStoreURLError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What is wrong with the URL.
  public var description: String

  init(_ description: String) {
    self.description = "invalid PostgreSQL URL: \(description)"
  }
}

extension PostgresStoreURL {
  /// The configuration of one connection to this database with postgres-nio, for tools that connect beside the
  /// store (no TLS: see the type's comment).
  public var connectionConfiguration: PostgresConnection.Configuration {
    PostgresConnection.Configuration(
      host: self.host,
      port: self.port,
      username: self.username,
      password: self.password,
      database: self.database,
      tls: .disable
    )
  }
}
