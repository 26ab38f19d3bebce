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
        statement = try db.cachedStatement(sql: sql)
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
                    text.withUTF8 { utf8 in
                        // A NUL ends the text, as where GRDB binds it (see `sqliteText`).
                        let length = utf8.firstIndex(of: 0) ?? utf8.count
                        guard let texts, let source = utf8.baseAddress, length > 0 else {
                            return sqlite3_bind_text(handle, index, "", 0, transient)
                        }
                        let start = texts.bytes + used
                        start.initialize(from: source, count: length)
                        used += length
                        return start.withMemoryRebound(to: CChar.self, capacity: length) {
                            sqlite3_bind_text(handle, index, $0, Int32(length), nil)  // SQLITE_STATIC
                        }
                    }
                }
            try check(code)
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
