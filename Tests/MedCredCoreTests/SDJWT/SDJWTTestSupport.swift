import MedCredCore
import MedCredCrypto
import MedCredTestSupport
import Testing

/// Reproducible salts from a seeded SplitMix64.
struct SeededRandom: SDJWTRandomSource {
    var generator: SplitMix64
    init(seed: UInt64) { generator = SplitMix64(seed: seed) }
    mutating func bytes(count: Int) -> [UInt8] { generator.bytes(count: count) }
}

/// Fixed keys, claims and clock for the SD-JWT tests.
enum SDJWTFixture {
    /// 2025-06-01T00:00:00Z.
    static let now: Int64 = 1_748_736_000
    static let nowDateTime = XSDDateTime(secondsSince1970: Int(now))
    static let audience = "https://clinic.example"
    static let nonce = "n-0S6_WzA2Mj"

    static func issuerKey() throws -> Ed25519.PrivateKey { try seededKey(0x51) }
    static func holderKey() throws -> Ed25519.PrivateKey { try seededKey(0x52) }
    static func otherKey() throws -> Ed25519.PrivateKey { try seededKey(0x53) }
    static func issuer() throws -> Ed25519Signer { Ed25519Signer(didKey: try issuerKey()) }
    static func holder() throws -> Ed25519Signer { Ed25519Signer(didKey: try holderKey()) }
    static func issuerDID() throws -> String { DIDKey(privateKey: try issuerKey()).did.description }

    static let requirement = KeyBindingRequirement(audience: audience, nonce: nonce)

    /// A patient's identity claims: members, a nested address and an array of nationalities.
    static let patient: JSONObject = [
        "given_name": "Erika", "family_name": "Mustermann", "birthdate": "1963-08-12",
        "patient_id": "MRN-0042",
        "address": ["street_address": "Heidestraße 17", "locality": "Köln", "country": "DE"],
        "nationalities": ["DE", "FR"],
    ]

    /// Every patient claim disclosable, with the address members and the nationalities recursively so.
    static let patientDisclosable: [SDJWTClaimPath] = [
        SDJWTClaimPath(names: "given_name"), SDJWTClaimPath(names: "family_name"),
        SDJWTClaimPath(names: "birthdate"), SDJWTClaimPath(names: "patient_id"),
        SDJWTClaimPath(names: "address"), SDJWTClaimPath(names: "address", "street_address"),
        SDJWTClaimPath(names: "address", "locality"), SDJWTClaimPath(names: "address", "country"),
        SDJWTClaimPath([.name("nationalities"), .index(0)]), SDJWTClaimPath([.name("nationalities"), .index(1)]),
    ]

    /// A plain SD-JWT of the patient claims, with `cnf` naming the holder key.
    static func sdJWT(seed: UInt64 = 7, decoys: Int = 3, extra: JSONObject = [:]) throws -> SDJWT {
        var claims: JSONObject = [
            "iss": .string(try issuerDID()), "iat": .number(Double(now - 60)),
            "exp": .number(Double(now + 3600)),
            "cnf": ["jwk": .object(JWK.json(for: try holderKey().publicKey))],
        ]
        for member in patient { claims[member.name] = member.value }
        for member in extra { claims[member.name] = member.value }
        var random = SeededRandom(seed: seed)
        return try SDJWTIssuer.issue(
            claims: claims, disclosable: patientDisclosable, header: ["typ": "example+sd-jwt"],
            decoysPerObject: decoys, random: &random, signer: try issuer())
    }

    static func options(keyBinding: KeyBindingRequirement? = requirement) -> SDJWTVerificationOptions {
        SDJWTVerificationOptions(now: now, keyBinding: keyBinding)
    }

    static func verify(_ sdJWT: SDJWT, keyBinding: KeyBindingRequirement? = requirement) throws -> SDJWTVerified {
        try SDJWTVerifier.verify(sdJWT, issuerKey: try issuerKey().publicKey, options: options(keyBinding: keyBinding))
    }

    static func bind(_ sdJWT: SDJWT, audience: String = audience, nonce: String = nonce, iat: Int64 = now)
        throws -> SDJWT
    {
        try KeyBinding.bind(sdJWT, audience: audience, nonce: nonce, issuedAt: iat, signer: try holder())
    }

    /// Signs `payload` under `header` with the issuer key, as a forger with the key (or a buggy issuer) would.
    static func sign(header: JSONObject, payload: JSONValue, key: Ed25519.PrivateKey? = nil) throws -> String {
        let signingInput =
            Base64URL.encode(JSONValue.object(header).utf8Bytes) + "." + Base64URL.encode(payload.utf8Bytes)
        let signature = (try key ?? issuerKey()).signature(for: Array(signingInput.utf8))
        return signingInput + "." + Base64URL.encode(signature)
    }

    /// The payload of a compact JWS.
    static func payload(of jwt: String) throws -> JSONObject {
        let part = jwt.split(separator: ".")[1]
        return try #require(try JSONValue(parsing: try Base64URL.decode(part)).objectValue)
    }
}
