import Foundation
import PGxModel

/// The layout of each lexicon file in `rules/lexicons`: the columns its header row names, the values a
/// closed column takes, the columns no row leaves empty and what its ids look like.
///
/// `read` checks every row against it as the file is read, so a hand edit that drops a tab, misspells a
/// kind ("generik") or shifts a column stops the run with the file, the line and what to fix, instead of
/// loading a lexicon with the row silently missing (as before). The files `scripts/build-lexicons.py`
/// writes always fit; `pgx rules check` reads them again and also checks them against each other
/// (`LexiconTable.problems`). A folder built by an earlier version of the script loads as it did.
public struct LexiconTable: Sendable {
    public let file: String
    public let columns: [String]
    /// column → the values it may take, in the order the message lists them
    let closed: [Int: [String]]
    let required: Set<Int>
    let formats: [Int: IDFormat]
    /// Ids whose form depends on the row's kind: (kind column, kind, id column, form) — variants.tsv's
    /// key is an rsID in an "rsid" row, and its detail (if any) an rsID in a "named" row.
    var formatsByKind: [(kindColumn: Int, kind: String, column: Int, format: IDFormat)] = []

    /// What an id column holds (an empty field is allowed unless the column is required).
    enum IDFormat: String, Sendable {
        case hgnc = "HGNC:<digits>", digits = "digits", drugbank = "DB<digits>", atc = "ATC codes joined by |", rsid = "rs<digits>"

        func accepts(_ v: Substring) -> Bool {
            let b = Array(v.utf8)
            func digits(_ s: ArraySlice<UInt8>) -> Bool { !s.isEmpty && s.allSatisfy { $0 &- 48 < 10 } }
            func prefixed(_ p: String) -> Bool {
                let q = Array(p.utf8)
                return b.count > q.count && b.starts(with: q) && digits(b[q.count...])
            }
            switch self {
            case .hgnc: return prefixed("HGNC:")
            case .digits: return digits(b[...])
            case .drugbank: return prefixed("DB")
            case .rsid: return prefixed("rs")
            case .atc:
                // level 1 to 5 codes: "J05AF", "L01XC06"; upper-case letters and digits in ATC's places
                return v.split(separator: "|", omittingEmptySubsequences: false).allSatisfy { code in
                    let c = Array(code.utf8)
                    let letters: Set<Int> = [0, 3, 4]
                    return [1, 3, 4, 5, 7].contains(c.count) && c.indices.allSatisfy { i in
                        letters.contains(i) ? c[i] &- 65 < 26 : c[i] &- 48 < 10
                    }
                }
            }
        }
    }

    public static let genes = LexiconTable(
        file: "genes.tsv", columns: ["key", "match", "kind", "symbol", "hgnc", "entrez", "pgx"],
        closed: [1: ["cs", "ci"], 2: ["symbol", "alias", "name", "family", "shared"], 6: ["0", "1"]],
        required: [0, 3], formats: [4: .hgnc, 5: .digits])
    public static let drugs = LexiconTable(
        file: "drugs.tsv", columns: ["key", "match", "kind", "name", "drugbank", "rxnorm", "atc"],
        closed: [1: ["cs", "ci"], 2: ["generic", "synonym", "abbreviation", "brand", "class", "regimen", "endogenous"]],
        required: [0, 3], formats: [4: .drugbank, 5: .digits])
    public static let phenotypes = LexiconTable(
        file: "phenotypes.tsv", columns: ["key", "canonical", "match"], closed: [2: ["cs", "ci"]], required: [0, 1], formats: [:])
    public static let variants = LexiconTable(
        file: "variants.tsv", columns: ["kind", "key", "gene", "detail"], closed: [0: ["rsid", "star", "named"]],
        required: [0, 1, 2], formats: [:], formatsByKind: [(0, "rsid", 1, .rsid), (0, "named", 3, .rsid)])
    public static let salts = LexiconTable(file: "salts.tsv", columns: ["salt"], closed: [:], required: [0], formats: [:])
    public static let cpicPairs = LexiconTable(file: "cpic_pairs.tsv", columns: ["gene", "drug"], closed: [:], required: [0, 1], formats: [:])
    /// The files the recognizer's lexicon is built (and cached) from; with the CPIC pairs, all of them.
    public static let lexicon = [genes, drugs, phenotypes, variants, salts]
    public static let all = lexicon + [cpicPairs]

