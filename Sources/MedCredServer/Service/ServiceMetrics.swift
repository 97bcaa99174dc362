import Metrics
import Prometheus

/// The process's Prometheus registry behind swift-metrics: bootstrapped once per process, because
/// swift-metrics allows one bootstrap, however many servers a test process starts.
enum ServiceMetrics {
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    /// The Prometheus text exposition of every metric.
    static func exposition() -> String { registry.emitToString() }

    static let credentialsIssued = Counter(label: "medcred_credentials_issued_total")
    static let statusChanges = Counter(label: "medcred_status_changes_total")
    static let logins = Counter(label: "medcred_logins_total", dimensions: [("outcome", "success")])
    static let loginsRefused = Counter(label: "medcred_logins_total", dimensions: [("outcome", "refused")])
    static let verifications = Counter(label: "medcred_verifications_total")
}
