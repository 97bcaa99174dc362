public import Hummingbird

/// Registers routes on the router and remembers each `(method, path)`, so that a test can hold the OpenAPI
/// document against what the router really serves, both ways.
public final class RouteRecorder {
    /// A route: its method and its path template (`/admin/issuers/{id}`).
    public struct Route: Hashable, Sendable, Comparable {
        public let method: String
        public let path: String

        public static func < (lhs: Route, rhs: Route) -> Bool { (lhs.path, lhs.method) < (rhs.path, rhs.method) }
    }

    public typealias Handler = @Sendable (Request, ServiceRequestContext) async throws -> Response

    let router: Router<ServiceRequestContext>
    public private(set) var routes: [Route] = []

    init(router: Router<ServiceRequestContext>) {
        self.router = router
    }


    func get(_ path: String, _ handler: @escaping Handler) { add(.get, path, handler) }
    func post(_ path: String, _ handler: @escaping Handler) { add(.post, path, handler) }

    /// Records a route that another module registered on the router itself (the ledger's).
    func note(_ method: HTTPRequest.Method, _ path: String) {
        routes.append(Route(method: method.rawValue, path: path))
    }

    private func add(_ method: HTTPRequest.Method, _ path: String, _ handler: @escaping Handler) {
        note(method, path)
        router.on(RouterPath(path), method: method, use: handler)
    }
}
