internal import CGEOS

// Swift value → GEOS geometry. Inputs GEOS would reject with an exception (unclosed rings, one-point lines)
// are rejected here first as `.invalidInput`, so a GEOS constructor can only fail on memory exhaustion.
// Raw pointers below are owned by the function holding them until handed to GEOS or wrapped in a GEOSHandle.
extension GEOSContext {
    /// A new GEOS geometry equal to `g`, owned by the returned handle.
    func makeHandle(_ g: Geometry) throws(GeometryError) -> GEOSHandle {
        GEOSHandle(context: self, owning: try makeOwned(g))
    }

    /// A new GEOS geometry; the caller owns it (must destroy it or hand it to GEOS).
    func makeOwned(_ g: Geometry) throws(GeometryError) -> OpaquePointer {
        switch g {
        case .point(let p): return try makePoint(p)
        case .lineString(let l): return try makeLineString(l.coordinates)
        case .polygon(let p): return try makePolygon(p)
        case .multiPoint(let m):
            return try makeCollection(GEOS_MULTIPOINT, count: m.points.count) { (i) throws(GeometryError) in try makePoint(m.points[i]) }
        case .multiLineString(let m):
            return try makeCollection(GEOS_MULTILINESTRING, count: m.lineStrings.count) { (i) throws(GeometryError) in
                try makeLineString(m.lineStrings[i].coordinates)
            }
        case .multiPolygon(let m):
            return try makeCollection(GEOS_MULTIPOLYGON, count: m.polygons.count) { (i) throws(GeometryError) in try makePolygon(m.polygons[i]) }
        case .geometryCollection(let c):
            return try makeCollection(GEOS_GEOMETRYCOLLECTION, count: c.geometries.count) { (i) throws(GeometryError) in
                try makeOwned(c.geometries[i])
            }
        }
    }

    /// A coordinate sequence (owned by the caller) filled in one `GEOSCoordSeq_copyFromBuffer_r` call.
    /// Z is kept when any coordinate has one; the others get NaN, GEOS's "no Z".
    func makeCoordSeq(_ coords: [Coordinate]) throws(GeometryError) -> OpaquePointer {
        let hasZ = coords.contains { $0.z != nil }
        let dims = hasZ ? 3 : 2
        let buffer = [Double](unsafeUninitializedCapacity: coords.count * dims) { buf, initialized in
            var k = 0
            for c in coords {
                buf[k] = c.x; buf[k + 1] = c.y
                if hasZ { buf[k + 2] = c.z ?? .nan }
                k += dims
            }
            initialized = k
        }
        messages.clear()
        // GEOSCoordSeq_copyFromBuffer_r: NULL on exception.
        guard let seq = GEOSCoordSeq_copyFromBuffer_r(handle, buffer, UInt32(coords.count), hasZ ? 1 : 0, 0) else {
            throw failure("GEOSCoordSeq_copyFromBuffer_r")
        }
        return seq
    }

    func makePoint(_ p: Point) throws(GeometryError) -> OpaquePointer {
        messages.clear()
        guard let c = p.coordinate else {
            // GEOSGeom_createEmptyPoint_r: NULL on exception.
            guard let g = GEOSGeom_createEmptyPoint_r(handle) else { throw failure("GEOSGeom_createEmptyPoint_r") }
            return g
        }
        if c.z == nil {
            // GEOSGeom_createPointFromXY_r: NULL on exception.
            guard let g = GEOSGeom_createPointFromXY_r(handle, c.x, c.y) else { throw failure("GEOSGeom_createPointFromXY_r") }
            return g
        }
        let seq = try makeCoordSeq([c])
        messages.clear()
        // GEOSGeom_createPoint_r takes ownership of `seq` (also when it fails). NULL on exception.
        guard let g = GEOSGeom_createPoint_r(handle, seq) else { throw failure("GEOSGeom_createPoint_r") }
        return g
    }

    func makeLineString(_ coords: [Coordinate]) throws(GeometryError) -> OpaquePointer {
        if coords.isEmpty {
            messages.clear()
            // GEOSGeom_createEmptyLineString_r: NULL on exception.
            guard let g = GEOSGeom_createEmptyLineString_r(handle) else { throw failure("GEOSGeom_createEmptyLineString_r") }
            return g
        }
        guard coords.count >= 2 else {
            throw GeometryError(.invalidInput, "a LineString needs 0 or at least 2 coordinates, got \(coords.count)")
        }
        let seq = try makeCoordSeq(coords)
        messages.clear()
        // GEOSGeom_createLineString_r takes ownership of `seq` (also when it fails). NULL on exception.
        guard let g = GEOSGeom_createLineString_r(handle, seq) else { throw failure("GEOSGeom_createLineString_r") }
        return g
    }

