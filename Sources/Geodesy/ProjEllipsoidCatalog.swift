internal import CProj

/// PROJ's built-in ellipsoid table (`proj_list_ellps`), parsed once into Swift values.
enum ProjEllipsoidCatalog {
    struct Entry: Sendable {
        let id: String
        let semiMajorAxisMeters: Double
        let flattening: Double
    }

    /// Every entry whose `major`/`ell` strings parse; PROJ's table is static, so reading it once is safe.
    static let entries: [Entry] = {
        var result: [Entry] = []
        // proj_list_ellps returns a static array terminated by an entry with a NULL id.
        guard var cursor = proj_list_ellps() else { return result }
        while let idPointer = cursor.pointee.id {
            let id = String(cString: idPointer)
            if let major = cursor.pointee.major.map({ String(cString: $0) }),
               let ell = cursor.pointee.ell.map({ String(cString: $0) }),
               let entry = parse(id: id, major: major, ell: ell) {
                result.append(entry)
            }
            cursor += 1
        }
        return result
    }()

    /// Parses "a=6378388.0" and one of "rf=297." / "b=6356583.8" / "f=…" / "es=…".
    static func parse(id: String, major: String, ell: String) -> Entry? {
        guard let a = value(of: "a", in: major), a > 0 else { return nil }
        let flattening: Double
        if let rf = value(of: "rf", in: ell) {
            flattening = rf == 0 ? 0 : 1 / rf
        } else if let b = value(of: "b", in: ell) {
            flattening = (a - b) / a
        } else if let f = value(of: "f", in: ell) {
            flattening = f
        } else if let es = value(of: "es", in: ell), es < 1 {
            flattening = 1 - (1 - es).squareRoot()
        } else {
            return nil
        }
        return Entry(id: id, semiMajorAxisMeters: a, flattening: flattening)
    }

    private static func value(of key: String, in text: String) -> Double? {
        let prefix = key + "="
        guard text.hasPrefix(prefix) else { return nil }
        return Double(text.dropFirst(prefix.count).trimmingCharactersInWhitespace())
    }

    /// The `count` known ids closest to `name` by case-insensitive edit distance.
    static func closestNames(to name: String, count: Int) -> [String] {
        let target = Array(name.lowercased())
        return entries
            .map { ($0.id, editDistance(Array($0.id.lowercased()), target)) }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
            .prefix(count)
            .map(\.0)
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}

private extension Substring {
    func trimmingCharactersInWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
