import MedCredService
import Testing

@Suite struct ServiceModuleTests {
    @Test func hasAVersion() { #expect(!MedCredService.version.isEmpty) }
}
