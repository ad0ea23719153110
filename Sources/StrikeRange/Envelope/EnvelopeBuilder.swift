import Geodesy
import Geometry

/// Builds range envelopes on an ellipsoid (WGS84 by default).
///
/// Method: a single point is a geodesic circle (`GeodesicCircle`), found from the antipode for ranges
/// beyond a hemisphere. Lines and polygons are densified, offset along geodesic perpendiculars with arcs
/// at corners (`OffsetCurve`); the offset loops are noded and every face they form is kept when the exact
/// geodesic distance from a point inside it to the launch area (`GeodesicDistanceField`) is within range.
/// Topology is done in an unrolled lon/lat frame and cut at ±180° at the end. The minimum-range hole is
/// the intersection of the minimum-range discs around the launch area's extreme stations.
public struct EnvelopeBuilder: Sendable {
    public let geodesic: Geodesic
    public init(geodesic: Geodesic = .wgs84) { self.geodesic = geodesic }

    /// Prepares `launch` and builds; to build several envelopes from one launch area, prepare it once
    /// (`PreparedLaunch`) and use `build(launch:parameters:)` with it.
    public func build(launch: Geometry, parameters: RangeParameters) throws -> RangeEnvelope {
        try build(launch: try PreparedLaunch(launch), parameters: parameters)
    }

    public func build(launch: PreparedLaunch, parameters: RangeParameters) throws -> RangeEnvelope {
        let engine = GeometryEngine()
        let area = launch.area
        let range = parameters.targetRangeMeters
        let allowance = parameters.constructionAllowanceMeters

        var region: Geometry
        if range >= geodesic.maximumDistanceMeters {
            region = LongitudeWrapping.globe
        } else if area.lines.isEmpty && area.rings.isEmpty {
            let discs = try area.points.map {
                try GeodesicCircle(geodesic: geodesic, center: $0, radiusMeters: range, allowanceMeters: allowance)
                    .disc().materialize(engine)
            }
            region = discs.count == 1 ? discs[0] : .multiPolygon(LongitudeWrapping.polygonal(try engine.robustUnaryUnion(discs)))
        } else {
            region = try areaBuffer(area, rangeMeters: range, allowanceMeters: allowance, engine: engine)
        }

        if let minimum = parameters.targetMinRangeMeters, minimum > 0 {
            let hole = try MinimumRangeHole(geodesic: geodesic, area: area, radiusMeters: minimum,
                                            allowanceMeters: allowance, toleranceMeters: parameters.toleranceMeters)
                .region(engine)
            if !(try engine.isEmpty(hole)) {
                region = .multiPolygon(LongitudeWrapping.polygonal(try engine.robustDifference(region, hole)))
            }
        }

        let multi = LongitudeWrapping.polygonal(region)
        return RangeEnvelope(geometry: multi, parameters: parameters, ellipsoid: geodesic.ellipsoid,
                             vertexCount: multi.polygons.reduce(0) { $0 + $1.exterior.count + $1.holes.reduce(0) { $0 + $1.count } },
                             verification: nil)
    }

    /// Overlay of many faces can leave slivers: holes inside the range, crumbs beyond it, and thin
    /// strips along the boundary where the offset loop crossed itself at a shallow angle. A part or hole
    /// thinner than the allowance (twice its area over its perimeter) lies wholly in the tolerance band,
    /// so removing it (dropping the part, filling the hole) moves no boundary by more than the allowance.
    /// Anything else is classified like a face, by the distance from a point in it.
    private func removingSlivers(_ g: Geometry, field: GeodesicDistanceField, rangeMeters: Double,
                                 allowanceMeters: Double, engine: GeometryEngine) throws -> Geometry {
        let measure = GeodesicMeasure(geodesic)
        func isThin(_ ring: [Coordinate]) -> Bool {
            let ringGeometry = Geometry.polygon(Polygon(exterior: ring))
            let perimeter = measure.lengthMeters(.lineString(LineString(ring)))
            return perimeter > 0 && 2 * measure.areaSquareMeters(ringGeometry) / perimeter < allowanceMeters
        }
        // A part is classified by a point of the part itself, holes excluded: a point of its exterior
        // ring's disc may lie in one of its holes, far out of range, which made a launch area with a hole
        // vanish (#9) and the band around a closed line, a standoff from an area's own boundary, go (#10).
        func within(_ polygon: Polygon) throws -> Bool {
            guard let c = try engine.pointOnSurface(.polygon(polygon)).coordinate else { return false }
            return field.nearest(LonLat(longitude: c.x, latitude: c.y)).distanceMeters <= rangeMeters
        }
        var polygons = [Polygon]()
        for p in g.polygons where !isThin(p.exterior) {
            let holes = try p.holes.filter { try !isThin($0) && !within(Polygon(exterior: $0)) }
            let part = Polygon(exterior: p.exterior, holes: holes)
            if try within(part) { polygons.append(part) }
        }
        return .multiPolygon(MultiPolygon(polygons))
    }

