/// How a read inside a write transaction locks the rows it returns, as the clause it ends the `SELECT` with; a
/// type, so that nothing but these clauses is ever written into a statement's text.
enum RowLock: String, Sendable {
  /// No lock: the row as committed when the statement starts.
  case none = ""
  /// `FOR UPDATE`: the row is this transaction's to change until it ends.
  case update = "FOR UPDATE"
  /// `FOR SHARE`: the row stays as read until this transaction ends; others may read and share-lock it.
  case share = "FOR SHARE"

  /// The clause, with the space that separates it from what comes before; empty for ``none``.
  var clause: String { self == .none ? "" : " " + self.rawValue }
}
