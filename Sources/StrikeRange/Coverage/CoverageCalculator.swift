import Geodesy
import Geometry

/// Where a coverage computation is: envelopes built, then regions measured.
public struct CoverageProgress: Sendable {
    public enum Phase: String, Sendable { case envelopes, regions }
    public var phase: Phase
    public var completed: Int
    public var total: Int
}

/// Per region × range: how much of the region lies within range of a launch area, and how near and far
/// the region is.
///
/// Method. Each distinct range's envelope is built once (`EnvelopeBuilder`, cut at ±180°) and reused for
/// every region. Per region, the exact geodesic distance to the launch area (`GeodesicDistanceField`) is
/// taken along the region's densified boundary (`RegionDistanceBounds`) to get its nearest and farthest
/// distance; a region whose farthest point is within range − tolerance is `full` without overlay (no
/// minimum range), one whose nearest point is beyond range + tolerance is `none`. Otherwise the in-range
/// part is region ∩ envelope (GEOS, in lon/lat, the envelope first clipped to the region's bounding box)
/// measured geodesically (`GeodesicMeasure`): area for polygonal regions, length for lines. Status from the
/// measures: `full` when the part out of range is at most `negligibleFraction` of the region, `none` when
/// the part in range is, `partial` otherwise; the fraction absorbs overlay noise and the envelope's
/// tolerance band touching a region that lies just within or beyond range.
///
/// Regions are spread over `workerCount` threads, each with its own GEOS engine and distance field;
/// results are in a stable order: by range (input order), then region (input order).
public struct CoverageCalculator: Sendable {
    /// Error budget of the envelopes and distance fields, metres (≥ 1 mm).
    public var toleranceMeters: Double
    /// A part smaller than this fraction of the region's measure counts as nothing (status rules).
    public var negligibleFraction: Double
    /// Keep each in-range part's geometry in the results (for GeoJSON output); costs memory.
    public var keepsGeometry: Bool
    public var workerCount: Int
    public let geodesic: Geodesic

    public init(toleranceMeters: Double = 10, negligibleFraction: Double = 1e-6, keepsGeometry: Bool = false,
                workerCount: Int? = nil, geodesic: Geodesic = .wgs84) {
        self.toleranceMeters = toleranceMeters
        self.negligibleFraction = negligibleFraction
        self.keepsGeometry = keepsGeometry
        self.workerCount = workerCount ?? ParallelWork.defaultWorkers
        self.geodesic = geodesic
    }

    /// Coverage of every region by every range from `launch` (already shaped: `LaunchShaping`).
    /// - Parameters:
    ///   - launch: the launch area in lon/lat degrees (points, lines or polygons).
    ///   - progress: called from worker threads after each envelope and each region.
    /// - Returns: `ranges.count × regions.count` results, range-major, each in input order.
    /// - Throws: `StrikeRangeError` (empty launch, envelope limits, a region of zero size), `GeometryError`.
    public func compute(launch: Geometry, ranges: [RangeVariant], regions: [CoverageRegion],
                        progress: (@Sendable (CoverageProgress) -> Void)? = nil) throws -> [RegionCoverage] {
        try compute(launch: try PreparedLaunch(launch), ranges: ranges, regions: regions, progress: progress)
    }

