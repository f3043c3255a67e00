import Foundation
import GRDB
import SoukStore

/// The SQLite store's tables, as versioned migrations.
///
/// Every record is kept whole as its encoded message in a `body` BLOB; the other columns copy the fields that
/// filters, orders and uniqueness rules need, and are always written from the same value as the body. Times are
/// microseconds since the epoch; enums are their schema numbers.
enum SQLiteSchema {
  /// The migrator that brings a database file to the current schema; running it again does nothing.
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      for statement in version1 {
        try db.execute(sql: statement)
      }
    }
    return migrator
  }

  /// The first schema.
  private static let version1: [String] = [
    """
    CREATE TABLE catalog_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      revision INTEGER NOT NULL
    )
    """,
    "INSERT INTO catalog_state (id, revision) VALUES (1, 0)",
    """
    CREATE TABLE cooperatives (
      id TEXT PRIMARY KEY,
      region INTEGER NOT NULL,
      sector INTEGER NOT NULL,
      status INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      revision INTEGER NOT NULL,
      search TEXT NOT NULL,
      body BLOB NOT NULL
    )
    """,
    "CREATE INDEX cooperatives_by_created ON cooperatives (created_at, id)",
    "CREATE INDEX cooperatives_by_revision ON cooperatives (revision)",
    """
    CREATE TABLE products (
      id TEXT PRIMARY KEY,
      cooperative_id TEXT NOT NULL REFERENCES cooperatives (id),
      sku_key TEXT NOT NULL,
      status INTEGER NOT NULL,
      category INTEGER NOT NULL,
      price_minor INTEGER NOT NULL,
      stock INTEGER NOT NULL CHECK (stock >= 0),
      created_at INTEGER NOT NULL,
      revision INTEGER NOT NULL,
      created_revision INTEGER NOT NULL,
      stock_only INTEGER NOT NULL,
      search TEXT NOT NULL,
      body BLOB NOT NULL,
      UNIQUE (cooperative_id, sku_key)
    )
    """,
    "CREATE INDEX products_by_created ON products (created_at, id)",
    "CREATE INDEX products_by_price ON products (price_minor, id)",
    "CREATE INDEX products_by_revision ON products (revision)",
    """
    CREATE TABLE partners (
      id TEXT PRIMARY KEY,
      status INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      search TEXT NOT NULL,
      website TEXT NOT NULL,
      body BLOB NOT NULL
    )
    """,
    "CREATE INDEX partners_by_created ON partners (created_at, id)",
    """
    CREATE TABLE api_keys (
      id TEXT PRIMARY KEY,
      prefix TEXT NOT NULL UNIQUE,
      kind INTEGER NOT NULL,
      principal_id TEXT NOT NULL,
      secret_hash BLOB NOT NULL,
      created_at INTEGER NOT NULL,
      revoked INTEGER NOT NULL,
      last_used_at INTEGER,
      body BLOB NOT NULL
    )
    """,
    "CREATE INDEX api_keys_by_created ON api_keys (created_at, id)",
    """
    CREATE TABLE orders (
      id TEXT PRIMARY KEY,
      partner_id TEXT NOT NULL,
      reference TEXT NOT NULL,
      status INTEGER NOT NULL,
      payment_method INTEGER NOT NULL,
      delivery_region INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      outstanding_minor INTEGER NOT NULL,
      order_collected_minor INTEGER NOT NULL,
      search TEXT NOT NULL,
      phone_digits TEXT NOT NULL,
      body BLOB NOT NULL,
      UNIQUE (partner_id, reference)
    )
    """,
    "CREATE INDEX orders_by_created ON orders (created_at, id)",
    """
    CREATE TABLE order_fulfilments (
      fulfilment_id TEXT PRIMARY KEY,
      order_id TEXT NOT NULL REFERENCES orders (id),
      cooperative_id TEXT NOT NULL,
      status INTEGER NOT NULL,
      goods_total_minor INTEGER NOT NULL,
      collected_minor INTEGER NOT NULL
    )
    """,
    "CREATE INDEX order_fulfilments_by_order ON order_fulfilments (order_id)",
    "CREATE INDEX order_fulfilments_by_cooperative ON order_fulfilments (cooperative_id, order_id)",
    """
    CREATE TABLE order_lines (
      order_id TEXT NOT NULL REFERENCES orders (id),
      product_id TEXT NOT NULL,
      PRIMARY KEY (order_id, product_id)
    )
    """,
    "CREATE INDEX order_lines_by_product ON order_lines (product_id)",
    """
    CREATE TABLE order_events (
      order_id TEXT NOT NULL REFERENCES orders (id),
      event_number INTEGER NOT NULL,
      body BLOB NOT NULL,
      PRIMARY KEY (order_id, event_number)
    )
    """,
    """
    CREATE TABLE fulfilment_feed (
      sequence INTEGER PRIMARY KEY AUTOINCREMENT,
      kind INTEGER NOT NULL,
      order_id TEXT NOT NULL,
      cooperative_id TEXT NOT NULL,
      partner_id TEXT NOT NULL,
      event_number INTEGER NOT NULL,
      FOREIGN KEY (order_id, event_number) REFERENCES order_events (order_id, event_number)
    )
    """,
    """
    CREATE TABLE idempotency (
      principal_kind INTEGER NOT NULL,
      principal_id TEXT NOT NULL,
      method TEXT NOT NULL,
      key TEXT NOT NULL,
      fingerprint BLOB NOT NULL,
      resource_id TEXT NOT NULL,
      PRIMARY KEY (principal_kind, principal_id, method, key)
    )
    """,
    """
    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      time INTEGER NOT NULL,
      principal_kind INTEGER NOT NULL,
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
