import Geodesy
import Geometry
import GeoJSON

/// Renders a styled layer set (as written by `strikerange run`) to SVG: grey basemap of countries and
/// admin-1 units, graticule, the layers in file order with their simplestyle colours, target markers,
/// orientation cities, non-colliding labels, a legend (weapon, range, source) in the corner where it hides
/// no envelope (or in a panel beside the frame), a geodesic scale bar, title and attribution.
/// Azimuthal equidistant projection centred on the scene (see `MapProjection`). Groups are Inkscape layers
/// (`inkscape:groupmode="layer"`), so the SVG opens in a vector editor ready to edit.
public struct MapRenderer {
    /// Canvas size in SVG pixels (the PNG is this times `PNGRasterizer`'s zoom).
    public var width = 1400.0
    public var height = 1000.0
    public var title: String
    public var subtitle: String
    /// Candidates for orientation labels (the largest cities in view outside the launch area), any order.
    public var places: [Place] = []
    /// Weapon id → display name (the catalog's `name`), for layers that carry only the id.
    public var weaponDisplayNames: [String: String] = [:]
    public static let attribution = "Made with Natural Earth · GeoNames CC BY 4.0"
    static let font = "DejaVu Sans, Arial, Helvetica, sans-serif"
    /// Most orientation cities named on one map.
    static let orientationCityCount = 8

    public init(title: String, subtitle: String = "") { self.title = title; self.subtitle = subtitle }

    /// The SVG text of `render`.
    public func svg(features: [Feature], basemap: RegionCatalog?) throws -> String {
        try render(features: features, basemap: basemap).svg
    }

