import Foundation
import Hummingbird

/// A request the server refuses or cannot answer, sent as JSON: `{"error": {"status", "field", "message"}}`.
/// `field` names the request member at fault (`launch[0]`, `weapons[1].range`, `q`), empty when it is the
/// whole request. Never carries a stack trace or a server-side path other than the data folder's files.
public struct APIError: Error, HTTPResponseError, Sendable, CustomStringConvertible {
    public var status: HTTPResponse.Status
    public var field: String
    public var message: String

    public init(_ status: HTTPResponse.Status = .badRequest, field: String, _ message: String) {
        self.status = status; self.field = field; self.message = message
    }

    public var description: String { field.isEmpty ? message : "\(field): \(message)" }

    static func badRequest(_ field: String, _ message: String) -> APIError { APIError(.badRequest, field: field, message) }

    /// The JSON body (keys sorted so tests and diffs are stable).
    var jsonData: Data {
        let body: [String: Any] = ["error": ["status": Int(status.code), "field": field, "message": message]]
        return (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{\"error\":{}}".utf8)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
                 body: .init(byteBuffer: ByteBuffer(bytes: jsonData)))
    }
}
