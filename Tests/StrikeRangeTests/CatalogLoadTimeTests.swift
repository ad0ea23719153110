import Foundation
import Testing
@testable import StrikeRange

/// Prints how long loading and indexing every data file takes (target: < 300 ms in a release build:
/// `Scripts/bench-load`). Not a timed assertion: timing depends on the machine; it checks the loads succeed.
@Suite struct CatalogLoadTimeTests {
    @Test func loadEverything() throws {
        let directory = try CatalogTestData.directoryFromEnvironment()
        let catalog = DataCatalog(directory: directory)
        let clock = ContinuousClock()
        var lines: [String] = []
        var counts: [Int] = []
        func timed(_ name: String, _ body: () throws -> Int) rethrows {
            let start = clock.now
            counts.append(try body())
            let elapsed = clock.now - start
            lines.append("\(name): \(elapsed.formatted(.units(allowed: [.milliseconds], fractionalPart: .show(length: 1))))")
        }
        let start = clock.now
        try timed("weapons") { try catalog.weapons().weapons.count }
        try timed("regions (countries + admin1)") { try catalog.regions().admin1Units.count }
        try timed("places") { try catalog.places().places.count }
        try timed("borders") { try catalog.borders().borders.count }
        let total = clock.now - start
        #if DEBUG
        let build = "debug"
        #else
        let build = "release"
        #endif
        print("[load-time] \(build) build, data \(directory.url.path)")
        for line in lines { print("[load-time]   \(line)") }
        print("[load-time] total: \(total.formatted(.units(allowed: [.milliseconds], fractionalPart: .show(length: 1))))")
        #expect(counts.allSatisfy { $0 > 0 })
    }
}
