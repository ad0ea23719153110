import Yams

/// Typed access to Yams nodes for `ScenarioDecoder`; every failure names the node's line and column.
struct NodeReader {
    let file: String

    func error(_ node: Node, field: String, _ message: String) -> ScenarioError {
        ScenarioError(file: file, line: node.mark?.line, column: node.mark?.column, field: field, message: message)
    }

    static func kind(_ node: Node) -> String {
        switch node {
        case .scalar: return "a single value"
        case .mapping: return "a mapping (key: value lines)"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// " (did you mean 'x'?)" when a candidate is close to `text`, else "".
    func suggestion(_ text: String, among candidates: [String]) -> String {
        let key = NameKey.fold(text)
        let close = EditDistance.suggestions(for: key, among: candidates.map { (NameKey.fold($0), $0) }, count: 1)
        return close.first.map { " (did you mean '\($0)'?)" } ?? ""
    }

    /// A mapping whose keys are all in `allowed`; unknown keys fail with the closest valid key.
    func mapping(_ node: Node, field: String, allowed: [String]) throws(ScenarioError) -> [String: Node] {
        var problems = [ScenarioError]()
        let result = try mapping(node, field: field, allowed: allowed, problems: &problems)
        if let first = problems.first { throw first }
        return result
    }

    /// The same, with each unknown or non-text key appended to `problems` and left out instead of failing
    /// (the top level, so that every mistake of a file is reported in one run).
    func mapping(_ node: Node, field: String, allowed: [String], problems: inout [ScenarioError]) throws(ScenarioError) -> [String: Node] {
        guard case .mapping(let mapping) = node else {
            throw error(node, field: field, "expected a mapping (key: value lines), found \(Self.kind(node))")
        }
        var result = [String: Node]()
        for (keyNode, value) in mapping {
            guard case .scalar(let scalar) = keyNode else {
                problems.append(error(keyNode, field: field, "keys must be plain names"))
                continue
            }
            let key = scalar.string
            let path = field.isEmpty ? key : "\(field).\(key)"
            guard allowed.contains(key) else {
                problems.append(error(keyNode, field: path, "unknown key '\(key)'" + suggestion(key, among: allowed)
                                      + "; valid keys here: \(allowed.joined(separator: ", "))"))
                continue
            }
            result[key] = value
        }
        return result
    }

    func sequence(_ node: Node, field: String) throws(ScenarioError) -> [Node] {
        guard case .sequence(let sequence) = node else {
            throw error(node, field: field, "expected a list, found \(Self.kind(node))")
        }
        return Array(sequence)
    }

    func string(_ node: Node, field: String) throws(ScenarioError) -> String {
        guard case .scalar(let scalar) = node else {
            throw error(node, field: field, "expected text, found \(Self.kind(node))")
        }
        return scalar.string
    }

    func bool(_ node: Node, field: String) throws(ScenarioError) -> Bool {
        guard case .scalar(let scalar) = node else {
            throw error(node, field: field, "expected true or false, found \(Self.kind(node))")
        }
        switch scalar.string.lowercased() {
        case "true": return true
        case "false": return false
        default: throw error(node, field: field, "expected true or false, found '\(scalar.string)'")
        }
    }

    /// A distance with its unit ("20km", "186mi"); a bare number is refused because its unit is unknown.
    func distance(_ node: Node, field: String) throws(ScenarioError) -> Double {
        let text = try string(node, field: field)
        do {
            return try Distance(parsing: text).meters
        } catch {
            throw self.error(node, field: field, error.description)
        }
    }

    /// A list of texts; a single text is taken as a one-item list.
    func stringList(_ node: Node, field: String) throws(ScenarioError) -> [Marked<String>] {
        if case .scalar = node {
            return [Marked(try string(node, field: field), mark: mark(node, field: field))]
        }
        var result = [Marked<String>]()
        for (i, item) in try sequence(node, field: field).enumerated() {
            let path = "\(field)[\(i)]"
            let text = try string(item, field: path)
            if text.isEmpty { throw error(item, field: path, "empty value") }
            result.append(Marked(text, mark: mark(item, field: path)))
        }
        return result
    }

    func mark(_ node: Node, field: String) -> ScenarioSourceMark {
        ScenarioSourceMark(line: node.mark?.line, column: node.mark?.column, field: field)
    }

    /// `{id, spread?}` for a catalog weapon, `{name, range, min_range?, source?}` for an explicit one,
    /// or a bare id.
    func weapon(_ node: Node, field: String) throws(ScenarioError) -> ScenarioWeapon {
        if case .scalar = node {
            return .catalog(id: Marked(try string(node, field: field), mark: mark(node, field: field)), spread: nil)
        }
        guard case .mapping(let raw) = node else {
            throw error(node, field: field, "expected a catalog id (atacms) or a mapping {id: …} / {name: …, range: …}, found \(Self.kind(node))")
        }
        let isExplicit = raw["id"] == nil && (raw["name"] != nil || raw["range"] != nil)
        let fields = try mapping(node, field: field, allowed: isExplicit ? ScenarioDecoder.explicitWeaponKeys : ScenarioDecoder.catalogWeaponKeys)
        if isExplicit {
            guard let nameNode = fields["name"] else { throw error(node, field: "\(field).name", "required field is missing (an explicit weapon needs name and range)") }
            guard let rangeNode = fields["range"] else { throw error(node, field: "\(field).range", "required field is missing (an explicit weapon needs name and range)") }
            // Checked here, where each value's line is known, and in the scenario's words: RangeParameters
            // would report "--range" against the weapon's name.
            let range = try distance(rangeNode, field: "\(field).range")
            guard range > 0 else {
                throw error(rangeNode, field: "\(field).range", "the range must be more than 0; give e.g. range: 300km")
            }
            let minimum = try fields["min_range"].map { node throws(ScenarioError) in try distance(node, field: "\(field).min_range") }
            if let minimum, let minNode = fields["min_range"], minimum >= range {
                throw error(minNode, field: "\(field).min_range", "\(format(minimum / 1000, 3)) km is not below range \(format(range / 1000, 3)) km; the minimum range must be smaller than the range (or leave min_range out)")
            }
            return .explicit(
                name: Marked(try string(nameNode, field: "\(field).name"), mark: mark(nameNode, field: "\(field).name")),
                rangeMeters: range,
                minRangeMeters: minimum,
                source: try fields["source"].map { node throws(ScenarioError) in try string(node, field: "\(field).source") })
        }
        guard let idNode = fields["id"] else {
            throw error(node, field: "\(field).id", "required field is missing (a catalog weapon needs id; an explicit one name and range)")
        }
        return .catalog(id: Marked(try string(idNode, field: "\(field).id"), mark: mark(idNode, field: "\(field).id")),
                        spread: try fields["spread"].map { node throws(ScenarioError) in try bool(node, field: "\(field).spread") })
    }
}
