import Geometry

/// What a launch or target specifier resolved to.
public struct ResolvedLocation: Sendable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case point, place, region, country, border, file
    }

    public var kind: Kind
    /// What it resolved to, for people and for output properties: "50.45,30.52", "Kharkiv, UA-63, UA",
    /// "RU-BRY Bryansk", "UA Ukraine", "Russia - Ukraine", a file path or "stdin".
    public var label: String
    /// Point (point, place), MultiPolygon (region, country), MultiLineString (border), or what the file holds.
    public var geometry: Geometry
    /// ISO code of the region or country, the admin-1 code of a place; nil otherwise.
    public var code: String?

    /// The label without its leading code ("Bryansk" for "RU-BRY Bryansk"), as coverage rows name a region.
    public var name: String {
        guard let code, label.hasPrefix(code + " ") else { return label }
        return String(label.dropFirst(code.count + 1))
    }

    public init(kind: Kind, label: String, geometry: Geometry, code: String? = nil) {
        self.kind = kind; self.label = label; self.geometry = geometry; self.code = code
    }
}
