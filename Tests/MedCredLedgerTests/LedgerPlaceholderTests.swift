import MedCredLedger
import Testing

@Suite struct LedgerModuleTests {
    @Test func hasAVersion() { #expect(!MedCredLedger.version.isEmpty) }
}
