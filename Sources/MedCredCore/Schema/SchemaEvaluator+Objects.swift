/// Keywords for objects: `properties`, `patternProperties`, `additionalProperties`, `propertyNames`,
/// `dependentSchemas`, `required`, `dependentRequired` and the member-count assertions.
///
/// JSON Schema 2020-12 Core §10.2.2, §10.3.2 and §11.3, Validation §6.5:
/// <https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.2>.
extension SchemaEvaluator {
    mutating func evaluateObject(
        _ keywords: SchemaKeywords, _ object: JSONObject, _ path: SchemaPath, into outcome: inout SchemaOutcome
    ) throws(SchemaError) {
        for (position, member) in object.enumerated() {
            var matched = false
            for (name, node) in keywords.properties where ExactString.equal(name, member.name) {
                outcome.violations += try evaluate(node, member.value, path.applying("properties", name).member(name))
                    .violations
                matched = true
            }
            for (pattern, node) in keywords.patternProperties where patterns.matches(pattern, member.name) {
                let result = try evaluate(
                    node, member.value, path.applying("patternProperties", pattern.source).member(member.name))
                outcome.violations += result.violations
                matched = true
            }
            if !matched, let node = keywords.additionalProperties {
                outcome.violations += try evaluate(
                    node, member.value, path.applying("additionalProperties").member(member.name)
                ).violations
                matched = true
            }
            if matched, tracksAnnotations { outcome.evaluatedMembers.insert(position) }
            if let node = keywords.propertyNames {
                outcome.violations += try evaluate(
                    node, .string(member.name), path.applying("propertyNames").member(member.name)
                ).violations
            }
        }
        for (name, node) in keywords.dependentSchemas where object[name] != nil {
            outcome.absorb(try evaluate(node, .object(object), path.applying("dependentSchemas", name)))
        }
        outcome.violations += assertMembers(keywords, object, path)
    }

    /// `required`, `dependentRequired`, `maxProperties` and `minProperties` (Validation §6.5).
    private func assertMembers(_ keywords: SchemaKeywords, _ object: JSONObject, _ path: SchemaPath)
        -> [SchemaViolation]
    {
        var violations: [SchemaViolation] = []
        for name in keywords.required where object[name] == nil {
            violations.append(
                SchemaViolation(
                    instanceLocation: path.instance, keywordLocation: SchemaPointer.appending(path.keyword, "required"),
                    keyword: "required", message: "\(name): required property is missing"))
        }
        for (name, required) in keywords.dependentRequired where object[name] != nil {
            for missing in required where object[missing] == nil {
                violations.append(
                    SchemaViolation(
                        instanceLocation: path.instance,
                        keywordLocation: SchemaPointer.appending(
                            SchemaPointer.appending(path.keyword, "dependentRequired"), name),
                        keyword: "dependentRequired",
                        message: "\(missing): required property is missing (required when \(name) is present)"))
            }
        }
        if let limit = keywords.maxProperties, object.count > limit {
            violations.append(path.violation("maxProperties", "must have at most \(limit) properties"))
        }
        if let limit = keywords.minProperties, object.count < limit {
            violations.append(path.violation("minProperties", "must have at least \(limit) properties"))
        }
        return violations
    }

    /// `unevaluatedProperties`: applies to members no passing keyword evaluated (Core §11.3).
    mutating func evaluateUnevaluatedProperties(
        _ keywords: SchemaKeywords, _ object: JSONObject, _ path: SchemaPath, into outcome: inout SchemaOutcome
    ) throws(SchemaError) {
        guard let node = keywords.unevaluatedProperties else { return }
        for (position, member) in object.enumerated() where !outcome.evaluatedMembers.contains(position) {
            outcome.violations += try evaluate(
                node, member.value, path.applying("unevaluatedProperties").member(member.name)
            ).violations
            outcome.evaluatedMembers.insert(position)
        }
    }
}
