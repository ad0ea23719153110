import Geodesy

extension GeodesicCircle {
    /// The part of the circle from `startAzimuthDegrees` clockwise to `endAzimuthDegrees` (which may exceed 360),
    /// as points solved with `geod_direct` at least every 5° of azimuth, each gap bisected until its lon/lat
    /// midpoint is within the allowance of the radius (as `adaptiveRing`). Longitudes unrolled (continuous).
    /// For range fans (issue 16); radii up to a quarter meridian, where the direct geodesic is the shortest.
    func arc(fromAzimuthDegrees startAzimuthDegrees: Double, toAzimuthDegrees endAzimuthDegrees: Double) -> [LonLat] {
        precondition(endAzimuthDegrees > startAzimuthDegrees, "an arc runs clockwise from start to end")
        func point(_ azimuth: Double) -> LonLat {
            geodesic.direct(from: center, azimuthDegrees: azimuth, distanceMeters: radiusMeters, unrollLongitude: true).position
        }
        let steps = max(2, Int(((endAzimuthDegrees - startAzimuthDegrees) / 5).rounded(.up)))
        var arc = [point(startAzimuthDegrees)]
        var previous = (azimuth: startAzimuthDegrees, point: arc[0])
        for k in 1...steps {
            let azimuth = k == steps ? endAzimuthDegrees : startAzimuthDegrees + Double(k) * (endAzimuthDegrees - startAzimuthDegrees) / Double(steps)
            let next = point(azimuth)
            refine(from: previous, to: (azimuth, next), depth: 0, point: point, into: &arc)
            arc.append(next)
            previous = (azimuth, next)
        }
        return LonLatFrame.unrollPath(arc, near: center.longitude)
    }
}
