import Foundation
import MedCredCore
import Testing

/// One of our own schema cases, `Fixtures/schema/<case>.json` (STYLE.md §8).
///
/// A case has `desc`, a schema (`schema` inline, or `schemaFile`, a path under `schemas/`), an optional
/// `registry` (URI → schema), and either `instance` with `want` (the violations in evaluation order:
/// `instanceLocation`, `keyword`, and optionally `keywordLocation` and `message`) or `wantError` (the
/// ``SchemaError`` case name and optionally its schema location).
struct SchemaFixture: Sendable, CustomTestStringConvertible {
    /// The file name without `.json`, which is how a failure names the case.
    let name: String
    let file: JSONValue

    var testDescription: String { name }

    /// The cases whose file names start with one of `prefixes`, sorted; throws when there are none.
    static func load(_ prefixes: String...) throws -> [SchemaFixture] {
        let folder = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/schema")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        var fixtures: [SchemaFixture] = []
        for file in names where file.hasSuffix(".json") && prefixes.contains(where: { file.hasPrefix($0) }) {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            let json = try JSONValue(parsing: String(decoding: data, as: UTF8.self))
            fixtures.append(SchemaFixture(name: String(file.dropLast(".json".count)), file: json))
        }
        try #require(!fixtures.isEmpty, "no fixtures starting with \(prefixes) in Fixtures/schema")
        return fixtures
    }

    /// The schema under test.
    func schema() throws -> JSONValue {
        if let path = file["schemaFile"]?.stringValue { return try CredentialSchemaFiles.json(path) }
        return try #require(file["schema"], "fixture \(name) has no schema")
    }

    /// The documents the schema may reference.
    func registry() -> SchemaRegistry {
        var registry = SchemaRegistry()
        for member in file["registry"]?.objectValue ?? [:] { registry.register(member.value, at: member.name) }
        return registry
    }

    /// Compiles the schema, which the case expects to succeed.
    func validator() throws -> JSONSchema {
        try JSONSchema(try schema(), registry: registry())
    }
}

extension SchemaError {
    /// The case name, as fixtures spell it in `wantError.case`; a switch, since `description` is for people.
    var caseName: String {
        switch self {
        case .notASchema: "notASchema"
        case .invalidKeywordValue: "invalidKeywordValue"
        case .invalidPattern: "invalidPattern"
        case .invalidIdentifier: "invalidIdentifier"
        case .duplicateIdentifier: "duplicateIdentifier"
        case .invalidRegistryURI: "invalidRegistryURI"
        case .unresolvedReference: "unresolvedReference"
        case .referenceCycle: "referenceCycle"
        case .depthLimitExceeded: "depthLimitExceeded"
        }
    }

    /// The schema location the error names, if it names one.
    var schemaLocation: String? {
        switch self {
        case .notASchema(let location), .invalidKeywordValue(_, let location), .invalidPattern(_, let location),
            .invalidIdentifier(_, let location), .duplicateIdentifier(_, let location),
            .unresolvedReference(_, let location), .referenceCycle(let location):
            location
        case .invalidRegistryURI, .depthLimitExceeded: nil
        }
    }
}

/// The `schemas/` folder at the repository root, read by tests (Core itself does no I/O).
enum CredentialSchemaFiles {
    /// `<repo>/schemas`: this file is `<repo>/Tests/MedCredCoreTests/Schema/SchemaFixture.swift`.
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("schemas")

    /// Every schema file, as paths under `schemas/` such as `MedicalLicenseCredential/v1.json`.
    static func paths() throws -> [String] {
        let paths = try FileManager.default.subpathsOfDirectory(atPath: folder.resolvingSymlinksInPath().path)
            .filter { $0.hasSuffix(".json") }.sorted()
        try #require(!paths.isEmpty, "no schema files in \(folder.path)")
        return paths
    }

    static func text(_ path: String) throws -> String {
        String(decoding: try Data(contentsOf: folder.appendingPathComponent(path)), as: UTF8.self)
    }

    static func json(_ path: String) throws -> JSONValue {
        try JSONValue(parsing: try text(path))
    }
}
