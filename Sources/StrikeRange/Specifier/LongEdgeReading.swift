import GeoJSON
import Geometry

/// How an input edge whose ends are more than 180° of longitude apart is read.
///
/// RFC 7946 draws every edge straight in lon/lat, so such an edge runs the long way round; many tools
/// write it meaning the short way across ±180°. The two readings differ by most of the globe, so
/// StrikeRange does not guess: such an edge is an error unless the user says which reading is meant.
/// Edges along a pole (both ends at latitude ±90°, as in Antarctica's outline) are the pole itself either
/// way and always accepted.
public enum LongEdgeReading: String, Sendable, CaseIterable {
    /// Report the first such edge, naming the feature and the vertex (the default).
    case reject
    /// Read it the short way, across ±180° (what the edge means in most non-RFC files).
    case shortWay = "short-way"

    /// The first edge of `features` longer than 180° of longitude that is not along a pole, if any.
    static func firstLongEdge(in features: [Feature]) -> (feature: Int, name: String?, vertex: Int, from: Coordinate, to: Coordinate)? {
        for (index, feature) in features.enumerated() {
            guard let geometry = feature.geometry else { continue }
            for path in Self.paths(of: geometry) {
                for i in path.indices.dropLast() {
                    let a = path[i], b = path[i + 1]
                    if abs(b.x - a.x) > 180, !(abs(a.y) == 90 && a.y == b.y) {
                        var name: String?
                        if case .object(let properties) = feature.properties, case .string(let text)? = properties["name"] { name = text }
                        return (index, name, i, a, b)
                    }
                }
            }
        }
        return nil
    }

    private static func paths(of g: Geometry) -> [[Coordinate]] {
        switch g {
        case .point, .multiPoint: []
        case .lineString(let l): [l.coordinates]
        case .multiLineString(let m): m.lineStrings.map(\.coordinates)
        case .polygon(let p): [p.exterior] + p.holes
        case .multiPolygon(let m): m.polygons.flatMap { [$0.exterior] + $0.holes }
        case .geometryCollection(let c): c.geometries.flatMap(paths)
        }
    }
}
