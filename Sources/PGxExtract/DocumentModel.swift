import PGxModel
import PGxText

/// The document stage: whether a gene–drug pair is a finding of the whole abstract, not only of one
/// sentence. Every triple of the pair in the document (sentence-model and cross-sentence scores,
/// where and how often the pair is named, how many other genes and drugs compete, whether CPIC has
/// the pair) becomes one set of features for boosted trees trained on curated documents
/// (`rules/model/document.json`, `pgx train --docs-gold`). Its probability becomes the confidence
/// of each of the pair's triples.
///
/// Only documents of two or more sentences go through it: a lone sentence has no document around it,
/// and there the sentence model's confidence stands.
/// - Complexity: O(triples) per document.
public enum DocumentPairs {
    /// The key a pair is judged by: gene symbol and drug name as curated tables compare them.
    public static func key(_ t: Triple) -> String? {
        guard let sym = t.gene?.name ?? t.variant?.gene else { return nil }
        return sym + "|" + t.drug.name
    }

    /// A pair key as curated tables compare it ("CYP2C19|clopidogrel", drug name letters and digits only).
    public static func curatedKey(_ key: String) -> String {
        let (gene, drug) = parts(key)
        return Trainer.curatedKey(gene: gene, drug: drug)
    }

    /// The gene and the drug of a pair key (`key` or `curatedKey`).
    static func parts(_ key: String) -> (gene: String, drug: String) {
        let bar = key.firstIndex(of: "|")!
        return (String(key[..<bar]), String(key[key.index(after: bar)...]))
    }

    /// Feature hashes made once: a bucketed feature is an index into its row.
    static func row(_ name: String, _ n: Int) -> [Int] { (0...n).map { CandidateBuilder.hash("doc:\(name):\($0)") } }
    static let hMax = row("max", 11), hSecond = row("second", 4), hN = row("n", 4), hSentences = row("sentences", 4)
    static let hGenes = row("genes", 4), hDrugs = row("drugs", 4), hGenePairs = row("gene-pairs", 3), hDrugPairs = row("drug-pairs", 3)
    static let hGeneMentions = row("gene-mentions", 4), hDrugMentions = row("drug-mentions", 4)
    static let hPriorGene = row("prior-gene", 8), hPriorDrug = row("prior-drug", 8), hPriorDrugN = row("prior-drug-n", 4)
    static let hRank = row("rank", 3), hRelative = row("relative", 4), hCuration = row("curation", 9)
    static let hCurationRank = row("curation-rank", 3), hCurationRelative = row("curation-relative", 4)
    static let hMaxPgx = row("max&pgx-false", 4), hMaxPgxTrue = row("max&pgx-true", 4)
    static let hCategory = Dictionary(uniqueKeysWithValues: EffectCategory.allCases.map { ($0, CandidateBuilder.hash("doc:cat:" + $0.rawValue)) })
    static let hFlag: [String: Int] = Dictionary(uniqueKeysWithValues: ["bias", "cross-only", "title", "variant", "no-drug-id", "cpic-pair",
        "pharmacogene", "negated", "all-negated", "top-gene", "top-drug", "gene-in-title", "drug-in-title", "both-in-title",
        "gene-has-variant", "best-of-gene", "best-of-drug", "endogenous", "gene-typed", "subfamily", "subfamily-member-named",
        "not-indexed", "drug-indexed", "drug-not-indexed", "gene-indexed", "gene-not-indexed", "both-indexed"].map { ($0, CandidateBuilder.hash("doc:" + $0)) })

    static let genotypeWords: Set<String> = ["polymorphism", "polymorphisms", "polymorphic", "genotype", "genotypes", "genotyped",
        "genotyping", "allele", "alleles", "allelic", "variant", "variants", "variation", "variations", "snp", "snps", "haplotype",
        "haplotypes", "carrier", "carriers", "carrying", "mutation", "mutations", "homozygous", "heterozygous", "homozygotes",
        "heterozygotes", "diplotype", "diplotypes"]

