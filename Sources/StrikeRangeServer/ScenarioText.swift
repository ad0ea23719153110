import Foundation
import StrikeRange

/// A view as scenario YAML (the format `strikerange run` reads, `Data/scenarios/README.md`). The server
/// itself reads every view through this text and `ScenarioDecoder`, so the download reproduces exactly what
/// the page showed, and the scenario's validation and messages are the API's.
enum ScenarioText {
    /// File name under which inline GeoJSON entry `index` of `list` is referenced ("launch-1.geojson").
    static func inlineFileName(_ list: String, _ index: Int) -> String {
        "\(list.replacingOccurrences(of: "_", with: "-"))-\(index + 1).geojson"
    }

    /// Text safe inside a YAML comment: no line breaks of any kind (YAML also breaks lines at CR, NEL, LS, PS),
    /// no control characters, so a client's name can never start a line of its own.
    static func commentText(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter {
            !CharacterSet.newlines.contains($0) && !CharacterSet.controlCharacters.contains($0) && $0.value != 0xFEFF
        }).prefix(80))
    }

    /// - Parameters:
    ///   - includeTables: false leaves regions and targets out (the envelope stage does not use them).
    static func yaml(_ view: ViewRequest, includeTables: Bool = true, header: Bool = false) -> String {
        var lines = [String]()
        var inlineFiles = [String]()
        func quoted(_ s: String) -> String {
            // A JSON string is a YAML double-quoted scalar; C1 controls and DEL are escaped too (YAML forbids them raw).
            let data = (try? JSONEncoder().encode(s)) ?? Data("\"\"".utf8)
            var out = ""
            for scalar in String(decoding: data, as: UTF8.self).unicodeScalars {
                if (0x7F...0x9F).contains(scalar.value) || scalar.value == 0xFEFF {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        func locations(_ key: String, _ list: [ViewRequest.Location]) {
            guard !list.isEmpty else { return }
            lines.append("\(key):")
            for (i, location) in list.enumerated() {
                switch location {
                case .specifier(let s): lines.append("  - \(quoted(s))")
                case .geojson(_, let name):
                    let file = inlineFileName(key, i)
                    inlineFiles.append(file)
                    lines.append("  - \(quoted("file:" + file))   # \(commentText(name)): inline GeoJSON, saved as \(file)")
                }
            }
        }
        if header {
            lines.append("# Scenario exported by `strikerange serve` (StrikeRange \(Versions.tool)): the view of the page.")
            lines.append("# Run:  strikerange run scenario.yaml --output out/scenario")
            lines.append("# Fields: Data/scenarios/README.md.")
        }
        if !view.title.isEmpty { lines.append("title: \(quoted(view.title))") }
        locations("launch", view.launch)
        locations("exclude", view.exclude)
        if let s = view.standoff { lines.append("standoff: \(quoted(s))") }
        locations("standoff_from", view.standoffFrom)
        if view.makeValid { lines.append("make_valid: true") }
        if !view.weapons.isEmpty {
            lines.append("weapons:")
            for weapon in view.weapons {
                switch weapon {
                case let .catalog(id, spread):
                    lines.append("  - id: \(quoted(id))")
                    if let spread { lines.append("    spread: \(spread)") }
                case let .custom(name, range, minRange, source):
                    lines.append("  - name: \(quoted(name))")
                    lines.append("    range: \(quoted(range))")
                    if let minRange { lines.append("    min_range: \(quoted(minRange))") }
                    if let source { lines.append("    source: \(quoted(source))") }
                }
            }
        }
        if view.spread { lines.append("spread: true") }
        if includeTables {
            if !view.regions.isEmpty { lines.append("regions:"); lines += view.regions.map { "  - \(quoted($0))" } }
            if !view.targets.isEmpty { lines.append("targets:"); lines += view.targets.map { "  - \(quoted($0))" } }
        }
        if let t = view.tolerance { lines.append("tolerance: \(quoted(t))") }
        if let p = view.placement { lines.append("placement: \(quoted(p))") }
        if header && !inlineFiles.isEmpty {
            lines.insert("# Save the page's GeoJSON downloads \(inlineFiles.joined(separator: ", ")) in the folder you run this from.", at: 3)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
