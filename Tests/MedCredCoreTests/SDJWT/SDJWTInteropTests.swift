import Foundation
import MedCredCore
import MedCredCrypto
import Testing

/// The Swift half of `tools/interop/check_sdjwt.py` (openwallet-foundation-labs sd-jwt-python 0.10.4).
///
/// Both tests do nothing unless their environment variable is set, so the normal test run stays offline and
/// deterministic: `MEDCRED_INTEROP_OUT` names a file to write a MedCred SD-JWT VC presentation (with KB-JWT) into,
/// for the Python verifier; `MEDCRED_INTEROP_IN` names a file the script wrote with a Python-made SD-JWT+KB,
/// which MedCred verifies, writing its verdict to `<file>.result.json`.
@Suite struct SDJWTInteropTests {
    static let environment = ProcessInfo.processInfo.environment

    @Test(.enabled(if: environment["MEDCRED_INTEROP_OUT"] != nil))
    func writesAPresentationForTheReferenceVerifier() throws {
        let path = try #require(Self.environment["MEDCRED_INTEROP_OUT"])
        var random = SecureRandomSource()
        let draft = SDJWTCredential.Draft(
            vct: SDJWTCredential.vct(forType: "PatientIdentityCredential"), claims: SDJWTFixture.patient,
            disclosable: SDJWTFixture.patientDisclosable, holderKey: try SDJWTFixture.holderKey().publicKey,
            issuedAt: SDJWTFixture.now, expiresAt: SDJWTFixture.now + 365 * 86_400)
        let issued = try SDJWTCredential.issue(draft, random: &random, signer: try SDJWTFixture.issuer())
        let presented = try SDJWTFixture.bind(
            try issued.presenting([SDJWTClaimPath(names: "given_name"), SDJWTClaimPath(names: "birthdate")]))
        let full = try SDJWTFixture.bind(issued)
        let output: JSONValue = [
            "issuance": .string(issued.serialized),
            "presentation": .string(presented.serialized),
            "fullPresentation": .string(full.serialized),
            "aud": .string(SDJWTFixture.audience), "nonce": .string(SDJWTFixture.nonce),
            "issuerKid": .string(try SDJWTFixture.issuer().verificationMethod),
            "patient": .object(SDJWTFixture.patient),
        ]
        try Data(output.utf8Bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test(.enabled(if: environment["MEDCRED_INTEROP_IN"] != nil))
    func verifiesAPresentationFromTheReferenceLibrary() async throws {
        let path = try #require(Self.environment["MEDCRED_INTEROP_IN"])
        let input = try JSONValue(parsing: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        let now = XSDDateTime(secondsSince1970: Int(try #require(input["now"]?.doubleValue)))
        let requirement = KeyBindingRequirement(
            audience: try #require(input["aud"]?.stringValue), nonce: try #require(input["nonce"]?.stringValue))
        var results: JSONObject = [:]
        for case let (name, value) in try #require(input["cases"]?.objectValue) {
            let text = try #require(value.stringValue)
            let outcome = try await SDJWTCredentialVerifier.verify(
                text, now: now, keyBinding: requirement, resolver: DIDKeyResolver())
            results[name] = [
                "verified": .bool(outcome.verified),
                "failedChecks": .array(outcome.result.failedChecks.map(JSONValue.string)),
                "claims": outcome.claims.map(JSONValue.object) ?? .null,
            ]
        }
        try Data(JSONValue.object(results).utf8Bytes).write(to: URL(fileURLWithPath: path + ".result.json"))
    }
}
