import ArticleParsing
import Benchmark
import EventExtraction
import Foundation

/// The seed articles of the end-to-end tests (real wire copy), or the folder named by `TIDINGS_SEEDS`.
private func seeds() -> [(name: String, bytes: [UInt8])] {
    let folder = ProcessInfo.processInfo.environment["TIDINGS_SEEDS"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../../Tests/EndToEndTests/Fixtures/seeds").standardized.path
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    let seeds = names.filter { $0.hasSuffix(".txt") }.sorted().map { name in
        (String(name.prefix(3)), [UInt8](FileManager.default.contents(atPath: folder + "/" + name) ?? Data()))
    }
    precondition(!seeds.isEmpty, "no seed articles (*.txt) in \(folder); set TIDINGS_SEEDS")
    return seeds
}

let benchmarks: @Sendable () -> Void = {
    // TIDINGS_BENCH_SMOKE: a few iterations each, to check that the benchmarks run (CI), not to measure.
    let smoke = ProcessInfo.processInfo.environment["TIDINGS_BENCH_SMOKE"] != nil
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        maxDuration: smoke ? .milliseconds(50) : .seconds(3),
        maxIterations: smoke ? 5 : 2_000
    )
    let parser = ArticleParser()
    let extractor: EventExtractor
    do { extractor = try EventExtractor.loadDefault(userFolder: nil) } catch { fatalError("\(error.message)") }

    for seed in seeds() {
        let article: ParsedArticle
        do { article = try parser.parse(seed.bytes, format: .text, modified: nil) } catch {
            fatalError("seed \(seed.name) does not parse: \(error.message)")
        }
        Benchmark("ArticleParser.parse seed \(seed.name) (\(seed.bytes.count) B)") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try? parser.parse(seed.bytes, format: .text, modified: nil))
            }
        }
        Benchmark("EventExtractor.extract seed \(seed.name) (\(extractor.extract(from: article).count) events)") {
            benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(extractor.extract(from: article))
            }
        }
    }
    // Done once per daemon start (and per reparse of the dictionaries): not per article, but worth watching.
    Benchmark("EventExtractor.loadDefault (bundled dictionaries)", configuration: .init(maxIterations: smoke ? 2 : 50)) {
        benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? EventExtractor.loadDefault(userFolder: nil))
        }
    }
}
