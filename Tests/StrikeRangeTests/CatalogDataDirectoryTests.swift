import Foundation
import Testing
@testable import StrikeRange

@Suite struct CatalogDataDirectoryTests {
    /// A folder holding every required file, copied from the repository's Data/.
    private func copyOfData(in folder: URL) throws -> URL {
        let source = try CatalogTestData.catalog().directory
        let data = folder.appendingPathComponent("Data", isDirectory: true)
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        for name in DataDirectory.requiredFiles {
            try FileManager.default.copyItem(at: source.file(name), to: data.appendingPathComponent(name))
        }
        return data
    }

    @Test func missingFolderIsAClearError() {
        let path = "/nonexistent/strikerange-data"
        do {
            _ = try DataDirectory.locate(explicitPath: path, environment: [:])
            Issue.record("a missing folder was accepted")
        } catch {
            #expect(error.kind == .missingFile)
            #expect(error.description.contains(path))
            #expect(error.description.contains("does not exist"))
            #expect(error.description.contains("--data") && error.description.contains("STRIKERANGE_DATA"))
        }
    }

    @Test func folderLackingFilesNamesThem() throws {
        let folder = try CatalogTestData.temporaryFolder()
        defer { CatalogTestData.remove(folder) }
        try Data("{}".utf8).write(to: folder.appendingPathComponent("weapons.json"))
        do {
            _ = try DataDirectory.locate(explicitPath: folder.path, environment: [:])
            Issue.record("an incomplete folder was accepted")
        } catch {
            #expect(error.description.contains("places.geojson") && error.description.contains("admin1.geojson"))
            #expect(!error.description.contains("lacks weapons.json"))
        }
    }

    @Test func corruptFilesAreClearErrors() throws {
        let folder = try CatalogTestData.temporaryFolder()
        defer { CatalogTestData.remove(folder) }
        let data = try copyOfData(in: folder)
        try Data("{\"type\": \"FeatureCollection\", \"features\": [".utf8).write(to: data.appendingPathComponent("admin1.geojson"))
        try Data("not json".utf8).write(to: data.appendingPathComponent("weapons.json"))
        let catalog = try DataCatalog(explicitPath: data.path)
        let failures: [Result<Void, DataError>] = [
            Result { () throws(DataError) in _ = try catalog.regions() },
            Result { () throws(DataError) in _ = try catalog.weapons() },
        ]
        for failure in failures {
            guard case let .failure(error) = failure else { Issue.record("a corrupt file was accepted"); continue }
            #expect(error.kind == .invalidFile)
            #expect(error.path.hasPrefix(data.path))
            #expect(error.description.contains(error.path))
            #expect(error.description.contains("--data"))
        }
        // The intact files still load: each file is read on its own.
        #expect(try catalog.borders().borders.count > 100)
    }

    @Test func explicitBeatsEnvironmentBeatsSearch() throws {
        let folder = try CatalogTestData.temporaryFolder()
        defer { CatalogTestData.remove(folder) }
        let data = try copyOfData(in: folder)
        let fromOption = try DataDirectory.locate(explicitPath: data.path, environment: ["STRIKERANGE_DATA": "/nonexistent"])
        #expect(fromOption.origin == .option && fromOption.url.path == data.path)
        let fromEnvironment = try DataDirectory.locate(environment: ["STRIKERANGE_DATA": data.path])
        #expect(fromEnvironment.origin == .environment)
        #expect(throws: DataError.self) { try DataDirectory.locate(environment: ["STRIKERANGE_DATA": "/nonexistent"]) }
        // Relative --data is taken from the current directory.
        let relative = try DataDirectory.locate(explicitPath: "Data", environment: [:], currentDirectory: folder)
        #expect(relative.url.path == data.path)
    }

    @Test func besideTheExecutableAndInShare() throws {
        let folder = try CatalogTestData.temporaryFolder()
        defer { CatalogTestData.remove(folder) }
        _ = try copyOfData(in: folder)
        let beside = try DataDirectory.locate(environment: [:], executableURL: folder.appendingPathComponent("strikerange"),
                                              currentDirectory: URL(fileURLWithPath: "/"))
        #expect(beside.origin == .besideExecutable)

        let prefix = try CatalogTestData.temporaryFolder("prefix")
        defer { CatalogTestData.remove(prefix) }
        let share = prefix.appendingPathComponent("share/strikerange", isDirectory: true)
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        _ = try copyOfData(in: share)
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        let installed = try DataDirectory.locate(environment: [:], executableURL: prefix.appendingPathComponent("bin/strikerange"),
                                                 currentDirectory: URL(fileURLWithPath: "/"))
        #expect(installed.origin == .sharedInstall)
        #expect(installed.url.path == share.appendingPathComponent("Data").path)
    }

    @Test func repositoryAboveTheCurrentDirectory() throws {
        let folder = try CatalogTestData.temporaryFolder()
        defer { CatalogTestData.remove(folder) }
        _ = try copyOfData(in: folder)
        try Data("// swift-tools-version:6.0\n".utf8).write(to: folder.appendingPathComponent("Package.swift"))
        let deep = folder.appendingPathComponent("Sources/StrikeRangeCLI", isDirectory: true)
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        let found = try DataDirectory.locate(environment: [:], executableURL: URL(fileURLWithPath: "/nonexistent/bin/strikerange"),
                                             currentDirectory: deep)
        #expect(found.origin == .repositoryAboveCurrentDirectory)
        #expect(found.url.path == folder.appendingPathComponent("Data").path)
    }

    @Test func testsFindTheRepositoryData() throws {
        let directory = try CatalogTestData.catalog().directory
        #expect(directory.url.lastPathComponent == "Data")
        #expect(!directory.url.path.hasPrefix("/work/shared"))
    }
}
