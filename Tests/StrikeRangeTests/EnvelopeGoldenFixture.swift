import Foundation
import GeoJSON
import Geometry
import Testing
import StrikeRange

/// One golden case of Fixtures/envelopes: `in/NAME.geojson` holds the launch geometry (every feature's
/// geometry) and, in the first feature's properties, the parameters and the targets; `out/NAME.geojson`
/// the envelope the library wrote for it (regenerated on purpose, see `EnvelopeGoldenTests`).
struct EnvelopeGoldenFixture: Sendable {
    let name: String
    let launch: Geometry
    let parameters: RangeParameters
    /// [lon, lat] points that must be inside the envelope.
    let reachable: [Coordinate]
    /// [lon, lat] points that must be outside it.
    let unreachable: [Coordinate]
    /// Whether the envelope must be cut at ±180° (nil: not stated).
    let crossesAntimeridian: Bool?

    /// Every case, in/ and out/ alike; `EnvelopeGoldenTests.everyFixtureIsListed` checks this against the folder.
    static let names = [
        "kyiv-300km", "ukraine-300km", "border-ua-ru-165km",
        "box-200x100km-min70km", "box-20km-min70km",
        "petropavlovsk-1000km", "petropavlovsk-2000km", "pole-89.5n-500km",
        "kyiv-15000km", "kyiv-19990km", "kyiv-25000km-globe", "two-parts-90deg",
        "kyiv-300km-min70km-center", "kyiv-300km-min70km-outer", "kyiv-300km-min70km-inner",
    ]

    /// Fixtures/envelopes inside the test bundle (read-only copy of the source folder).
    static func bundleFolder() throws -> URL {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil), "Fixtures missing from the test bundle")
        return fixtures.appendingPathComponent("envelopes")
    }

    /// Fixtures/envelopes in the source tree: where regeneration writes.
    static let sourceFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/envelopes")

    static func load(_ name: String) throws -> EnvelopeGoldenFixture {
        let url = try bundleFolder().appendingPathComponent("in/\(name).geojson")
        let collection = try GeoJSONReader.readFeatureCollection(Array(try Data(contentsOf: url)))
        let geometries = collection.features.compactMap(\.geometry)
        let first = try #require(collection.features.first, "\(name): no feature")
        guard case .object(let p) = first.properties else { throw FixtureError("\(name): first feature has no properties") }
        let placement = try p["placement"].map { value -> Placement in
            guard case .string(let s) = value, let placement = Placement(rawValue: s) else { throw FixtureError("\(name): bad placement") }
            return placement
        } ?? .center
        return EnvelopeGoldenFixture(
            name: name,
            launch: geometries.count == 1 ? geometries[0] : .geometryCollection(GeometryCollection(geometries)),
            parameters: try RangeParameters(rangeMeters: try number(p["range_m"], "range_m", name),
                                            minRangeMeters: p["min_range_m"].map { try number($0, "min_range_m", name) },
                                            toleranceMeters: try number(p["tolerance_m"], "tolerance_m", name),
                                            placement: placement),
            reachable: try points(p["targets_reachable"], name),
            unreachable: try points(p["targets_unreachable"], name),
            crossesAntimeridian: { if case .bool(let b) = p["crosses_antimeridian"] { b } else { nil } }())
    }

    /// The expected envelope, as written in out/NAME.geojson.
    func expected() throws -> MultiPolygon {
        let url = try Self.bundleFolder().appendingPathComponent("out/\(name).geojson")
        let collection = try GeoJSONReader.readFeatureCollection(Array(try Data(contentsOf: url)))
        switch collection.features.first?.geometry {
        case .multiPolygon(let m): return m
        case .polygon(let p): return MultiPolygon([p])
        default: throw FixtureError("\(name): out/ has no polygonal first feature")
        }
    }

    /// Rewrites out/NAME.geojson in the source tree with the library's own writer.
    func writeExpected(_ envelope: RangeEnvelope) throws {
        let feature = envelope.feature(for: EnvelopeRequest(launch: launch, launchLabel: "golden:\(name)", weapon: "custom",
                                                            variant: "custom", parameters: parameters, sources: []))
        let text = GeoJSONWriter().string(FeatureCollection(features: [feature])) + "\n"
        let url = Self.sourceFolder.appendingPathComponent("out/\(name).geojson")
        try Data(text.utf8).write(to: url, options: .atomic)
    }

    private static func number(_ value: JSONValue?, _ key: String, _ name: String) throws -> Double {
        guard case .number(let x) = value else { throw FixtureError("\(name): \(key) missing or not a number") }
        return x
    }

    private static func points(_ value: JSONValue?, _ name: String) throws -> [Coordinate] {
        guard let value else { return [] }
        guard case .array(let items) = value else { throw FixtureError("\(name): targets must be a list of [lon, lat]") }
        return try items.map {
            guard case .array(let pair) = $0, pair.count == 2, case .number(let x) = pair[0], case .number(let y) = pair[1] else {
                throw FixtureError("\(name): a target is not [lon, lat]")
            }
            return Coordinate(x: x, y: y)
        }
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Whether some ring runs along the meridian ±180° away from the poles, i.e. the envelope was cut there.
func isCutAtAntimeridian(_ m: MultiPolygon) -> Bool {
    m.polygons.contains { p in
        ([p.exterior] + p.holes).contains { ring in
            zip(ring, ring.dropFirst()).contains { a, b in abs(a.x) == 180 && a.x == b.x && !(abs(a.y) == 90 && abs(b.y) == 90) }
        }
    }
}

/// Planar area (square degrees) of polygonal geometry, by the shoelace formula: used only to compare two
/// envelopes' shapes in the same lon/lat plane, never as a measured area.
func planarAreaSquareDegrees(_ g: Geometry) -> Double {
    func ring(_ r: [Coordinate]) -> Double {
        var sum = 0.0
        for (a, b) in zip(r, r.dropFirst()) { sum += a.x * b.y - b.x * a.y }
        return abs(sum) / 2
    }
    return g.polygons.reduce(0) { $0 + ring($1.exterior) - $1.holes.reduce(0) { $0 + ring($1) } }
}
