internal import CGEOS

// GEOS geometry → Swift value. Child pointers from GEOSGetGeometryN_r / GEOSGetExteriorRing_r /
// GEOSGeom_getCoordSeq_r are borrowed from their parent, which the caller keeps alive for the whole walk.
extension GEOSContext {
    func swiftGeometry(_ h: GEOSHandle) throws(GeometryError) -> Geometry {
        try withExtendedLifetime(h) { () throws(GeometryError) -> Geometry in try swiftGeometry(borrowed: h.pointer) }
    }

    func swiftGeometry(borrowed g: OpaquePointer) throws(GeometryError) -> Geometry {
        // GEOSGeomTypeId_r: -1 on exception.
        let type = try callCount("GEOSGeomTypeId_r") { GEOSGeomTypeId_r($0, g) }
        switch UInt32(type) {
        case GEOS_POINT.rawValue: return .point(try swiftPoint(borrowed: g))
        case GEOS_LINESTRING.rawValue, GEOS_LINEARRING.rawValue: return .lineString(LineString(try coordinates(ofSimple: g)))
        case GEOS_POLYGON.rawValue: return .polygon(try swiftPolygon(borrowed: g))
        case GEOS_MULTIPOINT.rawValue:
            return .multiPoint(MultiPoint(try parts(of: g) { (p) throws(GeometryError) in try swiftPoint(borrowed: p) }))
        case GEOS_MULTILINESTRING.rawValue:
            return .multiLineString(MultiLineString(try parts(of: g) { (p) throws(GeometryError) in LineString(try coordinates(ofSimple: p)) }))
        case GEOS_MULTIPOLYGON.rawValue:
            return .multiPolygon(MultiPolygon(try parts(of: g) { (p) throws(GeometryError) in try swiftPolygon(borrowed: p) }))
        case GEOS_GEOMETRYCOLLECTION.rawValue:
            return .geometryCollection(GeometryCollection(try parts(of: g) { (p) throws(GeometryError) in try swiftGeometry(borrowed: p) }))
        default:
            throw GeometryError(.unsupported, "GEOS geometry type id \(type) has no Swift counterpart")
        }
    }

    func parts<T>(of g: OpaquePointer, _ convert: (OpaquePointer) throws(GeometryError) -> T) throws(GeometryError) -> [T] {
        // GEOSGetNumGeometries_r: -1 on exception.
        let n = try callCount("GEOSGetNumGeometries_r") { GEOSGetNumGeometries_r($0, g) }
        var out: [T] = []
        out.reserveCapacity(n)
        for i in 0..<n {
            messages.clear()
            // GEOSGetGeometryN_r: NULL on exception; the part is borrowed from `g`.
            guard let part = GEOSGetGeometryN_r(handle, g, Int32(i)) else { throw failure("GEOSGetGeometryN_r") }
            out.append(try convert(part))
        }
        return out
    }

    func swiftPoint(borrowed g: OpaquePointer) throws(GeometryError) -> Point {
        let coords = try coordinates(ofSimple: g)
        return Point(coords.first)
    }

    func swiftPolygon(borrowed g: OpaquePointer) throws(GeometryError) -> Polygon {
        messages.clear()
        // GEOSGetExteriorRing_r: NULL on exception; borrowed from `g` (an empty ring for an empty polygon).
        guard let shell = GEOSGetExteriorRing_r(handle, g) else { throw failure("GEOSGetExteriorRing_r") }
        let exterior = try coordinates(ofSimple: shell)
        // GEOSGetNumInteriorRings_r: -1 on exception.
        let n = try callCount("GEOSGetNumInteriorRings_r") { GEOSGetNumInteriorRings_r($0, g) }
        var holes: [[Coordinate]] = []
        holes.reserveCapacity(n)
        for i in 0..<n {
            messages.clear()
            // GEOSGetInteriorRingN_r: NULL on exception; borrowed from `g`.
            guard let ring = GEOSGetInteriorRingN_r(handle, g, Int32(i)) else { throw failure("GEOSGetInteriorRingN_r") }
            holes.append(try coordinates(ofSimple: ring))
        }
        return Polygon(exterior: exterior, holes: holes)
    }

    /// Coordinates of a Point, LineString or LinearRing, read with one `GEOSCoordSeq_copyToBuffer_r`.
    /// Z is read when the sequence has 3 dimensions; NaN Z (GEOS's "no Z") becomes nil.
    func coordinates(ofSimple g: OpaquePointer) throws(GeometryError) -> [Coordinate] {
        // GEOSisEmpty_r: 2 on exception. An empty point's sequence holds no coordinates we want.
        if try callPredicate("GEOSisEmpty_r", { GEOSisEmpty_r($0, g) }) { return [] }
        messages.clear()
        // GEOSGeom_getCoordSeq_r: NULL on exception; borrowed from `g`.
        guard let seq = GEOSGeom_getCoordSeq_r(handle, g) else { throw failure("GEOSGeom_getCoordSeq_r") }
        var size: UInt32 = 0, dims: UInt32 = 0
        // GEOSCoordSeq_getSize_r / getDimensions_r: 0 on exception.
        try callStatus("GEOSCoordSeq_getSize_r") { GEOSCoordSeq_getSize_r($0, seq, &size) }
        try callStatus("GEOSCoordSeq_getDimensions_r") { GEOSCoordSeq_getDimensions_r($0, seq, &dims) }
        let count = Int(size)
        let hasZ = dims >= 3
        let stride = hasZ ? 3 : 2
        var buffer = [Double](repeating: 0, count: count * stride)
        // GEOSCoordSeq_copyToBuffer_r: 0 on exception.
        try callStatus("GEOSCoordSeq_copyToBuffer_r") { GEOSCoordSeq_copyToBuffer_r($0, seq, &buffer, hasZ ? 1 : 0, 0) }
        return buffer.withUnsafeBufferPointer { b in
            [Coordinate](unsafeUninitializedCapacity: count) { out, initialized in
                for i in 0..<count {
                    let k = i * stride
                    let z: Double? = hasZ && !b[k + 2].isNaN ? b[k + 2] : nil
                    (out.baseAddress! + i).initialize(to: Coordinate(x: b[k], y: b[k + 1], z: z))
                }
                initialized = count
            }
        }
    }
}