    /// Same, from a launch area prepared once (`PreparedLaunch`) for the envelopes and the regions alike.
    public func compute(launch: PreparedLaunch, ranges: [RangeVariant], regions: [CoverageRegion],
                        progress: (@Sendable (CoverageProgress) -> Void)? = nil) throws -> [RegionCoverage] {
        guard !ranges.isEmpty else { throw StrikeRangeError("coverage: no range given; give --weapon ID or --range DISTANCE") }
        guard !regions.isEmpty else { throw StrikeRangeError("coverage: no region given; give --regions, --country or --regions-file") }

        // One envelope per distinct range request (catalog variants often share a range).
        var distinct = [RangeParameters]()
        let envelopeOf: [Int] = ranges.map { r in
            if let i = distinct.firstIndex(of: r.parameters) { return i }
            distinct.append(r.parameters)
            return distinct.count - 1
        }
        let builder = EnvelopeBuilder(geodesic: geodesic)
        let toBuild = distinct
        // Longest range first: build time grows with the range, and handing out the big jobs first
        // balances the threads (a 2,500 km envelope from Ukraine takes ~15x a 300 km one).
        let schedule = toBuild.indices.sorted { toBuild[$0].rangeMeters > toBuild[$1].rangeMeters }
        let built: [Geometry] = try ParallelWork.map(
            count: toBuild.count, workers: workerCount, makeState: {},
            job: { _, j in .multiPolygon(try builder.build(launch: launch, parameters: toBuild[schedule[j]]).geometry) },
            completed: { done in progress?(CoverageProgress(phase: .envelopes, completed: done, total: toBuild.count)) })
        var inInputOrder = built
        for (j, i) in schedule.enumerated() { inInputOrder[i] = built[j] }
        return try compute(launch: launch, ranges: ranges, envelopes: inInputOrder, envelopeOf: envelopeOf,
                           regions: regions, progress: progress)
    }

    /// Coverage with envelopes already built (e.g. by a scenario run that also draws them): `envelopes[k]`
    /// is the envelope of `ranges[k]` from `launch`, longitudes in [-180, 180].
    public func compute(launch: PreparedLaunch, ranges: [RangeVariant], envelopes: [MultiPolygon], regions: [CoverageRegion],
                        progress: (@Sendable (CoverageProgress) -> Void)? = nil) throws -> [RegionCoverage] {
        guard !ranges.isEmpty, ranges.count == envelopes.count else {
            throw StrikeRangeError("coverage: give one envelope per range (\(ranges.count) ranges, \(envelopes.count) envelopes)")
        }
        guard !regions.isEmpty else { throw StrikeRangeError("coverage: no region given; give --regions, --country or --regions-file") }
        return try compute(launch: launch, ranges: ranges, envelopes: envelopes.map(Geometry.multiPolygon),
                           envelopeOf: Array(ranges.indices), regions: regions, progress: progress)
    }

    private func compute(launch: PreparedLaunch, ranges: [RangeVariant], envelopes: [Geometry], envelopeOf: [Int],
                         regions: [CoverageRegion], progress: (@Sendable (CoverageProgress) -> Void)?) throws -> [RegionCoverage] {
        let tolerance = toleranceMeters
        let perRegion: [[RegionCoverage]] = try ParallelWork.map(
            count: regions.count, workers: workerCount,
            makeState: { try CoverageWorker(launch: launch, toleranceMeters: tolerance, geodesic: geodesic) },
            job: { worker, i in
                try self.cover(regions[i], index: i, ranges: ranges, envelopes: envelopes, envelopeOf: envelopeOf, worker: worker)
            },
            completed: { done in progress?(CoverageProgress(phase: .regions, completed: done, total: regions.count)) })

        var out = [RegionCoverage]()
        out.reserveCapacity(ranges.count * regions.count)
        for k in ranges.indices { for i in regions.indices { out.append(perRegion[i][k]) } }
        return out
    }

