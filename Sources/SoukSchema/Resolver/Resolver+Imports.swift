extension Resolver {
  /// One `import` that names an existing file.
  private struct ImportEdge {
    var target: String
    var location: SourceLocation
  }

  /// Checks every import (missing files, repeats, cycles) and records what each file can see.
  mutating func checkImports() {
    let packages = Dictionary(files.map { ($0.path, Self.package(of: $0)) }, uniquingKeysWith: { first, _ in first })
    var edges: [String: [ImportEdge]] = [:]
    for file in files {
      var context = FileContext(
        path: file.path, package: Self.package(of: file), visibleFiles: [file.path], importedPackages: [])
      var seen: [String: SourceLocation] = [:]
      for path in file.imports {
        if let earlier = seen[path.value] {
          error("file '\(path.value)' is already imported at line \(earlier.line)", at: path.location)
          continue
        }
        seen[path.value] = path.location
        guard let package = packages[path.value] else {
          error("imported file '\(path.value)' does not exist" + suggestion(forMissing: path.value), at: path.location)
          continue
        }
        edges[file.path, default: []].append(ImportEdge(target: path.value, location: path.location))
        context.visibleFiles.insert(path.value)
        if package != context.package && !context.importedPackages.contains(package) {
          context.importedPackages.append(package)
        }
      }
      contexts[file.path] = context
    }
    reportCycles(in: edges)
  }

  /// `; did you mean 'a/b/c.souk'?` when a file with the same name exists elsewhere.
  private func suggestion(forMissing path: String) -> String {
    let fileName = path.split(separator: "/").last.map(String.init) ?? path
    let candidates = files.map(\.path).filter { $0 == fileName || $0.hasSuffix("/" + fileName) }
    guard let candidate = candidates.first else { return "" }
    return "; did you mean '\(candidate)'?"
  }

  /// Reports one cycle per strongly connected group of files, at the import in its first file (by path).
  private mutating func reportCycles(in edges: [String: [ImportEdge]]) {
    var finder = CycleFinder(nodes: files.map(\.path), successors: { edges[$0]?.map(\.target) ?? [] })
    for component in finder.cyclicComponents() {
      guard let start = component.min() else { continue }
      let members = Set(component)
      let cycle = Self.shortestCycle(from: start, within: members) { edges[$0]?.map(\.target) ?? [] }
      guard cycle.count > 1, let edge = edges[start]?.first(where: { $0.target == cycle[1] }) else { continue }
      error("import cycle: " + cycle.joined(separator: " -> "), at: edge.location)
    }
  }

  /// The shortest path `start -> ... -> start` staying inside `members`, found breadth first.
  private static func shortestCycle(
    from start: String, within members: Set<String>, successors: (String) -> [String]
  ) -> [String] {
    var parent: [String: String] = [:]
    var queue = [start]
    var head = 0
    while head < queue.count {
      let node = queue[head]
      head += 1
      for next in successors(node) where members.contains(next) {
        if next == start {
          var path = [start]
          var current = node
          while current != start, let previous = parent[current] {
            path.append(current)
            current = previous
          }
          return [start] + path.dropFirst().reversed() + [start]
        }
        if parent[next] == nil {
          parent[next] = node
          queue.append(next)
        }
      }
    }
    return [start]
  }
}
