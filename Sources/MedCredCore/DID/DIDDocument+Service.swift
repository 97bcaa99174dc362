extension DIDDocument.Service {
    static let knownMembers: Set<String> = ["id", "type", "serviceEndpoint"]

    init(json: JSONValue, at pointer: String) throws(DIDDocumentError) {
        typealias R = DIDJSONReader
        let object = try R.object(json, at: pointer)
        let idPointer = R.pointer(pointer, "id")
        id = try R.string(try R.required(object, "id", at: pointer), at: idPointer)
        guard !id.isEmpty else { throw .emptyValue(pointer: idPointer) }
        let typePointer = R.pointer(pointer, "type")
        type = try R.strings(try R.required(object, "type", at: pointer), at: typePointer).map(\.0)
        guard !type.isEmpty, !type.contains(where: \.isEmpty) else { throw .emptyValue(pointer: typePointer) }
        let endpointPointer = R.pointer(pointer, "serviceEndpoint")
        serviceEndpoint = try R.required(object, "serviceEndpoint", at: pointer)
        try Self.checkEndpoint(serviceEndpoint, at: endpointPointer)
        additionalMembers = R.unknownMembers(of: object, known: Self.knownMembers)
    }

    /// DID Core §5.4: a string, a map, or a set of strings and maps.
    private static func checkEndpoint(_ value: JSONValue, at pointer: String) throws(DIDDocumentError) {
        switch value {
        case .string, .object: return
        case .array(let elements):
            guard !elements.isEmpty else { throw .emptyValue(pointer: pointer) }
            for (index, element) in elements.enumerated() {
                switch element {
                case .string, .object: continue
                default: throw .wrongType(pointer: DIDJSONReader.pointer(pointer, index), expected: .serviceEndpoint)
                }
            }
        default: throw .wrongType(pointer: pointer, expected: .serviceEndpoint)
        }
    }

    /// The service as JSON: `id`, `type` (a string when there is one), `serviceEndpoint`, then other members.
    ///
    /// See W3C DID Core §5.4, https://www.w3.org/TR/did-core/#services.
    public var json: JSONValue {
        var object: JSONObject = [
            "id": .string(id), "type": DIDJSONReader.stringOrArray(type), "serviceEndpoint": serviceEndpoint,
        ]
        for (name, value) in additionalMembers where object[name] == nil { object[name] = value }
        return .object(object)
    }
}
