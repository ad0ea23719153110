import Geodesy
import Geometry

/// A region of the globe built in an unrolled lon/lat frame: either a polygonal set, or the whole globe
/// minus one (how regions larger than a hemisphere, such as 15,000 km ranges, are represented).
enum GlobeRegion {
    case polygon(Geometry)
    case complement(Geometry)
    case globe
    case empty

    /// The region as a MultiPolygon with longitudes in [-180, 180].
    func materialize(_ engine: GeometryEngine) throws -> Geometry {
        switch self {
        case .polygon(let g): return try LongitudeWrapping.wrap(g, engine)
        case .complement(let g):
            return try engine.robustDifference(LongitudeWrapping.globe, LongitudeWrapping.wrap(g, engine))
        case .globe: return LongitudeWrapping.globe
        case .empty: return .multiPolygon(MultiPolygon([]))
        }
    }

    /// The disc around `center` bounded by a closed ring (unrolled, first == last): the ring's polygon,
    /// its pole closure when it winds once around a pole, or the complement when `center` is outside it.
    ///
    /// A ring that winds around the globe separates the poles, so exactly one pole is in the disc: the
    /// one nearer the centre. That is decided by latitude, not by a point-in-ring test, because a centre
    /// at a pole lies on the frame's edge (latitude ±90), where a planar test cannot tell the sides apart
    /// and picked the complement (#9).
    static func bounded(by ring: [LonLat], center inside: LonLat) -> GlobeRegion {
        guard let first = ring.first, var last = ring.last, ring.count >= 4 else { return .empty }
        let winding = last.longitude - first.longitude
        if abs(winding) < 180 {
            let polygon = LonLatFrame.coordinates(ring)
            let g = Geometry.polygon(Polygon(exterior: polygon))
            return PlanarRing.contains(polygon, inside) ? .polygon(g) : .complement(g)
        }
        // The ring winds around a pole: close it along latitude +90 or −90, whichever side holds `inside`.
        // It is first restarted where it crosses a meridian 180° + k·360°, so the closing meridians lie on the
        // cut at ±180° and vanish there; closing anywhere else left two halves sharing a closing meridian that
        // differed in the last bit after the shift by 360° (a launch point on it then read as outside, #9).
        let turn = winding > 0 ? 360.0 : -360.0
        let wound = Self.restarted(atAntimeridianOf: ring, turn: turn)
        let start = wound[0]
        last = LonLat(longitude: start.longitude + turn, latitude: start.latitude)
        func closed(_ poleLatitude: Double) -> [Coordinate] {
            var c = LonLatFrame.coordinates(wound)
            c.removeLast()
            c.append(Coordinate(x: last.longitude, y: last.latitude))
            c.append(Coordinate(x: last.longitude, y: poleLatitude))
            c.append(Coordinate(x: start.longitude, y: poleLatitude))
            c.append(Coordinate(x: start.longitude, y: start.latitude))
            return c
        }
        let chosen = closed(inside.latitude >= 0 ? 90 : -90)
        return .polygon(.polygon(Polygon(exterior: chosen)))
    }
}

extension GlobeRegion {
    /// A ring winding once around a pole (last = first + `turn`), restarted at its first crossing of a meridian
    /// 180° + k·360°: the crossing point (on the lon/lat edge, so the shape is unchanged) with an exact longitude.
    static func restarted(atAntimeridianOf ring: [LonLat], turn: Double) -> [LonLat] {
        let n = ring.count
        for i in 0..<(n - 1) {
            let a = ring[i], b = ring[i + 1]
            let k = ((min(a.longitude, b.longitude) - 180) / 360).rounded(.up)
            let meridian = 180 + 360 * k
            guard meridian <= max(a.longitude, b.longitude), a.longitude != b.longitude else { continue }
            if a.longitude == meridian && i > 0 { continue }
            let f = (meridian - a.longitude) / (b.longitude - a.longitude)
            let p = LonLat(longitude: meridian, latitude: a.latitude + f * (b.latitude - a.latitude))
            var out = [p]
            if b.longitude != meridian { out.append(b) }
            out += ring[(i + 2)..<n]
            // ring[n − 1] is ring[0] moved by `turn`; continue from ring[1] moved likewise.
            for j in stride(from: 1, through: i, by: 1) { out.append(LonLat(longitude: ring[j].longitude + turn, latitude: ring[j].latitude)) }
            out.append(LonLat(longitude: meridian + turn, latitude: p.latitude))
            return out.enumerated().filter { $0.offset == 0 || $0.element != out[$0.offset - 1] }.map(\.element)
        }
        return ring
    }
}

