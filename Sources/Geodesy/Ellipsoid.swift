/// A reference ellipsoid. WGS84 unless said otherwise.
public struct Ellipsoid: Sendable, Hashable, CustomStringConvertible {
    /// Equatorial radius a, metres.
    public let semiMajorAxisMeters: Double
    /// Flattening f = (a − b) / a; 0 for a sphere, negative for a prolate ellipsoid.
    public let flattening: Double
    /// "WGS84", a PROJ ellipsoid name such as "GRS80", or "a=…,f=…" for a custom one.
    public let name: String

    public static let wgs84 = Ellipsoid(uncheckedSemiMajorAxisMeters: 6_378_137, flattening: 1 / 298.257223563, name: "WGS84")

    init(uncheckedSemiMajorAxisMeters a: Double, flattening f: Double, name: String) {
        semiMajorAxisMeters = a; flattening = f; self.name = name
    }

    /// An ellipsoid from its equatorial radius (metres, > 0, finite) and flattening (finite, < 1).
    /// - Throws: `GeodesyError.invalidEllipsoid` unless a > 0 and finite and f < 1 and finite.
    public init(semiMajorAxisMeters: Double, flattening: Double, name: String? = nil) throws(GeodesyError) {
        guard semiMajorAxisMeters.isFinite, semiMajorAxisMeters > 0 else {
            throw GeodesyError(.invalidEllipsoid,
                               "invalid ellipsoid: semi-major axis \(semiMajorAxisMeters) m must be finite and > 0")
        }
        guard flattening.isFinite, flattening < 1 else {
            throw GeodesyError(.invalidEllipsoid,
                               "invalid ellipsoid: flattening \(flattening) must be finite and < 1")
        }
        self.init(uncheckedSemiMajorAxisMeters: semiMajorAxisMeters, flattening: flattening,
                  name: name ?? "a=\(semiMajorAxisMeters),f=\(flattening)")
    }

    /// An ellipsoid by PROJ name (`GRS80`, `intl`, `clrk66`, `WGS84`…), as listed by `proj_list_ellps`.
    /// The match is exact first, then case-insensitive.
    /// - Throws: `GeodesyError.unknownEllipsoid` naming the closest known names.
    public init(named projName: String) throws(GeodesyError) {
        let known = ProjEllipsoidCatalog.entries
        let entry = known.first { $0.id == projName }
            ?? known.first { $0.id.lowercased() == projName.lowercased() }
        guard let entry else {
            let close = ProjEllipsoidCatalog.closestNames(to: projName, count: 3)
            throw GeodesyError(.unknownEllipsoid,
                               "unknown ellipsoid '\(projName)'; did you mean \(close.joined(separator: ", "))? "
                                   + "(`proj -le` lists all \(known.count))")
        }
        self = try Ellipsoid(semiMajorAxisMeters: entry.semiMajorAxisMeters, flattening: entry.flattening, name: entry.id)
    }

    /// Polar radius b = a (1 − f), metres.
    public var semiMinorAxisMeters: Double { semiMajorAxisMeters * (1 - flattening) }
    public var description: String { name }
}
