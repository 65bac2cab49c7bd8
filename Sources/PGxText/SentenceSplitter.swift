/// Splits a passage into sentences: ICU's sentence break, then merges where ICU breaks too eagerly
/// in biomedical text ("vs.", "e.g.", "i.e.", "approx.", "et al.", "Fig.", "Dr.", a lower-case or
/// numeric continuation) — offsets are code points into the passage.
/// - Complexity: O(n).
public enum SentenceSplitter {
    /// Words that end with a period but do not end a sentence.
    static let abbreviations: Set<String> = [
        "vs", "e.g", "i.e", "approx", "al", "fig", "figs", "dr", "ca", "cf", "no", "nos", "resp", "ref", "refs",
        "mr", "mrs", "ms", "prof", "st", "sp", "spp", "vol", "eq", "eqs", "inc", "ltd", "co", "jr", "sr", "viz",
        "etc", "incl", "tab", "suppl", "min", "max", "var", "subsp", "dept", "univ", "u.s", "s.d",
    ]

    /// The amino acids' three-letter codes, as a protein change after a "p. " written apart starts.
    static let aminoAcids: Set<String> = ["Ala", "Arg", "Asn", "Asp", "Cys", "Gln", "Glu", "Gly", "His", "Ile", "Leu", "Lys",
                                          "Met", "Phe", "Pro", "Ser", "Thr", "Trp", "Tyr", "Val", "Ter"]

    public static func split(_ text: [Unicode.Scalar]) -> [Range<Int>] {
        guard !text.isEmpty else { return [] }
        // UTF-16 for ICU, with a map from UTF-16 offsets back to scalar offsets.
        var utf16: [UInt16] = []
        utf16.reserveCapacity(text.count + 8)
        var toScalar: [Int32] = []
        toScalar.reserveCapacity(text.count + 9)
        for (i, s) in text.enumerated() {
            if s.value > 0xFFFF {
                let v = s.value - 0x10000
                utf16.append(UInt16(0xD800 + (v >> 10))); utf16.append(UInt16(0xDC00 + (v & 0x3FF)))
                toScalar.append(Int32(i)); toScalar.append(Int32(i))
            } else {
                utf16.append(UInt16(s.value)); toScalar.append(Int32(i))
            }
        }
        toScalar.append(Int32(text.count))
        var bounds = ICU.boundaries(utf16, kind: .sentence).map { Int(toScalar[$0.offset]) }
        if bounds.last != text.count { bounds.append(text.count) }
        // ICU does not break before a lower-case start; a sentence may start with "rs4244285", "p.V600E",
        // "mRNA", "miR-155" or "l-Carnitine" (`isRealBreak` still refuses one after an abbreviation).
        var extra: [Int] = []
        var k = 1
        while k + 3 < text.count {
            if text[k] == "." {
                if text[k + 1] == " " && (startsWithVariant(text, k + 2) || startsWithMixedCase(text, k + 2)) {
                    if !bounds.contains(k + 2) { extra.append(k + 2) }
                } else if let b = afterCitationRemnant(text, k), !bounds.contains(b) {
                    extra.append(b)
                }
            }
            k += 1
        }
        if !extra.isEmpty { bounds = (bounds + extra).sorted() }
        var ranges: [Range<Int>] = []
        var start = 0
        for b in bounds where b > start {
            if b < text.count && !isRealBreak(text, start: start, at: b) { continue }
            ranges.append(start..<b)
            start = b
        }
        if start < text.count { ranges.append(start..<text.count) }
        // Trim surrounding whitespace from each sentence span.
        return ranges.compactMap { r in
            var lo = r.lowerBound, hi = r.upperBound
            while lo < hi && Tokenizer.isWhite(text[lo]) { lo += 1 }
            while hi > lo && Tokenizer.isWhite(text[hi - 1]) { hi -= 1 }
            return lo < hi ? lo..<hi : nil
        }
    }

    /// Where a sentence starts after a period and the comma or semicolon that a removed citation left
    /// ("… such as pravastatin. , OATP1B1*15 (a haplotype …", "… do not. , However …": full text with its
    /// reference numbers stripped): at the capitalized word after them, or nil. ICU never breaks before a
    /// comma. The period must end a word that is no abbreviation ("i.e. , IVF" goes on).
    static func afterCitationRemnant(_ t: [Unicode.Scalar], _ dot: Int) -> Int? {
        var n = dot + 1
        while n < t.count && Tokenizer.isWhite(t[n]) { n += 1 }
        guard n < t.count, t[n] == "," || t[n] == ";" else { return nil }
        n += 1
        let gap = n
        while n < t.count && Tokenizer.isWhite(t[n]) { n += 1 }
        guard n > gap, n + 1 < t.count, Tokenizer.isUpper(t[n]), Tokenizer.isAlpha(t[n + 1]) || Tokenizer.isDigit(t[n + 1]) else { return nil }
        let word = wordBefore(period: dot, in: t, from: 0)
        guard word.count != 1, !abbreviations.contains(word) else { return nil }
        return n
    }

