/// A kind of caller a method may allow, as written in `option roles = [...]`.
public enum Role: String, Hashable, Sendable, CaseIterable, Comparable {
  /// Anyone, with or without a key.
  case `public`
  case admin
  case partner
  case cooperative

  public static func < (lhs: Role, rhs: Role) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!  // every case is in allCases
  }
}
