import MedCredCrypto
import MedCredTestSupport
import Testing

@Suite struct SecretBoxTests {
    private let key = SecretBytes([UInt8](repeating: 7, count: 32))

    @Test func roundTrips() throws {
        let sealed = try SecretBox.seal(SecretBytes(Array("licence key".utf8)), key: key)
        #expect(sealed.count == SecretBox.nonceLength + SecretBox.tagLength + 11)
        #expect(try SecretBox.open(sealed, key: key).exportBytes() == Array("licence key".utf8))
    }

    @Test func roundTripsEmptyPlaintext() throws {
        let sealed = try SecretBox.seal(SecretBytes([UInt8]()), key: key)
        #expect(try SecretBox.open(sealed, key: key).count == 0)
    }

    @Test func usesAFreshNonceEachTime() throws {
        let plain = SecretBytes([1, 2, 3])
        #expect(try SecretBox.seal(plain, key: key) != SecretBox.seal(plain, key: key))
    }

    /// libsodium's own secretbox test vector (test/default/secretbox.c), first 32 bytes of ciphertext.
    @Test func matchesLibsodiumVector() throws {
        let firstKey = SecretBytes(Hex.decode("1b27556473e985d462cd51197a9a46c76009549eac6474f206c4ee0844f68389"))
        let nonce = Hex.decode("69696ee955b62b73cd62bda875fc73d68219e0036b7a0b37")
        let message = Hex.decode(
            "be075fc53c81f2d5cf141316ebeb0c7b5228c52a4c62cbd44b66849b64244ffce5ecbaaf33bd751a1ac728d45e6c6129"
                + "6cdc3c01233561f41db66cce314adb310e3be8250c46f06dceea3a7fa1348057e2f6556ad6b1318a024a838f21af1fde"
                + "048977eb48f59ffd4924ca1c60902e52f0a089bc76897040e082f937763848645e0705")
        let sealed = try SecretBox.seal(SecretBytes(message), key: firstKey, nonce: nonce)
        #expect(
            Hex.encode(sealed.dropFirst(24).prefix(32))
                == "f3ffc7703f9400e52a7dfb4b3d3305d98e993b9f48681273c29650ba32fc76ce")
    }

    @Test func rejectsWrongKey() throws {
        let sealed = try SecretBox.seal(SecretBytes([1, 2, 3]), key: key)
        #expect(throws: CryptoError.authenticationFailed) {
            try SecretBox.open(sealed, key: SecretBytes([UInt8](repeating: 8, count: 32)))
        }
    }

    @Test func rejectsEveryFlippedBit() throws {
        let sealed = try SecretBox.seal(SecretBytes([1, 2, 3, 4]), key: key)
        for bit in 0..<(sealed.count * 8) {
            var flipped = sealed
            flipped[bit / 8] ^= 1 << (bit % 8)
            #expect(throws: CryptoError.authenticationFailed, "bit \(bit)") { try SecretBox.open(flipped, key: key) }
        }
    }

    @Test func rejectsTruncatedBox() throws {
        let sealed = try SecretBox.seal(SecretBytes([1, 2, 3]), key: key)
        #expect(throws: CryptoError.authenticationFailed) { try SecretBox.open(Array(sealed.dropLast()), key: key) }
        #expect(throws: CryptoError.invalidLength(what: "secretbox", expected: 40, actual: 39)) {
            try SecretBox.open(Array(sealed.prefix(39)), key: key)
        }
        #expect(throws: CryptoError.self) { try SecretBox.open([], key: key) }
    }

    @Test func rejectsKeyOfWrongLength() {
        #expect(throws: CryptoError.invalidLength(what: "secretbox key", expected: 32, actual: 16)) {
            try SecretBox.seal(SecretBytes([1]), key: SecretBytes([UInt8](repeating: 0, count: 16)))
        }
        #expect(throws: CryptoError.invalidLength(what: "secretbox key", expected: 32, actual: 33)) {
            try SecretBox.open([UInt8](repeating: 0, count: 60), key: SecretBytes([UInt8](repeating: 0, count: 33)))
        }
    }

    @Test func rejectsNonceOfWrongLength() {
        #expect(throws: CryptoError.invalidLength(what: "secretbox nonce", expected: 24, actual: 12)) {
            try SecretBox.seal(SecretBytes([1]), key: key, nonce: [UInt8](repeating: 0, count: 12))
        }
    }
}

