import Foundation
import Geodesy

/// Constants and bounds of one ellipsoid that the certifier's error budget rests on. Nothing here is
/// shared with the construction: the certificate must not inherit its mistakes.
///
/// Curvature facts used (a = semi-major, b = semi-minor axis, e² = f(2 − f)):
/// - The meridian radius M = a(1 − e²)/W³ and the prime-vertical radius N = a/W (W = √(1 − e² sin²φ))
///   both lie in [b²/a, a²/b]; the Gaussian curvature 1/(MN) lies in [b²/a⁴, 1/b²].
/// - A curve drawn straight in lon/lat (RFC 7946's edge) has, on a sphere of radius ρ, geodesic curvature
///   |κ| = |sin³ψ · tan φ| / ρ (ψ its heading): it is zero along meridians and tan φ / ρ along parallels.
///   On the ellipsoid we use ρ = b²/a, the smallest radius of curvature, as a conservative stand-in.
struct EllipsoidBounds: Sendable {
    let a: Double
    let b: Double
    let e2: Double
    /// Smallest radius of curvature anywhere on the ellipsoid, b²/a (meridian radius at the equator).
    let smallestRadiusMeters: Double
    /// Largest radius of curvature, a²/b (at the poles).
    let largestRadiusMeters: Double
    /// The shortest possible half-meridian-like distance π b: beyond it geodesic circles may be past the
    /// first conjugate point and the curvature comparison below no longer holds.
    let conjugateSafeMeters: Double

    init(_ ellipsoid: Ellipsoid) {
        a = ellipsoid.semiMajorAxisMeters
        b = ellipsoid.semiMinorAxisMeters
        e2 = ellipsoid.flattening * (2 - ellipsoid.flattening)
        smallestRadiusMeters = b * b / a
        largestRadiusMeters = a * a / b
        conjugateSafeMeters = Double.pi * b
    }

    /// Earth-centred Cartesian position (metres) of a point on the surface.
    func ecef(_ p: LonLat) -> Vec3 {
        let phi = p.latitude * .pi / 180, lambda = p.longitude * .pi / 180
        let sinPhi = sin(phi), cosPhi = cos(phi)
        let n = a / (1 - e2 * sinPhi * sinPhi).squareRoot()
        return Vec3(x: n * cosPhi * cos(lambda), y: n * cosPhi * sin(lambda), z: n * (1 - e2) * sinPhi)
    }

    /// Azimuth (degrees clockwise from north) at latitude `latitudeDegrees` of a curve moving by
    /// (Δλ, Δφ) degrees in lon/lat: the ellipsoid's radii turn the lon/lat direction into a bearing.
    func azimuthDegrees(latitudeDegrees: Double, deltaLongitude: Double, deltaLatitude: Double) -> Double {
        let phi = latitudeDegrees * .pi / 180
        let w2 = 1 - e2 * sin(phi) * sin(phi)
        let n = a / w2.squareRoot(), m = a * (1 - e2) / (w2 * w2.squareRoot())
        return atan2(n * cos(phi) * deltaLongitude, m * deltaLatitude) * 180 / .pi
    }

    /// Upper bound of the geodesic curvature (1/m) of the lon/lat-straight segment with the given
    /// direction over the latitudes [lo, hi] (degrees): |Δλ|³ cos²φ sin|φ| / (ρ (Δφ² + Δλ² cos²φ)^{3/2}),
    /// numerator at its largest and denominator at its smallest over the range (ρ = b²/a).
    func lonLatCurvatureBound(deltaLongitude: Double, deltaLatitude: Double, latitudeRange lo: Double, _ hi: Double) -> Double {
        let dl = abs(deltaLongitude) * .pi / 180, dp = abs(deltaLatitude) * .pi / 180
        if dl == 0 { return 0 }   // a meridian is a geodesic
        let lowAbs = (lo <= 0 && hi >= 0) ? 0 : min(abs(lo), abs(hi))
        let highAbs = min(90, max(abs(lo), abs(hi)))
        // cos²φ sin φ is largest at sin φ = 1/√3 (φ ≈ 35.26°) and monotone on either side.
        let peak = asin(1 / 3.0.squareRoot()) * 180 / .pi
        func g(_ deg: Double) -> Double { let p = deg * .pi / 180; return cos(p) * cos(p) * sin(p) }
        let numeratorFactor = (lowAbs <= peak && highAbs >= peak) ? g(peak) : max(g(lowAbs), g(highAbs))
        let cosSmallest = cos(highAbs * .pi / 180)
        let denominator = pow(dp * dp + dl * dl * cosSmallest * cosSmallest, 1.5)
        if denominator == 0 { return .infinity }
        return dl * dl * dl * numeratorFactor / (smallestRadiusMeters * denominator)
    }

    /// Bounds [lower, upper] (1/m) of the geodesic curvature of a geodesic circle of radius ρ, i.e. of the
    /// Hessian of the distance function across its gradient. Riccati comparison on a surface whose Gaussian
    /// curvature lies in [1/A², 1/b²] (A = a²/b): cot(ρ/b)/b ≤ κ ≤ cot(ρ/A)/A (≤ 1/ρ). Valid for
    /// 0 < ρ < π b; outside that, nil (callers fall back to the Lipschitz bound).
    func circleCurvatureBounds(radiusMeters rho: Double) -> (lower: Double, upper: Double)? {
        guard rho > 0, rho < conjugateSafeMeters else { return nil }
        let big = largestRadiusMeters
        let upper = min(1 / rho, 1 / (tan(rho / big) * big))
        let lower = 1 / (tan(rho / b) * b)
        return (lower, upper)
    }

    /// Bounds of the circle curvature over every radius in [lo, hi]: the bounds are decreasing in ρ.
    func circleCurvatureBounds(radiusRange lo: Double, _ hi: Double) -> (lower: Double, upper: Double)? {
        guard let atLow = circleCurvatureBounds(radiusMeters: lo), let atHigh = circleCurvatureBounds(radiusMeters: hi) else { return nil }
        return (atHigh.lower, atLow.upper)
    }
}
