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

    /// The work limit, not a timeout, ends a poison graph; the time limit only catches a limit that fails to trip.
    @Test(.timeLimit(.minutes(1)), arguments: negativeTests)
    func stopsPoisonGraphsAtTheWorkLimit(_ vector: RDFCanonVector) throws {
        let dataset = try NQuads.parse(try vector.text(vector.action))
        let error = #expect(throws: RDFCanonicalizationError.self) {
            try RDFCanonicalizer.canonicalize(dataset, hashAlgorithm: try algorithm(vector))
        }
        let limit = RDFCanonicalizationLimits.default
        #expect(
            error == .permutationLimitExceeded(limit: limit.maxPermutations)
                || error == .hashNDegreeCallLimitExceeded(limit: limit.maxHashNDegreeCalls))
    }

    /// test044 ("poison – evil (1)") needs exactly 468 Hash N-Degree Quads calls and 2,880 permutations.
    @Test func evilDatasetFitsItsExactWorkAndNoLess() throws {
        let dataset = try NQuads.parse(try Vectors.text("rdf-canon/rdfc10/test044-in.nq"))
        let exact = RDFCanonicalizationLimits(maxHashNDegreeCalls: 468, maxPermutations: 2_880)
        let expected = try Vectors.text("rdf-canon/rdfc10/test044-rdfc10.nq")
        #expect(try RDFCanonicalizer.canonicalize(dataset, limits: exact).nquads == expected)
        #expect(throws: RDFCanonicalizationError.hashNDegreeCallLimitExceeded(limit: 467)) {
            try RDFCanonicalizer.canonicalize(dataset, limits: .init(maxHashNDegreeCalls: 467, maxPermutations: 2_880))
        }
        #expect(throws: RDFCanonicalizationError.permutationLimitExceeded(limit: 2_879)) {
            try RDFCanonicalizer.canonicalize(dataset, limits: .init(maxHashNDegreeCalls: 468, maxPermutations: 2_879))
        }
    }

    @Test func removesDuplicateQuadsBeforeHashing() throws {
        let once = try NQuads.parse("_:x <urn:p> _:y .\n_:y <urn:p> \"v\" .\n")
        let twice = RDFDataset(quads: once.quads + once.quads.reversed())
        let expected = "_:c14n0 <urn:p> \"v\" .\n_:c14n1 <urn:p> _:c14n0 .\n"
        #expect(try RDFCanonicalizer.canonicalize(once).nquads == expected)
        #expect(try RDFCanonicalizer.canonicalize(twice).nquads == expected)
        #expect(try RDFCanonicalizer.canonicalize(twice).issued == ["y": "c14n0", "x": "c14n1"])
    }

    /// RDF compares literals by code point, so NFC and NFD spellings of "é" are two quads, not duplicates.
    @Test func keepsLiteralsThatDifferOnlyInNormalization() throws {
        let composed = RDFQuad(subject: .iri("urn:s"), predicate: .iri("urn:p"), object: .literal(RDFLiteral("\u{E9}")))
        var decomposed = composed
        decomposed.object = .literal(RDFLiteral("e\u{301}"))
        let output = try RDFCanonicalizer.canonicalize(RDFDataset(quads: [composed, decomposed, composed]))
        #expect(Array(output.nquads.utf8) == Array((NQuads.line(decomposed) + NQuads.line(composed)).utf8))
    }

    @Test func groundDatasetIssuesNothing() throws {
        let dataset = try NQuads.parse("<urn:b> <urn:p> \"1\" .\n<urn:a> <urn:p> \"1\" <urn:g> .\n")
        let output = try RDFCanonicalizer.canonicalize(dataset)
        #expect(output.nquads == "<urn:a> <urn:p> \"1\" <urn:g> .\n<urn:b> <urn:p> \"1\" .\n")
        #expect(output.issued.isEmpty)
    }

    @Test func emptyDatasetIsEmpty() throws {
        let output = try RDFCanonicalizer.canonicalize(RDFDataset())
        #expect(output.nquads.isEmpty)
        #expect(output.issued.isEmpty)
    }

    /// Renaming the input's blank nodes, or reordering its quads, must not change the canonical form.
    @Test(arguments: evalTests.filter { $0.id == "#test021c" || $0.id == "#test044c" || $0.id == "#test065c" })
    func ignoresInputLabelsAndOrder(_ vector: RDFCanonVector) throws {
        let dataset = try NQuads.parse(try vector.text(vector.action))
        let renamed = RDFDataset(
            quads: dataset.quads.reversed().map { quad in
                RDFQuad(
                    subject: Self.rename(quad.subject), predicate: quad.predicate, object: Self.rename(quad.object),
                    graph: quad.graph.map(Self.rename))
            })
        let expected = try vector.text(try #require(vector.result))
        #expect(try RDFCanonicalizer.canonicalize(renamed).nquads == expected)
    }

    private static func rename(_ term: RDFTerm) -> RDFTerm {
        guard case .blankNode(let label) = term else { return term }
        return .blankNode("renamed" + String(label.reversed()))
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
