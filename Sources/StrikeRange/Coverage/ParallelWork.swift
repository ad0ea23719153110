import Foundation

/// Runs `count` jobs on `workers` threads, each worker with its own state (GEOS engines and distance fields
/// are not Sendable: one per thread). Jobs are handed out in order from a shared counter; each result lands
/// in its job's slot, so the output order is the input order whatever the scheduling. The first error stops
/// the hand-out and is rethrown.
enum ParallelWork {
    static func map<State, Result: Sendable>(
        count: Int, workers: Int,
        makeState: @Sendable () throws -> State,
        job: @Sendable (inout State, Int) throws -> Result,
        completed: (@Sendable (Int) -> Void)? = nil
    ) throws -> [Result] {
        let box = Slots<Result>(count: count)
        let threads = max(1, min(workers, count))
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            do {
                var state = try makeState()
                while let i = box.next() {
                    let result = try job(&state, i)
                    let done = box.store(result, at: i)
                    completed?(done)
                }
            } catch {
                box.fail(error)
            }
        }
        return try box.results()
    }

    /// Worker count for this machine: every active core.
    static var defaultWorkers: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

/// The shared counter, result slots and first error, behind one lock.
private final class Slots<Result: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Result?]
    private var nextIndex = 0
    private var doneCount = 0
    private var error: (any Error)?

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func next() -> Int? {
        lock.withLock {
            guard error == nil, nextIndex < values.count else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }

    func store(_ value: Result, at i: Int) -> Int {
        lock.withLock { values[i] = value; doneCount += 1; return doneCount }
    }

    func fail(_ e: any Error) { lock.withLock { if error == nil { error = e } } }

    func results() throws -> [Result] {
        try lock.withLock {
            if let error { throw error }
            return values.map { $0! }
        }
    }
}
