import Yams

/// A weapon entry's fan and rings in a scenario (issue 16): `sector: 30..150` draws the weapon's envelopes as
/// range fans from the (single) launch point; `rings: 100km` or `rings: [50km, 150km]` adds interval rings of the
/// weapon's nominal range, each a certified envelope (or fan).
public struct ScenarioFigure: Sendable {
    public var sector: RangeSector?
    /// As written, read against the weapon's range once the catalog is known.
    public var rings: Marked<String>?
}

extension ScenarioDecoder {
    static let figureKeys = ["rings", "sector"]

    /// The `rings` and `sector` of weapon entry `node` (nil when it has neither, or is a bare id).
    static func figure(_ node: Node, field: String, reader: NodeReader) throws(ScenarioError) -> ScenarioFigure? {
        guard case .mapping(let raw) = node else { return nil }
        var figure = ScenarioFigure()
        if let sectorNode = raw["sector"] {
            let text = try reader.string(sectorNode, field: "\(field).sector")
            do {
                figure.sector = try RangeSector(parsing: text, option: "sector")
            } catch {
                throw reader.error(sectorNode, field: "\(field).sector", error.message)
            }
        }
        if let ringsNode = raw["rings"] {
            let text: String
            if case .sequence = ringsNode {
                text = try reader.stringList(ringsNode, field: "\(field).rings").map(\.value).joined(separator: ",")
            } else {
                text = try reader.string(ringsNode, field: "\(field).rings")
            }
            figure.rings = Marked(text, mark: reader.mark(ringsNode, field: "\(field).rings"))
        }
        return figure.sector == nil && figure.rings == nil ? nil : figure
    }
}

/// One interval ring of a scenario weapon, certified.
public struct ScenarioRing: Sendable {
    public var variant: RangeVariant
    public var distanceMeters: Double
    public var envelope: RangeEnvelope
    /// Where the map writes "100 km" (and the layer's `label_lon`/`label_lat`).
    public var properties: [String: JSONValue]
}

import GeoJSON

extension ScenarioRunner {
    /// The interval rings of a weapon's main variant (nominal or explicit range), largest first.
    /// - Throws: `ScenarioError` naming the `rings` field for a value that does not fit the weapon's range.
    func ringsOf(_ variant: RangeVariant, figure: ScenarioFigure?, launch: PreparedLaunch, scenario: Scenario,
                 builder: RangeFigureBuilder) throws -> [ScenarioRing] {
        guard let text = figure?.rings, variant.isMain else { return [] }
        let set: RangeRings
        do {
            set = try RangeRings(parsing: text.value, rangeMeters: variant.rangeMeters, option: "rings")
        } catch {
            throw ScenarioError(file: scenario.file, line: text.mark.line, column: text.mark.column, field: text.mark.field, message: error.message)
        }
        var out = [ScenarioRing]()
        for distance in set.distancesMeters.reversed() {
            progress("ring \(variant.weaponID) \(RangeRings.kmText(distance))")
            let parameters = try RangeParameters(rangeMeters: distance, toleranceMeters: scenario.toleranceMeters, placement: scenario.placement)
            let ring = try builder.build(launch: launch, sector: figure?.sector, parameters: parameters)
            out.append(ScenarioRing(variant: variant, distanceMeters: distance, envelope: ring,
                                    properties: builder.ringProperties(distanceMeters: distance, ring: ring, launch: launch.geometry, sector: figure?.sector)))
        }
        return out
    }
}

import Geometry

extension ScenarioLayers {
    /// Layer `ring` (issue 16): one feature per interval ring, largest first per weapon (so a GIS drawing in file
    /// order paints smaller bands over larger), labelled on the map with `ring_label` at `label_lon`/`label_lat`.
    static func ringFeatures(_ result: ScenarioResult) -> [Feature] {
        result.rings.map { ring in
            var p: [String: JSONValue] = [
                "layer": .string("ring"), "name": .string("\(ring.variant.weaponName) \(RangeRings.kmText(ring.distanceMeters))"),
                "weapon": .string(ring.variant.weaponID), "range_km": .number(rounded(ring.distanceMeters / 1000, 3)),
                "area_km2": .number(rounded(ring.envelope.areaSquareMeters / 1e6, 1)),
                "tolerance_m": .number(ring.envelope.parameters.toleranceMeters),
                "achieved_error_m": ring.envelope.verification.map { .number(rounded($0.achievedErrorMeters, 3)) } ?? .null,
                "description": .string("\(RangeRings.kmText(ring.distanceMeters)) interval ring of \(ring.variant.weaponName) (geodesic, WGS84); achieved error \(ring.envelope.verification.map { format($0.achievedErrorMeters, 2) } ?? "?") m"),
            ]
            p.merge(ring.properties) { _, new in new }
            if let sector = result.resolved.scenario.figures[ring.variant.weaponIndex]?.sector {
                p.merge(RangeFigureBuilder.sectorProperties(sector)) { _, new in new }
            }
            let color = LayerPalette.weapon(ring.variant.weaponIndex)
            style(&p, fill: color, fillOpacity: 0.06, stroke: color, strokeWidth: 1)
            return Feature(geometry: .multiPolygon(ring.envelope.geometry), properties: .object(p))
        }
    }
}

extension ScenarioRunner {
    /// Reach rows of a fan weapon whose target lies outside the sector: `outside_sector` instead of `in_range`
    /// (azimuth from the launch point more than the tolerance off the sector's sides), `within_tolerance` when
    /// within it of a side. The distance and margin stay as measured.
    /// From a launch line the nearest launch point's azimuth does not decide: the verdict is the line fan's
    /// (`LineFanField`, as certified): more than the tolerance outside it is `outside_sector`.
    static func applyingSectors(_ rows: [ReachRow], resolved: ResolvedScenario, launch: Geometry? = nil) -> [ReachRow] {
        let scenario = resolved.scenario
        let fromLines = launch.map { (try? RangeFigureBuilder.fanLaunch($0)) == .lines } ?? false
        return rows.map { row in
            guard let index = resolved.variants.first(where: { $0.weaponID == row.weaponID && $0.kind == row.variant })?.weaponIndex,
                  let sector = scenario.figures[index]?.sector,
                  row.verdict == .inRange || row.verdict == .withinTolerance else { return row }
            if fromLines, let launch, let parameters = try? RangeParameters(rangeMeters: row.rangeMeters, minRangeMeters: row.minRangeMeters,
                                                                             toleranceMeters: scenario.toleranceMeters) {
                let g = LineFanField(geodesic: .wgs84, launch: launch, parameters: parameters, sector: sector).g(row.target)
                var changed = row
                changed.verdict = g > scenario.toleranceMeters ? .outsideSector : (g < -scenario.toleranceMeters ? row.verdict : .withinTolerance)
                return changed
            }
            guard let azimuth = row.azimuthDegrees else { return row }
            let offset = sector.offsetDegrees(azimuth)
            guard offset > sector.widthDegrees else { return row }
            let outsideDegrees = min(offset - sector.widthDegrees, 360 - offset)
            let lateralMeters = outsideDegrees >= 90 ? row.distanceMeters : row.distanceMeters * sin(outsideDegrees * .pi / 180)
            var changed = row
            changed.verdict = lateralMeters > scenario.toleranceMeters ? .outsideSector : .withinTolerance
            return changed
        }
    }
}

import Foundation
