/// Keywords for arrays: `prefixItems`, `items`, `contains` and the item-count assertions.
///
/// JSON Schema 2020-12 Core §10.3.1 and §11.2, Validation §6.4:
/// <https://json-schema.org/draft/2020-12/json-schema-core#section-10.3.1>.
extension SchemaEvaluator {
    mutating func evaluateArray(
        _ keywords: SchemaKeywords, _ elements: [JSONValue], _ path: SchemaPath, into outcome: inout SchemaOutcome
    ) throws(SchemaError) {
        for (position, node) in keywords.prefixItems.enumerated() where position < elements.count {
            let result = try evaluate(
                node, elements[position], path.applying("prefixItems", position).element(position))
            outcome.violations += result.violations
            if tracksAnnotations { outcome.evaluatedElements.insert(position) }
        }
        if let node = keywords.items {
            for position in keywords.prefixItems.count..<max(elements.count, keywords.prefixItems.count) {
                outcome.violations += try evaluate(node, elements[position], path.applying("items").element(position))
                    .violations
            }
            outcome.evaluatedAllElements = true
        }
        try evaluateContains(keywords, elements, path, into: &outcome)
        if let limit = keywords.maxItems, elements.count > limit {
            outcome.violations.append(path.violation("maxItems", "must have at most \(limit) items"))
        }
        if let limit = keywords.minItems, elements.count < limit {
            outcome.violations.append(path.violation("minItems", "must have at least \(limit) items"))
        }
        if keywords.uniqueItems, Set(elements).count != elements.count {
            outcome.violations.append(path.violation("uniqueItems", "items must be unique"))
        }
    }

    /// `contains` with `minContains` (default 1) and `maxContains` (Core §10.3.1.3, Validation §6.4.4-5).
    private mutating func evaluateContains(
        _ keywords: SchemaKeywords, _ elements: [JSONValue], _ path: SchemaPath, into outcome: inout SchemaOutcome
    ) throws(SchemaError) {
        guard let node = keywords.contains else { return }
        var matches = 0
        for (position, element) in elements.enumerated() {
            guard try evaluate(node, element, path.applying("contains").element(position)).isValid else { continue }
            matches += 1
            if tracksAnnotations { outcome.evaluatedElements.insert(position) }
        }
        let minimum = keywords.minContains ?? 1
        if matches < minimum {
            let keyword = keywords.minContains == nil ? "contains" : "minContains"
            outcome.violations.append(
                path.violation(keyword, "must contain at least \(minimum) matching item(s), found \(matches)"))
        }
        if let maximum = keywords.maxContains, matches > maximum {
            outcome.violations.append(
                path.violation("maxContains", "must contain at most \(maximum) matching item(s), found \(matches)"))
        }
    }

    /// `unevaluatedItems`: applies to elements no passing keyword evaluated (Core §11.2).
    mutating func evaluateUnevaluatedItems(
        _ keywords: SchemaKeywords, _ elements: [JSONValue], _ path: SchemaPath, into outcome: inout SchemaOutcome
    ) throws(SchemaError) {
        guard let node = keywords.unevaluatedItems, !outcome.evaluatedAllElements else { return }
        for (position, element) in elements.enumerated() where !outcome.evaluatedElements.contains(position) {
            outcome.violations += try evaluate(node, element, path.applying("unevaluatedItems").element(position))
                .violations
        }
        outcome.evaluatedAllElements = true
    }
}
