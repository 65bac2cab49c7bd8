/// A token: a view into the passage (code-point offsets), never a copy of its text.
public struct Token: Equatable, Sendable {
    public enum Kind: UInt8, Sendable {
        case word, number, punctuation
        /// A PGx unit merged across ICU word breaks: star allele or diplotype, HLA allele, HGVS, rsID.
        case variant
        /// A hyphenated or numbered compound such as `5-fluorouracil`, `6-mercaptopurine`, `HLA-B`.
        case compound
    }
    public var start: Int
    public var end: Int
    public var kind: Kind
    public init(start: Int, end: Int, kind: Kind) { self.start = start; self.end = end; self.kind = kind }
}

/// Word tokens for PGx text: ICU word boundaries, then merges for what ICU splits but PGx writing
/// treats as one unit (`CYP2C19*2/*3`, `*1/*17`, `HLA-B*57:01`, `c.1905+1G>A`, `p.Arg144Cys`,
/// `rs4244285`, `5-fluorouracil`). Whitespace is never part of a token, and every other character is
/// in exactly one token, so the tokens and the whitespace between them give back the input exactly.
/// - Complexity: O(n).
public enum Tokenizer {
    public static func tokenize(_ text: [Unicode.Scalar], range: Range<Int>? = nil) -> [Token] {
        let r = range ?? 0..<text.count
        var base = baseTokens(text, r)
        base = merge(text, base)
        return base
    }

    @inlinable public static func isAlnum(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 {
            return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        if v < 0x10000 { return bmpAlnum[Int(v >> 6)] & (1 << UInt64(v & 63)) != 0 }
        return propertyAlnum(s)
    }

    /// Alphabetic or numeric by the Unicode properties (two property lookups).
    @usableFromInline static func propertyAlnum(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil
    }

    /// `propertyAlnum` for every scalar of the Basic Multilingual Plane, one bit each (8 KB, made on first
    /// use in about 3 ms): "β", "µ", "é", "–" and "±" are common in abstracts, and their two property
    /// lookups were 2–3% of an extraction's CPU.
    @usableFromInline static let bmpAlnum: [UInt64] = {
        var t = [UInt64](repeating: 0, count: 0x10000 / 64)
        for v in UInt32(0x80)..<0x10000 {
            if let s = Unicode.Scalar(v), propertyAlnum(s) { t[Int(v >> 6)] |= 1 << UInt64(v & 63) }
        }
        return t
    }()

    /// A digit (Unicode numeric type); ASCII answered without a property lookup.
    @inlinable public static func isDigit(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value &- 48 < 10) : s.properties.numericType != nil
    }

