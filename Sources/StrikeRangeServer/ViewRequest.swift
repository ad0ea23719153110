import Foundation
import GeoJSON
import StrikeRange

/// What the page (or any client) asks about: the same fields as a scenario file (`Data/scenarios/README.md`),
/// as JSON. Launch areas and other locations are specifiers (`region:UA-59`, `50.45,30.52`, `border:UA-RU`)
/// or inline GeoJSON (`{"geojson": {...}, "name": "drawn area"}`); file paths are refused: the server reads
/// no file a client names.
struct ViewRequest: Sendable {
    enum Location: Sendable, Hashable {
        case specifier(String)
        /// Inline GeoJSON as bytes for `GeoJSONReader`, with the label it is shown under.
        case geojson(bytes: [UInt8], name: String)
    }
    enum WeaponEntry: Sendable, Hashable {
        case catalog(id: String, spread: Bool?)
        /// Distances as text with a unit ("300km"), read by the scenario decoder.
        case custom(name: String, range: String, minRange: String?, source: String?)
    }

    var title = ""
    var launch: [Location] = []
    var exclude: [Location] = []
    var standoff: String?
    var standoffFrom: [Location] = []
    var makeValid = false
    var weapons: [WeaponEntry] = []
    var spread = false
    var regions: [String] = []
    var targets: [String] = []
    var tolerance: String?
    var placement: String?
    /// Reach only: for each target, the part of the launch area that reaches it.
    var reverse = false

    static let keys = ["title", "launch", "exclude", "standoff", "standoff_from", "make_valid", "weapons", "spread",
                       "regions", "targets", "tolerance", "placement", "reverse"]

    /// Reads a request body strictly: unknown keys, wrong types and forbidden forms are `APIError`s naming
    /// the field. Values (distances, names) are checked later by the scenario decoder and the catalog.
    /// - Parameter required: members the endpoint needs ("launch", "weapons", "regions", "targets").
    init(body: Data, options: ServerOptions, required: [String]) throws(APIError) {
        let root: JSONValue
        do {
            root = try JSONDecoder().decode(JSONValue.self, from: body)
        } catch {
            throw .badRequest("", "the body is not valid JSON (\(Self.describe(error))); send a JSON object such as {\"launch\": [\"UA\"], \"weapons\": [\"atacms\"]}")
        }
        guard case .object(let members) = root else {
            throw .badRequest("", "the body must be a JSON object, found \(Self.kind(root))")
        }
        for key in members.keys.sorted() where !Self.keys.contains(key) {
            throw .badRequest(key, "unknown member '\(key)'; valid members: \(Self.keys.joined(separator: ", "))")
        }
        for key in required where members[key] == nil || members[key] == .null {
            throw .badRequest(key, "required member is missing")
        }
        var reader = Reader(options: options)
        title = try reader.text(members["title"], field: "title") ?? ""
        launch = try reader.locations(members["launch"], field: "launch")
        exclude = try reader.locations(members["exclude"], field: "exclude")
        standoff = try reader.text(members["standoff"], field: "standoff", distance: true)
        standoffFrom = try reader.locations(members["standoff_from"], field: "standoff_from")
        makeValid = try reader.bool(members["make_valid"], field: "make_valid") ?? false
        weapons = try reader.weapons(members["weapons"], field: "weapons")
        spread = try reader.bool(members["spread"], field: "spread") ?? false
        regions = try reader.specifiers(members["regions"], field: "regions")
        targets = try reader.specifiers(members["targets"], field: "targets", allowName: true)
        tolerance = try reader.text(members["tolerance"], field: "tolerance", distance: true)
        placement = try reader.text(members["placement"], field: "placement")
        reverse = try reader.bool(members["reverse"], field: "reverse") ?? false
        if required.contains("launch") && launch.isEmpty { throw .badRequest("launch", "give at least one launch area, e.g. [\"UA\"] or [\"region:UA-59\"]") }
        if required.contains("weapons") && weapons.isEmpty { throw .badRequest("weapons", "give at least one weapon, e.g. [\"atacms\"] or [{\"name\": \"custom\", \"range\": \"300km\"}]") }
        if required.contains("regions") && regions.isEmpty { throw .badRequest("regions", "give at least one region, e.g. [\"RU-BRY\"]") }
        if required.contains("targets") && targets.isEmpty { throw .badRequest("targets", "give at least one target, e.g. [\"Moscow\"] or [\"55.75,37.62\"]") }
    }

    private struct Reader {
        let options: ServerOptions
        var positions = 0

        func text(_ value: JSONValue?, field: String, distance: Bool = false) throws(APIError) -> String? {
            guard let value, value != .null else { return nil }
            guard case .string(let s) = value else {
                let example = distance ? "; give a distance with a unit as text, e.g. \"20km\"" : ""
                throw .badRequest(field, "expected text, found \(ViewRequest.kind(value))\(example)")
            }
            guard s.count <= options.maxTextLength else {
                throw .badRequest(field, "text of \(s.count) characters; at most \(options.maxTextLength)")
            }
            return s
        }

        func bool(_ value: JSONValue?, field: String) throws(APIError) -> Bool? {
            guard let value, value != .null else { return nil }
            guard case .bool(let b) = value else { throw .badRequest(field, "expected true or false, found \(ViewRequest.kind(value))") }
            return b
        }

        func list(_ value: JSONValue?, field: String) throws(APIError) -> [JSONValue] {
            guard let value, value != .null else { return [] }
            guard case .array(let items) = value else { throw .badRequest(field, "expected a list, found \(ViewRequest.kind(value))") }
            guard items.count <= options.maxListEntries else {
                throw .badRequest(field, "\(items.count) entries; the server takes at most \(options.maxListEntries)")
            }
            return items
        }

