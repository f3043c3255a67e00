import Foundation

/// The `example:` blocks of one part of the specification: fenced `hex` blocks whose first line is
/// `example: NAME`, checked by tests against the code so that the document and the code can never disagree.
package struct SpecExamples: Sendable {
  /// The specification holding the examples, relative to the package root.
  package static let specificationPath = "Protocol/SPEC.md"

  /// Each example's bytes, by its name.
  package var bytes: [String: [UInt8]]

  /// What is wrong with the part's examples (no such part, a block without a name, bad hex, a name used twice),
  /// one sentence each; a test records each as an issue. A name used twice keeps its last block.
  package var problems: [String]

  /// Reads the examples of the part that starts at the line `sectionHeading` (such as `## 3. Binary encoding`)
  /// and ends at the next `## ` heading.
  ///
  /// - Throws: The file system's error when the specification cannot be read.
  package init(section sectionHeading: String) throws {
    let text = try String(contentsOf: PackageFiles.url(Self.specificationPath), encoding: .utf8)
    self.bytes = [:]
    self.problems = []
    let allLines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard let sectionStart = allLines.firstIndex(where: { $0 == sectionHeading }) else {
      self.problems.append("\(Self.specificationPath) has no line \(sectionHeading)")
      return
    }
    let sectionEnd =
      allLines[(sectionStart + 1)...].firstIndex(where: { $0.hasPrefix("## ") }) ?? allLines.endIndex
    var lines = allLines[sectionStart..<sectionEnd].makeIterator()
    while let line = lines.next() {
      guard line == "```hex" else { continue }
      guard let header = lines.next(), header.hasPrefix("example: ") else {
        self.problems.append("a ```hex block without an `example: NAME` first line")
        continue
      }
      let name = String(header.dropFirst("example: ".count))
      var body: [Substring] = []
      while let bodyLine = lines.next(), bodyLine != "```" { body.append(bodyLine) }
      guard let bytes = Hex.bytes(body.joined(separator: "\n")) else {
        self.problems.append("example \(name) is not valid hex")
        continue
      }
      if self.bytes[name] != nil { self.problems.append("example \(name) appears twice") }
      self.bytes[name] = bytes
    }
  }
}
