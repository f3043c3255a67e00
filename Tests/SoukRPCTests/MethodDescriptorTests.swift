import SoukRPC
import Testing

@Suite("Service descriptors")
struct MethodDescriptorTests {
  @Test("a method's full name is service/name and its fields are kept as given")
  func methodDescriptor() {
    let method = MethodDescriptor(
      service: "souk.catalog.v1.CatalogService",
      name: "GetProduct",
      kind: .unary,
      inputType: "souk.catalog.v1.GetProductRequest",
      outputType: "souk.catalog.v1.Product",
      roles: ["public", "partner"],
      isIdempotent: true
    )
    #expect(method.fullName == "souk.catalog.v1.CatalogService/GetProduct")
    #expect(method.kind == .unary)
    #expect(method.roles == ["public", "partner"])
    #expect(method.isIdempotent)
    #expect(!method.isDeprecated)

    let service = ServiceDescriptor(fullName: "souk.catalog.v1.CatalogService", methods: [method])
    #expect(service.methods == [method])
    #expect(service.fullName == "souk.catalog.v1.CatalogService")
  }
}
