import PGxModel
import PGxText

/// Finds genes, variants, drugs and metabolizer phenotypes in the passages of one document and names
/// each with its canonical name and id.
///
/// - Dictionary mentions: leftmost-longest matching over two packed tries (case-sensitive keys for
///   symbols and abbreviations, folded keys for names), starting and ending on word boundaries.
/// - Variant patterns: rsIDs, star alleles and diplotypes (`*2`, `*1/*17`, `HLA-B*57:01`), HGVS
///   (`c.1905+1G>A`, `p.Arg144Cys`), protein and nucleotide changes (`V600E`, `Ile105Val`, `C3435T`,
///   `-1639G>A`).
/// - Variants attach to a gene: the gene written right before them, the rsID's gene from the lexicon,
///   or for a bare `*2` the nearest star-allele gene earlier in the sentence.
/// - Abbreviations defined in the document ("5-fluorouracil (5-FU)") are recognized in the rest of it.
/// - Complexity: O(n · key length) per passage.
public final class EntityRecognizer: @unchecked Sendable {
    public let lexicon: Lexicon

    /// The lexicon's tries (as views of their tables; `lexicon` keeps them alive) and each entry's case
    /// guard, held here so the matcher's inner loop reads them without going through the lexicon (or
    /// copying an entry, or counting a reference) for every character.
    private let caseSensitiveTrie: PackedTrie.View
    private let foldedTrie: PackedTrie.View
    /// Both tries' first-run filters in one table (`PackedTrie.pairedRunFilter`): most words are
    /// lower-case, hash alike for both tries, and are then looked up once.
    private let runFilters: UnsafeMutableBufferPointer<UInt64>
    private let caseGuard: [Bool]
    /// Entries that are a gene's alias (not its symbol): held to the stricter shape tests of `acceptFolded`.
    private let isAlias: [Bool]

    deinit { runFilters.deallocate() }

    /// The exact and the folded trie's filter bits for a run's bucket: bit 0 and bit 1.
    @inline(__always) private func runFilterPair(_ h: UInt64) -> UInt64 {
        let b = PackedTrie.runBucket(h)
        return runFilters[b >> 5] >> UInt64((b & 31) * 2) & 3
    }

    public init(lexicon: Lexicon) {
        self.lexicon = lexicon
        caseSensitiveTrie = lexicon.caseSensitive.view
        foldedTrie = lexicon.folded.view
        runFilters = PackedTrie.pairedRunFilter(exact: lexicon.caseSensitive, folded: lexicon.folded)
        caseGuard = lexicon.entries.map(\.caseGuard)
        isAlias = lexicon.entries.map { $0.how == "alias" }
    }

    /// Mentions for each passage (title, abstract, …) of one document, sorted by start.
    /// `sentences[i]` are passage i's sentence ranges (used to attach variants and phenotypes).
    public func recognize(_ passages: [[Unicode.Scalar]], sentences: [[Range<Int>]]) -> [[Mention]] {
        recognize(passages, first: firstPass(passages), sentences: sentences)
    }

    /// What the first passes found in each passage: its runs of letters and digits (found once for the
    /// passes that look at whole words), and the dictionary and variant mentions.
    public struct FirstPass: Sendable {
        var words: [[Range<Int>]]
        var mentions: [[Mention]]
    }

    public func firstPass(_ passages: [[Unicode.Scalar]]) -> FirstPass {
        var first = FirstPass(words: [], mentions: [])
        for text in passages {
            let words = Self.alnumRuns(text)
            first.words.append(words)
            let dict = addAbbreviatedNameGenes(text, dictionaryMentions(text, words))
            first.mentions.append(mergeVariants(text, dict, variantMentions(text, words)))
        }
        return first
    }

    /// Whether the document can hold a pair partner (a variant, or a gene that is not a family) once every
    /// pass has run: false when the first passes found no gene or variant and no word could become one
    /// later — a gene written with a clone's "h" ("hENT1") or a short symbol read in context ("ER", "TS").
    /// The later passes add only drugs and family phrases otherwise, and abbreviations copy a gene the
    /// document already names, so a document without a partner gives no triple whatever they find.
    /// - Complexity: O(mentions + words); most PubMed abstracts name no gene and end here.
    public func mayPair(_ passages: [[Unicode.Scalar]], _ first: FirstPass) -> Bool {
        if first.mentions.contains(where: { $0.contains { $0.kind == .gene || $0.kind == .variant } }) { return true }
        for (t, words) in zip(passages, first.words) {
            for w in words {
                let i = w.lowerBound, n = w.count
                if n == 2 || n == 3 && Self.contextFirstLetters3.contains(t[i].value), t[i].value &- 65 < 26, t[i + 1].value &- 65 < 26,
                   Self.contextSymbols[makeString(t[w])] != nil { return true }
                if n >= 4 && n <= 9 && t[i] == "h" && Self.isUpper(t[i + 1]) { return true }
            }
        }
        return false
    }

    /// The passes after the first (agents and codes, protein families, species genes, symbols in context,
    /// abbreviations) and the attachment of variants and phenotypes to their genes.
    /// `headings`: the record's MeSH descriptor names, if any (`studiesMicrobesOrPlants`).
    public func recognize(_ passages: [[Unicode.Scalar]], first: FirstPass, sentences: [[Range<Int>]],
                          headings: [String] = []) -> [[Mention]] {
        var result: [[Mention]] = []
        for (p, text) in passages.enumerated() {
            let words = first.words[p]
            var ms = first.mentions[p]
            ms = addAgentPatterns(text, words, ms)
            ms = addProteinFamilies(text, words, ms)
            ms = addSpeciesGenes(text, words, ms)
            ms = addBacterialGenes(text, words, ms)
            ms = addContextSymbols(text, words, ms)
            ms = addSymbolListGenes(text, ms)
            ms = addShortCYPNames(text, ms)
            result.append(ms)
        }
        dropNonGeneAbbreviations(passages, &result)
        applyAbbreviations(passages, &result)
        dropLoneClassAbbreviations(passages, &result)
        dropLoneDrugAbbreviations(passages, sentences: sentences, &result)
        markNonGeneUses(passages, &result)
        proteinDrugsAsGenes(passages, &result)
        dropDrugsInOtherNames(passages, &result)
        readInterferonLambda(passages, &result)
        readApoEAlleles(passages, &result)
        readLigandReceptors(passages, &result)
        readCombinationAbbreviations(passages, first.words, &result)
        readInterferonWithRibavirin(&result)
        dropStrainCodes(passages, &result)
        if result.contains(where: { $0.contains { $0.kind == .gene && !$0.isFamily } }),
           Self.studiesMicrobesOrPlants(passages, first.words, headings: headings) {
            readAsNonHuman(passages, &result)
        }
        resolveSharedSymbols(passages, &result)
        for p in 0..<passages.count {
            attach(passages[p], &result[p], sentences: p < sentences.count ? sentences[p] : [0..<passages[p].count])
        }
        attachFromDocument(&result, sentences: sentences)
        addGenotypesWrittenAlone(passages, first.words, &result)
        addAlleleStatus(passages, &result)
        return result
    }

    /// A polymorphism whose genotypes papers write alone once they have named it: the letters of its
    /// alleles, the name its genotypes take, and how a document names the polymorphism with its gene.
    struct GenotypeSystem: Sendable {
        let name: String
        let source: String
        /// Allele letters, upper case ("D", "I"); two of them make a genotype ("DD", "I/D", "s/s").
        let letters: Set<String>
        /// Whether lower-case letters are written too ("s/s", "l allele").
        let lowerCase: Bool
        /// The gene of a mention that names the polymorphism, if it does.
        let names: @Sendable (Mention, [Unicode.Scalar]) -> String?
    }

    static let genotypeSystems: [GenotypeSystem] = [
        // ACE's insertion/deletion (and any other "I/D" the document names with its gene)
        GenotypeSystem(name: "I/D", source: "pattern:indel-genotype", letters: ["D", "I"], lowerCase: false,
                       names: { m, _ in m.kind == .variant && m.source == "pattern:indel" ? m.gene : nil }),
        // the serotonin transporter's promoter length polymorphism, long and short alleles
        GenotypeSystem(name: "5-HTTLPR", source: "pattern:httlpr-genotype", letters: ["L", "S"], lowerCase: true,
                       names: { m, t in
                           m.kind == .gene && m.name == "SLC6A4" && m.end <= t.count
                               && makeString(t[m.start..<m.end]).uppercased().contains("HTTLPR") ? m.name : nil }),
    ]

    /// Genotypes and alleles of a polymorphism written alone, in a document that names the polymorphism
    /// with its gene (`genotypeSystems`): after "ACE I/D" or "insertion/deletion", "DD genotype", "II
    /// subjects", "DD versus II", "the DD, ID and II genotypes", "ID heterozygotes", "D/D", "D allele
    /// carriers", "I-allele" are variant mentions of ACE named "I/D" (source `pattern:indel-genotype`);
    /// after "5-HTTLPR", "s/s genotype", "LL homozygotes", "S allele carriers", "the short (S) allele" are
    /// SLC6A4's, named "5-HTTLPR" (`pattern:httlpr-genotype`). Such studies often name the polymorphism once
    /// and then speak of genotypes alone ("patients with the DD genotype had a smaller fall in blood
    /// pressure on enalapril"). So are those of a single-nucleotide change named by its bases where it is
    /// the document's only variant besides star alleles ("GNB3 C825T" ... "CT and TT genotypes", "the T
    /// allele"; named as the change, source `pattern:snp-genotype`), however the document writes it
    /// ("C3435T", "3435C>T", "3435TT", "C677T (rs1801133)"), and those of an rsID that is the document's
    /// only variant, by the two bases they are written with: with a second change or another rsID, a
    /// genotype could be either's. A code must be followed by a word of genotypes or alleles, or be one of a
    /// list of codes; one after a word that numbers something ("phase II patients", "class I alleles",
    /// "angiotensin II") is none; two genes named with the same polymorphism leave its codes without one.
    /// `words`: each passage's runs of letters and digits, as the first pass found them.
    func addGenotypesWrittenAlone(_ passages: [[Unicode.Scalar]], _ words: [[Range<Int>]], _ result: inout [[Mention]]) {
        for system in Self.genotypeSystems {
            var genes = Set<String>()
            for (p, ms) in result.enumerated() where p < passages.count {
                for m in ms { if let g = system.names(m, passages[p]) { genes.insert(g) } }
            }
            guard genes.count == 1, let gene = genes.first else { continue }
            add(system, gene)
        }
        // A single-nucleotide change, where it is the document's only change: its genotypes and alleles
        // by their bases ("C825T" ... "TT genotype", "CT and CC carriers", "the T allele"). The change may
        // be written more than one way ("C3435T", "3435C>T") and with its genotypes by position ("3435TT").
        var change: (first: Mention, gene: String, position: String, bases: Set<String>)? = nil
        var positions = Set<String>()          // gene and position of genotypes written with their position
        var rsids: [String: Mention] = [:]
        var single = true
        let aliases = rsidsOfChanges(passages, result)
        for m in result.joined() where m.kind == .variant && m.source != "pattern:star" && !m.source.hasSuffix("-genotype")
                                        && !aliases.contains(m.name) {
            if m.source == "pattern:rsid" { rsids[m.name] = m; continue }
            guard let gene = m.gene, let c = Self.nucleotideChange(m.name) else { single = false; break }
            guard let bases = c.bases else { positions.insert(gene + " " + c.position); continue }
            if let seen = change {
                guard seen.gene == gene, seen.position == c.position, seen.bases == bases else { single = false; break }
            } else {
                change = (m, gene, c.position, bases)
            }
        }
        if single, rsids.isEmpty, let c = change, positions.isSubset(of: [c.gene + " " + c.position]) {
            add(GenotypeSystem(name: c.first.name, source: "pattern:snp-genotype", letters: c.bases, lowerCase: false,
                               names: { _, _ in nil }), c.gene)
        } else if single, change == nil, positions.isEmpty, rsids.count == 1, let rs = rsids.values.first, let gene = rs.gene,
                  !result.joined().contains(where: { $0.source == "pattern:star" && $0.gene != gene }) {
            // An rsID, the document's only variant: its bases are those its genotypes are written with, if
            // they are two ("CC genotype", "CT and TT carriers"); a third ("AA patients", African Americans)
            // leaves them all alone, and so do another gene's star alleles, some of which are written by
            // their bases too ("CYP1A2*1F (AA) genotype").
            // (read with any base, the genotypes are the same as read with the two that are used)
            let any = GenotypeSystem(name: rs.name, source: "pattern:snp-genotype", letters: ["A", "C", "G", "T"],
                                     lowerCase: false, names: { _, _ in nil })
            let found = passages.indices.map { p in p < result.count ? genotypeMentions(passages[p], words[p], any, gene, existing: result[p]) : [] }
            var used = Set<Unicode.Scalar>()
            for (p, ms) in found.enumerated() {
                for m in ms { used.formUnion(passages[p][m.start..<m.end].filter { "ACGT".unicodeScalars.contains($0) }) }
            }
            if used.count == 2 {
                for (p, ms) in found.enumerated() { append(ms, p) }
            }
        }
        func add(_ system: GenotypeSystem, _ gene: String) {
            for (p, t) in passages.enumerated() where p < result.count {
                append(genotypeMentions(t, words[p], system, gene, existing: result[p]), p)
            }
        }
        func append(_ added: [Mention], _ p: Int) {
            guard !added.isEmpty else { return }
            result[p].append(contentsOf: added)
            result[p].sort { $0.start < $1.start }
        }
    }

    /// rsIDs written in brackets beside a change of their gene, as another name of it: "C677T (rs1801133)",
    /// "516G>T [rs3745274]", "rs1799971 (A118G)". A document that names its one change so has one change.
    func rsidsOfChanges(_ passages: [[Unicode.Scalar]], _ result: [[Mention]]) -> Set<String> {
        var out = Set<String>()
        for (p, ms) in result.enumerated() where p < passages.count {
            let t = passages[p]
            let vs = ms.filter { $0.kind == .variant }
            for (a, b) in zip(vs, vs.dropFirst()) where a.end <= b.start && b.start - a.end <= 2 && b.end < t.count {
                let (rs, change) = a.source == "pattern:rsid" ? (a, b) : (b, a)
                guard rs.source == "pattern:rsid", change.source != "pattern:rsid", let gene = change.gene, rs.gene == nil || rs.gene == gene,
                      Self.nucleotideChange(change.name)?.bases != nil else { continue }
                let open = makeString(t[a.end..<b.start]).trimmingCharacters(in: .whitespaces)
                if open == "(" && t[b.end] == ")" || open == "[" && t[b.end] == "]" { out.insert(rs.name) }
            }
        }
        return out
    }

    /// A single-nucleotide change or a genotype named with its position (`nucleotidePosition`): a change
    /// has its two bases ("C825T", "3435C>T", "c.521T>C", "G-1639A", "102T/C"), a genotype none ("3435TT",
    /// "-308G/G", "c.1446CG"); nil for any other name ("2677G>T/A", "V600E").
    static func nucleotideChange(_ name: String) -> (position: String, bases: Set<String>?)? {
        guard let position = nucleotidePosition(name) else { return nil }
        let s = Array(name.hasPrefix("c.") || name.hasPrefix("g.") ? name.dropFirst(2) : Substring(name))
        let before = s.prefix { "ACGT".contains($0) }
        let after = Array(s.reversed().prefix { !$0.isNumber }.reversed())
        if before.count == 1, after.count == 1, before[0] != after[0] { return (position, [String(before[0]), String(after[0])]) }
        guard before.isEmpty else { return nil }
        if after.count == 3, after[1] == ">" || after[1] == "/", "ACGT".contains(after[0]), "ACGT".contains(after[2]) {
            return after[0] != after[2] ? (position, [String(after[0]), String(after[2])]) : after[1] == "/" ? (position, nil) : nil
        }
        if after.count == 2, after.allSatisfy({ "ACGT".contains($0) }) { return (position, nil) }
        return nil
    }

    func genotypeMentions(_ t: [Unicode.Scalar], _ words: [Range<Int>], _ system: GenotypeSystem, _ gene: String,
                          existing: [Mention]) -> [Mention] {
        func letter(_ k: Int) -> Bool {
            guard words[k].count == 1 else { return false }
            let c = makeString(t[words[k]])
            return system.letters.contains(c) || system.lowerCase && system.letters.contains(c.uppercased())
        }
        // a genotype at word k, and the word it ends on: "DD", "D/D", "s / s"; nil for none
        func genotype(_ k: Int) -> Int? {
            guard k < words.count else { return nil }
            let w = words[k]
            if w.count == 2, system.letters.contains(makeString(t[w.lowerBound..<(w.lowerBound + 1)])),
               system.letters.contains(makeString(t[(w.lowerBound + 1)..<w.upperBound])) { return k }
            if letter(k), k + 1 < words.count, letter(k + 1),
               makeString(t[w.upperBound..<words[k + 1].lowerBound]).trimmingCharacters(in: .whitespaces) == "/" { return k + 1 }
            return nil
        }
        var out: [Mention] = []
        var k = 0
        while k < words.count {
            let pairEnd = genotype(k)
            guard pairEnd != nil || letter(k),
                  k == 0 || !Self.numberedWords.contains(makeLowerString(t[words[k - 1]])) else { k += 1; continue }
            var last = pairEnd ?? k
            var listed = false
            if pairEnd != nil {
                // a list of genotypes: "DD, ID and II", "II/ID/DD", "DD+ID", "DD vs. II", "S/S, S/L and L/L"
                while true {
                    var j = last + 1
                    if j < words.count, Self.genotypeConnectors.contains(makeLowerString(t[words[j]])) { j += 1 }
                    guard let e = genotype(j), Self.joinsGenotypes(t, words[last].upperBound, words[j].lowerBound) else { break }
                    last = e; listed = true
                }
            }
            // the word after: "genotype", "carriers", "subjects" ("DD-genotype", "I-allele", "(S) allele")
            var next: String? = nil
            if last + 1 < words.count, Self.leadsToWord(t, words[last].upperBound, words[last + 1].lowerBound) {
                next = makeLowerString(t[words[last + 1]])
            }
            let named = pairEnd == nil ? next.map(Self.alleleWords.contains) ?? false
                                       : listed || (next.map(Self.genotypeWords.contains) ?? false)
            let span = words[k].lowerBound..<words[last].upperBound
            if named, !existing.contains(where: { $0.start < span.upperBound && span.lowerBound < $0.end }) {
                out.append(Mention(kind: .variant, start: span.lowerBound, end: span.upperBound, name: system.name, gene: gene,
                                   source: system.source))
            }
            k = last + 1
        }
        return out
    }

    static let genotypeConnectors: Set<String> = ["and", "or", "vs", "versus"]
    /// Words after a genotype code that make it one ("DD genotype", "II subjects").
    static let genotypeWords: Set<String> = ["genotype", "genotypes", "homozygote", "homozygotes", "homozygous", "heterozygote",
                                             "heterozygotes", "heterozygous", "carrier", "carriers", "subjects", "patients",
                                             "individuals", "group", "groups", "allele"]
    /// Words after an allele letter that make it one ("D allele", "I-allele carriers").
    static let alleleWords: Set<String> = ["allele", "alleles", "carrier", "carriers", "homozygote", "homozygotes", "homozygous"]
    /// Words before a Roman numeral or letter that numbers something ("phase II", "class I alleles").
    static let numberedWords: Set<String> = ["phase", "type", "class", "grade", "stage", "step", "level", "part", "complex",
                                             "trial", "study", "arm", "period", "group", "cohort", "category", "degree", "nyha",
                                             "angiotensin", "factor", "hla", "mhc", "vitamin", "figure", "table", "day", "week", "year"]

    /// Between two genotype codes of a list: a comma, slash, plus, hyphen or colon, "and", "or", "vs", "versus".
    static func joinsGenotypes(_ t: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        guard a < b, b - a <= 9 else { return false }
        return listJoins.contains(makeLowerString(t[a..<b]).trimmingCharacters(in: .whitespaces))
    }
    static let listJoins: Set<String> = [",", "/", "+", "-", ":", "and", "or", "vs", "vs.", "versus", ", and", ", or"]

    /// One to three spaces, hyphens or closing brackets: "DD genotype", "I-allele", "(S) allele".
    static func leadsToWord(_ t: [Unicode.Scalar], _ a: Int, _ b: Int) -> Bool {
        b - a >= 1 && b - a <= 3 && t[a..<b].allSatisfy { $0 == " " || $0 == "-" || $0 == ")" }
    }

    /// "Interferon lambda", "IFN-λ4", "interferon-λ3": the type III interferons are the IFNL genes, whose
    /// variants (IL28B's rs12979860, IFNL4's ss469415590) predict hepatitis C treatment response, not a drug
    /// given. Where "interferon" or "IFN" alone was read as the interferon drug class and λ or "lambda"
    /// follows, with a number the mention becomes that gene (IFNL1–IFNL4) through the number; without one,
    /// a family phrase ("the interferon lambda (IFN-λ) region"), no drug and no pair partner. A product's
    /// name ("peginterferon lambda-1a") is a longer mention and left as it is.
    func readInterferonLambda(_ passages: [[Unicode.Scalar]], _ result: inout [[Mention]]) {
        for (p, t) in passages.enumerated() {
            for i in result[p].indices where result[p][i].kind == .drug && result[p][i].name == "interferons" {
                let m = result[p][i]
                let written = makeLowerString(t[m.start..<m.end])
                guard written == "interferon" || written == "ifn" else { continue }
                var e = m.end
                if e < t.count, KeyFold.isSeparator(t[e]) { e += 1 }
                if e < t.count, t[e] == "λ" { e += 1 }
                else if e + 6 <= t.count, makeLowerString(t[e..<(e + 6)]) == "lambda" { e += 6 }   // or "lambda3"
                else { continue }
                var n = e
                if n < t.count, KeyFold.isSeparator(t[n]) { n += 1 }
                if n < t.count, ("1"..."4").contains(t[n]), n + 1 == t.count || !Self.isAlnum(t[n + 1]) {
                    result[p][i] = geneMention("IFNL" + String(t[n]), m.start, n + 1, source: "pattern:interferon-lambda")
                } else if e == t.count || !Self.isAlnum(t[e]) {
                    result[p][i] = familyMention(t, m.start..<e)
                }
            }
        }
    }

    /// "IL-4 receptor α gene", "TNF receptor II", "VEGF receptor (VEGFR)": a ligand's symbol followed by
    /// "receptor" names the receptor, not the ligand's gene. Where the lexicon has the ligand's symbol with
    /// "R" (IL4R, IL6R, LEPR), or with "RA" before α or "alpha" (IL2RA), the mention becomes that gene through
    /// "receptor" (and the Greek letter; source `pattern:ligand-receptor`); a ligand of several receptors
    /// (`ligandsOfSeveralReceptors`: TNF's two, VEGF's three) makes a family phrase, no pair partner. A receptor the lexicon names ("interleukin 1
    /// receptor antagonist" is IL1RN) was matched whole and is not touched.
    func readLigandReceptors(_ passages: [[Unicode.Scalar]], _ result: inout [[Mention]]) {
        for (p, t) in passages.enumerated() {
            for i in result[p].indices where result[p][i].kind == .gene && !result[p][i].isFamily {
                let m = result[p][i]
                guard m.end < t.count, t[m.end] == " " || t[m.end] == "-", var e = Self.endOfWord(t, at: m.end + 1, "receptor") else { continue }
                // the α chain: "IL-4 receptor α", "IL-2 receptor alpha"
                var alpha = false
                if e < t.count, t[e] == " " || t[e] == "-", let a = Self.endOfWord(t, at: e + 1, "α") ?? Self.endOfWord(t, at: e + 1, "alpha") {
                    alpha = true; e = a
                }
                if alpha, lexicon.geneInfo[m.name + "RA"] != nil {
                    result[p][i] = geneMention(m.name + "RA", m.start, e, source: "pattern:ligand-receptor")
                } else if lexicon.geneInfo[m.name + "R"] != nil {
                    result[p][i] = geneMention(m.name + "R", m.start, e, source: "pattern:ligand-receptor")
                } else if Self.ligandsOfSeveralReceptors.contains(m.name) {
                    result[p][i] = familyMention(t, m.start..<e)
                }
            }
        }
    }

    /// Ligands whose receptor is more than one gene: TNF's (TNFRSF1A, TNFRSF1B), VEGF's (FLT1, KDR, FLT4),
    /// IL-1's (IL1R1, IL1R2). Any other symbol followed by "receptor" may be a receptor's own ("HTR3A
    /// receptor", "NKG2D receptor") and stays.
    static let ligandsOfSeveralReceptors: Set<String> = ["TNF", "VEGFA", "IL1A", "IL1B"]

    /// "the apo E2 allele", "apo E3 and E4 variants": apolipoprotein E's alleles written after "apo", not
    /// estradiol's abbreviation E2. "Apo" and the allele together are a mention of APOE (source
    /// `pattern:apoe-allele`), so "the apo E2 allele was associated with a better response to fenofibrate"
    /// pairs APOE with the drug. (E2 is the only such allele the drug lexicon holds.)
    func readApoEAlleles(_ passages: [[Unicode.Scalar]], _ result: inout [[Mention]]) {
        for (p, t) in passages.enumerated() {
            result[p] = result[p].map { m in
                guard m.kind == .drug, m.end - m.start == 2, t[m.start] == "E", ("2"..."4").contains(t[m.start + 1]),
                      m.end == t.count || !Self.isAlnum(t[m.end]) else { return m }
                let s = m.start
                guard s >= 4, makeLowerString(t[(s - 4)..<(s - 1)]) == "apo", t[s - 1] == " " || t[s - 1] == "-",
                      s == 4 || !Self.isAlnum(t[s - 5]) else { return m }
                return geneMention("APOE", s - 4, m.end, source: "pattern:apoe-allele")
            }
        }
    }

