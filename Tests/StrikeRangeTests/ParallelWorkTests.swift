import Foundation
import Testing
@testable import StrikeRange

/// Issue 14: one parallel map for coverage, reach, in-range and the envelope batch.
struct ParallelWorkTests {
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value = 0
        func add() { lock.withLock { value += 1 } }
        var count: Int { lock.withLock { value } }
    }

    @Test func keepsInputOrderAndMakesOneStatePerWorker() throws {
        for workers in [1, 2, 3, 8] {
            let states = Counter()
            let out = try ParallelWork.map(count: 200, workers: workers, makeState: { states.add(); return 0 },
                                           job: { calls, i in calls += 1; return i * i })
            #expect(out == (0..<200).map { $0 * $0 })
            #expect(states.count >= 1 && states.count <= workers, "\(workers) workers, \(states.count) states")
        }
        #expect(try ParallelWork.map(count: 0, workers: 4, makeState: {}, job: { _, i in i }).isEmpty)
    }

    struct Stop: Error, Equatable { var index: Int }

    /// The first error is rethrown and stops the hand-out: with one worker, no job after the failing one runs.
    @Test func firstErrorStopsTheHandOut() {
        let ran = Counter()
        #expect(throws: Stop(index: 5)) {
            _ = try ParallelWork.map(count: 100, workers: 1, makeState: {}, job: { _, i in
                ran.add()
                if i == 5 { throw Stop(index: 5) }
                return i
            })
        }
        #expect(ran.count == 6)
    }

    @Test func slicesCoverEveryIndexOnce() {
        for (n, threads) in [(0, 4), (1, 4), (7, 1), (100, 3), (5, 8)] {
            let slices = ParallelWork.slices(n, threads: threads)
            #expect(slices.flatMap { Array($0) } == Array(0..<n), "\(n) \(threads)")
        }
    }
}
