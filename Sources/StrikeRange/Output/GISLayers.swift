import GeoJSON
import Geometry
import VectorFiles

/// The layers of a result as a GIS wants them (issue 11): one layer per kind (launch_area, envelope, coverage,
/// region, border, target), one geometry type per layer (multi types, so a part and a whole fit), typed fields
/// with one meaning each, lists as text, and field names of at most 10 characters so that a Shapefile keeps
/// them; the long name of the shared vocabulary (`TableColumns`) is each field's alias.
/// Built from the same features as layers.geojson, so the two cannot disagree.
public enum GISLayers {
    /// Short field names for the long ones of the GeoJSON layers (README "GIS layers" lists them all).
    public static let shortNames: [String: String] = [
        "achieved_error_m": "error_m", "area_in_range_km2": "inrng_km2", "length_in_range_m": "inrng_m",
        "min_range_m": "minrange_m", "region_code": "reg_code", "region_name": "region", "description": "descr",
        "weapon_name": "weapon_nm", "tolerance_m": "tol_m", "line_style": "line_style", "verification_passed": "verified",
        "verified_samples": "samples", "standoff_from": "stdoff_frm",
        "vertex_count": "vertices", "geos_version": "geos_ver", "proj_version": "proj_ver", "tool_version": "tool_ver",
    ]

    /// Styling hints of the GeoJSON (simplestyle) that become the QGIS style instead of fields.
    static let styleKeys: Set<String> = ["fill", "fill-opacity", "stroke", "stroke-opacity", "stroke-width", "marker-color",
                                         "marker-size", "marker-symbol", "layer"]

    /// The order layers are listed in (and drawn in by QGIS, bottom first).
    public static let layerOrder = ["launch_area", "envelope", "coverage", "region", "border", "target"]

    /// The layer a feature belongs to: its `layer` property, with region outlines (kept in the GeoJSON's
    /// border layer for the map) as their own polygon layer.
    static func layerName(_ feature: Feature, default defaultLayer: String = "features") -> String {
        let layer = feature.properties["layer"]?.stringValue ?? defaultLayer
        if layer == "border", feature.properties["kind"]?.stringValue == "region" { return "region" }
        return layer
    }

    /// - Throws: `GeometryError` if a geometry cannot be encoded.
    /// - Parameter defaultLayer: the layer of features without a `layer` property (a plain `envelope` output).
    public static func layers(from features: [Feature], defaultLayer: String = "features",
                              engine: GeometryEngine = GeometryEngine()) throws -> [VectorLayer] {
        // One geometry dimension per layer: a layer holding several (a launch area of a city and an oblast) is
        // split into `<layer>_points`, `_lines`, `_polygons`. Features without geometry join their layer's first.
        var groups = [String: [Int: [Feature]]]()
        for f in features {
            let d = f.geometry.flatMap { isEmpty($0) ? nil : dimension($0) } ?? -1
            groups[layerName(f, default: defaultLayer), default: [:]][d, default: []].append(f)
        }
        var result = [VectorLayer]()
        let names = groups.keys.sorted { (layerOrder.firstIndex(of: $0) ?? 99, $0) < (layerOrder.firstIndex(of: $1) ?? 99, $1) }
        for name in names {
            var byDimension = groups[name]!
            if let none = byDimension.removeValue(forKey: -1) {
                if let first = byDimension.keys.min() { byDimension[first]! += none } else { byDimension[2] = none }
            }
            let suffixes = [0: "_points", 1: "_lines", 2: "_polygons"]
            for d in byDimension.keys.sorted() {
                let layerName = byDimension.count > 1 ? name + suffixes[d]! : name
                result.append(try layer(layerName, dimension: d, byDimension[d]!, description: layerDescriptions[name] ?? "", engine))
            }
        }
        return result
    }

