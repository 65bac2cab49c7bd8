import CICUShim

/// Thin Swift access to the ICU shim: break iterators and NFKC with an offset map.
/// All offsets here are UTF-16 code-unit offsets; `TextIndex` converts them to code points.
public enum ICU {
    /// The ICU version the shim was built against.
    public static var version: String { String(cString: pgx_icu_version()) }

    public enum BreakKind { case word, sentence }

    /// Boundary offsets (UTF-16 units, ascending, excluding 0, including the end) of `units`.
    /// - Complexity: O(n).
    public static func boundaries(_ units: [UInt16], kind: BreakKind) -> [(offset: Int, status: Int32)] {
        guard !units.isEmpty else { return [] }
        var out: [(Int, Int32)] = []
        units.withUnsafeBufferPointer { buf in
            var err: Int32 = 0
            guard let b = pgx_break_open(kind == .word ? Int32(PGX_BREAK_WORD) : Int32(PGX_BREAK_SENTENCE),
                                         buf.baseAddress, Int32(buf.count), &err) else { return }
            defer { pgx_break_close(b) }
            while true {
                let n = pgx_break_next(b)
                if n < 0 { break }
                out.append((Int(n), pgx_break_status(b)))
            }
        }
        return out
    }

    /// NFKC of `units`, and for each output unit the input unit its normalization segment started at.
    /// - Complexity: O(n).
    public static func nfkc(_ units: [UInt16]) -> (units: [UInt16], map: [Int32]) {
        var cap = units.count * 2 + 16
        while true {
            var dst = [UInt16](repeating: 0, count: cap)
            var map = [Int32](repeating: 0, count: cap)
            let n = units.withUnsafeBufferPointer { src in
                dst.withUnsafeMutableBufferPointer { d in
                    map.withUnsafeMutableBufferPointer { m in
                        pgx_nfkc_mapped(src.baseAddress, Int32(src.count), d.baseAddress, m.baseAddress, Int32(cap))
                    }
                }
            }
            if n == -1 { cap *= 2; continue }
            if n < 0 { return (units, (0..<units.count).map { Int32($0) }) }
            return (Array(dst[0..<Int(n)]), Array(map[0..<Int(n)]))
        }
    }
}
