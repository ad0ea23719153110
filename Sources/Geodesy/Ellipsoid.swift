/// A reference ellipsoid. WGS84 unless said otherwise.
public struct Ellipsoid: Sendable, Hashable, CustomStringConvertible {
    public let semiMajorAxisMeters: Double
    public let flattening: Double
    /// "WGS84", a PROJ ellipsoid name such as "GRS80", or "a=…,f=…" for a custom one.
    public let name: String

    public static let wgs84 = Ellipsoid(uncheckedSemiMajorAxisMeters: 6_378_137, flattening: 1 / 298.257223563, name: "WGS84")

    init(uncheckedSemiMajorAxisMeters a: Double, flattening f: Double, name: String) {
        semiMajorAxisMeters = a; flattening = f; self.name = name
    }

    /// - Throws: `GeodesyError.invalidEllipsoid` unless a > 0 and finite and f < 1 and finite.
    public init(semiMajorAxisMeters: Double, flattening: Double, name: String? = nil) throws(GeodesyError) {
        fatalError("unimplemented")
    }

    /// An ellipsoid by PROJ name (`GRS80`, `intl`, `clrk66`, `WGS84`…), as listed by `proj_list_ellps`.
    /// - Throws: `GeodesyError.unknownEllipsoid` naming the closest known names.
    public init(named projName: String) throws(GeodesyError) {
        fatalError("unimplemented")
    }

    public var semiMinorAxisMeters: Double { semiMajorAxisMeters * (1 - flattening) }
    public var description: String { name }
}
