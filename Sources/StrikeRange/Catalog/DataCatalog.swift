import Foundation

/// Everything in one data folder, each file loaded and indexed on first use, then kept.
/// Thread-safe: the lazily loaded catalogs are guarded by a lock; the catalogs themselves are immutable values.
public final class DataCatalog: @unchecked Sendable {
    public let directory: DataDirectory

    private let lock = NSLock()
    private var cachedWeapons: WeaponCatalog?
    private var cachedRegions: RegionCatalog?
    private var cachedPlaces: PlaceCatalog?
    private var cachedBorders: BorderCatalog?
    private var cachedAirfields: AirfieldCatalog?

    public init(directory: DataDirectory) { self.directory = directory }

    /// Finds the data folder (`DataDirectory.locate`) and wraps it; nothing is read yet.
    /// - Throws: `DataError` when no usable folder is found.
    public convenience init(explicitPath: String? = nil) throws(DataError) {
        self.init(directory: try DataDirectory.locate(explicitPath: explicitPath))
    }

    /// `weapons.json`. - Throws: `DataError` naming the file.
    public func weapons() throws(DataError) -> WeaponCatalog {
        try cached(\.cachedWeapons) { () throws(DataError) in try WeaponCatalog(contentsOf: directory.file("weapons.json")) }
    }

    /// `countries.geojson` + `admin1.geojson`. - Throws: `DataError` naming the file.
    public func regions() throws(DataError) -> RegionCatalog {
        try cached(\.cachedRegions) { () throws(DataError) in
            try RegionCatalog(countriesURL: directory.file("countries.geojson"), admin1URL: directory.file("admin1.geojson"))
        }
    }

    /// `places.geojson`. - Throws: `DataError` naming the file.
    public func places() throws(DataError) -> PlaceCatalog {
        try cached(\.cachedPlaces) { () throws(DataError) in try PlaceCatalog(contentsOf: directory.file("places.geojson")) }
    }

    /// `borders.geojson`. - Throws: `DataError` naming the file.
    public func borders() throws(DataError) -> BorderCatalog {
        try cached(\.cachedBorders) { () throws(DataError) in try BorderCatalog(contentsOf: directory.file("borders.geojson")) }
    }

    /// `airfields.geojson` (issue 12; not in `DataDirectory.requiredFiles`, so older folders still load
    /// for every other command). - Throws: `DataError` naming the file.
    public func airfields() throws(DataError) -> AirfieldCatalog {
        try cached(\.cachedAirfields) { () throws(DataError) in try AirfieldCatalog(contentsOf: directory.file("airfields.geojson")) }
    }

    /// The land border between two countries given by alpha-2, alpha-3 or name, in either order.
    /// - Throws: `LookupError` for an unknown/ambiguous country or when they share no border; `DataError` on bad data.
    public func border(between a: String, and b: String) throws -> Border {
        let regions = try regions()
        let countryA = try regions.country(matching: a), countryB = try regions.country(matching: b)
        guard let alpha3A = countryA.alpha3, let alpha3B = countryB.alpha3,
              let border = try borders().border(between: alpha3A, and: alpha3B) else {
            throw LookupError.noBorder("\(countryA.name) (\(countryA.code))", "\(countryB.name) (\(countryB.code))")
        }
        return border
    }

    /// The border named by one text: "UA-RU", "UA RU", "UA,RU", "UKR-RUS", "Ukraine - Russia", "Ukraine Russia".
    /// Every split at a separator is tried; the first whose two sides are both countries wins.
    /// - Throws: `LookupError.unknown` when no split names two countries (with an example of the form);
    ///   otherwise as `border(between:and:)`.
    public func border(named text: String) throws -> Border {
        let regions = try regions()
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let scalars = Array(trimmed)
        let separators: Set<Character> = ["-", " ", ",", "/", "|", "–", "—"]
        for (i, character) in scalars.enumerated() where separators.contains(character) {
            let left = String(scalars[..<i]).trimmingCharacters(in: CharacterSet(charactersIn: " -,/|–—"))
            let right = String(scalars[(i + 1)...]).trimmingCharacters(in: CharacterSet(charactersIn: " -,/|–—"))
            guard !left.isEmpty, !right.isEmpty,
                  (try? regions.country(matching: left)) != nil, (try? regions.country(matching: right)) != nil else { continue }
            return try border(between: left, and: right)
        }
        throw LookupError.unknown(what: "border (expected two countries, e.g. UA-RU or \"Ukraine Russia\")",
                                  query: text, suggestions: [])
    }

    private func cached<T>(_ slot: ReferenceWritableKeyPath<DataCatalog, T?>, load: () throws(DataError) -> T) throws(DataError) -> T {
        lock.lock()
        defer { lock.unlock() }
        if let value = self[keyPath: slot] { return value }
        let value = try load()
        self[keyPath: slot] = value
        return value
    }
}
