import Foundation
import Geodesy
import Geometry
import Testing
@testable import StrikeRange

/// Issue 9: certifying an envelope whose range is at or below the tolerance (`--range 1m`) cost about
/// 1,025 geodesic solves per output vertex: the bound between samples came from the curvature of circles
/// around one launch point, about 1/d, so edges were halved down to about a metre. The distance to the
/// launch chord the feet lie on curves by about d/b² instead. Call counts, not time.
struct CertifierShortRangeCostTests {
    /// A 40-vertex star-shaped polygon about 30 km across near Chernihiv, at 1 m with the default 10 m tolerance.
    static func launch() -> Geometry {
        var rng = SeededGenerator(seed: 74)
        return .polygon(Polygon(exterior: RandomLaunch.starRing(lon: 31.3, lat: 51.5, radius: 0.15, count: 40, using: &rng)))
    }

    @Test func oneMetreRangeCertifiesWithFewSolvesPerEdge() throws {
        let launch = Self.launch()
        let p = try RangeParameters(rangeMeters: 1)
        let envelope = try EnvelopeBuilder().build(launch: launch, parameters: p)
        let edges = envelope.geometry.polygons.reduce(0) { n, polygon in
            n + ([polygon.exterior] + polygon.holes).reduce(0) { $0 + max(0, $1.count - 1) }
        }
        let counter = GeodesicCallCounter()
        let v = try EnvelopeCertifier(geodesic: Geodesic.wgs84.counting(into: counter)).verify(envelope, launch: launch)
        print("CertifierShortRangeCostTests: \(edges) output edges, \(v.sampleCount) boundary samples, "
              + "\(Int(counter.counts.inverseEquivalents)) solves (inverse equivalents), achieved \(v.achievedErrorMeters) m")
        #expect(v.passed, "\(v.failureSummary ?? "")")
        #expect(v.achievedErrorMeters <= p.toleranceMeters)
        // Before the chord bound (this machine, debug): 87,214 samples and 1,873,479 solves for 854 edges,
        // 18.8 s; with it 1,934 samples and 41,818 solves, 0.6 s.
        #expect(v.sampleCount <= 4 * edges, "\(v.sampleCount) boundary samples for \(edges) edges")
        #expect(counter.counts.inverseEquivalents <= 60 * Double(edges) + 40_000,
                "\(counter.counts.inverseEquivalents) solves for \(edges) edges")
    }
}
