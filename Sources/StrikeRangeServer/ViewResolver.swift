import Foundation
import GeoJSON
import Geometry
import StrikeRange

/// Turns a view into a `ResolvedScenario` the way `strikerange run` does: scenario text → `ScenarioDecoder`
/// (form) → `ScenarioResolver` (names against the data), with inline GeoJSON read by the location
/// specifier's GeoJSON path; then the server's own limits (range length).
struct ViewResolver: Sendable {
    let catalog: DataCatalog
    let options: ServerOptions

    func resolve(_ view: ViewRequest) throws(APIError) -> ResolvedScenario {
        let text = ScenarioText.yaml(view)
        let decoded: (scenario: Scenario, problems: [ScenarioError])
        do { decoded = try ScenarioDecoder.decodeCollecting(text, file: "request") } catch { throw Self.apiError(error) }
        var scenario = decoded.scenario
        // Inline entries stand in the text as file:… placeholders; the server never opens them.
        scenario.launch = Self.dropInline(scenario.launch, view.launch)
        scenario.exclude = Self.dropInline(scenario.exclude, view.exclude)
        scenario.standoffFrom = Self.dropInline(scenario.standoffFrom, view.standoffFrom)
        // Defence in depth: whatever the text held, no entry left may name a file (ViewRequest refused them already).
        for entry in scenario.launch + scenario.exclude + scenario.standoffFrom + scenario.regions + scenario.targets {
            if case .file? = try? LocationSpecifier(parsing: LocationSpecifier.splitName(entry.value).specifier) {
                throw .badRequest(entry.mark.field, "'\(entry.value)' reads as a file path; the server reads no files named by a client")
            }
        }
        var resolved: ResolvedScenario
        do { resolved = try ScenarioResolver.resolve(scenario, catalog: catalog, decodeProblems: decoded.problems) } catch { throw Self.apiError(error) }
        resolved.launchParts = try Self.mergeInline(resolved.launchParts, view.launch, field: "launch", catalog: catalog)
        resolved.exclusions = try Self.mergeInline(resolved.exclusions, view.exclude, field: "exclude", catalog: catalog)
        resolved.standoffFrom = try Self.mergeInline(resolved.standoffFrom, view.standoffFrom, field: "standoff_from", catalog: catalog)
        try checkRanges(resolved, view: view)
        return resolved
    }

    private func checkRanges(_ resolved: ResolvedScenario, view: ViewRequest) throws(APIError) {
        let pointLaunch = resolved.launchParts.allSatisfy {
            if case .point = $0.geometry { return true }
            return false
        }
        for variant in resolved.variants {
            let field = Self.weaponField(variant, view: view)
            if variant.rangeMeters > options.maxRangeMeters {
                throw .badRequest(field, "range \(Self.km(variant.rangeMeters)) km is longer than any distance on the Earth needs: "
                    + "at \(Self.km(options.maxRangeMeters)) km (half a meridian) the envelope is already the whole globe")
            }
            if !pointLaunch && variant.rangeMeters > options.maxAreaRangeMeters {
                throw .badRequest(field, "range \(Self.km(variant.rangeMeters)) km from a line or area launch: the server computes those up to "
                    + "\(Self.km(options.maxAreaRangeMeters)) km (longer ones take minutes; README, Limits). Use a point launch, or `strikerange run` with the downloaded scenario")
            }
        }
    }

    static func weaponField(_ variant: RangeVariant, view: ViewRequest) -> String {
        "weapons[\(variant.weaponIndex)]" + (variant.kind == .custom ? ".range" : "")
    }

    static func km(_ meters: Double) -> String { String(format: "%.0f", meters / 1000) }

    private static func dropInline(_ marked: [Marked<String>], _ locations: [ViewRequest.Location]) -> [Marked<String>] {
        zip(marked, locations).compactMap { item, location in
            if case .specifier = location { return item }
            return nil
        }
    }

    /// Puts the inline entries back at their positions, read as GeoJSON.
    private static func mergeInline(_ resolved: [ResolvedLocation], _ locations: [ViewRequest.Location], field: String,
                                    catalog: DataCatalog) throws(APIError) -> [ResolvedLocation] {
        var fromText = resolved.makeIterator()
        var out = [ResolvedLocation]()
        for (i, location) in locations.enumerated() {
            switch location {
            case .specifier:
                if let next = fromText.next() { out.append(next) }
            case let .geojson(bytes, name):
                let f = "\(field)[\(i)].geojson"
                do {
                    var r = try LocationSpecifier.file("-").resolve(in: catalog, standardInput: { bytes })
                    r.label = name
                    out.append(r)
                } catch let error as LocationSpecifierError {
                    throw .badRequest(f, inlineMessage(error))
                } catch {
                    throw .badRequest(f, "\(error)")
                }
            }
        }
        return out
    }

    /// The specifier's GeoJSON messages say "stdin"; here the GeoJSON came in the request.
    private static func inlineMessage(_ error: LocationSpecifierError) -> String {
        switch error {
        case let .notGeoJSON(_, reason): return "not GeoJSON: \(reason)"
        case .noGeometry: return "holds no geometry (every feature's geometry is null)"
        case let .longEdge(_, feature, _, vertex, from, to):
            return "feature \(feature), the edge from vertex \(vertex) (longitude \(from)) to vertex \(vertex + 1) (longitude \(to)) spans more than 180° of longitude; "
                + "GeoJSON draws it the long way round. Cut it at ±180° or add vertices so that no edge spans more than 180°"
        case .unreadableFile: return "empty; expected GeoJSON, e.g. {\"type\": \"Point\", \"coordinates\": [30.52, 50.45]}"
        default: return error.description
        }
    }

    /// A scenario error as the API's: its field (JSON member path) and message, without the generated text's lines.
    static func apiError(_ error: ScenarioError) -> APIError {
        var message = error.message
        if !error.more.isEmpty {
            message += "; also " + error.more.map { "\($0.field): \($0.message)" }.joined(separator: "; ")
        }
        return .badRequest(error.field, message)
    }
}
