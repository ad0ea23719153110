import Foundation
import GeoJSON
import Geodesy
import Geometry

/// Range fans (issue 16): the points within range of a launch point whose initial geodesic azimuth from it lies
/// in a sector, less those nearer than the minimum range.
///
/// The boundary is exact geodesics: each side is the radial geodesic at the sector's bearing (points solved
/// with `geod_direct`, bisected until every straight lon/lat edge is within the allowance of it), the far edge
/// the geodesic circle arc at the range (`GeodesicCircle.arc`), the near edge the arc at the minimum range or
/// the launch point itself. The placement moves the arcs (as for a circle); the sides are centred on the
/// radials (±tolerance). Certified by `FanCertifier`.
///
/// Point launches only, up to a quarter meridian (10,000 km): beyond it the radial geodesics approach the
/// launch point's cut locus and stop being the shortest paths.
public struct FanBuilder: Sendable {
    public let geodesic: Geodesic
    public init(geodesic: Geodesic = .wgs84) { self.geodesic = geodesic }

    /// Largest range a fan is drawn for, metres.
    public static let maximumRangeMeters = 10_000_000.0

    /// - Throws: `StrikeRangeError` for a range beyond `maximumRangeMeters`.
    public func build(center: LonLat, parameters: RangeParameters, sector: RangeSector) throws -> RangeEnvelope {
        guard parameters.rangeMeters <= Self.maximumRangeMeters else {
            throw StrikeRangeError("--sector: fans are drawn up to 10,000 km (a quarter meridian), not \(Int(parameters.rangeMeters / 1000)) km; beyond it the radial geodesics stop being the shortest paths")
        }
        let allowance = parameters.constructionAllowanceMeters
        let start = sector.startDegrees, end = sector.startDegrees + sector.widthDegrees
        let far = GeodesicCircle(geodesic: geodesic, center: center, radiusMeters: parameters.targetRangeMeters, allowanceMeters: allowance)
        var ring = radial(azimuthDegrees: start, from: parameters.targetMinRangeMeters ?? 0, to: far.radiusMeters, allowance: allowance)
        ring += far.arc(fromAzimuthDegrees: start, toAzimuthDegrees: end).dropFirst()
        ring += radial(azimuthDegrees: end, from: far.radiusMeters, to: parameters.targetMinRangeMeters ?? 0, allowance: allowance).dropFirst()
        if let near = parameters.targetMinRangeMeters {
            let inner = GeodesicCircle(geodesic: geodesic, center: center, radiusMeters: near, allowanceMeters: allowance)
            ring += inner.arc(fromAzimuthDegrees: start, toAzimuthDegrees: end).reversed().dropFirst()
        }
        ring = LonLatFrame.unrollPath(ring, near: center.longitude)
        ring[ring.count - 1] = ring[0]
        // Clockwise as built (azimuth grows clockwise); RFC 7946 wants exteriors counter-clockwise.
        if LonLatFrame.signedArea2(ring) < 0 { ring.reverse() }
        let cut = cutAtAntimeridian(.polygon(Polygon(exterior: LonLatFrame.coordinates(ring))))
        let polygons: [Polygon]
        switch cut {
        case .polygon(let p): polygons = [p]
        case .multiPolygon(let m): polygons = m.polygons
        default: polygons = []
        }
        let vertexCount = polygons.reduce(0) { $0 + $1.exterior.count + $1.holes.reduce(0) { $0 + $1.count } }
        return RangeEnvelope(geometry: MultiPolygon(polygons), parameters: parameters, ellipsoid: geodesic.ellipsoid,
                             vertexCount: vertexCount, verification: nil)

        func radial(azimuthDegrees: Double, from s0: Double, to s1: Double, allowance: Double) -> [LonLat] {
            radialPoints(center: center, azimuthDegrees: azimuthDegrees, from: s0, to: s1, allowanceMeters: allowance)
        }
    }

    /// Points of the radial geodesic from `s0` to `s1` metres (either order), bisected until each straight lon/lat
    /// edge's midpoint is within `allowanceMeters` of the geodesic (its azimuth from the centre, times its distance).
    func radialPoints(center: LonLat, azimuthDegrees: Double, from s0: Double, to s1: Double, allowanceMeters: Double) -> [LonLat] {
        func point(_ s: Double) -> LonLat {
            s == 0 ? center : geodesic.direct(from: center, azimuthDegrees: azimuthDegrees, distanceMeters: s, unrollLongitude: true).position
        }
        var out = [point(s0)]
        func refine(_ a: Double, _ pa: LonLat, _ b: Double, _ pb: LonLat, depth: Int) {
            let mid = LonLat(longitude: (pa.longitude + pb.longitude) / 2, latitude: (pa.latitude + pb.latitude) / 2)
            let r = geodesic.inverse(center, mid)
            let offset = r.distanceMeters * abs(sin((r.azimuth1Degrees - azimuthDegrees) * .pi / 180))
            if (offset > 0.5 * allowanceMeters || abs(b - a) > 100_000) && depth < 30 {
                let m = (a + b) / 2, pm = point(m)
                refine(a, pa, m, pm, depth: depth + 1)
                out.append(pm)
                refine(m, pm, b, pb, depth: depth + 1)
            }
        }
        let end = point(s1)
        refine(s0, out[0], s1, end, depth: 0)
        out.append(end)
        return LonLatFrame.unrollPath(out, near: center.longitude)
    }

    /// The fan's two side radials from the launch point to the range, densified as the sides are, as lines
    /// (cut at ±180°) for drawing.
    public func radials(center: LonLat, rangeMeters: Double, sector: RangeSector, toleranceMeters: Double) -> [Geometry] {
        [sector.startDegrees, sector.startDegrees + sector.widthDegrees].map { azimuth in
            let points = radialPoints(center: center, azimuthDegrees: azimuth, from: 0, to: rangeMeters, allowanceMeters: toleranceMeters)
            return cutAtAntimeridian(.lineString(LineString(LonLatFrame.coordinates(points))))
        }
    }
}
