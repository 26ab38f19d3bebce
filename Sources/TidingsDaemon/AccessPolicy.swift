internal import Glibc

/// Who is on the other end of a control connection, from the kernel (`SO_PEERCRED`), not from the client.
struct PeerCredentials: Sendable, Equatable {
    var pid: Int32
    var uid: UInt32
    var gid: UInt32

    /// The credentials of the process connected to `fd`, or nil when the kernel does not say.
    static func of(_ fd: Int32) -> PeerCredentials? {
        // struct ucred { pid_t pid; uid_t uid; gid_t gid; } — not exported to Swift without _GNU_SOURCE.
        var raw: (Int32, UInt32, UInt32) = (0, 0, 0)
        var length = socklen_t(MemoryLayout.size(ofValue: raw))
        guard getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &raw, &length) == 0 else { return nil }
        return PeerCredentials(pid: raw.0, uid: raw.1, gid: raw.2)
    }
}

/// Who may run operator commands (reparse): root, the daemon's own user, and members of the configured
/// admin group. Everyone who can reach the socket (its mode and group decide that) may read.
struct AccessPolicy: Sendable {
    let adminGroup: String?
    private let adminGID: UInt32?
    private let daemonUID = geteuid()

    init(adminGroup: String?) {
        self.adminGroup = adminGroup
        adminGID = adminGroup.flatMap { getgrnam($0)?.pointee.gr_gid }
    }

    func mayOperate(_ peer: PeerCredentials?) -> Bool {
        guard let peer else { return false }
        if peer.uid == 0 || peer.uid == daemonUID { return true }
        guard let adminGID else { return false }
        return peer.gid == adminGID || AccessPolicy.groups(of: peer.uid).contains(adminGID)
    }

    /// The message of a refusal: what was refused and how to be allowed.
    func refusal(_ method: String, peer: PeerCredentials?) -> String {
        let who = peer.map { "uid \($0.uid)" } ?? "an unidentified client"
        let groupHint = adminGroup.map { " or a member of the group '\($0)'" } ?? " (set admin_group in the configuration to allow a group)"
        return "permission denied: \(method) is an operator command; \(who) may only read. It needs root, the daemon's user\(groupHint)"
    }

    /// The supplementary groups of a user id.
    private static func groups(of uid: UInt32) -> [UInt32] {
        guard let user = getpwuid(uid) else { return [] }
        var count: Int32 = 64
        var groups = [gid_t](repeating: 0, count: Int(count))
        if getgrouplist(user.pointee.pw_name, user.pointee.pw_gid, &groups, &count) < 0 {
            groups = [gid_t](repeating: 0, count: Int(count))
            guard getgrouplist(user.pointee.pw_name, user.pointee.pw_gid, &groups, &count) >= 0 else { return [] }
        }
        return Array(groups.prefix(Int(count)))
    }
}
