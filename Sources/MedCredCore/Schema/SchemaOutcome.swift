/// The result of applying one schema at one instance location: its violations and, when it passed, the
/// annotations `unevaluatedProperties` and `unevaluatedItems` read.
///
/// JSON Schema 2020-12 Core §7.7 (annotations, dropped when a schema fails) and §11:
/// <https://json-schema.org/draft/2020-12/json-schema-core#section-7.7>. Members are recorded by position,
/// not by name, because names compare by Unicode scalars and `Set<String>` would merge canonically
/// equivalent names.
struct SchemaOutcome {
    var violations: [SchemaViolation] = []
    /// Positions of the instance object's members that some passing keyword evaluated.
    var evaluatedMembers: Set<Int> = []
    /// Positions of the instance array's elements that some passing keyword evaluated.
    var evaluatedElements: Set<Int> = []
    /// Whether every element was evaluated (`items` or `unevaluatedItems` applied).
    var evaluatedAllElements = false

    var isValid: Bool { violations.isEmpty }

    /// Takes `other`'s violations, and its annotations only if it passed.
    mutating func absorb(_ other: SchemaOutcome) {
        violations += other.violations
        guard other.isValid else { return }
        absorbAnnotations(other)
    }

    /// Takes `other`'s annotations only (for a subschema whose failure is judged elsewhere).
    mutating func absorbAnnotations(_ other: SchemaOutcome) {
        evaluatedMembers.formUnion(other.evaluatedMembers)
        evaluatedElements.formUnion(other.evaluatedElements)
        evaluatedAllElements = evaluatedAllElements || other.evaluatedAllElements
    }
}
