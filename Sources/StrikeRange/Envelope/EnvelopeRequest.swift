import Geodesy
import Geometry
import GeoJSON

/// One envelope to compute: a launch geometry already shaped, a range and where the range comes from.
public struct EnvelopeRequest: Sendable {
    public var launch: Geometry
    /// What the launch specifiers resolved to, for the output's `launch` property.
    public var launchLabel: String
    /// Weapon id, or "custom" for a hand-given range.
    public var weapon: String
    /// "nominal", "low" or "high" for catalog spreads, "custom" otherwise.
    public var variant: String
    public var parameters: RangeParameters
    public var sources: [String]
    public init(launch: Geometry, launchLabel: String, weapon: String, variant: String,
                parameters: RangeParameters, sources: [String]) {
        self.launch = launch; self.launchLabel = launchLabel; self.weapon = weapon
        self.variant = variant; self.parameters = parameters; self.sources = sources
    }
}

/// Launch-area shaping: exclusions and a geodesic standoff.
public struct LaunchShaping: Sendable {
    public var exclusions: [Geometry] = []
    public var standoffMeters: Double?
    /// Lines or areas to keep away from; nil means the launch area's own boundary.
    public var standoffFrom: [Geometry]?
    public var makeValid = false
    /// How messages name the settings: command-line options or scenario keys.
    public var terms = Terms.commandLine
    public init(exclusions: [Geometry] = [], standoffMeters: Double? = nil, standoffFrom: [Geometry]? = nil, makeValid: Bool = false,
                terms: Terms = .commandLine) {
        self.exclusions = exclusions; self.standoffMeters = standoffMeters; self.standoffFrom = standoffFrom; self.makeValid = makeValid
        self.terms = terms
    }

    /// The names of the shaping settings where the user wrote them, so a scenario's messages say
    /// `make_valid: true`, not `--make-valid`.
    public struct Terms: Sendable {
        public var makeValid: String, exclude: String, standoff: String, standoffFrom: String
        public static let commandLine = Terms(makeValid: "pass --make-valid", exclude: "--exclude", standoff: "--standoff", standoffFrom: "--standoff-from")
        public static let scenario = Terms(makeValid: "set make_valid: true in the scenario", exclude: "exclude", standoff: "standoff", standoffFrom: "standoff_from")
    }

    /// The launch area with invalid polygons reported (or repaired when asked), exclusions removed, and
    /// points closer than the standoff to the standoff geometry removed (the standoff zone is itself a
    /// geodesic envelope, at a tenth of the standoff's tolerance budget).
    /// - Throws: `StrikeRangeError` naming the problem: invalid geometry (GEOS's reason), nothing left.
    public func apply(to launch: Geometry, toleranceMeters: Double, builder: EnvelopeBuilder = EnvelopeBuilder()) throws -> Geometry {
        let engine = GeometryEngine()
        // Said here, before exclusions, so an empty input is not reported as "nothing left after --exclude".
        if try engine.isEmpty(launch) {
            throw StrikeRangeError("launch area: the launch geometry is empty; give a point, line or polygon with coordinates")
        }
        var area = launch
        let validity = try engine.validity(area)
        if !validity.isValid {
            let reason = validity.reason ?? "invalid"
            let place = validity.location.map { " at \($0.x), \($0.y)" } ?? ""
            guard makeValid else {
                throw StrikeRangeError("launch area: invalid geometry: \(reason)\(place); fix the input or \(terms.makeValid) to repair it")
            }
            area = try engine.makeValid(area)
        }
        for exclusion in exclusions {
            area = try engine.robustDifference(area, exclusion)
        }
        if let standoff = standoffMeters, standoff > 0 {
            let from = try standoffFrom ?? [ownBoundary(of: area, engine: engine, terms: terms)]
            let parameters = try RangeParameters(rangeMeters: standoff, toleranceMeters: max(0.001, toleranceMeters / 10), placement: .outer)
            for g in from {
                let zone = try builder.build(launch: g, parameters: parameters)
                area = try engine.robustDifference(area, .multiPolygon(zone.geometry))
            }
        }
        if try engine.isEmpty(area) {
            throw StrikeRangeError("launch area: nothing is left after the exclusions and standoff; check \(terms.exclude) and \(terms.standoff)")
        }
        return area
    }

    /// The boundary a standoff without `standoffFrom` keeps away from: that of the union of the area's
    /// polygons, so the edges between adjacent parts (oblasts given one by one, a country's pieces cut at
    /// ±180°) are not boundaries, and a collection of several specifiers works (GEOS has no boundary for a
    /// GeometryCollection).
    /// - Throws: `StrikeRangeError` when the area has no polygon, hence no inside to keep.
    func ownBoundary(of area: Geometry, engine: GeometryEngine, terms: Terms) throws -> Geometry {
        let polygons = area.polygons
        guard !polygons.isEmpty else {
            throw StrikeRangeError("\(terms.standoff): the launch area has no polygon, so there is no inside to keep away from its boundary; give the lines or areas to keep away from with \(terms.standoffFrom), e.g. border:UA-RU")
        }
        return try engine.boundary(engine.robustUnaryUnion(polygons.map(Geometry.polygon)))
    }
}

extension RangeEnvelope {
    /// The envelope as a GeoJSON feature with its provenance and accuracy in `properties`.
    public func feature(for request: EnvelopeRequest) -> Feature {
        var properties: [String: JSONValue] = [
            "weapon": .string(request.weapon),
            "variant": .string(request.variant),
            "range_m": .number(parameters.rangeMeters),
            "min_range_m": parameters.minRangeMeters.map(JSONValue.number) ?? .null,
            "tolerance_m": .number(parameters.toleranceMeters),
            "placement": .string(parameters.placement.rawValue),
            "vertex_count": .number(Double(vertexCount)),
            "area_km2": .number((areaSquareMeters / 1e6 * 10).rounded() / 10),
            "launch": .string(request.launchLabel),
            "sources": .array(request.sources.map(JSONValue.string)),
            "ellipsoid": .string(ellipsoid.name),
            "tool_version": .string(Versions.tool),
            "proj_version": .string(Versions.proj),
            "geos_version": .string(Versions.geos),
        ]
        if let v = verification {
            properties["achieved_error_m"] = .number((v.achievedErrorMeters * 1000).rounded() / 1000)
            properties["verified_samples"] = .number(Double(v.sampleCount))
            properties["verification_passed"] = .bool(v.passed)
        } else {
            properties["achieved_error_m"] = .null
        }
        if edges == .geodesic { properties["edges"] = .string(edges.rawValue) }
        return Feature(geometry: .multiPolygon(geometry), properties: .object(properties))
    }
}
