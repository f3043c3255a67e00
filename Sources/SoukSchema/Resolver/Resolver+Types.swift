extension Resolver {
  /// Finds the declaration a type reference names, following the scoping rules: the innermost enclosing
  /// message outward, then the file's package, then the packages of directly imported files, then the name
  /// as fully qualified. A leading `.` skips straight to the last step. Reports unknown, ambiguous and
  /// not-imported types and returns `nil` for them.
  mutating func lookUp(_ reference: TypeReference, in context: FileContext, scope: [String]) -> Symbol? {
    guard !reference.isMalformed else { return nil }
    let name = reference.components.joined(separator: ".")
    var hidden: Symbol?
    func visible(_ fullName: String) -> Symbol? {
      guard let symbol = symbols[fullName] else { return nil }
      if context.visibleFiles.contains(symbol.file) { return symbol }
      hidden = hidden ?? symbol
      return nil
    }
    if !reference.isFullyQualified {
      for depth in stride(from: scope.count, through: 0, by: -1) {
        let prefix = ([context.package] + scope.prefix(depth)).filter { !$0.isEmpty }
        if let symbol = visible((prefix + [name]).joined(separator: ".")) { return symbol }
      }
      let matches = context.importedPackages.compactMap { package in
        visible(package.isEmpty ? name : "\(package).\(name)")
      }
      if let first = matches.first {
        if matches.count > 1 {
          let names = matches.map { "'\($0.name.fullName)'" }
          error(
            "type '\(reference.spelling)' is ambiguous: it matches \(names.dropLast().joined(separator: ", ")) and "
              + "\(names[names.count - 1]); write the full name, e.g. '.\(first.name.fullName)'",
            at: reference.location)
        }
        return first
      }
    }
    if let symbol = visible(name) { return symbol }
    if let hidden {
      reportMissingImport(reference, declaredBy: hidden)
      return nil
    }
    reportUnknown(reference, in: context)
    return nil
  }

  private mutating func reportMissingImport(_ reference: TypeReference, declaredBy symbol: Symbol) {
    error(
      "type '\(reference.spelling)' is declared in '\(symbol.file)', which this file does not import; "
        + "add 'import \"\(symbol.file)\";'",
      at: reference.location)
  }

  /// An unknown type, with a hint: an import to add when importing a file would make the name resolve,
  /// otherwise a visible type with that name somewhere else.
  private mutating func reportUnknown(_ reference: TypeReference, in context: FileContext) {
    let name = reference.components.joined(separator: ".")
    let candidates = symbols.symbols(endingWith: name)
    if !reference.isFullyQualified,
      let importable = candidates.first(where: {
        !context.visibleFiles.contains($0.file)
          && ($0.name.package.isEmpty ? name : "\($0.name.package).\(name)") == $0.name.fullName
      })
    {
      reportMissingImport(reference, declaredBy: importable)
      return
    }
    var message = "unknown type '\(reference.spelling)'"
    if let candidate = candidates.first(where: { context.visibleFiles.contains($0.file) }) {
      message += "; did you mean '\(candidate.name.fullName)'?"
    } else if let candidate = candidates.first {
      message += "; did you mean '\(candidate.name.fullName)' from '\(candidate.file)'?"
    } else if !reference.isFullyQualified, reference.components.count == 1, let scalar = Self.scalar(resembling: name) {
      message += "; did you mean '\(scalar.rawValue)'?"
    }
    error(message, at: reference.location)
  }

  /// The built-in type a misspelt name most likely meant, e.g. `strng` -> `string`, `Int64` -> `int64`,
  /// `int` -> `int32`, `boolean` -> `bool`: one edit away, two for longer names, or a prefix either way.
  private static func scalar(resembling name: String) -> ScalarType? {
    let lowercased = name.lowercased()
    guard lowercased.count >= 3 else { return nil }
    let scored = ScalarType.allCases.map { scalar -> (ScalarType, Int) in
      let spelling = scalar.rawValue
      if spelling.hasPrefix(lowercased) || lowercased.hasPrefix(spelling) { return (scalar, 0) }
      return (scalar, editDistance(Array(lowercased), Array(spelling)))
    }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= (lowercased.count >= 5 ? 2 : 1) else { return nil }
    return best.0
  }

  /// The Levenshtein distance between two short words.
  private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    var previous = Array(0...b.count)
    for (i, left) in a.enumerated() {
      var current = [i + 1] + Array(repeating: 0, count: b.count)
      for (j, right) in b.enumerated() {
        current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, previous[j] + (left == right ? 0 : 1))
      }
      previous = current
    }
    return previous[b.count]
  }

  /// Resolves the type of a field (or of a map's value) to the model.
  mutating func resolveFieldType(_ type: TypeSyntax, in context: FileContext, scope: [String]) -> FieldType? {
    switch type {
    case .scalar(let scalar, _):
      return .scalar(scalar)
    case .named(let reference):
      guard let symbol = lookUp(reference, in: context, scope: scope) else { return nil }
      switch symbol.kind {
      case .message: return .message(symbol.name)
      case .enumeration: return .enumeration(symbol.name)
      case .service:
        error("'\(reference.spelling)' is a service, not a message or enum", at: reference.location)
        return nil
      }
    case .map(let key, let value, _):
      var keyType: ScalarType?
      if case .scalar(let scalar, _) = key, scalar.isValidMapKey {
        keyType = scalar
      } else {
        error(
          "map keys must be bool, int32, int64, uint32, uint64 or string, not '\(key.spelling)'", at: key.location)
      }
      // A map value that is itself a map was reported by the parser.
      if case .map = value { return nil }
      guard let valueType = resolveFieldType(value, in: context, scope: scope), let keyType else { return nil }
      return .map(key: keyType, value: valueType)
    }
  }
}
