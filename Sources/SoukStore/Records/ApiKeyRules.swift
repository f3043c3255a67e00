/// What every store does about API keys.
package enum ApiKeyRules {
  /// How old a key's recorded last use must be before a new use is written, in microseconds (one minute).
  package static let lastUseResolutionMicros: Int64 = 60_000_000
}
