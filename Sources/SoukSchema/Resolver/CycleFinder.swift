/// Finds the strongly connected components of a directed graph that contain a cycle (Tarjan's algorithm).
struct CycleFinder {
  private let nodes: [String]
  private let successors: (String) -> [String]
  private var index: [String: Int] = [:]
  private var lowLink: [String: Int] = [:]
  private var stack: [String] = []
  private var onStack: Set<String> = []
  private var components: [[String]] = []

  init(nodes: [String], successors: @escaping (String) -> [String]) {
    self.nodes = nodes
    self.successors = successors
  }

  /// Each group of nodes that reach each other (two or more nodes, or one node with an edge to itself).
  mutating func cyclicComponents() -> [[String]] {
    for node in nodes where index[node] == nil { visit(node) }
    return components
  }

  private mutating func visit(_ node: String) {
    index[node] = index.count
    lowLink[node] = index[node]
    stack.append(node)
    onStack.insert(node)
    for next in successors(node) {
      if index[next] == nil {
        visit(next)
        lowLink[node] = min(lowLink[node] ?? 0, lowLink[next] ?? 0)
      } else if onStack.contains(next) {
        lowLink[node] = min(lowLink[node] ?? 0, index[next] ?? 0)
      }
    }
    guard lowLink[node] == index[node] else { return }
    var component: [String] = []
    while let top = stack.popLast() {
      onStack.remove(top)
      component.append(top)
      if top == node { break }
    }
    if component.count > 1 || successors(node).contains(node) {
      components.append(component)
    }
  }
}
