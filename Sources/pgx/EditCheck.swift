import Foundation
import PGxCuration
import PGxExtract
import PGxModel

/// The gene and drug a reviewer types into an edit (`pgx review edit --gene/--drug`, e in the queue),
/// read against the lexicons before the store takes them, so that a rule table does not carry a typo
/// ("CYP2C91"), an alias ("MDR1" for ABCB1) or a brand ("Plavix") where a decision-support service
/// looks for the HGNC symbol or the generic name:
/// - a gene symbol of `genes.tsv` is taken as it is, and in the wrong case is taken as the symbol
///   ("cyp2c19" → CYP2C19); a drug name of `drugs.tsv` is taken as it is;
/// - what the recognizer reads as another name of one gene or drug (an alias, a full name, a brand, a
///   misspelling of a generic name) is refused with that name (`PGX-E110`, `PGX-E111`);
/// - anything else is refused unless the reviewer says it is meant (`--unlisted-gene`, `--unlisted-drug`:
///   a gene named after the lexicon's snapshot, a compound the lexicon does not list);
/// - a qualifier is read as a variant (with the genes it may belong to, so the store can refuse one of
///   another gene) or a phenotype by its canonical term.
/// Without a rules folder nothing can be checked: the edit goes through with a warning (but a folder
/// named by `PGX_RULES` that is none is an error, as it is for every command).
struct EditCheck {
    let analyzer: DocumentAnalyzer?
    let lexicon: Lexicon?
    /// the lexicons' folder, for the messages
    let folder: String

    /// The lexicon of the rules folder `pgx extract` would use (`PGX_RULES`, ./rules, or beside the build).
    static func load() throws -> EditCheck {
        let named = !(ProcessInfo.processInfo.environment["PGX_RULES"] ?? "").isEmpty
        do {
            let url = try RulesLocator.find(nil)
            let lexicon = try LexiconCache.load(rules: url)
            return EditCheck(analyzer: DocumentAnalyzer(lexicon: lexicon), lexicon: lexicon, folder: url.appendingPathComponent("lexicons").path)
        } catch where !named {
            Diagnostics.warning("the gene and drug of this edit are not checked against a lexicon: \(error)")
            return EditCheck(analyzer: nil, lexicon: nil, folder: "")
        }
    }

    /// `change` with its gene and drug as a rule should carry them (`gene`, `drug`), or the `ReviewError`
    /// that says what to give instead: the one check of `pgx review edit` and the queue's edit prompt.
    func checked(_ change: TripleEdit, unlistedGene: Bool = false, unlistedDrug: Bool = false) throws -> TripleEdit {
        var c = change
        c.gene = try change.gene.map { try gene($0, unlisted: unlistedGene) }
        c.hgnc = c.gene.flatMap { lexicon?.geneInfo[$0]?.hgnc }
        c.drug = try change.drug.map { try drug($0, unlisted: unlistedDrug) }
        if let q = change.qualifier, let (name, isVariant, genes) = qualifier(q, gene: c.gene) {
            c.qualifier = name; c.qualifierIsVariant = isVariant; c.variantGenes = genes
        }
        return c
    }

    /// A qualifier as the lexicon reads it: a variant by its name ("CYP2C19*2", "G551D") with the genes it
    /// may belong to, or a phenotype by its canonical term ("PM" → "poor metabolizer"); nil when it reads
    /// as neither (the store then goes by its form). The store refuses a variant of another gene (`PGX-E112`).
    /// A named change of one gene (the gene typed with it or given with the edit, or the one gene the
    /// lexicon names it for) is its rsID, as extraction names it: "3435C>T" is ABCB1's rs1045642.
    func qualifier(_ typed: String, gene edited: String?) -> (String, Bool, [String]?)? {
        let n = typed.unicodeScalars.count
        if let p = read(typed, [.phenotype]).first { return (p.name, false, nil) }
        // the variant runs to the end of what was typed; its gene may be written before it ("CYP2C19*2")
        guard let v = read(typed, [.variant], whole: false).last(where: { $0.end == n }) else { return nil }
        let genes = v.gene.map { [$0] + v.altGenes }
        // a bare star allele ("*2A") is of the triple's gene, whatever other gene names one so
        let named = v.name.contains("*") ? nil : lexicon?.genes(ofChange: v.name)
        if let lexicon, let g = v.gene ?? edited ?? (named?.count == 1 ? named?.first : nil),
           let rsid = lexicon.rsid(ofChange: v.name, gene: g) {
            return (rsid, true, [g])
        }
        return (v.name, true, genes)
    }

    /// The mentions of `kinds` in `text` as extraction reads them; `whole`: only those that cover all of it.
    func read(_ text: String, _ kinds: Set<Mention.Kind>, whole: Bool = true) -> [Mention] {
        guard let analyzer else { return [] }
        let n = text.unicodeScalars.count
        return analyzer.analyze(id: "edit", passages: [("text", text)]).passages.flatMap(\.mentions)
            .filter { kinds.contains($0.kind) && (!whole || $0.start == 0 && $0.end == n) }
    }

    /// The symbol to store for the gene typed, or a `ReviewError` saying what to give instead.
    func gene(_ typed: String, unlisted: Bool) throws -> String {
        guard let lexicon else { return typed }
        if lexicon.geneInfo[typed] != nil { return typed }
        if lexicon.geneInfo[typed.uppercased()] != nil { return typed.uppercased() }
        if let m = read(typed, [.gene]).first(where: { !$0.isFamily }) {
            throw ReviewError(description: "PGX-E110 gene \"\(typed)\" is written for \(m.name), the symbol a rule carries; give --gene \(m.name)")
        }
        // "CYP2C19*2": the variant is written after its gene, so it covers part of what was typed
        if let v = read(typed, [.variant], whole: false).first, let g = v.gene {
            throw ReviewError(description: "PGX-E110 \"\(typed)\" is a variant of \(g): give --gene \(g) and the variant as --qualifier \(v.name)")
        }
        if unlisted { return typed }
        throw ReviewError(description: "PGX-E110 gene \"\(typed)\" is no gene symbol of \(folder)/genes.tsv (NCBI Gene); "
                          + "check the symbol, or give --unlisted-gene to keep one the lexicon does not list")
    }

    /// The name to store for the drug typed (the store keeps drug names in lower case), or a
    /// `ReviewError` saying what to give instead.
    func drug(_ typed: String, unlisted: Bool) throws -> String {
        guard let lexicon else { return typed }
        let name = typed.lowercased()
        let drugs = read(typed, [.drug])
        // (a compound code is named as written, "XYZ-123"; the store keeps every drug name in lower case)
        if drugs.contains(where: { $0.name.lowercased() == name }) { return name }
        let names = Set(drugs.map(\.name)).sorted()
        if names.count == 1 {
            throw ReviewError(description: "PGX-E111 drug \"\(typed)\" is written for \(names[0]), the name a rule carries; give --drug \"\(names[0])\"")
        }
        if names.count > 1 {
            throw ReviewError(description: "PGX-E111 drug \"\(typed)\" names \(names.joined(separator: ", ")); a rule takes one of them")
        }
        if !name.contains(" "), let fix = lexicon.typoDrug(Array(name.utf8)) {
            throw ReviewError(description: "PGX-E111 drug \"\(typed)\" is no drug of \(folder)/drugs.tsv; did you mean \(fix)? give --drug \(fix)")
        }
        if unlisted { return name }
        throw ReviewError(description: "PGX-E111 drug \"\(typed)\" is no drug of \(folder)/drugs.tsv; check the name, or give "
                          + "--unlisted-drug to keep one the lexicon does not list (a compound code, say)")
    }
}
