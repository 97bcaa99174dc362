import Foundation
import MedCredCore
import MedCredLedger

/// The DID of a new did:webvh log and the DID documents written into it.
enum DIDWebVHDocument {
    static let didContext = "https://www.w3.org/ns/did/v1"

    /// `did:webvh:{SCID}:<host>[%3A<port>][:<segment>…]` for `HOST[:PORT][/PATH]`, checked against the
    /// did:webvh identifier rules (no IP hosts, no `.`/`..` segments, ports 1–65535).
    static func placeholderDID(domain: String) throws(CLIError) -> String {
        let slash = domain.firstIndex(of: "/") ?? domain.endIndex
        let authority = String(domain[..<slash])
        let path = domain[slash...].dropFirst()
        var did = "did:webvh:\(WebVHHash.placeholder):" + authority.replacingOccurrences(of: ":", with: "%3A")
        if slash != domain.endIndex {
            for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
                did += ":" + percentEncode(String(segment))
            }
        }
        // Parse with a syntactically valid SCID: the real one is only known once the first entry is hashed.
        let sample = did.replacingOccurrences(of: WebVHHash.placeholder, with: String(repeating: "1", count: 46))
        do throws(WebVHError) {
            _ = try WebVHIdentifier(parsing: sample)
        } catch {
            let reason = if case .invalidIdentifier(_, let problem) = error { problem.rawValue } else { "\(error)" }
            throw .invalidInput("invalid --domain \(Terminal.quoted(domain)): \(reason)")
        }
        return did
    }

    /// The minimal document: the DID Core context and the `id`.
    static func minimal(id: String) -> JSONObject {
        ["@context": .array([.string(didContext)]), "id": .string(id)]
    }

    /// Reads a DID document from `path`: a JSON object whose `id`, when present, is `id` (it is added when
    /// absent) and whose `@context` starts with the DID Core context (added when absent).
    static func load(_ path: String, id: String) throws(CLIError) -> JSONObject {
        let bytes = try InputFile.read(path, what: "DID document")
        let what = "the DID document \(Terminal.quoted(path))"
        let value: JSONValue
        do { value = try JSONValue(parsing: bytes) } catch { throw .invalidInput("\(what) is not JSON: \(error)") }
        guard var document = value.objectValue else { throw .invalidInput("\(what) is not a JSON object") }
        switch document["id"] {
        case nil: document["id"] = .string(id)
        case .string(id)?: break
        default: throw .invalidInput("\(what) has an id other than \(Terminal.quoted(id))")
        }
        switch document["@context"] {
        case nil: document["@context"] = .array([.string(didContext)])
        case .string(didContext)?: break
        case .array(let list)? where list.first == .string(didContext): break
        default: throw .invalidInput("\(what): @context must start with \(didContext)")
        }
        for name in ["verificationMethod", "service"] {
            guard let member = document[name] else { continue }
            guard let list = member.arrayValue, list.allSatisfy({ $0["id"]?.stringValue != nil }) else {
                throw .invalidInput("\(what): \(name) must be an array of objects with an id")
            }
        }
        return document
    }

    private static func percentEncode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80,
                scalar.properties.isASCIIHexDigit || ("g"..."z").contains(scalar)
                    || ("G"..."Z").contains(scalar) || "-._".unicodeScalars.contains(scalar)
            {
                out.unicodeScalars.append(scalar)
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }
}
