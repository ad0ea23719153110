import Geometry

/// Second pass of the reader: walks the token tape and builds the GeoJSON model, validating RFC 7946 rules and
/// reporting problems at their JSON path. Members may come in any order; foreign members are ignored.
struct GeoJSONModelBuilder {
    let bytes: [UInt8]
    let tokens: [JSONToken]
    /// Path of the value being built; only rendered when an error is thrown.
    private var path: [JSONPathComponent] = []

    init(bytes: [UInt8], tokens: [JSONToken]) {
        self.bytes = bytes; self.tokens = tokens
    }

    // MARK: - Documents

    mutating func object(at index: Int) throws(GeoJSONError) -> GeoJSONObject {
        let members = try objectMembers(at: index)
        guard let typeIndex = members.type else { throw fail(.missingMember("type")) }
        let type = try typeName(at: typeIndex)
        switch type {
        case "FeatureCollection": return .featureCollection(try featureCollection(at: index))
        case "Feature": return .feature(try feature(at: index))
        default: return .geometry(try geometry(at: index))
        }
    }

    mutating func featureCollection(at index: Int) throws(GeoJSONError) -> FeatureCollection {
        let members = try objectMembers(at: index)
        try expectType(members, "FeatureCollection")
        guard let featuresIndex = members.features else { throw fail(.missingMember("features")) }
        path.append(.key("features"))
        let list = tokens[featuresIndex]
        guard list.kind == .array else { throw fail(.wrongType(expected: "array", found: list.kind.jsonTypeName)) }
        var features: [Feature] = []
        features.reserveCapacity(Int(list.count))
        var element = featuresIndex + 1
        var ordinal = 0
        while element < list.end {
            path.append(.index(ordinal))
            features.append(try feature(at: element))
            path.removeLast()
            element = next(element)
            ordinal += 1
        }
        path.removeLast()
        return FeatureCollection(features: features, bbox: try bbox(members.bbox))
    }

    mutating func feature(at index: Int) throws(GeoJSONError) -> Feature {
        let members = try objectMembers(at: index)
        try expectType(members, "Feature")
        var geometry: Geometry?
        if let geometryIndex = members.geometry, tokens[geometryIndex].kind != .null {
            path.append(.key("geometry"))
            geometry = try self.geometry(at: geometryIndex)
            path.removeLast()
        }
        var properties = JSONValue.null
        if let propertiesIndex = members.properties {
            path.append(.key("properties"))
            let kind = tokens[propertiesIndex].kind
            guard kind == .object || kind == .null else {
                throw fail(.wrongType(expected: "object or null", found: kind.jsonTypeName))
            }
            properties = try value(at: propertiesIndex)
            path.removeLast()
        }
        var id: FeatureID?
        if let idIndex = members.id {
            path.append(.key("id"))
            let token = tokens[idIndex]
            switch token.kind {
            case .string: id = .string(string(token))
            case .number:
                guard token.number.isFinite else { throw fail(.nonFiniteNumber) }
                id = .number(token.number)
            default: throw fail(.wrongType(expected: "string or number", found: token.kind.jsonTypeName))
            }
            path.removeLast()
        }
        return Feature(id: id, geometry: geometry, properties: properties, bbox: try bbox(members.bbox))
    }

    // MARK: - Geometry

    mutating func geometry(at index: Int) throws(GeoJSONError) -> Geometry {
        let members = try objectMembers(at: index)
        guard let typeIndex = members.type else { throw fail(.missingMember("type")) }
        let type = try typeName(at: typeIndex)
        if type == "GeometryCollection" {
            guard let listIndex = members.geometries else { throw fail(.missingMember("geometries")) }
            path.append(.key("geometries"))
            let list = tokens[listIndex]
            guard list.kind == .array else { throw fail(.wrongType(expected: "array", found: list.kind.jsonTypeName)) }
            var geometries: [Geometry] = []
            var element = listIndex + 1
            var ordinal = 0
            while element < list.end {
                path.append(.index(ordinal))
                guard tokens[element].kind == .object else {
                    throw fail(.wrongType(expected: "object", found: tokens[element].kind.jsonTypeName))
                }
                geometries.append(try geometry(at: element))
                path.removeLast()
                element = next(element)
                ordinal += 1
            }
            path.removeLast()
            _ = try bbox(members.bbox)
            return .geometryCollection(GeometryCollection(geometries))
        }
        let depth: Int
        switch type {
        case "Point": depth = 0
        case "LineString", "MultiPoint": depth = 1
        case "Polygon", "MultiLineString": depth = 2
        case "MultiPolygon": depth = 3
        case "Feature", "FeatureCollection":
            path.append(.key("type"))
            throw fail(.wrongType(expected: "a geometry type", found: type))
        default:
            path.append(.key("type"))
            throw fail(.unknownType(type))
        }
        guard let coordinatesIndex = members.coordinates else { throw fail(.missingMember("coordinates")) }
        _ = try bbox(members.bbox)
        path.append(.key("coordinates"))
        defer { path.removeLast() }
        let c = coordinatesIndex
        switch depth {
        case 0:
            // `[]` is read as the empty point (RFC 7946 has no empty point; GDAL writes it this way).
            if tokens[c].kind == .array && tokens[c].count == 0 { return .point(Point(nil)) }
            do { return .point(Point(try position(at: c))) } catch { throw fail(error.problem, suffix: error.path) }
        case 1:
            let positions = try positionList(at: c)
            return type == "LineString" ? .lineString(LineString(positions)) : .multiPoint(MultiPoint(positions.map { Point($0) }))
        case 2:
            if type == "Polygon" { return .polygon(try polygon(at: c)) }
            var lines: [LineString] = []
            try forEachElement(of: c) { (builder, element) throws(GeoJSONError) in
                lines.append(LineString(try builder.positionList(at: element)))
            }
            return .multiLineString(MultiLineString(lines))
        default:
            var polygons: [Polygon] = []
            try forEachElement(of: c) { (builder, element) throws(GeoJSONError) in
                polygons.append(try builder.polygon(at: element))
            }
            return .multiPolygon(MultiPolygon(polygons))
        }
    }

