import MedCredClient
import Testing

@Suite struct ClientModuleTests {
    @Test func hasAVersion() { #expect(!MedCredClient.version.isEmpty) }
}
