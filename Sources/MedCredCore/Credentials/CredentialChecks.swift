/// The checks specific to verifiable credentials (VC Data Model 2.0 §4, §5.3, §5.4–§5.6; VCDM 1.1 §4 in
/// version 1 mode), run by ``VerifiableCredential/validate(_:options:)``.
extension DocumentChecker {
    /// Checks a credential object from the top, reporting every problem.
    mutating func checkCredential(_ object: JSONObject) {
        let root = CredentialPointer.root
        checkContext(of: object)
        checkID(in: object, at: root)
        checkTypes(object["type"], at: root.appending("type"), including: "VerifiableCredential")
        checkNamesAndDescriptions(in: object, at: root)
        checkIssuer(object["issuer"])
        checkSubjects(object["credentialSubject"])
        switch version {
        case .v2: checkValidityPeriod(object)
        case .v1: checkVersion1Dates(object)
        }
        checkTypedObjects("credentialStatus", in: object, at: root, idRequired: version == .v1)
        checkTypedObjects("credentialSchema", in: object, at: root, idRequired: true)
        checkTypedObjects("termsOfUse", in: object, at: root)
        checkTypedObjects("evidence", in: object, at: root)
        checkTypedObjects("refreshService", in: object, at: root, idRequired: version == .v1)
        checkTypedObjects("renderMethod", in: object, at: root, typeRequired: false)
        checkTypedObjects("confidenceMethod", in: object, at: root, typeRequired: false)
        checkTypedObjects("proof", in: object, at: root)
        checkRelatedResources(object["relatedResource"])
    }

    /// VCDM 2.0 §4.7 Issuer: "either a URL or an object containing an id property whose value is a URL".
    private mutating func checkIssuer(_ value: JSONValue?) {
        let pointer = CredentialPointer.root.appending("issuer")
        switch value {
        case nil:
            if options.purpose == .verification { problems.malformed(pointer, "issuer is required") }
        case .string?:
            checkURL(value ?? .null, at: pointer, property: "issuer")
        case .object(let issuer)?:
            // An issuer object without id is an issuance input the issuer completes; a present id is checked.
            checkID(in: issuer, at: pointer, required: options.purpose == .verification)
            checkNamesAndDescriptions(in: issuer, at: pointer)
            checkNodeTypes(issuer, at: pointer, mustExist: false)
        case let other?:
            problems.malformed(
                pointer, "issuer must be a URL or an object with an id, not \(CredentialJSON.kind(of: other))")
        }
    }

    /// VCDM 2.0 §4.8 Credential Subject: required; one or more objects, each non-empty, with any `id` a URL.
    private mutating func checkSubjects(_ value: JSONValue?) {
        let pointer = CredentialPointer.root.appending("credentialSubject")
        guard let value else {
            problems.malformed(pointer, "credentialSubject is required")
            return
        }
        if case .array(let subjects) = value, subjects.isEmpty {
            problems.malformed(pointer, "credentialSubject must hold at least one subject")
        }
        for (subjectPointer, subject) in CredentialJSON.members(of: value, at: pointer) {
            guard let claims = subject.objectValue else {
                problems.malformed(
                    subjectPointer, "a credential subject must be an object, not \(CredentialJSON.kind(of: subject))")
                continue
            }
            if claims.isEmpty {
                problems.malformed(subjectPointer, "a credential subject must not be empty")
            }
            checkID(in: claims, at: subjectPointer)
            checkNodeTypes(claims, at: subjectPointer, mustExist: false)
        }
    }

    /// VCDM 2.0 §4.9 Validity Period: `validFrom`/`validUntil` are `dateTimeStamp` strings and `validFrom`
    /// is not after `validUntil`; with ``CredentialValidationOptions/now``, the period must contain it.
    private mutating func checkValidityPeriod(_ object: JSONObject) {
        let start = dateTime("validFrom", in: object, requiringTimezone: true)
        let end = dateTime("validUntil", in: object, requiringTimezone: true)
        checkOrder(start: start, end: end, startName: "validFrom", endName: "validUntil")
    }

