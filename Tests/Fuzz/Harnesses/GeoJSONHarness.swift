import GeoJSON
import Geometry

/// The GeoJSON reader (tokenizer and model builder): a valid object with finite, in-range positions, or a
/// `GeoJSONError` whose byte-level problems carry an offset inside the input and a line.
let geoJSONHarness = FuzzHarness(name: "geojson", maximumLengthBytes: 8192) { bytes in
    let object: GeoJSONObject
    do throws(GeoJSONError) {
        object = try GeoJSONReader.read(bytes)
    } catch {
        checkLocated(error, in: bytes)
        return
    }
    for feature in object.features {
        if let geometry = feature.geometry { checkPositions(geometry) }
    }
}

private func checkLocated(_ error: GeoJSONError, in bytes: [UInt8]) {
    _ = error.description
    switch error.problem {
    case .invalidUTF8, .invalidJSON:
        guard let offset = error.byteOffset, (0...bytes.count).contains(offset) else {
            contractViolation("geojson", "byte-level error without an offset inside the input: \(error)")
        }
        guard let line = error.line, line >= 1, line <= bytes.count(where: { $0 == 0x0A }) + 1 else {
            contractViolation("geojson", "byte-level error without a valid line: \(error)")
        }
    default:
        break
    }
}

private func checkPositions(_ geometry: Geometry) {
    func check(_ c: Coordinate) {
        guard c.x.isFinite, c.y.isFinite, (-180...180).contains(c.x), (-90...90).contains(c.y), c.z?.isFinite ?? true else {
            contractViolation("geojson", "accepted a position outside the documented range: \(c)")
        }
    }
    switch geometry {
    case .point(let p): p.coordinate.map(check)
    case .lineString(let l): l.coordinates.forEach(check)
    case .polygon(let p): (p.exterior + p.holes.flatMap { $0 }).forEach(check)
    case .multiPoint(let m): m.points.compactMap(\.coordinate).forEach(check)
    case .multiLineString(let m): m.lineStrings.flatMap(\.coordinates).forEach(check)
    case .multiPolygon(let m): m.polygons.flatMap { $0.exterior + $0.holes.flatMap { $0 } }.forEach(check)
    case .geometryCollection(let c): c.geometries.forEach(checkPositions)
    }
}
