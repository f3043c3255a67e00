import ArgumentParser
import SoukAPI

/// The person to call about a cooperative or a partner.
struct ContactOptions: ParsableArguments {
  @Option(name: .customLong("contact-name"), help: "The contact person's name.")
  var name: String?

  @Option(help: "The contact's phone, e.g. 0612345678 or +212612345678.")
  var phone: String?

  @Option(help: "The contact's e-mail address.")
  var email: String?

  /// Whether any contact option was given.
  var isGiven: Bool { self.name != nil || self.phone != nil || self.email != nil }

  /// The contact the options describe.
  var contact: SoukCommonV1.Contact {
    var contact = SoukCommonV1.Contact()
    contact.personName = self.name ?? ""
    if let phone = self.phone {
      contact.phone = SoukCommonV1.PhoneNumber()
      contact.phone?.e164 = phone
    }
    contact.email = self.email ?? ""
    return contact
  }
}
