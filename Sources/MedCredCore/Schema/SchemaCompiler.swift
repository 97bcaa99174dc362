/// Turns the root schema, and whatever it references, into ``SchemaNode``s.
///
/// JSON Schema 2020-12 Core §9 (loading and processing schemas):
/// <https://json-schema.org/draft/2020-12/json-schema-core#section-9>. Every schema position of a
/// document that is reached is compiled, so a malformed keyword fails when the schema is built, not when
/// an instance happens to reach it. Work is queued rather than recursive, so deep schemas cannot
/// overflow the call stack.
struct SchemaCompiler {
    let index: SchemaIndex
    let assertsFormat: Bool
    private(set) var nodes: [SchemaNode] = []
    /// The address each node was compiled from, for error locations.
    private(set) var addresses: [SchemaAddress] = []
    /// `$dynamicAnchor` nodes by resource URI, then anchor name.
    private(set) var dynamicAnchors: [String: [String: Int]] = [:]
    private var numbers: [SchemaAddress: Int] = [:]
    private var pending: [(number: Int, value: JSONValue, base: String)] = []
    private var activatedResources: Set<String> = []

    init(index: SchemaIndex, assertsFormat: Bool) {
        self.index = index
        self.assertsFormat = assertsFormat
    }

    /// Compiles the root schema and everything reachable from it; returns the root node.
    /// - Throws: ``SchemaError`` for the first malformed schema or unresolvable reference.
    mutating func compileRoot() throws(SchemaError) -> Int {
        let address = SchemaAddress(document: 0, pointer: "")
        let root = try node(at: address, value: index.documents[0], inheritedBase: "")
        while let (number, value, base) = pending.popLast() {
            nodes[number] = try build(value, at: addresses[number], base: base)
        }
        return root
    }

    /// The node for the schema at `address`, queued for compilation the first time it is seen.
    mutating func node(at address: SchemaAddress, value: JSONValue, inheritedBase: String) throws(SchemaError)
        -> Int
    {
        if let number = numbers[address] { return number }
        let base = index.bases[address] ?? inheritedBase
        let number = nodes.count
        numbers[address] = number
        nodes.append(SchemaNode(body: .boolean(true), resource: base))
        addresses.append(address)
        pending.append((number, value, base))
        try activate(base)
        return number
    }

    /// The node a `$ref` names, resolved against `base` (Core §8.2.3.1).
    mutating func reference(_ text: String, base: String, at location: SchemaAddress) throws(SchemaError) -> Int {
        let (address, targetBase) = try index.resolve(text, base: base, location: index.location(location))
        guard let value = index.value(at: address) else {
            throw .unresolvedReference(text, location: index.location(location))
        }
        return try node(at: address, value: value, inheritedBase: targetBase)
    }

    /// The target of a `$dynamicRef` (Core §8.2.3.2): dynamic only when the static target carries a
    /// `$dynamicAnchor` equal to the reference's plain-name fragment.
    mutating func dynamicReference(_ text: String, base: String, at location: SchemaAddress) throws(SchemaError)
        -> SchemaDynamicReference
    {
        let target = try reference(text, base: base, at: location)
        let fragment = URIReference(splitting: text).fragment ?? ""
        guard SchemaIndex.isAnchorName(fragment),
            let anchored = index.value(at: addresses[target])?["$dynamicAnchor"]?.stringValue, anchored == fragment
        else { return SchemaDynamicReference(target: target, anchor: nil) }
        return SchemaDynamicReference(target: target, anchor: fragment)
    }

    /// Compiles the `$dynamicAnchor`s of `resource` the first time one of its schemas is used, because
    /// a resource on the dynamic scope may be searched for them later.
    private mutating func activate(_ resource: String) throws(SchemaError) {
        guard activatedResources.insert(resource).inserted, let anchors = index.dynamicAnchors[resource] else {
            return
        }
        for (name, address) in anchors.sorted(by: { $0.key < $1.key }) {
            guard let value = index.value(at: address) else { continue }
            dynamicAnchors[resource, default: [:]][name] = try node(at: address, value: value, inheritedBase: resource)
        }
    }

    /// Rejects a reference loop that never moves into the instance (Core §9.4.1), among nodes reachable
    /// from `root`. `$dynamicRef` is assumed able to reach every anchor of its name.
    func checkForCycles(from root: Int) throws(SchemaError) {
        var state = [UInt8](repeating: 0, count: nodes.count)  // 0 new, 1 on the in-place path, 2 done
        var reachable: [Int] = [root]
        var seen: Set<Int> = [root]
        while let next = reachable.popLast() {
            for child in inPlace(next) + deeper(next) where seen.insert(child).inserted { reachable.append(child) }
        }
        for start in seen.sorted() where state[start] == 0 {
            var stack: [(node: Int, children: [Int])] = [(start, inPlace(start))]
            state[start] = 1
            while !stack.isEmpty {
                guard let child = stack[stack.count - 1].children.popLast() else {
                    state[stack.removeLast().node] = 2
                    continue
                }
                if state[child] == 1 { throw .referenceCycle(location: index.location(addresses[child])) }
                if state[child] == 0 {
                    state[child] = 1
                    stack.append((child, inPlace(child)))
                }
            }
        }
    }

    private func inPlace(_ number: Int) -> [Int] {
        guard case .keywords(let table) = nodes[number].body else { return [] }
        let keywords = table.keywords
        var found = keywords.inPlaceSubschemas
        if let name = keywords.dynamicRef?.anchor {
            for resource in dynamicAnchors.keys.sorted() {
                if let node = dynamicAnchors[resource]?[name] { found.append(node) }
            }
        }
        return found
    }

    private func deeper(_ number: Int) -> [Int] {
        guard case .keywords(let table) = nodes[number].body else { return [] }
        let keywords = table.keywords
        return keywords.deeperSubschemas
    }
}
