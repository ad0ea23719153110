import Geometry

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