/// Moving geometry between the unrolled frame and longitudes in [-180, 180] (RFC 7946 §3.1.9).
enum LongitudeWrapping {
    static let globe = Geometry.polygon(Polygon(exterior: [
        Coordinate(x: -180, y: -90), Coordinate(x: 180, y: -90), Coordinate(x: 180, y: 90),
        Coordinate(x: -180, y: 90), Coordinate(x: -180, y: -90),
    ]))

    /// Cuts `g` at every meridian ±180 + 360k and shifts each piece into [-180, 180]; polygonal result.
    static func wrap(_ g: Geometry, _ engine: GeometryEngine) throws -> Geometry {
        guard let box = g.boundingBox else { return .multiPolygon(MultiPolygon([])) }
        let kLow = Int(((box.minX + 180) / 360).rounded(.down))
        let kHigh = Int(((box.maxX - 180) / 360).rounded(.up))
        if kLow == 0 && kHigh <= 0 { return .multiPolygon(polygonal(g)) }
        var pieces = [Geometry]()
        for k in kLow...max(kLow, kHigh) {
            let shift = Double(k) * 360
            // A true intersection, not GEOS's rectangle clip: the clip can return an invalid piece
            // (seen on Russia's 300 km envelope), which then breaks the union.
            let strip = BoundingBox(minX: shift - 180, minY: -90, maxX: shift + 180, maxY: 90).polygon
            let clipped = try engine.robustIntersection(g, .polygon(strip))
            let polygons = polygonal(clipped)
            if polygons.polygons.isEmpty { continue }
            pieces.append(Geometry.multiPolygon(polygons).translated(dx: -shift))
        }
        return .multiPolygon(polygonal(try engine.robustUnaryUnion(pieces)))
    }

    /// Only the polygonal parts, as a MultiPolygon.
    static func polygonal(_ g: Geometry) -> MultiPolygon {
        var out = [Polygon]()
        func collect(_ g: Geometry) {
            switch g {
            case .polygon(let p): if !p.isEmpty { out.append(p) }
            case .multiPolygon(let m): out += m.polygons.filter { !$0.isEmpty }
            case .geometryCollection(let c): c.geometries.forEach(collect)
            default: break
            }
        }
        collect(g)
        return MultiPolygon(out)
    }
}

/// Small planar helpers on lon/lat coordinates (topology only, never distances).
enum PlanarRing {
    /// Even–odd point-in-ring test, trying the point's longitude shifted by ±360° as well.
    static func contains(_ ring: [Coordinate], _ p: LonLat) -> Bool {
        for shift in [0.0, 360, -360, 720, -720] where evenOdd(ring, p.longitude + shift, p.latitude) { return true }
        return false
    }

    static func evenOdd(_ ring: [Coordinate], _ x: Double, _ y: Double) -> Bool {
        var inside = false
        var j = ring.count - 1
        for i in 0..<ring.count {
            let a = ring[i], b = ring[j]
            if crossesRay(x1: a.x, y1: a.y, x2: b.x, y2: b.y, x: x, y: y) { inside.toggle() }
            j = i
        }
        return inside
    }

    /// The one point-in-ring step of the construction (issue 14: `PolygonRowIndex` had its own copy; the
    /// certifier keeps an independent one on purpose): whether the edge (x1, y1)–(x2, y2) crosses the ray
    /// from (x, y) towards +x, half-open in y so that a vertex shared by two edges counts once.
    @inline(__always)
    static func crossesRay(x1: Double, y1: Double, x2: Double, y2: Double, x: Double, y: Double) -> Bool {
        (y1 > y) != (y2 > y) && x < x1 + (y - y1) * (x2 - x1) / (y2 - y1)
    }
}
