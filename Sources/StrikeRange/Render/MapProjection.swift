#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Geodesy
import Geometry

/// Lon/lat to SVG pixels for one map: PROJ's azimuthal equidistant projection centred on the scene
/// (distances from the centre are true, shapes nearly so over a region), then a uniform scale and offset
/// fitting the scene into the map frame (y grows downwards in SVG). Not `Sendable`: owns a PROJ object.
final class MapProjection {
    let transformation: Transformation
    let centre: LonLat
    /// Map frame in pixels.
    let frame: (x: Double, y: Double, width: Double, height: Double)
    private var scale = 1.0, offsetX = 0.0, offsetY = 0.0

    /// A view of `points` (lon/lat degrees), centred on their mean direction in 3-D, not on the middle of
    /// their lon/lat box: a scene across ±180° spans −180…180 in lon/lat and was centred on 0° E, and a
    /// scene around a pole had a box beyond ±90° that PROJ refused ("aeqd: Invalid latitude"). Around a
    /// pole the centre comes out near it, which gives a polar azimuthal view.
    /// - Parameters:
    ///   - centreOf: the points whose mean direction is the centre (e.g. the launch area for an envelope
    ///     beyond a hemisphere, whose own vertices ring the far side); `points` when empty.
    ///   - marginFraction: blank space kept around the fitted points, as a fraction of their extent.
    init(fitting points: [LonLat], centreOf: [LonLat] = [], marginFraction: Double = 0.06,
         frame: (x: Double, y: Double, width: Double, height: Double)) throws {
        centre = Self.meanDirection(centreOf.isEmpty ? points : centreOf)
        transformation = try Transformation(
            from: "+proj=longlat +ellps=WGS84 +no_defs",
            to: "+proj=aeqd +lat_0=\(centre.latitude) +lon_0=\(centre.longitude) +ellps=WGS84 +units=m +no_defs")
        self.frame = frame
        var xs = [Double](), ys = [Double]()
        for p in points {
            guard let q = try? transformation.transform(x: p.longitude, y: p.latitude), q.x.isFinite, q.y.isFinite else { continue }
            xs.append(q.x); ys.append(q.y)
        }
        guard var minX = xs.min(), var maxX = xs.max(), var minY = ys.min(), var maxY = ys.max() else {
            throw StrikeRangeError("map: no point of the layers can be projected")
        }
        // At least 60 km across, so that a single point still gives a readable scale.
        let padX = max(30_000, (maxX - minX) * marginFraction), padY = max(30_000, (maxY - minY) * marginFraction)
        minX -= padX; maxX += padX; minY -= padY; maxY += padY
        scale = min(frame.width / (maxX - minX), frame.height / (maxY - minY))
        offsetX = frame.x + (frame.width - (maxX - minX) * scale) / 2 - minX * scale
        offsetY = frame.y + (frame.height - (maxY - minY) * scale) / 2 + maxY * scale
    }

    /// The mean of unit vectors, as latitude and longitude; (0, 0) for a set with no mean direction.
    static func meanDirection(_ points: [LonLat]) -> LonLat {
        var x = 0.0, y = 0.0, z = 0.0
        for p in points {
            let lat = p.latitude * .pi / 180, lon = p.longitude * .pi / 180
            x += cos(lat) * cos(lon); y += cos(lat) * sin(lon); z += sin(lat)
        }
        let n = (x * x + y * y + z * z).squareRoot()
        guard n > 1e-9 * Double(max(1, points.count)) else { return LonLat(longitude: 0, latitude: 0) }
        return LonLat(longitude: atan2(y, x) * 180 / .pi, latitude: asin(max(-1, min(1, z / n))) * 180 / .pi)
    }

    /// Whether the north (1) or south (−1) pole is inside the frame.
    func showsPole(_ sign: Double) -> Bool {
        guard let q = pixel(0, 90 * sign) else { return false }
        return q.x >= frame.x && q.x <= frame.x + frame.width && q.y >= frame.y && q.y <= frame.y + frame.height
    }

    /// Pixels per projected metre at the centre.
    var pixelsPerMeter: Double { scale }

    func pixel(_ lon: Double, _ lat: Double) -> (x: Double, y: Double)? {
        guard let q = try? transformation.transform(x: lon, y: lat), q.x.isFinite, q.y.isFinite else { return nil }
        return (offsetX + q.x * scale, offsetY - q.y * scale)
    }

    func lonLat(pixelX: Double, pixelY: Double) -> LonLat? {
        let mx = (pixelX - offsetX) / scale, my = (offsetY - pixelY) / scale
        guard let q = try? transformation.transform(x: mx, y: my, direction: .inverse) else { return nil }
        return LonLat(longitude: q.x, latitude: q.y)
    }

