import Foundation
package import SoukAPI

/// Collects every wrong field of a request, so that one refusal names them all, and normalises what it checks:
/// text trimmed and NFC-normalised, lengths in Unicode scalars, phones in E.164, money in MAD.
package struct RequestValidator {
  /// The wrong fields found so far.
  package private(set) var violations: [SoukCommonV1.FieldViolation] = []

  /// A validator with nothing wrong yet.
  package init() {}

  /// Records a wrong field.
  package mutating func fail(_ field: String, _ message: String) {
    var violation = SoukCommonV1.FieldViolation()
    violation.field = field
    violation.message = message
    self.violations.append(violation)
  }

  /// Throws ``MarketError/invalid(_:)`` when any field was wrong.
  package func check() throws(MarketError) {
    if !self.violations.isEmpty { throw MarketError.invalid(self.violations) }
  }

  /// Checks an idempotency key: required, 1 to 128 printable ASCII characters (SPEC 2.12).
  package mutating func idempotencyKey(_ key: String, field: String = "idempotency_key") {
    if key.isEmpty {
      self.fail(field, "is required: a fresh client-generated key, e.g. a UUID")
    } else if key.utf8.count > 128 || !key.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) {
      self.fail(field, "must be 1 to 128 printable ASCII characters")
    }
  }

  /// `value` trimmed and NFC-normalised; records a violation when it is required and empty, or longer than
  /// `maxLength` scalars.
  @discardableResult
  package mutating func text(_ value: String, field: String, required: Bool = false, maxLength: Int) -> String {
    let normalized = value.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
    if required && normalized.isEmpty {
      self.fail(field, "is required")
    } else if normalized.unicodeScalars.count > maxLength {
      self.fail(field, "must be at most \(maxLength) characters")
    }
    return normalized
  }

  /// `value` with each language normalised as ``text(_:field:required:maxLength:)`` does; when `required`, at
  /// least one of `ar` and `fr` must be set.
  package mutating func localized(
    _ value: SoukCommonV1.LocalizedText?,
    field: String,
    required: Bool = false,
    maxLength: Int
  ) -> SoukCommonV1.LocalizedText? {
    guard let value else {
      if required { self.fail(field, "is required (at least one of ar and fr)") }
      return nil
    }
    var result = SoukCommonV1.LocalizedText()
    result.ar = self.text(value.ar, field: "\(field).ar", maxLength: maxLength)
    result.fr = self.text(value.fr, field: "\(field).fr", maxLength: maxLength)
    result.en = self.text(value.en, field: "\(field).en", maxLength: maxLength)
    if required && result.ar.isEmpty && result.fr.isEmpty {
      self.fail(field, "needs at least one of ar and fr")
    }
    return result
  }

  /// `value` when it is MAD and not negative (and above zero unless `allowZero`); records a violation otherwise.
  @discardableResult
  package mutating func money(
    _ value: SoukCommonV1.Money?,
    field: String,
    required: Bool = false,
    allowZero: Bool = true
  ) -> SoukCommonV1.Money? {
    guard let value else {
      if required { self.fail(field, "is required") }
      return nil
    }
    if value.currencyCode != SoukCommonV1.Money.madCurrencyCode {
      self.fail("\(field).currency_code", "must be MAD")
    }
    if value.amountMinor < 0 || (!allowZero && value.amountMinor == 0) {
      self.fail("\(field).amount_minor", allowZero ? "must not be negative" : "must be above zero")
    }
    return value
  }

  /// The phone in E.164 form (`+212612345678`), accepting Moroccan national forms (`0612345678`) and `00`
  /// international prefixes; records a violation when it cannot be normalised.
  package mutating func phone(
    _ value: SoukCommonV1.PhoneNumber?,
    field: String,
    required: Bool = false
  ) -> SoukCommonV1.PhoneNumber? {
    guard let value, !value.e164.isEmpty else {
      if required { self.fail(field, "is required") }
      return value
    }
    guard let normalized = Self.e164(value.e164) else {
      self.fail("\(field).e164", "must be a phone number such as +212612345678 or 0612345678")
      return value
    }
    var phone = SoukCommonV1.PhoneNumber()
    phone.e164 = normalized
    return phone
  }

  /// `text` as E.164, or nil.
  package static func e164(_ text: String) -> String? {
    var digits = ""
    var plus = false
    for (index, character) in text.enumerated() {
      if character == "+" && index == 0 {
        plus = true
      } else if character.isASCII && character.isNumber {
        digits.append(character)
      } else if !" -.()".contains(character) {
        return nil
      }
    }
    if !plus {
      if digits.hasPrefix("00") {
        digits.removeFirst(2)
      } else if digits.hasPrefix("0") && digits.count == 10 {
        digits = "212" + digits.dropFirst()
      } else {
        return nil
      }
    }
    guard (8...15).contains(digits.count), digits.first != "0" else { return nil }
    return "+" + digits
  }
}
