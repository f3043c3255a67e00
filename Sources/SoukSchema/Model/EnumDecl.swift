/// An enum type; its first value is always 0.
public struct EnumDecl: Hashable, Sendable {
  /// One named value of an enum.
  public struct Value: Hashable, Sendable {
    /// The name as written, e.g. `PRODUCT_STATUS_ACTIVE`.
    public var name: String
    public var number: Int32
    public var isDeprecated: Bool
    public var documentation: Documentation
    public var location: SourceLocation

    public init(
      name: String, number: Int32, isDeprecated: Bool = false, documentation: Documentation = .init(lines: []),
      location: SourceLocation
    ) {
      self.name = name
      self.number = number
      self.isDeprecated = isDeprecated
      self.documentation = documentation
      self.location = location
    }
  }

  public var name: TypeName
  public var values: [Value]
  public var reserved: Reservations
  public var isDeprecated: Bool
  public var documentation: Documentation
  public var location: SourceLocation

  public init(
    name: TypeName, values: [Value], reserved: Reservations = .init(), isDeprecated: Bool = false,
    documentation: Documentation = .init(lines: []), location: SourceLocation
  ) {
    self.name = name
    self.values = values
    self.reserved = reserved
    self.isDeprecated = isDeprecated
    self.documentation = documentation
    self.location = location
  }
}
