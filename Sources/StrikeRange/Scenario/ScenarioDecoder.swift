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
    /// - Throws: `ScenarioError` (unreadable file, YAML syntax, any field problem; every field problem at once).
    public static func decode(contentsOf path: String) throws(ScenarioError) -> Scenario {
        try checked(decodeCollecting(contentsOf: path))
    }

    /// Decodes scenario text; `file` names it in messages.
    public static func decode(_ text: String, file: String) throws(ScenarioError) -> Scenario {
        try checked(decodeCollecting(text, file: file))
    }

    /// The scenario with every bad field left out, and the problems found in it, so that a caller can check
    /// the rest against the data and report every mistake of the file in one run (`ScenarioResolver.resolve`'s
    /// `decodeProblems`). Throws only when nothing can be read (unreadable file, YAML syntax, not a mapping).
    public static func decodeCollecting(contentsOf path: String) throws(ScenarioError) -> (scenario: Scenario, problems: [ScenarioError]) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ScenarioError(file: path, line: nil, column: nil, field: "", message: "cannot read the scenario file (missing, unreadable or not UTF-8)")
        }
        return try decodeCollecting(text, file: path)
    }

    public static func decodeCollecting(_ text: String, file: String) throws(ScenarioError) -> (scenario: Scenario, problems: [ScenarioError]) {
        do {
            return try decodeFields(text, file: file)
        } catch let error as ScenarioError {
            throw error
        } catch {
            throw ScenarioError(file: file, line: nil, column: nil, field: "", message: "\(error)")
        }
    }

    private static func checked(_ decoded: (scenario: Scenario, problems: [ScenarioError])) throws(ScenarioError) -> Scenario {
        if !decoded.problems.isEmpty { throw ScenarioError.combining(ScenarioError.inFileOrder(decoded.problems)) }
        return decoded.scenario
    }

    private static func decodeFields(_ text: String, file: String) throws -> (scenario: Scenario, problems: [ScenarioError]) {
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
        var problems = [ScenarioError]()
        // Each field is read on its own: a bad one is noted and left out, and reading goes on.
        func attempt<T>(_ body: () throws(ScenarioError) -> T) -> T? {
            do { return try body() } catch { problems.append(error); return nil }
        }
        let top = try reader.mapping(root, field: "", allowed: topLevelKeys.map(\.key), problems: &problems)
        for (key, required) in topLevelKeys where required && top[key] == nil {
            problems.append(reader.error(root, field: key, "required field is missing"))
        }

        var launch = [Marked<String>]()
        if let node = top["launch"] {
            if let list = attempt({ () throws(ScenarioError) in try reader.stringList(node, field: "launch") }) {
                launch = list
                if list.isEmpty { problems.append(reader.error(node, field: "launch", "give at least one launch area (e.g. region:UA-59)")) }
            }
        }
        let standoff = top["standoff"].flatMap { node in attempt { () throws(ScenarioError) in try reader.distance(node, field: "standoff") } }
        let standoffFrom = top["standoff_from"].flatMap { node in attempt { () throws(ScenarioError) in try reader.stringList(node, field: "standoff_from") } } ?? []
        if let node = top["standoff_from"], !standoffFrom.isEmpty && top["standoff"] == nil {
            problems.append(reader.error(node, field: "standoff_from", "needs a standoff distance (standoff: 20km)"))
        }
        var weapons = [ScenarioWeapon]()
        var figures = [Int: ScenarioFigure]()
        if let node = top["weapons"], let weaponNodes = attempt({ () throws(ScenarioError) in try reader.sequence(node, field: "weapons") }) {
            if weaponNodes.isEmpty { problems.append(reader.error(node, field: "weapons", "give at least one weapon")) }
            for (i, weaponNode) in weaponNodes.enumerated() {
                guard let weapon = attempt({ () throws(ScenarioError) in try reader.weapon(weaponNode, field: "weapons[\(i)]") }) else { continue }
                figures[weapons.count] = attempt { () throws(ScenarioError) in try figure(weaponNode, field: "weapons[\(i)]", reader: reader) } ?? nil
                weapons.append(weapon)
            }
        }
        var placement = Placement.center
        if let node = top["placement"], let text = attempt({ () throws(ScenarioError) in try reader.string(node, field: "placement") }) {
            if let value = Placement(rawValue: text) {
                placement = value
            } else {
                problems.append(reader.error(node, field: "placement",
                                             "unknown placement '\(text)'; use one of \(Placement.allCases.map(\.rawValue).joined(separator: ", "))"))
            }
        }
        var outputs = Set(ScenarioOutput.allCases)
        if let node = top["outputs"], let items = attempt({ () throws(ScenarioError) in try reader.sequence(node, field: "outputs") }) {
            outputs = []
            for (i, item) in items.enumerated() {
                guard let name = attempt({ () throws(ScenarioError) in try reader.string(item, field: "outputs[\(i)]") }) else { continue }
                guard let output = ScenarioOutput(rawValue: name) else {
                    problems.append(reader.error(item, field: "outputs[\(i)]", "unknown output '\(name)'"
                        + reader.suggestion(name, among: ScenarioOutput.allCases.map(\.rawValue))
                        + "; valid: \(ScenarioOutput.allCases.map(\.rawValue).joined(separator: ", "))"))
                    continue
                }
                outputs.insert(output)
            }
            if outputs.contains(.png) && !outputs.contains(.svg) {
                problems.append(reader.error(node, field: "outputs", "png is rasterised from the map: list svg too"))
            }
        }
        var tolerance = 10.0
        if let node = top["tolerance"], let value = attempt({ () throws(ScenarioError) in try reader.distance(node, field: "tolerance") }) {
            if value < RangeParameters.minimumToleranceMeters {
                problems.append(reader.error(node, field: "tolerance", "must be at least 1mm"))
            } else {
                tolerance = value
            }
        }
        let scenario = Scenario(
            file: file,
            title: top["title"].flatMap { node in attempt { () throws(ScenarioError) in try reader.string(node, field: "title") } } ?? "",
            launch: launch,
            exclude: top["exclude"].flatMap { node in attempt { () throws(ScenarioError) in try reader.stringList(node, field: "exclude") } } ?? [],
            standoffMeters: standoff,
            standoffFrom: standoffFrom,
            makeValid: top["make_valid"].flatMap { node in attempt { () throws(ScenarioError) in try reader.bool(node, field: "make_valid") } } ?? false,
            weapons: weapons,
            spread: top["spread"].flatMap { node in attempt { () throws(ScenarioError) in try reader.bool(node, field: "spread") } } ?? false,
            regions: top["regions"].flatMap { node in attempt { () throws(ScenarioError) in try reader.stringList(node, field: "regions") } } ?? [],
            targets: top["targets"].flatMap { node in attempt { () throws(ScenarioError) in try reader.stringList(node, field: "targets") } } ?? [],
            toleranceMeters: tolerance,
            placement: placement,
            outputs: outputs,
            inRange: top["in_range"].flatMap { node in attempt { () throws(ScenarioError) in try reader.inRange(node, field: "in_range") } },
            figures: figures)
        return (scenario, problems)
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
