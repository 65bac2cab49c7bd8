import PGxModel
import PGxText

/// A gene/variant × drug pair in one sentence, with what the classifier and the effect rules need.
public struct Candidate: Sendable {
    public var passage: Int
    public var sentence: Range<Int>
    public var gene: Mention?
    public var variant: Mention?
    public var drug: Mention
    public var phenotype: Mention?
    /// Hashed feature indices (binary features).
    public var features: [Int]
    public var effect: Effect
    public var negated: Bool
    public var speculative: Bool
    /// The pattern rule that set the effect category, if any.
    public var categoryRule: String?
    /// Gene and drug stand in different sentences of the passage (document-level co-occurrence).
    public var crossSentence: Bool = false
    /// For cross-sentence pairs: whether the gene is a pharmacogene (without a trained document model
    /// only those pairs are written).
    public var pharmacogene: Bool = true
    /// The gene is named as the target inside another drug's or class's name ("BRAF inhibitors such as
    /// dabrafenib", "inhibitors of CYP3A4 ... midazolam"): the pair states what a drug acts on, no finding
    /// about the gene. Such candidates train the model like any other, but are written as no triple.
    public var geneInDrugName: Bool = false
    /// The drug is a class named after another drug's "-based" ("gemcitabine-based chemotherapy"): that
    /// drug's pair states the finding; the class's would be a second triple of it. Trains, is not written.
    public var drugIsRegimenOfAnother: Bool = false
    /// Whether extraction writes the candidate as a triple (`geneInDrugName`, `drugIsRegimenOfAnother`).
    public var isWritten: Bool { !geneInDrugName && !drugIsRegimenOfAnother }

    /// The genetic span the pair is about (variant if given, else gene).
    public var genetic: Mention { variant ?? gene! }
}

/// Builds candidates and their features for every sentence of an analyzed document.
/// - Complexity: O(pairs · sentence length) per sentence.
public struct CandidateBuilder: Sendable {
    public static let hashBits = 18
    public let cues: CueMatcher
    /// (gene symbol, drug name) pairs with a CPIC guideline: a strong prior that a pair is PGx.
    public let knownPairs: Set<String>

    public init(cues: CueMatcher, knownPairs: Set<String>) { self.cues = cues; self.knownPairs = knownPairs }

    /// A token of a sentence and its text lower-cased: how extraction reads a sentence for cues and pair
    /// features (and `pgx rules check` an example sentence, `CueMatcher.sentenceWords`).
    struct Word {
        var start: Int; var end: Int; var text: String

        static func words(_ text: [Unicode.Scalar], _ range: Range<Int>) -> [Word] {
            Tokenizer.tokenize(text, range: range).map { Word(start: $0.start, end: $0.end, text: makeLowerString(text[$0.start..<$0.end])) }
        }
    }

    public func candidates(_ doc: AnalyzedDocument, crossSentence: Bool = false) -> [Candidate] {
        var out: [Candidate] = []
        for (pi, p) in doc.passages.enumerated() {
            for s in p.sentences {
                let ms = p.mentions.filter { $0.start >= s.lowerBound && $0.end <= s.upperBound }
                // a placebo arm is no drug a finding could be about
                let drugs = ms.filter { $0.kind == .drug && $0.name != "placebo" }
                guard !drugs.isEmpty else { continue }
                let units = geneticUnits(ms, text: p.text)
                guard !units.isEmpty else { continue }
                let words = Word.words(p.text, s)
                // Cue words inside a mention ("poor" in "poor metabolizers") are not cues.
                let hits = cues.hits(words.map(\.text)).filter { h in
                    !ms.contains { $0.start <= words[h.word].start && words[h.word].end <= $0.end }
                }
                // the kind of mention each word lies in ("DRUG", "GENE", "PHENO"), for the blinded words between a pair
                var tags = [String?](repeating: nil, count: words.count)
                var wi = 0
                for m in ms.sorted(by: { $0.start < $1.start }) {
                    while wi < words.count && words[wi].end <= m.start { wi += 1 }
                    var wj = wi
                    while wj < words.count && words[wj].end <= m.end {
                        if words[wj].start >= m.start && tags[wj] == nil { tags[wj] = m.kind == .drug ? "DRUG" : m.kind == .phenotype ? "PHENO" : "GENE" }
                        wj += 1
                    }
                }
                let phenos = ms.filter { $0.kind == .phenotype }
                let others = OtherWords(words, tags: tags)
                let regimens = Set(drugs.indices.filter { drugs[$0].isClass && EntityRecognizer.isBasedOnDrug(p.text, drugs[$0], ms) })
                for u in units {
                    let g = u.variant ?? u.gene!
                    let inName = u.variant == nil && drugs.contains {
                        $0.start <= g.start && g.end <= $0.end && $0.end - $0.start > g.end - g.start
                    }
                    // an allele's carrier status qualifies that allele (the nearest statement, where one sentence
                    // names its carriers and its non-carriers); a metabolizer phenotype, its gene
                    let pheno = phenos.filter { $0.allele != nil && $0.allele == u.variant?.name }.min { g.gap(to: $0) < g.gap(to: $1) }
                        ?? phenos.first { $0.allele == nil && $0.gene != nil && $0.gene == (u.gene?.name ?? u.variant?.gene) }
                    for (di, d) in drugs.enumerated() {
                        if g.start < d.end && d.start < g.end { continue }
                        var c = build(pi: pi, passageName: p.name, sentence: s, unit: u, drug: d, pheno: pheno,
                                      words: words, tags: tags, others: others, hits: hits, mentions: ms)
                        c.geneInDrugName = inName
                        c.drugIsRegimenOfAnother = regimens.contains(di)
                        out.append(c)
                    }
                }
            }
        }
        if crossSentence { out += crossSentenceCandidates(doc, known: out) }
        return out
    }

