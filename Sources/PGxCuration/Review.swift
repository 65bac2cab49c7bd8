import Foundation
import GRDB

/// A triple as a reviewer sees it.
public struct TripleRow: Sendable {
    public var id: Int64
    public var gene: String?, variant: String?, phenotype: String?, drug: String
    public var category: String, direction: String, negated: Bool
    public var status: String, revision: Int
    public var evidence: Int, pmids: [String], maxConfidence: Double

    /// The variant and the phenotype in brackets, as a reviewer reads them: "CYP2C19*2", "[poor metabolizer]",
    /// "HLA-B*58:01 [positive]" (the allele's carriers).
    public var qualifierLabel: String {
        [variant, phenotype.map { "[\($0)]" }].compactMap { $0 }.joined(separator: " ")
    }
}

public struct AuditRow: Sendable {
    public var at: String, reviewer: String, action: String, before: String?, after: String?, note: String?
}

/// A decision that lost a race: someone changed the triple after the reviewer saw it.
public struct ReviewConflict: Error, CustomStringConvertible {
    public var id: Int64
    public var current: String
    public var revision: Int
    public var lastBy: String?
    public var description: String {
        "PGX-E101 conflict: triple \(id) is now \(current) (revision \(revision)\(lastBy.map { ", last changed by \($0)" } ?? "")); "
            + "nothing was changed. Look at it again (`pgx history \(id)`) and decide with --revision \(revision)"
    }
}

public struct ReviewError: Error, CustomStringConvertible {
    public var description: String
    public init(description: String) { self.description = description }
}

public enum Decision: String, Sendable { case approve, reject }

extension CurationStore {
    public struct Filter {
        public var status: String? = "pending"
        public var gene: String?, drug: String?, category: String?, batch: String?
        public var minConfidence: Double = 0
        public var limit: Int = 1000
        public init() {}
    }

