/// An entity found in a passage: a span of code points with its canonical name and id.
public struct Mention: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable { case gene, variant, drug, phenotype }

    public var kind: Kind
    /// Code-point offsets into the passage text, end-exclusive.
    public var start: Int
    public var end: Int
    /// Canonical name: HGNC symbol, generic drug name, variant name (`CYP2C19*2`, `rs4244285`), CPIC phenotype.
    public var name: String
    /// HGNC id (genes), DrugBank id (drugs), or nil.
    public var id: String?
    /// Extra ids: Entrez for genes, RxNorm for drugs.
    public var xref: String?
    /// For variants and phenotypes: the gene they belong to (HGNC symbol), when known.
    public var gene: String?
    /// How it was found: "lexicon:symbol", "lexicon:alias", "pattern:rsid", "abbreviation", …
    public var source: String
    /// For drugs: whether this names a drug class rather than one drug.
    public var isClass: Bool
    /// For genes: whether the gene is a known pharmacogene.
    public var pharmacogene: Bool
    /// For rsIDs that lie in or near several genes: the genes other than `gene`.
    public var altGenes: [String] = []
    /// For a phenotype of one allele's carriers ("HLA-B*58:01 carriers": `positive`): that allele's variant
    /// name; nil for a phenotype of the gene ("CYP2C19 poor metabolizers").
    public var allele: String? = nil

    public init(kind: Kind, start: Int, end: Int, name: String, id: String? = nil, xref: String? = nil,
                gene: String? = nil, source: String, isClass: Bool = false, pharmacogene: Bool = false) {
        self.kind = kind; self.start = start; self.end = end; self.name = name; self.id = id; self.xref = xref
        self.gene = gene; self.source = source; self.isClass = isClass; self.pharmacogene = pharmacogene
    }
}
