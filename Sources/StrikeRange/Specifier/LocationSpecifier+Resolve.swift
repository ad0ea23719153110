import Foundation
import GeoJSON
import Geodesy
import Geometry

extension LocationSpecifier {
    /// Looks the specifier up in `catalog` (files are read here).
    /// - Throws: `LocationSpecifierError` (files), `LookupError` (names), `DataError` (data folder).
    /// - Parameter longEdges: how a file's edges longer than 180° of longitude are read (`LongEdgeReading`).
    public func resolve(in catalog: DataCatalog,
                        standardInput: () throws -> [UInt8] = LocationSpecifier.readStandardInput,
                        longEdges: LongEdgeReading = .reject) throws -> ResolvedLocation {
        switch self {
        case let .point(p):
            return ResolvedLocation(kind: .point, label: "\(Self.degrees(p.latitude)),\(Self.degrees(p.longitude))",
                                    geometry: .point(Point(x: p.longitude, y: p.latitude)))
        case let .place(query):
            let place = try catalog.places().place(matching: query) { text in
                try catalog.regions().country(matching: text).countryCode
            }
            return Self.resolved(place)
        case let .region(query):
            return Self.resolved(try catalog.regions().region(matching: query))
        case let .country(query):
            return Self.resolved(try catalog.regions().country(matching: query))
        case let .border(query):
            let border = try catalog.border(named: query)
            return ResolvedLocation(kind: .border, label: border.name, geometry: border.geometry,
                                    code: "\(border.codeA)-\(border.codeB)")
        case let .file(path):
            return try Self.resolveFile(path, standardInput: standardInput, longEdges: longEdges)
        case let .name(query):
            return try Self.resolveName(query, in: catalog)
        }
    }

    static func resolved(_ place: Place) -> ResolvedLocation {
        let area = place.admin1Code.map { "\($0), " } ?? ""
        return ResolvedLocation(kind: .place, label: "\(place.name), \(area)\(place.countryCode)",
                                geometry: place.geometry, code: place.admin1Code)
    }

    static func resolved(_ region: Region) -> ResolvedLocation {
        ResolvedLocation(kind: region.level == .country ? .country : .region, label: "\(region.code) \(region.name)",
                         geometry: region.geometry, code: region.code)
    }

    /// A bare name: a place, or a region/country; both → ambiguous, listing the prefixed forms. A region or
    /// country code (`UA`, `UA-59`, `RU-BRY`) is that region: codes are what the error message asks for, and
    /// the place gazetteer (7 MB, most of a short command's start-up) is then never loaded (issue 15).
    private static func resolveName(_ query: String, in catalog: DataCatalog) throws -> ResolvedLocation {
        let regions = try catalog.regions()
        if let coded = regions.region(withCode: query) { return resolved(coded) }
        let places = try catalog.places()
        let regionMatch = regions.match(query)
        let split = places.splitCountry(query)
        var countryCode = split.country
        if let text = countryCode, let country = try? regions.country(matching: text) { countryCode = country.countryCode }
        let placeHits = places.places(named: split.name, country: countryCode, limit: 3)
        // A place named exactly so beats a region found only once "oblast"/"region"… were dropped:
        // "Moscow" is the city; "Moscow Oblast" and "region:Moscow" are the oblast.
        let regionHits = (!placeHits.isEmpty && !regionMatch.exact) ? [] : regionMatch.regions

        switch (placeHits.isEmpty, regionHits.count) {
        case (false, 0):
            return resolved(placeHits[0])
        case (true, 1):
            return resolved(regionHits[0])
        case (true, 0):
            let suggestions = Array((regions.suggestions(for: query).prefix(3).map { "region:\($0)" }
                + places.suggestions(for: split.name, country: countryCode).prefix(3).map { "place:\($0)" }))
            throw LookupError.unknown(what: "place, region or country", query: query, suggestions: suggestions)
        default:
            var candidates: [String] = []
            if let top = placeHits.first {
                let withCountry = split.country == nil ? "\(top.name), \(top.countryCode)" : query
                candidates.append("place:\"\(withCountry)\"  → the place \(top.summary)")
            }
            for region in regionHits {
                let prefix = region.level == .country ? "country" : "region"
                candidates.append("\(prefix):\(region.code)  → the \(prefix) \(region.nameAndKind)")
            }
            throw LookupError.ambiguous(what: "kind of location (place, region, country)", query: query, candidates: candidates)
        }
    }

