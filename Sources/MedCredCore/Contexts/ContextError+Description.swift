/// One-line messages for people (CLI output).
extension ContextError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .invalidPinsJSON(let error): "the context pin list is not valid JSON: \(error)"
        case .missingPinMember(let pointer): "the context pin list has no member at \(pointer)"
        case .invalidPinMember(let pointer): "the context pin list has an invalid value at \(pointer)"
        case .unexpectedPinMember(let pointer): "the context pin list has an unknown member at \(pointer)"
        case .duplicatePinURL(let url): "the context pin list names \(url) twice"
        case .duplicatePinFile(let file): "the context pin list names the file \(file) twice"
        case .unpinnedURL(let url): "context \(url) is not pinned: MedCred accepts only the contexts it pins"
        case .digestMismatch(let url, let expected, let actual):
            "context \(url) has SHA-256 \(actual), but \(expected) is pinned"
        case .invalidDocument(let url, let error): "context \(url) is not valid JSON: \(error)"
        case .notAContextDocument(let url): "context \(url) is not an object with an @context object or array"
        }
    }
}
