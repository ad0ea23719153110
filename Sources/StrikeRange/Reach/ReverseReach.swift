import Geodesy
import Geometry

/// The part of a launch area from which one target can be reached by one weapon:
/// A ∩ disc(target, range) minus disc(target, minimum range), discs geodesic (built by `EnvelopeBuilder`
/// around the target point).
public struct ReverseReach: Sendable {
    /// The launch points that reach the target (lon/lat, [-180, 180]); empty when none.
    public var geometry: Geometry
    /// Geodesic area of `geometry` (m²).
    public var areaSquareMeters: Double

    /// - Parameters:
    ///   - launch: the shaped launch geometry.
    ///   - target: the target point.
    ///   - parameters: the weapon's range, minimum range and tolerance (the discs' error bound).
    /// - Throws: envelope or GEOS overlay errors.
    public static func compute(launch: Geometry, target: LonLat, parameters: RangeParameters,
                               builder: EnvelopeBuilder = EnvelopeBuilder(),
                               engine: GeometryEngine = GeometryEngine()) throws -> ReverseReach {
        let centre = Geometry.point(Point(x: target.longitude, y: target.latitude))
        let disc = try builder.build(launch: centre, parameters: RangeParameters(
            rangeMeters: parameters.rangeMeters, toleranceMeters: parameters.toleranceMeters, placement: parameters.placement))
        var reach = try engine.intersection(launch, .multiPolygon(disc.geometry))
        if let r = parameters.minRangeMeters, r > 0, !(try engine.isEmpty(reach)) {
            let hole = try builder.build(launch: centre, parameters: RangeParameters(
                rangeMeters: r, toleranceMeters: parameters.toleranceMeters, placement: parameters.placement))
            reach = try engine.difference(reach, .multiPolygon(hole.geometry))
        }
        return ReverseReach(geometry: reach, areaSquareMeters: GeodesicMeasure().areaSquareMeters(reach))
    }
}
