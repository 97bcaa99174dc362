import Foundation
import MedCredCore

/// One record of a batch file: where it is, and the credential draft it gives or why it gives none.
struct BatchRow: Sendable {
    /// The record's number: the data row of a CSV file (the header not counted), or the line of a JSONL file.
    let number: Int
    /// The file line the record starts on.
    let line: Int
    let draft: Result<JSONValue, BatchRowError>
}

/// Why a batch record could not be turned into a draft; it is reported and the other rows go on.
struct BatchRowError: Error, Sendable {
    /// A short stable code, like the service's problem codes: `invalid-csv`, `invalid-json`, `not-an-object`.
    let code: String
    let pointer: String?
    let detail: String
}

/// Reads `--batch` files: JSONL (one subject or whole draft per line) or CSV (a header of subject members,
/// dotted for nested members; a cell starting with `[` or `{` is JSON).
enum BatchRows {
    /// Batch files may be far larger than single documents.
    static let maximumBytes = 512 << 20

    static func read(path: String, draft: DraftTemplate) throws(CLIError) -> [BatchRow] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .failed("cannot read the batch file \(Terminal.quoted(path))")
        }
        guard data.count <= maximumBytes else {
            throw .invalidInput("the batch file is \(data.count) bytes; the limit is \(maximumBytes)")
        }
        let text = String(decoding: data, as: UTF8.self)
        if path.lowercased().hasSuffix(".csv") { return try csv(text, draft: draft) }
        return jsonLines(text, draft: draft)
    }

    static func jsonLines(_ text: String, draft: DraftTemplate) -> [BatchRow] {
        var rows: [BatchRow] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            let result: Result<JSONValue, BatchRowError>
            do {
                let value = try JSONValue(parsing: trimmed)
                if value.objectValue == nil {
                    result = .failure(
                        BatchRowError(code: "not-an-object", pointer: "", detail: "the line is not a JSON object"))
                } else {
                    result = .success(value["credentialSubject"] != nil ? value : draft.draft(subject: value))
                }
            } catch {
                result = .failure(BatchRowError(code: "invalid-json", pointer: nil, detail: "\(error)"))
            }
            rows.append(BatchRow(number: offset + 1, line: offset + 1, draft: result))
        }
        return rows
    }

    static func csv(_ text: String, draft: DraftTemplate) throws(CLIError) -> [BatchRow] {
        var records = CSVReader(text).records()
        guard !records.isEmpty, case .success(let header) = records.removeFirst().fields else {
            throw .invalidInput("the CSV batch file has no readable header row")
        }
        let names = header.map { $0.trimmingCharacters(in: .whitespaces) }
        let paths = names.map { $0.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }
        for (index, path) in paths.enumerated() where path.contains(where: \.isEmpty) {
            throw .invalidInput("CSV header column \(index + 1) \(Terminal.quoted(names[index])) is not a member name")
        }
        guard Set(names).count == names.count else { throw .invalidInput("the CSV header repeats a column name") }
        return records.enumerated().map { offset, record in
            let result = record.fields.flatMap { fields in subject(fields, paths: paths) }.map(draft.draft(subject:))
            return BatchRow(number: offset + 1, line: record.line, draft: result)
        }
    }

    /// The subject a CSV row describes; an empty cell leaves its member out.
    static func subject(_ fields: [String], paths: [[String]]) -> Result<JSONValue, BatchRowError> {
        guard fields.count == paths.count else {
            return .failure(
                BatchRowError(
                    code: "invalid-csv", pointer: nil, detail: "\(fields.count) cells; the header has \(paths.count)"))
        }
        var subject = JSONValue.object([:])
        for (cell, path) in zip(fields, paths) where !cell.isEmpty {
            let value: JSONValue
            let trimmed = cell.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("[") || trimmed.hasPrefix("{") {
                guard let parsed = try? JSONValue(parsing: trimmed) else {
                    return .failure(
                        BatchRowError(
                            code: "invalid-json", pointer: "/credentialSubject/" + path.joined(separator: "/"),
                            detail: "the cell of column \(path.joined(separator: ".")) is not valid JSON"))
                }
                value = parsed
            } else {
                value = .string(cell)
            }
            guard set(&subject, path[...], value) else {
                return .failure(
                    BatchRowError(
                        code: "invalid-csv", pointer: nil,
                        detail: "column \(path.joined(separator: ".")) conflicts with another column"))
            }
        }
        return .success(subject)
    }

    private static func set(_ target: inout JSONValue, _ path: ArraySlice<String>, _ value: JSONValue) -> Bool {
        guard let name = path.first, var object = target.objectValue else { return false }
        if path.count == 1 {
            guard object[name] == nil else { return false }
            object[name] = value
        } else {
            var child = object[name] ?? .object([:])
            guard set(&child, path.dropFirst(), value) else { return false }
            object[name] = child
        }
        target = .object(object)
        return true
    }
}

/// The parts of a draft the command line sets: the type and an optional `validUntil`.
struct DraftTemplate: Sendable {
    let type: String
    let validUntil: String?

    /// `{@context: [v2], type: [VerifiableCredential, TYPE], credentialSubject, validUntil?}`.
    func draft(subject: JSONValue) -> JSONValue {
        var draft: JSONValue = [
            "@context": [.string(KnownContexts.credentialsV2)], "type": ["VerifiableCredential", .string(type)],
            "credentialSubject": subject,
        ]
        if let validUntil { draft.setMember("validUntil", .string(validUntil)) }
        return draft
    }
}
