import Foundation
import Testing
import Geometry
@testable import GeoJSON

/// Parse-time benchmark, opt-in: `GEOJSON_BENCHMARK=1` (run by `Scripts/bench/geojson-read` in a release build).
/// Synthetic documents shaped like the reference data (20,000 point features with 6 properties, ~4.4 MB;
/// polygons with ~170,000 positions, ~3.4 MB). `GEOJSON_BENCHMARK_FILES` (colon-separated) adds real files.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["GEOJSON_BENCHMARK"] == "1"))
struct ReaderBenchmarkTests {
    static func pointDocument() -> [UInt8] {
        var text = #"{"type":"FeatureCollection","features":["# + "\n"
        for index in 0..<20_000 {
            let lon = Double(index % 36_000) / 100 - 179.99, lat = Double(index % 17_000) / 100 - 84.5
            if index > 0 { text += ",\n" }
            text += #"{"type":"Feature","properties":{"geonameid":\#(1_000_000 + index),"name":"City number \#(index)","country":"RU","admin1_iso":"RU-BRY","admin1":"Bryanskaya Oblast'","population":\#(15_000 + index * 7)},"geometry":{"type":"Point","coordinates":[\#(String(format: "%.5f", lon)),\#(String(format: "%.5f", lat))]}}"#
        }
        return Array((text + "\n]}\n").utf8)
    }

    static func polygonDocument() -> [UInt8] {
        var text = #"{"type":"FeatureCollection","features":["# + "\n"
        for feature in 0..<250 {
            if feature > 0 { text += ",\n" }
            let centerLon = Double(feature % 25) * 14 - 170, centerLat = Double(feature / 25) * 15 - 70
            var ring: [String] = []
            let count = 680
            for step in 0..<count {
                let angle = Double(step) / Double(count) * 2 * Double.pi
                let radius = 5 + sin(angle * 7)
                ring.append("[\(String(format: "%.4f", centerLon + radius * cos(angle))),\(String(format: "%.4f", centerLat + radius * sin(angle)))]")
            }
            ring.append(ring[0])
            text += #"{"type":"Feature","properties":{"name":"Region \#(feature)","area_km2":\#(feature * 13).5},"geometry":{"type":"Polygon","coordinates":[[\#(ring.joined(separator: ","))]]}}"#
        }
        return Array((text + "\n]}\n").utf8)
    }

    /// Best of 10 reads, in milliseconds.
    static func bestReadMilliseconds(_ bytes: [UInt8]) throws -> (ms: Double, features: Int) {
        var best = Double.infinity
        var features = 0
        for _ in 0..<10 {
            let start = ContinuousClock.now
            let object = try GeoJSONReader.read(bytes)
            let elapsed = ContinuousClock.now - start
            best = min(best, Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
            features = object.features.count
        }
        return (best, features)
    }

    @Test func readSpeed() throws {
        var documents = [("synthetic points", Self.pointDocument()), ("synthetic polygons", Self.polygonDocument())]
        for path in (ProcessInfo.processInfo.environment["GEOJSON_BENCHMARK_FILES"] ?? "").split(separator: ":") {
            documents.append((String(path), Array(try Data(contentsOf: URL(fileURLWithPath: String(path))))))
        }
        for (name, bytes) in documents {
            let (ms, features) = try Self.bestReadMilliseconds(bytes)
            print("GeoJSONReader \(name): \(bytes.count) bytes, \(features) features, best of 10: \(String(format: "%.1f", ms)) ms")
            #if !DEBUG
            #expect(ms < 100, "\(name) must parse in well under 100 ms in a release build")
            #endif
        }
    }
}
