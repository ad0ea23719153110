import Foundation

/// The weapons of `Data/weapons.json`, looked up by id, name or alias ignoring case and punctuation
/// ("ATACMS", "atacms", "MGM-140", "mgm 140", "Block IA").
public struct WeaponCatalog: Sendable {
    /// In file order.
    public let weapons: [Weapon]
    /// Compact key (`NameKey.compact`) → indices into `weapons`.
    private let index: [String: [Int]]

    public init(weapons: [Weapon]) {
        self.weapons = weapons
        var index: [String: [Int]] = [:]
        for (i, weapon) in weapons.enumerated() {
            for name in [weapon.id, weapon.name] + weapon.aliases {
                let key = NameKey.compact(name)
                guard !key.isEmpty else { continue }
                if !(index[key]?.contains(i) ?? false) { index[key, default: []].append(i) }
            }
        }
        self.index = index
    }

    /// Loads `weapons.json` (schema 1).
    /// - Throws: `DataError.invalidFile` naming the file and what is wrong in it.
    public init(contentsOf url: URL) throws(DataError) {
        let bytes = try DataFileReader.bytes(of: url)
        let file: WeaponsFile
        do {
            file = try JSONDecoder().decode(WeaponsFile.self, from: Data(bytes))
        } catch {
            throw DataError(.invalidFile, path: url.path, message: "data file \(url.path) is not a valid weapons list: \(Self.describe(error))")
        }
        guard file.schema == 1 else {
            throw DataError(.invalidFile, path: url.path, message: "data file \(url.path) has schema \(file.schema); this tool reads schema 1")
        }
        self.init(weapons: file.weapons)
    }

    /// The weapon whose id, name or alias is `query` (case, spaces and punctuation ignored).
    /// - Throws: `LookupError.unknown` with the closest names, or `.ambiguous` when an alias names several weapons.
    public func weapon(matching query: String) throws(LookupError) -> Weapon {
        let key = NameKey.compact(query)
        if let hits = index[key] {
            if hits.count == 1 { return weapons[hits[0]] }
            throw LookupError.ambiguous(what: "weapon", query: query,
                                        candidates: hits.map { "\(weapons[$0].id)  (\(weapons[$0].name))" })
        }
        var candidates: [(key: String, label: String)] = []
        for weapon in weapons {
            for name in [weapon.id, weapon.name] + weapon.aliases {
                candidates.append((NameKey.compact(name), weapon.id))
            }
        }
        throw LookupError.unknown(what: "weapon", query: query,
                                  suggestions: EditDistance.suggestions(for: key, among: candidates))
    }

    private static func describe(_ error: any Error) -> String {
        switch error as? DecodingError {
        case let .keyNotFound(key, context)?:
            return "missing '\(key.stringValue)' at \(path(context.codingPath))"
        case let .typeMismatch(type, context)?, let .valueNotFound(type, context)?:
            return "expected \(type) at \(path(context.codingPath))"
        case let .dataCorrupted(context)?:
            return "\(context.debugDescription) \(context.codingPath.isEmpty ? "" : "at \(path(context.codingPath))")"
        default:
            return String(describing: error)
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
    }
}
