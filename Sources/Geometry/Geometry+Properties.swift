// Pure-Swift queries on geometry values: no GEOS involved.

extension Geometry {
    /// Whether the geometry has no points: an empty point/line/polygon, or a collection whose parts are all
    /// empty (GEOS's rule, so `MULTIPOINT (EMPTY)` is empty).
    public var isEmpty: Bool {
        switch self {
        case .point(let p): return p.coordinate == nil
        case .lineString(let l): return l.coordinates.isEmpty
        case .polygon(let p): return p.isEmpty
        case .multiPoint(let m): return m.points.allSatisfy { $0.coordinate == nil }
        case .multiLineString(let m): return m.lineStrings.allSatisfy { $0.coordinates.isEmpty }
        case .multiPolygon(let m): return m.polygons.allSatisfy(\.isEmpty)
        case .geometryCollection(let c): return c.geometries.allSatisfy(\.isEmpty)
        }
    }

    /// Every polygon part, from polygons, multipolygons and (recursively) collections, in order; empty
    /// polygons are skipped.
    public var polygons: [Polygon] {
        switch self {
        case .polygon(let p): return p.isEmpty ? [] : [p]
        case .multiPolygon(let m): return m.polygons.filter { !$0.isEmpty }
        case .geometryCollection(let c): return c.geometries.flatMap(\.polygons)
        case .point, .lineString, .multiPoint, .multiLineString: return []
        }
    }

    /// Every line part, from line strings, multilinestrings and (recursively) collections, in order; empty
    /// lines are skipped. Polygon rings are not included (use `GeometryEngine.boundary` for them).
    public var lineStrings: [LineString] {
        switch self {
        case .lineString(let l): return l.coordinates.isEmpty ? [] : [l]
        case .multiLineString(let m): return m.lineStrings.filter { !$0.coordinates.isEmpty }
        case .geometryCollection(let c): return c.geometries.flatMap(\.lineStrings)
        case .point, .polygon, .multiPoint, .multiPolygon: return []
        }
    }

    /// Number of stored coordinates, ring closing points included.
    public var coordinateCount: Int {
        switch self {
        case .point(let p): return p.coordinate == nil ? 0 : 1
        case .lineString(let l): return l.coordinates.count
        case .polygon(let p): return p.coordinateCount
        case .multiPoint(let m): return m.points.reduce(0) { $0 + ($1.coordinate == nil ? 0 : 1) }
        case .multiLineString(let m): return m.lineStrings.reduce(0) { $0 + $1.coordinates.count }
        case .multiPolygon(let m): return m.polygons.reduce(0) { $0 + $1.coordinateCount }
        case .geometryCollection(let c): return c.geometries.reduce(0) { $0 + $1.coordinateCount }
        }
    }

    /// Calls `body` with every stored coordinate, in storage order.
    public func forEachCoordinate(_ body: (Coordinate) throws -> Void) rethrows {
        switch self {
        case .point(let p): if let c = p.coordinate { try body(c) }
        case .lineString(let l): try l.coordinates.forEach(body)
        case .polygon(let p): try p.forEachCoordinate(body)
        case .multiPoint(let m): for p in m.points { if let c = p.coordinate { try body(c) } }
        case .multiLineString(let m): for l in m.lineStrings { try l.coordinates.forEach(body) }
        case .multiPolygon(let m): for p in m.polygons { try p.forEachCoordinate(body) }
        case .geometryCollection(let c): for g in c.geometries { try g.forEachCoordinate(body) }
        }
    }

    /// Axis-aligned bounds of all coordinates (z ignored); nil for an empty geometry.
    public var boundingBox: BoundingBox? {
        var box: BoundingBox?
        forEachCoordinate { c in
            if box == nil { box = BoundingBox(minX: c.x, minY: c.y, maxX: c.x, maxY: c.y) } else { box!.extend(x: c.x, y: c.y) }
        }
        return box
    }
}

extension Polygon {
    /// Number of stored coordinates over all rings, closing points included.
    public var coordinateCount: Int { holes.reduce(exterior.count) { $0 + $1.count } }

    func forEachCoordinate(_ body: (Coordinate) throws -> Void) rethrows {
        try exterior.forEach(body)
        for h in holes { try h.forEach(body) }
    }
}
