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
    /// - Throws: `StrikeRangeError` (a fan from anything but one point, a fan beyond 10,000 km) or the builders' errors.
    public func build(launch: Geometry, sector: RangeSector?, parameters: RangeParameters, option: String = "--sector") throws -> RangeEnvelope {
        if let sector {
            let center = try Self.fanCenter(launch, option: option)
            var fan = try FanBuilder(geodesic: geodesic).build(center: center, parameters: parameters, sector: sector)
            fan.verification = FanCertifier(geodesic: geodesic, thoroughness: thoroughness).verify(fan, center: center, sector: sector)
            return fan
        }
        var envelope = try EnvelopeBuilder(geodesic: geodesic).build(launch: launch, parameters: parameters)
        envelope.verification = try EnvelopeCertifier(geodesic: geodesic, thoroughness: thoroughness).verify(envelope, launch: launch)
        return envelope
    }

    /// The launch point of a fan.
    /// - Throws: `StrikeRangeError` when the launch area is not a single point (lines and areas are not supported yet).
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
        throw StrikeRangeError("\(option): range fans are drawn from one launch point; fans from lines and areas are not supported yet. Give one point (coordinates, MGRS, UTM or a place), or leave the sector out for a full envelope")
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
