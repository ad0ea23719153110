import Foundation

/// The data folder could not be found, or a file in it is missing or unreadable.
/// The message names the path, what is wrong, and how to point the tool at a good folder.
public struct DataError: Error, Sendable, Equatable, CustomStringConvertible, LocalizedError {
    public enum Kind: Sendable, Equatable {
        /// No candidate folder holds the data (the message lists where the tool looked).
        case notFound
        /// The folder given (by `--data` or `STRIKERANGE_DATA`) does not exist or lacks a file.
        case missingFile
        /// A data file exists but cannot be read or parsed.
        case invalidFile
    }
    public let kind: Kind
    /// The folder or file at fault.
    public let path: String
    public let message: String

    public init(_ kind: Kind, path: String, message: String) {
        self.kind = kind; self.path = path; self.message = message
    }

    public static let howToFix =
        "Point `--data DIR` or the STRIKERANGE_DATA environment variable at a StrikeRange Data folder "
        + "(it holds \(DataDirectory.requiredFiles.joined(separator: ", ")))."

    public var description: String { "\(message)\n\(Self.howToFix)" }
    public var errorDescription: String? { description }
}