    /// The FNV-1a hashes of `words` (the project's one feature hash, unfolded).
    static func hashes(_ words: Set<String>) -> Set<UInt64> {
        Set(words.map { w -> UInt64 in
            var h = CandidateBuilder.fnvOffset
            CandidateBuilder.feed(&h, w)
            return h
        })
    }
    static let genotypeHashes = hashes(genotypeWords)

    /// Words that say a text speaks of genetic variation at all: the genotype words and the names of the
    /// field, its study designs and its phenotypes.
    static let variationWords: Set<String> = genotypeWords.union(["pharmacogenetic", "pharmacogenetics", "pharmacogenomic",
        "pharmacogenomics", "genetic", "genetically", "genetics", "deficiency", "deficient", "metabolizer", "metabolizers",
        "metaboliser", "metabolisers", "mutant", "mutants", "wild-type", "gwas", "genome-wide", "locus", "loci", "expressers",
        "expressors", "nonexpressers", "nonexpressors", "germline", "hereditary", "inherited", "familial", "heterozygosity",
        "homozygosity", "amplification", "amplifications", "amplified", "rearrangement", "rearrangements", "fusion", "fusions"])
    static let variationHashes = hashes(variationWords)

    /// Whether a document speaks of genetic variation: a variant or phenotype mention, or one of
    /// `variationWords` in its text. One that does not (a study of how carbon monoxide acts on a connexin,
    /// of the calcium a protein binds) states no pharmacogenomic finding, whatever pairs it names.
    public static func speaksOfVariation(_ doc: AnalyzedDocument) -> Bool {
        doc.passages.contains { p in
            p.mentions.contains { $0.kind == .variant || $0.kind == .phenotype || $0.kind == .gene && hasStatus(p.text, after: $0.end) }
                || hasGenotypeWord(p.text[...], in: variationHashes)
        }
    }

    /// A tumour's or a carrier's status written after a gene: "HER2-positive", "EGFR-mutated", "ALK positive".
    static func hasStatus(_ t: [Unicode.Scalar], after end: Int) -> Bool {
        guard end < t.count, t[end] == "-" || t[end] == " " else { return false }
        var e = end + 1
        while e < t.count && Tokenizer.isAlpha(t[e]) && e - end <= 12 { e += 1 }
        return statusWords.contains(makeLowerString(t[(end + 1)..<e]))
    }
    static let statusWords: Set<String> = ["positive", "negative", "mutated", "mutant", "amplified", "rearranged", "null", "deficient"]

    /// Whether a sentence has one of `genotypeWords` (or of the words hashed in `hashes`) as a word, split as
    /// `CueMatcher.words` splits (letters, digits, "-", "*", "/", "'"; lower case) but hashed as it goes,
    /// without making strings. A word with a non-ASCII letter hashes its scalar values and matches no
    /// (ASCII) genotype word, as its string would not.
    static func hasGenotypeWord(_ t: ArraySlice<Unicode.Scalar>, in hashes: Set<UInt64> = genotypeHashes) -> Bool {
        var h = CandidateBuilder.fnvOffset, len = 0
        for ch in t {
            var v = ch.value
            if CueMatcher.isWordByte(v) || (v >= 0x80 && Tokenizer.isAlnum(ch)) {
                if v &- 65 < 26 { v += 32 }
                h = (h ^ UInt64(v)) &* CandidateBuilder.fnvPrime
                len += 1
            } else {
                if len > 0 && hashes.contains(h) { return true }
                h = CandidateBuilder.fnvOffset; len = 0
            }
        }
        return len > 0 && hashes.contains(h)
    }

    static func bucket(_ x: Double, _ edges: [Double]) -> Int {
        edges.firstIndex { x <= $0 } ?? edges.count
    }

    /// A number as thermometer bits, one per edge it exceeds, so that a tree splits on any threshold at once.
    static func thermometer(_ f: inout [Int], _ row: [Int], _ x: Double, _ edges: [Double]) {
        for i in 0..<bucket(x, edges) { f.append(row[i]) }
    }