    /// "lumacaftor / ivacaftor (LUM/IVA)", "trimethoprim-sulfamethoxazole (TMP/SMX)": a combination's
    /// abbreviation in brackets, its parts joined by "/" or "+", each part (two to five letters) the
    /// abbreviation of one of the drugs named in the 80 characters before the bracket (`abbreviates` its
    /// name, or the name written there). Every part written as a word of the
    /// document is then that drug, where no other drug is read: "LUM" is no lumican gene. Drugs only, so a
    /// gene pair in brackets ("(CYP2C9/VKORC1)") is untouched.
    /// `words`: each passage's runs of letters and digits, as the first pass found them.
    func readCombinationAbbreviations(_ passages: [[Unicode.Scalar]], _ words: [[Range<Int>]], _ result: inout [[Mention]]) {
        var parts: [[Unicode.Scalar]: [Mention]] = [:]
        for (p, t) in passages.enumerated() {
            var o = 0
            while o < t.count, let open = t[o...].firstIndex(of: "(") {
                o = open + 1
                guard let close = t[o..<min(t.count, o + 24)].firstIndex(of: ")") else { continue }
                let tokens = t[o..<close].split(omittingEmptySubsequences: false) { $0 == "/" || $0 == "+" }
                guard tokens.count >= 2, tokens.allSatisfy({ $0.count >= 2 && $0.count <= 5 && $0.allSatisfy { $0.value &- 65 < 26 || $0.value &- 97 < 26 } }),
                      // no units ("(mg/kg)") or genotypes ("(CT/TT)")
                      !tokens.contains(where: { Self.unitWords.contains(makeLowerString($0)) || $0.allSatisfy { "ACGT".unicodeScalars.contains($0) } })
                else { continue }
                let drugs = result[p].filter { $0.kind == .drug && !$0.isClass && $0.end <= open && open - $0.end <= 80 }
                var found: [[Unicode.Scalar]: [Mention]] = [:]
                for tok in tokens.map(Array.init) {
                    // by the drug's name, or by its written name where that names one drug only: "TMP" is
                    // trimethoprim's, not sulfamethoxazole's of "trimethoprim-sulfamethoxazole"; "PEG" is
                    // both products "peginterferon" stands for
                    let taken = Set(found.values.joined().map(\.name))
                    let fits = drugs.filter { d in
                        !taken.contains(d.name) && (Self.abbreviates(tok, Array(d.name.unicodeScalars)[...])
                            || Self.abbreviates(tok, t[d.start..<d.end]) && !drugs.contains { $0.start == d.start && $0.name != d.name })
                    }
                    guard let first = fits.first else { found = [:]; break }
                    found[tok] = fits.filter { $0.start == first.start && $0.end == first.end }
                }
                if found.count == tokens.count { parts.merge(found) { a, _ in a } }
            }
        }
        guard !parts.isEmpty else { return }
        for (p, t) in passages.enumerated() {
            var added = false
            for w in words[p] {
                guard let ds = parts[Array(t[w])], !result[p].contains(where: { $0.kind == .drug && $0.start < w.upperBound && w.lowerBound < $0.end })
                else { continue }
                result[p].removeAll { $0.start < w.upperBound && w.lowerBound < $0.end }
                for d in ds {
                    var m = d
                    m.start = w.lowerBound; m.end = w.upperBound; m.source = "abbreviation"
                    result[p].append(m)
                }
                added = true
            }
            if added { result[p].sort(by: Self.inTextOrder) }
        }
    }

    /// Units written in brackets with a slash, never a combination's parts.
    static let unitWords: Set<String> = ["mg", "kg", "ml", "dl", "ng", "mmol", "umol", "nmol", "day", "days", "week", "wk", "min", "yes", "no"]

    /// Whether `short` abbreviates `name`: its first letter starts the name and the rest follow in order
    /// ("LUM" lumacaftor, "SMX" sulfamethoxazole), case aside.
    static func abbreviates(_ short: [Unicode.Scalar], _ name: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let f = short.first, let n = name.first, lower(f) == lower(n) else { return false }
        var i = name.startIndex + 1
        for c in short.dropFirst() {
            while i < name.endIndex && lower(name[i]) != lower(c) { i += 1 }
            guard i < name.endIndex else { return false }
            i += 1
        }
        return true
    }

    /// "Interferon" in a document that names ribavirin and no interferon product is the hepatitis C therapy
    /// of the peginterferon era, peginterferon alfa-2a or alfa-2b (as "pegylated interferon" is read): each
    /// of its class mentions becomes one mention of each, on the same span. In PharmGKB dev all five such
    /// abstracts are curated with peginterferon alfa-2a (three also with alfa-2b), none with interferons.
    func readInterferonWithRibavirin(_ result: inout [[Mention]]) {
        let drugs = result.joined().lazy.filter { $0.kind == .drug }
        guard drugs.contains(where: { $0.name == "ribavirin" }), drugs.contains(where: { $0.name == "interferons" }),
              !drugs.contains(where: { $0.name.contains("interferon") && $0.name != "interferons" }) else { return }
        for p in result.indices where result[p].contains(where: { $0.kind == .drug && $0.name == "interferons" }) {
            result[p] = result[p].flatMap { m -> [Mention] in
                guard m.kind == .drug, m.name == "interferons" else { return [m] }
                return ["peginterferon alfa-2a", "peginterferon alfa-2b"].map { genericDrug($0, m.start, m.end, source: "lexicon:regimen") }
            }
        }
    }

    /// A gene's official symbol that NCBI also lists as another gene's alias is that other gene where the
    /// document writes the two as one ("RFC1/SLC19A1", "SLC19A1 (RFC1)", "reduced folate carrier 1 G80A (RFC1
    /// G80A)"): there and everywhere else in the document RFC1 is the reduced folate carrier, not
    /// replication factor C1. Only written so, and not as two members of one family ("KRAS/NRAS"): an abstract
    /// may name both genes of a pair that shares a symbol for what each is ("VDR" and CYP27B1, "UGT1A1" and
    /// UGT1A7, "KRAS" and NRAS, which NCBI lists as aliases of the other).
    func resolveSharedSymbols(_ passages: [[Unicode.Scalar]], _ result: inout [[Mention]]) {
        var renamed: [String: String] = [:]   // symbol → the gene the document makes it
        for (p, t) in passages.enumerated() {
            let genes = result[p].filter { $0.kind == .gene && !$0.isFamily }
            guard genes.count >= 2 else { continue }
            // (a mention found as a symbol is named by it)
            for (gi, m) in genes.enumerated() where m.source == "lexicon:symbol" {
                let written = m.name
                guard renamed[written] == nil, let others = lexicon.sharedSymbols[written] else { continue }
                // only a slash or an opening bracket (and a variant written after each) between the two
                func joined(_ a: Mention, _ b: Mention) -> Bool {
                    guard a.end <= b.start, b.start - a.end <= 24 else { return false }
                    var between = t[a.end..<b.start].filter { !Self.isSpace($0) }
                    if let v = result[p].first(where: { $0.kind == .variant && $0.start >= a.end && $0.end <= b.start }) {
                        between = t[a.end..<v.start].filter { !Self.isSpace($0) } + t[v.end..<b.start].filter { !Self.isSpace($0) }
                    }
                    guard between == ["/"] || between == ["("] else { return false }
                    // members of one family written together share a stem ("KRAS/NRAS", "UGT1A1/UGT1A7"): a list,
                    // not a gene and its other symbol
                    let x = Array(a.name.utf8), y = Array(b.name.utf8)
                    let prefix = zip(x, y).prefix { $0 == $1 }.count, suffix = zip(x.reversed(), y.reversed()).prefix { $0 == $1 }.count
                    return prefix < 3 && suffix < 3
                }
                if gi > 0, others.contains(genes[gi - 1].name), joined(genes[gi - 1], m) { renamed[written] = genes[gi - 1].name }
                else if gi + 1 < genes.count, others.contains(genes[gi + 1].name), joined(m, genes[gi + 1]) { renamed[written] = genes[gi + 1].name }
            }
        }
        guard !renamed.isEmpty else { return }
        for p in result.indices {
            for i in result[p].indices where result[p][i].kind == .gene && result[p][i].source == "lexicon:symbol" {
                guard let g = renamed[result[p][i].name] else { continue }
                assignGene(&result[p][i], g, source: "lexicon:alias")
            }
        }
    }

    /// A gene mention of `symbol` on `start..<end` with the lexicon's HGNC and Entrez ids and pharmacogene
    /// flag (none of them for a symbol the lexicon lacks).
    func geneMention(_ symbol: String, _ start: Int, _ end: Int, source: String) -> Mention {
        var m = Mention(kind: .gene, start: start, end: end, name: symbol, source: source)
        assignGene(&m, symbol, source: source)
        return m
    }

    /// Makes `m` a mention of gene `symbol` as `geneMention` does, keeping its span and other fields.
    func assignGene(_ m: inout Mention, _ symbol: String, source: String) {
        let info = lexicon.geneInfo[symbol]
        m.kind = .gene; m.name = symbol; m.source = source
        m.id = info?.hgnc; m.xref = info?.entrez; m.pharmacogene = info?.pgx ?? false
    }

    // MARK: - Dictionary matching

    // The character classes are the tokenizer's (one definition, ASCII answered without a property lookup).
    @inline(__always) static func isAlnum(_ s: Unicode.Scalar) -> Bool { Tokenizer.isAlnum(s) }
    @inline(__always) static func isSpace(_ s: Unicode.Scalar) -> Bool { Tokenizer.isSpace(s) }

    /// `words`: the passage's letter/digit runs (`alnumRuns`). A key starts at the start of a run or at a
    /// character outside every run that is not a space.
    func dictionaryMentions(_ t: [Unicode.Scalar], _ words: [Range<Int>]) -> [Mention] {
        var out: [Mention] = []
        var i = 0
        let n = t.count
        var buf: [UInt32] = []
        buf.reserveCapacity(16)
        var r = 0
        while i < n {
            while r < words.count && words[r].upperBound <= i { r += 1 }
            if r < words.count && words[r].lowerBound < i { i = words[r].upperBound; continue }  // inside a word
            let s = t[i]
            if r >= words.count || words[r].lowerBound != i, Self.isSpace(s) { i += 1; continue }
            // A run of ASCII letters and digits that starts no key of a trie needs no walk of it
            // (most words of a text: "patients", "were").
            var walkExact = true, walkFolded = true
            if PackedTrie.isASCIIAlnum(s.value) {
                var j = i, hExact = PackedTrie.runHashStart, hFolded = PackedTrie.runHashStart
                while j < n, PackedTrie.isASCIIAlnum(t[j].value) {
                    let v = t[j].value
                    hExact = PackedTrie.runHash(hExact, v)
                    hFolded = PackedTrie.runHash(hFolded, v &- 65 < 26 ? v + 32 : v)
                    j += 1
                }
                // a run that goes on in other letters ("IL1β" is "il1beta" to the tries) is walked
                if j == n || t[j].value < 0x80 {
                    let e = runFilterPair(hExact), f = hFolded == hExact ? e : runFilterPair(hFolded)
                    walkExact = e & 1 != 0
                    walkFolded = f & 2 != 0
                }
            }
            var best: (end: Int, entry: Int32) = (-1, -1)
            if walkExact, let m = longest(t, from: i, folded: false, buf: &buf) { best = m }
            // An exact-case key beats a case-folded key of the same length ("cAMP" the nucleotide, not
            // the gene CAMP); a longer folded key wins.
            if walkFolded, let m = longest(t, from: i, folded: true, buf: &buf), m.end > best.end {
                best = m
            }
            if best.end > i {
                let e = lexicon.entries[Int(best.entry)]
                var end = best.end
                if e.kind == .drug { end = extendSalt(t, end) }
                if e.how == "regimen" {
                    // a regimen or an unspecified product: one mention per component drug, same span
                    for part in e.name.split(separator: "|") { out.append(genericDrug(String(part), i, end, source: e.source)) }
                    i = end
                    continue
                }
                if accept(t, i, end, e) {
                    out.append(Mention(kind: e.kind, start: i, end: end, name: e.name, id: e.id, xref: e.xref,
                                       source: e.source, isClass: e.how == "class", pharmacogene: e.pharmacogene))
                    i = end
                    continue
                }
            }
            i += 1
        }
        return out
    }

    /// Longest key of one trie that starts at `i` and ends on a word boundary.
    @inline(__always)
    func longest(_ t: [Unicode.Scalar], from i: Int, folded: Bool, buf: inout [UInt32]) -> (end: Int, entry: Int32)? {
        let trie = folded ? foldedTrie : caseSensitiveTrie
        var node = PackedTrie.root
        var j = i
        var best: (Int, Int32)? = nil
        outer: while j < t.count {
            let s = t[j]
            let v0 = s.value
            // ASCII letters and digits first: most characters, and never separators
            if v0 &- 97 < 26 || v0 &- 48 < 10 || v0 &- 65 < 26 {
                node = trie.child(node, folded && v0 &- 65 < 26 ? v0 + 32 : v0)
                if node < 0 { break outer }
            } else if KeyFold.isSeparator(s) {
                if j == i { break }
                let (r, emit) = KeyFold.separatorRun(t, j, start: i)
                if let c = emit {
                    node = trie.child(node, c)
                    if node < 0 { break outer }
                }
                j = r
                continue
            } else if v0 < 0x80 {
                node = trie.child(node, folded && v0 >= 65 && v0 <= 90 ? v0 + 32 : v0)
                if node < 0 { break outer }
            } else {
                buf.removeAll(keepingCapacity: true)
                KeyFold.fold(s, caseFold: folded, into: &buf)
                for c in buf {
                    node = trie.child(node, c)
                    if node < 0 { break outer }
                }
            }
            j += 1
            let v = trie.value(node)
            if v >= 0 && (j == t.count || !Self.isAlnum(t[j]) || !Self.isAlnum(t[j - 1])) {
                if folded && caseGuard[Int(v)] && !acceptFolded(t, i, j, alias: isAlias[Int(v)]) { continue }
                best = (j, v)
            }
        }
        return best
    }

    /// A gene symbol or alias matched regardless of case must not be a plain lower-case word
    /// ("cat", "met"): the text needs a capital, a digit or a hyphen ("Nrf2", "c-fos", "Src").
    @inline(__always)
    func acceptFolded(_ t: [Unicode.Scalar], _ i: Int, _ j: Int, alias: Bool = false) -> Bool {
        var upper = 0, special = false, letters = 0, lowerBeforeSpace = false, spaced = false
        for k in i..<j {
            if Self.isUpper(t[k]) { upper += 1; letters += 1 } else if Self.isDigitOrHyphen(t[k]) { special = true }
            // "and 1" is not AND-1: a lower-case word and a space are prose, not a spaced-out symbol;
            // nor is "At 1-month" AT-1: a capitalized word and then only a number
            else if Self.isSpace(t[k]) {
                if !Self.isUpper(t[i]) && !Self.isDigit(t[i]) { return false }
                if lowerBeforeSpace && !spaced && t[(k + 1)..<j].allSatisfy({ Self.isDigitOrHyphen($0) || Self.isSpace($0) }) { return false }
                spaced = true
            }
            else { letters += 1; lowerBeforeSpace = true }
        }
        // "interferon a-2", "b-1": a lone lower-case letter, a hyphen and a number stand for a Greek
        // letter (but "p53" is TP53)
        if upper == 0 && letters <= 1 && j - i >= 3 && t[i + 1] == "-" { return false }
        // "-141C Ins/Del": an insertion, not the insulin gene
        if j + 4 <= t.count, t[j] == "/", makeLowerString(t[(j + 1)..<(j + 4)]) == "del" { return false }
        // "eGFR": the estimated glomerular filtration rate, not the EGF receptor
        if j - i == 4, t[i] == "e", t[i + 1] == "G", t[i + 2] == "F", t[i + 3] == "R" { return false }
        // "Ca2+", "Zn2+": an ion's charge, not carbonic anhydrase 2
        if j - i <= 3, j < t.count, t[j] == "+", Self.isDigit(t[j - 1]) { return false }
        // "95% CIs", "grade 3 AEs": the plural of an abbreviation in capitals is no gene symbol
        if j - i >= 3 && t[j - 1] == "s" && t[i..<(j - 1)].allSatisfy({ Self.isUpper($0) }) { return false }
        // "PsA" (psoriatic arthritis), "HbA", "IgA": three letters, capital, small, capital, are an
        // abbreviation of their own, not a three-capital alias written otherwise (a symbol so written
        // stays: "AhR" is AHR; so do longer ones: "ChAT", "ApoB", "RyR1")
        if alias && j - i == 3 && Self.isUpper(t[i]) && Self.isLowerASCII(t[i + 1]) && Self.isUpper(t[i + 2]) { return false }
        if special || upper > 1 { return true }
        guard upper == 1, Self.isUpper(t[i]) else { return upper == 1 }
        // A capitalized plain word ("Src", "Akt") counts mid-sentence, not at a sentence start ("Aim").
        var p = i - 1
        while p >= 0 && Self.isSpace(t[p]) { p -= 1 }
        return p >= 0 && t[p] != "." && t[p] != "!" && t[p] != "?" && t[p] != ":"
    }

    @inline(__always) static func isUpper(_ s: Unicode.Scalar) -> Bool { Tokenizer.isUpper(s) }
    @inline(__always) static func isLowerASCII(_ s: Unicode.Scalar) -> Bool { s.value &- 97 < 26 }
    @inline(__always) static func isDigitOrHyphen(_ s: Unicode.Scalar) -> Bool { (s.value >= 48 && s.value <= 57) || s == "-" }

    /// The order mentions are kept in: by start, the longer first.
    static func inTextOrder(_ a: Mention, _ b: Mention) -> Bool { a.start < b.start || (a.start == b.start && a.end > b.end) }

    /// The runs of letters and digits of a text, in order.
    static func alnumRuns(_ t: [Unicode.Scalar]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        out.reserveCapacity(t.count / 6)
        let n = t.count
        var i = 0
        while i < n {
            guard isAlnum(t[i]) else { i += 1; continue }
            var k = i + 1
            while k < n && isAlnum(t[k]) { k += 1 }
            out.append(i..<k)
            i = k
        }
        return out
    }

    /// `ms` with the mentions a pattern `found`, in text order.
    static func adding(_ found: [Mention], to ms: [Mention]) -> [Mention] {
        guard !found.isEmpty else { return ms }
        return (ms + found).sorted(by: inTextOrder)
    }

    /// A mention of a generic drug name with its DrugBank and RxNorm ids (regimen components, misspellings).
    func genericDrug(_ name: String, _ start: Int, _ end: Int, source: String) -> Mention {
        let ids = lexicon.drugIDs[name]
        return Mention(kind: .drug, start: start, end: end, name: name, id: ids?.id ?? nil, xref: ids?.xref ?? nil, source: source)
    }

    /// A protein family or class named in words ("opioid receptors", "the interferon lambda region"): a gene
    /// mention with no symbol (`Mention.familySource`), no pair partner.
    func familyMention(_ t: [Unicode.Scalar], _ r: Range<Int>) -> Mention {
        Mention(kind: .gene, start: r.lowerBound, end: r.upperBound, name: phraseName(t, r), source: Mention.familySource)
    }

    /// Where `word` (lower case), written at `i` in any case and ending a word, ends; nil if it is not there.
    static func endOfWord(_ t: [Unicode.Scalar], at i: Int, _ word: String) -> Int? {
        let n = word.unicodeScalars.count
        guard i >= 0, i + n <= t.count, makeLowerString(t[i..<(i + n)]) == word, i + n == t.count || !isAlnum(t[i + n]) else { return nil }
        return i + n
    }

    /// A phrase found by a pattern, named by its lower-cased text with each run of spaces as one space.
    func phraseName(_ t: [Unicode.Scalar], _ r: Range<Int>) -> String {
        makeString(t[r]).split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ").lowercased()
    }

    /// "clopidogrel bisulfate": a salt word after a drug belongs to the drug mention.
    func extendSalt(_ t: [Unicode.Scalar], _ end: Int) -> Int {
        var j = end
        guard j < t.count, t[j] == " " else { return end }
        j += 1
        var k = j
        while k < t.count && Self.isAlnum(t[k]) { k += 1 }
        guard k > j else { return end }
        let word = makeLowerString(t[j..<k])
        return lexicon.salts.contains(word) ? k : end
    }

    /// Rejects matches that are almost always something else in context.
    func accept(_ t: [Unicode.Scalar], _ start: Int, _ end: Int, _ e: LexEntry) -> Bool {
        if e.kind == .gene && end - start <= 4 && Self.inCellLineName(t, start..<end) { return false }
        if e.kind == .gene && e.how != "name" {
            // A short all-caps symbol right after a number is a unit or label ("5 mg", "2 PM", "3 IU"),
            // unless a star allele is glued to it ("carrying 2 POR*28 alleles").
            // A symbol inside a hyphenated chemical or unit word is not a gene ("anti-HBs" stays).
            if end - start <= 3 && start >= 2 && t[start - 1] == " " && t[start - 2].properties.numericType != nil
                && e.how != "family" && !(end + 1 < t.count && t[end] == "*" && Self.isDigit(t[end + 1])) {
                return false
            }
            // "95% CI 20.1-170.8" is no CI-20 (NDUFS7): a symbol written with a space before its number,
            // when the number goes on as a decimal or the symbol follows a percentage, is a statistic
            if Self.isDigit(t[end - 1]), t[start..<end].contains(where: { Self.isSpace($0) }) {
                if end + 1 < t.count, t[end] == "." || t[end] == ",", Self.isDigit(t[end + 1]) { return false }
                var p = start - 1
                while p >= 0 && Self.isSpace(t[p]) { p -= 1 }
                if p >= 0 && t[p] == "%" { return false }
            }
        }
        if e.kind == .drug && end - start == 4 && makeLowerString(t[start..<end]) == "lead" {
            // the verb, not the metal: "may lead to decreased clearance" (the only drug word of the lexicons that
            // PubMed writes before "to" more often than not); "lead toxicity", "exposed to lead" stay
            var j = end
            while j < t.count && Self.isSpace(t[j]) { j += 1 }
            if j + 2 <= t.count, makeLowerString(t[j..<(j + 2)]) == "to", j + 2 == t.count || !Self.isAlnum(t[j + 2]) { return false }
            // nor the noun of cardiology and drug discovery ("12-lead electrocardiogram", "lead II", "LV lead
            // placement", "lead optimization", "the lead SNP", "a lead-in phase"): the metal is written with
            // words of exposure or other metals
            if j == end, j + 3 <= t.count, t[j] == "-", makeLowerString(t[(j + 1)..<(j + 3)]) == "in" { return false }
            if start >= 2, t[start - 1] == "-", Self.isDigit(t[start - 2]) { return false }   // "12-lead"
            var k = j
            while k < t.count && Self.isAlnum(t[k]) { k += 1 }
            if Self.leadNounWords.contains(makeLowerString(t[j..<k])) { return false }
            let context = makeLowerString(t[max(0, start - 50)..<min(t.count, end + 50)])
            return Self.leadMetalWords.contains { context.contains($0) }
        }
        if e.kind == .phenotype && end - start <= 3 {
            // PM/IM/EM/UM only where the text says metabolizer nearby; otherwise they are times of day etc.
            let lo = max(0, start - 200), hi = min(t.count, end + 200)
            let ctx = makeLowerString(t[lo..<hi])
            return ctx.contains("metaboli")
        }
        return true
    }

    /// Words near "lead" that make it the metal: exposure, body fluids, toxicity, its salts, other metals.
    static let leadMetalWords = ["pb", "blood", "serum", "urine", "urinary", "expos", "poison", "toxic", "intoxicat", "level", "concentration",
                                 "metal", "cadmium", "mercury", "arsenic", "acetate", "nitrate", "paint", "smelt", "soil", "dust",
                                 "water", "contamina", "environment"]

    /// Words after "lead" that make it a noun of genetics, cardiology or drug discovery ("the lead SNP", "lead II").
    static let leadNounWords: Set<String> = ["snp", "snps", "variant", "variants", "optimization", "compound", "compounds",
                                             "candidate", "candidates", "author", "authors", "time", "ii", "iii"]

    // MARK: - Genes written as a name, its abbreviation in brackets, and the rest of the symbol

    /// Words of a protein's name that `namesProtein` does not know ("interferon (IFN)-gamma", "Cytochrome
    /// P450 (CYP) 2C19"); its words and "-ase" endings cover the rest ("growth factor", "transferase").
    static let proteinNameStems = ["interferon", "cytochrome"]

    /// "Cytochrome P450 (CYP) 2C19", "human leukocyte antigen (HLA)-B*5801", "interleukin (IL)-28B",
    /// "interferon (IFN)-gamma": the abbreviation in brackets and what follows it make the symbol
    /// ("CYP2C19", "HLA-B", "IL-28B" = IFNL3, "IFN-gamma" = IFNG). One gene mention from the start of the
    /// name (when the words before the bracket spell the abbreviation) to the end of the symbol replaces
    /// what the dictionary found inside (the family "cytochrome P450", the class "interferons"), and a
    /// star allele right after it attaches to it as to "HLA-B*5801".
    func addAbbreviatedNameGenes(_ t: [Unicode.Scalar], _ ms: [Mention]) -> [Mention] {
        var found: [Mention] = []
        var buf: [UInt32] = []
        var i = 0
        while i < t.count {
            defer { i += 1 }
            guard t[i] == "(" else { continue }
            // "(" 2–5 capitals ")"
            var j = i + 1
            while j < t.count && j - i <= 6 && Self.isUpper(t[j]) && t[j].value < 0x80 { j += 1 }
            let abbr = (i + 1)..<j
            guard abbr.count >= 2 && abbr.count <= 5, j < t.count, t[j] == ")" else { continue }
            // then the rest of the symbol: a hyphen or one space, and a run of letters and digits
            var k = j + 1
            let spaced = k < t.count && t[k] == " "
            if spaced || k < t.count && t[k] == "-" { k += 1 }
            let restStart = k
            while k < t.count && Self.isAlnum(t[k]) { k += 1 }
            guard k > restStart, k - restStart <= 8 else { continue }
            // a lone space must lead to a digit ("(CYP) 2C19"), not to the next word ("(CYP) enzymes")
            if spaced && !Self.isDigit(t[restStart]) { continue }
            let short = Array(t[abbr]), rest = Array(t[restStart..<k])
            // the first written form the lexicon knows as a whole; a family ("CYP3A") is kept as one and
            // never read on as a member under another spelling
            var hit: LexEntry? = nil
            search: for sep in [[], ["-"], [" "]] as [[Unicode.Scalar]] {
                let cand = short + sep + rest
                for folded in [false, true] {
                    guard let m = longest(cand, from: 0, folded: folded, buf: &buf), m.end == cand.count else { continue }
                    let e = lexicon.entries[Int(m.entry)]
                    if e.kind == .gene { hit = e; break search }
                }
            }
            guard let e = hit, e.how != "family" || Mention.isSubfamily(e.name) else { continue }
            // the brackets must hold a gene abbreviation ("(CYP)", "(HLA)") or follow a protein's name
            // ("interleukin (IL)-28B"), not a study's ("Nicotine Addiction Treatment (PNAT)-2")
            let genetic = ms.filter { $0.kind == .gene }
            let long = Self.longForm(short, t, before: i - (i > 0 && Self.isSpace(t[i - 1]) ? 1 : 0))
            if let l = long {
                let name = t[l..<i], lower = makeLowerString(t[l..<i])
                guard Self.namesProtein(name) || genetic.contains(where: { $0.start < i && l < $0.end })
                        || Self.proteinNameStems.contains(where: { lower.contains($0) }) else { continue }
            } else {
                guard genetic.contains(where: { $0.start < abbr.upperBound && abbr.lowerBound < $0.end }) else { continue }
            }
            found.append(Mention(kind: .gene, start: long ?? i, end: k, name: e.name, id: e.id, xref: e.xref,
                                 source: e.how == "family" ? e.source : "pattern:abbreviated-name", pharmacogene: e.pharmacogene))
            i = k - 1
        }
        guard !found.isEmpty else { return ms }
        var out = ms.filter { m in !found.contains { $0.start < m.end && m.start < $0.end } }
        out.append(contentsOf: found)
        out.sort(by: Self.inTextOrder)
        return out
    }

    // MARK: - Variant patterns

