/// Hash Related Blank Node and Hash N-Degree Quads (RDFC-1.0 §4.7 and §4.8,
/// https://www.w3.org/TR/rdf-canon/#hash-nd-quads).
extension CanonicalizationState {
    /// Hash Related Blank Node (RDFC-1.0 §4.7).
    mutating func hashRelatedBlankNode(
        _ related: String, quad: SerializedQuad, issuer: IdentifierIssuer, position: String
    ) -> String {
        let identifier: String
        if let canonical = canonicalIssuer.identifier(for: related) {
            identifier = "_:" + canonical
        } else if let temporary = issuer.identifier(for: related) {
            identifier = "_:" + temporary
        } else {
            identifier = hashFirstDegreeQuads(related)
        }
        var input = Array(position.utf8)
        if position != "g" { input += quad.predicate }
        return hexHash(input + Array(identifier.utf8))
    }

    /// Hash N-Degree Quads (RDFC-1.0 §4.8).
    mutating func hashNDegreeQuads(
        _ identifier: String, issuer: IdentifierIssuer
    ) throws(RDFCanonicalizationError) -> (hash: String, issuer: IdentifierIssuer) {
        hashNDegreeCalls += 1
        guard hashNDegreeCalls <= limits.maxHashNDegreeCalls else {
            throw .hashNDegreeCallLimitExceeded(limit: limits.maxHashNDegreeCalls)
        }
        var issuer = issuer
        let relatedByHash = relatedBlankNodesByHash(identifier, issuer: issuer)
        var dataToHash = ""
        for relatedHash in relatedByHash.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            dataToHash += relatedHash
            var chosen: (path: String, issuer: IdentifierIssuer)?
            var permutation = relatedByHash[relatedHash] ?? []
            permutation.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            repeat {
                permutations += 1
                guard permutations <= limits.maxPermutations else {
                    throw .permutationLimitExceeded(limit: limits.maxPermutations)
                }
                if let candidate = try pathForPermutation(permutation, issuer: issuer, shortest: chosen?.path),
                    chosen == nil || candidate.path.utf8.lexicographicallyPrecedes(chosen?.path.utf8 ?? "".utf8)
                {
                    chosen = candidate
                }
            } while Self.nextPermutation(&permutation)
            if let chosen {
                dataToHash += chosen.path
                issuer = chosen.issuer
            }
        }
        return (hexHash(dataToHash), issuer)
    }

    /// §4.8.3 steps 1–3: the hash to related blank nodes map.
    private mutating func relatedBlankNodesByHash(
        _ identifier: String, issuer: IdentifierIssuer
    ) -> [String: [String]] {
        var relatedByHash: [String: [String]] = [:]
        for index in quadsByBlankNode[identifier] ?? [] {
            let quad = quads[index]
            let components: [(RDFTerm?, String)] = [(quad.subject, "s"), (quad.object, "o"), (quad.graph, "g")]
            for (term, position) in components {
                guard let related = term?.blankNodeLabel, related != identifier else { continue }
                let hash = hashRelatedBlankNode(
                    related, quad: serialized[index], issuer: issuer, position: position)
                relatedByHash[hash, default: []].append(related)
            }
        }
        return relatedByHash
    }

    /// §4.8.3 step 5.4: the path for one permutation, or `nil` once it can no longer beat `shortest`.
    private mutating func pathForPermutation(
        _ permutation: [String], issuer: IdentifierIssuer, shortest: String?
    ) throws(RDFCanonicalizationError) -> (path: String, issuer: IdentifierIssuer)? {
        var issuerCopy = issuer
        var path = ""
        var recursionList: [String] = []
        for related in permutation {
            if let canonical = canonicalIssuer.identifier(for: related) {
                path += "_:" + canonical
            } else {
                if issuerCopy.identifier(for: related) == nil { recursionList.append(related) }
                path += "_:" + issuerCopy.issue(related)
            }
            if Self.cannotBeat(path, shortest) { return nil }
        }
        for related in recursionList {
            let result = try hashNDegreeQuads(related, issuer: issuerCopy)
            path += "_:" + issuerCopy.issue(related)
            path += "<" + result.hash + ">"
            issuerCopy = result.issuer
            if Self.cannotBeat(path, shortest) { return nil }
        }
        return (path, issuerCopy)
    }

    private static func cannotBeat(_ path: String, _ shortest: String?) -> Bool {
        guard let shortest, !shortest.isEmpty else { return false }
        return path.utf8.count >= shortest.utf8.count && shortest.utf8.lexicographicallyPrecedes(path.utf8)
    }

    /// Advances to the next permutation in lexicographic order; returns false after the last one.
    static func nextPermutation(_ items: inout [String]) -> Bool {
        guard items.count > 1 else { return false }
        var pivot = items.count - 2
        while pivot >= 0 && !items[pivot].utf8.lexicographicallyPrecedes(items[pivot + 1].utf8) { pivot -= 1 }
        guard pivot >= 0 else { return false }
        var successor = items.count - 1
        while !items[pivot].utf8.lexicographicallyPrecedes(items[successor].utf8) { successor -= 1 }
        items.swapAt(pivot, successor)
        items[(pivot + 1)...].reverse()
        return true
    }
}
