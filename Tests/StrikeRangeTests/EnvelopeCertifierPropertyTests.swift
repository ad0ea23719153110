import Foundation
import Geodesy
import Geometry
import Testing
@testable import StrikeRange

/// Seeded property test (issue 9): thousands of random launches worldwide, each built by `EnvelopeBuilder`
/// and certified by `EnvelopeCertifier` (boundary bound between samples, membership, area): points, lines,
/// closed loops, polygons with holes, multi-part areas, launches cut at ±180°, at and near the poles, ranges
/// from 1 m to 20,000 km, one in five with a minimum range (`RandomLaunch`).
///
/// Budget: at most about two minutes in a DEBUG build on CI's two cores. The count is
/// `STRIKERANGE_PROPERTY_LAUNCHES` (default `defaultLaunchCount`); launch i's category is one of each for the
/// first eight, then drawn by `share`: many cheap launches, few expensive ones. Measured cost per launch
/// (build + certify, debug build, 160 launches on this machine with two other builds running): point 0.16 s,
/// line 0.85 s, multi-part 1.4 s, ±180° 2.8 s, polar 3.3 s, long-range area 3.4 s, loop 4.7 s, polygon with
/// holes 7.1 s (the last two before their extents were cut to ≤ 0.5°); short ranges (tens of metres) along
/// long lines with `outer`/`inner` placement are the slowest single cases (5–15 s: the lower side of the
/// band has only the 1/d curvature bound). The default 240 ran in 61 s here (point 163 × 0.11 s, line 22 × 0.62 s,
/// polar 13 × 0.52 s, polygon with holes 8 × 1.1 s, ±180° 7 × 0.10 s, loop 7 × 0.33 s, multi-part 6 × 0.77 s,
/// long-range area 5 × 1.2 s). The test prints how many of each category ran, their mean cost,
/// every launch slower than 5 s, and every failure. `STRIKERANGE_PROPERTY_LAUNCHES=2000` runs thousands.
@Suite struct EnvelopeCertifierPropertyTests {

    /// Launches per run unless `STRIKERANGE_PROPERTY_LAUNCHES` says otherwise.
    static let defaultLaunchCount = 240

    /// Share of the launches per category after the first eight (sums to 1), weighted by cost (above).
    static let share: [RandomLaunch.Category: Double] = [
        .point: 0.715, .polar: 0.05, .line: 0.07, .loop: 0.03, .holedPolygon: 0.03,
        .multiPart: 0.04, .antimeridian: 0.05, .longRangeArea: 0.015,
    ]

    /// Cases whose envelope is wrong today, found by this test and confirmed by pyproj, with the reason.
    static let knownConstructionDefects: [Int: String] = [:]

    static var launchCount: Int {
        if let text = ProcessInfo.processInfo.environment["STRIKERANGE_PROPERTY_LAUNCHES"], let n = Int(text), n > 0 { return n }
        return defaultLaunchCount
    }

    /// The category of launch `i`: one of each first, then drawn by `share`. It does not depend on the count,
    /// so case numbers (and `knownConstructionDefects`) stay the same whatever `STRIKERANGE_PROPERTY_LAUNCHES` is.
    static func category(_ i: Int, using rng: inout SeededGenerator) -> RandomLaunch.Category {
        let categories = RandomLaunch.Category.allCases
        if i < categories.count { return categories[i] }
        var x = Double.random(in: 0..<1, using: &rng)
        for c in categories {
            x -= share[c, default: 0]
            if x < 0 { return c }
        }
        return .point
    }

