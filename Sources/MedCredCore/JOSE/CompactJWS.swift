internal import MedCredCrypto

/// A JWS in compact serialization, `BASE64URL(header).BASE64URL(payload).BASE64URL(signature)`, parsed strictly.
///
/// RFC 7515 §3.1 and §7.1 (https://www.rfc-editor.org/rfc/rfc7515#section-7.1). The header and payload are read
/// with the strict I-JSON parser, so duplicate members are rejected (RFC 7515 §5.2 step 4); the signing input
/// is kept exactly as received, since the signature covers those bytes and not a re-encoding.
public struct CompactJWS: Hashable, Sendable {
    /// The JOSE header.
    public let header: JSONObject
    /// The payload, which for VC-JOSE is the credential or presentation itself.
    public let payload: JSONValue
    /// The signature bytes.
    public let signature: [UInt8]
    /// `ASCII(BASE64URL(header) || '.' || BASE64URL(payload))` as received (RFC 7515 §5.2 step 8).
    public let signingInput: [UInt8]
    /// The whole compact serialization.
    public let serialized: String

    /// Parses a compact JWS (RFC 7515 §5.2 steps 1–6).
    /// - Parameter text: the compact serialization; no whitespace may surround it.
    /// - Throws: ``JOSEError/wrongPartCount(_:)``, ``JOSEError/emptyPart(_:)``,
    ///   ``JOSEError/invalidBase64URL(_:_:)``, ``JOSEError/invalidJSON(_:_:)``, ``JOSEError/notObject(_:)`` for
    ///   a header that is not an object, or ``JOSEError/invalidSignatureLength(expected:actual:)``.
    public init(parsing text: some StringProtocol) throws(JOSEError) {
        let parts = String(text).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { throw .wrongPartCount(parts.count) }
        let headerBytes = try Self.decode(parts[0], .header)
        let payloadBytes = try Self.decode(parts[1], .payload)
        let signature = try Self.decode(parts[2], .signature)
        let header = try Self.parseJSON(headerBytes, .header)
        guard let headerObject = header.objectValue else { throw .notObject(.header) }
        guard signature.count == Ed25519.signatureLength else {
            throw .invalidSignatureLength(expected: Ed25519.signatureLength, actual: signature.count)
        }
        self.header = headerObject
        self.payload = try Self.parseJSON(payloadBytes, .payload)
        self.signature = signature
        self.signingInput = Array(parts[0].utf8) + [UInt8(ascii: ".")] + Array(parts[1].utf8)
        self.serialized = String(text)
    }

    /// Signs `payload` under `header` and serializes the result (RFC 7515 §5.1).
    /// - Parameters:
    ///   - header: the protected header; written compactly, members in order.
    ///   - payload: the payload; written compactly, members in order.
    ///   - signer: the Ed25519 key.
    /// - Returns: the compact JWS.
    /// - Throws: ``JOSEError/signerFailed(verificationMethod:reason:)`` or
    ///   ``JOSEError/invalidSignatureLength(expected:actual:)`` when the signer fails.
    static func sign(header: JSONObject, payload: JSONValue, signer: some ProofSigner) throws(JOSEError) -> String {
        let signingInput =
            Base64URL.encode(JSONValue.object(header).utf8Bytes) + "." + Base64URL.encode(payload.utf8Bytes)
        let signature: [UInt8]
        do { signature = try signer.sign(Array(signingInput.utf8)) } catch {
            throw .signerFailed(verificationMethod: signer.verificationMethod, reason: String(describing: error))
        }
        guard signature.count == Ed25519.signatureLength else {
            throw .invalidSignatureLength(expected: Ed25519.signatureLength, actual: signature.count)
        }
        return signingInput + "." + Base64URL.encode(signature)
    }

    private static func decode(_ part: Substring, _ which: JOSEError.Part) throws(JOSEError) -> [UInt8] {
        guard !part.isEmpty else { throw .emptyPart(which) }
        do { return try Base64URL.decode(part) } catch { throw .invalidBase64URL(which, error) }
    }

    private static func parseJSON(_ bytes: [UInt8], _ which: JOSEError.Part) throws(JOSEError) -> JSONValue {
        do { return try JSONValue(parsing: bytes) } catch { throw .invalidJSON(which, error) }
    }
}
