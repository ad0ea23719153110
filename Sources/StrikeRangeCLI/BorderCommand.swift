import ArgumentParser
import GeoJSON
import StrikeRange

enum BorderFormat: String, ExpressibleByArgument, CaseIterable { case table, json, geojson }

struct BorderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "border",
        abstract: "The land border between two countries, with its geodesic length.",
        discussion: """
            A and B are ISO alpha-2 or alpha-3 codes or names, in either order: `border UA RU`, \
            `border Ukraine Russia`. The length is measured on the WGS84 ellipsoid along the shipped line \
            (Natural Earth 1:10m, generalised: shorter than official figures).
            """
    )

    @OptionGroup var data: DataOptions
    @Argument(help: "First country.") var countryA: String
    @Argument(help: "Second country.") var countryB: String
    @Option(help: "Output format: table, json or geojson.") var format: BorderFormat = .table

    func run() throws {
        let border = try data.catalog().border(between: countryA, and: countryB)
        let lengthKilometers = border.geodesicLengthMeters() / 1000
        let properties = BorderJSON(border, lengthKilometers: lengthKilometers)
        switch format {
        case .table:
            print(LookupTable.record([
                ("border", border.name),
                ("countries", "\(border.codeA) (\(border.alpha3A)), \(border.codeB) (\(border.alpha3B))"),
                ("length", "\(LookupNumber.grouped(lengthKilometers, decimals: 1)) km (geodesic, WGS84)"),
                ("parts", String(border.multiLineString.lineStrings.count)),
                ("vertices", String(border.multiLineString.lineStrings.reduce(0) { $0 + $1.coordinates.count })),
            ]))
        case .json:
            print(try LookupJSON.render(properties))
        case .geojson:
            LookupGeoJSON.print(FeatureCollection(features: [Feature(geometry: border.geometry, properties: properties.properties)]))
        }
    }
}

struct BorderJSON: Encodable {
    var name, countryA, countryB, alpha3A, alpha3B: String
    var lengthKm: Double
    var parts: Int
    init(_ b: Border, lengthKilometers: Double) {
        name = b.name; countryA = b.codeA; countryB = b.codeB; alpha3A = b.alpha3A; alpha3B = b.alpha3B
        lengthKm = LookupNumber.rounded(lengthKilometers, decimals: 1)
        parts = b.multiLineString.lineStrings.count
    }
    enum CodingKeys: String, CodingKey {
        case name, parts, countryA = "country_a", countryB = "country_b", alpha3A = "adm0_a3_a", alpha3B = "adm0_a3_b"
        case lengthKm = "length_km_geodesic"
    }
    var properties: JSONValue {
        .object(["name": .string(name), "country_a": .string(countryA), "country_b": .string(countryB),
                 "adm0_a3_a": .string(alpha3A), "adm0_a3_b": .string(alpha3B),
                 "length_km_geodesic": .number(lengthKm), "parts": .number(Double(parts))])
    }
}
