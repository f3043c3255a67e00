import SoukSchema

/// Generates an enum: a `public enum` conforming to `WireEnum` and `CaseIterable`, with a case per value and
/// `case unrecognized(Int32)` keeping values this version does not know, so they survive a decode and encode; and
/// each value's names as the schema writes them (`FULFILMENT_STATUS_DELIVERY_REFUSED`, and `DELIVERY_REFUSED`
/// without the enum's prefix), so that errors and tools show the schema's words, never Swift's.
///
/// Deprecated values get a documentation note rather than `@available(*, deprecated)`: the generated
/// `init(rawValue:)` must construct every case, and would itself warn.
struct EnumGenerator {
  let enumeration: EnumDecl

  var typeName: String { SwiftNaming.typeName(enumeration.name.simpleName) }

  private var cases: [(value: EnumDecl.Value, name: String)] {
    enumeration.values.map { ($0, SwiftNaming.enumCaseName($0.name, enumName: enumeration.name.simpleName)) }
  }

  private func shortName(_ value: EnumDecl.Value) -> String {
    SwiftNaming.shortValueName(value.name, enumName: enumeration.name.simpleName)
  }

  func print(into printer: inout CodePrinter) {
    let cases = cases
    printer.blankLine()
    printer.documentation(enumeration.documentation.lines, deprecated: enumeration.isDeprecated)
    printer.block("public enum \(typeName): WireEnum, CaseIterable {") { printer in
      for (value, name) in cases {
        printer.documentation(value.documentation.lines, deprecated: value.isDeprecated)
        printer.line("case \(name)")
      }
      printer.line("/// A value this version of the schema does not know; kept so that it is encoded back unchanged.")
      printer.line("case unrecognized(Int32)")

      printer.blankLine()
      let zeroCase = cases.first { $0.value.number == 0 }
      let zero = zeroCase.map { $0.name } ?? "unrecognized(0)"
      printer.line("public static let defaultValue: \(typeName) = .\(zero)")
      printer.blankLine()
      printer.line("/// The values the schema declares, in declaration order.")
      let allCases = cases.map { "." + $0.name }
      let declaration = "public static let allCases: [\(typeName)] = ["
      let oneLine = declaration + allCases.joined(separator: ", ") + "]"
      if oneLine.count <= 100 {
        printer.line(oneLine)
      } else {
        printer.block(declaration, closer: "]") { printer in
          for name in allCases { printer.line(name + ",") }
        }
      }

      printer.blankLine()
      printer.block("public init(rawValue: Int32) {") { printer in
        printer.switchBlock("rawValue") { printer in
          for (value, name) in cases {
            printer.caseClause(IntegerLiteral.decimal(value.number)) { $0.line("self = .\(name)") }
          }
          printer.line("default:")
          printer.indented { $0.line("self = .unrecognized(rawValue)") }
        }
      }

      printer.blankLine()
      printer.block("public var rawValue: Int32 {") { printer in
        printer.switchBlock("self") { printer in
          for (value, name) in cases {
            printer.caseClause(".\(name)") { $0.line(IntegerLiteral.decimal(value.number)) }
          }
          printer.caseClause(".unrecognized(let value)") { $0.line("value") }
        }
      }

      printer.blankLine()
      printer.line("/// The value's name as the schema writes it; nil for a value this version does not know.")
      printer.block("public var schemaName: String? {") { printer in
        printer.switchBlock("self") { printer in
          for (value, name) in cases {
            printer.caseClause(".\(name)") { $0.line("\"\(value.name)\"") }
          }
          printer.caseClause(".unrecognized") { $0.line("nil") }
        }
      }

      printer.blankLine()
      printer.line("/// The value's name without the enum's prefix, as people and command lines see it; nil for a")
      printer.line("/// value this version does not know.")
      printer.block("public var shortSchemaName: String? {") { printer in
        printer.switchBlock("self") { printer in
          for (value, name) in cases {
            printer.caseClause(".\(name)") { $0.line("\"\(shortName(value))\"") }
          }
          printer.caseClause(".unrecognized") { $0.line("nil") }
        }
      }
    }
  }
}
