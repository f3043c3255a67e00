// Encode and decode of a typical Product and of a 50-line Order, Souk's generated code against swift-protobuf
// on the equivalent `.proto` messages, measured side by side in one run. Release builds only.
import Foundation
import NIOCore
import ProtobufMessages
import SoukAPI
import SoukWire
import SwiftProtobuf

/// Keeps a result alive so the optimizer cannot drop the work that made it.
@inline(never) func consume<T>(_ value: T) { withExtendedLifetime(value) {} }

/// The median and the fastest of `samples` timings of `iterations` calls, in nanoseconds per call.
func measure(samples: Int = 11, iterations: Int, _ body: () throws -> Void) rethrows -> (median: Double, min: Double) {
  for _ in 0..<iterations / 10 { try body() }  // warm-up
  var perCall: [Double] = []
  for _ in 0..<samples {
    let start = ContinuousClock.now
    for _ in 0..<iterations { try body() }
    let elapsed = ContinuousClock.now - start
    let nanoseconds = Double(elapsed.components.seconds) * 1e9 + Double(elapsed.components.attoseconds) / 1e9
    perCall.append(nanoseconds / Double(iterations))
  }
  perCall.sort()
  return (perCall[samples / 2], perCall[0])
}

func format(_ timing: (median: Double, min: Double)) -> String {
  String(format: "%8.0f ns (min %6.0f)", timing.median, timing.min)
}

/// Checks that both libraries agree on the bytes, then times encode and decode for both.
func compare<Souk: WireMessage, Proto: SwiftProtobuf.Message>(
  _ name: String, _ soukValue: Souk, as _: Proto.Type, iterations: Int
) throws {
  let soukBytes = soukValue.encodedBytes()
  // The protobuf value is the Souk bytes decoded by swift-protobuf, so both hold exactly the same content.
  let protoValue = try Proto(serializedBytes: soukBytes)
  let protoBytes: [UInt8] = try protoValue.serializedBytes()
  guard protoBytes == soukBytes, try Souk(decoding: protoBytes) == soukValue else {
    print(
      "error: \(name): swift-protobuf and Souk disagree on the encoding (\(protoBytes.count) vs \(soukBytes.count) bytes)"
    )
    exit(1)
  }
  print("\n\(name): \(soukBytes.count) bytes, byte-identical in both libraries")

  var buffer = ByteBufferAllocator().buffer(capacity: soukBytes.count * 2)
  let soukEncodeBuffer = measure(iterations: iterations) {
    buffer.clear()
    soukValue.encode(into: &buffer)
  }
  let soukEncodeArray = measure(iterations: iterations) { consume(soukValue.encodedBytes()) }
  let protoEncode = try measure(iterations: iterations) { consume(try protoValue.serializedBytes() as [UInt8]) }
  let input = ByteBuffer(bytes: soukBytes)
  let soukDecode = try measure(iterations: iterations) { consume(try Souk(decoding: input)) }
  let protoDecode = try measure(iterations: iterations) { consume(try Proto(serializedBytes: soukBytes)) }

  print("  operation                      Souk                     swift-protobuf           Souk speed-up")
  print(
    "  encode to a new [UInt8]  \(format(soukEncodeArray))  \(format(protoEncode))  \(String(format: "%5.2fx", protoEncode.median / soukEncodeArray.median))"
  )
  print("  encode into a ByteBuffer \(format(soukEncodeBuffer))  (reused buffer; Souk only)")
  print(
    "  decode                   \(format(soukDecode))  \(format(protoDecode))  \(String(format: "%5.2fx", protoDecode.median / soukDecode.median))"
  )
}

let scale = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 1
try compare("Product", Samples.product, as: Soukbench_Product.self, iterations: 20_000 * scale)
try compare("Order with 50 lines", Samples.order, as: Soukbench_Order.self, iterations: 1_000 * scale)
