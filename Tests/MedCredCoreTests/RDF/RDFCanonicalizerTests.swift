import Foundation
import MedCredCore
import MedCredTestSupport
import Testing

/// The W3C RDFC-1.0 test suite, run in place from `shared/vectors/rdf-canon/` (SOURCES.md §11).
///
/// Skipped tests: none.
@Suite struct RDFCanonicalizerTests {
    static let evalTests = (try? RDFCanonVector.entries(ofType: "rdfc:RDFC10EvalTest")) ?? []
    static let mapTests = (try? RDFCanonVector.entries(ofType: "rdfc:RDFC10MapTest")) ?? []
    static let negativeTests = (try? RDFCanonVector.entries(ofType: "rdfc:RDFC10NegativeEvalTest")) ?? []

    /// A missing or unreadable manifest would otherwise make every parameterised test vanish silently.
    @Test func manifestListsEveryTest() {
        #expect(Self.evalTests.count == 64)
        #expect(Self.mapTests.count == 21)
        #expect(Self.negativeTests.count == 1)
    }

    @Test(arguments: evalTests)
    func canonicalizesLikeTheSuite(_ vector: RDFCanonVector) throws {
        let dataset = try NQuads.parse(try vector.text(vector.action))
        let output = try RDFCanonicalizer.canonicalize(dataset, hashAlgorithm: try algorithm(vector))
        #expect(output.nquads == (try vector.text(try #require(vector.result))))
    }

    @Test(arguments: mapTests)
    func issuesIdentifiersLikeTheSuite(_ vector: RDFCanonVector) throws {
        let dataset = try NQuads.parse(try vector.text(vector.action))
        let output = try RDFCanonicalizer.canonicalize(dataset, hashAlgorithm: try algorithm(vector))
        let expected = try JSONDecoder().decode(
            [String: String].self, from: Data(try vector.text(try #require(vector.result)).utf8))
        #expect(output.issued == expected)
    }

    @Test(arguments: negativeTests)
    func stopsPoisonGraphsAtTheWorkLimit(_ vector: RDFCanonVector) throws {
        let dataset = try NQuads.parse(try vector.text(vector.action))
        #expect(throws: RDFCanonicalizationError.self) {
            try RDFCanonicalizer.canonicalize(dataset, hashAlgorithm: try algorithm(vector))
        }
    }

    private func algorithm(_ vector: RDFCanonVector) throws -> RDFCanonicalizationHashAlgorithm {
        switch vector.hashAlgorithm {
        case nil, "SHA256": return .sha256
        case "SHA384": return .sha384
        case let other?: throw UnknownHashAlgorithm(name: other)
        }
    }

    private struct UnknownHashAlgorithm: Error { let name: String }
}
