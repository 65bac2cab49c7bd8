import Foundation
import PGxModel

/// Everything the extractor knows, loaded once from `rules/`: lexicons, pattern cues, the model.
public final class ExtractorRules: @unchecked Sendable {
    public let url: URL
    public let lexicon: Lexicon
    public let cues: CueMatcher
    public let knownPairs: Set<String>
    public private(set) var model: PairModel?
    /// The document-level model for gene–drug pairs that never share a sentence (trained on curated
    /// documents), if `rules/model/cooccurrence.json` exists.
    public private(set) var cooccurrence: PairModel?
    /// The document stage (`DocumentPairs`), if `rules/model/document.json` exists.
    public private(set) var document: BoostedTrees?
    /// The curation model (`model/curation.json`): whether curators list an in-sentence pair for its
    /// document, read by the document stage.
    public private(set) var curation: PairModel?
    /// The curation priors the document model was trained with (its file's `priors`).
    public private(set) var documentPriors: CurationPriors?

    public init(url: URL, loadModel: Bool = true) throws {
        self.url = url
        lexicon = try LexiconCache.load(rules: url)
        cues = try CueMatcher(url: url.appendingPathComponent("patterns/patterns.json"))
        var pairs = Set<String>()
        let pairsURL = url.appendingPathComponent("lexicons/" + LexiconTable.cpicPairs.file)
        if FileManager.default.fileExists(atPath: pairsURL.path) {   // optional: without it, no CPIC pair prior
            try LexiconTable.cpicPairs.read(pairsURL) { f in pairs.insert(f[0] + "|" + f[1]) }
        }
        knownPairs = pairs
        let modelURL = url.appendingPathComponent("model/model.json")
        if loadModel, FileManager.default.fileExists(atPath: modelURL.path) { model = try PairModel(url: modelURL) }
        let coURL = url.appendingPathComponent("model/cooccurrence.json")
        if loadModel, FileManager.default.fileExists(atPath: coURL.path) { cooccurrence = try PairModel(url: coURL) }
        let docURL = url.appendingPathComponent("model/document.json")
        if loadModel, FileManager.default.fileExists(atPath: docURL.path) {
            document = try BoostedTrees(url: docURL)
            documentPriors = CurationPriors(json: document?.metadata["priors"])
        }
        let curURL = url.appendingPathComponent("model/curation.json")
        if loadModel, FileManager.default.fileExists(atPath: curURL.path) { curation = try PairModel(url: curURL) }
    }

    /// Why `model` may not match the patterns file beside it: it was trained with another one (its
    /// `patterns_sha256`), so its cue features may no longer mean what they did. Nil when they match, or
    /// for a model that does not record the file.
    public static func stalePatterns(model: PairModel, cues: CueMatcher, rules url: URL) -> String? {
        guard let trained = model.metadata["patterns_sha256"] as? String, trained != cues.sha256 else { return nil }
        let version = model.metadata["patterns_version"] as? String ?? "?"
        return "\(url.appendingPathComponent("model/model.json").path) was trained with another patterns file (version \(version), "
            + "sha256 \(trained.prefix(12)); \(url.appendingPathComponent("patterns/patterns.json").path) is version \(cues.version), "
            + "sha256 \(cues.sha256.prefix(12))): its cue features may no longer mean what they did; retrain (`pgx train`, or scripts/report.sh)"
    }

    /// Why `model` may not match the lexicons beside it: it was trained with other lexicon files (its
    /// `lexicons_sha256`), so the genes, drugs and CPIC pairs its features were learned from are not the
    /// ones extraction now reads. Nil when they match, or for a model that does not record them.
    public static func staleLexicons(model: PairModel, rules url: URL) -> String? {
        guard let trained = model.metadata["lexicons_sha256"] as? String else { return nil }
        let now = LexiconTable.sha256(rules: url)
        guard trained != now else { return nil }
        return "\(url.appendingPathComponent("model/model.json").path) was trained with other lexicons (sha256 \(trained.prefix(12)); "
            + "\(url.appendingPathComponent("lexicons").path) is sha256 \(now.prefix(12))): the genes, drugs and CPIC pairs its features "
            + "were learned from have changed; retrain (`pgx train`, or scripts/report.sh)"
    }

