import Testing
import Geometry
@testable import GeoJSON

@Suite struct WriterTests {
    let square = ring([(0, 0), (0, 10), (10, 10), (10, 0), (0, 0)])          // clockwise
    let hole = ring([(2, 2), (4, 2), (4, 4), (2, 4), (2, 2)])                 // counter-clockwise

    @Test func windingIsEnforced() throws {
        #expect(shoelace(square) < 0)
        #expect(shoelace(hole) > 0)
        let written = GeoJSONWriter().string(.polygon(Polygon(exterior: square, holes: [hole])))
        guard case .geometry(.polygon(let polygon)) = try read(written) else { Issue.record("\(written)"); return }
        #expect(shoelace(polygon.exterior) > 0, "exterior must come out counter-clockwise")
        #expect(shoelace(polygon.holes[0]) < 0, "hole must come out clockwise")
        #expect(Set(polygon.exterior) == Set(square))
        #expect(try ogrinfo(written, name: "winding").isClean)
    }

    @Test func keysSortedAndMembersAlwaysWritten() {
        let feature = Feature(id: .number(7), geometry: nil, properties: .object(["b": .number(1), "a": .object(["y": .null, "x": .bool(true)])]))
        #expect(GeoJSONWriter().string(feature)
            == #"{"geometry":null,"id":7,"properties":{"a":{"x":true,"y":null},"b":1},"type":"Feature"}"#)
        #expect(GeoJSONWriter().string(Feature(geometry: .point(Point(x: 1, y: 2)), properties: .null))
            == #"{"geometry":{"coordinates":[1,2],"type":"Point"},"properties":null,"type":"Feature"}"#)
    }

    @Test func precisionTrimsZerosAndNegativeZero() {
        let point = Geometry.point(Point(x: -0.00000001, y: 12.3456789012))
        #expect(GeoJSONWriter().string(point) == #"{"coordinates":[0,12.3456789],"type":"Point"}"#)
        #expect(GeoJSONWriter(precision: 2).string(point) == #"{"coordinates":[0,12.35],"type":"Point"}"#)
        #expect(GeoJSONWriter(precision: 3).string(.point(Point(x: -1.5, y: 0.25))) == #"{"coordinates":[-1.5,0.25],"type":"Point"}"#)
    }

    @Test func streamingEqualsStringAndParsesBack() throws {
        let collection = try GeoJSONReader.readFeatureCollection(try Fixtures.bytes("cities_sample"))
        var chunks: [String] = []
        GeoJSONWriter().writeFeatureCollection(collection.features) { chunks.append($0) }
        #expect(chunks.count == collection.features.count + 2, "header, one chunk per feature, footer")
        let streamed = chunks.joined()
        #expect(streamed == GeoJSONWriter().string(collection))
        #expect(try GeoJSONReader.readFeatureCollection(Array(streamed.utf8)) == collection)
        #expect(try ogrinfo(streamed, name: "streamed").isClean)

        var empty = ""
        GeoJSONWriter().writeFeatureCollection([Feature]()) { empty += $0 }
        #expect(try GeoJSONReader.readFeatureCollection(Array(empty.utf8)).features.isEmpty)
    }

    @Test func codableMatchesReaderAndWriter() throws {
        let collection = try GeoJSONReader.readFeatureCollection(try Fixtures.bytes("admin1_bryansk"))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(collection)
        let decoded = try JSONDecoder().decode(FeatureCollection.self, from: data)
        #expect(decoded.features.map(\.geometry) == collection.features.map { $0.geometry.map(GeoJSONWriter.normalized) })
        #expect(decoded.features.map(\.properties) == collection.features.map(\.properties))

        let geometry = try JSONDecoder().decode(GeoJSONGeometry.self, from: Data(#"{"type":"Point","coordinates":[1,2.5]}"#.utf8))
        #expect(geometry.geometry == .point(Point(x: 1, y: 2.5)))
        // Decoding applies the reader's validation.
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(GeoJSONGeometry.self, from: Data(#"{"type":"Point","coordinates":[200,0]}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Feature.self, from: Data(#"{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]},"properties":{}}"#.utf8))
        }
        let object = try JSONDecoder().decode(GeoJSONObject.self, from: Data(#"{"type":"LineString","coordinates":[[0,0],[1,1]]}"#.utf8))
        #expect(object == .geometry(.lineString(LineString(ring([(0, 0), (1, 1)])))))
        let id = try JSONDecoder().decode([FeatureID].self, from: Data(#"["a", 3]"#.utf8))
        #expect(id == [.string("a"), .number(3)])
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(#"{"a":[1,"x",null,true]}"#.utf8))
        #expect(value == .object(["a": .array([.number(1), .string("x"), .null, .bool(true)])]))
    }
}

import Foundation

/// The GDAL check itself must be able to fail.
@Test func ogrinfoRejectsBrokenGeoJSON() throws {
    let result = try ogrinfo(#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[1,"#, name: "broken")
    #expect(!result.isClean)
    let good = try ogrinfo(#"{"type":"Point","coordinates":[1,2]}"#, name: "good")
    #expect(good.isClean)
    #expect(good.output.contains("Feature Count: 1"))
}
