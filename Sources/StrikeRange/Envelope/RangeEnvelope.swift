import Geodesy
import Geometry

/// The set of points whose geodesic distance to a launch area is within range (less, with a minimum
/// range, the points closer than it to every launch point), as a MultiPolygon with longitudes in
/// [-180, 180], and what is known about its accuracy.
public struct RangeEnvelope: Sendable {
    public var geometry: MultiPolygon
    public var parameters: RangeParameters
    public var ellipsoid: Ellipsoid
    /// Vertices of the output, closing vertices included.
    public var vertexCount: Int
    /// Geodesic area of the output, computed when asked (one inverse solution per edge).
    public var areaSquareMeters: Double { GeodesicMeasure(Geodesic(ellipsoid)).areaSquareMeters(.multiPolygon(lonLatGeometry ?? geometry)) }
    /// The certified lon/lat geometry when `geometry` was rewritten for another edge reading (its area is the
    /// one measured).
    public internal(set) var lonLatGeometry: MultiPolygon?
    /// Filled by `EnvelopeCertifier`; nil when not verified.
    public var verification: EnvelopeVerification?
    /// How the edges are meant to be read: as built, straight in lon/lat; `withGeodesicEdges()` rewrites them.
    public var edges: EdgeReading = .lonlat
}
