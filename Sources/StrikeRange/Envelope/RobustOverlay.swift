import Geometry

/// Overlay that falls back to a fixed-precision grid when floating-point overlay throws
/// ("TopologyException: side location conflict" on near-coincident edges of big inputs such as Russia).
/// The grid, 1e-9 degree (about 0.1 mm), is far below any tolerance the tool offers.
extension GeometryEngine {
    static let fallbackGridDegrees = 1e-9

    func robustUnaryUnion(_ parts: [Geometry]) throws -> Geometry {
        do { return try unaryUnion(parts) } catch {
            return try unaryUnion(.geometryCollection(GeometryCollection(parts)), gridSize: Self.fallbackGridDegrees)
        }
    }

    func robustIntersection(_ a: Geometry, _ b: Geometry) throws -> Geometry {
        do { return try intersection(a, b) } catch { return try intersection(a, b, gridSize: Self.fallbackGridDegrees) }
    }

    func robustDifference(_ a: Geometry, _ b: Geometry) throws -> Geometry {
        do { return try difference(a, b) } catch { return try difference(a, b, gridSize: Self.fallbackGridDegrees) }
    }
}
