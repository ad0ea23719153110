#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library's `write(2)`, named apart from `TextOutputStream.write(_:)`.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, bytes, count)
    #else
    Darwin.write(fd, bytes, count)
    #endif
}

/// Bytes for stdout, written with `write(2)` in large blocks (256 KiB) instead of one call per line.
struct GeodesicOutputBuffer: TextOutputStream {
    static let flushBytes = 1 << 18
    private var bytes: [UInt8] = []

    init() { bytes.reserveCapacity(Self.flushBytes + 4096) }

    mutating func append(_ byte: UInt8) { bytes.append(byte) }
    mutating func append(_ data: [UInt8]) { bytes.append(contentsOf: data) }
    mutating func append(_ data: UnsafeRawBufferPointer) { bytes.append(contentsOf: data) }

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { bytes.append(contentsOf: $0) }
    }
    /// `Double.write(to:)` hands its digits to this TextOutputStream hook; taking the raw bytes here
    /// avoids building a String per number (which allocates for more than 15 characters).
    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: buffer)
    }

    /// Ends a line; flushes when the block is full.
    mutating func endLine() {
        bytes.append(0x0A)
        if bytes.count >= Self.flushBytes { flush() }
    }

    mutating func flush() {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = systemWrite(1, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return  // stdout closed (e.g. `| head`): nothing useful left to do with the output
                }
                offset += n
            }
        }
        bytes.removeAll(keepingCapacity: true)
    }
}