    func makeLinearRing(_ coords: [Coordinate], role: String) throws(GeometryError) -> OpaquePointer {
        guard coords.count >= 4 else {
            throw GeometryError(.invalidInput, "a polygon \(role) ring needs at least 4 coordinates, got \(coords.count)")
        }
        guard coords.first!.x == coords.last!.x, coords.first!.y == coords.last!.y else {
            throw GeometryError(.invalidInput, "a polygon \(role) ring must be closed (first == last)")
        }
        let seq = try makeCoordSeq(coords)
        messages.clear()
        // GEOSGeom_createLinearRing_r takes ownership of `seq` (also when it fails). NULL on exception.
        guard let g = GEOSGeom_createLinearRing_r(handle, seq) else { throw failure("GEOSGeom_createLinearRing_r") }
        return g
    }

    func makePolygon(_ p: Polygon) throws(GeometryError) -> OpaquePointer {
        if p.exterior.isEmpty {
            guard p.holes.isEmpty else { throw GeometryError(.invalidInput, "an empty polygon cannot have holes") }
            messages.clear()
            // GEOSGeom_createEmptyPolygon_r: NULL on exception.
            guard let g = GEOSGeom_createEmptyPolygon_r(handle) else { throw failure("GEOSGeom_createEmptyPolygon_r") }
            return g
        }
        let shell = try makeLinearRing(p.exterior, role: "exterior")
        var holes: [OpaquePointer?] = []
        holes.reserveCapacity(p.holes.count)
        do throws(GeometryError) {
            for h in p.holes { holes.append(try makeLinearRing(h, role: "interior")) }
        } catch {
            // Not yet handed to GEOS: still ours to free.
            GEOSGeom_destroy_r(handle, shell)
            for h in holes { GEOSGeom_destroy_r(handle, h) }
            throw error
        }
        messages.clear()
        // GEOSGeom_createPolygon_r takes ownership of `shell` and of each hole (the array itself stays ours).
        // It only refuses before taking ownership when a ring is not a LinearRing, which cannot happen here.
        // NULL on exception.
        let g = holes.withUnsafeMutableBufferPointer { buf in
            GEOSGeom_createPolygon_r(handle, shell, buf.baseAddress, UInt32(buf.count))
        }
        guard let g else { throw failure("GEOSGeom_createPolygon_r") }
        return g
    }

    /// A collection of `type` whose parts come from `makePart(0..<count)`.
    func makeCollection(
        _ type: GEOSGeomTypes, count: Int, _ makePart: (Int) throws(GeometryError) -> OpaquePointer
    ) throws(GeometryError) -> OpaquePointer {
        var parts: [OpaquePointer?] = []
        parts.reserveCapacity(count)
        do throws(GeometryError) {
            for i in 0..<count { parts.append(try makePart(i)) }
        } catch {
            // Not yet handed to GEOS: still ours to free.
            for p in parts { GEOSGeom_destroy_r(handle, p) }
            throw error
        }
        messages.clear()
        if parts.isEmpty {
            // GEOSGeom_createEmptyCollection_r: NULL on exception.
            guard let g = GEOSGeom_createEmptyCollection_r(handle, Int32(type.rawValue)) else {
                throw failure("GEOSGeom_createEmptyCollection_r")
            }
            return g
        }
        // GEOSGeom_createCollection_r takes ownership of every part (the array itself stays ours).
        // NULL on exception.
        let g = parts.withUnsafeMutableBufferPointer { buf in
            GEOSGeom_createCollection_r(handle, Int32(type.rawValue), buf.baseAddress, UInt32(buf.count))
        }
        guard let g else { throw failure("GEOSGeom_createCollection_r") }
        return g
    }

    /// A 2-point line whose envelope is exactly `box` (also for degenerate boxes, unlike a rectangle polygon).
    func makeEnvelopeLine(_ box: BoundingBox) throws(GeometryError) -> OpaquePointer {
        try makeLineString([Coordinate(x: box.minX, y: box.minY), Coordinate(x: box.maxX, y: box.maxY)])
    }
}
