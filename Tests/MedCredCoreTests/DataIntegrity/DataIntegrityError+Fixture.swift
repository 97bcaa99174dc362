import MedCredCore

/// Case names as fixture files spell them in `wantError.case`; a switch, since `description` is for people.
extension DataIntegrityError: FixtureCaseNamed {
    var caseName: String {
        switch self {
        case .parsing: "parsing"
        case .documentNotObject: "documentNotObject"
        case .missingProof: "missingProof"
        case .emptyProofSet: "emptyProofSet"
        case .duplicateProofID: "duplicateProofID"
        case .proofNotObject: "proofNotObject"
        case .missingMember: "missingMember"
        case .unexpectedMember: "unexpectedMember"
        case .wrongMemberType: "wrongMemberType"
        case .emptyMember: "emptyMember"
        case .unknownProofType: "unknownProofType"
        case .unsupportedCryptosuite: "unsupportedCryptosuite"
        case .contextsUnavailable: "contextsUnavailable"
        case .jsonLD: "jsonLD"
        case .canonicalization: "canonicalization"
        case .invalidDateTime: "invalidDateTime"
        case .proofPurposeMismatch: "proofPurposeMismatch"
        case .domainMismatch: "domainMismatch"
        case .challengeMismatch: "challengeMismatch"
        case .expired: "expired"
        case .previousProofNotFound: "previousProofNotFound"
        case .previousProofNotVerified: "previousProofNotVerified"
        case .contextMismatch: "contextMismatch"
        case .proofValueNotBase58btc: "proofValueNotBase58btc"
        case .invalidProofValue: "invalidProofValue"
        case .invalidSignatureLength: "invalidSignatureLength"
        case .verificationKey: "verificationKey"
        case .signatureInvalid: "signatureInvalid"
        }
    }
}
