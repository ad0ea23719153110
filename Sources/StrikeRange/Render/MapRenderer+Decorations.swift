import Foundation
import Geodesy
import Geometry
import GeoJSON

extension MapRenderer {
    /// Meridians and parallels every 1°, 2° or 5°, densified so they curve as the projection bends them.
    func graticule(_ projection: MapProjection, _ view: BoundingBox, rightEdge: Double) -> String {
        let span = max(view.maxX - view.minX, view.maxY - view.minY)
        let step = span > 30 ? 5.0 : (span > 12 ? 2.0 : 1.0)
        var d = ""
        var lon = (view.minX / step).rounded(.down) * step
        while lon <= view.maxX {
            d += projection.pathData(.lineString(LineString(stride(from: max(-89.0, view.minY), through: min(89.0, view.maxY), by: 0.25).map { Coordinate(x: lon, y: $0) })))
            lon += step
        }
        var lat = (view.minY / step).rounded(.down) * step
        while lat <= view.maxY {
            d += projection.pathData(.lineString(LineString(stride(from: view.minX, through: view.maxX, by: 0.25).map { Coordinate(x: $0, y: lat) })))
            lat += step
        }
        var labels = ""
        // Degree labels along the right edge (parallels) and the top edge (meridians), where the legend is not.
        lat = (view.minY / step).rounded(.up) * step
        while lat <= view.maxY {
            if let q = edgeCrossing(projection, fixed: lat, along: stride(from: view.maxX, through: view.minX, by: -0.05).map { $0 }, isLatitude: true, edgeX: rightEdge) {
                labels += "<text x=\"\(svgNumber(rightEdge - 6))\" y=\"\(svgNumber(q.y - 3))\" font-size=\"11\" fill=\"#5b7a99\" text-anchor=\"end\">\(Int(lat))°N</text>"
            }
            lat += step
        }
        return MapRenderer.layerOpen("graticule", "Graticule", clipped: true) + "<path d=\"\(d)\" fill=\"none\" stroke=\"#8fb0cc\" stroke-width=\"0.6\" stroke-opacity=\"0.8\"/>\(labels)</g>"
    }

    private func edgeCrossing(_ projection: MapProjection, fixed: Double, along: [Double], isLatitude: Bool, edgeX: Double) -> (x: Double, y: Double)? {
        for v in along {
            if let q = projection.pixel(v, fixed), q.x <= edgeX - 40 { return q }
        }
        return nil
    }

    /// How each envelope is drawn: the first main envelope (the longest range, as `run` writes them) is the
    /// one filled; every other envelope is an outline, and an outline whose range equals an earlier
    /// envelope's gets a dash pattern of its own, so equal envelopes stay distinguishable (the one below
    /// shows through the gaps). Keyed by feature index.
    func envelopeStyles(_ features: [Feature]) -> [Int: EnvelopeStyle] {
        var styles = [Int: EnvelopeStyle]()
        var filledOne = false
        var rangesSeen = [Double: Int]()
        let patterns = ["14,7", "4,5", "18,5,4,5"]
        for (i, f) in features.enumerated() where (f.properties["layer"]?.stringValue ?? "envelope") == "envelope" {
            guard let g = f.geometry, !g.polygons.isEmpty else { continue }
            let spread = f.properties["line_style"]?.stringValue == "dashed"
            let range = f.properties["range_m"]?.numberValue ?? -Double(i)
            let earlier = rangesSeen[range, default: 0]
            rangesSeen[range] = earlier + 1
            if !spread && !filledOne {
                filledOne = true
                styles[i] = EnvelopeStyle(filled: true, dash: nil)
            } else if spread {
                styles[i] = EnvelopeStyle(filled: false, dash: "8,5")
            } else {
                styles[i] = EnvelopeStyle(filled: false, dash: earlier > 0 ? patterns[(earlier - 1) % patterns.count] : nil)
            }
        }
        return styles
    }

