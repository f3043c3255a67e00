import Foundation
import SoukAPI
import SoukClient
import SoukServerTestSupport
import SoukTestSupport
import Testing

/// `souk-coop orders watch` as a long-running child process.
@Suite("souk-coop orders watch")
struct CoopWatchTests {
  @Test("watch replays past events, prints a new order live, and stops on SIGINT")
  func watch() async throws {
    try await CoopTestMarket.with { market in
      #expect(try await market.coop("products", "import", CSVFixtures.path("arabic-bom.csv")).status == 0)
      let product = try await market.product("ARG-250")
      let first = try await market.placeOrder(productID: product.id)
      let process = Process()
      process.executableURL = try ToolProcess.executable("souk-coop")
      process.arguments = ["orders", "watch"]
      process.environment = market.environment
      let output = Pipe()
      let errors = Pipe()
      process.standardOutput = output
      process.standardError = errors
      let lines = LineCollector()
      let messages = LineCollector()
      output.fileHandleForReading.readabilityHandler = { lines.append($0.availableData) }
      errors.fileHandleForReading.readabilityHandler = { messages.append($0.availableData) }
      try process.run()
      defer { if process.isRunning { process.terminate() } }
      let firstID = try #require(first.fulfilments.first?.id)
      let replayed = try await lines.waitForLine("the first order") { $0.contains(firstID) }
      #expect(replayed.contains(" new ") && replayed.contains("1× ARG-250") && replayed.contains("120.00 MAD"))
      _ = try await messages.waitForLine("the caught-up marker") { $0.contains("caught up") }
      let second = try await market.placeOrder(productID: product.id, quantity: 3)
      let secondID = try #require(second.fulfilments.first?.id)
      let live = try await lines.waitForLine("the second order") { $0.contains(secondID) }
      #expect(live.contains("3× ARG-250"))
      kill(process.processIdentifier, SIGINT)
      let status = try await withTimeout(.seconds(30), "the watch's exit") {
        await withCheckedContinuation { continuation in
          DispatchQueue.global().async {
            process.waitUntilExit()
            continuation.resume(returning: process.terminationStatus)
          }
        }
      }
      #expect(status == SIGINT)
      #expect(process.terminationReason == .uncaughtSignal)
    }
  }
}
