import ArgumentParser
import SoukTools
import SoukWire

/// One case of a generated enum given on the command line, written `fes-meknes`, `fes_meknes` or `FES_MEKNES`.
struct Choice<Value: WireEnum & CaseIterable>: ExpressibleByArgument, Sendable {
  /// The case.
  var value: Value

  init?(argument: String) {
    guard let value = EnumName.parse(argument, as: Value.self), EnumName.snake(value) != "unspecified" else {
      return nil
    }
    self.value = value
  }

  var defaultValueDescription: String {
    EnumName.kebab(self.value)
  }

  static var allValueStrings: [String] {
    Value.allCases.map { EnumName.kebab($0) }.filter { $0 != "unspecified" }
  }

  static var defaultCompletionKind: CompletionKind {
    .list(self.allValueStrings)
  }
}
