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
    // 1,000 calls per sample (results are per call): CPU time is read in clock ticks (10 ms), so a sample must
    // last well over 10 ms for it to mean anything.
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput],
        scalingFactor: smoke ? .one : .kilo,
        maxDuration: smoke ? .milliseconds(50) : .seconds(3),
        maxIterations: smoke ? 5 : 200
    )
    let parser = ArticleParser()
    let extractor: EventExtractor
    do { extractor = try EventExtractor.loadDefault(userFolder: nil) } catch { fatalError("\(error)") }

    let seeds = seeds()
    var articles: [ParsedArticle] = []
    for seed in seeds {
        let article: ParsedArticle
        do { article = try parser.parse(seed.bytes, format: .text, modified: nil) } catch {
            fatalError("seed \(seed.name) does not parse: \(error)")
        }
        articles.append(article)
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
    // All the seeds in one sample: long enough for the CPU clock's ticks.
    Benchmark("ArticleParser.parse all \(seeds.count) seeds") { benchmark in
        for _ in benchmark.scaledIterations {
            for seed in seeds { blackHole(try? parser.parse(seed.bytes, format: .text, modified: nil)) }
        }
    }
    Benchmark("EventExtractor.extract all \(seeds.count) seeds") { benchmark in
        for _ in benchmark.scaledIterations {
            for article in articles { blackHole(extractor.extract(from: article)) }
        }
    }
    // Done once per daemon start (and per reparse of the dictionaries): not per article, but worth watching.
    Benchmark("EventExtractor.loadDefault (bundled dictionaries)", configuration: .init(scalingFactor: .one, maxIterations: smoke ? 2 : 50)) {
        benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? EventExtractor.loadDefault(userFolder: nil))
        }
    }
}