    /// - Parameter basemap: countries and admin-1 units drawn under the layers (nil: none).
    /// - Returns: the SVG and the labels that found no free space (callers warn about them).
    /// - Throws: projection (PROJ) or clipping (GEOS) errors; `StrikeRangeError` for a layer set with nothing to show.
    public func render(features given: [Feature], basemap: RegionCatalog?) throws -> MapDrawing {
        let features = Self.normalised(given, weaponDisplayNames: weaponDisplayNames)
        var box: BoundingBox?
        var points = [LonLat](), launchPoints = [LonLat]()
        for f in features {
            guard let g = f.geometry, let b = g.boundingBox else { continue }
            box = box.map { $0.union(b) } ?? b
            let isLaunch = ["launch", "launch_area"].contains(f.properties["layer"]?.stringValue ?? "")
            g.forEachCoordinate { c in
                points.append(LonLat(longitude: c.x, latitude: c.y))
                if isLaunch { launchPoints.append(LonLat(longitude: c.x, latitude: c.y)) }
            }
        }
        guard let dataBox = box else { throw StrikeRangeError("map: the layer file has no geometry to draw") }
        let top = 78.0, bottom = 34.0
        let frameHeight = height - top - bottom
        let engine = GeometryEngine()
        // A scene larger than a hemisphere (an envelope beyond 10,000 km) rings the far side of the globe:
        // centre it on the launch area instead of on its own vertices.
        let mean = MapProjection.meanDirection(points)
        let beyondHemisphere = points.contains { Geodesic.wgs84.distanceMeters(mean, $0) > 10_000_000 }
        let centreOf = beyondHemisphere ? launchPoints : []

        // The legend goes into the first corner where it hides no envelope, coverage or launch-area pixel;
        // when every corner would hide some, into a panel beside the frame (the frame narrows, the canvas
        // keeps its size).
        let styles = envelopeStyles(features)
        let legend = legendBlock(features, styles: styles)
        let areas = try features.compactMap { f -> PreparedGeometry? in
            guard ["envelope", "coverage", "launch_area", "launch"].contains(f.properties["layer"]?.stringValue ?? "envelope"),
                  let g = f.geometry, !g.polygons.isEmpty else { return nil }
            return try engine.prepare(g)
        }
        var frameWidth = width
        var projection = try MapProjection(fitting: points, centreOf: centreOf, frame: (x: 0, y: top, width: width, height: frameHeight))
        var legendAt: (x: Double, y: Double)?
        if legend.height <= frameHeight - 90 {
            for corner in [(x: 12.0, y: top + 12), (x: width - legend.width - 12, y: top + 12),
                           (x: width - legend.width - 12, y: height - bottom - legend.height - 12)] {
                if try hiddenSamples(LabelPlacer.Box(x: corner.x, y: corner.y, width: legend.width, height: legend.height), projection, areas) == 0 {
                    legendAt = corner
                    break
                }
            }
        }
        var legendInPanel = false
        var canvasWidth = width
        var notes = [String]()
        if legendAt == nil {
            legendInPanel = true
            if width - legend.width - 24 >= width * 0.5 {
                frameWidth = width - legend.width - 24
                projection = try MapProjection(fitting: points, centreOf: centreOf, frame: (x: 0, y: top, width: frameWidth, height: frameHeight))
            } else {
                // Beside a frame narrower than half the canvas the map would be unreadable: widen the canvas.
                canvasWidth = width + legend.width + 24
                notes.append("the legend fits in no corner of the \(Int(width))x\(Int(height)) map nor beside it, so the canvas is \(Int(canvasWidth.rounded(.up))) px wide")
            }
            legendAt = (x: frameWidth + 12, y: top)
        }
        let legendBox = LabelPlacer.Box(x: legendAt!.x, y: legendAt!.y, width: legend.width, height: legend.height)

        // The frame is usually wider than the data needs: clip the data to what the frame shows.
        var visible = dataBox
        for (px, py) in [(0.0, top), (frameWidth, top), (0.0, height - bottom), (frameWidth, height - bottom), (frameWidth / 2, top), (frameWidth / 2, height - bottom), (0, (top + height - bottom) / 2), (frameWidth, (top + height - bottom) / 2)] {
            if let q = projection.lonLat(pixelX: px, pixelY: py) {
                visible = visible.union(BoundingBox(minX: q.longitude, minY: q.latitude, maxX: q.longitude, maxY: q.latitude))
            }
        }
        // Around a pole, or across ±180°, every meridian is in view.
        if projection.showsPole(1) || projection.showsPole(-1) || visible.maxX - visible.minX > 180 {
            visible = BoundingBox(minX: -180, minY: projection.showsPole(-1) ? -90 : visible.minY,
                                  maxX: 180, maxY: projection.showsPole(1) ? 90 : visible.maxY)
        }
        let clipBox = BoundingBox(minX: visible.minX - 1, minY: max(-90, visible.minY - 1), maxX: visible.maxX + 1, maxY: min(90, visible.maxY + 1))

        var svg = SVGText()
        svg.line("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
        svg.line("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" width=\"\(svgNumber(canvasWidth))\" height=\"\(svgNumber(height))\" viewBox=\"0 0 \(svgNumber(canvasWidth)) \(svgNumber(height))\" font-family=\"\(MapRenderer.font)\">")
        svg.line("<defs><clipPath id=\"frame\"><rect x=\"0\" y=\"\(svgNumber(top))\" width=\"\(svgNumber(frameWidth))\" height=\"\(svgNumber(frameHeight))\"/></clipPath></defs>")
        svg.line(Self.layerOpen("background", "Background"))
        svg.line("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>")
        svg.line("<rect x=\"0\" y=\"\(svgNumber(top))\" width=\"\(svgNumber(frameWidth))\" height=\"\(svgNumber(frameHeight))\" fill=\"#d6e6f2\"/>")
        svg.line("</g>")

        // Basemap: countries (land), then admin-1 lines, clipped to the view.
        var countryLabels = [(name: String, anchor: (x: Double, y: Double))]()
        if let basemap {
            var shownCountries = [Region]()
            svg.line(Self.layerOpen("basemap", "Basemap", clipped: true, extra: " stroke-linejoin=\"round\""))
            for country in basemap.countries {
                guard let b = country.geometry.boundingBox, b.intersects(clipBox) else { continue }
                let clipped = try engine.clip(country.geometry, to: clipBox)
                if try engine.isEmpty(clipped) { continue }
                shownCountries.append(country)
                svg.line("<path d=\"\(projection.pathData(clipped))\" fill=\"#f4f1ea\" stroke=\"#8c8c8c\" stroke-width=\"0.9\" fill-rule=\"evenodd\"/>")
                let inView = try engine.clip(country.geometry, to: visible)
                if !(try engine.isEmpty(inView)), GeodesicMeasure().areaSquareMeters(inView) > 15_000e6 {
                    let p = try engine.pointOnSurface(inView)
                    if let c = p.coordinate, let q = projection.pixel(c.x, c.y) { countryLabels.append((country.name.uppercased(), q)) }
                }
            }
            for country in shownCountries {
                for unit in basemap.admin1Units(inCountry: country.code) {
                    guard let b = unit.geometry.boundingBox, b.intersects(clipBox) else { continue }
                    let clipped = try engine.clip(unit.geometry, to: clipBox)
                    if try engine.isEmpty(clipped) { continue }
                    svg.line("<path d=\"\(projection.pathData(clipped))\" fill=\"none\" stroke=\"#b9b4aa\" stroke-width=\"0.6\" stroke-dasharray=\"3,2\"/>")
                }
            }
            svg.line("</g>")
        }
        svg.line(graticule(projection, visible, rightEdge: frameWidth))

        // Layers in file order. One envelope is filled; the others are outlines (see `envelopeStyles`), and
        // coverage is filled only for the filled envelope's weapon, so no two tints mix into a colour the
        // legend does not show.
        let filledWeapon = styles.first { $0.value.filled }.flatMap { features[$0.key].properties["weapon"]?.stringValue }
        svg.line(Self.layerOpen("envelopes", "Envelopes and areas", clipped: true, extra: " stroke-linejoin=\"round\""))
        for (index, f) in features.enumerated() {
            guard let g = f.geometry else { continue }
            let p = f.properties
            switch g {
            case .point, .multiPoint: continue
            default: break
            }
            let layer = p["layer"]?.stringValue ?? "envelope"
            if layer == "coverage", let weapon = p["weapon"]?.stringValue, weapon != filledWeapon { continue }
            let stroke = p["stroke"]?.stringValue ?? (layer == "envelope" ? LayerPalette.weapon(0) : "#333333")
            let isLine: Bool = { if case .lineString = g { return true }; if case .multiLineString = g { return true }; return false }()
            var fill = isLine ? "none" : (p["fill"]?.stringValue ?? stroke)
            var fillOpacity = p["fill-opacity"]?.numberValue ?? 0.2
            let strokeWidth = p["stroke-width"]?.numberValue ?? (layer == "envelope" ? 2.5 : 1)
            var dash = p["line_style"]?.stringValue == "dashed" ? " stroke-dasharray=\"8,5\"" : (p["kind"]?.stringValue == "region" ? " stroke-dasharray=\"1,0\"" : "")
            if let style = styles[index] {
                if !style.filled { fill = "none"; fillOpacity = 0 } else { fillOpacity = max(fillOpacity, 0.12) }
                if let d = style.dash { dash = " stroke-dasharray=\"\(d)\"" }
            }
            if isLine || g.polygons.isEmpty {
                svg.line("<path class=\"\(SVGText.escape(layer))\" d=\"\(projection.pathData(g))\" fill=\"\(SVGText.escape(fill))\" fill-opacity=\"\(format(fillOpacity, 2))\" stroke=\"\(SVGText.escape(stroke))\" stroke-width=\"\(format(strokeWidth, 2))\" fill-rule=\"evenodd\"\(dash)/>")
            } else {
                // Fill and outline apart, so the outline can leave out the ±180° and pole seams.
                if fill != "none" {
                    svg.line("<path class=\"\(SVGText.escape(layer))\" d=\"\(projection.fillData(g))\" fill=\"\(SVGText.escape(fill))\" fill-opacity=\"\(format(fillOpacity, 2))\" stroke=\"none\" fill-rule=\"evenodd\"/>")
                }
                svg.line("<path class=\"\(SVGText.escape(layer))\" d=\"\(projection.outlineData(g))\" fill=\"none\" stroke=\"\(SVGText.escape(stroke))\" stroke-width=\"\(format(strokeWidth, 2))\"\(dash)/>")
            }
        }
        svg.line("</g>")

        // Markers and labels. Labels that find no free space are reported (`MapDrawing.droppedLabels`).
        var placer = LabelPlacer(bounds: .init(x: 4, y: top + 4, width: frameWidth - 8, height: frameHeight - 8))
        if !legendInPanel { placer.block(legendBox) }
        let scaleBar = try scaleBarBlock(projection, y: height - bottom - 40)
        placer.block(.init(x: 12, y: height - bottom - 52, width: scaleBar.width + 20, height: 48))
        var dropped = [String]()
        let ukrainianNames = Dictionary(places.filter { $0.countryCode == "UA" }.map { ($0.name, $0) }, uniquingKeysWith: { a, b in a.population >= b.population ? a : b })
        func shown(_ name: String) -> String {
            guard let p = ukrainianNames[name] else { return name }
            return MapNames.place(name: p.name, countryCode: p.countryCode, ukrainianName: p.nameUkrainian)
        }

        var markers = "", labels = ""
        let targets = features.filter { $0.properties["layer"]?.stringValue == "target" }
        var targetAnchors = [(name: String, x: Double, y: Double)]()
        for t in targets {
            guard case .point(let pt)? = t.geometry, let c = pt.coordinate, let q = projection.pixel(c.x, c.y) else { continue }
            let color = t.properties["marker-color"]?.stringValue ?? "#333333"
            markers += "<circle cx=\"\(svgNumber(q.x))\" cy=\"\(svgNumber(q.y))\" r=\"6\" fill=\"\(SVGText.escape(color))\" stroke=\"#ffffff\" stroke-width=\"2\"/>\n"
            placer.block(.init(x: q.x - 7, y: q.y - 7, width: 14, height: 14))
            targetAnchors.append((targetLabel(t.properties, name: shown(t.properties["name"]?.stringValue ?? "")), q.x, q.y))
        }
        // in_range (issue 12): small marks for every listed place and airfield, names for the important ones.
        var inRangeAnchors = [(name: String, x: Double, y: Double, rank: Double)]()
        for f in features where f.properties["layer"]?.stringValue == "in_range" {
            guard case .point(let pt)? = f.geometry, let c = pt.coordinate, let q = projection.pixel(c.x, c.y) else { continue }
            let color = SVGText.escape(f.properties["marker-color"]?.stringValue ?? "#333333")
            let faded = f.properties["reachable"] == .bool(true) ? "" : " fill-opacity=\"0.35\""
            if f.properties["kind"]?.stringValue == "airfield" {
                markers += "<rect class=\"in_range\" x=\"\(svgNumber(q.x - 3.5))\" y=\"\(svgNumber(q.y - 3.5))\" width=\"7\" height=\"7\" fill=\"\(color)\"\(faded) stroke=\"#ffffff\" stroke-width=\"1\" transform=\"rotate(45 \(svgNumber(q.x)) \(svgNumber(q.y)))\"/>\n"
            } else {
                markers += "<circle class=\"in_range\" cx=\"\(svgNumber(q.x))\" cy=\"\(svgNumber(q.y))\" r=\"2.6\" fill=\"\(color)\"\(faded) stroke=\"#ffffff\" stroke-width=\"0.8\"/>\n"
            }
            if f.properties["map_label"] == .bool(true) {
                placer.block(.init(x: q.x - 4, y: q.y - 4, width: 8, height: 8))
                // Largest places claim their label space first, then airfields.
                let population = f.properties["population"]?.numberValue
                inRangeAnchors.append((shown(f.properties["name"]?.stringValue ?? ""), q.x, q.y, population.map { -$0 } ?? 0))
            }
        }
        // A place that is also a target is named once, by its target label.
        let targetNames = Set(targets.compactMap { $0.properties["name"]?.stringValue }.map(shown))
        inRangeAnchors.removeAll { targetNames.contains($0.name) }
        inRangeAnchors = inRangeAnchors.enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }.map(\.element)
        for (lines, anchor, region) in regionLabels(features, projection, engine, basemap: basemap) {
            let s = LabelPlacer.size(lines, fontSize: 12.5)
            // A region's label stays inside the region, so it cannot be read as naming a neighbour.
            let inside = try engine.prepare(region)
            let accept: (Double, Double) -> Bool = { x, y in
                guard let q = projection.lonLat(pixelX: x, pixelY: y) else { return false }
                return (try? inside.containsPoints(x: [q.longitude], y: [q.latitude]).first) == true
            }
            if let at = placer.place(anchorX: anchor.x, anchorY: anchor.y, width: s.width, height: s.height, gap: 4, centred: true, accept: accept) {
                labels += textBlock(lines, x: at.x, y: at.y, fontSize: 12.5, weight: "normal", color: "#222222", italicFirst: true)
            } else {
                dropped.append("region \(lines.first ?? "")")
            }
        }
        for t in targetAnchors {
            let lines = [t.name]
            let s = LabelPlacer.size(lines, fontSize: 15)
            if let at = placer.place(anchorX: t.x, anchorY: t.y, width: s.width, height: s.height, gap: 9) {
                labels += textBlock(lines, x: at.x, y: at.y, fontSize: 15, weight: "bold", color: "#111111")
            } else {
                dropped.append("target \(t.name)")
            }
        }
        for t in inRangeAnchors {
            let s = LabelPlacer.size([t.name], fontSize: 11.5)
            if let at = placer.place(anchorX: t.x, anchorY: t.y, width: s.width, height: s.height, gap: 5) {
                labels += textBlock([t.name], x: at.x, y: at.y, fontSize: 11.5, weight: "normal", color: "#1b1b1b")
            } else {
                dropped.append("in range \(t.name)")
            }
        }
        // Interval rings (issue 16): "100 km" where the ring crosses its fan's bearing (or at its top).
        for f in features {
            guard let text = f.properties["ring_label"]?.stringValue, let lon = f.properties["label_lon"]?.numberValue,
                  let lat = f.properties["label_lat"]?.numberValue, let q = projection.pixel(lon, lat) else { continue }
            let s = LabelPlacer.size([text], fontSize: 12.5)
            if let at = placer.place(anchorX: q.x, anchorY: q.y, width: s.width, height: s.height, gap: 2, centred: true) {
                labels += textBlock([text], x: at.x, y: at.y, fontSize: 12.5, weight: "bold", color: "#222222")
            } else {
                dropped.append("ring \(text)")
            }
        }
        // Orientation: the largest cities in view outside the launch area, where their names fit.
        let orientation = try orientationCities(features, projection, engine, frame: (x: 0, y: top, width: frameWidth, height: frameHeight))
        var orientationMarkers = "", orientationLabels = ""
        var named = 0
        for city in orientation where named < MapRenderer.orientationCityCount {
            let name = MapNames.place(name: city.place.name, countryCode: city.place.countryCode, ukrainianName: city.place.nameUkrainian)
            let s = LabelPlacer.size([name], fontSize: 13)
            var trial = placer
            trial.block(.init(x: city.x - 4, y: city.y - 4, width: 8, height: 8))
            guard placer.isFree(.init(x: city.x - 4, y: city.y - 4, width: 8, height: 8)),
                  let at = trial.place(anchorX: city.x, anchorY: city.y, width: s.width, height: s.height, gap: 5) else { continue }
            placer = trial
            named += 1
            orientationMarkers += "<rect class=\"city\" x=\"\(svgNumber(city.x - 3.5))\" y=\"\(svgNumber(city.y - 3.5))\" width=\"7\" height=\"7\" fill=\"#ffffff\" stroke=\"#333333\" stroke-width=\"1.6\"/>\n"
            orientationLabels += textBlock([name], x: at.x, y: at.y, fontSize: 13, weight: "normal", color: "#333333")
        }
        // On a view of most of the globe, the label placer would move country names far from their
        // countries to avoid each other; only the basemap's outlines are drawn there.
        let showsCountryNames = visible.maxX - visible.minX <= 120
        for c in countryLabels where showsCountryNames {
            let s = LabelPlacer.size([c.name], fontSize: 15)
            if let at = placer.place(anchorX: c.anchor.x, anchorY: c.anchor.y, width: s.width * 1.25, height: s.height, gap: 4, centred: true) {
                labels += "<text x=\"\(svgNumber(at.x))\" y=\"\(svgNumber(at.y + 15))\" font-size=\"15\" letter-spacing=\"3\" fill=\"#8a8478\">\(SVGText.escape(c.name))</text>\n"
            }
        }
        svg.line(Self.layerOpen("orientation", "Orientation cities", clipped: true))
        svg.line(orientationMarkers + orientationLabels + "</g>")
        svg.line(Self.layerOpen("markers", "Targets and places", clipped: true))
        svg.line(markers + "</g>")
        svg.line(Self.layerOpen("labels", "Labels", clipped: true))
        svg.line(labels + "</g>")

        svg.line(Self.layerOpen("legend", "Legend", extra: " transform=\"translate(\(svgNumber(legendBox.x)),\(svgNumber(legendBox.y)))\""))
        svg.line(legend.svg + "</g>")
        svg.line(Self.layerOpen("scale-bar", "Scale bar"))
        svg.line(scaleBar.svg + "</g>")
        svg.line(Self.layerOpen("frame", "Frame"))
        svg.line("<rect x=\"0\" y=\"\(svgNumber(top))\" width=\"\(svgNumber(frameWidth))\" height=\"\(svgNumber(frameHeight))\" fill=\"none\" stroke=\"#555555\" stroke-width=\"1\"/>")
        svg.line("</g>")
        svg.line(Self.layerOpen("title", "Title and credits"))
        svg.line("<text x=\"16\" y=\"34\" font-size=\"26\" font-weight=\"bold\" fill=\"#111111\">\(SVGText.escape(title))</text>")
        // A long subtitle on a narrow canvas is set smaller rather than cut.
        let subtitleSize = max(8, min(15, (canvasWidth - 32) / (Double(subtitle.count) * 0.56)))
        if !subtitle.isEmpty { svg.line("<text x=\"16\" y=\"62\" font-size=\"\(format(subtitleSize, 1))\" fill=\"#444444\">\(SVGText.escape(subtitle))</text>") }
        svg.line("<text x=\"\(svgNumber(canvasWidth - 12))\" y=\"\(svgNumber(height - 12))\" font-size=\"13\" fill=\"#555555\" text-anchor=\"end\">\(SVGText.escape(MapRenderer.attribution))</text>")
        // The long form needs about 1,180 px beside the attribution; narrower canvases get the short one.
        let projectionNote = canvasWidth >= 1180
            ? "Azimuthal equidistant projection centred at \(format(projection.centre.latitude, 2))° N, \(format(projection.centre.longitude, 2))° E · geodesic ranges on WGS84 · strikerange \(Versions.tool)"
            : "Azimuthal equidistant · WGS84 geodesic ranges · strikerange \(Versions.tool)"
        svg.line("<text x=\"12\" y=\"\(svgNumber(height - 12))\" font-size=\"12\" fill=\"#777777\">\(projectionNote)</text>")
        svg.line("</g>")
        svg.line("</svg>")
        return MapDrawing(svg: svg.text, droppedLabels: dropped, notes: notes)
    }

