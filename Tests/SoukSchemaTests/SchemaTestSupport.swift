import SoukSchema
import Testing

/// Compiles files that must be valid, failing the test with every diagnostic otherwise.
func compileValid(_ files: [String: String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Schema
{
  switch SchemaCompiler.compile(files: files) {
  case .success(let schema):
    return schema
  case .failure(let errors):
    Issue.record("unexpected diagnostics:\n\(errors)", sourceLocation: sourceLocation)
    throw errors
  }
}

/// The diagnostics of schema files that must fail, as printed (`path:line:column: error: message`).
func diagnostics(_ files: [String: String], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
  switch SchemaCompiler.compile(files: files) {
  case .success:
    Issue.record("expected diagnostics, but the schema compiled", sourceLocation: sourceLocation)
    return []
  case .failure(let errors):
    return errors.diagnostics.map(\.description)
  }
}

/// The diagnostics of a single file `test.souk` whose text follows a `package test.v1;` line.
func diagnostics(body: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
  diagnostics(["test.souk": "package test.v1;\n" + body], sourceLocation: sourceLocation)
}
