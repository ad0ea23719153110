#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A stdin line that could not be solved; ArgumentParser prints it as "Error: …" and exits non-zero.
struct GeodesicStreamError: Error, CustomStringConvertible {
    var description: String

    /// A reason without line context, thrown by the per-line body; `GeodesicStream` adds the line.
    static func invalid(_ reason: String) -> GeodesicStreamError { GeodesicStreamError(description: reason) }
}

/// Streams GeodSolve-style cases from stdin to stdout: one line of whitespace-separated decimal numbers in,
/// one line out, in order. Built for throughput (a million lines in about a second): reads stdin in
/// 1 MiB chunks with `read(2)`, parses numbers in place with `strtod`, and writes through one large
/// output buffer; nothing is allocated per line.
enum GeodesicStream {
    static let chunkBytes = 1 << 20

    /// Calls `body` with the `fieldCount` numbers of each line and the output buffer to write its answer to.
    /// - Throws: `GeodesicStreamError` naming the line number and content for a malformed line, a
    ///   non-finite number or anything `body` rejects; output of the lines before it has been written.
    static func run(fieldCount: Int, expecting: String,
                    _ body: (UnsafeMutableBufferPointer<Double>, inout GeodesicOutputBuffer) throws -> Void) throws {
        var capacity = chunkBytes
        // One spare byte so the last line can always be NUL-terminated for strtod.
        var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + 1)
        defer { buffer.deallocate() }
        let fields = UnsafeMutableBufferPointer<Double>.allocate(capacity: fieldCount)
        defer { fields.deallocate() }
        var out = GeodesicOutputBuffer()
        defer { out.flush() }

        var start = 0, end = 0, lineNumber = 0
        func handle(_ line: UnsafeMutablePointer<UInt8>, _ length: Int) throws {
            lineNumber += 1
            var length = length
            if length > 0 && line[length - 1] == UInt8(ascii: "\r") { length -= 1 }
            line[length] = 0  // strtod stops at the NUL, never in the next line
            do {
                try parse(line, length, into: fields, expecting: expecting)
                try body(fields, &out)
            } catch let error as GeodesicStreamError {
                let text = String(decoding: UnsafeBufferPointer(start: line, count: min(length, 200)), as: UTF8.self)
                throw GeodesicStreamError(description: "stdin line \(lineNumber) \"\(text)\": \(error.description)")
            }
        }

        while true {
            while start < end, let newline = memchr(buffer + start, 0x0A, end - start) {
                let lineEnd = UnsafeMutableRawPointer(newline).assumingMemoryBound(to: UInt8.self) - buffer
                try handle(buffer + start, lineEnd - start)
                start = lineEnd + 1
            }
            if start > 0 {
                memmove(buffer, buffer + start, end - start)
                end -= start
                start = 0
            }
            if end == capacity {  // a line longer than the buffer: grow rather than fail
                let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * capacity + 1)
                bigger.update(from: buffer, count: end)
                buffer.deallocate()
                buffer = bigger
                capacity *= 2
            }
            let n = read(0, buffer + end, capacity - end)
            if n < 0 {
                if errno == EINTR { continue }
                throw GeodesicStreamError(description: "cannot read stdin: \(String(cString: strerror(errno)))")
            }
            if n == 0 {
                if end > 0 { try handle(buffer, end) }  // last line without a newline
                return
            }
            end += n
        }
    }

    /// Reads exactly `fields.count` finite numbers from a NUL-terminated line, nothing else but blanks.
    private static func parse(_ line: UnsafeMutablePointer<UInt8>, _ length: Int,
                              into fields: UnsafeMutableBufferPointer<Double>, expecting: String) throws {
        var cursor = UnsafeMutableRawPointer(line).assumingMemoryBound(to: CChar.self)
        var next: UnsafeMutablePointer<CChar>? = nil
        for i in 0..<fields.count {
            let value = strtod(cursor, &next)
            guard let stop = next, stop != cursor else {
                throw GeodesicStreamError.invalid("expected \(fields.count) numbers (\(expecting)), found \(i)")
            }
            guard value.isFinite else { throw GeodesicStreamError.invalid("number \(i + 1) is not finite") }
            fields[i] = value
            cursor = stop
        }
        while cursor.pointee == 0x20 || cursor.pointee == 0x09 { cursor += 1 }
        guard cursor.pointee == 0 else {
            throw GeodesicStreamError.invalid("expected \(fields.count) numbers (\(expecting)), found more or trailing text")
        }
    }
}
