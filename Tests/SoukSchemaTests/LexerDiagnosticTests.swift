import SoukSchema
import Testing

@Suite("Lexical mistakes")
struct LexerDiagnosticTests {
  @Test func unexpectedCharacter() {
    #expect(
      diagnostics(body: "message A { int32 a = 1; # }") == [
        "test.souk:2:26: error: unexpected character '#'"
      ])
  }

  @Test func unexpectedCharactersAreReportedOncePerRun() {
    #expect(
      diagnostics(body: "message A { @@@ int32 a = 1; }") == [
        "test.souk:2:13: error: unexpected characters '@@@'"
      ])
  }

  @Test func controlCharactersAreShownAsCodePoints() {
    #expect(
      diagnostics(body: "message A {}\u{7}") == [
        "test.souk:2:13: error: unexpected character 'U+0007'"
      ])
  }

  @Test func nonASCIIIdentifier() {
    #expect(
      diagnostics(body: "message A { string prix_é = 1; }") == [
        "test.souk:2:20: error: invalid identifier 'prix_é': identifiers use only ASCII letters, digits and '_'"
      ])
  }

  @Test func dashInIdentifier() {
    #expect(
      diagnostics(body: "message A { int32 unit-price = 1; }") == [
        "test.souk:2:19: error: invalid identifier 'unit-price': identifiers use only ASCII letters, digits and '_'"
      ])
  }

  @Test func identifierStartingWithDigit() {
    #expect(
      diagnostics(body: "message A { int32 2name = 1; }") == [
        "test.souk:2:19: error: '2name' is neither a number nor an identifier; identifiers start with a letter or '_'"
      ])
  }

  @Test func negativeNumber() {
    #expect(
      diagnostics(body: "enum E { E_A = -1; }") == [
        "test.souk:2:16: error: negative number '-1' is not allowed; numbers are written without a sign"
      ])
  }

  @Test func leadingZero() {
    #expect(
      diagnostics(body: "message A { int32 a = 007; }") == [
        "test.souk:2:23: error: invalid number '007': numbers are written without leading zeros"
      ])
  }

  @Test func fraction() {
    #expect(
      diagnostics(body: "message A { int32 a = 1.5; }") == [
        "test.souk:2:23: error: '1.5' is not a whole number; only whole numbers are allowed"
      ])
  }

  @Test func numberTooLarge() {
    #expect(
      diagnostics(body: "message A { int32 a = 99999999999999999999; int32 b = 0xFFFFFFFFFFFFFFFFF; }") == [
        "test.souk:2:23: error: number '99999999999999999999' is too large",
        "test.souk:2:55: error: number '0xFFFFFFFFFFFFFFFFF' is too large",
      ])
  }

  @Test func hexPrefixWithoutDigits() {
    #expect(
      diagnostics(body: "message A { int32 a = 0x; }") == [
        "test.souk:2:23: error: '0x' is neither a number nor an identifier; identifiers start with a letter or '_'"
      ])
  }

  @Test func unterminatedString() {
    #expect(
      diagnostics(body: "import \"a.souk;\nmessage A {}") == [
        "test.souk:2:8: error: unterminated string; close it with '\"' on the same line"
      ])
  }

  @Test func invalidEscape() {
    #expect(
      diagnostics(body: "message A { reserved \"a\\qb\"; }") == [
        "test.souk:2:24: error: invalid escape '\\q' in string; use \\\", \\\\, \\n or \\t"
      ])
  }

  @Test func escapesAreDecoded() {
    #expect(
      diagnostics(body: "import \"dir\\\\x\\\"y.souk\";") == [
        "test.souk:2:8: error: imported file 'dir\\x\"y.souk' does not exist"
      ])
  }

  @Test func unterminatedBlockComment() {
    #expect(
      diagnostics(body: "message A {}\n  /* never closed\nmessage B {}") == [
        "test.souk:3:3: error: unterminated comment; close it with '*/'"
      ])
  }

  @Test func columnsCountUnicodeScalars() {
    // "مرحبا" is 5 scalars (10 UTF-8 bytes); "é" written as e + combining accent is 2 scalars, 1 character.
    #expect(
      diagnostics(body: "/* مرحبا e\u{301} */ message A { int32 a = 0; }") == [
        "test.souk:2:38: error: field number 0 is out of range; field numbers go from 1 to 536870911"
      ])
  }

  @Test func windowsLineEndings() {
    #expect(
      diagnostics(["test.souk": "package test.v1;\r\nmessage A {\r\n  int32 a = 0;\r\n}\r\n"]) == [
        "test.souk:3:13: error: field number 0 is out of range; field numbers go from 1 to 536870911"
      ])
  }
}
