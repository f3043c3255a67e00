import SoukSchema
import Testing

@Suite("Numbers, names and reservations")
struct DeclarationDiagnosticTests {
  // MARK: - Field numbers

  @Test func duplicateFieldNumber() {
    #expect(
      diagnostics(body: "message A {\n  string id = 1;\n  string name = 1;\n}") == [
        "test.souk:4:17: error: field number 1 is already used by 'id'"
      ])
  }

  @Test func duplicateFieldNumberInsideAOneof() {
    #expect(
      diagnostics(body: "message A { int32 a = 1; oneof o { int32 b = 1; } }") == [
        "test.souk:2:46: error: field number 1 is already used by 'a'"
      ])
  }

  @Test(arguments: [0, 536_870_912])
  func fieldNumberOutOfRange(number: Int) {
    #expect(
      diagnostics(body: "message A { int32 a = \(number); }") == [
        "test.souk:2:23: error: field number \(number) is out of range; field numbers go from 1 to 536870911"
      ])
  }

  @Test func highestFieldNumberIsAllowed() throws {
    _ = try compileValid(["a.souk": "package a; message A { int32 a = 536870911; int32 b = 0x1FFFFFFE; }"])
  }

  @Test func reservedFieldNumber() {
    #expect(
      diagnostics(body: "message A {\n  reserved 3, 9 to 11;\n  int32 a = 10;\n}") == [
        "test.souk:4:13: error: field number 10 is reserved by 'reserved 9 to 11' at line 3"
      ])
  }

  @Test func reservedToMax() {
    #expect(
      diagnostics(body: "message A { reserved 100 to max; int32 a = 536870911; }") == [
        "test.souk:2:44: error: field number 536870911 is reserved by 'reserved 100 to max' at line 2"
      ])
  }

  @Test func reservedFieldName() {
    #expect(
      diagnostics(body: "message A {\n  reserved \"old_name\";\n  int32 old_name = 1;\n}") == [
        "test.souk:4:9: error: field name 'old_name' is reserved at line 3"
      ])
  }

  // MARK: - Reserved statements

  @Test func reservedRangeIsEmpty() {
    #expect(
      diagnostics(body: "message A { reserved 9 to 5; }") == [
        "test.souk:2:22: error: reserved range '9 to 5' is empty; write the smaller number first"
      ])
  }

  @Test func reservedNumberOutOfRange() {
    #expect(
      diagnostics(body: "message A { reserved 1 to 536870912; }\nenum E { E_A = 0; reserved 2147483648; }") == [
        "test.souk:2:27: error: reserved number 536870912 is out of range; field numbers go from 1 to 536870911",
        "test.souk:3:28: error: reserved number 2147483648 is out of range; enum value numbers go from 0 to 2147483647",
      ])
  }

  @Test func reservedRangesOverlap() {
    #expect(
      diagnostics(body: "message A {\n  reserved 10 to 20;\n  reserved 15, 30;\n}") == [
        "test.souk:4:12: error: 'reserved 15' overlaps 'reserved 10 to 20' at line 3"
      ])
  }

  @Test func reservedNameTwice() {
    #expect(
      diagnostics(body: "message A { reserved \"a\", \"b\"; reserved \"a\"; }") == [
        "test.souk:2:41: error: reserved name \"a\" is already reserved at line 2"
      ])
  }

  // MARK: - Names in a scope

  @Test func duplicateFieldName() {
    #expect(
      diagnostics(body: "message A {\n  int32 id = 1;\n  string id = 2;\n}") == [
        "test.souk:4:10: error: duplicate name 'id': already declared as a field at line 3"
      ])
  }

  @Test func fieldAndNestedTypeWithTheSameName() {
    #expect(
      diagnostics(body: "message A { int32 Kind = 1; enum Kind { KIND_A = 0; } }") == [
        "test.souk:2:34: error: duplicate name 'Kind': already declared as a field at line 2"
      ])
  }

  @Test func fieldsWithTheSameSwiftName() {
    #expect(
      diagnostics(body: "message A {\n  int64 unit_price = 1;\n  int64 unitPrice = 2;\n}") == [
        "test.souk:4:9: error: field 'unitPrice' would get the same Swift name as field 'unit_price' (line 3); rename one of them"
      ])
  }

  @Test func fieldAndOneofWithTheSameSwiftName() {
    #expect(
      diagnostics(body: "message A { int32 pay_method = 1; oneof payMethod { int32 b = 2; } }") == [
        "test.souk:2:41: error: oneof 'payMethod' would get the same Swift name as field 'pay_method' (line 2); rename one of them"
      ])
  }

  @Test func oneofAndNestedTypeWithTheSameSwiftName() {
    #expect(
      diagnostics(body: "message A { oneof source { int32 a = 1; } message Source {} }") == [
        "test.souk:2:51: error: message 'Source' would get the same Swift name as oneof 'source' (line 2); rename one of them"
      ])
  }

  @Test func fieldAndNestedTypeMayDifferOnlyInCase() throws {
    _ = try compileValid(["a.souk": "package a; message A { message Photo {} Photo photo = 1; }"])
  }

  @Test func fieldNamedLikeTheGeneratedUnknownFields() {
    #expect(
      diagnostics(body: "message A { bytes unknown_fields = 1; }") == [
        "test.souk:2:19: error: field 'unknown_fields' would get the same Swift name as the generated property 'unknownFields'; rename it"
      ])
  }

  @Test func topLevelDuplicateAcrossFilesOfAPackage() {
    #expect(
      diagnostics(["a.souk": "package p; message A {}", "b.souk": "package p;\nservice A {}"]) == [
        "b.souk:2:9: error: duplicate name 'A': already declared as a message at a.souk:1:20"
      ])
  }

  @Test func topLevelTypesWithTheSameSwiftName() {
    #expect(
      diagnostics(body: "message OrderLine {}\nenum Order_Line { A = 0; }") == [
        "test.souk:3:6: error: enum 'Order_Line' would get the same Swift name as message 'OrderLine' (line 2); rename one of them"
      ])
  }

  @Test func samePackageNamesInDifferentPackagesAreFine() throws {
    _ = try compileValid(["a.souk": "package a; message A {}", "b.souk": "package b; message A {}"])
  }

  @Test func builtInTypeName() {
    #expect(
      diagnostics(body: "message string {}\nenum bytes { X = 0; }") == [
        "test.souk:2:9: error: 'string' is a built-in type name; choose another name for the message",
        "test.souk:3:6: error: 'bytes' is a built-in type name; choose another name for the enum",
      ])
  }

  @Test func emptyOneof() {
    #expect(
      diagnostics(body: "message A { oneof choice {} }") == [
        "test.souk:2:19: error: oneof 'choice' has no fields; add at least one or remove it"
      ])
  }

  // MARK: - Enums

  @Test func enumFirstValueMustBeZero() {
    #expect(
      diagnostics(body: "enum OrderStatus {\n  ORDER_STATUS_NEW = 1;\n}") == [
        "test.souk:3:22: error: the first value of enum 'OrderStatus' must be 0, e.g. 'ORDER_STATUS_UNSPECIFIED = 0;'"
      ])
  }

  @Test func enumWithoutValues() {
    #expect(
      diagnostics(body: "enum Kind { reserved 1; }") == [
        "test.souk:2:6: error: enum 'Kind' has no values; its first value must be 0, e.g. 'KIND_UNSPECIFIED = 0;'"
      ])
  }

  @Test func duplicateEnumNumber() {
    #expect(
      diagnostics(body: "enum E { E_A = 0; E_B = 1; E_C = 1; }") == [
        "test.souk:2:34: error: enum value number 1 is already used by 'E_B'"
      ])
  }

  @Test func duplicateEnumValueName() {
    #expect(
      diagnostics(body: "enum E { E_A = 0; E_A = 1; }") == [
        "test.souk:2:19: error: duplicate name 'E_A': already declared as an enum value at line 2"
      ])
  }

  @Test func enumNumberOutOfRange() {
    #expect(
      diagnostics(body: "enum E { E_A = 0; E_B = 2147483648; }") == [
        "test.souk:2:25: error: enum value number 2147483648 is out of range; enum value numbers go from 0 to 2147483647"
      ])
  }

  @Test func highestEnumNumberIsAllowed() throws {
    _ = try compileValid(["a.souk": "package a; enum E { E_A = 0; E_B = 2147483647; }"])
  }

  @Test func reservedEnumNumber() {
    #expect(
      diagnostics(body: "enum E { reserved 2, 5 to 9; E_A = 0; E_B = 6; }") == [
        "test.souk:2:45: error: enum value number 6 is reserved by 'reserved 5 to 9' at line 2"
      ])
  }

  @Test func reservedEnumValueName() {
    #expect(
      diagnostics(body: "enum E { reserved \"E_OLD\"; E_A = 0; E_OLD = 1; }") == [
        "test.souk:2:37: error: enum value name 'E_OLD' is reserved at line 2"
      ])
  }

  @Test func enumValuesWithTheSameSwiftName() {
    #expect(
      diagnostics(body: "enum Status { STATUS_UNSPECIFIED = 0; STATUS_ACTIVE = 1; ACTIVE = 2; }") == [
        "test.souk:2:58: error: enum value 'ACTIVE' would get the same Swift name as enum value 'STATUS_ACTIVE' (line 2); rename one of them"
      ])
  }

  @Test func enumValueNamedLikeTheGeneratedUnrecognizedCase() {
    #expect(
      diagnostics(body: "enum Status { STATUS_UNSPECIFIED = 0; STATUS_UNRECOGNIZED = 1; }") == [
        "test.souk:2:39: error: enum value 'STATUS_UNRECOGNIZED' would get the same Swift name as the generated case 'unrecognized'; rename it"
      ])
  }

  // MARK: - Services

  @Test func methodsWithTheSameSwiftName() {
    #expect(
      diagnostics(
        body: """
          message A {}
          service S {
            rpc GetA(A) returns (A) { option roles = [admin]; }
            rpc get_a(A) returns (A) { option roles = [admin]; }
          }
          """) == [
          "test.souk:5:7: error: method 'get_a' would get the same Swift name as method 'GetA' (line 4); rename one of them"
        ])
  }

  @Test func methodWithoutRoles() {
    #expect(
      diagnostics(
        body:
          "message A {}\nservice S {\n  rpc Get(A) returns (A) { option idempotent = true; }\n  rpc List(A) returns (A);\n}"
      ) == [
        "test.souk:4:7: error: method 'Get' has no 'option roles'; every rpc must say who may call it, e.g. 'option roles = [admin];'",
        "test.souk:5:7: error: method 'List' has no 'option roles'; every rpc must say who may call it, e.g. 'option roles = [admin];'",
      ])
  }

  @Test func publicMayBeCombinedWithOtherRoles() throws {
    let schema = try compileValid([
      "a.souk": "package a; message A {} service S { rpc M(A) returns (A) { option roles = [public, admin]; } }"
    ])
    #expect(schema.files[0].services[0].methods[0].roles == [.public, .admin])
  }
}
