/// One row of `souk-bench orders`: which store the `souk serve` instances use and how many of them share it.
struct OrdersConfiguration: Sendable {
  /// The store behind the instances.
  enum Store: Sendable {
    /// The embedded SQLite store in the instance's data folder (one instance only).
    case sqlite
    /// A fresh database on the PostgreSQL server of `--postgres`, shared by every instance.
    case postgres
  }

  /// The store behind the instances.
  var store: Store
  /// How many `souk serve` instances take the orders.
  var instances: Int

  /// The embedded store, one instance: the baseline every other row is compared with.
  static let sqlite = OrdersConfiguration(store: .sqlite, instances: 1)

  /// The rows of a run, baseline first: with a PostgreSQL server, one and then two instances on it too.
  static func all(withPostgres: Bool) -> [OrdersConfiguration] {
    withPostgres
      ? [
        .sqlite, OrdersConfiguration(store: .postgres, instances: 1),
        OrdersConfiguration(store: .postgres, instances: 2),
      ]
      : [.sqlite]
  }

  /// The row's first cell.
  var name: String {
    switch store {
    case .sqlite: "SQLite (embedded)"
    case .postgres: "PostgreSQL"
    }
  }

  /// A few letters naming the row, for its folder and database.
  var label: String {
    switch store {
    case .sqlite: "sqlite"
    case .postgres: "postgres\(instances)"
    }
  }
}