    /// Buffer of an area or line launch (points may be mixed in) for ranges up to a hemisphere.
    private func areaBuffer(_ area: LaunchArea, rangeMeters: Double, allowanceMeters: Double,
                            engine: GeometryEngine) throws -> Geometry {
        let field = try GeodesicDistanceField(area: area, toleranceMeters: allowanceMeters, geodesic: geodesic)
        // The offset construction works in one unrolled lon/lat frame, which cannot hold a pole or more
        // than a hemisphere; those envelopes are built from range discs instead.
        let reachesAPole = [90.0, -90.0].contains { field.nearest(LonLat(longitude: 0, latitude: $0)).distanceMeters <= rangeMeters + 2 * allowanceMeters }
        if reachesAPole || rangeMeters > GeodesicCircle.antipodalThresholdMeters {
            return try StationDiscEnvelope(geodesic: geodesic, area: area, field: field, rangeMeters: rangeMeters,
                                           allowanceMeters: allowanceMeters).region(engine)
        }
        // Arcs wholly inside are skipped when a station is close enough to their middle point; the
        // station that settled the last arc usually settles the next one too.
        var arcHint = -1
        let curve = OffsetCurve(geodesic: geodesic, radiusMeters: rangeMeters, allowanceMeters: allowanceMeters,
                                upperDistance: { q, needed in
                                    if arcHint >= 0, field.stationDistanceMeters(arcHint, q) < needed { return 0 }
                                    let found = field.nearestStation(q)
                                    arcHint = found.index
                                    return found.distanceMeters
                                })
        // Stations spaced so that offsets of neighbours stay close: the chord between them then follows
        // the parallel curve within a small part of the allowance.
        let spacing = min(5_000, max(200, rangeMeters / 40))
        var interiorHint = -1
        let isInterior = { (q: LonLat) in field.isCertainlyWithin(rangeMeters - allowanceMeters, of: q, hint: &interiorHint) }
        // A cusp found by crossing two chords is kept only if it is where the range really is.
        let isOnBoundary = { (q: LonLat) in abs(field.nearest(q).distanceMeters - rangeMeters) <= allowanceMeters * 0.9 }
        var loops = [LineString]()
        for ring in area.rings {
            let dense = PathDensifier.densify(ring, toleranceMeters: allowanceMeters, maximumMeters: spacing)
            let pieces = curve.pruned(curve.loop(ring: dense), isInterior: isInterior, isOnBoundary: isOnBoundary)
            loops += pieces.map { LineString(LonLatFrame.coordinates($0)) }
        }
        for line in area.lines {
            let dense = PathDensifier.densify(line, toleranceMeters: allowanceMeters, maximumMeters: spacing)
            let pieces = curve.pruned(curve.loop(line: dense), isInterior: isInterior, isOnBoundary: isOnBoundary)
            loops += pieces.map { LineString(LonLatFrame.coordinates($0)) }
        }
        for p in area.points {
            let ring = GeodesicCircle(geodesic: geodesic, center: p, radiusMeters: rangeMeters, allowanceMeters: allowanceMeters).ring()
            loops.append(LineString(LonLatFrame.coordinates(ring)))
        }
        let noded = try engine.node(.multiLineString(MultiLineString(loops)))
        let faces = try engine.polygonize([.multiLineString(noded)])
        var kept = [Geometry]()
        kept.reserveCapacity(faces.count + 1)
        for face in faces {
            let inside = try engine.pointOnSurface(.polygon(face))
            guard let c = inside.coordinate else { continue }
            let q = LonLat(longitude: c.x, latitude: c.y)
            if field.isCertainlyWithin(rangeMeters, of: q) || field.nearest(q).distanceMeters <= rangeMeters {
                kept.append(.polygon(face))
            }
        }
        if let polygons = area.polygonalGeometry { kept.append(polygons) }
        let union = try removingSlivers(engine.robustUnaryUnion(kept), field: field, rangeMeters: rangeMeters,
                                        allowanceMeters: allowanceMeters, engine: engine)
        var refined = BoundaryRefinement(geodesic: geodesic, field: field, rangeMeters: rangeMeters,
                                         allowanceMeters: allowanceMeters).refine(union)
        // Moving vertices by metres can make a ring touch itself at a narrow spot; repair, then drop the
        // thin crumbs that repair leaves.
        if !(try engine.validity(refined).isValid) {
            refined = try removingSlivers(.multiPolygon(LongitudeWrapping.polygonal(engine.makeValid(refined))), field: field,
                                          rangeMeters: rangeMeters, allowanceMeters: allowanceMeters, engine: engine)
        }
        return try LongitudeWrapping.wrap(refined, engine)
    }
}