    private static func resolveFile(_ path: String, standardInput: () throws -> [UInt8],
                                    longEdges: LongEdgeReading) throws -> ResolvedLocation {
        let label = path == "-" ? "stdin" : path
        let bytes: [UInt8]
        if path == "-" {
            do { bytes = try standardInput() } catch {
                throw LocationSpecifierError.unreadableFile(path: label, reason: error.localizedDescription)
            }
        } else {
            let expanded = (path as NSString).expandingTildeInPath
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: expanded, isDirectory: &isDirectory) else {
                throw LocationSpecifierError.fileNotFound(path: path)
            }
            guard !isDirectory.boolValue else {
                throw LocationSpecifierError.unreadableFile(path: path, reason: "it is a folder, not a GeoJSON file")
            }
            // Read through a file handle, not Data(contentsOf:), which reports a device such as /dev/null as
            // "You don't have permission" (even as root) and cannot read a pipe such as <(cat a.geojson).
            guard let handle = FileHandle(forReadingAtPath: expanded) else {
                throw LocationSpecifierError.unreadableFile(path: path, reason: "it cannot be opened for reading (\(String(cString: strerror(errno))))")
            }
            defer { try? handle.close() }
            do { bytes = [UInt8](try handle.readToEnd() ?? Data()) } catch {
                throw LocationSpecifierError.unreadableFile(path: path, reason: error.localizedDescription)
            }
        }
        if bytes.isEmpty {
            throw LocationSpecifierError.unreadableFile(path: label, reason: "it is empty; expected GeoJSON, e.g. {\"type\": \"Point\", \"coordinates\": [30.52, 50.45]}")
        }
        let features: [Feature]
        do { features = try GeoJSONReader.readFeatures(bytes) } catch {
            throw LocationSpecifierError.notGeoJSON(path: label, reason: error.description)
        }
        // RFC 7946 wants two or more positions in a LineString; one would otherwise fail later, in GEOS, unnamed.
        for (index, feature) in features.enumerated() {
            if let g = feature.geometry, let count = Self.shortLinePositions(g) {
                throw LocationSpecifierError.notGeoJSON(path: label, reason: "feature \(index): a LineString with \(count) position; a line needs at least 2 (for one launch point give a Point)")
            }
        }
        if longEdges == .reject, let edge = LongEdgeReading.firstLongEdge(in: features) {
            throw LocationSpecifierError.longEdge(path: label, feature: edge.feature, name: edge.name, vertex: edge.vertex,
                                                  fromLongitude: edge.from.x, toLongitude: edge.to.x)
        }
        guard let geometry = combined(features.compactMap(\.geometry)) else {
            throw LocationSpecifierError.noGeometry(path: label)
        }
        return ResolvedLocation(kind: .file, label: outputLabel(path: path, bytes: bytes), geometry: geometry)
    }

    /// The position count of the first LineString with exactly one position, if any.
    static func shortLinePositions(_ g: Geometry) -> Int? {
        switch g {
        case .lineString(let l): return l.coordinates.count == 1 ? 1 : nil
        case .multiLineString(let m): return m.lineStrings.contains { $0.coordinates.count == 1 } ? 1 : nil
        case .geometryCollection(let c): return c.geometries.lazy.compactMap(shortLinePositions).first
        default: return nil
        }
    }

    /// How a file is named in outputs: never a local absolute path (outputs get shared), but the path as given
    /// when relative, the part below the working folder when inside it, else the file name; plus the first 12
    /// hex digits of its SHA-256, so the exact file can still be identified.
    static func outputLabel(path: String, bytes: [UInt8]) -> String {
        let hash = String(SHA256.hex(bytes).prefix(12))
        guard path != "-" else { return "stdin #\(hash)" }
        let expanded = (path as NSString).expandingTildeInPath
        var shown = path
        if expanded.hasPrefix("/") {
            let folder = FileManager.default.currentDirectoryPath
            let prefix = folder.hasSuffix("/") ? folder : folder + "/"
            shown = expanded.hasPrefix(prefix) ? String(expanded.dropFirst(prefix.count)) : (expanded as NSString).lastPathComponent
        }
        return "\(shown) #\(hash)"
    }

    /// One geometry for all of a file's features: the geometry itself when there is one; a Multi* when all are
    /// of one dimension (polygons, lines or points); a GeometryCollection otherwise.
    static func combined(_ geometries: [Geometry]) -> Geometry? {
        if geometries.count <= 1 { return geometries.first }
        var polygons: [Polygon] = [], lines: [LineString] = [], points: [Point] = []
        var others = false
        for g in geometries {
            switch g {
            case let .polygon(p): polygons.append(p)
            case let .multiPolygon(m): polygons += m.polygons
            case let .lineString(l): lines.append(l)
            case let .multiLineString(m): lines += m.lineStrings
            case let .point(p): points.append(p)
            case let .multiPoint(m): points += m.points
            case .geometryCollection: others = true
            }
        }
        let kinds = [!polygons.isEmpty, !lines.isEmpty, !points.isEmpty].filter { $0 }.count
        if !others, kinds == 1 {
            if !polygons.isEmpty { return .multiPolygon(MultiPolygon(polygons)) }
            if !lines.isEmpty { return .multiLineString(MultiLineString(lines)) }
            return .multiPoint(MultiPoint(points))
        }
        return .geometryCollection(GeometryCollection(geometries))
    }

    /// Shortest decimal text of a coordinate (no trailing zeros, no exponent).
    static func degrees(_ value: Double) -> String {
        var text = String(format: "%.7f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
