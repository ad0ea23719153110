internal import CProj

/// Geodesic area and perimeter of a ring (`geod_polygon_*`): edges are geodesics.
public struct PolygonMeasure: Sendable, Hashable {
    /// Positive when the ring is counter-clockwise, square metres.
    public var signedAreaSquareMeters: Double
    /// Metres, including the closing edge.
    public var perimeterMeters: Double
    public var areaSquareMeters: Double { abs(signedAreaSquareMeters) }
    public init(signedAreaSquareMeters: Double, perimeterMeters: Double) {
        self.signedAreaSquareMeters = signedAreaSquareMeters; self.perimeterMeters = perimeterMeters
    }
}

extension Geodesic {
    /// Area and perimeter of one ring; a closing vertex equal to the first is ignored.
    /// Counter-clockwise rings have positive area. `geod_polygon_init`/`addpoint`/`compute` with `sign = 1`,
    /// so a ring around most of the globe gives its true (large) area rather than the complement.
    /// Accuracy (GeographicLib): about 0.1 m² per vertex.
    public func ringMeasure(_ ring: [LonLat]) -> PolygonMeasure {
        let points = ring.count > 1 && ring.first == ring.last ? ring.dropLast() : ring[...]
        let (area, perimeter) = accumulate(points, polyline: false)
        return PolygonMeasure(signedAreaSquareMeters: area, perimeterMeters: perimeter)
    }
    /// Absolute area of a polygon: |exterior| − Σ|holes|, square metres (orientation of the rings does not matter).
    public func polygonAreaSquareMeters(exterior: [LonLat], holes: [[LonLat]]) -> Double {
        holes.reduce(ringMeasure(exterior).areaSquareMeters) { $0 - ringMeasure($1).areaSquareMeters }
    }
    /// Length of a polyline whose edges are geodesics, metres.
    public func lineLengthMeters(_ line: [LonLat]) -> Double {
        accumulate(line[...], polyline: true).perimeter
    }

    private func accumulate(_ points: ArraySlice<LonLat>, polyline: Bool) -> (area: Double, perimeter: Double) {
        var polygon = geod_polygon()
        var area = 0.0, perimeter = 0.0
        withUnsafePointer(to: raw) { g in
            geod_polygon_init(&polygon, polyline ? 1 : 0)
            for p in points { geod_polygon_addpoint(g, &polygon, p.latitude, p.longitude) }
            // reverse = 0: counter-clockwise is positive; sign = 1: signed area, not reduced to the complement.
            _ = geod_polygon_compute(g, &polygon, 0, 1, &area, &perimeter)  // area untouched for a polyline
        }
        return (area, perimeter)
    }
}
