import MedCredCore
import Testing

/// ``SecuredDocument/parse(_:)``: a compact JWS or strict I-JSON, told apart by shape.
@Suite struct SecuredDocumentTests {
    @Test func readsAJSONDocument() {
        #expect(SecuredDocument.parse(Array(#" {"a": [1, 2]} "#.utf8)) == .parsed(.document(["a": [1, 2]])))
    }

    @Test func readsACompactJWSTrimmed() {
        #expect(SecuredDocument.parse(Array("\t eyJh.eyJi.c2ln \r\n".utf8)) == .parsed(.jws("eyJh.eyJi.c2ln")))
    }

    @Test func aJWSIsNotCheckedWhileParsing() {
        // Three empty parts still have the shape of a compact JWS; verification rejects them.
        #expect(SecuredDocument.parse(Array("..".utf8)) == .parsed(.jws("..")))
    }

    @Test(arguments: ["a.b", "a.b.c.d", "a.b.c=", "a.b.c+", "a b.c.d", "a.b.c/"])
    func notAJWSIsReadAsJSONAndFails(_ text: String) {
        guard case .failed(let problem) = SecuredDocument.parse(Array(text.utf8)) else {
            Issue.record("\(text) parsed")
            return
        }
        #expect(problem.type == .parsing)
        #expect(problem.pointer == "")
    }

    @Test func aJSONStringWithDotsIsJSON() {
        #expect(SecuredDocument.parse(Array(#""a.b.c""#.utf8)) == .parsed(.document("a.b.c")))
    }

    @Test func theParseProblemNamesTheOffset() {
        let text = #"{"a":1,"a":2}"#
        #expect(
            SecuredDocument.parse(Array(text.utf8))
                == .failed(CredentialProblem(parseError: .duplicateMemberName("a", offset: 7))))
    }

    @Test func deepNestingIsAProblemNotACrash() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        guard case .failed(let problem) = SecuredDocument.parse(Array(text.utf8)) else {
            Issue.record("100 000 nested arrays parsed")
            return
        }
        #expect(problem.type == .parsing)
    }
}
