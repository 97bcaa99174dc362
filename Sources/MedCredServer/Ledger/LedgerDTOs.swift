import Foundation

/// One entry of `GET /ledger/entries`: its leaf index and its bytes in unpadded base64url.
struct LedgerEntryDTO: Codable, Equatable {
    let index: UInt64
    let data: String
}

/// `GET /ledger/proofs/inclusion`: the RFC 9162 §2.1.3 audit path, hashes in standard base64.
struct InclusionProofDTO: Codable, Equatable {
    let index: UInt64
    let size: UInt64
    let hashes: [String]
}

/// `GET /ledger/proofs/consistency`: the RFC 9162 §2.1.4 proof, hashes in standard base64.
struct ConsistencyProofDTO: Codable, Equatable {
    let from: UInt64
    let to: UInt64
    let hashes: [String]
}

enum LedgerBase64 {
    static func standard(_ bytes: [UInt8]) -> String { Data(bytes).base64EncodedString() }

    /// RFC 4648 §5 without padding.
    static func url(_ bytes: [UInt8]) -> String {
        String(
            standard(bytes).replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .trimmingSuffix { $0 == "=" })
    }
}

extension String {
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var result = self[...]
        while let last = result.last, predicate(last) { result = result.dropLast() }
        return result
    }
}
