/// A one-line progress bar on standard error, redrawn in place: `Importing [#####.....] 512/1024`.
///
/// Draws only when enabled (standard error is a terminal and the work is large), so logs and pipes stay
/// clean.
struct ProgressBar {
  /// What is being done, e.g. `Importing`.
  let label: String
  /// How many steps there are.
  let total: Int
  /// Whether anything is drawn.
  let enabled: Bool
  private var drawnWidth = -1

  /// The bar's width in characters.
  private static let width = 30

  /// Creates a bar for `total` steps; drawn only when `enabled`.
  init(label: String, total: Int, enabled: Bool) {
    self.label = label
    self.total = max(total, 1)
    self.enabled = enabled
  }

  /// Shows that `done` steps are done (redraws only when the bar grows, or at the end).
  mutating func update(_ done: Int) {
    guard self.enabled else { return }
    let filled = min(Self.width, done * Self.width / self.total)
    guard filled != self.drawnWidth || done == self.total else { return }
    self.drawnWidth = filled
    let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: Self.width - filled)
    Console.errorRaw("\r\(self.label) [\(bar)] \(done)/\(self.total)")
  }

  /// Replaces the bar with a note that everything is sent and the server is working on it.
  func waitForServer() {
    guard self.enabled else { return }
    Console.errorRaw("\r\u{1B}[2K\(self.label): all \(self.total) rows sent; the server is applying them…")
  }

  /// Clears the bar's line.
  func finish() {
    guard self.enabled else { return }
    Console.errorRaw("\r\u{1B}[2K")
  }
}
