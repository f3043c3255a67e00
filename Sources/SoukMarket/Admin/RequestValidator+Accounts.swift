import Foundation
package import SoukAPI

extension RequestValidator {
  /// Records a violation unless `region` is one of the twelve regions.
  package mutating func region(_ region: SoukCommonV1.Region, field: String = "region") {
    if region == .unspecified || !SoukCommonV1.Region.allCases.contains(region) {
      self.fail(field, "must be one of the twelve regions")
    }
  }

  /// Records a violation unless `sector` is a known sector.
  package mutating func sector(_ sector: SoukCommonV1.Sector, field: String = "sector") {
    if sector == .unspecified || !SoukCommonV1.Sector.allCases.contains(sector) {
      self.fail(field, "must be a known sector")
    }
  }

  /// The contact normalised: a person's name (required, at most 100 characters), a phone in E.164, an e-mail of
  /// at most 254 characters; `requirePhone` asks for a phone, otherwise a phone or an e-mail is required.
  package mutating func contact(
    _ contact: SoukCommonV1.Contact?,
    field: String = "contact",
    requirePhone: Bool
  ) -> SoukCommonV1.Contact? {
    guard let contact else {
      self.fail(field, "is required")
      return nil
    }
    var result = SoukCommonV1.Contact()
    result.personName = self.text(contact.personName, field: "\(field).person_name", required: true, maxLength: 100)
    result.phone = self.phone(contact.phone, field: "\(field).phone", required: requirePhone)
    result.email = self.text(contact.email, field: "\(field).email", maxLength: 254)
    if !result.email.isEmpty && !result.email.contains("@") {
      self.fail("\(field).email", "must be an e-mail address")
    }
    if !requirePhone && (result.phone?.e164 ?? "").isEmpty && result.email.isEmpty {
      self.fail(field, "needs a phone or an e-mail")
    }
    return result
  }

  /// The URL trimmed; records a violation unless it is empty (when optional) or an HTTPS URL with a host of at
  /// most 2,048 characters.
  package mutating func httpsURL(_ value: String, field: String) -> String {
    let url = value.trimmingCharacters(in: .whitespacesAndNewlines)
    if url.isEmpty { return url }
    let components = URLComponents(string: url)
    if url.utf8.count > 2048 || components?.scheme?.lowercased() != "https" || (components?.host ?? "").isEmpty {
      self.fail(field, "must be an https:// URL with a host, at most 2048 characters")
    }
    return url
  }
}
