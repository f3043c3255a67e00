import SoukSchema

/// Generates a one-of: an optional property holding a nested enum with one case per member field, and the
/// property's share of `encodedSize()`, `encode(to:)` and `decode(from:)`.
///
/// The set case is always written, even when its value is the default. A member message read twice is merged.
struct OneofGenerator {
  private struct Member {
    var field: FieldDecl
    var caseName: String
    var coding: ValueCoding
    var tag: WireTag
  }

  let oneof: OneofDecl
  /// The nested enum's name: `Source`.
  let enumName: String
  /// The property's name: `source`.
  let propertyName: String
  private let members: [Member]
  /// Whether a member holds a message that contains this one-of's message, so the enum must be `indirect`.
  private let isIndirect: Bool

  init(oneof: OneofDecl, in message: MessageDecl, context: GeneratorContext) {
    self.oneof = oneof
    enumName = SwiftNaming.typeName(oneof.name)
    propertyName = SwiftNaming.propertyName(oneof.name)
    let fieldsByName = Dictionary(message.fields.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    members = oneof.fieldNames.compactMap { name in
      guard let field = fieldsByName[name] else { return nil }
      let coding = ValueCoding(field.type, context: context)
      return Member(
        field: field, caseName: SwiftNaming.oneofCaseName(field.name), coding: coding,
        tag: WireTag(number: field.number, wireType: coding.wireType))
    }
    isIndirect = members.contains { member in
      guard case .message(let held) = member.field.type else { return false }
      return context.needsIndirection(container: message.name, holding: held)
    }
  }

  private var access: String { "self." + propertyName }

  // MARK: - Declarations

  /// Whether the property has documentation, so that it reads best set apart by blank lines.
  var hasMultiLineDeclaration: Bool { !oneof.documentation.isEmpty }

  func printProperty(into printer: inout CodePrinter) {
    printer.documentation(oneof.documentation.lines)
    printer.line("public var \(propertyName): \(enumName)? = nil")
  }

  func printEnum(into printer: inout CodePrinter) {
    printer.blankLine()
    printer.documentation(oneof.documentation.lines)
    let indirect = isIndirect ? "indirect " : ""
    printer.block("public \(indirect)enum \(enumName): Hashable, Sendable {") { printer in
      for member in members {
        printer.documentation(member.field.documentation.lines, deprecated: member.field.isDeprecated)
        printer.line("case \(member.caseName)(\(member.coding.swiftType))")
      }
    }
  }

  // MARK: - Size and encoding

  /// The member field numbers, ascending.
  var numbers: [Int] { members.map(\.field.number).sorted() }

  /// Prints the size of the members numbered `numbers` (all of them, or a run between other fields).
  func printSize(numbers: [Int], into printer: inout CodePrinter) {
    printSwitch(numbers: numbers, into: &printer) { member, printer in
      printer.line("size += \(member.tag.byteCount) + \(member.coding.size("value"))")
    }
  }

  /// Prints the encoding of the members numbered `numbers` (all of them, or a run between other fields).
  func printEncode(numbers: [Int], into printer: inout CodePrinter) {
    printSwitch(numbers: numbers, into: &printer) { member, printer in
      printer.line("writer.writeTag(\(member.tag.literal))")
      printer.line(member.coding.write("value"))
    }
  }

  /// A `switch` over the property with a case per selected member, in number order.
  private func printSwitch(
    numbers: [Int], into printer: inout CodePrinter, _ body: (Member, inout CodePrinter) -> Void
  ) {
    let selected = members.filter { numbers.contains($0.field.number) }.sorted { $0.field.number < $1.field.number }
    printer.switchBlock("\(access)") { printer in
      for member in selected {
        printer.caseClause(".\(member.caseName)(let value)?") { body(member, &$0) }
      }
      if selected.count == members.count {
        printer.caseClause("nil") { $0.line("break") }
      } else {
        printer.line("default:")
        printer.indented { $0.line("break") }
      }
    }
  }

  // MARK: - Decoding

  /// Prints the `case` clauses of the decode loop's `switch tag`.
  func printDecodeCases(number: Int, into printer: inout CodePrinter) {
    for member in members where member.field.number == number {
      printer.caseClause(member.tag.literal) { printer in
        guard case .message = member.coding.category else {
          printer.line("\(access) = .\(member.caseName)(\(member.coding.read()))")
          return
        }
        printer.line("var value: \(member.coding.swiftType)? = nil")
        printer.block("if case .\(member.caseName)(let existing)? = \(access) {") { printer in
          printer.line("value = existing")
        }
        printer.line("try reader.readMessage(into: &value)")
        printer.block("if let value {") { printer in
          printer.line("\(access) = .\(member.caseName)(value)")
        }
      }
    }
  }
}
