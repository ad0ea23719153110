import Geometry
import GeoJSON

/// KML 2.2 for Google Earth from a styled layer set: one Folder per `layer` (in first-seen order), one
/// Placemark per feature with its `name`, `description`, an inline Style using the feature's
/// simplestyle colours (KML's aabbggrr) and its figures as ExtendedData. Coordinates with 7 decimals, so output is byte-stable.
public enum KMLWriter {
    public static func document(title: String, features: [Feature]) -> String {
        var layers = [String](), byLayer = [String: [Feature]]()
        for f in features {
            let layer = f.properties["layer"]?.stringValue ?? "other"
            if byLayer[layer] == nil { layers.append(layer) }
            byLayer[layer, default: []].append(f)
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n"
        out += "<name>\(escape(title))</name>\n"
        for layer in layers {
            out += "<Folder>\n<name>\(escape(layer))</name>\n"
            for f in byLayer[layer]! { out += placemark(f) }
            out += "</Folder>\n"
        }
        return out + "</Document>\n</kml>\n"
    }

    static func placemark(_ f: Feature) -> String {
        let p = f.properties
        var out = "<Placemark>\n<name>\(escape(p["name"]?.stringValue ?? ""))</name>\n"
        if let d = p["description"]?.stringValue { out += "<description>\(escape(d))</description>\n" }
        let stroke = p["stroke"]?.stringValue ?? "#000000"
        let fill = p["fill"]?.stringValue ?? stroke
        let fillOpacity = p["fill-opacity"]?.numberValue ?? 0
        let width = p["stroke-width"]?.numberValue ?? 1
        out += "<Style>"
        if let marker = p["marker-color"]?.stringValue {
            out += "<IconStyle><color>\(LayerPalette.kmlColor(marker, opacity: 1))</color></IconStyle>"
        }
        out += "<LineStyle><color>\(LayerPalette.kmlColor(stroke, opacity: 1))</color><width>\(format(width, 1))</width></LineStyle>"
        out += "<PolyStyle><color>\(LayerPalette.kmlColor(fill, opacity: fillOpacity))</color><fill>\(fillOpacity > 0 ? 1 : 0)</fill><outline>1</outline></PolyStyle>"
        out += "</Style>\n"
        out += extendedData(p)
        if let g = f.geometry { out += geometry(GeoJSONWriter.normalized(g)) + "\n" }
        return out + "</Placemark>\n"
    }

    /// Every figure of the feature (range, weapon, sources, tolerance, achieved error, coverage) as KML
    /// ExtendedData, which Google Earth shows in a table and GIS tools read as fields; styling keys excepted.
    static func extendedData(_ p: JSONValue) -> String {
        guard case let .object(properties) = p else { return "" }
        let skipped: Set<String> = ["name", "description", "layer", "fill", "fill-opacity", "stroke", "stroke-opacity", "stroke-width",
                                    "marker-color", "marker-size"]
        var items = ""
        for key in properties.keys.sorted() where !skipped.contains(key) {
            let text: String
            switch properties[key]! {
            case .null: continue
            case let .string(s): text = s
            case let .bool(b): text = b ? "true" : "false"
            case let .array(a): text = a.map { $0.stringValue ?? $0.jsonText }.joined(separator: " | ")
            case let value: text = value.jsonText
            }
            items += "<Data name=\"\(escape(key))\"><value>\(escape(text))</value></Data>"
        }
        return items.isEmpty ? "" : "<ExtendedData>\(items)</ExtendedData>\n"
    }

    static func geometry(_ g: Geometry) -> String {
        switch g {
        case .point(let p):
            guard let c = p.coordinate else { return "<MultiGeometry/>" }
            return "<Point><coordinates>\(coordinate(c))</coordinates></Point>"
        case .lineString(let l): return "<LineString><tessellate>1</tessellate><coordinates>\(coordinates(l.coordinates))</coordinates></LineString>"
        case .polygon(let p):
            var s = "<Polygon><tessellate>1</tessellate><outerBoundaryIs><LinearRing><coordinates>\(coordinates(p.exterior))</coordinates></LinearRing></outerBoundaryIs>"
            for h in p.holes { s += "<innerBoundaryIs><LinearRing><coordinates>\(coordinates(h))</coordinates></LinearRing></innerBoundaryIs>" }
            return s + "</Polygon>"
        case .multiPoint(let m): return multi(m.points.map { geometry(.point($0)) })
        case .multiLineString(let m): return multi(m.lineStrings.map { geometry(.lineString($0)) })
        case .multiPolygon(let m): return multi(m.polygons.map { geometry(.polygon($0)) })
        case .geometryCollection(let c): return multi(c.geometries.map(geometry))
        }
    }

    private static func multi(_ parts: [String]) -> String { "<MultiGeometry>" + parts.joined() + "</MultiGeometry>" }
    private static func coordinate(_ c: Coordinate) -> String { "\(format(c.x, 7)),\(format(c.y, 7))" }
    private static func coordinates(_ cs: [Coordinate]) -> String { cs.map(coordinate).joined(separator: " ") }

    static func escape(_ text: String) -> String {
        var s = ""
        for ch in text {
            switch ch {
            case "&": s += "&amp;"
            case "<": s += "&lt;"
            case ">": s += "&gt;"
            case "\"": s += "&quot;"
            default: s.append(ch)
            }
        }
        return s
    }
}

extension JSONValue {
    subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }
    var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    var numberValue: Double? { if case .number(let n) = self { return n }; return nil }
    var boolValue: Bool? { if case .bool(let b) = self { return b }; return nil }
    var arrayValue: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
}