    /// Triples matching a filter, highest confidence first.
    public func list(_ f: Filter) throws -> [TripleRow] {
        try db.read { db in
            var sql = """
                SELECT t.id, t.gene, t.variant, t.phenotype, t.drug, t.category, t.direction, t.negated, t.status, t.revision,
                       COUNT(e.id) AS n, GROUP_CONCAT(DISTINCT e.pmid) AS pmids, MAX(e.confidence) AS conf
                FROM triple t JOIN evidence e ON e.triple_id = t.id
                """
            var args: [(any DatabaseValueConvertible)?] = []
            var conds: [String] = []
            if let b = f.batch { sql += " JOIN batch_input bi ON bi.id = e.input_id JOIN batch b ON b.id = bi.batch_id"; conds.append("b.name = ?"); args.append(b) }
            if let s = f.status, s != "all" { conds.append("t.status = ?"); args.append(s) }
            if !includesRetracted(f.status) { conds.append("(e.retracted IS NULL OR t.status = 'retracted')") }
            if let g = f.gene { conds.append("t.gene = ?"); args.append(g) }
            if let d = f.drug { conds.append("t.drug = ?"); args.append(d.lowercased()) }
            if let c = f.category { conds.append("t.category = ?"); args.append(c) }
            if !conds.isEmpty { sql += " WHERE " + conds.joined(separator: " AND ") }
            sql += " GROUP BY t.id HAVING conf >= ? ORDER BY conf DESC, t.id LIMIT ?"
            args.append(f.minConfidence); args.append(f.limit)
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)!).map { r in
                TripleRow(id: r["id"], gene: r["gene"], variant: r["variant"], phenotype: r["phenotype"], drug: r["drug"],
                          category: r["category"], direction: r["direction"], negated: r["negated"], status: r["status"],
                          revision: r["revision"], evidence: r["n"],
                          pmids: ((r["pmids"] as String?) ?? "").split(separator: ",").map(String.init).sorted(),
                          maxConfidence: r["conf"])
            }
        }
    }

    private func includesRetracted(_ s: String?) -> Bool { s == "retracted" || s == "all" }

    /// Approves or rejects triple `id` as `reviewer`. A decision applies to a pending triple, or to the
    /// exact `revision` the reviewer saw; anything else is a `ReviewConflict` and changes nothing.
    @discardableResult
    public func decide(_ id: Int64, _ d: Decision, reviewer: String, revision: Int? = nil, note: String? = nil) throws -> Int {
        try db.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT status, revision, gene FROM triple WHERE id = ?", arguments: [id]) else {
                throw ReviewError(description: "PGX-E102 no triple with id \(id) (see `pgx review list`)")
            }
            let status: String = row["status"], rev: Int = row["revision"]
            let ok = revision.map { $0 == rev } ?? (status == "pending")
            guard ok else { throw ReviewConflict(id: id, current: status, revision: rev, lastBy: try CurationStore.lastReviewer(db, id)) }
            if d == .approve, (row["gene"] as String?) == nil {
                let hint = try CurationStore.geneHint(db, id)
                throw ReviewError(description: "PGX-E109 triple \(id) has no gene, and a rule needs one: set it first with "
                                  + "`pgx review edit \(id) --gene SYMBOL` (or e in the queue)"
                                  + (hint.map { "; its abstract names one gene, \($0)" } ?? ""))
            }
            let new = d == .approve ? "approved" : "rejected"
            let now = CurationStore.now()
            try db.execute(sql: "UPDATE triple SET status = ?, revision = revision + 1, updated_at = ? WHERE id = ? AND revision = ?",
                           arguments: [new, now, id, rev])
            try db.execute(sql: "INSERT INTO audit (at, reviewer, action, triple_id, before, after, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [now, reviewer, d.rawValue, id, status, new, note])
            return rev + 1
        }
    }

    /// Every recorded action on a triple, oldest first.
    public func history(_ id: Int64) throws -> [AuditRow] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT at, reviewer, action, before, after, note FROM audit WHERE triple_id = ? ORDER BY id", arguments: [id]).map {
                AuditRow(at: $0["at"], reviewer: $0["reviewer"], action: $0["action"], before: $0["before"], after: $0["after"], note: $0["note"])
            }
        }
    }

    /// Counts of triples by review state, and batches with their inputs and evidence.
    public func status() throws -> (states: [(String, Int)], batches: [(name: String, status: String, inputs: Int, records: Int, evidence: Int)]) {
        try db.read { db in
            let states = try Row.fetchAll(db, sql: "SELECT status, COUNT(*) AS n FROM triple GROUP BY status ORDER BY status").map { ($0["status"] as String, $0["n"] as Int) }
            let batches = try Row.fetchAll(db, sql: """
                SELECT b.name, b.status, COUNT(bi.id) AS inputs, COALESCE(SUM(bi.records), 0) AS records, COALESCE(SUM(bi.evidence), 0) AS evidence
                FROM batch b LEFT JOIN batch_input bi ON bi.batch_id = b.id GROUP BY b.id ORDER BY b.id
                """).map { (name: $0["name"] as String, status: $0["status"] as String, inputs: $0["inputs"] as Int,
                            records: $0["records"] as Int, evidence: $0["evidence"] as Int) }
            return (states, batches)
        }
    }

    /// Evidence rows of the store (for tests and exports): (triple key, pmid, sentence start, retracted reason).
    public func evidenceKeys() throws -> [String] {
        try db.read { db in
            try Row.fetchAll(db, sql: """
                SELECT t.key, e.pmid, e.pmid_version, e.passage, e.sentence_start, e.spans, e.retracted FROM evidence e
                JOIN triple t ON t.id = e.triple_id ORDER BY t.key, e.pmid, e.passage, e.sentence_start, e.spans
                """).map { r in
                "\(r["key"] as String)|\(r["pmid"] as String)|\(r["pmid_version"] as Int)|\(r["passage"] as String)|\(r["sentence_start"] as Int)|\(r["spans"] as String)|\((r["retracted"] as String?) ?? "")"
            }
        }
    }
}

/// What a reviewer sees for one triple in the queue.
public struct QueueItem: Sendable {
    public var row: TripleRow
    public var pmid: String, passage: String, sentence: String, sentenceStart: Int, spans: String, rule: String
    /// The sentence puts the finding as an aim, a question or a hedge, not as a result.
    public var speculative: Bool
    /// For a triple without a gene: the one gene its abstract names, if it names one.
    public var geneHint: String?
    public var title: String?, year: Int?
    public var supporting: Int
}

/// Fields a reviewer may correct.
public struct TripleEdit: Sendable {
    public var category: String?, direction: String?, negated: Bool?, gene: String?, drug: String?, qualifier: String?
    /// Whether `qualifier` is a variant (true) or a phenotype (false), when the lexicon has read it; nil:
    /// by its form (`splitQualifier`).
    public var qualifierIsVariant: Bool?
    /// The genes the qualifier's variant may belong to, when the lexicon knows them (an rsID's).
    public var variantGenes: [String]?
    /// The HGNC id of `gene`, when the lexicon has one for it (set with `gene` only).
    public var hgnc: String?
    public init(category: String? = nil, direction: String? = nil, negated: Bool? = nil, gene: String? = nil,
                drug: String? = nil, qualifier: String? = nil) {
        self.category = category; self.direction = direction; self.negated = negated; self.gene = gene
        self.drug = drug; self.qualifier = qualifier
    }
}