    private mutating func polygon(at index: Int) throws(GeoJSONError) -> Polygon {
        var rings: [[Coordinate]] = []
        try forEachElement(of: index) { (builder, element) throws(GeoJSONError) in
            let ring = try builder.positionList(at: element)
            guard ring.count >= 4 else { throw builder.fail(.tooFewRingPositions(ring.count)) }
            let first = ring[0], last = ring[ring.count - 1]
            guard first.x == last.x && first.y == last.y && first.z == last.z else { throw builder.fail(.unclosedRing) }
            rings.append(ring)
        }
        guard let exterior = rings.first else { return Polygon(exterior: []) }
        return Polygon(exterior: exterior, holes: Array(rings.dropFirst()))
    }

    /// Calls `body` for each element of the array at `index`, with the element's index on the path.
    private mutating func forEachElement(
        of index: Int, _ body: (inout GeoJSONModelBuilder, Int) throws(GeoJSONError) -> Void
    ) throws(GeoJSONError) {
        let list = tokens[index]
        guard list.kind == .array else { throw fail(.wrongType(expected: "array", found: list.kind.jsonTypeName)) }
        var element = index + 1
        var ordinal = 0
        while element < list.end {
            path.append(.index(ordinal))
            try body(&self, element)
            path.removeLast()
            element = next(element)
            ordinal += 1
        }
    }

    private mutating func positionList(at index: Int) throws(GeoJSONError) -> [Coordinate] {
        let list = tokens[index]
        guard list.kind == .array else { throw fail(.wrongType(expected: "array", found: list.kind.jsonTypeName)) }
        var positions: [Coordinate] = []
        positions.reserveCapacity(Int(list.count))
        var element = index + 1
        var ordinal = 0
        while element < list.end {
            // The hot loop: the path is only extended when something is wrong.
            let coordinate: Coordinate
            do { coordinate = try position(at: element) } catch {
                path.append(.index(ordinal))
                throw fail(error.problem, suffix: error.path)
            }
            positions.append(coordinate)
            element = next(element)
            ordinal += 1
        }
        return positions
    }

    /// A position: 2 or 3 finite numbers, longitude in [-180, 180], latitude in [-90, 90].
    /// Errors carry only the relative suffix (`[k]`) as path; callers prepend their own path.
    private func position(at index: Int) throws(GeoJSONError) -> Coordinate {
        let list = tokens[index]
        guard list.kind == .array else {
            throw GeoJSONError(.wrongType(expected: "array (position)", found: list.kind.jsonTypeName), path: "")
        }
        let count = Int(list.count)
        guard count == 2 || count == 3 else { throw GeoJSONError(.badPositionLength(count), path: "") }
        var values = (0.0, 0.0, 0.0)
        for offset in 0..<count {
            let token = tokens[index + 1 + offset]
            guard token.kind == .number else {
                throw GeoJSONError(.wrongType(expected: "number", found: token.kind.jsonTypeName), path: "[\(offset)]")
            }
            guard token.number.isFinite else { throw GeoJSONError(.nonFiniteNumber, path: "[\(offset)]") }
            switch offset {
            case 0: values.0 = token.number
            case 1: values.1 = token.number
            default: values.2 = token.number
            }
        }
        guard values.0 >= -180 && values.0 <= 180 else { throw GeoJSONError(.longitudeOutOfRange(values.0), path: "[0]") }
        guard values.1 >= -90 && values.1 <= 90 else { throw GeoJSONError(.latitudeOutOfRange(values.1), path: "[1]") }
        return Coordinate(x: values.0, y: values.1, z: count == 3 ? values.2 : nil)
    }

