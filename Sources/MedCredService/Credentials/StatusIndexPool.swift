import MedCredCrypto

/// The free indices of one issuer's current status list for one purpose, held in memory so allocation costs
/// no database round trip.
///
/// W3C Bitstring Status List v1.0 §6.1 "Herd Privacy": indices are drawn uniformly at random among the free
/// ones, so an index reveals nothing about issuance order. An index leaves the pool once and never returns;
/// the database's unique (list, index) constraint backs that up.
struct StatusIndexPool {
    /// The list the free indices belong to.
    private(set) var listID: String
    private var free: [Int32]
    private let capacity: Int

    /// A pool over `listID` with every index in `0..<capacity` not in `used` free.
    init(listID: String, capacity: Int, used: some Sequence<Int>) {
        self.listID = listID
        self.capacity = capacity
        var isUsed = [Bool](repeating: false, count: capacity)
        for index in used where index >= 0 && index < capacity { isUsed[index] = true }
        free = (0..<Int32(capacity)).filter { !isUsed[Int($0)] }
    }

    /// A pool over a fresh list with a random id.
    init(capacity: Int) {
        self.init(listID: Self.newListID(), capacity: capacity, used: [])
    }

    /// Takes a random free index, opening a fresh list when this one is full.
    /// - Returns: the list and the index.
    mutating func allocate() -> (listID: String, index: Int) {
        if free.isEmpty { self = StatusIndexPool(capacity: capacity) }
        var generator = SystemRandomNumberGenerator()
        let position = Int.random(in: 0..<free.count, using: &generator)
        let index = free[position]
        free.swapAt(position, free.count - 1)
        free.removeLast()
        return (listID, Int(index))
    }

    /// An unguessable list id (128 random bits, hex), so list URLs do not enumerate issuers or lists.
    static func newListID() -> String {
        SecureRandom.bytes(count: 16).map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
        }.joined()
    }
}
