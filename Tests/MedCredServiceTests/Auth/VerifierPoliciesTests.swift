import Foundation
import MedCredCore
import MedCredService
import Testing

/// Verifier policies: the built-in three, and loading them from configuration JSON.
@Suite struct VerifierPoliciesTests {
    @Test func theBuiltInPoliciesNameRealSchemaMembers() {
        let names = VerifierPolicies.builtIn.map(\.name)
        #expect(names == ["telemedicine-physician", "pharmacy-pharmacist", "clinic-patient"])
        let physician = VerifierPolicies.builtIn[0]
        #expect(physician.credentialType == "MedicalLicenseCredential")
        #expect(physician.subjectConstraints == ["profession": ["physician"]])
        #expect(physician.requireAccreditation)
        #expect(VerifierPolicies.builtIn[2].credentialType == "PatientIdentityCredential")
    }

    @Test func loadsAnArrayOrAnObjectWithDefaults() throws {
        let json = #"""
            {"policies": [{"name": "er-nurse", "domain": "er.example", "credentialType": "MedicalLicenseCredential",
              "subjectConstraints": {"profession": ["registered-nurse", "nurse-practitioner"]},
              "exposedClaims": ["licenseNumber"]},
             {"name": "front-desk", "domain": "clinic.example", "credentialType": "PatientIdentityCredential",
              "requireAccreditation": false}]}
            """#
        let policies = try VerifierPolicies.load(json: Array(json.utf8))
        #expect(policies.count == 2)
        #expect(policies[0].subjectConstraints["profession"] == ["registered-nurse", "nurse-practitioner"])
        #expect(policies[0].requireAccreditation)
        #expect(policies[1].exposedClaims.isEmpty)
        #expect(!policies[1].requireAccreditation)
        let array = #"[{"name": "a", "domain": "a.example", "credentialType": "T"}]"#
        #expect(try VerifierPolicies.load(json: Array(array.utf8)).map(\.name) == ["a"])
    }

    @Test func refusesDuplicatesEmptyFieldsAndMalformedJSON() throws {
        let duplicate =
            #"[{"name": "a", "domain": "d", "credentialType": "T"}, {"name": "a", "domain": "d", "credentialType": "T"}]"#
        #expect(throws: VerifierPolicyError.duplicateName("a")) {
            try VerifierPolicies.load(json: Array(duplicate.utf8))
        }
        let empty = #"[{"name": "a", "domain": "", "credentialType": "T"}]"#
        #expect(throws: VerifierPolicyError.emptyField(policy: "a")) {
            try VerifierPolicies.load(json: Array(empty.utf8))
        }
        #expect(throws: VerifierPolicyError.self) { try VerifierPolicies.load(json: Array("{\"policies\": 3}".utf8)) }
    }

    @Test func aSessionRoundTripsThroughCodable() throws {
        let session = Session(
            token: "a.b.c", holder: "did:key:z6Mk", policy: "telemedicine-physician",
            claims: ["licenseNumber": "MD-12345", "licensee": ["familyName": "Okafor"], "n": 3],
            issuedAt: Date(timeIntervalSince1970: 1_748_736_000), expiresAt: Date(timeIntervalSince1970: 1_748_736_900))
        let decoded = try JSONDecoder().decode(Session.self, from: try JSONEncoder().encode(session))
        #expect(decoded == session)
        #expect("\(session)" == "Session(did:key:z6Mk, telemedicine-physician)")
    }
}
