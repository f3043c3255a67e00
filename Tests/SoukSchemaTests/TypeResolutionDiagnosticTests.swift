import SoukSchema
import Testing

@Suite("Type references")
struct TypeResolutionDiagnosticTests {
  @Test func unknownType() {
    #expect(
      diagnostics(body: "message A { Foo f = 1; .test.v1.Bar b = 2; }") == [
        "test.souk:2:13: error: unknown type 'Foo'",
        "test.souk:2:24: error: unknown type '.test.v1.Bar'",
      ])
  }

  @Test func misspeltScalarType() {
    #expect(
      diagnostics(body: "message A { strng name = 1; Int64 total = 2; int price = 3; boolean ok = 4; }") == [
        "test.souk:2:13: error: unknown type 'strng'; did you mean 'string'?",
        "test.souk:2:29: error: unknown type 'Int64'; did you mean 'int64'?",
        "test.souk:2:46: error: unknown type 'int'; did you mean 'int32'?",
        "test.souk:2:61: error: unknown type 'boolean'; did you mean 'bool'?",
      ])
  }

  @Test func unknownTypeSuggestsAVisibleTypeWithThatName() {
    #expect(
      diagnostics(body: "message A { message Photo {} }\nmessage B { Photo p = 1; }") == [
        "test.souk:3:13: error: unknown type 'Photo'; did you mean 'test.v1.A.Photo'?"
      ])
  }

  @Test func unknownTypeSuggestsATypeInAFileThatIsNotImported() {
    #expect(
      diagnostics([
        "a.souk": "package a; message A { Photo p = 1; }",
        "b.souk": "package b; message B { message Photo {} }",
      ]) == [
        "a.souk:1:24: error: unknown type 'Photo'; did you mean 'b.B.Photo' from 'b.souk'?"
      ])
  }

  @Test func missingImportOfARelativeName() {
    #expect(
      diagnostics([
        "souk/catalog/v1/catalog.souk": "package souk.catalog.v1;\nmessage Product { Money price = 1; }",
        "souk/common/v1/common.souk": "package souk.common.v1; message Money {}",
      ]) == [
        "souk/catalog/v1/catalog.souk:2:19: error: type 'Money' is declared in 'souk/common/v1/common.souk', which this file does not import; add 'import \"souk/common/v1/common.souk\";'"
      ])
  }

  @Test func missingImportOfAQualifiedName() {
    #expect(
      diagnostics([
        "a.souk": "package a; message A { .c.Money m = 1; c.Money n = 2; }",
        "c.souk": "package c; message Money {}",
      ]) == [
        "a.souk:1:24: error: type '.c.Money' is declared in 'c.souk', which this file does not import; add 'import \"c.souk\";'",
        "a.souk:1:40: error: type 'c.Money' is declared in 'c.souk', which this file does not import; add 'import \"c.souk\";'",
      ])
  }

  @Test func missingImportWithinTheSamePackage() {
    #expect(
      diagnostics([
        "a.souk": "package p; message A { B b = 1; }",
        "b.souk": "package p; message B {}",
      ]) == [
        "a.souk:1:24: error: type 'B' is declared in 'b.souk', which this file does not import; add 'import \"b.souk\";'"
      ])
  }

  @Test func importsAreNotTransitive() {
    #expect(
      diagnostics([
        "a.souk": "package a; import \"b.souk\"; message A { C c = 1; }",
        "b.souk": "package b; import \"c.souk\"; message B { C c = 1; }",
        "c.souk": "package c; message C {}",
      ]) == [
        "a.souk:1:41: error: type 'C' is declared in 'c.souk', which this file does not import; add 'import \"c.souk\";'"
      ])
  }

  @Test func ambiguousAcrossImportedPackages() {
    #expect(
      diagnostics([
        "a.souk": "package a; import \"x.souk\"; import \"y.souk\"; message A { Money m = 1; .y.Money ok = 2; }",
        "x.souk": "package x; message Money {}",
        "y.souk": "package y; message Money {}",
      ]) == [
        "a.souk:1:58: error: type 'Money' is ambiguous: it matches 'x.Money' and 'y.Money'; write the full name, e.g. '.x.Money'"
      ])
  }

  @Test func ownPackageWinsOverImportedPackages() throws {
    let schema = try compileValid([
      "a.souk": "package a; import \"x.souk\"; message Money {} message A { Money m = 1; }",
      "x.souk": "package x; message Money {}",
    ])
    #expect(schema.files[0].messages[1].fields[0].type == .message(.init(package: "a", path: ["Money"])))
  }

  @Test func serviceIsNotAFieldType() {
    #expect(
      diagnostics(body: "service S {}\nmessage A { S s = 1; }") == [
        "test.souk:3:13: error: 'S' is a service, not a message or enum"
      ])
  }

  @Test func invalidMapKeys() {
    #expect(
      diagnostics(
        body:
          "enum E { E_A = 0; }\nmessage A { map<double, int32> a = 1; map<E, int32> b = 2; map<bytes, int32> c = 3; }")
        == [
          "test.souk:3:17: error: map keys must be bool, int32, int64, uint32, uint64 or string, not 'double'",
          "test.souk:3:43: error: map keys must be bool, int32, int64, uint32, uint64 or string, not 'E'",
          "test.souk:3:64: error: map keys must be bool, int32, int64, uint32, uint64 or string, not 'bytes'",
        ])
  }

  @Test func mapValueTypeIsResolved() {
    #expect(
      diagnostics(body: "message A { map<string, Missing> a = 1; }") == [
        "test.souk:2:25: error: unknown type 'Missing'"
      ])
  }

  @Test func rpcTypesMustBeMessages() {
    #expect(
      diagnostics(
        body: """
          enum E { E_A = 0; }
          message A {}
          service S {
            rpc M(E) returns (string) { option roles = [admin]; }
            rpc N(S) returns (map<string, A>) { option roles = [admin]; }
          }
          """) == [
          "test.souk:5:9: error: rpc input type 'E' is an enum; an rpc's input and output must be messages",
          "test.souk:5:21: error: rpc output type 'string' is not a message; wrap it in a message",
          "test.souk:6:9: error: rpc input type 'S' is a service; an rpc's input and output must be messages",
          "test.souk:6:21: error: rpc output type 'map<string, A>' is not a message; wrap it in a message",
        ])
  }

  @Test func rpcTypesAreResolvedFromTheImportedPackages() throws {
    let schema = try compileValid([
      "a.souk":
        "package a; import \"c.souk\"; service S { rpc M(Money) returns (.c.Money) { option roles = [admin]; } }",
      "c.souk": "package c; message Money {}",
    ])
    let method = schema.files[0].services[0].methods[0]
    #expect(method.input.fullName == "c.Money")
    #expect(method.output.fullName == "c.Money")
  }
}
