import Foundation

/// Hands out per-thread workers (evaluators, classifiers) that are not `Sendable`: each worker is held
/// by exactly one thread between `checkOut` and `checkIn`, so its GEOS context and PROJ state are never
/// used concurrently. The lock guards the free list only.
final class ReachWorkerPool<Worker>: @unchecked Sendable {
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

/// Runs `count` slices on `threads` threads, collecting each slice's output in slice order; the first error wins.
enum ReachParallel {
    static func map<Output>(slices count: Int, threads: Int,
                            _ body: @escaping @Sendable (Int) throws -> Output) throws -> [Output] {
        let box = SliceResults<Output>(count: count)
        if threads <= 1 || count <= 1 {
            for i in 0..<count { box.set(i, try body(i)) }
        } else {
            // Exactly `threads` plain threads pulling slice numbers (concurrentPerform's width follows the
            // machine, not --threads, which the benchmarks need to pin).
            let next = SliceCounter()
            let done = DispatchGroup()
            for _ in 0..<min(threads, count) {
                done.enter()
                let thread = Thread {
                    while !box.failed, let i = next.take(below: count) {
                        do { box.set(i, try body(i)) } catch { box.fail(error) }
                    }
                    done.leave()
                }
                thread.stackSize = 4 << 20
                thread.start()
            }
            done.wait()
        }
        return try box.values()
    }

    /// Slices of `0..<n` for `threads` workers: a few per thread so uneven slices balance out.
    static func ranges(_ n: Int, threads: Int) -> [Range<Int>] {
        guard n > 0 else { return [] }
        let pieces = threads <= 1 ? 1 : min(n, threads * 4)
        return (0..<pieces).map { k in (n * k / pieces)..<(n * (k + 1) / pieces) }
    }
}

/// Slice outputs written from several threads, each slot once, under a lock.
private final class SliceResults<Output>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Output?]
    private var error: Error?
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    var failed: Bool { lock.withLock { error != nil } }
    func set(_ i: Int, _ v: Output) { lock.withLock { slots[i] = v } }
    func fail(_ e: Error) { lock.withLock { if error == nil { error = e } } }
    func values() throws -> [Output] {
        try lock.withLock {
            if let error { throw error }
            return slots.map { $0! }
        }
    }
}

/// The next slice number to work on, shared by the worker threads.
private final class SliceCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    func take(below count: Int) -> Int? {
        lock.withLock {
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }
}
