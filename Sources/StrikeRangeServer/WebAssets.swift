import Foundation
import StrikeRange

/// The page's files and Leaflet, read into memory at start so requests never touch the file system
/// (and no client-given path is ever opened: only these exact names are served).
struct WebAssets: Sendable {
    struct Asset: Sendable { var bytes: Data; var contentType: String }
    /// URL path ("/", "/static/app.js", "/leaflet/leaflet.js", "/openapi.yaml") → file.
    let files: [String: Asset]

    /// Leaflet as Debian's libjs-leaflet installs it.
    static let leafletFolder = "/usr/share/javascript/leaflet"

    /// - Throws: `StrikeRangeError` naming what is missing and how to install it.
    static func load(leafletFolder: String = WebAssets.leafletFolder) throws -> WebAssets {
        let web = try pageFolder()
        var files: [String: Asset] = [:]
        for name in ["index.html", "app.js", "app.css", "openapi.yaml"] {
            guard let data = FileManager.default.contents(atPath: web.appendingPathComponent(name).path) else {
                throw StrikeRangeError("serve: the page file \(name) is missing from \(web.path); rebuild strikerange (swift build)")
            }
            files[name == "index.html" ? "/" : name == "openapi.yaml" ? "/openapi.yaml" : "/static/\(name)"] = Asset(bytes: data, contentType: contentType(name))
        }
        let leaflet = URL(fileURLWithPath: leafletFolder, isDirectory: true)
        for name in ["leaflet.js", "leaflet.css"] {
            guard let data = FileManager.default.contents(atPath: leaflet.appendingPathComponent(name).path) else {
                throw StrikeRangeError("serve: Leaflet is missing (\(leaflet.appendingPathComponent(name).path) not found); "
                    + "install Debian's libjs-leaflet (sudo apt-get install libjs-leaflet, or Scripts/bootstrap), which the page uses offline")
            }
            files["/leaflet/\(name)"] = Asset(bytes: data, contentType: contentType(name))
        }
        let images = leaflet.appendingPathComponent("images")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: images.path)) ?? [] where name.hasSuffix(".png") {
            if let data = FileManager.default.contents(atPath: images.appendingPathComponent(name).path) {
                files["/leaflet/images/\(name)"] = Asset(bytes: data, contentType: "image/png")
            }
        }
        return WebAssets(files: files)
    }

    /// The page's folder: the resource bundle SwiftPM copies beside the executable, an installed
    /// share/strikerange/web, or this source tree (for `swift run` on the build machine).
    static func pageFolder() throws -> URL {
        var candidates = [URL]()
        if let exe = DataDirectory.currentExecutableURL() {
            let dir = exe.resolvingSymlinksInPath().deletingLastPathComponent()
            candidates.append(dir.appendingPathComponent("StrikeRange_StrikeRangeServer.resources/Resources"))
            candidates.append(dir.appendingPathComponent("../share/strikerange/web"))
        }
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources"))
        for folder in candidates where FileManager.default.fileExists(atPath: folder.appendingPathComponent("index.html").path) {
            return folder.standardizedFileURL
        }
        throw StrikeRangeError("serve: the page's files (index.html, app.js…) were not found; looked in "
            + candidates.map(\.standardizedFileURL.path).joined(separator: ", "))
    }

    static func contentType(_ name: String) -> String {
        switch (name as NSString).pathExtension {
        case "html": "text/html; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "yaml": "application/yaml; charset=utf-8"
        case "png": "image/png"
        default: "application/octet-stream"
        }
    }
}
