import Foundation
import PGxModel

/// One thing a lexicon key names.
public struct LexEntry: Sendable {
    public var kind: Mention.Kind
    public var name: String
    public var id: String?
    public var xref: String?
    /// "symbol", "alias", "name", "family" (genes); "generic", "synonym", "brand", "class", "abbreviation", "endogenous" (drugs).
    public var how: String
    public var pharmacogene: Bool
    /// Lower is preferred when one key names two things.
    var rank: Int
    /// "lexicon:<how>", made once rather than for every mention.
    var source: String = ""
    /// A gene symbol or alias: matched regardless of case only when the text is not a plain word.
    var caseGuard = false
}

/// Where the extractor's knowledge lives: `--rules`, else `$PGX_RULES`, else `./rules` or `rules/` beside
/// the package the binary was built in. A folder named by `--rules` or `PGX_RULES` that is no rules
/// folder is an error, not a reason to use another.
public enum RulesLocator {
    static func isRulesFolder(_ u: URL) -> Bool {
        FileManager.default.fileExists(atPath: u.appendingPathComponent("lexicons/genes.tsv").path)
    }

    public static func find(_ explicit: String? = nil) throws -> URL {
        // a folder the user names is used or refused, never passed over for another one
        func named(_ path: String, as what: String) throws -> URL {
            let u = URL(fileURLWithPath: path)
            guard isRulesFolder(u) else {
                throw LexiconError(message: "\(what)\(path): not a rules folder (no lexicons/genes.tsv there); "
                                   + "give the folder that holds lexicons/, patterns/ and model/, such as the project's rules/")
            }
            return u.standardizedFileURL
        }
        if let explicit { return try named(explicit, as: "--rules ") }
        if let env = ProcessInfo.processInfo.environment["PGX_RULES"], !env.isEmpty { return try named(env, as: "PGX_RULES=") }
        var candidates: [URL] = []
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("rules"))
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        // .build/<config>/pgx → package root
        candidates.append(exe.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("rules"))
        candidates.append(exe.deletingLastPathComponent().appendingPathComponent("../share/pgx/rules"))
        // Source checkout (tests): Sources/PGxExtract/Lexicon.swift → package root
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("rules"))
        for c in candidates where isRulesFolder(c) {
            return c.standardizedFileURL
        }
        throw LexiconError(message: "cannot find rules/lexicons (looked in: \(candidates.map(\.path).joined(separator: ", "))); "
                           + "run pgx from the project folder or set PGX_RULES")
    }
}

public struct LexiconError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// The dictionaries the recognizer matches: genes, drugs, phenotypes (case-sensitive and folded keys),
/// rsID → gene, star alleles per gene, salts.
///
/// Keys are folded the same way as text at match time (`KeyFold`): whitespace dropped, dashes unified,
/// Greek letters spelled out, and — for the case-insensitive trie — lower-cased. So "TNF-α",
/// "TNF alpha" and "TNF-alpha" meet the same key, and PTB-spaced text ("HLA - B") still matches.
/// - Complexity: loading is O(lexicon size · log); the tries take about 30 MB.
public final class Lexicon: @unchecked Sendable {
    public let entries: [LexEntry]
    let caseSensitive: PackedTrie
    let folded: PackedTrie
    /// rsID → genes (HGNC symbols).
    public let rsidGenes: [String: [String]]
    /// Genes with star-allele nomenclature.
    public let starGenes: Set<String>
    /// A named change (`EntityRecognizer.variantKey`: "G551D", "2846A>T") → the genes it is a variant of.
    public let namedVariantGenes: [String: [String]]
    /// The position of a named nucleotide change ("3435C>T" → "3435", `EntityRecognizer.nucleotidePosition`)
    /// → the genes with a named change there, so that "C3435T" and "3435TT" find ABCB1 too.
    public let namedPositionGenes: [String: [String]]
    /// A gene's named change, the gene and the change's key joined by a tab ("ABCB1\t3435C>T") → the
    /// rsID that change is (`rsid(ofChange:gene:)`).
    public let namedVariantRsids: [String: String]
    /// A gene and a position of its named nucleotide changes that have an rsID ("ABCB1\t3435") → those
    /// changes (key and rsID).
    let rsidChangesAtPosition: [String: [(key: String, rsid: String)]]
    /// A gene's official symbol that NCBI also lists as other genes' alias ("RFC1" → SLC19A1): those genes.
    public let sharedSymbols: [String: [String]]
    /// Gene symbol → (HGNC id, Entrez id, pharmacogene).
    public let geneInfo: [String: (hgnc: String?, entrez: String?, pgx: Bool)]
    public let salts: Set<String>
    /// DrugBank and RxNorm ids of each generic name (for the components of regimens).
    public let drugIDs: [String: (id: String?, xref: String?)]
    /// Generic drug names of 9+ plain letters by first two and last three letters, for one-edit typos
    /// ("irinorecan" → irinotecan): a misspelling rarely touches both ends of a name.
    public let typoIndex: [UInt64: [[UInt8]]]
    public let version: String

