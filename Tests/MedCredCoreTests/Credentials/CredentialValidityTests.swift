import Foundation
import MedCredCore
import MedCredTestSupport
import Testing

/// Validity periods against a given instant (VC Data Model 2.0 §4.9; VCDM 1.1 §4.6–4.7), the suite's
/// temporality inputs, the suite's VCDM 1.1 `validVc.json`, and robustness on mutated documents.
@Suite struct CredentialValidityTests {
    @Test func suiteTemporalityInputsAtVerification() throws {
        let options = try CredentialTestContexts.verification(now: DataModelSuiteInput.now)
        for (name, want) in [
            ("ok", [String]()),
            ("fail", ["RANGE_ERROR /validFrom", "RANGE_ERROR /validUntil", "RANGE_ERROR /validUntil"]),
        ] {
            let input = DataModelSuiteInput(file: "input/credential-validUntil-validFrom-\(name).json", expected: "")
            var json = try input.document()
            json.setMember("issuer", "did:example:issuer")
            let problems = VerifiableCredential.validate(json, options: options)
            #expect(CredentialTestContexts.summary(problems).sorted() == want, "\(name): \(problems)")
        }
    }

    @Test func theBoundariesAreInclusive() throws {
        let now = try #require(try XSDDateTime(parsing: "2025-06-01T00:00:00Z").date)
        let credential: JSONValue = [
            "@context": ["https://www.w3.org/ns/credentials/v2"], "type": ["VerifiableCredential"],
            "issuer": "did:example:issuer", "credentialSubject": ["id": "did:example:subject"],
            "validFrom": "2025-06-01T00:00:00Z", "validUntil": "2025-06-01T02:00:00+02:00",
        ]
        let problems = VerifiableCredential.validate(
            credential, options: try CredentialTestContexts.verification(now: now))
        #expect(problems.isEmpty, "\(problems)")
        let justAfter = now.addingTimeInterval(1)
        let late = VerifiableCredential.validate(
            credential, options: try CredentialTestContexts.verification(now: justAfter))
        #expect(CredentialTestContexts.summary(late) == ["RANGE_ERROR /validUntil"])
    }

    @Test func suiteVersion1CredentialShape() throws {
        let json = try JSONValue(parsing: Array(Vectors.data("w3c-vc-data-model-2.0-test-suite/validVc.json")))
        let contexts = try CredentialTestContexts.known()
        let asIssuanceInput = CredentialValidationOptions(purpose: .issuance, allowsVersion1: true, contexts: contexts)
        #expect(VerifiableCredential.validate(json, options: asIssuanceInput).isEmpty)
        let received = CredentialValidationOptions(purpose: .verification, allowsVersion1: true, contexts: contexts)
        #expect(
            CredentialTestContexts.summary(VerifiableCredential.validate(json, options: received))
                == ["MALFORMED_VALUE_ERROR /issuer", "MALFORMED_VALUE_ERROR /issuanceDate"])
        let version2Only = CredentialValidationOptions(purpose: .issuance, contexts: contexts)
        #expect(
            CredentialTestContexts.summary(VerifiableCredential.validate(json, options: version2Only))
                == ["MALFORMED_VALUE_ERROR /@context/0"])
    }

    /// Replaces one member anywhere in a valid credential with a random JSON value; validation must
    /// never trap and must give the same answer twice.
    @Test func mutatedCredentialsNeverTrap() throws {
        let fixture = try CredentialFixture.named("medical-license-ok")
        let contexts = try CredentialTestContexts.known()
        let options = CredentialValidationOptions(contexts: contexts, now: fixture.now)
        let seed: UInt64 = 0x4d65_6443_7265_6443
        var random = SplitMix64(seed: seed)
        var rejected = 0
        for round in 0..<500 {
            let mutated = Self.mutate(fixture.input, using: &random)
            let first = VerifiableCredential.validate(mutated, options: options)
            #expect(first == VerifiableCredential.validate(mutated, options: options), "seed \(seed), round \(round)")
            #expect(first.allSatisfy { $0.pointer.isEmpty || $0.pointer.hasPrefix("/") })
            if !first.isEmpty { rejected += 1 }
        }
        #expect(rejected > 250, "seed \(seed): most mutations of a credential's own members break it")
    }

    private static let replacements: [JSONValue] = [
        .null, true, 0, -1.5, "", "not a url", "https ://x", "did:", "_:b0", [], [[:]], [:], ["@value": 1],
        [.null], ["VerifiableCredential"], "2025-02-29T00:00:00Z",
    ]

    private static func mutate(_ value: JSONValue, using random: inout SplitMix64) -> JSONValue {
        switch value {
        case .object(var object) where !object.isEmpty:
            let names = object.names
            let name = names[Int.random(in: 0..<names.count, using: &random)]
            if let member = object[name], Bool.random(using: &random),
                member.objectValue != nil || member.arrayValue != nil
            {
                object[name] = mutate(member, using: &random)
            } else {
                object[name] = replacements[Int.random(in: 0..<replacements.count, using: &random)]
            }
            return .object(object)
        case .array(var elements) where !elements.isEmpty:
            let index = Int.random(in: 0..<elements.count, using: &random)
            elements[index] = mutate(elements[index], using: &random)
            return .array(elements)
        default:
            return replacements[Int.random(in: 0..<replacements.count, using: &random)]
        }
    }
}
