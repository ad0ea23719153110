import Testing
import Geometry
@testable import GeoJSON

/// One test per bad input: each gives its own problem at the right JSON path.
@Suite struct ReaderErrorTests {
    /// Wraps a geometry as the second feature of a collection, so paths start with `features[1].geometry`.
    static func inCollection(_ geometry: String) -> String {
        """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}},
        {"type":"Feature","properties":{"name":"x"},"geometry":\(geometry)}]}
        """
    }

    func expectError(_ text: String, _ problem: GeoJSONError.Problem, at path: String) {
        #expect(throws: GeoJSONError(problem, path: path)) { try read(text) }
    }

    @Test func wrongTypeNamesExpectedAndFound() {
        expectError(Self.inCollection(#"{"type":"LineString","coordinates":[[1,2],[3,"x"]]}"#),
                    .wrongType(expected: "number", found: "string"), at: "features[1].geometry.coordinates[1][1]")
        expectError(#"{"type":"FeatureCollection","features":{}}"#,
                    .wrongType(expected: "array", found: "object"), at: "features")
        expectError(Self.inCollection(#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]], 7]}"#),
                    .wrongType(expected: "array", found: "number"), at: "features[1].geometry.coordinates[1]")
    }

    @Test func positionWithOneNumber() {
        expectError(Self.inCollection(#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1],[0,0]]]}"#),
                    .badPositionLength(1), at: "features[1].geometry.coordinates[0][2]")
    }

    @Test func positionWithFourNumbers() {
        expectError(Self.inCollection(#"{"type":"MultiPoint","coordinates":[[0,0],[1,2,3,4]]}"#),
                    .badPositionLength(4), at: "features[1].geometry.coordinates[1]")
    }

    @Test func overflowingNumberIsNonFinite() {
        expectError(Self.inCollection(#"{"type":"Point","coordinates":[1e999,0]}"#),
                    .nonFiniteNumber, at: "features[1].geometry.coordinates[0]")
    }

    @Test func nanTokenIsNonFinite() {
        expectError(Self.inCollection(#"{"type":"LineString","coordinates":[[0,0],[1,NaN]]}"#),
                    .nonFiniteNumber, at: "features[1].geometry.coordinates[1][1]")
    }

    @Test func infinityTokensAreNonFinite() {
        expectError(Self.inCollection(#"{"type":"Point","coordinates":[-Infinity,0]}"#),
                    .nonFiniteNumber, at: "features[1].geometry.coordinates[0]")
        expectError(#"{"type":"Feature","geometry":null,"properties":{"v":Infinity}}"#,
                    .nonFiniteNumber, at: "properties.v")
    }

    @Test func longitudeOutOfRange() {
        expectError(Self.inCollection(#"{"type":"Polygon","coordinates":[[[0,0],[181,0],[1,1],[0,0]]]}"#),
                    .longitudeOutOfRange(181), at: "features[1].geometry.coordinates[0][1][0]")
    }

    @Test func latitudeOutOfRange() {
        expectError(Self.inCollection(#"{"type":"LineString","coordinates":[[0,0],[10,-90.5]]}"#),
                    .latitudeOutOfRange(-90.5), at: "features[1].geometry.coordinates[1][1]")
    }

    @Test func unclosedRing() {
        expectError(Self.inCollection(#"{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[0,0],[1,0],[1,1],[0,1]]]]}"#),
                    .unclosedRing, at: "features[1].geometry.coordinates[1][0]")
    }

    @Test func ringWithThreePositions() {
        expectError(Self.inCollection(#"{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,0]],[[1,1],[2,2],[1,1]]]}"#),
                    .tooFewRingPositions(3), at: "features[1].geometry.coordinates[1]")
    }

    @Test func unknownGeometryType() {
        expectError(Self.inCollection(#"{"type":"Pointy","coordinates":[0,0]}"#),
                    .unknownType("Pointy"), at: "features[1].geometry.type")
    }

    @Test func emptyFile() {
        expectError("", .emptyInput, at: "")
    }

    @Test func whitespaceOnlyFile() {
        expectError(" \n\t\r\n ", .emptyInput, at: "")
    }

    @Test func truncatedJSONSaysByteAndLine() throws {
        let text = "{\"type\":\"FeatureCollection\",\n\"features\":[{\"type\":\"Feature\",\"properties\":{\"a\":1"
        do {
            _ = try read(text)
            Issue.record("expected an error")
        } catch {
            guard case .invalidJSON(let message) = error.problem else { Issue.record("\(error)"); return }
            #expect(message.contains("truncated"))
            #expect(message.contains("byte \(text.utf8.count)"))
            #expect(message.contains("line 2"))
            #expect(error.byteOffset == text.utf8.count)
            #expect(error.line == 2)
            #expect(error.path == "features[0].properties.a")
            #expect(error.description.contains("byte \(text.utf8.count)"))
        }
    }

    @Test func invalidUTF8SaysByte() {
        var bytes = Array(#"{"type":"Feature","geometry":null,"properties":{"name":"Br"#.utf8)
        let badOffset = bytes.count
        bytes += [0xC3, 0x28]  // lead byte followed by a non-continuation byte
        bytes += Array(#"nsk"}}"#.utf8)
        #expect(throws: GeoJSONError(.invalidUTF8, path: "properties.name", byteOffset: badOffset, line: 1)) {
            try GeoJSONReader.read(bytes)
        }
        // Overlong encoding and a surrogate are rejected too.
        for sequence: [UInt8] in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF]] {
            let prefix = Array(#"{"type":"Point","coordinates":[0,0],"x":""#.utf8)
            let document = prefix + sequence + Array(#""}"#.utf8)
            #expect(throws: GeoJSONError(.invalidUTF8, path: "x", byteOffset: prefix.count, line: 1)) {
                try GeoJSONReader.read(document)
            }
        }
    }

    @Test func missingType() {
        expectError(Self.inCollection(#"{"coordinates":[0,0]}"#), .missingMember("type"), at: "features[1].geometry")
    }

    @Test func missingCoordinates() {
        expectError(Self.inCollection(#"{"type":"Point"}"#), .missingMember("coordinates"), at: "features[1].geometry")
    }

    @Test func missingFeatures() {
        expectError(#"{"type":"FeatureCollection"}"#, .missingMember("features"), at: "")
    }

    @Test func featureOfWrongKindInCollection() {
        expectError(#"{"type":"FeatureCollection","features":[{"type":"Point","coordinates":[0,0]}]}"#,
                    .wrongType(expected: "Feature", found: "Point"), at: "features[0].type")
    }

    @Test func descriptionNamesProblemAndPath() {
        let error = GeoJSONError(.badPositionLength(1), path: "features[3].geometry.coordinates[0][2]")
        #expect(error.description.contains("features[3].geometry.coordinates[0][2]"))
        #expect(error.description.contains("2 or 3 numbers"))
    }

    @Test func foreignMembersAreIgnored() throws {
        let object = try read(#"{"type":"Feature","title":{"nested":[1,2,{"type":"Bogus"}]},"geometry":{"type":"Point","coordinates":[1,2],"crs":"x"},"properties":null}"#)
        #expect(object == .feature(Feature(geometry: .point(Point(x: 1, y: 2)), properties: .null)))
    }

    @Test func trailingGarbageIsInvalidJSON() {
        let text = #"{"type":"Point","coordinates":[0,0]} x"#
        #expect {
            try read(text)
        } throws: { error in
            guard let error = error as? GeoJSONError, case .invalidJSON = error.problem else { return false }
            return error.byteOffset == text.utf8.count - 1
        }
    }
}
