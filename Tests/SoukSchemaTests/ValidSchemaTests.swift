import SoukSchema
import Testing

@Suite("Valid schemas become the checked model")
struct ValidSchemaTests {
  static let common = """
    /// Types shared by every Souk package.
    /// Money is in integer minor units.
    package souk.common.v1;

    /// An amount of money.
    message Money {
      int64 centimes = 1;
      string currency = 2;
    }
    """

  static let catalog = """
    // The catalog.
    package souk.catalog.v1;

    import "souk/common/v1/common.souk";

    /// A product a cooperative sells.
    ///
    /// Shown to partners.
    message Product {
      reserved 7, 9 to 11, 40 to max;
      reserved "old_name", "legacy";
      option deprecated = true;

      /// The product's id.
      string id = 1;
      optional string note = 2 [deprecated = true];
      repeated string tags = 3;
      map<string, int64> counts = 4;
      souk.common.v1.Money price = 5;
      Status status = 6;
      oneof source {
        /// doc on a oneof member
        string url = 8;
        bytes data = 12;
      }
      message Photo { string url = 1; Kind kind = 2; }
      enum Kind { KIND_UNSPECIFIED = 0; KIND_A = 1; }
      repeated Photo photos = 13;
      map<uint32, .souk.common.v1.Money> prices = 14;
      Money total = 15;
    }

    enum Status {
      STATUS_UNSPECIFIED = 0;
      STATUS_ACTIVE = 1 [deprecated = true];
      reserved 2, 5 to 9;
      reserved "STATUS_OLD";
    }

    message GetProductRequest { string id = 1; }
    message UpsertRow { Product product = 1; Product.Photo photo = 2; }
    message UpsertResult { bool ok = 1; }
    message WatchRequest {}
    message CatalogChange { Product product = 1; }

    /// Reads and writes the catalog.
    service CatalogService {
      /// Gets one product.
      rpc GetProduct(GetProductRequest) returns (Product) {
        option roles = [public, partner, cooperative, admin];
        option idempotent = true;
      }
      rpc BulkUpsert(stream UpsertRow) returns (stream UpsertResult) { option roles = [cooperative]; }
      rpc Watch(WatchRequest) returns (stream CatalogChange) { option roles = [partner, admin]; option deprecated = true; }
      rpc Push(stream UpsertRow) returns (UpsertResult) { option roles = [admin]; }
    }
    """

  static let files = [
    "souk/common/v1/common.souk": common,
    "souk/catalog/v1/catalog.souk": catalog,
  ]

  private func catalogFile() throws -> SchemaFile {
    let schema = try compileValid(Self.files)
    #expect(schema.files.map(\.path) == ["souk/catalog/v1/catalog.souk", "souk/common/v1/common.souk"])
    return schema.files[0]
  }

  private func product() throws -> MessageDecl {
    try #require(catalogFile().messages.first { $0.name.simpleName == "Product" })
  }