    /// Display name of a weapon: the catalog's `name` as the layer carries it in `weapon_name`.
    func weaponNames(_ features: [Feature]) -> [String: String] {
        var names = [String: String]()
        for f in features {
            if let id = f.properties["weapon"]?.stringValue, let name = f.properties["weapon_name"]?.stringValue, names[id] == nil { names[id] = name }
        }
        return names
    }

    /// "Moscow 477 km, out of range": the target's distance from the launch area and its verdict.
    func targetLabel(_ p: JSONValue, name: String) -> String {
        var text = name
        if let d = p["distance_m"]?.numberValue { text += " \(format(d / 1000, 0)) km" }
        if let reachable = p["reachable"]?.boolValue ?? (p["verdict"]?.stringValue).map({ $0 == "in_range" }) {
            text += reachable ? (p["in_range_of"]?.stringValue.map { ", in range of " + $0 } ?? ", in range") : ", out of range"
        }
        return text
    }

    /// The legend: launch area, one line per envelope (display name, range, first source with its date,
    /// wrapped), coverage, region outlines, standoff line, target markers; swatches drawn as the map
    /// draws them (over the filled envelope's tint where the map has them over it).
    func legendBlock(_ features: [Feature], styles: [Int: EnvelopeStyle]) -> (svg: String, width: Double, height: Double) {
        var rows = [(swatch: String, text: String, notes: [String])]()
        func has(_ layer: String) -> Feature? { features.first { $0.properties["layer"]?.stringValue == layer } }
        let filled = styles.first { $0.value.filled }.map { features[$0.key] }
        let tintColour = filled?.properties["fill"]?.stringValue ?? filled?.properties["stroke"]?.stringValue ?? LayerPalette.weapon(0)
        let tint = filled.map { _ in "<rect x=\"1\" y=\"2\" width=\"26\" height=\"14\" fill=\"\(SVGText.escape(tintColour))\" fill-opacity=\"0.12\"/>" } ?? ""
        let names = weaponNames(features)
        if let launch = has("launch_area") {
            let p = launch.properties
            var text = "Launch area"
            if let s = p["standoff_m"]?.numberValue { text += " (\(format(s / 1000, 0)) km standoff)" }
            rows.append((tint + swatch(fill: p["fill"]?.stringValue ?? "#fee08b", opacity: p["fill-opacity"]?.numberValue ?? 0.55, stroke: p["stroke"]?.stringValue ?? "#8a6d00", dash: nil), text,
                         p["name"]?.stringValue.map { wrap($0, 52) } ?? []))
        }
        // Filled envelope first, then the outlines in file order (longest range first), then spreads.
        let envelopeIndices = styles.keys.sorted { a, b in
            let ka = (styles[a]!.filled ? 0 : (features[a].properties["line_style"]?.stringValue == "dashed" ? 2 : 1), a)
            let kb = (styles[b]!.filled ? 0 : (features[b].properties["line_style"]?.stringValue == "dashed" ? 2 : 1), b)
            return ka < kb
        }
        for i in envelopeIndices {
            let p = features[i].properties
            let style = styles[i]!
            let color = p["stroke"]?.stringValue ?? LayerPalette.weapon(0)
            let spread = p["line_style"]?.stringValue == "dashed"
            let text = "Within reach of " + envelopeName(p, names: names)
            var notes = [String]()
            if spread {
                notes = ["reported spread of the range"]
            } else if let source = p["sources"]?.stringValue?.components(separatedBy: " | ").first, !source.isEmpty {
                notes = wrap("Source: " + source + (source.range(of: #"\b(19|20)\d\d\b"#, options: .regularExpression) == nil ? " (date not given)" : ""), 52)
            }
            if p["launch"] != nil, has("launch_area") == nil, let launch = p["launch"]?.stringValue { notes.insert(contentsOf: wrap("from " + launch, 52), at: 0) }
            if !style.filled && !spread && style.dash != nil { notes.append("same range as the line above: dashed so both show") }
            rows.append((swatch(fill: color, opacity: style.filled ? max(0.12, p["fill-opacity"]?.numberValue ?? 0.12) : 0, stroke: color, dash: style.dash), text, notes))
        }
        if let cov = features.first(where: { $0.properties["layer"]?.stringValue == "coverage" && $0.properties["weapon"]?.stringValue == filled?.properties["weapon"]?.stringValue }) {
            let color = cov.properties["fill"]?.stringValue ?? tintColour
            let weapon = cov.properties["weapon"]?.stringValue.flatMap { names[$0] } ?? "the filled envelope"
            rows.append((tint + swatch(fill: color, opacity: cov.properties["fill-opacity"]?.numberValue ?? 0.3, stroke: color, dash: nil),
                         "Part of a listed region within \(weapon) range", ["other weapons: see their outlines and the region labels"]))
        }
        if let b = features.first(where: { $0.properties["kind"]?.stringValue == "standoff_from" }) {
            rows.append(("<line x1=\"0\" y1=\"9\" x2=\"28\" y2=\"9\" stroke=\"#111111\" stroke-width=\"2.5\"/>", "Standoff measured from " + (b.properties["name"]?.stringValue ?? "border"), []))
        }
        if features.contains(where: { $0.properties["kind"]?.stringValue == "region" }) {
            rows.append(("<rect x=\"1\" y=\"2\" width=\"26\" height=\"14\" fill=\"none\" stroke=\"#444444\" stroke-width=\"1.5\"/>", "Region assessed (share in range per weapon)", []))
        }
        if has("target") != nil {
            rows.append(("<circle cx=\"14\" cy=\"9\" r=\"6\" fill=\"\(LayerPalette.targetInRange)\" stroke=\"#fff\" stroke-width=\"2\"/>", "Target in range (km from the launch area)", []))
            rows.append(("<circle cx=\"14\" cy=\"9\" r=\"6\" fill=\"\(LayerPalette.targetOutOfRange)\" stroke=\"#fff\" stroke-width=\"2\"/>", "Target out of range", []))
        }
        let inRange = features.filter { $0.properties["layer"]?.stringValue == "in_range" }
        if inRange.contains(where: { $0.properties["kind"]?.stringValue == "airfield" }) {
            rows.append(("<rect x=\"10\" y=\"5\" width=\"8\" height=\"8\" fill=\"\(LayerPalette.inRangeAirfield)\" transform=\"rotate(45 14 9)\"/>",
                         "Airfield in range (military ones named)", wrap("OurAirports \(Airfield.dataDate); not a claim about what is stationed there", 52)))
        }
        if inRange.contains(where: { $0.properties["kind"]?.stringValue == "place" }) {
            rows.append(("<circle cx=\"14\" cy=\"9\" r=\"3.5\" fill=\"\(LayerPalette.inRangePlace)\"/>", "Place in range (largest named)", ["GeoNames settlement population"]))
        }
        if !places.isEmpty {
            rows.append(("<rect x=\"10.5\" y=\"5.5\" width=\"7\" height=\"7\" fill=\"#ffffff\" stroke=\"#333333\" stroke-width=\"1.6\"/>", "City, for orientation", []))
        }
        var y = 30.0
        var body = ""
        var widest = 0.0
        for row in rows {
            body += "<g transform=\"translate(12,\(svgNumber(y - 4)))\">\(row.swatch)</g>"
            body += "<text x=\"50\" y=\"\(svgNumber(y + 10))\" font-size=\"14\" fill=\"#111111\">\(SVGText.escape(row.text))</text>"
            widest = max(widest, 50 + Double(row.text.count) * 14 * 0.52)
            for note in row.notes {
                y += 15
                body += "<text x=\"50\" y=\"\(svgNumber(y + 10))\" font-size=\"11.5\" fill=\"#555555\">\(SVGText.escape(note))</text>"
                widest = max(widest, 50 + Double(note.count) * 11.5 * 0.52)
            }
            y += 25
        }
        let w = widest + 16, h = y + 2
        let svg = "<rect width=\"\(svgNumber(w))\" height=\"\(svgNumber(h))\" rx=\"4\" fill=\"#ffffff\" fill-opacity=\"0.92\" stroke=\"#999999\"/><text x=\"12\" y=\"20\" font-size=\"14\" font-weight=\"bold\" fill=\"#111111\">Legend</text>\(body)"
        return (svg, w, h)
    }

    /// "ATACMS (family) 300 km": the display name and range of an envelope (a `run` layer's `name` uses the
    /// catalog name already; a plain `envelope` output is named from its `weapon` and `range_m`).
    func envelopeName(_ p: JSONValue, names: [String: String]) -> String {
        let weapon = p["weapon"]?.stringValue
        let display = p["weapon_name"]?.stringValue ?? weapon.flatMap { names[$0] } ?? weapon
        if let name = p["name"]?.stringValue, p["weapon_name"] != nil { return name }
        let range = p["range_m"]?.numberValue.map { "\(format($0 / 1000, 0)) km" }
        let text = [display, range].compactMap { $0 }.joined(separator: " ")
        return text.isEmpty ? (p["name"]?.stringValue ?? "envelope") : text
    }

    private func swatch(fill: String, opacity: Double, stroke: String, dash: String?) -> String {
        "<rect x=\"1\" y=\"2\" width=\"26\" height=\"14\" fill=\"\(SVGText.escape(fill))\" fill-opacity=\"\(format(opacity, 2))\" stroke=\"\(SVGText.escape(stroke))\" stroke-width=\"2\"\(dash.map { " stroke-dasharray=\"\($0)\"" } ?? "")/>"
    }

    /// Splits `text` into lines of at most `width` characters at spaces (a longer word gets a line of its own).
    func wrap(_ text: String, _ width: Int) -> [String] {
        var lines = [String](), line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if line.isEmpty { line = String(word) } else if line.count + 1 + word.count <= width { line += " " + word } else { lines.append(line); line = String(word) }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// A scale bar whose length is a round geodesic distance measured at the bar's own position (inverse
    /// projection of its start, `geod_direct` eastwards, projection of the end).
    func scaleBarBlock(_ projection: MapProjection, y: Double) throws -> (svg: String, width: Double) {
        let x0 = 24.0
        guard let start = projection.lonLat(pixelX: x0, pixelY: y) else { return ("", 0) }
        let targetPixels = width / 5
        var bestKm = 100.0
        for km in [10.0, 20, 25, 50, 100, 150, 200, 250, 300, 500, 1000, 2000] {
            let end = Geodesic.wgs84.direct(from: start, azimuthDegrees: 90, distanceMeters: km * 1000)
            if let q = projection.pixel(end.longitude, end.latitude), q.x - x0 <= targetPixels { bestKm = km }
        }
        let end = Geodesic.wgs84.direct(from: start, azimuthDegrees: 90, distanceMeters: bestKm * 1000)
        guard let q = projection.pixel(end.longitude, end.latitude), let p0 = projection.pixel(start.longitude, start.latitude) else { return ("", 0) }
        let length = hypot(q.x - p0.x, q.y - p0.y)
        let half = length / 2
        var s = "<g id=\"scale-bar\" transform=\"translate(\(svgNumber(x0)),\(svgNumber(y)))\">"
        s += "<rect x=\"-8\" y=\"-26\" width=\"\(svgNumber(length + 56))\" height=\"44\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>"
        s += "<rect x=\"0\" y=\"0\" width=\"\(svgNumber(half))\" height=\"7\" fill=\"#222222\"/><rect x=\"\(svgNumber(half))\" y=\"0\" width=\"\(svgNumber(length - half))\" height=\"7\" fill=\"#ffffff\" stroke=\"#222222\"/>"
        s += "<text x=\"0\" y=\"-6\" font-size=\"12\" fill=\"#222222\">0</text>"
        s += "<text x=\"\(svgNumber(half))\" y=\"-6\" font-size=\"12\" fill=\"#222222\" text-anchor=\"middle\">\(format(bestKm / 2, bestKm / 2 == (bestKm / 2).rounded() ? 0 : 1))</text>"
        s += "<text x=\"\(svgNumber(length))\" y=\"-6\" font-size=\"12\" fill=\"#222222\" text-anchor=\"middle\">\(format(bestKm, 0)) km</text>"
        s += "</g>"
        return (s, length + 40)
    }

    /// Region labels: name with its admin-1 suffix (see `MapNames`) plus the share in range for each main
    /// weapon by display name, at a point inside the region.
    func regionLabels(_ features: [Feature], _ projection: MapProjection, _ engine: GeometryEngine, basemap: RegionCatalog?) -> [([String], (x: Double, y: Double), Geometry)] {
        var result = [([String], (x: Double, y: Double), Geometry)]()
        let names = weaponNames(features)
        for f in features where f.properties["kind"]?.stringValue == "region" {
            guard let g = f.geometry, let code = f.properties["region_code"]?.stringValue,
                  let p = try? engine.pointOnSurface(g), let c = p.coordinate, let q = projection.pixel(c.x, c.y) else { continue }
            let label = f.properties["name"]?.stringValue ?? code
            let name = label.hasPrefix(code + " ") ? String(label.dropFirst(code.count + 1)) : label
            let unit = basemap?.region(withCode: code)
            var lines = [MapNames.admin1(name: unit?.name ?? name, code: code, type: unit?.type)]
            for cov in features where cov.properties["layer"]?.stringValue == "coverage" && cov.properties["region_name"]?.stringValue == name {
                let weapon = cov.properties["weapon"]?.stringValue ?? ""
                lines.append("\(names[weapon] ?? weapon) \(format(cov.properties["percent"]?.numberValue ?? 0, 0)) %")
            }
            result.append((lines, q, g))
        }
        return result
    }

    /// Candidate orientation cities, largest first: places inside the frame (20 px in from its edges),
    /// outside the launch area, not a target, at least 90 px from a larger candidate and from targets.
    func orientationCities(_ features: [Feature], _ projection: MapProjection, _ engine: GeometryEngine,
                           frame: (x: Double, y: Double, width: Double, height: Double)) throws -> [(place: Place, x: Double, y: Double)] {
        var inFrame = [(place: Place, x: Double, y: Double)]()
        for place in places.sorted(by: { ($0.population, $1.geonameID) > ($1.population, $0.geonameID) }) {
            guard let q = projection.pixel(place.location.longitude, place.location.latitude),
                  q.x >= frame.x + 20, q.x <= frame.x + frame.width - 20, q.y >= frame.y + 20, q.y <= frame.y + frame.height - 20 else { continue }
            inFrame.append((place, q.x, q.y))
            if inFrame.count >= 300 { break }
        }
        var taken = [(x: Double, y: Double)]()
        for f in features where f.properties["layer"]?.stringValue == "target" {
            if case .point(let pt)? = f.geometry, let c = pt.coordinate, let q = projection.pixel(c.x, c.y) { taken.append(q) }
        }
        var launchInside = [Bool](repeating: false, count: inFrame.count)
        for f in features where ["launch_area", "launch"].contains(f.properties["layer"]?.stringValue ?? "") {
            guard let g = f.geometry, !g.polygons.isEmpty else { continue }
            let inside = try engine.prepare(g).containsPoints(x: inFrame.map(\.place.location.longitude), y: inFrame.map(\.place.location.latitude))
            for (i, v) in inside.enumerated() where v { launchInside[i] = true }
        }
        var result = [(place: Place, x: Double, y: Double)]()
        for (i, c) in inFrame.enumerated() where !launchInside[i] {
            if taken.contains(where: { hypot($0.x - c.x, $0.y - c.y) < 90 }) { continue }
            taken.append((c.x, c.y))
            result.append(c)
        }
        return result
    }
}

/// How the map draws one envelope: filled or outline only, and its dash pattern (nil: solid).
struct EnvelopeStyle {
    var filled: Bool
    var dash: String?
}

extension MapRenderer {
    /// Gives layers written by other commands the `run` vocabulary the map draws from: a plain `envelope`
    /// output's polygons become envelopes (weapon display name, one palette colour per weapon, sources as
    /// text); a `reach` GeoJSON's points (one per target and weapon) become one target each, "in range" if
    /// any weapon reaches it, naming the weapons that do when they differ. `run`'s layers pass unchanged.
    static func normalised(_ features: [Feature], weaponDisplayNames: [String: String]) -> [Feature] {
        var result = [Feature]()
        var weaponOrder = [String]()
        var targetIndex = [String: Int]()
        var inRangeOf = [String: [String]](), weaponsSeen = [String: Set<String>]()
        for f in features {
            guard case .object(var p) = f.properties, p["layer"] == nil, let g = f.geometry else { result.append(f); continue }
            let weapon = p["weapon"]?.stringValue
            if let weapon, !weaponOrder.contains(weapon) { weaponOrder.append(weapon) }
            let colour = LayerPalette.weapon(weapon.flatMap { weaponOrder.firstIndex(of: $0) } ?? 0)
            if !g.polygons.isEmpty, p["range_m"] != nil {
                p["layer"] = .string("envelope")
                if let weapon, p["weapon_name"] == nil { p["weapon_name"] = .string(weaponDisplayNames[weapon] ?? weapon) }
                if let list = p["sources"]?.arrayValue { p["sources"] = .string(list.compactMap(\.stringValue).joined(separator: " | ")) }
                if p["stroke"] == nil { p["stroke"] = .string(colour); p["fill"] = .string(colour); p["fill-opacity"] = .number(0.15) }
                result.append(Feature(geometry: g, properties: .object(p)))
            } else if case .point = g, let verdict = p["verdict"]?.stringValue {
                let fullName = p["name"]?.stringValue ?? "target"
                let key = fullName + "|\(g.boundingBox.map { "\($0.minX),\($0.minY)" } ?? "")"
                let inRange = verdict == "in_range"
                let weaponName = weapon.map { weaponDisplayNames[$0] ?? $0 } ?? "weapon"
                weaponsSeen[key, default: []].insert(weaponName)
                if inRange, !(inRangeOf[key] ?? []).contains(weaponName) { inRangeOf[key, default: []].append(weaponName) }
                if let i = targetIndex[key] {
                    guard case .object(var q) = result[i].properties else { continue }
                    if inRange { q["reachable"] = .bool(true); q["marker-color"] = .string(LayerPalette.targetInRange) }
                    result[i] = Feature(geometry: g, properties: .object(q))
                    continue
                }
                let q: [String: JSONValue] = [
                    "layer": .string("target"), "name": .string(fullName.components(separatedBy: ", ").first ?? fullName),
                    "distance_m": p["distance_m"] ?? .null, "reachable": .bool(inRange),
                    "marker-color": .string(inRange ? LayerPalette.targetInRange : LayerPalette.targetOutOfRange),
                ]
                targetIndex[key] = result.count
                result.append(Feature(geometry: g, properties: .object(q)))
            } else {
                result.append(f)
            }
        }
        // Several weapons that disagree: name the ones in range ("in range of GMLRS (M30/M31)").
        for (key, i) in targetIndex where (weaponsSeen[key]?.count ?? 0) > 1 && !(inRangeOf[key] ?? []).isEmpty
            && (inRangeOf[key]?.count ?? 0) < (weaponsSeen[key]?.count ?? 0) {
            guard case .object(var q) = result[i].properties else { continue }
            q["in_range_of"] = .string(inRangeOf[key]!.joined(separator: ", "))
            result[i] = Feature(geometry: result[i].geometry, properties: .object(q))
        }
        return result
    }
}
