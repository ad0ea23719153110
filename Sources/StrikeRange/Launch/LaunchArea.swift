import Geodesy
import Geometry

/// A launch geometry A normalised for geodesic work: parts in one unrolled longitude frame,
/// polygon rings oriented with the interior on the left (exterior counter-clockwise, holes clockwise).
public struct LaunchArea: Sendable {
    /// Centre meridian of the frame (degrees); every longitude here is within about 180° of it.
    public let referenceLongitude: Double
    public internal(set) var points: [LonLat] = []
    public internal(set) var lines: [[LonLat]] = []
    /// Closed rings, interior on the left.
    public internal(set) var rings: [[LonLat]] = []
    /// The polygonal part in the unrolled frame, for point-in-area tests.
    public internal(set) var polygons: [Polygon] = []

    public var isEmpty: Bool { points.isEmpty && lines.isEmpty && rings.isEmpty }

    /// - Throws: `StrikeRangeError` when the geometry has no usable part.
    public init(_ geometry: Geometry) throws(StrikeRangeError) {
        var longitudes = [Double]()
        Self.collectLongitudes(geometry, into: &longitudes)
        guard !longitudes.isEmpty else {
            throw StrikeRangeError("launch area: the launch geometry is empty; give a point, line or polygon with coordinates")
        }
        referenceLongitude = LonLatFrame.meanLongitude(longitudes)
        add(geometry)
        if isEmpty {
            throw StrikeRangeError("launch area: the launch geometry has no point, line or polygon with coordinates")
        }
        if polygons.count > 1 { try mergePolygons() }
    }

    /// Parts cut at ±180° in the data (Russia's Chukotka) share an edge once unrolled, which is invalid
    /// for a MultiPolygon and breaks overlay; overlapping parts from several specifiers likewise. Their
    /// union is the same point set with valid topology, and only its outer boundary gets offset.
    private mutating func mergePolygons() throws(StrikeRangeError) {
        let merged: Geometry
        do { merged = try GeometryEngine().robustUnaryUnion(polygons.map(Geometry.polygon)) } catch {
            throw StrikeRangeError("launch area: the polygons could not be merged: \(error)")
        }
        polygons = []
        rings = []
        for p in merged.polygons {
            appendOriented(exterior: p.exterior.map(LonLatFrame.lonLat), holes: p.holes.map { $0.map(LonLatFrame.lonLat) })
        }
    }

    private static func collectLongitudes(_ g: Geometry, into out: inout [Double]) {
        switch g {
        case .point(let p): if let c = p.coordinate { out.append(c.x) }
        case .lineString(let l): out += l.coordinates.map(\.x)
        case .polygon(let p): out += p.exterior.map(\.x)
        case .multiPoint(let m): out += m.points.compactMap { $0.coordinate?.x }
        case .multiLineString(let m): for l in m.lineStrings { out += l.coordinates.map(\.x) }
        case .multiPolygon(let m): for p in m.polygons { out += p.exterior.map(\.x) }
        case .geometryCollection(let c): for g in c.geometries { collectLongitudes(g, into: &out) }
        }
    }

    private mutating func add(_ g: Geometry) {
        switch g {
        case .point(let p):
            if let c = p.coordinate { addPoint(LonLatFrame.lonLat(c)) }
        case .multiPoint(let m):
            for p in m.points { if let c = p.coordinate { addPoint(LonLatFrame.lonLat(c)) } }
        case .lineString(let l): addLine(l.coordinates)
        case .multiLineString(let m): for l in m.lineStrings { addLine(l.coordinates) }
        case .polygon(let p): addPolygon(p)
        case .multiPolygon(let m): for p in m.polygons { addPolygon(p) }
        case .geometryCollection(let c): for g in c.geometries { add(g) }
        }
    }

    private mutating func addPoint(_ p: LonLat) {
        points.append(LonLat(longitude: LonLatFrame.unroll(p.longitude, near: referenceLongitude), latitude: p.latitude))
    }

    private mutating func addLine(_ coordinates: [Coordinate]) {
        let path = LonLatFrame.unrollPath(coordinates.map(LonLatFrame.lonLat), near: referenceLongitude)
        if path.count == 1 { points.append(path[0]) }
        if path.count >= 2 { lines.append(path) }
    }

    private mutating func addPolygon(_ polygon: Polygon) {
        guard polygon.exterior.count >= 4 else { return }
        let exterior = Self.closed(LonLatFrame.unrollPath(polygon.exterior.map(LonLatFrame.lonLat), near: referenceLongitude))
        // Holes are unrolled near their exterior so they stay inside it.
        let anchor = exterior[0].longitude
        let holes = polygon.holes.filter { $0.count >= 4 }.map {
            Self.closed(LonLatFrame.unrollPath($0.map(LonLatFrame.lonLat), near: anchor))
        }
        appendOriented(exterior: exterior, holes: holes)
    }

    /// Adds a polygon with its interior on the left of every ring: exterior counter-clockwise, holes clockwise.
    private mutating func appendOriented(exterior: [LonLat], holes: [[LonLat]]) {
        let ccwExterior = LonLatFrame.signedArea2(exterior) >= 0 ? exterior : exterior.reversed()
        rings.append(ccwExterior)
        var cwHoles = [[LonLat]]()
        for h in holes {
            let cw = LonLatFrame.signedArea2(h) <= 0 ? h : h.reversed()
            rings.append(cw)
            cwHoles.append(cw)
        }
        polygons.append(Polygon(exterior: LonLatFrame.coordinates(ccwExterior), holes: cwHoles.map(LonLatFrame.coordinates)))
    }

    private static func closed(_ ring: [LonLat]) -> [LonLat] {
        guard let first = ring.first, let last = ring.last else { return ring }
        return first == last ? ring : ring + [first]
    }

    /// Every vertex of every part.
    var allVertices: [LonLat] {
        points + lines.flatMap { $0 } + rings.flatMap { $0 }
    }

    /// The polygonal part as one geometry in the unrolled frame.
    var polygonalGeometry: Geometry? {
        polygons.isEmpty ? nil : .multiPolygon(MultiPolygon(polygons))
    }
}
