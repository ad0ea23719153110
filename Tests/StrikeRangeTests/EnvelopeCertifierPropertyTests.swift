import Foundation
import Geodesy
import Geometry
import Testing
@testable import StrikeRange

/// Seeded property test: random point, line and polygon launches worldwide at ranges from 1 km to
/// 5,000 km (90 launches: about a minute and a half in a debug build), each built and certified, those
/// whose envelope holds a pole included (station discs). Known construction defects are recorded with
/// `withKnownIssue` so they show up, and disappear, when the builder is fixed.
@Suite struct EnvelopeCertifierPropertyTests {

    enum Kind: CaseIterable { case point, line, polygon }

    static func launch(_ kind: Kind, rng: inout SeededGenerator) -> Geometry {
        let lat = asin(Double.random(in: -0.99...0.99, using: &rng)) * 180 / .pi   // up to about ±82°
        let lon = Double.random(in: -180...180, using: &rng)
        let extent = pow(10, Double.random(in: -2...0.5, using: &rng))               // 0.01° to 3°
        func vertex(_ angle: Double, _ scale: Double) -> Coordinate {
            var x = lon + scale * extent * cos(angle) / max(0.2, cos(lat * .pi / 180))
            if x > 180 { x -= 360 } else if x < -180 { x += 360 }
            return Coordinate(x: x, y: (lat + scale * extent * sin(angle)).clamped(-89, 89))
        }
        switch kind {
        case .point:
            return .point(Point(x: lon, y: lat))
        case .line:
            let n = Int.random(in: 2...4, using: &rng)
            return .lineString(LineString((0..<n).map { _ in vertex(Double.random(in: 0..<(2 * .pi), using: &rng), Double.random(in: 0.2...1, using: &rng)) }))
        case .polygon:
            // A convex polygon: vertices at increasing angles around the centre (counter-clockwise).
            let n = Int.random(in: 3...6, using: &rng)
            var angles = (0..<n).map { _ in Double.random(in: 0..<(2 * .pi), using: &rng) }.sorted()
            angles.append(angles[0])
            return .polygon(Polygon(exterior: angles.map { vertex($0, 1) }))
        }
    }

    /// Cases whose envelope is wrong today, found by this test and confirmed by pyproj; open in issue 9.
    static let knownConstructionDefects: Set<Int> = [41]

    @Test func randomLaunchesWorldwideAreCertified() throws {
        var rng = SeededGenerator(seed: 20_261_201)
        let builder = EnvelopeBuilder(), certifier = EnvelopeCertifier()
        var certified = 0, refused = 0
        for i in 0..<90 {
            let kind = Kind.allCases[i % 3]
            let launch = Self.launch(kind, rng: &rng)
            let range = pow(10, Double.random(in: 3...log10(5_000_000), using: &rng))
            let minimum: Double? = Double.random(in: 0..<1, using: &rng) < 0.2 ? range * Double.random(in: 0.05...0.5, using: &rng) : nil
            let placement = Placement.allCases[Int.random(in: 0..<3, using: &rng)]
            let p = try RangeParameters(rangeMeters: range, minRangeMeters: minimum, placement: placement)
            let envelope: RangeEnvelope
            do { envelope = try builder.build(launch: launch, parameters: p) } catch let e as StrikeRangeError {
                // Today the builder refuses line/area envelopes that would contain a pole (issue 9 item 3).
                #expect(e.message.contains("pole") || e.message.contains("beyond"), "case \(i): \(e.message)")
                refused += 1
                continue
            }
            let v = try certifier.verify(envelope, launch: launch)
            let summary = "case \(i) \(kind) range \(range) m min \(minimum ?? 0) \(placement) launch \(launch): \(v.failureSummary ?? "")"
            if Self.knownConstructionDefects.contains(i) {
                withKnownIssue("issue 9: station-disc envelope holding the south pole, 13.5 m inside at one spot (pyproj agrees)") {
                    #expect(v.passed, "\(summary)")
                }
            } else {
                #expect(v.passed, "\(summary)")
            }
            certified += 1
        }
        #expect(certified > 60, "only \(certified) certified, \(refused) refused")
    }

    /// Issue 9: a point launch exactly at the north pole gives the complement today (the south pole is right).
    @Test func pointAtTheNorthPole() throws {
        let launch = Geometry.point(Point(x: 45, y: 90))
        let p = try RangeParameters(rangeMeters: 1_000_000)
        let envelope = try EnvelopeBuilder().build(launch: launch, parameters: p)
        let v = try EnvelopeCertifier().verify(envelope, launch: launch)
        #expect(v.passed, "\(v.failureSummary ?? "")")
    }
}

private extension Double {
    func clamped(_ lo: Double, _ hi: Double) -> Double { Swift.min(Swift.max(self, lo), hi) }
}

extension EnvelopeCertifierPropertyTests {
    @Test func pointAtTheSouthPoleIsCertified() throws {
        let launch = Geometry.point(Point(x: 45, y: -90))
        let p = try RangeParameters(rangeMeters: 1_000_000)
        let v = try EnvelopeCertifier().verify(try EnvelopeBuilder().build(launch: launch, parameters: p), launch: launch)
        #expect(v.passed, "\(v.failureSummary ?? "")")
    }
}
