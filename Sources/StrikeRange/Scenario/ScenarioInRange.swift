import Yams

/// The `in_range:` section of a scenario (issue 12): which layers of places and airfields to list and
/// count within range of the scenario's weapons, with `inrange`'s filters. Checked for form here and
/// against the data by `ScenarioResolver` (through `InRangeFilter.resolve`).
public struct ScenarioInRange: Sendable {
    public var layers: [InRangeLayer]
    public var countries: [Marked<String>]
    public var admin1: [Marked<String>]
    public var types: [Marked<String>]
    public var militaryOnly: Bool
    /// As written (validated by `InRangeFilter.resolve`, so "-5" gets the same message as on the command line).
    public var minPopulation: Marked<String>?
    /// Default true: a scenario's map and CSV hold what is in range, not every feature of a country.
    public var inRangeOnly: Bool
    /// Places labelled on the map (the most populous in range); military airfields are always labelled.
    public var labelPlaces: Int
    /// The section itself, for messages about it as a whole.
    public var mark: ScenarioSourceMark

    static let keys = ["layers", "country", "admin1", "type", "military", "min_population", "in_range_only", "label_places"]
}

/// The `in_range:` section checked against the data.
public struct ResolvedInRange: Sendable {
    public var layers: [InRangeLayer]
    public var filter: InRangeFilter
    public var inRangeOnly: Bool
    public var labelPlaces: Int
}

extension NodeReader {
    /// Reads the `in_range:` mapping. - Throws: `ScenarioError` with line, column and field.
    func inRange(_ node: Node, field: String) throws(ScenarioError) -> ScenarioInRange {
        let map = try mapping(node, field: field, allowed: ScenarioInRange.keys)
        var layers = [InRangeLayer]()
        if let layerNode = map["layers"] {
            for item in try stringList(layerNode, field: "\(field).layers") {
                do { layers += try InRangeLayer.parseList(item.value) } catch {
                    throw self.error(layerNode, field: "\(field).layers", "unknown layer '\(item.value)'; use airfields, places or both")
                }
            }
        } else {
            layers = [.airfields, .places]
        }
        var label = 8
        if let n = map["label_places"] {
            guard let v = Int(try string(n, field: "\(field).label_places")), v >= 0 else {
                throw error(n, field: "\(field).label_places", "expected a whole number of places to label, 0 or more")
            }
            label = v
        }
        func list(_ key: String) throws(ScenarioError) -> [Marked<String>] {
            guard let n = map[key] else { return [] }
            return try stringList(n, field: "\(field).\(key)")
        }
        func flag(_ key: String, _ fallback: Bool) throws(ScenarioError) -> Bool {
            guard let n = map[key] else { return fallback }
            return try bool(n, field: "\(field).\(key)")
        }
        var minPopulation: Marked<String>?
        if let n = map["min_population"] {
            minPopulation = Marked(try string(n, field: "\(field).min_population"), mark: mark(n, field: "\(field).min_population"))
        }
        return ScenarioInRange(
            layers: layers.reduce(into: []) { if !$0.contains($1) { $0.append($1) } },
            countries: try list("country"), admin1: try list("admin1"), types: try list("type"),
            militaryOnly: try flag("military", false), minPopulation: minPopulation,
            inRangeOnly: try flag("in_range_only", true), labelPlaces: label,
            mark: mark(node, field: field))
    }
}
