// Pure-Swift shifts of geometry values (no GEOS), used e.g. to move a part by ±360° of longitude when
// wrapping at the antimeridian. Plain addition: no normalisation of the result.

extension Geometry {
    /// The geometry with `dx` added to every x and `dy` to every y (data units, e.g. degrees); z unchanged.
    public func translated(dx: Double, dy: Double = 0) -> Geometry {
        func move(_ c: Coordinate) -> Coordinate { Coordinate(x: c.x + dx, y: c.y + dy, z: c.z) }
        func move(_ cs: [Coordinate]) -> [Coordinate] { cs.map(move) }
        func move(_ p: Point) -> Point { Point(p.coordinate.map(move)) }
        func move(_ p: Polygon) -> Polygon { Polygon(exterior: move(p.exterior), holes: p.holes.map(move)) }
        switch self {
        case .point(let p): return .point(move(p))
        case .lineString(let l): return .lineString(LineString(move(l.coordinates)))
        case .polygon(let p): return .polygon(move(p))
        case .multiPoint(let m): return .multiPoint(MultiPoint(m.points.map(move)))
        case .multiLineString(let m): return .multiLineString(MultiLineString(m.lineStrings.map { LineString(move($0.coordinates)) }))
        case .multiPolygon(let m): return .multiPolygon(MultiPolygon(m.polygons.map(move)))
        case .geometryCollection(let c): return .geometryCollection(GeometryCollection(c.geometries.map { $0.translated(dx: dx, dy: dy) }))
        }
    }

    /// `g` shifted by `dx` along x (e.g. ±360 degrees of longitude); same as `g.translated(dx: dx)`.
    public static func translate(_ g: Geometry, dx: Double) -> Geometry { g.translated(dx: dx) }
}
