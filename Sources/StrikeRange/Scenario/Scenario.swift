/// Where a value came from in the scenario file, so that later checks (unknown weapon, unknown region)
/// can still name the line and field.
public struct ScenarioSourceMark: Sendable, Hashable {
    public var line: Int?
    public var column: Int?
    public var field: String
    public init(line: Int?, column: Int?, field: String) { self.line = line; self.column = column; self.field = field }
}

/// A value read from a scenario file together with its mark.
public struct Marked<Value: Sendable>: Sendable {
    public var value: Value
    public var mark: ScenarioSourceMark
    public init(_ value: Value, mark: ScenarioSourceMark) { self.value = value; self.mark = mark }
}

/// One weapon line of a scenario: a catalog entry, or an explicit name and range.
public enum ScenarioWeapon: Sendable {
    /// A catalog id or alias; `spread` overrides the scenario's default.
    case catalog(id: Marked<String>, spread: Bool?)
    /// A hand-given weapon: name, maximum and optional minimum range in metres, optional citation.
    case explicit(name: Marked<String>, rangeMeters: Double, minRangeMeters: Double?, source: String?)
}

/// What to write into the output folder (provenance.json is always written).
public enum ScenarioOutput: String, Sendable, CaseIterable, Hashable {
    case geojson, gpkg, kml, csv, svg, png
}

/// A parsed scenario: everything `strikerange run` needs, every field validated for form (not yet against
/// the data catalog; see `ScenarioResolver`). Distances are metres.
public struct Scenario: Sendable {
    /// The file it came from, as given (for messages).
    public var file: String
    public var title: String
    public var launch: [Marked<String>]
    public var exclude: [Marked<String>]
    public var standoffMeters: Double?
    public var standoffFrom: [Marked<String>]
    public var makeValid: Bool
    public var weapons: [ScenarioWeapon]
    /// Default for catalog weapons: also the low and high reported maxima.
    public var spread: Bool
    public var regions: [Marked<String>]
    public var targets: [Marked<String>]
    public var toleranceMeters: Double
    public var placement: Placement
    public var outputs: Set<ScenarioOutput>
    /// `in_range:` (issue 12): places and airfields within range, listed in `in_range.csv` and on the map.
    public var inRange: ScenarioInRange? = nil
    /// Fans and rings by weapon entry index (issue 16; `ScenarioFigure`).
    public var figures: [Int: ScenarioFigure] = [:]
}