    /// Opens a group that Inkscape and Illustrator read as a named layer.
    static func layerOpen(_ id: String, _ label: String, clipped: Bool = false, extra: String = "") -> String {
        "<g id=\"\(id)\" inkscape:groupmode=\"layer\" inkscape:label=\"\(SVGText.escape(label))\"\(clipped ? " clip-path=\"url(#frame)\"" : "")\(extra)>"
    }

    /// How many sample points (one per 8 px) of `box` fall on an envelope, coverage or launch area.
    func hiddenSamples(_ box: LabelPlacer.Box, _ projection: MapProjection, _ areas: [PreparedGeometry]) throws -> Int {
        var xs = [Double](), ys = [Double]()
        for px in stride(from: box.x, through: box.x + box.width, by: 8) {
            for py in stride(from: box.y, through: box.y + box.height, by: 8) {
                if let q = projection.lonLat(pixelX: px, pixelY: py) { xs.append(q.longitude); ys.append(q.latitude) }
            }
        }
        var hit = [Bool](repeating: false, count: xs.count)
        for area in areas {
            for (i, inside) in try area.containsPoints(x: xs, y: ys).enumerated() where inside { hit[i] = true }
        }
        return hit.filter { $0 }.count
    }

    func textBlock(_ lines: [String], x: Double, y: Double, fontSize: Double, weight: String, color: String, italicFirst: Bool = false) -> String {
        var s = ""
        for (i, line) in lines.enumerated() {
            let size = i == 0 ? fontSize : fontSize * 0.9
            let style = (italicFirst && i == 0) ? " font-style=\"italic\" font-weight=\"bold\"" : " font-weight=\"\(weight)\""
            s += "<text x=\"\(svgNumber(x))\" y=\"\(svgNumber(y + fontSize * 1.2 * Double(i) + fontSize))\" font-size=\"\(format(size, 1))\"\(style) fill=\"\(color)\" stroke=\"#ffffff\" stroke-width=\"3.5\" stroke-opacity=\"0.85\" paint-order=\"stroke\">\(SVGText.escape(line))</text>\n"
        }
        return s
    }
}

/// Accumulates SVG text line by line.
struct SVGText {
    private(set) var text = ""
    mutating func line(_ s: String) { text += s; text += "\n" }
    static func escape(_ s: String) -> String { KMLWriter.escape(s) }
}

/// A rendered map: the SVG text and the labels left out for lack of space.
public struct MapDrawing: Sendable {
    public var svg: String
    /// "target Moscow 477 km, out of range", "region Kursk oblast", "in range Orël"…
    public var droppedLabels: [String]
    /// What the renderer changed from what was asked (a canvas widened for the legend).
    public var notes: [String] = []

    /// "map labels left out for lack of space (N): a, b" or nil when none was.
    public static func warning(_ dropped: [String]) -> String? {
        dropped.isEmpty ? nil : "map labels left out for lack of space (\(dropped.count)): " + dropped.joined(separator: "; ")
    }
}
