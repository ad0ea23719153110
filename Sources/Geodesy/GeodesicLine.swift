internal import CProj

/// A geodesic segment; positions along it at distances or fractions (`geod_genposition`).
/// A value type wrapping the plain C struct `geod_geodesicline`, read-only after initialisation.
public struct GeodesicLine: Sendable {
    let raw: geod_geodesicline
    /// The creating `Geodesic`'s tally, if it had one.
    let counter: GeodesicCallCounter?

    init(raw: geod_geodesicline, counter: GeodesicCallCounter? = nil) { self.raw = raw; self.counter = counter }

    /// Start of the segment.
    public var start: LonLat { LonLat(longitude: raw.lon1, latitude: raw.lat1) }
    /// Forward azimuth at the start, degrees clockwise from north.
    public var azimuth1Degrees: Double { raw.azi1 }
    /// Length of the segment, metres (`s13` of the C struct).
    public var distanceMeters: Double { raw.s13 }

    /// Point at `distanceMeters` from the start (may exceed the length or be negative), `geod_genposition`.
    /// Unrolled longitudes are continuous from the start's; otherwise reduced to [-180, 180].
    public func position(distanceMeters: Double, unrollLongitude: Bool = true) -> DirectSolution {
        counter?.add(.linePosition)
        var lat2 = 0.0, lon2 = 0.0, azi2 = 0.0
        let flags = unrollLongitude ? GEOD_LONG_UNROLL.rawValue : GEOD_NOFLAGS.rawValue
        withUnsafePointer(to: raw) { l in
            _ = geod_genposition(l, flags, distanceMeters, &lat2, &lon2, &azi2, nil, nil, nil, nil, nil)
        }
        return DirectSolution(latitude: lat2, longitude: lon2, azimuth2Degrees: azi2)
    }
    /// Point at `fraction` (0 = start, 1 = end) of the length.
    public func position(fraction: Double, unrollLongitude: Bool = true) -> DirectSolution {
        position(distanceMeters: fraction * distanceMeters, unrollLongitude: unrollLongitude)
    }
    /// Start, end and enough evenly spaced points between that no gap exceeds `maximumSpacingMeters` (> 0).
    /// The first point is exactly the start; the others come from `geod_genposition`.
    public func densified(maximumSpacingMeters: Double, unrollLongitude: Bool = true) -> [LonLat] {
        precondition(maximumSpacingMeters > 0 && maximumSpacingMeters.isFinite,
                     "maximumSpacingMeters must be finite and > 0, got \(maximumSpacingMeters)")
        let length = distanceMeters
        let segments = max(1, Int((length / maximumSpacingMeters).rounded(.up)))
        var points: [LonLat] = []
        points.reserveCapacity(segments + 1)
        points.append(start)
        for i in 1...segments {
            // i == segments lands on the full length exactly, not on an accumulated sum.
            let s = i == segments ? length : length * Double(i) / Double(segments)
            points.append(position(distanceMeters: s, unrollLongitude: unrollLongitude).position)
        }
        return points
    }
}
