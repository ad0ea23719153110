import Geodesy
import Geometry

/// A target: a point, or a polygon/line whose nearest point to the launch area stands for it.
public struct ReachTarget: Sendable, Hashable {
    /// Label for output (the CSV name column, the specifier's label, a feature's name).
    public var name: String
    /// Point, or any geometry (its point nearest to the launch area is used). Lon/lat degrees.
    public var geometry: Geometry
    /// Extra values carried to the output in input order (other CSV columns); empty otherwise.
    public var passthrough: [String]

    public init(name: String, geometry: Geometry, passthrough: [String] = []) {
        self.name = name; self.geometry = geometry; self.passthrough = passthrough
    }

    public init(name: String, point: LonLat, passthrough: [String] = []) {
        self.init(name: name, geometry: .point(Point(x: point.longitude, y: point.latitude)), passthrough: passthrough)
    }

    /// The target itself when its geometry is valid. An invalid polygon (a bow-tie) would otherwise fail
    /// mid-computation with GEOS's bare "TopologyException", naming neither the target nor its file.
    /// - Parameter source: where the target came from (file path as given, or "--target"), for the message.
    /// - Throws: `StrikeRangeError` naming the target, its source, GEOS's reason and place, and the fix.
    public func validated(source: String) throws -> ReachTarget {
        let validity = try GeometryEngine().validity(geometry)
        guard !validity.isValid else { return self }
        let place = validity.location.map { " at \($0.y),\($0.x) (lat,lon)" } ?? ""
        throw StrikeRangeError("target '\(name)' from \(source): invalid geometry: \(validity.reason ?? "invalid")\(place); "
            + "fix the polygon (e.g. QGIS \"Fix geometries\" or shapely make_valid) or give the target as a point, lat,lon")
    }

    /// The single coordinate of a point target; nil for other geometries.
    var pointCoordinate: LonLat? {
        if case .point(let p) = geometry, let c = p.coordinate { return LonLat(longitude: c.x, latitude: c.y) }
        return nil
    }
}
