import Foundation
import SoukSchema
import Testing

/// The real API under `Protocol/` compiles cleanly and keeps the conventions its generated code relies on.
@Suite("The Souk API schemas under Protocol/")
struct ProtocolSchemasCompileTests {
  /// `Protocol/` at the package root, found from this file's path (`Tests/SoukSchemaTests/<file>`).
  static let protocolRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("Protocol", isDirectory: true)
    .path

  /// The checked schema; a failure throws every diagnostic, which the test then reports.
  static func compileProtocol() throws -> Schema {
    try SchemaCompiler.compile(root: protocolRoot)
  }

  @Test("compiles without diagnostics into the five v1 packages")
  func compilesCleanly() throws {
    let schema = try Self.compileProtocol()
    #expect(
      schema.files.map(\.path) == [
        "souk/accounts/v1/accounts.souk",
        "souk/admin/v1/admin.souk",
        "souk/catalog/v1/catalog.souk",
        "souk/common/v1/common.souk",
        "souk/orders/v1/orders.souk",
      ])
    #expect(
      schema.files.map(\.package) == [
        "souk.accounts.v1", "souk.admin.v1", "souk.catalog.v1", "souk.common.v1", "souk.orders.v1",
      ])
    let services = schema.files.flatMap(\.services).map(\.name.fullName)
    #expect(
      services == [
        "souk.accounts.v1.AccountService", "souk.admin.v1.AdminService", "souk.catalog.v1.CatalogService",
        "souk.orders.v1.OrderService",
      ])
  }

  @Test("every file, type, field, oneof, enum value, service and method is documented")
  func everythingIsDocumented() throws {
    let schema = try Self.compileProtocol()
    var undocumented: [String] = []
    for file in schema.files {
      if file.documentation.isEmpty { undocumented.append(file.path) }
      for message in file.messages { collectUndocumented(in: message, into: &undocumented) }
      for declaration in file.enums { collectUndocumented(in: declaration, into: &undocumented) }
      for service in file.services {
        if service.documentation.isEmpty { undocumented.append(service.name.fullName) }
        for method in service.methods where method.documentation.isEmpty {
          undocumented.append("\(service.name.fullName)/\(method.name)")
        }
      }
    }
    #expect(undocumented == [])
  }

  @Test("enum values carry the enum's prefix and start with <PREFIX>_UNSPECIFIED = 0")
  func enumValuesArePrefixed() throws {
    let schema = try Self.compileProtocol()
    var enums: [EnumDecl] = []
    for file in schema.files {
      enums += file.enums
      for message in file.messages { collectEnums(in: message, into: &enums) }
    }
    #expect(!enums.isEmpty)
    for declaration in enums {
      let prefix = Self.upperSnake(declaration.name.simpleName) + "_"
      #expect(declaration.values.first?.name == prefix + "UNSPECIFIED", "\(declaration.name)")
      #expect(declaration.values.first?.number == 0, "\(declaration.name)")
      let unprefixed = declaration.values.map(\.name).filter { !$0.hasPrefix(prefix) }
      #expect(unprefixed == [], "\(declaration.name)")
    }
  }

  @Test("a method whose request carries an idempotency key is marked idempotent")
  func idempotencyKeysMeanIdempotentMethods() throws {
    let schema = try Self.compileProtocol()
    let messages = Self.messagesByName(schema)
    var checked = 0
    for method in schema.files.flatMap(\.services).flatMap(\.methods) {
      guard let input = messages[method.input.fullName] else {
        Issue.record("input type \(method.input) of \(method.name) not found")
        continue
      }
      let carriesKey = Self.carriesIdempotencyKey(input, messages: messages)
      if carriesKey {
        checked += 1
        #expect(method.isIdempotent, "\(method.name) takes an idempotency_key but is not idempotent")
      }
    }
    #expect(checked > 0)
  }

  @Test("no method is public, admin methods are admin-only, and only IssueApiKey is not idempotent")
  func accessDecisions() throws {
    let schema = try Self.compileProtocol()
    let services = schema.files.flatMap(\.services)
    for service in services {
      for method in service.methods {
        #expect(!method.roles.contains(.public), "\(service.name)/\(method.name) is public")
        if service.name.simpleName == "AdminService" {
          #expect(method.roles == [.admin], "\(method.name)")
        }
      }
    }
    let notIdempotent = services.flatMap(\.methods).filter { !$0.isIdempotent }.map(\.name)
    #expect(notIdempotent == ["IssueApiKey"])
  }

  @Test("streaming is used exactly where it pays: bulk import and the two change feeds")
  func streamingMethods() throws {
    let schema = try Self.compileProtocol()
    let methods = schema.files.flatMap(\.services).flatMap(\.methods)
    let clientStreaming = methods.filter(\.clientStreaming).map(\.name)
    let serverStreaming = methods.filter(\.serverStreaming).map(\.name).sorted()
    #expect(clientStreaming == ["BulkUpsertProducts"])
    #expect(serverStreaming == ["WatchCatalog", "WatchFulfilments"])
    #expect(!methods.contains { $0.clientStreaming && $0.serverStreaming })
  }

  // MARK: - Helpers

  private func collectUndocumented(in message: MessageDecl, into names: inout [String]) {
    let name = message.name.fullName
    if message.documentation.isEmpty { names.append(name) }
    for field in message.fields where field.documentation.isEmpty { names.append("\(name).\(field.name)") }
    for oneof in message.oneofs where oneof.documentation.isEmpty { names.append("\(name).\(oneof.name)") }
    for nested in message.messages { collectUndocumented(in: nested, into: &names) }
    for nested in message.enums { collectUndocumented(in: nested, into: &names) }
  }

  private func collectUndocumented(in declaration: EnumDecl, into names: inout [String]) {
    if declaration.documentation.isEmpty { names.append(declaration.name.fullName) }
    for value in declaration.values where value.documentation.isEmpty {
      names.append("\(declaration.name.fullName).\(value.name)")
    }
  }

  private func collectEnums(in message: MessageDecl, into enums: inout [EnumDecl]) {
    enums += message.enums
    for nested in message.messages { collectEnums(in: nested, into: &enums) }
  }

  private static func messagesByName(_ schema: Schema) -> [String: MessageDecl] {
    var result: [String: MessageDecl] = [:]
    func add(_ message: MessageDecl) {
      result[message.name.fullName] = message
      message.messages.forEach(add)
    }
    schema.files.flatMap(\.messages).forEach(add)
    return result
  }

  /// Whether the request has an `idempotency_key`, directly or in a header one-of member (client streams).
  private static func carriesIdempotencyKey(_ message: MessageDecl, messages: [String: MessageDecl]) -> Bool {
    if message.fields.contains(where: { $0.name == "idempotency_key" }) { return true }
    return message.fields.contains { field in
      guard field.oneof != nil, case .message(let type) = field.type, let member = messages[type.fullName] else {
        return false
      }
      return member.fields.contains { $0.name == "idempotency_key" }
    }
  }

  /// `ProductStatus` -> `PRODUCT_STATUS`.
  private static func upperSnake(_ name: String) -> String {
    var result = ""
    for character in name {
      if character.isUppercase && !result.isEmpty { result += "_" }
      result += character.uppercased()
    }
    return result
  }
}
