import Testing

@testable import EventExtraction

struct CAMEOCodeTests {
    @Test(arguments: [
        ("0251", "02", CAMEOCode.QuadClass.verbalCooperation), ("041", "04", .verbalCooperation),
        ("057", "05", .materialCooperation), ("0874", "08", .materialCooperation), ("112", "11", .verbalConflict),
        ("138", "13", .verbalConflict), ("145", "14", .materialConflict), ("195", "19", .materialConflict),
        ("202", "20", .materialConflict),
    ])
    func code_derivesRootAndQuadClass(raw: String, root: String, quad: CAMEOCode.QuadClass) throws {
        let code = try #require(CAMEOCode(raw))
        #expect(code.rawValue == raw)
        #expect(code.rootCode == root)
        #expect(code.root == Int(root))
        #expect(code.quadClass == quad)
    }

    @Test func labels_fallBackToTheParentCode() {
        #expect(CAMEOCode("195").label == "Employ aerial weapons")
        #expect(CAMEOCode("1951").label == "Employ aerial weapons")
        #expect(CAMEOCode("041").label == "Discuss by telephone")
    }

    @Test(arguments: ["", "21", "210", "00a", "12345", "003x"])
    func malformedCode_isRejected(raw: String) {
        #expect(CAMEOCode(raw) == nil)
    }
}
