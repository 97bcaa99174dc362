import MedCredCore

/// Case names as fixture files spell them in `wantError.case`; a switch, since `description` is for people.
extension JOSEError: FixtureCaseNamed {
    var caseName: String {
        switch self {
        case .wrongPartCount: "wrongPartCount"
        case .emptyPart: "emptyPart"
        case .invalidBase64URL: "invalidBase64URL"
        case .invalidJSON: "invalidJSON"
        case .notObject: "notObject"
        case .invalidSignatureLength: "invalidSignatureLength"
        case .missingHeader: "missingHeader"
        case .wrongType: "wrongType"
        case .unsupportedAlgorithm: "unsupportedAlgorithm"
        case .unsupportedCriticalHeaders: "unsupportedCriticalHeaders"
        case .typeMismatch: "typeMismatch"
        case .contentTypeMismatch: "contentTypeMismatch"
        case .invalidKeyID: "invalidKeyID"
        case .payloadTypeMismatch: "payloadTypeMismatch"
        case .missingIssuer: "missingIssuer"
        case .issuerMismatch: "issuerMismatch"
        case .keyNotControlledBySigner: "keyNotControlledBySigner"
        case .expired: "expired"
        case .notYetValid: "notYetValid"
        case .verificationKey: "verificationKey"
        case .signatureInvalid: "signatureInvalid"
        case .invalidEnvelope: "invalidEnvelope"
        case .signerFailed: "signerFailed"
        }
    }
}
