@testable import Geometry

// Independent planar arithmetic for checking GEOS results: written here, not taken from the code under test.

/// Shoelace area of a closed ring (absolute value, planar units²).
func shoelaceArea(_ ring: [Coordinate]) -> Double {
    guard ring.count >= 4 else { return 0 }
    var twice = 0.0
    for i in 0..<(ring.count - 1) {
        twice += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y
    }
    return abs(twice) / 2
}

/// Planar area of a polygon: exterior minus holes.
func shoelaceArea(_ p: Polygon) -> Double {
    p.holes.reduce(shoelaceArea(p.exterior)) { $0 - shoelaceArea($1) }
}

/// Planar area of every polygonal part of `g`.
func shoelaceArea(_ g: Geometry) -> Double {
    g.polygons.reduce(0) { $0 + shoelaceArea($1) }
}

/// Axis-aligned square polygon with its lower-left corner at (x, y), counter-clockwise.
func square(x: Double, y: Double, side: Double) -> Geometry {
    .polygon(BoundingBox(minX: x, minY: y, maxX: x + side, maxY: y + side).polygon)
}

func c(_ x: Double, _ y: Double, _ z: Double? = nil) -> Coordinate { Coordinate(x: x, y: y, z: z) }

/// A polygon with a hole and a concave notch: exercises boundary, hole and notch cases in predicate tests.
/// Computed, not a global `let` (see `roundTripSamples`).
var notchedPolygonWithHole: Geometry { .polygon(Polygon(
    exterior: [c(0, 0), c(10, 0), c(10, 10), c(6, 10), c(5, 5), c(4, 10), c(0, 10), c(0, 0)],
    holes: [[c(2, 2), c(2, 4), c(4, 4), c(4, 2), c(2, 2)]]
)) }

/// The `GeometryError` thrown by `body`, or nil when it did not throw.
/// (Any other error type also gives nil, which the callers' expectations then reject.)
func caughtError<T>(_ body: () throws -> T) -> GeometryError? {
    do { _ = try body(); return nil } catch { return error as? GeometryError }
}
