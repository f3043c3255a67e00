/// Every message, enum and service of a schema, by fully qualified name and by simple name.
struct SymbolTable {
  private var byFullName: [String: Symbol] = [:]
  private var bySimpleName: [String: [Symbol]] = [:]

  /// Adds a symbol unless one with the same full name exists (that duplicate is reported by the scope checks).
  mutating func declare(_ symbol: Symbol) {
    guard byFullName[symbol.name.fullName] == nil else { return }
    byFullName[symbol.name.fullName] = symbol
    bySimpleName[symbol.name.simpleName, default: []].append(symbol)
  }

  subscript(fullName: String) -> Symbol? { byFullName[fullName] }

  /// The symbols whose full name is `name` or ends with `.name`, sorted by full name.
  func symbols(endingWith name: String) -> [Symbol] {
    let simpleName = name.split(separator: ".").last.map(String.init) ?? name
    return (bySimpleName[simpleName] ?? [])
      .filter { $0.name.fullName == name || $0.name.fullName.hasSuffix("." + name) }
      .sorted { $0.name < $1.name }
  }
}
