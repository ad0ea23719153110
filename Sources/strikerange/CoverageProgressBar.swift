import Foundation
import StrikeRange

/// `\r[####    ] 40/83 regions` on standard error: shown at once on a terminal, otherwise only once the
/// run has taken more than a second (so short runs and tests stay quiet). Updated from worker threads.
final class CoverageProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let started = Date()
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private var shown = false
    private var lastText = ""
    static let width = 30

    func update(_ progress: CoverageProgress) {
        lock.withLock {
            guard isTerminal || Date().timeIntervalSince(started) > 1 else { return }
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
