import Foundation
import GeoJSON
import Hummingbird
import StrikeRange

/// The server's routes: the page and Leaflet, the OpenAPI file, and the JSON API (`openapi.yaml` documents it).
struct APIRoutes: Sendable {
    let options: ServerOptions
    let catalog: DataCatalog
    let assets: WebAssets
    let limiter: JobLimiter
    let computation: ViewComputation
    let basemap: Basemap

    func router() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: JSONErrorMiddleware())
        let routes = self

        router.get("/") { _, _ in try routes.asset("/") }
        router.get("/openapi.yaml") { _, _ in try routes.asset("/openapi.yaml") }
        router.get("/static/:name") { request, context in try routes.asset("/static/" + (context.parameters.get("name") ?? "")) }
        router.get("/leaflet/:name") { _, context in try routes.asset("/leaflet/" + (context.parameters.get("name") ?? "")) }
        router.get("/leaflet/images/:name") { _, context in try routes.asset("/leaflet/images/" + (context.parameters.get("name") ?? "")) }

        router.get("/api/health") { _, _ in
            try routes.json(["status": "ok", "version": Versions.tool, "proj": Versions.proj, "geos": Versions.geos])
        }
        router.get("/api/weapons") { _, _ in
            try await offLoop { try routes.json(["weapons": try routes.catalog.weapons().weapons.map(APIPayloads.weapon)]) }
        }
        router.get("/api/lookup") { request, _ in
            let query = try routes.queryText(request, "q")
            let limit = try routes.queryInt(request, "limit", default: 8, range: 1...50)
            // Suggestions for a miss compare the query with every name (tens of ms): not on the event loop.
            return try await offLoop { try routes.json(try APIPayloads.lookup(query, catalog: routes.catalog, limit: limit)) }
        }
        router.get("/api/basemap/:layer") { request, context in
            let layer = context.parameters.get("layer") ?? ""
            guard let data = try await offLoop({ try routes.basemap.layer(layer) }) else {
                throw APIError(.notFound, field: "layer", "unknown basemap layer '\(layer)'; layers: \(Basemap.layers.joined(separator: ", "))")
            }
            return routes.bytes(data, "application/geo+json", cache: true)
        }

        router.post("/api/envelope") { request, _ in
            try await routes.heavy(request, required: ["launch", "weapons"]) { view in
                let result = try routes.computation.envelopes(view)
                return try routes.jsonData(try APIPayloads.featureCollection(ScenarioLayers.features(for: result)))
            }
        }
        router.post("/api/reach") { request, _ in
            try await routes.heavy(request, required: ["launch", "weapons", "targets"]) { view in
                let (resolved, launch, rows) = try routes.computation.reach(view)
                let tolerance = resolved.scenario.toleranceMeters
                var body: [String: Any] = ["launch": resolved.launchLabel, "rows": rows.map { APIPayloads.reachRow($0, tolerance: tolerance) }]
                if view.reverse {
                    body["reverse"] = try APIPayloads.featureCollection(try routes.computation.reverse(resolved, launch: launch, rows: rows))
                }
                return try routes.jsonData(body)
            }
        }
        router.post("/api/coverage") { request, _ in
            try await routes.heavy(request, required: ["launch", "weapons", "regions"]) { view in
                var tablesOnly = view
                tablesOnly.targets = []
                let result = try routes.computation.full(tablesOnly)
                let layers = ScenarioLayers.features(for: result).filter {
                    let layer = APIPayloads.text($0, "layer")
                    return layer == "coverage" || APIPayloads.text($0, "kind") == "region"
                }
                return try routes.jsonData(["rows": result.coverage.map(APIPayloads.coverageRow),
                                            "layers": try APIPayloads.featureCollection(layers)])
            }
        }
        router.post("/api/layers") { request, _ in
            let format = try routes.queryChoice(request, "format", ["geojson", "kml", "gpkg"], default: "geojson")
            return try await routes.heavy(request, required: ["launch", "weapons"]) { view in
                let result = try routes.computation.full(view)
                let features = ScenarioLayers.features(for: result)
                if format == "gpkg" {
                    return (try Self.geoPackage(features, result: result, title: routes.title(view)), "application/geopackage+sqlite3")
                }
                if format == "kml" {
                    return (Data(KMLWriter.document(title: routes.title(view), features: features).utf8), "application/vnd.google-earth.kml+xml")
                }
                return (Data((GeoJSONWriter().string(FeatureCollection(features: features)) + "\n").utf8), "application/geo+json")
            }
        }
        router.post("/api/inrange") { request, _ in
            // Counts of places and airfields in range of the view's weapons (the `inrange` survey); filters in the query.
            let countries = try routes.queryList(request, "country")
            let minPopulation = request.uri.queryParameters.get("min_population").map { String($0) }
            return try await routes.heavy(request, required: ["launch", "weapons"]) { view in
                (Data(try routes.computation.inRange(view, countries: countries, minPopulation: minPopulation).utf8), "application/json; charset=utf-8")
            }
        }
        router.post("/api/map") { request, _ in
            let format = try routes.queryChoice(request, "format", ["svg", "png"], default: "svg")
            return try await routes.heavy(request, required: ["launch", "weapons"]) { view in
                let result = try routes.computation.full(view)
                let features = ScenarioLayers.features(for: result)
                let subtitle = features.first.flatMap { APIPayloads.text($0, "description") } ?? ""
                let svg = try MapRenderer(title: routes.title(view), subtitle: subtitle).svg(features: features, basemap: try routes.catalog.regions())
                if format == "svg" { return (Data(svg.utf8), "image/svg+xml") }
                return (try Self.png(svg), "image/png")
            }
        }
        router.post("/api/scenario") { request, _ in
            // Checked like every view (names resolve, ranges within limits), then written as the text it was read from.
            try await routes.heavy(request, required: ["launch", "weapons"]) { view in
                _ = try routes.computation.resolver.resolve(view)
                var exported = view
                if exported.title.isEmpty { exported.title = routes.title(view) }
                return (Data(ScenarioText.yaml(exported, header: true).utf8), "application/yaml; charset=utf-8")
            }
        }
        return router
    }

    // MARK: Helpers

    func title(_ view: ViewRequest) -> String {
        view.title.isEmpty ? "StrikeRange view" : view.title
    }

    func asset(_ path: String) throws -> Response {
        guard let asset = assets.files[path] else { throw APIError(.notFound, field: "", "no such file: \(path)") }
        return bytes(asset.bytes, asset.contentType, cache: false)
    }

    func bytes(_ data: Data, _ contentType: String, cache: Bool) -> Response {
        Response(status: .ok, headers: [.contentType: contentType, .cacheControl: cache ? "max-age=3600" : "no-store"],
                 body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    func jsonData(_ object: Any) throws -> (Data, String) {
        (try APIPayloads.json(object), "application/json; charset=utf-8")
    }

    func json(_ object: Any) throws -> Response {
        bytes(try APIPayloads.json(object), "application/json; charset=utf-8", cache: false)
    }

    func queryText(_ request: Request, _ name: String) throws(APIError) -> String {
        guard let value = request.uri.queryParameters.get(name), !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIError.badRequest(name, "required query parameter is missing or empty, e.g. ?\(name)=Bryansk")
        }
        guard value.count <= options.maxTextLength else {
            throw APIError.badRequest(name, "text of \(value.count) characters; at most \(options.maxTextLength)")
        }
        return value
    }

    func queryInt(_ request: Request, _ name: String, default value: Int, range: ClosedRange<Int>) throws(APIError) -> Int {
        guard let text = request.uri.queryParameters.get(name) else { return value }
        guard let n = Int(text), range.contains(n) else {
            throw APIError.badRequest(name, "'\(text)' is not a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return n
    }

    func queryChoice(_ request: Request, _ name: String, _ choices: [String], default value: String) throws(APIError) -> String {
        guard let text = request.uri.queryParameters.get(name) else { return value }
        guard choices.contains(text) else {
            throw APIError.badRequest(name, "unknown \(name) '\(text)'; use one of \(choices.joined(separator: ", "))")
        }
        return text
    }

    /// Reads the body (capped), parses the view, and runs `work` under the job limits.
    func heavy(_ request: Request, required: [String],
               _ work: @escaping @Sendable (ViewRequest) throws -> (Data, String)) async throws -> Response {
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: options.maxBodyBytes)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {  // NIOTooManyBytesError
            throw APIError(.contentTooLarge, field: "", "the body is larger than the server's limit of \(options.maxBodyBytes) bytes; simplify the geometry")
        }
        let view = try ViewRequest(body: Data(buffer: body), options: options, required: required)
        let (data, contentType) = try await limiter.run(timeLimitSeconds: options.timeLimitSeconds) {
            do {
                return try work(view)
            } catch let error as APIError {
                throw error
            } catch let error as ScenarioError {
                throw ViewResolver.apiError(error)
            } catch let error as StrikeRangeError {
                throw APIError.badRequest(Self.field(of: error.message), error.message)
            } catch let error as LookupError {
                throw APIError.badRequest("", error.description)
            }
        }
        return bytes(data, contentType, cache: false)
    }

    /// The request member a library message is about, from its leading "launch area:", "standoff:"…
    static func field(of message: String) -> String {
        let prefixes = [("launch area", "launch"), ("standoff", "standoff"), ("range", "weapons"), ("min-range", "weapons"),
                        ("tolerance", "tolerance"), ("exclude", "exclude")]
        for (prefix, field) in prefixes where message.hasPrefix(prefix + ":") { return field }
        // /api/inrange's filters, named as its query parameters.
        for field in ["country", "min_population"] where message.hasPrefix(field + " '") { return field }
        return ""
    }

    /// Comma-separated values of a query parameter (none when absent).
    func queryList(_ request: Request, _ name: String) throws(APIError) -> [String] {
        guard let text = request.uri.queryParameters.get(name) else { return [] }
        let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if items.count > 50 { throw APIError.badRequest(name, "at most 50 values, \(items.count) given") }
        return items
    }

    /// The layers as a GeoPackage (`GISLayers`: one table per layer, QGIS styles, metadata), written to a
    /// temporary folder that is removed once its bytes are read.
    static func geoPackage(_ features: [Feature], result: ScenarioResult, title: String) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("strikerange-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("layers.gpkg").path
        var sources = [String]()
        for v in result.resolved.variants { for s in v.sources where !sources.contains(s) { sources.append(s) } }
        try GISLayers.write(features, metadata: GISLayers.metadata(
            title: title, launch: result.resolved.launchLabel, toleranceMeters: result.resolved.scenario.toleranceMeters,
            achievedErrorsMeters: result.envelopes.compactMap { $0.1.verification?.achievedErrorMeters }, sources: sources), to: path)
        return try Data(contentsOf: URL(fileURLWithPath: path))
    }

    static func png(_ svg: String) throws -> Data {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("strikerange-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let svgURL = folder.appendingPathComponent("map.svg"), pngURL = folder.appendingPathComponent("map.png")
        try Data(svg.utf8).write(to: svgURL)
        try PNGRasterizer.rasterize(svgPath: svgURL.path, pngPath: pngURL.path)
        return try Data(contentsOf: pngURL)
    }
}

/// Runs light work (catalog lookups, JSON building) on Dispatch's pool, never on the event loop, without the
/// heavy-job cap: these answer in milliseconds and must not wait behind an envelope.
func offLoop<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global(qos: .userInitiated).async { continuation.resume(with: Result { try work() }) }
    }
}

/// Every failure leaves as JSON (`APIError`); anything unexpected is logged on stderr and answered with a
/// plain 500 that names no internals.
struct JSONErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            throw error
        } catch let error as HTTPError {
            let message: String
            switch error.status {
            case .notFound: message = "no such endpoint: \(request.method) \(request.uri.path); see /openapi.yaml"
            case .methodNotAllowed: message = "\(request.method) is not allowed on \(request.uri.path); see /openapi.yaml"
            default: message = error.body ?? error.status.reasonPhrase
            }
            throw APIError(error.status, field: "", message)
        } catch let error as any HTTPResponseError where error.status.code < 500 {
            throw APIError(error.status, field: "", error.status.reasonPhrase)
        } catch {
            FileHandle.standardError.write(Data("serve: internal error on \(request.method) \(request.uri.path): \(String(reflecting: error))\n".utf8))
            throw APIError(.internalServerError, field: "", "internal error; the server's log has the details")
        }
    }
}
