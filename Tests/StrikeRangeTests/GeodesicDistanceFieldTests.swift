import Foundation
import Geodesy
import Geometry
import Testing
import TestSupport
@testable import StrikeRange

/// `GeodesicDistanceField.nearestOnBoundary` (issue 15): the branch-and-bound answers as a naive search
/// does, and its cost in geodesic solves per query does not grow with the distance.
@Suite struct GeodesicDistanceFieldTests {
    /// A random star-shaped polygon of `vertices` vertices within `spanDegrees` of `center` (lon/lat edges).
    static func randomPolygon(center: LonLat, spanDegrees: Double, vertices: Int, _ rng: inout SplitMix64) -> Polygon {
        var ring = [Coordinate]()
        for k in 0..<vertices {
            let angle = 2 * Double.pi * (Double(k) + 0.8 * rng.nextUnit()) / Double(vertices)
            let r = spanDegrees * (0.3 + 0.7 * rng.nextUnit())
            let lat = max(-89, min(89, center.latitude + r * sin(angle)))
            ring.append(Coordinate(x: center.longitude + r * cos(angle) / max(0.2, cos(lat * .pi / 180)), y: lat))
        }
        ring.append(ring[0])
        return Polygon(exterior: ring)
    }

    /// The naive oracle: the exact distance to every piece's ends (`geod_inverse`), then, on every piece
    /// that could hold a nearer point (its nearer end, less half its length, below the best end), a golden-
    /// section search of the exact distance along the piece (convex there: distances under a quarter
    /// meridian), 80 steps of `GeodesicLine.position` + `geod_inverse`, to well under a millimetre.
    static func naiveDistance(_ q: LonLat, pieces: [(LonLat, LonLat)], _ g: Geodesic) -> Double {
        let ends = pieces.map { (g.distanceMeters($0.0, q), g.distanceMeters($0.1, q)) }
        let bestEnd = ends.map { min($0.0, $0.1) }.min() ?? .infinity
        var best = bestEnd
        for (k, piece) in pieces.enumerated() where piece.0 != piece.1 {
            let line = g.line(from: piece.0, to: piece.1)
            let length = line.distanceMeters
            guard min(ends[k].0, ends[k].1) - length / 2 <= bestEnd else { continue }
            func f(_ s: Double) -> Double { g.distanceMeters(line.position(distanceMeters: s, unrollLongitude: false).position, q) }
            var lo = 0.0, hi = length
            let phi = (5.0.squareRoot() - 1) / 2
            var x1 = hi - phi * (hi - lo), x2 = lo + phi * (hi - lo)
            var f1 = f(x1), f2 = f(x2)
            for _ in 0..<80 {
                if f1 < f2 { hi = x2; x2 = x1; f2 = f1; x1 = hi - phi * (hi - lo); f1 = f(x1) }
                else { lo = x1; x1 = x2; f1 = f2; x2 = lo + phi * (hi - lo); f2 = f(x2) }
            }
            best = min(best, f1, f2)
        }
        return best
    }

    /// The field's pieces, rebuilt by the same densification (the oracle must search the same boundary).
    static func pieces(of area: LaunchArea, toleranceMeters: Double) -> [(LonLat, LonLat)] {
        var out = [(LonLat, LonLat)]()
        for p in area.points { out.append((p, p)) }
        for path in area.lines + area.rings {
            let dense = PathDensifier.densify(path, toleranceMeters: toleranceMeters, maximumMeters: 5_000)
            for i in 1..<dense.count { out.append((dense[i - 1], dense[i])) }
        }
        return out
    }

