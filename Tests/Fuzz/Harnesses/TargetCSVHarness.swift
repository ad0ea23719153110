import Foundation
import Geometry
import StrikeRange

/// The targets CSV reader, strict and with `skipInvalid`: targets with finite, in-range coordinates, or a
/// `StrikeRangeError` (never a file-handle or other untyped error for a readable file).
/// The reader takes a path (it streams), so each input is written to one scratch file per process first.
let targetCSVHarness = FuzzHarness(name: "csv", maximumLengthBytes: 4096) { bytes in
    let path = csvScratchPath
    guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
        fatalError("csv harness: cannot write the scratch file \(path)")
    }
    for skipInvalid in [false, true] {
        do {
            let reader = try TargetCSVReader(path: path, skipInvalid: skipInvalid)
            // Small chunks so that chunk boundaries are exercised too.
            while let chunk = try reader.nextChunk(maxRows: 3) {
                for target in chunk {
                    guard case .point(let point) = target.geometry, let c = point.coordinate,
                          (-90...90).contains(c.y), (-180...180).contains(c.x) else {
                        contractViolation("csv", "accepted a target that is not a point in range: \(target.geometry)")
                    }
                    guard target.passthrough.count == reader.passthroughColumns.count else {
                        contractViolation("csv", "\(target.passthrough.count) passed-through values for \(reader.passthroughColumns.count) columns")
                    }
                }
            }
            if !skipInvalid, !reader.skipped.isEmpty { contractViolation("csv", "rows skipped without skipInvalid") }
        } catch let error as StrikeRangeError {
            guard error.message.contains(path) else { contractViolation("csv", "error does not name the file: \(error)") }
        } catch {
            contractViolation("csv", "untyped error \(type(of: error)): \(error)")
        }
    }
}

private let csvScratchPath: String = {
    let directory = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
    return "\(directory)/strikerange-fuzz-\(ProcessInfo.processInfo.processIdentifier).csv"
}()
