extension Resolver {
  /// Checks one message (and its nested types) and builds its model.
  mutating func resolveMessage(_ message: MessageSyntax, parent: [String], in context: FileContext) -> MessageDecl {
    let path = parent + [message.name.value]
    checkNotBuiltIn(message.name, kind: "message")
    checkMemberNames(of: message)
    let reservations = checkReservations(
      message.reserved, validNumbers: 1...Self.maxFieldNumber, numberKind: "field")

    var numbers: [Int: String] = [:]
    var fields: [FieldDecl] = []
    fields.reserveCapacity(message.fields.count)
    for field in message.fields {
      checkNumber(of: field, usedNumbers: &numbers, reservations: reservations)
      if let reason = reservations.reason(forName: field.name.value, at: field.name.location) {
        error("field name '\(field.name.value)' \(reason)", at: field.name.location)
      }
      let type = resolveFieldType(field.type, in: context, scope: path)
      fields.append(
        FieldDecl(
          name: field.name.value, number: field.number.value ?? 0, label: field.label,
          // Only reached with a diagnostic already recorded, so the model is never handed out.
          type: type ?? .scalar(.bytes),
          oneof: field.oneof, isDeprecated: field.isDeprecated,
          documentation: Documentation(lines: field.documentation), location: field.name.location))
    }

    let oneofs = message.oneofs.map { oneof in
      if oneof.fieldNames.isEmpty && !oneof.hasSyntaxErrors {
        error("oneof '\(oneof.name.value)' has no fields; add at least one or remove it", at: oneof.name.location)
      }
      return OneofDecl(
        name: oneof.name.value, fieldNames: oneof.fieldNames, documentation: Documentation(lines: oneof.documentation),
        location: oneof.name.location)
    }
    let messages = message.messages.map { resolveMessage($0, parent: path, in: context) }
    let enums = message.enums.map { resolveEnum($0, parent: path, in: context) }
    return MessageDecl(
      name: TypeName(package: context.package, path: path), fields: fields, oneofs: oneofs, messages: messages,
      enums: enums, reserved: reservations.model, isDeprecated: message.isDeprecated,
      documentation: Documentation(lines: message.documentation), location: message.name.location)
  }

  private mutating func checkNumber(
    of field: FieldSyntax, usedNumbers: inout [Int: String], reservations: ReservationIndex
  ) {
    guard let number = field.number.value else { return }
    let location = field.number.location
    if !(1...Self.maxFieldNumber).contains(number) {
      error(
        "field number \(number) is out of range; field numbers go from 1 to \(Self.maxFieldNumber)", at: location)
    } else if let other = usedNumbers[number] {
      error("field number \(number) is already used by '\(other)'", at: location)
    } else {
      usedNumbers[number] = field.name.value
      if let reason = reservations.reason(forNumber: number, at: location) {
        error("field number \(number) \(reason)", at: location)
      }
    }
  }

  /// Fields, one-ofs and nested types share one scope; Swift names must stay distinct too.
  private mutating func checkMemberNames(of message: MessageSyntax) {
    var members: [(name: Located<String>, kind: String, spaces: [NameScope.SwiftSpace])] = []
    members += message.fields.map { ($0.name, "field", [.value]) }
    members += message.oneofs.map { ($0.name, "oneof", [.value, .type]) }
    members += message.messages.map { ($0.name, "message", [.type]) }
    members += message.enums.map { ($0.name, "enum", [.type]) }
    members.sort { $0.name.location < $1.name.location }
    var scope = NameScope()
    for member in members {
      report(scope.declare(member.name.value, kind: member.kind, at: member.name.location, in: member.spaces))
      if member.spaces.contains(.value) && NameScope.normalize(member.name.value) == "unknownfields" {
        error(
          "\(member.kind) '\(member.name.value)' would get the same Swift name as the generated property "
            + "'unknownFields'; rename it",
          at: member.name.location)
      }
    }
  }
}
