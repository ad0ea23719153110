import Foundation
import Geodesy

/// One listed feature: its verdict per weapon variant (from the batch classifier) and its exact distance
/// from the launch area (from the reach calculator).
public struct InRangeRow: Sendable {
    public var feature: InRangeFeature
    /// One per `InRangeReport.weapons`, same order.
    public var verdicts: [ReachVerdict]
    /// Exact geodesic distance (m) from the nearest launch point; 0 inside the launch area.
    public var distanceMeters: Double
    public var nearestLaunchPoint: LonLat
    /// range − distance (m) per weapon variant; negative when out of range.
    public var marginsMeters: [Double]

    /// In range (or too close to call) for at least one weapon variant.
    public var isListedInRange: Bool { verdicts.contains { $0 == .inRange || $0 == .withinTolerance } }
}

/// Counts for one country or admin-1 unit and one layer, over the listed rows.
public struct InRangeTotal: Sendable, Hashable {
    public enum Level: String, Sendable { case country, admin1 }
    public var level: Level
    /// ISO 3166-1 alpha-2 or ISO 3166-2 ("" when a feature has no admin-1 code).
    public var code: String
    public var name: String?
    public var layer: InRangeLayer
    /// Listed rows of this group and layer.
    public var listed = 0
    /// Per weapon variant: rows whose verdict is `in_range`, and (places) the sum of their population.
    public var inRange: [Int]
    public var populationInRange: [Int]
}

/// The answer of `inrange`: rows, totals, and what the figures mean.
public struct InRangeReport: Sendable {
    public var weapons: [RangeVariant]
    public var layers: [InRangeLayer]
    public var filter: InRangeFilter
    public var inRangeOnly: Bool
    public var rows: [InRangeRow]
    /// Countries first (by code), then admin-1 units (by code); per layer in `layers` order.
    public var totals: [InRangeTotal]
    /// Features classified (before `inRangeOnly`), and how many needed the exact distance to decide.
    public var classified: Int
    public var exactForVerdicts: Int
    /// Wall time of the classification alone (after the envelopes exist), for `--timing` and the benchmark.
    public var classifyMilliseconds = 0.0

    /// What the figures are, for table footers, CSV columns and JSON metadata (issue 12: honesty).
    public static let populationNote = "population: GeoNames settlement figures (people registered in the place, not a gridded estimate of people within range)"
    public static let airfieldNote = "airfields: OurAirports as of \(Airfield.dataDate); a listed airfield is not a claim about what is stationed there; military = name rule (Data/SOURCES.md)"
    public static let placesCutNote = "places: GeoNames population >= 50,000 worldwide, >= 1,000 in UA, RU and BY"
    public static let verdictNote = "in range: verdict in_range (distance <= range - tolerance); listed with --in-range-only: in_range or within_tolerance for some variant"

    /// The notes that apply to the layers asked for.
    public var notes: [String] {
        var out = [String]()
        if layers.contains(.places) { out += [Self.populationNote, Self.placesCutNote] }
        if layers.contains(.airfields) { out.append(Self.airfieldNote) }
        out.append(Self.verdictNote)
        return out
    }

    /// Totals over all listed rows, per layer (level country, code "" = every country).
    public func overall(_ layer: InRangeLayer) -> InRangeTotal {
        var t = InRangeTotal(level: .country, code: "", name: "all", layer: layer,
                             inRange: Array(repeating: 0, count: weapons.count),
                             populationInRange: Array(repeating: 0, count: weapons.count))
        for row in rows where row.feature.layer == layer { t.add(row) }
        return t
    }

