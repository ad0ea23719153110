import Foundation
import Geometry
import Testing
import TestSupport
import VectorFiles

/// Files written through GDAL, read back by `ogrinfo` (gdal-bin), a separate client: layer names, geometry
/// types, typed fields, values and metadata as written, and no warning on reading.
@Suite struct VectorFileWriterTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vectorfiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func ogrinfo(_ arguments: [String]) throws -> OGRInfo.Result { try OGRInfo.run(arguments) }

    static func layers() throws -> [VectorLayer] {
        let engine = GeometryEngine()
        let square = try engine.wkb(.polygon(Polygon(exterior: [Coordinate(x: 30, y: 50), Coordinate(x: 31, y: 50),
                                                                 Coordinate(x: 31, y: 51), Coordinate(x: 30, y: 51),
                                                                 Coordinate(x: 30, y: 50)])))
        let point = try engine.wkb(.point(Point(x: -33.5, y: 18.25)))
        return [
            VectorLayer(name: "envelope", geometryType: .multiPolygon,
                        fields: [.init("weapon", .text, alias: "Weapon"), .init("range_m", .real), .init("verified", .boolean)],
                        features: [.init(wkb: square, values: [.text("Storm Shadow — «250 km»"), .real(250_000), .boolean(true)])],
                        description: "range envelopes"),
            VectorLayer(name: "target", geometryType: .point,
                        fields: [.init("name", .text), .init("count", .integer), .init("margin_m", .real)],
                        features: [.init(wkb: point, values: [.text("Кейптаун"), .integer(3), .null])]),
        ]
    }

    @Test func geoPackageReadsBackWithTypesValuesAndMetadata() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("layers.gpkg").path
        try VectorFileWriter.write(try Self.layers(), metadata: [("tolerance_m", "10")], format: .geoPackage, to: path)
        let summary = try Self.ogrinfo(["-ro", "-so", "-al", path])
        #expect(summary.status == 0)
        #expect(!summary.output.contains("Warning") && !summary.output.contains("ERROR"), "\(summary.output)")
        #expect(summary.output.contains("Layer name: envelope") && summary.output.contains("Geometry: Multi Polygon"))
        #expect(summary.output.contains("Layer name: target") && summary.output.contains("Geometry: Point"))
        #expect(summary.output.contains("range_m: Real") && summary.output.contains("verified: Integer(Boolean)"))
        #expect(summary.output.contains("count: Integer64") && summary.output.contains("weapon: String"))
        let all = try Self.ogrinfo(["-ro", "-al", path])
        #expect(all.output.contains("Storm Shadow — «250 km»") && all.output.contains("Кейптаун"))
        #expect(all.output.contains("MULTIPOLYGON (((30 50,31 50,31 51,30 51,30 50)))"), "\(all.output)")
        #expect(all.output.contains("POINT (-33.5 18.25)") && all.output.contains("margin_m (Real) = (null)"))
        #expect(all.output.contains("tolerance_m=10"), "\(all.output)")
    }

    @Test func flatGeobufHoldsOneLayer() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("envelope.fgb").path
        let layers = try Self.layers()
        #expect(throws: VectorFileError.self) { try VectorFileWriter.write(layers, format: .flatGeobuf, to: path) }
        try VectorFileWriter.write([layers[0]], format: .flatGeobuf, to: path)
        let all = try Self.ogrinfo(["-ro", "-al", path])
        #expect(all.status == 0 && all.output.contains("Geometry: Multi Polygon") && all.output.contains("range_m (Real) = 250000"),
                "\(all.output)")
    }

    @Test func anUnwritablePathIsAnErrorNamingIt() {
        #expect {
            try VectorFileWriter.write([], format: .geoPackage, to: "/nonexistent-folder/x.gpkg")
        } throws: { error in
            "\(error)".contains("/nonexistent-folder/x.gpkg")
        }
    }
}
