/// A weapon with its publicly reported ranges, as shipped in `Data/weapons.json`.
/// Ranges are nominal published figures, not measured performance.
public struct Weapon: Sendable, Hashable, Codable {
    /// Where a figure was published.
    public struct Source: Sendable, Hashable, Codable {
        /// Nil when only the publisher is known.
        public var title: String?
        public var publisher: String?
        /// As published: "2023-09", "2021-03-31"…
        public var date: String?
        /// The figure as this source states it ("165–300 km by variant").
        public var reported: String?
        public init(title: String?, publisher: String?, date: String?, reported: String? = nil) {
            self.title = title; self.publisher = publisher; self.date = date; self.reported = reported
        }

        /// "title (publisher, date): reported", leaving out what is unknown.
        public var citation: String {
            let head = title ?? publisher ?? "unnamed source"
            let extra = [title == nil ? nil : publisher, date].compactMap { $0 }.filter { !$0.isEmpty }
            return head + (extra.isEmpty ? "" : " (\(extra.joined(separator: ", ")))") + (reported.map { ": \($0)" } ?? "")
        }
    }

    /// Stable identifier, e.g. "atacms-m57".
    public var id: String
    public var name: String
    public var aliases: [String]
    /// Launchers that carry it ("HIMARS (M142)", "M270"…).
    public var platforms: [String]
    /// Reported minimum range, metres; nil where none is reported.
    public var minRangeMeters: Double?
    /// Nominal maximum range, metres (> 0).
    public var rangeMeters: Double
    /// Low and high ends of the reported maximum ranges, metres (low ≤ nominal ≤ high is not enforced:
    /// the data states what was published).
    public var rangeLowMeters: Double
    public var rangeHighMeters: Double
    /// Caveats, e.g. "(unconfirmed)" or why sources differ.
    public var note: String?
    /// Which figures were not seen in a primary source (`min_range_m`, `range_m`…, as named in the data).
    public var unconfirmed: [String]
    public var sources: [Source]

    public init(id: String, name: String, aliases: [String] = [], platforms: [String] = [], minRangeMeters: Double? = nil,
                rangeMeters: Double, rangeLowMeters: Double, rangeHighMeters: Double, note: String? = nil, unconfirmed: [String] = [], sources: [Source] = []) {
        self.id = id; self.name = name; self.aliases = aliases; self.platforms = platforms
        self.minRangeMeters = minRangeMeters; self.rangeMeters = rangeMeters
        self.rangeLowMeters = rangeLowMeters; self.rangeHighMeters = rangeHighMeters
        self.note = note; self.unconfirmed = unconfirmed; self.sources = sources
    }

    enum CodingKeys: String, CodingKey {
        case id, name, aliases, platforms, note, unconfirmed, sources
        case minRangeMeters = "min_range_m", rangeMeters = "range_m"
        case rangeLowMeters = "range_low_m", rangeHighMeters = "range_high_m"
    }

    /// Tolerant of missing optional members (aliases, platforms, min range, low/high, note, sources).
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decodeIfPresent(String.self, forKey: .name) ?? id
        aliases = try c.decodeIfPresent([String].self, forKey: .aliases) ?? []
        platforms = try c.decodeIfPresent([String].self, forKey: .platforms) ?? []
        minRangeMeters = try c.decodeIfPresent(Double.self, forKey: .minRangeMeters)
        rangeMeters = try c.decode(Double.self, forKey: .rangeMeters)
        rangeLowMeters = try c.decodeIfPresent(Double.self, forKey: .rangeLowMeters) ?? rangeMeters
        rangeHighMeters = try c.decodeIfPresent(Double.self, forKey: .rangeHighMeters) ?? rangeMeters
        note = try c.decodeIfPresent(String.self, forKey: .note)
        unconfirmed = (try? c.decodeIfPresent([String].self, forKey: .unconfirmed)) ?? []
        sources = try c.decodeIfPresent([Source].self, forKey: .sources) ?? []
    }
}

/// The top level of `weapons.json`.
struct WeaponsFile: Decodable {
    var schema: Int
    var weapons: [Weapon]
}
