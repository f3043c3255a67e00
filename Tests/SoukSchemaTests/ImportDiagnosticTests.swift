import SoukSchema
import Testing

@Suite("Imports")
struct ImportDiagnosticTests {
  @Test func importOfAMissingFile() {
    #expect(
      diagnostics(["a.souk": "package a;\nimport \"souk/common/v1/common.souk\";"]) == [
        "a.souk:2:8: error: imported file 'souk/common/v1/common.souk' does not exist"
      ])
  }

  @Test func importOfAMissingFileSuggestsAFileWithTheSameName() {
    #expect(
      diagnostics([
        "souk/catalog/v1/catalog.souk": "package souk.catalog.v1; import \"common.souk\";",
        "souk/common/v1/common.souk": "package souk.common.v1;",
      ]) == [
        "souk/catalog/v1/catalog.souk:1:33: error: imported file 'common.souk' does not exist; did you mean 'souk/common/v1/common.souk'?"
      ])
  }

  @Test func fileImportedTwice() {
    #expect(
      diagnostics(["a.souk": "package a;\nimport \"b.souk\";\nimport \"b.souk\";", "b.souk": "package b;"]) == [
        "a.souk:3:8: error: file 'b.souk' is already imported at line 2"
      ])
  }

  @Test func importCycle() {
    #expect(
      diagnostics([
        "c.souk": "package c; import \"a.souk\";",
        "a.souk": "package a;\nimport \"b.souk\";",
        "b.souk": "package b; import \"c.souk\";",
      ]) == [
        "a.souk:2:8: error: import cycle: a.souk -> b.souk -> c.souk -> a.souk"
      ])
  }

  @Test func importCycleIsReportedOncePerGroupWithTheShortestLoop() {
    #expect(
      diagnostics([
        "a.souk": "package a; import \"b.souk\"; import \"c.souk\";",
        "b.souk": "package b; import \"c.souk\";",
        "c.souk": "package c; import \"a.souk\";",
        "d.souk": "package d; import \"e.souk\";",
        "e.souk": "package e; import \"d.souk\";",
      ]) == [
        "a.souk:1:36: error: import cycle: a.souk -> c.souk -> a.souk",
        "d.souk:1:19: error: import cycle: d.souk -> e.souk -> d.souk",
      ])
  }

  @Test func fileImportingItself() {
    #expect(
      diagnostics(["a.souk": "package a; import \"a.souk\";"]) == [
        "a.souk:1:19: error: import cycle: a.souk -> a.souk"
      ])
  }

  @Test func typesStillResolveThroughACycle() {
    #expect(
      diagnostics([
        "a.souk": "package a; import \"b.souk\"; message A { b.B b = 1; }",
        "b.souk": "package b; import \"a.souk\"; message B { a.A a = 1; }",
      ]) == [
        "a.souk:1:19: error: import cycle: a.souk -> b.souk -> a.souk"
      ])
  }
}
