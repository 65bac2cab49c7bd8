import Foundation
import GRDB

/// A triple as a reviewer sees it.
public struct TripleRow: Sendable {
    public var id: Int64
    public var gene: String?, variant: String?, phenotype: String?, drug: String
    public var category: String, direction: String, negated: Bool
    public var status: String, revision: Int
    public var evidence: Int, pmids: [String], maxConfidence: Double
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
            if s_retracted(f.status) == false { conds.append("(e.retracted IS NULL OR t.status = 'retracted')") }
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

    private func s_retracted(_ s: String?) -> Bool { s == "retracted" || s == "all" }

    /// Approves or rejects triple `id` as `reviewer`. A decision applies to a pending triple, or to the
    /// exact `revision` the reviewer saw; anything else is a `ReviewConflict` and changes nothing.
    @discardableResult
    public func decide(_ id: Int64, _ d: Decision, reviewer: String, revision: Int? = nil, note: String? = nil) throws -> Int {
        try db.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT status, revision FROM triple WHERE id = ?", arguments: [id]) else {
                throw ReviewError(description: "PGX-E102 no triple with id \(id) (see `pgx review list`)")
            }
            let status: String = row["status"], rev: Int = row["revision"]
            let ok = revision.map { $0 == rev } ?? (status == "pending")
            guard ok else {
                let by = try String.fetchOne(db, sql: "SELECT reviewer FROM audit WHERE triple_id = ? ORDER BY id DESC LIMIT 1", arguments: [id])
                throw ReviewConflict(id: id, current: status, revision: rev, lastBy: by)
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