    /// Why `model` may not match the rules beside it (`stalePatterns`, `staleLexicons`), one line each.
    public static func staleness(model: PairModel, cues: CueMatcher, rules url: URL) -> [String] {
        [stalePatterns(model: model, cues: cues, rules: url), staleLexicons(model: model, rules: url)].compactMap { $0 }
    }

    /// A short version string of the rules (for batches and manifests).
    public var version: String {
        let trained = (model?.metadata["trained"] as? String).map { " trained \($0)" } ?? ""
        let m = ((model?.metadata["version"] as? String) ?? "untrained") + trained
        let c = cooccurrence.map { " + cooccurrence \(($0.metadata["version"] as? String) ?? "?")" } ?? ""
        let d = document.map { " + document \(($0.metadata["version"] as? String) ?? "?")" } ?? ""
        let u = curation.map { " + curation \(($0.metadata["version"] as? String) ?? "?")" } ?? ""
        return "patterns \(cues.version), model \(m)\(c)\(d)\(u), \(lexicon.version)"
    }
}

/// From a document's passages to triples: text and entity stages, candidates, classifier, effect rules.
public final class TripleExtractor: @unchecked Sendable {
    public let rules: ExtractorRules
    public let analyzer: DocumentAnalyzer
    public let builder: CandidateBuilder

    public init(rules: ExtractorRules) {
        self.rules = rules
        analyzer = DocumentAnalyzer(lexicon: rules.lexicon)
        builder = CandidateBuilder(cues: rules.cues, knownPairs: rules.knownPairs)
    }

    /// Triples of one document with confidence ≥ `minConfidence`; nil takes the cut of the model that gave
    /// the triple its confidence: the document model's for a gene–drug pair the document stage judged (the
    /// probability that curators list the pair), else the sentence model's (0.5 when the model is missing
    /// and the rules alone score).
    /// `indexTerms`: a PubMed record's substance names (its `ChemicalList`), which the document stage
    /// reads; gathered only when the stage has a gene–drug pair to judge. `headings`: its MeSH descriptor
    /// names (what organism it studies), read only for a document that can hold a pair.
    /// `documentStage`: rescore pairs of multi-sentence documents with the rules' document model (and
    /// the curation priors it was trained with); off, only stage one runs. The document is nil when it can hold no gene–drug pair
    /// (`EntityRecognizer.mayPair`): it is not analyzed further, and it has no triples.
    public func extract(id: String, passages: [(String, String)], indexTerms: @autoclosure () -> [String] = [],
                        headings: @autoclosure () -> [String] = [], minConfidence: Double? = nil,
                        documentStage: Bool = true) -> (AnalyzedDocument?, [Triple]) {
        // most abstracts name no gene: they end after the first passes (nil document, no triples)
        guard var doc = analyzer.analyzeForPairs(id: id, passages: passages, headings: headings()) else { return (nil, []) }
        let m = rules.model, co = rules.cooccurrence
        let sentenceCut = minConfidence ?? m?.threshold ?? 0.5
        var out: [Triple]
        if documentStage, let dm = rules.document, TripleExtractor.judgedAsDocument(doc) {
            // every pair scored first, then judged in the whole document
            let stageOne = scorePairs(doc, minConfidence: 0, model: m, cooccurrence: co, curation: rules.curation, forDocumentStage: true)
            if stageOne.contains(where: { DocumentPairs.key($0) != nil }) { doc.indexed = analyzer.indexedNames(indexTerms()) }
            // a pair the stage judged at its cut; a triple it could not (a variant without a gene keeps its sentence
            // score) at the sentence model's
            let judgedCut = minConfidence ?? dm.threshold
            out = judgeInDocument(stageOne, doc: doc, model: dm, priors: rules.documentPriors).filter {
                $0.confidence >= (DocumentPairs.key($0) != nil ? judgedCut : sentenceCut)
            }
        } else {
            out = scorePairs(doc, minConfidence: sentenceCut, model: m, cooccurrence: co)
        }
        TripleExtractor.hintGenes(&out, doc: doc)
        return (doc, out)
    }

