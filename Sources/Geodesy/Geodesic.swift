/// Result of the inverse problem. Azimuths are clockwise from north, in degrees in [-180, 180].
public struct InverseSolution: Sendable, Hashable {
    public var distanceMeters: Double
    /// Forward azimuth at point 1.
    public var azimuth1Degrees: Double
    /// Forward azimuth at point 2 (not the back azimuth that PROJ's `geod` prints).
    public var azimuth2Degrees: Double
    public init(distanceMeters: Double, azimuth1Degrees: Double, azimuth2Degrees: Double) {
        self.distanceMeters = distanceMeters; self.azimuth1Degrees = azimuth1Degrees; self.azimuth2Degrees = azimuth2Degrees
    }
}

/// Result of the direct problem.
public struct DirectSolution: Sendable, Hashable {
    public var latitude: Double
    /// In [-180, 180], or unrolled (continuous from the start) when asked for.
    public var longitude: Double
    /// Forward azimuth at the end point, degrees.
    public var azimuth2Degrees: Double
    public init(latitude: Double, longitude: Double, azimuth2Degrees: Double) {
        self.latitude = latitude; self.longitude = longitude; self.azimuth2Degrees = azimuth2Degrees
    }
    public var position: LonLat { LonLat(longitude: longitude, latitude: latitude) }
}

/// Geodesic computations on one ellipsoid (GeographicLib's C code as shipped by PROJ, `geodesic.h`).
/// A value type: the underlying `geod_geodesic` is a plain struct, read-only after init, safe to share.
public struct Geodesic: Sendable {
    public let ellipsoid: Ellipsoid
    public static let wgs84 = Geodesic(.wgs84)

    public init(_ ellipsoid: Ellipsoid = .wgs84) {
        self.ellipsoid = ellipsoid
        fatalError("unimplemented")
    }

    /// Inverse problem (`geod_inverse`). Latitudes in [-90, 90], longitudes any finite value.
    public func inverse(latitude1: Double, longitude1: Double, latitude2: Double, longitude2: Double) -> InverseSolution {
        fatalError("unimplemented")
    }
    public func inverse(_ a: LonLat, _ b: LonLat) -> InverseSolution {
        inverse(latitude1: a.latitude, longitude1: a.longitude, latitude2: b.latitude, longitude2: b.longitude)
    }
    /// Distance only (cheaper: `geod_geninverse` without azimuths).
    public func distanceMeters(_ a: LonLat, _ b: LonLat) -> Double {
        fatalError("unimplemented")
    }

    /// Direct problem (`geod_direct`, or `geod_gendirect` with `GEOD_LONG_UNROLL` when `unrollLongitude`).
    public func direct(latitude: Double, longitude: Double, azimuthDegrees: Double, distanceMeters: Double,
                       unrollLongitude: Bool = false) -> DirectSolution {
        fatalError("unimplemented")
    }
    public func direct(from start: LonLat, azimuthDegrees: Double, distanceMeters: Double,
                       unrollLongitude: Bool = false) -> DirectSolution {
        direct(latitude: start.latitude, longitude: start.longitude, azimuthDegrees: azimuthDegrees,
               distanceMeters: distanceMeters, unrollLongitude: unrollLongitude)
    }

    /// The geodesic segment from `start` to `end` (`geod_inverseline`).
    public func line(from start: LonLat, to end: LonLat) -> GeodesicLine {
        fatalError("unimplemented")
    }
    /// The geodesic leaving `start` at `azimuthDegrees` (`geod_directline` / `geod_lineinit`), of `distanceMeters`.
    public func line(from start: LonLat, azimuthDegrees: Double, distanceMeters: Double) -> GeodesicLine {
        fatalError("unimplemented")
    }
}

/// A geodesic segment; positions along it at distances or fractions (`geod_position`/`geod_genposition`).
public struct GeodesicLine: Sendable {
    /// Length of the segment.
    public var distanceMeters: Double { fatalError("unimplemented") }
    /// Point at `distanceMeters` from the start (may exceed the length or be negative).
    public func position(distanceMeters: Double, unrollLongitude: Bool = true) -> DirectSolution {
        fatalError("unimplemented")
    }
    /// Point at `fraction` (0 = start, 1 = end) of the length.
    public func position(fraction: Double, unrollLongitude: Bool = true) -> DirectSolution {
        position(distanceMeters: fraction * distanceMeters, unrollLongitude: unrollLongitude)
    }
    /// Start, end and enough evenly spaced points between that no gap exceeds `maximumSpacingMeters`.
    public func densified(maximumSpacingMeters: Double, unrollLongitude: Bool = true) -> [LonLat] {
        fatalError("unimplemented")
    }
}
