import GeoJSON
import Geometry

/// CSV with geometry as well-known text (#11: for spreadsheets and chart tools, which read neither GeoPackage
/// nor GeoJSON): `--format csv-wkt` on envelope, reach, coverage and inrange adds a last column `wkt`, written by
/// GEOS's WKT writer in longitude/latitude order (x = lon) with 8 decimals (about 1 mm), as GDAL's CSV driver
/// (`-oo GEOM_POSSIBLE_NAMES=wkt`), QGIS's delimited-text layer and BigQuery's ST_GEOGFROMTEXT read it.
public final class WKTColumn {
    public static let name = "wkt"
    /// A spreadsheet cell holds at most 32,767 characters (Excel, LibreOffice); longer geometries are written
    /// whole for GIS tools and counted for a note.
    public static let spreadsheetCellLimit = 32_767

    private let engine = GeometryEngine()
    public private(set) var overlongCount = 0

    public init() {}

    /// The WKT of `geometry`; "" for none or an empty one (a region with nothing in range).
    /// - Throws: `GeometryError` if GEOS cannot write it.
    public func text(_ geometry: Geometry?) throws -> String {
        guard let geometry, !GISLayers.isEmpty(geometry) else { return "" }
        let text = try engine.wkt(geometry, precision: FixedDecimals.coordinateDegrees)
        if text.utf8.count > Self.spreadsheetCellLimit { overlongCount += 1 }
        return text
    }

    /// Said on standard error when some geometry does not fit a spreadsheet cell.
    public var note: String? {
        overlongCount == 0 ? nil
            : "\(overlongCount) wkt value(s) exceed \(Self.spreadsheetCellLimit) characters, a spreadsheet cell's limit; GIS tools (ogr2ogr, QGIS) read them whole, a spreadsheet truncates them (use --output x.gpkg there)"
    }

    /// Features as CSV: one column per property (`columns`, else every key, sorted), then `wkt`.
    /// Lists become "a; b" text; numbers as JSON writes them. No final line break (the caller ends the output).
    public func csv(_ features: [Feature], columns: [String]? = nil) throws -> String {
        let keys = columns ?? Array(Set(features.flatMap { f -> [String] in
            guard case let .object(p) = f.properties else { return [] }
            return Array(p.keys)
        })).sorted()
        var lines = [CSVText.line(keys + [Self.name])]
        for f in features {
            let cells = keys.map { key -> String in
                switch f.properties[key] ?? .null {
                case .null: return ""
                case let .string(s): return s
                case let .array(items): return items.map { $0.stringValue ?? $0.jsonText }.joined(separator: "; ")
                case let v: return v.jsonText
                }
            }
            lines.append(CSVText.line(cells + [try text(f.geometry)]))
        }
        return lines.joined(separator: "\n")
    }
}
