import Foundation
import Testing
import TestSupport
@testable import StrikeRange

/// SHA-256 against the FIPS 180-4 examples and against `sha256sum` on a shipped data file.
struct ScenarioSHA256Tests {
    @Test func fipsExamples() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func agreesWithSha256sum() throws {
        let url = try CatalogTestData.catalog().directory.file("weapons.json")
        let text = try ProcessRunner.run(URL(fileURLWithPath: "/usr/bin/sha256sum"), [url.path]).stdout
        let expected = String(text.prefix(64))
        let bytes = try #require(FileManager.default.contents(atPath: url.path))
        #expect(SHA256.hex(bytes) == expected)
    }
}
