import Geodesy
import Geometry

/// The envelope of a line or area launch where the offset-curve construction's unrolled lon/lat frame
/// cannot hold the result: an envelope that contains a pole, or a range beyond a hemisphere (the
/// 5,000–15,000 km maps drawn "from anywhere in the country").
///
/// Method. Outside the launch area the envelope is the union of the range discs around every boundary
/// point. Discs (geodesic circles, which already handle poles and antipodes: `GeodesicCircle`) around
/// boundary stations `spacing` apart miss at most a sliver of depth ≈ spacing²/(8·r) between neighbours
/// (r the disc's radius, or for ranges beyond a hemisphere the radius of the far cap it leaves out), and
/// coarse discs add their own sag; the spacing and disc allowance keep both to `coarseGapMeters`. Beyond a
/// hemisphere the union is built as its complement: the intersection of the far caps left by each disc.
/// The coarse boundary is then refined onto the range with the exact distance field
/// (`BoundaryRefinement`), as every other envelope is, so the stated bound is the same.
struct StationDiscEnvelope {
    let geodesic: Geodesic
    let area: LaunchArea
    let field: GeodesicDistanceField
    let rangeMeters: Double
    let allowanceMeters: Double

    /// Depth of what the coarse union may miss or add before refinement (refinement fixes a few hundred
    /// metres in one or two snaps per vertex).
    static let coarseGapMeters = 300.0

    /// Points of `path` no more than `spacingMeters` of path apart (an upper bound on the geodesic length
    /// along it): every point of the path is then within half that of a station, whatever the path's detail
    /// between them; vertices in between are skipped (a coastline's thousands of vertices would each make a
    /// disc), long edges get points inserted.
    static func stations(along path: [LonLat], spacingMeters: Double) -> [LonLat] {
        guard var previous = path.first else { return [] }
        var out = [previous]
        var sinceKept = 0.0
        for next in path.dropFirst() {
            let length = PathDensifier.sphericalMetersUpperBound(previous, next)
            if sinceKept + length > spacingMeters {
                if sinceKept > 0 { out.append(previous) }
                let pieces = Int((length / spacingMeters).rounded(.up))
                for k in stride(from: 1, to: pieces, by: 1) {
                    let f = Double(k) / Double(pieces)
                    out.append(LonLat(longitude: previous.longitude + f * (next.longitude - previous.longitude),
                                      latitude: previous.latitude + f * (next.latitude - previous.latitude)))
                }
                sinceKept = length / Double(pieces)
            } else {
                sinceKept += length
            }
            previous = next
        }
        if out.last != previous { out.append(previous) }
        return out
    }

    func region(_ engine: GeometryEngine) throws -> Geometry {
        let a = geodesic.ellipsoid.semiMajorAxisMeters
        // The curvature that sets the sliver between neighbouring discs: the disc's own radius, or beyond
        // a hemisphere the radius of the far cap that the disc leaves out.
        let effectiveRadius = max(1_000, min(rangeMeters, Double.pi * a * (1 - geodesic.ellipsoid.flattening / 2) - rangeMeters))
        let spacing = min(100_000, (8 * effectiveRadius * Self.coarseGapMeters / 2).squareRoot())
        var stations = area.points
        for path in area.lines + area.rings { stations += Self.stations(along: path, spacingMeters: spacing) }
        let discAllowance = Self.coarseGapMeters / 4
        let discs = stations.map {
            GeodesicCircle(geodesic: geodesic, center: $0, radiusMeters: rangeMeters, allowanceMeters: discAllowance).disc()
        }
        let globe = LongitudeWrapping.globe
        var coarse: Geometry
        if rangeMeters <= GeodesicCircle.antipodalThresholdMeters {
            var parts = try discs.map { try $0.materialize(engine) }
            if let polygons = area.polygonalGeometry { parts.append(try LongitudeWrapping.wrap(polygons, engine)) }
            coarse = .multiPolygon(LongitudeWrapping.polygonal(try engine.robustUnaryUnion(parts)))
        } else {
            // What no disc reaches: the intersection of what each leaves out, smallest first.
            var far: Geometry? = nil
            for disc in discs {
                if case .globe = disc { return globe }
                let leftOut = Geometry.multiPolygon(LongitudeWrapping.polygonal(try engine.robustDifference(globe, disc.materialize(engine))))
                far = try far.map { Geometry.multiPolygon(LongitudeWrapping.polygonal(try engine.robustIntersection($0, leftOut))) } ?? leftOut
                if let f = far, try engine.isEmpty(f) { return globe }
            }
            coarse = .multiPolygon(LongitudeWrapping.polygonal(try engine.robustDifference(globe, far ?? .multiPolygon(MultiPolygon([])))))
        }
        // The cut at ±180° and the closure along ±90° stay where they are; the rest moves onto the range.
        var refined = BoundaryRefinement(geodesic: geodesic, field: field, rangeMeters: rangeMeters,
                                         allowanceMeters: allowanceMeters, keepsFrameEdges: true).refine(coarse)
        if !(try engine.validity(refined).isValid) {
            refined = .multiPolygon(LongitudeWrapping.polygonal(try engine.makeValid(refined)))
        }
        return .multiPolygon(LongitudeWrapping.polygonal(try engine.robustUnaryUnion([refined])))
    }
}
