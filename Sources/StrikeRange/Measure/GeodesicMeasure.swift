import Geodesy
import Geometry

/// Geodesic areas and lengths of Geometry values in lon/lat (edges taken as geodesics; inputs are dense
/// enough that the difference from straight lon/lat edges is negligible at the figures' precision).
public struct GeodesicMeasure: Sendable {
    public let geodesic: Geodesic
    public init(_ geodesic: Geodesic = .wgs84) { self.geodesic = geodesic }

    /// Sum of the polygonal parts' areas, square metres.
    public func areaSquareMeters(_ g: Geometry) -> Double {
        switch g {
        case .polygon(let p): return polygonArea(p)
        case .multiPolygon(let m): return m.polygons.reduce(0) { $0 + polygonArea($1) }
        case .geometryCollection(let c): return c.geometries.reduce(0) { $0 + areaSquareMeters($1) }
        default: return 0
        }
    }

    /// Sum of the linear parts' lengths, metres.
    public func lengthMeters(_ g: Geometry) -> Double {
        switch g {
        case .lineString(let l): return geodesic.lineLengthMeters(l.coordinates.map(LonLatFrame.lonLat))
        case .multiLineString(let m): return m.lineStrings.reduce(0) { $0 + geodesic.lineLengthMeters($1.coordinates.map(LonLatFrame.lonLat)) }
        case .geometryCollection(let c): return c.geometries.reduce(0) { $0 + lengthMeters($1) }
        default: return 0
        }
    }

    private func polygonArea(_ p: Polygon) -> Double {
        guard !p.isEmpty else { return 0 }
        // A ring reaching across all 360° of longitude (cut at ±180° around a pole, or the whole globe)
        // runs along the same meridian twice; measured whole, those edges cancel. Measure its halves.
        let xs = p.exterior.map(\.x)
        if let lo = xs.min(), let hi = xs.max(), hi - lo > 180,
           let halves = try? [-180.0, 0].map({ west in
               try GeometryEngine().clip(.polygon(p), to: BoundingBox(minX: west, minY: -90, maxX: west + 180, maxY: 90))
           }) {
            return halves.reduce(0) { $0 + areaSquareMeters($1) }
        }
        return geodesic.polygonAreaSquareMeters(exterior: p.exterior.map(LonLatFrame.lonLat),
                                                holes: p.holes.map { $0.map(LonLatFrame.lonLat) })
    }
}
