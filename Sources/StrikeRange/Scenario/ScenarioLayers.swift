import Geometry
import GeoJSON

/// Rounds for output: figures are written with fixed decimals so reruns give identical bytes.
func rounded(_ value: Double, _ decimals: Int) -> Double {
    let scale = pow10(decimals)
    return (value * scale).rounded() / scale
}
private func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { r, _ in r * 10 } }

extension RangeVariant {
    /// "ATACMS (family) 300 km" or "ATACMS (family) 270 km (low)".
    public var displayName: String {
        let km = rounded(rangeMeters / 1000, 1)
        let rangeText = km == km.rounded() ? "\(Int(km)) km" : "\(km) km"
        return isMain ? "\(weaponName) \(rangeText)" : "\(weaponName) \(rangeText) (\(kind.rawValue))"
    }
}

/// The layer set of a scenario: one FeatureCollection whose features carry `layer` and simplestyle-spec
/// styling (`fill`, `fill-opacity`, `stroke`, `stroke-width`, `marker-color`), in a fixed order: launch area,
/// envelopes (longest range first, so shorter ones are drawn over them), coverage, borders, targets.
public enum ScenarioLayers {
    public static let layerNames = ["launch_area", "envelope", "coverage", "border", "target", "in_range"]

    public static func features(for result: ScenarioResult) -> [Feature] {
        let resolved = result.resolved
        let scenario = resolved.scenario
        var features = [Feature]()
        let measure = GeodesicMeasure()

        var launchProperties: [String: JSONValue] = [
            "layer": .string("launch_area"), "name": .string(resolved.launchLabel),
            "description": .string(launchDescription(resolved, keptSquareMeters: measure.areaSquareMeters(result.launch))),
            "area_km2": .number(rounded(measure.areaSquareMeters(result.launch) / 1e6, 1)),
            "standoff_m": scenario.standoffMeters.map { FixedDecimals.json($0, FixedDecimals.meters) } ?? .null,
        ]
        // The scenario's title, so `strikerange map` of these layers keeps it (issue 11).
        if !scenario.title.isEmpty { launchProperties["title"] = .string(scenario.title) }
        style(&launchProperties, fill: LayerPalette.launchFill, fillOpacity: 0.55, stroke: LayerPalette.launchStroke, strokeWidth: 1.5)
        features.append(Feature(geometry: result.launch, properties: .object(launchProperties)))

        let ordered = result.envelopes.enumerated().sorted { a, b in
            (a.element.0.rangeMeters, b.offset) > (b.element.0.rangeMeters, a.offset)
        }.map(\.element)
        for (variant, envelope) in ordered {
            var p: [String: JSONValue] = [
                "layer": .string("envelope"), "name": .string(variant.displayName), "weapon": .string(variant.weaponID),
                "weapon_name": .string(variant.weaponName), "variant": .string(variant.kind.rawValue),
                "range_m": FixedDecimals.json(variant.rangeMeters, FixedDecimals.meters),
                "min_range_m": FixedDecimals.json(variant.minRangeMeters, FixedDecimals.meters),
                "area_km2": .number(rounded(envelope.areaSquareMeters / 1e6, 1)),
                "tolerance_m": .number(envelope.parameters.toleranceMeters),
                "placement": .string(envelope.parameters.placement.rawValue),
                "achieved_error_m": envelope.verification.map { .number(rounded($0.achievedErrorMeters, 3)) } ?? .null,
                // Text, not a list: GIS formats other than GeoJSON have no list type.
                "sources": .string(variant.sources.joined(separator: " | ")),
                "line_style": .string(variant.isMain ? "solid" : "dashed"),
            ]
            p["description"] = .string("\(variant.displayName): every point within \(Int((variant.rangeMeters / 1000).rounded())) km (geodesic, WGS84) of the launch area; area \(format(envelope.areaSquareMeters / 1e6, 0)) km²; achieved error \(envelope.verification.map { format($0.achievedErrorMeters, 2) } ?? "?") m (tolerance \(format(envelope.parameters.toleranceMeters, 2)) m). Source: \(variant.sources.first ?? "given in the scenario")")
            if let sector = scenario.figures[variant.weaponIndex]?.sector {   // issue 16: a range fan
                p.merge(RangeFigureBuilder.sectorProperties(sector)) { _, new in new }
                p["description"] = .string((p["description"]?.stringValue ?? "") + ". Range fan: initial azimuths \(format(sector.startDegrees, 1))° to \(format(sector.endDegrees, 1))° true, clockwise")
            }
            let color = LayerPalette.weapon(variant.weaponIndex)
            style(&p, fill: color, fillOpacity: variant.isMain ? 0.12 : 0, stroke: color, strokeWidth: variant.isMain ? 2.5 : 1.2)
            features.append(Feature(geometry: .multiPolygon(envelope.geometry), properties: .object(p)))
        }
        features += ringFeatures(result)

        let mainVariants = Set(resolved.variants.filter(\.isMain).map { "\($0.weaponID)/\($0.kind.rawValue)" })
        for row in result.coverage where mainVariants.contains("\(row.weapon)/\(row.variant.rawValue)") {
            guard let variant = resolved.variants.first(where: { $0.weaponID == row.weapon && $0.kind == row.variant }) else { continue }
            let unit = row.kind == .area ? "km²" : "km"
            let scale = row.kind == .area ? 1e6 : 1e3
            var p = CoverageColumns.jsonProperties(CoverageColumns.cells(row))
            p["layer"] = .string("coverage")
            p["name"] = .string("\(row.regionName) — \(variant.displayName)")
            p["description"] = .string("\(format(row.inRangeMeasure / scale, 0)) of \(format(row.totalMeasure / scale, 0)) \(unit) (\(format(row.percent, 1)) %) of \(row.regionName) within \(variant.displayName): \(row.status.rawValue)")
            let color = LayerPalette.weapon(variant.weaponIndex)
            style(&p, fill: color, fillOpacity: 0.3, stroke: color, strokeWidth: 0.8)
            features.append(Feature(geometry: row.inRangeGeometry ?? .multiPolygon(MultiPolygon([])), properties: .object(p)))
        }

        for border in resolved.standoffFrom {
            var p: [String: JSONValue] = [
                "layer": .string("border"), "kind": .string("standoff_from"), "name": .string(border.label),
                "description": .string("Standoff of \(scenario.standoffMeters.map { format($0 / 1000, 1) } ?? "0") km measured from \(border.label)"),
            ]
            style(&p, fill: nil, fillOpacity: 0, stroke: LayerPalette.border, strokeWidth: 2)
            features.append(Feature(geometry: border.geometry, properties: .object(p)))
        }
        for (regionIndex, region) in resolved.regions.enumerated() {
            var p: [String: JSONValue] = [
                "layer": .string("border"), "kind": .string("region"), "name": .string(region.label), "region_code": .string(region.code ?? region.label),
                "description": .string(regionDescription(regionIndex, result)),
            ]
            style(&p, fill: nil, fillOpacity: 0, stroke: LayerPalette.regionOutline, strokeWidth: 1.5)
            features.append(Feature(geometry: region.geometry, properties: .object(p)))
        }

        for target in resolved.targets {
            let rows = result.reach.filter { $0.targetLabel == target.label }
            let reached = rows.contains { $0.verdict == .inRange && mainVariants.contains("\($0.weaponID)/\($0.variant.rawValue)") }
            let summary = rows.filter { mainVariants.contains("\($0.weaponID)/\($0.variant.rawValue)") }.map {
                "\($0.weaponID): \($0.verdict.rawValue.replacingOccurrences(of: "_", with: " ")) (\(format($0.distanceMeters / 1000, 1)) km away, margin \(format($0.marginMeters / 1000, 1)) km)"
            }
            let distance = rows.first?.distanceMeters ?? 0
            let geometry: Geometry = rows.first.map { .point(Point(x: $0.target.longitude, y: $0.target.latitude)) } ?? target.geometry
            let p: [String: JSONValue] = [
                "layer": .string("target"), "name": .string(target.kind == .place ? shortName(target.label) : target.label), "label": .string(target.label),
                "distance_m": FixedDecimals.json(distance, FixedDecimals.meters), "reachable": .bool(reached),
                "description": .string(summary.joined(separator: "; ")),
                "marker-color": .string(reached ? LayerPalette.targetInRange : LayerPalette.targetOutOfRange),
                "marker-size": .string("medium"),
            ]
            features.append(Feature(geometry: geometry, properties: .object(p)))
        }
        if let report = result.inRange, let section = resolved.inRange { features += inRangeFeatures(report, labelPlaces: section.labelPlaces) }
        return features
    }

