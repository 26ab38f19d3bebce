internal import Foundation
internal import GRDB
internal import GRDBSQLite

/// One of GRDB's cached statements, bound, stepped and read through SQLite's C API.
///
/// For the statements a bulk ingest runs a dozen times per article: GRDB boxes every argument
/// (`StatementArguments`) and sets up each fetched row with a dictionary of its lower-cased column names,
/// which together cost more instructions than SQLite's own work on these small statements. Values are read
/// by column position, in the order the SQL selects them. Statements run this way are plain reads and
/// writes inside a transaction GRDB opened; nothing observes them.
///
/// Texts are copied once into one buffer this value owns and bound without another copy (`SQLITE_STATIC`):
/// SQLite's own copy of each text took a locked allocation, 700 instructions per bound text. The buffer
/// lives until the last step, and the bindings are cleared once the statement is done.
struct RawStatement: ColumnValues {
    private let statement: Statement
    private let db: Database
    private let texts: TextBuffer?

    /// The cached statement for `sql`, reset and with the given values bound to its parameters in order.
    init(_ db: Database, _ sql: String, _ values: SQLiteValue...) throws {
        try self.init(db, sql, values)
    }

    init(_ db: Database, _ sql: String, _ values: [SQLiteValue]) throws {
        self.db = db
        statement = try RawStatement.transactionStatements.statement(sql, db)
        let handle = statement.sqliteStatement
        sqlite3_reset(handle)
        // Every parameter is bound anew, so none keeps a value from the statement's last use.
        precondition(values.count == sqlite3_bind_parameter_count(handle), "\(values.count) values for: \(sql)")
        let textBytes = values.reduce(0) { if case .text(let text) = $1 { $0 + text.utf8.count } else { $0 } }
        let texts = textBytes > 0 ? TextBuffer(capacity: textBytes) : nil
        self.texts = texts
        var used = 0
        for (index, value) in zip(Int32(1)..., values) {
            let code =
                switch value {
                case .integer(let integer): sqlite3_bind_int64(handle, index, integer)
                case .real(let real): sqlite3_bind_double(handle, index, real)
                case .null: sqlite3_bind_null(handle, index)
                case .text(var text):
                    text.withUTF8 { bind($0, at: index, copyingTo: texts, used: &used) }
                }
            try check(code)
        }
    }

    private static let transactionStatements = TransactionStatements()

    /// Forgets the statements of `db`'s transaction: called as it ends (``EventStore/write(_:)``), so that
    /// nothing here outlives its connection, whose identity another one may take later.
    static func transactionEnded(_ db: Database) {
        transactionStatements.forget(db)
    }

