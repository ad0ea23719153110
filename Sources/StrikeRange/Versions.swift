import Geodesy
import Geometry

/// Versions reported by `strikerange version` and written into every output's provenance.
public enum Versions {
    public static let tool = "0.1.0"
    public static var proj: String { ProjLibrary.version }
    public static var geos: String { GeometryEngine.version }
}
