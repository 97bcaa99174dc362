public import MedCredCore

/// The OpenAPI 3.1 document of the service.
///
/// Every route ``RouteRecorder`` registers is described here, with its authentication, parameters, request
/// body, success response and the `application/problem+json` problems it can answer, by stable code. A test
/// holds ``operations`` against the router both ways.
public enum OpenAPIDocument {
    /// The document as JSON bytes, with `servers: [{url: serverURL}]`.
    /// - Parameter serverURL: the service's public base URL.
    /// - Returns: the serialized document.
    public static func bytes(serverURL: String) -> [UInt8] { document(serverURL: serverURL).utf8Bytes }

    /// The document as a JSON value.
    /// - Parameter serverURL: the service's public base URL.
    /// - Returns: the document.
    public static func document(serverURL: String) -> JSONValue {
        [
            "openapi": "3.1.0",
            "info": info,
            "servers": [["url": .string(serverURL)]],
            "tags": .array(tags.map { ["name": .string($0.0), "description": .string($0.1)] }),
            "paths": paths,
            "components": ["securitySchemes": securitySchemes, "schemas": schemas],
        ]
    }

    /// Every documented (METHOD uppercased, path) pair, in document order.
    public static var operations: [(method: String, path: String)] {
        allOperations.map { (method: $0.method.uppercased(), path: $0.path) }
    }

    static var allOperations: [OpenAPIOperation] {
        adminOperations + credentialOperations + authOperations + didOperations + ledgerOperations
            + serviceOperations
    }

    private static let info: JSONValue = [
        "title": "MedCred",
        "version": "1.0.0",
        "description": """
        MedCred issues and verifies W3C Verifiable Credentials for healthcare: issuer accounts with \
        did:webvh DIDs anchored on a witnessed transparency ledger, accreditation by a trust root, VC-API \
        issuing (eddsa-jcs-2022 or VC-JOSE), Bitstring Status List revocation and suspension, verification \
        of credentials and presentations, and DID-Auth login against verifier policies. Every error is an \
        RFC 9457 `application/problem+json` object with a stable `code` and the request's `requestId`.
        """,
    ]

    private static let tags: [(String, String)] = [
        ("admin", "Issuer accounts, tokens, keys, accreditations and the audit log; admin token"),
        ("issuing", "VC-API credential issuing; issuer token"),
        ("status", "Bitstring Status List: status changes (issuer token) and the public lists"),
        ("verifying", "VC-API verification of credentials and presentations, for anyone"),
        ("auth", "Challenges, DID-Auth login and sessions"),
        ("did", "DID resolution and the did:webvh logs MedCred hosts"),
        ("ledger", "The witnessed transparency ledger: checkpoints, entries, proofs and bundles"),
        ("operations", "Health, metrics and this document"),
    ]

    private static let securitySchemes: JSONValue = [
        "adminToken": [
            "type": "http", "scheme": "bearer",
            "description": "The admin token, `mc_adm_…`, written once to `admin.token` in the data folder",
        ],
        "issuerToken": [
            "type": "http", "scheme": "bearer",
            "description": "An issuer token, `mc_iss_…`, shown once when the issuer is created or its token rotated",
        ],
        "sessionToken": [
            "type": "http", "scheme": "bearer", "bearerFormat": "JWT",
            "description": "A session JWT from `POST /auth/login`, signed by the service's DID",
        ],
    ]

    /// The Paths Object: operations grouped by path, in first-seen order.
    private static var paths: JSONValue {
        var result = JSONObject()
        for operation in allOperations {
            var item = result[operation.path]?.objectValue ?? [:]
            item[operation.method] = operation.json
            result[operation.path] = .object(item)
        }
        return .object(result)
    }
}
