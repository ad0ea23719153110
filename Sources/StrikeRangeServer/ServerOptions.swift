import Foundation

/// Where `strikerange serve` listens and the limits that keep one request from starving the others.
public struct ServerOptions: Sendable {
    /// Address to bind; loopback unless the user names another host explicitly.
    public var host = "127.0.0.1"
    /// TCP port; 0 asks the system for a free one (tests), and the port taken is printed.
    public var port = 8080
    /// The `--data DIR` value, if given (else `DataDirectory.locate`'s search).
    public var dataPath: String?
    /// Largest request body accepted, bytes (a drawn or uploaded polygon fits easily).
    public var maxBodyBytes = 4 << 20
    /// Wall-clock limit of one computation, seconds; past it the client gets 503 (the job finishes in the
    /// background and keeps its slot until then, so the cap on heavy jobs stays true).
    public var timeLimitSeconds = 60.0
    /// Heavy jobs (envelopes, coverage, reach, maps) running at once.
    public var maxConcurrentJobs = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Heavy jobs waiting for a slot; beyond it a request gets 503 at once.
    public var maxQueuedJobs = 32
    /// Positions in all inline GeoJSON of one request.
    public var maxPositions = 50_000
    /// Longest range accepted, metres: a little over half a meridian (beyond it every range is the whole globe).
    public var maxRangeMeters = 20_004_000.0
    /// Longest range accepted from a line or area launch, metres: beyond a few thousand km such envelopes take
    /// minutes (README "Limits", issue 15); `strikerange run` has no such limit.
    public var maxAreaRangeMeters = 3_000_000.0
    /// Entries per list (launch, exclude, weapons, regions, targets).
    public var maxListEntries = 200
    /// Length of one specifier or name, characters.
    public var maxTextLength = 500

    public init() {}
}
