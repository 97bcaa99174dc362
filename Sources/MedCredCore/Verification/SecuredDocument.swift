/// A credential or presentation as received: a JSON document (secured with Data Integrity proofs, or an
/// `EnvelopedVerifiableCredential`), or a compact JWS (VC-JOSE).
public enum SecuredDocument: Equatable, Sendable {
    /// A JSON document.
    case document(JSONValue)
    /// A compact JWS, `application/vc+jwt` or `application/vp+jwt`.
    case jws(String)

    /// Reads the bytes received: a compact JWS when the text (trimmed of surrounding whitespace) is three
    /// base64url parts joined by dots, otherwise strict I-JSON.
    /// - Parameter bytes: the input.
    /// - Returns: the document, or the parse problem (`PARSING_ERROR` with the byte offset in its detail).
    public static func parse(_ bytes: some Collection<UInt8>) -> Parsed {
        let isWhitespace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x0a || $0 == 0x0d || $0 == 0x09 }
        let trimmed = Array(bytes).drop(while: isWhitespace).reversed().drop(while: isWhitespace).reversed()
        if trimmed.first != UInt8(ascii: "{") && trimmed.first != UInt8(ascii: "["),
            trimmed.filter({ $0 == UInt8(ascii: ".") }).count == 2,
            trimmed.allSatisfy({ isBase64URLOrDot($0) })
        {
            return .parsed(.jws(String(decoding: trimmed, as: UTF8.self)))
        }
        do { return .parsed(.document(try JSONValue(parsing: bytes))) } catch {
            return .failed(CredentialProblem(parseError: error))
        }
    }

    /// The outcome of ``parse(_:)``.
    public enum Parsed: Equatable, Sendable {
        /// The input is a JSON document or a JWS.
        case parsed(SecuredDocument)
        /// The input is neither; the problem says where it went wrong.
        case failed(CredentialProblem)
    }

    private static func isBase64URLOrDot(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
            true
        default: false
        }
    }
}

/// Why the verifier could not answer at all (as opposed to answering "not verified").
public enum VerificationError: Error, Equatable, Sendable {
    /// A DID could not be resolved for a reason that says nothing about the credential: the method is not
    /// supported here, or the resolver failed.
    case resolution(DIDResolutionError)
    /// A check extension (status, anchoring, policy) could not run; `reason` says why.
    case extensionFailed(name: String, reason: String)
}