    /// Hashed features of each pair of a document, from its stage-one triples (confidence = sentence
    /// or cross-sentence model). Pairs are in first-seen order.
    public static func features(_ triples: [Triple], document: AnalyzedDocument, knownPairs: Set<String>, priors: CurationPriors? = nil,
                                pharmacogene: (String) -> Bool) -> [(key: String, features: [Int])] {
        var order: [String] = []
        var byPair: [String: [Int]] = [:]
        var genes: [String: Int] = [:], drugs: [String: Int] = [:]
        for (i, t) in triples.enumerated() {
            guard let k = key(t) else { continue }
            if byPair[k] == nil {
                order.append(k)
                genes[t.gene?.name ?? t.variant?.gene ?? "", default: 0] += 1
                drugs[t.drug.name, default: 0] += 1
            }
            byPair[k, default: []].append(i)
        }
        guard !order.isEmpty else { return [] }
        // How often and where the document names each gene and drug: the subject of an abstract is
        // named in its title and more often than anything else.
        var geneN: [String: Int] = [:], drugN: [String: Int] = [:]
        var geneTitle = Set<String>(), drugTitle = Set<String>(), geneVariant = Set<String>(), geneTyped = Set<String>()
        for p in document.passages {
            let title = p.name == "title"
            // sentences that speak of genotypes ("polymorphisms", "carriers", "allele"): a gene named there was typed
            var typed: [Range<Int>: Bool] = [:]
            func speaksOfGenotypes(_ pos: Int) -> Bool {
                guard let s = p.sentences.first(where: { $0.contains(pos) }) else { return false }
                if let known = typed[s] { return known }
                let yes = hasGenotypeWord(p.text[s])
                typed[s] = yes
                return yes
            }
            for m in p.mentions {
                switch m.kind {
                case .gene where !m.isFamily:
                    geneN[m.name, default: 0] += 1
                    if title { geneTitle.insert(m.name) }
                    if genes[m.name] != nil && !geneTyped.contains(m.name) && speaksOfGenotypes(m.start) { geneTyped.insert(m.name) }
                case .variant:
                    if let g = m.gene { geneN[g, default: 0] += 1; geneVariant.insert(g); if title { geneTitle.insert(g) } }
                case .drug:
                    drugN[m.name, default: 0] += 1
                    if title { drugTitle.insert(m.name) }
                default: break
                }
            }
        }
        let topGene = geneN.values.max() ?? 0, topDrug = drugN.values.max() ?? 0
        // How each pair ranks in its document: curators list an abstract's main findings, and a pair
        // that scores well below the document's best is seldom one of them.
        var best: [String: Double] = [:], bestOfGene: [String: Double] = [:], bestOfDrug: [String: Double] = [:]
        for (k, idx) in byPair {
            let c = idx.map { triples[$0].confidence }.max() ?? 0
            best[k] = c
            let t = triples[idx[0]], g = t.gene?.name ?? t.variant?.gene ?? ""
            bestOfGene[g] = max(bestOfGene[g] ?? 0, c)
            bestOfDrug[t.drug.name] = max(bestOfDrug[t.drug.name] ?? 0, c)
        }
        let docBest = best.values.max() ?? 0
        // the same for the curation model's score, when the triples carry one
        var curation: [String: Double] = [:]
        for (k, idx) in byPair { if let c = idx.compactMap({ triples[$0].curation }).max() { curation[k] = c } }
        let curationBest = curation.values.max() ?? 0
        // Each pair's rank by a score, ties in first-seen order: a dictionary's order changes from run to
        // run, and the model file must not.
        func ranks(_ score: [String: Double]) -> [String: Int] {
            let ranked = order.enumerated().sorted { (score[$0.1] ?? 0, -$0.0) > (score[$1.1] ?? 0, -$1.0) }.map(\.1)
            return Dictionary(uniqueKeysWithValues: ranked.enumerated().map { ($1, $0) })
        }
        let curationRank = ranks(curation), rankOf = ranks(best)
        return order.map { k in
            let ts = byPair[k]!.map { triples[$0] }
            let sym = ts[0].gene?.name ?? ts[0].variant?.gene ?? "", d = ts[0].drug.name
            var c0 = 0.0, c1 = 0.0
            for t in ts { if t.confidence > c0 { c1 = c0; c0 = t.confidence } else if t.confidence > c1 { c1 = t.confidence } }
            var crossOnly = true, titlePair = false, allNegated = true, anyStageOne = false, negated = false
            var sentences = Set<Int>()
            var cats = Set<EffectCategory>()
            for t in ts {
                sentences.insert(t.sentence.lowerBound << 2 | (t.passage == "title" ? 1 : 0))
                cats.insert(t.effect.category)
                if t.negated { negated = true }
                if !t.rule.hasPrefix("cooccurrence") {
                    crossOnly = false; anyStageOne = true
                    if t.passage == "title" { titlePair = true }
                    if !t.negated { allNegated = false }
                }
            }
            var f = [hFlag["bias"]!]
            thermometer(&f, hMax, c0, [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95])
            thermometer(&f, hSecond, c1, [0.05, 0.2, 0.5, 0.8])
            thermometer(&f, hN, Double(ts.count), [1, 2, 4, 8])
            thermometer(&f, hSentences, Double(sentences.count), [1, 2, 3, 5])
            if crossOnly { f.append(hFlag["cross-only"]!) }
            if titlePair { f.append(hFlag["title"]!) }
            if ts.contains(where: { $0.variant != nil }) { f.append(hFlag["variant"]!) }
            if ts.contains(where: { $0.drug.id == nil }) { f.append(hFlag["no-drug-id"]!) }
            if ts[0].drug.source == "lexicon:endogenous" { f.append(hFlag["endogenous"]!) }
            if knownPairs.contains(sym + "|" + d) { f.append(hFlag["cpic-pair"]!) }
            let pgx = pharmacogene(sym)
            if pgx { f.append(hFlag["pharmacogene"]!) }
            thermometer(&f, hGenes, Double(genes.count), [1, 2, 4, 8])
            thermometer(&f, hDrugs, Double(drugs.count), [1, 2, 4, 8])
            thermometer(&f, hGenePairs, Double(genes[sym] ?? 0), [1, 2, 4])
            thermometer(&f, hDrugPairs, Double(drugs[d] ?? 0), [1, 2, 4])
            for c in EffectCategory.allCases where cats.contains(c) { f.append(hCategory[c]!) }
            if negated { f.append(hFlag["negated"]!) }
            if anyStageOne && allNegated { f.append(hFlag["all-negated"]!) }
            thermometer(&f, pgx ? hMaxPgxTrue : hMaxPgx, c0, [0.1, 0.3, 0.6, 0.9])
            let gn = geneN[sym] ?? 0, dn = drugN[d] ?? 0
            thermometer(&f, hGeneMentions, Double(gn), [1, 2, 4, 8])
            thermometer(&f, hDrugMentions, Double(dn), [1, 2, 4, 8])
            if gn > 0 && gn == topGene { f.append(hFlag["top-gene"]!) }
            if dn > 0 && dn == topDrug { f.append(hFlag["top-drug"]!) }
            if geneTitle.contains(sym) { f.append(hFlag["gene-in-title"]!) }
            if drugTitle.contains(d) { f.append(hFlag["drug-in-title"]!) }
            if geneTitle.contains(sym) && drugTitle.contains(d) { f.append(hFlag["both-in-title"]!) }
            if geneVariant.contains(sym) { f.append(hFlag["gene-has-variant"]!) }
            if geneTyped.contains(sym) || geneVariant.contains(sym) { f.append(hFlag["gene-typed"]!) }
            // a subfamily ("CYP3A") is curated as the member the abstract names ("CYP3A5"), when it names one
            if Mention.isSubfamily(sym) {
                f.append(hFlag["subfamily"]!)
                if geneN.keys.contains(where: { $0.count > sym.count && $0.hasPrefix(sym) }) { f.append(hFlag["subfamily-member-named"]!) }
            }
            if let cu = curation[k] {
                thermometer(&f, hCuration, cu, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
                thermometer(&f, hCurationRank, Double(curationRank[k]!), [0, 1, 2])
                thermometer(&f, hCurationRelative, curationBest > 0 ? cu / curationBest : 0, [0.25, 0.5, 0.75, 0.95])
            }
            if let priors {
                let (gene, drug) = Trainer.curatedNames(gene: sym, drug: d)
                let pg = priors.gene[gene], pd = priors.drug[drug]
                let edges = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]
                thermometer(&f, hPriorGene, CurationPriors.rate(pg), edges)
                thermometer(&f, hPriorDrug, CurationPriors.rate(pd), edges)
                thermometer(&f, hPriorDrugN, Double(pd?.n ?? 0), [0, 1, 3, 9])
            }
            thermometer(&f, hRank, Double(rankOf[k]!), [0, 1, 2])
            thermometer(&f, hRelative, docBest > 0 ? c0 / docBest : 0, [0.25, 0.5, 0.75, 0.95])
            if c0 >= (bestOfGene[sym] ?? 0) { f.append(hFlag["best-of-gene"]!) }
            if c0 >= (bestOfDrug[d] ?? 0) { f.append(hFlag["best-of-drug"]!) }
            // Whether NLM's indexers listed the drug and the gene for the record: they list what a paper is
            // about, which curators list too.
            if let ix = document.indexed {
                let di = ix.drugs.contains(d), gi = ix.genes.contains(sym)
                f.append(hFlag[di ? "drug-indexed" : "drug-not-indexed"]!)
                f.append(hFlag[gi ? "gene-indexed" : "gene-not-indexed"]!)
                if di && gi { f.append(hFlag["both-indexed"]!) }
            } else {
                f.append(hFlag["not-indexed"]!)
            }
            return (k, f)
        }
    }

