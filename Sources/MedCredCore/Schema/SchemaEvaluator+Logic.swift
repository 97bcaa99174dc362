/// In-place applicators: `allOf`, `anyOf`, `oneOf`, `not` and `if`/`then`/`else`.
///
/// JSON Schema 2020-12 Core §10.2: <https://json-schema.org/draft/2020-12/json-schema-core#section-10.2>.
/// Every branch is evaluated, even once the result is known, because `unevaluatedProperties` and
/// `unevaluatedItems` see the annotations of all passing branches (Core §11).
extension SchemaEvaluator {
    mutating func evaluateLogic(
        _ keywords: SchemaKeywords, _ instance: JSONValue, _ path: SchemaPath, into outcome: inout SchemaOutcome
    ) throws(SchemaError) {
        for (position, node) in (keywords.allOf ?? []).enumerated() {
            outcome.absorb(try evaluate(node, instance, path.applying("allOf", position)))
        }
        if let branches = keywords.anyOf {
            let passed = try passingBranches(branches, "anyOf", instance, path, into: &outcome)
            if passed == 0 {
                outcome.violations.append(
                    path.violation("anyOf", "must match at least one of the \(branches.count) schemas in anyOf"))
            }
        }
        if let branches = keywords.oneOf {
            let passed = try passingBranches(branches, "oneOf", instance, path, into: &outcome)
            if passed != 1 {
                outcome.violations.append(
                    path.violation(
                        "oneOf", "must match exactly one of the \(branches.count) schemas in oneOf, matched \(passed)"))
            }
        }
        if let node = keywords.not, try evaluate(node, instance, path.applying("not")).isValid {
            outcome.violations.append(path.violation("not", "must not match the schema in not"))
        }
        if let condition = keywords.ifSchema {
            let test = try evaluate(condition, instance, path.applying("if"))
            if test.isValid {
                outcome.absorbAnnotations(test)
                if let node = keywords.thenSchema {
                    outcome.absorb(try evaluate(node, instance, path.applying("then")))
                }
            } else if let node = keywords.elseSchema {
                outcome.absorb(try evaluate(node, instance, path.applying("else")))
            }
        }
    }

    /// Evaluates every branch, keeps the annotations of those that pass, and counts them.
    private mutating func passingBranches(
        _ branches: [Int], _ keyword: String, _ instance: JSONValue, _ path: SchemaPath,
        into outcome: inout SchemaOutcome
    ) throws(SchemaError) -> Int {
        var passed = 0
        for (position, node) in branches.enumerated() {
            let result = try evaluate(node, instance, path.applying(keyword, position))
            guard result.isValid else { continue }
            passed += 1
            outcome.absorbAnnotations(result)
        }
        return passed
    }
}
