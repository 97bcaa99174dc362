import MedCredCore
import Testing

/// DID Resolution v1.0 results and errors: https://www.w3.org/TR/did-resolution/#did-resolution-result
@Suite struct DIDResolutionResultTests {
    static let did = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"

    @Test func resolvesADIDKey() throws {
        let result = DIDResolutionResult.resolvingDIDKey(Self.did)
        #expect(result.error == nil)
        #expect(result.didDocument == (try DIDKey(parsing: Self.did).document()))
        #expect(result.didResolutionMetadata == ["contentType": "application/did+ld+json"])
        #expect(result.didDocumentMetadata.isEmpty)
        #expect(
            result.json.objectValue?.names == [
                "@context", "didDocument", "didResolutionMetadata", "didDocumentMetadata",
            ])
    }

    /// An error result, by the `type` URL of its error object.
    struct Failure: CustomTestStringConvertible, Sendable {
        let input: String
        let error: DIDResolutionError
        let type: String
        var testDescription: String { "\"\(input)\"" }
    }

    static let failures: [Failure] = [
        .init(input: "", error: .invalidDID(.empty), type: "INVALID_DID"),
        .init(input: "did:key:", error: .invalidDID(.emptyMethodSpecificID), type: "INVALID_DID"),
        .init(input: "did:key:z6Mk#x", error: .invalidDID(.invalidCharacter("#", offset: 12)), type: "INVALID_DID"),
        .init(input: "did:web:example.com", error: .methodNotSupported("web"), type: "METHOD_NOT_SUPPORTED"),
        .init(
            input: "did:key:z", error: .invalidDIDKey(.invalidMulticodec(.malformedCode(.empty))), type: "INVALID_DID"),
        .init(input: "did:key:uAAAA", error: .invalidDIDKey(.notBase58btc("u")), type: "INVALID_DID"),
        .init(
            input: "did:key:z6LSeu9HkTHSfLLeUs2nnzUSNedgDUevfNQgQjQC23ZCit6F",
            error: .invalidDIDKey(.unsupportedPublicKeyType(.x25519Pub)), type: "FEATURE_NOT_SUPPORTED"),
    ]

    @Test(arguments: failures)
    func reportsAnErrorResult(_ failure: Failure) {
        let result = DIDResolutionResult.resolvingDIDKey(failure.input)
        #expect(result.error == failure.error)
        #expect(result.didDocument == nil)
        #expect(result.json["didDocument"] == .null)
        #expect(result.json["didDocumentMetadata"] == [:])
        let error = result.json["didResolutionMetadata"]?["error"]
        #expect(error?["type"]?.stringValue == "https://www.w3.org/ns/did#" + failure.type)
        #expect(error?["title"]?.stringValue?.isEmpty == false)
        #expect(error?["detail"]?.stringValue?.isEmpty == false)
    }

    @Test func describesErrorsForOtherResolvers() throws {
        let did = try DID(parsing: "did:web:example.com")
        #expect(DIDResolutionError.notFound(did).type == "https://www.w3.org/ns/did#NOT_FOUND")
        #expect(DIDResolutionError.notFound(did).detail == "did:web:example.com was not found")
        #expect(DIDResolutionError.invalidDIDDocument(.missingMember(pointer: "/id")).code == "INVALID_DID_DOCUMENT")
        #expect(DIDResolutionError.representationNotSupported("text/html").code == "REPRESENTATION_NOT_SUPPORTED")
        #expect(DIDResolutionError.invalidDIDKey(.invalidPublicKey).detail.hasPrefix("invalidPublicKey"))
    }

    @Test func carriesAChosenContentTypeAndDocumentMetadata() throws {
        let document = try DIDKey(parsing: Self.did).document()
        let result = DIDResolutionResult.success(
            document, contentType: DIDResolutionResult.didMediaType, documentMetadata: ["deactivated": false])
        #expect(result.json["didResolutionMetadata"] == ["contentType": "application/did"])
        #expect(result.json["didDocumentMetadata"] == ["deactivated": false])
    }
}
