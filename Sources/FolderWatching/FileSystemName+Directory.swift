public import Glibc

extension FileSystemName {
    /// The bytes of a directory entry's name (without its NUL), read where `readdir` left them.
    ///
    /// Not through `entry.pointee.d_name`: that copies all 256 bytes of the field, but the kernel's record is
    /// only as long as the name, so for the last entry of `readdir`'s buffer the copy reads past its end
    /// (AddressSanitizer: heap-buffer-overflow, in the end-to-end tests under `--sanitize=address`).
    public static func entryNameBytes(_ entry: UnsafePointer<dirent>) -> [UInt8] {
        let name = UnsafeRawPointer(entry) + MemoryLayout<dirent>.offset(of: \.d_name)!
        let length = strlen(name.assumingMemoryBound(to: CChar.self))
        return Array(UnsafeRawBufferPointer(start: name, count: length))
    }

    /// A directory entry's name (see ``entryNameBytes(_:)``).
    public static func entryName(_ entry: UnsafePointer<dirent>) -> String {
        decode(entryNameBytes(entry))
    }
}