    /// One candidate per gene–drug pair that never meets in a sentence but shares a passage: the
    /// first gene/variant mention with the first drug mention, spanning both sentences. Its features
    /// describe the pair in the whole document (how often and where each is named, how far apart,
    /// whether the gene carries a variant) for the document-level model (`rules/model/cooccurrence.json`).
    func crossSentenceCandidates(_ doc: AnalyzedDocument, known: [Candidate]) -> [Candidate] {
        var seen = Set(known.map { ($0.gene?.name ?? $0.variant?.gene ?? "") + "|" + $0.drug.name })
        // Where each gene and drug is named in the document: (passage, sentence index) per mention.
        var geneAt: [String: [(Int, Int)]] = [:], drugAt: [String: [(Int, Int)]] = [:]
        var geneHasVariant = Set<String>()
        var sentenceCount = 0
        for (pi, p) in doc.passages.enumerated() {
            sentenceCount += p.sentences.count
            for m in p.mentions {
                guard let si = p.sentences.firstIndex(where: { $0.contains(m.start) }) else { continue }
                switch m.kind {
                case .gene where !m.isFamily: geneAt[m.name, default: []].append((pi, si))
                case .gene: break
                case .variant:
                    if let g = m.gene { geneAt[g, default: []].append((pi, si)); geneHasVariant.insert(g) }
                case .drug: drugAt[m.name, default: []].append((pi, si))
                case .phenotype: break
                }
            }
        }
        guard !geneAt.isEmpty, !drugAt.isEmpty else { return [] }
        func bucket(_ n: Int) -> String { n <= 1 ? "1" : n == 2 ? "2" : n <= 4 ? "3-4" : "5+" }
        // Cues of a sentence, worked out once per sentence however many pairs it takes part in.
        var cueCache: [Int: SentenceCues] = [:]
        func cuesOf(_ pi: Int, _ r: Range<Int>) -> SentenceCues {
            let key = pi << 32 | r.lowerBound
            if let c = cueCache[key] { return c }
            let c = sentenceCues(doc.passages[pi].text, r)
            cueCache[key] = c
            return c
        }
        let titleIndex = doc.passages.firstIndex { $0.name == "title" }
        var out: [Candidate] = []
        for (pi, p) in doc.passages.enumerated() {
            // Only the first unit of a gene and the first mention of a drug can make a pair's candidate (the
            // key is marked seen at its first combination, whatever follows), so the later ones are dropped
            // before the combinations are formed: 5 genes by 6 drugs instead of 20 units by 15 mentions.
            var unitSyms = Set<String>(), drugNames = Set<String>()
            let units = geneticUnits(p.mentions, text: p.text).filter {
                guard let sym = $0.gene?.name ?? $0.variant?.gene else { return false }
                return unitSyms.insert(sym).inserted
            }
            let drugs = p.mentions.filter { $0.kind == .drug && !$0.isClass && drugNames.insert($0.name).inserted }
            for u in units {
                let sym = u.gene?.name ?? u.variant!.gene!
                let g = u.variant ?? u.gene!
                for d in drugs {
                    let key = sym + "|" + d.name
                    if seen.contains(key) { continue }
                    seen.insert(key)
                    guard let s1 = p.sentences.first(where: { $0.contains(g.start) }),
                          let s2 = p.sentences.first(where: { $0.contains(d.start) }), s1 != s2 else { continue }
                    let range = min(s1.lowerBound, s2.lowerBound)..<max(s1.upperBound, s2.upperBound)
                    let ga = geneAt[sym] ?? [], da = drugAt[d.name] ?? []
                    var f = Features(); f.add("bias"); f.add("cross-sentence")
                    if knownPairs.contains(key) { f.add("cpic-pair") }
                    let pgx = u.gene?.pharmacogene ?? true
                    f.add(pgx ? "pharmacogene" : "other-gene")
                    f.add("gene-n:", bucket(ga.count)); f.add("drug-n:", bucket(da.count))
                    if let t = titleIndex {
                        if ga.contains(where: { $0.0 == t }) { f.add("gene-in-title") }
                        if da.contains(where: { $0.0 == t }) { f.add("drug-in-title") }
                    }
                    let last = p.sentences.count - 1
                    if ga.contains(where: { $0.0 == pi && $0.1 >= last - 1 }) { f.add("gene-in-conclusion") }
                    if da.contains(where: { $0.0 == pi && $0.1 >= last - 1 }) { f.add("drug-in-conclusion") }
                    var gap = Int.max
                    for a in ga where a.0 == pi { for b in da where b.0 == pi { gap = min(gap, abs(a.1 - b.1)) } }
                    f.add("gap:", (gap == Int.max ? "passages" : gap <= 1 ? "1" : gap <= 3 ? "2-3" : "4+"))
                    if geneHasVariant.contains(sym) { f.add("gene-has-variant") }
                    f.add("genes:", bucket(geneAt.count)); f.add("drugs:", bucket(drugAt.count))
                    f.add("gsrc:", (u.gene?.source ?? CandidateBuilder.inferredSource)); f.add("drug:", d.source)
                    f.add("sentences:", (sentenceCount <= 6 ? "short" : sentenceCount <= 12 ? "medium" : "long"))
                    if pgx { f.add("pgx&n:", bucket(ga.count), "/", bucket(da.count)) }
                    // The effect: the first category cue of the drug's sentence, else of the gene's.
                    let dCues = cuesOf(pi, s2), gCues = cuesOf(pi, s1)
                    let cat = dCues.first ?? gCues.first
                    f.add("cat:", ((dCues.firstFeature ?? gCues.firstFeature)?.rawValue ?? "none"))
                    // sorted: a Set's order changes from run to run, and the model file must not
                    for k in dCues.kinds.map(\.rawValue).sorted() { f.add("drug-sentence:", k) }
                    for k in gCues.kinds.map(\.rawValue).sorted() { f.add("gene-sentence:", k) }
                    var c = Candidate(passage: pi, sentence: range, gene: u.gene, variant: u.variant, drug: d, phenotype: nil,
                                      features: f.hashes, effect: Effect(category: cat?.0 ?? .other, direction: .unspecified),
                                      negated: false, speculative: false, categoryRule: cat?.1)
                    c.crossSentence = true
                    c.pharmacogene = pgx
                    out.append(c)
                }
            }
        }
        return out
    }

