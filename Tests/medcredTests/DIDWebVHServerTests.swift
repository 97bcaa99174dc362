import Foundation
import MedCredClient
import MedCredCore
import MedCredTestSupport
import Testing

/// `medcred did create --method webvh --server URL` and `medcred did update --server URL --did DID --rotate`
/// against a real `medcred serve` subprocess on 127.0.0.1: the DID is hosted, anchored and resolvable through
/// the server, its keys stay in the wallet, rotations are accepted, and a stopped server is exit 2.
@Suite struct DIDWebVHServerTests {
    let box: WalletSandbox
    let data: URL

    init() throws {
        box = try WalletSandbox()
        data = box.folder.appendingPathComponent("server")
    }

    private func start() throws -> (Process, Pipe, String) {
        let serve = try ServeProcess.start(data: data.path)
        let port = serve.port
        try #require(port > 0)
        return (serve.process, serve.output, "http://127.0.0.1:\(port)")
    }

    private func stop(_ process: Process, _ out: Pipe) {
        process.terminate()
        _ = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
    }

    private func resolve(_ server: String, _ did: String) async throws -> JSONValue {
        let response = try await HTTPClient().send(HTTPRequest(url: server + "/1.0/identifiers/" + did))
        #expect(response.status == 200, "\(String(decoding: response.body, as: UTF8.self))")
        return try JSONValue(parsing: response.body)
    }

    @Test func createsResolvesRotatesAndCannotReachAStoppedServer() async throws {
        defer { box.remove() }
        let (process, out, server) = try start()
        var running = true
        defer { if running { stop(process, out) } }
        #expect(try box.run(["wallet", "init", "--wallet", box.wallet]).status == 0)

        let created = try box.run([
            "did", "create", "--method", "webvh", "--server", server, "--name", "dr-okafor", "--pre-rotation",
            "--wallet", box.wallet,
        ])
        #expect(created.status == 0, "\(created.stderr)")
        let did = created.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(did.hasPrefix("did:webvh:") && did.hasSuffix(":medcred.localhost%3A8080:people:dr-okafor"), "\(did)")
        let first = try await resolve(server, did)
        #expect(first["didDocument"]?["id"]?.stringValue == did)
        #expect(first["didDocumentMetadata"]?["anchor"]?["verified"] == true, "\(first)")
        let method = first["didDocument"]?["assertionMethod"]?[0]?.stringValue
        #expect(method == did + "#key-1")
        #expect(first["didDocument"]?["authentication"]?[0]?.stringValue == method)
        // The wallet is sealed: no key material is readable in the file.
        let sealed = try String(contentsOfFile: box.walletFile, encoding: .utf8)
        #expect(!sealed.contains("secretKeyMultibase") && !sealed.contains(did))

        for version in 2...3 {
            let rotated = try box.run([
                "did", "update", "--server", server, "--did", did, "--rotate", "--wallet", box.wallet, "--json",
            ])
            #expect(rotated.status == 0, "\(rotated.stderr)")
            let record = try JSONValue(parsing: rotated.stdout)
            #expect(record["versionId"]?.stringValue?.hasPrefix("\(version)-") == true, "\(rotated.stdout)")
            let now = try await resolve(server, did)
            #expect(now["didDocumentMetadata"]?["versionId"] == record["versionId"], "\(now)")
            #expect(now["didDocumentMetadata"]?["anchor"]?["verified"] == true)
        }

        let taken = try box.run([
            "did", "create", "--method", "webvh", "--server", server, "--name", "dr-okafor", "--wallet", box.wallet,
        ])
        #expect(taken.status == 1)
        #expect(taken.stderr.contains("did-exists"), "\(taken.stderr)")
        let plain = try box.run([
            "did", "create", "--method", "webvh", "--server", server, "--name", "dr-lee", "--wallet", box.wallet,
            "--json",
        ])
        #expect(plain.status == 0, "\(plain.stderr)")
        let lee = try #require(try JSONValue(parsing: plain.stdout)["did"]?.stringValue)
        #expect(try JSONValue(parsing: plain.stdout)["log"]?.stringValue?.hasSuffix("/people/dr-lee/did.jsonl") == true)
        let handover = try box.run([
            "did", "update", "--server", server, "--did", lee, "--rotate", "--wallet", box.wallet,
        ])
        #expect(handover.status == 0, "\(handover.stderr)")
        #expect(handover.stdout.contains("2-"))
        let again = try box.run(["did", "update", "--server", server, "--did", lee, "--rotate", "--wallet", box.wallet])
        #expect(again.status == 0, "the wallet kept the new update key: \(again.stderr)")
        let unknown = try box.run([
            "did", "update", "--server", server, "--did", "did:webvh:x:example.com", "--rotate", "--wallet", box.wallet,
        ])
        #expect(unknown.status == 1 && unknown.stderr.contains("no hosted DID"), "\(unknown.stderr)")

        stop(process, out)
        running = false
        let down = try box.run([
            "did", "create", "--method", "webvh", "--server", server, "--name", "dr-kim", "--wallet", box.wallet,
        ])
        #expect(down.status == 2, "\(down.stderr)")
        #expect(down.stderr.contains("cannot reach"), "\(down.stderr)")
        let downUpdate = try box.run([
            "did", "update", "--server", server, "--did", did, "--rotate", "--wallet", box.wallet,
        ])
        #expect(downUpdate.status == 2, "\(downUpdate.stderr)")
        let usage = try box.run(["did", "create", "--method", "webvh", "--server", server, "--name", "Dr Kim"])
        #expect(usage.status == 65, "\(usage.stderr)")
    }
}
