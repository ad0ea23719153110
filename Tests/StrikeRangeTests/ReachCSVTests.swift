import Foundation
import Testing
@testable import StrikeRange

@Suite struct ReachCSVTests {
    func file(_ text: String, _ name: String = #function) throws -> String {
        let dir = try CatalogTestData.temporaryFolder(name)
        let url = dir.appendingPathComponent("targets.csv")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    func message(_ body: () throws -> Void) -> String? {
        do { try body() } catch let e as StrikeRangeError { return e.message } catch { return "\(error)" }
        return nil
    }

    @Test func headerAliasesPassthroughAndChunks() throws {
        let path = try file("ID,Latitude,Longitude,Name,\"note, quoted\"\n1,50.5,30.5,Kyiv,\"a, \"\"b\"\"\"\r\n2,51,31,X,c\n3,52,32,Y,d\n")
        let reader = try TargetCSVReader(path: path)
        #expect(reader.passthroughColumns == ["ID", "note, quoted"])
        let first = try #require(try reader.nextChunk(maxRows: 2))
        #expect(first.map(\.name) == ["Kyiv", "X"])
        #expect(first[0].passthrough == ["1", "a, \"b\""])
        #expect(try reader.nextChunk(maxRows: 2)?.map(\.name) == ["Y"])
        #expect(try reader.nextChunk(maxRows: 2) == nil)
    }

    @Test func missingColumnNamesTheExpectedColumns() throws {
        let path = try file("name,lat\nA,50\n")
        let m = try #require(message { _ = try TargetCSVReader(path: path) })
        #expect(m.contains("missing longitude"))
        #expect(m.contains("name, lat, lon"))
    }

    @Test func nonNumericLatitudeOnRow7() throws {
        var text = "name,lat,lon\n"
        for i in 1...9 { text += i == 7 ? "bad,fifty,30\n" : "p\(i),50.\(i),30\n" }
        let path = try file(text)
        let m = try #require(message { _ = try TargetCSVReader(path: path).nextChunk() })
        #expect(m.contains("row 7"))
        #expect(m.contains("\"fifty\""))
        let skipping = try TargetCSVReader(path: path, skipInvalid: true)
        let rows = try #require(try skipping.nextChunk())
        #expect(rows.count == 8)
        #expect(skipping.skipped.map(\.row) == [7])
        #expect(skipping.skippedSummary?.contains("row 7") == true)
    }

    @Test func emptyFileAndHeaderOnly() throws {
        #expect(message { _ = try TargetCSVReader(path: try file("")) }?.contains("empty") == true)
        let headerOnly = try file("name,lat,lon\n", "headerOnly")
        #expect(message { _ = try TargetCSVReader(path: headerOnly).nextChunk() }?.contains("no rows") == true)
    }

    @Test func latitudeOutOfRange() throws {
        let path = try file("name,lat,lon\nA,95,30\n")
        let m = try #require(message { _ = try TargetCSVReader(path: path).nextChunk() })
        #expect(m.contains("row 1") && m.contains("outside [-90, 90]"))
    }
}