    /// The word (letters and inner periods, "e.g") that ends at the period at `dot`, lower-cased; it
    /// starts no earlier than `start`.
    static func wordBefore(period dot: Int, in t: [Unicode.Scalar], from start: Int) -> String {
        var w = dot - 1
        while w >= start && (Tokenizer.isAlpha(t[w]) || t[w] == ".") { w -= 1 }
        return makeLowerString(t[(w + 1)..<dot])
    }

    static func startsWithVariant(_ t: [Unicode.Scalar], _ i: Int) -> Bool {
        guard i + 2 < t.count else { return false }
        if t[i] == "r" && t[i + 1] == "s" && Tokenizer.isDigit(t[i + 2]) { return true }
        if "cgp".unicodeScalars.contains(t[i]) && t[i + 1] == "." && (Tokenizer.isDigit(t[i + 2]) || Tokenizer.isUpper(t[i + 2])) { return true }
        return false
    }

    /// A word that starts in lower case and has a capital or a digit in it ("mRNA", "miR-155", "β2AR",
    /// "l-Carnitine", "p-HPPH"): a symbol or a chemical's name, which may start a sentence.
    static func startsWithMixedCase(_ t: [Unicode.Scalar], _ i: Int) -> Bool {
        guard i < t.count, Tokenizer.isLower(t[i]) else { return false }
        var k = i + 1
        while k < t.count && k - i < 16 {
            let c = t[k]
            if Tokenizer.isUpper(c) || Tokenizer.isDigit(c) { return true }
            if Tokenizer.isAlpha(c) || (c == "-" && k + 1 < t.count && Tokenizer.isAlpha(t[k + 1])) { k += 1; continue }
            return false
        }
        return false
    }

    /// False when the break at `at` follows an abbreviation or precedes a lower-case/numeric continuation.
    static func isRealBreak(_ t: [Unicode.Scalar], start: Int, at: Int) -> Bool {
        // Last non-space character before the break.
        var e = at - 1
        while e > start && Tokenizer.isWhite(t[e]) { e -= 1 }
        // Next non-space character after the break.
        var n = at
        while n < t.count && Tokenizer.isWhite(t[n]) { n += 1 }
        guard n < t.count else { return true }
        let next = t[n]
        if t[e] == "." {
            let word = wordBefore(period: e, in: t, from: start)
            if abbreviations.contains(word) { return false }
            // A single capital initial ("J. Smith") or "e.g"/"i.e" forms.
            if word.count == 1 && Tokenizer.isUpper(t[e - 1]) && Tokenizer.isUpper(next) { return false }
            // An HGVS prefix written apart from its position ("c. 521T>C", "p. V174A"): no sentence ends there.
            if word.count == 1 && "cgpmnr".unicodeScalars.contains(t[e - 1]) && n == e + 2 && n + 1 < t.count
                && (Tokenizer.isDigit(next) || (Tokenizer.isUpper(next) && Tokenizer.isDigit(t[n + 1]))
                    || (next == "-" || next == "*") && Tokenizer.isDigit(t[n + 1])) { return false }
            // ... nor before a protein change in three-letter code ("SCN1A p. Thr 1067 Ala", "p. Arg144Cys")
            if word == "p" && n == e + 2 && n + 4 < t.count && aminoAcids.contains(makeString(t[n..<(n + 3)]))
                && (Tokenizer.isDigit(t[n + 3]) || t[n + 3] == " " && Tokenizer.isDigit(t[n + 4])) { return false }
        }
        // A sentence does not start with a lower-case letter or a closing bracket.
        if Tokenizer.isLower(next) {
            // ... unless the next word is a gene/variant-like token ("rs4244285", "mRNA", "p.Arg144Cys",
            // "l-Carnitine").
            var k = n
            var plain = true
            while k < t.count && (Tokenizer.isAlpha(t[k]) || Tokenizer.isDigit(t[k])
                                  || (t[k] == "-" && k + 1 < t.count && Tokenizer.isAlpha(t[k + 1]))) {
                if Tokenizer.isDigit(t[k]) || Tokenizer.isUpper(t[k]) { plain = false }
                k += 1
            }
            if k < t.count && t[k] == "." && k - n == 1 { plain = false }  // "p.", "c."
            if plain { return false }
        }
        if next == ")" || next == "]" || next == "," || next == ";" { return false }
        return true
    }
}
