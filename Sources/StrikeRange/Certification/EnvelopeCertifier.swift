import Foundation
import Geodesy
import Geometry

/// How the envelope's geodesic area compared with the certifier's own Monte Carlo estimate.
public struct AreaCheck: Sendable, Equatable {
    /// Geodesic area of the output (edges straight in lon/lat), square metres.
    public var outputSquareMeters: Double
    /// Independent estimate from random points classified by their true distance, square metres.
    public var estimateSquareMeters: Double
    /// Perimeter × tolerance (× 1.5) plus the estimate's own stated error (4σ and the undecided points).
    public var allowedDifferenceSquareMeters: Double
    public var passed: Bool
}

/// What the certifier found. `achievedErrorMeters` is an upper bound of |distance − bound| over every point
/// of every range-bound edge, not a sampled maximum.
public struct EnvelopeVerification: Sendable, Equatable {
    /// Bound on |distance − range| (or − minimum range) over every point of every range-bound edge, metres:
    /// the figure reported as `achieved_error_m`.
    public var achievedErrorMeters: Double
    /// Edge pieces on the side of the bound that the placement forbids (e.g. inside R for `outer`).
    public var wrongSideCount: Int
    /// Boundary samples (distance evaluations on edges).
    public var sampleCount: Int
    /// Where the largest boundary deviation was found.
    public var worstPoint: LonLat?
    /// Points classified by true distance against the envelope.
    public var membershipSampleCount: Int
    /// Points in range by more than the tolerance but outside, or out of range by more than it but inside.
    public var membershipFailures: Int
    /// The first such point and what was wrong with it.
    public var firstMembershipFailure: String?
    public var areaCheck: AreaCheck?
    /// Boundary within its band everywhere, no membership failure, area consistent.
    public var passed: Bool

    /// Every range-bound edge within its band (bound ≤ tolerance, nothing on the wrong side).
    public var boundaryPassed: Bool

    /// One line saying what failed, for error messages; nil when passed.
    public var failureSummary: String? {
        guard !passed else { return nil }
        var parts = [String]()
        if !boundaryPassed {
            parts.append("boundary error bound \(String(format: "%.3f", achievedErrorMeters)) m" + (worstPoint.map { " near \($0.latitude),\($0.longitude)" } ?? "") + ", \(wrongSideCount) edge pieces on the wrong side")
        }
        if membershipFailures > 0 { parts.append("\(membershipFailures) of \(membershipSampleCount) points misclassified (first: \(firstMembershipFailure ?? "?"))") }
        if let a = areaCheck, !a.passed {
            parts.append("area \(String(format: "%.1f", a.outputSquareMeters / 1e6)) km² but the independent estimate is \(String(format: "%.1f", a.estimateSquareMeters / 1e6)) ± \(String(format: "%.1f", a.allowedDifferenceSquareMeters / 1e6)) km²")
        }
        return parts.joined(separator: "; ")
    }
}

/// Certifies a range envelope as a region, independently of its construction: every range-bound edge
/// within the placement's band with a bound that holds between samples (`BoundaryCertificate`), points
/// classified by their true distance (`MembershipCertificate`), and the area against a Monte Carlo estimate.
/// It shares only the geodesic solver (`Geodesic`, `GeodesicLine`) and plain value types with the builder.
public struct EnvelopeCertifier: Sendable {
    /// How hard to look. `.standard` is the default of every command; `.thorough` is `--verify`.
    public enum Thoroughness: Sendable {
        case standard, thorough
    }
    public let geodesic: Geodesic
    public let thoroughness: Thoroughness
    public let seed: UInt64

    public init(geodesic: Geodesic = .wgs84, thoroughness: Thoroughness = .standard, seed: UInt64 = 0x5EED_2026) {
        self.geodesic = geodesic
        self.thoroughness = thoroughness
        self.seed = seed
    }

    /// - Throws: `StrikeRangeError` when the launch geometry has no coordinates.
    public func verify(_ envelope: RangeEnvelope, launch: Geometry) throws(StrikeRangeError) -> EnvelopeVerification {
        try verify(envelope.geometry, parameters: envelope.parameters, launch: launch)
    }

    /// Certifies any MultiPolygon as the envelope of `launch` with `parameters` (tests feed it wrong ones).
    public func verify(_ geometry: MultiPolygon, parameters: RangeParameters, launch: Geometry) throws(StrikeRangeError) -> EnvelopeVerification {
        let bounds = EllipsoidBounds(geodesic.ellipsoid)
        let t = parameters.toleranceMeters
        let chordOffset = min(0.05, max(0.000_1, 0.005 * t))
        let model = CertifiedLaunch(launch, geodesic: geodesic, bounds: bounds, chordOffsetMeters: chordOffset)
        guard !model.isEmpty else {
            throw StrikeRangeError("launch area: the launch geometry has no coordinates to certify an envelope against")
        }
        let distance = LaunchDistance(launch: model, geodesic: geodesic, bounds: bounds,
                                      resolutionMeters: min(0.1, max(0.000_1, 0.01 * t)))
        let output = CertifiedOutput(geometry)
        let thorough = thoroughness == .thorough
        let boundary = BoundaryCertificate(distance: distance, geodesic: geodesic, bounds: bounds, parameters: parameters,
                                           tightnessMeters: (thorough ? 0.02 : 0.1) * t,
                                           shortestPieceMeters: max(0.001, 0.01 * t)).certify(output.rings)
        let membership = MembershipCertificate(distance: distance, output: output, parameters: parameters, geodesic: geodesic,
                                               bounds: bounds, neighbourhoodSamples: thorough ? 20_000 : 2_000,
                                               globeSamples: thorough ? 2_000 : 200, vertexLimit: thorough ? 5_000 : 400,
                                               seed: seed).certify()
        let boundaryOK = boundary.failedPieces == 0 && boundary.achievedErrorMeters <= t
        let passed = boundaryOK && membership.failures == 0 && (membership.area?.passed ?? true)
        return EnvelopeVerification(achievedErrorMeters: boundary.achievedErrorMeters, wrongSideCount: boundary.wrongSideCount,
                                    sampleCount: boundary.sampleCount, worstPoint: boundary.worstPoint,
                                    membershipSampleCount: membership.sampleCount, membershipFailures: membership.failures,
                                    firstMembershipFailure: membership.firstFailure == nil ? nil : membership.firstFailureNote,
                                    areaCheck: membership.area, passed: passed, boundaryPassed: boundaryOK)
    }
}
