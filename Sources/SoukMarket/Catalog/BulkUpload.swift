import SoukAPI
import SoukRPC
import SoukTLS
import SoukWire

/// A whole bulk upload as the client streamed it: its header, its rows and the fingerprint of its messages.
struct BulkUpload: Sendable {
  var header: SoukCatalogV1.BulkUpsertHeader
  var rows: [SoukCatalogV1.ProductRow]
  /// SHA-256 over each message's encoding (the header's key cleared), each preceded by its length as a
  /// varint (SPEC 2.12).
  var fingerprint: [UInt8]

  /// Reads the stream to its end; throws `INVALID_ARGUMENT` for a malformed one (no header first, a second
  /// header, an empty message, more than 10,000 rows), before anything is written.
  static func read(_ messages: RPCAsyncSequence<SoukCatalogV1.BulkUpsertProductsRequest>) async throws -> BulkUpload {
    var iterator = messages.makeAsyncIterator()
    guard let first = try await iterator.next(), case .header(let header)? = first.item else {
      throw MarketError.invalid(field: "header", "the first message must carry the header")
    }
    var keyless = first
    keyless.item = .header(Self.clearingKey(header))
    var fingerprinted = Self.framed(keyless)
    var rows: [SoukCatalogV1.ProductRow] = []
    while let message = try await iterator.next() {
      switch message.item {
      case .row(let row):
        guard rows.count < CatalogServiceHandler.maxBulkRows else {
          throw MarketError.invalid(field: "row", "an upload carries at most 10000 rows")
        }
        rows.append(row)
        fingerprinted += Self.framed(message)
      case .header:
        throw MarketError.invalid(field: "header", "only the first message carries a header")
      case nil:
        throw MarketError.invalid(field: "item", "every message after the header must carry a row")
      }
    }
    return BulkUpload(header: header, rows: rows, fingerprint: SHA256.hash(fingerprinted))
  }

  private static func clearingKey(_ header: SoukCatalogV1.BulkUpsertHeader) -> SoukCatalogV1.BulkUpsertHeader {
    var header = header
    header.idempotencyKey = ""
    return header
  }

  private static func framed(_ message: SoukCatalogV1.BulkUpsertProductsRequest) -> [UInt8] {
    let bytes = message.encodedBytes()
    var framed: [UInt8] = []
    var length = UInt64(bytes.count)
    while length >= 0x80 {
      framed.append(UInt8(truncatingIfNeeded: length) | 0x80)
      length >>= 7
    }
    framed.append(UInt8(length))
    return framed + bytes
  }
}
