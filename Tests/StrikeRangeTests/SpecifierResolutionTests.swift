import Foundation
import Geometry
import Testing
@testable import StrikeRange

@Suite struct SpecifierResolutionTests {
    private func resolve(_ text: String, stdin: [UInt8] = []) throws -> ResolvedLocation {
        try LocationSpecifier.resolve(text, in: CatalogTestData.catalog(), standardInput: { stdin })
    }

    @Test func coordinatesResolveToAPoint() throws {
        let location = try resolve("50°27'N 30°31'E")
        #expect(location.kind == .point)
        guard case let .point(p) = location.geometry, let c = p.coordinate else { Issue.record("not a point"); return }
        #expect(abs(c.y - 50.45) < 1e-9 && abs(c.x - (30 + 31.0 / 60)) < 1e-9)
    }

    @Test func kharkivIsBothCityAndOblast() throws {
        let error = try #require(lookupError { _ = try resolve("Kharkiv") })
        #expect(error.isAmbiguous)
        #expect(error.candidates.contains { $0.hasPrefix("place:") && $0.contains("Kharkiv") })
        #expect(error.candidates.contains { $0.hasPrefix("region:UA-63") })
    }

    @Test func prefixesSettleAmbiguity() throws {
        let city = try resolve("place:Kharkiv")
        #expect(city.kind == .place && city.code == "UA-63" && city.label.contains("Kharkiv"))
        if case .point = city.geometry {} else { Issue.record("a place is a point") }
        let oblast = try resolve("region:Kharkiv")
        #expect(oblast.kind == .region && oblast.code == "UA-63")
        if case .multiPolygon = oblast.geometry {} else { Issue.record("a region is a MultiPolygon") }
    }

    @Test func placeWithCountry() throws {
        let location = try resolve("place:Kursk, RU")
        #expect(location.kind == .place && location.code == "RU-KRS")
    }

    @Test(arguments: [("RU-BRY", ResolvedLocation.Kind.region, "RU-BRY"), ("Брянская область", .region, "RU-BRY"),
                      ("UA", .country, "UA"), ("country:Ukraine", .country, "UA"), ("region:UKR", .country, "UA")])
    func regionsAndCountries(_ text: String, _ kind: ResolvedLocation.Kind, _ code: String) throws {
        let location = try resolve(text)
        #expect(location.kind == kind)
        #expect(location.code == code)
    }

    @Test func border() throws {
        let location = try resolve("border:UA-RU")
        #expect(location.kind == .border)
        guard case let .multiLineString(lines) = location.geometry else { Issue.record("not lines"); return }
        #expect(!lines.lineStrings.isEmpty)
    }

    @Test func unknownNameSuggests() throws {
        let error = try #require(lookupError { _ = try resolve("Bryansck") })
        #expect(error.isUnknown)
        #expect(error.suggestions.contains { $0.contains("Bryansk") }, "\(error.suggestions)")
    }

    private static let triangle = #"{"type":"Polygon","coordinates":[[[30,50],[31,50],[30.5,51],[30,50]]]}"#

    @Test func geoJSONFile() throws {
        let folder = try CatalogTestData.temporaryFolder()
        defer { CatalogTestData.remove(folder) }
        let file = folder.appendingPathComponent("area.geojson")
        try Self.triangle.write(to: file, atomically: true, encoding: .utf8)
        for text in [file.path, "file:" + file.path] {
            let location = try resolve(text)
            // Outputs never hold a local absolute path: the file name (outside the working folder) and a hash.
            let hash = String(SHA256.hex(Array(Self.triangle.utf8)).prefix(12))
            #expect(location.kind == .file && location.label == "area.geojson #\(hash)", "\(location.label)")
            if case .polygon = location.geometry {} else { Issue.record("expected the file's polygon") }
        }
    }

    @Test func standardInput() throws {
        let location = try resolve("-", stdin: Array(Self.triangle.utf8))
        #expect(location.kind == .file && location.label == "stdin #" + SHA256.hex(Array(Self.triangle.utf8)).prefix(12))
    }

    @Test func missingFileNamesThePath() throws {
        let path = "/nonexistent/strikerange/launch.geojson"
        #expect(throws: LocationSpecifierError.fileNotFound(path: path)) { try resolve(path) }
        #expect(LocationSpecifierError.fileNotFound(path: path).description.contains(path))
    }

    @Test func fileThatIsNotGeoJSON() throws {
        let folder = try CatalogTestData.temporaryFolder()
        defer { CatalogTestData.remove(folder) }
        for (name, text) in [("notes.geojson", "hello, world"), ("wrong.json", #"{"type":"Polygon","coordinates":"x"}"#)] {
            let file = folder.appendingPathComponent(name)
            try text.write(to: file, atomically: true, encoding: .utf8)
            do {
                _ = try resolve(file.path)
                Issue.record("\(name) was accepted")
            } catch let error as LocationSpecifierError {
                guard case let .notGeoJSON(path, reason) = error else { Issue.record("\(error)"); continue }
                #expect(path == file.path && !reason.isEmpty)
                #expect(error.description.contains(file.path))
            }
        }
    }

    @Test func combinedFeatures() {
        let a = Polygon(exterior: [Coordinate(x: 0, y: 0), Coordinate(x: 1, y: 0), Coordinate(x: 0, y: 1), Coordinate(x: 0, y: 0)])
        let b = Point(x: 1, y: 1)
        #expect(LocationSpecifier.combined([.polygon(a), .multiPolygon(MultiPolygon([a]))]) == .multiPolygon(MultiPolygon([a, a])))
        #expect(LocationSpecifier.combined([.polygon(a), .point(b)]) == .geometryCollection(GeometryCollection([.polygon(a), .point(b)])))
        #expect(LocationSpecifier.combined([]) == nil)
    }
}
