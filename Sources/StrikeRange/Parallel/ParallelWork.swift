import Foundation

/// The one parallel map (issue 14: `ParallelWork` and `ReachParallel` did the same two ways): runs `count`
/// jobs on exactly `workers` threads, each worker with its own state (GEOS engines and distance fields are
/// not Sendable: one per thread). Jobs are handed out in order from a shared counter; each result lands in
/// its job's slot, so the output order is the input order whatever the scheduling. The first error stops
/// the hand-out and is rethrown.
///
/// Plain threads, not `concurrentPerform`, whose width follows the machine: `reach --threads` and the
/// benchmarks pin the thread count. One worker (or one job) runs on the calling thread.
enum ParallelWork {
    /// Stack of each worker thread: deep GEOS overlays of country-sized areas need more than a secondary
    /// thread's default (512 KiB on macOS).
    static let threadStackBytes = 8 << 20

    static func map<State, Result: Sendable>(
        count: Int, workers: Int,
        makeState: @Sendable () throws -> State,
        job: @Sendable (inout State, Int) throws -> Result,
        completed: (@Sendable (Int) -> Void)? = nil
    ) throws -> [Result] {
        let box = Slots<Result>(count: count)
        let threads = max(1, min(workers, count))
        // The threads all finish before `map` returns (`done.wait()`), so the closures do not really escape.
        withoutActuallyEscaping(makeState) { makeState in
            withoutActuallyEscaping(job) { job in
                // One worker: its own state, then jobs until none is left or one failed.
                let work: @Sendable () -> Void = {
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
                guard threads > 1 else { return work() }
                // A Thread keeps its block a moment after it ran; it holds the box, and the box lets go of
                // the closures before `withoutActuallyEscaping` checks that they did not escape.
                let handoff = WorkHandoff(work)
                let done = DispatchGroup()
                for _ in 0..<threads {
                    done.enter()
                    let thread = Thread {
                        handoff.work?()
                        done.leave()
                    }
                    thread.stackSize = threadStackBytes
                    thread.start()
                }
                done.wait()
                handoff.work = nil
            }
        }
        return try box.results()
    }

    /// Worker count for this machine: every active core.
    static var defaultWorkers: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Slices of `0..<n` for `threads` workers: a few per thread so uneven slices balance out.
    static func slices(_ n: Int, threads: Int) -> [Range<Int>] {
        guard n > 0 else { return [] }
        let pieces = threads <= 1 ? 1 : min(n, threads * 4)
        return (0..<pieces).map { k in (n * k / pieces)..<(n * (k + 1) / pieces) }
    }
}

/// The worker closure as the threads see it; cleared (after every thread ran it) by the thread that waits.
private final class WorkHandoff: @unchecked Sendable {
    var work: (@Sendable () -> Void)?
    init(_ work: @escaping @Sendable () -> Void) { self.work = work }
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