extension CurationStore {
    static let categories: Set<String> = ["efficacy", "toxicity", "dosage", "metabolism", "other"]
    static let directions: Set<String> = ["increased", "decreased", "none", "unspecified"]

    /// The best evidence of a triple with its citation, for display: live before retracted, a result
    /// before an aim or a hedge, then the most confident.
    public func item(_ row: TripleRow) throws -> QueueItem? {
        try db.read { db in
            guard let e = try Row.fetchOne(db, sql: """
                SELECT e.pmid, e.passage, e.sentence, e.sentence_start, e.spans, e.rule, e.speculative, c.title, c.year FROM evidence e
                LEFT JOIN citation c ON c.pmid = e.pmid WHERE e.triple_id = ?
                ORDER BY e.retracted IS NOT NULL, e.speculative, e.confidence DESC LIMIT 1
                """, arguments: [row.id]) else { return nil }
            let n = try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT pmid) FROM evidence WHERE triple_id = ? AND retracted IS NULL", arguments: [row.id]) ?? 0
            return QueueItem(row: row, pmid: e["pmid"], passage: e["passage"], sentence: e["sentence"], sentenceStart: e["sentence_start"], spans: e["spans"],
                             rule: e["rule"], speculative: e["speculative"], geneHint: try CurationStore.geneHint(db, row.id), title: e["title"], year: e["year"],
                             supporting: max(0, n - 1))
        }
    }

    /// Corrects a triple's fields (the same finding keeps its evidence); recorded with before and after.
    @discardableResult
    public func edit(_ id: Int64, _ change: TripleEdit, reviewer: String, revision: Int? = nil, note: String? = nil) throws -> Int {
        if let c = change.category, !Self.categories.contains(c) { throw ReviewError(description: "PGX-E105 category must be one of \(Self.categories.sorted().joined(separator: ", "))") }
        if let d = change.direction, !Self.directions.contains(d) { throw ReviewError(description: "PGX-E105 direction must be one of \(Self.directions.sorted().joined(separator: ", "))") }
        return try db.write { db in
            guard let r = try Row.fetchOne(db, sql: "SELECT * FROM triple WHERE id = ?", arguments: [id]) else {
                throw ReviewError(description: "PGX-E102 no triple with id \(id) (see `pgx review list`)")
            }
            let rev: Int = r["revision"]
            if let revision, revision != rev {
                throw ReviewConflict(id: id, current: r["status"], revision: rev, lastBy: try CurationStore.lastReviewer(db, id))
            }
            let before = CurationStore.describe(r)
            var gene: String? = r["gene"], variant: String? = r["variant"], phenotype: String? = r["phenotype"]
            var drug: String = r["drug"], category: String = r["category"], direction: String = r["direction"]
            var negated: Bool = r["negated"]
            if let g = change.gene { gene = g }
            if let d = change.drug { drug = d.lowercased() }
            if let c = change.category { category = c }
            if let d = change.direction { direction = d }
            if let n = change.negated { negated = n; if n { direction = "none" } }
            if let q = change.qualifier {
                if let isVariant = change.qualifierIsVariant { (variant, phenotype) = isVariant ? (q, nil) : (nil, q) }
                else { (variant, phenotype) = CurationStore.splitQualifier(q) }
            }
            // a variant is one gene's: the one it is written with ("CYP2C19*2"), or one the lexicon gives it
            // (an rsID's); an edit of either that pairs it with another gene would make a wrong rule
            if change.gene != nil || change.qualifier != nil, let v = variant, let g = gene,
               let of = (change.qualifier != nil ? change.variantGenes : nil) ?? CurationStore.geneWritten(in: v).map({ [$0] }),
               !of.isEmpty, !of.contains(g) {
                throw ReviewError(description: "PGX-E112 the variant \(v) is \(of.joined(separator: " or "))'s, not \(g)'s; "
                                  + "edit the gene and the variant together (--gene \(of[0]), or --qualifier with a variant of \(g))")
            }
            let key = CurationStore.tripleKey(gene: gene, qualifier: variant ?? phenotype, drug: drug, category: category,
                                              direction: direction, negated: negated)
            if let other = try Int64.fetchOne(db, sql: "SELECT id FROM triple WHERE key = ? AND id != ?", arguments: [key, id]) {
                throw ReviewError(description: "PGX-E106 the edited finding is triple \(other) already; review that one instead")
            }
            let now = CurationStore.now()
            try CurationStore.rewriteFinding(db, id, gene: gene, hgnc: change.hgnc, variant: variant, phenotype: phenotype, drug: drug,
                                             category: category, direction: direction, negated: negated, now: now)
            let after = CurationStore.describe(try Row.fetchOne(db, sql: "SELECT * FROM triple WHERE id = ?", arguments: [id])!)
            try db.execute(sql: "INSERT INTO audit (at, reviewer, action, triple_id, before, after, note) VALUES (?, ?, 'edit', ?, ?, ?, ?)",
                           arguments: [now, reviewer, id, before, after, note])
            return rev + 1
        }
    }

    /// The identity of a finding: one triple per key (gene, qualifier, drug, category, direction, negation).
    public static func tripleKey(gene: String?, qualifier: String?, drug: String, category: String, direction: String, negated: Bool) -> String {
        [gene ?? "", qualifier ?? "", drug, category, direction, negated ? "not" : ""].joined(separator: "|")
    }

    /// The gene a variant's name is written with: "CYP2C19" of "CYP2C19*2", "HLA-B" of "HLA-B*58:01"; nil for
    /// "*2" or an rsID.
    static func geneWritten(in variant: String) -> String? {
        guard let star = variant.firstIndex(of: "*"), star > variant.startIndex else { return nil }
        return String(variant[..<star])
    }

    /// A qualifier is a variant ("CYP2C19*2", "rs4244285", "G551D", "c.3435C>T": a star, an rsID or a
    /// digit) or else a phenotype ("poor metabolizer"; no phenotype term has a digit). Where the lexicon
    /// has read the qualifier (`TripleEdit.qualifierIsVariant`) its reading is taken instead.
    static func splitQualifier(_ q: String?) -> (variant: String?, phenotype: String?) {
        guard let q else { return (nil, nil) }
        return q.contains("*") || q.hasPrefix("rs") || q.contains(where: \.isNumber) ? (q, nil) : (nil, q)
    }

    /// The gene a triple's abstracts write its variant with elsewhere (`evidence.gene_hint`): from live
    /// evidence first, then the most confident.
    static func geneHint(_ db: Database, _ id: Int64) throws -> String? {
        try String.fetchOne(db, sql: """
            SELECT gene_hint FROM evidence WHERE triple_id = ? AND gene_hint IS NOT NULL
            ORDER BY retracted IS NOT NULL, confidence DESC LIMIT 1
            """, arguments: [id])
    }

    /// Who last acted on a triple (for conflict messages).
    static func lastReviewer(_ db: Database, _ id: Int64) throws -> String? {
        try String.fetchOne(db, sql: "SELECT reviewer FROM audit WHERE triple_id = ? ORDER BY id DESC LIMIT 1", arguments: [id])
    }

    /// Rewrites a triple's finding (and so its key), as an edit or its undo does; one revision more.
    /// The HGNC id follows the gene symbol: the lexicon's id for it where the edit was read against the
    /// lexicon (`TripleEdit.hgnc`), else the id extraction recorded for that symbol on any triple of the
    /// store, or none (a symbol no triple carries with an id), so a rule never pairs one gene's symbol
    /// with another's id.
    static func rewriteFinding(_ db: Database, _ id: Int64, gene: String?, hgnc known: String? = nil, variant: String?, phenotype: String?,
                               drug: String, category: String, direction: String, negated: Bool, now: String) throws {
        let key = tripleKey(gene: gene, qualifier: variant ?? phenotype, drug: drug, category: category, direction: direction, negated: negated)
        let hgnc = try known ?? gene.flatMap {
            try String.fetchOne(db, sql: "SELECT hgnc FROM triple WHERE gene = ? AND hgnc IS NOT NULL ORDER BY id LIMIT 1", arguments: [$0])
        }
        try db.execute(sql: """
            UPDATE triple SET key = ?, gene = ?, hgnc = ?, variant = ?, phenotype = ?, drug = ?, category = ?, direction = ?, negated = ?,
              revision = revision + 1, updated_at = ? WHERE id = ?
            """, arguments: [key, gene, hgnc, variant, phenotype, drug, category, direction, negated, now, id])
    }

    /// The variant and phenotype an audit row's qualifier (`describe`) records: the phenotype in brackets,
    /// the variant bare. A row written before phenotypes were bracketed has one bare qualifier: the column
    /// the current triple has it in, else the one its form says (`splitQualifier`).
    static func recordedQualifier(_ q: String?, current: Row) -> (variant: String?, phenotype: String?) {
        guard let q else { return (nil, nil) }
        if q.hasSuffix("]"), let open = q.range(of: "[", options: .backwards) {
            let variant = q[..<open.lowerBound].trimmingCharacters(in: .whitespaces)
            return (variant.isEmpty ? nil : variant, String(q[open.upperBound..<q.index(before: q.endIndex)]))
        }
        if (current["phenotype"] as String?) == q { return (nil, q) }
        if (current["variant"] as String?) == q { return (q, current["phenotype"] as String?) }
        return splitQualifier(q)
    }

    /// A triple as the audit log records it: "GENE QUALIFIER|drug|category/direction|negated-or-asserted|status",
    /// the variant bare and the phenotype in brackets ("CFTR G551D", "CYP2D6 [poor metabolizer]", both for
    /// an allele's carriers: "HLA-B HLA-B*58:01 [positive]"), so that an undo puts each back in its column.
    static func describe(_ r: Row) -> String {
        let q = [r["variant"] as String?, (r["phenotype"] as String?).map { "[\($0)]" }].compactMap { $0 }.joined(separator: " ")
        return "\((r["gene"] as String?) ?? "?") \(q)|\(r["drug"] as String)|\(r["category"] as String)/\(r["direction"] as String)"
            + "|\((r["negated"] as Bool) ? "negated" : "asserted")|\(r["status"] as String)"
    }

    /// Undoes `reviewer`'s latest approve, reject or edit (of any triple); returns the triple id.
    @discardableResult
    public func undo(reviewer: String) throws -> Int64 {
        try db.write { db in
            guard let a = try Row.fetchOne(db, sql: """
                SELECT a.id, a.triple_id, a.action, a.before FROM audit a
                WHERE a.reviewer = ? AND a.action IN ('approve', 'reject', 'edit')
                  AND NOT EXISTS (SELECT 1 FROM audit u WHERE u.action = 'undo' AND u.note = 'undo of ' || a.id)
                ORDER BY a.id DESC LIMIT 1
                """, arguments: [reviewer]) else {
                throw ReviewError(description: "PGX-E107 nothing of \(reviewer)'s to undo")
            }
            let tid: Int64 = a["triple_id"], action: String = a["action"], aid: Int64 = a["id"]
            let current = try Row.fetchOne(db, sql: "SELECT * FROM triple WHERE id = ?", arguments: [tid])!
            let now = CurationStore.now()
            if action == "edit" {
                // before = "GENE QUAL|drug|cat/dir|negated-or-asserted|status"
                let parts = ((a["before"] as String?) ?? "").split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 5 else { throw ReviewError(description: "PGX-E108 cannot undo this edit (no record of the previous state)") }
                let gq = parts[0].split(separator: " ", maxSplits: 1).map(String.init)
                let gene = gq[0] == "?" ? nil : gq[0], qual = gq.count > 1 && !gq[1].isEmpty ? gq[1] : nil
                let cd = parts[2].split(separator: "/").map(String.init)
                let negated = parts[3] == "negated"
                let (variant, phenotype) = CurationStore.recordedQualifier(qual, current: current)
                try CurationStore.rewriteFinding(db, tid, gene: gene, variant: variant, phenotype: phenotype, drug: parts[1],
                                                 category: cd[0], direction: cd[1], negated: negated, now: now)
            } else {
                try db.execute(sql: "UPDATE triple SET status = ?, revision = revision + 1, updated_at = ? WHERE id = ?",
                               arguments: [a["before"] as String? ?? "pending", now, tid])
            }
            let after = try Row.fetchOne(db, sql: "SELECT * FROM triple WHERE id = ?", arguments: [tid])!
            try db.execute(sql: "INSERT INTO audit (at, reviewer, action, triple_id, before, after, note) VALUES (?, ?, 'undo', ?, ?, ?, ?)",
                           arguments: [now, reviewer, tid, CurationStore.describe(current), CurationStore.describe(after), "undo of \(aid)"])
            return tid
        }
    }

    /// A free-text note on a triple, in the audit log.
    public func note(_ id: Int64, _ text: String, reviewer: String) throws {
        try db.write { db in
            try db.execute(sql: "INSERT INTO audit (at, reviewer, action, triple_id, note) VALUES (?, ?, 'note', ?, ?)",
                           arguments: [CurationStore.now(), reviewer, id, text])
        }
    }
}
