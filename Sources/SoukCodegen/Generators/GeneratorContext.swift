import SoukSchema

/// What the generators need to know about the whole schema while generating one declaration: the zero case of
/// every enum, and which message fields must live on the heap because a message contains itself.
struct GeneratorContext {
  private var zeroCases: [TypeName: String] = [:]
  /// For each message, the messages it holds inline (singular fields and one-of members, not arrays or maps).
  private var inlineMessages: [TypeName: Set<TypeName>] = [:]

  init(schema: Schema) {
    for file in schema.files {
      for message in file.messages { register(message) }
      for enumeration in file.enums { register(enumeration) }
    }
  }

  private mutating func register(_ message: MessageDecl) {
    var held: Set<TypeName> = []
    for field in message.fields where field.label != .repeated {
      if case .message(let name) = field.type { held.insert(name) }
    }
    inlineMessages[message.name] = held
    for nested in message.messages { register(nested) }
    for nested in message.enums { register(nested) }
  }

  private mutating func register(_ enumeration: EnumDecl) {
    if let zero = enumeration.values.first(where: { $0.number == 0 }) {
      zeroCases[enumeration.name] = "." + SwiftNaming.enumCaseName(zero.name, enumName: enumeration.name.simpleName)
    }
  }

  /// The Swift expression of an enum's zero value: `.unspecified`.
  func zeroCase(of enumeration: TypeName) -> String {
    zeroCases[enumeration] ?? ".defaultValue"
  }

  /// Whether a `container` holding a `held` message inline would contain itself, so that Swift needs the
  /// value boxed (a struct cannot have infinite size).
  func needsIndirection(container: TypeName, holding held: TypeName) -> Bool {
    var visited: Set<TypeName> = []
    var pending = [held]
    while let next = pending.popLast() {
      if next == container { return true }
      guard visited.insert(next).inserted else { continue }
      pending += inlineMessages[next, default: []]
    }
    return false
  }

  /// Whether some message of `file` stores a field in a heap box, so the file needs the box type.
  func needsBox(inFile file: SchemaFile) -> Bool {
    file.messages.contains(where: hasBoxedField)
  }

  private func hasBoxedField(_ message: MessageDecl) -> Bool {
    let boxed = message.fields.contains { field in
      guard field.oneof == nil, field.label != .repeated, case .message(let held) = field.type else { return false }
      return needsIndirection(container: message.name, holding: held)
    }
    return boxed || message.messages.contains(where: hasBoxedField)
  }
}
