import ArgumentParser
import GeoJSON
import StrikeRange

struct RegionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regions",
        abstract: "List and show countries and admin-1 units (oblasts, regions…) of the shipped data.",
        subcommands: [RegionsListCommand.self, RegionsShowCommand.self]
    )
}

enum RegionsListFormat: String, ExpressibleByArgument, CaseIterable { case table, csv, json }
enum RegionsShowFormat: String, ExpressibleByArgument, CaseIterable { case table, json, geojson }

struct RegionsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List admin-1 units (or countries with --countries), optionally of one country."
    )

    @OptionGroup var data: DataOptions
    @Option(help: "Only this country (ISO alpha-2 or alpha-3 code, or name).") var country: String?
    @Flag(help: "List countries instead of admin-1 units.") var countries = false
    @Option(help: "Output format: table, csv or json.") var format: RegionsListFormat = .table

    func run() throws {
        let catalog = try data.catalog().regions()
        var regions = countries ? catalog.countries : catalog.admin1Units
        if let country {
            let wanted = try catalog.country(matching: country)
            regions = regions.filter { $0.countryCode == wanted.countryCode }
        }
        let header = ["code", "name", "name_ru", "name_uk", "type", "country"]
        let rows = regions.map { [$0.code, $0.name, $0.nameRussian ?? "", $0.nameUkrainian ?? "", $0.type ?? "", $0.countryCode] }
        switch format {
        case .table: print(LookupTable.render(header: header, rows: rows))
        case .csv: print(LookupCSV.render(header: header, rows: rows))
        case .json: print(try LookupJSON.render(regions.map(RegionSummaryJSON.init)))
        }
    }
}

struct RegionsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one country or admin-1 unit with its geodesic area.",
        discussion: """
            QUERY is an ISO code (RU-BRY, UA-59, UA, UKR) or a name in English, Russian, Ukrainian or \
            transliteration ("Bryansk", "Брянская область", "Bryanskaya oblast'"). The area is computed on the \
            WGS84 ellipsoid from the shipped polygon.
            """
    )

    @OptionGroup var data: DataOptions
    @Argument(help: "Code or name of the region or country.") var query: String
    @Option(help: "Output format: table, json or geojson.") var format: RegionsShowFormat = .table

    func run() throws {
        let region = try data.catalog().regions().region(matching: query)
        let areaSquareKilometers = region.geodesicAreaSquareMeters() / 1e6
        let detail = RegionDetailJSON(region, areaSquareKilometers: areaSquareKilometers)
        switch format {
        case .table:
            var pairs: [(String, String)] = [("code", region.code), ("name", region.name)]
            if let ru = region.nameRussian { pairs.append(("name (ru)", ru)) }
            if let uk = region.nameUkrainian { pairs.append(("name (uk)", uk)) }
            if let local = region.localName { pairs.append(("local name", local)) }
            if !region.alternateNames.isEmpty {
                // Alternates can run to dozens of languages: show a few, say how many more.
                let shown = region.alternateNames.prefix(8).joined(separator: "; ")
                let more = region.alternateNames.count > 8 ? " (+\(region.alternateNames.count - 8) more)" : ""
                pairs.append(("other names", shown + more))
            }
            pairs.append(("level", region.level == .country ? "country" : "admin-1"))
            if let type = region.type { pairs.append(("type", type)) }
            pairs.append(("country", "\(region.countryName) (\(region.countryCode))"))
            pairs.append(("area", "\(LookupNumber.grouped(areaSquareKilometers, decimals: 1)) km² (geodesic, WGS84)"))
            print(LookupTable.record(pairs))
        case .json:
            print(try LookupJSON.render(detail))
        case .geojson:
            LookupGeoJSON.print(FeatureCollection(features: [Feature(geometry: region.geometry, properties: detail.properties)]))
        }
    }
}

/// One row of `regions list --format json`.
struct RegionSummaryJSON: Encodable {
    var code, name, level, countryCode: String
    var nameRu, nameUk, type: String?
    init(_ r: Region) {
        code = r.code; name = r.name; level = r.level.rawValue; countryCode = r.countryCode
        nameRu = r.nameRussian; nameUk = r.nameUkrainian; type = r.type
    }
    enum CodingKeys: String, CodingKey {
        case code, name, level, type, countryCode = "country", nameRu = "name_ru", nameUk = "name_uk"
    }
}

/// `regions show --format json`, and the properties of `--format geojson`.
struct RegionDetailJSON: Encodable {
    var code, name, level, countryCode, countryName: String
    var nameRu, nameUk, localName, type: String?
    var altNames: [String]
    var areaKm2: Double
    init(_ r: Region, areaSquareKilometers: Double) {
        code = r.code; name = r.name; level = r.level.rawValue; countryCode = r.countryCode; countryName = r.countryName
        nameRu = r.nameRussian; nameUk = r.nameUkrainian; localName = r.localName; type = r.type; altNames = r.alternateNames
        areaKm2 = LookupNumber.rounded(areaSquareKilometers, decimals: 1)
    }
    enum CodingKeys: String, CodingKey {
        case code, name, level, type, countryCode = "country", countryName = "country_name"
        case nameRu = "name_ru", nameUk = "name_uk", localName = "local_name", altNames = "alt_names", areaKm2 = "area_km2_geodesic"
    }

    var properties: JSONValue {
        var members: [String: JSONValue] = [
            "code": .string(code), "name": .string(name), "level": .string(level), "country": .string(countryCode),
            "country_name": .string(countryName), "area_km2_geodesic": .number(areaKm2),
            "alt_names": .array(altNames.map(JSONValue.string)),
        ]
        if let nameRu { members["name_ru"] = .string(nameRu) }
        if let nameUk { members["name_uk"] = .string(nameUk) }
        if let localName { members["local_name"] = .string(localName) }
        if let type { members["type"] = .string(type) }
        return .object(members)
    }
}
