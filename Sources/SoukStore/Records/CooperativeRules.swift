package import SoukAPI

/// What every store does to a cooperative it writes.
package enum CooperativeRules {
  /// Whether the cooperative's products may be ordered.
  package static func isSelling(_ cooperative: SoukCatalogV1.Cooperative) -> Bool {
    cooperative.status == .active
  }

  /// `changed` as it replaces `old`, or nil when it changes nothing (id, version, revision and times are taken
  /// from `old`): the version raised and `updated_at` set to `time`. The store sets the revision.
  package static func revised(
    old: SoukCatalogV1.Cooperative,
    to changed: SoukCatalogV1.Cooperative,
    time: SoukCommonV1.Timestamp
  ) -> SoukCatalogV1.Cooperative? {
    var cooperative = changed
    cooperative.id = old.id
    cooperative.version = old.version
    cooperative.revision = old.revision
    cooperative.updatedAt = old.updatedAt
    cooperative.createdAt = old.createdAt
    guard cooperative != old else { return nil }
    cooperative.version = old.version + 1
    cooperative.updatedAt = time
    return cooperative
  }
}
