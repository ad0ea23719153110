import Geometry

extension RangeFigureBuilder {
    /// Certified envelopes (no sector) for every entry of `parameters`, built once per distinct parameters and
    /// on `workers` threads (default: every core), longest range first (it takes the longest); the result is in input order.
    /// Used where a command writes envelopes next to another result (`coverage --output x.gpkg`).
    /// - Throws: the builder's and certifier's errors.
    public func buildEnvelopes(launch: PreparedLaunch, parameters: [RangeParameters],
                               workers: Int? = nil) throws -> [RangeEnvelope] {
        var distinct = [RangeParameters]()
        let slot: [Int] = parameters.map { p in
            if let i = distinct.firstIndex(of: p) { return i }
            distinct.append(p)
            return distinct.count - 1
        }
        let toBuild = distinct
        let schedule = toBuild.indices.sorted { toBuild[$0].rangeMeters > toBuild[$1].rangeMeters }
        let builder = self
        let built: [RangeEnvelope] = try ParallelWork.map(
            count: toBuild.count, workers: workers ?? ParallelWork.defaultWorkers, makeState: {},
            job: { _, j in try builder.build(launch: launch, sector: nil, parameters: toBuild[schedule[j]]) })
        var inOrder = built
        for (j, i) in schedule.enumerated() { inOrder[i] = built[j] }
        return slot.map { inOrder[$0] }
    }
}
