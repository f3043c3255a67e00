import SoukSchema

/// Generates one field that is not part of a one-of: its property, and its share of `encodedSize()`,
/// `encode(to:)` and `decode(from:)`.
///
/// A deprecated field is stored privately (`_note`) behind a public accessor marked
/// `@available(*, deprecated)`: users get the warning, the generated code (which uses the storage) does not.
/// A message field that would make its message contain itself is stored in a heap box.
struct FieldGenerator {
  /// The field's shape, which decides presence and the record layout.
  enum Kind {
    /// A scalar or enum without presence: not written when equal to its default.
    case singular(ValueCoding)
    /// An `optional` scalar or enum, or a message: a Swift optional, written whenever set.
    case optional(ValueCoding)
    case repeated(ValueCoding)
    case map(key: ValueCoding, value: ValueCoding)
  }

  let field: FieldDecl
  let kind: Kind
  /// The public property name, escaped: `unitPrice`, `` `default` ``.
  let propertyName: String
  /// The name generated code reads and writes after `self.`: the property or its private stand-in.
  let accessName: String
  /// Whether the value lives in a heap box (`_SoukBox`).
  let isBoxed: Bool

  init(field: FieldDecl, in message: MessageDecl, context: GeneratorContext) {
    self.field = field
    switch (field.label, field.type) {
    case (_, .map(let key, let value)):
      kind = .map(key: ValueCoding(.scalar(key), context: context), value: ValueCoding(value, context: context))
    case (.repeated, let type):
      kind = .repeated(ValueCoding(type, context: context))
    case (_, .message):
      kind = .optional(ValueCoding(field.type, context: context))
    case (.optional, let type):
      kind = .optional(ValueCoding(type, context: context))
    case (.singular, let type):
      kind = .singular(ValueCoding(type, context: context))
    }
    if field.label != .repeated, case .message(let held) = field.type {
      isBoxed = context.needsIndirection(container: message.name, holding: held)
    } else {
      isBoxed = false
    }
    propertyName = SwiftNaming.propertyName(field.name)
    let privateName = "_" + SwiftNaming.rawPropertyName(field.name)
    accessName = field.isDeprecated ? privateName : propertyName
  }

  /// The number's tag for the field's (unpacked) records.
  private var tag: WireTag {
    switch kind {
    case .singular(let value), .optional(let value): WireTag(number: field.number, wireType: value.wireType)
    case .repeated(let element):
      WireTag(number: field.number, wireType: element.isPackable ? .lengthDelimited : element.wireType)
    case .map: WireTag(number: field.number, wireType: .lengthDelimited)
    }
  }

  private var swiftType: String {
    switch kind {
    case .singular(let value): value.swiftType
    case .optional(let value): value.swiftType + "?"
    case .repeated(let element): "[\(element.swiftType)]"
    case .map(let key, let value): "[\(key.swiftType): \(value.swiftType)]"
    }
  }

  private var initialValue: String {
    switch kind {
    case .singular(let value): value.defaultValue
    case .optional: "nil"
    case .repeated: "[]"
    case .map: "[:]"
    }
  }

  private var access: String { "self." + accessName }

  // MARK: - Declaration

  /// Whether the declaration takes more than one line (documentation or accessors), so that it reads best
  /// set apart by blank lines.
  var hasMultiLineDeclaration: Bool { isBoxed || field.isDeprecated || !field.documentation.isEmpty }

  func printDeclaration(into printer: inout CodePrinter) {
    let rawName = SwiftNaming.rawPropertyName(field.name)
    if isBoxed {
      let storage = "_\(rawName)Storage"
      printer.line("private var \(storage): _SoukBox<\(kindValueType)>? = nil")
      if field.isDeprecated {
        printer.block("private var \(accessName): \(swiftType) {") { printer in
          printBoxAccessors(storage: storage, into: &printer)
        }
        printPublicAccessor(into: &printer)
      } else {
        printer.documentation(field.documentation.lines)
        printer.block("public var \(propertyName): \(swiftType) {") { printer in
          printBoxAccessors(storage: storage, into: &printer)
        }
      }
    } else if field.isDeprecated {
      printer.line("private var \(accessName): \(swiftType) = \(initialValue)")
      printPublicAccessor(into: &printer)
    } else {
      printer.documentation(field.documentation.lines)
      printer.line("public var \(propertyName): \(swiftType) = \(initialValue)")
    }
  }

  /// The type of one value: the boxed type of a message field.
  private var kindValueType: String {
    switch kind {
    case .singular(let value), .optional(let value), .repeated(let value): value.swiftType
    case .map(_, let value): value.swiftType
    }
  }

  private func printBoxAccessors(storage: String, into printer: inout CodePrinter) {
    printer.line("get { self.\(storage)?.value }")
    printer.line("set { self.\(storage) = newValue.map(_SoukBox.init) }")
  }

  private func printPublicAccessor(into printer: inout CodePrinter) {
    printer.documentation(field.documentation.lines)
    printer.line("@available(*, deprecated)")
    printer.block("public var \(propertyName): \(swiftType) {") { printer in
      printer.line("get { \(access) }")
      printer.line("set { \(access) = newValue }")
    }
  }

  // MARK: - Size

