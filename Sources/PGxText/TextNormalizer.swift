/// NFKC normalization with a map back to the original code-point offsets.
///
/// On top of NFKC it folds the punctuation NFKC leaves alone but PGx text uses interchangeably:
/// hyphens and dashes (U+2010–U+2015, U+2212 minus) become "-", U+2236 (ratio) becomes ":", and
/// non-breaking and other Unicode spaces become " ". `map[i]` is the original code-point offset of
/// normalized scalar `i` (plus one sentinel for the end), so a span found in normalized text maps
/// back to the exact original characters.
/// - Complexity: O(n); ASCII text takes a fast path with no ICU call.
public struct NormalizedText {
    public let scalars: [Unicode.Scalar]
    /// Original offset of each normalized scalar; `map[scalars.count]` is the original length.
    public let map: [Int]

    public init(_ original: [Unicode.Scalar]) {
        if original.allSatisfy({ $0.value < 0x80 }) {
            scalars = original
            map = Array(0...original.count)
            return
        }
        // NFKC through ICU on UTF-16, then back to scalars with the offsets carried along.
        var utf16: [UInt16] = []
        var unitToScalar: [Int] = []
        utf16.reserveCapacity(original.count)
        for (i, s) in original.enumerated() {
            for u in String(s).utf16 { utf16.append(u); unitToScalar.append(i) }
        }
        let (out, unitMap) = ICU.nfkc(utf16)
        var sc: [Unicode.Scalar] = []
        var mp: [Int] = []
        sc.reserveCapacity(out.count)
        var i = 0
        while i < out.count {
            let u = out[i]
            var value = UInt32(u)
            var width = 1
            if u >= 0xD800 && u < 0xDC00 && i + 1 < out.count {
                value = 0x10000 + ((UInt32(u) - 0xD800) << 10) + (UInt32(out[i + 1]) - 0xDC00)
                width = 2
            }
            let origin = unitToScalar[Int(unitMap[i])]
            let folded = NormalizedText.fold(Unicode.Scalar(value) ?? "\u{FFFD}")
            sc.append(folded)
            mp.append(origin)
            i += width
        }
        mp.append(original.count)
        scalars = sc
        map = mp
    }

    /// Punctuation NFKC keeps distinct but PGx writing uses as the same character.
    @inline(__always)
    public static func fold(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return "-"
        case 0x2236: return ":"
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return " "
        case 0x2032: return "'"
        default: return s
        }
    }

    /// The original span of normalized span `start..<end`.
    public func original(_ start: Int, _ end: Int) -> (start: Int, end: Int) {
        let s = map[start]
        // The end maps to the start of the next normalized scalar's origin (or the text's end).
        let e = end < map.count - 1 ? map[end] : map[map.count - 1]
        return (s, max(e, s + (end > start ? 1 : 0)))
    }
}
