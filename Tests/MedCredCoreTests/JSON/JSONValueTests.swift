import MedCredCore
import Testing

/// The ``JSONValue`` and ``JSONObject`` API: accessors, order, equality and mutation.
@Suite struct JSONValueTests {
    @Test func accessorsMatchTheCase() {
        #expect(JSONValue.string("a").stringValue == "a")
        #expect(JSONValue.number(1.5).doubleValue == 1.5)
        #expect(JSONValue.bool(true).boolValue == true)
        #expect(JSONValue.array([1]).arrayValue == [1])
        #expect(JSONValue.object(["a": 1]).objectValue == ["a": 1])
        #expect(JSONValue.null.isNull)
    }

    @Test func accessorsReturnNilForOtherCases() {
        let value: JSONValue = 1
        #expect(value.stringValue == nil)
        #expect(value.boolValue == nil)
        #expect(value.arrayValue == nil)
        #expect(value.objectValue == nil)
        #expect(!value.isNull)
        #expect(JSONValue.string("1").doubleValue == nil)
    }

    @Test func subscriptsReturnNilWhenAbsentOrWrongType() {
        let object: JSONValue = ["a": [10, 20]]
        #expect(object["a"]?[1] == 20)
        #expect(object["b"] == nil)
        #expect(object[0] == nil)
        #expect(object["a"]?[2] == nil)
        #expect(object["a"]?[-1] == nil)
        #expect(JSONValue.string("a")["a"] == nil)
    }

    @Test func objectEqualityIgnoresOrder() {
        let a: JSONObject = ["x": 1, "y": [true, nil]]
        let b: JSONObject = ["y": [true, nil], "x": 1]
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a.names != b.names)
        #expect(Set([JSONValue.object(a), .object(b)]).count == 1)
    }

    @Test func objectInequality() {
        let a: JSONObject = ["x": 1, "y": 2]
        #expect(a != ["x": 1])
        #expect(a != ["x": 1, "y": 3])
        #expect(a != ["x": 1, "z": 2])
        #expect(JSONValue.array([1, 2]) != [2, 1])
        #expect(JSONValue.number(1) != "1")
        #expect(JSONValue.null != false)
    }

    @Test func stringsCompareByScalarsNotCanonicalEquivalence() {
        #expect(JSONValue.string("\u{E9}") != .string("e\u{301}"))
        #expect(JSONObject([("\u{E9}", 1)]) != JSONObject([("e\u{301}", 1)]))
    }

    @Test func subscriptSetAppendsReplacesAndRemoves() {
        var object: JSONObject = ["a": 1, "b": 2]
        object["c"] = 3
        object["a"] = 10
        #expect(object.names == ["a", "b", "c"])
        #expect(object["a"] == 10)
        object["b"] = nil
        #expect(object.names == ["a", "c"])
        #expect(object.count == 2)
        object["missing"] = nil
        #expect(object.count == 2)
    }

    @Test func largeObjectsKeepOrderAndLookupsAcrossRemovals() {
        var object = JSONObject()
        for index in 0..<40 { object["k\(index)"] = .number(Double(index)) }
        for index in stride(from: 0, to: 40, by: 3) { object["k\(index)"] = nil }
        let kept = (0..<40).filter { $0 % 3 != 0 }
        #expect(object.names == kept.map { "k\($0)" })
        for index in 0..<40 { #expect(object["k\(index)"] == (index % 3 == 0 ? nil : .number(Double(index)))) }
        #expect(object.map { $0.name } == object.names)
    }

    @Test func initialiserKeepsTheLastOfRepeatedNames() {
        let object = JSONObject([("a", 1), ("b", 2), ("a", 3)])
        #expect(object.names == ["a", "b"])
        #expect(object["a"] == 3)
    }

    @Test func emptyObject() {
        let object = JSONObject()
        #expect(object.isEmpty)
        #expect(object.count == 0)
        #expect(object.names.isEmpty)
    }

    @Test func removingMemberLeavesTheOriginal() {
        let credential: JSONValue = ["id": "urn:x", "proof": ["type": "DataIntegrityProof"]]
        let unsigned = credential.removingMember("proof")
        #expect(unsigned == ["id": "urn:x"])
        #expect(credential["proof"] != nil)
        #expect(JSONValue.array([1]).removingMember("proof") == [1])
    }

    @Test func setMemberEditsObjectsOnly() {
        var value: JSONValue = ["a": 1]
        value.setMember("b", [2])
        value.setMember("a", nil)
        #expect(value == ["b": [2]])
        var array: JSONValue = [1]
        array.setMember("b", 2)
        #expect(array == [1])
    }

    @Test func literalsBuildTheExpectedCases() {
        let value: JSONValue = ["s": "x", "i": 3, "f": 2.5, "b": false, "n": nil, "a": [1]]
        #expect(value["s"] == .string("x"))
        #expect(value["i"] == .number(3))
        #expect(value["f"] == .number(2.5))
        #expect(value["b"] == .bool(false))
        #expect(value["n"] == .null)
        #expect(value["a"] == .array([.number(1)]))
    }

    @Test func zeroEqualsNegativeZero() {
        #expect(JSONValue.number(0) == .number(-0.0))
        #expect(JSONValue.number(0).hashValue == JSONValue.number(-0.0).hashValue)
    }
}
