/// Effect categories and directions: PharmGKB's phenotype vocabulary (see DESIGN.md).
public enum EffectCategory: String, Sendable, Codable, CaseIterable {
    case efficacy, toxicity, dosage, metabolism, other
}

public enum EffectDirection: String, Sendable, Codable, CaseIterable {
    case increased, decreased, none, unspecified
}

public struct Effect: Sendable, Equatable, Codable {
    public var category: EffectCategory
    public var direction: EffectDirection
    public init(category: EffectCategory, direction: EffectDirection) { self.category = category; self.direction = direction }
}

/// One extracted finding: drug × gene/variant (× phenotype qualifier) with its effect, in one sentence.
/// Spans are code-point offsets into the passage (`../shared/DESIGN.md`, "Triple").
public struct Triple: Sendable {
    public var doc: String
    public var passage: String
    public var sentence: Range<Int>
    public var gene: Mention?
    public var variant: Mention?
    public var drug: Mention
    public var phenotype: String?
    public var effect: Effect
    public var negated: Bool
    public var speculative: Bool
    public var confidence: Double
    public var rule: String
    /// The curation model's probability that curators list this triple's gene–drug pair for its document,
    /// from the words of its sentence (in-sentence triples, when the rules have that model). The document
    /// stage reads it; it is not part of the JSONL contract.
    public var curation: Double?
    /// For a variant left without a gene: the one gene its document names, if it names one ("ADRB2
    /// genotypes were studied ..." before "carriers of the rs2053044 G allele"). A suggestion for the
    /// reviewer, who sets the gene a rule needs; the triple itself keeps no gene (`TripleExtractor.hintGenes`).
    public var geneHint: String?
    /// The drug is a class named after another drug of the sentence, its regimen ("gemcitabine-based
    /// chemotherapy", `Candidate.drugIsRegimenOfAnother`): the document stage reads the triple with the
    /// rest and does not write it, as it repeats the drug's.
    public var regimenOfAnother = false
    public init(doc: String, passage: String, sentence: Range<Int>, gene: Mention?, variant: Mention?, drug: Mention,
                phenotype: String?, effect: Effect, negated: Bool, speculative: Bool, confidence: Double, rule: String) {
        self.doc = doc; self.passage = passage; self.sentence = sentence; self.gene = gene; self.variant = variant
        self.drug = drug; self.phenotype = phenotype; self.effect = effect; self.negated = negated
        self.speculative = speculative; self.confidence = confidence; self.rule = rule
    }
}
