import Foundation
import Yams

/// Reads a scenario from YAML (JSON is YAML too, so both are accepted) strictly: unknown keys are errors
/// with the closest valid key suggested; missing required fields, wrong types and bad values name the file,
/// line, column and field. Works on Yams' node tree because it keeps each node's line and column.
/// (Yams' `Decodable` path would be shorter but loses the line and column of a bad field and cannot suggest the
/// closest key.) The `scenario` fuzz harness (Tests/Fuzz) checks that any bytes give a scenario or a `ScenarioError`.
public enum ScenarioDecoder {
    /// Keys of the top-level mapping and whether each is required.
    static let topLevelKeys: [(key: String, required: Bool)] = [
        ("title", false), ("launch", true), ("exclude", false), ("standoff", false), ("standoff_from", false),
        ("make_valid", false), ("weapons", true), ("spread", false), ("regions", false), ("targets", false),
        ("tolerance", false), ("placement", false), ("outputs", false), ("in_range", false),
    ]
    static let catalogWeaponKeys = ["id", "spread"] + figureKeys
    static let explicitWeaponKeys = ["name", "range", "min_range", "source"] + figureKeys

    /// Reads and decodes the file at `path`.
    /// - Throws: `ScenarioError` (unreadable file, YAML syntax, any field problem).
    public static func decode(contentsOf path: String) throws(ScenarioError) -> Scenario {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError(file: path, line: nil, column: nil, field: "", message: "cannot read the scenario file (missing, unreadable or not UTF-8)")
        }
        return try decode(text, file: path)
    }

    /// Decodes scenario text; `file` names it in messages.
    public static func decode(_ text: String, file: String) throws(ScenarioError) -> Scenario {
        do {
            return try decodeFields(text, file: file)
        } catch let error as ScenarioError {
            throw error
        } catch {
            throw ScenarioError(file: file, line: nil, column: nil, field: "", message: "\(error)")
        }
    }

    private static func decodeFields(_ text: String, file: String) throws -> Scenario {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        } catch {
            throw ScenarioError(file: file, line: nil, column: nil, field: "", message: "not valid YAML or JSON: \(error)")
        }
        guard let root else {
            throw ScenarioError(file: file, line: nil, column: nil, field: "", message: "the file is empty; see Data/scenarios/README.md for the fields")
        }
        let reader = NodeReader(file: file)
        let top = try reader.mapping(root, field: "", allowed: topLevelKeys.map(\.key))
        for (key, required) in topLevelKeys where required && top[key] == nil {
            throw reader.error(root, field: key, "required field is missing")
        }

        let launch = try reader.stringList(top["launch"]!, field: "launch")
        if launch.isEmpty { throw reader.error(top["launch"]!, field: "launch", "give at least one launch area (e.g. region:UA-59)") }
        let standoff = try top["standoff"].map { try reader.distance($0, field: "standoff") }
        let standoffFrom = try top["standoff_from"].map { try reader.stringList($0, field: "standoff_from") } ?? []
        if !standoffFrom.isEmpty && standoff == nil {
            throw reader.error(top["standoff_from"]!, field: "standoff_from", "needs a standoff distance (standoff: 20km)")
        }
        let weaponNodes = try reader.sequence(top["weapons"]!, field: "weapons")
        if weaponNodes.isEmpty { throw reader.error(top["weapons"]!, field: "weapons", "give at least one weapon") }
        var weapons = [ScenarioWeapon]()
        var figures = [Int: ScenarioFigure]()
        for (i, node) in weaponNodes.enumerated() {
            weapons.append(try reader.weapon(node, field: "weapons[\(i)]"))
            figures[i] = try figure(node, field: "weapons[\(i)]", reader: reader)
        }
        let placementText = try top["placement"].map { try reader.string($0, field: "placement") } ?? Placement.center.rawValue
        guard let placement = Placement(rawValue: placementText) else {
            throw reader.error(top["placement"]!, field: "placement",
                               "unknown placement '\(placementText)'; use one of \(Placement.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var outputs = Set(ScenarioOutput.allCases)
        if let node = top["outputs"] {
            outputs = []
            for (i, item) in try reader.sequence(node, field: "outputs").enumerated() {
                let name = try reader.string(item, field: "outputs[\(i)]")
                guard let output = ScenarioOutput(rawValue: name) else {
                    throw reader.error(item, field: "outputs[\(i)]", "unknown output '\(name)'"
                        + reader.suggestion(name, among: ScenarioOutput.allCases.map(\.rawValue))
                        + "; valid: \(ScenarioOutput.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                outputs.insert(output)
            }
            if outputs.contains(.png) && !outputs.contains(.svg) {
                throw reader.error(node, field: "outputs", "png is rasterised from the map: list svg too")
            }
        }
        let tolerance = try top["tolerance"].map { try reader.distance($0, field: "tolerance") } ?? 10
        if tolerance < RangeParameters.minimumToleranceMeters {
            throw reader.error(top["tolerance"]!, field: "tolerance", "must be at least 1mm")
        }
        return Scenario(
            file: file,
            title: try top["title"].map { try reader.string($0, field: "title") } ?? "",
            launch: launch,
            exclude: try top["exclude"].map { try reader.stringList($0, field: "exclude") } ?? [],
            standoffMeters: standoff,
            standoffFrom: standoffFrom,
            makeValid: try top["make_valid"].map { try reader.bool($0, field: "make_valid") } ?? false,
            weapons: weapons,
            spread: try top["spread"].map { try reader.bool($0, field: "spread") } ?? false,
            regions: try top["regions"].map { try reader.stringList($0, field: "regions") } ?? [],
            targets: try top["targets"].map { try reader.stringList($0, field: "targets") } ?? [],
            toleranceMeters: tolerance,
            placement: placement,
            outputs: outputs,
            inRange: try top["in_range"].map { try reader.inRange($0, field: "in_range") },
            figures: figures)
    }

    private static func syntaxError(_ error: YamlError, file: String) -> ScenarioError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ScenarioError(file: file, line: mark.line, column: mark.column, field: "", message: "YAML syntax: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ScenarioError(file: file, line: context.mark.line, column: context.mark.column, field: duplicates.joined(separator: ", "),
                                 message: "key given more than once")
        default:
            return ScenarioError(file: file, line: nil, column: nil, field: "", message: "not valid YAML or JSON: \(error)")
        }
    }
}