    @inlinable public static func isAlpha(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value &- 65 < 26 || s.value &- 97 < 26) : s.properties.isAlphabetic
    }

    @inlinable public static func isUpper(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value &- 65 < 26) : s.properties.isUppercase
    }

    @inlinable public static func isLower(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value &- 97 < 26) : s.properties.isLowercase
    }

    /// Unicode White_Space; ASCII: tab, newline, vertical tab, form feed, carriage return, space.
    @inlinable public static func isWhite(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value == 32 || s.value &- 9 < 5) : s.properties.isWhitespace
    }

    @inlinable public static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\n" || s == "\t" || s == "\r" || (s.value >= 0x80 && s.properties.isWhitespace)
    }

    /// Runs of letters/digits are words (ICU's word rule on these scripts), every other non-space
    /// character is its own punctuation token.
    static func baseTokens(_ t: [Unicode.Scalar], _ r: Range<Int>) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(r.count / 5)
        var i = r.lowerBound
        while i < r.upperBound {
            let s = t[i]
            if isSpace(s) { i += 1; continue }
            if isAlnum(s) {
                var j = i + 1
                var digits = isDigit(s)
                var letters = !digits
                while j < r.upperBound && isAlnum(t[j]) {
                    if isDigit(t[j]) { digits = true } else { letters = true }
                    j += 1
                }
                // Decimal numbers: 3.5, 0.05
                if !letters && j + 1 < r.upperBound && (t[j] == "." || t[j] == ",") && isDigit(t[j + 1]) {
                    j += 1
                    while j < r.upperBound && isDigit(t[j]) { j += 1 }
                }
                out.append(Token(start: i, end: j, kind: letters || !digits ? .word : .number))
                i = j
            } else {
                out.append(Token(start: i, end: i + 1, kind: .punctuation))
                i += 1
            }
        }
        return out
    }

    /// Merge passes over the base tokens.
    static func merge(_ t: [Unicode.Scalar], _ toks: [Token]) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(toks.count)
        var i = 0
        while i < toks.count {
            if let (j, kind) = mergeAt(t, toks, i) {
                out.append(Token(start: toks[i].start, end: toks[j - 1].end, kind: kind))
                i = j
            } else {
                out.append(toks[i])
                i += 1
            }
        }
        return out
    }

    @inline(__always) static func adjacent(_ toks: [Token], _ a: Int) -> Bool {
        a + 1 < toks.count && toks[a].end == toks[a + 1].start
    }

    static func text(_ t: [Unicode.Scalar], _ tok: Token) -> String {
        makeString(t[tok.start..<tok.end])
    }

    /// If a merged unit starts at token `i`, returns the index after its last token and its kind.
    static func mergeAt(_ t: [Unicode.Scalar], _ toks: [Token], _ i: Int) -> (Int, Token.Kind)? {
        let tok = toks[i]
        let first = t[tok.start]
        // HGVS: c. / g. / p. / m. / n. / r. followed (without space) by a position or change.
        if tok.end - tok.start == 1 && "cgpmnr".unicodeScalars.contains(first) && adjacent(toks, i)
            && t[toks[i + 1].start] == "." && adjacent(toks, i + 1) {
            var j = i + 2
            while j < toks.count && toks[j].start == toks[j - 1].end && !isHGVSStop(t[toks[j].start]) { j += 1 }
            // Do not swallow a sentence-final period.
            while j > i + 2 && t[toks[j - 1].start] == "." { j -= 1 }
            if j > i + 2 { return (j, .variant) }
        }
        // Star alleles and diplotypes: [GENE]*2, *1/*17, *2A, HLA-B*57:01, CYP2D6*1xN.
        var j = i
        if tok.kind == .word, adjacent(toks, i) {
            // GENE or HLA-B (word [- word]) immediately followed by '*'
            var k = i + 1
            if t[toks[k].start] == "-" && adjacent(toks, k) && k + 1 < toks.count { k += 2 }
            if k < toks.count && t[toks[k].start] == "*" && toks[k].start == toks[k - 1].end && starBody(t, toks, k) != nil {
                j = k
            }
        }
        if t[toks[j].start] == "*", let end = starBody(t, toks, j) {
            var e = end
            // diplotype: "/*17" or "/ *17"
            while e < toks.count && t[toks[e].start] == "/" && toks[e].start == toks[e - 1].end
                    && e + 1 < toks.count && t[toks[e + 1].start] == "*", let e2 = starBody(t, toks, e + 1) {
                e = e2
            }
            if j > i || e > j + 1 { return (e, .variant) }
            return (e, .variant)
        }
        // rsIDs are already one word token ("rs4244285"): nothing to merge.
        // Hyphenated and numbered compounds: 5-fluorouracil, 6-mercaptopurine, HLA-B, 5-FU, TNF-alpha.
        if tok.kind != .punctuation && adjacent(toks, i) && t[toks[i + 1].start] == "-" && adjacent(toks, i + 1)
            && toks[i + 2].kind != .punctuation {
            var e = i + 3
            while e + 1 < toks.count && adjacent(toks, e - 1) && t[toks[e].start] == "-" && adjacent(toks, e)
                    && toks[e + 1].kind != .punctuation {
                e += 2
            }
            return (e, .compound)
        }
        return nil
    }

    /// `*` then an allele designation: digits/letters, optionally `:`-separated fields (HLA) or `xN`.
    static func starBody(_ t: [Unicode.Scalar], _ toks: [Token], _ star: Int) -> Int? {
        guard star + 1 < toks.count, toks[star + 1].start == toks[star].end, toks[star + 1].kind != .punctuation,
              t[toks[star + 1].start].properties.numericType != nil else { return nil }
        var e = star + 2
        while e + 1 < toks.count && toks[e].start == toks[e - 1].end && t[toks[e].start] == ":"
                && toks[e + 1].start == toks[e].end && toks[e + 1].kind == .number {
            e += 2
        }
        return e
    }

    static func isHGVSStop(_ s: Unicode.Scalar) -> Bool {
        s == "," || s == ";" || s == ")" || s == "(" || s == "[" || s == "]" || isSpace(s)
    }
}