    /// Random polygons worldwide (both hemispheres, across ±180°, up to 80° latitude), random queries from
    /// 1 km to 3,000 km outside them: the field's distance equals the naive oracle's to 1 mm.
    @Test func agreesWithNaiveSearchWorldwide() throws {
        var rng = SplitMix64(seed: 15)
        let g = Geodesic.wgs84
        var compared = 0, worst = 0.0
        for _ in 0..<12 {
            let center = LonLat(longitude: 360 * rng.nextUnit() - 180, latitude: 160 * rng.nextUnit() - 80)
            let polygon = Self.randomPolygon(center: center, spanDegrees: 0.5 + 2.5 * rng.nextUnit(), vertices: 12, &rng)
            let area = try LaunchArea(.polygon(polygon))
            let field = try GeodesicDistanceField(area: area, toleranceMeters: 10)
            let pieces = Self.pieces(of: area, toleranceMeters: 10)
            for _ in 0..<6 {
                let from = pieces[Int(rng.nextUnit() * Double(pieces.count))].0
                let distance = [1_000.0, 30_000, 300_000, 1_000_000, 3_000_000][Int(rng.nextUnit() * 5)] * (0.5 + rng.nextUnit())
                let q = g.direct(from: from, azimuthDegrees: 360 * rng.nextUnit(), distanceMeters: min(distance, 3_000_000)).position
                if field.isInside(q) { continue }
                let ours = field.nearestOnBoundary(q).distanceMeters
                let naive = Self.naiveDistance(q, pieces: pieces, g)
                worst = max(worst, abs(ours - naive))
                #expect(abs(ours - naive) < 1e-3, "query \(q), ours \(ours), naive \(naive)")
                compared += 1
            }
        }
        #expect(compared > 40)
        print("GeodesicDistanceFieldTests: \(compared) queries, largest difference from the naive search \(worst) m")
    }

    /// The answer's point is on the boundary at the answered distance (an exact inverse from it agrees).
    @Test func nearestPointIsAtTheAnsweredDistance() throws {
        var rng = SplitMix64(seed: 7)
        let ukraine = try CatalogTestData.catalog().regions().country(matching: "UA").geometry
        let field = try GeodesicDistanceField(area: try LaunchArea(ukraine), toleranceMeters: 10)
        for _ in 0..<200 {
            let q = LonLat(longitude: 10 + 50 * rng.nextUnit(), latitude: 35 + 30 * rng.nextUnit())
            let n = field.nearestOnBoundary(q)
            #expect(abs(Geodesic.wgs84.distanceMeters(n.point, q) - n.distanceMeters) < 1e-6)
        }
    }

    /// Solves per query, counted (not timed): queries 10 km to 3,000 km from Ukraine's boundary cost at
    /// most about 10 inverse-equivalents each once the runs they touch are prepared, at every distance.
    @Test(arguments: [10_000.0, 100_000, 300_000, 1_000_000, 3_000_000])
    func solvesPerQueryAreFlatInDistance(distanceMeters: Double) throws {
        let ukraine = try CatalogTestData.catalog().regions().country(matching: "UA").geometry
        let area = try LaunchArea(ukraine)
        let counter = GeodesicCallCounter()
        let field = try GeodesicDistanceField(area: area, toleranceMeters: 10, geodesic: Geodesic.wgs84.counting(into: counter))
        var rng = SplitMix64(seed: 3)
        var queries = [LonLat]()
        let stations = area.rings.flatMap { $0 }
        while queries.count < 400 {
            let from = stations[Int(rng.nextUnit() * Double(stations.count))]
            let q = Geodesic.wgs84.direct(from: from, azimuthDegrees: 360 * rng.nextUnit(), distanceMeters: distanceMeters).position
            if !field.isInside(q) { queries.append(q) }
        }
        // The first half prepares the runs (one inverse per station, once per field); the second is counted.
        for q in queries[..<200] { _ = field.nearestOnBoundary(q) }
        let before = counter.counts
        for q in queries[200...] { _ = field.nearestOnBoundary(q) }
        let cost = counter.counts - before
        let perQuery = cost.inverseEquivalents / 200
        print("GeodesicDistanceFieldTests: \(Int(distanceMeters / 1000)) km: \(cost) → \(perQuery) inverse-equivalents per query")
        #expect(cost.distanceQueries == 200)
        #expect(perQuery <= 10)
    }
}
