/// Word ids for lowercased word forms: an open-addressing hash table over byte strings, so the hot path
/// looks a token up straight from its bytes without building a `String`.
struct Vocabulary: Sendable {
    private var slots: [Int32] = Array(repeating: -1, count: 1024)
    private var hashes: [UInt64] = []
    private var starts: [Int32] = []
    private var lengths: [Int32] = []
    private var pool: [UInt8] = []

    var count: Int { hashes.count }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h = (h ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return h
    }

    /// The id of a word form, or -1.
    func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = Vocabulary.hash(bytes)
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: h) & mask
        return pool.withUnsafeBufferPointer { poolBytes in
            while true {
                let id = slots[index]
                if id < 0 { return -1 }
                let i = Int(id)
                if hashes[i] == h, Int(lengths[i]) == bytes.count {
                    let start = Int(starts[i])
                    var equal = true
                    for k in 0..<bytes.count where poolBytes[start + k] != bytes[k] {
                        equal = false
                        break
                    }
                    if equal { return id }
                }
                index = (index + 1) & mask
            }
        }
    }

    func lookup(_ word: String) -> Int32 {
        var copy = Array(word.utf8)
        return copy.withUnsafeMutableBufferPointer { lookup(UnsafeBufferPointer($0)) }
    }

    /// The id of a word form, adding it when new.
    mutating func intern(_ word: String) -> Int32 {
        let bytes = Array(word.utf8)
        let existing = bytes.withUnsafeBufferPointer { lookup($0) }
        if existing >= 0 { return existing }
        if (hashes.count + 1) * 2 > slots.count { grow() }
        let id = Int32(hashes.count)
        let h = bytes.withUnsafeBufferPointer { Vocabulary.hash($0) }
        hashes.append(h)
        starts.append(Int32(pool.count))
        lengths.append(Int32(bytes.count))
        pool.append(contentsOf: bytes)
        place(id: id, hash: h)
        return id
    }

    func word(_ id: Int32) -> String {
        let start = Int(starts[Int(id)])
        return String(decoding: pool[start..<start + Int(lengths[Int(id)])], as: UTF8.self)
    }

    private mutating func place(id: Int32, hash: UInt64) {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index] >= 0 { index = (index + 1) & mask }
        slots[index] = id
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for id in 0..<hashes.count { place(id: Int32(id), hash: hashes[id]) }
    }
}
