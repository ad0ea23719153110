import Foundation
import Testing
import Geometry
@testable import GeoJSON

@Suite struct RoundTripTests {
    static let fixtureNames = ["admin1_bryansk", "countries_fiji", "cities_sample"]

    /// read → write → read gives the normalized original (RFC 7946 winding); writing again is byte-identical;
    /// GDAL opens the written file cleanly.
    @Test(arguments: fixtureNames)
    func readWriteRead(name: String) throws {
        let original = try GeoJSONReader.read(try Fixtures.bytes(name))
        let writer = GeoJSONWriter()
        let written = writer.string(original)
        let reread = try GeoJSONReader.read(Array(written.utf8))
        guard case .featureCollection(let before) = original, case .featureCollection(let after) = reread else {
            Issue.record("expected feature collections"); return
        }
        #expect(before.features.count == after.features.count)
        for (a, b) in zip(before.features, after.features) {
            #expect(a.properties == b.properties)
            #expect(a.id == b.id)
            #expect(a.geometry.map(GeoJSONWriter.normalized) == b.geometry)
        }
        #expect(writer.string(reread) == written)
        let gdal = try ogrinfo(written, name: name)
        #expect(gdal.isClean, "\(gdal.output)")
    }

    /// Numbers and strings agree with Foundation's JSONSerialization, an independent parser.
    @Test(arguments: fixtureNames)
    func agreesWithJSONSerialization(name: String) throws {
        let bytes = try Fixtures.bytes(name)
        let ours = try GeoJSONReader.read(bytes).features
        let foundation = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let features = try #require(foundation["features"] as? [[String: Any]])
        #expect(ours.count == features.count)
        for (feature, reference) in zip(ours, features) {
            let geometry = try #require(reference["geometry"] as? [String: Any])
            let flat = flatten(geometry["coordinates"] as Any)
            let mine = allCoordinates(try #require(feature.geometry)).flatMap { [$0.x, $0.y] }
            #expect(mine == flat)
            let properties = try #require(reference["properties"] as? [String: Any])
            guard case .object(let members) = feature.properties else { Issue.record("properties"); continue }
            #expect(Set(members.keys) == Set(properties.keys))
            for (key, value) in properties {
                if let text = value as? String { #expect(members[key] == .string(text)) }
                if let number = value as? NSNumber, !(value is String) { #expect(members[key] == .number(number.doubleValue)) }
            }
        }
    }

    private func flatten(_ value: Any) -> [Double] {
        if let list = value as? [Any] {
            if let numbers = list as? [NSNumber], list.allSatisfy({ !($0 is [Any]) }) { return numbers.map(\.doubleValue) }
            return list.flatMap(flatten)
        }
        return []
    }

    @Test func escapesAndUnicodeRoundTrip() throws {
        let text = #"{"type":"Feature","id":"a\"b","geometry":null,"properties":{"q":"line\nbreak \u00e9 \ud83d\ude00 \u0001","z":[true,false,null,-0.5,1e-7,12345678901234567890]}}"#
        let feature = try #require(try read(text).features.first)
        guard case .object(let members) = feature.properties else { Issue.record("properties"); return }
        #expect(members["q"] == .string("line\nbreak é 😀 \u{1}"))
        #expect(members["z"] == .array([.bool(true), .bool(false), .null, .number(-0.5), .number(1e-7), .number(Double("12345678901234567890")!)]))
        #expect(feature.id == .string("a\"b"))
        let again = try read(GeoJSONWriter().string(feature))
        #expect(again == .feature(feature))
    }
}