    /// Variants where a pattern starts: at the start of a run of letters and digits (`words`), at a "-"
    /// that follows no letter or digit ("-1639G>A"), at a star anywhere. A run that starts with a small
    /// or non-ASCII letter starts no pattern unless it is "rs…" or an HGVS prefix ("c.", "p.", …), so most
    /// words of a text are passed over whole.
    func variantMentions(_ t: [Unicode.Scalar], _ words: [Range<Int>]) -> [Mention] {
        var out: [Mention] = []
        let n = t.count
        var i = 0, r = 0
        while i < n {
            while r < words.count && words[r].upperBound <= i { r += 1 }
            var m: Mention? = nil
            if r < words.count && words[r].lowerBound <= i {
                // inside a run, past its start: no pattern starts here (and no star is inside a run)
                guard words[r].lowerBound == i else { i = words[r].upperBound; continue }
                let v = t[i].value
                if v >= 0x80 || v &- 97 < 26 {
                    let next = i + 1 < n ? t[i + 1] : " "
                    let rs = v == 114 && (next == "s" || next == "S")
                    let hgvsPrefix = next == "." && (v == 99 || v == 103 || v == 112 || v == 109 || v == 110 || v == 114)
                    // "insertion/deletion"
                    let indel = v == 105 && next == "n" && words[r].count == 9
                    guard rs || hgvsPrefix || indel else { i = words[r].upperBound; continue }
                }
                m = rsid(t, i) ?? hgvs(t, i) ?? intronSplice(t, i) ?? proteinChange(t, i) ?? nucleotideChange(t, i)
                    ?? restrictionSite(t, words[r]) ?? insertionDeletion(t, words[r])
            } else {
                let v = t[i].value
                if v == 42 || v == 0x2217 || v == 40 {
                    m = star(t, i)
                } else if v == 45 && (i == 0 || !Self.isAlnum(t[i - 1])) {
                    m = rsid(t, i) ?? hgvs(t, i) ?? intronSplice(t, i) ?? proteinChange(t, i) ?? nucleotideChange(t, i)
                }
            }
            if let m {
                out.append(m)
                i = m.end
                continue
            }
            i += 1
        }
        return out
    }

    /// Restriction enzymes whose sites name polymorphisms ("VDR FokI", "DRD2 TaqIA", "CETP TaqIB",
    /// "DRD1 DdeI"): the enzyme, with "1" for "I" as often written, and TaqI's A, B and D sites.
    static let restrictionEnzymes: Set<String> = ["TaqI", "BsmI", "FokI", "ApaI", "MspI", "PvuII", "XbaI", "HindIII", "EcoRI", "EcoRV",
        "BamHI", "RsaI", "DraI", "MboI", "BglII", "PstI", "SacI", "HaeIII", "AvaII", "BclI", "NcoI", "HhaI", "AluI", "StuI", "SmaI",
        "NlaIII", "BstUI", "HinfI", "DdeI", "MnlI", "BsrI", "AciI", "BslI", "MwoI", "Hpy188I", "BstNI", "ScrFI", "MaeIII", "Sau3AI"]

    func restrictionSite(_ t: [Unicode.Scalar], _ w: Range<Int>) -> Mention? {
        // a capital, two small letters, then a capital or a digit ("Taq", "I"): most capitalized words of a
        // text fail here, before a string is made
        let a = w.lowerBound
        guard w.count >= 4 && w.count <= 8, t[a].value &- 65 < 26, t[a + 1].value &- 97 < 26, t[a + 2].value &- 97 < 26,
              t[a + 3].value &- 65 < 26 || t[a + 3].value &- 48 < 10 else { return nil }
        var word = makeString(t[w])
        var end = w.upperBound
        // "TaqIA", "Taq1A", "TaqI A"
        if word.hasPrefix("Taq") {
            if word.hasSuffix("A") || word.hasSuffix("B") || word.hasSuffix("D") { word.removeLast() }
            else if end + 2 <= t.count, t[end] == " ", "ABD".unicodeScalars.contains(t[end + 1]), end + 2 == t.count || !Self.isAlnum(t[end + 2]) {
                end += 2
            }
        }
        if word.hasSuffix("1") { word = String(word.dropLast()) + "I" }
        guard Self.restrictionEnzymes.contains(word) else { return nil }
        return Mention(kind: .variant, start: w.lowerBound, end: end, name: makeString(t[w.lowerBound..<end].filter { $0 != " " }),
                       source: "pattern:restriction-site")
    }

    /// An insertion/deletion polymorphism named as such, the way the ACE one is known: "I/D" and
    /// "insertion/deletion" (or "insertion-deletion"), named "I/D" (source `pattern:indel`); its gene is
    /// found as any variant's ("ACE I/D", "angiotensin converting enzyme (ACE) insertion/deletion (I/D)").
    func insertionDeletion(_ t: [Unicode.Scalar], _ w: Range<Int>) -> Mention? {
        let a = w.lowerBound, e = w.upperBound
        guard e < t.count, t[e] == "/" || (t[e] == "-" && w.count == 9) else { return nil }
        if w.count == 1, t[a] == "I", t[e] == "/", e + 1 < t.count, t[e + 1] == "D", e + 2 == t.count || !Self.isAlnum(t[e + 2]) {
            return Mention(kind: .variant, start: a, end: e + 2, name: "I/D", source: "pattern:indel")
        }
        guard w.count == 9, makeLowerString(t[w]) == "insertion", e + 9 <= t.count, makeLowerString(t[(e + 1)..<(e + 9)]) == "deletion",
              e + 9 == t.count || !Self.isAlnum(t[e + 9]) else { return nil }
        return Mention(kind: .variant, start: a, end: e + 9, name: "I/D", source: "pattern:indel")
    }

    static func digitsEnd(_ t: [Unicode.Scalar], _ i: Int) -> Int {
        var j = i
        while j < t.count, let v = t[j].properties.numericType, v == .decimal { j += 1 }
        return j
    }