    /// The `in_range` layer (issue 12): one point per listed place or airfield, `map_label` true for the
    /// ones the map names (military airfields in range of the first weapon variant, and the `labelPlaces`
    /// most populous places in range of it); the rest are drawn as small marks.
    public static func inRangeFeatures(_ report: InRangeReport, labelPlaces: Int) -> [Feature] {
        let mainIndex = report.weapons.firstIndex(where: \.isMain) ?? 0
        let labelledPlaces = Set(report.rows.filter { $0.feature.layer == .places && $0.verdicts[mainIndex] == .inRange }
            .sorted { ($0.feature.population ?? 0, $1.feature.id) > ($1.feature.population ?? 0, $0.feature.id) }
            .prefix(labelPlaces).map(\.feature.id))
        return report.rows.map { row in
            let f = row.feature
            let inRange = row.verdicts[mainIndex] == .inRange
            let verdicts = report.weapons.indices.map { "\(InRangeOutput.label(report.weapons[$0])): \(row.verdicts[$0].rawValue.replacingOccurrences(of: "_", with: " ")) (margin \(format(row.marginsMeters[$0] / 1000, 1)) km)" }
            let what: String
            switch f.layer {
            case .places: what = "\(f.name): population \(String(f.population ?? 0))"
            // The source and its caveat go in their own field (`source`): a Shapefile keeps 254 bytes of text.
            case .airfields: what = "\(f.name) (\(f.codes)), \(f.type)\(f.military == true ? ", military by name" : "") airfield"
            }
            var p: [String: JSONValue] = [
                "layer": .string("in_range"), "kind": .string(f.layer == .places ? "place" : "airfield"), "name": .string(f.name),
                "id": .string(f.id), "country": .string(f.countryCode), "admin1_iso": f.admin1Code.map(JSONValue.string) ?? .null,
                "distance_m": FixedDecimals.json(row.distanceMeters, FixedDecimals.meters), "reachable": .bool(inRange),
                "map_label": .bool(inRange && (f.layer == .places ? labelledPlaces.contains(f.id) : f.military == true)),
                "description": .string(what + "; \(format(row.distanceMeters / 1000, 1)) km from the launch area; " + verdicts.joined(separator: "; ")),
                "marker-color": .string(f.layer == .places ? LayerPalette.inRangePlace : LayerPalette.inRangeAirfield),
                "marker-size": .string("small"), "marker-symbol": .string(f.layer == .places ? "circle" : "airport"),
                "source": .string(f.layer == .places ? "GeoNames settlement population, not a gridded estimate of people"
                                  : "OurAirports \(Airfield.dataDate); not a claim about what is stationed there"),
            ]
            if f.layer == .places { p["population"] = .number(Double(f.population ?? 0)) } else {
                p["type"] = .string(f.type); p["military"] = .bool(f.military == true)
            }
            return Feature(geometry: .point(Point(x: f.location.longitude, y: f.location.latitude)), properties: .object(p))
        }
    }

