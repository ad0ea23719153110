internal import CProj

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
/// Accuracy (GeographicLib): about 15 nm in distance for the Earth's flattening.
public struct Geodesic: Sendable {
    public let ellipsoid: Ellipsoid
    /// Initialised once by `geod_init`; the C routines only read it (`const struct geod_geodesic*`).
    let raw: geod_geodesic
    /// Tally of the solves made through this value and the lines it creates; nil (the default) counts nothing.
    public let counter: GeodesicCallCounter?
    public static let wgs84 = Geodesic(.wgs84)

    public init(_ ellipsoid: Ellipsoid = .wgs84) {
        self.ellipsoid = ellipsoid
        var g = geod_geodesic()
        geod_init(&g, ellipsoid.semiMajorAxisMeters, ellipsoid.flattening)
        raw = g
        counter = nil
    }

    private init(copying other: Geodesic, counter: GeodesicCallCounter?) {
        ellipsoid = other.ellipsoid; raw = other.raw; self.counter = counter
    }

    /// The same solver, counting every solve (and every position on the lines it creates) into `counter`.
    public func counting(into counter: GeodesicCallCounter?) -> Geodesic {
        Geodesic(copying: self, counter: counter)
    }

    /// Inverse problem (`geod_inverse`): shortest geodesic between two points.
    /// Latitudes in [-90, 90] degrees (not checked: out-of-range gives NaN), longitudes any finite value.
    /// Both azimuths are forward azimuths; distance in metres.
    public func inverse(latitude1: Double, longitude1: Double, latitude2: Double, longitude2: Double) -> InverseSolution {
        counter?.add(.inverse)
        var s12 = 0.0, azi1 = 0.0, azi2 = 0.0
        withUnsafePointer(to: raw) { g in
            geod_inverse(g, latitude1, longitude1, latitude2, longitude2, &s12, &azi1, &azi2)
        }
        return InverseSolution(distanceMeters: s12, azimuth1Degrees: azi1, azimuth2Degrees: azi2)
    }
    public func inverse(_ a: LonLat, _ b: LonLat) -> InverseSolution {
        inverse(latitude1: a.latitude, longitude1: a.longitude, latitude2: b.latitude, longitude2: b.longitude)
    }
    /// Distance only, metres (cheaper: `geod_geninverse` without azimuths).
    public func distanceMeters(_ a: LonLat, _ b: LonLat) -> Double {
        counter?.add(.inverse)
        var s12 = 0.0
        withUnsafePointer(to: raw) { g in
            // Null outputs tell geod_geninverse to skip the azimuth and the other optional quantities.
            _ = geod_geninverse(g, a.latitude, a.longitude, b.latitude, b.longitude, &s12, nil, nil, nil, nil, nil, nil)
        }
        return s12
    }

    /// Direct problem (`geod_direct`, or `geod_gendirect` with `GEOD_LONG_UNROLL` when `unrollLongitude`):
    /// the point `distanceMeters` (may be negative) from the start along `azimuthDegrees` (clockwise from north).
    /// Without unrolling the longitude is reduced to [-180, 180]; unrolled, it is continuous from `longitude`
    /// (it tells how many times the geodesic went round the globe).
    public func direct(latitude: Double, longitude: Double, azimuthDegrees: Double, distanceMeters: Double,
                       unrollLongitude: Bool = false) -> DirectSolution {
        counter?.add(.direct)
        var lat2 = 0.0, lon2 = 0.0, azi2 = 0.0
        withUnsafePointer(to: raw) { g in
            if unrollLongitude {
                _ = geod_gendirect(g, latitude, longitude, azimuthDegrees, GEOD_LONG_UNROLL.rawValue, distanceMeters,
                                   &lat2, &lon2, &azi2, nil, nil, nil, nil, nil)
            } else {
                geod_direct(g, latitude, longitude, azimuthDegrees, distanceMeters, &lat2, &lon2, &azi2)
            }
        }
        return DirectSolution(latitude: lat2, longitude: lon2, azimuth2Degrees: azi2)
    }
    /// The direct problem with the reduced length m12 (`geod_gendirect` asking for `m12`, longitude
    /// unrolled): m12 is how fast the end point moves sideways per radian of start azimuth, metres, which
    /// gives the tangent of a geodesic circle at that point.
    public func directWithReducedLength(from start: LonLat, azimuthDegrees: Double, distanceMeters: Double)
        -> (solution: DirectSolution, reducedLengthMeters: Double) {
        counter?.add(.direct)
        var lat2 = 0.0, lon2 = 0.0, azi2 = 0.0, m12 = 0.0
        withUnsafePointer(to: raw) { g in
            _ = geod_gendirect(g, start.latitude, start.longitude, azimuthDegrees, GEOD_LONG_UNROLL.rawValue, distanceMeters,
                               &lat2, &lon2, &azi2, nil, &m12, nil, nil, nil)
        }
        return (DirectSolution(latitude: lat2, longitude: lon2, azimuth2Degrees: azi2), m12)
    }

    public func direct(from start: LonLat, azimuthDegrees: Double, distanceMeters: Double,
                       unrollLongitude: Bool = false) -> DirectSolution {
        direct(latitude: start.latitude, longitude: start.longitude, azimuthDegrees: azimuthDegrees,
               distanceMeters: distanceMeters, unrollLongitude: unrollLongitude)
    }

    /// The shortest geodesic segment from `start` to `end` (`geod_inverseline`).
    public func line(from start: LonLat, to end: LonLat) -> GeodesicLine {
        counter?.add(.lineSolve)
        var l = geod_geodesicline()
        withUnsafePointer(to: raw) { g in
            // caps 0 = latitude, longitude, azimuth and distance-as-input: all that position(…) needs.
            geod_inverseline(&l, g, start.latitude, start.longitude, end.latitude, end.longitude, 0)
        }
        return GeodesicLine(raw: l, counter: counter)
    }
    /// The geodesic leaving `start` at `azimuthDegrees`, of length `distanceMeters` (`geod_directline`).
    public func line(from start: LonLat, azimuthDegrees: Double, distanceMeters: Double) -> GeodesicLine {
        counter?.add(.lineSolve)
        var l = geod_geodesicline()
        withUnsafePointer(to: raw) { g in
            geod_directline(&l, g, start.latitude, start.longitude, azimuthDegrees, distanceMeters, 0)
        }
        return GeodesicLine(raw: l, counter: counter)
    }
}