  @Test func fileHeaderAndImports() throws {
    let schema = try compileValid(Self.files)
    let common = schema.files[1]
    #expect(common.package == "souk.common.v1")
    #expect(common.documentation.lines == ["Types shared by every Souk package.", "Money is in integer minor units."])
    #expect(common.imports.isEmpty)
    let catalog = schema.files[0]
    #expect(catalog.package == "souk.catalog.v1")
    #expect(catalog.imports == ["souk/common/v1/common.souk"])
    #expect(catalog.documentation.isEmpty)
    #expect(
      catalog.messages.map(\.name.simpleName) == [
        "Product", "GetProductRequest", "UpsertRow", "UpsertResult", "WatchRequest", "CatalogChange",
      ])
  }

  @Test func messageDocumentationAndDeprecation() throws {
    let product = try product()
    #expect(product.documentation.lines == ["A product a cooperative sells.", "", "Shown to partners."])
    #expect(product.isDeprecated)
    #expect(product.name == TypeName(package: "souk.catalog.v1", path: ["Product"]))
    #expect(product.location == SoukSchema.SourceLocation(file: "souk/catalog/v1/catalog.souk", line: 9, column: 9))
  }

  @Test func fieldsLabelsNumbersAndDocs() throws {
    let fields = try product().fields
    #expect(
      fields.map(\.name) == [
        "id", "note", "tags", "counts", "price", "status", "url", "data", "photos", "prices", "total",
      ])
    #expect(fields.map(\.number) == [1, 2, 3, 4, 5, 6, 8, 12, 13, 14, 15])
    #expect(
      fields.map(\.label) == [
        .singular, .optional, .repeated, .singular, .singular, .singular, .singular, .singular, .repeated,
        .singular, .singular,
      ])
    #expect(fields[0].documentation.lines == ["The product's id."])
    #expect(fields[1].isDeprecated)
    #expect(!fields[0].isDeprecated)
    #expect(fields[0].location == SoukSchema.SourceLocation(file: "souk/catalog/v1/catalog.souk", line: 15, column: 10))
  }

  @Test func fieldTypesResolveAcrossPackagesAndScopes() throws {
    let fields = try product().fields
    let money = TypeName(package: "souk.common.v1", path: ["Money"])
    #expect(fields[0].type == .scalar(.string))
    #expect(fields[3].type == .map(key: .string, value: .scalar(.int64)))
    #expect(fields[4].type == .message(money))  // qualified without a leading dot
    #expect(fields[5].type == .enumeration(TypeName(package: "souk.catalog.v1", path: ["Status"])))
    #expect(fields[8].type == .message(TypeName(package: "souk.catalog.v1", path: ["Product", "Photo"])))
    #expect(fields[9].type == .map(key: .uint32, value: .message(money)))  // leading dot
    #expect(fields[10].type == .message(money))  // relative, through the imported package
  }

  @Test func oneofs() throws {
    let product = try product()
    #expect(product.oneofs.map(\.name) == ["source"])
    #expect(product.oneofs[0].fieldNames == ["url", "data"])
    let members = product.fields.filter { $0.oneof == "source" }
    #expect(members.map(\.name) == ["url", "data"])
    #expect(members[0].documentation.lines == ["doc on a oneof member"])
    #expect(product.fields.filter { $0.oneof == nil }.count == 9)
  }

  @Test func nestedTypesResolveInnermostFirst() throws {
    let product = try product()
    #expect(product.messages.map(\.name.fullName) == ["souk.catalog.v1.Product.Photo"])
    #expect(product.enums.map(\.name.fullName) == ["souk.catalog.v1.Product.Kind"])
    let photo = product.messages[0]
    #expect(photo.fields[1].type == .enumeration(TypeName(package: "souk.catalog.v1", path: ["Product", "Kind"])))
    let upsertRow = try #require(try catalogFile().messages.first { $0.name.simpleName == "UpsertRow" })
    #expect(upsertRow.fields[1].type == .message(TypeName(package: "souk.catalog.v1", path: ["Product", "Photo"])))
  }

  @Test func reservations() throws {
    let product = try product()
    #expect(product.reserved.numbers == [7...7, 9...11, 40...536_870_911])
    #expect(product.reserved.names == ["old_name", "legacy"])
    #expect(product.reserved.contains(number: 10))
    let status = try #require(try catalogFile().enums.first)
    #expect(status.reserved.numbers == [2...2, 5...9])
    #expect(status.reserved.names == ["STATUS_OLD"])
  }

  @Test func enumValues() throws {
    let status = try #require(try catalogFile().enums.first)
    #expect(status.name.fullName == "souk.catalog.v1.Status")
    #expect(status.values.map(\.name) == ["STATUS_UNSPECIFIED", "STATUS_ACTIVE"])
    #expect(status.values.map(\.number) == [0, 1])
    #expect(status.values.map(\.isDeprecated) == [false, true])
  }

  @Test func serviceMethods() throws {
    let service = try #require(try catalogFile().services.first)
    #expect(service.name.fullName == "souk.catalog.v1.CatalogService")
    #expect(service.documentation.lines == ["Reads and writes the catalog."])
    let methods = service.methods
    #expect(methods.map(\.name) == ["GetProduct", "BulkUpsert", "Watch", "Push"])
    #expect(methods[0].documentation.lines == ["Gets one product."])
    #expect(methods[0].roles == [.public, .partner, .cooperative, .admin])
    #expect(methods[0].isIdempotent)
    #expect(!methods[0].clientStreaming && !methods[0].serverStreaming)
    #expect(methods[0].input.fullName == "souk.catalog.v1.GetProductRequest")
    #expect(methods[0].output.fullName == "souk.catalog.v1.Product")
    #expect(methods[1].clientStreaming && methods[1].serverStreaming)
    #expect(methods[1].roles == [.cooperative])
    #expect(!methods[1].isIdempotent)
    #expect(!methods[2].clientStreaming && methods[2].serverStreaming)
    #expect(methods[2].isDeprecated)
    #expect(methods[3].clientStreaming && !methods[3].serverStreaming)
  }

  @Test func samePackageAcrossImportedFiles() throws {
    let schema = try compileValid([
      "a.souk": "package shop.v1; import \"b.souk\"; message A { B b = 1; .shop.v1.B c = 2; }",
      "b.souk": "package shop.v1; message B { int32 x = 1; }",
    ])
    let a = try #require(schema.files.first?.messages.first)
    #expect(
      a.fields.map(\.type) == [
        .message(TypeName(package: "shop.v1", path: ["B"])), .message(TypeName(package: "shop.v1", path: ["B"])),
      ])
  }

  @Test func innerScopeShadowsPackageScope() throws {
    let schema = try compileValid([
      "a.souk": """
      package shop.v1;
      message Item {}
      message Order {
        message Item { string sku = 1; }
        Item inner = 1;
        .shop.v1.Item outer = 2;
        Order.Item qualified = 3;
      }
      """
    ])
    let order = try #require(schema.files.first?.messages.last)
    #expect(
      order.fields.map(\.type) == [
        .message(TypeName(package: "shop.v1", path: ["Order", "Item"])),
        .message(TypeName(package: "shop.v1", path: ["Item"])),
        .message(TypeName(package: "shop.v1", path: ["Order", "Item"])),
      ])
  }

  @Test func lexicalDetails() throws {
    let schema = try compileValid([
      "x.souk": """
      \u{FEFF}/* a block
         comment */ package x.v1; // trailing
      //// a plain comment, not documentation
      message M {
        reserved 0x10, 0X20 to 0x2f;
        reserved "old"; int32 a = 1;
      }
      """
    ])
    let message = try #require(schema.files.first?.messages.first)
    #expect(message.documentation.isEmpty)
    #expect(message.reserved.numbers == [16...16, 32...47])
  }

  @Test func docCommentsKeepIndentationAfterTheFirstSpace() throws {
    let schema = try compileValid([
      "x.souk": "package x.v1;\n///   indented\n///no space\n///\nmessage M {}\n"
    ])
    #expect(schema.files[0].messages[0].documentation.lines == ["  indented", "no space", ""])
  }

  @Test func documentationAndDeprecationOnEveryKindOfDeclaration() throws {
    let schema = try compileValid([
      "x.souk": """
      package x.v1;
      /// An enum.
      enum E {
        option deprecated = true;
        /// The zero value.
        E_UNSPECIFIED = 0;
      }
      message M {
        /// A choice.
        oneof choice { int32 a = 1; }
        /// Nested.
        message N {}
      }
      /// A service.
      service S {
        option deprecated = true;
        rpc Get(M) returns (M) { option roles = [admin]; }
      }
      """
    ])
    let file = schema.files[0]
    #expect(file.enums[0].documentation.lines == ["An enum."])
    #expect(file.enums[0].isDeprecated)
    #expect(file.enums[0].values[0].documentation.lines == ["The zero value."])
    #expect(file.messages[0].oneofs[0].documentation.lines == ["A choice."])
    #expect(file.messages[0].messages[0].documentation.lines == ["Nested."])
    #expect(file.messages[0].isDeprecated == false)
    #expect(file.services[0].documentation.lines == ["A service."])
    #expect(file.services[0].isDeprecated)
    #expect(file.services[0].methods[0].documentation.isEmpty)
    #expect(!file.services[0].methods[0].isDeprecated)
  }

  @Test func locationsPointAtDeclarationNames() throws {
    let schema = try compileValid([
      "x.souk":
        "package x.v1;\nenum E { E_A = 0; }\nmessage M { oneof o { int32 a = 1; } }\nservice S { rpc Get(M) returns (M) { option roles = [admin]; } }"
    ])
    let file = schema.files[0]
    func at(_ line: Int, _ column: Int) -> SoukSchema.SourceLocation {
      SoukSchema.SourceLocation(file: "x.souk", line: line, column: column)
    }
    #expect(file.enums[0].location == at(2, 6))
    #expect(file.enums[0].values[0].location == at(2, 10))
    #expect(file.messages[0].oneofs[0].location == at(3, 19))
    #expect(file.messages[0].fields[0].location == at(3, 29))
    #expect(file.services[0].location == at(4, 9))
    #expect(file.services[0].methods[0].location == at(4, 17))
  }
}
