import Foundation
import GeoJSON
import Geodesy
import Geometry
import Testing
@testable import StrikeRange

/// The map a graphics desk can publish (issue 11 item 4): where the legend goes, how envelopes, targets and
/// regions are named, and the SVG's layer groups. Pixel-space checks read the SVG text back (path vertices,
/// the legend's translate and size), independently of the GEOS sampling the renderer uses to choose a corner.
@Suite struct MapRendererTests {
    // MARK: - Romanisation (examples from the table of KMU resolution No. 55, 2010)

    @Test func kmu2010MatchesTheResolutionsExamples() {
        let examples = [
            ("Алушта", "Alushta"), ("Андрій", "Andrii"), ("Борщагівка", "Borshchahivka"), ("Вінниця", "Vinnytsia"),
            ("Гадяч", "Hadiach"), ("Ґалаґан", "Galagan"), ("Згорани", "Zghorany"), ("Єнакієве", "Yenakiieve"),
            ("Житомир", "Zhytomyr"), ("Іванків", "Ivankiv"), ("Їжакевич", "Yizhakevych"), ("Кадиївка", "Kadyivka"),
            ("Йосипівка", "Yosypivka"), ("Стрий", "Stryi"), ("Олексій", "Oleksii"), ("Юрій", "Yurii"),
            ("Крюківка", "Kriukivka"), ("Яготин", "Yahotyn"), ("Костянтин", "Kostiantyn"), ("Знам'янка", "Znamianka"),
            ("Феодосія", "Feodosiia"), ("Щербухи", "Shcherbukhy"), ("Гоща", "Hoshcha"), ("Харків", "Kharkiv"),
            ("Цюрупинськ", "Tsiurupynsk"), ("Чернівці", "Chernivtsi"), ("Шостка", "Shostka"),
            ("Київ", "Kyiv"), ("Львів", "Lviv"), ("Запоріжжя", "Zaporizhzhia"), ("Одеса", "Odesa"), ("Біла Церква", "Bila Tserkva"),
        ]
        for (cyrillic, latin) in examples { #expect(MapNames.kmu2010(cyrillic) == latin, "\(cyrillic)") }
    }

    @Test func ukrainianPlacesUseKMUAndOthersKeepTheDataName() throws {
        let places = try CatalogTestData.catalog().places()
        let zaporizhzhia = try #require(places.places(named: "Zaporizhzhya", country: "UA").first)
        #expect(MapNames.place(name: zaporizhzhia.name, countryCode: "UA", ukrainianName: zaporizhzhia.nameUkrainian) == "Zaporizhzhia")
        #expect(MapNames.place(name: "Orël", countryCode: "RU", ukrainianName: "Орел") == "Orël")
    }

    @Test func admin1SuffixByCountry() throws {
        let regions = try CatalogTestData.catalog().regions()
        func label(_ code: String) throws -> String {
            let r = try #require(regions.region(withCode: code))
            return MapNames.admin1(name: r.name, code: code, type: r.type)
        }
        #expect(try label("UA-46") == "Lviv oblast")      // data: "L'viv"
        #expect(try label("UA-30") == "Kyiv")             // data: "Kiev City"
        #expect(try label("UA-32") == "Kyiv oblast")      // data: "Kiev"
        #expect(try label("UA-51") == "Odesa oblast")     // data: "Odessa"
        #expect(try label("PL-06") == "Lublin voivodeship")
        #expect(try label("RU-BRY") == "Bryansk oblast")
        #expect(try label("RU-KDA") == "Krasnodar krai")
        #expect(try label("BY-HO") == "Gomel oblast")
        for code in ["PL-02", "PL-14", "PL-30"] { #expect(!(try label(code)).contains("obl")) }
    }

    // MARK: - Rendering

    /// A `run`-like layer set: launch area, two equal 300 km envelopes of different weapons and a 70 km one,
    /// a region, Moscow out of range and Kursk in range.
    static func layers(launch: Geometry) throws -> [Feature] {
        func envelope(_ weapon: String, _ name: String, km: Double, colour: String) throws -> Feature {
            let e = try EnvelopeBuilder().build(launch: launch, parameters: try RangeParameters(rangeMeters: km * 1000, toleranceMeters: 500))
            return Feature(geometry: .multiPolygon(e.geometry), properties: .object([
                "layer": .string("envelope"), "weapon": .string(weapon), "weapon_name": .string(name), "name": .string("\(name) \(Int(km)) km"),
                "range_m": .number(km * 1000), "line_style": .string("solid"), "stroke": .string(colour), "fill": .string(colour),
                "fill-opacity": .number(0.12), "sources": .string("Example publisher (2023-09): \(Int(km)) km"),
            ]))
        }
        let regions = try CatalogTestData.catalog().regions()
        let kursk = try #require(regions.region(withCode: "RU-KRS"))
        return [
            Feature(geometry: launch, properties: .object(["layer": .string("launch_area"), "name": .string("test launch")])),
            try envelope("storm-shadow", "Storm Shadow", km: 300, colour: LayerPalette.weapon(0)),
            try envelope("atacms", "ATACMS (family)", km: 300, colour: LayerPalette.weapon(1)),
            try envelope("gmlrs", "GMLRS (M30/M31)", km: 70, colour: LayerPalette.weapon(2)),
            Feature(geometry: kursk.geometry, properties: .object(["layer": .string("border"), "kind": .string("region"),
                                                                   "name": .string("RU-KRS Kursk"), "region_code": .string("RU-KRS")])),
            Feature(geometry: .point(Point(x: 37.6176, y: 55.7558)), properties: .object(["layer": .string("target"), "name": .string("Moscow"),
                    "distance_m": .number(476_800), "reachable": .bool(false), "marker-color": .string(LayerPalette.targetOutOfRange)])),
            Feature(geometry: .point(Point(x: 36.1874, y: 51.7373)), properties: .object(["layer": .string("target"), "name": .string("Kursk"),
                    "distance_m": .number(121_900), "reachable": .bool(true), "marker-color": .string(LayerPalette.targetInRange)])),
        ]
    }

    static func renderer() throws -> MapRenderer {
        var r = MapRenderer(title: "test")
        r.places = try CatalogTestData.catalog().places().places
        return r
    }

    @Test func namedLayerGroupsDisplayNamesAndTargetLabels() throws {
        let catalog = try CatalogTestData.catalog()
        let sumy = try catalog.regions().region(matching: "UA-59")
        let drawing = try Self.renderer().render(features: try Self.layers(launch: sumy.geometry), basemap: try catalog.regions())
        let svg = drawing.svg
        #expect(svg.contains("xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\""))
        for (id, label) in [("background", "Background"), ("basemap", "Basemap"), ("graticule", "Graticule"), ("envelopes", "Envelopes and areas"),
                            ("orientation", "Orientation cities"), ("markers", "Targets and places"), ("labels", "Labels"),
                            ("legend", "Legend"), ("scale-bar", "Scale bar"), ("title", "Title and credits")] {
            #expect(svg.contains("<g id=\"\(id)\" inkscape:groupmode=\"layer\" inkscape:label=\"\(label)\""), "\(id)")
        }
        #expect(svg.contains(">Within reach of Storm Shadow 300 km<"))
        #expect(svg.contains(">Kursk oblast<"))
        #expect(svg.contains(">Moscow 477 km, out of range<"))
        #expect(svg.contains(">Kursk 122 km, in range<"))
        #expect(!svg.contains("STORM-SHADOW") && !svg.contains("obl.<"))
        // Source with its date, whole (never truncated with an ellipsis).
        #expect(svg.contains("Source: Example publisher (2023-09): 300 km"))
        #expect(!svg.contains("…<"))
        // One filled envelope; the equal 300 km envelope is an outline with a dash pattern, and so is its swatch.
        let envelopePaths = svg.split(separator: "\n").filter { $0.hasPrefix("<path class=\"envelope\"") }
        #expect(envelopePaths.filter { !$0.contains("fill=\"none\"") }.count == 1)
        let atacms = envelopePaths.filter { $0.contains("stroke=\"\(LayerPalette.weapon(1))\"") }
        #expect(atacms.count == 1 && atacms[0].contains("stroke-dasharray=\"14,7\""), "\(atacms.map { $0.suffix(120) })")
        #expect(svg.contains("stroke=\"\(LayerPalette.weapon(1))\" stroke-width=\"2\" stroke-dasharray=\"14,7\"/>"))
        // At least a few orientation cities, none inside the launch area (Sumy oblast's own cities).
        let cities = svg.components(separatedBy: "<rect class=\"city\"").count - 1
        #expect(cities >= 3, "\(cities) orientation cities")
        #expect(!svg.contains(">Sumy<"))
    }

    @Test func aCanvasTooNarrowForALegendPanelIsWidenedAndSaysSo() throws {
        let catalog = try CatalogTestData.catalog()
        let sumy = try catalog.regions().region(matching: "UA-59")
        var renderer = try Self.renderer()
        renderer.width = 700; renderer.height = 600
        let drawing = try renderer.render(features: try Self.layers(launch: sumy.geometry), basemap: nil)
        let legend = try #require(Self.legendBox(drawing.svg))
        #expect(legend.x >= 700, "legend at \(legend.x)")
        let canvas = try #require(drawing.svg.firstMatch(of: /<svg [^>]*width="([0-9.]+)" height="600(?:\.0)?"/).flatMap { Double($0.1) })
        #expect(abs(canvas - (legend.x + legend.width + 12)) < 0.2, "canvas \(canvas) px, legend ends at \(legend.x + legend.width)")
        #expect(drawing.notes.count == 1 && drawing.notes[0].contains("700x600"), "\(drawing.notes)")
    }

    /// Seeded rectangular launch areas worldwide, ranges 30–200 km: the legend covers no envelope vertex and its centre and
    /// corners lie outside every envelope ring (even-odd test on the SVG's pixel coordinates).
    @Test(arguments: [1, 2, 3, 4, 5, 6]) func legendHidesNoEnvelope(seed: Int) throws {
        var rng = SeededGenerator(seed: UInt64(seed))
        let lat = Double.random(in: -70...60, using: &rng), lon = Double.random(in: -180...165, using: &rng)
        let km = Double.random(in: 30...200, using: &rng)
        // A rectangular launch area a few degrees across with a short range: the envelope is a rounded
        // rectangle that fills the frame's corners, so a legend left in a corner would hide part of it.
        let w = Double.random(in: 4...12, using: &rng), h = Double.random(in: 3...8, using: &rng)
        let corners = [(lon, lat), (lon + w, lat), (lon + w, lat + h), (lon, lat + h), (lon, lat)]
        let launch = Geometry.polygon(Polygon(exterior: corners.map { Coordinate(x: $0.0, y: $0.1) }))
        let e = try EnvelopeBuilder().build(launch: launch, parameters: try RangeParameters(rangeMeters: km * 1000, toleranceMeters: 1000))
        let feature = Feature(geometry: .multiPolygon(e.geometry), properties: .object([
            "layer": .string("envelope"), "weapon": .string("w"), "weapon_name": .string("Weapon"), "range_m": .number(km * 1000),
            "sources": .string("A publisher (2024): \(Int(km)) km"),
        ]))
        var renderer = MapRenderer(title: "seed \(seed)")
        renderer.width = [1400.0, 1000, 1600][seed % 3]; renderer.height = [1000.0, 700, 1200][seed % 3]
        let svg = try renderer.svg(features: [feature], basemap: nil)
        let legend = try #require(Self.legendBox(svg))
        let rings = Self.rings(svg, pathClass: "envelope")
        #expect(!rings.isEmpty)
        for ring in rings {
            let covered = ring.contains { legend.contains($0) }
            #expect(!covered, "seed \(seed): an envelope vertex under the legend \(legend)")
            let probes: [(Double, Double)] = [(legend.x + legend.width / 2, legend.y + legend.height / 2), (legend.x, legend.y),
                                              (legend.x + legend.width, legend.y), (legend.x, legend.y + legend.height),
                                              (legend.x + legend.width, legend.y + legend.height)]
            for p in probes {
                let hidden = Self.inside(p, ring)   // apart, so a failure does not print the whole ring
                #expect(!hidden, "seed \(seed): legend point \(p) inside the envelope")
            }
        }
    }

    @Test func plainEnvelopeAndReachLayersGetMeaningfulLegends() throws {
        let launch = Geometry.point(Point(x: 30.52, y: 50.45))
        let e = try EnvelopeBuilder().build(launch: launch, parameters: try RangeParameters(rangeMeters: 70_000, toleranceMeters: 500))
        // As `strikerange envelope` writes it: no layer, no styling, weapon id, sources as a list.
        let plain = Feature(geometry: .multiPolygon(e.geometry), properties: .object([
            "weapon": .string("gmlrs"), "range_m": .number(70_000), "launch": .string("Kyiv"),
            "sources": .array([.string("tech.wp.pl (2023-09): 15–84 km")]),
        ]))
        var renderer = MapRenderer(title: "plain")
        renderer.weaponDisplayNames = ["gmlrs": "GMLRS (M30/M31)"]
        let svg = try renderer.svg(features: [plain], basemap: nil)
        #expect(svg.contains(">Within reach of GMLRS (M30/M31) 70 km<"))
        #expect(svg.contains(">Source: tech.wp.pl (2023-09): 15–84 km<"))
        #expect(!svg.contains("fill=\"#888888\""))
        // As `strikerange reach --format geojson` writes it: one point per target and weapon.
        func reach(_ name: String, _ weapon: String, _ verdict: String, km: Double, _ lon: Double, _ lat: Double) -> Feature {
            Feature(geometry: .point(Point(x: lon, y: lat)), properties: .object([
                "name": .string(name), "weapon": .string(weapon), "verdict": .string(verdict), "distance_m": .number(km * 1000), "range_m": .number(300_000),
            ]))
        }
        let points = [reach("Kursk, RU-KRS, RU", "atacms", "in_range", km: 96, 36.19, 51.74), reach("Kursk, RU-KRS, RU", "gmlrs", "out_of_range", km: 96, 36.19, 51.74),
                      reach("Moscow, RU-MOW, RU", "atacms", "out_of_range", km: 453, 37.62, 55.76), reach("Moscow, RU-MOW, RU", "gmlrs", "out_of_range", km: 453, 37.62, 55.76)]
        renderer.weaponDisplayNames["atacms"] = "ATACMS (family)"
        let reachSVG = try renderer.svg(features: points, basemap: nil)
        #expect(reachSVG.contains(">Kursk 96 km, in range of ATACMS (family)<"))
        #expect(reachSVG.contains(">Moscow 453 km, out of range<"))
        #expect(reachSVG.contains(">Target in range (km from the launch area)<") && reachSVG.contains(">Target out of range<"))
        #expect(reachSVG.components(separatedBy: "<circle cx=").count - 1 == 2 + 2, "one marker per target (plus two legend swatches)")
    }

    @Test func droppedLabelsAreReported() throws {
        // Twenty targets on one spot: one label fits, the others are reported by name.
        let features = (0..<20).map { i in
            Feature(geometry: .point(Point(x: 30 + Double(i) * 0.0001, y: 50)), properties: .object([
                "layer": .string("target"), "name": .string("T\(i)"), "distance_m": .number(1000), "reachable": .bool(true),
            ]))
        } + [Feature(geometry: .point(Point(x: 35, y: 53)), properties: .object(["layer": .string("target"), "name": .string("Far")]))]
        let drawing = try MapRenderer(title: "crowded").render(features: features, basemap: nil)
        #expect(drawing.droppedLabels.count >= 15, "\(drawing.droppedLabels)")
        #expect(drawing.droppedLabels.contains("target T19 1 km, in range"))
        let warning = try #require(MapDrawing.warning(drawing.droppedLabels))
        #expect(warning.hasPrefix("map labels left out for lack of space (\(drawing.droppedLabels.count)): "))
        #expect(MapDrawing.warning([]) == nil)
    }

    // MARK: - SVG reading helpers

    struct PixelBox {
        var x: Double, y: Double, width: Double, height: Double
        func contains(_ p: (Double, Double)) -> Bool { p.0 > x && p.0 < x + width && p.1 > y && p.1 < y + height }
    }

    static func legendBox(_ svg: String) -> PixelBox? {
        guard let g = svg.firstMatch(of: /<g id="legend"[^>]*transform="translate\(([-0-9.]+),([-0-9.]+)\)">\n<rect width="([0-9.]+)" height="([0-9.]+)"/),
              let x = Double(g.1), let y = Double(g.2), let w = Double(g.3), let h = Double(g.4) else { return nil }
        return PixelBox(x: x, y: y, width: w, height: h)
    }

    /// The rings of every `<path class="…">` as pixel points ("M x,y L x,y … Z" runs).
    static func rings(_ svg: String, pathClass: String) -> [[(Double, Double)]] {
        var rings = [[(Double, Double)]]()
        for line in svg.split(separator: "\n") where line.hasPrefix("<path class=\"\(pathClass)\"") {
            guard let d = line.firstMatch(of: /d="([^"]*)"/)?.1 else { continue }
            for run in d.split(separator: "M") {
                let pts = run.split(whereSeparator: { $0 == "L" || $0 == "Z" }).compactMap { pair -> (Double, Double)? in
                    let xy = pair.split(separator: ",")
                    guard xy.count == 2, let x = Double(xy[0]), let y = Double(xy[1]) else { return nil }
                    return (x, y)
                }
                if pts.count > 2 { rings.append(pts) }
            }
        }
        return rings
    }

    static func inside(_ p: (Double, Double), _ ring: [(Double, Double)]) -> Bool {
        var odd = false
        var j = ring.count - 1
        for i in ring.indices {
            let (xi, yi) = ring[i], (xj, yj) = ring[j]
            if (yi > p.1) != (yj > p.1), p.0 < (xj - xi) * (p.1 - yi) / (yj - yi) + xi { odd.toggle() }
            j = i
        }
        return odd
    }
}
