import GeoJSON
import Geodesy
import Geometry

/// The one place envelopes, range fans and interval rings are built and certified, for `envelope` and for
/// scenarios alike (issue 16): a sector makes a fan (`FanBuilder`, `FanCertifier`), no sector an envelope
/// (`EnvelopeBuilder`, `EnvelopeCertifier`).
public struct RangeFigureBuilder: Sendable {
    public let geodesic: Geodesic
    public let thoroughness: EnvelopeCertifier.Thoroughness
    public init(geodesic: Geodesic = .wgs84, thoroughness: EnvelopeCertifier.Thoroughness = .standard) {
        self.geodesic = geodesic
        self.thoroughness = thoroughness
    }

    /// The certified envelope or fan (`verification` filled in).
    /// - Throws: `StrikeRangeError` (a fan from an area, a fan beyond 10,000 km) or the builders' errors.
    /// The certifier reads the plain `launch.geometry`, not the prepared area: a certificate shares no
    /// preparation with what it certifies.
    public func build(launch: PreparedLaunch, sector: RangeSector?, parameters: RangeParameters, option: String = "--sector") throws -> RangeEnvelope {
        var figure = try buildUnverified(launch: launch, sector: sector, parameters: parameters, option: option)
        figure.verification = try certify(figure, launch: launch.geometry, sector: sector)
        return figure
    }

    /// The envelope or fan, not yet certified: a fan from one point (`FanBuilder`) or from lines and points
    /// (`LineFanBuilder`), an envelope without a sector.
    public func buildUnverified(launch: PreparedLaunch, sector: RangeSector?, parameters: RangeParameters, option: String = "--sector") throws -> RangeEnvelope {
        guard let sector else { return try EnvelopeBuilder(geodesic: geodesic).build(launch: launch, parameters: parameters) }
        switch try Self.fanLaunch(launch.geometry, option: option) {
        case .point(let center): return try FanBuilder(geodesic: geodesic).build(center: center, parameters: parameters, sector: sector)
        case .lines: return try LineFanBuilder(geodesic: geodesic).build(launch: launch, parameters: parameters, sector: sector, option: option)
        }
    }

    /// The certificate of a figure from `buildUnverified`, by the certifier that matches it.
    public func certify(_ figure: RangeEnvelope, launch: Geometry, sector: RangeSector?) throws -> EnvelopeVerification {
        guard let sector else { return try EnvelopeCertifier(geodesic: geodesic, thoroughness: thoroughness).verify(figure, launch: launch) }
        switch try Self.fanLaunch(launch) {
        case .point(let center): return FanCertifier(geodesic: geodesic, thoroughness: thoroughness).verify(figure, center: center, sector: sector)
        case .lines: return LineFanCertifier(geodesic: geodesic, thoroughness: thoroughness).verify(figure, launch: launch, sector: sector)
        }
    }

    /// What a fan is drawn from: one point, or lines (with any points).
    public enum FanLaunch: Sendable, Equatable {
        case point(LonLat)
        case lines
    }

    /// - Throws: `StrikeRangeError` when the launch holds an area (polygon) or nothing.
    public static func fanLaunch(_ launch: Geometry, option: String = "--sector") throws(StrikeRangeError) -> FanLaunch {
        if let center = try? fanCenter(launch, option: option) { return .point(center) }
        var hasArea = false, hasLine = false, hasPoint = false
        func scan(_ g: Geometry) {
            switch g {
            case .polygon, .multiPolygon: hasArea = true
            case .lineString(let l): if l.coordinates.count >= 2 { hasLine = true } else if !l.coordinates.isEmpty { hasPoint = true }
            case .multiLineString(let m): for l in m.lineStrings { scan(.lineString(l)) }
            case .point(let p): if p.coordinate != nil { hasPoint = true }
            case .multiPoint(let m): if !m.points.isEmpty { hasPoint = true }
            case .geometryCollection(let c): for g in c.geometries { scan(g) }
            }
        }
        scan(launch)
        if hasArea {
            throw StrikeRangeError("\(option): range fans are drawn from points and lines, not from areas; for a fan from every point of an area's boundary give the boundary as a line (a GeoJSON LineString, e.g. a coast or a border: border:UA-RU), or leave the sector out for a full envelope")
        }
        guard hasLine || hasPoint else {
            throw StrikeRangeError("\(option): the launch geometry is empty; give a point or a line with coordinates")
        }
        return .lines
    }

