import Foundation
import PGxModel
import PGxText

/// One document as every extraction stage sees it: its passages (title, abstract, or one JSONL text),
/// each with sentences, tokens and mentions as views (offsets) into the passage text.
public struct AnalyzedPassage: Sendable {
    public var name: String
    /// The text as analyzed: the written text with look-alike punctuation folded one for one
    /// (`NormalizedText.fold`: "HLA‐B*57∶01" as "HLA-B*57:01", a thin space as a space), so offsets are the same.
    public var text: [Unicode.Scalar]
    public var sentences: [Range<Int>]
    public var mentions: [Mention]
    /// The text as written, where folding changed it (nil otherwise).
    public var original: [Unicode.Scalar]? = nil

    /// The text as written: what output quotes at a span's offsets.
    public var written: [Unicode.Scalar] { original ?? text }
}

/// `NormalizedText.fold` over every scalar of a passage (one for one, offsets kept); nil when nothing changes.
func foldedPunctuation(_ t: [Unicode.Scalar]) -> [Unicode.Scalar]? {
    guard let first = t.firstIndex(where: { $0.value >= 0x80 && NormalizedText.fold($0) != $0 }) else { return nil }
    var out = t
    for i in first..<out.count where out[i].value >= 0x80 { out[i] = NormalizedText.fold(out[i]) }
    return out
}

public struct AnalyzedDocument: Sendable {
    public var id: String
    public var passages: [AnalyzedPassage]
    /// The drugs and genes NLM's indexers listed for the record, nil when it carries no indexing (a record
    /// not yet indexed, or a JSONL text item) or when no stage needs it (see `TripleExtractor.extract`).
    public var indexed: IndexedNames? = nil
}

/// What a PubMed record's indexing (the substances of its `ChemicalList`) names, read with the same
/// lexicon as the text: "Warfarin" → warfarin, "CYP2C9 protein, human" and "Cytochrome P-450
/// CYP2C9" → CYP2C9. Indexers list the substances and gene products a paper is about, not every drug
/// its abstract mentions in passing (folic acid given with methotrexate).
public struct IndexedNames: Sendable, Equatable {
    public var drugs: Set<String>
    public var genes: Set<String>
    public init(drugs: Set<String>, genes: Set<String>) { self.drugs = drugs; self.genes = genes }
}

/// Runs the text and entity stages over a document.
public final class DocumentAnalyzer: @unchecked Sendable {
    public let recognizer: EntityRecognizer
    private let termLock = NSLock()
    private var termNames: [String: (drugs: [String], genes: [String])] = [:]

    public init(lexicon: Lexicon) { recognizer = EntityRecognizer(lexicon: lexicon) }

    /// `passages`: (name, text) pairs in document order; empty texts are kept (no mentions).
    /// `indexTerms`: the record's indexing terms (its substance names), read into `indexed`.
    /// `headings`: its MeSH descriptor names, which say what organism it studies.
    public func analyze(id: String, passages: [(String, String)], indexTerms: [String] = [], headings: [String] = []) -> AnalyzedDocument {
        let (texts, originals) = DocumentAnalyzer.texts(passages)
        var doc = analyze(id: id, passages: passages, texts: texts, originals: originals, first: recognizer.firstPass(texts), headings: headings)
        doc.indexed = indexedNames(indexTerms)
        return doc
    }

    /// The analysis a search for pairs needs: nil, before the sentences are split or the later passes run,
    /// when the document can hold no gene–drug pair (`EntityRecognizer.mayPair`); otherwise what `analyze`
    /// gives.
    public func analyzeForPairs(id: String, passages: [(String, String)], headings: [String] = []) -> AnalyzedDocument? {
        let (texts, originals) = DocumentAnalyzer.texts(passages)
        let first = recognizer.firstPass(texts)
        guard recognizer.mayPair(texts, first) else { return nil }
        return analyze(id: id, passages: passages, texts: texts, originals: originals, first: first, headings: headings)
    }

    /// Each passage as analyzed (look-alike punctuation folded, `foldedPunctuation`) and, where that changed
    /// it, as written (`AnalyzedPassage.original`).
    static func texts(_ passages: [(String, String)]) -> (texts: [[Unicode.Scalar]], originals: [[Unicode.Scalar]?]) {
        var texts: [[Unicode.Scalar]] = [], originals: [[Unicode.Scalar]?] = []
        for p in passages {
            let written = scalarArray(p.1)
            if let f = foldedPunctuation(written) { texts.append(f); originals.append(written) }
            else { texts.append(written); originals.append(nil) }
        }
        return (texts, originals)
    }

