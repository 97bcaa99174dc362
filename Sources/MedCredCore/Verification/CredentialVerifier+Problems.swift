extension CredentialVerifier {
    /// A Data Integrity failure as a problem, typed as the spec names it.
    static func problem(_ error: DataIntegrityError, pointer: String) -> CredentialProblem {
        CredentialProblem(
            type: ProblemType(urlOrName: error.specErrorType) ?? .proofVerification, pointer: pointer,
            detail: "\(error.check.rawValue): \(error)")
    }

    /// A JOSE failure as a problem.
    static func problem(_ error: JOSEError, pointer: String) -> CredentialProblem {
        CredentialProblem(type: .proofVerification, pointer: pointer, detail: "\(error)")
    }

    /// A resolution failure: a bad DID in the document is a failed `proof` check; an unsupported method or a
    /// failing resolver means the verifier cannot answer.
    static func resolutionFailure(_ error: DIDResolutionError, pointer: String, into result: inout VerificationResult)
        throws(VerificationError) -> UnwrappedDocument?
    {
        switch error {
        case .invalidDID, .invalidDIDKey, .notFound, .invalidDIDDocument:
            result.record(
                .proof,
                problems: [
                    CredentialProblem(
                        type: .proofVerification, pointer: pointer,
                        detail: "the verification method's DID does not resolve: \(error.code): \(error.detail)")
                ])
            return nil
        case .methodNotSupported, .representationNotSupported:
            throw .resolution(error)
        }
    }

    /// A JSON value's strings: the value itself, or the strings of an array.
    static func strings(_ value: JSONValue) -> [String] {
        if let text = value.stringValue { return [text] }
        return value.arrayValue?.compactMap(\.stringValue) ?? []
    }
}