    /// The launch point of a one-point fan.
    /// - Throws: `StrikeRangeError` when the launch area is not a single point.
    public static func fanCenter(_ launch: Geometry, option: String = "--sector") throws(StrikeRangeError) -> LonLat {
        switch launch {
        case .point(let p):
            if let c = p.coordinate { return LonLat(longitude: c.x, latitude: c.y) }
        case .multiPoint(let m) where m.points.count == 1:
            return try fanCenter(.point(m.points[0]), option: option)
        case .geometryCollection(let c) where c.geometries.count == 1:
            return try fanCenter(c.geometries[0], option: option)
        default:
            break
        }
        throw StrikeRangeError("\(option): this fan is not drawn from one launch point")
    }

    /// The fan's side radials as lines for drawing: from the launch point, or from both ends of every launch line
    /// (and from every point) when the fan is drawn from lines.
    public func radials(launch: Geometry, rangeMeters: Double, sector: RangeSector, toleranceMeters: Double) throws -> [(azimuthDegrees: Double, line: Geometry)] {
        var origins = [LonLat]()
        func scan(_ g: Geometry) {
            switch g {
            case .point(let p): if let c = p.coordinate { origins.append(LonLat(longitude: c.x, latitude: c.y)) }
            case .multiPoint(let m): for p in m.points { scan(.point(p)) }
            case .lineString(let l):
                for c in [l.coordinates.first, l.coordinates.last].compactMap({ $0 }) { origins.append(LonLat(longitude: c.x, latitude: c.y)) }
            case .multiLineString(let m): for l in m.lineStrings { scan(.lineString(l)) }
            case .polygon, .multiPolygon: break
            case .geometryCollection(let c): for g in c.geometries { scan(g) }
            }
        }
        scan(launch)
        var seen = Set<String>()
        var out = [(azimuthDegrees: Double, line: Geometry)]()
        for o in origins where seen.insert("\(o.longitude),\(o.latitude)").inserted {
            let lines = FanBuilder(geodesic: geodesic).radials(center: o, rangeMeters: rangeMeters, sector: sector, toleranceMeters: toleranceMeters)
            out += zip([sector.startDegrees, sector.endDegrees], lines).map { ($0, $1) }
        }
        return out
    }

    /// Properties of a fan's feature: `sector_start_deg`, `sector_end_deg`, `sector_width_deg`, `bearing_deg`.
    public static func sectorProperties(_ sector: RangeSector) -> [String: JSONValue] {
        ["sector_start_deg": .number(rounded6(sector.startDegrees)), "sector_end_deg": .number(rounded6(sector.endDegrees)),
         "sector_width_deg": .number(rounded6(sector.widthDegrees)), "bearing_deg": .number(rounded6(sector.bearingDegrees))]
    }

    /// Properties of a ring's feature: `ring_m`, `ring_km`, `ring_label` ("100 km") and `label_lon`/`label_lat`, where
    /// the map writes the label (on the fan's bearing, or the ring's northernmost vertex).
    public func ringProperties(distanceMeters: Double, ring: RangeEnvelope, launch: Geometry, sector: RangeSector?) -> [String: JSONValue] {
        var anchor: LonLat?
        if let sector, let center = try? Self.fanCenter(launch) {
            anchor = geodesic.direct(from: center, azimuthDegrees: sector.bearingDegrees, distanceMeters: distanceMeters).position
        } else if let top = ring.geometry.polygons.flatMap(\.exterior).max(by: { $0.y < $1.y }) {
            anchor = LonLat(longitude: top.x, latitude: top.y)
        }
        var p: [String: JSONValue] = [
            "ring_m": .number(distanceMeters), "ring_km": .number(Self.rounded6(distanceMeters / 1000)),
            "ring_label": .string(RangeRings.kmText(distanceMeters)),
        ]
        if let anchor {
            p["label_lon"] = .number(Self.rounded6(anchor.longitude))
            p["label_lat"] = .number(Self.rounded6(anchor.latitude))
        }
        return p
    }

    static func rounded6(_ v: Double) -> Double { (v * 1e6).rounded() / 1e6 }
}