    /// A lexicon from its parts (the compiled-lexicon cache).
    init(entries: [LexEntry], caseSensitive: PackedTrie, folded: PackedTrie, rsidGenes: [String: [String]], starGenes: Set<String>,
         namedVariantGenes: [String: [String]], namedVariantRsids: [String: String], sharedSymbols: [String: [String]], geneInfo: [String: (hgnc: String?, entrez: String?, pgx: Bool)], salts: Set<String>,
         drugIDs: [String: (id: String?, xref: String?)], version: String) {
        self.entries = entries; self.caseSensitive = caseSensitive; self.folded = folded; self.rsidGenes = rsidGenes
        self.starGenes = starGenes; self.namedVariantGenes = namedVariantGenes; self.sharedSymbols = sharedSymbols; self.geneInfo = geneInfo; self.salts = salts; self.drugIDs = drugIDs; self.version = version
        namedPositionGenes = Lexicon.positions(namedVariantGenes)
        self.namedVariantRsids = namedVariantRsids
        rsidChangesAtPosition = Lexicon.rsidPositions(namedVariantRsids)
        typoIndex = Lexicon.typoIndex(drugIDs)
    }

    /// The positions of the named nucleotide changes (those written with ">"; not protein changes, whose
    /// letters may be A, C, G or T too) and their genes.
    static func positions(_ named: [String: [String]]) -> [String: [String]] {
        var out: [String: Set<String>] = [:]
        for (key, genes) in named where key.contains(">") {
            if let pos = EntityRecognizer.nucleotidePosition(key) { out[pos, default: []].formUnion(genes) }
        }
        return out.mapValues { $0.sorted() }
    }

    /// The named nucleotide changes with an rsID by gene and position ("ABCB1\t3435").
    static func rsidPositions(_ rsids: [String: String]) -> [String: [(key: String, rsid: String)]] {
        var out: [String: [(key: String, rsid: String)]] = [:]
        for (geneKey, rsid) in rsids.sorted(by: { $0.key < $1.key }) {
            let parts = geneKey.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2, parts[1].contains(">"), let pos = EntityRecognizer.nucleotidePosition(String(parts[1])) else { continue }
            out[parts[0] + "\t" + pos, default: []].append((String(parts[1]), rsid))
        }
        return out
    }

    /// The genes a change written by name is a named change of: its own ("G551D" → CFTR), else those with
    /// a named nucleotide change at its position ("C3435T", "3435TT" → ABCB1).
    public func genes(ofChange name: String) -> [String]? {
        namedVariantGenes[EntityRecognizer.variantKey(name)] ?? EntityRecognizer.nucleotidePosition(name).flatMap { namedPositionGenes[$0] }
    }

