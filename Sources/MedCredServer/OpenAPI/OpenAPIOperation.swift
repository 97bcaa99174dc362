import MedCredCore

/// One documented route: what the handler reads, who may call it, and what it answers. The problems a route
/// can answer are listed by status with their stable codes; the document renders each status as one
/// `application/problem+json` response whose description names those codes.
struct OpenAPIOperation {
    /// Who may call a route.
    enum Security {
        /// Anyone.
        case none
        /// The admin bearer token (`mc_adm_…`).
        case admin
        /// An issuer bearer token (`mc_iss_…`).
        case issuer
        /// A session JWT from `POST /auth/login`.
        case session
    }

    /// A success (or non-problem) response.
    struct Response {
        let status: String
        let description: String
        /// Media type → schema; empty for a response without a body.
        let content: [(String, JSONValue)]
        var headers: [(String, JSONValue)] = []
    }

    let method: String
    let path: String
    let operationID: String
    let summary: String
    let tag: String
    var security: Security = .none
    var description: String? = nil
    var parameters: [JSONValue] = []
    /// The request body's schema name in `components.schemas`.
    var requestBody: String? = nil
    var responses: [Response] = []
    /// Problem codes by HTTP status.
    var problems: [Int: [String]] = [:]

    /// Adds problem codes under `status`, keeping earlier ones.
    func with(_ status: Int, _ codes: [String]) -> OpenAPIOperation {
        var copy = self
        for code in codes where !(copy.problems[status] ?? []).contains(code) {
            copy.problems[status, default: []].append(code)
        }
        return copy
    }

    /// The problems every request body can cause: unparsable or non-object JSON, an unknown member, a body
    /// over the route's limit, a declared non-JSON media type.
    var readingBody: OpenAPIOperation {
        with(400, ["malformed-json", "malformed-request", "unknown-member"]).with(413, ["body-too-large"])
            .with(415, ["unsupported-media-type"])
    }

    /// The problems of a route behind a bearer token: 401 for a missing, malformed, unknown or revoked token
    /// (with `WWW-Authenticate`), 403 for a valid token of the wrong scope.
    var authenticated: OpenAPIOperation {
        with(401, ["token-missing", "token-malformed", "token-unknown", "token-revoked"]).with(403, ["forbidden"])
    }

    /// The problem of a `{param}` path segment that is empty or longer than 512 bytes.
    var checkingPathParameter: OpenAPIOperation { with(400, ["malformed-request"]) }

    /// The OpenAPI Operation Object.
    var json: JSONValue {
        var object: JSONObject = [
            "operationId": .string(operationID), "summary": .string(summary), "tags": [.string(tag)],
        ]
        if let description { object["description"] = .string(description) }
        object["security"] = securityJSON
        if !parameters.isEmpty { object["parameters"] = .array(parameters) }
        if let requestBody {
            object["requestBody"] = [
                "required": true,
                "content": ["application/json": ["schema": OpenAPISchema.ref(requestBody)]],
            ]
        }
        object["responses"] = .object(responsesJSON)
        return .object(object)
    }

    private var securityJSON: JSONValue {
        switch security {
        case .none: []
        case .admin: [["adminToken": []]]
        case .issuer: [["issuerToken": []]]
        case .session: [["sessionToken": []]]
        }
    }

    private var responsesJSON: JSONObject {
        var result = JSONObject()
        for response in responses { result[response.status] = Self.render(response) }
        for status in problems.keys.sorted() {
            let codes = problems[status] ?? []
            let problem = OpenAPIOperation.problemContent
            if let existing = result[String(status)]?.objectValue {
                result[String(status)] = .object(Self.merging(problem, codes: codes, into: existing))
            } else {
                result[String(status)] = [
                    "description": .string("Problem; `code` is one of: " + codes.joined(separator: ", ")),
                    "content": .object(JSONObject([problem])),
                ]
            }
        }
        result = JSONObject(result.sorted { $0.name < $1.name }.map { ($0.name, $0.value) })
        result["default"] = [
            "description": "Problem `internal-error`: the service failed; quote `requestId` when reporting it",
            "content": .object(JSONObject([OpenAPIOperation.problemContent])),
        ]
        return result
    }

    static let problemContent: (String, JSONValue) = (
        "application/problem+json", ["schema": OpenAPISchema.ref("Problem")]
    )

    private static func render(_ response: Response) -> JSONValue {
        var object: JSONObject = ["description": .string(response.description)]
        if !response.headers.isEmpty { object["headers"] = .object(JSONObject(response.headers)) }
        if !response.content.isEmpty {
            object["content"] = .object(JSONObject(response.content.map { ($0.0, ["schema": $0.1]) }))
        }
        return .object(object)
    }

    /// A status that has both a documented body and problems (e.g. 422 for a batch, 400 for DID resolution).
    private static func merging(_ problem: (String, JSONValue), codes: [String], into response: JSONObject)
        -> JSONObject
    {
        var merged = response
        var content = response["content"]?.objectValue ?? [:]
        content[problem.0] = problem.1
        merged["content"] = .object(content)
        let text = response["description"]?.stringValue ?? ""
        merged["description"] = .string(text + "; or a problem with `code` one of: " + codes.joined(separator: ", "))
        return merged
    }
}

extension OpenAPIOperation {
    /// A JSON response.
    static func json(_ status: Int, _ description: String, _ schema: String) -> Response {
        Response(
            status: String(status), description: description, content: [("application/json", OpenAPISchema.ref(schema))]
        )
    }

    /// A response with the given media type and schema.
    static func body(_ status: Int, _ description: String, _ mediaType: String, _ schema: JSONValue) -> Response {
        Response(status: String(status), description: description, content: [(mediaType, schema)])
    }

    /// A plain text response.
    static func text(_ status: Int, _ description: String, _ mediaType: String = "text/plain; charset=utf-8")
        -> Response
    {
        body(status, description, mediaType, OpenAPISchema.string())
    }

    /// A path parameter.
    static func pathParameter(_ name: String, _ description: String, _ schema: JSONValue = OpenAPISchema.string())
        -> JSONValue
    {
        ["name": .string(name), "in": "path", "required": true, "description": .string(description), "schema": schema]
    }

    /// A query parameter.
    static func queryParameter(_ name: String, _ description: String, _ schema: JSONValue, required: Bool = false)
        -> JSONValue
    {
        [
            "name": .string(name), "in": "query", "required": .bool(required), "description": .string(description),
            "schema": schema,
        ]
    }

    /// A header parameter.
    static func headerParameter(_ name: String, _ description: String) -> JSONValue {
        [
            "name": .string(name), "in": "header", "required": false, "description": .string(description),
            "schema": OpenAPISchema.string(),
        ]
    }

    /// A response header.
    static func header(_ name: String, _ description: String) -> (String, JSONValue) {
        (name, ["description": .string(description), "schema": OpenAPISchema.string()])
    }
}
