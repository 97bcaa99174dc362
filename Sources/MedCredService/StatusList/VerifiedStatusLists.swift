import Foundation
import MedCredCore
import Synchronization

/// Status list credentials that verified, by URL, so that checking the status of many credentials against
/// one list verifies the list once.
///
/// A list is served again whenever it is fetched; an entry is reused only when the fetched document is exactly
/// the one verified (so a changed or re-signed list is verified anew) and it is still within its validity
/// period. Proof verification resolves the issuer as of the proof's `created`, which does not depend on the
/// verifier's clock.
final class VerifiedStatusLists: Sendable {
    private struct Entry {
        let json: JSONValue
        let list: BitstringStatusListCredential
        let validUntil: Date?
    }

    /// More lists than this and the cache starts afresh.
    static let limit = 1024

    private let entries = Mutex<[String: Entry]>([:])

    /// The verified list at `url`, when `json` is the very document verified and still valid at `now`.
    func list(url: String, json: JSONValue, now: Date) -> BitstringStatusListCredential? {
        guard let entry = entries.withLock({ $0[url] }), entry.json == json else { return nil }
        if let until = entry.validUntil, now >= until { return nil }
        return entry.list
    }

    /// Remembers a list that verified.
    func store(_ list: BitstringStatusListCredential, url: String, json: JSONValue) {
        let entry = Entry(json: json, list: list, validUntil: list.credential.validUntil?.date)
        entries.withLock { table in
            if table.count >= Self.limit { table.removeAll(keepingCapacity: true) }
            table[url] = entry
        }
    }
}