    /// VCDM 1.1 §4.6 Issuance Date and §4.7 Expiration, <https://www.w3.org/TR/vc-data-model-1.1/#issuance-date>:
    /// `issuanceDate` is required (unless an issuer will add it) and both are XSD `dateTime` strings.
    private mutating func checkVersion1Dates(_ object: JSONObject) {
        let start = dateTime("issuanceDate", in: object, requiringTimezone: false)
        if object["issuanceDate"] == nil && options.purpose == .verification {
            problems.malformed(CredentialPointer.root.appending("issuanceDate"), "issuanceDate is required")
        }
        let end = dateTime("expirationDate", in: object, requiringTimezone: false)
        checkOrder(start: start, end: end, startName: "issuanceDate", endName: "expirationDate")
    }

    private mutating func dateTime(_ property: String, in object: JSONObject, requiringTimezone: Bool)
        -> XSDDateTime?
    {
        guard let value = object[property] else { return nil }
        let pointer = CredentialPointer.root.appending(property)
        let form = requiringTimezone ? "XML Schema dateTimeStamp" : "XML Schema dateTime"
        guard let text = value.stringValue else {
            problems.malformed(pointer, "\(property) must be an \(form) string, not \(CredentialJSON.kind(of: value))")
            return nil
        }
        do {
            return try XSDDateTime(parsing: text, requiringTimezone: requiringTimezone)
        } catch {
            problems.malformed(pointer, "\(property) is not an \(form) (\(error))")
            return nil
        }
    }

    private mutating func checkOrder(start: XSDDateTime?, end: XSDDateTime?, startName: String, endName: String) {
        let root = CredentialPointer.root
        if let start, let end, end.isBefore(start, assumingUTC: true) {
            problems.outOfRange(root.appending(endName), "\(endName) is earlier than \(startName)")
        }
        guard let now = options.now else { return }
        let instant = XSDDateTime(now)
        if let start, instant.isBefore(start, assumingUTC: true) {
            problems.outOfRange(root.appending(startName), "the credential is not valid yet (\(startName))")
        }
        if let end, end.isBefore(instant, assumingUTC: true) {
            problems.outOfRange(root.appending(endName), "the credential has expired (\(endName))")
        }
    }

    /// VCDM 2.0 §5.3 Integrity of Related Resources: each object has a URL `id` and at least one of
    /// `digestSRI` (an SRI hash expression) and `digestMultibase` (a multibase string).
    private mutating func checkRelatedResources(_ value: JSONValue?) {
        guard let value else { return }
        let pointer = CredentialPointer.root.appending("relatedResource")
        for (itemPointer, item) in CredentialJSON.members(of: value, at: pointer) {
            guard let resource = item.objectValue else {
                problems.malformed(itemPointer, "relatedResource must be an object or objects")
                continue
            }
            checkID(in: resource, at: itemPointer, required: true)
            let sri = resource["digestSRI"]
            let multibase = resource["digestMultibase"]
            if sri == nil && multibase == nil {
                problems.malformed(itemPointer, "a related resource needs digestSRI or digestMultibase")
            }
            if let sri, !(sri.stringValue.map(Self.isSRIExpression) ?? false) {
                problems.malformed(
                    itemPointer.appending("digestSRI"), "digestSRI must be sha256-, sha384- or sha512-base64")
            }
            if let multibase, !(multibase.stringValue.map { $0.count > 1 && "zumf".contains($0.first ?? " ") } ?? false)
            {
                problems.malformed(
                    itemPointer.appending("digestMultibase"), "digestMultibase must be a multibase string")
            }
        }
    }

    /// W3C Subresource Integrity §3.5 `hash-expression`: `sha256-`, `sha384-` or `sha512-` and base64.
    static func isSRIExpression(_ text: String) -> Bool {
        let parts = text.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, ["sha256", "sha384", "sha512"].contains(parts[0]), !parts[1].isEmpty else {
            return false
        }
        let base64 = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
        return parts[1].allSatisfy { base64.contains($0) }
    }
}
