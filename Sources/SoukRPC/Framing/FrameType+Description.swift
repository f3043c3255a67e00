extension FrameType: CustomStringConvertible {
  /// The name SPEC part 2 uses, e.g. `WINDOW_UPDATE`.
  package var description: String {
    switch self {
    case .settings: "SETTINGS"
    case .call: "CALL"
    case .message: "MESSAGE"
    case .halfClose: "HALF_CLOSE"
    case .status: "STATUS"
    case .cancel: "CANCEL"
    case .windowUpdate: "WINDOW_UPDATE"
    case .ping: "PING"
    case .goAway: "GOAWAY"
    case .headers: "HEADERS"
    }
  }
}