    /// Binds a text's bytes, copied to `texts` after the `used` bytes there, up to a NUL if it has one (as
    /// GRDB binds it, see `sqliteText`).
    private func bind(
        _ utf8: UnsafeBufferPointer<UInt8>, at index: Int32, copyingTo texts: TextBuffer?, used: inout Int
    ) -> Int32 {
        let handle = statement.sqliteStatement
        guard let texts, let source = utf8.baseAddress, !utf8.isEmpty else {
            return sqlite3_bind_text(handle, index, "", 0, transient)
        }
        let nul = memchr(source, 0, utf8.count).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - source }
        let length = nul ?? utf8.count
        guard length > 0 else { return sqlite3_bind_text(handle, index, "", 0, transient) }
        let start = texts.bytes + used
        start.initialize(from: source, count: length)
        used += length
        return start.withMemoryRebound(to: CChar.self, capacity: length) {
            sqlite3_bind_text(handle, index, $0, Int32(length), nil)  // SQLITE_STATIC
        }
    }

    /// Runs a statement that returns no rows.
    func run() throws {
        while try step() {}
        finish()
    }

    /// Moves to the next row; false when there is none.
    func step() throws -> Bool {
        let code = withExtendedLifetime(texts) { sqlite3_step(statement.sqliteStatement) }
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            try check(code)
            return false
        }
    }

    /// Every row, each read by `read`.
    func all<Value>(_ read: (RawStatement) -> Value) throws -> [Value] {
        var values: [Value] = []
        while try step() { values.append(read(self)) }
        finish()
        return values
    }

    /// The first row read by `read`, if there is one; the statement is done after it (a RETURNING clause's
    /// write included), so nothing is left in progress at the commit.
    func first<Value>(_ read: (RawStatement) -> Value) throws -> Value? {
        defer { finish() }
        return try step() ? read(self) : nil
    }

    /// Resets the statement and drops its bindings, which point into ``texts``.
    private func finish() {
        sqlite3_reset(statement.sqliteStatement)
        if texts != nil { sqlite3_clear_bindings(statement.sqliteStatement) }
    }

    /// Whether there is a row.
    func exists() throws -> Bool {
        try first { _ in true } ?? false
    }

    /// The first column of the first row, if there is one and it is not NULL.
    func int64() throws -> Int64? {
        try first { $0.int64(0) } ?? nil
    }

    func int64(_ column: Int32) -> Int64? {
        isNull(column) ? nil : sqlite3_column_int64(statement.sqliteStatement, column)
    }

    func double(_ column: Int32) -> Double? {
        isNull(column) ? nil : sqlite3_column_double(statement.sqliteStatement, column)
    }

    func text(_ column: Int32) -> String? {
        let handle = statement.sqliteStatement
        guard let bytes = sqlite3_column_text(handle, column) else { return nil }
        let count = Int(sqlite3_column_bytes(handle, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// SQLITE_TRANSIENT: SQLite copies the bytes (only empty texts are bound so).
    private var transient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }

    private func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(statement.sqliteStatement, column) == SQLITE_NULL
    }

    private func check(_ code: Int32) throws {
        guard code != SQLITE_OK else { return }
        throw DatabaseError(
            resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
    }
}

/// The statements run in the transaction under way on each connection, with their SQL. GRDB's cache hashes
/// the whole text on every lookup (1,800 instructions for the mention insert); a transaction runs a dozen
/// statements thousands of times, and comparing lengths then texts finds them for a tenth of that.
private final class TransactionStatements: @unchecked Sendable {  // `statements` guarded by `lock`
    private let lock = NSLock()
    private var statements: [ObjectIdentifier: [(sql: String, statement: Statement)]] = [:]

    func statement(_ sql: String, _ db: Database) throws -> Statement {
        let connection = ObjectIdentifier(db)
        let length = sql.utf8.count
        let known = lock.withLock {
            statements[connection]?.first { $0.sql.utf8.count == length && $0.sql == sql }?.statement
        }
        if let known { return known }
        let statement = try db.cachedStatement(sql: sql)
        lock.withLock { statements[connection, default: []].append((sql, statement)) }
        return statement
    }

    func forget(_ db: Database) {
        lock.withLock { statements[ObjectIdentifier(db)] = nil }
    }
}

/// The bytes of a ``RawStatement``'s bound texts, one allocation for all of them.
private final class TextBuffer {
    let bytes: UnsafeMutablePointer<UInt8>

    init(capacity: Int) {
        bytes = .allocate(capacity: capacity)
    }

    deinit {
        bytes.deallocate()
    }
}

/// A value bound to a ``RawStatement`` parameter.
enum SQLiteValue {
    case integer(Int64)
    case real(Double)
    case text(String)
    case null

    static func integer(_ value: Int?) -> SQLiteValue { value.map { .integer(Int64($0)) } ?? .null }
    static func integer(_ value: Int64?) -> SQLiteValue { value.map { .integer($0) } ?? .null }
    static func real(_ value: Double?) -> SQLiteValue { value.map { .real($0) } ?? .null }
    static func text(_ value: String?) -> SQLiteValue { value.map { .text($0) } ?? .null }
}

/// A result row read by column position: a GRDB `Row`, or the current row of a ``RawStatement``.
protocol ColumnValues {
    func int64(_ column: Int32) -> Int64?
    func double(_ column: Int32) -> Double?
    func text(_ column: Int32) -> String?
}

extension ColumnValues {
    func int(_ column: Int32) -> Int? {
        int64(column).map { Int($0) }
    }
}

extension Row: ColumnValues {
    func int64(_ column: Int32) -> Int64? { self[Int(column)] }
    func double(_ column: Int32) -> Double? { self[Int(column)] }
    func text(_ column: Int32) -> String? { self[Int(column)] }
}