    /// The rsID a change of `gene` written by name is: the gene's named change itself ("3435C>T",
    /// "c.2846A>T", "G551D", "IVS14+1G>A", "TaqIA", "DPYD*2A"), or a change or genotype written at a named nucleotide
    /// change's position with that change's bases ("C3435T", "3435TT", "G-1639A"), where the named changes
    /// there are one rsID. A triple names such a variant by its rsID, so that the ways papers write one
    /// change make one rule. Nil for any other name (an rsID, or a star allele of a gene whose alleles are
    /// haplotypes, is a variant's name already).
    public func rsid(ofChange name: String, gene: String) -> String? {
        // a star allele of a gene whose alleles are named by their change is that change ("DPYD*2A" is
        // c.1905+1G>A); the star alleles of other genes are haplotypes and have no such row
        let written = name.hasPrefix(gene + "*") ? String(name.dropFirst(gene.count)) : name
        if let rs = namedVariantRsids[gene + "\t" + EntityRecognizer.variantKey(written)] { return rs }
        guard let pos = EntityRecognizer.nucleotidePosition(name), let changes = rsidChangesAtPosition[gene + "\t" + pos],
              let rsid = changes.first?.rsid, changes.allSatisfy({ $0.rsid == rsid }) else { return nil }
        func bases(_ s: String) -> Set<Character> {
            Set((s.hasPrefix("c.") || s.hasPrefix("g.") ? s.dropFirst(2) : Substring(s)).filter { "ACGT".contains($0) })
        }
        return bases(name).isSubset(of: changes.reduce(into: Set<Character>()) { $0.formUnion(bases($1.key)) }) ? rsid : nil
    }

    /// Builds the lexicon from the TSV files of `rules/lexicons` (`LexiconCache.load` keeps the result).
    public init(rules: URL) throws {
        let dir = rules.appendingPathComponent("lexicons")
        var entries: [LexEntry] = []
        var cs: [[UInt32]: Int32] = [:]
        var ci: [[UInt32]: Int32] = [:]
        var geneInfo: [String: (String?, String?, Bool)] = [:]
        var drugIDs: [String: (String?, String?)] = [:]
        var shared: [String: [String]] = [:]

        func put(_ key: String, folded: Bool, _ e: LexEntry) {
            let k = KeyFold.key(key, caseFold: folded)
            guard !k.isEmpty else { return }
            if let old = folded ? ci[k] : cs[k] {
                if entries[Int(old)].rank <= e.rank { return }
            }
            var e = e
            e.source = "lexicon:" + e.how
            e.caseGuard = e.kind == .gene && (e.how == "symbol" || e.how == "alias")
            entries.append(e)
            if folded { ci[k] = Int32(entries.count - 1) } else { cs[k] = Int32(entries.count - 1) }
        }

        // every row is checked against its file's layout as it is read (LexiconTable): a row that does
        // not fit stops the load with the file, the line and what to fix, so the rows below have every field
        func rows(_ table: LexiconTable, _ body: ([Substring]) -> Void) throws {
            try table.read(dir.appendingPathComponent(table.file), body)
        }

        // genes.tsv is read and added while drugs.tsv is split into rows on the other core; the drug
        // rows are added after the genes, so which entry a key keeps does not depend on timing.
        var drugRows: [DrugRow] = []
        var failure: Error? = nil
        let lock = NSLock()
        cs.reserveCapacity(150_000)
        ci.reserveCapacity(200_000)
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            do {
                if part == 0 {
                    try rows(LexiconTable.genes) { f in
                        let r = GeneRow(f)
                        if r.how == "shared" { shared[r.key, default: []].append(r.symbol); return }
                        if r.how == "symbol" || geneInfo[r.symbol] == nil { geneInfo[r.symbol] = (r.hgnc, r.entrez, r.pgx) }
                        put(r.key, folded: r.folded, LexEntry(kind: .gene, name: r.symbol, id: r.hgnc, xref: r.entrez,
                                                              how: r.how, pharmacogene: r.pgx, rank: r.rank))
                    }
                } else {
                    var out: [DrugRow] = []
                    out.reserveCapacity(50_000)
                    try rows(LexiconTable.drugs) { out.append(DrugRow($0)) }
                    drugRows = out
                }
            } catch { lock.lock(); failure = error; lock.unlock() }
        }
        if let failure { throw failure }
        for r in drugRows {
            if r.how == "generic" { drugIDs[r.name] = (r.id, r.xref) }
            put(r.key, folded: r.folded,
                LexEntry(kind: .drug, name: r.name, id: r.id, xref: r.xref, how: r.how, pharmacogene: false, rank: r.rank))
        }
        drugRows = []
        try rows(LexiconTable.phenotypes) { f in
            put(String(f[0]), folded: f[2] == "ci",
                LexEntry(kind: .phenotype, name: String(f[1]), id: nil, xref: nil, how: "phenotype", pharmacogene: false, rank: 0))
        }
        var rs: [String: [String]] = [:]
        var star: Set<String> = []
        var named: [String: [String]] = [:]
        var namedRsids: [String: String] = [:]
        try rows(LexiconTable.variants) { f in
            if f[0] == "rsid" { rs[String(f[1]), default: []].append(String(f[2])) }
            if f[0] == "star" { star.insert(String(f[2])) }
            if f[0] == "named" {
                named[String(f[1]), default: []].append(String(f[2]))
                if !f[3].isEmpty { namedRsids[f[2] + "\t" + f[1]] = String(f[3]) }
            }
        }
        star.formUnion(["HLA-A", "HLA-B", "HLA-C", "HLA-DRB1", "HLA-DQB1", "HLA-DQA1", "HLA-DPB1"])
        var salts: Set<String> = []
        try rows(LexiconTable.salts) { f in salts.insert(String(f[0])) }