    /// "Bryansk, RU-BRY, RU" → "Bryansk"; "RU-BRY Bryansk" stays. For place labels only: a coordinate
    /// label "45.306,34.1" would become "45.306".
    static func shortName(_ label: String) -> String {
        label.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? label
    }

    static func style(_ p: inout [String: JSONValue], fill: String?, fillOpacity: Double, stroke: String, strokeWidth: Double) {
        if let fill { p["fill"] = .string(fill) } else { p["fill"] = .string(stroke) }
        p["fill-opacity"] = .number(fillOpacity)
        p["stroke"] = .string(stroke)
        p["stroke-width"] = .number(strokeWidth)
        p["stroke-opacity"] = .number(1)
    }

    /// What the launch area is and what was done to it, with the area that is left.
    private static func launchDescription(_ resolved: ResolvedScenario, keptSquareMeters: Double) -> String {
        var text = "Launch area: \(resolved.launchLabel)"
        if !resolved.exclusions.isEmpty { text += ", excluding " + resolved.exclusions.map(\.label).joined(separator: ", ") }
        if let s = resolved.scenario.standoffMeters {
            let from = resolved.standoffFrom.isEmpty ? "its own boundary" : resolved.standoffFrom.map(\.label).joined(separator: ", ")
            text += ", keeping only the points at least \(format(s / 1000, 1)) km from \(from)"
        }
        return text + "; \(format(keptSquareMeters / 1e6, 1)) km² left"
    }

    private static func regionDescription(_ regionIndex: Int, _ result: ScenarioResult) -> String {
        result.coverage.filter { $0.regionIndex == regionIndex }.map {
            "\($0.weapon) \($0.variant.rawValue): \(format($0.percent, 1)) % (\($0.status.rawValue))"
        }.joined(separator: "; ")
    }
}

/// Fixed-decimal text for descriptions and tables (locale-independent).
func format(_ value: Double, _ decimals: Int) -> String {
    let r = rounded(value, decimals)
    if decimals == 0 { return String(Int(r)) }
    let negative = r < 0
    let scaled = Int((abs(r) * pow10(decimals)).rounded())
    let whole = scaled / Int(pow10(decimals)), fraction = scaled % Int(pow10(decimals))
    var f = String(fraction)
    while f.count < decimals { f = "0" + f }
    return (negative && scaled != 0 ? "-" : "") + "\(whole).\(f)"
}
