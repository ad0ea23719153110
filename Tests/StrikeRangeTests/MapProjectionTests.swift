import Foundation
import GeoJSON
import Geodesy
import Geometry
import Testing
@testable import StrikeRange

/// The map's view of envelopes around a pole and across ±180° (#9): it used to fail with "aeqd: Invalid
/// latitude" at a pole and to centre a ring at 177.5° E on 0° E.
@Suite struct MapProjectionTests {
    static let frame = (x: 0.0, y: 0.0, width: 1400.0, height: 900.0)

    func envelopeFeature(_ lat: Double, _ lon: Double, km: Double) throws -> Feature {
        let e = try EnvelopeBuilder().build(launch: .point(Point(x: lon, y: lat)), parameters: try RangeParameters(rangeMeters: km * 1000))
        return Feature(geometry: .multiPolygon(e.geometry), properties: .object(["layer": .string("envelope")]))
    }

    @Test func envelopeAroundThePoleIsDrawnFromAbove() throws {
        let f = try envelopeFeature(90, 0, km: 1000)
        let svg = try MapRenderer(title: "pole").svg(features: [f], basemap: nil)
        #expect(svg.contains("<svg"))
        var points = [LonLat]()
        f.geometry!.forEachCoordinate { points.append(LonLat(longitude: $0.x, latitude: $0.y)) }
        let projection = try MapProjection(fitting: points, frame: Self.frame)
        #expect(projection.centre.latitude > 85, "centre \(projection.centre)")
        #expect(projection.showsPole(1))
    }

    @Test func ringAcrossTheAntimeridianIsCentredOnIt() throws {
        let f = try envelopeFeature(60, 177.5, km: 500)
        var points = [LonLat]()
        f.geometry!.forEachCoordinate { points.append(LonLat(longitude: $0.x, latitude: $0.y)) }
        let projection = try MapProjection(fitting: points, frame: Self.frame)
        #expect(abs(projection.centre.longitude - 177.5) < 1, "centre \(projection.centre)")
        // The seam at ±180° is filled but not stroked: the outline has one run per side, not a closed ring.
        let outline = projection.outlineData(f.geometry!)
        #expect(outline.components(separatedBy: "M").count - 1 == 2, "\(outline.prefix(80))")
    }
}
