/// One step of a JSON path, rendered as `.key` or `[index]`.
enum JSONPathComponent: Sendable {
    case key(String)
    case index(Int)
}

extension [JSONPathComponent] {
    /// `features[3].geometry.coordinates[0][2]`; "" for the root.
    var rendered: String {
        var text = ""
        for component in self {
            switch component {
            case .key(let name):
                if !text.isEmpty { text += "." }
                text += name
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }
}