    /// The first effect-category cue of a sentence (with its rule id), the first of a rule the classifier
    /// sees, and the kinds of cue it holds among those rules.
    typealias SentenceCues = (first: (EffectCategory, String)?, firstFeature: EffectCategory?, kinds: Set<CueRule.Kind>)

    func sentenceCues(_ text: [Unicode.Scalar], _ range: Range<Int>) -> SentenceCues {
        // the cue matcher's own word split (no offsets needed here, so no full tokenization)
        let words = CueMatcher.words(text[range])
        var first: (EffectCategory, String)? = nil
        var firstFeature: EffectCategory? = nil
        var kinds = Set<CueRule.Kind>()
        for h in cues.hits(words) {
            let r = cues.rules[h.rule]
            if r.modelFeature { kinds.insert(r.kind) }
            guard r.kind == .category, let c = r.category else { continue }
            if first == nil { first = (c, r.id) }
            if firstFeature == nil && r.modelFeature { firstFeature = c }
        }
        return (first, firstFeature, kinds)
    }

    struct Unit { var gene: Mention?; var variant: Mention? }

    /// Words that start another clause or turn the sentence: a negation cue does not reach across them.
    static let clauseBreaks: Set<String> = [";", ":", "but", "whereas", "while", "however", "although", "though", "except",
                                            "unlike", "contrast", "conversely", "instead", "yet"]
    static let whileTaking: Set<String> = ["on", "receiving", "taking", "treated", "under", "being", "using"]
    /// Words that may stand between "not" and the mention it negates ("but not for sucrose").
    static let notLinks: Set<String> = ["for", "with", "in", "by", "of", "to", "("]

    /// Source of a gene mention made from a variant's gene ("rs9923231" → VKORC1), on the variant's span.
    static let inferredSource = "inferred"

