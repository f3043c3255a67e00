import SoukSchema
import Testing

@Suite("Syntax mistakes")
struct SyntaxDiagnosticTests {
  @Test func missingPackage() {
    #expect(
      diagnostics(["a.souk": "/// doc\nmessage A {}"]) == [
        "a.souk:2:1: error: expected 'package' declaration at the start of the file, found 'message'"
      ])
  }

  @Test func emptyFile() {
    #expect(
      diagnostics(["a.souk": ""]) == [
        "a.souk:1:1: error: expected 'package' declaration at the start of the file, found end of file"
      ])
  }

  @Test func packageDeclaredTwice() {
    #expect(
      diagnostics(body: "package other.v1;") == [
        "test.souk:2:1: error: the package is already declared at line 1"
      ])
  }

  @Test func packageAfterImports() {
    #expect(
      diagnostics(["a.souk": "import \"b.souk\";\npackage a;", "b.souk": "package b;"]) == [
        "a.souk:1:1: error: expected 'package' declaration at the start of the file, found 'import'",
        "a.souk:2:1: error: the package must be declared before imports and declarations",
      ])
  }

  @Test func importAfterDeclarations() {
    #expect(
      diagnostics(["a.souk": "package a;\nmessage A {}\nimport \"b.souk\";", "b.souk": "package b;"]) == [
        "a.souk:3:1: error: imports must come before the first message, enum or service"
      ])
  }

  @Test func importWithoutPath() {
    #expect(
      diagnostics(body: "import b;") == [
        "test.souk:2:8: error: expected a file path in quotes after 'import', found 'b'"
      ])
  }

  @Test func missingSemicolonIsReportedAfterThePreviousToken() {
    #expect(
      diagnostics(body: "message A {\n  string name = 1\n  int32 b = 2;\n}") == [
        "test.souk:3:18: error: expected ';' after field 'name'"
      ])
  }

  @Test func missingFieldNumber() {
    #expect(
      diagnostics(body: "message A { int32 x = ; }") == [
        "test.souk:2:23: error: expected a field number after '=', found ';'"
      ])
  }

  @Test func missingFieldName() {
    #expect(
      diagnostics(body: "message A { repeated string = 1; }") == [
        "test.souk:2:29: error: expected a field name after the type 'string', found '='"
      ])
  }

  @Test func unknownTopLevelKeyword() {
    #expect(
      diagnostics(body: "mesage A { int32 a = 1; }\nmessage B {}") == [
        "test.souk:2:1: error: expected 'message', 'enum' or 'service', found 'mesage'"
      ])
  }

  @Test func unexpectedMessageMember() {
    #expect(
      diagnostics(body: "message A { rpc Get(A) returns (A); }") == [
        "test.souk:2:13: error: an rpc must be declared inside a service"
      ])
  }

  @Test func serviceInsideAMessage() {
    #expect(
      diagnostics(body: "message A { service S {} int32 a = 0; }") == [
        "test.souk:2:13: error: a service must be declared at the top level of a file",
        "test.souk:2:36: error: field number 0 is out of range; field numbers go from 1 to 536870911",
      ])
  }

  @Test func importInsideAMessage() {
    #expect(
      diagnostics(body: "message A { import \"b.souk\"; }") == [
        "test.souk:2:13: error: 'import' must be at the top of the file"
      ])
  }

  @Test func keywordsAreFieldTypesWhenFollowedByAName() {
    #expect(
      diagnostics(body: "message A { rpc rpc = 1; }") == [
        "test.souk:2:13: error: unknown type 'rpc'"
      ])
  }

  @Test func unexpectedTokenInMessage() {
    #expect(
      diagnostics(body: "message A { = 1; }") == [
        "test.souk:2:13: error: expected a field, 'message', 'enum', 'oneof', 'reserved' or 'option', found '='"
      ])
  }

  @Test func unclosedBlock() {
    #expect(
      diagnostics(body: "message A {\n  int32 a = 1;\n") == [
        "test.souk:4:1: error: expected '}' to close message 'A' opened at line 2"
      ])
  }

  @Test func strayClosingBrace() {
    #expect(
      diagnostics(body: "message A {}\n}") == [
        "test.souk:3:1: error: unexpected '}' with no matching '{'"
      ])
  }

  @Test func unknownFieldOption() {
    #expect(
      diagnostics(body: "message A { repeated int32 a = 1 [packed = true]; }") == [
        "test.souk:2:35: error: unknown field option 'packed'; the only field option is 'deprecated'"
      ])
  }

  @Test func fieldOptionSetTwice() {
    #expect(
      diagnostics(body: "message A { int32 a = 1 [deprecated = true, deprecated = false]; }") == [
        "test.souk:2:45: error: option 'deprecated' is set twice"
      ])
  }

  @Test func optionValueMustBeBool() {
    #expect(
      diagnostics(body: "enum E { E_A = 0 [deprecated = 1]; }") == [
        "test.souk:2:32: error: expected 'true' or 'false', found '1'"
      ])
  }

  @Test func unknownMessageOption() {
    #expect(
      diagnostics(body: "message A { option packed = true; }") == [
        "test.souk:2:20: error: unknown message option 'packed'; the only message option is 'deprecated'"
      ])
  }

  @Test func unknownEnumOption() {
    #expect(
      diagnostics(body: "enum E { option allow_alias = true; E_A = 0; }") == [
        "test.souk:2:17: error: unknown enum option 'allow_alias'; the only enum option is 'deprecated'"
      ])
  }

  @Test func rolesOnAServiceAreExplained() {
    #expect(
      diagnostics(body: "service S { option roles = [admin]; }") == [
        "test.souk:2:20: error: unknown service option 'roles'; 'roles' is set on each rpc, inside its braces"
      ])
  }

  @Test func declarationOptionSetTwice() {
    #expect(
      diagnostics(body: "message A { option deprecated = true; option deprecated = false; }") == [
        "test.souk:2:46: error: option 'deprecated' is set twice"
      ])
  }

  @Test func unknownMethodOption() {
    #expect(
      diagnostics(
        body: "message A {} service S { rpc M(A) returns (A) { option roles = [admin]; option timeout = 5; } }") == [
          "test.souk:2:80: error: unknown method option 'timeout'; expected 'roles', 'idempotent' or 'deprecated'"
        ])
  }

  @Test func methodOptionSetTwice() {
    #expect(
      diagnostics(
        body: "message A {} service S { rpc M(A) returns (A) { option roles = [admin]; option roles = [partner]; } }")
        == [
          "test.souk:2:80: error: option 'roles' is set twice"
        ])
  }

  @Test func unknownRole() {
    #expect(
      diagnostics(body: "message A {} service S { rpc M(A) returns (A) { option roles = [guest, admin]; } }") == [
        "test.souk:2:65: error: unknown role 'guest'; expected 'public', 'admin', 'partner' or 'cooperative'"
      ])
  }

  @Test func roleListedTwice() {
    #expect(
      diagnostics(body: "message A {} service S { rpc M(A) returns (A) { option roles = [admin, admin]; } }") == [
        "test.souk:2:72: error: role 'admin' is listed twice"
      ])
  }

  @Test func emptyRoles() {
    #expect(
      diagnostics(body: "message A {} service S { rpc M(A) returns (A) { option roles = []; } }") == [
        "test.souk:2:64: error: 'roles' needs at least one role, e.g. 'option roles = [admin];'"
      ])
  }

  @Test func rolesWithoutBrackets() {
    #expect(
      diagnostics(body: "message A {} service S { rpc M(A) returns (A) { option roles = admin; } }") == [
        "test.souk:2:64: error: expected '[' to start the list of roles, e.g. '[partner, admin]', found 'admin'"
      ])
  }

  @Test func missingReturns() {
    #expect(
      diagnostics(body: "message A {} service S { rpc M(A) (A) { option roles = [admin]; } }") == [
        "test.souk:2:35: error: expected 'returns' after the input type, found '('"
      ])
  }

  @Test func unexpectedServiceMember() {
    #expect(
      diagnostics(body: "service S { message A {} }") == [
        "test.souk:2:13: error: expected 'rpc' or 'option', found 'message'"
      ])
  }

  @Test func streamOnAField() {
    #expect(
      diagnostics(body: "message A { stream A next = 1; }") == [
        "test.souk:2:13: error: 'stream' is only allowed in an rpc's parentheses, e.g. 'rpc Watch(WatchRequest) returns (stream Event)'"
      ])
  }

  @Test func streamOnAMapValue() {
    #expect(
      diagnostics(body: "message A { map<string, stream A> next = 1; }") == [
        "test.souk:2:25: error: 'stream' is only allowed in an rpc's parentheses, e.g. 'rpc Watch(WatchRequest) returns (stream Event)'"
      ])
  }

  @Test func streamOutsideTheParentheses() {
    #expect(
      diagnostics(body: "message A {} service S { rpc M(A) returns stream (A) { option roles = [admin]; } }") == [
        "test.souk:2:43: error: 'stream' goes inside the parentheses: 'returns (stream Output)'"
      ])
  }

  @Test func mapValueIsAMap() {
    #expect(
      diagnostics(body: "message A { map<string, map<string, int32>> m = 1; }") == [
        "test.souk:2:25: error: map values cannot be maps; wrap the inner map in a message"
      ])
  }

  @Test func repeatedMap() {
    #expect(
      diagnostics(body: "message A { repeated map<string, int32> m = 1; }") == [
        "test.souk:2:13: error: 'repeated' cannot be used on a map field; a map is already a collection with no presence"
      ])
  }

  @Test func optionalMap() {
    #expect(
      diagnostics(body: "message A { optional map<string, int32> m = 1; }") == [
        "test.souk:2:13: error: 'optional' cannot be used on a map field; a map is already a collection with no presence"
      ])
  }

  @Test func optionalInOneof() {
    #expect(
      diagnostics(body: "message A { oneof o { optional string a = 1; } }") == [
        "test.souk:2:23: error: 'optional' is not allowed in a oneof; a oneof field already has presence"
      ])
  }

  @Test func repeatedInOneof() {
    #expect(
      diagnostics(body: "message A { oneof o { repeated string a = 1; } }") == [
        "test.souk:2:23: error: 'repeated' is not allowed in a oneof; wrap the list in a message"
      ])
  }

  @Test func mapInOneof() {
    #expect(
      diagnostics(body: "message A { oneof o { map<string, string> a = 1; } }") == [
        "test.souk:2:23: error: map fields are not allowed in a oneof; wrap the map in a message"
      ])
  }

  @Test func unexpectedOneofMember() {
    #expect(
      diagnostics(body: "message A { oneof o { int32 a = 1; message B {} } }") == [
        "test.souk:2:36: error: a oneof can only hold fields; write this 'message' next to the oneof, in the message"
      ])
  }

  @Test func optionInOneof() {
    #expect(
      diagnostics(body: "message A { oneof o { option deprecated = true; int32 a = 1; } }") == [
        "test.souk:2:23: error: a oneof can only hold fields; write this 'option' next to the oneof, in the message"
      ])
  }

  @Test func reservedMixesNumbersAndNames() {
    #expect(
      diagnostics(body: "message A { reserved 1, \"b\"; }") == [
        "test.souk:2:25: error: a 'reserved' statement lists either numbers or names, not both; split it in two"
      ])
  }

  @Test func reservedNameIsNotAnIdentifier() {
    #expect(
      diagnostics(body: "message A { reserved \"old name\"; }") == [
        "test.souk:2:22: error: reserved name \"old name\" is not a valid identifier"
      ])
  }

  @Test func reservedRangeEnd() {
    #expect(
      diagnostics(body: "message A { reserved 4 to ; }") == [
        "test.souk:2:27: error: expected a number or 'max' after 'to', found ';'"
      ])
  }

  @Test func nestingIsBounded() {
    let depth = 70
    let body = String(repeating: "message M { ", count: depth) + String(repeating: "} ", count: depth)
    #expect(
      diagnostics(body: body) == [
        "test.souk:2:769: error: messages are nested too deeply; at most 64 levels are allowed"
      ])
  }
}
