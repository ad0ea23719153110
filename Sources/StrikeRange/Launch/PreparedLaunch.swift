import Geodesy
import Geometry

/// The launch area after shaping (`LaunchShaping`), prepared once and handed to every stage that measures
/// from it: the envelope builder, coverage, reach, in-range and scenarios (issue 14: each rebuilt its own
/// `LaunchArea` from a plain `Geometry`, the merge of a multi-part area included).
///
/// `Sendable`: it holds values only. The `GeodesicDistanceField` over it is not (it owns a GEOS engine and
/// caches), so each thread makes its own with `distanceField(toleranceMeters:geodesic:)`.
public struct PreparedLaunch: Sendable {
    /// The shaped launch area in lon/lat degrees, as written to outputs and drawn.
    public let geometry: Geometry
    /// The same area normalised for geodesic work: one unrolled longitude frame, rings oriented, polygons merged.
    public let area: LaunchArea

    /// - Parameter geometry: the launch area after shaping, lon/lat degrees.
    /// - Throws: `StrikeRangeError` when the geometry has no usable part.
    public init(_ geometry: Geometry) throws(StrikeRangeError) {
        self.geometry = geometry
        area = try LaunchArea(geometry)
    }

    /// Exact geodesic distances to this launch area, good to `toleranceMeters`; one per thread.
    /// - Throws: geometry errors from preparing the polygons for the inside test.
    public func distanceField(toleranceMeters: Double, maximumPieceMeters: Double = 5_000,
                              geodesic: Geodesic = .wgs84) throws -> GeodesicDistanceField {
        try GeodesicDistanceField(area: area, toleranceMeters: toleranceMeters, maximumPieceMeters: maximumPieceMeters,
                                  geodesic: geodesic)
    }

    /// The one way launch parts (several `--from` values, a scenario's `launch:` list) become one launch
    /// geometry: their union, so adjacent oblasts make one area without inner borders. When GEOS cannot
    /// union them (an invalid part), the parts as a collection, so that `LaunchShaping` reports the
    /// invalid geometry by name (or repairs it with make-valid) instead of a bare topology error.
    /// - Throws: `StrikeRangeError` for an empty list.
    public static func merging(_ parts: [Geometry]) throws(StrikeRangeError) -> Geometry {
        guard let first = parts.first else {
            throw StrikeRangeError("launch area: no launch location given; give at least one")
        }
        if parts.count == 1 { return first }
        return (try? GeometryEngine().unaryUnion(parts)) ?? .geometryCollection(GeometryCollection(parts))
    }
}