    /// Genes and variants of a sentence, a gene written right before its variant counted once.
    func geneticUnits(_ ms: [Mention], text: [Unicode.Scalar]) -> [Unit] {
        var units: [Unit] = []
        var usedGenes = Set<Int>()
        // a protein named only by a family phrase has no gene symbol for a rule
        let genes = ms.enumerated().filter { $0.element.kind == .gene && !$0.element.isFamily }
        for v in ms where v.kind == .variant {
            // the gene written right before, unless the variant was given another gene (a named change of
            // the document's gene): the triple's gene and its variant's name never disagree
            if let (gi, g) = genes.last(where: { $0.element.isWrittenRightBefore(v) && (v.gene == nil || v.gene == $0.element.name || v.altGenes.contains($0.element.name)) }) {
                usedGenes.insert(gi)
                units.append(Unit(gene: g, variant: v))
                // "IL28B rs12979860": the rsID's other gene as well
                for s in v.altGenes where s != g.name {
                    var other = v
                    other.kind = .gene; other.name = s; other.source = CandidateBuilder.inferredSource; other.altGenes = []
                    units.append(Unit(gene: other, variant: v))
                }
            } else if let sym = v.gene {
                // the mention of the gene the variant was attached to (nearest, within 40 characters either
                // side) is not a second, gene-only partner ("COMT gene polymorphism, SNP rs9606186"); the unit's
                // gene stands on the variant's own span, so that two variants of one gene stay two findings
                if let (gi, _) = genes.filter({ $0.element.name == sym && $0.element.gap(to: v) <= 40 })
                    .min(by: { $0.element.gap(to: v) < $1.element.gap(to: v) }) {
                    usedGenes.insert(gi)
                }
                for s in [sym] + v.altGenes {
                    var g = v
                    g.kind = .gene; g.name = s; g.source = CandidateBuilder.inferredSource; g.altGenes = []
                    units.append(Unit(gene: g, variant: v))
                }
            } else {
                units.append(Unit(gene: nil, variant: v))
            }
        }
        // "cytochrome P450 2C9 ( CYP2C9 )", "CYP19 (aromatase)": one gene named twice in a row is one pair
        // partner (the first), not two triples of the same finding
        var previous: Mention? = nil
        for (gi, g) in genes where !usedGenes.contains(gi) {
            defer { previous = g }
            if let p = previous, p.name == g.name, p.end <= g.start, g.start - p.end <= 4,
               text[p.end..<g.start].allSatisfy({ $0 == " " || $0 == "(" || $0 == "[" }), text[p.end..<g.start].contains(where: { $0 == "(" || $0 == "[" }) {
                continue
            }
            units.append(Unit(gene: g, variant: nil))
        }
        return units
    }

    /// Hashed features built without joining strings: FNV-1a over the parts in order is the hash of
    /// their concatenation, so `add("btw:", word)` is `hash("btw:" + word)`.
    struct Features {
        var hashes: [Int] = []
        init() { hashes.reserveCapacity(64) }
        mutating func add(_ a: String) { var h = fnvOffset; feed(&h, a); hashes.append(bucket(h)) }
        mutating func add(_ a: String, _ b: String) { var h = fnvOffset; feed(&h, a); feed(&h, b); hashes.append(bucket(h)) }
        mutating func add(_ a: String, _ b: String, _ c: String) {
            var h = fnvOffset; feed(&h, a); feed(&h, b); feed(&h, c); hashes.append(bucket(h))
        }
        mutating func add(_ a: String, _ b: String, _ c: String, _ d: String) {
            var h = fnvOffset; feed(&h, a); feed(&h, b); feed(&h, c); feed(&h, d); hashes.append(bucket(h))
        }
        /// Every feature once more, conjoined with `salt` (a second set of weights for one kind of pair).
        mutating func conjoin(_ salt: Int) { hashes += hashes.map { ($0 &* 31 ^ salt) & bucketMask } }
    }

    // FNV-1a, folded into the model's 2^hashBits buckets: the one feature hash of features and fold ids.
    static let fnvOffset: UInt64 = 0xcbf29ce484222325, fnvPrime: UInt64 = 0x100000001b3
    static let bucketMask = (1 << hashBits) - 1
    /// (over the string's contiguous UTF-8: iterating `utf8` went through unspecialized index witnesses)
    @inline(__always) static func feed(_ h: inout UInt64, _ s: String) {
        var s = s
        s.withUTF8 { feed(&h, bytes: $0) }
    }
    @inline(__always) static func feed<S: Sequence>(_ h: inout UInt64, bytes: S) where S.Element == UInt8 {
        for b in bytes { h ^= UInt64(b); h = h &* fnvPrime }
    }
    @inline(__always) static func bucket(_ h: UInt64) -> Int { Int(h & UInt64(bucketMask)) }

    static func hash(_ s: String) -> Int {
        var h = fnvOffset
        feed(&h, s)
        return bucket(h)
    }

    func wordIndex(_ words: [Word], _ pos: Int) -> Int {
        words.firstIndex { $0.end > pos } ?? max(0, words.count - 1)
    }

    /// A sentence's words that may be "sw:" features (no mention's, longer than two bytes), worked out once
    /// per sentence rather than once per pair: each one's feature bucket, and the previous such word of the
    /// same text (−1: none), so a pair keeps the first of each text outside its span without a set of
    /// strings per pair (that set was 1.3% of an extraction's CPU).
    struct OtherWords {
        var bucket: [Int]
        var previous: [Int]
        init(_ words: [Word], tags: [String?]) {
            bucket = [Int](repeating: -1, count: words.count)
            previous = [Int](repeating: -1, count: words.count)
            var last: [String: Int] = [:]
            for (wi, w) in words.enumerated() where tags[wi] == nil && w.text.utf8.count > 2 {
                var f = Features(); f.add("sw:", w.text)
                bucket[wi] = f.hashes[0]
                previous[wi] = last.updateValue(wi, forKey: w.text) ?? -1
            }
        }
    }

