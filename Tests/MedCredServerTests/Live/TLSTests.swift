import Foundation
import MedCredTestSupport
import MedCredClient
import MedCredServer
import Testing

/// `medcred serve --tls-cert --tls-key` speaks HTTPS itself: a client that trusts the certificate gets answers,
/// one that does not is refused by the handshake.
@Suite(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")))
struct TLSTests {
    static let openssl = "/usr/bin/openssl"

    /// A self-signed certificate for 127.0.0.1 and medcred.localhost, made with openssl.
    private func certificate(in folder: URL) throws -> (certificate: String, key: String) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let certificate = folder.appendingPathComponent("cert.pem").path
        let key = folder.appendingPathComponent("key.pem").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.openssl)
        process.arguments = [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "1",
            "-subj", "/CN=medcred.localhost", "-addext", "subjectAltName=DNS:medcred.localhost,IP:127.0.0.1",
            "-keyout", key, "-out", certificate,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try ProcessLauncher.run(process)
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        return (certificate, key)
    }

    @Test func servesHTTPSWithTheConfiguredCertificate() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("medcred-tls-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let (certificate, key) = try certificate(in: folder)
        var settings = ServiceSettings()
        settings.tlsCertificate = certificate
        settings.tlsKey = key
        settings.publicBaseURL = "https://medcred.localhost:8443"
        let server = try await LiveServer.start(settings: settings)
        let url = "https://127.0.0.1:\(server.port)/healthz"

        let trusting = HTTPClient(configuration: HTTPClientConfiguration(trustedCertificates: certificate))
        let health = try await trusting.send(HTTPRequest(url: url))
        #expect(health.status == 200)

        await #expect(throws: HTTPClientError.self) { _ = try await HTTPClient().send(HTTPRequest(url: url)) }
        let plain = try? await HTTPClient().send(HTTPRequest(url: "http://127.0.0.1:\(server.port)/healthz"))
        #expect(plain?.status != 200)
        await server.stopAndRemove()
    }
}
