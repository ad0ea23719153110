import Testing
@testable import Geometry

@Suite struct ErrorTests {
    @Test func malformedWKTFailsWithGEOSMessage() {
        let engine = GeometryEngine()
        let error = caughtError { try engine.geometry(wkt: "POLYGON ((0 0, 1 0") }
        #expect(error?.kind == .geos)
        #expect(error?.message.contains("ParseException") == true, "message: \(error?.message ?? "none")")
    }

    @Test func malformedWKBFailsWithGEOSMessage() {
        let error = caughtError { try GeometryEngine().geometry(wkb: [1, 3, 0]) }
        #expect(error?.kind == .geos)
        #expect(error?.message.contains("ParseException") == true, "message: \(error?.message ?? "none")")
    }

    @Test func messageFromFailedCallDoesNotLeakIntoNextCall() throws {
        let engine = GeometryEngine()
        let first = caughtError { try engine.geometry(wkt: "LINESTRING (0 0, 1") }
        #expect(first != nil)
        #expect(engine.context.messages.lastError != nil)
        // A successful call clears the captured message...
        #expect(try engine.geometry(wkt: "POINT (1 2)") == .point(Point(x: 1, y: 2)))
        #expect(engine.context.messages.lastError == nil)
        // ...and a later, different failure reports its own text, not the earlier one.
        let second = caughtError { try engine.geometry(wkt: "NOTAGEOMETRY (1 2)") }
        #expect(second != nil)
        #expect(second?.message != first?.message)
        #expect(second?.message.contains("NOTAGEOMETRY") == true || second?.message.contains("Unknown type") == true,
                "message: \(second?.message ?? "none")")
    }
}