    /// One sentence per weapon variant: "Within ATACMS range (300 km) of the launch area: 12 military
    /// airfields and 9 places of 100,000 or more with 3.1 million people (GeoNames settlement population)."
    public func summarySentences() -> [String] {
        weapons.indices.map { w in
            let weapon = weapons[w]
            let label = weapon.weaponID == "custom" ? "the range" : weapon.weaponID.uppercased() + (weapon.kind == .nominal ? "" : " (\(weapon.kind.rawValue))") + " range"
            var parts = [String]()
            for layer in layers {
                let t = overall(layer)
                let n = t.inRange[w]
                switch layer {
                case .airfields:
                    var noun = filter.militaryOnly ? "military airfield" : "airfield"
                    if !filter.airfieldTypes.isEmpty { noun = filter.airfieldTypes.joined(separator: "/") + " " + noun }
                    parts.append("\(n.formatted(groupingSeparator: ",")) \(noun)\(n == 1 ? "" : "s")")
                case .places:
                    let noun = n == 1 ? "place" : "places"
                    let size = filter.minPopulation.map { " of \($0.formatted(groupingSeparator: ",")) people or more" } ?? ""
                    parts.append("\(n.formatted(groupingSeparator: ",")) \(noun)\(size) with \(Self.people(t.populationInRange[w])) (GeoNames settlement population)")
                }
            }
            let scope = filter.countryCodes.isEmpty && filter.admin1Codes.isEmpty ? ""
                : " in " + (filter.countryCodes + filter.admin1Codes).joined(separator: ", ")
            let range = Self.kilometres(weapon.parameters.rangeMeters)
            return "Within \(label) (\(range)) of the launch area\(scope): " + parts.joined(separator: " and ") + "."
        }
    }

    /// "3.1 million people", "412,300 people".
    public static func people(_ n: Int) -> String {
        if n >= 1_000_000 { return String(format: "%.1f million people", Double(n) / 1e6) }
        return "\(n.formatted(groupingSeparator: ",")) \(n == 1 ? "person" : "people")"
    }

    static func kilometres(_ meters: Double) -> String {
        let km = meters / 1000
        return km == km.rounded() ? "\(Int(km)) km" : String(format: "%.1f km", km)
    }
}

extension InRangeTotal {
    mutating func add(_ row: InRangeRow) {
        listed += 1
        for (w, v) in row.verdicts.enumerated() where v == .inRange {
            inRange[w] += 1
            populationInRange[w] += row.feature.population ?? 0
        }
    }
}

/// Classifies features against a launch area and weapon variants: verdicts from `ReachBatchClassifier`
/// (bracketing envelopes, exact distance only near the range boundary), then the exact distance and nearest
/// launch point from `ReachCalculator` for the rows that are listed.
public struct InRangeSurvey: Sendable {
    public let calculator: ReachCalculator
    public let classifiers: [ReachBatchClassifier]

    /// Builds the bracketing envelopes of every weapon (the part that takes time: a few hundred ms each for
    /// a country). - Throws: envelope construction errors.
    public init(calculator: ReachCalculator) throws {
        self.calculator = calculator
        classifiers = try calculator.weapons.indices.map { try ReachBatchClassifier(calculator: calculator, weaponIndex: $0) }
    }

    /// Verdicts per weapon (outer index) for each feature (inner index), and how many needed an exact distance.
    public func classify(_ features: [InRangeFeature]) throws -> (verdicts: [[ReachVerdict]], exact: Int) {
        let lon = features.map(\.location.longitude), lat = features.map(\.location.latitude)
        var exact = 0
        let verdicts = try classifiers.map { c -> [ReachVerdict] in
            let r = try c.classify(longitudes: lon, latitudes: lat)
            exact += r.statistics.exact
            return r.verdicts
        }
        return (verdicts, exact)
    }

