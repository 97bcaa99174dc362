import MedCredCore
import MedCredCrypto
import MedCredTestSupport
import Testing

/// RFC 9901 §4–§6 with Ed25519: issuance, holder presentation and key binding, round trip.
@Suite struct SDJWTIssuanceTests {
    @Test func roundTripsEveryDisclosureWithoutKeyBinding() throws {
        let sdJWT = try SDJWTFixture.sdJWT()
        let verified = try SDJWTFixture.verify(try SDJWT(parsing: sdJWT.serialized), keyBinding: nil)
        for member in SDJWTFixture.patient { #expect(verified.payload.claims[member.name] == member.value) }
        #expect(verified.payload.claims["_sd"] == nil)
        #expect(verified.payload.claims["_sd_alg"] == nil)
        #expect(verified.holderKey == nil)
        #expect(verified.header["alg"] == "EdDSA")
        #expect(verified.header["kid"] == .string(try SDJWTFixture.issuer().verificationMethod))
    }

    @Test func roundTripsWithKeyBinding() throws {
        let presented = try SDJWTFixture.bind(try SDJWTFixture.sdJWT())
        let verified = try SDJWTFixture.verify(try SDJWT(parsing: presented.serialized))
        #expect(verified.holderKey == (try SDJWTFixture.holderKey().publicKey))
        let kb = try SDJWTFixture.payload(of: try #require(presented.keyBindingJWT))
        #expect(kb["sd_hash"] == .string(presented.sdHash))
        #expect(kb["aud"] == .string(SDJWTFixture.audience))
        #expect(kb["nonce"] == .string(SDJWTFixture.nonce))
        let kbJWT = try #require(presented.keyBindingJWT)
        let header = try JSONValue(parsing: try Base64URL.decode(kbJWT.prefix { $0 != "." }))
        #expect(header == ["alg": "EdDSA", "typ": "kb+jwt"])
    }

    @Test func presentsOnlyGivenNameAndBirthdate() throws {
        let sdJWT = try SDJWTFixture.sdJWT()
        let presented = try sdJWT.presenting([SDJWTClaimPath(names: "given_name"), SDJWTClaimPath(names: "birthdate")])
        #expect(presented.disclosures.count == 2)
        let verified = try SDJWTFixture.verify(try SDJWTFixture.bind(presented))
        let claims = verified.payload.claims
        #expect(claims["given_name"] == "Erika")
        #expect(claims["birthdate"] == "1963-08-12")
        for hidden in ["family_name", "patient_id", "address"] { #expect(claims[hidden] == nil) }
        #expect(claims["nationalities"] == .array([]))
        #expect(claims["iss"] == .string(try SDJWTFixture.issuerDID()))
    }

    @Test func presentingANestedClaimBringsItsParentAndNotItsSiblings() throws {
        let sdJWT = try SDJWTFixture.sdJWT()
        let presented = try sdJWT.presenting([SDJWTClaimPath(names: "address", "locality")])
        let claims = try SDJWTFixture.verify(presented, keyBinding: nil).payload.claims
        #expect(claims["address"] == ["locality": "Köln"])
        let whole = try sdJWT.presenting([SDJWTClaimPath(names: "address")])
        #expect(
            try SDJWTFixture.verify(whole, keyBinding: nil).payload.claims["address"] == SDJWTFixture.patient["address"]
        )
    }

    @Test func presentsOneArrayElement() throws {
        let presented = try SDJWTFixture.sdJWT().presenting([SDJWTClaimPath([.name("nationalities"), .index(1)])])
        #expect(try SDJWTFixture.verify(presented, keyBinding: nil).payload.claims["nationalities"] == ["FR"])
    }

    @Test func refusesToPresentAnUnknownClaim() throws {
        #expect(throws: SDJWTError.unknownClaimPath("/blood_type")) {
            try SDJWTFixture.sdJWT().presenting([SDJWTClaimPath(names: "blood_type")])
        }
    }

    @Test func writesSaltedSortedDigestsWithDecoysAndRecursiveDisclosures() throws {
        let sdJWT = try SDJWTFixture.sdJWT(decoys: 3)
        let payload = try SDJWTFixture.payload(of: sdJWT.issuerJWT)
        #expect(payload["_sd_alg"] == "sha-256")
        let sd = payload["_sd"]?.arrayValue ?? []
        let digests = sd.compactMap(\.stringValue)
        #expect(digests == digests.sorted())
        // given_name, family_name, birthdate, patient_id, address and three decoys.
        #expect(digests.count == 5 + 3)
        for name in ["given_name", "family_name", "birthdate", "patient_id", "address"] {
            #expect(payload[name] == nil)
        }
        let elements = try #require(payload["nationalities"]?.arrayValue)
        #expect(elements.count == 2)
        #expect(elements.allSatisfy { $0.objectValue?.names == ["..."] })
        for disclosure in sdJWT.disclosures { #expect(try Base64URL.decode(disclosure.salt).count == 16) }
        #expect(Set(sdJWT.disclosures.map(\.salt)).count == sdJWT.disclosures.count)
        let address = try #require(sdJWT.disclosures.first { $0.name == "address" })
        #expect(address.value["_sd"]?.arrayValue?.count == 3 + 3)
        #expect(address.value["locality"] == nil)
    }

    @Test func differentSaltsGiveDifferentDigests() throws {
        let first = try SDJWTFixture.sdJWT(seed: 1)
        let second = try SDJWTFixture.sdJWT(seed: 2)
        #expect(Set(first.disclosures.map(\.digest)).isDisjoint(with: second.disclosures.map(\.digest)))
    }

    @Test func refusesToConcealRegisteredClaimsAndUnknownPaths() throws {
        var random = SeededRandom(seed: 3)
        let claims: JSONObject = ["iss": "did:example:issuer", "name": "x"]
        #expect(throws: SDJWTError.claimNotDisclosable("iss")) {
            try SDJWTIssuer.issue(
                claims: claims, disclosable: [SDJWTClaimPath(names: "iss")], random: &random,
                signer: try SDJWTFixture.issuer())
        }
        #expect(throws: SDJWTError.unknownClaimPath("/missing")) {
            try SDJWTIssuer.issue(
                claims: claims, disclosable: [SDJWTClaimPath(names: "missing")], random: &random,
                signer: try SDJWTFixture.issuer())
        }
    }