    /// The drugs and genes (symbols, not protein families) that indexing terms name; nil when there are
    /// no terms.
    public func indexedNames(_ terms: [String]) -> IndexedNames? {
        guard !terms.isEmpty else { return nil }
        var drugs = Set<String>(), genes = Set<String>()
        for term in terms {
            let names = namesIn(term)
            drugs.formUnion(names.drugs); genes.formUnion(names.genes)
        }
        return IndexedNames(drugs: drugs, genes: genes)
    }

    /// What one indexing term names, read once per run: the same substances ("Warfarin", "Cytochrome
    /// P-450 CYP2C9") recur in record after record.
    func namesIn(_ term: String) -> (drugs: [String], genes: [String]) {
        termLock.lock()
        let known = termNames[term]
        termLock.unlock()
        if let known { return known }
        let text = [scalarArray(term)]
        var drugs: [String] = [], genes: [String] = []
        for m in recognizer.recognize(text, first: recognizer.firstPass(text), sentences: [[0..<text[0].count]]).joined() {
            switch m.kind {
            case .drug: drugs.append(m.name)
            case .gene where !m.isFamily: genes.append(m.name)
            case .variant: if let g = m.gene { genes.append(g) }
            default: break
            }
        }
        termLock.lock()
        if termNames.count >= 100_000 { termNames.removeAll(keepingCapacity: true) }  // bounded over a year of files
        termNames[term] = (drugs, genes)
        termLock.unlock()
        return (drugs, genes)
    }

    /// `originals`: each passage as written where folding changed it (`AnalyzedPassage.original`).
    func analyze(id: String, passages: [(String, String)], texts: [[Unicode.Scalar]], originals: [[Unicode.Scalar]?],
                 first: EntityRecognizer.FirstPass, headings: [String]) -> AnalyzedDocument {
        let sentences = texts.map { SentenceSplitter.split($0) }
        let mentions = recognizer.recognize(texts, first: first, sentences: sentences, headings: headings)
        var out: [AnalyzedPassage] = []
        for (i, p) in passages.enumerated() {
            out.append(AnalyzedPassage(name: p.0, text: texts[i], sentences: sentences[i], mentions: mentions[i], original: originals[i]))
        }
        return AnalyzedDocument(id: id, passages: out)
    }
}

extension Mention {
    /// Source of a protein named by a family phrase ("opioid receptors"): a gene mention without a symbol.
    static let familySource = "pattern:family"
    /// Source of a rodent or parasite gene ("mdr1a", "Cyp3a11", "pfcrt"): a gene mention without an HGNC id.
    static let nonHumanSource = "pattern:nonhuman"
    /// Source of a cell-surface marker that names a kind of cell ("CD4 + T cells", "CD34+ cells", "CD4
    /// count"): the protein, but a measure of cells, not a gene a finding is about.
    static let cellMarkerSource = "pattern:cell-marker"
    /// A family phrase, a non-human gene or a cell marker: an entity, but not a pair partner (a rule needs
    /// a human gene symbol a finding is about) and not a gene for variants to attach to.
    public var isFamily: Bool {
        source == Mention.familySource || source == Mention.nonHumanSource || source == Mention.cellMarkerSource
            || source == "lexicon:family" && !Mention.isSubfamily(name)
    }

    /// A gene written right before a variant, at most two characters apart ("CYP2C19*2", "ADRB2
    /// rs1042713"): the variant's gene.
    func isWrittenRightBefore(_ v: Mention) -> Bool { end <= v.start && v.start - end <= 2 }

    /// The characters between this mention and another, whichever comes first (0 where they overlap).
    func gap(to m: Mention) -> Int { end <= m.start ? m.start - end : max(0, start - m.end) }

    /// A gene subfamily symbol that curated tables use as a gene ("CYP3A", "CYP2C", "UGT1A", "SLC22A"),
    /// unlike a superfamily or pathway name ("cytochrome P450", "CYP450", "UGT", "MEK", "HLA-DR").
    static func isSubfamily(_ name: String) -> Bool {
        let u = Array(name.utf8)
        func digits(_ i: inout Int) -> Bool { let s = i; while i < u.count && u[i] >= 48 && u[i] <= 57 { i += 1 }; return i > s }
        for prefix in ["CYP", "UGT", "SLC"] where name.hasPrefix(prefix) {
            var i = prefix.utf8.count
            guard digits(&i), i + 1 == u.count, u[i] >= 65 && u[i] <= 90 else { return false }
            return true
        }
        return false
    }
}