    /// The whole answer.
    /// - Parameters:
    ///   - features: already filtered (`InRangeFilter.features`).
    ///   - inRangeOnly: list only rows in range (or within tolerance) of some weapon variant.
    ///   - regions: names for the totals' countries and units.
    public func report(features: [InRangeFeature], layers: [InRangeLayer], filter: InRangeFilter, inRangeOnly: Bool,
                       regions: RegionCatalog?) throws -> InRangeReport {
        let t0 = DispatchTime.now().uptimeNanoseconds
        let (verdicts, exact) = try classify(features)
        let classifyMilliseconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
        var keep = [Int]()
        for i in features.indices {
            let v = verdicts.map { $0[i] }
            if !inRangeOnly || v.contains(where: { $0 == .inRange || $0 == .withinTolerance }) { keep.append(i) }
        }
        let nearest = try nearestLaunchPoints(keep.map { features[$0].location })
        var rows = [InRangeRow]()
        rows.reserveCapacity(keep.count)
        for (k, i) in keep.enumerated() {
            let r = nearest[k]
            rows.append(InRangeRow(feature: features[i], verdicts: verdicts.map { $0[i] }, distanceMeters: r.distanceMeters,
                                   nearestLaunchPoint: ReachEvaluator.wrapped(r.point),
                                   marginsMeters: calculator.weapons.map { $0.parameters.rangeMeters - r.distanceMeters }))
        }
        rows.sort { a, b in
            a.feature.layer != b.feature.layer
                ? layers.firstIndex(of: a.feature.layer)! < layers.firstIndex(of: b.feature.layer)!
                : (a.distanceMeters, a.feature.id) < (b.distanceMeters, b.feature.id)
        }
        return InRangeReport(weapons: calculator.weapons, layers: layers, filter: filter, inRangeOnly: inRangeOnly, rows: rows,
                             totals: Self.totals(rows, layers: layers, weapons: calculator.weapons.count, regions: regions),
                             classified: features.count, exactForVerdicts: exact, classifyMilliseconds: classifyMilliseconds)
    }

    /// Exact nearest launch point and distance per point, over the calculator's threads and pooled
    /// evaluators. Not `calculator.evaluate`: with a minimum range that also solves the farthest launch point
    /// of every feature, which the verdicts (already known) do not need.
    func nearestLaunchPoints(_ points: [LonLat]) throws -> [NearestLaunchPoint] {
        let slices = ParallelWork.slices(points.count, threads: calculator.threadCount)
        let pool = calculator.evaluators
        let parts = try ParallelWork.map(count: slices.count, workers: calculator.threadCount, makeState: {}) { _, k in
            let evaluator = try pool.checkOut()
            defer { pool.checkIn(evaluator) }
            return slices[k].map { evaluator.nearest(points[$0]) }
        }
        return parts.flatMap { $0 }
    }

    static func totals(_ rows: [InRangeRow], layers: [InRangeLayer], weapons: Int, regions: RegionCatalog?) -> [InRangeTotal] {
        var byKey = [String: InRangeTotal]()
        func key(_ level: InRangeTotal.Level, _ code: String, _ layer: InRangeLayer) -> String { "\(level.rawValue)|\(code)|\(layer.rawValue)" }
        let countryNames = Dictionary((regions?.countries ?? []).filter(\.isMainFeature).map { ($0.countryCode, $0.name) }, uniquingKeysWith: { a, _ in a })
        for row in rows {
            let f = row.feature
            for (level, code, name) in [(InRangeTotal.Level.country, f.countryCode, countryNames[f.countryCode]),
                                        (.admin1, f.admin1Code ?? "", f.admin1Name)] {
                let k = key(level, code, f.layer)
                var t = byKey[k] ?? InRangeTotal(level: level, code: code, name: name, layer: f.layer,
                                                 inRange: Array(repeating: 0, count: weapons),
                                                 populationInRange: Array(repeating: 0, count: weapons))
                if t.name == nil { t.name = name }
                t.add(row)
                byKey[k] = t
            }
        }
        return byKey.values.sorted { a, b in
            (a.level == .country ? 0 : 1, a.code, layers.firstIndex(of: a.layer) ?? 0)
                < (b.level == .country ? 0 : 1, b.code, layers.firstIndex(of: b.layer) ?? 0)
        }
    }
}
