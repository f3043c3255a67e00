package import SoukRPC

/// An API key's secret and the metadata that presents it.
package struct Key: Sendable {
  /// The secret, as `souk-admin` and the banner show it.
  package let secret: String

  /// A key with `secret`.
  package init(secret: String) { self.secret = secret }

  /// The `authorization` header that presents the key.
  package var metadata: Metadata { ["authorization": .string("Bearer \(self.secret)")] }
}
