/// Universal Transverse Mercator (WGS84) in both directions, through PROJ (`EPSG:326zz` north, `EPSG:327zz` south,
/// from and to `EPSG:4326` in lon/lat order). PROJ's UTM is the exact-series transverse Mercator (Poder/Engsager),
/// accurate to well below a millimetre out to several thousand kilometres from the central meridian, so zones
/// widened by the MGRS Norway/Svalbard exceptions are projected as accurately as standard ones.
///
/// Keeps one `Transformation` per zone and hemisphere it has used; like `Transformation` it owns PROJ contexts,
/// so use one per thread or task (it is not `Sendable`).
public final class UTMProjector {
    private var transformations: [Int: Transformation] = [:]

    public init() {}

    /// Easting and northing (metres, false easting 500 km, false northing 10,000 km in the south) of `position`
    /// in `zone` (1...60), northern or southern hemisphere.
    /// - Throws: `GeodesyError.invalidArgument` for a zone outside 1...60, `.proj` with PROJ's text otherwise.
    public func project(_ position: LonLat, zone: Int, north: Bool) throws(GeodesyError) -> (easting: Double, northing: Double) {
        let t = try transformation(zone: zone, north: north)
        let r = try t.transform(x: position.longitude, y: position.latitude, direction: .forward)
        return (r.x, r.y)
    }

    /// The position at `easting`, `northing` (metres) in `zone` (1...60), northern or southern hemisphere;
    /// longitude in [-180, 180].
    /// - Throws: `GeodesyError.invalidArgument` for a zone outside 1...60 or non-finite input, `.proj` with PROJ's text.
    public func position(easting: Double, northing: Double, zone: Int, north: Bool) throws(GeodesyError) -> LonLat {
        guard easting.isFinite, northing.isFinite else {
            throw GeodesyError(.invalidArgument, "UTM easting and northing must be finite (got \(easting), \(northing))")
        }
        let t = try transformation(zone: zone, north: north)
        let r = try t.transform(x: easting, y: northing, direction: .inverse)
        var longitude = r.x
        if longitude > 180 { longitude -= 360 } else if longitude < -180 { longitude += 360 }
        return LonLat(longitude: longitude, latitude: r.y)
    }

    /// The standard UTM zone (1...60) of a longitude in degrees, without the MGRS Norway/Svalbard exceptions.
    public static func standardZone(longitude: Double) -> Int {
        var lon = longitude.truncatingRemainder(dividingBy: 360)
        if lon >= 180 { lon -= 360 } else if lon < -180 { lon += 360 }
        return min(60, max(1, Int(((lon + 180) / 6).rounded(.down)) + 1))
    }

    private func transformation(zone: Int, north: Bool) throws(GeodesyError) -> Transformation {
        guard (1...60).contains(zone) else {
            throw GeodesyError(.invalidArgument, "UTM zone \(zone) is out of range: zones are 1 to 60")
        }
        let key = north ? zone : -zone
        if let t = transformations[key] { return t }
        let code = (north ? 32600 : 32700) + zone
        let t = try Transformation(from: "EPSG:4326", to: "EPSG:\(code)")
        transformations[key] = t
        return t
    }
}
