internal import Crypto

/// SHA-256 (FIPS 180-4) for the input hashes in provenance.json and the `stdin #…` labels: swift-crypto's
/// digest (BoringSSL on Linux, CryptoKit on Apple platforms), written as lower-case hex. Checked against
/// the FIPS examples and `sha256sum` in the tests.
public enum SHA256 {
    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// The digest of `bytes` as 64 lower-case hex digits.
    public static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digest = Crypto.SHA256.hash(data: Array(bytes))
        var text = [UInt8]()
        text.reserveCapacity(64)
        for byte in digest {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
