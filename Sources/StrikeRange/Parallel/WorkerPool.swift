import Foundation

/// Hands out per-thread workers (evaluators, classifiers) that are not `Sendable`, kept between batches
/// (a distance field for a country takes a few hundred ms to build): each worker is held by exactly one
/// thread between `checkOut` and `checkIn`, so its GEOS context and PROJ state are never used
/// concurrently. The lock guards the free list only. The threads themselves come from `ParallelWork`.
final class WorkerPool<Worker>: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [Worker] = []
    private let make: @Sendable () throws -> Worker

    init(make: @escaping @Sendable () throws -> Worker) { self.make = make }

    func checkOut() throws -> Worker {
        if let w = lock.withLock({ free.popLast() }) { return w }
        return try make()
    }

    func checkIn(_ w: Worker) { lock.withLock { free.append(w) } }
}

extension WorkerPool {
    /// Checks out `count` workers on `count` threads at once (building those the pool lacks in parallel),
    /// then returns them all: the next batch finds one ready per thread.
    func prepare(_ count: Int) throws {
        let built = try ParallelWork.map(count: count, workers: count, makeState: {},
                                         job: { _, _ in CheckedOut(worker: try self.checkOut()) })
        for b in built { checkIn(b.worker) }
    }
}

/// A worker on its way from the thread that checked it out back to the pool; no thread uses it meanwhile.
private struct CheckedOut<Worker>: @unchecked Sendable {
    let worker: Worker
}