    /// The document model's probability for each pair of the document.
    public static func score(_ triples: [Triple], document: AnalyzedDocument, model: BoostedTrees, knownPairs: Set<String>,
                             priors: CurationPriors? = nil, pharmacogene: (String) -> Bool) -> [String: Double] {
        var out: [String: Double] = [:]
        for (k, f) in features(triples, document: document, knownPairs: knownPairs, priors: priors, pharmacogene: pharmacogene) {
            out[k] = model.probability(f)
        }
        return out
    }
}

/// How often curators listed a drug's pairs and a gene's pairs when pgx proposed them in a curated
/// document: counts over the training documents (for the document stage's own training, over the
/// other folds only). A drug named beside most findings but seldom in a listed one (nicotine, folic
/// acid given with methotrexate) is known as such before the abstract is read. (Counts per gene–drug
/// pair as well added nothing over six seeds: 0.548 against 0.550 for genes and drugs alone.)
public struct CurationPriors: Sendable {
    public var gene: [String: (n: Int, curated: Int)] = [:]
    public var drug: [String: (n: Int, curated: Int)] = [:]
    public init() {}

    /// Counts one proposed pair (its `curatedKey`) and whether curators listed it.
    public mutating func add(_ key: String, curated: Bool) {
        let (g, d) = DocumentPairs.parts(key), c = curated ? 1 : 0
        func bump(_ counts: inout [String: (n: Int, curated: Int)], _ k: String) { let v = counts[k] ?? (0, 0); counts[k] = (v.n + 1, v.curated + c) }
        bump(&gene, g); bump(&drug, d)
    }

    /// The smoothed share listed: (curated + 0.3) / (n + 1), so an unseen key reads 0.3.
    static func rate(_ v: (n: Int, curated: Int)?) -> Double { (Double(v?.curated ?? 0) + 0.3) / (Double(v?.n ?? 0) + 1) }

    public func jsonObject() -> [String: Any] {
        func enc(_ d: [String: (n: Int, curated: Int)]) -> [String: [Int]] { d.mapValues { [$0.n, $0.curated] } }
        return ["gene": enc(gene), "drug": enc(drug), "smoothing": "(curated + 0.3) / (n + 1)"]
    }

    public init?(json: Any?) {
        guard let o = json as? [String: Any] else { return nil }
        func dec(_ x: Any?) -> [String: (n: Int, curated: Int)] {
            var out: [String: (n: Int, curated: Int)] = [:]
            for (k, v) in (x as? [String: [Int]]) ?? [:] where v.count == 2 { out[k] = (v[0], v[1]) }
            return out
        }
        gene = dec(o["gene"]); drug = dec(o["drug"])
    }
}
