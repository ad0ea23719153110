import Foundation
import Testing
import TestSupport
import Geometry
@testable import GeoJSON

enum Fixtures {
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "geojson", subdirectory: "Fixtures"))
        return Array(try Data(contentsOf: url))
    }
}

/// Planar shoelace area of a ring, written independently of the library's `signedArea`.
func shoelace(_ ring: [Coordinate]) -> Double {
    var sum = 0.0
    for (a, b) in zip(ring, ring.dropFirst()) { sum += a.x * b.y - b.x * a.y }
    return sum / 2
}

func polygonArea(_ polygon: Polygon) -> Double {
    abs(shoelace(polygon.exterior)) - polygon.holes.map { abs(shoelace($0)) }.reduce(0, +)
}

func allCoordinates(_ geometry: Geometry) -> [Coordinate] {
    switch geometry {
    case .point(let p): p.coordinate.map { [$0] } ?? []
    case .lineString(let l): l.coordinates
    case .polygon(let p): p.exterior + p.holes.flatMap { $0 }
    case .multiPoint(let m): m.points.compactMap(\.coordinate)
    case .multiLineString(let m): m.lineStrings.flatMap(\.coordinates)
    case .multiPolygon(let m): m.polygons.flatMap { $0.exterior + $0.holes.flatMap { $0 } }
    case .geometryCollection(let c): c.geometries.flatMap(allCoordinates)
    }
}

/// Writes `text` to a temporary .geojson file and opens it with GDAL's ogrinfo (`-ro -al -so`), an
/// independent GeoJSON reader.
func ogrinfo(_ text: String, name: String) throws -> OGRInfo.Result {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("geojson-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("\(name).geojson")
    try Data(text.utf8).write(to: file)
    return try OGRInfo.run(["-ro", "-al", "-so", file.path])
}

func read(_ text: String) throws(GeoJSONError) -> GeoJSONObject { try GeoJSONReader.read(Array(text.utf8)) }

func ring(_ pairs: [(Double, Double)]) -> [Coordinate] { pairs.map { Coordinate(x: $0.0, y: $0.1) } }
