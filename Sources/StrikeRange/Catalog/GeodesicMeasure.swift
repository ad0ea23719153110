import Geodesy
import Geometry

/// Geodesic (WGS84 by default) sizes of catalog geometry; GEOS is planar and never used for these.
enum GeodesicMeasure {
    /// Σ over polygons of |exterior| − Σ|holes|, square metres (`geod_polygon_*` through Geodesy).
    static func areaSquareMeters(of multiPolygon: MultiPolygon, on geodesic: Geodesic) -> Double {
        multiPolygon.polygons.reduce(0) { total, polygon in
            total + geodesic.polygonAreaSquareMeters(exterior: lonLats(polygon.exterior), holes: polygon.holes.map(lonLats))
        }
    }

    /// Σ over parts of the polyline length with geodesic edges, metres.
    static func lengthMeters(of multiLineString: MultiLineString, on geodesic: Geodesic) -> Double {
        multiLineString.lineStrings.reduce(0) { $0 + geodesic.lineLengthMeters(lonLats($1.coordinates)) }
    }

    static func lonLats(_ coordinates: [Coordinate]) -> [LonLat] {
        coordinates.map { LonLat(longitude: $0.x, latitude: $0.y) }
    }
}

extension Geometry {
    /// The polygons of a Polygon or MultiPolygon (collections are searched); nil when there are none.
    var catalogMultiPolygon: MultiPolygon? {
        switch self {
        case let .polygon(p): return MultiPolygon([p])
        case let .multiPolygon(m): return m
        case let .geometryCollection(c):
            let polygons = c.geometries.compactMap(\.catalogMultiPolygon).flatMap(\.polygons)
            return polygons.isEmpty ? nil : MultiPolygon(polygons)
        default: return nil
        }
    }

    /// The lines of a LineString or MultiLineString (collections are searched); nil when there are none.
    var catalogMultiLineString: MultiLineString? {
        switch self {
        case let .lineString(l): return MultiLineString([l])
        case let .multiLineString(m): return m
        case let .geometryCollection(c):
            let lines = c.geometries.compactMap(\.catalogMultiLineString).flatMap(\.lineStrings)
            return lines.isEmpty ? nil : MultiLineString(lines)
        default: return nil
        }
    }
}