    /// What to do about a row that does not fit.
    static let fix = "fix the rows, or rebuild the lexicons with scripts/build-lexicons.py"

    /// Why `fields` (a row after the header) does not fit, or nil.
    func problem(_ fields: [Substring]) -> String? {
        guard fields.count == columns.count else {
            return "\(fields.count) field\(fields.count == 1 ? "" : "s") where the header names \(columns.count) (\(columns.joined(separator: ", ")); tab-separated)"
        }
        for i in required.sorted() where fields[i].isEmpty { return "no \(columns[i])" }
        for (i, values) in closed.sorted(by: { $0.key < $1.key }) where !values.contains(where: { fields[i] == $0 }) {
            return "\(columns[i]) \"\(fields[i])\" is not one of \(values.joined(separator: ", "))"
        }
        for (i, format) in formats.sorted(by: { $0.key < $1.key }) where !fields[i].isEmpty && !format.accepts(fields[i]) {
            return "\(columns[i]) \"\(fields[i])\" is not \(format.rawValue)"
        }
        for k in formatsByKind where fields[k.kindColumn] == k.kind && !fields[k.column].isEmpty && !k.format.accepts(fields[k.column]) {
            return "\(k.kind) \(columns[k.column]) \"\(fields[k.column])\" is not \(k.format.rawValue)"
        }
        return nil
    }

