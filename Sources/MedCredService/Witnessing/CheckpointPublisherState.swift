public import Foundation

/// What the publisher knows about one witness: the largest size it cosigned or reported, and its cosignature.
public struct WitnessProgress: Codable, Hashable, Sendable {
    /// The tree size the witness last cosigned, or reported in a 409 answer.
    public var size: UInt64
    /// The witness's cosignature line for ``size`` (without its newline), or `nil` when the size was only
    /// reported.
    public var cosignature: String?

    /// Makes a progress record.
    public init(size: UInt64, cosignature: String?) {
        self.size = size
        self.cosignature = cosignature
    }
}

/// The publisher's durable state: progress per witness name.
public struct CheckpointPublisherState: Codable, Hashable, Sendable {
    /// Progress keyed by witness name.
    public var witnesses: [String: WitnessProgress]

    /// Makes a state.
    public init(witnesses: [String: WitnessProgress] = [:]) {
        self.witnesses = witnesses
    }
}

/// Keeps a ``CheckpointPublisherState`` across restarts.
///
/// Losing it is safe but noisy: each witness answers the next request with 409 and its size, and the publisher
/// starts from there; only the cosignatures of the current checkpoint are lost until the next publish.
public protocol CheckpointPublisherStorage: Sendable {
    /// The saved state, or an empty one when none was saved.
    func load() async throws -> CheckpointPublisherState
    /// Replaces the saved state.
    func save(_ state: CheckpointPublisherState) async throws
}

/// Publisher state as one JSON file, replaced atomically (write to a temporary file, then rename) on each save.
///
/// A JSON file, not a table, because the state is a handful of lines per witness and the store's schema
/// belongs to `MedCredStore`; it can move there without changing ``CheckpointPublisherStorage``.
public struct JSONFilePublisherStorage: CheckpointPublisherStorage {
    /// The file name inside the directory.
    public static let fileName = "witnessing.json"
    /// The state file.
    public let fileURL: URL

    /// Keeps state in `directory/witnessing.json`; the directory must exist.
    public init(directory: URL) {
        self.fileURL = directory.appendingPathComponent(Self.fileName)
    }

    public func load() async throws -> CheckpointPublisherState {
        guard FileManager.default.fileExists(atPath: fileURL.path) else { return CheckpointPublisherState() }
        return try JSONDecoder().decode(CheckpointPublisherState.self, from: Data(contentsOf: fileURL))
    }

    public func save(_ state: CheckpointPublisherState) async throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try encoder.encode(state).write(to: fileURL, options: .atomic)
    }
}

/// Publisher state kept in memory only: after a restart each witness's first answer is a 409 with its size.
public actor InMemoryPublisherStorage: CheckpointPublisherStorage {
    private var state = CheckpointPublisherState()

    /// Makes an empty storage.
    public init() {}

    public func load() async throws -> CheckpointPublisherState { state }

    public func save(_ state: CheckpointPublisherState) async throws { self.state = state }
}
