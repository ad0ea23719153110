import Foundation
import Geodesy
import Geometry
import GeoJSON

extension MapRenderer {
    /// Meridians and parallels every 1°, 2° or 5°, densified so they curve as the projection bends them.
    func graticule(_ projection: MapProjection, _ view: BoundingBox) -> String {
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
            if let q = edgeCrossing(projection, fixed: lat, along: stride(from: view.maxX, through: view.minX, by: -0.05).map { $0 }, isLatitude: true, edgeX: width) {
                labels += "<text x=\"\(svgNumber(width - 6))\" y=\"\(svgNumber(q.y - 3))\" font-size=\"11\" fill=\"#5b7a99\" text-anchor=\"end\">\(Int(lat))°N</text>"
            }
            lat += step
        }
        return "<g id=\"graticule\"><path d=\"\(d)\" fill=\"none\" stroke=\"#8fb0cc\" stroke-width=\"0.6\" stroke-opacity=\"0.8\"/>\(labels)</g>"
    }

    private func edgeCrossing(_ projection: MapProjection, fixed: Double, along: [Double], isLatitude: Bool, edgeX: Double) -> (x: Double, y: Double)? {
        for v in along {
            if let q = projection.pixel(v, fixed), q.x <= edgeX - 40 { return q }
        }
        return nil
    }

    /// The legend box: launch area, one line per envelope (weapon, range, first source), region outlines,
    /// standoff line, target markers.
    func legendBlock(_ features: [Feature]) -> (svg: String, width: Double, height: Double) {
        var rows = [(swatch: String, text: String, note: String?)]()
        func has(_ layer: String) -> Feature? { features.first { $0.properties["layer"]?.stringValue == layer } }
        if let launch = has("launch_area") {
            let p = launch.properties
            var text = "Launch area"
            if let s = p["standoff_m"]?.numberValue { text += " (\(format(s / 1000, 0)) km standoff)" }
            rows.append((swatch(fill: p["fill"]?.stringValue ?? "#fee08b", opacity: 0.8, stroke: p["stroke"]?.stringValue ?? "#8a6d00", dashed: false), text,
                         p["name"]?.stringValue.map { shorten($0, 58) }))
        }
        let envelopes = features.filter { $0.properties["layer"]?.stringValue == "envelope" }
        // Main ranges first, then spreads, each in order of appearance.
        let ordered = envelopes.filter { $0.properties["line_style"]?.stringValue != "dashed" }.reversed()
            + envelopes.filter { $0.properties["line_style"]?.stringValue == "dashed" }.reversed()
        for e in ordered {
            let p = e.properties
            let dashed = p["line_style"]?.stringValue == "dashed"
            let color = p["stroke"]?.stringValue ?? "#333333"
            let source = p["sources"]?.stringValue?.components(separatedBy: " | ").first
            let text = "Within reach of " + (p["name"]?.stringValue ?? "envelope")
            rows.append((swatch(fill: color, opacity: dashed ? 0 : 0.25, stroke: color, dashed: dashed), text,
                         dashed ? "reported spread of the range" : source.map { "Source: " + shorten($0, 52) }))
        }
        if has("coverage") != nil {
            rows.append((swatch(fill: "#888888", opacity: 0.45, stroke: "#888888", dashed: false), "Part of a listed region in range", "darker: covered by the weapon's colour"))
        }
        if let b = features.first(where: { $0.properties["kind"]?.stringValue == "standoff_from" }) {
            rows.append(("<line x1=\"0\" y1=\"9\" x2=\"28\" y2=\"9\" stroke=\"#111111\" stroke-width=\"2.5\"/>", "Standoff measured from " + shorten(b.properties["name"]?.stringValue ?? "border", 30), nil))
        }
        if features.contains(where: { $0.properties["kind"]?.stringValue == "region" }) {
            rows.append(("<rect x=\"1\" y=\"2\" width=\"26\" height=\"14\" fill=\"none\" stroke=\"#444444\" stroke-width=\"1.5\"/>", "Region assessed (coverage table)", nil))
        }
        if has("target") != nil {
            rows.append(("<circle cx=\"14\" cy=\"9\" r=\"6\" fill=\"\(LayerPalette.targetInRange)\" stroke=\"#fff\" stroke-width=\"2\"/>", "Target in range", nil))
            rows.append(("<circle cx=\"14\" cy=\"9\" r=\"6\" fill=\"\(LayerPalette.targetOutOfRange)\" stroke=\"#fff\" stroke-width=\"2\"/>", "Target out of range", nil))
        }
        let inRange = features.filter { $0.properties["layer"]?.stringValue == "in_range" }
        if inRange.contains(where: { $0.properties["kind"]?.stringValue == "airfield" }) {
            rows.append(("<rect x=\"10\" y=\"5\" width=\"8\" height=\"8\" fill=\"\(LayerPalette.inRangeAirfield)\" transform=\"rotate(45 14 9)\"/>",
                         "Airfield in range (military ones named)", "OurAirports \(Airfield.dataDate); not a claim about what is stationed there"))
        }
        if inRange.contains(where: { $0.properties["kind"]?.stringValue == "place" }) {
            rows.append(("<circle cx=\"14\" cy=\"9\" r=\"3.5\" fill=\"\(LayerPalette.inRangePlace)\"/>", "Place in range (largest named)", "GeoNames settlement population"))
        }
        var y = 30.0
        var body = ""
        var widest = 0.0
        for row in rows {
            body += "<g transform=\"translate(12,\(svgNumber(y - 4)))\">\(row.swatch)</g>"
            body += "<text x=\"50\" y=\"\(svgNumber(y + 10))\" font-size=\"14\" fill=\"#111111\">\(SVGText.escape(row.text))</text>"
            widest = max(widest, 50 + Double(row.text.count) * 14 * 0.58)
            if let note = row.note {
                y += 17
                body += "<text x=\"50\" y=\"\(svgNumber(y + 10))\" font-size=\"11.5\" fill=\"#555555\">\(SVGText.escape(note))</text>"
                widest = max(widest, 50 + Double(note.count) * 11.5 * 0.58)
            }
            y += 25
        }
        let w = widest + 16, h = y + 2
        let svg = "<g id=\"legend\" transform=\"translate(12,\(svgNumber(90)))\"><rect width=\"\(svgNumber(w))\" height=\"\(svgNumber(h))\" rx=\"4\" fill=\"#ffffff\" fill-opacity=\"0.92\" stroke=\"#999999\"/><text x=\"12\" y=\"20\" font-size=\"14\" font-weight=\"bold\" fill=\"#111111\">Legend</text>\(body)</g>"
        return (svg, w, h)
    }

    private func swatch(fill: String, opacity: Double, stroke: String, dashed: Bool) -> String {
        "<rect x=\"1\" y=\"2\" width=\"26\" height=\"14\" fill=\"\(SVGText.escape(fill))\" fill-opacity=\"\(format(opacity, 2))\" stroke=\"\(SVGText.escape(stroke))\" stroke-width=\"2\"\(dashed ? " stroke-dasharray=\"5,3\"" : "")/>"
    }

    private func shorten(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }

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

    /// Region labels: name plus the share in range for each main weapon, at a point inside the region.
    func regionLabels(_ features: [Feature], _ projection: MapProjection, _ engine: GeometryEngine) -> [([String], (x: Double, y: Double), Geometry)] {
        var result = [([String], (x: Double, y: Double), Geometry)]()
        for f in features where f.properties["kind"]?.stringValue == "region" {
            guard let g = f.geometry, let code = f.properties["region_code"]?.stringValue,
                  let p = try? engine.pointOnSurface(g), let c = p.coordinate, let q = projection.pixel(c.x, c.y) else { continue }
            let label = f.properties["name"]?.stringValue ?? code
            let name = label.hasPrefix(code + " ") ? String(label.dropFirst(code.count + 1)) : label
            var lines = [name + " obl."]
            for cov in features where cov.properties["layer"]?.stringValue == "coverage" && cov.properties["region_name"]?.stringValue == name {
                let weapon = cov.properties["weapon"]?.stringValue ?? ""
                lines.append("\(weapon.uppercased()) \(format(cov.properties["percent"]?.numberValue ?? 0, 0)) %")
            }
            result.append((lines, q, g))
        }
        return result
    }
}
