public import SoukWire

private typealias _SoukWireVersionCheck = WireRuntimeVersion1

extension SoukFixtureV0 {
  /// The status enum as the older peer knows it, without `STATUS_PAUSED`.
  public enum Status: WireEnum {
    case unspecified
    case active
    case unrecognized(Int32)

    public static let defaultValue: Status = .unspecified

    public init(rawValue: Int32) {
      switch rawValue {
      case 0: self = .unspecified
      case 1: self = .active
      default: self = .unrecognized(rawValue)
      }
    }

    public var rawValue: Int32 {
      switch self {
      case .unspecified: 0
      case .active: 1
      case .unrecognized(let value): value
      }
    }

    public var schemaName: String? {
      self.shortSchemaName.map { "STATUS_" + $0 }
    }

    public var shortSchemaName: String? {
      switch self {
      case .unspecified: "UNSPECIFIED"
      case .active: "ACTIVE"
      case .unrecognized: nil
      }
    }
  }
}
