import Geodesy

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Densification of paths whose edges are straight in lon/lat (RFC 7946), so that each piece is
/// close enough to a geodesic for geodesic formulas to apply.
enum PathDensifier {
    /// Station spacing for a tolerance: keeps the gap between a lon/lat straight edge and the geodesic
    /// through its ends (≈ L²·tan|φ|/(8a)) under 2 % of the tolerance, and pieces no longer than `maximumMeters`.
    static func spacingMeters(toleranceMeters: Double, maximumMeters: Double, latitudeDegrees: Double) -> Double {
        let tanLat = max(0.2, abs(tan(min(abs(latitudeDegrees), 89.9) * .pi / 180)))
        let bendLimited = (0.02 * toleranceMeters * 8 * 6_378_137 / tanLat).squareRoot()
        return max(50, min(maximumMeters, bendLimited))
    }

    static func sphericalMetersUpperBound(_ a: LonLat, _ b: LonLat) -> Double {
        let ua = UnitVector(a), ub = UnitVector(b)
        return 2 * asin(min(1, ua.squaredChord(ub).squareRoot() / 2)) * 6_399_594 * 1.001
    }

    /// The path with points inserted by linear interpolation in lon/lat so no piece is longer than the
    /// spacing for its latitude. The original vertices are kept.
    static func densify(_ path: [LonLat], toleranceMeters: Double, maximumMeters: Double) -> [LonLat] {
        guard path.count >= 2 else { return path }
        var out = [LonLat]()
        out.reserveCapacity(path.count * 2)
        out.append(path[0])
        for i in 1..<path.count {
            let a = path[i - 1], b = path[i]
            // Only the piece count depends on the length: a spherical estimate, 1 % generous (the
            // ellipsoid differs by under 0.7 %), saves an inverse solution per edge.
            let length = PathDensifier.sphericalMetersUpperBound(a, b)
            let spacing = spacingMeters(toleranceMeters: toleranceMeters, maximumMeters: maximumMeters,
                                        latitudeDegrees: max(abs(a.latitude), abs(b.latitude)))
            let pieces = Int((length / spacing).rounded(.up))
            if pieces > 1 {
                for k in 1..<pieces {
                    let f = Double(k) / Double(pieces)
                    out.append(LonLat(longitude: a.longitude + f * (b.longitude - a.longitude),
                                      latitude: a.latitude + f * (b.latitude - a.latitude)))
                }
            }
            out.append(b)
        }
        return out
    }
}
