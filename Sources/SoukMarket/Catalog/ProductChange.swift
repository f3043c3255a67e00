import SoukAPI

/// The validated, normalised fields of an update or a bulk row: each one set replaces the product's value,
/// each one nil keeps it.
struct ProductChange: Sendable {
  var sku: String?
  var title: SoukCommonV1.LocalizedText?
  /// Set to `.some(nil)` to clear the description.
  var description: SoukCommonV1.LocalizedText??
  var category: SoukCatalogV1.ProductCategory?
  var tags: [String]?
  var price: SoukCommonV1.Money?
  var unit: SoukCatalogV1.Unit?
  var stock: Int64?
  var photoURLs: [String]?
  var status: SoukCatalogV1.ProductStatus?

  /// The change an `UpdateProductRequest` asks for; throws `INVALID_ARGUMENT` naming every wrong field.
  init(validating request: SoukCatalogV1.UpdateProductRequest) throws(MarketError) {
    var validator = RequestValidator()
    validator.idempotencyKey(request.idempotencyKey)
    if request.productId.isEmpty { validator.fail("product_id", "is required") }
    self.init(
      validator: &validator,
      sku: request.sku,
      title: request.title,
      description: request.description,
      category: request.category,
      tags: request.tags,
      price: request.price,
      unit: request.unit,
      stock: nil,
      photoURLs: request.photoUrls,
      status: request.status
    )
    try validator.check()
  }

  /// The change a bulk row asks for, recording wrong fields (with paths relative to the row) in `validator`.
  init(row: SoukCatalogV1.ProductRow, validator: inout RequestValidator) {
    self.init(
      validator: &validator,
      sku: row.sku,
      title: row.title,
      description: row.description,
      category: row.category,
      tags: row.tags,
      price: row.price,
      unit: row.unit,
      stock: row.stock,
      photoURLs: row.photoUrls,
      status: row.status
    )
  }

  private init(
    validator: inout RequestValidator,
    sku: String?,
    title: SoukCommonV1.LocalizedText?,
    description: SoukCommonV1.LocalizedText?,
    category: SoukCatalogV1.ProductCategory?,
    tags: SoukCommonV1.StringList?,
    price: SoukCommonV1.Money?,
    unit: SoukCatalogV1.Unit?,
    stock: Int64?,
    photoURLs: SoukCommonV1.StringList?,
    status: SoukCatalogV1.ProductStatus?
  ) {
    let limits = RequestValidator.CatalogLimits.self
    self.sku = sku.map { validator.sku($0) }
    if let title {
      self.title = validator.localized(title, field: "title", required: true, maxLength: limits.titleLength)
    }
    if let description {
      let normalized = validator.localized(description, field: "description", maxLength: limits.descriptionLength)
      self.description = .some(normalized.flatMap { $0 == SoukCommonV1.LocalizedText() ? nil : $0 })
    }
    if let category {
      validator.category(category)
      self.category = category
    }
    self.tags = tags.map { validator.tags($0.values) }
    if let price { self.price = validator.money(price, field: "price") }
    if let unit { self.unit = validator.unit(unit, required: true) }
    if let stock {
      validator.stock(stock)
      self.stock = stock
    }
    self.photoURLs = photoURLs.map { validator.photoURLs($0.values) }
    if let status {
      validator.productStatus(status)
      self.status = status
    }
  }

  /// Applies the change to `product` and checks the requirements of its resulting status; throws
  /// `INVALID_ARGUMENT` when it would make an ACTIVE product without a price, a unit or a title.
  func apply(to product: inout SoukCatalogV1.Product) throws(MarketError) {
    if let sku = self.sku { product.sku = sku }
    if let title = self.title { product.title = title }
    if let description = self.description { product.description = description }
    if let category = self.category { product.category = category }
    if let tags = self.tags { product.tags = tags }
    if let price = self.price { product.price = price }
    if let unit = self.unit { product.unit = unit }
    if let stock = self.stock { product.stock = stock }
    if let photoURLs = self.photoURLs { product.photoUrls = photoURLs }
    if let status = self.status { product.status = status }
    var validator = RequestValidator()
    validator.activeRequirements(of: product)
    try validator.check()
  }

  /// The fields a row that creates a product must set, as violations.
  func missingForCreation() -> RequestValidator {
    var validator = RequestValidator()
    let reason = "is required when the row creates a product"
    if self.title == nil { validator.fail("title", reason) }
    if self.category == nil { validator.fail("category", reason) }
    if self.price == nil { validator.fail("price", reason) }
    if self.unit == nil { validator.fail("unit", reason) }
    return validator
  }
}
