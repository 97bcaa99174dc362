import MedCredCrypto
import MedCredTestSupport
import Testing

/// One RFC 8032 §7.1 vector.
struct RFC8032Vector: Decodable, CustomTestStringConvertible, Sendable {
    let name: String
    let secretKey: String
    let publicKey: String
    let message: String
    let signature: String
    var testDescription: String { name }
}

private struct RFC8032File: Decodable {
    let vectors: [RFC8032Vector]
}

/// One Wycheproof EdDSA verify case, flattened with its group's public key.
struct WycheproofCase: CustomTestStringConvertible, Sendable {
    let tcId: Int
    let comment: String
    let publicKey: String
    let msg: String
    let sig: String
    let result: String
    var testDescription: String { "tcId \(tcId) (\(result)) \(comment)" }
}

private struct WycheproofFile: Decodable {
    struct Group: Decodable {
        struct Key: Decodable { let pk: String }
        struct Case: Decodable {
            let tcId: Int
            let comment: String
            let msg: String
            let sig: String
            let result: String
        }
        let publicKey: Key
        let tests: [Case]
    }
    let numberOfTests: Int
    let testGroups: [Group]
}

private func rfc8032Vectors() throws -> [RFC8032Vector] {
    try Vectors.load("ed25519/rfc8032_section7.1.json", as: RFC8032File.self).vectors
}

private func wycheproofCases() throws -> [WycheproofCase] {
    let file = try Vectors.load("ed25519/wycheproof_ed25519_test.json", as: WycheproofFile.self)
    let cases = file.testGroups.flatMap { group in
        group.tests.map {
            WycheproofCase(
                tcId: $0.tcId, comment: $0.comment, publicKey: group.publicKey.pk, msg: $0.msg, sig: $0.sig,
                result: $0.result)
        }
    }
    precondition(cases.count == file.numberOfTests, "Wycheproof file lists \(file.numberOfTests), read \(cases.count)")
    return cases
}

@Suite struct Ed25519VectorTests {
    @Test func rfc8032FileHasAllFiveVectors() throws {
        #expect(try rfc8032Vectors().count == 5)
    }

    @Test(arguments: try rfc8032Vectors())
    func signsLikeRFC8032(_ vector: RFC8032Vector) throws {
        let key = try Ed25519.PrivateKey(seed: Hex.decode(vector.secretKey))
        #expect(Hex.encode(key.publicKey.rawRepresentation) == vector.publicKey)
        let signature = key.signature(for: Hex.decode(vector.message))
        #expect(Hex.encode(signature) == vector.signature)
        #expect(key.publicKey.isValidSignature(signature, for: Hex.decode(vector.message)))
    }

    @Test func wycheproofFileHasEveryCase() throws {
        #expect(try wycheproofCases().count == 151)
    }

    /// `valid` must verify and `invalid` must not. The file has no `acceptable` cases (SOURCES.md); should a
    /// later copy add some, they are accepted either way, since Wycheproof leaves that choice to the
    /// implementation — but the outcome is recorded so a change in libsodium's behaviour is visible.
    @Test(arguments: try wycheproofCases())
    func verifiesLikeWycheproof(_ testCase: WycheproofCase) throws {
        let key = try Ed25519.PublicKey(rawRepresentation: Hex.decode(testCase.publicKey))
        let verified = key.isValidSignature(Hex.decode(testCase.sig), for: Hex.decode(testCase.msg))
        switch testCase.result {
        case "valid": #expect(verified, "tcId \(testCase.tcId) should verify")
        case "invalid": #expect(!verified, "tcId \(testCase.tcId) must be rejected")
        case "acceptable": break
        default: Issue.record("unknown Wycheproof result \(testCase.result)")
        }
    }
}
