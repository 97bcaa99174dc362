public import Foundation

/// Locates the official vectors in `shared/vectors` (beside the repository) or `MEDCRED_VECTORS`.
///
/// Tests fail loudly when a vector file is missing: a silently skipped vector is a passed test that
/// checked nothing.
public enum Vectors {
    /// Errors finding or reading a vector file.
    public enum LoadError: Error, CustomStringConvertible {
        case missing(path: String)
        case unreadable(path: String)

        public var description: String {
            switch self {
            case .missing(let path): "vector file missing: \(path) (set MEDCRED_VECTORS to shared/vectors)"
            case .unreadable(let path): "vector file unreadable: \(path)"
            }
        }
    }

    /// The vectors folder: `$MEDCRED_VECTORS`, else `<repo>/../shared/vectors`.
    public static var root: URL {
        if let override = ProcessInfo.processInfo.environment["MEDCRED_VECTORS"], !override.isEmpty {
            return URL(fileURLWithPath: override, isDirectory: true)
        }
        // #filePath is <repo>/Sources/MedCredTestSupport/Vectors.swift.
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return repo.deletingLastPathComponent().appendingPathComponent("shared/vectors", isDirectory: true)
    }

    /// The URL of a vector file, which must exist.
    /// - Parameter relativePath: path under the vectors folder, e.g. `ed25519/rfc8032_section7.1.json`.
    public static func url(_ relativePath: String) throws -> URL {
        let url = root.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else { throw LoadError.missing(path: url.path) }
        return url
    }

    /// The raw bytes of a vector file.
    public static func data(_ relativePath: String) throws -> Data {
        let url = try url(relativePath)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LoadError.unreadable(path: url.path)
        }
        return data
    }

    /// A vector file as UTF-8 text.
    public static func text(_ relativePath: String) throws -> String {
        String(decoding: try data(relativePath), as: UTF8.self)
    }

    /// A JSON vector file decoded into `type`.
    public static func load<T: Decodable>(_ relativePath: String, as type: T.Type) throws -> T {
        try JSONDecoder().decode(T.self, from: try data(relativePath))
    }

    /// The names of the files in a vector folder, sorted.
    public static func files(in relativeFolder: String) throws -> [String] {
        let url = try url(relativeFolder)
        return try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }
}
