import Foundation

/// `provenance.json`: what was asked, with which tool and data, and how accurate the result is.
/// Deterministic: no timestamps, no absolute paths, keys sorted.
public struct ScenarioProvenance: Codable, Sendable {
    public struct FileHash: Codable, Sendable { public var file: String; public var bytes: Int; public var sha256: String }
    public struct ToolVersions: Codable, Sendable { public var strikerange: String; public var proj: String; public var geos: String }
    public struct WeaponEntry: Codable, Sendable {
        public var weapon: String; public var name: String; public var variant: String
        public var range_km: Double; public var min_range_km: Double?; public var sources: [String]
    }
    public struct EnvelopeAccuracy: Codable, Sendable {
        public var weapon: String; public var variant: String; public var tolerance_m: Double; public var placement: String
        public var achieved_error_m: Double?; public var verified_samples: Int?; public var passed: Bool?; public var vertex_count: Int
    }
    public struct ScenarioEcho: Codable, Sendable { public var file: String; public var sha256: String; public var text: String }

    public var scenario: ScenarioEcho
    public var tool: ToolVersions
    public var data_files: [FileHash]
    /// The attribution paragraphs of Data/SOURCES.md, one line each.
    public var data_sources: [String]
    public var weapons: [WeaponEntry]
    public var tolerance_m: Double
    public var placement: String
    public var envelopes: [EnvelopeAccuracy]
    /// Which implementation computed the tables ("built-in" or the library's name).
    public var tables: [String: String]
    public var method: String

    /// Files of the data folder whose bytes are hashed.
    public static let dataFiles = ["SOURCES.md", "weapons.json", "countries.geojson", "admin1.geojson", "places.geojson", "borders.geojson"]

    /// - Throws: `StrikeRangeError` when the scenario or a data file cannot be read.
    public init(result: ScenarioResult, scenarioText: String, tables: [String: String]) throws {
        let resolved = result.resolved
        let scenario = resolved.scenario
        self.scenario = ScenarioEcho(file: URL(fileURLWithPath: scenario.file).lastPathComponent,
                                     sha256: SHA256.hex(Array(scenarioText.utf8)), text: scenarioText)
        tool = ToolVersions(strikerange: Versions.tool, proj: Versions.proj, geos: Versions.geos)
        var hashes = [FileHash]()
        var sourcesText = ""
        for name in Self.dataFiles {
            let url = resolved.dataDirectory.file(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                if name == "SOURCES.md" { continue }
                throw StrikeRangeError("provenance: cannot read \(url.path)")
            }
            if name == "SOURCES.md" { sourcesText = String(decoding: data, as: UTF8.self) }
            hashes.append(FileHash(file: name, bytes: data.count, sha256: SHA256.hex(data)))
        }
        // in_range: airfields (issue 12) read a file the rest of a scenario does not.
        if resolved.inRange?.layers.contains(.airfields) == true {
            let url = resolved.dataDirectory.file("airfields.geojson")
            guard let data = FileManager.default.contents(atPath: url.path) else { throw StrikeRangeError("provenance: cannot read \(url.path)") }
            hashes.append(FileHash(file: "airfields.geojson", bytes: data.count, sha256: SHA256.hex(data)))
        }
        data_files = hashes
        data_sources = Self.attribution(sourcesText)
        weapons = resolved.variants.map {
            WeaponEntry(weapon: $0.weaponID, name: $0.weaponName, variant: $0.kind.rawValue, range_km: rounded($0.rangeMeters / 1000, 3),
                        min_range_km: $0.minRangeMeters.map { rounded($0 / 1000, 3) }, sources: $0.sources)
        }
        tolerance_m = scenario.toleranceMeters
        placement = scenario.placement.rawValue
        envelopes = result.envelopes.map { variant, envelope in
            EnvelopeAccuracy(weapon: variant.weaponID, variant: variant.kind.rawValue, tolerance_m: envelope.parameters.toleranceMeters,
                             placement: envelope.parameters.placement.rawValue,
                             achieved_error_m: envelope.verification.map { rounded($0.achievedErrorMeters, 3) },
                             verified_samples: envelope.verification?.sampleCount, passed: envelope.verification?.passed,
                             vertex_count: envelope.vertexCount)
        }
        self.tables = tables
        method = "Geodesic envelopes on WGS84 (PROJ geodesic.h, Karney); achieved error measured by an independent sampler; distances exact (nearest point of the launch area by geodesic inverse); areas and lengths geodesic."
    }

    /// Paragraphs of the "## Attribution" section, each folded onto one line without Markdown emphasis.
    static func attribution(_ markdown: String) -> [String] {
        var inSection = false, items = [String]()
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## ") { inSection = line.lowercased().contains("attribution"); continue }
            guard inSection else { continue }
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("- ") { items.append(String(text.dropFirst(2))) } else if !text.isEmpty, !items.isEmpty { items[items.count - 1] += " " + text }
        }
        return items.map { $0.replacingOccurrences(of: "**", with: "") }
    }

    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
