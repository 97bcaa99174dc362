import MedCredServer
import Testing

@Suite struct ServerModuleTests {
    @Test func hasAVersion() { #expect(!MedCredServer.version.isEmpty) }
}
