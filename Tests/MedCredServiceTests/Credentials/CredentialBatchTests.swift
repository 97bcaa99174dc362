import Foundation
import MedCredCore
import MedCredService
import Testing

/// Large and concurrent batches: every credential gets its own indices, and a list whose issuer has no key
/// cannot be signed.
@Suite struct CredentialBatchTests {
    @Test func aThousandDraftsAreIssuedInOneCallWithDistinctIndices() async throws {
        let fixture = try CredentialFixture()
        let service = try fixture.service()
        let drafts = try (0..<1000).map { _ in try CredentialFixture.license() }
        let results = try await service.issue(
            drafts, format: .dataIntegrity, issuer: try CredentialFixture.signing("board"))
        let issued = results.compactMap { try? $0.get() }
        #expect(issued.count == 1000)
        #expect(Set(issued.map(\.id)).count == 1000)
        #expect(Set(issued.map(\.record.revocationIndex)).count == 1000)
        #expect(Set(issued.map(\.record.suspensionIndex)).count == 1000)
        #expect(try await service.records(issuerID: "board", limit: 2000, after: nil).count == 1000)
        // Random, not sequential: 1,000 draws from 131,072 all landing below 1,000 would be absurd.
        #expect(issued.map(\.record.revocationIndex).max() ?? 0 > 1000)
    }

    @Test func concurrentBatchesNeverShareAnIndexOrAnID() async throws {
        let fixture = try CredentialFixture()
        let service = try fixture.service()
        let board = try CredentialFixture.signing("board")
        let issued = try await withThrowingTaskGroup(of: [IssuedCredential].self) { group in
            for batch in 0..<8 {
                let drafts =
                    try (0..<25).map { _ in try CredentialFixture.license() }
                    + [
                        try CredentialFixture.license(id: "urn:example:shared"),
                        try CredentialFixture.license(id: "urn:example:\(batch)"),
                    ]
                group.addTask {
                    try await service.issue(drafts, format: .dataIntegrity, issuer: board).compactMap { try? $0.get() }
                }
            }
            var all: [IssuedCredential] = []
            for try await batch in group { all += batch }
            return all
        }
        #expect(issued.count == 8 * 26 + 1)
        #expect(issued.filter { $0.id == "urn:example:shared" }.count == 1)
        #expect(Set(issued.map(\.record.revocationIndex)).count == issued.count)
        #expect(Set(issued.map(\.record.suspensionIndex)).count == issued.count)
    }

    @Test func concurrentSingleIssuesShareGroupCommitsAndAreAllStored() async throws {
        let fixture = try CredentialFixture()
        let service = try fixture.service()
        let board = try CredentialFixture.signing("board")
        let ids = try await withThrowingTaskGroup(of: String.self) { group in
            for _ in 0..<64 {
                let draft = try CredentialFixture.license()
                group.addTask { try single(try await service.issue([draft], format: .jwt, issuer: board)).id }
            }
            var ids: [String] = []
            for try await id in group { ids.append(id) }
            return ids
        }
        #expect(Set(ids).count == 64)
        try await service.close()
        let reopened = try fixture.service()
        #expect(
            try await reopened.records(issuerID: "board", limit: 100, after: nil).map(\.id).sorted() == ids.sorted())
    }

    @Test func aFullListIsFollowedByANewOneAlsoAfterAReopen() async throws {
        let fixture = try CredentialFixture()
        let board = try CredentialFixture.signing("board")
        var service = try fixture.service(indicesPerList: 4)
        let drafts = { (count: Int) in try (0..<count).map { _ in try CredentialFixture.license() } }
        var issued = try await service.issue(try drafts(10), format: .dataIntegrity, issuer: board).map { try $0.get() }
        #expect(Set(issued.map(\.record.statusListID)).count == 3)
        try await service.close()
        service = try fixture.service(indicesPerList: 4)
        issued += try await service.issue(try drafts(3), format: .dataIntegrity, issuer: board).map { try $0.get() }
        let lists = Dictionary(grouping: issued, by: \.record.statusListID)
        #expect(lists.count == 4)
        #expect(lists.values.map(\.count).sorted() == [1, 4, 4, 4])
        for credential in issued {
            #expect((0..<4).contains(credential.record.revocationIndex))
            #expect((0..<4).contains(credential.record.suspensionIndex))
        }
        let last = try #require(issued.last)
        #expect(try await CredentialFixture.verify(last.credential, with: service).verified)
    }

    @Test func aListWhoseIssuerHasNoKeyCannotBeSigned() async throws {
        let fixture = try CredentialFixture()
        let service = try fixture.service()
        let board = try CredentialFixture.signing("board")
        let ghost = IssuerSigning(issuerID: "ghost", did: board.did, signer: board.signer)
        let issued = try single(
            try await service.issue([try CredentialFixture.license()], format: .dataIntegrity, issuer: ghost))
        await #expect {
            try await service.statusListCredential(listID: issued.record.statusListID)
        } throws: { error in
            (error as? CredentialServiceError)?.code == "signing-failed"
        }
    }
}
