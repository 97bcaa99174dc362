import Foundation
import MedCredCore

/// Sends batch rows to `POST /credentials/issue` in chunks, writes what was issued as it arrives, and keeps
/// the reason for every rejected row.
struct BatchIssuer {
    /// The most drafts one request carries.
    static let chunkSize = 500

    let client: ServiceClient
    /// The `options` of every request: `format`, and `cryptosuite` when one was chosen.
    let options: JSONValue
    let destination: BatchDestination

    func issue(_ rows: [BatchRow]) async throws(CLIError) -> BatchOutcome {
        var outcome = BatchOutcome(total: rows.count)
        for row in rows {
            if case .failure(let error) = row.draft {
                outcome.reject(row, code: error.code, pointer: error.pointer, detail: error.detail)
            }
        }
        let good = rows.filter { if case .success = $0.draft { true } else { false } }
        try destination.prepare()
        let progress = BatchProgress(total: rows.count)
        progress.show(done: outcome.rejected)
        var start = 0
        while start < good.count {
            let chunk = Array(good[start..<min(start + Self.chunkSize, good.count)])
            start += chunk.count
            let drafts = chunk.compactMap { try? $0.draft.get() }
            let response = try await client.postAnyStatus(
                "/credentials/issue", ["credentials": .array(drafts), "options": options])
            guard response.status == 201 || response.status == 422, let body = response.json,
                body["verifiableCredentials"] != nil
            else {
                progress.finish()
                // The whole request was refused (a bad token, a malformed request): no row of it was issued.
                throw ServiceProblem(response).error
            }
            var failed: [Int: ServiceProblem] = [:]
            for problem in body["errors"]?.arrayValue ?? [] {
                let parsed = ServiceProblem(status: response.status, json: problem)
                if let index = parsed.index, chunk.indices.contains(index) { failed[index] = parsed }
            }
            var issued = (body["verifiableCredentials"]?.arrayValue ?? [])[...]
            for (index, row) in chunk.enumerated() {
                if let problem = failed[index] {
                    outcome.reject(row, code: problem.code, pointer: problem.pointer, detail: problem.detail)
                } else if let credential = issued.popFirst() {
                    try destination.write(credential, row: row)
                    outcome.issued += 1
                    if destination.isStandardOutput { outcome.credentials.append(credential) }
                } else {
                    outcome.reject(
                        row, code: "not-issued", pointer: nil, detail: "the server returned no credential for it")
                }
            }
            progress.show(done: outcome.issued + outcome.rejected)
        }
        progress.finish()
        return outcome
    }
}

/// What a batch did: counts, rejected rows with reasons, and (when printing to stdout) the credentials.
struct BatchOutcome {
    struct Rejection {
        let row: Int
        let line: Int
        let code: String
        let pointer: String?
        let detail: String
    }

    let total: Int
    var issued = 0
    var rejections: [Rejection] = []
    var credentials: [JSONValue] = []
    var rejected: Int { rejections.count }

    mutating func reject(_ row: BatchRow, code: String, pointer: String?, detail: String) {
        rejections.append(Rejection(row: row.number, line: row.line, code: code, pointer: pointer, detail: detail))
    }

    /// The summary: on stdout when the credentials went to files, else on stderr after them.
    func printSummary(json: Bool, toStandardOutput: Bool) {
        let sorted = rejections.sorted { $0.row < $1.row }
        if json {
            var object: JSONObject = [
                "issued": .number(Double(issued)), "rejected": .number(Double(rejected)),
                "errors": .array(
                    sorted.map { item in
                        var entry: JSONObject = [
                            "row": .number(Double(item.row)), "line": .number(Double(item.line)),
                            "code": .string(item.code), "detail": .string(item.detail),
                        ]
                        if let pointer = item.pointer { entry["pointer"] = .string(pointer) }
                        return .object(entry)
                    }),
            ]
            if !toStandardOutput { object["verifiableCredentials"] = .array(credentials) }
            Terminal.printLine(JSONValue.object(object).serialized())
            return
        }
        if !toStandardOutput {
            for credential in credentials { Terminal.printLine(credential.serialized()) }
        }
        func say(_ text: String) {
            if toStandardOutput { Terminal.printLine(text) } else { Terminal.printError(text) }
        }
        say("issued \(issued), rejected \(rejected) of \(total)")
        for item in sorted {
            let pointer = item.pointer.map { $0.isEmpty ? "" : " at \($0)" } ?? ""
            say("  row \(item.row) (line \(item.line)): \(item.code)\(pointer): \(item.detail)")
        }
    }
}

/// Where issued credentials go: one JSONL file, a folder of files, or standard output.
struct BatchDestination {
    let file: String?
    let folder: String?
    let format: String

    var isStandardOutput: Bool { file == nil && folder == nil }

    func prepare() throws(CLIError) {
        if let folder {
            do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
                throw .failed("cannot create \(Terminal.quoted(folder)): \(error.localizedDescription)")
            }
        }
        if let file, !FileManager.default.createFile(atPath: file, contents: nil) {
            throw .failed("cannot write \(Terminal.quoted(file))")
        }
    }

    /// Appends to the JSONL file or writes `DIR/row-N.json|jwt` at once, so a later failure loses nothing.
    func write(_ credential: JSONValue, row: BatchRow) throws(CLIError) {
        if let folder {
            let name = "row-\(row.number).\(credential.stringValue == nil ? "json" : "jwt")"
            try InputFile.write(Self.text(credential, pretty: true), to: folder + "/" + name)
        } else if let file {
            guard let handle = FileHandle(forWritingAtPath: file) else {
                throw .failed("cannot write \(Terminal.quoted(file))")
            }
            defer { try? handle.close() }
            do {
                _ = try handle.seekToEnd()
                try handle.write(contentsOf: Data((credential.serialized() + "\n").utf8))
            } catch {
                throw .failed("cannot write \(Terminal.quoted(file)): \(error.localizedDescription)")
            }
        }
    }

    /// A JWT as its compact form; a JSON credential as JSON.
    static func text(_ credential: JSONValue, pretty: Bool) -> String {
        credential.stringValue ?? credential.serialized(pretty: pretty)
    }

    /// The credential's `id`, from the JSON or the JWT payload.
    static func credentialID(_ credential: JSONValue) -> String? {
        if let jwt = credential.stringValue { return (try? CompactJWS(parsing: jwt))?.payload["id"]?.stringValue }
        return credential["id"]?.stringValue
    }
}

/// A progress bar on a terminal's stderr; plain counts per chunk when stderr is not a terminal.
struct BatchProgress {
    let total: Int
    let isTerminal = isatty(2) == 1

    func show(done: Int) {
        guard total > 0 else { return }
        if isTerminal {
            let width = 30
            let filled = width * done / total
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total)".utf8))
        } else if done > 0 {
            Terminal.printError("processed \(done)/\(total)")
        }
    }

    func finish() {
        if isTerminal, total > 0 { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