    /// A lon/lat path in pixels, with edges longer than `stepDegrees` subdivided so that curves (graticule,
    /// long envelope edges) stay curves after projection.
    func path(_ coordinates: [Coordinate], stepDegrees: Double = 0.05) -> [(x: Double, y: Double)] {
        var result = [(x: Double, y: Double)]()
        result.reserveCapacity(coordinates.count)
        var previous: Coordinate?
        for c in coordinates {
            if let p = previous {
                let n = Int((max(abs(c.x - p.x), abs(c.y - p.y)) / stepDegrees).rounded(.up))
                if n > 1 {
                    for i in 1..<n {
                        let t = Double(i) / Double(n)
                        if let q = pixel(p.x + t * (c.x - p.x), p.y + t * (c.y - p.y)) { result.append(q) }
                    }
                }
            }
            if let q = pixel(c.x, c.y) { result.append(q) }
            previous = c
        }
        return result
    }

    /// SVG path data of a geometry (rings closed with Z); points are skipped.
    func pathData(_ g: Geometry) -> String {
        var d = ""
        func ring(_ cs: [Coordinate], close: Bool) {
            let pts = path(cs)
            guard pts.count > 1 else { return }
            d += "M" + pts.map { "\(svgNumber($0.x)),\(svgNumber($0.y))" }.joined(separator: "L")
            if close { d += "Z" }
        }
        switch g {
        case .lineString(let l): ring(l.coordinates, close: false)
        case .multiLineString(let m): m.lineStrings.forEach { ring($0.coordinates, close: false) }
        case .polygon(let p): ring(p.exterior, close: true); p.holes.forEach { ring($0, close: true) }
        case .multiPolygon(let m): for p in m.polygons { ring(p.exterior, close: true); p.holes.forEach { ring($0, close: true) } }
        case .geometryCollection(let c): for part in c.geometries { d += pathData(part) }
        case .point, .multiPoint: break
        }
        return d
    }
}

extension MapProjection {
    /// SVG path data for filling a polygonal geometry. An exterior ring that is the whole lon/lat box (an
    /// envelope beyond a hemisphere: the globe less far caps) is all seams, and projected it encloses
    /// nothing; it is drawn as the projection's rim instead, a circle at half a meridian from the centre.
    func fillData(_ g: Geometry) -> String {
        var d = ""
        for polygon in g.polygons {
            let xs = polygon.exterior.map(\.x), ys = polygon.exterior.map(\.y)
            let isGlobe = xs.min() == -180 && xs.max() == 180 && ys.min() == -90 && ys.max() == 90
            let antipode = LonLat(longitude: centre.longitude > 0 ? centre.longitude - 180 : centre.longitude + 180, latitude: -centre.latitude)
            if isGlobe, let around = polygon.holes.firstIndex(where: { PlanarRing.contains($0, antipode) }) {
                // A hole around the centre's antipode projects onto a ring about the centre, and the
                // envelope is what that ring encloses on the map (less any other holes).
                d += pathData(.polygon(Polygon(exterior: polygon.holes[around])))
                for (k, hole) in polygon.holes.enumerated() where k != around { d += pathData(.polygon(Polygon(exterior: hole))) }
            } else if isGlobe {
                let radius = Geodesic.wgs84.maximumDistanceMeters * pixelsPerMeter
                let cx = offsetX, cy = offsetY
                d += "M\(svgNumber(cx + radius)),\(svgNumber(cy))"
                for k in 1...180 {
                    let t = Double(k) * 2 * .pi / 180
                    d += "L\(svgNumber(cx + radius * cos(t))),\(svgNumber(cy + radius * sin(t)))"
                }
                d += "Z"
                for hole in polygon.holes { d += pathData(.polygon(Polygon(exterior: hole))) }
            } else {
                d += pathData(.polygon(polygon))
            }
        }
        return d
    }

    /// SVG path data of a polygonal geometry's outline without the edges where it was cut at ±180° or
    /// closed along a pole: those are seams of the lon/lat representation, not boundaries, and a stroked
    /// seam draws a line through an envelope that crosses ±180° or holds a pole.
    func outlineData(_ g: Geometry) -> String {
        var d = ""
        for polygon in g.polygons {
            for closedRing in [polygon.exterior] + polygon.holes {
                func isSeam(_ a: Coordinate, _ b: Coordinate) -> Bool {
                    (abs(a.x) == 180 && a.x == b.x) || (abs(a.y) == 90 && a.y == b.y)
                }
                // Start the walk just after a seam, so each stretch between seams is one unbroken run.
                var ring = closedRing
                if ring.count > 2, let k = zip(ring, ring.dropFirst()).enumerated().first(where: { isSeam($0.element.0, $0.element.1) })?.offset {
                    ring = Array(ring[(k + 1)..<(ring.count - 1)] + ring[0...(k + 1)])
                }
                var run = [Coordinate]()
                func flush() {
                    let pts = path(run)
                    if pts.count > 1 { d += "M" + pts.map { "\(svgNumber($0.x)),\(svgNumber($0.y))" }.joined(separator: "L") }
                    run.removeAll()
                }
                for (a, b) in zip(ring, ring.dropFirst()) {
                    if isSeam(a, b) { flush(); continue }
                    if run.isEmpty { run.append(a) }
                    run.append(b)
                }
                flush()
            }
        }
        return d
    }
}

/// Pixel coordinates with one decimal: enough for the eye, and stable text.
func svgNumber(_ v: Double) -> String { format(v, 1) }