        /// A specifier the server may resolve: anything `LocationSpecifier` reads except a file.
        func specifier(_ value: JSONValue, field: String, allowName: Bool = false) throws(APIError) -> String {
            guard let text = try text(value, field: field) else { throw .badRequest(field, "expected text, found null") }
            let specifier = allowName ? LocationSpecifier.splitName(text).specifier : text
            let parsed: LocationSpecifier
            do { parsed = try LocationSpecifier(parsing: specifier) } catch { throw .badRequest(field, error.description) }
            if case .file = parsed {
                throw .badRequest(field, "'\(text)' reads as a file path; the server reads no files named by a client. "
                    + "Send the geometry itself: {\"geojson\": {\"type\": \"Polygon\", \"coordinates\": [...]}, \"name\": \"my area\"}")
            }
            return text
        }

        func specifiers(_ value: JSONValue?, field: String, allowName: Bool = false) throws(APIError) -> [String] {
            var out = [String]()
            for (i, item) in try list(value, field: field).enumerated() {
                out.append(try specifier(item, field: "\(field)[\(i)]", allowName: allowName))
            }
            return out
        }

        mutating func locations(_ value: JSONValue?, field: String) throws(APIError) -> [Location] {
            var out = [Location]()
            for (i, item) in try list(value, field: field).enumerated() {
                let f = "\(field)[\(i)]"
                if case .object(let members) = item {
                    for key in members.keys.sorted() where key != "geojson" && key != "name" {
                        throw .badRequest("\(f).\(key)", "unknown member '\(key)'; an inline area has \"geojson\" and an optional \"name\"")
                    }
                    guard let geojson = members["geojson"], case .object = geojson else {
                        throw .badRequest("\(f).geojson", "expected a GeoJSON object (Polygon, MultiPolygon, LineString, Point, Feature or FeatureCollection)")
                    }
                    positions += ViewRequest.countPositions(geojson)
                    guard positions <= options.maxPositions else {
                        throw .badRequest("\(f).geojson", "the request's inline GeoJSON holds more than \(options.maxPositions) positions; simplify it, or use `strikerange envelope --from FILE` for large files")
                    }
                    let name = try text(members["name"], field: "\(f).name") ?? "\(field) \(i + 1) (GeoJSON)"
                    let bytes: [UInt8]
                    do { bytes = Array(try JSONEncoder().encode(geojson)) } catch {
                        throw .badRequest("\(f).geojson", "cannot be re-encoded as JSON: \(error.localizedDescription)")
                    }
                    out.append(.geojson(bytes: bytes, name: name))
                } else {
                    out.append(.specifier(try specifier(item, field: f)))
                }
            }
            return out
        }

        func weapons(_ value: JSONValue?, field: String) throws(APIError) -> [WeaponEntry] {
            var out = [WeaponEntry]()
            for (i, item) in try list(value, field: field).enumerated() {
                let f = "\(field)[\(i)]"
                switch item {
                case .string:
                    out.append(.catalog(id: try text(item, field: f)!, spread: nil))
                case .object(let m):
                    if m["id"] != nil {
                        for key in m.keys.sorted() where !["id", "spread"].contains(key) {
                            throw .badRequest("\(f).\(key)", "unknown member '\(key)'; a catalog weapon has \"id\" and an optional \"spread\"")
                        }
                        guard let id = try text(m["id"], field: "\(f).id") else { throw .badRequest("\(f).id", "expected a weapon id, found null") }
                        out.append(.catalog(id: id, spread: try bool(m["spread"], field: "\(f).spread")))
                    } else {
                        for key in m.keys.sorted() where !["name", "range", "min_range", "source"].contains(key) {
                            throw .badRequest("\(f).\(key)", "unknown member '\(key)'; a weapon has \"id\" (catalog) or \"name\", \"range\", \"min_range\", \"source\"")
                        }
                        guard let range = try text(m["range"], field: "\(f).range", distance: true) else {
                            throw .badRequest("\(f).range", "required: a custom weapon needs a range with a unit, e.g. \"300km\" (or give a catalog \"id\")")
                        }
                        out.append(.custom(name: try text(m["name"], field: "\(f).name") ?? "custom", range: range,
                                           minRange: try text(m["min_range"], field: "\(f).min_range", distance: true),
                                           source: try text(m["source"], field: "\(f).source")))
                    }
                default:
                    throw .badRequest(f, "expected a weapon id such as \"atacms\" or an object {\"id\": ...} / {\"name\": ..., \"range\": \"300km\"}, found \(ViewRequest.kind(item))")
                }
            }
            return out
        }
    }

    static func countPositions(_ value: JSONValue) -> Int {
        switch value {
        case .array(let items):
            if items.count >= 2, items.allSatisfy({ if case .number = $0 { return true } else { return false } }) { return 1 }
            return items.reduce(0) { $0 + countPositions($1) }
        case .object(let members): return members.values.reduce(0) { $0 + countPositions($1) }
        default: return 0
        }
    }

    static func kind(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "text"
        case .array: "a list"
        case .object: "an object"
        }
    }

    static func describe(_ error: any Error) -> String {
        if case .dataCorrupted(let context)? = error as? DecodingError {
            return (context.underlyingError.map { "\($0.localizedDescription)" } ?? context.debugDescription)
        }
        return "\(error.localizedDescription)"
    }
}
