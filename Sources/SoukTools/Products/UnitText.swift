public import SoukAPI

/// Selling units as people write them in a spreadsheet, and back: `250 g`, `1 kg`, `1,5 l`, `500 ml`, `piece`,
/// `6 pieces`, `1 m`, `2 m2`, in English, French or Arabic words (`pièce`, `litre`, `كغ`, `قطعة`).
///
/// The number may have decimals as long as the amount is a whole number of the kind's base unit (grams,
/// millilitres, millimetres, square centimetres, pieces): `1,5 kg` is 1500 g, `0,5 g` is refused.
public enum UnitText {
  /// One way of writing a unit: its kind and how many base units one of it is.
  private struct Word {
    let kind: SoukCatalogV1.UnitKind
    let baseUnits: Int64
  }

  /// The largest amount the schema allows.
  static let maximumAmount: Int64 = 1_000_000_000

  private static let words: [String: Word] = {
    var table: [String: Word] = [:]
    func add(_ kind: SoukCatalogV1.UnitKind, _ baseUnits: Int64, _ names: [String]) {
      for name in names { table[name] = Word(kind: kind, baseUnits: baseUnits) }
    }
    add(.mass, 1, ["g", "gr", "gram", "grams", "gramme", "grammes", "غ", "غرام", "جرام", "غ."])
    add(
      .mass, 1000, ["kg", "kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes", "كغ", "كلغ", "كيلو"])
    add(.volume, 1, ["ml", "millilitre", "millilitres", "milliliter", "milliliters", "مل"])
    add(.volume, 10, ["cl", "centilitre", "centilitres", "سل"])
    add(.volume, 100, ["dl", "décilitre", "décilitres"])
    add(.volume, 1000, ["l", "litre", "litres", "liter", "liters", "لتر", "ل"])
    add(.length, 1, ["mm", "millimètre", "millimètres", "millimetre", "millimetres", "مم"])
    add(.length, 10, ["cm", "centimètre", "centimètres", "centimetre", "centimetres", "سم"])
    add(.length, 1000, ["m", "mètre", "mètres", "metre", "metres", "meter", "meters", "متر", "م"])
    add(.area, 1, ["cm2", "cm²"])
    add(.area, 10_000, ["m2", "m²", "mètre carré", "mètres carrés", "متر مربع"])
    add(
      .piece, 1,
      [
        "piece", "pieces", "pièce", "pièces", "pc", "pcs", "unit", "units", "unité", "unités", "item", "items",
        "قطعة", "قطع", "حبة", "وحدة",
      ])
    return table
  }()

  /// The unit written in `text` (without packaging).
  ///
  /// - Throws: ``ProductFieldError`` saying why `text` is not a unit.
  public static func unit(from text: String) throws(ProductFieldError) -> SoukCatalogV1.Unit {
    let trimmed = Substring(text).trimmingSpaces()
    let numberEnd =
      trimmed.unicodeScalars.firstIndex { scalar in
        !(("0"..."9").contains(scalar) || scalar == "." || scalar == "," || scalar == " ")
      } ?? trimmed.endIndex
    let numberText = trimmed[..<numberEnd].trimmingSpaces()
    let wordText = trimmed[numberEnd...].trimmingSpaces().lowercased()
    guard let word = Self.words[wordText] else {
      throw ProductFieldError(
        "'\(text)' has no known unit; write it like 250 g, 1 kg, 1 l, 500 ml, piece, 6 pieces or 1 m")
    }
    var number = ExactDecimal("1")
    if !numberText.isEmpty {
      number = ExactDecimal(numberText)
    }
    guard let number else {
      throw ProductFieldError("'\(text)' does not start with a number (write it like 250 g or 1,5 kg)")
    }
    let baseDigits = String(word.baseUnits).count - 1
    guard let whole = number.scaled(by: baseDigits) else {
      throw ProductFieldError(
        "'\(text)' is not a whole number of \(Self.baseName(of: word.kind)); use a smaller unit")
    }
    guard whole >= 1, whole <= Self.maximumAmount else {
      throw ProductFieldError("'\(text)' must be at least 1 \(Self.baseName(of: word.kind)) and at most a billion")
    }
    var unit = SoukCatalogV1.Unit()
    unit.kind = word.kind
    unit.amount = UInt64(whole)
    return unit
  }

  /// The unit as `products export` writes it: the largest unit in which the amount is at least one with at
  /// most three decimals (`250 g`, `1.5 kg`, `1 l`, `piece`, `6 pieces`, `2 m2`). Reads back to the same unit.
  public static func format(_ unit: SoukCatalogV1.Unit) -> String {
    let amount = unit.amount
    let scales: [(UInt64, String)]
    switch unit.kind {
    case .mass: scales = [(1000, "kg"), (1, "g")]
    case .volume: scales = [(1000, "l"), (1, "ml")]
    case .length: scales = [(1000, "m"), (10, "cm"), (1, "mm")]
    case .area: scales = [(10_000, "m2"), (1, "cm2")]
    case .piece: return amount == 1 ? "piece" : "\(amount) pieces"
    case .unspecified, .unrecognized: return ""
    }
    for (size, name) in scales where amount >= size {
      let whole = amount / size
      let rest = amount % size
      if rest == 0 { return "\(whole) \(name)" }
      var decimals = String(rest)
      let width = String(size).count - 1
      decimals = String(repeating: "0", count: width - decimals.count) + decimals
      while decimals.hasSuffix("0") { decimals.removeLast() }
      if decimals.count <= 3 { return "\(whole).\(decimals) \(name)" }
    }
    return "\(amount) \(scales.last?.1 ?? "")"
  }

  private static func baseName(of kind: SoukCatalogV1.UnitKind) -> String {
    switch kind {
    case .mass: "grams"
    case .volume: "millilitres"
    case .length: "millimetres"
    case .area: "square centimetres"
    default: "pieces"
    }
  }
}
