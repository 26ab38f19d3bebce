/// A CAMEO event code such as `"0251"`, kept as text so leading zeros survive.
///
/// The root code is the first two digits; the QuadClass follows the GDELT 2.0 mapping of roots
/// (01–04 verbal cooperation, 05–08 material cooperation, 09–13 verbal conflict, 14–20 material conflict).
public struct CAMEOCode: Hashable, Sendable, Codable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The four GDELT quadrants of CAMEO actions.
    public enum QuadClass: Int, Sendable, Codable, CaseIterable {
        case verbalCooperation = 1
        case materialCooperation = 2
        case verbalConflict = 3
        case materialConflict = 4
    }

    /// The digits, e.g. `"0251"`, `"195"`.
    public let rawValue: String

    /// A code from its digits; nil unless it is 3 or 4 ASCII digits with a root between 01 and 20.
    public init?(_ rawValue: String) {
        let utf8 = Array(rawValue.utf8)
        guard (3...4).contains(utf8.count), utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        let root = Int(utf8[0] - 48) * 10 + Int(utf8[1] - 48)
        guard (1...20).contains(root) else { return nil }
        self.rawValue = rawValue
    }

    /// A literal code; traps on malformed literals (a programming error).
    public init(stringLiteral value: String) {
        guard let code = CAMEOCode(value) else { preconditionFailure("not a CAMEO code: \(value)") }
        self = code
    }

    /// The two-digit root, e.g. `"02"` for `"0251"`.
    public var rootCode: String { String(rawValue.prefix(2)) }

    /// The root as a number, 1…20; 0 when the code does not start with digits.
    public var root: Int {
        // From the bytes: the coder asks for it many times per sentence, and a substring parsed as an Int
        // cost 3 % of a bulk ingest's instructions.
        var value = 0
        var digits = 0
        for byte in rawValue.utf8.prefix(2) {
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return 0 }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            digits += 1
        }
        return digits == 0 ? 0 : value
    }

    /// The verbal/material × cooperation/conflict quadrant of the root.
    public var quadClass: QuadClass {
        switch root {
        case 1...4: return .verbalCooperation
        case 5...8: return .materialCooperation
        case 9...13: return .verbalConflict
        default: return .materialConflict
        }
    }

    /// The CAMEO label of this code, or of its nearest listed parent (e.g. `"Employ aerial weapons"` for 195).
    public var label: String {
        var digits = rawValue
        while digits.count >= 2 {
            if let label = CAMEOCode.labels[digits] { return label }
            digits.removeLast()
        }
        return "Unknown action"
    }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let code = CAMEOCode(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not a CAMEO code: \(text)"))
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
