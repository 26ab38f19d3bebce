// Human renderings of messages, shared by tidingsctl and the daemon's status line.

extension StatusResult {
    /// The uptime as people read it: `45s`, `3m 12s`, `2h 5m`, `4d 3h`.
    public var uptimeDescription: String { CompactDuration.format(seconds: uptimeSeconds) }
}

extension ChangeNotice {
    /// What to show next to the path: the error for failures, else the article's title (from `data`).
    public var summary: String? {
        if let error = data?["error"]?.stringValue { return error }
        return data?["title"]?.stringValue
    }
}

extension ArticleSummary {
    /// `2024-01-08 (header)`, `2024-01-08`, or nil when the date is unknown.
    public var publishedDescription: String? {
        guard let published else { return nil }
        guard let publishedSource else { return published }
        return "\(published) (\(publishedSource))"
    }
}

/// Durations in the two largest units that matter, the way `uptime` and `systemctl` show them.
public enum CompactDuration {
    /// `0s`, `45s`, `3m 12s`, `2h 5m`, `4d 3h`; negative or non-finite input gives `0s`.
    public static func format(seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 1 else { return "0s" }
        let total = Int64(seconds.rounded(.down))
        let days = total / 86_400
        let hours = total % 86_400 / 3_600
        let minutes = total % 3_600 / 60
        let secs = total % 60
        if days > 0 { return hours > 0 ? "\(days)d \(hours)h" : "\(days)d" }
        if hours > 0 { return minutes > 0 ? "\(hours)h \(minutes)m" : "\(hours)h" }
        if minutes > 0 { return secs > 0 ? "\(minutes)m \(secs)s" : "\(minutes)m" }
        return "\(secs)s"
    }
}
