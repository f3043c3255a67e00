import ArgumentParser
import SoukTools
import SoukWire

/// One or more cases of a generated enum given on the command line, separated by commas
/// (`--status placed,accepted`) or by repeating the option; each written `delivery-refused`, `delivery_refused` or
/// `DELIVERY_REFUSED`.
struct Choices<Value: WireEnum & CaseIterable>: ExpressibleByArgument, Sendable {
  /// The cases, in the order given.
  var values: [Value]

  init?(argument: String) {
    var values: [Value] = []
    for part in argument.split(separator: ",") {
      guard let value = EnumName.parse(String(part), as: Value.self), EnumName.snake(value) != "unspecified" else {
        return nil
      }
      values.append(value)
    }
    guard !values.isEmpty else { return nil }
    self.values = values
  }

  var defaultValueDescription: String {
    self.values.map { EnumName.kebab($0) }.joined(separator: ",")
  }

  static var allValueStrings: [String] {
    Value.allCases.map { EnumName.kebab($0) }.filter { $0 != "unspecified" }
  }

  static var defaultCompletionKind: CompletionKind {
    .list(self.allValueStrings)
  }
}

extension Array {
  /// The cases of every `Choices` in the array, in order, each once.
  func flattened<Value>() -> [Value] where Element == Choices<Value> {
    var seen: Set<String> = []
    return self.flatMap(\.values).filter { seen.insert(EnumName.snake($0)).inserted }
  }
}
