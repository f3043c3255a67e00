/// What one file can see while its type references are resolved.
struct FileContext {
  var path: String
  /// The file's package (`""` when it has none, which is already reported).
  var package: String
  /// The file itself and the files it imports directly (and that exist).
  var visibleFiles: Set<String>
  /// The packages of the directly imported files other than the file's own, in import order.
  var importedPackages: [String]
}
