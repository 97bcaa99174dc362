import Foundation
import MedCredCore
import MedCredTestSupport
import Testing

/// Any change to a signed credential is caught (VC Data Integrity §4.4, vc-di-eddsa §3.3.2), and no input
/// crashes the verifier or makes it throw for a reason other than an unsupported DID method.
@Suite struct CredentialTamperingTests {
    /// Every JSON Pointer to a scalar in `value`, with the scalar.
    static func leaves(_ value: JSONValue, at pointer: String = "") -> [(String, JSONValue)] {
        switch value {
        case .object(let object):
            object.flatMap { member in
                leaves(
                    member.value,
                    at: pointer + "/"
                        + member.name.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(
                            of: "/", with: "~1"))
            }
        case .array(let elements): elements.enumerated().flatMap { leaves($1, at: pointer + "/\($0)") }
        default: [(pointer, value)]
        }
    }

    /// A different scalar of the same type.
    static func changed(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let text): .string(text + "x")
        case .number(let number): .number(number + 1)
        case .bool(let flag): .bool(!flag)
        default: .bool(true)
        }
    }

    @Test func changingAnyValueOfTheSignedCredentialFailsTheProof() async throws {
        let signed = try VerificationDocuments.signedLicense()
        let verifier = try VerificationDocuments.verifier()
        let pointers = Self.leaves(signed)
        #expect(pointers.count >= 25)
        for (pointer, value) in pointers {
            let tampered = try VerificationPatch.setting(pointer, to: Self.changed(value), in: signed)
            let result = try await verifier.verifyCredential(.document(tampered), now: VerificationClock.now)
            #expect(!result.verified, "\(pointer)")
            #expect(result.failedChecks.first == "proof", "\(pointer): \(result.errorSummary)")
        }
    }

    @Test func removingAnyMemberOfTheSignedCredentialFailsTheProof() async throws {
        let signed = try VerificationDocuments.signedLicense()
        let verifier = try VerificationDocuments.verifier()
        for (pointer, _) in Self.leaves(signed) {
            let tampered = try VerificationPatch.removing(pointer, in: signed)
            let result = try await verifier.verifyCredential(.document(tampered), now: VerificationClock.now)
            #expect(result.failedChecks.first == "proof", "\(pointer): \(result.errorSummary)")
        }
    }

    @Test func replacingTheKeyFailsTheProof() async throws {
        let signed = try VerificationDocuments.signedLicense()
        let other = try VerificationParty.other.verificationMethod()
        let tampered = try VerificationPatch.setting("/proof/verificationMethod", to: .string(other), in: signed)
        let result = try await VerificationDocuments.verifier().verifyCredential(
            .document(tampered), now: VerificationClock.now)
        #expect(result.errorSummary == ["proof PROOF_VERIFICATION_ERROR /proof"])
        #expect(result.errors.first?.problem.detail.hasPrefix("signature:") == true)
    }

    /// Re-signing a tampered credential with another key moves the failure from `proof` to `proofController`.
    @Test func reSigningWithAnotherKeyFailsTheController() async throws {
        let tampered = try VerificationPatch.setting(
            "/credentialSubject/licenseNumber", to: "MD-99999", in: try VerificationDocuments.completedLicense())
        let signed = try VerificationDocuments.sign(tampered, as: .other)
        let result = try await VerificationDocuments.verifier().verifyCredential(
            .document(signed), now: VerificationClock.now)
        #expect(result.errorSummary == ["proofController PROOF_VERIFICATION_ERROR /proof/verificationMethod"])
        #expect(result.passedChecks == ["parsing", "proof", "dataModel", "validityPeriod", "schema"])
    }

    @Test func rejectsEveryBitFlipOfTheProofValue() async throws {
        let signed = try VerificationDocuments.signedLicense()
        let proofValue = try #require(signed["proof"]?["proofValue"]?.stringValue)
        let signature = try Base58.decode(proofValue.dropFirst())
        #expect(signature.count == 64)
        let verifier = try VerificationDocuments.verifier()
        for bit in 0..<(signature.count * 8) {
            var flipped = signature
            flipped[bit / 8] ^= 1 << (bit % 8)
            let tampered = try VerificationPatch.setting(
                "/proof/proofValue", to: .string("z" + Base58.encode(flipped)), in: signed)
            let result = try await verifier.verifyCredential(.document(tampered), now: VerificationClock.now)
            #expect(result.errorSummary == ["proof PROOF_VERIFICATION_ERROR /proof"], "bit \(bit)")
        }
    }

    @Test func duplicateMembersFailParsing() async throws {
        let text = try VerificationDocuments.signedLicense().serialized()
        // The same licenseNumber twice, so nothing but the duplicate is wrong.
        let duplicated = text.replacingOccurrences(
            of: #""licenseNumber":"MD-12345""#, with: #""licenseNumber":"MD-12345","licenseNumber":"MD-12345""#)
        #expect(duplicated != text)
        let result = try await VerificationDocuments.verifier().verifyCredential(
            bytes: Array(duplicated.utf8), now: VerificationClock.now)
        #expect(result.checkNames == ["parsing"])
        #expect(result.errorSummary == ["parsing PARSING_ERROR "])
        let first = try #require(duplicated.utf8.firstRange(of: #""licenseNumber""#.utf8))
        let second = try #require(duplicated.utf8[first.upperBound...].firstRange(of: #""licenseNumber""#.utf8))
        let offset = duplicated.utf8.distance(from: duplicated.utf8.startIndex, to: second.lowerBound)
        let expected = CredentialProblem(parseError: .duplicateMemberName("licenseNumber", offset: offset))
        #expect(result.errors.first?.problem == expected)
    }

    @Test(arguments: [
        ("duplicate-proof", #"{"a":1,"proof":{},"proof":{}}"#),
        ("empty", ""),
        ("whitespace", " \n\t "),
        ("truncated", #"{"@context":["https://www.w3.org/ns/credentials/v2""#),
        ("trailing-data", #"{"a":1} {"b":2}"#),
        ("byte-order-mark", "\u{FEFF}{}"),
        ("lone-surrogate", #"{"a":"\ud800"}"#),
        ("single-quotes", "{'a':1}"),
        ("nan", #"{"a":NaN}"#),
        ("number-overflow", #"{"a":1e400}"#),
        ("two-dots-not-base64url", "a.b.c!"),
    ])
    func unparsableBytesFailParsingOnly(_ name: String, _ text: String) async throws {
        let result = try await VerificationDocuments.verifier().verifyCredential(
            bytes: Array(text.utf8), now: VerificationClock.now)
        #expect(result.checkNames == ["parsing"], "\(name)")
        #expect(result.errorSummary == ["parsing PARSING_ERROR "], "\(name)")
        #expect(!result.verified)
    }

    @Test func invalidUTF8FailsParsing() async throws {
        var bytes = Array(try VerificationDocuments.signedLicense().serialized().utf8)
        let index = try #require(bytes.firstIndex(of: UInt8(ascii: "O")))  // in "Okafor"
        bytes[index] = 0xC3  // a lead byte followed by ASCII
        let result = try await VerificationDocuments.verifier().verifyCredential(
            bytes: bytes, now: VerificationClock.now)
        #expect(result.errorSummary == ["parsing PARSING_ERROR "])
    }

    @Test(arguments: [
        ("array", "[]"), ("string", #""did:key:z6Mk""#), ("number", "42"), ("null", "null"), ("object", "{}"),
    ])
    func nonCredentialsAreResultsNotCrashes(_ name: String, _ text: String) async throws {
        let result = try await VerificationDocuments.verifier().verifyCredential(
            bytes: Array(text.utf8), now: VerificationClock.now)
        #expect(!result.verified, "\(name)")
        #expect(result.failedChecks.contains("proof"), "\(name)")
        #expect(result.failedChecks.contains("dataModel"), "\(name)")
    }

    /// Flip one character of the pretty-printed signed credential at seeded random positions. Whatever
    /// still parses must fail verification unless its RFC 8785 form is unchanged (then it must verify);
    /// only an unsupported DID method may throw.
    @Test func randomCharacterFlipsNeverVerifyUnlessTheCanonicalFormIsUnchanged() async throws {
        let signed = try VerificationDocuments.signedLicense()
        let original = Array(signed.serialized(pretty: true).utf8)
        let canonical = signed.jcsBytes
        let verifier = try VerificationDocuments.verifier()
        var random = SplitMix64(seed: 0x7665_7269_6679_0001)
        var parsed = 0
        var unchanged = 0
        for iteration in 0..<600 {
            var bytes = original
            let position = Int(random.next() % UInt64(bytes.count))
            var replacement = UInt8(0x20 + random.next() % 95)
            if replacement == bytes[position] { replacement = replacement == 0x20 ? 0x21 : 0x20 }
            bytes[position] = replacement
            let context = "seed \(random.seed) iteration \(iteration) position \(position)"
            let result: VerificationResult
            do {
                result = try await verifier.verifyCredential(bytes: bytes, now: VerificationClock.now)
            } catch .resolution(.methodNotSupported) {
                continue  // the flip renamed the DID method of the verification method
            } catch {
                Issue.record("unexpected throw \(error): \(context)")
                continue
            }
            guard case .parsed(.document(let document)) = SecuredDocument.parse(bytes) else {
                #expect(!result.verified, "\(context)")
                continue
            }
            parsed += 1
            if document.jcsBytes == canonical {
                unchanged += 1
                #expect(result.verified, "canonical form unchanged but not verified: \(context)")
            } else {
                #expect(!result.verified, "changed document verified: \(context)")
            }
        }
        #expect(parsed > 50, "seed \(random.seed): too few flips parsed to test anything")
        #expect(unchanged > 0, "seed \(random.seed): no whitespace flip exercised the unchanged case")
    }
}