    @inline(__always) static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 48 && s.value <= 57 }

    func rsid(_ t: [Unicode.Scalar], _ i: Int) -> Mention? {
        guard i + 3 < t.count, t[i] == "r" || t[i] == "R", t[i + 1] == "s" || t[i + 1] == "S" else { return nil }
        var j = i + 2
        if t[j] == " " { j += 1 }
        let e = Self.digitsEnd(t, j)
        guard e - j >= 3 else { return nil }
        var end = e
        // "rs628031A allele", "rs4149056C": the allele written onto the rsID belongs to the mention
        if end < t.count && Self.bases.contains(t[end]) && (end + 1 == t.count || !Self.isAlnum(t[end + 1])) { end += 1 }
        guard end == t.count || !Self.isAlnum(t[end]) else { return nil }
        let name = "rs" + makeString(t[j..<e])
        return Mention(kind: .variant, start: i, end: end, name: name, source: "pattern:rsid")
    }

    /// Where a star mark that starts at `j` ends: "*", "∗", and the "(*)" of MEDLINE records that had a
    /// superscript ("CYP3A5(*)3/(*)3"; tokenized "CYP2C9 ( * ) 3"); nil for no star mark.
    static func starMarkEnd(_ t: [Unicode.Scalar], _ j: Int) -> Int? {
        guard j < t.count else { return nil }
        if t[j] == "*" || t[j] == "\u{2217}" { return j + 1 }
        guard t[j] == "(" else { return nil }
        var k = j + 1
        if k < t.count && t[k] == " " { k += 1 }
        guard k < t.count, t[k] == "*" else { return nil }
        k += 1
        if k < t.count && t[k] == " " { k += 1 }
        return k < t.count && t[k] == ")" ? k + 1 : nil
    }

    /// Whether the star at `i` marks an OMIM entry ("[MIM: *604426]", "OMIM *608657"), not an allele.
    static func afterMIM(_ t: [Unicode.Scalar], _ i: Int) -> Bool {
        var k = i
        while k > 0 && (t[k - 1] == " " || t[k - 1] == ":" || t[k - 1] == "#") && i - k < 3 { k -= 1 }
        return k >= 3 && t[k - 3] == "M" && t[k - 2] == "I" && t[k - 1] == "M"
    }

    /// `*2`, `* 2`, `*2A`, `*1/*17`, `*57:01`, `*1xN`, `(*)3`; the name is normalized without spaces.
    func star(_ t: [Unicode.Scalar], _ i: Int) -> Mention? {
        guard Self.starMarkEnd(t, i) != nil, !Self.afterMIM(t, i) else { return nil }
        // a 3' UTR position of HGVS ("c.*347_*348insA", read whole by `hgvs`), not an allele
        if i > 0 && (t[i - 1] == "." || t[i - 1] == "_") { return nil }
        var name = ""
        var j = i
        var end = -1
        while let markEnd = Self.starMarkEnd(t, j) {
            var k = markEnd
            if k < t.count && t[k] == " " { k += 1 }
            guard k < t.count, Self.isDigit(t[k]) else { break }
            var e = k
            while e < t.count && Self.isAlnum(t[e]) { e += 1 }
            while e + 1 < t.count && t[e] == ":" && Self.isDigit(t[e + 1]) {
                e += 1
                while e < t.count && Self.isDigit(t[e]) { e += 1 }
            }
            let allele = makeString(t[k..<e])
            if e < t.count && (t[e] == "_" || t[e] == ">") || allele.contains("ins") || allele.contains("del") || allele.contains("dup") {
                // a 3' UTR change written without its "c." ("*347_*348insA"): a change, named as written
                guard name.isEmpty else { return nil }
                var u = k
                while u < t.count && (Self.isAlnum(t[u]) || t[u] == "_" || t[u] == ">" || t[u] == "*" || t[u] == "+" || t[u] == "-") { u += 1 }
                while u > k && !Self.isAlnum(t[u - 1]) { u -= 1 }
                return Mention(kind: .variant, start: i, end: u, name: makeString(t[i..<u]), source: "pattern:hgvs")
            }
            name += (name.isEmpty ? "" : "/") + "*" + allele
            end = e
            // diplotype continuation: "/*17", "/ *17", " / * 17"
            var d = e
            while d < t.count && t[d] == " " { d += 1 }
            guard d < t.count, t[d] == "/" else { break }
            d += 1
            while d < t.count && t[d] == " " { d += 1 }
            guard Self.starMarkEnd(t, d) != nil else { break }
            j = d
        }
        guard end > i else { return nil }
        return Mention(kind: .variant, start: i, end: end, name: name, source: "pattern:star")
    }

    /// The older intron notation: `IVS14+1G>A` (DPYD*2A), `IVS1-2374A>G`, `IVS3+46C>T`; the name is as written.
    func intronSplice(_ t: [Unicode.Scalar], _ i: Int) -> Mention? {
        guard i + 8 < t.count, t[i] == "I", t[i + 1] == "V", t[i + 2] == "S" else { return nil }
        var j = Self.digitsEnd(t, i + 3)
        guard j > i + 3, j < t.count, t[j] == "+" || t[j] == "-" else { return nil }
        let k = Self.digitsEnd(t, j + 1)
        guard k > j + 1, k + 2 < t.count else { return nil }
        func base(_ s: Unicode.Scalar) -> Bool { s == "A" || s == "C" || s == "G" || s == "T" }
        guard base(t[k]), t[k + 1] == ">", base(t[k + 2]) else { return nil }
        j = k + 3
        guard j == t.count || !Self.isAlnum(t[j]) else { return nil }
        return Mention(kind: .variant, start: i, end: j, name: makeString(t[i..<j]), source: "pattern:hgvs")
    }

    /// HGVS: `c.1905+1G>A`, `c. 521T>C`, `p.Arg144Cys`, `g.-1639G>A`, `p.(Val600Glu)`.
    func hgvs(_ t: [Unicode.Scalar], _ i: Int) -> Mention? {
        guard i + 3 < t.count, t[i + 1] == "." else { return nil }
        switch t[i] { case "c", "g", "p", "m", "n", "r": break; default: return nil }
        // "e.g. VKORC1", "i.e.": an abbreviation's last letter, not a prefix
        if i > 0 && t[i - 1] == "." { return nil }
        var j = i + 2
        if t[j] == " " { j += 1 }
        let bodyStart = j
        // a position starts a DNA or RNA change ("c.1905+1G>A", "g.-1639G>A", "c.*45A>G", "c.[…]"); only a
        // protein change starts with a letter ("p.Arg144Cys")
        if t[i] != "p" {
            let f = t[bodyStart]
            guard Self.isDigit(f) || f == "-" || f == "*" || f == "+" || f == "(" || f == "[" else { return nil }
        }
        var depth = 0
        var hasDigit = false
        while j < t.count {
            let s = t[j]
            if s == "(" { depth += 1 } else if s == ")" { if depth == 0 { break }; depth -= 1 }
            else if Self.isSpace(s) || s == "," || s == ";" || s == "]" { break }
            if Self.isDigit(s) { hasDigit = true }
            j += 1
        }
        while j > bodyStart && (t[j - 1] == "." || t[j - 1] == ":") { j -= 1 }
        guard hasDigit, j - bodyStart >= 2 else { return nil }
        // a change written with spaces around ">" ("c.681G > A", "c.3435C > T"): the change goes on to its new base
        var spaced = false
        if t[i] != "p", Self.bases.contains(t[j - 1]), j < t.count, t[j] == " ",
           let e = Self.newBaseEnd(t, j, arrows: false), e == t.count || !Self.isAlnum(t[e]) {
            j = e; spaced = true
        }
        // the body must look like a change, not a page or a figure ("p.23", "c.f.")
        let body = spaced ? makeString(t[bodyStart..<j].filter { $0 != " " }) : makeString(t[bodyStart..<j])
        guard body.contains(where: { $0.isLetter }) else { return nil }
        return Mention(kind: .variant, start: i, end: j, name: String(t[i]) + "." + body, source: "pattern:hgvs")
    }

    /// Three-letter amino acids (and Ter, the stop) of protein changes: `aminoLetters`' names, and selenocysteine.
    static let aa3: Set<String> = Set(aminoLetters.keys).union(["Sec"])
    static let aa1: Set<Unicode.Scalar> = Set("ACDEFGHIKLMNPQRSTVWY".unicodeScalars)

    /// `Ile105Val`, `Arg144Cys`, `V600E`, `G551D`, `F508del`, `C3435T` (one alnum run); "Ser 414 Arg" in
    /// three words (`spacedProteinChange`).
    func proteinChange(_ t: [Unicode.Scalar], _ i: Int) -> Mention? {
        // cheap pre-check before building strings: a capital letter, and a digit at 2nd or 4th place
        guard t[i].value >= 65 && t[i].value <= 90, i + 3 < t.count else { return nil }
        if t[i + 3] == " " || t[i + 3] == "(" { return spacedProteinChange(t, i) }
        guard Self.isDigit(t[i + 1]) || Self.isDigit(t[i + 3]) else { return nil }
        var e = i
        while e < t.count && Self.isAlnum(t[e]) { e += 1 }
        guard e - i >= 4, e - i <= 14 else { return nil }
        let w = makeString(t[i..<e])
        let u = Array(w.unicodeScalars)
        // three-letter form
        if u.count >= 7, Self.aa3.contains(String(w.prefix(3))) {
            var k = 3
            while k < u.count && Self.isDigit(u[k]) { k += 1 }
            if k > 3 {
                let rest = makeString(u[k...])
                if Self.aa3.contains(rest) || rest == "fs" || rest == "del" || rest == "X" || rest == "*" {
                    return Mention(kind: .variant, start: i, end: e, name: w, source: "pattern:protein")
                }
            }
        }
        // one-letter form: letter, 2–5 digits, letter (or del/X); "P4503A" is cytochrome P450 3A
        if Self.aa1.contains(u[0]), !w.hasPrefix("P450") {
            var k = 1
            while k < u.count && Self.isDigit(u[k]) { k += 1 }
            let nd = k - 1
            if nd >= 2 && nd <= 5 {
                let rest = makeString(u[k...])
                if (rest.count == 1 && Self.aa1.contains(rest.unicodeScalars.first!)) || rest == "X" || rest == "del" || rest == "fs" {
                    return Mention(kind: .variant, start: i, end: e, name: w, source: "pattern:protein")
                }
            }
        }
        return nil
    }

    /// A three-letter change written in three words: "Ser 414 Arg" (penicillin-binding protein changes),
    /// "Val 158 Met"; or with its position in brackets, as MEDLINE writes a superscript: "Lys(27)Gln",
    /// tokenized "Ile ( 462 ) Val". Named as written solid ("Ser414Arg", "Lys27Gln").
    func spacedProteinChange(_ t: [Unicode.Scalar], _ i: Int) -> Mention? {
        guard Self.isLowerASCII(t[i + 1]), Self.isLowerASCII(t[i + 2]) else { return nil }
        var j = i + 3
        while j < t.count && j - i <= 5 && t[j] == " " { j += 1 }
        let bracketed = j < t.count && t[j] == "("
        if bracketed {
            j += 1
            if j < t.count && t[j] == " " { j += 1 }
        }
        let d = Self.digitsEnd(t, j)
        guard d > j, d - j <= 5, d < t.count else { return nil }
        var k = d
        if bracketed {
            if k < t.count && t[k] == " " { k += 1 }
            guard k < t.count, t[k] == ")" else { return nil }
            k += 1
            if k < t.count && t[k] == " " && t[k - 2] == " " { k += 1 }   // "( 462 ) Val", spaced as the bracket's inside
        } else {
            guard t[d] == " " else { return nil }
        }
        while !bracketed && k < t.count && k - d <= 2 && t[k] == " " { k += 1 }
        guard k + 3 <= t.count, k + 3 == t.count || !Self.isAlnum(t[k + 3]) else { return nil }
        let from = makeString(t[i..<(i + 3)]), to = makeString(t[k..<(k + 3)])
        guard Self.aa3.contains(from), Self.aa3.contains(to) else { return nil }
        return Mention(kind: .variant, start: i, end: k + 3, name: from + makeString(t[j..<d]) + to, source: "pattern:protein")
    }

    /// `3435C>T`, `-1639G>A`, `2677G>T/A`, `677C→T`, `G-308A`.
    static let bases: Set<Unicode.Scalar> = ["A", "C", "G", "T"]

    /// Where a change's new base ends, read from `j` just after its old base: spaces, ">" (with `arrows` also
    /// "->", "-->" and "→"), spaces, and one base ("3435C > T", "677C-->T"); nil when they do not follow.
    /// The one reading of the arrow for `hgvs` and `nucleotideChange`.
    static func newBaseEnd(_ t: [Unicode.Scalar], _ j: Int, arrows: Bool) -> Int? {
        var a = j
        while a < t.count && t[a] == " " { a += 1 }
        if arrows {
            if a + 2 < t.count && t[a] == "-" && t[a + 1] == "-" && t[a + 2] == ">" { a += 2 }
            else if a + 1 < t.count && t[a] == "-" && t[a + 1] == ">" { a += 1 }
        }
        guard a < t.count, t[a] == ">" || arrows && t[a] == "\u{2192}" else { return nil }
        a += 1
        while a < t.count && t[a] == " " { a += 1 }
        guard a < t.count, bases.contains(t[a]) else { return nil }
        return a + 1
    }

    func nucleotideChange(_ t: [Unicode.Scalar], _ i: Int) -> Mention? {
        let bases = Self.bases
        let v0 = t[i].value
        guard v0 == 45 || (v0 >= 48 && v0 <= 57) || v0 == 65 || v0 == 67 || v0 == 71 || v0 == 84 else { return nil }
        var j = i
        if t[j] == "-" { j += 1 }
        let d = Self.digitsEnd(t, j)
        if d > j {
            // "617V>F" (JAK2 V617F): a protein change written as a position and ">", named the usual way
            if j == i, d - j >= 2, d - j <= 4, d + 2 < t.count, t[d + 1] == ">", Self.aa1.contains(t[d]), Self.aa1.contains(t[d + 2]),
               !(bases.contains(t[d]) && bases.contains(t[d + 2])), d + 3 == t.count || !Self.isAlnum(t[d + 3]) {
                return Mention(kind: .variant, start: i, end: d + 3, name: String(t[d]) + makeString(t[j..<d]) + String(t[d + 2]),
                               source: "pattern:protein")
            }
            var k = d
            if k < t.count && t[k] == " " { k += 1 }
            guard k < t.count, bases.contains(t[k]) else { return nil }
            k += 1
            // "-1438A/G", "102T/C": the two alleles of a position, written straight after it
            if k < t.count && t[k] == "/" && k == d + 1, k + 1 < t.count, bases.contains(t[k + 1]),
               k + 2 == t.count || !Self.isAlnum(t[k + 2]) && t[k + 2] != "/" {
                return Mention(kind: .variant, start: i, end: k + 2, name: makeString(t[i..<(k + 2)]), source: "pattern:nucleotide")
            }
            // "3435CC", "-1639GA", "516TT", "2677GG/3435CC": a genotype, the two alleles of a position of three
            // to five digits written straight after it (shorter numbers before two capitals are more often
            // something else)
            if k == d + 1, d - j >= 3, d - j <= 5, k < t.count, bases.contains(t[k]),
               k + 1 == t.count || !Self.isAlnum(t[k + 1]) && t[k + 1] != ">" && (t[k + 1] != "/" || k + 2 < t.count && Self.isDigit(t[k + 2])),
               i == 0 || t[i - 1] != "+" && t[i - 1] != "." {
                return Mention(kind: .variant, start: i, end: k + 1, name: makeString(t[i..<(k + 1)]), source: "pattern:nucleotide")
            }
            // ">", "→", or the arrows of older abstracts: "677C-->T", "1298A->C"
            guard var a = Self.newBaseEnd(t, k, arrows: true) else { return nil }
            if a + 1 < t.count && t[a] == "/" && bases.contains(t[a + 1]) { a += 2 }
            guard a == t.count || !Self.isAlnum(t[a]) else { return nil }
            var name = makeString(t[i..<a].filter { $0 != " " })
            name = name.replacingOccurrences(of: "-->", with: ">").replacingOccurrences(of: "->", with: ">")
                .replacingOccurrences(of: "\u{2192}", with: ">")   // "63396C→T" is named as its title's "63396C->T"
            return Mention(kind: .variant, start: i, end: a, name: name, source: "pattern:nucleotide")
        }
        // G-308A, and "C-819 T" written apart
        if bases.contains(t[i]), i + 3 < t.count, t[i + 1] == "-" {
            let e = Self.digitsEnd(t, i + 2)
            if e > i + 3, e < t.count, bases.contains(t[e]), e + 1 == t.count || !Self.isAlnum(t[e + 1]) {
                return Mention(kind: .variant, start: i, end: e + 1, name: makeString(t[i...e]),
                               source: "pattern:nucleotide")
            }
            if e > i + 3, e + 1 < t.count, t[e] == " ", bases.contains(t[e + 1]), e + 2 == t.count || !Self.isAlnum(t[e + 2]) && t[e + 2] != "-" {
                return Mention(kind: .variant, start: i, end: e + 2, name: makeString(t[i..<e]) + String(t[e + 1]),
                               source: "pattern:nucleotide")
            }
        }
        return nil
    }

    /// Variant mentions win over dictionary mentions they overlap when they are at least as long.
    func mergeVariants(_ t: [Unicode.Scalar], _ dict: [Mention], _ vars: [Mention]) -> [Mention] {
        guard !vars.isEmpty else { return dict }
        var out: [Mention] = []
        var kept = dict
        for v in vars {
            let overlapping = kept.indices.filter { kept[$0].start < v.end && v.start < kept[$0].end }
            if overlapping.allSatisfy({ kept[$0].end - kept[$0].start <= v.end - v.start || kept[$0].kind == .gene && v.source == "pattern:star" }) {
                // A gene written inside a star-allele span ("CYP2C19*2" is gene + allele) stays; others go.
                kept = kept.enumerated().filter { idx, m in !overlapping.contains(idx) || (m.kind == .gene && m.end <= v.start) }.map(\.1)
                out.append(v)
            }
        }
        out += kept
        out.sort(by: Self.inTextOrder)
        return out
    }

    // MARK: - Agents named by their target or by a code

    /// Head words of an agent named by what it acts on ("EGFR tyrosine kinase inhibitor").
    static let agentWords: Set<String> = ["inhibitor", "inhibitors", "antagonist", "antagonists", "agonist", "agonists",
                                          "blocker", "blockers", "tki", "tkis", "modulator", "modulators",
                                          "inducer", "inducers"]
    /// Words that name a target before an agent head ("kinase inhibitor", "receptor antagonist").
    static let targetWords: Set<String> = ["kinase", "kinases", "multikinase", "multi-kinase", "tyrosine", "receptor", "receptors",
                                           "transporter", "pump", "channel", "reuptake", "uptake", "enzyme", "transcriptase",
                                           "checkpoint", "proteasome", "topoisomerase", "cyclooxygenase", "phosphodiesterase",
                                           "mtor", "integrase", "protease", "polymerase", "aromatase", "reductase", "synthase",
                                           "cytochrome", "p450", "proton"]
    /// Target words that name no target alone ("receptor antagonist", "reuptake inhibitor").
    static let genericTargets: Set<String> = ["receptor", "receptors", "channel", "transporter", "pump", "enzyme", "reuptake", "uptake"]
    /// A target word, or an enzyme named by its -ase ("thymidylate synthase inhibitor", "DNA-methyltransferase inhibitor").
    static func namesTarget(_ word: String) -> Bool {
        targetWords.contains(word) || (word.count >= 6 && (word.hasSuffix("ase") || word.hasSuffix("ases")))
    }
    /// Words that qualify a target without naming one ("selective", "type 4").
    static let agentModifiers: Set<String> = ["selective", "dual", "type", "small", "molecule", "small-molecule", "multi", "reverse",
                                              "nucleoside", "non-nucleoside", "oral", "specific", "potent", "irreversible", "allosteric", "competitive", "pan"]
    /// Cell lines that look like compound codes or hold a gene symbol ("Ba/F3" is not the gene F3), written
    /// without hyphens and slashes, in capitals.
    static let cellLines: Set<String> = ["HCT116", "K562", "HL60", "U937", "MCF7", "A549", "HEK293", "HEK293T", "HEK293FT",
                                         "SW480", "SW620", "HT29", "PC3", "DU145", "H460", "H1299", "H1975", "PC9", "HCC827",
                                         "A431", "U251", "U87", "T47D", "SKOV3", "A2780", "OVCAR3", "HEPG2", "HUH7", "LS174T",
                                         "LOVO", "CEM", "BAF3", "COS7", "NIH3T3", "CHOK1", "MDCKII", "LLCPK1", "MOLT4", "JURKAT",
                                         "HCC1937", "HCC1954", "MDAMB231", "MDAMB468", "SKBR3", "BT474", "BT549", "ZR751",
                                         "INS1", "INS1E", "MIAPACA2", "LLC1", "DLD1",
                                         // myeloma, leukaemia and lymphoma lines; macrophages; solid tumours
                                         "U266", "RPMI8226", "MM1S", "KMS11", "OPM2", "MOLM13", "MV411", "OCIAML3", "KASUMI1",
                                         "NB4", "KG1", "THP1", "J774", "J774A1", "RAW2647", "MFM223", "HCC38", "HCC1806",
                                         "SUM149", "SUM159", "MCF10A", "A375", "SKMEL28", "HT1080", "U2OS", "SAOS2", "CACO2",
                                         "HEP3B", "SMMC7721", "BEL7402", "SGC7901", "BGC823", "MKN45", "PANC1", "ASPC1",
                                         "BXPC3", "CAPAN1", "SW1990", "H1650", "H358", "CALU3", "C42B", "22RV1", "SHSY5Y",
                                         "SKNSH", "IMR32", "LN229", "T98G", "A172", "HCT15", "COLO205", "LS180", "SW48"]

    /// Whether `r` lies in a cell line's name: the letters and digits from the start of the run around it,
    /// joined through inner hyphens and slashes, up to the end of its own run or of a later one ("Ba/F3"
    /// in "Ba/F3-ITD cells", "COS-7", "HEK-293T"), are a cell line of `cellLines`.
    static func inCellLineName(_ t: [Unicode.Scalar], _ r: Range<Int>) -> Bool {
        func joins(_ p: Int) -> Bool { (t[p] == "/" || t[p] == "-") && p > 0 && p + 1 < t.count && isAlnum(t[p - 1]) && isAlnum(t[p + 1]) }
        var s = r.lowerBound, e = r.upperBound
        while s > 0 && (isAlnum(t[s - 1]) || joins(s - 1)) && r.upperBound - s < 12 { s -= 1 }
        var name = makeString(t[s..<r.upperBound].filter { $0 != "/" && $0 != "-" }).uppercased()
        while true {
            while e < t.count && isAlnum(t[e]) { name.unicodeScalars.append(t[e].properties.uppercaseMapping.unicodeScalars.first ?? t[e]); e += 1 }
            if cellLines.contains(name) { return true }
            guard e < t.count, joins(e), e - s < 12 else { return false }
            e += 1
        }
    }

    /// The alphanumeric run (hyphens inside allowed) that ends at `end`, or nil.
    static func wordBefore(_ t: [Unicode.Scalar], _ end: Int) -> Range<Int>? {
        var s = end
        while s > 0 && (isAlnum(t[s - 1]) || (t[s - 1] == "-" && s - 1 > 0 && isAlnum(t[s - 2]) && s < end)) { s -= 1 }
        return s < end ? s..<end : nil
    }

    /// Agents named by their target: "MEK inhibitor", "EGFR-TKIs", "tyrosine kinase ( TK ) inhibitor",
    /// "phosphodiesterase type 4 inhibitor", "inhibitors of CYP3A4", "anti-EGFR", "EGFR-targeted drugs".
    /// They are drug classes (no DrugBank id), named by their lower-cased text. A head word needs a
    /// target — a gene mention or a target word — next to it: a bare "inhibitor" is not a drug.
    func targetAgents(_ t: [Unicode.Scalar], _ words: [Range<Int>], _ ms: [Mention]) -> [Mention] {
        var out: [Mention] = []
        let genetic = ms.filter { $0.kind == .gene }
        func geneEnding(at e: Int) -> Mention? { genetic.last { $0.end == e } }
        func geneStarting(at s: Int) -> Mention? { genetic.first { $0.start == s } }
        func lower(_ r: Range<Int>) -> String { makeLowerString(t[r]) }
        func skipSpaceBack(_ p: Int) -> Int { var p = p; while p > 0 && Self.isSpace(t[p - 1]) { p -= 1 }; return p }
        func skipSpace(_ p: Int) -> Int { var p = p; while p < t.count && Self.isSpace(t[p]) { p += 1 }; return p }
        let n = t.count
        for word in words {
            let i = word.lowerBound, k = word.upperBound
            // cheap first: the first two letters of a head word (in, an, ag, bl, tk, mo)
            let len = k - i
            guard len >= 3, len <= 11, len != 5, len != 6 else { continue }
            let c0 = t[i].value | 0x20, c1 = t[i + 1].value | 0x20
            let maybe = (c0 == 0x69 && c1 == 0x6E) || (c0 == 0x61 && (c1 == 0x6E || c1 == 0x67)) || (c0 == 0x62 && c1 == 0x6C)
                || (c0 == 0x74 && c1 == 0x6B) || (c0 == 0x6D && c1 == 0x6F)
            guard maybe, Self.agentWords.contains(lower(i..<k)) else { continue }
            let head = i..<k
            // "CD40 ligand", "TNF receptor antagonist" written as a gene name: the gene's own word
            if genetic.contains(where: { $0.start <= head.lowerBound && head.upperBound <= $0.end }) { continue }
            // leftwards over the target: gene mentions, target words, "( TK )", modifiers
            var start = head.lowerBound, hasTarget = false, steps = 0
            var p = start
            while steps < 8 {
                steps += 1
                var q = skipSpaceBack(p)
                if q > 0 && t[q - 1] == "-" { q = skipSpaceBack(q - 1) }
                guard q > 0 else { break }
                if t[q - 1] == ")" || t[q - 1] == "]" {
                    // a parenthesized abbreviation: "( TK )", "[ BTK ]"
                    var o = q - 1
                    while o > 0 && q - o < 24 && t[o] != "(" && t[o] != "[" { o -= 1 }
                    guard t[o] == "(" || t[o] == "[" else { break }
                    let inner = makeString(t[(o + 1)..<(q - 1)]).trimmingCharacters(in: .whitespaces)
                    guard !inner.isEmpty, inner.unicodeScalars.allSatisfy({ Self.isAlnum($0) || $0 == "-" }),
                          inner.unicodeScalars.contains(where: { Self.isUpper($0) }) else { break }
                    if genetic.contains(where: { $0.start > o && $0.end < q }) { hasTarget = true }
                    p = o; start = o
                    continue
                }
                if let g = geneEnding(at: q) { hasTarget = true; p = g.start; start = g.start; continue }
                guard let w = Self.wordBefore(t, q) else { break }
                let word = lower(w)
                if Self.namesTarget(word) {
                    hasTarget = true
                } else if Self.agentModifiers.contains(word) || (word.count <= 3 && word.unicodeScalars.allSatisfy(Self.isDigit))
                            || ["i", "ii", "iii", "iv"].contains(word) && Self.wordBefore(t, skipSpaceBack(w.lowerBound)).map({ Self.namesTarget(lower($0)) }) == true {
                    // (a Roman numeral only after the target it numbers: "topoisomerase I inhibitors", not
                    // "angiotensin II receptor antagonist")
                    // a qualifier: counts only with a target further left
                } else { break }
                p = w.lowerBound
                if hasTarget { start = w.lowerBound }
            }
            var end = head.upperBound
            if !hasTarget {
                // "inhibitors of CYP3A4", "antagonist of (the) adenosine receptors"
                var q = skipSpace(head.upperBound)
                guard q + 2 < n, lower(q..<(q + 2)) == "of", !Self.isAlnum(t[q + 2]) else { continue }
                q = skipSpace(q + 2)
                if q + 3 < n, lower(q..<(q + 3)) == "the", !Self.isAlnum(t[q + 3]) { q = skipSpace(q + 3) }
                // "inhibitor of κB (kinase)" is the protein IκB (IKK), no agent
                var we = q
                while we < n && Self.isAlnum(t[we]) { we += 1 }
                if ["κb", "kappab", "kappa"].contains(lower(q..<we)) { continue }
                var words = 0
                while words < 4, q < n {
                    // "an agonist of mutant F877L AR" says what a drug does to a mutant protein; it names no agent
                    if ms.contains(where: { $0.kind == .variant && $0.start == q }) { hasTarget = false; break }
                    if let g = geneStarting(at: q) { hasTarget = true; end = g.end; break }
                    var e = q
                    while e < n && (Self.isAlnum(t[e]) || (t[e] == "-" && e + 1 < n && Self.isAlnum(t[e + 1]))) { e += 1 }
                    guard e > q else { break }
                    let word = lower(q..<e)
                    if Self.namesTarget(word) {
                        hasTarget = true; end = e
                    }
                    // a preposition or conjunction ends the target's phrase: "modulators of microglia
                    // polarization via TLR4" name no TLR4 agent
                    if Self.phraseBreaks.contains(word) { break }
                    q = skipSpace(e); words += 1
                }
                guard hasTarget else { continue }
                start = head.lowerBound
            }
            // a bracket that is not closed inside the name does not start it; "(CypA) inhibitors" keeps both
            // brackets in its span and none in its name ("cypa inhibitors")
            while start < end && (Self.isSpace(t[start])
                    || (t[start] == "(" || t[start] == "[") && !t[start..<end].contains(where: { $0 == ")" || $0 == "]" })) { start += 1 }
            // a class the lexicon names already ("aromatase inhibitors") stays as it is
            if ms.contains(where: { $0.kind == .drug && $0.start < end && start < $0.end }) { continue }
            // a target that is one generic word names no class: "(Angiotensin II Receptor Antagonist)" is not
            // a "receptor antagonist"
            let target = start < head.lowerBound ? lower(start..<skipSpaceBack(head.lowerBound)) : ""
            if Self.genericTargets.contains(target) { continue }
            let name = phraseName(t, start..<end).filter { !"()[]".contains($0) }
                .split(separator: " ").joined(separator: " ")
            out.append(Mention(kind: .drug, start: start, end: end, name: name, source: "pattern:agent", isClass: true))
        }
        // "anti-EGFR (antibody)", "EGFR-targeted drugs"
        for g in genetic {
            var s = g.start
            while s > 0 && Self.isSpace(t[s - 1]) { s -= 1 }
            if s >= 5, lower((s - 5)..<s) == "anti-", s - 5 == 0 || !Self.isAlnum(t[s - 6]),
               !out.contains(where: { $0.start < g.end && s - 5 < $0.end }), !Self.namesAutoantibody(t, g.end) {
                out.append(Mention(kind: .drug, start: s - 5, end: g.end, name: "anti-" + g.name.lowercased(), source: "pattern:agent", isClass: true))
                continue
            }
            var q = skipSpace(g.end)
            guard q < n, t[q] == "-" else { continue }
            q = skipSpace(q + 1)
            guard q + 8 <= n, lower(q..<(q + 8)) == "targeted" else { continue }
            var e = skipSpace(q + 8)
            var f = e
            while f < n && Self.isAlnum(t[f]) { f += 1 }
            let next = lower(e..<f)
            guard ["drug", "drugs", "therapy", "therapies", "agent", "agents", "therapeutics"].contains(next) else { continue }
            e = f
            if !out.contains(where: { $0.start < e && g.start < $0.end }) {
                out.append(Mention(kind: .drug, start: g.start, end: e, name: g.name.lowercased() + "-targeted " + next,
                                   source: "pattern:agent", isClass: true))
            }
        }
        return out
    }

    /// Words that end the phrase an agent's target is looked for in ("inhibitors of X via Y").
    static let phraseBreaks: Set<String> = ["via", "in", "on", "by", "through", "and", "or", "with", "to", "from", "for", "as",
                                            "at", "into", "during", "after", "before", "than", "that", "which"]

    /// Parts of systematic chemical names ("4-aminopyridine", "6-hydroxydopamine", "N-desethylamodiaquine").
    static let chemicalMorphemes = ["amino", "hydroxy", "methyl", "ethyl", "propyl", "butyl", "phenyl", "chloro", "fluoro",
                                    "bromo", "iodo", "nitro", "pyrid", "pyrimid", "quinazolin", "indol", "benz", "azido",
                                    "deoxy", "carboxy", "acetyl", "butadien", "imidazol", "thio", "sulfon", "nitros",
                                    "glucuronide", "tetrahydro", "dihydro", "cytosine", "uracil", "purine", "salicyl"]

    static let chemicalMorphemeBytes = chemicalMorphemes.map { Array($0.utf8) }

    /// Whether `needle` occurs in `hay` (byte for byte).
    static func containsBytes(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= hay.count else { return false }
        guard let first = needle.first else { return true }
        var i = 0
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < needle.count && hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    /// Words the lexicon does not hold that are drugs or chemicals all the same: systematic names
    /// with a locant ("4-aminopyridine", "1,3-butadiene", "alpha-hydroxymetoprolol") and one-edit
    /// misspellings of a generic name ("irinorecan" → irinotecan).
    func chemicalWords(_ t: [Unicode.Scalar], _ ms: [Mention]) -> [Mention] {
        var out: [Mention] = []
        let n = t.count
        var i = 0
        func covered(_ a: Int, _ b: Int) -> Bool { ms.contains { $0.start < b && a < $0.end } }
        while i < n {
            guard !Self.isSpace(t[i]), i == 0 || Self.isSpace(t[i - 1]) || t[i - 1] == "(" else { i += 1; continue }
            var k = i
            while k < n && !Self.isSpace(t[k]) { k += 1 }
            defer { i = k }
            guard k - i >= 8 else { continue }
            // trailing punctuation and an unbalanced closing bracket are not part of the word
            var e = k
            while e > i, t[e - 1] == "." || t[e - 1] == "," || t[e - 1] == ";" || t[e - 1] == ":" { e -= 1 }
            if e > i, t[e - 1] == ")" || t[e - 1] == "]" {
                var depth = 0
                for s in t[i..<e] { if s == "(" || s == "[" { depth += 1 } else if s == ")" || s == "]" { depth -= 1 } }
                if depth < 0 { e -= 1 }
            }
            // an opening bracket whose partner is not inside the word ("(4-hydroxycyclophosphamide") is not part of it
            var i = i
            if t[i] == "(" || t[i] == "[" {
                let close: Unicode.Scalar = t[i] == "(" ? ")" : "]"
                if let c = t[(i + 1)..<e].firstIndex(of: close) {
                    if c == e - 1 { i += 1; e -= 1 }   // "(4-hydroxycyclophosphamide)"
                } else {
                    i += 1
                }
            }
            let len = e - i
            guard len >= 8 else { continue }
            let c0 = t[i]
            // a hyphen within the first 13 characters, and a locant or stereo prefix before it
            var dashAt = -1
            var q0 = i + 1
            while q0 < min(e, i + 13) { if t[q0] == "-" { dashAt = q0; break }; q0 += 1 }
            let prefixed = dashAt > 0 && (Self.isDigit(c0) || c0 == "(" || (dashAt == i + 1 && (c0 == "N" || c0 == "O" || c0 == "S" || c0 == "L" || c0 == "D"))
                || (c0 == "a" && dashAt == i + 5) || (c0 == "b" && dashAt == i + 4) || ((c0 == "α" || c0 == "β") && dashAt == i + 1))
            if prefixed {
                // systematic name: a locant or stereo prefix, then a chemical word part
                let w = makeString(t[i..<e])
                let low = w.lowercased()
                guard let dash = low.firstIndex(of: "-"), low.distance(from: low.startIndex, to: dash) <= 12 else { continue }
                let prefix = low[..<dash]
                let locant = prefix.allSatisfy { $0.isNumber || $0 == "," || $0 == "'" || $0 == "′" || $0 == "(" || $0 == ")" || $0 == "a" || $0 == "b" }
                    && prefix.contains(where: \.isNumber)
                let stereo = ["n", "o", "s", "l", "d", "alpha", "beta", "α", "β", "(r)", "(s)", "(+)", "(-)"].contains(prefix)
                guard locant || stereo else { continue }
                let rest = low[low.index(after: dash)...]
                // a word part and more ("4-hydroxy" alone is a prefix of the next word, not a name)
                // (searched as UTF-8 bytes: Foundation's substring search was a third of this pass)
                let restBytes = Array(rest.utf8), restCount = rest.count
                guard Self.chemicalMorphemeBytes.contains(where: { restCount >= $0.count + 3 && Self.containsBytes(restBytes, $0) }) else { continue }
                // enzymes and reactions ("beta-hydroxylase", "N-demethylation") are not chemicals
                if rest.hasSuffix("ase") || rest.hasSuffix("ases") || rest.hasSuffix("ation") || rest.hasSuffix("yl")
                    || rest.hasSuffix("-based") || rest.hasSuffix("-induced") || rest.hasSuffix("-resistant") { continue }
                // nor is the first word of a longer name ("17-hydroxysteroid dehydrogenase")
                var q = k
                while q < n && Self.isSpace(t[q]) { q += 1 }
                var r = q
                while r < n && Self.isAlnum(t[r]) { r += 1 }
                let next = makeLowerString(t[q..<r])
                if next.hasSuffix("ase") || next.hasSuffix("ases") || next == "receptor" || next == "receptors" || next == "gene" { continue }
                if covered(i, e) { continue }
                out.append(Mention(kind: .drug, start: i, end: e, name: low, source: "pattern:chemical"))
            } else if len >= 9 && len <= 20 {
                // a misspelt generic name: plain letters, lower case (a capital first letter allowed)
                var plain = true
                for j in (i + 1)..<e where t[j].value &- 97 >= 26 { plain = false; break }
                guard plain, t[i].value &- 97 < 26 || t[i].value &- 65 < 26,
                      lexicon.mayBeTypo(first: t[i].value | 0x20, second: t[i + 1].value, last3: (t[e - 3].value, t[e - 2].value, t[e - 1].value))
                else { continue }
                let b = t[i..<e].map { UInt8($0.value | 0x20) }
                guard let name = lexicon.typoDrug(b), !covered(i, e) else { continue }
                out.append(genericDrug(name, i, e, source: "pattern:typo"))
            }
        }
        return out
    }

    /// An HLA allele written as a code ("HLA-G010403", "HLA- G0105N"): the code starts with HLA or follows
    /// "HLA-" (a space allowed after the hyphen).
    static func namesHLAAllele(_ t: [Unicode.Scalar], _ i: Int, _ k: Int) -> Bool {
        if k - i > 3, makeString(t[i..<(i + 3)]).uppercased() == "HLA" { return true }
        var p = i - 1
        while p >= 0 && isSpace(t[p]) { p -= 1 }
        guard p >= 3, t[p] == "-" else { return false }
        return makeString(t[(p - 3)..<p]).uppercased() == "HLA"
    }

    /// Agents named by their target (see `targetAgents`) and development codes ("AZD6244", "T0901317", "17-AAG").
    func addAgentPatterns(_ t: [Unicode.Scalar], _ words: [Range<Int>], _ ms: [Mention]) -> [Mention] {
        var out = ms
        let agents = targetAgents(t, words, ms)
        out += agents
        let named = chemicalWords(t, out)
        out += named
        var added = !agents.isEmpty || !named.isEmpty
        // development codes: letters, optional hyphen, 3–6 digits, up to two letters; or 17-AAG style
        var i = 0
        while i < t.count {
            guard Self.isAlnum(t[i]), i == 0 || (!Self.isAlnum(t[i - 1]) && t[i - 1] != "-") else { i += 1; continue }
            var k = i
            var digits = 0
            while k < t.count && (Self.isAlnum(t[k]) || (t[k] == "-" && k + 1 < t.count && Self.isAlnum(t[k + 1]) && k > i)) {
                if Self.isDigit(t[k]) { digits += 1 }
                k += 1
            }
            if k < t.count && t[k] == "-" { i = k; continue }
            let v0 = t[i].value
            if digits == 0 || k - i < 4 || k - i > 12 || !((v0 >= 65 && v0 <= 90) || (v0 >= 48 && v0 <= 57)) { i = k; continue }
            let w = Array(t[i..<k])
            // NCBI's placeholder symbol, which papers wrote before the gene had a name: "LOC387715 A69S" is ARMS2's
            if w.count >= 8, makeString(w[..<3]) == "LOC", w[3...].allSatisfy(Self.isDigit),
               !out.contains(where: { $0.start < k && i < $0.end }) {
                let entrez = makeString(w[3...])
                if let sym = lexicon.geneInfo.first(where: { $0.value.entrez == entrez })?.key {
                    out.append(geneMention(sym, i, k, source: "lexicon:alias"))
                    added = true
                }
                i = k
                continue
            }
            // nor a clone-based RNA gene's name ("AC100830.4"), nor a gene glued to a genotype ("ABCB13435TT"),
            // nor a gene misspelt before its star allele ("CYPC219*2")
            let cloneName = k + 1 < t.count && t[k] == "." && Self.isDigit(t[k + 1])
            let starred = Self.starMarkEnd(t, k) != nil
            guard isDevelopmentCode(w), !Self.namesHLAAllele(t, i, k), !cloneName, !starred else { i = max(k, i + 1); continue }
            if let (s, g) = genotypeSplit(w), !Self.inCellLineName(t, i..<k), out.allSatisfy({ !($0.start < k && i < $0.end) || $0.kind == .gene && $0.start >= i && $0.end < k }) {
                // the gene and its genotype, as if the space were there
                let v0 = w[s] == "-" ? s + 1 : s
                out.removeAll { $0.start < k && i < $0.end }
                out.append(Mention(kind: .gene, start: i, end: i + s, name: g.name, id: g.id, xref: g.xref,
                                   source: g.source, pharmacogene: g.pharmacogene))
                out.append(Mention(kind: .variant, start: i + v0, end: k, name: makeString(w[v0...]), source: "pattern:nucleotide"))
                added = true
                i = k
                continue
            }
            // A gene alias that is only the letters of a code ("GDC" in GDC-0449) gives way to the code.
            let inside = out.filter { $0.start < k && i < $0.end }
            if !inside.isEmpty && inside.allSatisfy({ $0.kind == .gene && $0.start >= i && $0.end < k && !$0.pharmacogene }) {
                out.removeAll { $0.kind == .gene && $0.start >= i && $0.end < k }
            }
            if !out.contains(where: { $0.start < k && i < $0.end }) {
                let name = makeString(w)
                if !Self.inCellLineName(t, i..<k) && !Self.followedByCells(t, k) {
                    out.append(Mention(kind: .drug, start: i, end: k, name: name, source: "pattern:code"))
                    added = true
                }
            }
            i = max(k, i + 1)
        }
        if added { out.sort(by: Self.inTextOrder) }
        return out
    }

    /// "anti-TPO autoantibodies", "anti-TPO positivity", "anti-CCP titres": an antibody the body makes and a
    /// laboratory measures, not an agent.
    static func namesAutoantibody(_ t: [Unicode.Scalar], _ k: Int) -> Bool {
        var j = k
        while j < t.count && (isSpace(t[j]) || t[j] == ")") { j += 1 }
        var e = j
        while e < t.count && isAlnum(t[e]) { e += 1 }
        let next = makeLowerString(t[j..<e])
        return next.hasPrefix("autoantibod") || next.hasPrefix("seropositiv") || ["positivity", "titer", "titers", "titre", "titres"].contains(next)
    }

    /// A code the document names as a strain anywhere ("Pseudomonas syringae pv. tomato strain DC3000", then
    /// "DC3000 growth") is no compound anywhere in it.
    func dropStrainCodes(_ passages: [[Unicode.Scalar]], _ result: inout [[Mention]]) {
        let codes = Set(result.joined().filter { $0.source == "pattern:code" }.map(\.name))
        guard !codes.isEmpty else { return }
        var strains = Set<String>()
        for t in passages {
            for code in codes where !strains.contains(code) {
                let c = Array(code.unicodeScalars)
                var i = 0
                while i + c.count <= t.count {
                    if t[i] == c[0], i == 0 || !Self.isAlnum(t[i - 1]), t[i..<(i + c.count)].elementsEqual(c),
                       Self.followsSpeciesName(t, i) || Self.listedAfterMutants(t, i) || Self.namesADevice(t, i + c.count) {
                        strains.insert(code)
                        break
                    }
                    i += 1
                }
            }
        }
        guard !strains.isEmpty else { return }
        for p in result.indices { result[p].removeAll { $0.source == "pattern:code" && strains.contains($0.name) } }
    }

    /// A code in a list after "mutants", "strains", "isolates" or "clones" names one of them: "the mutants RTL4,
    /// RXM5, and RFS102" (words with a digit, "and", "or" and commas between).
    static func listedAfterMutants(_ t: [Unicode.Scalar], _ i: Int) -> Bool {
        var e = i, steps = 0
        while steps < 12 {
            while e > 0 && (isSpace(t[e - 1]) || t[e - 1] == ",") { e -= 1 }
            var s = e
            while s > 0 && (isAlnum(t[s - 1]) || t[s - 1] == "-") { s -= 1 }
            guard s < e else { return false }
            let w = makeLowerString(t[s..<e])
            if mutantWords.contains(w) { return true }
            guard w == "and" || w == "or" || t[s..<e].contains(where: isDigit) else { return false }
            e = s; steps += 1
        }
        return false
    }
    static let mutantWords: Set<String> = ["mutant", "mutants", "strain", "strains", "isolate", "isolates", "clone", "clones"]

    /// A code a device noun follows within three words names the device: "ECG247 Smart Heart Sensor", "Lenstar
    /// LS900 device", "an automated AB13100 capillary sequencer".
    static func namesADevice(_ t: [Unicode.Scalar], _ end: Int) -> Bool {
        var k = end
        for _ in 0..<3 {
            while k < t.count && isSpace(t[k]) { k += 1 }
            var e = k
            while e < t.count && (isAlnum(t[e]) || t[e] == "-") { e += 1 }
            guard e > k else { return false }
            if deviceWords.contains(makeLowerString(t[k..<e])) { return true }
            k = e
        }
        return false
    }
    static let deviceWords: Set<String> = ["device", "devices", "sensor", "sensors", "sequencer", "analyzer", "analyser", "scanner",
                                           "instrument", "monitor", "camera", "microscope", "spectrometer", "cytometer", "biometer",
                                           "tomograph", "pump", "catheter", "stent", "implant", "platform", "reader", "robot"]

    /// A code right after a species' name is its strain ("Pseudomonas putida KT2440", "P. syringae pv. tomato
    /// DC3000", "strain H37Rv"): a genus (capitalized, or its initial and a period) and a lower-case epithet,
    /// or the word "strain".
    static func followsSpeciesName(_ t: [Unicode.Scalar], _ i: Int) -> Bool {
        func wordBack(_ end: Int) -> Range<Int>? {
            var e = end
            while e > 0 && isSpace(t[e - 1]) { e -= 1 }
            var s = e
            while s > 0 && (t[s - 1].properties.isAlphabetic || t[s - 1] == ".") { s -= 1 }
            return s < e ? s..<e : nil
        }
        guard let w1 = wordBack(i) else { return false }
        let epithet = t[w1]
        let lowered = makeLowerString(epithet)
        if lowered == "strain" || lowered == "strains" { return true }
        guard epithet.count >= 3, epithet.allSatisfy({ $0.properties.isLowercase }), let w0 = wordBack(w1.lowerBound) else { return false }
        let genus = t[w0]
        if genus.elementsEqual("pv.".unicodeScalars) { return true }
        // a Latin epithet ("putida", "syringae", "coli", "aureus", "typhimurium"), not an English word ("Placebo
        // plus AZD6244", "Treatment with ...")
        guard latinEndings.contains(where: { lowered.hasSuffix($0) }), !notEpithets.contains(lowered) else { return false }
        let capital = genus.first?.properties.isUppercase ?? false
        return capital && (genus.count == 2 && genus.last == "." || genus.count >= 4 && genus.dropFirst().allSatisfy({ $0.properties.isLowercase }))
    }
    static let latinEndings = ["a", "ae", "us", "um", "is", "i", "ans", "ens"]
    /// English words with a Latin ending.
    static let notEpithets: Set<String> = ["plus", "versus", "via", "thus", "minus", "data", "virus", "status", "focus", "basis",
                                           "analysis", "media", "this", "his", "area", "criteria"]

    /// "UKF-Rhb-1 cells", "KCL-22 cells": a code-like name before "cell(s)" is a cell line.
    static func followedByCells(_ t: [Unicode.Scalar], _ k: Int) -> Bool {
        var j = k
        while j < t.count && isSpace(t[j]) { j += 1 }
        guard j + 4 <= t.count, makeLowerString(t[j..<(j + 4)]) == "cell" else { return false }
        return j + 4 == t.count || !isAlnum(t[j + 4]) || t[j + 4] == "s" && (j + 5 == t.count || !isAlnum(t[j + 5]))
    }

    /// Letters of identifiers that look like compound codes: intron positions (IVS1-2374), trial and
    /// accession numbers (NCT01282658, GSE12345, PXD009440, China's CTR20160987), trial groups' studies
    /// (ECOG3402), culture collections (ATCC 25922, ATCC BAA-793), RNA genes (MIR3976HG, LINC00673, SNHG16),
    /// NCBI's placeholder symbols (LOC387715); and CD markers (CD326, CD133: cell surface proteins).
    static let notCompoundPrefixes: Set<String> = ["IVS", "NCT", "ISRCTN", "ACTRN", "CHICTR", "UMIN", "DRKS", "JPRN", "KCT",
                                                   "GSE", "GSM", "GPL", "PMC", "PMID", "ATCC", "BAA", "DSM", "CRL", "HGNC", "OMIM", "MIM", "CNVR",
                                                   "MIR", "LINC", "SNHG", "PXD", "CD", "CTR", "ECOG", "LOC",
                                                   "UL", "US"]   // herpesvirus genes: "the viral UL138 protein", "UL97 mutations"

    /// A gene's symbol or alias, as written, glued to a position and one or two alleles, a space left out:
    /// "ABCB13435TT" (ABCB1 3435TT), "MDR13435T", "BCRP421AA", "GGH-401T" are no compound codes (nor a cell
    /// line: "HEK293T" is no HEK2 93T). The end of the symbol and the gene, or nil.
    func genotypeSplit(_ w: [Unicode.Scalar]) -> (end: Int, gene: LexEntry)? {
        var e = w.count
        while e > 0 && w.count - e < 2 && "ACGT".unicodeScalars.contains(w[e - 1]) { e -= 1 }
        guard e < w.count, e > 2 else { return nil }
        func position(_ s: Int) -> Bool {
            var rest = w[s..<e]
            if rest.first == "-" { rest = rest.dropFirst() }
            return !rest.isEmpty && rest.allSatisfy(Self.isDigit)
        }
        // an official symbol first, the shortest ("ABCB1" 1236C, not ABCB11 236C; "ABCC2" 3972CC, not the
        // alias "ABCC"), else an alias ("MDR1" 3435T, "BCRP" 421AA)
        for s in 2..<e where position(s) && lexicon.geneInfo[makeString(w[..<s])] != nil {
            if let g = geneWritten(w[..<s]) { return (s, g) }
        }
        for s in (2..<e).reversed() where position(s) {
            if let g = geneWritten(w[..<s]) { return (s, g) }
        }
        return nil
    }

    /// The gene a case-sensitive lexicon key names when written exactly so ("MDR1" → ABCB1), or nil.
    func geneWritten(_ key: ArraySlice<Unicode.Scalar>) -> LexEntry? {
        var node = PackedTrie.root
        for c in key {
            node = caseSensitiveTrie.child(node, c.value)
            if node < 0 { return nil }
        }
        let v = caseSensitiveTrie.value(node)
        guard v >= 0, lexicon.entries[Int(v)].kind == .gene, lexicon.entries[Int(v)].how != "family" else { return nil }
        return lexicon.entries[Int(v)]
    }

    func isDevelopmentCode(_ w: [Unicode.Scalar]) -> Bool {
        let hyphens = w.filter { $0 == "-" }.count
        guard w.count >= 4, w.count <= 12, hyphens <= 1 else { return false }
        let core = w.filter { $0 != "-" }
        var i = 0
        while i < core.count && core[i].properties.isUppercase && core[i].value < 0x80 { i += 1 }
        let letters = i
        if letters >= 2 && Self.notCompoundPrefixes.contains(makeString(core[..<letters])) { return false }
        // cytochrome "P-450" written alone
        if makeString(core) == "P450" { return false }
        var d = i
        while d < core.count && Self.isDigit(core[d]) { d += 1 }
        let digits = d - i
        let tail = core.count - d
        // One amino-acid letter and a position ("D1246", "Y184", "V600") is a residue, not a compound.
        if letters == 1 && hyphens == 0 && tail == 0 && digits <= 4 && Self.aa1.contains(core[0]) { return false }
        // "R279HN" (Trp63 R279HN): a residue, a position and the residues it became
        if letters == 1 && hyphens == 0 && digits <= 4 && Self.aa1.contains(core[0]) && core[d...].allSatisfy(Self.aa1.contains) { return false }
        // A hyphen follows the letters of a code ("AZD-6244", "PF-04449913"); after a digit it is a gene or
        // protein with a position ("MRP2-24C/T", "PBP2-35"), not a compound.
        if hyphens == 1, let h = w.firstIndex(of: "-"), h > 0, Self.isDigit(w[h - 1]), !w[..<h].allSatisfy(Self.isDigit) { return false }
        if letters >= 1 && letters <= 4 && digits >= 3 && digits <= 8 && tail <= 2
            && core[d...].allSatisfy({ $0.properties.isUppercase }) { return true }
        // 17-AAG, 5-MTHF: 1–2 digits, hyphen, 2–5 capitals
        if hyphens == 1, let h = w.firstIndex(of: "-"), h == 2, w[..<h].allSatisfy(Self.isDigit),
           w.count - h - 1 >= 2, w.count - h - 1 <= 5, w[(h + 1)...].allSatisfy({ $0.properties.isUppercase && $0.value < 0x80 }) {
            return true
        }
        return false
    }

    // MARK: - Protein families and classes named by a head word

    /// Head words of a protein named by what it binds or does ("opioid receptors", "aldehyde dehydrogenase").
    static let familyHeads: Set<String> = ["receptor", "receptors", "kinase", "kinases", "transporter", "transporters",
                                           "channel", "channels", "enzymes", "subunit", "subunits"]
    /// Words ending in -ase(s) that name no enzyme ("diseases", "increases", "metastases").
    static let aseWords = ["disease", "diseases", "release", "releases", "increase", "increases", "decrease", "decreases",
                           "phase", "phases", "base", "bases", "case", "cases", "purchase", "erase", "lease", "chase", "metastases"]
    /// Words that cannot start or sit inside such a name: articles, prepositions, quantifiers, qualifiers.
    static let familyStop: Set<String> = ["the", "a", "an", "of", "in", "and", "or", "to", "with", "by", "for", "from", "on", "at",
                                          "as", "is", "are", "was", "were", "be", "been", "this", "that", "these", "those", "its",
                                          "their", "which", "our", "but", "not", "no", "all", "each", "both", "other", "several",
                                          "many", "various", "specific", "selective", "novel", "via", "than", "also", "only", "such",
                                          "into", "human", "mouse", "murine", "rat", "mutant", "mutants", "mutated", "wild-type",
                                          "single", "expressed", "two", "three", "four", "new", "known", "different", "major",
                                          "same", "one", "between", "within", "whose", "his", "her", "when", "where", "how",
                                          "more", "most", "less", "key", "target", "targets", "drug", "drugs", "functional", "through",
                                          "five", "six", "oral", "small", "molecule", "cellular", "s", "after", "before", "during",
                                          "seven", "eight", "nine", "ten", "twenty", "thirty", "forty", "fifty", "hundred",
                                          "adjuvant", "generic", "serum", "plasma", "whether", "if", "affects", "affect",
                                          "double-mutant", "homodimer", "heterodimer"]

    /// Proteins named by a head word and the words before it ("opioid receptors", "aldehyde dehydrogenase",
    /// "HIV protease", "mitogen-activated protein kinase"): gene mentions without an HGNC id (name = the
    /// lower-cased phrase, source `pattern:family`). They are entities, not pair partners — a rule needs a
    /// gene symbol. A drug word inside ("dopamine" in "dopamine receptor") stays a drug mention.
    func addProteinFamilies(_ t: [Unicode.Scalar], _ words: [Range<Int>], _ ms: [Mention]) -> [Mention] {
        var found: [Mention] = []
        var named: [Mention] = []   // genes by the plural of their name, which no drug word inside outlives
        for word in words {
            let i = word.lowerBound, k = word.upperBound
            let len = k - i
            // cheap first: receptor(s), transporter(s), -ase(s), channel(s), enzymes, subunit(s)
            guard len >= 5, len <= 24 else { continue }
            // cheap first, on the last three letters: -tor -ors -ase -ses -nel -els -mes -nit -its -nase
            let z = t[k - 1].value | 0x20, y = t[k - 2].value | 0x20, x = t[k - 3].value | 0x20
            let tail = (x == 0x74 && y == 0x6F && z == 0x72) || (x == 0x6F && y == 0x72 && z == 0x73) || (x == 0x61 && y == 0x73 && z == 0x65)
                || (x == 0x73 && y == 0x65 && z == 0x73) || (x == 0x6E && y == 0x65 && z == 0x6C) || (x == 0x65 && y == 0x6C && z == 0x73)
                || (x == 0x6D && y == 0x65 && z == 0x73) || (x == 0x6E && y == 0x69 && z == 0x74) || (x == 0x69 && y == 0x74 && z == 0x73)
            guard tail else { continue }
            let head = makeLowerString(t[i..<k])
            let isHead = Self.familyHeads.contains(head)
                || (len >= 7 && (head.hasSuffix("ase") || head.hasSuffix("ases")) && !Self.aseWords.contains(where: { head.hasSuffix($0) }))
            guard isHead, !ms.contains(where: { $0.kind != .drug && $0.start < k && i < $0.end }) else { continue }
            // leftwards: up to three qualifying words in the same clause
            var start = i, words = 0, p = i
            while words < 3 {
                var q = p
                while q > 0 && (t[q - 1] == " " || t[q - 1] == "\u{a0}") { q -= 1 }
                guard q > 0, q < p, let w = Self.wordBefore(t, q) else { break }
                let word = makeLowerString(t[w])
                if Self.familyStop.contains(word) || word.hasSuffix("ing") || word.hasSuffix("ly")
                    || (word.hasSuffix("ed") && !word.contains("-")) || !word.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) {
                    break
                }
                // a word after "to" is a verb ("to enhance receptor")
                var r = w.lowerBound
                while r > 0 && t[r - 1] == " " { r -= 1 }
                if r >= 2, makeLowerString(t[(r - 2)..<r]) == "to", r == 2 || !Self.isAlnum(t[r - 3]) { break }
                if ms.contains(where: { $0.kind != .drug && $0.start < q && w.lowerBound < $0.end }) { break }
                start = w.lowerBound; p = w.lowerBound; words += 1
            }
            guard words > 0 else { continue }
            // "mu-opioid receptors", "glucocorticoid receptors": the plural of one gene's name is that gene
            if t[k - 1] == "s", let m = pluralGeneName(t, start, i, k) {
                named.append(m)
                continue
            }
            found.append(familyMention(t, start..<k))
        }
        guard !named.isEmpty else { return Self.adding(found, to: ms) }
        let kept = ms.filter { m in m.kind != .drug || !named.contains { $0.start <= m.start && m.end <= $0.end } }
        return Self.adding(found + named, to: kept)
    }

    /// The second or beta form of a name ("estrogen receptor 2", "estrogen receptor beta").
    static let subtypeSuffixes = [" 2", " beta", " b", "-2", "-beta"]

    /// A gene whose lexicon name, with an "s", is the phrase from a word start in `start..<head` to `end`
    /// (the trie only matches a name that ends a word, so the singular is matched on its own copy).
    func pluralGeneName(_ t: [Unicode.Scalar], _ start: Int, _ head: Int, _ end: Int) -> Mention? {
        var buf: [UInt32] = []
        var s0 = start
        while s0 < head {
            if s0 == start || (Self.isSpace(t[s0 - 1]) && !Self.isSpace(t[s0])) {
                let singular = Array(t[s0..<(end - 1)])
                if let m = longest(singular, from: 0, folded: true, buf: &buf), m.end == singular.count {
                    let e = lexicon.entries[Int(m.entry)]
                    // not a name whose second or beta form is another gene's: "estrogen receptors" are ESR1 and ESR2
                    let shared = Self.subtypeSuffixes.contains { suffix in
                        let other = singular + suffix.unicodeScalars
                        guard let o = longest(other, from: 0, folded: true, buf: &buf), o.end == other.count else { return false }
                        let f = lexicon.entries[Int(o.entry)]
                        return f.kind == .gene && f.name != e.name
                    }
                    if e.kind == .gene && e.how != "family" && !shared {
                        return Mention(kind: .gene, start: s0, end: end, name: e.name, id: e.id, xref: e.xref, source: "pattern:plural-name",
                                       pharmacogene: e.pharmacogene)
                    }
                }
            }
            s0 += 1
        }
        return nil
    }

    // MARK: - Genes named with a species prefix or a rodent/parasite symbol

    /// Human genes written with the "h" prefix of cloning papers ("hENT1", "hMOR", "hOCT1") are the
    /// gene of the symbol or alias after it. Rodent, parasite and HIV genes that pharmacology abstracts
    /// name ("mdr1a", "Cyp3a11", "pfmdr1", "pfcrt", "Tat") are gene mentions without an HGNC id: entities,
    /// but no pair partner, since a rule needs a human gene.
    func addSpeciesGenes(_ t: [Unicode.Scalar], _ words: [Range<Int>], _ ms: [Mention]) -> [Mention] {
        var found: [Mention] = []
        var buf: [UInt32] = []
        for word in words {
            let i = word.lowerBound, k = word.upperBound
            // HIV's accessory proteins ("Tat", "Nef", "Vpr"): genes, but no human ones
            if k - i == 3, t[i] == "T" || t[i] == "N" || t[i] == "V", !ms.contains(where: { $0.start < k && i < $0.end }),
               Self.viralProteins.contains(makeString(t[i..<k])) {
                found.append(Mention(kind: .gene, start: i, end: k, name: makeString(t[i..<k]), source: Mention.nonHumanSource))
                continue
            }
            guard k - i >= 4, k - i <= 9, t[i].value < 0x80, t[i + 1].value < 0x80 else { continue }
            // cheap first, on the first two letters: h + capital, md, pf, pv; ab and cy with a digit (Abcb1a, Cyp3a11)
            let c = t[i].value | 0x20, d = t[i + 1].value | 0x20
            let human = t[i] == "h" && Self.isUpper(t[i + 1])
            let other = (c == 0x6D && d == 0x64) || (c == 0x70 && (d == 0x66 || d == 0x76))
                || (((c == 0x61 && d == 0x62) || (c == 0x63 && d == 0x79)) && t[i..<k].contains(where: { $0.value &- 48 < 10 }))
            guard human || other else { continue }
            guard !ms.contains(where: { $0.start < k && i < $0.end }) else { continue }
            if human, let m = longest(t, from: i + 1, folded: false, buf: &buf), m.end == k {
                let e = lexicon.entries[Int(m.entry)]
                if e.kind == .gene && e.how != "family" {
                    found.append(Mention(kind: .gene, start: i, end: k, name: e.name, id: e.id, xref: e.xref, source: "pattern:human-prefix",
                                         pharmacogene: e.pharmacogene))
                }
                continue
            }
            let w = makeString(t[i..<k])
            if Self.nonHumanGene(w) {
                found.append(Mention(kind: .gene, start: i, end: k, name: w, source: Mention.nonHumanSource))
            }
        }
        return Self.adding(found, to: ms)
    }

    /// Bacterial genes, written in Demerec's style (three small letters and a capital: "gyrA", "rpoB", "katG",
    /// "inhA", "parC"), and the proteins of the drug-resistance genes abstracts name most ("GyrA", "RpoB",
    /// "KatG"): gene mentions without an HGNC id (source `pattern:nonhuman`), which do not pair. Before, "inhA
    /// C-15T" in a tuberculosis study with patients was INHA (inhibin) and isoniazid, "parC" CCL18 (its alias
    /// PARC). Human genes written so are left alone ("apoE", "rhoA", "trkB").
    func addBacterialGenes(_ t: [Unicode.Scalar], _ words: [Range<Int>], _ ms: [Mention]) -> [Mention] {
        var found: [Mention] = []
        for word in words where word.count == 4 || word.count == 5 {
            let i = word.lowerBound, k = word.upperBound
            // part of a hyphenated word ("c-erbB-2", "proB-type natriuretic peptide") is no gene name
            if (i > 0 && t[i - 1] == "-") || (k < t.count && t[k] == "-") { continue }
            // the shape first (no string for most words): three small ASCII letters or a capital and two small
            // ones, then a capital
            let small12 = t[i + 1].value &- 97 < 26 && t[i + 2].value &- 97 < 26, capital3 = t[i + 3].value &- 65 < 26
            guard small12 && capital3 else { continue }
            let demerec = t[i].value &- 97 < 26 && (word.count == 4 || Self.isDigit(t[i + 4]))
            guard demerec || (t[i].value &- 65 < 26 && word.count == 4) else { continue }
            let w = makeString(t[word])
            if demerec {
                guard !Self.humanDemerecPrefixes.contains(String(w.prefix(3))) else { continue }
            } else if !Self.bacterialProteins.contains(w) {
                continue
            }
            // (a human gene the lexicon matched on the same letters gives way; a drug or a longer mention does not)
            guard !ms.contains(where: { $0.start < k && i < $0.end && !($0.kind == .gene && $0.start == i && $0.end == k) }) else { continue }
            found.append(Mention(kind: .gene, start: i, end: k, name: w, source: Mention.nonHumanSource))
        }
        guard !found.isEmpty else { return ms }
        let kept = ms.filter { m in !found.contains { $0.start == m.start && $0.end == m.end } }
        return Self.adding(found, to: kept)
    }
    /// Human genes written in that style, and words that look so: a deletion or insertion ("delT"), "logC0"
    static let humanDemerecPrefixes: Set<String> = ["apo", "rho", "trk", "eph", "ras", "rac", "cyc", "hox", "pax", "sox", "erb",
                                                    "del", "ins", "dup", "inv", "log"]
    static let bacterialProteins: Set<String> = ["GyrA", "GyrB", "ParC", "ParE", "RpoB", "RpoC", "KatG", "InhA", "EmbB", "PncA",
                                                 "RpsL", "MecA", "VanA", "ErmB", "TetM", "AcrB", "TolC", "MarR", "MexB", "OprD",
                                                 "NorA", "LexA", "RecA", "FusA", "EthA", "AhpC", "FolP", "DfrA", "AmpC", "OmpF"]

    static let viralProteins: Set<String> = ["Tat", "Nef", "Vpr", "Vif", "Vpu"]
    static let rodentTransporters: Set<String> = ["mdr1a", "mdr1b", "abcb1a", "abcb1b", "mdr3"]
    static let parasiteGenes: Set<String> = ["pfmdr1", "pfmdr2", "pfcrt", "pfdhfr", "pfdhps", "pfatp6", "pfk13", "pfkelch13",
                                             "pfmrp1", "pfnhe1", "pvmdr1", "pvcrt", "pvdhfr", "pvdhps"]

    /// Cytochrome P450 symbols no human gene has ("Cyp3a11" in rodent nomenclature, hamster "CYP2A8";
    /// the human ones are dictionary matches before this runs), rodent transporter genes, Plasmodium
    /// drug-resistance genes.
    static func nonHumanGene(_ w: String) -> Bool {
        let lower = w.lowercased()
        if rodentTransporters.contains(lower) || parasiteGenes.contains(lower) { return true }
        guard w.hasPrefix("Cyp") || w.hasPrefix("CYP") else { return false }
        let rest = Array(lower.utf8.dropFirst(3))
        var j = 0
        while j < rest.count && rest[j] >= 48 && rest[j] <= 57 { j += 1 }
        guard j >= 1, j <= 2, j < rest.count, rest[j] >= 97, rest[j] <= 122 else { return false }
        let tail = rest[(j + 1)...]
        return !tail.isEmpty && tail.count <= 3 && tail.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    // MARK: - The organism a document studies

    /// MeSH descriptors of bacteria, archaea, fungi and plants or their proteins (a heading holding one of
    /// these words: "Bacterial Proteins", "Escherichia coli", "Saccharomyces cerevisiae Proteins",
    /// "Solanum lycopersicum", "Arabidopsis"). Herbal medicine ("Plant Extracts") is no plant study.
    static let microbeHeadingWords = ["Bacteria", "Bacterial", "Archaea", "Archaeal", "Escherichia", "Salmonella", "Pseudomonas",
                                      "Staphylococcus", "Streptococcus", "Mycobacterium", "Bacillus", "Klebsiella", "Acinetobacter",
                                      "Helicobacter", "Vibrio", "Listeria", "Streptomyces", "Lactobacillus", "Clostridium",
                                      "Enterococcus", "Neisseria", "Haemophilus", "Campylobacter", "Chromatium", "Thermus",
                                      "Synechocystis", "Cyanobacteria", "Saccharomyces", "Schizosaccharomyces", "Fungal", "Fungi",
                                      "Yeasts", "Candida", "Aspergillus", "Arabidopsis", "Solanum", "Oryza", "Nicotiana", "Zea mays",
                                      "Triticum", "Chlamydomonas", "Shigella", ", Plant"]
    static let plantHeadings: Set<String> = ["Plants", "Plant Proteins", "Plant Leaves", "Plant Roots", "Plant Diseases",
                                             "Plants, Genetically Modified", "Plant Immunity", "Plant Growth Regulators"]
    /// Words of a text that name bacteria, yeast or fungi as what it studies ("the isc operon … in
    /// prokaryotes", "in S. cerevisiae"); not "plants", which pharmacology names as sources of drugs
    /// ("plants … as a source of AhR antagonists") …
    static let microbeWords: Set<String> = ["bacteria", "bacterial", "bacterium", "prokaryote", "prokaryotes", "prokaryotic",
                                            "operon", "operons", "yeast", "yeasts", "saccharomyces", "cerevisiae", "escherichia",
                                            "arabidopsis", "fungal", "fungi", "fungus", "archaea", "archaeal",
                                            "cyanobacteria", "cyanobacterial"]
    /// … and words that name people or animals, any of which keeps a gene human (or the animal's, read as
    /// its human ortholog, as everywhere else).
    static let hostWords: Set<String> = ["patient", "patients", "human", "humans", "man", "men", "woman", "women", "child", "children",
                                         "volunteers", "subjects", "participants", "individuals", "people", "persons", "cohort",
                                         "clinical", "carriers", "mice", "mouse", "murine", "rat", "rats", "animals", "animal",
                                         "dogs", "pigs", "rabbits", "monkeys", "zebrafish", "hela", "hepg2", "hek293"]

    /// Whether a document studies bacteria, archaea, fungi or plants, and not people or animals. A record
    /// with MeSH headings says so by its headings: no "Humans" or "Animals" check tag, and an organism
    /// heading above (the "YfhJ … iron-sulfur cluster" record: "Bacterial Proteins"; the yeast Tpa1
    /// record; tomato: "Plant Proteins"). Without headings (a record not yet indexed, a JSONL text) its
    /// words do: one of `microbeWords` and none of `hostWords`.
    static func studiesMicrobesOrPlants(_ passages: [[Unicode.Scalar]], _ words: [[Range<Int>]], headings: [String]) -> Bool {
        if !headings.isEmpty {
            guard !headings.contains("Humans"), !headings.contains("Animals") else { return false }
            return headings.contains { h in plantHeadings.contains(h) || microbeHeadingWords.contains { h.contains($0) } }
        }
        var microbe = false
        for (t, ws) in zip(passages, words) {
            for w in ws where w.count >= 3 && w.count <= 14 && t[w.lowerBound].properties.isAlphabetic {
                let word = makeLowerString(t[w])
                if hostWords.contains(word) { return false }
                if microbeWords.contains(word) { microbe = true }
            }
        }
        return microbe
    }

    /// In a document of bacteria, yeast or plants, a gene written other than as its human symbol is that
    /// organism's: "IscS" (bacterial cysteine desulfurase, NCBI's alias of human NFS1), yeast "Tpa1" and
    /// "TPA1" (OGFOD1), tomato "iNOS" (NOS2). Such a mention stays a gene, as a rodent or parasite gene
    /// does, but makes no pair. A gene written as its human symbol ("CYP2C9 expressed in E. coli") stays.
    func readAsNonHuman(_ passages: [[Unicode.Scalar]], _ result: inout [[Mention]]) {
        for (p, t) in passages.enumerated() {
            for i in result[p].indices {
                let m = result[p][i]
                guard m.kind == .gene, !m.isFamily else { continue }
                let written = makeString(t[m.start..<m.end])
                guard written != m.name else { continue }
                result[p][i] = Mention(kind: .gene, start: m.start, end: m.end, name: written, source: Mention.nonHumanSource)
            }
        }
    }

    // MARK: - Short symbols that are genes only in context

    /// Two-letter symbols left out of the dictionary because they are mostly something else ("ER" the
    /// emergency room or endoplasmic reticulum, "PR" a partial response, "TS" …), taken as the gene
    /// where the next word is one said of a gene or receptor ("ER-positive", "ER expression",
    /// "TS genotype", "GR content") or where they stand in a list of genes ("ERCC1, GSTs, TS and MTHFR").
    /// Three-letter ones (CRP the clinical measure, APC the cells or the trial) only before a word of
    /// genetics ("CRP gene polymorphisms", "ATG5, NFKB1, and CRP Genes").
    static let contextSymbols: [String: String] = ["ER": "ESR1", "PR": "PGR", "GR": "NR3C1", "TS": "TYMS", "AR": "AR",
                                                   "CRP": "CRP", "APC": "APC"]
    /// The first letters of the three-letter ones, tested before a word is made a string.
    static let contextFirstLetters3 = Set(contextSymbols.keys.filter { $0.unicodeScalars.count == 3 }.map { $0.unicodeScalars.first!.value })
    static let geneWords: Set<String> = ["positive", "negative", "expression", "status", "content", "genotype", "genotypes",
                                         "gene", "polymorphism", "polymorphisms", "mrna", "protein", "antagonist", "agonist",
                                         "antagonists", "agonists", "activity", "levels", "binding", "signaling", "signalling"]

    func addContextSymbols(_ t: [Unicode.Scalar], _ words: [Range<Int>], _ ms: [Mention]) -> [Mention] {
        var found: [Mention] = []
        let n = t.count
        for word in words {
            // two or three capitals standing alone
            let i = word.lowerBound, k = word.upperBound
            guard k - i == 2 || k - i == 3 && Self.contextFirstLetters3.contains(t[i].value), t[i].value &- 65 < 26,
                  t[i + 1].value &- 65 < 26, t[k - 1].value &- 65 < 26 else { continue }
            guard let sym = Self.contextSymbols[makeString(t[i..<k])],
                  !ms.contains(where: { $0.start < k && i < $0.end }) else { continue }
            // the next word, across spaces and one hyphen ("ER -positive" in tokenized text)
            var j = k
            while j < n && (t[j] == " " || t[j] == "-") { j += 1 }
            var e = j
            while e < n && Self.isAlnum(t[e]) { e += 1 }
            // a three-letter one only before a word of genetics: "CRP gene", not "CRP levels" (the measure)
            let next = e > j ? makeLowerString(t[j..<e]) : ""
            var isGene = k - i == 2 ? Self.geneWords.contains(next) : Self.geneticContext.contains(next)
            if !isGene && k - i == 2 {
                // in a list: a gene mention within two words on either side, joined by "," or "and" (not for a
                // three-letter one: "IL-6, CRP and TNF" list blood markers)
                let near = ms.filter { $0.kind == .gene && ($0.end <= i && i - $0.end <= 6 || $0.start >= k && $0.start - k <= 6) }
                isGene = near.contains { m in
                    let gap = m.end <= i ? makeString(t[m.end..<i]) : makeString(t[k..<m.start])
                    let g = gap.trimmingCharacters(in: .whitespaces)
                    return g == "," || g == "and" || g == "or" || g == "/"
                }
            }
            guard isGene else { continue }
            found.append(geneMention(sym, i, k, source: "pattern:context-symbol"))
        }
        return Self.adding(found, to: ms)
    }

    // MARK: - Gene lists written as one symbol

    /// A cytochrome P450 written without "CYP" before its star allele ("1.13(2C9*2 Hetero)", "CYP2C9*2 and
    /// 2C9*3"): the code, a digit, a letter and one or two digits glued to the allele, is the gene CYP plus
    /// the code where the lexicon has that gene (source `pattern:cyp-short`), so the allele is that gene's.
    func addShortCYPNames(_ t: [Unicode.Scalar], _ ms: [Mention]) -> [Mention] {
        var found: [Mention] = []
        for v in ms where v.kind == .variant && v.source == "pattern:star" && v.start >= 3 && t[v.start] == "*" {
            var s = v.start
            while s > 0 && s > v.start - 4 && Self.isAlnum(t[s - 1]) { s -= 1 }
            let code = t[s..<v.start]
            guard code.count >= 3, code.count <= 4, (s == 0 || !Self.isAlnum(t[s - 1])),
                  ("1"..."4").contains(code.first!), ("A"..."F").contains(code[s + 1]), code.dropFirst(2).allSatisfy(Self.isDigit),
                  !ms.contains(where: { $0.start < v.start && s < $0.end }) else { continue }
            let symbol = "CYP" + makeString(code)
            guard lexicon.geneInfo[symbol] != nil else { continue }
            found.append(geneMention(symbol, s, v.start, source: "pattern:cyp-short"))
        }
        return found.isEmpty ? ms : (ms + found).sorted(by: Self.inTextOrder)
    }

    /// Genes written as one symbol and the other members' endings: "CYP3A4/5" (CYP3A5), "CHRNA5-A3-B4"
    /// (CHRNA3, CHRNB4), "UGT1A3/4/5", "SLCO1B1/1B3", "APOA1/C3/A4/A5". Each ending that makes a gene
    /// symbol of the lexicon with the first symbol's stem is that gene (a mention of the ending alone,
    /// source `pattern:gene-list`). Only after a symbol written as itself, joined by "/" or "-".
    func addSymbolListGenes(_ t: [Unicode.Scalar], _ ms: [Mention]) -> [Mention] {
        var found: [Mention] = []
        for m in ms where m.kind == .gene && m.source == "lexicon:symbol" && m.end < t.count && (t[m.end] == "/" || t[m.end] == "-") {
            let symbol = Array(m.name.unicodeScalars)
            guard symbol.count >= 4, t[m.start..<m.end].elementsEqual(symbol) else { continue }
            var p = m.end
            while p < t.count && (t[p] == "/" || t[p] == "-") {
                var e = p + 1
                while e < t.count && Self.isAlnum(t[e]) && t[e].value < 0x80 { e += 1 }
                guard e > p + 1, e - p - 1 <= 4, e == t.count || !Self.isAlnum(t[e]),
                      let member = Self.listMember(symbol, Array(t[(p + 1)..<e])), member != m.name,
                      lexicon.geneInfo[member] != nil else { break }
                found.append(geneMention(member, p + 1, e, source: "pattern:gene-list"))
                p = e
            }
        }
        guard !found.isEmpty else { return ms }
        // the list's reading wins over a symbol the ending spells alone ("APOA1/C3": APOC3, not complement C3)
        let kept = ms.filter { m in !(m.kind == .gene && found.contains { $0.start == m.start && $0.end == m.end }) }
        return Self.adding(found, to: kept)
    }

    /// The symbol an ending makes with `symbol`'s stem: digits replace its last digits ("CYP3A4" + "5"),
    /// a letter and digits its last letter and digits ("CHRNA5" + "B4"), a digit, letter and digits its
    /// last such group ("SLCO1B1" + "1B3"); nil for any other ending.
    static func listMember(_ symbol: [Unicode.Scalar], _ ending: [Unicode.Scalar]) -> String? {
        func isD(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
        func isU(_ c: Unicode.Scalar) -> Bool { c.value >= 65 && c.value <= 90 }
        // the length of the symbol's trailing group of the ending's shape
        var cut = symbol.count
        while cut > 0 && isD(symbol[cut - 1]) { cut -= 1 }
        guard cut < symbol.count, let first = ending.first else { return nil }
        if isD(first) && ending.allSatisfy(isD) {
            // digits
        } else if isU(first) && ending.count >= 2 && ending.dropFirst().allSatisfy(isD) {
            guard cut > 0, isU(symbol[cut - 1]) else { return nil }
            cut -= 1
        } else if isD(first) && ending.count >= 3 && isU(ending[1]) && ending.dropFirst(2).allSatisfy(isD) {
            guard cut > 1, isU(symbol[cut - 1]), isD(symbol[cut - 2]) else { return nil }
            cut -= 2
        } else {
            return nil
        }
        guard cut >= 3 else { return nil }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: symbol[..<cut]); out.append(contentsOf: ending)
        return String(out)
    }

    // MARK: - Names used for something else

    /// Gene symbols used for something else in the passage: "C0", "C2" are the sampling times of drug
    /// concentrations where the passage speaks of them (Cmax, AUC, trough, dose-normalized), not
    /// complement genes, and are dropped; a CD marker with cells or a count after it ("CD4 + T cells",
    /// "CD34+ cells", "CD4 count") names a kind of cell and stays an entity that does not pair. Also dropped:
    /// what `namesSomethingElse` finds (a study, a protein domain, the forced expiratory volume).
    func markNonGeneUses(_ passages: [[Unicode.Scalar]], _ result: inout [[Mention]]) {
        for (p, t) in passages.enumerated() {
            var pk: Bool? = nil
            func speaksOfConcentrations() -> Bool {
                if let pk { return pk }
                let low = makeLowerString(t[...])
                let yes = ["cmax", "c0", "auc", "trough", "post-dose", "postdose", "dose-normalized", "dose-adjusted"].contains { low.contains($0) }
                pk = yes
                return yes
            }
            result[p].removeAll { m in
                guard m.kind == .gene, m.end - m.start <= 3, t[m.start] == "C", m.end - m.start >= 2,
                      t[(m.start + 1)..<m.end].allSatisfy({ Self.isDigit($0) }) else { return false }
                return speaksOfConcentrations()
            }
            result[p].removeAll { $0.kind == .gene && Self.namesSomethingElse(t, $0) }
            for i in result[p].indices where result[p][i].kind == .gene {
                let m = result[p][i]
                guard m.end - m.start >= 3, t[m.start] == "C", t[m.start + 1] == "D",
                      t[(m.start + 2)..<m.end].allSatisfy({ Self.isDigit($0) }) else { continue }
                var j = m.end
                while j < t.count && Self.isSpace(t[j]) { j += 1 }
                let rest = makeLowerString(t[j..<min(t.count, j + 12)])
                if rest.hasPrefix("+") || rest.hasPrefix("cell") || rest.hasPrefix("count") || rest.hasPrefix("t cell")
                    || rest.hasPrefix("lymphocyte") || rest.hasPrefix("-positive") {
                    result[p][i].source = Mention.cellMarkerSource
                }
            }
        }
    }

    /// Whether gene mention `m` names something else by what stands around it:
    /// - a trademark sign before it: a product's grade ("Eudragit® RSPO");
    /// - a star, a letter and a study word: a study ("the STAR*D sample"), not an allele ("TGFB1*T, CCR5*d",
    ///   "APOE*E4 carriers");
    /// - "domain" after a short symbol: a protein domain ("the C2 domain", "C2-like domain", "C2 like C-terminal
    ///   domain", "PH domains");
    /// - 1 after FEV: the forced expiratory volume in one second ("FEV1", "FEV 1", "FEV(1)", "FEV₁").
    static func namesSomethingElse(_ t: [Unicode.Scalar], _ m: Mention) -> Bool {
        if m.end + 2 < t.count, t[m.end] == "*", t[m.end + 1].properties.isAlphabetic, !isAlnum(t[m.end + 2]),
           studyWords.contains(lowerWordAfter(t, m.end + 2)) {
            return true
        }
        var b = m.start
        if b > 0 && isSpace(t[b - 1]) { b -= 1 }
        if b > 0 && (t[b - 1] == "®" || t[b - 1] == "™") { return true }
        guard m.end - m.start <= 3, m.source.hasPrefix("lexicon:") else { return false }
        var j = m.end
        if j < t.count && t[j] == "-" { j += 1 }
        while j < t.count && isSpace(t[j]) { j += 1 }
        // "C2 domain", "C2 like C-terminal domain": the next word, or one of the four after "like"
        var word = lowerWordAfter(t, m.end), e = j + word.unicodeScalars.count
        if word.hasPrefix("domain") { return true }
        if word == "like" {
            for _ in 0..<4 {
                word = lowerWordAfter(t, e)
                if word.hasPrefix("domain") { return true }
                guard !word.isEmpty, let r = t[e...].firstIndex(where: { isAlnum($0) }) else { break }
                e = r + word.unicodeScalars.count
            }
        }
        guard makeString(t[m.start..<m.end]) == "FEV", j < t.count else { return false }
        return t[j] == "1" || t[j] == "\u{2081}" || makeString(t[j..<min(t.count, j + 3)]) == "(1)"
    }

    static let studyWords: Set<String> = ["sample", "samples", "study", "studies", "trial", "cohort", "analysis", "analyses",
                                          "participants", "subjects", "patients", "data", "dataset", "population"]

    static let procedureWords: Set<String> = ["angiography", "angiogram", "angiograms", "staining", "stain", "dye", "imaging"]

    /// Words after a substance that make it the name of a protein or structure it is part of or carries:
    /// "zinc finger", "calcium channel variants", "sodium-potassium pump", "glucose transporter".
    static let structureWords: Set<String> = ["finger", "fingers", "channel", "channels", "pump", "pumps",
                                              "exchanger", "exchangers", "transporter", "transporters", "cotransporter",
                                              "cotransporters", "antiporter", "antiporters", "symporter", "symporters"]
    /// Words joined to a substance before "genes" that name the genes it switches on.
    static let regulatedWords: Set<String> = ["regulated", "stimulated", "induced", "inducible", "responsive", "dependent"]
    /// Words after a substance that make it the name of a pathway.
    static let pathwayWords: Set<String> = ["signaling", "signalling", "pathway", "pathways", "cascade", "axis"]

    /// Terms that begin with a substance's name and name something else: a measure ("oxygen saturation",
    /// "blood urea nitrogen"), a class of radicals ("reactive oxygen species"), a reference ("gold standard").
    /// First word -> the words that follow it; a drug that is the second word ("urea nitrogen") goes too.
    static let otherTerms: [String: Set<String>] = [
        "gold": ["standard", "standards"],
        "oxygen": ["species", "saturation", "saturations", "desaturation", "consumption", "uptake", "tension", "extraction"],
        "nitrogen": ["fixation", "assimilation"], "urea": ["nitrogen"],
        // the body's response to its own insulin, a trait and no treatment ("selective insulin resistance in
        // the heart", "insulin-resistant", "insulin secretion"); "insulin therapy" and "insulin dose" stay
        "insulin": ["resistance", "resistant", "sensitivity", "sensitive", "secretion", "secretory", "signaling",
                    "signalling", "action"],
    ]

    /// Elements and ions the drug table lists as drugs: like the body's own substances, they name the
    /// transporters that carry them ("zinc transporter 8", "copper transporter 1").
    static let elements: Set<String> = ["zinc", "iron", "copper", "hydrogen", "magnesium", "manganese", "sodium", "potassium",
                                        "calcium", "lithium", "selenium", "oxygen", "sulfur", "cobalt", "cadmium", "chloride ion"]

    /// A substance named as part of a protein's or a structure's name: the next word is a structure word,
    /// or the word after a joined one ("iron-sulfur cluster", "sodium/hydrogen exchanger"). A drug's own
    /// transporter ("metformin transporter") names the drug; only a substance the body makes, an element
    /// or a class ("glucose transporter", "zinc finger") is refused so.
    static func namesStructure(_ t: [Unicode.Scalar], _ m: Mention, endogenous: Bool) -> Bool {
        func structure(_ w: String) -> Bool {
            structureWords.contains(w) && (endogenous || !w.contains("porter"))
                // a substance the body makes, an element or a class before "receptor" names the receptor:
                // "dopamine receptors", "vitamin D receptor", "opioid receptors", "estrogen receptor",
                // "sulfonylurea receptor" (a named drug keeps its mention: "ryanodine receptor" is the gene's)
                || endogenous && (w == "receptor" || w == "receptors")
                // ... or before "signaling" or "pathway" names the pathway: "interferon gamma ... signaling",
                // "estrogen signaling", "the calcium pathway" (a protein drug's name counts as the body's own)
                || pathwayWords.contains(w) && (endogenous || isProteinDrug())
        }
        func isProteinDrug() -> Bool {
            let name = makeLowerString(t[m.start..<m.end])
            return name.hasPrefix("interferon") || name.hasPrefix("interleukin") || name.hasSuffix("hormone")
                || name.hasSuffix("growth factor") || name.hasPrefix("ifn") || name.hasPrefix("il-")
        }
        let w1 = lowerWordAfter(t, m.end)
        if structure(w1) { return true }
        guard m.end < t.count, t[m.end] == "-" || t[m.end] == "/", !w1.isEmpty, w1.count <= 12 else { return false }
        var e = m.end + 1
        while e < t.count && isAlnum(t[e]) { e += 1 }
        // a cofactor's cluster is named by its two elements ("iron-sulfur cluster"); a "gold cluster" is gold
        let w2 = lowerWordAfter(t, e)
        // the genes a substance the body makes switches on: "interferon-stimulated genes", "estrogen-responsive
        // genes" ("dexamethasone-induced genes" keep their drug)
        if regulatedWords.contains(w1), w2 == "gene" || w2 == "genes", endogenous || isProteinDrug() { return true }
        return structure(w2) || w2 == "cluster" || w2 == "clusters"
    }

    /// What a substance binds names a protein or a site: "FK506-binding protein 5", "retinoic acid-binding
    /// protein", "vitamin D-binding protein", "penicillin-binding protein 2a", "sex hormone-binding globulin".
    static let boundParts: Set<String> = ["protein", "proteins", "globulin", "globulins", "domain", "domains", "site", "sites",
                                          "pocket", "pockets", "cassette", "motif", "region"]
    static func namesBindingProtein(_ t: [Unicode.Scalar], _ m: Mention) -> Bool {
        guard lowerWordAfter(t, m.end) == "binding" else { return false }
        var e = m.end
        while e < t.count && (isSpace(t[e]) || t[e] == "-") { e += 1 }
        return boundParts.contains(lowerWordAfter(t, e + "binding".count))
    }

    /// A drug named as part of a laboratory tool, not given to anyone: a selection marker ("the floxed
    /// neomycin cassette", "PGK–neomycin selection cassette", "neomycin phosphotransferase gene",
    /// "puromycin resistance cassette") or the inducer of a conditional system ("a tamoxifen-inducible Cre
    /// allele", "doxycycline-inducible shRNAs", "a tamoxifen-regulated Cre recombinase"). A mouse line's
    /// mutation beside it is no finding about the drug. "Neomycin-induced ototoxicity", "rifampicin-inducible
    /// CYP3A4" and "tamoxifen-regulated genes" keep their drug.
    static func namesLaboratoryTool(_ t: [Unicode.Scalar], _ m: Mention) -> Bool {
        let w1 = lowerWordAfter(t, m.end)
        guard !w1.isEmpty else { return false }
        var e = m.end
        while e < t.count && (isSpace(t[e]) || t[e] == "-") { e += 1 }
        let w2 = lowerWordAfter(t, e + w1.unicodeScalars.count)
        if selectionMarkers.contains(m.name) {
            return markerWords.contains(w1) || (w1 == "resistance" || w1 == "resistant") && (markerWords.contains(w2) || w2 == "marker" || w2 == "gene")
        }
        switch m.name {
        case "doxycycline", "tetracycline":
            return ["inducible", "regulated", "regulatable", "controlled", "responsive", "dependent"].contains(w1)
        case "tamoxifen", "afimoxifene", "mifepristone":
            return w1 == "inducible" || w1 == "activatable"
                || ["regulated", "dependent", "controlled"].contains(w1) && conditionalParts.contains(w2)
        default:
            return false
        }
    }
    /// The antibiotics that select transfected cells or targeted alleles.
    static let selectionMarkers: Set<String> = ["neomycin", "geneticin", "puromycin", "hygromycin b", "blasticidin s", "zeocin"]
    static let markerWords: Set<String> = ["cassette", "cassettes", "selection", "selectable", "phosphotransferase"]
    /// What a conditional system switches: "tamoxifen-regulated Cre recombinase", "... allele".
    static let conditionalParts: Set<String> = ["cre", "creer", "creert2", "recombinase", "recombination", "allele", "alleles",
                                                "transgene", "transgenic", "promoter", "expression", "system", "knockout", "deletion"]

    /// Words that may stand between "-based" and the therapy it names ("cisplatin-based adjuvant chemotherapy").
    static let regimenModifiers: Set<String> = ["adjuvant", "neoadjuvant", "combination", "combined", "doublet", "triplet", "first",
                                                "second", "third", "line", "maintenance", "induction", "consolidation", "systemic",
                                                "palliative", "salvage", "intravenous", "oral", "standard"]

    /// A class named after a drug's "-based" ("gemcitabine-based chemotherapy", "efavirenz-based ART",
    /// "5-FU-based adjuvant chemotherapy") is the drug's regimen, which the drug's mention already names: no
    /// second partner for the drug's genes (`Candidate.drugIsRegimenOfAnother`).
    static func isBasedOnDrug(_ t: [Unicode.Scalar], _ m: Mention, _ ms: [Mention]) -> Bool {
        var e = m.start
        var skipped = 0
        while true {
            while e > 0 && (isSpace(t[e - 1]) || t[e - 1] == "-") { e -= 1 }
            var b = e
            while b > 0 && isAlnum(t[b - 1]) { b -= 1 }
            let w = makeLowerString(t[b..<e])
            if w == "based" {
                // the drug right before, joined by a hyphen or a space ("anthracycline -based" in tokenized text)
                var end = b
                if end > 0 && t[end - 1] == "-" { end -= 1 }
                while end > 0 && isSpace(t[end - 1]) { end -= 1 }
                guard end < b else { return false }
                return ms.contains { $0.kind == .drug && $0.end == end && $0.start < m.start }
            }
            guard regimenModifiers.contains(w), skipped < 3 else { return false }
            skipped += 1
            e = b
        }
    }

    /// A drug name that begins another name is not the drug: a procedure ("fluorescein angiography"),
    /// or for a substance the body makes, an enzyme ("uridine 5'-diphosphate glucuronosyltransferase":
    /// the next word or the one after ends in -ase).
    func dropDrugsInOtherNames(_ passages: [[Unicode.Scalar]], _ result: inout [[Mention]]) {
        for (p, t) in passages.enumerated() {
            let ms = result[p]
            result[p].removeAll { m in
                guard m.kind == .drug, m.source.hasPrefix("lexicon:") else { return false }
                if Self.namesStructure(t, m, endogenous: m.isClass || m.source == "lexicon:endogenous" || Self.elements.contains(m.name)) {
                    return true
                }
                // either word of such a term: "blood urea nitrogen" takes both urea and nitrogen
                if let next = Self.otherTerms[m.name], next.contains(Self.lowerWordAfter(t, m.end)) { return true }
                if Self.namesBindingProtein(t, m) { return true }
                if Self.namesLaboratoryTool(t, m) { return true }
                if let next = Self.otherTerms[Self.lowerWordBefore(t, m.start)], next.contains(m.name) { return true }
                guard !m.isClass else { return false }
                let w1 = Self.lowerWordAfter(t, m.end)
                if Self.procedureWords.contains(w1) { return true }
                func enzyme(_ w: String) -> Bool {
                    w.count >= 8 && (w.hasSuffix("ase") || w.hasSuffix("ases")) && !Self.notEnzymes.contains(w)
                }
                // only a substance the body makes: a drug before an enzyme's name stays ("chloramphenicol
                // acetyltransferase" reporters are about chloramphenicol)
                guard m.source == "lexicon:endogenous" else { return false }
                if enzyme(w1) { return true }
                // one word between ("uridine 5'-diphosphate glucuronosyltransferase")
                var e = m.end
                while e < t.count && (Self.isSpace(t[e]) || t[e] == "-") { e += 1 }
                while e < t.count && (Self.isAlnum(t[e]) || t[e] == "'" || t[e] == "-" || t[e] == "\u{2032}") { e += 1 }
                return !w1.isEmpty && w1.count <= 14 && enzyme(Self.lowerWordAfter(t, e))
                    && !ms.contains { $0.kind == .drug && $0.start >= m.end && $0.start < e }
            }
        }
    }

    static let geneticContext: Set<String> = ["gene", "genes", "polymorphism", "polymorphisms", "variant", "variants", "genotype",
                                              "genotypes", "allele", "alleles", "snp", "snps", "haplotype", "haplotypes", "promoter",
                                              "mutation", "mutations", "locus", "genetic"]

    /// A protein that DrugBank lists as a drug ("interleukin-10", "BChE", "IFNG") is its gene where the
    /// next word speaks of genes ("interleukin-10 gene polymorphisms", "BChE rs1803274"): the symbol is
    /// the name written as a symbol (capitals, no hyphen) or an interleukin's or interferon's symbol,
    /// and must be a gene the lexicon knows.
    func proteinDrugsAsGenes(_ passages: [[Unicode.Scalar]], _ result: inout [[Mention]]) {
        for (p, t) in passages.enumerated() {
            for i in result[p].indices where result[p][i].kind == .drug && !result[p][i].isClass {
                let m = result[p][i]
                // the word after, past an abbreviation in brackets or the closing bracket around this one
                // ("interferon gamma (IFNG) polymorphism")
                var e = m.end
                while e < t.count && Self.isSpace(t[e]) { e += 1 }
                if e < t.count && t[e] == "(", let close = t[e..<min(t.count, e + 16)].firstIndex(of: ")") { e = close + 1 }
                else if e < t.count && t[e] == ")" { e += 1 }
                let next = Self.lowerWordAfter(t, e)
                // or a variant written right after it ("prothrombin G20210A"), or an allele at a position
                // ("prothrombin 20210A allele")
                let variantNext = result[p].contains { $0.kind == .variant && $0.start >= m.end && $0.start <= m.end + 1 }
                    || next.count >= 4 && next.count <= 7 && next.last.map({ "acgt".contains($0) }) == true
                        && next.dropLast().allSatisfy(\.isNumber)
                // or the alleles of an indel ("factor X insertion/insertion genotype")
                guard Self.geneticContext.contains(next) || (next.hasPrefix("rs") && next.count > 3 && next.dropFirst(2).allSatisfy(\.isNumber))
                        || next == "insertion" || next == "deletion"
                        || variantNext
                else { continue }
                let written = makeString(t[m.start..<m.end])
                guard let sym = Self.geneSymbol(forProteinName: written), lexicon.geneInfo[sym] != nil else { continue }
                result[p][i] = geneMention(sym, m.start, m.end, source: "pattern:protein-as-gene")
            }
        }
    }

    /// Proteins DrugBank lists as drugs whose gene's symbol is not their name written short: the
    /// coagulation factors and inhibitors of thrombophilia studies ("prothrombin G20210A" is F2's variant).
    static let proteinGenes: [String: String] = [
        "prothrombin": "F2", "thrombin": "F2", "antithrombin": "SERPINC1", "antithrombin iii": "SERPINC1",
        "protein c": "PROC", "protein s": "PROS1", "leptin": "LEP",
        // "factor X insertion/deletion genotype", "factor VII deletion/deletion" (warfarin dose studies)
        "factor ii": "F2", "factor v": "F5", "factor vii": "F7", "factor viii": "F8", "factor ix": "F9", "factor x": "F10",
        "factor xi": "F11", "factor xii": "F12", "factor xiii": "F13A1",
    ]

    /// "BChE" -> BCHE, "IL-6" -> IL6, "interleukin-10" -> IL10, "interferon gamma" -> IFNG, "TNF-alpha" -> TNF.
    static func geneSymbol(forProteinName s: String) -> String? {
        let low = s.lowercased()
        if let sym = proteinGenes[low] { return sym }
        if low.hasPrefix("interleukin") {
            let rest = low.dropFirst("interleukin".count).filter { $0 != "-" && $0 != " " }
            return rest.isEmpty ? nil : "IL" + rest.uppercased()
        }
        if ["interferon gamma", "interferon-gamma", "interferon-γ", "interferon γ", "ifn-gamma", "ifn-γ", "ifng"].contains(low) { return "IFNG" }
        if ["tumor necrosis factor", "tumour necrosis factor", "tnf-alpha", "tnf-α", "tnfalpha", "tumor necrosis factor-alpha",
            "tumor necrosis factor alpha"].contains(low) { return "TNF" }
        let compact = s.filter { $0 != "-" && $0 != " " }
        guard compact.count >= 3, compact.count <= 8, compact.allSatisfy({ $0.isLetter || $0.isNumber }) else { return nil }
        return compact.uppercased()
    }

    /// Drug-class abbreviations with common meanings outside pharmacology: PPI (prepulse inhibition,
    /// protein–protein interaction), ART (assisted reproduction), TCA (the citric acid cycle), AED
    /// (defibrillators), ICS.
    static let ambiguousClassAbbreviations: Set<String> = ["PPI", "PPIs", "ART", "TCA", "TCAs", "AED", "AEDs", "ICS"]

    /// An ambiguous class abbreviation (`ambiguousClassAbbreviations`) is that class where the document
    /// speaks of drugs: it names another drug, or the letters stand with a word of drug use ("PPI
    /// therapy", "on PPIs"). Alone, the letters are more often something else ("P50 and PPI may be
    /// influenced by COMT" is prepulse inhibition in a schizophrenia study).
    func dropLoneClassAbbreviations(_ passages: [[Unicode.Scalar]], _ result: inout [[Mention]]) {
        func isCapsClass(_ m: Mention, _ t: [Unicode.Scalar]) -> Bool {
            m.kind == .drug && m.source == "lexicon:class" && Self.ambiguousClassAbbreviations.contains(makeString(t[m.start..<m.end]))
        }
        // another drug anywhere in the document: the letters are the class
        guard !passages.indices.contains(where: { p in result[p].contains { $0.kind == .drug && !isCapsClass($0, passages[p]) } }) else { return }
        for (p, t) in passages.enumerated() {
            result[p].removeAll { m in isCapsClass(m, t) && !Self.standsWithDrugUse(t, m) }
        }
    }

    /// Whether a word of drug use stands right before or after `m` ("PPI therapy", "on PPIs").
    static func standsWithDrugUse(_ t: [Unicode.Scalar], _ m: Mention) -> Bool {
        drugUseAfter.contains(lowerWordAfter(t, m.end)) || drugUseBefore.contains(lowerWordBefore(t, m.start))
    }

    /// Lexicon drug abbreviations with common meanings outside pharmacology: ASA (the anaesthesiologists'
    /// physical status), EPI (epinephrine, Epi Info, a personality inventory), PQ (paraquat, a heterogeneity
    /// statistic), AQ (aqueous), HU (Hounsfield units), BU (Bethesda units), BZ (benzodiazepines), LAM
    /// (lymphangioleiomyomatosis, lipoarabinomannan).
    static let ambiguousDrugAbbreviations: Set<String> = ["ASA", "EPI", "PQ", "AQ", "HU", "BU", "BZ", "LAM"]

    /// Lexicon drug abbreviations that are no mention of their drug:
    /// - one that continues the name before it: after a digit and a hyphen ("5-AZA" is 5-azacytidine, not
    ///   azathioprine), or starting with a digit after a hyphen ("LCS-6 TG genotype" is no tioguanine);
    ///   "HD-MTX" stays methotrexate;
    /// - an ambiguous one (`ambiguousDrugAbbreviations`) where the document does not name that drug
    ///   otherwise, its sentence names no other drug and no word of drug use stands by it ("evaluated by
    ///   Open EPI software", "patients of ASA Grade I/II"). Well-known ones (MTX, CBZ, EFV) stand alone in
    ///   single sentences and are not held to this.
    func dropLoneDrugAbbreviations(_ passages: [[Unicode.Scalar]], sentences: [[Range<Int>]], _ result: inout [[Mention]]) {
        guard result.contains(where: { $0.contains { $0.kind == .drug && $0.source == "lexicon:abbreviation" } }) else { return }
        var named = Set<String>()
        for ms in result { for m in ms where m.kind == .drug && m.source != "lexicon:abbreviation" { named.insert(m.name) } }
        for (p, t) in passages.enumerated() {
            let sents = p < sentences.count ? sentences[p] : [0..<t.count]
            let ms = result[p]
            result[p].removeAll { m in
                guard m.kind == .drug, m.source == "lexicon:abbreviation" else { return false }
                if m.start >= 2, t[m.start - 1] == "-", Self.isDigit(t[m.start - 2]) || (Self.isDigit(t[m.start]) && Self.isAlnum(t[m.start - 2])) {
                    return true
                }
                guard Self.ambiguousDrugAbbreviations.contains(makeString(t[m.start..<m.end])), !named.contains(m.name) else { return false }
                let s = sents.first { $0.contains(m.start) } ?? 0..<t.count
                return !ms.contains(where: { $0.kind == .drug && $0.name != m.name && s.contains($0.start) }) && !Self.standsWithDrugUse(t, m)
            }
        }
    }

    static let drugUseAfter: Set<String> = ["therapy", "therapies", "treatment", "treatments", "treated", "use", "users", "user",
                                            "dose", "doses", "dosing", "drug", "drugs", "regimen", "regimens", "exposure", "intake",
                                            "response", "responses", "resistance", "sensitivity", "efficacy", "toxicity", "induced",
                                            "related", "associated", "failure", "discontinuation", "benefit"]
    static let drugUseBefore: Set<String> = ["on", "with", "taking", "receiving", "received", "using", "use", "prescribed", "given"]

    /// The lower-case word right before `i` (letters only; "" at the start).
    static func lowerWordBefore(_ t: [Unicode.Scalar], _ i: Int) -> String {
        var e = i
        while e > 0 && (isSpace(t[e - 1]) || t[e - 1] == "-") { e -= 1 }
        var b = e
        while b > 0 && isAlnum(t[b - 1]) { b -= 1 }
        return makeLowerString(t[b..<e])
    }

    /// The lower-case word right after `i` ("PPI-treated" gives "treated").
    static func lowerWordAfter(_ t: [Unicode.Scalar], _ i: Int) -> String {
        var b = i
        while b < t.count && (isSpace(t[b]) || t[b] == "-") { b += 1 }
        var e = b
        while e < t.count && isAlnum(t[e]) { e += 1 }
        return makeLowerString(t[b..<e])
    }

    // MARK: - Abbreviations

    /// "age-related macular degeneration (AMD)", "high on-treatment platelet reactivity (HPR)": a gene
    /// symbol or alias that the document defines as the abbreviation of words that are no mention is not
    /// that gene anywhere in the document; nor is a drug abbreviation of the lexicon ("thymidine analogue
    /// mutations (TAM)" is not tamoxifen). The long form is found as Schwartz and Hearst do (PSB 2003):
    /// the abbreviation's letters, right to left, in the words before the parenthesis, its first letter
    /// starting a word. A long form that names a protein in words the lexicon lacks ("cystic fibrosis
    /// transmembrane regulator (CFTR)", `namesProtein`) keeps the gene.
    func dropNonGeneAbbreviations(_ passages: [[Unicode.Scalar]], _ result: inout [[Mention]]) {
        var dropped = Set<[Unicode.Scalar]>(), droppedDrugs = Set<[Unicode.Scalar]>()
        for (p, t) in passages.enumerated() {
            for m in result[p] {
                // a pharmacogene's symbol and alias too ("lysophosphatidic acid (LPA)" is no lipoprotein(a),
                // "acenocoumarol (ACE)" no ACE, "Nicotine Addiction Treatment (PNAT)" no NAT2), and a symbol read
                // with a clone's "h" ("human mesenchymal stem cells (hMSC)" is no musculin)
                let gene = m.kind == .gene && (m.source == "lexicon:alias" || m.source == "lexicon:symbol"
                    || !m.pharmacogene && m.source == "pattern:human-prefix")
                guard gene || m.kind == .drug && m.source == "lexicon:abbreviation" else { continue }
                var open = m.start - 1
                while open >= 0 && t[open] == " " { open -= 1 }
                var close = m.end
                // in round or square brackets ("adjusted HR [aHR]")
                guard open > 0, t[open] == "(" || t[open] == "[" else { continue }
                let closer: Unicode.Scalar = t[open] == "[" ? "]" : ")"
                // the abbreviation may go on past the mention, glued to it by a star or a bracket: "(STAR*D)",
                // "(FEV(1))" (not by a slash: "(OFQ/N)" is the gene's own two names)
                var depth = 0
                while close < t.count, close - m.end <= 6, close > m.end || t[close] == "*" || t[close] == "(",
                      !Self.isSpace(t[close]), t[close] != closer || depth > 0 {
                    if t[close] == "(" { depth += 1 } else if t[close] == ")" { depth -= 1 }
                    close += 1
                }
                if close < t.count && t[close] != closer { close = m.end }
                while close < t.count && t[close] == " " { close += 1 }
                guard close < t.count, t[close] == closer else { continue }
                let short = Array(t[m.start..<close]), written = Array(t[m.start..<m.end])
                // a symbol with a digit or a Greek letter ("SLC6A3", "HNF4α") is a gene whatever long form it has
                if gene { guard !written.contains(where: { $0.properties.numericType != nil || (0x370...0x3FF).contains($0.value) }) else { continue } }
                var end = open
                while end > 0 && Self.isSpace(t[end - 1]) { end -= 1 }
                // a long form that is itself a gene's name ("cytidine deaminase (CDA)") keeps the abbreviation;
                // one that only holds a drug does not ("Nicotine Addiction Treatment (PNAT)")
                guard let start = Self.longForm(short, t, before: end), end - start > short.count,
                      !result[p].contains(where: { $0.start < end && start < $0.end && ($0.kind == .gene || !gene) }),
                      !gene || !Self.namesProtein(t[start..<end]) || Self.genericProteins.contains(makeLowerString(t[start..<end])) else { continue }
                if gene { dropped.insert(written) } else { droppedDrugs.insert(written) }
            }
            // a plural abbreviation of words that are no mention ("transcription factors (TFs)") takes its
            // singular from the genes too: "the Onecut TF family" names no transferrin; so does the first of
            // two ("positive or silent allosteric modulators (PAMs or SAMs, respectively)", then "μ-PAM");
            // in round or square brackets, as the singular's definition
            var o = 0
            while o < t.count, let open = t[o...].firstIndex(where: { $0 == "(" || $0 == "[" }) {
                o = open + 1
                let closer: Unicode.Scalar = t[open] == "[" ? "]" : ")"
                var close = o
                while close < t.count && close - o <= 9 && (Self.isAlnum(t[close]) || t[close] == "-") { close += 1 }
                guard close < t.count, t[close] == closer || Self.startsSecondAbbreviation(t, close),
                      let singular = Self.singular(of: Array(t[o..<close])) else { continue }
                var end = open
                while end > 0 && Self.isSpace(t[end - 1]) { end -= 1 }
                guard let start = Self.longForm(Array(t[o..<close]), t, before: end), end - start > close - o,
                      !result[p].contains(where: { $0.start < end && start < $0.end }), !Self.namesProtein(t[start..<end]) else { continue }
                dropped.insert(singular)
            }
        }
        guard !dropped.isEmpty || !droppedDrugs.isEmpty else { return }
        for (p, t) in passages.enumerated() {
            result[p].removeAll { m in
                m.kind == .gene && dropped.contains(Array(t[m.start..<m.end]))
                    || m.kind == .drug && m.source == "lexicon:abbreviation" && droppedDrugs.contains(Array(t[m.start..<m.end]))
            }
        }
    }

    /// Kinds of protein, not one: "a transcription factor (TF)" is no transferrin.
    static let genericProteins: Set<String> = ["transcription factor", "growth factor", "tumor suppressor", "tumour suppressor",
                                               "fusion protein", "binding protein", "tyrosine kinase", "protein kinase",
                                               "receptor tyrosine kinase", "membrane protein", "heat shock protein"]

    /// Words that make a long form the name of a protein or gene our lexicon lacks ("SREBF cleavage
    /// activating protein", "gamma-glutamylhydrolase gene"): its abbreviation stays a gene.
    static let proteinWords: Set<String> = ["gene", "genes", "protein", "proteins", "receptor", "receptors", "factor", "transporter",
                                            "cassette", "carrier", "family", "polypeptide", "subunit", "kinase", "enzyme", "channel", "isoform", "regulator"]
    /// Words of more than five letters that end in "ase" but name no enzyme.
    static let notEnzymes: Set<String> = ["disease", "diseases", "phases", "release", "releases", "increase", "increases", "decrease",
                                          "decreases", "database", "databases", "purchase"]
    static func namesProtein(_ long: ArraySlice<Unicode.Scalar>) -> Bool {
        let text = makeLowerString(long)
        for w in text.split(whereSeparator: { !$0.isLetter }) {
            let word = String(w)
            if proteinWords.contains(word) { return true }
            if word.count > 5 && (word.hasSuffix("ase") || word.hasSuffix("ases")) && !notEnzymes.contains(word) { return true }
            // "P-glycoprotein", "lipoproteins", "interleukin", "antigen"
            if word.hasSuffix("protein") || word.hasSuffix("proteins") || word.hasPrefix("interleukin") || word == "antigen" { return true }
        }
        return false
    }

    /// The long form of `short` in the words before `end`: at most min(|short| + 5, 2·|short|) of them.
    static func longForm(_ short: [Unicode.Scalar], _ t: [Unicode.Scalar], before end: Int) -> Int? {
        var from = end, words = 0
        let most = min(short.count + 5, short.count * 2)
        while from > 0 && words < most {
            from -= 1
            if from == 0 || isSpace(t[from - 1]) && !isSpace(t[from]) { words += 1 }
        }
        return longForm(short, t, from..<end)
    }

    /// The drugs an abbreviation defined after drug `m` stands for: `m` alone, or a combination written
    /// before it ("amoxicillin and omeprazole (OA)", "pegylated interferon-α and ribavirin (PR)") when the
    /// drugs are joined only by "and", "plus", "with", "/", "-", "+" or commas, and each one's first letter
    /// is a letter of the abbreviation. A combination's abbreviation then names every drug, as a regimen does.
    static func regimenComponents(_ t: [Unicode.Scalar], _ ms: [Mention], _ m: Mention, _ short: [Unicode.Scalar]) -> [Mention] {
        guard m.kind == .drug else { return [m] }
        let letters = Set(short.filter { $0.properties.isAlphabetic }.map(lower))
        func firstLetter(_ d: Mention) -> Unicode.Scalar? { t[d.start..<d.end].first { $0.properties.isAlphabetic }.map(lower) }
        var spans: [[Mention]] = [ms.filter { $0.kind == .drug && $0.start == m.start && $0.end == m.end }]
        if spans[0].isEmpty { spans[0] = [m] }
        var start = m.start
        while spans.count < letters.count {
            let before = ms.filter { $0.kind == .drug && !$0.isClass && $0.end <= start }
            guard let last = before.max(by: { $0.end < $1.end }) else { break }
            let gap = makeLowerString(t[last.end..<start]).split(whereSeparator: { $0 == " " || $0 == "," || $0 == "/" || $0 == "-" || $0 == "+" })
            guard gap.allSatisfy({ $0 == "and" || $0 == "plus" || $0 == "with" }), gap.count <= 1 else { break }
            spans.insert(before.filter { $0.start == last.start && $0.end == last.end }, at: 0)
            start = last.start
        }
        guard spans.count > 1, spans.allSatisfy({ $0.first.flatMap(firstLetter).map(letters.contains) == true }),
              Set(spans.compactMap { $0.first.flatMap(firstLetter) }).count == spans.count else { return [m] }
        // substances the body makes name a measure together, not a regimen: "triglyceride-glucose (TyG) index"
        if spans.allSatisfy({ $0.allSatisfy { $0.source == "lexicon:endogenous" } }) { return [m] }
        return spans.flatMap { $0 }
    }

    /// ", " or " or " / " and " after an abbreviation in brackets: another one follows ("(PAMs or SAMs)").
    static func startsSecondAbbreviation(_ t: [Unicode.Scalar], _ i: Int) -> Bool {
        if t[i] == "," { return true }
        guard t[i] == " " else { return false }
        for w in ["or ", "and "] where i + 1 + w.unicodeScalars.count <= t.count
            && t[(i + 1)..<(i + 1 + w.unicodeScalars.count)].elementsEqual(w.unicodeScalars) { return true }
        return false
    }

    /// The singular of a plural abbreviation: capitals (two or more) and a final lower-case "s" ("DPPIs",
    /// "TFs"), or nil.
    static func singular(of short: [Unicode.Scalar]) -> [Unicode.Scalar]? {
        guard short.count >= 3, short.last == "s" else { return nil }
        let stem = short.dropLast()
        guard stem.filter(isUpper).count >= 2, stem.allSatisfy({ isAlnum($0) || $0 == "-" }) else { return nil }
        return Array(stem)
    }

    /// Where the long form of `short` starts in `window`, or nil: every letter and digit of `short`
    /// found right to left, the first one at the start of a word.
    static func longForm(_ short: [Unicode.Scalar], _ t: [Unicode.Scalar], _ window: Range<Int>) -> Int? {
        var si = short.count - 1, li = window.upperBound - 1
        while si >= 0 {
            let c = lower(short[si])
            guard isAlnum(c) else { si -= 1; continue }
            while li >= window.lowerBound && (lower(t[li]) != c || si == 0 && li > window.lowerBound && isAlnum(t[li - 1])) { li -= 1 }
            guard li >= window.lowerBound else { return nil }
            li -= 1; si -= 1
        }
        var start = li + 1
        while start > window.lowerBound && !isSpace(t[start - 1]) { start -= 1 }
        return start
    }

    /// A scalar's lower-case form (its first scalar where lowering makes several).
    static func lower(_ c: Unicode.Scalar) -> Unicode.Scalar { c.properties.lowercaseMapping.unicodeScalars.first ?? c }

    /// Words written in brackets after a name that abbreviate no name: "midostaurin (Figure )", "CXCR4(WT)".
    static let notAbbreviations: Set<String> = ["Figure", "Figures", "Fig", "Figs", "Table", "Tables", "Supplementary",
                                                "Appendix", "Scheme", "Panel", "WT", "Wt", "wt"]
    /// Words of a measurement before a substance's name: the abbreviation after it names the measure.
    static let measureWords: Set<String> = ["serum", "plasma", "blood", "urinary", "urine", "fasting", "postprandial", "tidal",
                                            "exhaled", "arterial", "venous", "concentration", "concentrations", "level", "levels"]
    static let longFormLinks: Set<String> = ["of", "with", "for", "in", "on", "to", "by", "from", "and", "or", "versus", "vs",
                                             "the", "a", "an", "at", "as", "after", "during", "into"]

    /// Whether "NAME (SHORT)", `m` being the mention of NAME, defines SHORT as another name of `m`:
    /// - its first letter or digit starts a word of the mention: "cyclophosphamide (CTX)", "5-fluorouracil (5-FU)";
    /// - or it is a brand name, one capitalized word: "sorafenib (Nexavar)";
    /// - or its long form (found as Schwartz and Hearst do) reaches before the mention through modifiers only:
    ///   "enzyme-inducing anticonvulsants (EIACs)", "5'-hydroxy lansoprazole (HLSZ)" — but not "self-infusion
    ///   of ethanol (CASE)" or "Adenoma Prevention with Celecoxib (APC)", which abbreviate something else;
    /// - or it has no long form and the shape of an abbreviation (six characters at most, two capitals or a
    ///   digit): "emtricitabine (FTC)", "stavudine (d4T)", formed from chemical names.
    /// "… Evaluating Rosuvastatin (JUPITER) trial" and "resistance to midostaurin (Figure )" define nothing.
    static func definesAbbreviation(_ t: [Unicode.Scalar], _ m: Mention, _ short: [Unicode.Scalar]) -> Bool {
        let text = makeString(short[...])
        if notAbbreviations.contains(text) || isTumourStage(short) { return false }
        // a substance measured in a sample names the measure: "fasting serum insulin (FINS)", "end-tidal carbon
        // dioxide (EtCO2)"
        var before = m.start
        while before > 0 && isSpace(t[before - 1]) { before -= 1 }
        if let w = wordBefore(t, before), hasWord(t, w, in: measureWords, longest: 14) { return false }
        if startsAWord(of: t[m.start..<m.end], with: short) { return true }
        if short.count >= 4, isUpper(short[0]), short.dropFirst().allSatisfy({ $0.properties.isLowercase }) { return true }
        if let start = longForm(short, t, before: m.end) {
            // a substance the body makes, measured as part of something larger, is that measure:
            // "low-density lipoprotein cholesterol (LDL-C)", "serum uric acid (SUA)" name no drug
            if start < m.start && m.source == "lexicon:endogenous" { return false }
            return start >= m.start || !hasWord(t, start..<m.start, in: longFormLinks, longest: 7)
        }
        // "a phase 1 trial of dostarlimab (GARNET)": a word in capitals after a trial's drug names the trial
        if short.count >= 4, short.allSatisfy({ $0.properties.isAlphabetic }), namesTrialBefore(t, m.start) { return false }
        return short.count <= 6 && (short.filter(isUpper).count >= 2 || short.contains(where: isDigit))
    }

    static let trialWords: Set<String> = ["trial", "trials", "study", "studies", "cohort", "registry"]
    /// Whether a trial word stands right before `start`, or before one linking word ("trial of", "study with").
    static func namesTrialBefore(_ t: [Unicode.Scalar], _ start: Int) -> Bool {
        var end = start
        for _ in 0..<2 {
            while end > 0 && isSpace(t[end - 1]) { end -= 1 }
            guard let w = wordBefore(t, end) else { return false }
            let word = makeLowerString(t[w])
            if trialWords.contains(word) { return true }
            guard longFormLinks.contains(word) else { return false }
            end = w.lowerBound
        }
        return false
    }

    /// A pathological or clinical TNM stage ("pT0", "ypN1", "cT2", "pTis"): "neoadjuvant chemotherapy (pT0)"
    /// names an outcome. A bare "T3" or "T4" stays possible (liothyronine, levothyroxine).
    static func isTumourStage(_ s: [Unicode.Scalar]) -> Bool {
        var i = 0
        if i < s.count && s[i] == "y" { i += 1 }
        guard i < s.count, s[i] == "p" || s[i] == "c" else { return false }
        i += 1
        guard i + 1 < s.count, s[i] == "T" || s[i] == "N" || s[i] == "M" else { return false }
        return tumourStageRests.contains(makeString(s[(i + 1)...]))
    }
    static let tumourStageRests: Set<String> = ["0", "1", "2", "3", "4", "X", "is", "1a", "1b", "1c", "2a", "2b", "2c", "3a", "3b",
                                                "3c", "4a", "4b", "1mi"]

    /// Whether the first letter or digit of `short` starts a word of `long`, as Schwartz and Hearst require.
    static func startsAWord(of long: ArraySlice<Unicode.Scalar>, with short: [Unicode.Scalar]) -> Bool {
        guard let c = short.first(where: { isAlnum($0) }) else { return false }
        let first = lower(c)
        var previous: Unicode.Scalar? = nil
        for s in long {
            if isAlnum(s) && (previous.map { !isAlnum($0) } ?? true) && lower(s) == first { return true }
            previous = s
        }
        return false
    }

    /// Bracketed text after a name that is something else than its abbreviation:
    /// - a Roman numeral, an oxidation state or a class: "arsenic (III)", "factor (VII)";
    /// - a statistic: "P450 oxidoreductase (P<0.001)", "(n=12)";
    /// - a bracket cut at an inner one: "dimethyl sulfoxide (Me(2)SO)", "disulfiram (F(1,17) = 7.52)";
    /// - a quantity: "miltefosine (4μM)";
    /// - a repeat's unit before its count: "UGT1A1(TA)n", "(TA)7", "(CAG)n";
    /// - after a gene, a genotype: "SCAP (GG)", "COMT(HH)" (two of one letter, or two bases).
    static func isNoAbbreviation(_ t: [Unicode.Scalar], _ short: [Unicode.Scalar], closing close: Int, afterGene: Bool) -> Bool {
        if short.allSatisfy({ $0 == "I" || $0 == "V" || $0 == "X" }) { return true }
        // a change in a measure: "dobutamine (ΔHR)", "(ΔAUC)"
        if short.first == "\u{0394}" { return true }
        if short.contains(where: { $0 == "<" || $0 == ">" || $0 == "=" || $0 == "\u{2264}" || $0 == "\u{2265}" || $0 == "(" }) { return true }
        if let first = short.first, isDigit(first) {
            let unit = makeLowerString(short.drop(while: { isDigit($0) || $0 == "." }))
            if quantityUnits.contains(unit) { return true }
        }
        let next = close + 1
        if next < t.count, isDigit(t[next]) || t[next] == "n" && (next + 1 == t.count || !isAlnum(t[next + 1])) { return true }
        if afterGene, short.count == 2, short[0] == short[1] || short.allSatisfy({ bases.contains($0) }) { return true }
        return false
    }
    static let quantityUnits: Set<String> = ["μm", "µm", "um", "nm", "mm", "pm", "m", "mg", "µg", "μg", "ug", "g", "kg", "ml", "l",
                                             "h", "hr", "min", "s", "iu", "u", "mg/kg", "mg/day", "%"]

    func applyAbbreviations(_ passages: [[Unicode.Scalar]], _ result: inout [[Mention]]) {
        var defs: [(short: [Unicode.Scalar], templates: [Mention], passage: Int, from: Int)] = []
        for (p, t) in passages.enumerated() {
            for m in result[p] where m.kind == .drug || m.kind == .gene {
                var j = m.end
                while j < t.count && t[j] == " " { j += 1 }
                guard j < t.count, t[j] == "(" else { continue }
                let glued = j == m.end
                j += 1
                while j < t.count && t[j] == " " { j += 1 }  // "( STZ )" as tokenized corpora write it
                var k = j
                while k < t.count && t[k] != ")" && !Self.isSpace(t[k]) && k - j <= 12 { k += 1 }
                var close = k
                while close < t.count && t[close] == " " { close += 1 }
                guard close < t.count, t[close] == ")", k - j >= 2 else { continue }
                let short = Array(t[j..<k])
                // a bracket glued to the name and opening on a digit continues the name ("5-HT(2A) receptor",
                // a subscript written inline), it defines no abbreviation
                guard !(glued && Self.isDigit(short[0])), short.contains(where: { $0.properties.isAlphabetic }),
                      short.contains(where: { $0.properties.isUppercase }) else { continue }
                if Self.isNoAbbreviation(t, short, closing: close, afterGene: m.kind == .gene) { continue }
                let components = Self.regimenComponents(t, result[p], m, short)
                guard components.count > 1 || Self.definesAbbreviation(t, m, short) else { continue }
                if let known = result[p].first(where: { $0.start == j }) {
                    // already known as the same kind, or as something the lexicon is sure of: keep it; but a
                    // lexicon abbreviation of another drug yields to the author's ("Dexmedetomidine (Dex)"
                    // is not dextromethorphan's Dex)
                    let otherDrug = known.kind == .drug && m.kind == .drug && known.source == "lexicon:abbreviation"
                        && known.name != m.name
                    // so does another gene's symbol after a gene's full name: "tissue factor (TF)" is F3, not
                    // transferrin (TF); not when the name found is only the end of a longer one ("carcinoembryonic
                    // antigen-related cell adhesion molecule 1 (CEACAM1)" holds CADM1's name)
                    // (or a name NCBI lists as an alias: "snurportin1 (SPN)" is SNUPN, not sialophorin)
                    let otherGene = known.kind == .gene && m.kind == .gene && known.name != m.name
                        && (m.source == "lexicon:name" || m.source == "lexicon:alias" && m.end - m.start >= 8
                            && t[m.start..<m.end].contains(where: { $0.properties.isLowercase }))
                        && !m.isFamily && !known.isFamily && (Self.longForm(short, t, before: m.end).map { $0 >= m.start } ?? false)
                    guard known.kind != m.kind || otherDrug || otherGene, known.end == k,
                          known.source == "lexicon:alias" || known.source == "lexicon:abbreviation"
                            || known.source == "lexicon:symbol" && !known.pharmacogene,  // "sirolimus (SRL)", not the gene SRL
                          // but a protein DrugBank lists keeps its gene's symbol: "alkaline phosphatase (ALPL)"
                          !(known.kind == .gene && m.kind == .drug && Self.namesProtein(t[m.start..<m.end])),
                          let a = short.first?.properties.lowercaseMapping, a == t[m.start].properties.lowercaseMapping
                    else { continue }
                    // "streptozotocin ( STZ )": the definition beats a gene alias written the same
                    result[p].removeAll { $0.start == j && $0.end == k }
                    for q in 0..<result.count {
                        result[q].removeAll { $0.source == known.source && $0.name == known.name && $0.end - $0.start == short.count
                            && (q > p || $0.start > j) && Array(passages[q][$0.start..<$0.end]) == short }
                    }
                }
                defs.append((short, components, p, j))
            }
        }
        guard !defs.isEmpty else { return }
        // a plural abbreviation stands for its singular too ("dipeptidyl peptidase-4 inhibitors (DPPIs)",
        // then "DPPI-MET"), which is then no gene the lexicon spells so (DPPI, cathepsin C's alias)
        for d in defs where d.templates.allSatisfy({ $0.kind == .drug }) {
            guard let singular = Self.singular(of: d.short) else { continue }
            defs.append((singular, d.templates, d.passage, d.from))
            for q in d.passage..<passages.count {
                result[q].removeAll { m in
                    m.kind == .gene && (m.source == "lexicon:alias" || m.source == "lexicon:symbol" && !m.pharmacogene)
                        && (q > d.passage || m.start > d.from) && passages[q][m.start..<m.end].elementsEqual(singular)
                }
            }
        }
        for (p, t) in passages.enumerated() {
            var added: [Mention] = []
            for di in defs.indices where p >= defs[di].passage {
                let short = defs[di].short, first = short[0], templates = defs[di].templates
                let from = p == defs[di].passage ? defs[di].from : 0
                let n = short.count
                var i = from
                while i + n <= t.count {
                    if t[i] == first && (i == 0 || !Self.isAlnum(t[i - 1]) || !Self.isAlnum(t[i]))
                        && (i + n == t.count || !Self.isAlnum(t[i + n])) && t[i..<(i + n)].elementsEqual(short)
                        && !result[p].contains(where: { $0.start < i + n && i < $0.end })
                        && !added.contains(where: { $0.start < i + n && i < $0.end }) {
                        for tm in templates {
                            var m = tm
                            m.start = i; m.end = i + n
                            // the abbreviation of a family phrase ("chrysanthemyl diphosphate synthase (CDS)") is a
                            // family too: no pair partner, as its long form is none
                            if !m.isFamily { m.source = "abbreviation" }
                            added.append(m)
                        }
                        i += n
                        continue
                    }
                    i += 1
                }
            }
            if !added.isEmpty {
                result[p] += added
                result[p].sort { $0.start < $1.start }
            }
        }
    }

    // MARK: - Attaching variants and phenotypes to genes

    /// Words that may stand between a variant and the gene named after it ("polymorphism in exon 26 of
    /// the human"); a list ("and", a comma) or any other word means the gene is someone else's.
    static let variantGeneLinks: Set<String> = ["polymorphism", "polymorphisms", "variant", "variants", "mutation", "mutations",
        "allele", "alleles", "genotype", "genotypes", "snp", "snps", "substitution", "missense", "in", "of", "on", "at",
        "within", "the", "human", "gene", "exon", "intron", "promoter", "region", "locus", "codon", "site",
        // "rs1880916 from PDE11A", "rs6436440 ... located in the genes AP1S3", "in the 3' untranslated region of"
        "from", "located", "genes", "encoding", "utr", "untranslated", "upstream", "downstream", "flanking", "intronic",
        "exonic", "variation", "single", "nucleotide"]

    static func linksVariantToGene(_ between: ArraySlice<Unicode.Scalar>) -> Bool {
        var word: [Unicode.Scalar] = []
        func wordOK() -> Bool {
            defer { word.removeAll() }
            return word.isEmpty || word.allSatisfy(Tokenizer.isDigit) || variantGeneLinks.contains(makeLowerString(word[...]))
        }
        for c in between {
            if Self.isAlnum(c) { word.append(c); continue }
            guard wordOK() else { return false }
            // (a prime of "5'-flanking" and "3' untranslated" too)
            guard c == " " || c == "(" || c == ")" || c == "-" || c == "'" || c == "\u{2032}" || c == "\u{2019}" else { return false }
        }
        return wordOK()
    }

    /// Whether a variant after a gene is still that gene's: not across a drug ("MDR1 changed cyclosporine
    /// levels; K103N"), a list or a contrast ("the PPARG variant and the C3435T"), unless another variant
    /// of the gene stands between ("MTHFR C677T and A1298C") and no semicolon and word follow it.
    static func continuesGene(_ t: [Unicode.Scalar], _ ms: [Mention], gene: String, from: Int, to: Int) -> Bool {
        let inside = ms.filter { $0.start >= from && $0.end <= to }
        if inside.contains(where: { $0.kind == .drug }) { return false }
        // a semicolon and a word after the gene's last variant start another item ("KIF6 rs20455, rs9462535;
        // HMG-CoA rs3761740, rs3846662", "MTHFR rs1801133 TT; MS rs1805087"); "(c.449G>A; p.R150H)" goes on
        if let listEnd = (inside.last(where: { $0.kind == .variant && $0.gene == gene }) ?? inside.last(where: { $0.kind == .variant }))?.end {
            // so does a list word after the bracket that listed the gene's variants ("APOE variants (rs429358,
            // rs7412) and the 1959C>T SNP", "c-Myc (rs4645962, rs4645974) and 8q24 (rs1447295"), not after one
            // that held one variant ("ABCB1 exon26 (3435C>T) and exon21 (2677G>T/A)")
            if let close = t[listEnd..<to].firstIndex(where: { $0 == ")" || $0 == "]" }),
               let open = openingBracket(t, before: close, from: from),
               inside.count(where: { $0.kind == .variant && $0.start > open && $0.end <= close }) >= 2,
               hasWord(t, close..<to, in: listWords, longest: 7) { return false }
            guard let semi = t[listEnd..<to].lastIndex(of: ";") else { return true }
            return !t[(semi + 1)..<to].contains { $0.properties.isAlphabetic }
        }
        if t[from..<to].contains(";") { return false }
        return !hasWord(t, from..<to, in: listWords, longest: 7)
    }

    /// Whether a run of letters and digits in `r`, lower-cased, is one of `words` (none of which is
    /// longer than `longest` characters, so longer runs are not looked up).
    static func hasWord(_ t: [Unicode.Scalar], _ r: Range<Int>, in words: Set<String>, longest: Int) -> Bool {
        var i = r.lowerBound
        while i < r.upperBound {
            guard isAlnum(t[i]) else { i += 1; continue }
            var j = i
            while j < r.upperBound && isAlnum(t[j]) { j += 1 }
            if j - i <= longest, words.contains(makeLowerString(t[i..<j])) { return true }
            i = j
        }
        return false
    }
    static let listWords: Set<String> = ["and", "or", "but", "whereas", "while", "than", "versus", "vs", "nor"]

    func attach(_ t: [Unicode.Scalar], _ msOut: inout [Mention], sentences: [Range<Int>]) {
        func sentence(of pos: Int) -> Range<Int> {
            sentences.first { $0.contains(pos) } ?? 0..<t.count
        }
        // variants and phenotypes attach to genes with a symbol, not to family phrases ("opioid receptor"),
        // which are set aside and put back afterwards
        let families = msOut.filter(\.isFamily)
        var ms = families.isEmpty ? msOut : msOut.filter { !$0.isFamily }
        defer {
            msOut = families.isEmpty ? ms : (ms + families).sorted(by: Self.inTextOrder)
        }
        let docGenes = Set(ms.filter { $0.kind == .gene }.map(\.name))
        var unattached = Set<Int>()
        defer { if !unattached.isEmpty { ms = ms.indices.filter { !unattached.contains($0) }.map { ms[$0] } } }
        for idx in ms.indices where ms[idx].kind == .variant || ms[idx].kind == .phenotype {
            let v = ms[idx]
            let sent = sentence(of: v.start)
            // the gene written right before (only spaces or a hyphen between; for a star allele also an
            // opening bracket: "UGT2B10 (*1/*2)", "VKORC1 (*3, *4 and -1639 G>A)" name that gene's alleles
            // even where no catalogue lists its star alleles)
            let isStar = v.kind == .variant && v.source == "pattern:star"
            let adjacent = ms.last { m in
                m.kind == .gene && m.isWrittenRightBefore(v)
                    && t[m.end..<v.start].allSatisfy { $0 == " " || $0 == "-" || isStar && ($0 == "(" || $0 == "[") }
            }
            // "DPD deficiency", "G6PD deficiency": a deficiency is a gene's only right after it ("vitamin D
            // deficiency", "iron deficiency" name none)
            if v.kind == .phenotype && adjacent == nil && makeLowerString(t[v.start..<v.end]).hasPrefix("deficienc") {
                unattached.insert(idx)
                continue
            }
            var gene: String? = adjacent?.name
            if v.kind == .variant && v.source == "pattern:rsid", let gs = lexicon.rsidGenes[v.name] {
                if gene == nil { gene = gs.first { docGenes.contains($0) } ?? gs.first }
                // an rsID in or near several genes (rs12979860: IFNL3 and IFNL4) stands for each of them,
                // also when written after one of them ("IL28B rs12979860")
                if let g = gene, gs.contains(g) { ms[idx].altGenes = gs.filter { $0 != g } }
            }
            // "A2756G (MTR)", "rs10490924 (ARMS2)", "rs12768009 (CYP2C19 8403AA)": the gene written in brackets
            // right after the variant names it, before a gene of the list before it ("G80A (RFC1), A2756G
            // (MTR)"); not one after a slash ("A53T/LRRK2 mice" cross two transgenes)
            if gene == nil, v.kind == .variant, v.source != "pattern:star", let g = Self.geneRightAfter(v, ms, t) { gene = g.name }
            if gene == nil {
                // (a gene list's later members, "CHRNA5-A3-B4", leave its variants to the symbol written out)
                let before = ms.filter { $0.kind == .gene && $0.end <= v.start && sent.contains($0.start) && $0.source != "pattern:gene-list" }
                if v.kind == .variant && v.source == "pattern:star" {
                    // "UGT1A9*1/*1 or *1/*22", "CYP2C19*1/*2 and *2/*2": a bare allele right after another
                    // gene's allele is that gene's; otherwise the last gene before it that has star alleles
                    let previous = ms[..<idx].last { ($0.kind == .gene || $0.kind == .variant) && sent.contains($0.start) }
                    if let p = previous, p.kind == .variant, p.source == "pattern:star", let g = p.gene, v.start - p.end <= 12 {
                        gene = g
                    } else {
                        gene = before.last { lexicon.starGenes.contains($0.name) }?.name
                        // or the one gene with star alleles the sentence names after it: "two non-synonymous SNPs
                        // (*2, *3) in the cytochrome P450 warfarin-metabolizing gene CYP2C9", "genotype*3/*3 for CYP3A5"
                        if gene == nil {
                            let after = Set(ms.filter { $0.kind == .gene && $0.start >= v.end && sent.contains($0.start) && lexicon.starGenes.contains($0.name) }.map(\.name))
                            if after.count == 1 { gene = after.first }
                        }
                    }
                } else if v.kind == .phenotype {
                    gene = before.last?.name
                        ?? ms.first { $0.kind == .gene && $0.start >= v.end && sent.contains($0.start) }?.name
                } else {
                    let after = v.kind == .variant ? Self.geneNamedAfter(v, ms, t, sentence: sent) : nil
                    if let g = before.last, Self.isListedAfter(g, v, ms, t, sentence: sent, geneAfter: after) {
                        gene = g.name
                    } else if let g = after {
                        gene = g.name
                    }
                }
            }
            ms[idx].gene = gene
            if v.kind == .variant && v.source == "pattern:star", let g = gene {
                ms[idx].name = g + Self.normalizeStar(v.name, gene: g)
            }
        }
        // "rs628031 and rs683369 polymorphisms of SLC22A1": a variant without a gene, listed right before
        // one that has its gene, shares it (right to left, so a whole list does); so does the same change
        // written another way, joined to it by a hyphen ("+46G>A- Gly16Arg polymorphism in the gene encoding
        // β2 adrenergic receptor")
        for idx in ms.indices.reversed() where ms[idx].kind == .variant && ms[idx].gene == nil && ms[idx].source != "pattern:star" {
            guard idx + 1 < ms.count, ms[idx + 1].kind == .variant, let g = ms[idx + 1].gene else { continue }
            let between = t[ms[idx].end..<ms[idx + 1].start]
            let hyphen = between.count { $0 == "-" } == 1 && between.allSatisfy { $0 == "-" || $0 == " " }
            // or written again in brackets after it: "C3435T (rs1045642)"
            guard hyphen || Self.isBracketedAgain(between) || Self.onlyListsBetween(between) else { continue }
            ms[idx].gene = g
        }
        // Left to right, a variant still without a gene after one that has it:
        // - in brackets right after it, the same change written another way ("PXR SNP 63396C→T (rs2472677)");
        // - further down a bracketed list of variants that follows the gene, however long the list
        //   ("NR3C1 (rs41423247, rs1800445, rs56149945, rs10052957, rs6198, ...)"); a list the gene does not
        //   open ("rs776746, rs12114000": an rsID's own gene) shares nothing.
        for idx in ms.indices.dropFirst() where ms[idx].kind == .variant && ms[idx].gene == nil && ms[idx].source != "pattern:star" {
            let p = ms[idx - 1], v = ms[idx], sent = sentence(of: v.start)
            guard p.kind == .variant, p.source != "pattern:star", let g = p.gene, sent.contains(p.start) else { continue }
            let between = t[p.end..<v.start]
            if Self.isBracketedAgain(between) {
                ms[idx].gene = g
            } else if Self.onlyListsBetween(between), let open = Self.openingBracket(t, before: v.start, from: sent.lowerBound),
                      ms.allSatisfy({ $0.end <= open || $0.start >= v.start || $0.kind == .variant }),
                      Self.onlyListsBetween(open + 1, v.start, ms, t),
                      let gm = ms.last(where: { $0.kind == .gene && $0.end <= open }), gm.name == g, open - gm.end <= 40,
                      Self.continuesGene(t, ms, gene: g, from: gm.end, to: open) {
                ms[idx].gene = g
            }
        }
    }

    /// Whether variant `v` is in a list of gene `g`'s, named before it in its sentence:
    /// - near the gene or the last of its variants before this one ("GRK4 single-nucleotide polymorphisms, R65L
    ///   (rs2960306), A142V"), or further through linking words only ("APOB gene single nucleotide polymorphisms
    ///   (SNP) (rs934197"); a gene that ends a list of genes keeps the short reach ("PON1, GSTP1, GSTT1, and NOS3
    ///   (rs1800566, ..., respectively)");
    /// - with nothing between that ends the gene's list (`continuesGene`);
    /// - not a gene in brackets that names the variants before it ("rs1360780-rs3777747 (FKBP5) and
    ///   rs1619120-rs1778929-rs10465180 (NTRK2)");
    /// - and, when a gene follows the variant (`geneAfter`), only if some of `g`'s own variants stand between: a
    ///   list of variants without a gene takes the gene after it ("-1639G > A ... in the VKORC1 gene and 430C > T
    ///   and 1075A > C in the CYP2C9 gene").
    static func isListedAfter(_ g: Mention, _ v: Mention, _ ms: [Mention], _ t: [Unicode.Scalar], sentence: Range<Int>,
                              geneAfter: Mention?) -> Bool {
        let ofGene = ms.filter { $0.kind == .variant && $0.start >= g.end && $0.end <= v.start && $0.gene == g.name }
        let reach: Bool
        if let p = ms.last(where: { $0.end <= g.start && sentence.contains($0.start) }), p.kind == .gene, onlyListsBetween(t[p.end..<g.start]) {
            reach = v.start - g.end <= 40
        } else {
            reach = v.start - (ofGene.last?.end ?? g.end) <= 40 || v.start - g.end <= 80 && linksVariantToGene(t[g.end..<v.start])
        }
        guard reach, continuesGene(t, ms, gene: g.name, from: g.end, to: v.start),
              ms.last(where: { $0.kind == .variant && $0.end <= g.start }).flatMap({ geneRightAfter($0, ms, t) })?.start != g.start
        else { return false }
        return geneAfter == nil || !ofGene.isEmpty
    }

    /// The gene named right after a variant, or after the list of variants it starts, through linking words
    /// only: "Pro12Ala peroxisome proliferator-activated receptor gamma", "C3435T mutation in exon 26 of the
    /// human MDR1 gene", "677 C>T on MTHFR", "rs9315885, rs1012053 and rs1170191 at DGKH gene".
    static func geneNamedAfter(_ v: Mention, _ ms: [Mention], _ t: [Unicode.Scalar], sentence: Range<Int>) -> Mention? {
        guard let g = ms.first(where: { $0.kind == .gene && $0.start >= v.end && sentence.contains($0.start) }),
              !ms.contains(where: { $0.kind == .variant && $0.start >= g.end && $0.start - g.end <= 2 }) else { return nil }
        let listed = ms.filter { $0.start >= v.end && $0.end <= g.start }
        let last = listed.last?.end ?? v.end
        guard listed.allSatisfy({ $0.kind == .variant }), g.start - last <= 40, linksVariantToGene(t[last..<g.start]),
              onlyListsBetween(v.end, last, ms, t) else { return nil }
        return g
    }

    /// Whether the text between two variants makes the second one the first written again in brackets, the
    /// same change in another notation: "63396C→T (rs2472677)", "C3435T (rs1045642)", also after the word for
    /// one change ("the 1959C>T SNP (rs5925)", "C3435T polymorphism (rs1045642)").
    static func isBracketedAgain(_ between: ArraySlice<Unicode.Scalar>) -> Bool {
        if between.elementsEqual("(".unicodeScalars) || between.elementsEqual(" (".unicodeScalars) { return true }
        guard between.last == "(" else { return false }
        let word = makeLowerString(between.dropLast()).trimmingCharacters(in: .whitespaces)
        return changeWords.contains(word)
    }
    static let changeWords: Set<String> = ["snp", "polymorphism", "variant", "mutation", "substitution", "allele"]

    /// The bracket ("(" or "[") still open at `pos`, looking back no further than `from`.
    static func openingBracket(_ t: [Unicode.Scalar], before pos: Int, from: Int) -> Int? {
        var depth = 0
        var i = pos - 1
        while i >= from {
            switch t[i] {
            case ")", "]": depth += 1
            case "(", "[":
                if depth == 0 { return i }
                depth -= 1
            default: break
            }
            i -= 1
        }
        return nil
    }

    /// Whether `start..<end` holds only mentions and list joints between them (commas, "and", "or", "/").
    static func onlyListsBetween(_ start: Int, _ end: Int, _ ms: [Mention], _ t: [Unicode.Scalar]) -> Bool {
        var pos = start
        for m in ms where m.start >= start && m.end <= end {
            guard listJointWords(t[pos..<m.start]) != nil else { return false }
            pos = m.end
        }
        return listJointWords(t[pos..<end]) != nil
    }

    /// The gene written right after a variant in brackets, alone ("A2756G (MTR)") or with the same change in
    /// its own numbering ("rs12768009 (CYP2C19 8403AA)").
    static func geneRightAfter(_ v: Mention, _ ms: [Mention], _ t: [Unicode.Scalar]) -> Mention? {
        guard let g = ms.first(where: { $0.kind == .gene && !$0.isFamily && $0.start >= v.end }), g.start - v.end <= 2 else { return nil }
        let between = String(String.UnicodeScalarView(t[v.end..<g.start]))
        guard between == "(" || between == " (" || between == "[" || between == " [" else { return nil }
        let closer: Unicode.Scalar = between.hasSuffix("[") ? "]" : ")"
        if g.end < t.count && t[g.end] == closer { return g }
        // "rs12768009 (CYP2C19 8403AA)": the same change in the gene's own numbering
        if let w = ms.first(where: { $0.kind == .variant && $0.start > g.end }), w.start - g.end == 1, t[g.end] == " ",
           w.end < t.count, t[w.end] == closer {
            return g
        }
        return nil
    }

    /// Only a list's joints between two mentions: commas, "and", "or", "/" and spaces.
    static func onlyListsBetween(_ between: ArraySlice<Unicode.Scalar>) -> Bool {
        !between.isEmpty && (listJointWords(between).map { $0 <= 1 } ?? false)
    }

    /// How many words ("and", "or") a stretch of a list's joints holds (commas, "/" and spaces are no words);
    /// nil when it holds another word.
    static func listJointWords(_ s: ArraySlice<Unicode.Scalar>) -> Int? {
        let words = makeLowerString(s).split(whereSeparator: { $0 == " " || $0 == "," || $0 == "/" })
        return words.allSatisfy { $0 == "and" || $0 == "or" } ? words.count : nil
    }

    /// A variant its sentence leaves without a gene takes one from its document:
    /// - the one gene of the document that the change is a named variant of (`Lexicon.namedVariantGenes`:
    ///   "G551D" or "Phe508del" in an abstract that names CFTR, "A893S" in one that names ABCB1);
    /// - else the gene the document attaches the same change to elsewhere ("c.2846A>T" after "DPYD c.2846A>T"),
    ///   or the one gene of the document with a named change at the same position (`Lexicon.namedPositionGenes`:
    ///   "2677GT/3435CT" in an abstract on ABCB1, "64C→T, 516G→T" in one on CYP2B6);
    /// - a bare star allele: the document's only gene with star alleles ("*3/*3" where CYP3A5 is the one), or
    ///   where it has none, the document's one gene;
    /// - else a change (no rsID, nor a named change of another gene; restriction sites are named for many) in
    ///   a sentence that names no gene: the document's one gene, if it names one.
    /// Two candidate genes leave it without one, as does a document that names no gene. A named change (or
    /// one at a named change's position) its sentence gave to a gene it is no variant of, because that gene
    /// stood nearest ("SLC26A9 ... in Phe508del homozygotes", "CYP2C9*1/*3 & 521TT" where SLCO1B1 is named
    /// too), takes its own gene, unless it is written right after the other one; and a change a subfamily
    /// took ("CYP3A genetic factors (rs4646437") takes the one gene the document gives it.
    func attachFromDocument(_ result: inout [[Mention]], sentences: [[Range<Int>]]) {
        guard result.contains(where: { $0.contains { $0.kind == .variant } }) else { return }
        var docGenes = Set<String>()
        var attached: [String: Set<String>] = [:]
        var atPosition: [String: Set<String>] = [:]
        for ms in result {
            for m in ms {
                if m.kind == .gene && !m.isFamily { docGenes.insert(m.name) }
                if m.kind == .variant, m.source != "pattern:star", let g = m.gene {
                    attached[Self.variantKey(m.name), default: []].insert(g)
                    if let pos = Self.nucleotidePosition(m.name) { atPosition[pos, default: []].insert(g) }
                }
            }
        }
        guard !docGenes.isEmpty else { return }
        let starGenes = docGenes.filter { lexicon.starGenes.contains($0) }
        // whether the sentence at a passage's offset names a gene (or a family of them)
        func namesGene(_ p: Int, _ offset: Int) -> Bool {
            let sentence = (p < sentences.count ? sentences[p].first { $0.contains(offset) } : nil) ?? 0..<Int.max
            return result[p].contains { $0.kind == .gene && sentence.contains($0.start) }
        }
        // the one gene of the document among a change's genes
        func onlyDocumentGene(_ gs: [String]) -> String? {
            let named = docGenes.intersection(gs)
            return named.count == 1 ? named.first : nil
        }
        for p in result.indices {
            for i in result[p].indices where result[p][i].kind == .variant {
                let v = result[p][i]
                var gene: String? = nil
                if v.source == "pattern:star" {
                    guard v.gene == nil else { continue }
                    if starGenes.count == 1 {
                        gene = starGenes.first
                    } else if starGenes.isEmpty, docGenes.count == 1, let h = docGenes.first, !Mention.isSubfamily(h) {
                        // the alleles a study names, of an abstract on one gene that no catalogue lists star
                        // alleles for ("Haplotypes harboring ... 208G>A (Ala70Thr) were designated *2 and *3",
                        // "the number of haplotype *3" in an abstract on CDA)
                        gene = h
                    }
                } else {
                    let key = Self.variantKey(v.name), own = lexicon.namedVariantGenes[key]
                    let pos = Self.nucleotidePosition(v.name)
                    // the genes with a named change at the same position ("3435TT", "C3435T": ABCB1's 3435C>T)
                    let atNamedPosition = v.source == "pattern:nucleotide" || v.source == "pattern:hgvs"
                        ? pos.flatMap { lexicon.namedPositionGenes[$0] } : nil
                    if let g = v.gene, Mention.isSubfamily(g), let gs = attached[key]?.filter({ !Mention.isSubfamily($0) }), gs.count == 1 {
                        // a subfamily ("CYP3A genetic factors (rs776746, rs4646437, ...)") yields to the one gene
                        // the document gives the same change elsewhere ("CYP3A4 rs4646437")
                        gene = gs.first
                    } else if let g = v.gene {
                        guard v.source != "pattern:rsid", let own = own ?? atNamedPosition, !own.contains(g), let h = onlyDocumentGene(own),
                              !result[p].contains(where: { $0.kind == .gene && $0.name == g && $0.isWrittenRightBefore(v) }) else { continue }
                        gene = h
                    } else if let own, let h = onlyDocumentGene(own) {
                        gene = h
                    } else if let gs = attached[key], gs.count == 1 {
                        gene = gs.first
                    } else if let pos, let gs = atPosition[pos], gs.count == 1 {
                        // the same position written another way: "3435TT" carriers of the "ABCB1 C3435T" before
                        gene = gs.first
                    } else if let gs = atNamedPosition, let h = onlyDocumentGene(gs) {
                        // a change or genotype at a named change's position, of the one such gene the document names
                        // ("2677GT/3435CT" in an abstract on ABCB1; "64C→T, 516G→T" in one on CYP2B6)
                        gene = h
                    } else if v.source != "pattern:rsid", own == nil || v.source == "pattern:restriction-site", docGenes.count == 1, let h = docGenes.first,
                              !Mention.isSubfamily(h), !namesGene(p, v.start) {
                        // a change in a sentence that names no gene, of an abstract that names one ("CDA" ...
                        // "208G>A (Ala70Thr) decreased clearance of gemcitabine"); not an rsID, which may lie
                        // outside the gene studied, nor a named change of another gene ("G551D" is CFTR's; a
                        // restriction site such as DdeI names polymorphisms of many genes)
                        gene = h
                    }
                }
                guard let g = gene else { continue }
                result[p][i].gene = g
                result[p][i].altGenes = []
                if v.source == "pattern:star" { result[p][i].name = g + Self.normalizeStar(v.name, gene: g) }
            }
        }
    }

    /// The position of a nucleotide change or genotype, nil for any other name: "C3435T", "3435C>T",
    /// "c.3435C>T", "3435C/T" and "3435TT" are all "3435"; "-1639G>A" and "G-1639A" are "-1639".
    static func nucleotidePosition(_ name: String) -> String? {
        var s = Substring(name)
        if s.hasPrefix("c.") || s.hasPrefix("g.") { s = s.dropFirst(2) }
        var pos = ""
        var digitsDone = false
        for ch in s {
            switch ch {
            case "0"..."9":
                if digitsDone { return nil }
                pos.append(ch)
            case "-" where pos.isEmpty: pos = "-"
            case "A", "C", "G", "T", ">", "/":
                if !pos.isEmpty && pos != "-" { digitsDone = true }
            default: return nil
            }
        }
        return digitsDone && pos.count >= (pos.hasPrefix("-") ? 3 : 2) ? pos : nil
    }

    /// Three-letter amino acids and the stop, by their one letter (X for the stop).
    static let aminoLetters: [String: Character] = [
        "Ala": "A", "Arg": "R", "Asn": "N", "Asp": "D", "Cys": "C", "Gln": "Q", "Glu": "E", "Gly": "G", "His": "H", "Ile": "I",
        "Leu": "L", "Lys": "K", "Met": "M", "Phe": "F", "Pro": "P", "Ser": "S", "Thr": "T", "Trp": "W", "Tyr": "Y", "Val": "V",
        "Ter": "X"]

    /// The form a variant's name is looked up by (`scripts/build-lexicons.py`'s `variant_key` makes the
    /// lexicon's the same way): no "c." or "p." prefix, ">" for an arrow, one-letter amino acids, X for a
    /// stop; "ΔF508" and "delF508" are "F508del". "p.Gly551Asp" is "G551D", "c.2846A->T" is "2846A>T".
    static func variantKey(_ name: String) -> String {
        var s = Substring(name)
        if s.hasPrefix("c.") || s.hasPrefix("p.") { s = s.dropFirst(2) }
        if s.hasPrefix("("), s.hasSuffix(")"), s.count > 2 { s = s.dropFirst().dropLast() }
        var k = String(s)
        if k.contains("->") { k = k.replacingOccurrences(of: "-->", with: ">").replacingOccurrences(of: "->", with: ">") }
        for prefix in ["Δ", "delta ", "delta", "del"] where k.hasPrefix(prefix) {
            let rest = k.dropFirst(prefix.count)
            if let f = rest.first, f.isASCII, f.isUppercase, rest.count > 1, rest.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) {
                return String(rest) + "del"
            }
        }
        let chars = Array(k)
        if chars.count >= 5, let from = aminoLetters[String(chars[0..<3])] {
            var j = 3
            while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
            let tail = String(chars[j...])
            if j > 3, let to = aminoLetters[tail] {
                k = String(from) + String(chars[3..<j]) + String(to)
            } else if j > 3, ["del", "fs", "X", "*"].contains(tail) {
                k = String(from) + String(chars[3..<j]) + tail
            }
        }
        if k.hasSuffix("*"), let f = k.first, f.isASCII, f.isUppercase, k.dropFirst().dropLast().allSatisfy({ $0.isASCII && $0.isNumber }), k.count > 2 {
            k = String(k.dropLast()) + "X"
        }
        return k
    }

    /// HLA alleles written without the colon ("*5701") get it ("*57:01").
    static func normalizeStar(_ s: String, gene: String) -> String {
        guard gene.hasPrefix("HLA-") else { return s }
        return s.split(separator: "/").map { part -> String in
            let body = part.dropFirst()
            if body.count == 4, body.allSatisfy(\.isNumber) { return "*" + body.prefix(2) + ":" + body.suffix(2) }
            return String(part)
        }.joined(separator: "/")
    }
}