        self.entries = entries
        // each dictionary is emptied before its trie is built (peak memory)
        var pairs = cs.map { ($0.key, $0.value) }
        cs = [:]
        caseSensitive = PackedTrie(pairs)
        pairs = ci.map { ($0.key, $0.value) }
        ci = [:]
        folded = PackedTrie(pairs)
        pairs = []
        rsidGenes = rs
        starGenes = star
        namedVariantGenes = named
        namedPositionGenes = Lexicon.positions(named)
        namedVariantRsids = namedRsids
        rsidChangesAtPosition = Lexicon.rsidPositions(namedRsids)
        sharedSymbols = shared
        self.geneInfo = geneInfo
        self.salts = salts
        self.drugIDs = drugIDs
        typoIndex = Lexicon.typoIndex(drugIDs)
        let attrs = try? FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("genes.tsv").path)
        version = "lexicons-\(entries.count)-\((attrs?[.size] as? Int) ?? 0)"
    }
}

/// One row of genes.tsv: key, cs|ci, how, symbol, HGNC id, Entrez id, pharmacogene (1|0).
struct GeneRow {
    var key: String, folded: Bool, how: String, symbol: String, hgnc: String?, entrez: String?, pgx: Bool, rank: Int

    /// `f`: a row `LexiconTable.genes` has checked (seven fields).
    init(_ f: [Substring]) {
        key = String(f[0]); folded = f[1] == "ci"; how = String(f[2]); symbol = String(f[3])
        hgnc = f[4].isEmpty ? nil : String(f[4]); entrez = f[5].isEmpty ? nil : String(f[5]); pgx = f[6] == "1"
        // an alias of a gene that is not a pharmacogene gives way to a drug abbreviation or synonym
        // written the same ("STZ", "DDP", "TDF" are streptozocin, cisplatin, tenofovir before they are
        // ST3GAL4, TIMM8A and SRY); the symbol written with a hyphen, "IL-2", keeps an alias's rank
        switch how {
        case "symbol": rank = 1
        case "family": rank = 3
        case "alias": rank = pgx || GeneRow.isSymbolWithHyphen(key, symbol) ? 4 : 6
        default: rank = 6
        }
    }