    @Test func disclosureEncodingMatchesRFC9901Section4_2_1() throws {
        // RFC 9901 §4.2.1: the array is serialized, then base64url-encoded; the digest is over that text.
        let disclosure = Disclosure(salt: "_26bc4LT-ac6q2KI6cBW5es", name: "family_name", value: "Möbius")
        let decoded = try JSONValue(parsing: try Base64URL.decode(disclosure.encoded))
        #expect(decoded == ["_26bc4LT-ac6q2KI6cBW5es", "family_name", "Möbius"])
        #expect(try Disclosure(parsing: disclosure.encoded) == disclosure)
        #expect(disclosure.digest == Disclosure.digest(of: disclosure.encoded))
    }

    @Test func secureRandomSourceGivesFreshBytes() {
        var source = SecureRandomSource()
        #expect(source.bytes(count: 16) != source.bytes(count: 16))
    }
}

/// Seeded properties (STYLE.md §8): issuance round trips for many salts, and any single-bit flip of the issuer
/// signature or the KB-JWT signature is refused.
@Suite struct SDJWTPropertyTests {
    static let seed: UInt64 = 0x5D_1A7
    static let iterations = 64

    @Test func roundTripsForManySaltsAndSelections() throws {
        var generator = SplitMix64(seed: Self.seed)
        let paths = SDJWTFixture.patientDisclosable
        for iteration in 0..<Self.iterations {
            let sdJWT = try SDJWTFixture.sdJWT(seed: generator.next(), decoys: iteration % 4)
            let chosen = paths.filter { _ in generator.next() % 2 == 0 }
            let presented = try SDJWTFixture.bind(try sdJWT.presenting(chosen))
            let claims = try SDJWTFixture.verify(try SDJWT(parsing: presented.serialized)).payload.claims
            let disclosed = chosen.compactMap { path -> String? in
                guard case .name(let name)? = path.components.first else { return nil }
                return name
            }
            for name in disclosed where name != "nationalities" {
                #expect(claims[name] != nil, "seed \(Self.seed) iteration \(iteration) claim \(name)")
            }
            let hidden = ["given_name", "family_name", "birthdate", "patient_id", "address"].filter {
                !disclosed.contains($0)
            }
            for name in hidden { #expect(claims[name] == nil, "seed \(Self.seed) iteration \(iteration) \(name)") }
            #expect(presented.disclosures.count <= sdJWT.disclosures.count)
        }
    }

    @Test func refusesEveryBitFlipOfTheSignatures() throws {
        let presented = try SDJWTFixture.bind(try SDJWTFixture.sdJWT())
        let parts = presented.issuerJWT.split(separator: ".").map(String.init)
        let signature = try Base64URL.decode(parts[2])
        for bit in 0..<(signature.count * 8) {
            var flipped = signature
            flipped[bit / 8] ^= UInt8(1 << (bit % 8))
            let jwt = parts[0] + "." + parts[1] + "." + Base64URL.encode(flipped)
            let forged = SDJWT(
                issuerJWT: jwt, disclosures: presented.disclosures, keyBindingJWT: presented.keyBindingJWT)
            #expect(throws: SDJWTError.issuerSignatureInvalid, "bit \(bit)") { try SDJWTFixture.verify(forged) }
        }
        let kbParts = try #require(presented.keyBindingJWT).split(separator: ".").map(String.init)
        let kbSignature = try Base64URL.decode(kbParts[2])
        for bit in 0..<(kbSignature.count * 8) {
            var flipped = kbSignature
            flipped[bit / 8] ^= UInt8(1 << (bit % 8))
            let kb = kbParts[0] + "." + kbParts[1] + "." + Base64URL.encode(flipped)
            let forged = SDJWT(issuerJWT: presented.issuerJWT, disclosures: presented.disclosures, keyBindingJWT: kb)
            #expect(throws: SDJWTError.keyBindingSignatureInvalid, "bit \(bit)") { try SDJWTFixture.verify(forged) }
        }
    }
}
