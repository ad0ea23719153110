import Geometry

/// One region whose coverage is asked for: an area (admin unit, country, polygon file) or a line
/// (a land border, a line file). Geometry in lon/lat degrees (WGS84), longitudes in [-180, 180].
public struct CoverageRegion: Sendable {
    /// How a region is measured: by geodesic area (polygonal) or geodesic length (linear).
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case area
        case line
    }

    /// Display name ("Bryansk", "Russia–Belarus border", a file name).
    public var name: String
    /// Catalog code ("RU-BRY", "RU-BY") when the region came from the catalog.
    public var code: String?
    /// Only the parts of `kind`'s dimension: polygons for an area, lines for a line.
    public var geometry: Geometry
    public var kind: Kind

    /// Keeps the polygonal parts of `geometry` (an area), or else its linear parts (a line).
    /// - Throws: `StrikeRangeError` naming the region when it has neither (points only, or empty).
    public init(name: String, code: String? = nil, geometry: Geometry) throws(StrikeRangeError) {
        self.name = name
        self.code = code
        let polygons = geometry.polygons.filter { $0.exterior.count >= 4 }
        let lines = geometry.lineStrings.filter { $0.coordinates.count >= 2 }
        if !polygons.isEmpty {
            kind = .area
            self.geometry = polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(MultiPolygon(polygons))
        } else if !lines.isEmpty {
            kind = .line
            self.geometry = lines.count == 1 ? .lineString(lines[0]) : .multiLineString(MultiLineString(lines))
        } else {
            throw StrikeRangeError("region '\(name)': no polygon or line to measure (points have neither area nor length); give an area or a line")
        }
    }

    /// "RU-BRY Bryansk", or the name alone.
    public var label: String { code.map { "\($0) \(name)" } ?? name }

    /// Paths whose points bound the region: polygon rings (holes included) or the lines themselves.
    var boundaryPaths: [[Coordinate]] {
        switch kind {
        case .area: geometry.polygons.flatMap { [$0.exterior] + $0.holes }
        case .line: geometry.lineStrings.map(\.coordinates)
        }
    }
}
