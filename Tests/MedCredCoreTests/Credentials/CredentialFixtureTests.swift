import MedCredCore
import Testing

/// Our own credential and presentation cases (VC Data Model 2.0 §4, §4.13; VCDM 1.1 §4 in 1.1 mode),
/// each with the exact problems, by type and JSON Pointer, it must produce.
@Suite struct CredentialFixtureTests {
    @Test(arguments: try CredentialFixture.all())
    func reportsExactlyTheWantedProblems(_ fixture: CredentialFixture) throws {
        let problems = fixture.problems(contexts: try CredentialTestContexts.known())
        #expect(
            CredentialTestContexts.summary(problems).sorted() == fixture.wantErrors.sorted(),
            "\(fixture.desc): \(problems)")
    }

    @Test func moreNegativeCasesThanPositive() throws {
        let fixtures = try CredentialFixture.all()
        let negative = fixtures.filter { !$0.wantErrors.isEmpty }.count
        #expect(negative > 2 * (fixtures.count - negative))
    }
}
