import SoukTestSupport
import SoukWire
import Testing

@Suite("Decoding errors")
struct DecodingErrorTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var decode: @Sendable ([UInt8]) -> WireDecodingError?
    var input: String
    var code: WireDecodingError.Code
    var offset: Int
    var description: String

    var testDescription: String { self.name }
  }

  static let product: @Sendable ([UInt8]) -> WireDecodingError? = {
    decodingError(SoukFixtureV1.Product.self, $0)
  }
  static let scalars: @Sendable ([UInt8]) -> WireDecodingError? = {
    decodingError(SoukFixtureV1.Scalars.self, $0)
  }

  static let cases: [Case] = [
    Case(
      name: "truncated varint",
      decode: scalars,
      input: "28 ac",
      code: .truncated,
      offset: 1,
      description: "field 5 of souk.fixture.v1.Scalars: varint is cut off at offset 1"
    ),
    Case(
      name: "truncated fixed32",
      decode: scalars,
      input: "35 00 00",
      code: .truncated,
      offset: 1,
      description:
        "field 6 of souk.fixture.v1.Scalars: 4-byte value is cut off, 2 bytes remain at offset 1"
    ),
    Case(
      name: "truncated fixed64",
      decode: scalars,
      input: "08 01 39 00",
      code: .truncated,
      offset: 3,
      description:
        "field 7 of souk.fixture.v1.Scalars: 8-byte value is cut off, 1 bytes remain at offset 3"
    ),
    Case(
      name: "truncated packed float payload",
      decode: scalars,
      input: "d2 01 06 00 00 c0 3f 00 00",
      code: .truncated,
      offset: 2,
      description:
        "field 26 of souk.fixture.v1.Scalars: packed payload of 6 bytes is not a multiple of 4 at offset 2"
    ),
    Case(
      name: "truncated tag",
      decode: product,
      input: "0a 01 61 82",
      code: .truncated,
      offset: 3,
      description: "souk.fixture.v1.Product: varint is cut off at offset 3"
    ),
    Case(
      name: "malformed varint, 10th byte above 1",
      decode: scalars,
      input: "28 ff ff ff ff ff ff ff ff ff 02",
      code: .malformedVarint,
      offset: 1,
      description: "field 5 of souk.fixture.v1.Scalars: varint exceeds 64 bits at offset 1"
    ),
    Case(
      name: "malformed varint, 11 bytes",
      decode: scalars,
      input: "28 80 80 80 80 80 80 80 80 80 80 01",
      code: .malformedVarint,
      offset: 1,
      description: "field 5 of souk.fixture.v1.Scalars: varint exceeds 64 bits at offset 1"
    ),
    Case(
      name: "wire type 3",
      decode: product,
      input: "0b",
      code: .invalidWireType,
      offset: 0,
      description: "field 1 of souk.fixture.v1.Product: invalid wire type 3 at offset 0"
    ),
    Case(
      name: "wire type 4",
      decode: product,
      input: "0a 00 14",
      code: .invalidWireType,
      offset: 2,
      description: "field 2 of souk.fixture.v1.Product: invalid wire type 4 at offset 2"
    ),
    Case(
      name: "wire type 6",
      decode: product,
      input: "fe 07",
      code: .invalidWireType,
      offset: 0,
      description: "field 127 of souk.fixture.v1.Product: invalid wire type 6 at offset 0"
    ),
    Case(
      name: "wire type 7",
      decode: product,
      input: "0f",
      code: .invalidWireType,
      offset: 0,
      description: "field 1 of souk.fixture.v1.Product: invalid wire type 7 at offset 0"
    ),
    Case(
      name: "invalid UTF-8",
      decode: product,
      input: "0a 02 c3 28",
      code: .invalidUTF8,
      offset: 2,
      description:
        "field 1 of souk.fixture.v1.Product: string of 2 bytes is not valid UTF-8 at offset 2"
    ),
    Case(
      name: "length exceeds remaining",
      decode: product,
      input: "10 02  0a a8 46 61 62",
      code: .lengthExceedsRemaining,
      offset: 3,
      description:
        "field 1 of souk.fixture.v1.Product: length 9000 exceeds remaining 2 bytes at offset 3"
    ),
    Case(
      name: "length of 2^64 - 1",
      decode: product,
      input: "22 ff ff ff ff ff ff ff ff ff 01",
      code: .lengthExceedsRemaining,
      offset: 1,
      description:
        "field 4 of souk.fixture.v1.Product: length 18446744073709551615 exceeds remaining 0 bytes at offset 1"
    ),
    Case(
      name: "field number 0",
      decode: product,
      input: "00 01",
      code: .invalidFieldNumber,
      offset: 0,
      description: "souk.fixture.v1.Product: field number 0 is invalid at offset 0"
    ),
    Case(
      name: "field number 0, over-long tag",
      decode: product,
      input: "0a 00 82 80 00",
      code: .invalidFieldNumber,
      offset: 2,
      description: "souk.fixture.v1.Product: field number 0 is invalid at offset 2"
    ),
    Case(
      name: "tag above 32 bits",
      decode: product,
      input: "80 80 80 80 10",
      code: .invalidFieldNumber,
      offset: 0,
      description: "souk.fixture.v1.Product: tag 4294967296 exceeds 32 bits at offset 0"
    ),
    Case(
      name: "uint32 above 32 bits",
      decode: scalars,
      input: "20 80 80 80 80 10",
      code: .valueOutOfRange,
      offset: 1,
      description:
        "field 4 of souk.fixture.v1.Scalars: varint 4294967296 does not fit uint32 at offset 1"
    ),
    Case(
      name: "int32 above 32 bits",
      decode: scalars,
      input: "10 ff ff ff ff 1f",
      code: .valueOutOfRange,
      offset: 1,
      description:
        "field 2 of souk.fixture.v1.Scalars: varint 8589934591 does not fit int32 at offset 1"
    ),
    Case(
      name: "enum above 32 bits",
      decode: scalars,
      input: "50 ff ff ff ff ff ff ff ff ff 01",
      code: .valueOutOfRange,
      offset: 1,
      description:
        "field 10 of souk.fixture.v1.Scalars: varint 18446744073709551615 does not fit enum at offset 1"
    ),
    Case(
      name: "packed int32 element above 32 bits",
      decode: scalars,
      input: "b2 01 06 02 80 80 80 80 10",
      code: .valueOutOfRange,
      offset: 4,
      description:
        "field 22 of souk.fixture.v1.Scalars: varint 4294967296 does not fit int32 at offset 4"
    ),
    Case(
      name: "varint cut off by the end of a packed payload",
      decode: scalars,
      input: "b2 01 01 80 01",
      code: .truncated,
      offset: 3,
      description: "field 22 of souk.fixture.v1.Scalars: varint is cut off at offset 3"
    ),
    Case(
      name: "error inside a nested message names the nested message",
      decode: product,
      input: "0a 01 61  32 05 12 03 4d ff 44",
      code: .invalidUTF8,
      offset: 7,
      description:
        "field 2 of souk.fixture.v1.Money: string of 3 bytes is not valid UTF-8 at offset 7"
    ),
    Case(
      name: "nested length beyond the nested message's end",
      decode: product,
      input: "32 03 12 05 4d  0a 01 61",
      code: .lengthExceedsRemaining,
      offset: 3,
      description:
        "field 2 of souk.fixture.v1.Money: length 5 exceeds remaining 1 bytes at offset 3"
    ),
    Case(
      name: "error inside a repeated nested message",
      decode: product,
      input: "4a 02 10 80",
      code: .truncated,
      offset: 3,
      description: "field 2 of souk.fixture.v1.Product.Photo: varint is cut off at offset 3"
    ),
    Case(
      name: "error inside a map entry",
      decode: product,
      input: "3a 04 0a 02 c3 28",
      code: .invalidUTF8,
      offset: 4,
      description:
        "field 1 of an entry of map field 7 of souk.fixture.v1.Product: string of 2 bytes is not valid UTF-8 at offset 4"
    ),
    Case(
      name: "error inside a map entry before any field",
      decode: product,
      input: "3a 01 0b",
      code: .invalidWireType,
      offset: 2,
      description:
        "field 1 of an entry of map field 7 of souk.fixture.v1.Product: invalid wire type 3 at offset 2"
    ),
    Case(
      name: "error in a message that is a map value",
      decode: product,
      input: "52 06 08 01 12 02 08 80",
      code: .truncated,
      offset: 7,
      description: "field 1 of souk.fixture.v1.Money: varint is cut off at offset 7"
    ),
    Case(
      name: "error after a nested message names the outer field again",
      decode: product,
      input: "32 00 10 80",
      code: .truncated,
      offset: 3,
      description: "field 2 of souk.fixture.v1.Product: varint is cut off at offset 3"
    ),
  ]

  @Test("every error has its code, offset and exact description", arguments: cases)
  func errors(_ testCase: Case) {
    let error = testCase.decode([UInt8](hex: testCase.input))
    #expect(error?.code == testCase.code)
    #expect(error?.offset == testCase.offset)
    #expect(error?.description == testCase.description)
  }

  @Test("description without context is the message and offset")
  func descriptionWithoutContext() {
    let error = WireDecodingError(code: .truncated, offset: 3, message: "varint is cut off")
    #expect(error.description == "varint is cut off at offset 3")
    #expect(error.context == nil)
  }

  @Test("codes are distinct and name themselves")
  func codes() {
    let codes: [WireDecodingError.Code] = [
      .truncated, .malformedVarint, .invalidWireType, .invalidUTF8, .lengthExceedsRemaining,
      .messageTooLarge, .depthExceeded, .tooManyElements, .invalidFieldNumber, .valueOutOfRange,
    ]
    #expect(Set(codes).count == codes.count)
    #expect(
      codes.map(\.description) == [
        "truncated", "malformedVarint", "invalidWireType", "invalidUTF8", "lengthExceedsRemaining",
        "messageTooLarge", "depthExceeded", "tooManyElements", "invalidFieldNumber",
        "valueOutOfRange",
      ]
    )
  }
}
