// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "StrikeRange",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "StrikeRange", targets: ["StrikeRange"]),
        .executable(name: "strikerange", targets: ["StrikeRangeCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // `strikerange serve` only (issue 13): kept out of the library and its tests.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // SHA-256 of the inputs in provenance.json (issue 14; already resolved as a dependency of hummingbird's).
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    ],
    targets: [
        // C shims: module maps only. Nothing above Geodesy/Geometry sees C.
        .systemLibrary(
            name: "CProj",
            pkgConfig: "proj",
            providers: [.apt(["libproj-dev"])]
        ),
        .systemLibrary(
            name: "CGEOS",
            pkgConfig: "geos",
            providers: [.apt(["libgeos-dev"])]
        ),

        .systemLibrary(
            name: "CGDAL",
            pkgConfig: "gdal",
            providers: [.apt(["libgdal-dev"])]
        ),

        .target(name: "Geodesy", dependencies: ["CProj"]),
        // GeoPackage and FlatGeobuf output through GDAL (issue 11); the only module importing CGDAL.
        .target(name: "VectorFiles", dependencies: ["CGDAL"]),
        .target(name: "Geometry", dependencies: ["CGEOS"]),
        .target(name: "GeoJSON", dependencies: ["Geometry"]),
        .target(name: "StrikeRange", dependencies: ["Geodesy", "Geometry", "GeoJSON", "VectorFiles", .product(name: "Yams", package: "Yams"),
                                                   .product(name: "Crypto", package: "swift-crypto")]),
        // The local web page and JSON API (`strikerange serve`, issue 13).
        .target(
            name: "StrikeRangeServer",
            dependencies: ["StrikeRange", "GeoJSON", "Geometry", "Geodesy", .product(name: "Hummingbird", package: "hummingbird")],
            resources: [.copy("Resources")]
        ),
        .executableTarget(
            name: "StrikeRangeCLI",
            dependencies: [
                "StrikeRange",
                "StrikeRangeServer",  // `serve` (issue 13)
                "Geodesy",  // `geodesic inverse|direct` call the solver directly, one value per stdin line
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // libFuzzer harnesses for every reader of user input (issue 17). A normal build is a replay driver
        // (`strikerange-fuzz HARNESS FILE...`); Scripts/fuzz builds the fuzzer with -DFUZZING in .build-fuzz.
        .executableTarget(name: "strikerange-fuzz", dependencies: ["GeoJSON", "StrikeRange"], path: "Tests/Fuzz/Harnesses"),

        // Helpers every test target shares (seeded PRNG, process and ogrinfo runners); only test targets depend on it.
        .target(name: "TestSupport", path: "Tests/TestSupport"),

        .testTarget(name: "GeodesyTests", dependencies: ["Geodesy"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GeometryTests", dependencies: ["Geometry", "TestSupport"]),
        .testTarget(name: "VectorFilesTests", dependencies: ["VectorFiles", "Geometry", "TestSupport"]),
        .testTarget(name: "GeoJSONTests", dependencies: ["GeoJSON", "Geometry", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "StrikeRangeTests", dependencies: ["StrikeRange", "TestSupport"], resources: [.copy("Fixtures")]),
        .testTarget(name: "StrikeRangeCLITests", dependencies: ["StrikeRangeCLI", "TestSupport"]),
        .testTarget(name: "StrikeRangeServerTests", dependencies: ["StrikeRangeServer"]),
    ],
    swiftLanguageModes: [.v6]
)

// The sanitizer runs (Scripts/test) need only the modules that hold C handles and their tests. With
// STRIKERANGE_PACKAGE_SLICE=core the package is just those, so ASan and TSan do not rebuild the web server's
// dependencies (SwiftNIO, Hummingbird) twice more. The package dependencies stay declared (unused), so
// resolution and Package.resolved are the same as the full package's.
if Context.environment["STRIKERANGE_PACKAGE_SLICE"] == "core" {
    let core: Set<String> = ["CProj", "CGEOS", "Geodesy", "Geometry", "GeodesyTests", "GeometryTests", "TestSupport"]
    package.targets = package.targets.filter { core.contains($0.name) }
    package.products = []
}
