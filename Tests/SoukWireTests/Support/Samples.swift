import SoukWire

/// Representative fixture values shared by several tests.
enum Samples {
  /// A product with every kind of field set, about 300 bytes encoded, with Arabic and French text.
  static var product: SoukFixtureV1.Product {
    var product = SoukFixtureV1.Product()
    product.id = "prod-7f3a9c2e-coop-atlas-0042"
    product.stock = 1_250
    product.note = "Huile d'argan pressée à froid — زيت أركان معصور على البارد"
    product.tags = ["argan", "bio", "أركان", "cosmétique"]
    product.ratings = [5, 4, 5, 3, -1, 300]
    var price = SoukFixtureV1.Money()
    price.units = 12_500
    price.currency = "MAD"
    product.price = price
    product.counts = ["casablanca": 12, "agadir": 40, "rabat": 7, "marrakech": -3]
    product.status = .active
    var photo = SoukFixtureV1.Product.Photo()
    photo.url = "https://cdn.souk.example/p/0042/front.jpg"
    photo.width = 1_600
    var thumbnail = SoukFixtureV1.Product.Photo()
    thumbnail.url = "https://cdn.souk.example/p/0042/thumb.jpg"
    thumbnail.width = 200
    product.photos = [photo, thumbnail]
    var wholesale = SoukFixtureV1.Money()
    wholesale.units = 9_900
    wholesale.currency = "MAD"
    product.prices = [10: wholesale, 1: price]
    product.source = .url("https://coop-atlas.example/argan")
    return product
  }

  /// Every scalar kind set to a non-default value, including 2-byte tags and all map key types.
  static var scalars: SoukFixtureV1.Scalars {
    var value = SoukFixtureV1.Scalars()
    value.b = true
    value.i32 = -42
    value.i64 = Int64.min
    value.u32 = UInt32.max
    value.u64 = UInt64.max
    value.f = -0.0
    value.d = Double.pi
    value.s = "سلام"
    value.raw = [0, 1, 2, 0xFF]
    value.e = .paused
    value.ob = false
    value.oi32 = 0
    value.oi64 = 0
    value.ou32 = 0
    value.ou64 = 0
    value.of = 0
    value.od = 0
    value.os = ""
    value.oraw = []
    value.oe = .unspecified
    value.rb = [true, false, true]
    value.ri32 = [Int32.min, -1, 0, 1, Int32.max]
    value.ri64 = [Int64.min, -1, 0, 1, Int64.max]
    value.ru32 = [0, 127, 128, UInt32.max]
    value.ru64 = [0, 127, 128, UInt64.max]
    value.rf = [1.5, -Float.infinity, Float.leastNonzeroMagnitude]
    value.rd = [-2.25, Double.infinity, Double.greatestFiniteMagnitude]
    value.rs = ["", "a", "زيت"]
    value.rraw = [[], [1], [2, 3]]
    value.re = [.active, .unrecognized(99), .unspecified]
    value.byFlag = [true: "oui", false: "non"]
    value.byInt32 = [-1: "moins", 1: "plus", 0: "zéro"]
    value.byInt64 = [Int64.max: "max", Int64.min: "min"]
    value.byUInt64 = [UInt64.max: "max", 0: "zero"]
    return value
  }

  /// A tree `depth` levels deep below the root: the root has one child, which has one child, and so on.
  static func chain(depth: Int) -> SoukFixtureV1.Node {
    var node = SoukFixtureV1.Node()
    node.name = "leaf"
    for level in 0..<depth {
      var parent = SoukFixtureV1.Node()
      parent.name = "n\(level)"
      parent.children = [node]
      node = parent
    }
    return node
  }
}
