import Testing
@testable import Geodesy

/// Several tasks at once, each with its own `Transformation` (own PROJ context), hammering PROJ and the
/// geodesic routines; every result must equal the single-threaded one bit for bit. Scripts/test runs this
/// suite under the thread sanitizer (`--filter ConcurrencyTests`), which must report nothing.
struct ConcurrencyTests {
    static let taskCount = 8
    static let pointsPerTask = 2000

    struct Output: Equatable, Sendable {
        var xs: [Double], ys: [Double], back: [Double], inverse: [InverseSolution], direct: [DirectSolution], areas: [Double]
    }

    static func points(_ seed: Int) -> [LonLat] {
        (0..<pointsPerTask).map { i in
            let k = Double(i * 7 + seed * 13)
            // Even seeds go to Web Mercator (whole world), odd ones to UTM 36N (keep within its zone's reach).
            let lonSpan = seed.isMultiple(of: 2) ? 340.0 : 16, lonMin = seed.isMultiple(of: 2) ? -170.0 : 25
            return LonLat(longitude: (k * 37.77).truncatingRemainder(dividingBy: lonSpan) + lonMin,
                          latitude: (k * 11.31).truncatingRemainder(dividingBy: 160) - 80)
        }
    }

    /// The work one task does: PROJ forward/inverse through its own Transformation, geodesic calls on the shared value.
    static func work(_ seed: Int) throws -> Output {
        let t = try Transformation(from: "EPSG:4326", to: seed.isMultiple(of: 2) ? "EPSG:3857" : "EPSG:32636")
        let ps = points(seed)
        var xs = ps.map(\.longitude), ys = ps.map(\.latitude)
        try t.transform(x: &xs, y: &ys)
        var bx = xs, by = ys
        try t.transform(x: &bx, y: &by, direction: .inverse)
        let g = Geodesic.wgs84
        let inverse = zip(ps, ps.dropFirst()).map { g.inverse($0, $1) }
        let direct = ps.map { g.direct(from: $0, azimuthDegrees: Double(seed) * 17, distanceMeters: 1e6, unrollLongitude: true) }
        let areas = stride(from: 0, to: ps.count - 3, by: 3).map { g.ringMeasure(Array(ps[$0..<$0 + 3])).signedAreaSquareMeters }
        return Output(xs: xs, ys: ys, back: bx + by, inverse: inverse, direct: direct, areas: areas)
    }

    @Test func concurrentTasksMatchSingleThreadedResults() async throws {
        let expected = try (0..<Self.taskCount).map { try Self.work($0) }
        for _ in 0..<3 {
            let results = try await withThrowingTaskGroup(of: (Int, Output).self) { group in
                for seed in 0..<Self.taskCount { group.addTask { (seed, try Self.work(seed)) } }
                var out: [Int: Output] = [:]
                for try await (seed, o) in group { out[seed] = o }
                return out
            }
            for seed in 0..<Self.taskCount { #expect(results[seed] == expected[seed], "task \(seed) differs") }
        }
    }

    @Test func concurrentFailuresKeepTheirOwnMessages() async throws {
        // Each failing creation must report its own CRS, not a neighbour's log line.
        let codes = (0..<Self.taskCount).map { "EPSG:99999\($0)" }
        let messages = await withTaskGroup(of: (String, String).self) { group in
            for code in codes {
                group.addTask {
                    do { _ = try Transformation(from: "EPSG:4326", to: code); return (code, "") }
                    catch { return (code, (error as? GeodesyError)?.message ?? "\(error)") }
                }
            }
            var out: [String: String] = [:]
            for await (code, message) in group { out[code] = message }
            return out
        }
        for code in codes {
            let m = messages[code] ?? ""
            #expect(m.contains(code) && m.contains("crs not found"), "\(code): \(m)")
            #expect(!codes.filter { $0 != code }.contains { m.contains($0) }, "\(code) got another task's text: \(m)")
        }
    }
}
