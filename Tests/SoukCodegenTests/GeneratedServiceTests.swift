import SoukGeneratedFixtures
import SoukRPC
import SoukWire
import Testing

/// The generated fixture service, compiled: a type conforming to its server protocol registers every method
/// with a router under the method's descriptor.
@Suite("Generated services")
struct GeneratedServiceTests {
  typealias F = SoukFixtureV1

  @Test func aServerProtocolRegistersEveryMethod() {
    var router = RPCRouter()
    FixtureServer().registerMethods(with: &router)

    #expect(router.hasService("souk.fixture.v1.FixtureService"))
    #expect(router.methods.map(\.name) == ["Chat", "Get", "RegisterMethods", "Upload", "Watch"])
    #expect(Set(router.methods) == Set(F.FixtureService.descriptor.methods))
    let methods = Dictionary(uniqueKeysWithValues: router.methods.map { ($0.name, $0) })
    #expect(methods["Get"]?.kind == .unary)
    #expect(methods["Get"]?.roles == ["public", "partner"])
    #expect(methods["Get"]?.isIdempotent == true)
    #expect(methods["Upload"]?.kind == .clientStreaming)
    #expect(methods["Upload"]?.roles == ["cooperative"])
    #expect(methods["Watch"]?.kind == .serverStreaming)
    #expect(methods["Watch"]?.roles == ["admin", "partner"])
    #expect(methods["Watch"]?.isDeprecated == true)
    #expect(methods["Chat"]?.kind == .bidirectionalStreaming)
    #expect(methods["Chat"]?.roles == ["admin"])
    #expect(methods["RegisterMethods"]?.kind == .unary)
    #expect(methods["RegisterMethods"]?.roles == ["admin", "cooperative"])
  }

  @Test func aRouterBuiltFromServicesHoldsTheirMethods() {
    let router = RPCRouter(services: [FixtureServer()])
    #expect(router.methods.map(\.fullName).contains("souk.fixture.v1.FixtureService/RegisterMethods"))
    #expect(router.methods.count == F.FixtureService.descriptor.methods.count)
  }
}
