import ArgumentParser
import Foundation
import StrikeRange
import StrikeRangeServer

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "The whole tool as an interactive map in the browser: a local web page and a JSON API.",
        discussion: """
            Serves the page (Leaflet from Debian's libjs-leaflet, basemap from the data folder: no network), \
            and the JSON API it uses (documented at /openapi.yaml). Listens on 127.0.0.1 (this machine only) \
            unless --host names another address. Heavy computations run at most --jobs at a time, each with a \
            time limit; request bodies are capped. Stop with Ctrl-C.
            Examples:
              strikerange serve                      # then open http://127.0.0.1:8080/
              strikerange serve --port 0             # a free port, printed on standard error
            """
    )

    @OptionGroup var data: DataOptions
    @Option(help: "Address to listen on (default 127.0.0.1: this machine only; 0.0.0.0 exposes the server to the network).")
    var host = "127.0.0.1"
    @Option(help: "TCP port (0: a free port, printed at start).")
    var port = 8080
    @Option(help: "Heavy computations at once (default: the number of cores).")
    var jobs: Int?
    @Option(name: .customLong("time-limit"), help: ArgumentHelp("Seconds one computation may take before the client gets 503.", valueName: "seconds"))
    var timeLimit: Double = 60
    @Option(name: .customLong("max-body"), help: ArgumentHelp("Largest request body in bytes.", valueName: "bytes"))
    var maxBody = 4 << 20

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be 0 to 65535 (0 picks a free port), not \(port)") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if !(timeLimit.isFinite && timeLimit > 0) { throw ValidationError("--time-limit must be a positive number of seconds") }
        if maxBody < 1024 { throw ValidationError("--max-body must be at least 1024 bytes") }
        if host.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--host must name an address, e.g. 127.0.0.1") }
    }

    func run() throws {
        var options = ServerOptions()
        options.host = host
        options.port = port
        options.dataPath = data.dataDirectory
        options.timeLimitSeconds = timeLimit
        options.maxBodyBytes = maxBody
        if let jobs { options.maxConcurrentJobs = jobs }
        let server = try StrikeRangeServer(options: options)
        let loopback = ["127.0.0.1", "localhost", "::1"].contains(host)
        let finished = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do {
                try await server.run { url in
                    let note = loopback ? "this machine only; --host to listen elsewhere" : "reachable from other machines: there is no authentication"
                    FileHandle.standardError.write(Data("strikerange serve: listening on \(url) (\(note)); Ctrl-C stops\n".utf8))
                }
            } catch {
                failure.error = error
            }
            finished.signal()
        }
        finished.wait()
        if let error = failure.error { throw StrikeRangeError("serve: cannot listen on \(host):\(port): \(error)") }
    }
}

private final class FailureBox: @unchecked Sendable {
    var error: (any Error)?
}