    /// Sets `geneHint` of each triple whose variant has no gene, when the document names one human gene (one
    /// with an NCBI id) and no other: "ADRB2 genotypes were studied ..." then "carriers of the rs2053044 G allele".
    /// The recognizer gives a variant its document's gene only where the change is known or written with
    /// it (`EntityRecognizer.attachFromDocument`); a variant of an abstract's only gene is often that
    /// gene's but not always (an OPRM1 "118A>G" in a study that names DRD2 alone), so this is a
    /// suggestion for the reviewer, who sees the sentence, not a gene of the triple.
    static func hintGenes(_ triples: inout [Triple], doc: AnalyzedDocument) {
        guard triples.contains(where: { $0.gene == nil && $0.variant != nil }) else { return }
        var genes = Set<String>()
        for p in doc.passages {
            for m in p.mentions where m.kind == .gene && !m.isFamily && m.xref != nil { genes.insert(m.name) }
        }
        guard genes.count == 1, let only = genes.first else { return }
        for i in triples.indices where triples[i].gene == nil && triples[i].variant != nil { triples[i].geneHint = only }
    }

    /// Whether the document stage applies: a PubMed document (a title, and more than one sentence). Its
    /// model learned from titles and abstracts which pairs curators list for a document; a JSONL text
    /// item is a sentence or a passage of unknown kind, and keeps the sentence model's scores, which is
    /// also how the sentence gold sets are scored out of fold. (On the nine PGxMine dev items that split
    /// into two sentences, the document stage raised two not-associated pairs from 0.27 to 0.81.)
    public static func judgedAsDocument(_ doc: AnalyzedDocument) -> Bool {
        doc.passages.contains { $0.name == "title" } && doc.passages.reduce(0) { $0 + $1.sentences.count } >= 2
    }

    /// The document stage over a document's stage-one triples (all of them, at confidence 0): each
    /// gene–drug pair's probability becomes the confidence of its triples (rule suffix `+document`).
    public func judgeInDocument(_ stageOne: [Triple], doc: AnalyzedDocument, model: BoostedTrees, priors: CurationPriors?) -> [Triple] {
        let lexicon = rules.lexicon
        let p = DocumentPairs.score(stageOne, document: doc, model: model, knownPairs: rules.knownPairs, priors: priors) {
            lexicon.geneInfo[$0]?.pgx ?? false
        }
        var out = stageOne
        for i in out.indices {
            guard let k = DocumentPairs.key(out[i]), let q = p[k] else { continue }
            out[i].confidence = TripleExtractor.rounded(q)
            out[i].rule += "+document"
        }
        // an abstract that says nothing of genetic variation states no pharmacogenomic finding: its pairs
        // (physiology, a drug's target) stay below the default cut, for a reviewer who asks for them
        if !DocumentPairs.speaksOfVariation(doc) {
            for i in out.indices where out[i].confidence > TripleExtractor.noVariationCap {
                out[i].confidence = TripleExtractor.noVariationCap
                out[i].rule += "+no-variation"
            }
        }
        TripleExtractor.documentCategory(&out)
        // the document's judgement read the class of a drug's regimen ("gemcitabine-based chemotherapy") with
        // the rest; its triple repeats the drug's and is not written
        out.removeAll(where: \.regimenOfAnother)
        return out
    }

    /// The highest confidence of a triple in a document that speaks of no genetic variation
    /// (`DocumentPairs.speaksOfVariation`): below the document stage's cut (`pgx train` chooses it above
    /// this), at the wide net of `--min-confidence 0.1`.
    public static let noVariationCap = 0.1