@Suite struct Argon2idTests {
    private let salt = [UInt8](repeating: 0x02, count: 16)

    /// RFC 9106 §5.3 cannot be reproduced through libsodium (it exposes no secret/associated data), so this
    /// pins libsodium's output for fixed inputs: a change of algorithm or parameters would break stored
    /// wallets, and this test says so first.
    @Test func isDeterministic() throws {
        let a = try Argon2id.deriveKey(
            passphrase: SecretBytes(Array("correct horse".utf8)), salt: salt, limits: .minimum)
        let b = try Argon2id.deriveKey(
            passphrase: SecretBytes(Array("correct horse".utf8)), salt: salt, limits: .minimum)
        #expect(a.count == 32)
        #expect(a.constantTimeEquals(b))
    }

    @Test func matchesArgon2idReferenceOutput() throws {
        // An independent implementation (pyca/cryptography, OpenSSL Argon2id): t=2, m=64 KiB, p=1, 32 bytes,
        // password "password", salt "somesaltsomesalt".
        let key = try Argon2id.deriveKey(
            passphrase: SecretBytes(Array("password".utf8)), salt: Array("somesaltsomesalt".utf8),
            limits: Argon2id.Limits(operations: 2, memoryBytes: 64 * 1024))
        #expect(Hex.encode(key.exportBytes()) == "1a98fba8e6394425c9bdc333a9c750aaf811df070f5fb4a5788e1cf4db5793a1")
    }

    @Test func differsWithPassphraseAndSalt() throws {
        let base = try Argon2id.deriveKey(passphrase: SecretBytes([1]), salt: salt, limits: .minimum)
        let otherPass = try Argon2id.deriveKey(passphrase: SecretBytes([2]), salt: salt, limits: .minimum)
        let otherSalt = try Argon2id.deriveKey(
            passphrase: SecretBytes([1]), salt: [UInt8](repeating: 3, count: 16), limits: .minimum)
        #expect(!base.constantTimeEquals(otherPass))
        #expect(!base.constantTimeEquals(otherSalt))
    }

    @Test func rejectsBadSalt() {
        #expect(throws: CryptoError.invalidLength(what: "Argon2id salt", expected: 16, actual: 8)) {
            try Argon2id.deriveKey(
                passphrase: SecretBytes([1]), salt: [UInt8](repeating: 0, count: 8), limits: .minimum)
        }
    }

    @Test func rejectsLimitsOutOfRange() {
        #expect(throws: CryptoError.parameterOutOfRange(what: "Argon2id operations")) {
            try Argon2id.deriveKey(
                passphrase: SecretBytes([1]), salt: salt, limits: Argon2id.Limits(operations: 0, memoryBytes: 8192))
        }
        #expect(throws: CryptoError.parameterOutOfRange(what: "Argon2id memory")) {
            try Argon2id.deriveKey(
                passphrase: SecretBytes([1]), salt: salt, limits: Argon2id.Limits(operations: 1, memoryBytes: 10))
        }
        #expect(throws: CryptoError.parameterOutOfRange(what: "Argon2id output length")) {
            try Argon2id.deriveKey(passphrase: SecretBytes([1]), salt: salt, limits: .minimum, length: 4)
        }
    }
}

@Suite struct HashingTests {
    @Test func sha256MatchesFIPSExamples() {
        #expect(
            Hex.encode(SHA256.hash(Array("abc".utf8)))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            Hex.encode(SHA256.hash([UInt8]())) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func sha512MatchesFIPSExamples() {
        #expect(
            Hex.encode(SHA512.hash(Array("abc".utf8)))
                == "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd"
                + "454d4423643ce80e2a9ac94fa54ca49f")
    }

    @Test func randomBytesHaveTheRequestedLengthAndDiffer() {
        #expect(SecureRandom.bytes(count: 0).isEmpty)
        #expect(SecureRandom.bytes(count: 24).count == 24)
        #expect(SecureRandom.bytes(count: 32) != SecureRandom.bytes(count: 32))
    }

    @Test func secretBytesCompareInConstantTime() {
        #expect(SecretBytes([1, 2, 3]).constantTimeEquals(SecretBytes([1, 2, 3])))
        #expect(!SecretBytes([1, 2, 3]).constantTimeEquals(SecretBytes([1, 2, 4])))
        #expect(!SecretBytes([1, 2, 3]).constantTimeEquals(SecretBytes([1, 2])))
        #expect(SecretBytes(randomCount: 16).count == 16)
    }
}
