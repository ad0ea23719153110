import Foundation
import GeoJSON
import Geometry

/// Land borders between countries, by the unordered pair of the countries' `adm0_a3` codes.
public struct BorderCatalog: Sendable {
    public let borders: [Border]
    private let index: [String: Int]

    public init(borders: [Border]) {
        self.borders = borders
        var index: [String: Int] = [:]
        for (i, border) in borders.enumerated() { index[Self.key(border.alpha3A, border.alpha3B)] = i }
        self.index = index
    }

    /// Loads `borders.geojson`.
    /// - Throws: `DataError` naming the file when it is missing or invalid.
    public init(contentsOf url: URL) throws(DataError) {
        let features = try DataFileReader.features(of: url)
        var borders: [Border] = []
        borders.reserveCapacity(features.count)
        for (i, feature) in features.enumerated() {
            let p = FeatureProperties(feature.properties)
            guard let a3a = p.string("adm0_a3_a"), let a3b = p.string("adm0_a3_b"),
                  let lines = feature.geometry?.catalogMultiLineString else {
                throw DataError(.invalidFile, path: url.path,
                                message: "data file \(url.path): features[\(i)] needs adm0_a3_a, adm0_a3_b and line geometry")
            }
            let codeA = p.string("iso_a2_a") ?? a3a, codeB = p.string("iso_a2_b") ?? a3b
            borders.append(Border(codeA: codeA, codeB: codeB, alpha3A: a3a, alpha3B: a3b,
                                  name: p.string("name") ?? "\(codeA) - \(codeB)", multiLineString: lines,
                                  statedLengthKilometers: p.number("length_km")))
        }
        self.init(borders: borders)
    }

    /// The border between the countries with these `adm0_a3` codes, in either order; nil when they do not touch.
    public func border(between alpha3A: String, and alpha3B: String) -> Border? {
        index[Self.key(alpha3A.uppercased(), alpha3B.uppercased())].map { borders[$0] }
    }

    /// Every border of one country (`adm0_a3`).
    public func borders(of alpha3: String) -> [Border] {
        let upper = alpha3.uppercased()
        return borders.filter { $0.alpha3A == upper || $0.alpha3B == upper }
    }

    private static func key(_ a: String, _ b: String) -> String { a < b ? "\(a)|\(b)" : "\(b)|\(a)" }
}
