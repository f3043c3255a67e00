import SoukSchema

/// Generates a message: a `public struct` conforming to `WireMessage`, with its fields, one-ofs, unknown fields,
/// nested types and the three coding methods.
struct MessageGenerator {
  /// One step of the encoding, in ascending field number: a field, or a run of one-of members with no other
  /// field numbered between them.
  private enum EncodingStep {
    case field(FieldGenerator)
    case oneofRun(OneofGenerator, numbers: [Int])
  }

  let message: MessageDecl
  private let context: GeneratorContext
  private let fields: [FieldGenerator]
  private let oneofs: [OneofGenerator]

  init(message: MessageDecl, context: GeneratorContext) {
    self.message = message
    self.context = context
    fields = message.fields.filter { $0.oneof == nil }.map {
      FieldGenerator(field: $0, in: message, context: context)
    }
    oneofs = message.oneofs.map { OneofGenerator(oneof: $0, in: message, context: context) }
  }

  /// The Swift name of the struct, without its parents.
  var typeName: String { SwiftNaming.typeName(message.name.simpleName) }

  func print(into printer: inout CodePrinter) {
    printer.blankLine()
    printer.documentation(message.documentation.lines, deprecated: message.isDeprecated)
    printer.block("public struct \(typeName): \(conformances) {") { printer in
      printer.line("public static let fullName = \"\(message.name.fullName)\"")
      printProperties(into: &printer)
      printer.blankLine()
      printer.line("public var unknownFields = UnknownFields()")
      for oneof in oneofs { oneof.printEnum(into: &printer) }
      printer.blankLine()
      printer.line("public init() {}")
      printEncodedSize(into: &printer)
      printEncode(into: &printer)
      printDecode(into: &printer)
      for nested in message.messages {
        MessageGenerator(message: nested, context: context).print(into: &printer)
      }
      for nested in message.enums {
        EnumGenerator(enumeration: nested).print(into: &printer)
      }
    }
  }

  /// `WireMessage`, and `IdempotentRequest` for a message with a `string idempotency_key` field (not repeated,
  /// optional, deprecated or in a one-of), so that clients can fill the key once and resend it with every retry.
  var conformances: String {
    let hasIdempotencyKey = message.fields.contains { field in
      field.name == "idempotency_key" && field.label == .singular && field.type == .scalar(.string)
        && field.oneof == nil && !field.isDeprecated
    }
    return hasIdempotencyKey ? "WireMessage, IdempotentRequest" : "WireMessage"
  }

  /// The fields, then the one-ofs, in declaration order; documented ones set apart by blank lines.
  private func printProperties(into printer: inout CodePrinter) {
    printer.blankLine()
    var previousWasMultiLine = false
    func separate(multiLine: Bool) {
      if multiLine || previousWasMultiLine { printer.blankLine() }
      previousWasMultiLine = multiLine
    }
    for field in fields {
      separate(multiLine: field.hasMultiLineDeclaration)
      field.printDeclaration(into: &printer)
    }
    for oneof in oneofs {
      separate(multiLine: oneof.hasMultiLineDeclaration)
      oneof.printProperty(into: &printer)
    }
  }

  /// Fields and one-of runs in ascending field number: the order of canonical encoding.
  private var encodingSteps: [EncodingStep] {
    enum Item {
      case field(FieldGenerator)
      case member(oneof: Int, number: Int)
    }
    var items: [(number: Int, item: Item)] = fields.map { ($0.field.number, .field($0)) }
    for (index, oneof) in oneofs.enumerated() {
      items += oneof.numbers.map { ($0, .member(oneof: index, number: $0)) }
    }
    items.sort { $0.number < $1.number }
    var steps: [EncodingStep] = []
    var run: (oneof: Int, numbers: [Int])?
    for (_, item) in items {
      switch item {
      case .member(let oneof, let number) where run?.oneof == oneof:
        run?.numbers.append(number)
      case .member(let oneof, let number):
        if let finished = run { steps.append(.oneofRun(oneofs[finished.oneof], numbers: finished.numbers)) }
        run = (oneof, [number])
      case .field(let field):
        if let finished = run { steps.append(.oneofRun(oneofs[finished.oneof], numbers: finished.numbers)) }
        run = nil
        steps.append(.field(field))
      }
    }
    if let finished = run { steps.append(.oneofRun(oneofs[finished.oneof], numbers: finished.numbers)) }
    return steps
  }

  private func printEncodedSize(into printer: inout CodePrinter) {
    printer.blankLine()
    printer.block("public func encodedSize() -> Int {") { printer in
      let steps = encodingSteps
      guard !steps.isEmpty else {
        printer.line("return self.unknownFields.byteCount")
        return
      }
      printer.line("var size = 0")
      for step in steps {
        switch step {
        case .field(let field): field.printSize(into: &printer)
        case .oneofRun(let oneof, let numbers): oneof.printSize(numbers: numbers, into: &printer)
        }
      }
      printer.line("return size + self.unknownFields.byteCount")
    }
  }

  private func printEncode(into printer: inout CodePrinter) {
    printer.blankLine()
    printer.block("public func encode(to writer: inout WireWriter) {") { printer in
      for step in encodingSteps {
        switch step {
        case .field(let field): field.printEncode(into: &printer)
        case .oneofRun(let oneof, let numbers): oneof.printEncode(numbers: numbers, into: &printer)
        }
      }
      printer.line("writer.writeUnknownFields(self.unknownFields)")
    }
  }

  private func printDecode(into printer: inout CodePrinter) {
    printer.blankLine()
    let signature = "public mutating func decode(from reader: inout WireReader) throws(WireDecodingError) {"
    printer.block(signature) { printer in
      printer.block("while let tag = try reader.nextTag() {") { printer in
        let unknown = "try reader.readUnknownField(tag: tag, into: &self.unknownFields)"
        guard !message.fields.isEmpty else {
          printer.line(unknown)
          return
        }
        printer.switchBlock("tag") { printer in
          for step in encodingSteps {
            switch step {
            case .field(let field): field.printDecodeCases(into: &printer)
            case .oneofRun(let oneof, let numbers):
              for number in numbers { oneof.printDecodeCases(number: number, into: &printer) }
            }
          }
          printer.line("default:")
          printer.indented { $0.line(unknown) }
        }
      }
    }
  }
}