    /// "IL-2" for IL2: the symbol with one hyphen added (letters compared regardless of case).
    static func isSymbolWithHyphen(_ key: String, _ symbol: String) -> Bool {
        let k = Array(key.utf8), s = Array(symbol.utf8)
        guard k.count == s.count + 1, k.filter({ $0 == 45 }).count == 1 else { return false }
        let bare = k.filter { $0 != 45 }.map { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }
        return bare == s
    }
}

/// One row of drugs.tsv: key, cs|ci, how, generic name, DrugBank id, RxNorm id.
struct DrugRow {
    var key: String, folded: Bool, how: String, name: String, id: String?, xref: String?, rank: Int

    /// `f`: a row `LexiconTable.drugs` has checked (seven fields).
    init(_ f: [Substring]) {
        key = String(f[0]); folded = f[1] == "ci"; how = String(f[2]); name = String(f[3])
        id = f[4].isEmpty ? nil : String(f[4]); xref = f[5].isEmpty ? nil : String(f[5])
        switch how {
        case "generic", "brand", "regimen": rank = 2
        case "class": rank = 3
        case "endogenous": rank = 4  // a substance the body makes, under any of its names
        default: rank = 5
        }
    }
}

extension Lexicon {
    /// Generic names of 9+ plain letters by `typoKey`, each bucket sorted.
    static func typoIndex(_ drugIDs: [String: (id: String?, xref: String?)]) -> [UInt64: [[UInt8]]] {
        var typo: [UInt64: [[UInt8]]] = [:]
        for name in drugIDs.keys where name.utf8.count >= 9 && name.utf8.allSatisfy({ $0 >= 97 && $0 <= 122 }) {
            let b = Array(name.utf8)
            typo[Lexicon.typoKey(b), default: []].append(b)
        }
        for k in typo.keys { typo[k]!.sort { $0.lexicographicallyPrecedes($1) } }
        return typo
    }

    static func typoKey(_ b: [UInt8]) -> UInt64 {
        typoKey(UInt32(b[0]), UInt32(b[1]), (UInt32(b[b.count - 3]), UInt32(b[b.count - 2]), UInt32(b[b.count - 1])))
    }

    @inline(__always) static func typoKey(_ a: UInt32, _ b: UInt32, _ l: (UInt32, UInt32, UInt32)) -> UInt64 {
        UInt64(a) << 32 | UInt64(b) << 24 | UInt64(l.0) << 16 | UInt64(l.1) << 8 | UInt64(l.2)
    }

    /// Whether some generic name shares these first two and last three letters (lower-case ASCII).
    @inline(__always) public func mayBeTypo(first: UInt32, second: UInt32, last3: (UInt32, UInt32, UInt32)) -> Bool {
        typoIndex[Lexicon.typoKey(first, second, last3)] != nil
    }

    /// The generic drug name one edit (substitution, insertion, deletion, or swap of neighbours) away
    /// from a lower-case word of 9+ letters that shares its first two and last three letters, if exactly one is.
    public func typoDrug(_ word: [UInt8]) -> String? {
        guard word.count >= 9, let names = typoIndex[Lexicon.typoKey(word)] else { return nil }
        var found: [UInt8]? = nil
        for n in names where abs(n.count - word.count) <= 1 && Lexicon.oneEdit(n, word) {
            if found != nil { return nil }
            found = n
        }
        return found.map { String(decoding: $0, as: UTF8.self) }
    }

    static func oneEdit(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        if a == b { return false }
        var i = 0
        while i < a.count && i < b.count && a[i] == b[i] { i += 1 }
        if a.count == b.count {
            if a[(i + 1)...] == b[(i + 1)...] { return true }
            return i + 1 < a.count && a[i] == b[i + 1] && a[i + 1] == b[i] && a[(i + 2)...] == b[(i + 2)...]
        }
        return a.count > b.count ? a[(i + 1)...] == b[i...] : a[i...] == b[(i + 1)...]
    }
}