/// The code points of a string in one pass: its UTF-8 length bounds their number, so the array is
/// allocated once and ASCII text (most of PubMed) is copied byte by byte (`Array(s.unicodeScalars)`
/// walks the string twice, once to count).
public func scalarArray(_ string: String) -> [Unicode.Scalar] {
    var s = string
    return s.withUTF8 { u -> [Unicode.Scalar] in
        if u.allSatisfy({ $0 < 0x80 }) {
            return [Unicode.Scalar](unsafeUninitializedCapacity: u.count) { buf, n in
                for i in 0..<u.count { buf[i] = Unicode.Scalar(u[i]) }
                n = u.count
            }
        }
        // a native string's bytes are valid UTF-8: decoded here in one pass (the scalar view's iterator
        // was 1% of an extraction's CPU, for the half of the abstracts that hold a "β" or a "±")
        return [Unicode.Scalar](unsafeUninitializedCapacity: u.count) { buf, n in
            var i = 0, k = 0
            let end = u.count
            while i < end {
                let b0 = UInt32(u[i])
                var v: UInt32
                if b0 < 0x80 { v = b0; i += 1 }
                else if b0 < 0xE0 { v = (b0 & 0x1F) << 6 | UInt32(u[i + 1] & 0x3F); i += 2 }
                else if b0 < 0xF0 { v = (b0 & 0x0F) << 12 | UInt32(u[i + 1] & 0x3F) << 6 | UInt32(u[i + 2] & 0x3F); i += 3 }
                else {
                    v = (b0 & 0x07) << 18 | UInt32(u[i + 1] & 0x3F) << 12 | UInt32(u[i + 2] & 0x3F) << 6 | UInt32(u[i + 3] & 0x3F)
                    i += 4
                }
                buf[k] = Unicode.Scalar(v) ?? "\u{FFFD}"
                k += 1
            }
            n = k
        }
    }
}

/// Builds a `String` from code points; ASCII text (most of PubMed) is written straight into the
/// string's storage instead of appending scalar by scalar.
@inlinable
public func makeString<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
    makeString(scalars, lower: false)
}

/// The lower-cased string of some scalars (ASCII lowered byte by byte; otherwise `String.lowercased()`).
@inlinable
public func makeLowerString<C: Collection>(_ scalars: C) -> String where C.Element == Unicode.Scalar {
    makeString(scalars, lower: true)
}

@inlinable
@usableFromInline func makeString<C: Collection>(_ scalars: C, lower: Bool) -> String where C.Element == Unicode.Scalar {
    let n = scalars.count
    if scalars.allSatisfy({ $0.value < 0x80 }) {
        // one allocation, no intermediate buffer
        return String(unsafeUninitializedCapacity: n) { buf in
            var k = 0
            for s in scalars {
                let v = UInt8(truncatingIfNeeded: s.value)
                buf[k] = lower && v &- 65 < 26 ? v + 32 : v
                k += 1
            }
            return n
        }
    }
    var out = ""
    out.unicodeScalars.append(contentsOf: scalars)
    return lower ? out.lowercased() : out
}
