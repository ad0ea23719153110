import Foundation
import Testing
@testable import StrikeRange

/// Issue 15, start-up: a region or country code, bare or prefixed, resolves without reading the place
/// gazetteer (Data/places.geojson, 7 MB). Proved with a data folder whose places.geojson is unreadable:
/// codes still resolve, a place name reports the broken file.
@Suite struct SpecifierStartupTests {
    @Test func codesNeverReadThePlaceGazetteer() throws {
        let folder = try CatalogTestData.temporaryFolder()
        defer { CatalogTestData.remove(folder) }
        let data = try CatalogTestData.catalog().directory.url
        for name in try FileManager.default.contentsOfDirectory(atPath: data.path) where name != "places.geojson" {
            try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent(name), withDestinationURL: data.appendingPathComponent(name))
        }
        try Data("this is not GeoJSON".utf8).write(to: folder.appendingPathComponent("places.geojson"))
        let catalog = DataCatalog(directory: try DataDirectory(validating: folder, origin: .option))
        for text in ["UA", "ua", "country:UA", "region:UA-59", "UA-59", "RU-BRY", "IN"] {
            let location = try LocationSpecifier.resolve(text, in: catalog, standardInput: { [] })
            #expect(location.kind == .country || location.kind == .region, "\(text)")
        }
        // "IN" was ambiguous with a place before codes came first; it is India.
        #expect(try LocationSpecifier.resolve("IN", in: catalog, standardInput: { [] }).code == "IN")
        #expect(throws: DataError.self) { _ = try LocationSpecifier.resolve("Kharkiv", in: catalog, standardInput: { [] }) }
    }
}
