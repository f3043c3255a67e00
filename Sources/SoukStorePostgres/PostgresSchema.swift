import Logging
import PostgresNIO

/// The PostgreSQL store's tables, as numbered migrations applied once, in order, under an advisory lock.
///
/// The tables and columns are the SQLite store's (the statements of `StoreQueries` and `StoreRows` run on both):
/// records whole as their encoded message in a `body` column, next to the columns filters, orders and uniqueness
/// rules need. Text columns that order or key rows use the "C" collation, so that they sort by code point as
/// SQLite does whatever the database's locale. Two single-row counters hand out the catalog revisions and the
/// fulfilment-feed sequences; a transaction holds its counter's row lock until it commits, so numbers become
/// visible in the order they were taken and a reader never sees a later number before an earlier one. A trigger
/// on each counter notifies `souk_changes` when the transaction commits, which wakes the feeds of every instance.
enum PostgresSchema {
  /// The channel the counters' trigger notifies.
  static let changeChannel = "souk_changes"

  /// The advisory lock that serialises migrations across instances starting together.
  static let migrationLockKey: Int64 = 0x736F_756B_0001
  /// The advisory lock of ``PostgresMarketStore/withStartupLock(_:)``.
  static let startupLockKey: Int64 = 0x736F_756B_0002

  /// The migrations, by version; a database records the versions it has applied in `souk_migrations`.
  static let migrations: [(version: Int, statements: [String])] = [(1, version1)]

  /// Brings the database to the newest version, waiting for any other instance doing the same.
  static func migrate(_ connection: PostgresConnection, logger: Logger) async throws {
    try await connection.query("SELECT pg_advisory_lock(\(migrationLockKey))", logger: logger)
    do {
      try await connection.query(
        "CREATE TABLE IF NOT EXISTS souk_migrations (version BIGINT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)",
        logger: logger
      )
      var applied = Set<Int>()
      for try await version in try await connection.query("SELECT version FROM souk_migrations", logger: logger)
        .decode(Int.self)
      {
        applied.insert(version)
      }
      for migration in migrations where !applied.contains(migration.version) {
        try await connection.query("BEGIN", logger: logger)
        do {
          for statement in migration.statements {
            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
          }
          try await connection.query(
            "INSERT INTO souk_migrations (version, applied_at) VALUES (\(migration.version), now())",
            logger: logger
          )
          try await connection.query("COMMIT", logger: logger)
        } catch {
          _ = try? await connection.query("ROLLBACK", logger: logger)
          throw error
        }
        logger.info("applied migration", metadata: ["version": "\(migration.version)"])
      }
    } catch {
      _ = try? await connection.query("SELECT pg_advisory_unlock(\(migrationLockKey))", logger: logger)
      throw error
    }
    try await connection.query("SELECT pg_advisory_unlock(\(migrationLockKey))", logger: logger)
  }

