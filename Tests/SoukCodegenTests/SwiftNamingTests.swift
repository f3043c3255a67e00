import SoukSchema
import Testing

@testable import SoukCodegen

@Suite("Swift naming")
struct SwiftNamingTests {
  @Test(arguments: [
    ("souk.catalog.v1", "SoukCatalogV1"),
    ("souk.fixture_shared.v1", "SoukFixtureSharedV1"),
    ("acme", "Acme"),
  ])
  func namespaces(package: String, expected: String) {
    #expect(SwiftNaming.namespace(forPackage: package) == expected)
  }

  @Test(arguments: [
    ("unit_price", "unitPrice"), ("unitPrice", "unitPrice"), ("UnitPrice", "unitPrice"), ("id", "id"),
    ("url", "url"), ("photo_urls", "photoUrls"), ("URL", "url"), ("URLPath", "urlPath"), ("PRODUCT_ID", "productId"),
    ("v1_name", "v1Name"), ("_private", "private"),
  ])
  func fieldsAreLowerCamelCase(name: String, expected: String) {
    #expect(SwiftNaming.lowerCamelCase(name) == expected)
  }

  @Test(arguments: [
    ("self", "`self`"), ("default", "`default`"), ("protocol", "`protocol`"), ("class", "`class`"),
    ("Type", "type"), ("in", "`in`"), ("unknown_fields", "unknownFields_"), ("encode", "encode_"),
    ("decode", "decode_"), ("encoded_size", "encodedSize_"), ("full_name", "fullName_"), ("init", "init_"),
    ("size", "size"),
  ])
  func propertyNamesAvoidKeywordsAndGeneratedMembers(name: String, expected: String) {
    #expect(SwiftNaming.propertyName(name) == expected)
  }

  @Test(arguments: [
    ("product", "Product"), ("product_photo", "ProductPhoto"), ("GetProduct", "GetProduct"),
    ("String", "String_"), ("Type", "Type_"), ("WireMessage", "WireMessage_"), ("Protocol", "Protocol_"),
  ])
  func typeNames(name: String, expected: String) {
    #expect(SwiftNaming.typeName(name) == expected)
  }

  @Test(arguments: [
    ("PRODUCT_STATUS_ACTIVE", "ProductStatus", "active"),
    ("PRODUCT_STATUS_UNSPECIFIED", "ProductStatus", "unspecified"),
    ("PRODUCTSTATUS_ON_HOLD", "ProductStatus", "onHold"),
    ("ACTIVE", "ProductStatus", "active"),
    ("STATUS", "Status", "status"),
    ("KIND_DEFAULT", "Kind", "`default`"),
    ("KIND_SELF", "Kind", "self_"),
    ("KIND_2X", "Kind", "_2x"),
    ("HTTP_METHOD_GET", "HTTPMethod", "get"),
  ])
  func enumCasesLoseTheirPrefix(value: String, enumName: String, expected: String) {
    #expect(SwiftNaming.enumCaseName(value, enumName: enumName) == expected)
  }

  @Test(arguments: [
    ("GetProduct", "getProduct"), ("WatchCatalog", "watchCatalog"), ("BulkUpsertProducts", "bulkUpsertProducts"),
    ("get_product", "getProduct"), ("IssueApiKey", "issueApiKey"), ("GetURL", "getURL"),
    ("RegisterMethods", "registerMethods_"), ("RpcClient", "rpcClient_"), ("Init", "init_"), ("Self", "self_"),
    ("Default", "`default`"), ("Return", "`return`"),
  ])
  func methodsBecomeLowerCamelCaseFunctions(name: String, expected: String) {
    #expect(SwiftNaming.methodFunctionName(name) == expected)
  }

  @Test func qualifiedNamesNestTypes() {
    let name = TypeName(package: "souk.catalog.v1", path: ["Product", "photo"])
    #expect(SwiftNaming.qualifiedName(of: name) == "SoukCatalogV1.Product.Photo")
  }
}