    @Test func randomLaunchesWorldwideAreCertified() throws {
        let count = Self.launchCount
        var rng = SeededGenerator(seed: 20_261_202)
        let builder = EnvelopeBuilder(), certifier = EnvelopeCertifier()
        var ran = [RandomLaunch.Category: Int](), seconds = [RandomLaunch.Category: Double]()
        var failures = 0, refusedParameters = 0
        let clock = ContinuousClock()
        for i in 0..<count {
            let category = Self.category(i, using: &rng)
            let launch = RandomLaunch.make(category, using: &rng)
            let placement = Placement.allCases[Int.random(in: 0..<3, using: &rng)]
            let started = clock.now
            let summary = "case \(i) \(category) range \(launch.rangeMeters) m min \(launch.minRangeMeters ?? 0) m \(placement) launch \(launch.geometry)"
            let p: RangeParameters
            do {
                p = try RangeParameters(rangeMeters: launch.rangeMeters, minRangeMeters: launch.minRangeMeters, placement: placement)
            } catch {
                // Inner/outer with a range (or range gap) within the tolerance is refused by RangeParameters
                // (the builder trapped on a negative target radius before); nothing else may be refused.
                #expect(placement != .center && error.message.contains("tolerance"), "\(summary): \(error.message)")
                refusedParameters += 1
                continue
            }
            let envelope: RangeEnvelope
            do { envelope = try builder.build(launch: launch.geometry, parameters: p) } catch {
                print("EnvelopeCertifierPropertyTests: refused \(summary)")
                Issue.record("\(summary): refused: \(error)")
                failures += 1
                continue
            }
            let v = try certifier.verify(envelope, launch: launch.geometry)
            if let reason = Self.knownConstructionDefects[i] {
                withKnownIssue("issue 9, case \(i): \(reason)") { #expect(v.passed, "\(summary): \(v.failureSummary ?? "")") }
            } else {
                #expect(v.passed, "\(summary): \(v.failureSummary ?? "")")
                if !v.passed { failures += 1; print("EnvelopeCertifierPropertyTests: failed \(summary): \(v.failureSummary ?? "")") }
            }
            let elapsed = clock.now - started
            let launchSeconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
            ran[category, default: 0] += 1
            seconds[category, default: 0] += launchSeconds
            // The slow ones by name, so the budget can be kept.
            if launchSeconds > 5 { print("EnvelopeCertifierPropertyTests: slow (\(String(format: "%.1f", launchSeconds)) s) \(summary)") }
        }
        let lines = RandomLaunch.Category.allCases.map { c in
            "\(c.rawValue) \(ran[c, default: 0]) (\(String(format: "%.0f", 1000 * seconds[c, default: 0] / Double(max(1, ran[c, default: 0])))) ms each)"
        }
        print("EnvelopeCertifierPropertyTests: \(count) launches, \(refusedParameters) refused as within the tolerance for their placement, \(failures) failed: " + lines.joined(separator: ", "))
        #expect(RandomLaunch.Category.allCases.allSatisfy { ran[$0, default: 0] > 0 }, "every category ran: \(ran)")
    }

    /// The generator of the first version of this test (90 launches, 1 km to 5,000 km), kept for case 41.
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


    enum Kind: CaseIterable { case point, line, polygon }

    /// Case 41 of the first version: a station-disc envelope holding the south pole was 13.5 m inside the
    /// true range at one spot (pyproj agreed). Rebuilt from the same seed and draws.
    @Test func case41OfTheFirstSample() throws {
        var rng = SeededGenerator(seed: 20_261_201)
        for i in 0...41 {
            let kind = Kind.allCases[i % 3]
            let launch = Self.launch(kind, rng: &rng)
            let range = pow(10, Double.random(in: 3...log10(5_000_000), using: &rng))
            let minimum: Double? = Double.random(in: 0..<1, using: &rng) < 0.2 ? range * Double.random(in: 0.05...0.5, using: &rng) : nil
            let placement = Placement.allCases[Int.random(in: 0..<3, using: &rng)]
            guard i == 41 else { continue }
            let p = try RangeParameters(rangeMeters: range, minRangeMeters: minimum, placement: placement)
            let envelope = try EnvelopeBuilder().build(launch: launch, parameters: p)
            let v = try EnvelopeCertifier().verify(envelope, launch: launch)
            withKnownIssue("issue 9: station-disc envelope holding the south pole, 13.5 m inside at one spot (pyproj agrees)") {
                #expect(v.passed, "case 41 \(kind) range \(range) m min \(minimum ?? 0) \(placement) launch \(launch): \(v.failureSummary ?? "")")
            }
        }
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

extension EnvelopeCertifierPropertyTests {
    /// Found by an earlier draw of the property test: a point envelope at 9,386 km from central China is up
    /// to 43.6 m inside and 31.7 m outside the range near 4.5° N 20.0° E (pyproj, dense samples along the
    /// output's edges); 9,300 and 9,500 km from the same point, and 9,386 km from other latitudes, are right.
    @Test func pointAt9386KilometresFromCentralChina() throws {
        let launch = Geometry.point(Point(x: 106.28634644689953, y: 35.12714216296497))
        let p = try RangeParameters(rangeMeters: 9_386_138.198543483)
        let v = try EnvelopeCertifier().verify(try EnvelopeBuilder().build(launch: launch, parameters: p), launch: launch)
        withKnownIssue("issue 9: GeodesicCircle at 9,386 km, about 40 m off near 4.5° N 20.0° E (pyproj agrees)") {
            #expect(v.passed, "\(v.failureSummary ?? "")")
        }
    }
}
