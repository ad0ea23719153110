import Testing
import TestSupport
import Geometry

/// Each task owns its own `GeometryEngine` (one GEOS context per task); results must equal a
/// single-threaded run. Run under `--sanitize=thread` to check that no state is shared.
@Suite struct ConcurrencyTests {
    struct Outcome: Sendable, Equatable {
        var wkts: [String] = []
        var contains: [Bool] = []
        var validityReasons: [String?] = []
    }

    /// A fixed workload that exercises conversion, overlay, prepared batch predicates, WKT in/out and
    /// the error path (whose message must stay in its own context).
    static func workload(seed: Int) throws -> Outcome {
        let engine = GeometryEngine()
        var out = Outcome()
        var rng = SplitMix64(seed: UInt64(seed))
        let xs = (0..<2000).map { _ in Double.random(in: -2...14, using: &rng) }
        let ys = (0..<2000).map { _ in Double.random(in: -2...14, using: &rng) }
        for i in 0..<40 {
            let s = square(x: Double(i % 7), y: Double(i % 5), side: 3)
            let u = try engine.union(notchedPolygonWithHole, s)
            let n = try engine.intersection(notchedPolygonWithHole, s)
            out.wkts.append(try engine.wkt(u, precision: 9))
            out.wkts.append(try engine.wkt(n, precision: 9))
            let parsed = try engine.geometry(wkt: out.wkts.last!)
            let prepared = try engine.prepare(parsed.isEmpty ? u : parsed)
            out.contains.append(contentsOf: try prepared.containsPoints(x: xs, y: ys))
            do {
                _ = try engine.geometry(wkt: "POLYGON ((\(i) 0, 1")
                out.wkts.append("no error")
            } catch {
                out.wkts.append(error.message)
            }
            out.validityReasons.append(try engine.validity(
                .polygon(Polygon(exterior: [c(0, 0), c(2, 2), c(2, 0), c(0, 2), c(0, 0)]))).reason)
        }
        return out
    }

    @Test func independentEnginesAgreeWithSingleThreadedRun() async throws {
        let taskCount = 8
        var expected: [Outcome] = []
        for t in 0..<taskCount { expected.append(try Self.workload(seed: t)) }
        let concurrent = try await withThrowingTaskGroup(of: (Int, Outcome).self) { group in
            for t in 0..<taskCount {
                group.addTask { (t, try Self.workload(seed: t)) }
            }
            var results = [Outcome?](repeating: nil, count: taskCount)
            for try await (t, outcome) in group { results[t] = outcome }
            return results
        }
        for t in 0..<taskCount {
            #expect(concurrent[t] == expected[t], "task \(t)")
        }
        // Each error message is GEOS's own and about its own call.
        #expect(expected[0].wkts.contains { $0.contains("ParseException") })
    }
}
