import SoukGeneratedFixtures
import SoukRPC

/// The fixture service implemented as a user implements a generated server protocol: only the methods, with
/// `registerMethods(with:)` coming from the generated extension. That this type compiles checks the generated
/// requirements' shapes for every kind of method, and the escaped `registerMethods_`.
struct FixtureServer: SoukFixtureV1.FixtureService.ServiceProtocol {
  typealias F = SoukFixtureV1

  func get(request: F.Scalars, context: ServerContext) async throws -> F.Scalars {
    request
  }

  func upload(request: RPCAsyncSequence<F.Collections>, context: ServerContext) async throws -> F.Empty {
    for try await _ in request {}
    return F.Empty()
  }

  func watch(request: F.Empty, response: RPCWriter<F.Envelope>, context: ServerContext) async throws {
    try await response.write(F.Envelope())
  }

  func chat(request: RPCAsyncSequence<F.Node>, response: RPCWriter<F.Node>, context: ServerContext) async throws {
    for try await node in request {
      try await response.write(node)
    }
  }

  // The generated escape for a method named like the protocol's own `registerMethods(with:)`.
  // swift-format-ignore: AlwaysUseLowerCamelCase
  func registerMethods_(request: F.Empty, context: ServerContext) async throws -> F.Empty {
    request
  }
}
