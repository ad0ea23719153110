#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Geodesy

/// Lower bounds of geodesic distances to a run of boundary pieces from one exact solve, by comparison
/// with a sphere.
///
/// Geodesic polar coordinates (ρ, θ) at an anchor point A (distance and azimuth of the geodesic from A)
/// are sent to the same (ρ, θ) on the sphere of radius b (the semi-minor axis), whose curvature 1/b² is
/// the ellipsoid's largest Gaussian curvature. By Rauch's comparison theorem the ellipsoid's reduced
/// length m(ρ, θ) is at least b·sin(ρ/b) for ρ < πb, so this map Φ does not lengthen any curve inside the
/// ball of radius πb around A (within it polar coordinates are a chart: Klingenberg's bound puts the
/// injectivity radius of a surface with 0 < K ≤ 1/b² at πb or more). Hence for every launch point x and
/// query q, d(q, x) ≥ d̄(Φq, Φx), the great-circle distance on the comparison sphere, as long as the
/// geodesic from q to x stays in that ball: guaranteed here by ρ(q) ≤ `maximumQueryMeters` and
/// ρ(x) ≤ `maximumRunMeters` (every point of it is within 2ρ(q) + ρ(x) < πb of A).
///
/// A boundary piece from x₀ to x₁ (a geodesic of length ℓ) maps to a curve of length ≤ ℓ between Φx₀
/// and Φx₁, which lies in the spherical ellipse with those foci, within sqrt(ℓ² − c̄²)/2 of the arc
/// between them (c̄ their comparison distance). So the comparison distance from Φq to that arc, less
/// that half-width, bounds the piece's distance from below. The bound is exact along the ray from A and
/// off by under a metre sideways at 3,000 km (the curvature varies by 1 % over the ellipsoid), so one
/// inverse solve per run replaces one per piece.
enum AnchorComparison {
    /// Radius of the comparison sphere: the WGS84 semi-minor axis b (largest Gaussian curvature 1/b²).
    static func sphereRadiusMeters(_ e: Ellipsoid) -> Double { e.semiMinorAxisMeters }
    /// Largest query distance from an anchor the bound is used at (2 × 9,000 km + a run < πb ≈ 19,970 km).
    static let maximumQueryMeters = 9_000_000.0
    /// Largest distance of a run's stations from its anchor.
    static let maximumRunMeters = 150_000.0

    /// The comparison-sphere point of polar coordinates (ρ, θ) around the anchor, as a unit vector with
    /// the anchor at +z and azimuth 0 along +x.
    static func unitVector(distanceMeters rho: Double, azimuthDegrees theta: Double, sphereRadius b: Double) -> SIMD3<Double> {
        let polar = rho / b, azimuth = theta * .pi / 180
        let s = sin(polar)
        return SIMD3(s * cos(azimuth), s * sin(azimuth), cos(polar))
    }

    /// Angle (radians) between two unit vectors, accurate at every size.
    @inline(__always)
    static func angle(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> Double {
        atan2(length(cross(a, b)), dot(a, b))
    }

    /// Angle (radians) from `w` to the shorter great-circle arc from `u` to `v` (all unit vectors), and the
    /// fraction along the arc of the nearest point (from the chord: a starting guess, not a bound).
    static func angleToArc(_ w: SIMD3<Double>, _ u: SIMD3<Double>, _ v: SIMD3<Double>) -> (angle: Double, fraction: Double) {
        let n = cross(u, v)
        let nn = length(n)
        if nn > 1e-15 {
            // The projection of w on the arc's plane lies between u and v: the nearest point is inside.
            if dot(cross(u, w), n) >= 0 && dot(cross(w, v), n) >= 0 {
                let off = dot(w, n) / nn
                let inPlane = w - (off / nn) * n
                let chord = v - u
                let fraction = min(1, max(0, dot(inPlane / length(inPlane) - u, chord) / dot(chord, chord)))
                return (atan2(abs(off), length(inPlane)), fraction)
            }
        }
        return dot(w, u) >= dot(w, v) ? (angle(w, u), 0) : (angle(w, v), 1)
    }

    /// Upper bound of the length of a geodesic whose ends are `chordMeters` apart in space: its curvature
    /// in space is a normal curvature of the ellipsoid, at most κ = a/b², and by Schur's comparison a curve
    /// of curvature ≤ κ is no longer than the circular arc of radius 1/κ on the same chord.
    static func geodesicLengthUpperBound(chordMeters c: Double, _ e: Ellipsoid) -> Double {
        let b = e.semiMinorAxisMeters
        let kappa = e.semiMajorAxisMeters / (b * b)
        let x = c * kappa / 2
        guard x < 0.5 else { return .infinity }   // only short pieces are bounded this way
        return 2 * asin(x) / kappa * (1 + 1e-12)
    }

    /// Half-width of the comparison ellipse of a piece of length at most `lengthMeters` whose ends are
    /// `comparisonChordMeters` apart on the comparison sphere; generous by 0.1 % for the sphere's
    /// curvature at piece scale (the planar value is off by (ℓ/b)² ≈ 10⁻⁶ relative).
    static func halfWidthMeters(lengthMeters l: Double, comparisonChordMeters c: Double) -> Double {
        guard l.isFinite else { return .infinity }
        return (max(0, l * l - c * c)).squareRoot() / 2 * 1.001 + 1e-6
    }

    /// Earth-centred position (metres) of a surface point.
    static func ecef(_ p: LonLat, _ e: Ellipsoid) -> SIMD3<Double> {
        let phi = p.latitude * .pi / 180, lambda = p.longitude * .pi / 180
        let e2 = e.flattening * (2 - e.flattening)
        let sinPhi = sin(phi), cosPhi = cos(phi)
        let n = e.semiMajorAxisMeters / (1 - e2 * sinPhi * sinPhi).squareRoot()
        return SIMD3(n * cosPhi * cos(lambda), n * cosPhi * sin(lambda), n * (1 - e2) * sinPhi)
    }

    /// Lower bound of the geodesic distance from a surface point at `q` (Earth-centred) to any surface point
    /// within `radius` (3-D) of `center`: the larger of the straight chord (no surface path is shorter) and
    /// b × the angle at the Earth's centre (projecting onto the inscribed sphere of radius b shortens
    /// every path on the surface; points within r of c are within asin(r/|c|) of it in angle).
    static func ballLowerBoundMeters(_ q: SIMD3<Double>, center c: SIMD3<Double>, radius r: Double, _ e: Ellipsoid) -> Double {
        let chord = length(q - c) - r
        let cn = length(c)
        guard r < cn else { return max(0, chord) }
        let spread = asin(r / cn)
        let central = atan2(length(cross(q, c)), dot(q, c))
        return max(0, chord, e.semiMinorAxisMeters * (central - spread))
    }

    @inline(__always) static func cross(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> SIMD3<Double> {
        SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
    }
    @inline(__always) static func dot(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> Double { (a * b).sum() }
    @inline(__always) static func length(_ a: SIMD3<Double>) -> Double { dot(a, a).squareRoot() }
}
