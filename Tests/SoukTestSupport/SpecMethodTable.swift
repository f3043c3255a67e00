import Foundation

/// The table of `Protocol/SPEC.md` section 1.4, "The API at a glance": every method with its call kind, the roles
/// allowed to call it and whether it is idempotent, as the document promises implementers. Tests hold the
/// generated descriptors and the server to it, so a role declared wrongly in a schema fails against a source the
/// code does not produce.
package struct SpecMethodTable: Sendable {
  /// One row of the table.
  package struct Row: Sendable, Hashable {
    /// `Service.Method`, e.g. `CatalogService.GetProduct`.
    package var method: String
    /// `unary`, `server streaming`, `client streaming` or `bidirectional streaming`.
    package var kind: String
    /// The role names, e.g. `["partner", "admin"]`.
    package var roles: Set<String>
    /// The `idempotent` column.
    package var isIdempotent: Bool
  }

  /// The rows, in the document's order.
  package var rows: [Row]

  /// What is wrong with the table (a missing section, a row that does not have four cells or says neither yes nor
  /// no, a method listed twice), one sentence each; a test records each as an issue.
  package var problems: [String]

  /// The row of `method` (`Service.Method`); nil when the table does not list it.
  package func row(_ method: String) -> Row? {
    self.rows.first { $0.method == method }
  }

  /// Reads the table from the specification.
  ///
  /// - Throws: The file system's error when the specification cannot be read.
  package init() throws {
    let text = try String(contentsOf: PackageFiles.url(SpecExamples.specificationPath), encoding: .utf8)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    self.rows = []
    self.problems = []
    guard let start = lines.firstIndex(of: "### 1.4 The API at a glance") else {
      self.problems.append("\(SpecExamples.specificationPath) has no section 1.4 The API at a glance")
      return
    }
    let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("#") } ?? lines.endIndex
    for line in lines[start..<end] where line.hasPrefix("| `") {
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      guard cells.count == 4, ["yes", "no"].contains(cells[3]) else {
        self.problems.append("a row of section 1.4 is not `method | kind | roles | idempotent`: \(line)")
        continue
      }
      let method = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
      if self.row(method) != nil { self.problems.append("section 1.4 lists \(method) twice") }
      let roles = cells[2].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
      self.rows.append(Row(method: method, kind: cells[1], roles: Set(roles), isIdempotent: cells[3] == "yes"))
    }
  }
}
