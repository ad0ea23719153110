import Foundation
import StrikeRange

/// Progress of `coverage` on standard error. On a terminal: `\r[####    ] 40/83 regions`, redrawn in place.
/// Anywhere else (a log file, a pipe) a `\r` bar would pile up as one garbled line, so plain lines
/// (`coverage: 40/83 regions`) are written instead, only once the run has taken more than a second and then
/// at most every 5 seconds (so short runs and tests stay quiet). Updated from worker threads.
final class CoverageProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let started = Date()
    private let isTerminal: Bool
    private var shown = false
    private var lastText = ""
    private var lastLine = Date.distantPast
    static let width = 30

    init(isTerminal: Bool = isatty(STDERR_FILENO) != 0) { self.isTerminal = isTerminal }

    func update(_ progress: CoverageProgress) {
        lock.withLock {
            guard isTerminal else {
                let now = Date()
                guard now.timeIntervalSince(started) > 1, now.timeIntervalSince(lastLine) >= 5 else { return }
                lastLine = now
                FileHandle.standardError.write(Data("coverage: \(progress.completed)/\(progress.total) \(progress.phase.rawValue)\n".utf8))
                return
            }
            let filled = progress.total == 0 ? Self.width : Self.width * progress.completed / progress.total
            let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: Self.width - filled)
            let text = "\r[\(bar)] \(progress.completed)/\(progress.total) \(progress.phase.rawValue)"
            guard text != lastText else { return }
            // Blank out what a longer previous line (another phase) leaves behind.
            let padding = String(repeating: " ", count: max(0, lastText.count - text.count))
            lastText = text
            shown = true
            FileHandle.standardError.write(Data((text + padding).utf8))
        }
    }

    /// Ends the line if a bar was drawn.
    func finish() {
        lock.withLock { if shown { FileHandle.standardError.write(Data("\n".utf8)); shown = false } }
    }
}
