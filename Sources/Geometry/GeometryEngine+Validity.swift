internal import CGEOS

extension GeometryEngine {
    /// Whether `g` is valid in the OGC sense, with GEOS's reason and location when not (`GEOSisValidDetail_r`).
    /// - Throws: `GeometryError` if `g` cannot be built in GEOS or GEOS fails.
    public func validity(_ g: Geometry) throws(GeometryError) -> Validity {
        let h = try context.makeHandle(g)
        var reason: UnsafeMutablePointer<CChar>?
        var location: OpaquePointer?
        context.messages.clear()
        // GEOSisValidDetail_r: 1 valid, 0 invalid, 2 exception. `reason` (GEOSFree_r) and `location`
        // (GEOSGeom_destroy_r) become ours when set.
        let code = withExtendedLifetime(h) { GEOSisValidDetail_r(context.handle, h.pointer, 0, &reason, &location) }
        let locationHandle = location.map { GEOSHandle(context: context, owning: $0) }
        let reasonText = reason.map { String(cString: $0) }
        if let reason { GEOSFree_r(context.handle, reason) }
        switch code {
        case 1:
            return Validity(isValid: true, reason: nil, location: nil)
        case 0:
            var at: Coordinate?
            if let locationHandle {
                at = try context.coordinates(ofSimple: locationHandle.pointer).first
                withExtendedLifetime(locationHandle) {}
            }
            return Validity(isValid: false, reason: reasonText, location: at)
        default:
            throw context.failure("GEOSisValidDetail_r")
        }
    }

    /// A valid geometry covering the same points as `g` (`GEOSMakeValid_r`, linework method);
    /// e.g. a bow-tie polygon becomes a multipolygon of two triangles.
    /// - Throws: `GeometryError` if GEOS fails.
    public func makeValid(_ g: Geometry) throws(GeometryError) -> Geometry {
        // GEOSMakeValid_r: NULL on exception.
        try unary("GEOSMakeValid_r", g) { GEOSMakeValid_r($0, $1) }
    }
}
