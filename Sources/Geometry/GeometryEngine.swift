internal import CGEOS

/// Validity and the reason GEOS gives when invalid (`GEOSisValidDetail_r`).
public struct Validity: Sendable, Hashable {
    public var isValid: Bool
    /// GEOS's reason, e.g. "Self-intersection"; nil when valid.
    public var reason: String?
    /// Where the problem is, when GEOS says.
    public var location: Coordinate?
    public init(isValid: Bool, reason: String?, location: Coordinate?) {
        self.isValid = isValid; self.reason = reason; self.location = location
    }
}

/// Owns one GEOS context (`GEOS_init_r`), with its error and notice handlers; all topology goes through it.
/// Not `Sendable`: create one per thread or task and reuse it across a batch.
/// GEOS is planar: on longitude/latitude data use it for topology only, never for distances or areas.
///
/// Every operation converts its Swift inputs to GEOS geometries owned for the duration of the call, clears the
/// context's captured messages, calls GEOS, and turns a failure into `GeometryError(.geos, <GEOS's message>)`.
/// The context itself is finished (`GEOS_finish_r`) when the engine and every object made from it
/// (`PreparedGeometry`, `STRTree`) are gone.
public final class GeometryEngine {
    let context: GEOSContext
    // Reused across calls; created on first use, freed before the context.
    var wktReaderStorage: GEOSWKTReaderHandle?
    var wktWriterStorage: GEOSWKTWriterHandle?
    var wkbReaderStorage: GEOSWKBReaderHandle?
    var wkbWriterStorage: GEOSWKBWriterHandle?

    public init() { context = GEOSContext() }

    /// "3.11.1-CAPI-1.17.1" (`GEOSversion`).
    public static var version: String { String(cString: GEOSversion()) }

    /// Runs a GEOS function returning a new geometry (NULL on exception) on one input.
    func unary(
        _ function: String, _ g: Geometry, _ op: (GEOSContextHandle_t, OpaquePointer) -> OpaquePointer?
    ) throws(GeometryError) -> Geometry {
        let h = try context.makeHandle(g)
        let result = try context.callGeometry(function) { op($0, h.pointer) }
        return try context.swiftGeometry(result)
    }

    /// Runs a GEOS function returning a new geometry (NULL on exception) on two inputs.
    func binary(
        _ function: String, _ a: Geometry, _ b: Geometry,
        _ op: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> OpaquePointer?
    ) throws(GeometryError) -> Geometry {
        let ha = try context.makeHandle(a)
        let hb = try context.makeHandle(b)
        let result = try context.callGeometry(function) { op($0, ha.pointer, hb.pointer) }
        return try context.swiftGeometry(result)
    }

    /// Runs a GEOS binary predicate (0 false, 1 true, 2 exception).
    func predicate(
        _ function: String, _ a: Geometry, _ b: Geometry,
        _ op: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> CChar
    ) throws(GeometryError) -> Bool {
        let ha = try context.makeHandle(a)
        let hb = try context.makeHandle(b)
        return try context.callPredicate(function) { op($0, ha.pointer, hb.pointer) }
    }
}
