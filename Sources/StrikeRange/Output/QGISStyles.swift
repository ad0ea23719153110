import GeoJSON
import VectorFiles

/// QGIS layer styles (QML) for the GIS layers, stored in a GeoPackage's `layer_styles` table, which QGIS reads
/// when it opens a layer: the colours of the map and layers.geojson, one category per weapon where a layer holds
/// several.
public enum QGISStyles {
    /// The `layer_styles` table (QGIS's own schema) holding one default style per layer of `layers`.
    /// `features` are the GeoJSON features the layers were made from (their simplestyle colours).
    public static func table(for layers: [VectorLayer], features: [Feature], defaultLayer: String = "features") -> VectorLayer {
        var byLayer = [String: [Feature]]()
        for f in features { byLayer[GISLayers.layerName(f, default: defaultLayer), default: []].append(f) }
        let fields: [VectorLayer.Field] = [
            .init("f_table_catalog", .text), .init("f_table_schema", .text), .init("f_table_name", .text),
            .init("f_geometry_column", .text), .init("styleName", .text), .init("styleQML", .text), .init("styleSLD", .text),
            .init("useAsDefault", .boolean), .init("description", .text), .init("owner", .text), .init("ui", .text),
        ]
        let rows = layers.filter { $0.geometryType != .none }.map { layer -> VectorLayer.Feature in
            let base = GISLayers.layerOrder.first { layer.name == $0 || layer.name.hasPrefix($0 + "_") } ?? layer.name
            let qml = qml(for: layer, features: byLayer[base] ?? [])
            return VectorLayer.Feature(wkb: nil, values: [.text(""), .text(""), .text(layer.name), .text("geom"), .text(layer.name),
                                                          .text(qml), .text(""), .boolean(true), .text("StrikeRange default style"),
                                                          .text(""), .null])
        }
        return VectorLayer(name: "layer_styles", geometryType: .none, fields: fields, features: rows)
    }

    /// A categorized renderer on `weapon` when the layer's features have more than one colour, else one symbol.
    static func qml(for layer: VectorLayer, features: [Feature]) -> String {
        let kind: SymbolKind = layer.geometryType == .point || layer.geometryType == .multiPoint ? .marker
            : layer.geometryType == .multiLineString || layer.geometryType == .lineString ? .line : .fill
        var categories = [(value: String, symbol: String)]()
        var seen = Set<String>()
        for f in features {
            let weapon = f.properties["weapon"]?.stringValue ?? ""
            guard !weapon.isEmpty, seen.insert(weapon).inserted else { continue }
            categories.append((weapon, symbol(kind, f.properties, name: String(categories.count))))
        }
        let renderer: String
        if categories.count > 1 {
            let cats = categories.enumerated().map { i, c in
                "<category render=\"true\" value=\"\(xml(c.value))\" symbol=\"\(i)\" label=\"\(xml(c.value))\"/>"
            }.joined()
            renderer = "<renderer-v2 type=\"categorizedSymbol\" attr=\"weapon\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">"
                + "<categories>\(cats)</categories><symbols>\(categories.map(\.symbol).joined())</symbols></renderer-v2>"
        } else {
            let properties = features.first?.properties ?? .object([:])
            renderer = "<renderer-v2 type=\"singleSymbol\" symbollevels=\"0\" enableorderby=\"0\" forceraster=\"0\">"
                + "<symbols>\(symbol(kind, properties, name: "0"))</symbols></renderer-v2>"
        }
        return "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'><qgis version=\"3.28.0\" styleCategories=\"Symbology\">"
            + renderer + "</qgis>"
    }

    enum SymbolKind { case fill, line, marker }

    static func symbol(_ kind: SymbolKind, _ p: JSONValue, name: String) -> String {
        func option(_ key: String, _ value: String) -> String { "<Option type=\"QString\" name=\"\(key)\" value=\"\(xml(value))\"/>" }
        let stroke = rgba(p["stroke"]?.stringValue ?? p["marker-color"]?.stringValue ?? "#333333", opacity: p["stroke-opacity"]?.numberValue ?? 1)
        let width = String((p["stroke-width"]?.numberValue ?? 1) * 0.26)   // px at 96 dpi -> mm
        switch kind {
        case .fill:
            let fill = rgba(p["fill"]?.stringValue ?? "#888888", opacity: p["fill-opacity"]?.numberValue ?? 0)
            return "<symbol type=\"fill\" name=\"\(name)\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\"><layer class=\"SimpleFill\" enabled=\"1\" pass=\"0\" locked=\"0\"><Option type=\"Map\">"
                + option("color", fill) + option("outline_color", stroke) + option("outline_width", width)
                + option("outline_width_unit", "MM") + option("style", "solid") + option("outline_style", p["line_style"]?.stringValue == "dashed" ? "dash" : "solid")
                + "</Option></layer></symbol>"
        case .line:
            return "<symbol type=\"line\" name=\"\(name)\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\"><layer class=\"SimpleLine\" enabled=\"1\" pass=\"0\" locked=\"0\"><Option type=\"Map\">"
                + option("line_color", stroke) + option("line_width", width) + option("line_width_unit", "MM") + option("line_style", "solid")
                + "</Option></layer></symbol>"
        case .marker:
            return "<symbol type=\"marker\" name=\"\(name)\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\"><layer class=\"SimpleMarker\" enabled=\"1\" pass=\"0\" locked=\"0\"><Option type=\"Map\">"
                + option("color", rgba(p["marker-color"]?.stringValue ?? "#d62728", opacity: 1)) + option("name", "circle")
                + option("outline_color", "35,35,35,255") + option("size", "2.6") + option("size_unit", "MM")
                + "</Option></layer></symbol>"
        }
    }

    /// "#rrggbb" and an opacity as QGIS's "r,g,b,a".
    static func rgba(_ hex: String, opacity: Double) -> String {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6, let v = Int(digits, radix: 16) else { return "128,128,128,\(Int(opacity * 255))" }
        return "\(v >> 16 & 255),\(v >> 8 & 255),\(v & 255),\(Int((min(max(opacity, 0), 1) * 255).rounded()))"
    }

    static func xml(_ s: String) -> String { KMLWriter.escape(s) }
}
