/// How one answer line of `geodesic inverse|direct` is printed: three numbers, space-separated or as a JSON
/// object, in full precision (shortest round-trip form, like Swift's `description`) or with fixed decimals.
struct GeodesicLineFormat {
    let decimals: Int?
    let json: Bool
    /// JSON only: `{"name1":`, `,"name2":`, `,"name3":` as bytes.
    private let jsonPrefixes: [[UInt8]]

    init(fieldNames: [String], decimals: Int?, json: Bool) {
        precondition(fieldNames.count == 3, "a geodesic answer has three fields")
        self.decimals = decimals
        self.json = json
        jsonPrefixes = fieldNames.enumerated().map { i, name in Array(((i == 0 ? "{" : ",") + "\"\(name)\":").utf8) }
    }

    func write(_ a: Double, _ b: Double, _ c: Double, to out: inout GeodesicOutputBuffer) {
        if json {
            out.append(jsonPrefixes[0]); number(a, to: &out)
            out.append(jsonPrefixes[1]); number(b, to: &out)
            out.append(jsonPrefixes[2]); number(c, to: &out)
            out.append(UInt8(ascii: "}"))
        } else {
            number(a, to: &out); out.append(0x20)
            number(b, to: &out); out.append(0x20)
            number(c, to: &out)
        }
        out.endLine()
    }

    private static let powersOfTen: [Double] = (0...17).map { (0..<$0).reduce(1.0) { r, _ in r * 10 } }
    private static let integerPowersOfTen: [UInt64] = (0...17).map { (0..<$0).reduce(UInt64(1)) { r, _ in r * 10 } }

    private func number(_ value: Double, to out: inout GeodesicOutputBuffer) {
        guard let decimals else { value.write(to: &out); return }
        let scaled = (abs(value) * Self.powersOfTen[decimals]).rounded()
        // Beyond 2^63 the integer route overflows; such values (or decimals) are rare enough for the slow path.
        guard value.isFinite, scaled < 9.2e18 else { value.write(to: &out); return }
        let units = UInt64(scaled)
        let divisor = Self.integerPowersOfTen[decimals]
        if value < 0 && units != 0 { out.append(UInt8(ascii: "-")) }
        Self.digits(units / divisor, minimumCount: 1, to: &out)
        if decimals > 0 {
            out.append(UInt8(ascii: "."))
            Self.digits(units % divisor, minimumCount: decimals, to: &out)
        }
    }

    private static func digits(_ value: UInt64, minimumCount: Int, to out: inout GeodesicOutputBuffer) {
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes on the stack: enough for 20 digits
        withUnsafeMutableBytes(of: &scratch) { raw in
            var v = value, i = raw.count
            repeat {
                i -= 1
                raw[i] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
            } while v > 0 || raw.count - i < minimumCount
            out.append(UnsafeRawBufferPointer(rebasing: raw[i...]))
        }
    }
}
