import CLibFuzzer
import Glibc

/// libFuzzer's callback type: one input, 0 to keep it.
public typealias FuzzTarget = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

/// Runs libFuzzer on `target` (libFuzzer's flags come from the command line), then exits with its status.
///
/// Each fuzzer also exports `target` as `LLVMFuzzerTestOneInput`: `-sanitize=fuzzer` links libFuzzer's own
/// `main` too, which calls that symbol, so the program behaves the same whichever `main` the linker keeps.
public func runLibFuzzer(_ target: FuzzTarget) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(LLVMFuzzerRunDriver(&argc, &argv, target))
}

/// libFuzzer's input as an array (the parsers take arrays).
public func fuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}
