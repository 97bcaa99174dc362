internal import CSodium

/// Runs `sodium_init()` exactly once before any libsodium call.
///
/// libsodium requires initialisation before use (it picks the fastest implementations and seeds its
/// random generator); a `static let` gives a thread-safe one-time call without a lock of our own.
enum Sodium {
    static let ready: Bool = {
        // sodium_init returns 0 on success, 1 if already initialised, -1 on failure.
        let result = sodium_init()
        precondition(result >= 0, "libsodium failed to initialise")  // invariant: the library is unusable
        return true
    }()
}
