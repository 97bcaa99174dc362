import Foundation
import MedCredCore
import MedCredServer
import Testing

@Suite struct OpenAPIDocumentTests {
    static let serverURL = "https://medcred.example"
    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    let document = OpenAPIDocument.document(serverURL: Self.serverURL)

    /// Every (method, path, Operation Object) of the document.
    var documented: [(method: String, path: String, operation: JSONObject)] {
        (document["paths"]?.objectValue ?? [:]).flatMap { path in
            (path.value.objectValue ?? [:]).compactMap { member in
                guard Self.methods.contains(member.name), let operation = member.value.objectValue else { return nil }
                return (member.name, path.name, operation)
            }
        }
    }

    @Test func bytesParseToTheDocument() throws {
        let parsed = try JSONValue(parsing: OpenAPIDocument.bytes(serverURL: Self.serverURL))
        #expect(parsed == document)
        #expect(parsed["servers"] == [["url": .string(Self.serverURL)]])
    }

    @Test func isOpenAPI310() {
        #expect(document["openapi"] == "3.1.0")
        #expect(document["info"]?["title"] == "MedCred")
        #expect(document["info"]?["version"] == "1.0.0")
    }

    @Test func everyReferenceResolvesToAComponent() throws {
        var references: [String] = []
        collectReferences(document, into: &references)
        #expect(!references.isEmpty)
        for reference in references {
            #expect(reference.hasPrefix("#/components/"), "\(reference)")
            #expect(resolve(reference) != nil, "unresolved \(reference)")
        }
    }

    @Test func everyComponentSchemaIsUsed() {
        var references: [String] = []
        collectReferences(document["paths"], into: &references)
        var reachable = Set<String>()
        var pending = references
        while let reference = pending.popLast() {
            guard reachable.insert(reference).inserted, let target = resolve(reference) else { continue }
            collectReferences(target, into: &pending)
        }
        for name in document["components"]?["schemas"]?.objectValue?.names ?? [] {
            #expect(reachable.contains("#/components/schemas/\(name)"), "unused schema \(name)")
        }
    }

    @Test func operationIDsAreUnique() {
        let ids = documented.map { $0.operation["operationId"]?.stringValue ?? "" }
        #expect(!ids.contains(""))
        #expect(Set(ids).count == ids.count, "duplicates: \(ids.filter { id in ids.filter { $0 == id }.count > 1 })")
    }

    @Test func everyPathTemplateParameterIsDeclared() {
        for (method, path, operation) in documented {
            let pathParameters = (operation["parameters"]?.arrayValue ?? []).filter { $0["in"] == "path" }
            let declared = pathParameters.compactMap { $0["name"]?.stringValue }
            #expect(declared.sorted() == templateNames(path).sorted(), "\(method) \(path)")
            for parameter in pathParameters {
                #expect(parameter["required"] == true, "\(method) \(path)")
                #expect(parameter["schema"] != nil, "\(method) \(path)")
            }
        }
    }

    @Test func operationsListTheDocumentedPathsAndMethods() {
        let listed = OpenAPIDocument.operations.map { "\($0.method) \($0.path)" }
        let inDocument = documented.map { "\($0.method.uppercased()) \($0.path)" }
        #expect(Set(listed).count == listed.count)
        #expect(listed.sorted() == inDocument.sorted())
    }

    @Test func everyOperationIsDescribed() {
        let tags = Set((document["tags"]?.arrayValue ?? []).compactMap { $0["name"]?.stringValue })
        let schemes = Set(document["components"]?["securitySchemes"]?.objectValue?.names ?? [])
        for (method, path, operation) in documented {
            let place = "\(method) \(path)"
            #expect(operation["summary"]?.stringValue?.isEmpty == false, "\(place)")
            let operationTags = operation["tags"]?.arrayValue?.compactMap(\.stringValue) ?? []
            #expect(!operationTags.isEmpty && operationTags.allSatisfy(tags.contains), "\(place)")
            for requirement in operation["security"]?.arrayValue ?? [] {
                #expect((requirement.objectValue?.names ?? []).allSatisfy(schemes.contains), "\(place)")
            }
            let statuses = operation["responses"]?.objectValue?.names ?? []
            #expect(statuses.contains { $0.hasPrefix("2") }, "\(place) has no success response")
            // DID resolution answers its failures as resolution results (DID Resolution v1.0), not problems.
            let isResolution = path.hasPrefix("/1.0/identifiers/")
            for status in statuses where status.hasPrefix("4") || status.hasPrefix("5") || status == "default" {
                let content = operation["responses"]?[status]?["content"]
                #expect(content?["application/problem+json"] != nil || isResolution, "\(place) \(status)")
            }
        }
    }

    @Test func bearerRoutesDeclareTheirScheme() {
        let security = Dictionary(
            documented.map { ("\($0.method.uppercased()) \($0.path)", $0.operation["security"]) },
            uniquingKeysWith: { first, _ in first })
        #expect(security["POST /admin/issuers"] == [["adminToken": []]])
        #expect(security["POST /credentials/issue"] == [["issuerToken": []]])
        #expect(security["GET /auth/session"] == [["sessionToken": []]])
        #expect(security["POST /credentials/verify"] == [])
    }

    private func templateNames(_ path: String) -> [String] {
        path.split(separator: "/").compactMap { segment in
            guard segment.hasPrefix("{"), segment.hasSuffix("}") else { return nil }
            return String(segment.dropFirst().dropLast())
        }
    }

    private func collectReferences(_ value: JSONValue?, into references: inout [String]) {
        switch value {
        case .object(let object):
            for member in object {
                if member.name == "$ref", let reference = member.value.stringValue {
                    references.append(reference)
                } else {
                    collectReferences(member.value, into: &references)
                }
            }
        case .array(let items): for item in items { collectReferences(item, into: &references) }
        default: break
        }
    }

    /// Resolves a local JSON Pointer reference (RFC 6901), `#/a/b`.
    private func resolve(_ reference: String) -> JSONValue? {
        guard reference.hasPrefix("#/") else { return nil }
        var value: JSONValue? = document
        for token in reference.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) {
            let name = token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            value = value?[name]
        }
        return value
    }
}
