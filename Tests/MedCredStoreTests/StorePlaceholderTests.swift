import MedCredStore
import Testing

@Suite struct StoreModuleTests {
    @Test func hasASchemaVersion() { #expect(MedCredStore.schemaVersion == 1) }
}