    private func cover(_ region: CoverageRegion, index: Int, ranges: [RangeVariant], envelopes: [Geometry],
                       envelopeOf: [Int], worker: CoverageWorker) throws -> [RegionCoverage] {
        let measure = GeodesicMeasure(geodesic)
        func size(_ g: Geometry) -> Double {
            region.kind == .area ? measure.areaSquareMeters(g) : measure.lengthMeters(g)
        }
        let total = size(region.geometry)
        guard total > 0, total.isFinite else {
            throw StrikeRangeError("region '\(region.label)': its geodesic \(region.kind == .area ? "area" : "length") is zero; it cannot be covered in part")
        }
        var bounds = RegionDistanceBounds.measure(
            region, field: worker.field, intersectsLaunch: try worker.launch.intersects(region.geometry),
            toleranceMeters: toleranceMeters, geodesic: geodesic)
        if region.kind == .area, let box = region.geometry.boundingBox {
            let search = RegionInteriorFarthest(field: worker.field, ellipsoid: geodesic.ellipsoid, slackMeters: toleranceMeters)
            bounds.farthestMeters = try search.farthest(region: worker.engine.prepare(region.geometry), box: box,
                                                        boundaryFarthestMeters: bounds.farthestMeters)
        }
        var regionGeometry = region.geometry
        var repaired = false

        return try ranges.enumerated().map { k, range in
            let p = range.parameters
            var inRange: Double
            var part: Geometry?
            if bounds.nearestMeters > p.rangeMeters + p.toleranceMeters {
                inRange = 0
            } else if p.minRangeMeters == nil, bounds.farthestMeters <= p.rangeMeters - p.toleranceMeters {
                inRange = total
                part = region.geometry
            } else {
                let envelope = envelopes[envelopeOf[k]]
                var cut: Geometry
                do {
                    cut = try worker.intersection(regionGeometry, envelope)
                } catch where !repaired {
                    // Catalog or file regions may be slightly invalid for GEOS overlay; repair once and retry.
                    regionGeometry = try worker.engine.makeValid(regionGeometry)
                    repaired = true
                    cut = try worker.intersection(regionGeometry, envelope)
                }
                part = Self.keeping(region.kind, of: cut)
                inRange = part.map(size) ?? 0
            }
            inRange = min(inRange, total)
            let status: CoverageStatus =
                inRange <= negligibleFraction * total ? .none
                : total - inRange <= negligibleFraction * total ? .full : .partial
            return RegionCoverage(
                regionIndex: index, regionName: region.name, regionCode: region.code, kind: region.kind,
                rangeIndex: k, weapon: range.weaponID, variant: range.kind, parameters: p,
                totalMeasure: total, inRangeMeasure: inRange, percent: min(100, 100 * inRange / total), status: status,
                nearestDistanceMeters: bounds.nearestMeters, farthestDistanceMeters: bounds.farthestMeters,
                inRangeGeometry: keepsGeometry && inRange > 0 ? part : nil)
        }
    }

    /// The parts of `g` of the region's dimension (overlay may add touching points or lines); nil if none.
    static func keeping(_ kind: CoverageRegion.Kind, of g: Geometry) -> Geometry? {
        switch kind {
        case .area:
            let polygons = g.polygons
            return polygons.isEmpty ? nil : .multiPolygon(MultiPolygon(polygons))
        case .line:
            let lines = g.lineStrings.filter { $0.coordinates.count >= 2 }
            return lines.isEmpty ? nil : .multiLineString(MultiLineString(lines))
        }
    }
}

/// What one worker thread owns: a GEOS engine, the prepared launch area and a distance field.
final class CoverageWorker {
    let engine: GeometryEngine
    let launch: PreparedGeometry
    let field: GeodesicDistanceField

    init(launch: PreparedLaunch, toleranceMeters: Double, geodesic: Geodesic) throws {
        engine = GeometryEngine()
        self.launch = try engine.prepare(launch.geometry)
        field = try launch.distanceField(toleranceMeters: toleranceMeters, geodesic: geodesic)
    }

    /// region ∩ envelope, the envelope first clipped to the region's box (cheap) so the overlay sees
    /// only the envelope's vertices near the region.
    func intersection(_ region: Geometry, _ envelope: Geometry) throws -> Geometry {
        guard var box = region.boundingBox else { return .geometryCollection(GeometryCollection([])) }
        box = BoundingBox(minX: box.minX - 0.01, minY: box.minY - 0.01, maxX: box.maxX + 0.01, maxY: box.maxY + 0.01)
        let near = try engine.clip(envelope, to: box)
        return try engine.intersection(region, near)
    }
}
