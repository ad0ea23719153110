import Foundation
import Geodesy
import Geometry

/// Certifies a range fan (issue 16) without the fan builder's code: only the geodesic solver and the
/// certifier's own reading of the output (`CertifiedOutput`).
///
/// *Boundary*: every range-bound edge (not the ±180° cuts) is sampled at most every `t/2` metres (`t/4` when
/// thorough; four times as often for the `outer` and `inner` placements); at each sample the true distance s and initial azimuth α from the launch point are solved
/// (`geod_inverse`), and its distance to the true fan boundary is taken as the least of: |s − R| (far arc) and
/// |s − r| (near arc) for α in the sector, combined with the offset outside it; the offset from each side radial,
/// s·sin|α − side| (on a sphere this exceeds the true offset; on the ellipsoid the difference is far below a
/// millimetre per kilometre at fan ranges), combined with how far s lies outside [r, R]. The bound is the largest
/// of these plus half the sample spacing (each term moves by at most the distance moved).
/// *Membership*: seeded random points over the fan's neighbourhood and the globe are classified by their true
/// distance and azimuth; one more than `t` inside the true fan but outside the output, or the reverse, fails.
public struct FanCertifier: Sendable {
    public let geodesic: Geodesic
    public let thoroughness: EnvelopeCertifier.Thoroughness
    public let seed: UInt64

    public init(geodesic: Geodesic = .wgs84, thoroughness: EnvelopeCertifier.Thoroughness = .standard, seed: UInt64 = 0x5EED_F016) {
        self.geodesic = geodesic
        self.thoroughness = thoroughness
        self.seed = seed
    }

    public func verify(_ fan: RangeEnvelope, center: LonLat, sector: RangeSector) -> EnvelopeVerification {
        verify(fan.geometry, parameters: fan.parameters, center: center, sector: sector)
    }

    /// Certifies any MultiPolygon as the fan of `center`, `parameters` and `sector` (tests feed it wrong ones).
    public func verify(_ geometry: MultiPolygon, parameters: RangeParameters, center: LonLat, sector: RangeSector) -> EnvelopeVerification {
        let t = parameters.toleranceMeters
        let thorough = thoroughness == .thorough
        let output = CertifiedOutput(geometry)

        // Boundary.
        var worst = 0.0, worstPoint: LonLat?, samples = 0
        // Samples every t/2 (t/4 thorough) for a centred boundary; every t/8 (t/16) when the placement puts the
        // arcs half a tolerance off the range, so the bound between samples still fits in the band.
        let stepMeters = t / (thorough ? 4 : 2) / (parameters.placement == .center ? 1 : 4)
        for ring in output.rings {
            for i in 0..<(ring.count - 1) {
                let a = ring[i], b = ring[i + 1]
                if CertifiedOutput.isCutOrClosure(a, b) { continue }
                let length = geodesic.distanceMeters(LonLat(longitude: a.x, latitude: a.y), LonLat(longitude: b.x, latitude: b.y))
                let n = max(1, Int((length / stepMeters).rounded(.up)))
                for k in 0...n {
                    let f = Double(k) / Double(n)
                    let p = LonLat(longitude: a.x + f * (b.x - a.x), latitude: a.y + f * (b.y - a.y))
                    let d = boundaryDistance(p, center: center, parameters: parameters, sector: sector)
                    samples += 1
                    if d > worst { worst = d; worstPoint = p }
                }
            }
        }
        let achieved = worst + stepMeters / 2

        // Membership.
        var rng = SeededGenerator(seed: seed)
        let neighbourhood = thorough ? 20_000 : 2_000, globe = thorough ? 2_000 : 200
        var tested = 0, failures = 0
        var firstFailure: String?
        let margin = min(60, (360 - sector.widthDegrees) / 2)
        for i in 0..<(neighbourhood + globe) {
            let p: LonLat
            if i < neighbourhood {
                let azimuth = sector.startDegrees - margin + Double.random(in: 0...(sector.widthDegrees + 2 * margin), using: &rng)
                let s = Double.random(in: 0...(1.3 * parameters.rangeMeters), using: &rng)
                p = geodesic.direct(from: center, azimuthDegrees: azimuth, distanceMeters: s).position
            } else {
                let z = Double.random(in: -1...1, using: &rng)
                p = LonLat(longitude: Double.random(in: -180..<180, using: &rng), latitude: asin(z) * 180 / .pi)
            }
            guard abs(p.latitude) < 89.999_999, abs(p.longitude) < 179.999_999 else { continue }
            guard boundaryDistance(p, center: center, parameters: parameters, sector: sector) > t else { continue }
            let r = geodesic.inverse(center, p)
            let inFan = r.distanceMeters <= parameters.rangeMeters && r.distanceMeters >= (parameters.minRangeMeters ?? 0)
                && sector.contains(r.azimuth1Degrees)
            tested += 1
            if inFan != output.contains(p) {
                failures += 1
                if firstFailure == nil {
                    firstFailure = "\(p.latitude),\(p.longitude) at \(String(format: "%.1f", r.distanceMeters)) m, azimuth \(String(format: "%.4f", r.azimuth1Degrees))° is \(inFan ? "in the fan but outside the output" : "outside the fan but inside the output")"
                }
            }
        }
        let boundaryOK = achieved <= t && samples > 0
        return EnvelopeVerification(achievedErrorMeters: achieved, wrongSideCount: 0, sampleCount: samples, worstPoint: worstPoint,
                                    membershipSampleCount: tested, membershipFailures: failures, firstMembershipFailure: firstFailure,
                                    areaCheck: nil, passed: boundaryOK && failures == 0, boundaryPassed: boundaryOK)
    }

    /// Distance (metres) from `p` to the true fan boundary, as described on the type.
    func boundaryDistance(_ p: LonLat, center: LonLat, parameters: RangeParameters, sector: RangeSector) -> Double {
        let r = geodesic.inverse(center, p)
        return Self.boundaryDistance(distanceMeters: r.distanceMeters, azimuthDegrees: r.azimuth1Degrees, parameters: parameters, sector: sector)
    }

    /// The same from the point's distance `s` (metres) and initial azimuth (degrees) seen from the launch point;
    /// `LineFanCertifier` takes it per launch point.
    static func boundaryDistance(distanceMeters s: Double, azimuthDegrees: Double, parameters: RangeParameters, sector: RangeSector) -> Double {
        let offset = sector.offsetDegrees(azimuthDegrees)
        let outsideDegrees = offset <= sector.widthDegrees ? 0 : min(offset - sector.widthDegrees, 360 - offset)
        func lateral(_ degrees: Double) -> Double { degrees >= 90 ? s : s * sin(degrees * .pi / 180) }
        let outside = lateral(outsideDegrees)
        let near = parameters.minRangeMeters ?? 0
        var best = (s - parameters.rangeMeters).magnitude.hypot(outside)
        if near > 0 { best = min(best, (s - near).magnitude.hypot(outside)) }
        let along = s < near ? near - s : (s > parameters.rangeMeters ? s - parameters.rangeMeters : 0)
        for side in [0.0, sector.widthDegrees] {
            var angle = abs(offset - side).truncatingRemainder(dividingBy: 360)
            if angle > 180 { angle = 360 - angle }
            best = min(best, lateral(angle).hypot(along))
        }
        return best
    }
}

private extension Double {
    func hypot(_ other: Double) -> Double { (self * self + other * other).squareRoot() }
}
