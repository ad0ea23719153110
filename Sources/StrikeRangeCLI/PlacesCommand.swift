import Foundation
import ArgumentParser
import GeoJSON
import StrikeRange

struct PlacesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "places",
        abstract: "Find populated places (GeoNames) by name.",
        subcommands: [PlacesFindCommand.self]
    )
}

enum PlacesFormat: String, ExpressibleByArgument, CaseIterable { case table, csv, json, geojson }

struct PlacesFindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "Places with this name, most populous first.",
        discussion: """
            QUERY is a name in any spelling the data has (English, local, Russian, Ukrainian, alternates), \
            optionally with a country: "Kursk", "Kursk, RU", "Kursk RU". The admin-1 code is GeoNames' own.
            """
    )

    @OptionGroup var data: DataOptions
    @Argument(help: "Place name, optionally followed by a country code.") var query: String
    @Option(help: "Only this country (ISO alpha-2 or alpha-3 code, or name).") var country: String?
    @Option(help: "At most this many places.") var limit: Int = 10
    @Option(help: "Output format: table, csv, json or geojson.") var format: PlacesFormat = .table

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be at least 1 (got \(limit))") }
    }

    func run() throws {
        let catalog = try data.catalog()
        let places = try catalog.places().find(query, country: country, limit: limit) { text in
            try catalog.regions().country(matching: text).countryCode   // loaded only for a country name
        }
        let header = ["name", "country", "admin1_iso", "admin1", "population", "latitude", "longitude", "geonameid"]
        let rows = places.map { p in
            [p.name, p.countryCode, p.admin1Code ?? "", p.admin1Name ?? "", String(p.population),
             PlaceJSON.degrees(p.location.latitude), PlaceJSON.degrees(p.location.longitude), String(p.geonameID)]
        }
        switch format {
        case .table:
            var tableRows = rows
            for i in tableRows.indices { tableRows[i][4] = LookupNumber.grouped(Double(places[i].population)) }
            print(LookupTable.render(header: header, rows: tableRows, rightAligned: [4, 5, 6, 7]))
        case .csv:
            print(LookupCSV.render(header: header, rows: rows))
        case .json:
            print(try LookupJSON.render(places.map(PlaceJSON.init)))
        case .geojson:
            LookupGeoJSON.print(FeatureCollection(features: places.map {
                Feature(id: .number(Double($0.geonameID)), geometry: $0.geometry, properties: PlaceJSON($0).properties)
            }))
        }
    }
}

struct PlaceJSON: Encodable {
    var geonameid: Int
    var name, country: String
    var asciiname, admin1Iso, admin1, nameRu, nameUk: String?
    var population: Int
    var latitude, longitude: Double
    init(_ p: Place) {
        geonameid = p.geonameID; name = p.name; country = p.countryCode; asciiname = p.asciiName
        admin1Iso = p.admin1Code; admin1 = p.admin1Name; nameRu = p.nameRussian; nameUk = p.nameUkrainian
        population = p.population; latitude = p.location.latitude; longitude = p.location.longitude
    }
    enum CodingKeys: String, CodingKey {
        case geonameid, name, country, asciiname, admin1, population, latitude, longitude
        case admin1Iso = "admin1_iso", nameRu = "name_ru", nameUk = "name_uk"
    }

    var properties: JSONValue {
        var m: [String: JSONValue] = ["geonameid": .number(Double(geonameid)), "name": .string(name),
                                      "country": .string(country), "population": .number(Double(population))]
        if let asciiname { m["asciiname"] = .string(asciiname) }
        if let admin1Iso { m["admin1_iso"] = .string(admin1Iso) }
        if let admin1 { m["admin1"] = .string(admin1) }
        if let nameRu { m["name_ru"] = .string(nameRu) }
        if let nameUk { m["name_uk"] = .string(nameUk) }
        return .object(m)
    }

    static func degrees(_ value: Double) -> String {
        var text = String(format: "%.5f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
