import MedCredLedger
import Testing

@Suite struct NoteKeyTests {
    static let vkey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
    static let skey = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"

    @Test func splitsOnTheFirstPlusSignsOnly() throws {
        // This skey's base64 contains a '+'.
        let signer = try NoteSignerKey(parsing: Self.skey)
        #expect(signer.verifierKey.description == Self.vkey)
        #expect(signer.description == "NoteSignerKey(\(Self.vkey))")
    }

    @Test(arguments: [
        "PeterNeumann+c74f20a3",
        "PeterNeumann",
        "+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW ",
        "PeterNeumann+c74f20a3+AhpcXQcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWAA==",
        "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW+",
        "Peter Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
    ])
    func rejectsMalformedVerifierKeys(_ text: String) {
        #expect(throws: NoteError.self, "\(text)") { try NoteVerifierKey(parsing: text) }
    }

    @Test func reportsAKeyIDMismatchWithBothValues() {
        #expect(throws: NoteError.keyIDMismatch(expected: 0xc74f_20a3, actual: 0xc74f_20a4)) {
            try NoteVerifierKey(parsing: "PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
        }
        #expect(throws: NoteError.unsupportedSignatureType(0x02)) {
            try NoteVerifierKey(parsing: "PeterNeumann+c74f20a3+Ahpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW")
        }
    }

    @Test(arguments: [
        "PRIVATE+KEY+PeterNeumann+c74f20a3",
        "PRIVATE+KEYS+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
        "private+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
        "PRIVATE+KEY+PeterNeumann+c74f20a4+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
        "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDF",
        "PRIVATE+KEY+PeterNeumann+c74f20a3+AoEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
        "PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
    ])
    func rejectsMalformedSignerKeysWithoutEchoingThem(_ text: String) {
        #expect(throws: NoteError.malformedSignerKey) { try NoteSignerKey(parsing: text) }
    }

    @Test func cosignerKeysUseTheirOwnKeyID() throws {
        let log = try NoteTestKeys.signer("w.example", seedByte: 3)
        let witness = try NoteTestKeys.signer("w.example", seedByte: 3, type: .cosignatureV1)
        #expect(log.verifierKey.publicKey == witness.verifierKey.publicKey)
        #expect(log.verifierKey.keyID != witness.verifierKey.keyID)
        #expect(try NoteVerifierKey(parsing: witness.verifierKey.description) == witness.verifierKey)
    }
}
