import ArgumentParser
import SoukTools

/// How a listing command prints: a table for people, or JSON for programs.
struct OutputFormat: ParsableArguments {
  @Flag(help: "Print JSON Lines: one JSON object per line, as results arrive.")
  var json = false

  @Flag(name: .customLong("json-array"), help: "Print one JSON array instead of a table.")
  var jsonArray = false

  func validate() throws {
    if self.json && self.jsonArray { throw ValidationError("choose one of --json and --json-array") }
  }

  /// The JSON style asked for, or `nil` for a table.
  var jsonStyle: JSONOutput.Style? {
    if self.json { return .lines }
    if self.jsonArray { return .array }
    return nil
  }

  /// A JSON output to standard output in the style asked for, or `nil` for a table.
  func jsonOutput() -> JSONOutput? {
    self.jsonStyle.map { style in JSONOutput(style: style) { print($0, terminator: "") } }
  }
}
