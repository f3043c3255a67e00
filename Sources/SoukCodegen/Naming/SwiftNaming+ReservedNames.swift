extension SwiftNaming {
  /// Swift keywords that must be written in backticks to be used as a property or case name.
  static let keywords: Set<String> = [
    // Declarations.
    "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func",
    "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "private",
    "precedencegroup", "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var",
    // Statements.
    "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if",
    "in", "repeat", "return", "switch", "throw", "where", "while",
    // Expressions and types.
    "Any", "as", "await", "false", "is", "nil", "self", "Self", "super", "throws", "true", "try",
  ]

  /// Property names that would clash with a member every generated message has.
  static let reservedPropertyNames: Set<String> = [
    "unknownFields", "fullName", "encodedSize", "encode", "decode", "encodedBytes", "init", "hashValue", "hash",
  ]

  /// Case names that would clash with a member every generated enum has, or with `.self`.
  static let reservedCaseNames: Set<String> = [
    "unrecognized", "defaultValue", "allCases", "rawValue", "init", "hashValue", "hash", "self",
  ]

  /// Function names that would clash with a member of a generated server protocol (`registerMethods(with:)`) or
  /// client (`rpcClient`, `init(wrapping:)`), or read as `.self` at a call site.
  static let reservedMethodFunctionNames: Set<String> = ["registerMethods", "rpcClient", "init", "self"]

  /// Type names that would shadow a type the generated code uses, or that Swift gives a meaning to.
  static let reservedTypeNames: Set<String> = [
    // Swift.
    "Any", "AnyObject", "Array", "Bool", "CaseIterable", "Dictionary", "Double", "Equatable", "Error", "Float",
    "Hashable", "Int", "Int32", "Int64", "Never", "Optional", "Protocol", "RawRepresentable", "Self", "Sendable",
    "Set", "String", "Type", "UInt32", "UInt64", "UInt8",
    // SoukWire.
    "DecodingLimits", "UnknownFields", "WireDecodingError", "WireEnum", "WireMapKey", "WireMessage", "WireReader",
    "WireRuntimeVersion1", "WireSize", "WireType", "WireWriter",
    // SoukRPC, used by the service descriptors, server protocols and clients.
    "CallOptions", "Metadata", "MethodDescriptor", "MethodKind", "RPCAsyncSequence", "RPCClient", "RPCMethod",
    "RPCResponseStream", "RPCRouter", "RPCService", "RPCWriter", "ServerContext", "ServiceDescriptor",
  ]
}
