import Foundation
@testable import StrikeRange

/// The repository's Data/, found the way the tool finds it (walking up from the test executable), loaded once.
enum CatalogTestData {
    private static let shared: Result<DataCatalog, DataError> = Result { () throws(DataError) in
        try DataCatalog(directory: DataDirectory.locate(environment: [:]))
    }

    static func catalog() throws -> DataCatalog { try shared.get() }

    /// The folder as the tool itself would find it, honouring STRIKERANGE_DATA (for Scripts/bench-load --data).
    static func directoryFromEnvironment() throws -> DataDirectory { try DataDirectory.locate() }

    /// A fresh, empty temporary folder (removed by the caller with `remove`).
    static func temporaryFolder(_ name: String = #function) throws -> URL {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("strikerange-tests-\(safe)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func remove(_ url: URL) { try? FileManager.default.removeItem(at: url) }
}

extension Result where Failure == DataError {
    init(_ body: () throws(DataError) -> Success) {
        do { self = .success(try body()) } catch { self = .failure(error) }
    }
}

/// The `LookupError` `body` throws, nil if it throws nothing or another error. (Pattern-matching `catch let
/// LookupError.unknown(…)` inside a test crashes the 6.3 compiler's ownership verifier; this sidesteps it.)
func lookupError(_ body: () throws -> Void) -> LookupError? {
    do { try body() } catch let error as LookupError { return error } catch { return nil }
    return nil
}

extension LookupError {
    var suggestions: [String] { if case let .unknown(_, _, s) = self { return s } else { return [] } }
    var candidates: [String] { if case let .ambiguous(_, _, c) = self { return c } else { return [] } }
    var isUnknown: Bool { if case .unknown = self { return true } else { return false } }
    var isAmbiguous: Bool { if case .ambiguous = self { return true } else { return false } }
}
