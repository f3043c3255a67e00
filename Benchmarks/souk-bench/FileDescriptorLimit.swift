import Foundation

/// The process's limit on open file descriptors (`RLIMIT_NOFILE`), which child processes inherit.
enum FileDescriptorLimit {
  /// The limit could not be read or raised far enough.
  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  /// Raises the soft limit to the hard limit when it is below `needed`; returns the soft limit now in force.
  ///
  /// - Throws: ``Failure`` when even the hard limit is below `needed`.
  @discardableResult
  static func ensure(_ needed: Int) throws -> Int {
    #if os(Linux)
      let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
      let resource = RLIMIT_NOFILE
    #endif
    var limit = rlimit()
    guard getrlimit(resource, &limit) == 0 else {
      throw Failure(description: "getrlimit(RLIMIT_NOFILE) failed: errno \(errno)")
    }
    if limit.rlim_cur < rlim_t(needed), limit.rlim_cur < limit.rlim_max {
      limit.rlim_cur = limit.rlim_max
      guard setrlimit(resource, &limit) == 0 else {
        throw Failure(description: "setrlimit(RLIMIT_NOFILE, \(limit.rlim_max)) failed: errno \(errno)")
      }
    }
    guard limit.rlim_cur >= rlim_t(needed) else {
      throw Failure(
        description: "at most \(limit.rlim_cur) open files (hard limit \(limit.rlim_max)), \(needed) needed"
      )
    }
    return Int(clamping: limit.rlim_cur)
  }
}
