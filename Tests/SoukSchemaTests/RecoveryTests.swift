import SoukSchema
import Testing

@Suite("Several mistakes are reported in one run")
struct RecoveryTests {
  @Test func everyMistakeInAFileIsReported() {
    let text = """
      package shop.v1;

      import "missing.souk";

      message Order {
        string id = 1
        int64 total = 1;
        Customer customer = 2;
        repeated map<string, int32> counts = 3;
        int32 = 4;
        int32 unit_price = 5;
        int32 unitPrice = 6;
      }

      mesage Broken { int32 a = 1; }

      enum Status {
        STATUS_NEW = 1;
        STATUS_OLD = 2 [deprecated = maybe];
      }

      service Orders {
        rpc Place(Order) returns (Status) { option roles = [guest]; }
        rpc List(Order) returns (stream Order);
      }
      """
    #expect(
      diagnostics(["shop/v1/orders.souk": text]) == [
        "shop/v1/orders.souk:3:8: error: imported file 'missing.souk' does not exist",
        "shop/v1/orders.souk:6:16: error: expected ';' after field 'id'",
        "shop/v1/orders.souk:8:3: error: unknown type 'Customer'",
        "shop/v1/orders.souk:9:3: error: 'repeated' cannot be used on a map field; a map is already a collection with no presence",
        "shop/v1/orders.souk:10:9: error: expected a field name after the type 'int32', found '='",
        "shop/v1/orders.souk:12:9: error: field 'unitPrice' would get the same Swift name as field 'unit_price' (line 11); rename one of them",
        "shop/v1/orders.souk:15:1: error: expected 'message', 'enum' or 'service', found 'mesage'",
        "shop/v1/orders.souk:18:16: error: the first value of enum 'Status' must be 0, e.g. 'STATUS_UNSPECIFIED = 0;'",
        "shop/v1/orders.souk:19:32: error: expected 'true' or 'false', found 'maybe'",
        "shop/v1/orders.souk:23:29: error: rpc output type 'Status' is an enum; an rpc's input and output must be messages",
        "shop/v1/orders.souk:23:55: error: unknown role 'guest'; expected 'public', 'admin', 'partner' or 'cooperative'",
        "shop/v1/orders.souk:24:7: error: method 'List' has no 'option roles'; every rpc must say who may call it, e.g. 'option roles = [admin];'",
      ])
  }

  @Test func mistakesInSeveralFilesAreReportedSortedByLocation() {
    let result = SchemaCompiler.compile(files: [
      "b.souk": "package b;\nmessage B { int32 a = 0; }",
      "a.souk": "package a;\nmessage A { int32 a = 1; int32 b = 1; }",
    ])
    guard case .failure(let errors) = result else {
      Issue.record("expected diagnostics")
      return
    }
    #expect(
      errors.description == """
        a.souk:2:36: error: field number 1 is already used by 'a'
        b.souk:2:23: error: field number 0 is out of range; field numbers go from 1 to 536870911
        """)
    #expect(errors.diagnostics.allSatisfy { $0.severity == .error })
    #expect(errors.diagnostics[0].location == SoukSchema.SourceLocation(file: "a.souk", line: 2, column: 36))
  }

  @Test func aBrokenStatementDoesNotHideTheRestOfItsBlock() {
    #expect(
      diagnostics(body: "message A { int32 a = ; int32 b = 0; message C { int32 c = 1 } int32 d = 0; }") == [
        "test.souk:2:23: error: expected a field number after '=', found ';'",
        "test.souk:2:35: error: field number 0 is out of range; field numbers go from 1 to 536870911",
        "test.souk:2:61: error: expected ';' after field 'c'",
        "test.souk:2:74: error: field number 0 is out of range; field numbers go from 1 to 536870911",
      ])
  }

  @Test func aBrokenDeclarationHeaderSkipsItsWholeBody() {
    #expect(
      diagnostics(body: "message A B { int32 x = 0; }\nmessage C { int32 y = 0; }") == [
        "test.souk:2:11: error: expected '{' after the message name, found 'B'",
        "test.souk:3:23: error: field number 0 is out of range; field numbers go from 1 to 536870911",
      ])
  }

  @Test func hugeFileCompilesQuickly() throws {
    var text = "package big.v1;\n"
    for index in 0..<2_000 {
      text += "/// Message \(index).\nmessage M\(index) {\n"
      for field in 1...20 { text += "  M\((index + field) % 2_000) f\(field) = \(field);\n" }
      text += "}\n"
    }
    let clock = ContinuousClock()
    let start = clock.now
    let schema = try compileValid(["big.souk": text])
    #expect(schema.files[0].messages.count == 2_000)
    #expect(clock.now - start < .seconds(10))
  }
}