    static func layer(_ name: String, dimension: Int, _ features: [Feature], description: String,
                      _ engine: GeometryEngine) throws -> VectorLayer {
        // Field kinds from the values (null says nothing); text wins over a mixture.
        var kinds = [String: VectorLayer.Field.Kind]()
        var keys = Set<String>()
        for f in features {
            guard case let .object(properties) = f.properties else { continue }
            for (key, value) in properties where !styleKeys.contains(key) {
                keys.insert(key)
                let kind: VectorLayer.Field.Kind
                switch value {
                case .string, .array, .object: kind = .text
                case .bool: kind = .boolean
                case .number: kind = .real
                case .null: continue
                }
                if let known = kinds[key], known != kind { kinds[key] = .text } else { kinds[key] = kind }
            }
        }
        // A measure that is null in every feature (lengths in a layer of areas) keeps its unit's type.
        for key in keys where kinds[key] == nil && (key.hasSuffix("_m") || key.hasSuffix("_km2") || key.hasSuffix("_deg")) {
            kinds[key] = .real
        }
        // Counts (vertex_count, verified_samples) are integers: whole numbers in a field without a unit.
        for key in keys where kinds[key] == .real && !(key.hasSuffix("_m") || key.hasSuffix("_km2") || key.hasSuffix("_deg") || key == "percent") {
            let numbers = features.compactMap { $0.properties[key]?.numberValue }
            if numbers.allSatisfy({ $0 == $0.rounded() && abs($0) < 9e15 }) { kinds[key] = .integer }
        }
        let ordered = keys.sorted { (rank($0), $0) < (rank($1), $1) }
        var fields = ordered.map { key in
            VectorLayer.Field(shortNames[key] ?? key, kinds[key] ?? .text, alias: shortNames[key] == nil ? nil : key)
        }
        var allPoints = true
        let rows = try features.map { f -> VectorLayer.Feature in
            var wkb: [UInt8]?
            if let g = f.geometry, !isEmpty(g) {
                wkb = try engine.wkb(g)
                if case .point = g {} else { allPoints = false }
            }
            let values = ordered.map { key -> VectorLayer.Value in
                let value = f.properties[key] ?? .null
                switch (kinds[key] ?? .text, value) {
                case (_, .null): return .null
                case (.boolean, .bool(let b)): return .boolean(b)
                case (.real, .number(let n)): return .real(n)
                case (.integer, .number(let n)): return .integer(Int(n))
                case (_, .string(let s)): return .text(s)
                case (_, .array(let items)): return .text(items.map { $0.stringValue ?? $0.jsonText }.joined(separator: "; "))
                default: return .text(value.stringValue ?? value.jsonText)
                }
            }
            return VectorLayer.Feature(wkb: wkb, values: values)
        }
        let type: VectorLayer.GeometryType = dimension == 0 ? (allPoints ? .point : .multiPoint)
            : dimension == 1 ? .multiLineString : .multiPolygon
        for (i, field) in fields.enumerated() where field.kind == .text {
            let longest = rows.map { row -> Int in if case let .text(t) = row.values[i] { return t.utf8.count }; return 0 }.max() ?? 0
            fields[i].width = max(1, longest)
        }
        return VectorLayer(name: name, geometryType: type, fields: fields, features: rows, description: description)
    }

    static let layerDescriptions = [
        "launch_area": "Launch area after exclusions and standoff",
        "envelope": "Range envelopes: every point within range (geodesic, WGS84) of the launch area, with achieved error",
        "coverage": "Part of each region within range of each weapon",
        "region": "Regions of the coverage table",
        "border": "Borders a standoff is measured from",
        "target": "Targets with distance and verdict",
        "in_range": "Places and airfields with distance, margin and verdict per weapon variant",
    ]

    /// name first, description last, the rest by name.
    static func rank(_ key: String) -> Int { key == "name" ? 0 : key == "description" ? 2 : 1 }

    static func isEmpty(_ g: Geometry) -> Bool {
        switch g {
        case let .point(p): return p.coordinate == nil
        case let .lineString(l): return l.coordinates.isEmpty
        case let .polygon(p): return p.isEmpty
        case let .multiPoint(m): return m.points.isEmpty
        case let .multiLineString(m): return m.lineStrings.isEmpty
        case let .multiPolygon(m): return m.polygons.isEmpty
        case let .geometryCollection(c): return c.geometries.allSatisfy(isEmpty)
        }
    }

    static func dimension(_ g: Geometry) -> Int {
        switch g {
        case .point, .multiPoint: return 0
        case .lineString, .multiLineString: return 1
        case .polygon, .multiPolygon: return 2
        case let .geometryCollection(c): return c.geometries.map(dimension).max() ?? -1
        }
    }
}

extension GISLayers {
    /// Writes `features` as GIS layers to `path` (a GeoPackage with QGIS styles and `metadata`, or a FlatGeobuf
    /// of a single layer, by the extension), atomically.
    /// - Throws: `StrikeRangeError` naming the path when the layers cannot be built or written.
    public static func write(_ features: [Feature], defaultLayer: String = "features", metadata: [(key: String, value: String)],
                             to path: String) throws {
        let file = try GISLayerFile(path: path)
        do {
            try file.add(features, defaultLayer: defaultLayer)
            try file.finish(metadata: metadata)
        } catch {
            file.abandon()
            throw error
        }
    }

    /// Whether `path` names a GIS layer file (.gpkg, .fgb) rather than GeoJSON.
    public static func isLayerFile(_ path: String) -> Bool { VectorFileFormat(path: path) != nil }

    /// The GeoPackage metadata every output carries: what was computed, to which bound, read how.
    public static func metadata(title: String, launch: String, toleranceMeters: Double, achievedErrorsMeters: [Double],
                                sources: [String], edges: EdgeReading = .lonlat) -> [(key: String, value: String)] {
        [("title", title), ("tool", "strikerange \(Versions.tool)"),
         ("tolerance_m", FixedDecimals.text(toleranceMeters, FixedDecimals.meters)),
         ("achieved_error_m", achievedErrorsMeters.max().map { FixedDecimals.text($0, FixedDecimals.meters) } ?? ""),
         ("edges", edges.description),
         ("launch", launch), ("sources", sources.joined(separator: " | "))]
    }
}