  /// The first schema.
  private static let version1: [String] = [
    """
    CREATE TABLE catalog_state (
      id BIGINT PRIMARY KEY CHECK (id = 1),
      revision BIGINT NOT NULL
    )
    """,
    "INSERT INTO catalog_state (id, revision) VALUES (1, 0)",
    """
    CREATE TABLE feed_state (
      id BIGINT PRIMARY KEY CHECK (id = 1),
      sequence BIGINT NOT NULL
    )
    """,
    "INSERT INTO feed_state (id, sequence) VALUES (1, 0)",
    """
    CREATE FUNCTION souk_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('\(changeChannel)', '');
      RETURN NULL;
    END
    $$
    """,
    """
    CREATE TRIGGER catalog_state_notifies AFTER UPDATE ON catalog_state
    FOR EACH STATEMENT EXECUTE FUNCTION souk_notify_change()
    """,
    """
    CREATE TRIGGER feed_state_notifies AFTER UPDATE ON feed_state
    FOR EACH STATEMENT EXECUTE FUNCTION souk_notify_change()
    """,
    """
    CREATE TABLE cooperatives (
      id TEXT COLLATE "C" PRIMARY KEY,
      region BIGINT NOT NULL,
      sector BIGINT NOT NULL,
      status BIGINT NOT NULL,
      created_at BIGINT NOT NULL,
      revision BIGINT NOT NULL,
      search TEXT NOT NULL,
      body BYTEA NOT NULL
    )
    """,
    "CREATE INDEX cooperatives_by_created ON cooperatives (created_at, id)",
    "CREATE INDEX cooperatives_by_revision ON cooperatives (revision)",
    """
    CREATE TABLE products (
      id TEXT COLLATE "C" PRIMARY KEY,
      cooperative_id TEXT COLLATE "C" NOT NULL REFERENCES cooperatives (id),
      sku_key TEXT COLLATE "C" NOT NULL,
      status BIGINT NOT NULL,
      category BIGINT NOT NULL,
      price_minor BIGINT NOT NULL,
      stock BIGINT NOT NULL CHECK (stock >= 0),
      created_at BIGINT NOT NULL,
      revision BIGINT NOT NULL,
      created_revision BIGINT NOT NULL,
      stock_only BOOLEAN NOT NULL,
      search TEXT NOT NULL,
      body BYTEA NOT NULL,
      UNIQUE (cooperative_id, sku_key)
    )
    """,
    "CREATE INDEX products_by_created ON products (created_at, id)",
    "CREATE INDEX products_by_price ON products (price_minor, id)",
    "CREATE INDEX products_by_revision ON products (revision)",
    """
    CREATE TABLE partners (
      id TEXT COLLATE "C" PRIMARY KEY,
      status BIGINT NOT NULL,
      created_at BIGINT NOT NULL,
      search TEXT NOT NULL,
      website TEXT NOT NULL,
      body BYTEA NOT NULL
    )
    """,
    "CREATE INDEX partners_by_created ON partners (created_at, id)",
    """
    CREATE TABLE api_keys (
      id TEXT COLLATE "C" PRIMARY KEY,
      prefix TEXT COLLATE "C" NOT NULL UNIQUE,
      kind BIGINT NOT NULL,
      principal_id TEXT COLLATE "C" NOT NULL,
      secret_hash BYTEA NOT NULL,
      created_at BIGINT NOT NULL,
      revoked BOOLEAN NOT NULL,
      last_used_at BIGINT,
      body BYTEA NOT NULL
    )
    """,
    "CREATE INDEX api_keys_by_created ON api_keys (created_at, id)",
    """
    CREATE TABLE orders (
      id TEXT COLLATE "C" PRIMARY KEY,
      partner_id TEXT COLLATE "C" NOT NULL,
      reference TEXT COLLATE "C" NOT NULL,
      status BIGINT NOT NULL,
      payment_method BIGINT NOT NULL,
      delivery_region BIGINT NOT NULL,
      created_at BIGINT NOT NULL,
      outstanding_minor BIGINT NOT NULL,
      order_collected_minor BIGINT NOT NULL,
      search TEXT NOT NULL,
      phone_digits TEXT NOT NULL,
      body BYTEA NOT NULL,
      UNIQUE (partner_id, reference)
    )
    """,
    "CREATE INDEX orders_by_created ON orders (created_at, id)",
    """
    CREATE TABLE order_fulfilments (
      fulfilment_id TEXT COLLATE "C" PRIMARY KEY,
      order_id TEXT COLLATE "C" NOT NULL REFERENCES orders (id),
      cooperative_id TEXT COLLATE "C" NOT NULL,
      status BIGINT NOT NULL,
      goods_total_minor BIGINT NOT NULL,
      collected_minor BIGINT NOT NULL
    )
    """,
    "CREATE INDEX order_fulfilments_by_order ON order_fulfilments (order_id)",
    "CREATE INDEX order_fulfilments_by_cooperative ON order_fulfilments (cooperative_id, order_id)",
    """
    CREATE TABLE order_lines (
      order_id TEXT COLLATE "C" NOT NULL REFERENCES orders (id),
      product_id TEXT COLLATE "C" NOT NULL,
      PRIMARY KEY (order_id, product_id)
    )
    """,
    "CREATE INDEX order_lines_by_product ON order_lines (product_id)",
    """
    CREATE TABLE order_events (
      order_id TEXT COLLATE "C" NOT NULL REFERENCES orders (id),
      event_number BIGINT NOT NULL,
      body BYTEA NOT NULL,
      PRIMARY KEY (order_id, event_number)
    )
    """,
    """
    CREATE TABLE fulfilment_feed (
      sequence BIGINT PRIMARY KEY,
      kind BIGINT NOT NULL,
      order_id TEXT COLLATE "C" NOT NULL,
      cooperative_id TEXT COLLATE "C" NOT NULL,
      partner_id TEXT COLLATE "C" NOT NULL,
      event_number BIGINT NOT NULL,
      FOREIGN KEY (order_id, event_number) REFERENCES order_events (order_id, event_number)
    )
    """,
    "CREATE INDEX fulfilment_feed_by_cooperative ON fulfilment_feed (cooperative_id, sequence)",
    """
    CREATE TABLE idempotency (
      principal_kind BIGINT NOT NULL,
      principal_id TEXT COLLATE "C" NOT NULL,
      method TEXT COLLATE "C" NOT NULL,
      key TEXT COLLATE "C" NOT NULL,
      fingerprint BYTEA NOT NULL,
      resource_id TEXT NOT NULL,
      PRIMARY KEY (principal_kind, principal_id, method, key)
    )
    """,
    """
    CREATE TABLE audit_log (
      id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      time BIGINT NOT NULL,
      principal_kind BIGINT NOT NULL,
      principal_id TEXT NOT NULL,
      api_key_prefix TEXT NOT NULL,
      method TEXT NOT NULL,
      request_id TEXT NOT NULL,
      idempotency_key TEXT NOT NULL,
      target TEXT NOT NULL
    )
    """,
  ]
}