    /// A pair none of whose sentences names an effect takes the document's: the category most of the
    /// document's triples carry (a study of "response to adalimumab" whose SNP is named in a methods
    /// sentence). Rule suffix `+category:document`. Out of fold on PharmGKB dev, category accuracy
    /// at cut 0.1 went from 0.81 to 0.86 (pairs left at `other` were mostly efficacy findings).
    ///
    /// A pair some of whose sentences name an effect gives that effect to its other triples: the category
    /// most of the pair's triples carry (rule suffix `+category:pair`), so that the pair's mentions in a
    /// methods or conclusions sentence make one finding with its result, not a second one of category
    /// `other`. A borrowed category's direction is `unspecified` (`none` if the sentence denies the pair).
    static func documentCategory(_ triples: inout [Triple]) {
        var counts: [EffectCategory: Int] = [:]
        var byPair: [String: [EffectCategory: Int]] = [:]  // pairs with an effect of their own
        for t in triples where t.effect.category != .other {
            counts[t.effect.category, default: 0] += 1
            if let k = DocumentPairs.key(t) { byPair[k, default: [:]][t.effect.category, default: 0] += 1 }
        }
        // ties in the vocabulary's order, so that the answer never depends on a dictionary's order
        func most(_ c: [EffectCategory: Int]) -> EffectCategory? {
            EffectCategory.allCases.filter { c[$0] != nil }.max { c[$0]! < c[$1]! }
        }
        guard let top = most(counts) else { return }
        for i in triples.indices where triples[i].effect.category == .other {
            guard let k = DocumentPairs.key(triples[i]) else { continue }
            // a direction word of a sentence that names no effect is not that effect's ("Clopidogrel is a
            // prodrug activated mainly by CYP2C19" says nothing of more or less efficacy)
            if triples[i].effect.direction != .none { triples[i].effect.direction = .unspecified }
            if let own = byPair[k].flatMap(most) {
                triples[i].effect.category = own
                triples[i].rule += "+category:pair"
            } else {
                triples[i].effect.category = top
                triples[i].rule += "+category:document"
            }
        }
    }

    /// Confidences are written with four decimals.
    static func rounded(_ p: Double) -> Double { (p * 10000).rounded() / 10000 }

    /// Stage one: every candidate pair of an analyzed document scored by the sentence model (pairs in a
    /// sentence) or the cross-sentence model (pairs that never share one), at or above `minConfidence`.
    /// `forDocumentStage`: stage one of the document stage, which also reads the pairs of a class that is another
    /// drug's regimen (and drops them from what it writes, `judgeInDocument`).
    public func scorePairs(_ doc: AnalyzedDocument, minConfidence: Double, model m: PairModel?, cooccurrence co: PairModel?,
                           curation: PairModel? = nil, forDocumentStage: Bool = false) -> [Triple] {
        var out: [Triple] = []
        let cross = co != nil || minConfidence <= TripleExtractor.crossSentenceConfidence(known: true)
        for c in builder.candidates(doc, crossSentence: cross) where c.isWritten || (forDocumentStage && !c.geneInDrugName) {
            let p: Double
            if c.crossSentence {
                // Pairs across sentences: the document-level model, or without one a fixed, low
                // confidence for pharmacogenes only.
                if let co { p = co.probability(c.features) } else {
                    guard c.pharmacogene else { continue }
                    p = TripleExtractor.crossSentenceConfidence(known: c.features.contains(CandidateBuilder.hash("cpic-pair")))
                }
            } else {
                p = m?.probability(c.features) ?? ruleScore(c)
            }
            guard p >= minConfidence else { continue }
            var t = triple(c, doc: doc, confidence: p, modelName: m == nil ? "rules" : "model", crossModel: co != nil)
            if !c.crossSentence, let curation { t.curation = curation.probability(c.features) }
            out.append(t)
        }
        return out
    }

    /// Cross-sentence candidates of an analyzed document with their features (for training the document model).
    public func crossSentenceCandidates(_ doc: AnalyzedDocument) -> [Candidate] {
        builder.candidates(doc, crossSentence: true).filter(\.crossSentence)
    }

    /// Confidence given to a gene–drug pair that only co-occurs in the passage (higher for a CPIC pair).
    public static func crossSentenceConfidence(known: Bool) -> Double { known ? 0.2 : 0.1 }

