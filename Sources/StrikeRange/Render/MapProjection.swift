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

    /// - Parameter view: the lon/lat box that must be visible.
    init(view: BoundingBox, frame: (x: Double, y: Double, width: Double, height: Double)) throws {
        centre = LonLat(longitude: (view.minX + view.maxX) / 2, latitude: (view.minY + view.maxY) / 2)
        transformation = try Transformation(
            from: "+proj=longlat +ellps=WGS84 +no_defs",
            to: "+proj=aeqd +lat_0=\(centre.latitude) +lon_0=\(centre.longitude) +ellps=WGS84 +units=m +no_defs")
        self.frame = frame
        // Fit the projected outline of the view box (densified: its edges are curves once projected).
        var xs = [Double](), ys = [Double]()
        for i in 0...20 {
            let t = Double(i) / 20
            for p in [(view.minX + t * (view.maxX - view.minX), view.minY), (view.minX + t * (view.maxX - view.minX), view.maxY),
                      (view.minX, view.minY + t * (view.maxY - view.minY)), (view.maxX, view.minY + t * (view.maxY - view.minY))] {
                let q = try transformation.transform(x: p.0, y: p.1)
                xs.append(q.x); ys.append(q.y)
            }
        }
        let minX = xs.min()!, maxX = xs.max()!, minY = ys.min()!, maxY = ys.max()!
        scale = min(frame.width / (maxX - minX), frame.height / (maxY - minY))
        offsetX = frame.x + (frame.width - (maxX - minX) * scale) / 2 - minX * scale
        offsetY = frame.y + (frame.height - (maxY - minY) * scale) / 2 + maxY * scale
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

/// Pixel coordinates with one decimal: enough for the eye, and stable text.
func svgNumber(_ v: Double) -> String { format(v, 1) }
