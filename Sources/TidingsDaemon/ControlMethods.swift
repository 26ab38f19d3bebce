internal import ArticleParsing
internal import ControlProtocol
internal import EventStore
internal import Foundation

/// The read and operator methods of the control protocol (subscriptions live in ``ControlServer``).
struct ControlMethods: Sendable {
    let store: EventStore
    let ingestor: Ingestor
    let root: String
    /// The daemon's current status.
    let status: @Sendable () throws -> StatusResult

    /// Runs `method` and returns its encoded result.
    func call(_ method: ControlMethod, _ request: IncomingRequest) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        switch method {
        case .status:
            return try encoder.encode(status())
        case .articlesList:
            let params = try request.decodeParams(ArticlesListParams.self) ?? ArticlesListParams()
            let (limit, offset) = try ControlMethods.page(params.limit, params.offset)
            let rows = try store.articles(errorsOnly: params.status.map { $0 == .error }, limit: limit, offset: offset)
            return try encoder.encode(rows.map(ControlMethods.summary))
        case .articleGet:
            guard let params = try request.decodeParams(PathParams.self) else {
                throw RPCError.invalidParams("'path' is required")
            }
            let path = try relativePath(params.path)
            guard let article = try store.article(at: path) else {
                throw RPCError.notFound("no article at '\(path)': it is not a tracked file under \(root)")
            }
            return try encoder.encode(
                ArticleDetail(
                    article: ControlMethods.summary(article.row), paragraphs: article.paragraphs,
                    warnings: article.warnings))
        case .reparse:
            let params = try request.decodeParams(ReparseParams.self) ?? ReparseParams()
            let path = try params.path.map(relativePath) ?? ""
            let queued = try ingestor.reparse(under: path)
            if queued == 0 && !path.isEmpty {
                throw RPCError.notFound("nothing tracked at '\(path)' under \(root)")
            }
            return try encoder.encode(ReparseResult(queued: queued))
        case .eventsList:
            let params = try request.decodeParams(EventsListParams.self) ?? EventsListParams()
            for (name, day) in [("from", params.from), ("to", params.to)] {
                if let day, CalendarDay(iso: day) == nil {
                    throw RPCError.invalidParams("'\(name)' must be a date as YYYY-MM-DD, not '\(day)'")
                }
            }
            let (limit, offset) = try ControlMethods.page(params.limit, params.offset)
            return try encoder.encode(
                store.events(
                    from: params.from, to: params.to, actor: params.actor, code: params.code,
                    article: try params.article.map(relativePath), limit: limit, offset: offset,
                    withArticles: params.withArticles ?? true))
        case .eventGet:
            guard let params = try request.decodeParams(EventIDParams.self) else {
                throw RPCError.invalidParams("'id' is required")
            }
            guard let event = try store.event(id: params.id) else {
                throw RPCError.notFound("no event \(params.id); list them with events.list")
            }
            return try encoder.encode(event)
        case .statementsList:
            return try encoder.encode(store.statements())
        case .actorsList:
            return try encoder.encode(store.actors())
        case .changesSubscribe, .changesUnsubscribe:
            throw RPCError.internalError("\(method.rawValue) is served by the connection")
        }
    }

    /// A client's path made relative to the root: relative paths are taken as given, absolute ones must
    /// be inside the root; `..` is refused so nothing outside the root can be named.
    func relativePath(_ path: String) throws(RPCError) -> String {
        var rest = Substring(path)
        if path.hasPrefix("/") {
            guard path == root || path.hasPrefix(root + "/") else {
                throw RPCError(code: RPCError.outsideRootCode, message: "'\(path)' is outside the watch root \(root)")
            }
            rest = path.dropFirst(root.count)
        }
        var components: [Substring] = []
        for component in rest.split(separator: "/") where component != "." {
            if component == ".." {
                throw RPCError(code: RPCError.outsideRootCode, message: "'\(path)' uses '..'; name a path inside \(root)")
            }
            components.append(component)
        }
        return components.joined(separator: "/")
    }

    /// `limit` (at most `maximumListPage`, which is also the default) and `offset` (default 0), checked.
    static func page(_ limit: Int?, _ offset: Int?) throws -> (limit: Int, offset: Int) {
        if let limit, limit < 0 { throw RPCError.invalidParams("'limit' must be 0 or more, not \(limit)") }
        if let offset, offset < 0 { throw RPCError.invalidParams("'offset' must be 0 or more, not \(offset)") }
        return (min(limit ?? maximumListPage, maximumListPage), offset ?? 0)
    }

    static func summary(_ row: ArticleRow) -> ArticleSummary {
        ArticleSummary(
            path: row.path, title: row.title, published: row.published, publishedSource: row.publishedSource,
            status: row.isError ? .error : .ok, error: row.error, events: row.events, hash: row.hash, size: row.size,
            ingestedAt: WireFormat.isoTime(row.ingestedAt))
    }
}
