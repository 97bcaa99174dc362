internal import MedCredCrypto

/// RDF Dataset Canonicalization, RDFC-1.0 (W3C Recommendation, https://www.w3.org/TR/rdf-canon/).
public enum RDFCanonicalizer {
    /// Canonicalizes a dataset: labels its blank nodes `c14n0`, `c14n1`, … and serializes it as sorted
    /// canonical N-Quads (RDFC-1.0 §4.4, https://www.w3.org/TR/rdf-canon/#canon-algorithm).
    /// Duplicate quads are removed first, since a dataset is a set.
    /// - Parameters:
    ///   - dataset: the input dataset.
    ///   - hashAlgorithm: the hash RDFC-1.0 runs with; SHA-256 by default.
    ///   - limits: the work allowed before giving up on a poison dataset.
    /// - Returns: the canonical N-Quads (each line ending in `\n`) and the issued identifiers map, from each
    ///   input blank node label to its canonical label (both without `_:`).
    /// - Throws: ``RDFCanonicalizationError/hashNDegreeCallLimitExceeded(limit:)`` or
    ///   ``RDFCanonicalizationError/permutationLimitExceeded(limit:)`` when the limits are reached.
    public static func canonicalize(
        _ dataset: RDFDataset, hashAlgorithm: RDFCanonicalizationHashAlgorithm = .sha256,
        limits: RDFCanonicalizationLimits = .default
    ) throws(RDFCanonicalizationError) -> (nquads: String, issued: [String: String]) {
        var state = CanonicalizationState(dataset: dataset, hashAlgorithm: hashAlgorithm, limits: limits)
        try state.issueCanonicalIdentifiers()
        let canonical = state.canonicalIssuer
        var lines = state.serialized.map { quad in quad.line { canonical.identifier(for: $0) ?? $0 } }
        lines.sort { $0.lexicographicallyPrecedes($1) }
        return (String(decoding: lines.joined(), as: UTF8.self), canonical.issued)
    }
}

/// The working state of one canonicalization run (RDFC-1.0 §4.2, the canonicalization state).
struct CanonicalizationState {
    let quads: [RDFQuad]
    /// ``quads`` with their IRIs and literals serialized once.
    let serialized: [SerializedQuad]
    let hashAlgorithm: RDFCanonicalizationHashAlgorithm
    let limits: RDFCanonicalizationLimits
    /// The blank node to quads map, as indexes into ``quads``.
    var quadsByBlankNode: [String: [Int]] = [:]
    var canonicalIssuer = IdentifierIssuer(prefix: "c14n")
    var firstDegreeHashes: [String: String] = [:]
    var hashNDegreeCalls = 0
    var permutations = 0

    init(dataset: RDFDataset, hashAlgorithm: RDFCanonicalizationHashAlgorithm, limits: RDFCanonicalizationLimits) {
        // Swift's String equality is canonical equivalence, RDF's is code point equality: "é" and "e\u{301}"
        // are two literals, so duplicates are found on the UTF-8 bytes.
        var seen = Set<ExactBytes>()
        serialized = dataset.quads.map(SerializedQuad.init).filter { quad in
            seen.insert(ExactBytes(bytes: quad.line { $0 })).inserted
        }
        quads = serialized.map(\.quad)
        self.hashAlgorithm = hashAlgorithm
        self.limits = limits
        for (index, quad) in quads.enumerated() {
            for term in [quad.subject, quad.object, quad.graph] {
                guard let label = term?.blankNodeLabel else { continue }
                // A quad naming the same blank node twice is listed once for it.
                if quadsByBlankNode[label]?.last != index { quadsByBlankNode[label, default: []].append(index) }
            }
        }
    }

    /// RDFC-1.0 §4.4.3 steps 3–5: issue canonical identifiers, unique first-degree hashes first.
    mutating func issueCanonicalIdentifiers() throws(RDFCanonicalizationError) {
        var blankNodesByHash: [String: [String]] = [:]
        // Input order keeps the result independent of dictionary order; the spec sorts hashes anyway.
        for label in blankNodesInInputOrder() {
            blankNodesByHash[hashFirstDegreeQuads(label), default: []].append(label)
        }
        let sortedHashes = blankNodesByHash.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for hash in sortedHashes {
            guard let labels = blankNodesByHash[hash], labels.count == 1 else { continue }
            canonicalIssuer.issue(labels[0])
            blankNodesByHash[hash] = nil
        }
        for hash in sortedHashes {
            guard let labels = blankNodesByHash[hash] else { continue }
            var results: [(hash: String, issuer: IdentifierIssuer)] = []
            for label in labels where canonicalIssuer.identifier(for: label) == nil {
                var temporary = IdentifierIssuer(prefix: "b")
                temporary.issue(label)
                results.append(try hashNDegreeQuads(label, issuer: temporary))
            }
            results.sort { $0.hash.utf8.lexicographicallyPrecedes($1.hash.utf8) }
            for result in results {
                for existing in result.issuer.order { canonicalIssuer.issue(existing) }
            }
        }
    }

    private func blankNodesInInputOrder() -> [String] {
        var seen = Set<String>()
        var labels: [String] = []
        for quad in quads {
            for term in [quad.subject, quad.object, quad.graph] {
                if let label = term?.blankNodeLabel, seen.insert(label).inserted { labels.append(label) }
            }
        }
        return labels
    }

    /// Hash First Degree Quads (RDFC-1.0 §4.6): the reference node is `_:a`, every other blank node `_:z`.
    mutating func hashFirstDegreeQuads(_ reference: String) -> String {
        if let known = firstDegreeHashes[reference] { return known }
        var lines = (quadsByBlankNode[reference] ?? []).map { index in
            serialized[index].line { $0 == reference ? "a" : "z" }
        }
        lines.sort { $0.lexicographicallyPrecedes($1) }
        let hash = hexHash(Array(lines.joined()))
        firstDegreeHashes[reference] = hash
        return hash
    }

    func hexHash(_ text: String) -> String { hexHash(Array(text.utf8)) }

    func hexHash(_ bytes: [UInt8]) -> String {
        let digest: [UInt8]
        switch hashAlgorithm {
        case .sha256: digest = SHA256.hash(bytes)
        case .sha384: digest = SHA384.hash(bytes)
        }
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(digest.count * 2)
        for byte in digest {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
