import Foundation
import MedCredLedger
import MedCredService
import MedCredStore
import Testing

/// Publishing checkpoints to in-process witnesses running the real tlog-witness logic.
@Suite struct CheckpointPublisherTests {
    private let fixture: WitnessingFixture
    private let logKey: NoteVerifierKey
    private let endpoints: [WitnessEndpoint]
    private let policy: WitnessPolicy

    init() throws {
        fixture = try WitnessingFixture()
        logKey = fixture.ledger.verifierKey
        endpoints = try WitnessingSample.endpoints()
        policy = try WitnessPolicy(witnesses: endpoints.map(\.verifierKey), threshold: 2)
    }

    private func publisher(
        _ transport: some WitnessTransport, storage: some CheckpointPublisherStorage = InMemoryPublisherStorage()
    ) -> CheckpointPublisher {
        CheckpointPublisher(ledger: fixture.ledger, witnesses: endpoints, transport: transport, storage: storage)
    }

    @Test func publishedCheckpointCarriesCosignaturesAndAProofVerifiesTwoOfThree() async throws {
        try await fixture.append(5)
        let witnesses = try InProcessWitnesses(logKey: logKey)
        let publication = try await publisher(witnesses).publish()
        #expect(publication.size == 5)
        #expect(publication.cosigners == endpoints.map(\.name))
        #expect(publication.outcomes.values.allSatisfy { $0 == .cosigned(size: 5) })
        #expect(publication.note.signatures.count == 4)
        #expect(policy.evaluate(signedCheckpoint: publication.note, logKey: logKey).isMet)

        let bare = try await fixture.ledger.proof(index: 2)
        let proof = try TlogProof(index: 2, hashes: bare.hashes, note: publication.note)
        let verification = proof.verify(
            entry: Array("entry-2".utf8), logKey: logKey, witnesses: policy.witnesses, threshold: 2)
        #expect(verification.isVerified)
        #expect(verification.cosigners.count == 3)
        // Without the cosignatures the same proof fails the policy.
        #expect(
            !bare.verify(entry: Array("entry-2".utf8), logKey: logKey, witnesses: policy.witnesses, threshold: 2)
                .isVerified)
    }

    @Test func laterPublishesProveConsistencyFromEachWitnessLastSize() async throws {
        try await fixture.append(4)
        let witnesses = try InProcessWitnesses(logKey: logKey)
        let publisher = publisher(witnesses)
        try await publisher.publish()
        try await fixture.append(3)
        let second = try await publisher.publish()
        #expect(second.outcomes.values.allSatisfy { $0 == .cosigned(size: 7) })
        #expect(witnesses.requests.filter { $0.1 == "old 4" }.count == 3)

        let third = try await publisher.publish()
        #expect(third.outcomes.values.allSatisfy { $0 == .alreadyCosigned(size: 7) })
        #expect(witnesses.requests.count == 6)
        #expect(try await publisher.cosignedCheckpoint() == third.note)
        #expect(try await publisher.cosignatures(size: 7).count == 3)
        #expect(try await publisher.cosignatures(size: 4).isEmpty)
    }

    @Test func followsA409ToTheSizeTheWitnessHolds() async throws {
        try await fixture.append(3)
        let witnesses = try InProcessWitnesses(logKey: logKey)
        try await publisher(witnesses).publish()
        try await fixture.append(2)
        // A publisher that lost its state starts every witness from 0; each answers 409 "3".
        let fresh = try await publisher(witnesses).publish()
        #expect(fresh.outcomes.values.allSatisfy { $0 == .cosigned(size: 5) })
        #expect(witnesses.requests.suffix(6).map(\.1) == ["old 0", "old 0", "old 0", "old 3", "old 3", "old 3"])
    }

    @Test func aWitnessThatCosignedAForkRefusesAndIsReported() async throws {
        let witnesses = try InProcessWitnesses(logKey: logKey)
        let fork = try WitnessingFixture(name: "fork")
        try await fork.append(4, prefix: "forked")
        let forked = CheckpointPublisher(
            ledger: fork.ledger, witnesses: [endpoints[1]], transport: witnesses, storage: InMemoryPublisherStorage())
        #expect(try await forked.publish().outcomes[endpoints[1].name] == .cosigned(size: 4))

        try await fixture.append(6)
        let publication = try await publisher(witnesses).publish()
        guard case .rejected(let status, _) = publication.outcomes[endpoints[1].name] else {
            Issue.record("expected a rejection, got \(String(describing: publication.outcomes[endpoints[1].name]))")
            return
        }
        #expect(status == 422)
        #expect(publication.cosigners == [endpoints[0].name, endpoints[2].name])
        let result = policy.evaluate(signedCheckpoint: publication.note, logKey: logKey)
        #expect(result.isMet)
        #expect(result.missing == [endpoints[1].name])
    }

    @Test func aForkAtTheSameSizeIsRefused() async throws {
        let witnesses = try InProcessWitnesses(logKey: logKey)
        let fork = try WitnessingFixture(name: "fork")
        try await fork.append(4, prefix: "forked")
        let forked = CheckpointPublisher(
            ledger: fork.ledger, witnesses: endpoints, transport: witnesses, storage: InMemoryPublisherStorage())
        try await forked.publish()
        try await fixture.append(4)
        let publication = try await publisher(witnesses).publish()
        #expect(publication.cosigners.isEmpty)
        #expect(!policy.evaluate(signedCheckpoint: publication.note, logKey: logKey).isMet)
        for endpoint in endpoints {
            #expect(
                publication.outcomes[endpoint.name]
                    == .rejected(status: 422, body: "tree size 4 was cosigned with a different root\n"))
        }
    }

    @Test func aWitnessAheadOfTheLogIsAnUnresolvedConflict() async throws {
        let witnesses = try InProcessWitnesses(logKey: logKey)
        let fork = try WitnessingFixture(name: "fork")
        try await fork.append(9, prefix: "forked")
        try await CheckpointPublisher(
            ledger: fork.ledger, witnesses: [endpoints[0]], transport: witnesses, storage: InMemoryPublisherStorage()
        ).publish()
        try await fixture.append(2)
        let publication = try await publisher(witnesses).publish()
        #expect(publication.outcomes[endpoints[0].name] == .sizeConflictUnresolved(reportedSize: 9))
    }

    @Test func reportsUnreachableAndLyingWitnesses() async throws {
        try await fixture.append(2)
        let witnesses = try InProcessWitnesses(logKey: logKey, unreachable: [endpoints[2].name])
        let publication = try await publisher(witnesses).publish()
        guard case .unreachable = publication.outcomes[endpoints[2].name] else {
            Issue.record("expected unreachable")
            return
        }
        #expect(publication.cosigners == [endpoints[0].name, endpoints[1].name])

        let lying = try await publisher(LyingWitness()).publish()
        #expect(lying.outcomes.values.allSatisfy { $0 == .cosignatureInvalid })
        #expect(lying.note.signatures.count == 1)
    }

    @Test func anEmptyLedgerHasNothingToPublish() async throws {
        await #expect(throws: AnchoringError.noSignedCheckpoint) {
            try await publisher(try InProcessWitnesses(logKey: logKey)).publish()
        }
    }

    @Test func keepsProgressAndCosignaturesInAJSONFile() async throws {
        try await fixture.append(3)
        let witnesses = try InProcessWitnesses(logKey: logKey)
        let storage = JSONFilePublisherStorage(directory: fixture.directory)
        let published = try await publisher(witnesses, storage: storage).publish()
        #expect(FileManager.default.fileExists(atPath: storage.fileURL.path))

        let reopened = publisher(witnesses, storage: JSONFilePublisherStorage(directory: fixture.directory))
        #expect(try await reopened.cosignedCheckpoint() == published.note)
        let again = try await reopened.publish()
        #expect(again.outcomes.values.allSatisfy { $0 == .alreadyCosigned(size: 3) })
        #expect(try await storage.load().witnesses[endpoints[0].name]?.size == 3)
    }

    @Test func aMissingFileIsAnEmptyState() async throws {
        #expect(try await JSONFilePublisherStorage(directory: fixture.directory).load() == CheckpointPublisherState())
    }
}
