import SoukAPI
import SoukAPIServices
import SoukClient
import SoukRPC
import SoukTools

/// Uploads checked sheet rows with BulkUpsertProducts, at most 10,000 rows per call (the server's limit),
/// and maps the server's per-row results back to the file's lines.
struct BulkImporter {
  /// The server's limit of rows per upload.
  static let maximumRowsPerUpload = 10_000
  /// Files with at least this many rows get a progress bar (on a terminal).
  static let progressThreshold = 200

  /// What the server said about the rows.
  struct Outcome {
    var created = 0
    var updated = 0
    var unchanged = 0
    var failed = 0
    /// The rows the server refused, at their lines.
    var failures: [CSVProblem] = []
    /// The lines of the rows the server refused.
    var failedLines: Set<Int> = []
  }

  let client: SoukClient

  /// Uploads `rows` (a dry run when `validateOnly`), each call with a fresh idempotency key.
  func upload(_ rows: [ProductSheet.Row], validateOnly: Bool, label: String) async throws -> Outcome {
    var outcome = Outcome()
    let showProgress = Console.errorIsTerminal && rows.count >= Self.progressThreshold
    var start = 0
    while start < rows.count {
      let chunk = Array(rows[start..<min(start + Self.maximumRowsPerUpload, rows.count)])
      let offset = start
      let total = rows.count
      // One key per upload, made outside the producer so that a producer run again sends the same key.
      let key = ToolSession.idempotencyKey()
      let response = try await self.client.upload(SoukCatalogV1.CatalogService.Method.BulkUpsertProducts.self) {
        writer in
        var header = SoukCatalogV1.BulkUpsertHeader()
        header.idempotencyKey = key
        header.validateOnly = validateOnly
        var first = SoukCatalogV1.BulkUpsertProductsRequest()
        first.item = .header(header)
        try await writer.write(first)
        var progress = ProgressBar(label: label, total: total, enabled: showProgress)
        for (index, row) in chunk.enumerated() {
          var message = SoukCatalogV1.BulkUpsertProductsRequest()
          message.item = .row(row.row)
          try await writer.write(message)
          progress.update(offset + index + 1)
        }
        progress.waitForServer()
      }
      ProgressBar(label: label, total: total, enabled: showProgress).finish()
      outcome.add(response, lines: chunk.map(\.line))
      start += chunk.count
    }
    return outcome
  }
}

extension BulkImporter.Outcome {
  /// Adds one call's response; `lines[i]` is the file line of row index i.
  mutating func add(_ response: SoukCatalogV1.BulkUpsertProductsResponse, lines: [Int]) {
    self.created += Int(response.createdCount)
    self.updated += Int(response.updatedCount)
    self.unchanged += Int(response.unchangedCount)
    self.failed += Int(response.failedCount)
    for result in response.results where result.outcome == .failed {
      let index = Int(result.rowIndex)
      let line = index < lines.count ? lines[index] : 0
      self.failedLines.insert(line)
      let detail = result.error
      let violations = (detail?.fieldViolations ?? []).map { "\($0.field): \($0.message)" }
      let reason =
        violations.isEmpty ? (detail?.message ?? "refused by the server") : violations.joined(separator: "; ")
      self.failures.append(CSVProblem(line: line, reason: reason))
    }
  }
}
