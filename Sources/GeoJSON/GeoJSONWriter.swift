import Geometry

/// Writes RFC 7946 GeoJSON: exterior rings counter-clockwise, holes clockwise, keys sorted,
/// `precision` decimals (default 7), geometry crossing ±180° cut, rings around a pole closed along ±90°.
/// A FeatureCollection is written one feature per line, so diffs of written files are per feature.
public struct GeoJSONWriter: Sendable {
    /// Decimals kept for coordinates and bbox values (0...15; trailing zeros are trimmed).
    public var precision: Int
    /// Whether geometry is cut at ±180° and wound as RFC 7946 wants (the default). Off for geometry whose edges are
    /// meant as great-circle arcs (PostGIS geography, BigQuery), which must cross ±180° and keep its winding.
    public var cutsAtAntimeridian: Bool
    public init(precision: Int = 7, cutsAtAntimeridian: Bool = true) {
        self.precision = precision
        self.cutsAtAntimeridian = cutsAtAntimeridian
    }

    /// Streams a FeatureCollection to `sink` one feature at a time (no whole-document string in memory).
    public func writeFeatureCollection<S: Sequence>(_ features: S, to sink: (String) throws -> Void) rethrows where S.Element == Feature {
        try writeFeatureCollection(features, bbox: nil, to: sink)
    }

    /// As `writeFeatureCollection(_:to:)`, with a collection-level `bbox` (written as given, rounded).
    public func writeFeatureCollection<S: Sequence>(
        _ features: S, bbox: [Double]?, to sink: (String) throws -> Void
    ) rethrows where S.Element == Feature {
        var header = JSONTextOutput()
        header.append("{")
        if let bbox {
            appendBBox(bbox, to: &header)
            header.append(",")
        }
        header.append("\"features\":[")
        try sink(header.text)
        var isFirst = true
        for feature in features {
            var output = JSONTextOutput()
            output.append(isFirst ? "\n" : ",\n")
            appendFeature(feature, to: &output)
            try sink(output.text)
            isFirst = false
        }
        try sink(isFirst ? "],\"type\":\"FeatureCollection\"}" : "\n],\"type\":\"FeatureCollection\"}")
    }

    public func string(_ object: GeoJSONObject) -> String {
        switch object {
        case .geometry(let geometry):
            var output = JSONTextOutput()
            appendGeometry(geometry, to: &output)
            return output.text
        case .feature(let feature):
            var output = JSONTextOutput()
            appendFeature(feature, to: &output)
            return output.text
        case .featureCollection(let collection):
            var text = ""
            writeFeatureCollection(collection.features, bbox: collection.bbox) { text += $0 }
            return text
        }
    }
    public func string(_ feature: Feature) -> String { string(.feature(feature)) }
    public func string(_ collection: FeatureCollection) -> String { string(.featureCollection(collection)) }
    /// A geometry object alone.
    public func string(_ geometry: Geometry) -> String { string(.geometry(geometry)) }

    /// The geometry exactly as it will be written (before rounding): cut at ±180°, RFC 7946 winding.
    public static func normalized(_ geometry: Geometry) -> Geometry {
        orientedForRFC7946(cutAtAntimeridian(geometry))
    }

    // MARK: - Members in sorted key order

    private var decimals: Int { min(max(precision, 0), 15) }

    private func appendFeature(_ feature: Feature, to output: inout JSONTextOutput) {
        output.append("{")
        if let bbox = feature.bbox {
            appendBBox(bbox, to: &output)
            output.append(",")
        }
        output.append("\"geometry\":")
        if let geometry = feature.geometry {
            appendGeometry(geometry, to: &output)
        } else {
            output.append("null")
        }
        if let id = feature.id {
            output.append(",\"id\":")
            switch id {
            case .string(let text): output.appendString(text)
            case .number(let number): output.appendNumber(number)
            }
        }
        output.append(",\"properties\":")
        output.appendValue(feature.properties)
        output.append(",\"type\":\"Feature\"}")
    }

    private func appendBBox(_ bbox: [Double], to output: inout JSONTextOutput) {
        output.append("\"bbox\":[")
        for (index, value) in bbox.enumerated() {
            if index > 0 { output.append(",") }
            output.appendNumber(value, decimals: decimals)
        }
        output.append("]")
    }

    private func appendGeometry(_ geometry: Geometry, to output: inout JSONTextOutput) {
        appendNormalizedGeometry(cutsAtAntimeridian ? Self.normalized(geometry) : geometry, to: &output)
    }

    private func appendNormalizedGeometry(_ geometry: Geometry, to output: inout JSONTextOutput) {
        if case .geometryCollection(let collection) = geometry {
            output.append("{\"geometries\":[")
            for (index, member) in collection.geometries.enumerated() {
                if index > 0 { output.append(",") }
                appendNormalizedGeometry(member, to: &output)
            }
            output.append("],\"type\":\"GeometryCollection\"}")
            return
        }
        output.append("{\"coordinates\":")
        switch geometry {
        case .point(let point):
            if let c = point.coordinate { appendPosition(c, to: &output) } else { output.append("[]") }
        case .lineString(let line): appendPositions(line.coordinates, to: &output)
        case .polygon(let polygon): appendPolygon(polygon, to: &output)
        case .multiPoint(let multi):
            appendList(multi.points, to: &output) { point, output in
                if let c = point.coordinate { appendPosition(c, to: &output) } else { output.append("[]") }
            }
        case .multiLineString(let multi):
            appendList(multi.lineStrings, to: &output) { appendPositions($0.coordinates, to: &$1) }
        case .multiPolygon(let multi):
            appendList(multi.polygons, to: &output) { appendPolygon($0, to: &$1) }
        case .geometryCollection: break
        }
        output.append(",\"type\":\"")
        output.append(geometry.geoJSONTypeName)
        output.append("\"}")
    }

    private func appendPolygon(_ polygon: Polygon, to output: inout JSONTextOutput) {
        if polygon.isEmpty { output.append("[]"); return }
        appendList([polygon.exterior] + polygon.holes, to: &output) { appendPositions($0, to: &$1) }
    }

    private func appendPositions(_ positions: [Coordinate], to output: inout JSONTextOutput) {
        appendList(positions, to: &output) { appendPosition($0, to: &$1) }
    }

    private func appendList<T>(_ items: [T], to output: inout JSONTextOutput, _ body: (T, inout JSONTextOutput) -> Void) {
        output.append("[")
        for (index, item) in items.enumerated() {
            if index > 0 { output.append(",") }
            body(item, &output)
        }
        output.append("]")
    }

    private func appendPosition(_ c: Coordinate, to output: inout JSONTextOutput) {
        output.append("[")
        output.appendNumber(c.x, decimals: decimals)
        output.append(",")
        output.appendNumber(c.y, decimals: decimals)
        if let z = c.z {
            output.append(",")
            output.appendNumber(z, decimals: decimals)
        }
        output.append("]")
    }
}

extension Geometry {
    /// The RFC 7946 `type` member for this geometry.
    public var geoJSONTypeName: StaticString {
        switch self {
        case .point: "Point"
        case .lineString: "LineString"
        case .polygon: "Polygon"
        case .multiPoint: "MultiPoint"
        case .multiLineString: "MultiLineString"
        case .multiPolygon: "MultiPolygon"
        case .geometryCollection: "GeometryCollection"
        }
    }
}
