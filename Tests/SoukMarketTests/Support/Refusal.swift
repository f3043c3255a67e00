import SoukAPI
import SoukRPC
import SoukWire
import Testing

/// Runs `body`, which must fail with `code` (and `reason`, when given); returns the error's detail.
@discardableResult
func expectRefusal(
  _ code: RPCError.Code,
  _ reason: SoukCommonV1.ErrorReason? = nil,
  sourceLocation: SourceLocation = #_sourceLocation,
  _ body: () async throws -> some Sendable
) async -> SoukCommonV1.ErrorDetail? {
  do {
    let value = try await body()
    Issue.record("expected \(code) but the call succeeded with \(value)", sourceLocation: sourceLocation)
    return nil
  } catch let error as RPCError {
    #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
    let detail = try? SoukCommonV1.ErrorDetail(decoding: error.details)
    if let reason {
      #expect(detail?.reason == reason, "\(error)", sourceLocation: sourceLocation)
    }
    return detail
  } catch {
    Issue.record("expected an RPCError \(code), got \(error)", sourceLocation: sourceLocation)
    return nil
  }
}