    /// Phenotypes that name the carriers of a gene's genotypes: metabolizer, acetylator and expresser status.
    static func isCarrierGroup(_ phenotype: String) -> Bool {
        phenotype.hasSuffix("metabolizer") || phenotype.hasSuffix("acetylator") || phenotype.hasSuffix("expresser")
    }

    /// Metabolism cues that name a quantity without saying whose (`levelsOfADrug`).
    static let bareLevelWords: Set<String> = ["level", "levels", "concentration", "concentrations"]
    /// Words that may stand between a drug and its levels: "tacrolimus trough levels", "efavirenz plasma
    /// concentrations", "plasma drug levels".
    static let levelQualifiers: Set<String> = pharmacokineticLevelWords.union(["peak", "mean", "median", "whole", "total", "free",
                                                                               "unbound", "minimum", "maximum", "-", "(", ")"])
    /// Words that make levels a drug's without naming it: "higher plasma concentrations", "trough levels".
    static let pharmacokineticLevelWords: Set<String> = ["plasma", "serum", "blood", "trough", "drug", "steady-state"]

    /// Separators of a list of entities.
    static let listSeparators: Set<String> = [",", "and", "or", "/", ";"]

    /// Direction words that, written right after a gene, state the gene's state, not the effect ("TPMT
    /// deficiency", "PTEN loss").
    static let geneStates: Set<String> = ["deficiency", "deficient", "loss", "null"]
    /// The one-word cues of `dosage:dose` that can name the regimen given ("standard doses of").
    static let doseWords: Set<String> = ["dose", "doses", "dosing"]
    /// Words before "dose(s) of" that make it the regimen given, not an effect: "on standard doses of",
    /// "a single oral dose of"; not "on the dose of" ("effects on the dose of acenocoumarol required"), nor
    /// "low" or "high" ("patients on low doses of warfarin", who are sensitive to it).
    static let regimenDoseWords: Set<String> = ["standard", "usual", "recommended", "conventional", "same", "fixed", "single", "oral",
                                                "intravenous", "equivalent", "therapeutic", "stable", "loading"]
    /// Words before which a direction word describes the genotype, not the effect ("reduced function",
    /// "loss-of-function variants"; "reduced activity" is left alone, as activity can be the effect).
    static let genotypeWords: Set<String> = ["allele", "alleles", "variant", "variants", "function", "genotype", "genotypes",
                                             "carrier", "carriers", "phenotype", "phenotypes", "metabolizer", "metabolizers",
                                             "metaboliser", "metabolisers", "expresser", "expressers", "haplotype", "haplotypes"]

