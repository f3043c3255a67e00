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
    switch name {
    case "draft": return .draft
    case "active": return .active
    case "archived": return .archived
    default: throw ProductFieldError("'\(text)' is not a status; use draft, active or archived")
    }
  }

  /// The name of `status`, e.g. `active`; empty when unset.
  public static func name(of status: SoukCatalogV1.ProductStatus) -> String {
    switch status {
    case .draft: "draft"
    case .active: "active"
    case .archived: "archived"
    case .unspecified, .unrecognized: ""
    }
  }
}