/// The one folding used for lexicon keys and for text at match time.
enum KeyFold {
    static let greek: [UInt32: String] = [
        0x03B1: "alpha", 0x03B2: "beta", 0x03B3: "gamma", 0x03B4: "delta", 0x03B5: "epsilon", 0x03BA: "kappa",
        0x03BB: "lambda", 0x03BC: "mu", 0x03C9: "omega", 0x03B8: "theta", 0x03C3: "sigma", 0x03C4: "tau",
        0x03B6: "zeta", 0x03B7: "eta", 0x03C0: "pi", 0x03C6: "phi", 0x03C7: "chi", 0x03C8: "psi", 0x03C1: "rho",
        0x0391: "alpha", 0x0392: "beta", 0x0393: "gamma", 0x0394: "delta", 0x039A: "kappa",
    ]

    /// Appends the folded form of one scalar to `out` (nothing for whitespace).
    @inline(__always)
    static func fold(_ s: Unicode.Scalar, caseFold: Bool, into out: inout [UInt32]) {
        let v = s.value
        if v < 0x80 {
            if v == 32 || v == 9 || v == 10 || v == 13 { return }
            if caseFold && v >= 65 && v <= 90 { out.append(v + 32) } else { out.append(v) }
            return
        }
        if let g = greek[v] { for u in g.unicodeScalars { out.append(u.value) }; return }
        let n = foldPunct(s)
        if n.properties.isWhitespace { return }
        if caseFold, n.properties.changesWhenLowercased {
            for u in n.properties.lowercaseMapping.unicodeScalars { out.append(u.value) }
        } else {
            out.append(n.value)
        }
    }

    @inline(__always)
    static func foldPunct(_ s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D: return "-"
        case 0x2236: return ":"
        case 0x2032, 0x2019: return "'"
        default: return s
        }
    }

    /// Folds a key the way `EntityRecognizer` folds text: runs of spaces and hyphens between two
    /// letters/digits become one separator (" "), so "interleukin-6", "interleukin 6" and "HLA - B"
    /// meet "HLA-B"; spaces next to other punctuation vanish ("( 6-38 )"); a hyphen next to
    /// punctuation stays a hyphen.
    static func key(_ s: String, caseFold: Bool) -> [UInt32] {
        let t = Array(s.unicodeScalars)
        var out: [UInt32] = []
        var i = 0
        while i < t.count {
            if isSeparator(t[i]) {
                let (r, emit) = separatorRun(t, i, start: 0)
                if let e = emit { out.append(e) }
                i = r
                continue
            }
            fold(t[i], caseFold: caseFold, into: &out)
            i += 1
        }
        return out
    }

    @inline(__always)
    static func isSeparator(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "-" || s == "\t" || s == "\n" || s == "\r" || s.value == 0xA0
            || (s.value >= 0x2010 && s.value <= 0x2015) || s.value == 0x2212
    }

    /// The end of the run of separators at `i` and what it folds to (nil: nothing).
    @inline(__always)
    static func separatorRun(_ t: [Unicode.Scalar], _ i: Int, start: Int) -> (Int, UInt32?) {
        var r = i
        var hyphen = false
        while r < t.count && isSeparator(t[r]) {
            if !(t[r] == " " || t[r] == "\t" || t[r] == "\n" || t[r] == "\r" || t[r].value == 0xA0) { hyphen = true }
            r += 1
        }
        let prevAlnum = i > start && EntityRecognizer.isAlnum(t[i - 1])
        let nextAlnum = r < t.count && EntityRecognizer.isAlnum(t[r])
        if prevAlnum && nextAlnum { return (r, 0x20) }
        return (r, hyphen ? 0x2D : nil)
    }
}
