/// One range to draw, tabulate or test against: a weapon at one of its reported ranges, or a hand-given
/// range, with the request's tolerance and placement. The one "weapon + variant" type, used by `envelope`,
/// `reach`, `inrange`, `coverage`, scenarios and `serve` (issue 14: five copies of it disagreed).
public struct RangeVariant: Sendable, Equatable {
    /// Which reported range this is; writers turn it into text (`rawValue`) only when they write.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case nominal, low, high
        /// A hand-given range (`--range`, an explicit scenario weapon).
        case custom
    }

    /// Catalog id, "custom" for `--range`, or the explicit scenario weapon's name.
    public var weaponID: String
    public var weaponName: String
    public var kind: Kind
    /// Range, minimum range, tolerance and placement, validated.
    public var parameters: RangeParameters
    /// Citations of the range, for legends and provenance.
    public var sources: [String]
    /// Position of the weapon in its request (scenario `weapons:` entry or `--weapon` value): one colour per weapon.
    public var weaponIndex: Int

    public var rangeMeters: Double { parameters.rangeMeters }
    public var minRangeMeters: Double? { parameters.minRangeMeters }
    /// The weapon's main figure (nominal or hand-given), as opposed to a spread's low or high one.
    public var isMain: Bool { kind == .nominal || kind == .custom }

    public init(weaponID: String, weaponName: String? = nil, kind: Kind, parameters: RangeParameters,
                sources: [String] = [], weaponIndex: Int = 0) {
        self.weaponID = weaponID; self.weaponName = weaponName ?? weaponID; self.kind = kind
        self.parameters = parameters; self.sources = sources; self.weaponIndex = weaponIndex
    }
}
