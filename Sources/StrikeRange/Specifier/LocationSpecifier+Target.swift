import Foundation

extension LocationSpecifier {
    /// Splits "Name=specifier" (e.g. "Windhoek=-22.56,17.08", "HQ=place:Kursk") into the name the user
    /// gave and the specifier. Text without "=", with nothing on either side of it, or naming an existing
    /// file is returned whole with no name.
    public static func splitName(_ text: String) -> (name: String?, specifier: String) {
        guard let eq = text.firstIndex(of: "="), !FileManager.default.fileExists(atPath: text) else { return (nil, text) }
        let name = text[..<eq].trimmingCharacters(in: .whitespaces)
        let specifier = text[text.index(after: eq)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !specifier.isEmpty else { return (nil, text) }
        return (name, specifier)
    }

    /// Resolves a target: "Name=specifier" keeps the name given as the label; an unprefixed name that is
    /// both a city and a region ("Moscow", "Kursk") means the city, since a target is usually a place (a
    /// region target stands for its nearest point; write region:NAME for that).
    /// - Throws: as `resolve(_:in:)`.
    public static func resolveTarget(_ text: String, in catalog: DataCatalog) throws -> ResolvedLocation {
        let (name, specifier) = splitName(text)
        var resolved: ResolvedLocation
        if case .name(let query) = try LocationSpecifier(parsing: specifier),
           let place = try? LocationSpecifier.place(query).resolve(in: catalog) {
            resolved = place
        } else {
            resolved = try LocationSpecifier.resolve(specifier, in: catalog)
        }
        if let name { resolved.label = name }
        return resolved
    }

    /// What the user should know about how `text` resolved as a target: for a name that is both a place and a
    /// region ("Kursk"), that the place was taken and how to ask for the region. Nil otherwise.
    public static func targetNote(_ text: String, resolved: ResolvedLocation, in catalog: DataCatalog) -> String? {
        guard resolved.kind == .place, case .name(let query)? = try? LocationSpecifier(parsing: splitName(text).specifier),
              let region = try? LocationSpecifier.region(query).resolve(in: catalog) else { return nil }
        let code = region.code ?? region.label
        return "'\(query)' is taken as the place \(resolved.label); for the \(region.kind == .country ? "country" : "region") \(region.label) write region:\(code)"
    }

    /// Resolves an entry of a list of regions (coverage `--regions`, a scenario's `regions:`): an unprefixed
    /// name is looked up among regions and countries only, so "Sevastopol", "Kyiv" or "Rostov" mean the
    /// region there, not an ambiguity with the city of that name.
    /// - Throws: as `resolve(_:in:)`.
    public static func resolveRegion(_ text: String, in catalog: DataCatalog) throws -> ResolvedLocation {
        if case .name(let query) = try LocationSpecifier(parsing: text) {
            return try LocationSpecifier.region(query).resolve(in: catalog)
        }
        return try LocationSpecifier.resolve(text, in: catalog)
    }
}
