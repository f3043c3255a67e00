import SoukRPC
import Testing

@Suite struct RPCErrorCodeTests {
  @Test(arguments: [
    (RPCError.Code.ok, 0, "ok"), (.cancelled, 1, "cancelled"), (.unknown, 2, "unknown"),
    (.invalidArgument, 3, "invalidArgument"), (.deadlineExceeded, 4, "deadlineExceeded"),
    (.notFound, 5, "notFound"), (.alreadyExists, 6, "alreadyExists"), (.permissionDenied, 7, "permissionDenied"),
    (.resourceExhausted, 8, "resourceExhausted"), (.failedPrecondition, 9, "failedPrecondition"),
    (.aborted, 10, "aborted"), (.outOfRange, 11, "outOfRange"), (.unimplemented, 12, "unimplemented"),
    (.internalError, 13, "internalError"), (.unavailable, 14, "unavailable"), (.dataLoss, 15, "dataLoss"),
    (.unauthenticated, 16, "unauthenticated"),
  ])
  func codesUseGRPCNumbersAndNames(code: RPCError.Code, number: Int, name: String) {
    #expect(code.rawValue == number)
    #expect(code.description == name)
  }

  @Test func unknownNumbersAreKept() {
    let code = RPCError.Code(rawValue: 42)
    #expect(code.rawValue == 42)
    #expect(code.description == "code(42)")
  }
}
