import Foundation
import MedCredCore

/// The pinned contexts from `MEDCRED_CONTEXTS`, else `../shared/vectors/contexts` beside the repository.
func loadBenchmarkContexts() throws -> KnownContexts {
    let folder =
        ProcessInfo.processInfo.environment["MEDCRED_CONTEXTS"].flatMap { $0.isEmpty ? nil : $0 }
        ?? "../shared/vectors/contexts"
    var documents: [String: [UInt8]] = [:]
    for pin in MedCredContexts.pins.pins where !pin.isEmbedded {
        if let data = FileManager.default.contents(atPath: folder + "/" + pin.file) {
            documents[pin.url] = Array(data)
        }
    }
    return try MedCredContexts.knownContexts(loading: documents)
}
