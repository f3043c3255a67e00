extension Parser {
  /// Parses a whole file; problems are collected in ``diagnostics``, and what could be read is returned.
  mutating func parseFile() -> FileSyntax {
    var file = FileSyntax(path: path)
    if current.isWord("package") {
      file.documentation = current.documentation
      do throws(SyntaxError) {
        file.package = try parsePackage()
      } catch {
        recover()
      }
    } else if !current.isMalformed {
      error(
        "expected 'package' declaration at the start of the file, found \(current.quoted)", at: current.location)
    }
    var hasDeclarations = false
    while !isAtEnd {
      do throws(SyntaxError) {
        try parseTopLevelStatement(into: &file, hasDeclarations: &hasDeclarations)
      } catch {
        recover()
      }
    }
    return file
  }

  private mutating func parseTopLevelStatement(
    into file: inout FileSyntax, hasDeclarations: inout Bool
  ) throws(SyntaxError) {
    let token = current
    if token.isSymbol(";") {
      advance()
    } else if token.isSymbol("}") {
      error("unexpected '}' with no matching '{'", at: token.location)
      advance()
    } else if token.isWord("package") {
      if let package = file.package {
        error("the package is already declared at line \(package.location.line)", at: token.location)
      } else {
        error("the package must be declared before imports and declarations", at: token.location)
      }
      let package = try parsePackage()
      if file.package == nil { file.package = package }
    } else if token.isWord("import") {
      if hasDeclarations {
        error("imports must come before the first message, enum or service", at: token.location)
      }
      file.imports.append(try parseImport())
    } else if token.isWord("message") {
      file.messages.append(try parseMessage())
      hasDeclarations = true
    } else if token.isWord("enum") {
      file.enums.append(try parseEnum())
      hasDeclarations = true
    } else if token.isWord("service") {
      file.services.append(try parseService())
      hasDeclarations = true
    } else {
      throw fail(expected: "'message', 'enum' or 'service'")
    }
  }

  /// `package a.b.c;`
  private mutating func parsePackage() throws(SyntaxError) -> Located<String> {
    advance()  // `package`
    let first = try expectIdentifier("a package name after 'package'")
    var components = [first.value]
    while current.isSymbol(".") {
      advance()
      components.append(try expectIdentifier("a package name component after '.'").value)
    }
    try expectSemicolon(after: "the package name")
    return Located(components.joined(separator: "."), at: first.location)
  }

  /// `import "path/to/file.souk";`
  private mutating func parseImport() throws(SyntaxError) -> Located<String> {
    advance()  // `import`
    guard current.kind == .string else { throw fail(expected: "a file path in quotes after 'import'") }
    let path = advance()
    try expectSemicolon(after: "the import")
    return Located(path.text, at: path.location)
  }
}
