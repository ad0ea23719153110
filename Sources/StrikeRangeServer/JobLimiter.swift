import Foundation

/// Caps the heavy computations running at once and the ones waiting, and gives each a wall-clock limit.
///
/// Work runs on Dispatch's global pool, never on the server's event loop. A job cannot be interrupted (the
/// geometry code has no cancellation points), so when its time is up the client is answered with 503 while
/// the job runs to its end and only then frees its slot: the cap counts what really runs.
public actor JobLimiter {
    public let maxConcurrent: Int
    public let maxQueued: Int
    private var running = 0
    private var waiting: [(id: Int, continuation: CheckedContinuation<Bool, Never>)] = []
    /// Jobs started so far (tests assert on counts, not times).
    public private(set) var started = 0
    /// Most jobs seen running at once.
    public private(set) var peakRunning = 0

    public init(maxConcurrent: Int, maxQueued: Int) {
        precondition(maxConcurrent >= 1 && maxQueued >= 0, "limits are checked by the caller")
        self.maxConcurrent = maxConcurrent; self.maxQueued = maxQueued
    }

    /// Runs `work` off the event loop once a slot is free. The time limit counts from the call, so waiting for
    /// a slot uses it up too: a client is never kept longer than the limit.
    /// - Throws: `APIError` 503 when the queue is full, no slot frees in time, or the time limit passes;
    ///   whatever `work` throws.
    public func run<T: Sendable>(timeLimitSeconds: Double, _ work: @escaping @Sendable () throws -> T) async throws -> T {
        let deadline = DispatchTime.now() + timeLimitSeconds
        try await acquire(deadline: deadline)
        started += 1
        let release: @Sendable () -> Void = { Task { await self.release() } }
        return try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let once = OnceFlag()
            DispatchQueue.global(qos: .userInitiated).async {
                let result = Result { try work() }
                release()
                if once.claim() { continuation.resume(with: result) }
            }
            DispatchQueue.global().asyncAfter(deadline: deadline) {
                if once.claim() {
                    continuation.resume(throwing: APIError(.serviceUnavailable, field: "",
                        "the computation took longer than the server's limit of \(Self.seconds(timeLimitSeconds)) s; "
                        + "ask for less (fewer weapons or regions, a shorter range, a smaller area) or run it with `strikerange run`"))
                }
            }
        }
    }

    private var nextWaiter = 0

    private func acquire(deadline: DispatchTime) async throws {
        if running < maxConcurrent {
            running += 1
            peakRunning = max(peakRunning, running)
            return
        }
        guard waiting.count < maxQueued else {
            throw APIError(.serviceUnavailable, field: "", "the server is busy (\(running) computations running, \(waiting.count) waiting); try again shortly")
        }
        nextWaiter += 1
        let id = nextWaiter
        let granted = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            waiting.append((id, continuation))
            DispatchQueue.global().asyncAfter(deadline: deadline) { Task { await self.expire(id) } }
        }
        guard granted else {
            throw APIError(.serviceUnavailable, field: "", "the server is busy: no computation slot became free within its time limit; try again shortly")
        }
        // The releasing job handed its slot over: `running` was not decremented.
        peakRunning = max(peakRunning, running)
    }

    private func expire(_ id: Int) {
        guard let index = waiting.firstIndex(where: { $0.id == id }) else { return }
        waiting.remove(at: index).continuation.resume(returning: false)
    }

    private func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().continuation.resume(returning: true)
        }
    }

    nonisolated static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

/// True for the first caller of `claim()` only.
final class OnceFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var claimed = false
    func claim() -> Bool {
        lock.lock(); defer { lock.unlock() }
        if claimed { return false }
        claimed = true
        return true
    }
}