  func printSize(into printer: inout CodePrinter) {
    let tagBytes = tag.byteCount
    switch kind {
    case .singular(let value):
      printer.block("if \(value.isNotDefault(access)) {") { printer in
        printer.line("size += \(tagBytes) + \(value.size(access))")
      }
    case .optional(let value):
      printer.block("if let value = \(access) {") { printer in
        printer.line("size += \(tagBytes) + \(value.size("value"))")
      }
    case .repeated(let element) where element.isPackable:
      printer.block("if !\(access).isEmpty {") { printer in
        printer.line("size += \(tagBytes) + \(element.packedSize(access))")
      }
    case .repeated(let element):
      printer.block("for element in \(access) {") { printer in
        printer.line("size += \(tagBytes) + \(element.size("element"))")
      }
    case .map(let key, let value):
      printer.block("for (key, value) in \(access) {") { printer in
        printer.line("let entry = \(mapEntrySize(key: key, value: value))")
        printer.line("size += \(tagBytes) + WireSize.varint(UInt64(entry)) + entry")
      }
    }
  }

  /// The size of a map entry's body: key (field 1) and value (field 2), both always written.
  private func mapEntrySize(key: ValueCoding, value: ValueCoding) -> String {
    let keyTag = WireTag(number: 1, wireType: key.wireType)
    let valueTag = WireTag(number: 2, wireType: value.wireType)
    return "\(keyTag.byteCount) + \(key.size("key")) + \(valueTag.byteCount) + \(value.size("value"))"
  }

  // MARK: - Encoding

  func printEncode(into printer: inout CodePrinter) {
    let tag = tag.literal
    switch kind {
    case .singular(let value):
      printer.block("if \(value.isNotDefault(access)) {") { printer in
        printer.line("writer.writeTag(\(tag))")
        printer.line(value.write(access))
      }
    case .optional(let value):
      printer.block("if let value = \(access) {") { printer in
        printer.line("writer.writeTag(\(tag))")
        printer.line(value.write("value"))
      }
    case .repeated(let element) where element.isPackable:
      printer.block("if !\(access).isEmpty {") { printer in
        printer.line("writer.writeTag(\(tag))")
        printer.line(element.writePacked(access))
      }
    case .repeated(let element):
      printer.block("for element in \(access) {") { printer in
        printer.line("writer.writeTag(\(tag))")
        printer.line(element.write("element"))
      }
    case .map(let key, let value):
      printer.block("for (key, value) in \(access).sortedByWireKey() {") { printer in
        printer.line("let entry = \(mapEntrySize(key: key, value: value))")
        printer.line("writer.writeTag(\(tag))")
        printer.line("writer.writeVarint(UInt64(entry))")
        printer.line("writer.writeTag(\(WireTag(number: 1, wireType: key.wireType).literal))")
        printer.line(key.write("key"))
        printer.line("writer.writeTag(\(WireTag(number: 2, wireType: value.wireType).literal))")
        printer.line(value.write("value"))
      }
    }
  }

  // MARK: - Decoding

  /// Prints the `case` clauses of the decode loop's `switch tag`.
  func printDecodeCases(into printer: inout CodePrinter) {
    switch kind {
    case .singular(let value), .optional(let value):
      printer.caseClause(tag.literal) { printer in
        if case .message = value.category {
          printer.line("try reader.readMessage(into: &\(access))")
        } else {
          printer.line("\(access) = \(value.read())")
        }
      }
    case .repeated(let element) where element.isPackable:
      printer.caseClause(tag.literal) { printer in
        printer.line(element.readPacked(appendingTo: access))
      }
      let unpacked = WireTag(number: field.number, wireType: element.wireType)
      printer.caseClause(unpacked.literal) { printer in
        printer.line(element.readElement(appendingTo: access))
      }
    case .repeated(let element):
      printer.caseClause(tag.literal) { printer in
        if case .message = element.category {
          printer.line("try reader.readMessage(appendingTo: &\(access))")
        } else {
          printer.line(element.readElement(appendingTo: access))
        }
      }
    case .map(let key, let value):
      printer.caseClause(tag.literal) { printer in
        printMapEntryDecoding(key: key, value: value, into: &printer)
      }
    }
  }

  private func printMapEntryDecoding(key: ValueCoding, value: ValueCoding, into printer: inout CodePrinter) {
    let isMessageValue = if case .message = value.category { true } else { false }
    printer.line("var key: \(key.swiftType) = \(key.defaultValue)")
    if isMessageValue {
      printer.line("var value: \(value.swiftType)? = nil")
    } else {
      printer.line("var value: \(value.swiftType) = \(value.defaultValue)")
    }
    printer.block("try reader.readMapEntry(currentCount: \(access).count) {") { printer in
      printer.line("(entry: inout WireReader) throws(WireDecodingError) in")
      printer.block("while let tag = try entry.nextTag() {") { printer in
        printer.switchBlock("tag") { printer in
          printer.line("case \(WireTag(number: 1, wireType: key.wireType).literal):")
          printer.indented { $0.line("key = \(key.read(reader: "entry"))") }
          printer.line("case \(WireTag(number: 2, wireType: value.wireType).literal):")
          printer.indented { printer in
            printer.line(
              isMessageValue ? "try entry.readMessage(into: &value)" : "value = \(value.read(reader: "entry"))")
          }
          printer.line("default:")
          printer.indented { $0.line("try entry.skipField(tag: tag)") }
        }
      }
    }
    printer.line("\(access)[key] = value" + (isMessageValue ? " ?? \(value.defaultValue)" : ""))
  }
}
