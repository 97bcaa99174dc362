/// The members of a JSON object, in order, with unique names (RFC 8259 §4, RFC 7493 §2.3).
///
/// RFC 8259 §4: <https://www.rfc-editor.org/rfc/rfc8259#section-4>.
/// Order is kept for faithful re-serialisation; equality and hashing ignore it. Names compare by
/// Unicode scalars, never by canonical equivalence (see ``JSONValue``).
public struct JSONObject: Sendable {
    /// One member: its name and value.
    public typealias Element = (name: String, value: JSONValue)

    /// Small objects are searched linearly; larger ones keep a name index beside the ordered storage.
    private static let linearSearchLimit = 12

    private var members: [Element]
    private var index: [MemberName: Int]

    /// An object with no members.
    public init() {
        members = []
        index = [:]
    }

    /// An object with `members` in order; when a name repeats, the later value replaces the earlier
    /// one at the earlier position.
    ///
    /// Parsed text never reaches this path with duplicates: the ``JSONValue`` parser rejects them
    /// (RFC 7493 §2.3).
    /// - Parameter members: Name–value pairs.
    public init(_ members: [(String, JSONValue)]) {
        self.init()
        self.members.reserveCapacity(members.count)
        for (name, value) in members { self[name] = value }
    }

    /// The value of the member called `name`; setting appends a new name at the end, replaces an
    /// existing value in place, and `nil` removes the member.
    /// - Parameter name: The member name, compared by Unicode scalars.
    public subscript(name: String) -> JSONValue? {
        get { position(of: name).map { members[$0].value } }
        set {
            switch (position(of: name), newValue) {
            case (let position?, let value?): members[position].value = value
            case (let position?, nil): remove(at: position)
            case (nil, let value?): append(name, value)
            case (nil, nil): break
            }
        }
    }

    /// Changes the value of member `name` in place, adding it with `initial` first when absent; a value held
    /// only here is then changed without being copied (JSON-LD node maps grow their arrays this way).
    /// - Parameters:
    ///   - name: The member name, compared by Unicode scalars.
    ///   - initial: The value a new member starts with.
    ///   - body: What to do to the value.
    mutating func modify(_ name: String, initial: JSONValue, _ body: (inout JSONValue) -> Void) {
        if let position = position(of: name) {
            body(&members[position].value)
        } else {
            append(name, initial)
            body(&members[members.count - 1].value)
        }
    }

    /// The member names, in order.
    public var names: [String] { members.map(\.name) }

    /// The number of members.
    public var count: Int { members.count }

    /// Whether the object has no members.
    public var isEmpty: Bool { members.isEmpty }

    /// Appends a member whose name the caller has checked is not yet present.
    mutating func appendNew(_ name: String, _ value: JSONValue) {
        append(name, value)
    }

    /// The members in order, for serialisers in this module.
    var orderedMembers: [Element] { members }

    private func position(of name: String) -> Int? {
        if members.count <= Self.linearSearchLimit {
            return members.firstIndex { ExactString.equal($0.name, name) }
        }
        return index[MemberName(name)]
    }

    private mutating func append(_ name: String, _ value: JSONValue) {
        members.append((name, value))
        if members.count > Self.linearSearchLimit {
            if index.isEmpty {
                rebuildIndex()
            } else {
                index[MemberName(name)] = members.count - 1
            }
        }
    }

    private mutating func remove(at position: Int) {
        members.remove(at: position)
        rebuildIndex()
    }

    private mutating func rebuildIndex() {
        index.removeAll(keepingCapacity: true)
        guard members.count > Self.linearSearchLimit else { return }
        for (position, member) in members.enumerated() { index[MemberName(member.name)] = position }
    }
}

extension JSONObject: Sequence {
    /// Iterates the members in order.
    /// - Returns: An iterator over `(name, value)` pairs.
    public func makeIterator() -> IndexingIterator<[Element]> { members.makeIterator() }

    /// The number of members.
    public var underestimatedCount: Int { members.count }
}

extension JSONObject: Hashable {
    /// Whether both objects have the same names with equal values, in any order.
    /// - Parameters:
    ///   - lhs: An object.
    ///   - rhs: Another object.
    /// - Returns: `true` when the member sets are equal.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.count == rhs.count else { return false }
        for member in lhs.members {
            guard let position = rhs.position(of: member.name), rhs.members[position].value == member.value else {
                return false
            }
        }
        return true
    }

    /// Hashes the members without regard to their order.
    /// - Parameter hasher: The hasher to feed.
    public func hash(into hasher: inout Hasher) {
        var sum = 0
        for member in members {
            var memberHasher = Hasher()
            ExactString.hash(member.name, into: &memberHasher)
            memberHasher.combine(member.value)
            sum &+= memberHasher.finalize()
        }
        hasher.combine(members.count)
        hasher.combine(sum)
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// An object with the literal's members in source order; a repeated name keeps the last value.
    /// - Parameter elements: Name–value pairs.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements)
    }
}

/// A member name as a dictionary key that compares by Unicode scalars.
private struct MemberName: Hashable {
    let name: String

    init(_ name: String) { self.name = name }

    static func == (lhs: MemberName, rhs: MemberName) -> Bool { ExactString.equal(lhs.name, rhs.name) }

    func hash(into hasher: inout Hasher) { ExactString.hash(name, into: &hasher) }
}
