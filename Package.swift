// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "StrikeRange",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "StrikeRange", targets: ["StrikeRange"]),
        .executable(name: "strikerange", targets: ["strikerange"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
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
        .target(name: "StrikeRange", dependencies: ["Geodesy", "Geometry", "GeoJSON", "VectorFiles", .product(name: "Yams", package: "Yams")]),
        .executableTarget(
            name: "strikerange",
            dependencies: [
                "StrikeRange",
                "Geodesy",  // `geodesic inverse|direct` call the solver directly, one value per stdin line
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // libFuzzer harnesses for every reader of user input (issue 17). A normal build is a replay driver
        // (`strikerange-fuzz HARNESS FILE...`); Scripts/fuzz builds the fuzzer with -DFUZZING in .build-fuzz.
        .executableTarget(name: "strikerange-fuzz", dependencies: ["GeoJSON", "StrikeRange"], path: "Tests/Fuzz/Harnesses"),

        .testTarget(name: "GeodesyTests", dependencies: ["Geodesy"], resources: [.copy("Fixtures")]),
        .testTarget(name: "GeometryTests", dependencies: ["Geometry"]),
        .testTarget(name: "VectorFilesTests", dependencies: ["VectorFiles", "Geometry"]),
        .testTarget(name: "GeoJSONTests", dependencies: ["GeoJSON", "Geometry"], resources: [.copy("Fixtures")]),
        .testTarget(name: "StrikeRangeTests", dependencies: ["StrikeRange"], resources: [.copy("Fixtures")]),
        .testTarget(name: "strikerangeTests", dependencies: ["strikerange"]),
    ],
    swiftLanguageModes: [.v6]
)
