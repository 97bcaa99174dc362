import Foundation
import MedCredCore
import MedCredLedger

/// The input rules of issuer accounts and accreditations, checked before any key is made.
enum AccountValidation {
    static let maxNameLength = 200
    static let maxSlugLength = 63

    /// The trimmed name.
    /// - Throws: ``AccountError/invalidRequest(field:reason:)`` for an empty or over-long name.
    static func name(_ text: String) throws(AccountError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .invalidRequest(field: "name", reason: "must not be empty") }
        guard trimmed.count <= maxNameLength else {
            throw .invalidRequest(field: "name", reason: "must be at most \(maxNameLength) characters")
        }
        return trimmed
    }

    /// The given slug, checked, or one derived from `name` (lower-case, runs of other characters become `-`).
    /// - Throws: ``AccountError/invalidRequest(field:reason:)`` when it is not `[a-z0-9-]{1,63}`.
    static func slug(_ given: String?, name: String) throws(AccountError) -> String {
        let slug = given ?? derivedSlug(name)
        let allowed = slug.utf8.allSatisfy {
            ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
                || $0 == UInt8(ascii: "-")
        }
        guard !slug.isEmpty, slug.utf8.count <= maxSlugLength, allowed else {
            throw .invalidRequest(field: "slug", reason: "must match [a-z0-9-]{1,63}")
        }
        return slug
    }

    static func derivedSlug(_ name: String) -> String {
        var slug = ""
        for scalar in name.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, slug.last != "-" {
                slug.append("-")
            }
        }
        slug = String(slug.prefix(maxSlugLength))
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug
    }

    /// Checks the credential types: at least one, each known to ``CredentialSchemas`` or a PascalCase name ending
    /// in `Credential` (other than the base type `VerifiableCredential`), no duplicates.
    /// - Throws: ``AccountError/invalidRequest(field:reason:)`` or ``AccountError/unknownCredentialType(_:)``.
    static func credentialTypes(_ types: [String]) throws(AccountError) -> [String] {
        guard !types.isEmpty else { throw .invalidRequest(field: "credentialTypes", reason: "must not be empty") }
        guard Set(types).count == types.count else {
            throw .invalidRequest(field: "credentialTypes", reason: "must not repeat a type")
        }
        for type in types where CredentialSchemas.schemaID(forType: type) == nil {
            let bytes = Array(type.utf8)
            let isPascal =
                bytes.count <= 100 && bytes.first.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") } == true
                && bytes.allSatisfy {
                    ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A)
                }
            guard isPascal, type.hasSuffix("Credential"), type != "VerifiableCredential" else {
                throw .unknownCredentialType(type)
            }
        }
        return types
    }

    /// Checks a jurisdiction: ISO 3166-1 alpha-2 (`US`) or ISO 3166-2 (`US-CA`), as accreditations require.
    /// - Throws: ``AccountError/invalidRequest(field:reason:)``.
    static func jurisdiction(_ text: String) throws(AccountError) -> String {
        let bytes = Array(text.utf8)
        let isUpper: (UInt8) -> Bool = { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
        let isUpperOrDigit: (UInt8) -> Bool = { isUpper($0) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9")) }
        let valid =
            bytes.count >= 2 && isUpper(bytes[0]) && isUpper(bytes[1])
            && (bytes.count == 2
                || (bytes.count >= 4 && bytes.count <= 6 && bytes[2] == UInt8(ascii: "-")
                    && bytes[3...].allSatisfy(isUpperOrDigit)))
        guard valid else {
            throw .invalidRequest(field: "jurisdiction", reason: "must be an ISO 3166 code such as US or US-CA")
        }
        return text
    }

    /// Checks that `domain` makes valid did:webvh DIDs (did:webvh v1.0 "Method-Specific Identifier").
    /// - Throws: ``AccountError/invalidDomain(_:)``.
    static func domain(_ domain: String) throws(AccountError) {
        let sample = "did:webvh:" + String(repeating: "Q", count: 46) + ":" + domain
        guard (try? WebVHIdentifier(parsing: sample)) != nil else { throw .invalidDomain(domain) }
    }
}
