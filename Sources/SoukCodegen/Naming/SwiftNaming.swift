import SoukSchema

/// Maps schema names to Swift names, in one place, so every generator spells a declaration the same way.
///
/// The rules:
/// * a package `souk.catalog.v1` becomes the namespace enum `SoukCatalogV1`;
/// * messages, enums, one-of enums, services and methods become UpperCamelCase types;
/// * fields and one-of properties become lowerCamelCase, whatever the schema's spelling (`unit_price`,
///   `unitPrice` and `UnitPrice` all give `unitPrice`);
/// * methods also become lowerCamelCase functions of the server protocol and the client (`GetProduct` gives
///   `getProduct`);
/// * enum values lose their enum's UPPER_SNAKE name prefix and become lowerCamelCase cases
///   (`PRODUCT_STATUS_ACTIVE` in `ProductStatus` gives `active`);
/// * Swift keywords are escaped with backticks (`` `default` ``, `` `self` ``); names that would clash with a
///   generated member, a Swift standard type or a SoukWire type get a `_` suffix (`encode_`, `String_`).
///
/// The schema compiler rejects two names of one scope that differ only in case and underscores, so the names
/// produced here never collide with each other.
enum SwiftNaming {
  /// The namespace enum of a package: each dotted component in UpperCamelCase, joined.
  static func namespace(forPackage package: String) -> String {
    let name = package.split(separator: ".").map { upperCamelCase(String($0)) }.joined()
    return name.isEmpty ? "SoukSchema" : name
  }

  /// The Swift name of a message, enum, one-of enum, service or method type, without its parents.
  static func typeName(_ name: String) -> String {
    var result = upperCamelCase(name)
    if result.isEmpty { result = "Unnamed" }
    if result.first?.isNumber == true { result = "_" + result }
    return reservedTypeNames.contains(result) ? result + "_" : result
  }

  /// The fully qualified Swift name of a declared type, e.g. `SoukCatalogV1.Product.Photo`.
  static func qualifiedName(of type: TypeName) -> String {
    ([namespace(forPackage: type.package)] + type.path.map(typeName)).joined(separator: ".")
  }

  /// The Swift property name of a field or one-of, escaped for use in declarations and after `self.`.
  static func propertyName(_ name: String) -> String {
    escapedValueName(lowerCamelCase(name), reserved: reservedPropertyNames)
  }

  /// The property name without backticks, used to build the names of private storage (`_note`).
  static func rawPropertyName(_ name: String) -> String {
    let identifier = lowerCamelCase(name)
    return reservedPropertyNames.contains(identifier) ? identifier + "_" : identifier
  }

  /// The Swift function of a method, in the server protocol and the client: `GetProduct` -> `getProduct`.
  ///
  /// A name that would clash with a member of the protocol or the client (`registerMethods`, `rpcClient`) gets a
  /// `_` suffix, a keyword is written in backticks; use the result as written, after `self.` too.
  static func methodFunctionName(_ name: String) -> String {
    escapedValueName(lowerCamelCase(name), reserved: reservedMethodFunctionNames)
  }

  /// The Swift case of a one-of member field.
  static func oneofCaseName(_ fieldName: String) -> String {
    escapedValueName(lowerCamelCase(fieldName), reserved: reservedCaseNames)
  }

  /// The Swift case of an enum value: the enum's name prefix removed, then lowerCamelCase.
  ///
  /// The prefix is matched the way the schema compiler compares names (ignoring case and underscores), and is
  /// only removed when something remains after it: `STATUS_ACTIVE` and `STATUSACTIVE` in `Status` both give
  /// `active`, `STATUS` stays `status`.
  static func enumCaseName(_ valueName: String, enumName: String) -> String {
    escapedValueName(lowerCamelCase(shortValueName(valueName, enumName: enumName)), reserved: reservedCaseNames)
  }

  // MARK: - Case conversion

  /// `souk` -> `Souk`, `product_photo` -> `ProductPhoto`, `GetProduct` -> `GetProduct`, `v1` -> `V1`.
  static func upperCamelCase(_ name: String) -> String {
    words(of: name).map { word in
      word.prefix(1).uppercased() + word.dropFirst()
    }.joined()
  }

  /// `unit_price` -> `unitPrice`, `UnitPrice` -> `unitPrice`, `URL` -> `url`, `URLPath` -> `urlPath`,
  /// `PRODUCT_ID` -> `productId`. A result starting with a digit gets a leading `_`.
  static func lowerCamelCase(_ name: String) -> String {
    var result = ""
    for (index, word) in words(of: name).enumerated() {
      let isShouting = word.allSatisfy { !$0.isLowercase }
      if index == 0 {
        result += isShouting ? word.lowercased() : lowercasingLeadingCapitals(word)
      } else {
        let rest = isShouting ? word.dropFirst().lowercased() : String(word.dropFirst())
        result += word.prefix(1).uppercased() + rest
      }
    }
    if result.isEmpty { return "unnamed" }
    if result.first?.isNumber == true { return "_" + result }
    return result
  }

  /// The underscore-separated words of a name, empty ones dropped.
  private static func words(of name: String) -> [Substring] {
    name.split(separator: "_", omittingEmptySubsequences: true)
  }

  /// `URLPath` -> `urlPath`, `Name` -> `name`, `iPhone` -> `iPhone`.
  private static func lowercasingLeadingCapitals(_ word: Substring) -> String {
    let characters = Array(word)
    var capitals = 0
    while capitals < characters.count, characters[capitals].isUppercase { capitals += 1 }
    // In `URLPath` the last capital of the run starts the next word.
    if capitals > 1, capitals < characters.count, characters[capitals].isLowercase { capitals -= 1 }
    return String(characters[..<capitals]).lowercased() + String(characters[capitals...])
  }

  /// `PRODUCT_STATUS_ACTIVE` in `ProductStatus` -> `ACTIVE`: `valueName` without the enum name's prefix (SPEC
  /// 2.7), compared ignoring case and underscores; unchanged when the prefix does not match or nothing would
  /// remain. The Swift case name and the short name generated for people both come from it.
  static func shortValueName(_ valueName: String, enumName: String) -> String {
    let prefix = Array(enumName.lowercased().filter { $0 != "_" })
    var matched = 0
    var index = valueName.startIndex
    while index < valueName.endIndex, matched < prefix.count {
      let character = valueName[index]
      if character != "_" {
        guard Character(character.lowercased()) == prefix[matched] else { return valueName }
        matched += 1
      }
      index = valueName.index(after: index)
    }
    guard matched == prefix.count else { return valueName }
    let rest = valueName[index...].drop { $0 == "_" }
    return rest.isEmpty ? valueName : String(rest)
  }

  /// Backticks around keywords, a `_` suffix for reserved names.
  private static func escapedValueName(_ identifier: String, reserved: Set<String>) -> String {
    if reserved.contains(identifier) { return identifier + "_" }
    return keywords.contains(identifier) ? "`\(identifier)`" : identifier
  }
}
