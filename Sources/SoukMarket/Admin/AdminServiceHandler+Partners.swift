public import SoukAPI
public import SoukRPC
import SoukStore

extension AdminServiceHandler {
  /// Registers a partner: ACTIVE, version 1.
  public func createPartner(
    request: SoukAdminV1.CreatePartnerRequest,
    context: ServerContext
  ) async throws -> SoukAdminV1.Partner {
    let call = try MarketCall(context)
    var validator = RequestValidator()
    validator.idempotencyKey(request.idempotencyKey)
    var partner = SoukAdminV1.Partner()
    partner.name = validator.text(request.name, field: "name", required: true, maxLength: 200)
    partner.websiteUrl = validator.httpsURL(request.websiteUrl, field: "website_url")
    partner.contact = validator.contact(request.contact, requirePhone: false)
    try validator.check()
    partner.id = Identifiers.make(.partner)
    partner.status = .active
    partner.version = 1
    partner.createdAt = call.time
    partner.updatedAt = call.time
    let write = call.write(idempotent: request)
    let created = partner
    return try await mapStoreErrors { try await self.store.insertPartner(created, context: write) }
  }

  /// Changes the fields set in the request, including suspending or reactivating the partner.
  public func updatePartner(
    request: SoukAdminV1.UpdatePartnerRequest,
    context: ServerContext
  ) async throws -> SoukAdminV1.Partner {
    let call = try MarketCall(context)
    var validator = RequestValidator()
    validator.idempotencyKey(request.idempotencyKey)
    if request.partnerId.isEmpty { validator.fail("partner_id", "is required") }
    let name = request.name.map { validator.text($0, field: "name", required: true, maxLength: 200) }
    let website = request.websiteUrl.map { validator.httpsURL($0, field: "website_url") }
    let contact = request.contact.map { validator.contact($0, requirePhone: false) }
    if let status = request.status, status != .active && status != .suspended {
      validator.fail("status", "must be PARTNER_STATUS_ACTIVE or PARTNER_STATUS_SUSPENDED")
    }
    try validator.check()
    let write = call.write(idempotent: request)
    return try await mapStoreErrors {
      try await self.store.updatePartner(id: request.partnerId, context: write) { partner in
        if let expected = request.expectedVersion, expected != partner.version {
          throw MarketError.versionMismatch(expected: expected, current: partner.version)
        }
        if let name { partner.name = name }
        if let website { partner.websiteUrl = website }
        if let contact { partner.contact = contact }
        if let status = request.status { partner.status = status }
      }
    }
  }

  /// Lists partners by creation time then id, one page at a time.
  public func listPartners(
    request: SoukAdminV1.ListPartnersRequest,
    context: ServerContext
  ) async throws -> SoukAdminV1.ListPartnersResponse {
    let call = try MarketCall(context)
    var validator = RequestValidator()
    let text = validator.text(request.query, field: "query", maxLength: 200)
    try validator.check()
    let binding = PageToken<ListPosition>.binding(for: request, call: call) { $0.page = nil }
    let position = try PageToken<ListPosition>.decode(request.page.token, binding: binding)
    var query = PartnerQuery()
    query.statuses = request.statuses
    query.queryWords = SearchText.words(of: text)
    let limit = request.page.size()
    let partners = try await mapStoreErrors { try await self.store.listPartners(query, after: position, limit: limit) }
    var response = SoukAdminV1.ListPartnersResponse()
    response.partners = partners
    if partners.count == limit, let last = partners.last {
      let next = ListPosition(createdAtMicros: last.createdAt?.micros ?? 0, id: last.id)
      response.nextPageToken = PageToken.encode(next, binding: binding)
    }
    return response
  }
}
