import Foundation
import MedCredTestSupport
import Testing

/// One entry of the W3C rdf-canon manifest (`shared/vectors/rdf-canon/manifest.jsonld`).
struct RDFCanonVector: Decodable, Sendable, CustomTestStringConvertible {
    let id: String
    let type: String
    let name: String
    let action: String
    let result: String?
    let hashAlgorithm: String?

    var testDescription: String { id + " " + name }

    /// Every manifest entry of one type (`rdfc:RDFC10EvalTest`, `rdfc:RDFC10MapTest`,
    /// `rdfc:RDFC10NegativeEvalTest`).
    static func entries(ofType type: String) throws -> [RDFCanonVector] {
        struct Manifest: Decodable { let entries: [RDFCanonVector] }
        return try Vectors.load("rdf-canon/manifest.jsonld", as: Manifest.self).entries.filter { $0.type == type }
    }

    func text(_ path: String) throws -> String { try Vectors.text("rdf-canon/" + path) }
}
