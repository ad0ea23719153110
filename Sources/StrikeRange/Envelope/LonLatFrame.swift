import Geodesy
import Geometry

/// Conversions between Geometry coordinates and Geodesy positions, and the "unrolled" longitude frame:
/// longitudes kept continuous around a reference meridian so that topology works across ±180°.
enum LonLatFrame {
    static func lonLat(_ c: Coordinate) -> LonLat { LonLat(longitude: c.x, latitude: c.y) }
    static func coordinate(_ p: LonLat) -> Coordinate { Coordinate(x: p.longitude, y: p.latitude) }
    static func coordinates(_ ring: [LonLat]) -> [Coordinate] { ring.map(coordinate) }

    /// `longitude` moved by a multiple of 360° into (reference − 180, reference + 180].
    static func unroll(_ longitude: Double, near reference: Double) -> Double {
        let d = (longitude - reference).remainder(dividingBy: 360)
        return reference + d
    }

    /// The path with each longitude moved by a multiple of 360° to be within 180° of the previous one;
    /// the first is put near `reference`.
    static func unrollPath(_ path: [LonLat], near reference: Double) -> [LonLat] {
        guard var previous = path.first?.longitude else { return [] }
        previous = unroll(previous, near: reference)
        var out = [LonLat]()
        out.reserveCapacity(path.count)
        for p in path {
            let lon = unroll(p.longitude, near: previous)
            out.append(LonLat(longitude: lon, latitude: p.latitude))
            previous = lon
        }
        // A closed path stays closed to the bit (rounding in the remainder can move the last longitude by
        // an ulp, and noding then sees an open line); one that winds round a pole keeps its 360°.
        if path.count > 2, path.first == path.last, abs(out[out.count - 1].longitude - out[0].longitude) < 1e-9 {
            out[out.count - 1] = out[0]
        }
        return out
    }

    /// Twice the planar signed area in lon/lat (positive counter-clockwise); orientation only.
    static func signedArea2(_ ring: [LonLat]) -> Double {
        guard ring.count > 2 else { return 0 }
        var s = 0.0
        var j = ring.count - 1
        for i in 0..<ring.count {
            s += (ring[j].longitude - ring[i].longitude) * (ring[j].latitude + ring[i].latitude)
            j = i
        }
        return s
    }

    /// Circular mean of longitudes (degrees), a stable frame centre for multi-part inputs.
    static func meanLongitude(_ longitudes: [Double]) -> Double {
        var sx = 0.0, sy = 0.0
        for l in longitudes {
            let r = l * .pi / 180
            sx += cos(r); sy += sin(r)
        }
        if sx == 0 && sy == 0 { return 0 }
        return atan2(sy, sx) * 180 / .pi
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
