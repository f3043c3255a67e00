import CSoukAllocationCounter

/// Swift's view of CSoukAllocationCounter: the heap allocations of this whole process (every thread, every
/// library), counted by souk-bench's own malloc and friends, which forward to glibc's.
enum AllocationCounter {
  /// Allocation calls counted between two points.
  struct Counts: Sendable {
    /// New blocks: malloc, calloc, posix_memalign, aligned_alloc, memalign, realloc of NULL.
    var allocations: Int
    /// realloc of an existing block.
    var reallocations: Int
    /// free of a block.
    var frees: Int
  }

  /// Whether this binary's malloc and friends are the counting ones (Linux with glibc).
  static var isInterposing: Bool { souk_allocation_counter_is_interposing() }

  /// Counts the allocations of the whole process while `body` runs (other threads' included).
  static func counting<T>(
    isolation: isolated (any Actor)? = #isolation,
    _ body: () async throws -> T
  ) async rethrows -> (T, Counts) {
    start()
    defer { souk_allocation_counter_set_enabled(false) }
    let result = try await body()
    return (result, read())
  }

  /// Counts the allocations of the whole process while `body` runs (other threads' included).
  static func countingSynchronously<T>(_ body: () throws -> T) rethrows -> (T, Counts) {
    start()
    defer { souk_allocation_counter_set_enabled(false) }
    let result = try body()
    return (result, read())
  }

  private static func start() {
    souk_allocation_counter_reset()
    souk_allocation_counter_set_enabled(true)
  }

  private static func read() -> Counts {
    let counts = souk_allocation_counter_read()
    return Counts(
      allocations: Int(counts.allocations),
      reallocations: Int(counts.reallocations),
      frees: Int(counts.frees)
    )
  }
}