    /// Without a model: co-occurrence with an association or category cue scores higher.
    func ruleScore(_ c: Candidate) -> Double {
        c.categoryRule != nil ? 0.6 : 0.3
    }

    /// What each part of a triple's `rule` field ("model+pattern:efficacy:response+document") says, other
    /// than a pattern rule's id (`pgx rules show` explains a whole field).
    public static let ruleParts: [String: String] = [
        "model": "the sentence model's probability for the pair in its sentence (rules/model/model.json)",
        "rules": "no trained model in rules/model: the confidence comes from the pattern rules alone",
        "model(out-of-fold)": "the sentence model of the cross-validation fold that did not train on this sentence (`pgx train --oof`)",
        "negation": "a negation cue governs the pair: the triple says the gene and the drug effect are not associated",
        "cooccurrence:model": "the gene and the drug share the passage but no sentence: scored by the cross-sentence model (rules/model/cooccurrence.json)",
        "cooccurrence:passage": "the gene and the drug share the passage but no sentence, and there is no cross-sentence model: a fixed low confidence",
        "document": "the confidence is the document stage's probability that curators list this gene–drug pair for the abstract (rules/model/document.json)",
        "no-variation": "the abstract speaks of no genetic variation: the confidence is capped below the default cut",
        "category:pair": "no effect cue for this triple: it takes the category most of the pair's other triples in the abstract carry",
        "category:document": "no effect cue for the pair: it takes the category most of the abstract's triples carry",
    ]

    /// The rsID of a variant written as a named change of `gene` (`Lexicon.rsid(ofChange:gene:)`). The
    /// hyphen that joins a change to its gene may be the change's minus sign as well ("VKORC1-1639G>A",
    /// "VKORC1 - 1639G > A"): where the gene has a named change upstream at that position and none
    /// downstream, the change is the upstream one.
    func rsid(of v: Mention, gene: String, in text: [Unicode.Scalar]) -> String? {
        if let rs = rules.lexicon.rsid(ofChange: v.name, gene: gene) { return rs }
        guard !v.name.hasPrefix("-"), EntityRecognizer.nucleotidePosition(v.name) != nil else { return nil }
        var i = v.start - 1
        while i >= 0 && text[i] == " " { i -= 1 }
        guard i > 0, text[i] == "-" else { return nil }
        i -= 1
        while i >= 0 && text[i] == " " { i -= 1 }
        guard i >= 0, text[i].properties.isAlphabetic || text[i].properties.numericType != nil else { return nil }
        return rules.lexicon.rsid(ofChange: "-" + v.name, gene: gene)
    }

    func triple(_ c: Candidate, doc: AnalyzedDocument, confidence: Double, modelName: String, crossModel: Bool) -> Triple {
        // a gene taken from its variant ("rs9923231" → VKORC1) carries the lexicon's ids, as a written one
        // does (a written gene has its id, if the lexicon has one, from the recognizer)
        var gene = c.gene
        if var g = gene, g.source == CandidateBuilder.inferredSource, let info = rules.lexicon.geneInfo[g.name] { g.id = info.hgnc; gene = g }
        // a change written by a name ("C3435T", "-1639G>A", "G551D") is named by its rsID, as a rule keys it
        var variant = c.variant
        if var v = variant, let g = v.gene ?? gene?.name, let rsid = rsid(of: v, gene: g, in: doc.passages[c.passage].text) {
            v.name = rsid; variant = v
        }
        let rule = c.crossSentence ? (crossModel ? "cooccurrence:model" : "cooccurrence:passage") : modelName + (c.categoryRule.map { "+" + CueRule.fieldPrefix + $0 } ?? "") + (c.negated ? "+negation" : "")
        var t = Triple(doc: doc.id, passage: doc.passages[c.passage].name, sentence: c.sentence, gene: gene,
                       variant: variant, drug: c.drug, phenotype: c.phenotype?.name, effect: c.effect,
                       negated: c.negated, speculative: c.speculative, confidence: TripleExtractor.rounded(confidence), rule: rule)
        t.regimenOfAnother = c.drugIsRegimenOfAnother
        return t
    }
}
