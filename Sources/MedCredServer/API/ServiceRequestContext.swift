public import Hummingbird
public import Logging
public import NIOCore

/// The request context of the MedCred service: Hummingbird's core storage plus the client address, which the
/// rate limiter keys on.
public struct ServiceRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer's IP address, when the channel has one.
    public let clientAddress: String?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.clientAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Bodies are read explicitly with a per-route limit (``RequestBodyReader``); this is the framework's own
    /// ceiling for anything else.
    public var maxUploadSize: Int { RequestBodyReader.largestLimit }
}
