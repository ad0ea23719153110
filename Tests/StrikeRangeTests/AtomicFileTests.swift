import Foundation
import Testing
@testable import StrikeRange

/// Issue 14: one temporary-and-rename writer.
struct AtomicFileTests {
    @Test func pendingCommitsOrLeavesTheTargetAlone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("out.fgb").path
        try AtomicFile.write("old", to: target)

        let dropped = try AtomicFile.Pending(path: target, keepingExtension: "fgb")
        #expect(dropped.temporaryPath.hasSuffix(".fgb") && dropped.temporaryPath != target)
        try "half".write(toFile: dropped.temporaryPath, atomically: false, encoding: .utf8)
        dropped.abandon()
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old")

        let kept = try AtomicFile.Pending(path: target)
        try "new".write(toFile: kept.temporaryPath, atomically: false, encoding: .utf8)
        try kept.commit()
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
        // Nothing but the target is left in the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.fgb"])

        #expect { _ = try AtomicFile.Pending(path: folder.appendingPathComponent("no/such/x.csv").path) } throws: {
            "\($0)".contains("does not exist")
        }
    }
}
