extension Resolver {
  /// Checks one enum and builds its model.
  mutating func resolveEnum(_ declaration: EnumSyntax, parent: [String], in context: FileContext) -> EnumDecl {
    let name = declaration.name.value
    checkNotBuiltIn(declaration.name, kind: "enum")
    let reservations = checkReservations(
      declaration.reserved, validNumbers: 0...Self.maxEnumNumber, numberKind: "enum value")
    let example = "e.g. '\(Self.upperSnakeCase(name))_UNSPECIFIED = 0;'"
    if let first = declaration.values.first {
      if let number = first.number.value, number != 0 {
        error("the first value of enum '\(name)' must be 0, \(example)", at: first.number.location)
      }
    } else if !declaration.hasSyntaxErrors {
      error("enum '\(name)' has no values; its first value must be 0, \(example)", at: declaration.name.location)
    }

    var scope = NameScope(strippingPrefix: name)
    var numbers: [Int: String] = [:]
    var values: [EnumDecl.Value] = []
    for value in declaration.values {
      let valueName = value.name.value
      report(scope.declare(valueName, kind: "enum value", at: value.name.location, in: [.value]))
      if scope.swiftKey(for: valueName) == "unrecognized" {
        error(
          "enum value '\(valueName)' would get the same Swift name as the generated case 'unrecognized'; rename it",
          at: value.name.location)
      }
      if let reason = reservations.reason(forName: valueName, at: value.name.location) {
        error("enum value name '\(valueName)' \(reason)", at: value.name.location)
      }
      if let number = value.number.value {
        let location = value.number.location
        if number > Self.maxEnumNumber {
          error(
            "enum value number \(number) is out of range; enum value numbers go from 0 to \(Self.maxEnumNumber)",
            at: location)
        } else if let other = numbers[number] {
          error("enum value number \(number) is already used by '\(other)'", at: location)
        } else {
          numbers[number] = valueName
          if let reason = reservations.reason(forNumber: number, at: location) {
            error("enum value number \(number) \(reason)", at: location)
          }
        }
      }
      values.append(
        EnumDecl.Value(
          name: valueName, number: Int32(clamping: value.number.value ?? 0), isDeprecated: value.isDeprecated,
          documentation: Documentation(lines: value.documentation), location: value.name.location))
    }
    return EnumDecl(
      name: TypeName(package: context.package, path: parent + [name]), values: values, reserved: reservations.model,
      isDeprecated: declaration.isDeprecated, documentation: Documentation(lines: declaration.documentation),
      location: declaration.name.location)
  }

  /// `ProductStatus` -> `PRODUCT_STATUS`, for the example in diagnostics.
  static func upperSnakeCase(_ name: String) -> String {
    var result = ""
    var previous: Character?
    for character in name {
      if character.isUppercase, let previous, previous.isLowercase || previous.isNumber {
        result.append("_")
      }
      result += character.uppercased()
      previous = character
    }
    return result
  }
}
