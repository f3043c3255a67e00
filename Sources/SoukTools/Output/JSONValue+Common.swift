public import SoukAPI
import SoukMarket
public import SoukWire

extension JSONValue {
  /// An object of the members whose value is given, in order; `nil` members are left out.
  public static func members(_ members: [(String, JSONValue?)]) -> JSONValue {
    .object(members.compactMap { key, value in value.map { (key, $0) } })
  }

  /// A string, or `nil` (left out) when it is empty.
  public static func text(_ value: String) -> JSONValue? {
    value.isEmpty ? nil : .string(value)
  }

  /// An enum's value as `delivery_refused`, from its schema name.
  public static func name<Value: WireEnum>(_ value: Value) -> JSONValue {
    .string(EnumName.snake(value))
  }

  /// Money as `{"amount_minor": 4990, "currency_code": "MAD"}`.
  public init(_ money: SoukCommonV1.Money) {
    self = .object([("amount_minor", .integer(money.amountMinor)), ("currency_code", .string(money.currencyCode))])
  }

  /// An instant in RFC 3339 form, UTC.
  public init(_ timestamp: SoukCommonV1.Timestamp) {
    self = .string(MoroccoTime.rfc3339(timestamp))
  }

  /// A day as `2025-03-14`.
  public init(_ date: SoukCommonV1.LocalDate) {
    self = .string(MoroccoTime.format(date))
  }

  /// The languages a text is written in.
  public init(_ text: SoukCommonV1.LocalizedText) {
    self = .members([("ar", .text(text.ar)), ("fr", .text(text.fr)), ("en", .text(text.en))])
  }

  /// A principal as `{"kind": "partner", "id": "..."}`.
  public init(_ principal: SoukCommonV1.Principal) {
    self = .members([("kind", .name(principal.kind)), ("id", .text(principal.id))])
  }

  /// A contact.
  public init(_ contact: SoukCommonV1.Contact) {
    self = .members([
      ("person_name", .text(contact.personName)), ("phone", contact.phone.flatMap { JSONValue.text($0.e164) }),
      ("email", .text(contact.email)),
    ])
  }

  /// A postal address.
  public init(_ address: SoukCommonV1.PostalAddress) {
    self = .members([
      ("line1", .text(address.line1)), ("line2", .text(address.line2)), ("city", .text(address.city)),
      ("province", .text(address.province)),
      ("region", address.region == .unspecified ? nil : .name(address.region)),
      ("postal_code", .text(address.postalCode)), ("country_code", .text(address.countryCode)),
    ])
  }
}
