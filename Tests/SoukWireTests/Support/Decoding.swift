import SoukWire

/// Decodes `bytes` as `M` and returns the error, or `nil` if decoding succeeded.
func decodingError<M: WireMessage>(
  _ type: M.Type,
  _ bytes: [UInt8],
  limits: DecodingLimits = .default
) -> WireDecodingError? {
  do throws(WireDecodingError) {
    _ = try M(decoding: bytes, limits: limits)
    return nil
  } catch {
    return error
  }
}
