import ArticleParsing

/// The parts of an event mention that decide whether two mentions (often from different articles) report the
/// same event. Compare with ``isSameEvent(_:_:)``.
public struct EventSignature: Sendable, Hashable {
    public var code: CAMEOCode
    public var sourceCode: String?
    public var targetCode: String?
    public var location: String?
    public var locationCountry: String?
    public var date: EventDate?

    public init(
        code: CAMEOCode, sourceCode: String?, targetCode: String?, location: String?, locationCountry: String?,
        date: EventDate?
    ) {
        self.code = code
        self.sourceCode = sourceCode
        self.targetCode = targetCode
        self.location = location
        self.locationCountry = locationCountry
        self.date = date
    }

    /// The action family: roots reported interchangeably for one happening share a family.
    /// Violence (145, 17, 18, 19, 20) is one family: "attacked", "stormed", "vandalised", "struck" and "killed"
    /// describe one attack; consultations (036, 04) are one; appeals and demands (02, 10) are one.
    public var actionFamily: String { EventSignature.actionFamily(of: code) }

    /// The action family of a code (``actionFamily``).
    static func actionFamily(of code: CAMEOCode) -> String {
        let root = code.root
        switch root {
        case 14 where code.rawValue.hasPrefix("145"): return "violence"
        case 17, 18, 19, 20: return "violence"
        case 4: return "consult"
        case 3 where code.rawValue.hasPrefix("036"): return "consult"
        case 2, 10: return "appeal"
        default: return code.rootCode
        }
    }
}

/// Whether two event mentions report the same event: same action family, compatible actors (equal codes,
/// one side unknown, one code a prefix of the other such as `USA`/`USAGOV`, or the same country with roles
/// of the same kind — state `GOV`/`MIL`/`COP`/… or non-state `OPP`/`REB`/`CVL`/…), compatible locations
/// (equal, unknown, or in the same country) and dates within the larger tolerance of the two
/// (``EventDate/toleranceDays``: 1 day for a day, 10 for approximate, 20 for a month, 3 for an article date).
/// Symmetric; a source is never matched against a target.
public func isSameEvent(_ a: EventSignature, _ b: EventSignature) -> Bool {
    guard a.actionFamily == b.actionFamily else { return false }
    guard ActorCode.compatible(a.sourceCode, b.sourceCode), ActorCode.compatible(a.targetCode, b.targetCode)
    else { return false }
    // At least one actor must be known on both sides, or any two "someone attacked" mentions would merge.
    let sharesActor =
        (a.sourceCode != nil && b.sourceCode != nil) || (a.targetCode != nil && b.targetCode != nil)
    guard sharesActor else { return false }
    if let la = a.location, let lb = b.location, la != lb {
        guard let ca = a.locationCountry, let cb = b.locationCountry, ca == cb else { return false }
    }
    switch (a.date, b.date) {
    case (let da?, let db?):
        let tolerance = max(da.toleranceDays, db.toleranceDays)
        return abs(da.day.daysSinceEpoch - db.day.daysSinceEpoch) <= tolerance
    default:
        return true
    }
}

extension EventSignature {
    /// Same as ``isSameEvent(_:_:)``.
    public func isSameEvent(as other: EventSignature) -> Bool { EventExtraction.isSameEvent(self, other) }
}

/// Reading CAMEO-style actor codes: three-letter country (or group) code, then three-letter roles.
enum ActorCode {
    static let stateRoles: Set<String> = ["GOV", "MIL", "COP", "SPY", "JUD", "LEG"]
    static let nonStateRoles: Set<String> = ["OPP", "REB", "INS", "CVL", "UAF", "MED", "BUS", "EDU", "REL", "LAB"]
    static let roles: Set<String> = stateRoles.union(nonStateRoles)

    /// Splits `USAGOV` into (`USA`, `GOV`); a bare role such as `REB` has no country.
    static func split(_ code: String) -> (country: String?, role: String?) {
        let utf8 = Array(code.utf8)
        guard utf8.count >= 3 else { return (nil, nil) }
        let first = String(decoding: utf8[0..<3], as: UTF8.self)
        if roles.contains(first) { return (nil, first) }
        let role = utf8.count >= 6 ? String(decoding: utf8[3..<6], as: UTF8.self) : nil
        return (first, role)
    }

    static func compatible(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return true }
        if a == b || a.hasPrefix(b) || b.hasPrefix(a) { return true }
        let (ca, ra) = split(a)
        let (cb, rb) = split(b)
        if let ca, let cb, ca != cb { return false }
        guard let ra, let rb else { return true }
        return (stateRoles.contains(ra) && stateRoles.contains(rb))
            || (nonStateRoles.contains(ra) && nonStateRoles.contains(rb))
    }
}
