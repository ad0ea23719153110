import GeoJSON
import Geodesy
import Geometry
import VectorFiles

/// The `target` layer of `reach --output x.gpkg|x.fgb`: one point per target × weapon variant, with the
/// columns of the reach CSV (`ReachColumns`, same names as aliases, same decimals) as typed fields, plus
/// `reachable` (verdict in_range). A fixed schema, so rows can be appended chunk by chunk (`GISLayerFile`).
public struct ReachLayer {
    public static let name = "target"
    /// Short (≤ 10 characters, Shapefile-safe) names of the reach columns longer than that.
    static let shortNames = ["min_range_m": "minrange_m", "nearest_launch_lat": "near_lat", "nearest_launch_lon": "near_lon",
                             "azimuth_deg": "azim_deg", "tolerance_m": "tol_m", "target_coords": "tgt_coords",
                             "nearest_launch_coords": "near_coord"]

    public let schema: VectorLayer
    let passthroughCount: Int
    let coords: Bool
    private let engine = GeometryEngine()

    /// - Parameters:
    ///   - passthroughColumns: the user's extra CSV columns, kept as text (shortened to 10 characters when
    ///     longer, the full name as alias).
    ///   - coords: whether the `--coords` columns are present.
    public init(passthroughColumns: [String], coords: Bool) {
        let m = VectorLayer.Field.Kind.real
        func field(_ long: String, _ kind: VectorLayer.Field.Kind) -> VectorLayer.Field {
            VectorLayer.Field(Self.shortNames[long] ?? long, kind, alias: Self.shortNames[long] == nil ? nil : long)
        }
        var fields = [field("name", .text), field("lat", m), field("lon", m)]
        var used = Set(["name", "lat", "lon"] + ReachColumns.trailing.map { Self.shortNames[$0] ?? $0 } + ["reachable", "tol_m", "tgt_coords", "near_coord"])
        for column in passthroughColumns {
            var short = String(column.prefix(10))
            var n = 1
            while used.contains(short.lowercased()) || used.contains(short) {
                n += 1
                short = String(column.prefix(10 - String(n).count - 1)) + "_" + String(n)
            }
            used.insert(short.lowercased())
            fields.append(VectorLayer.Field(short, .text, alias: short == column ? nil : column))
        }
        fields += [field("weapon", .text), field("variant", .text), field("range_m", m), field("min_range_m", m),
                   field("tolerance_m", m), field("distance_m", m), field("margin_m", m), field("verdict", .text),
                   field("reachable", .boolean), field("nearest_launch_lat", m), field("nearest_launch_lon", m),
                   field("azimuth_deg", m)]
        if coords { fields += [field("target_coords", .text), field("nearest_launch_coords", .text)] }
        schema = VectorLayer(name: Self.name, geometryType: .point, fields: fields,
                             description: "Targets with distance, margin and verdict per weapon variant (exact geodesic distances, WGS84)")
        passthroughCount = passthroughColumns.count
        self.coords = coords
    }

    /// One row. `result` is nil under `--verdict-only` (distance, margin, nearest point and azimuth stay null).
    /// - Throws: `GeometryError` if the point cannot be encoded.
    public func row(name: String, point: LonLat?, passthrough: [String], weapon: RangeVariant, result: ReachResult?,
                    verdict: ReachVerdict, coordsText: (target: String, nearestLaunch: String)? = nil) throws -> VectorLayer.Feature {
        let deg = FixedDecimals.coordinateDegrees, m = FixedDecimals.meters
        func real(_ v: Double?, _ decimals: Int) -> VectorLayer.Value {
            FixedDecimals.json(v, decimals).numberValue.map(VectorLayer.Value.real) ?? .null
        }
        let p = weapon.parameters
        var values: [VectorLayer.Value] = [.text(name), real(point?.latitude, deg), real(point?.longitude, deg)]
        values += (0..<passthroughCount).map { $0 < passthrough.count ? .text(passthrough[$0]) : .null }
        values += [.text(weapon.weaponID), .text(weapon.kind.rawValue), real(p.rangeMeters, m), real(p.minRangeMeters, m), real(p.toleranceMeters, m),
                   real(result?.distanceMeters, m), real(result?.marginMeters, m), .text(verdict.rawValue), .boolean(verdict == .inRange),
                   real(result?.nearestLaunchPoint.latitude, deg), real(result?.nearestLaunchPoint.longitude, deg),
                   real(result?.azimuthDegrees, FixedDecimals.azimuthDegrees)]
        if coords { values += [.text(coordsText?.target ?? ""), .text(coordsText?.nearestLaunch ?? "")] }
        let wkb = try point.map { try engine.wkb(.point(Point(x: $0.longitude, y: $0.latitude))) }
        return VectorLayer.Feature(wkb: wkb, values: values)
    }

    /// Style hints for the layer: one marker colour per weapon (QGIS categorises by `weapon`).
    public static func styleFeatures(weapons: [RangeVariant]) -> [Feature] {
        var ids = [String]()
        for w in weapons where !ids.contains(w.weaponID) { ids.append(w.weaponID) }
        return ids.enumerated().map { i, id in
            Feature(geometry: nil, properties: .object(["layer": .string(name), "weapon": .string(id),
                                                        "marker-color": .string(LayerPalette.weapon(i))]))
        }
    }
}

extension GISLayers {
    /// The launch area as a GIS feature (layer `launch_area`, the scenario's colours), with its geodesic area.
    public static func launchAreaFeature(_ launch: Geometry, label: String) -> Feature {
        var p: [String: JSONValue] = [
            "layer": .string("launch_area"), "name": .string(label),
            "area_km2": FixedDecimals.json(GeodesicMeasure().areaSquareMeters(launch) / 1e6, FixedDecimals.squareKilometers),
        ]
        ScenarioLayers.style(&p, fill: LayerPalette.launchFill, fillOpacity: 0.55, stroke: LayerPalette.launchStroke, strokeWidth: 1.5)
        return Feature(geometry: launch, properties: .object(p))
    }

    /// An `envelope` feature as `envelope --output` writes it, put in the `envelope` layer and coloured as the
    /// weapon's `weaponIndex`-th colour (sources as text).
    public static func envelopeFeature(_ feature: Feature, weaponIndex: Int, isMain: Bool) -> Feature {
        var f = feature
        guard case .object(var p) = f.properties else { return f }
        p["layer"] = .string("envelope")
        let color = LayerPalette.weapon(weaponIndex)
        ScenarioLayers.style(&p, fill: color, fillOpacity: isMain ? 0.12 : 0, stroke: color, strokeWidth: isMain ? 2.5 : 1.2)
        f.properties = .object(p)
        return f
    }

    /// A `coverage` feature: the in-range part of a region, coloured as its weapon.
    public static func coverageFeature(geometry: Geometry?, properties: [String: JSONValue], weaponIndex: Int) -> Feature {
        var p = properties
        p["layer"] = .string("coverage")
        let color = LayerPalette.weapon(weaponIndex)
        ScenarioLayers.style(&p, fill: color, fillOpacity: 0.3, stroke: color, strokeWidth: 0.8)
        return Feature(geometry: geometry ?? .multiPolygon(MultiPolygon([])), properties: .object(p))
    }
}