    /// Reads the file at `url` (lines and tab-separated fields split on bytes: String.split walks grapheme
    /// clusters, which was half of the load time), skipping "#" comments and empty lines, and passes each
    /// row after the header to `body`. A header that does not name `columns` or a row that does not fit
    /// (`problem`) is an error naming the file and line; all such rows are read first and the first
    /// five reported, so one run shows what to fix.
    public func read(_ url: URL, _ body: ([Substring]) -> Void) throws {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw LexiconError(message: "cannot read \(url.path)")
        }
        var problems: [String] = [], count = 0
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let b = raw.bindMemory(to: UInt8.self)
            var i = 0, line = 0, header = true
            let n = b.count
            var fields: [Substring] = []
            while i < n {
                line += 1
                var j = i
                while j < n && b[j] != 10 { j += 1 }
                var end = j
                if end > i && b[end - 1] == 13 { end -= 1 }   // a CRLF line ending
                if end > i && b[i] != 35 {   // not empty, not a "#" comment
                    fields.removeAll(keepingCapacity: true)
                    var k = i
                    while true {
                        var e = k
                        while e < end && b[e] != 9 { e += 1 }
                        fields.append(Substring(String(decoding: UnsafeBufferPointer(rebasing: b[k..<e]), as: UTF8.self)))
                        if e >= end { break }
                        k = e + 1
                    }
                    if header {
                        header = false
                        if !fields.elementsEqual(columns, by: { $0 == $1 }) {
                            count += 1
                            problems.append("\(url.path):\(line): the header row is \"\(fields.joined(separator: "\\t"))\"; expected \(columns.joined(separator: ", ")) (tab-separated)")
                        }
                    } else if let why = problem(fields) {
                        count += 1
                        if problems.count < 5 { problems.append("\(url.path):\(line): \(why)") }
                    } else {
                        body(fields)
                    }
                }
                i = j + 1
            }
        }
        guard problems.isEmpty else {
            let more = count > problems.count ? "\n… and \(count - problems.count) more row\(count - problems.count == 1 ? "" : "s")" : ""
            throw LexiconError(message: problems.joined(separator: "\n") + more + "\n\(url.path): \(count) row\(count == 1 ? "" : "s") that do\(count == 1 ? "es" : "") not fit; \(LexiconTable.fix)")
        }
    }

    /// SHA-256 over the lexicon files of `rules` (each file's name, a NUL, its bytes, in `all`'s order; a
    /// missing file adds nothing): a model records the lexicons it was trained with (`lexicons_sha256`),
    /// since its features are read through them (which words are genes and drugs, the CPIC pair prior).
    /// Worked out once per folder and run (the lexicon cache's key and the stale-model check both ask).
    public static func sha256(rules: URL) -> String {
        let path = rules.standardizedFileURL.path
        digestLock.lock()
        let known = digests[path]
        digestLock.unlock()
        if let known { return known }
        var h = SHA256()
        for table in all {
            guard let data = FileManager.default.contents(atPath: rules.appendingPathComponent("lexicons/\(table.file)").path) else { continue }
            h.update(Array(table.file.utf8) + [0])
            data.withUnsafeBytes { h.update(buffer: $0) }
        }
        let digest = h.finalize()
        digestLock.lock()
        digests[path] = digest
        digestLock.unlock()
        return digest
    }
    nonisolated(unsafe) private static var digests: [String: String] = [:]
    private static let digestLock = NSLock()

    /// What `pgx rules check` finds in the lexicon files of `rules` beyond rows that do not fit (which
    /// `read` reports): a file whose header does not record its sources and license, CPIC pairs and
    /// variants whose gene is no gene symbol of genes.tsv, CPIC pairs whose drug is no drug name of
    /// drugs.tsv (such a pair never matches a triple), regimens whose parts are not drug names (a triple
    /// would carry a name without an id). Throws what `read` throws.
    public static func problems(rules: URL) throws -> [String] {
        let dir = rules.appendingPathComponent("lexicons")
        var problems: [String] = []
        var symbols = Set<String>(), drugNames = Set<String>()
        var regimens = Set<String>()
        for table in all {
            let url = dir.appendingPathComponent(table.file)
            if table.file == cpicPairs.file && !FileManager.default.fileExists(atPath: url.path) {
                problems.append("\(url.path): missing; the pair models then score without the CPIC pair prior (rebuild with scripts/build-lexicons.py)")
                continue
            }
            // provenance: the header comments name sources and license (the project's rule for rules/);
            // they are the first lines, so the first 8 KB hold them
            if let handle = FileHandle(forReadingAtPath: url.path) {
                let head = String(decoding: handle.readData(ofLength: 8192), as: UTF8.self)
                try? handle.close()
                let comments = head.split(separator: "\n").prefix { $0.hasPrefix("#") }
                for field in ["sources", "license"] where !comments.contains(where: { $0.hasPrefix("# \(field):") }) {
                    problems.append("\(url.path): the header does not record its \(field) (a \"# \(field): …\" line); rebuild with scripts/build-lexicons.py")
                }
            }
            switch table.file {
            case "genes.tsv": try table.read(url) { symbols.insert(String($0[3])) }
            case "drugs.tsv":
                try table.read(url) { f in
                    if f[2] == "regimen" { regimens.insert(String(f[3])) } else { drugNames.insert(String(f[3])) }
                    // the ATC codes are information carried with a drug, not read by extraction: a malformed
                    // field (earlier builds wrote CPIC's empty `""`) is reported here, not refused at load
                    if !f[6].isEmpty && !IDFormat.atc.accepts(f[6]) {
                        problems.append("\(url.path): \(f[0]): atc \"\(f[6])\" is not \(IDFormat.atc.rawValue)")
                    }
                }
            case "variants.tsv":
                try table.read(url) { f in
                    if !symbols.contains(String(f[2])) { problems.append("\(url.path): \(f[0]) \(f[1]): gene \(f[2]) is no gene symbol of genes.tsv") }
                }
            case "cpic_pairs.tsv":
                try table.read(url) { f in
                    if !symbols.contains(String(f[0])) { problems.append("\(url.path): \(f[0])–\(f[1]): gene \(f[0]) is no gene symbol of genes.tsv") }
                    if !drugNames.contains(String(f[1])) { problems.append("\(url.path): \(f[0])–\(f[1]): drug \"\(f[1])\" is no drug name of drugs.tsv, so the pair never matches a triple") }
                }
            default: try table.read(url) { _ in }
            }
        }
        for name in regimens.sorted() {
            for part in name.split(separator: "|") where !drugNames.contains(String(part)) {
                problems.append("\(dir.appendingPathComponent("drugs.tsv").path): regimen \(name): \"\(part)\" is no drug name of drugs.tsv, so a triple would name it without an id")
            }
        }
        return problems
    }
}
