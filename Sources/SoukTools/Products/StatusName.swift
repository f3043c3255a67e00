public import SoukAPI

/// Product statuses as a sheet's `status` column names them: `draft`, `active`, `archived`.
public enum StatusName {
  /// The status `text` names (case-insensitive; the `product_status_` prefix is allowed).
  ///
  /// - Throws: ``ProductFieldError`` listing the known names.
  public static func status(from text: String) throws(ProductFieldError) -> SoukCatalogV1.ProductStatus {
    var name = Substring(text).trimmingSpaces().lowercased()
    if name.hasPrefix("product_status_") {
      name.removeFirst("product_status_".count)
    }
    let names = SoukCatalogV1.ProductStatus.allCases.filter { $0 != .unspecified }.map { (EnumName.snake($0), $0) }
    guard let match = names.first(where: { $0.0 == name }) else {
      let listed = names.map(\.0)
      let choices = listed.dropLast().joined(separator: ", ") + (listed.count > 1 ? " or " : "") + (listed.last ?? "")
      throw ProductFieldError("'\(text)' is not a status; use \(choices)")
    }
    return match.1
  }

  /// The name of `status`, e.g. `active`; empty when unset.
  public static func name(of status: SoukCatalogV1.ProductStatus) -> String {
    status == .unspecified || status.schemaName == nil ? "" : EnumName.snake(status)
  }
}
