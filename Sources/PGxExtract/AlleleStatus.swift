import PGxModel
import PGxText

/// The carrier status of an HLA allele, where a sentence states it: CPIC's high-risk genotype status,
/// `positive` ("HLA-B*58:01 carriers", "HLA-B*15:02 positive patients", "HLA-B*57:01+ individuals",
/// "carriers of HLA-A*31:01", "patients carrying HLA-B*57:01") or `negative` ("non-carriers",
/// "HLA-B*5801-negative patients", "screened negative for HLA-B*58:01").
///
/// The status is a phenotype mention on its words, of the allele's gene, naming the allele it qualifies
/// (`Mention.allele`): a triple of that allele carries it as its phenotype qualifier, a triple of another
/// allele of the same gene in the sentence does not. Other genes' carriers ("CYP2C19*2 carriers") have
/// no CPIC term (a carrier of a no-function allele may be an intermediate or a poor metabolizer) and get
/// none.
extension EntityRecognizer {
    /// Status words written after the allele, with the status each states.
    static let statusAfter: [String: String] = [
        "carrier": "positive", "carriers": "positive", "carriage": "positive", "positive": "positive", "positivity": "positive",
        "noncarrier": "negative", "noncarriers": "negative", "negative": "negative", "negativity": "negative",
    ]
    /// Words that may stand between the allele and its status ("HLA-B*58:01 allele carriers").
    static let statusLinks: Set<String> = ["allele", "alleles", "genotype", "gene"]
    /// Status words written before the allele, and the word that must follow each ("carriers of").
    static let statusBefore: [String: (follow: String?, status: String)] = [
        "carriers": ("of", "positive"), "carrier": ("of", "positive"), "noncarriers": ("of", "negative"),
        "noncarrier": ("of", "negative"), "carrying": (nil, "positive"), "carried": (nil, "positive"),
        "carry": (nil, "positive"), "positive": ("for", "positive"), "negative": ("for", "negative"),
    ]

    func addAlleleStatus(_ passages: [[Unicode.Scalar]], _ result: inout [[Mention]]) {
        for p in result.indices where p < passages.count {
            let t = passages[p]
            var found: [Mention] = []
            for (i, v) in result[p].enumerated() where v.kind == .variant && v.source == "pattern:star" {
                guard let gene = v.gene, gene.hasPrefix("HLA-") else { continue }
                // "HLA-B*58:01": the gene written right before the allele is part of its name
                let start = result[p][..<i].last { $0.kind == .gene && $0.name == gene && $0.isWrittenRightBefore(v) }?.start ?? v.start
                guard let hit = Self.statusWrittenAfter(t, v.end) ?? Self.statusWrittenBefore(t, start) else { continue }
                let (r, status) = hit
                if result[p].contains(where: { $0.start < r.upperBound && r.lowerBound < $0.end }) { continue }
                var m = Mention(kind: .phenotype, start: r.lowerBound, end: r.upperBound, name: status, gene: gene,
                                source: "pattern:allele-status")
                m.allele = v.name
                found.append(m)
            }
            result[p] = Self.adding(found, to: result[p])
        }
    }

    /// The word (its range and lower-cased letters, a hyphen of "non-carriers" dropped) starting at `i`.
    static func word(_ t: [Unicode.Scalar], at i: Int) -> (Range<Int>, String)? {
        var j = i
        while j < t.count && isAlnum(t[j]) { j += 1 }
        guard j > i else { return nil }
        var w = makeLowerString(t[i..<j])
        // "non-carriers"
        if w == "non", j + 1 < t.count, t[j] == "-", let rest = word(t, at: j + 1) { w += rest.1; j = rest.0.upperBound }
        return (i..<j, w)
    }

    /// "HLA-B*58:01 carriers", "HLA-B*5801-positive", "HLA-B*58:01 allele carriers", "HLA-B*57:01+ individuals",
    /// "(HLA-B*57:01+)". A "+" that joins alleles ("HLA-C*02:02 + *04:01") or genes states nothing.
    static func statusWrittenAfter(_ t: [Unicode.Scalar], _ end: Int) -> (Range<Int>, String)? {
        var i = end
        while i < t.count && t[i] == " " { i += 1 }
        guard i < t.count else { return nil }
        if t[i] == "+" {
            var j = i + 1
            while j < t.count && t[j] == " " { j += 1 }
            let next = j < t.count ? t[j] : "."
            let joins = next == "*" || next.properties.isUppercase || isDigit(next) || next == "("
            return joins ? nil : (i..<(i + 1), "positive")
        }
        if t[i] == "-" && i == end { i += 1 }
        guard let first = word(t, at: i) else { return nil }
        var (r, w) = first
        if statusLinks.contains(w) {
            var j = r.upperBound
            while j < t.count && (t[j] == " " || t[j] == "-") && j - r.upperBound < 2 { j += 1 }
            guard let next = word(t, at: j) else { return nil }
            (r, w) = next
        }
        guard let status = statusAfter[w] else { return nil }
        // "HLA-B*57:01 positive predictive value", "a negative association": a statistic's, not the carriers'
        var j = r.upperBound
        while j < t.count && t[j] == " " { j += 1 }
        if let next = word(t, at: j), notStatusAfter.contains(next.1) { return nil }
        return (r, status)
    }
    /// Words after "positive"/"negative" that make it a statistic's or a relation's sign.
    static let notStatusAfter: Set<String> = ["predictive", "likelihood", "association", "associations", "correlation",
                                              "correlations", "effect", "effects", "selection"]

    /// "carriers of HLA-A*31:01", "carriers of the HLA-B*15:02 allele", "patients carrying HLA-B*57:01",
    /// "negative for HLA-B*58:01".
    static func statusWrittenBefore(_ t: [Unicode.Scalar], _ start: Int) -> (Range<Int>, String)? {
        var words: [(Range<Int>, String)] = []
        var i = start
        while words.count < 3 {
            while i > 0 && t[i - 1] == " " { i -= 1 }
            // a hyphenated word other than "non-carriers" ("HIV-positive") is none of these words
            guard let r = wordBefore(t, i), let w = word(t, at: r.lowerBound), w.0.upperBound == i else { break }
            words.append(w)
            i = r.lowerBound
        }
        // nearest first: an article may stand right before the allele ("carriers of the HLA-B*15:02 allele")
        if let first = words.first, first.1 == "the" || first.1 == "an" || first.1 == "a" { words.removeFirst() }
        guard let last = words.first else { return nil }
        if let e = statusBefore[last.1], e.follow == nil { return (last.0, e.status) }
        guard words.count >= 2, let e = statusBefore[words[1].1], e.follow == last.1 else { return nil }
        return (words[1].0, e.status)
    }
}