    private mutating func bbox(_ index: Int?) throws(GeoJSONError) -> [Double]? {
        guard let index else { return nil }
        path.append(.key("bbox"))
        defer { path.removeLast() }
        let list = tokens[index]
        guard list.kind == .array else { throw fail(.wrongType(expected: "array", found: list.kind.jsonTypeName)) }
        guard list.count == 4 || list.count == 6 else {
            throw fail(.wrongType(expected: "array of 4 or 6 numbers", found: "array of \(list.count) elements"))
        }
        var values: [Double] = []
        for offset in 0..<Int(list.count) {
            let token = tokens[index + 1 + offset]
            path.append(.index(offset))
            guard token.kind == .number else { throw fail(.wrongType(expected: "number", found: token.kind.jsonTypeName)) }
            guard token.number.isFinite else { throw fail(.nonFiniteNumber) }
            path.removeLast()
            values.append(token.number)
        }
        return values
    }

    // MARK: - Generic JSON

    /// Any JSON value; non-finite numbers are rejected because they cannot be written back as JSON.
    mutating func value(at index: Int) throws(GeoJSONError) -> JSONValue {
        let token = tokens[index]
        switch token.kind {
        case .null: return .null
        case .trueValue: return .bool(true)
        case .falseValue: return .bool(false)
        case .number:
            guard token.number.isFinite else { throw fail(.nonFiniteNumber) }
            return .number(token.number)
        case .string, .key: return .string(string(token))
        case .array:
            var elements: [JSONValue] = []
            elements.reserveCapacity(Int(token.count))
            var element = index + 1
            var ordinal = 0
            while element < token.end {
                path.append(.index(ordinal))
                elements.append(try value(at: element))
                path.removeLast()
                element = next(element)
                ordinal += 1
            }
            return .array(elements)
        case .object:
            var members: [String: JSONValue] = [:]
            members.reserveCapacity(Int(token.count))
            var key = index + 1
            while key < token.end {
                let name = string(tokens[key])
                path.append(.key(name))
                members[name] = try value(at: key + 1)
                path.removeLast()
                key = next(key + 1)
            }
            return .object(members)
        }
    }

    // MARK: - Helpers

    struct Members {
        var type: Int?, coordinates: Int?, geometries: Int?, features: Int?
        var geometry: Int?, properties: Int?, id: Int?, bbox: Int?
    }

    /// Indices of the GeoJSON members of the object at `index` (last occurrence wins); others are ignored.
    private func objectMembers(at index: Int) throws(GeoJSONError) -> Members {
        let object = tokens[index]
        guard object.kind == .object else { throw fail(.wrongType(expected: "object", found: object.kind.jsonTypeName)) }
        var members = Members()
        var key = index + 1
        while key < object.end {
            let token = tokens[key]
            let valueIndex = key + 1
            switch token.end - token.start {
            case 2 where jsonStringEquals(bytes, token, "id"): members.id = valueIndex
            case 4 where jsonStringEquals(bytes, token, "type"): members.type = valueIndex
            case 4 where jsonStringEquals(bytes, token, "bbox"): members.bbox = valueIndex
            case 8 where jsonStringEquals(bytes, token, "features"): members.features = valueIndex
            case 8 where jsonStringEquals(bytes, token, "geometry"): members.geometry = valueIndex
            case 10 where jsonStringEquals(bytes, token, "properties"): members.properties = valueIndex
            case 10 where jsonStringEquals(bytes, token, "geometries"): members.geometries = valueIndex
            case 11 where jsonStringEquals(bytes, token, "coordinates"): members.coordinates = valueIndex
            default:
                if token.escaped {
                    // Escaped keys have a different byte length; compare decoded text.
                    switch string(token) {
                    case "id": members.id = valueIndex
                    case "type": members.type = valueIndex
                    case "bbox": members.bbox = valueIndex
                    case "features": members.features = valueIndex
                    case "geometry": members.geometry = valueIndex
                    case "properties": members.properties = valueIndex
                    case "geometries": members.geometries = valueIndex
                    case "coordinates": members.coordinates = valueIndex
                    default: break
                    }
                }
            }
            key = next(valueIndex)
        }
        return members
    }

    private mutating func typeName(at index: Int) throws(GeoJSONError) -> String {
        let token = tokens[index]
        guard token.kind == .string else {
            path.append(.key("type"))
            throw fail(.wrongType(expected: "string", found: token.kind.jsonTypeName))
        }
        return string(token)
    }

    private mutating func expectType(_ members: Members, _ expected: String) throws(GeoJSONError) {
        guard let typeIndex = members.type else { throw fail(.missingMember("type")) }
        let type = try typeName(at: typeIndex)
        guard type == expected else {
            path.append(.key("type"))
            let known = ["Feature", "FeatureCollection", "GeometryCollection", "Point", "LineString", "Polygon",
                         "MultiPoint", "MultiLineString", "MultiPolygon"]
            throw fail(known.contains(type) ? .wrongType(expected: expected, found: type) : .unknownType(type))
        }
    }

    @inline(__always)
    private func next(_ index: Int) -> Int {
        let kind = tokens[index].kind
        return kind == .object || kind == .array ? tokens[index].end : index + 1
    }

    private func string(_ token: JSONToken) -> String {
        decodeJSONString(bytes, from: token.start, to: token.end, escaped: token.escaped)
    }

    func fail(_ problem: GeoJSONError.Problem, suffix: String = "") -> GeoJSONError {
        GeoJSONError(problem, path: path.rendered + suffix)
    }
}
