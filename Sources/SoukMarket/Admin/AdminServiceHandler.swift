public import SoukAPI
public import SoukAPIServices
public import SoukRPC
public import SoukStore

/// The operator's service: cooperatives, partners, API keys, and the inspection of orders and their totals.
/// The server's role check admits only admin keys; concerns live in extensions (`+Partners`, `+Keys`,
/// `+Orders`, `+Totals`).
public struct AdminServiceHandler: SoukAdminV1.AdminService.ServiceProtocol {
  /// Where the marketplace is kept.
  let store: any MarketStore

  /// Creates the service over `store`.
  public init(store: any MarketStore) {
    self.store = store
  }

  /// Registers a cooperative: ACTIVE, version 1.
  public func createCooperative(
    request: SoukAdminV1.CreateCooperativeRequest,
    context: ServerContext
  ) async throws -> SoukCatalogV1.Cooperative {
    let call = try MarketCall(context)
    var validator = RequestValidator()
    validator.idempotencyKey(request.idempotencyKey)
    var cooperative = SoukCatalogV1.Cooperative()
    cooperative.name = validator.localized(request.name, field: "name", required: true, maxLength: 200)
    if let description = request.description {
      let normalized = validator.localized(description, field: "description", maxLength: 5000)
      cooperative.description = normalized == SoukCommonV1.LocalizedText() ? nil : normalized
    }
    validator.region(request.region)
    cooperative.region = request.region
    cooperative.province = validator.text(request.province, field: "province", required: true, maxLength: 100)
    cooperative.city = validator.text(request.city, field: "city", required: true, maxLength: 100)
    validator.sector(request.sector)
    cooperative.sector = request.sector
    cooperative.contact = validator.contact(request.contact, requirePhone: true)
    cooperative.registrationNumber = validator.text(
      request.registrationNumber,
      field: "registration_number",
      maxLength: 50
    )
    try validator.check()
    cooperative.id = Identifiers.make(.cooperative)
    cooperative.status = .active
    cooperative.version = 1
    cooperative.createdAt = call.time
    cooperative.updatedAt = call.time
    let write = call.write(idempotent: request)
    let created = cooperative
    return try await mapStoreErrors { try await self.store.insertCooperative(created, context: write) }
  }

  /// Changes the fields set in the request; a status change makes the store recompute every product's
  /// `orderable`.
  public func updateCooperative(
    request: SoukAdminV1.UpdateCooperativeRequest,
    context: ServerContext
  ) async throws -> SoukCatalogV1.Cooperative {
    let call = try MarketCall(context)
    var validator = RequestValidator()
    validator.idempotencyKey(request.idempotencyKey)
    if request.cooperativeId.isEmpty { validator.fail("cooperative_id", "is required") }
    let name = request.name.map { validator.localized($0, field: "name", required: true, maxLength: 200) }
    let description = request.description.map { validator.localized($0, field: "description", maxLength: 5000) }
    if let region = request.region { validator.region(region) }
    let province = request.province.map { validator.text($0, field: "province", required: true, maxLength: 100) }
    let city = request.city.map { validator.text($0, field: "city", required: true, maxLength: 100) }
    if let sector = request.sector { validator.sector(sector) }
    let contact = request.contact.map { validator.contact($0, requirePhone: true) }
    let registration = request.registrationNumber.map {
      validator.text($0, field: "registration_number", maxLength: 50)
    }
    if let status = request.status, status != .active && status != .suspended {
      validator.fail("status", "must be COOPERATIVE_STATUS_ACTIVE or COOPERATIVE_STATUS_SUSPENDED")
    }
    try validator.check()
    let write = call.write(idempotent: request)
    return try await mapStoreErrors {
      try await self.store.updateCooperative(id: request.cooperativeId, context: write) { cooperative in
        if let expected = request.expectedVersion, expected != cooperative.version {
          throw MarketError.versionMismatch(expected: expected, current: cooperative.version)
        }
        if let name { cooperative.name = name }
        if let description {
          cooperative.description = description == SoukCommonV1.LocalizedText() ? nil : description
        }
        if let region = request.region { cooperative.region = region }
        if let province { cooperative.province = province }
        if let city { cooperative.city = city }
        if let sector = request.sector { cooperative.sector = sector }
        if let contact { cooperative.contact = contact }
        if let registration { cooperative.registrationNumber = registration }
        if let status = request.status { cooperative.status = status }
      }
    }
  }

  /// Lists cooperatives of every status, as the catalog service does.
  public func listCooperatives(
    request: SoukCatalogV1.ListCooperativesRequest,
    context: ServerContext
  ) async throws -> SoukCatalogV1.ListCooperativesResponse {
    let call = try MarketCall(context)
    return try await CatalogServiceHandler.listCooperatives(request: request, call: call, store: self.store)
  }
}
