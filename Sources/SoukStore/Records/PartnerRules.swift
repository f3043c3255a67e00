package import SoukAPI

/// What every store does to a partner it writes.
package enum PartnerRules {
  /// `changed` as it replaces `old`, or nil when it changes nothing (id, version and times are taken from `old`):
  /// the version raised and `updated_at` set to `time`.
  package static func revised(
    old: SoukAdminV1.Partner,
    to changed: SoukAdminV1.Partner,
    time: SoukCommonV1.Timestamp
  ) -> SoukAdminV1.Partner? {
    var partner = changed
    partner.id = old.id
    partner.version = old.version
    partner.updatedAt = old.updatedAt
    partner.createdAt = old.createdAt
    guard partner != old else { return nil }
    partner.version = old.version + 1
    partner.updatedAt = time
    return partner
  }
}
