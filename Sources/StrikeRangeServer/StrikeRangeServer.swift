import Foundation
import Hummingbird
import Logging
import StrikeRange

/// `strikerange serve`: the page and the JSON API on one HTTP server.
public struct StrikeRangeServer: Sendable {
    public let options: ServerOptions
    let routes: APIRoutes

    /// Loads the data catalog and the page's files, so a missing Leaflet or data folder fails here, before binding.
    /// - Throws: `DataError` or `StrikeRangeError` naming what is missing and how to fix it.
    public init(options: ServerOptions) throws {
        guard (0...65535).contains(options.port) else {
            throw StrikeRangeError("serve: --port \(options.port) is not a TCP port (0 to 65535; 0 picks a free one)")
        }
        self.options = options
        let catalog = try DataCatalog(explicitPath: options.dataPath)
        // Loaded now so the first request does not wait and bad data fails at start.
        _ = try catalog.weapons(); _ = try catalog.regions(); _ = try catalog.places(); _ = try catalog.borders()
        routes = APIRoutes(options: options, catalog: catalog, assets: try WebAssets.load(),
                           limiter: JobLimiter(maxConcurrent: options.maxConcurrentJobs, maxQueued: options.maxQueuedJobs),
                           computation: ViewComputation(resolver: ViewResolver(catalog: catalog, options: options)),
                           basemap: Basemap(catalog: catalog))
    }

    /// Serves until SIGINT or SIGTERM. `announce` gets the URL once the socket is bound.
    public func run(announce: @escaping @Sendable (String) -> Void) async throws {
        var logger = Logger(label: "strikerange-serve")
        logger.logLevel = .warning
        let host = options.host
        let app = Application(
            router: routes.router(),
            configuration: .init(address: .hostname(host, port: options.port), serverName: "strikerange/\(Versions.tool)"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                let shown = host.contains(":") ? "[\(host)]" : host
                announce("http://\(shown):\(port)/")
            },
            logger: logger)
        try await app.runService()
    }
}
