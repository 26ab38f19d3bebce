/// The version of Tidings, shared by `tidingsd`, `tidingsctl` and the `status` reply.
public enum TidingsVersion {
    public static let current = "0.1.0"
}
