import ControlProtocol
import Testing

struct LineBufferTests {
    private func lines(_ texts: String...) -> [LineBuffer.Output] {
        texts.map { .line(Array($0.utf8)) }
    }

    @Test func append_whenLineSplitAcrossChunks_joinsIt() {
        var buffer = LineBuffer()
        #expect(buffer.append(Array(#"{"jsonrpc":"#.utf8)).isEmpty)
        #expect(buffer.pendingCount == 11)
        #expect(buffer.append(Array("\"2.0\"}\n".utf8)) == lines(#"{"jsonrpc":"2.0"}"#))
        #expect(buffer.pendingCount == 0)
    }

    @Test func append_whenChunkHoldsSeveralLines_returnsThemInOrderAndKeepsTheRest() {
        var buffer = LineBuffer()
        #expect(buffer.append(Array("one\ntwo\n\nthr".utf8)) == lines("one", "two", ""))
        #expect(buffer.pendingCount == 3)
        #expect(buffer.append(Array("ee\n".utf8)) == lines("three"))
    }

    @Test func append_whenLineEndsWithCRLF_dropsTheCarriageReturn() {
        var buffer = LineBuffer()
        #expect(buffer.append(Array("a\r\nb\r\n".utf8)) == lines("a", "b"))
    }

    @Test func append_whenCRLFSplitAcrossChunks_dropsTheCarriageReturn() {
        var buffer = LineBuffer()
        #expect(buffer.append(Array("a\r".utf8)).isEmpty)
        #expect(buffer.append(Array("\n".utf8)) == lines("a"))
    }

    @Test func append_whenCarriageReturnIsInsideALine_keepsIt() {
        var buffer = LineBuffer()
        #expect(buffer.append(Array("a\rb\n".utf8)) == lines("a\rb"))
    }

    @Test func append_whenLineIsExactlyAtLimit_acceptsIt() {
        var buffer = LineBuffer(maximumLineLength: 4)
        #expect(buffer.append(Array("abcd\n".utf8)) == lines("abcd"))
    }

    @Test func append_whenLineExceedsLimit_reportsTooLong() {
        var buffer = LineBuffer(maximumLineLength: 4)
        #expect(buffer.append(Array("abcde\nok\n".utf8)) == [.tooLong, .line(Array("ok".utf8))])
    }

    @Test func append_whenUnterminatedBytesExceedLimit_reportsTooLongWithoutWaitingForTheNewline() {
        var buffer = LineBuffer(maximumLineLength: 4)
        #expect(buffer.append(Array("abc".utf8)).isEmpty)
        #expect(buffer.append(Array("de".utf8)) == [.tooLong])
        #expect(buffer.pendingCount == 0)
    }

    @Test func append_afterTooLongLine_dropsItsRestAndResumesAtTheNextLine() {
        var buffer = LineBuffer(maximumLineLength: 4)
        #expect(buffer.append(Array("abcdef".utf8)) == [.tooLong])
        // The tail of the oversized line must not surface as a line of its own.
        #expect(buffer.append(Array("ghi".utf8)).isEmpty)
        #expect(buffer.append(Array("jkl\nok\n".utf8)) == lines("ok"))
    }

    @Test func append_afterTooLongLine_doesNotReportItsShortTailAsALine() {
        var buffer = LineBuffer(maximumLineLength: 4)
        #expect(buffer.append(Array("abcdef".utf8)) == [.tooLong])
        #expect(buffer.append(Array("g\nok\n".utf8)) == lines("ok"))
    }

    @Test func append_whenDefaultLimit_allowsOneMebibyte() {
        #expect(LineBuffer().maximumLineLength == 1 << 20)
    }
}