    func build(pi: Int, passageName: String, sentence: Range<Int>, unit: Unit, drug: Mention, pheno: Mention?,
               words: [Word], tags: [String?], others sentenceWords: OtherWords, hits: [CueHit], mentions: [Mention]) -> Candidate {
        let g = unit.variant ?? unit.gene!
        let gw0 = wordIndex(words, g.start), gw1 = wordIndex(words, max(g.start, g.end - 1))
        let dw0 = wordIndex(words, drug.start), dw1 = wordIndex(words, max(drug.start, drug.end - 1))
        let lo = min(gw1, dw1), hi = max(gw0, dw0)
        let (a, b) = gw0 < dw0 ? (gw1, dw0) : (dw1, gw0)  // words strictly between are a+1..<b
        var f = Features(); f.add("bias")
        // A gene named with its carriers' metabolizer, acetylator or expresser phenotype ("CYP2C19 poor
        // metabolizers") names a genotype group, as a variant does ("CYP2C19*2 carriers"), and its sentences
        // speak as a variant's do: it takes the variant's weights (`conjoin` below), not those of a gene
        // named alone. (A "deficiency" is as often a knockout or a disease: "p53 deficiency".)
        let genotypeGroup = unit.variant != nil || pheno.map { CandidateBuilder.isCarrierGroup($0.name) } == true
        f.add(!genotypeGroup ? "kind:gene" : (unit.gene == nil ? "kind:variant-nogene" : "kind:variant"))
        if let v = unit.variant { f.add("vsrc:", v.source) }
        if drug.isClass { f.add("drug:class") }
        f.add("drug:", drug.source)
        f.add(gw0 < dw0 ? "order:g-d" : "order:d-g")
        let dist = max(0, b - a - 1)
        f.add("dist:", (dist <= 2 ? "0-2" : dist <= 5 ? "3-5" : dist <= 10 ? "6-10" : dist <= 20 ? "11-20" : "21+"))
        // words between, with the words of other mentions written as their kind ("DRUG", "GENE")
        var blinded: [String] = []
        if a + 1 < b {
            for wi in (a + 1)..<b {
                if let tag = tags[wi] {
                    if blinded.last != tag { blinded.append(tag) }
                } else {
                    blinded.append(words[wi].text)
                }
            }
        }
        if a + 1 < b {
            for w in blinded.prefix(25) where w.count > 1 || w == "(" || w == ";" {
                f.add("btw:", w)
            }
            if blinded.count <= 4 { f.add("btwseq:", (gw0 < dw0 ? "gd:" : "dg:"), blinded.joined(separator: "_")) }
        }
        if a + 1 < b {
            let btw = blinded
            for k in 0..<min(btw.count - 1, 20) where btw.count > 1 { f.add("bg:", btw[k], "_", btw[k + 1]) }
            let commas = btw.filter { $0 == "," }.count
            f.add("commas:\(min(commas, 3))")
            if btw.contains(";") { f.add("semicolon-between") }
            if btw.contains("whereas") || btw.contains("but") || btw.contains("while") { f.add("contrast-between") }
            if btw.contains("and") || btw.contains("or") { f.add("coord-between") }
            for w in btw.prefix(12) where w.count > 2 { f.add((gw0 < dw0 ? "bgd:" : "bdg:"), w) }
        } else {
            f.add("adjacent")
        }
        // Is this the drug nearest to the gene, and the gene nearest to the drug?
        let gmid = (g.start + g.end) / 2, dmid = (drug.start + drug.end) / 2
        let dd = abs(gmid - dmid)
        // and how many others stand nearer (a drug list after a variant list: "compare the potencies of A,
        // B, C and D ... mutants V, W, X")
        let nearerDrugs = mentions.count { $0.kind == .drug && $0 != drug && abs(($0.start + $0.end) / 2 - gmid) < dd }
        let nearerGenes = mentions.count { ($0.kind == .gene || $0.kind == .variant) && $0 != g && !($0.start >= g.start && $0.end <= g.end)
            && abs(($0.start + $0.end) / 2 - dmid) < dd }
        let closerDrug = nearerDrugs > 0, closerGene = nearerGenes > 0
        f.add(closerDrug ? "drug:not-nearest" : "drug:nearest")
        f.add(closerGene ? "gene:not-nearest" : "gene:nearest")
        f.add("near:\(closerDrug ? 0 : 1)\(closerGene ? 0 : 1)")
        if closerDrug { f.add("drank:\(min(nearerDrugs, 3))") }
        if closerGene { f.add("grank:\(min(nearerGenes, 3))") }
        // The same drug, or the same gene or variant, named again in the sentence, and whether that other
        // mention is the nearer one ("HLA-B*13:01 was associated with dapsone-induced SCARs compared with
        // dapsone-tolerant controls": the finding is the first dapsone's).
        let sameDrug = mentions.filter { $0.kind == .drug && $0 != drug && $0.name == drug.name }
        let sameGene = mentions.filter { $0.kind == g.kind && $0 != g && $0.name == g.name }
        if !sameDrug.isEmpty {
            f.add(sameDrug.contains { abs(($0.start + $0.end) / 2 - gmid) < dd } ? "drug:same-nearer" : "drug:same-farther")
        }
        if !sameGene.isEmpty {
            f.add(sameGene.contains { abs(($0.start + $0.end) / 2 - dmid) < dd } ? "gene:same-nearer" : "gene:same-farther")
        }
        let first = min(gw0, dw0), last = max(gw1, dw1)
        // the words right next to each entity ("resistance mutation", "treated with", "-resistant")
        if gw0 > 0 { f.add("gl1:", words[gw0 - 1].text) }
        if gw1 + 1 < words.count { f.add("gr1:", words[gw1 + 1].text) }
        if dw0 > 0 { f.add("dl1:", words[dw0 - 1].text) }
        if dw1 + 1 < words.count { f.add("dr1:", words[dw1 + 1].text) }
        // an entity in a list ("V90I, A98G, L100I and K101E"; "imatinib, dasatinib or nilotinib")
        func listed(_ w0: Int, _ w1: Int, _ tag: String) -> Bool {
            let sep = CandidateBuilder.listSeparators
            return (w0 >= 2 && sep.contains(words[w0 - 1].text) && tags[w0 - 2] == tag)
                || (w1 + 2 < words.count && sep.contains(words[w1 + 1].text) && tags[w1 + 2] == tag)
        }
        if listed(gw0, gw1, "GENE") { f.add("gene-in-list") }
        if listed(dw0, dw1, "DRUG") { f.add("drug-in-list") }
        if first > 0 { f.add("l1:", words[first - 1].text) }
        if first > 1 { f.add("l2:", words[first - 2].text) }
        if last + 1 < words.count { f.add("r1:", words[last + 1].text) }
        if last + 2 < words.count { f.add("r2:", words[last + 2].text) }
        let others = mentions.filter { ($0.kind == .drug || $0.kind == .gene) && $0.start >= words[min(a + 1, words.count - 1)].start
            && $0.end <= (b < words.count ? words[b].start : sentence.upperBound) && $0 != drug && $0 != g }
        f.add("between-entities:\(min(others.count, 3))")
        let nd = mentions.filter { $0.kind == .drug }.count, ng = mentions.filter { $0.kind == .gene || $0.kind == .variant }.count
        f.add("ndrugs:\(min(nd, 4))"); f.add("ngenes:\(min(ng, 4))")
        if unit.gene?.pharmacogene == true { f.add("pharmacogene") }
        let sym = unit.gene?.name ?? unit.variant?.gene
        if let sym, knownPairs.contains(sym + "|" + drug.name) { f.add("cpic-pair") }
        if pheno != nil { f.add("phenotype") }
        if passageName == "title" { f.add("title") }
        // The sentence's other words (outside the pair's span, not in a mention): what kind of sentence it
        // is — methods ("were genotyped", "selected"), in vitro ("cells", "expressing"), a result. Out of fold
        // over six training seeds: PGxMine F1 0.739 -> 0.750, every seed higher; PGxCorpus and PharmGKB unchanged.
        for wi in words.indices where (wi < first || wi > last) && sentenceWords.bucket[wi] >= 0 {
            var p = sentenceWords.previous[wi]
            while p >= first && p <= last { p = sentenceWords.previous[p] }   // the same word within the pair's span
            if p < 0 { f.hashes.append(sentenceWords.bucket[wi]) }
        }

        // Cue features and the effect they imply.
        // A negation cue outside the pair governs it when nothing between them starts another clause
        // ("There were no significant differences in the AUC of tacrolimus between CYP2C19 genotype
        // groups, but there were significant differences between CYP3A5 genotypes").
        func sameClause(_ w: Int) -> Bool {
            let r = w < first ? (w + 1)..<first : (last + 1)..<w
            var depth = 0
            for k in r {
                switch words[k].text {
                case "(", "[": depth += 1
                case ")", "]": depth = max(0, depth - 1)
                case "while" where k + 1 < words.count && CandidateBuilder.whileTaking.contains(words[k + 1].text): break
                case let t where depth == 0 && CandidateBuilder.clauseBreaks.contains(t): return false
                default: break
                }
            }
            return true
        }
        // "A1298C, but not C677T, is associated with MTX toxicity"; "a response to icotinib but not crizotinib"
        func notBefore(_ w0: Int) -> Bool {
            var k = w0 - 1
            while k >= 0 && CandidateBuilder.notLinks.contains(words[k].text) && w0 - k <= 2 { k -= 1 }
            return k >= 0 && words[k].text == "not"
        }
        var neg = false, spec = false, specFeature = false
        var bestCat: (Int, EffectCategory, String, Int)? = nil
        var bestCatDrug = Int.max
        var featureCat: (Int, EffectCategory)? = nil   // the same from the rules the classifier sees
        var catInverse = false
        // A category cue inside a longer one names no effect of its own ("levels" in "glucose levels",
        // "clearance" in "HCV clearance"), nor does "risk of" before another category cue ("the risk of
        // clopidogrel resistance"): it does not set the category (it stays a feature).
        // Nor does a dose that is the regimen ("on standard doses of azathioprine", "a single oral dose of
        // phenytoin"; not "the effect on the dose of warfarin") where the sentence has a cue of another category:
        // that cue says what the drug did.
        func coveredCategory(_ h: CueHit) -> Bool {
            let w = words[h.word].text.lowercased()
            if w == "risk",
               hits.contains(where: { o in o.word > h.word + 1 && o.word <= h.word + 4 && cues.rules[o.rule].kind == .category }) { return true }
            if CandidateBuilder.doseWords.contains(w), cues.rules[h.rule].category == .dosage,
               h.word + 1 < words.count, words[h.word + 1].text == "of",
               (1...2).contains(where: { h.word - $0 >= 0 && CandidateBuilder.regimenDoseWords.contains(words[h.word - $0].text.lowercased()) }),
               hits.contains(where: { o in cues.rules[o.rule].kind == .category && cues.rules[o.rule].category != .dosage }) { return true }
            if CandidateBuilder.bareLevelWords.contains(w), h.length == 1, cues.rules[h.rule].category == .metabolism,
               !levelsOfADrug(h.word) { return true }
            return hits.contains { o in o.word < h.word && o.word + o.length > h.word && cues.rules[o.rule].kind == .category }
        }
        // "levels" and "concentrations" are a drug's where a drug (or a metabolite) stands before them, through
        // qualifiers ("efavirenz plasma concentrations"), or after "of" ("levels of tacrolimus"), or where a
        // word of pharmacokinetics does ("higher plasma concentrations"); other levels are a biomarker's or a
        // gene's ("LDL-C levels", "mRNA levels", "homocysteine levels") and name no pharmacokinetics
        func levelsOfADrug(_ w: Int) -> Bool {
            var k = w - 1
            while k >= 0, CandidateBuilder.levelQualifiers.contains(words[k].text.lowercased()) { k -= 1 }
            if k >= 0, tags[k] == "DRUG" { return true }
            if w > 0, CandidateBuilder.pharmacokineticLevelWords.contains(words[w - 1].text.lowercased()) { return true }
            return w + 2 < words.count && words[w + 1].text == "of" && tags[w + 2] == "DRUG"
        }
        for h in hits {
            let r = cues.rules[h.rule]
            let inside = h.word > lo && h.word < hi
            let d = h.word < first ? first - h.word : (h.word > last ? h.word - last : 0)
            if r.modelFeature {
                f.add("cue:", r.id)
                if inside { f.add("cueb:", r.id) } else if d <= 5 { f.add("cuen:", r.id) }
            }
            switch r.kind {
            case .negation where inside || (d <= 30 && sameClause(h.word)):
                neg = true; f.add(inside ? "neg:between" : d <= 8 ? "neg:near" : "neg:clause")
            case .speculation:
                spec = true
                if r.modelFeature { specFeature = true }
            case .category:
                // the nearest cue to the pair; of cues as near (inside it, say), the nearest to the drug: the
                // effect is the drug's ("TNFalpha levels correlate with a better response to adalimumab")
                let dd = h.word < dw0 ? dw0 - h.word : (h.word > dw1 ? h.word - dw1 : 0)
                if let c = r.category, bestCat == nil || d < bestCat!.0 || (d == bestCat!.0 && dd < bestCatDrug), !coveredCategory(h) {
                    bestCat = (d, c, r.id, h.word); catInverse = r.inverse; bestCatDrug = dd
                }
                if r.modelFeature, let c = r.category, featureCat == nil || d < featureCat!.0 { featureCat = (d, c) }
            default: break
            }
        }
        if !neg && (notBefore(gw0) || notBefore(dw0)) { neg = true; f.add("neg:not-before") }
        if neg { f.add("negated") }
        if specFeature { f.add("speculative") }
        // Direction: the direction cue nearest to the category cue (or to the pair). A cue that describes a
        // gene or allele ("DPD deficiency", "reduced-function alleles", "loss-of-function variants") says
        // nothing of the effect.
        func describesGenotype(_ w: Int) -> Bool {
            // "TPMT deficiency", "PTEN loss", "DPD-deficient"; not a verb after the gene ("PPARalpha protects")
            if CandidateBuilder.geneStates.contains(words[w].text),
               (w > 0 && tags[w - 1] == "GENE") || (w > 1 && words[w - 1].text == "-" && tags[w - 2] == "GENE") { return true }
            // "reduced function", "loss-of-function alleles" are said of alleles
            var k = w + 1
            while k < words.count && k <= w + 4 && (words[k].text == "-" || words[k].text == "of") { k += 1 }
            return k < words.count && CandidateBuilder.genotypeWords.contains(words[k].text)
        }
        var direction: EffectDirection = .unspecified
        let anchor = bestCat?.3 ?? lo
        let directionHits = hits.filter { cues.rules[$0.rule].kind == .direction && !describesGenotype($0.word) }
        var bestDir: (Int, EffectDirection)? = nil
        for h in directionHits {
            let d = abs(h.word - anchor)
            if d <= 6, bestDir == nil || d < bestDir!.0, let dir = cues.rules[h.rule].direction { bestDir = (d, dir) }
        }
        if bestDir == nil {
            // no direction cue near the category cue: the nearest one in the sentence
            for h in directionHits {
                let d = h.word < first ? first - h.word : (h.word > last ? h.word - last : 0)
                if bestDir == nil || d < bestDir!.0, let dir = cues.rules[h.rule].direction { bestDir = (d, dir) }
            }
        }
        if let bd = bestDir { direction = bd.1 }
        // "higher platelet reactivity", "more relapses": more of what the drug should prevent is less effect
        if catInverse { direction = direction == .increased ? .decreased : direction == .decreased ? .increased : direction }
        if neg { direction = .none }
        let category = bestCat?.1 ?? .other
        f.add("cat:", (featureCat?.1 ?? .other).rawValue)
        // every feature once more for the kind of pair: a variant and a gene named alone speak differently
        f.conjoin(genotypeGroup ? 0x85EBCA77 : 0x9E3779B1)
        return Candidate(passage: pi, sentence: sentence, gene: unit.gene, variant: unit.variant, drug: drug, phenotype: pheno,
                         features: f.hashes, effect: Effect(category: category, direction: direction),
                         negated: neg, speculative: spec, categoryRule: bestCat?.2)
    }
}
