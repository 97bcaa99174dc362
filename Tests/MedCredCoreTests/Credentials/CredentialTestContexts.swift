import Foundation
import MedCredCore
import MedCredTestSupport
import Testing

/// The pinned JSON-LD contexts of `shared/vectors/contexts`, read in place through `contexts/index.json`.
enum CredentialTestContexts {
    private struct Index: Decodable {
        struct Entry: Decodable { let file: String }
        let contexts: [String: Entry]
    }

    /// Every context in the index, keyed by URL; throws when the index or a listed file is missing.
    static func known() throws -> KnownContexts {
        let index = try Vectors.load("contexts/index.json", as: Index.self)
        var documents: [String: JSONValue] = [:]
        for (url, entry) in index.contexts {
            documents[url] = try JSONValue(parsing: Array(Vectors.data("contexts/" + entry.file)))
        }
        return KnownContexts(documents: documents)
    }

    /// Options for checking an issuer-endpoint input (no `issuer` needed).
    static func issuance(now: Date? = nil) throws -> CredentialValidationOptions {
        CredentialValidationOptions(purpose: .issuance, contexts: try known(), now: now)
    }

    /// Options for checking a received credential or presentation.
    static func verification(allowsVersion1: Bool = false, now: Date? = nil) throws -> CredentialValidationOptions {
        CredentialValidationOptions(
            purpose: .verification, allowsVersion1: allowsVersion1, contexts: try known(), now: now)
    }

    /// `problems` as `TYPE /pointer` strings, for comparing with expectations.
    static func summary(_ problems: [CredentialProblem]) -> [String] {
        problems.map { "\($0.type.rawValue) \($0.pointer)" }
    }
}
