import SoukAPI
import SoukWire

/// Every enum of the Souk API with the names its generated values carry. ``APIEnumNameTests`` checks this list
/// against the compiled schema, so an enum added to `Protocol/` without being added here fails the tests.
enum APIEnums {
  /// One value of a generated enum: its number and its generated names.
  struct Value: Sendable, Hashable {
    var number: Int32
    var schemaName: String?
    var shortSchemaName: String?
  }

  /// One enum: its fully qualified schema name and its values in declaration order.
  struct Enum: Sendable {
    var fullName: String
    var values: [Value]
  }

  static let all: [Enum] = [
    APIEnums.values(of: SoukAdminV1.PartnerStatus.self, named: "souk.admin.v1.PartnerStatus"),
    APIEnums.values(of: SoukAdminV1.TotalsDimension.self, named: "souk.admin.v1.TotalsDimension"),
    APIEnums.values(of: SoukCatalogV1.BulkRowOutcome.self, named: "souk.catalog.v1.BulkRowOutcome"),
    APIEnums.values(of: SoukCatalogV1.CatalogChangeKind.self, named: "souk.catalog.v1.CatalogChangeKind"),
    APIEnums.values(of: SoukCatalogV1.CooperativeStatus.self, named: "souk.catalog.v1.CooperativeStatus"),
    APIEnums.values(of: SoukCatalogV1.ProductCategory.self, named: "souk.catalog.v1.ProductCategory"),
    APIEnums.values(of: SoukCatalogV1.ProductOrderBy.self, named: "souk.catalog.v1.ProductOrderBy"),
    APIEnums.values(of: SoukCatalogV1.ProductStatus.self, named: "souk.catalog.v1.ProductStatus"),
    APIEnums.values(of: SoukCatalogV1.UnitKind.self, named: "souk.catalog.v1.UnitKind"),
    APIEnums.values(of: SoukCommonV1.ErrorReason.self, named: "souk.common.v1.ErrorReason"),
    APIEnums.values(of: SoukCommonV1.PrincipalKind.self, named: "souk.common.v1.PrincipalKind"),
    APIEnums.values(of: SoukCommonV1.Region.self, named: "souk.common.v1.Region"),
    APIEnums.values(of: SoukCommonV1.Sector.self, named: "souk.common.v1.Sector"),
    APIEnums.values(of: SoukOrdersV1.FulfilmentFeedEventKind.self, named: "souk.orders.v1.FulfilmentFeedEventKind"),
    APIEnums.values(of: SoukOrdersV1.FulfilmentStatus.self, named: "souk.orders.v1.FulfilmentStatus"),
    APIEnums.values(of: SoukOrdersV1.OrderSort.self, named: "souk.orders.v1.OrderSort"),
    APIEnums.values(of: SoukOrdersV1.OrderStatus.self, named: "souk.orders.v1.OrderStatus"),
    APIEnums.values(of: SoukOrdersV1.PaymentMethod.self, named: "souk.orders.v1.PaymentMethod"),
  ]

  /// The values of `type`, as the enum named `fullName` in the schema.
  static func values<E: WireEnum & CaseIterable>(of type: E.Type, named fullName: String) -> Enum {
    Enum(
      fullName: fullName,
      values: E.allCases.map {
        Value(number: $0.rawValue, schemaName: $0.schemaName, shortSchemaName: $0.shortSchemaName)
      }
    )
  }
}
