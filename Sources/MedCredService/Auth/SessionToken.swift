import Foundation
import MedCredCore
import MedCredCrypto

/// The session JWT (RFC 7519) as a compact JWS (RFC 7515) with `alg` EdDSA (RFC 8037), signed by the service
/// DID's key: `{"alg":"EdDSA","typ":"JWT","kid":<verification method>}` over
/// `{iss, sub, aud, iat, exp, jti, policy, claims}`.
enum SessionToken {
    /// Signs the claims set.
    static func sign(_ payload: JSONObject, signer: any ProofSigner) throws(LoginError) -> String {
        let header: JSONObject = ["alg": "EdDSA", "typ": "JWT", "kid": .string(signer.verificationMethod)]
        let signingInput =
            Base64URL.encode(JSONValue.object(header).utf8Bytes) + "."
            + Base64URL.encode(JSONValue.object(payload).utf8Bytes)
        let signature: [UInt8]
        do { signature = try signer.sign(Array(signingInput.utf8)) } catch {
            throw LoginError(code: "session-signing-failed", reason: "the service key could not sign: \(error)")
        }
        guard signature.count == Ed25519.signatureLength else {
            throw LoginError(code: "session-signing-failed", reason: "the service key returned a malformed signature")
        }
        return signingInput + "." + Base64URL.encode(signature)
    }

    /// Parses `token` and checks its header names a key of the service DID; the signature is checked by the caller.
    static func parse(_ token: String, serviceDID: String) throws(LoginError) -> CompactJWS {
        let jws: CompactJWS
        do { jws = try CompactJWS(parsing: token) } catch { throw invalid("the token is not a compact JWS") }
        guard jws.header["alg"]?.stringValue == "EdDSA", jws.header["typ"]?.stringValue == "JWT" else {
            throw invalid("the token is not an EdDSA JWT")
        }
        // Any key of the service DID, current or rotated away: which one was in force is checked by resolution.
        guard let kid = jws.header["kid"]?.stringValue, kid.hasPrefix(serviceDID + "#") else {
            throw invalid("the token was not issued by this service")
        }
        return jws
    }

    /// Reads the session out of a verified token's claims.
    static func session(_ jws: CompactJWS, issuer: String) throws(LoginError) -> Session {
        let claims = jws.payload
        guard claims["iss"]?.stringValue == issuer else { throw invalid("the token was not issued by this service") }
        guard let sub = claims["sub"]?.stringValue, let policy = claims["policy"]?.stringValue,
            let iat = claims["iat"]?.doubleValue, let exp = claims["exp"]?.doubleValue,
            claims["jti"]?.stringValue != nil, let exposed = claims["claims"], exposed.objectValue != nil
        else { throw invalid("the token lacks a session claim") }
        return Session(
            token: jws.serialized, holder: sub, policy: policy, claims: exposed,
            issuedAt: Date(timeIntervalSince1970: iat), expiresAt: Date(timeIntervalSince1970: exp))
    }

    static func invalid(_ reason: String) -> LoginError {
        LoginError(code: "session-invalid", reason: reason)
    }
}
