import Foundation
import GRDB

/// The curation store: one SQLite file (WAL) with batches, their input files, citations seen,
/// triples with their evidence, review state and an audit log of every review action.
///
/// Every write is a closure-scoped transaction. Migrations are append-only: a shipped migration is
/// never edited; changes come as new ones.
public final class CurationStore: @unchecked Sendable {
    public let path: String
    let db: DatabasePool

    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    public init(path: String) throws {
        self.path = path
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA foreign_keys = ON") }
        db = try DatabasePool(path: path, configuration: config)
        try CurationStore.migrator.migrate(db)
    }

    /// The store path a command uses: `--store`, else `PGX_STORE`, else `./pgx.sqlite`.
    public static func defaultPath(_ explicit: String?) -> String {
        explicit ?? ProcessInfo.processInfo.environment["PGX_STORE"] ?? "pgx.sqlite"
    }

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-batches-triples-evidence-audit") { db in
            try db.execute(sql: """
                CREATE TABLE batch (
                    id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, tool_version TEXT NOT NULL, rules_version TEXT NOT NULL,
                    started_at TEXT NOT NULL, finished_at TEXT, status TEXT NOT NULL DEFAULT 'running',
                    records INTEGER NOT NULL DEFAULT 0, evidence INTEGER NOT NULL DEFAULT 0, errors INTEGER NOT NULL DEFAULT 0);
                CREATE TABLE batch_input (
                    id INTEGER PRIMARY KEY, batch_id INTEGER NOT NULL REFERENCES batch(id), path TEXT NOT NULL,
                    size INTEGER NOT NULL, sha256 TEXT NOT NULL, records INTEGER NOT NULL, evidence INTEGER NOT NULL,
                    deletions INTEGER NOT NULL, errors TEXT, finished_at TEXT NOT NULL, UNIQUE(batch_id, sha256));
                CREATE TABLE citation (
                    pmid TEXT PRIMARY KEY, version INTEGER NOT NULL, title TEXT NOT NULL, year INTEGER,
                    input_id INTEGER REFERENCES batch_input(id), deleted_by INTEGER REFERENCES batch_input(id));
                CREATE TABLE triple (
                    id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, gene TEXT, hgnc TEXT, variant TEXT, phenotype TEXT,
                    drug TEXT NOT NULL, drug_id TEXT, category TEXT NOT NULL, direction TEXT NOT NULL, negated INTEGER NOT NULL,
                    status TEXT NOT NULL DEFAULT 'pending', revision INTEGER NOT NULL DEFAULT 0,
                    created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
                CREATE TABLE evidence (
                    id INTEGER PRIMARY KEY, triple_id INTEGER NOT NULL REFERENCES triple(id), pmid TEXT NOT NULL,
                    pmid_version INTEGER NOT NULL, passage TEXT NOT NULL, sentence TEXT NOT NULL, sentence_start INTEGER NOT NULL,
                    spans TEXT NOT NULL, confidence REAL NOT NULL, rule TEXT NOT NULL,
                    input_id INTEGER NOT NULL REFERENCES batch_input(id), retracted TEXT,
                    UNIQUE(triple_id, pmid, pmid_version, passage, sentence_start, spans));
                CREATE INDEX evidence_pmid ON evidence(pmid);
                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY, at TEXT NOT NULL, reviewer TEXT NOT NULL, action TEXT NOT NULL,
                    triple_id INTEGER REFERENCES triple(id), before TEXT, after TEXT, note TEXT);
                """)
        }
        registerReleaseMigration(&m)
        // Whether a piece of evidence states its finding as a result or only as an aim, a question or a
        // hedge (the triple's `speculative`): reviewers see it, and the queue shows a result first.
        m.registerMigration("v4-evidence-speculative") { db in
            try db.execute(sql: "ALTER TABLE evidence ADD COLUMN speculative INTEGER NOT NULL DEFAULT 0")
        }
        // For evidence of a variant left without a gene: the one gene its document names, shown to the
        // reviewer, who sets the gene a rule needs.
        m.registerMigration("v5-evidence-gene-hint") { db in
            try db.execute(sql: "ALTER TABLE evidence ADD COLUMN gene_hint TEXT")
        }
        // A reviewer's edit looks up the HGNC id of the new gene symbol; `review list --gene` filters by it.
        m.registerMigration("v6-triple-gene-index") { db in
            try db.execute(sql: "CREATE INDEX triple_gene ON triple(gene)")
        }
        return m
    }

    static func now() -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return f.string(from: Date())
    }

    // MARK: - Batches

    /// Starts a batch, or resumes the one with this name.
    public func openBatch(name: String, toolVersion: String, rulesVersion: String) throws -> Int64 {
        try db.write { db in
            if let id = try Int64.fetchOne(db, sql: "SELECT id FROM batch WHERE name = ?", arguments: [name]) {
                try db.execute(sql: "UPDATE batch SET status = 'running', finished_at = NULL WHERE id = ?", arguments: [id])
                return id
            }
            try db.execute(sql: "INSERT INTO batch (name, tool_version, rules_version, started_at) VALUES (?, ?, ?, ?)",
                           arguments: [name, toolVersion, rulesVersion, CurationStore.now()])
            return db.lastInsertedRowID
        }
    }

    /// False when this batch has no finished input of this size, so none with the same content either
    /// (the checksum can then be computed while the file is processed, not before).
    public func inputMaybeDone(batch: Int64, size: Int) throws -> Bool {
        try db.read { db in
            try Int.fetchOne(db, sql: "SELECT 1 FROM batch_input WHERE batch_id = ? AND size = ?", arguments: [batch, size]) != nil
        }
    }

    /// True when this batch already finished an input with this checksum (a rerun skips it).
    public func inputDone(batch: Int64, sha256: String) throws -> Bool {
        try db.read { db in
            try Int.fetchOne(db, sql: "SELECT 1 FROM batch_input WHERE batch_id = ? AND sha256 = ?", arguments: [batch, sha256]) != nil
        }
    }

    public func finishBatch(_ id: Int64, failed: Bool) throws {
        try db.write { db in
            try db.execute(sql: """
                UPDATE batch SET status = ?, finished_at = ?,
                  records = (SELECT COALESCE(SUM(records), 0) FROM batch_input WHERE batch_id = ?),
                  evidence = (SELECT COALESCE(SUM(evidence), 0) FROM batch_input WHERE batch_id = ?),
                  errors = errors + ?
                WHERE id = ?
                """, arguments: [failed ? "finished with errors" : "finished", CurationStore.now(), id, id, failed ? 1 : 0, id])
        }
    }

    // MARK: - Storing one input file

    /// Everything extracted from one input file, stored in one transaction.
    public struct InputResult {
        public var path: String
        public var size: Int
        public var sha256: String
        public var citations: [(pmid: String, version: Int, title: String, year: Int?)] = []
        public var evidence: [EvidenceRecord] = []
        public var deletions: [String] = []
        public var errors: [String] = []
        public init(path: String, size: Int, sha256: String) { self.path = path; self.size = size; self.sha256 = sha256 }
    }

    public struct EvidenceRecord {
        public var key: String
        public var gene: String?, hgnc: String?, variant: String?, phenotype: String?
        public var drug: String, drugID: String?
        public var category: String, direction: String, negated: Bool
        public var pmid: String, passage: String, sentence: String, sentenceStart: Int, spans: String
        public var confidence: Double, rule: String
        public var speculative: Bool
        /// The one gene the document names, when the triple's variant has no gene.
        public var geneHint: String?
        public init(key: String, gene: String?, hgnc: String?, variant: String?, phenotype: String?, drug: String, drugID: String?,
                    category: String, direction: String, negated: Bool, pmid: String, passage: String, sentence: String,
                    sentenceStart: Int, spans: String, confidence: Double, rule: String, speculative: Bool = false, geneHint: String? = nil) {
            self.speculative = speculative; self.geneHint = geneHint
            self.key = key; self.gene = gene; self.hgnc = hgnc; self.variant = variant; self.phenotype = phenotype
            self.drug = drug; self.drugID = drugID; self.category = category; self.direction = direction; self.negated = negated
            self.pmid = pmid; self.passage = passage; self.sentence = sentence; self.sentenceStart = sentenceStart
            self.spans = spans; self.confidence = confidence; self.rule = rule
        }
    }

    /// Stores one input's results atomically: the file is either fully recorded or not at all, so a
    /// crash mid-file redoes exactly that file. A newer PMID version supersedes the older one's
    /// evidence; a deletion retracts the PMID's evidence (kept, with the reason); the same finding
    /// from many abstracts is one triple with many pieces of evidence.
    /// - Returns: new pieces of evidence stored.
    @discardableResult
    public func store(batch: Int64, _ r: InputResult) throws -> Int {
        try db.write { db in
            let now = CurationStore.now()
            try db.cachedStatement(sql: """
                INSERT INTO batch_input (batch_id, path, size, sha256, records, evidence, deletions, errors, finished_at)
                VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)
                """).execute(arguments: [batch, r.path, r.size, r.sha256, r.citations.count, r.deletions.count,
                                 r.errors.isEmpty ? nil : r.errors.joined(separator: "\n"), now])
            let input = db.lastInsertedRowID
            var current: [String: Int] = [:]  // pmid → version stored for this input
            var touched = Set<Int64>()
            for c in r.citations {
                let old = try Int.fetchOne(db.cachedStatement(sql: "SELECT version FROM citation WHERE pmid = ?"), arguments: [c.pmid])
                if let old, old > c.version { continue }  // an older version than what we have: ignore
                if let old, old < c.version {
                    let ids = try Int64.fetchAll(db, sql: "SELECT DISTINCT triple_id FROM evidence WHERE pmid = ? AND pmid_version < ? AND retracted IS NULL",
                                                 arguments: [c.pmid, c.version])
                    touched.formUnion(ids)
                    try db.execute(sql: "UPDATE evidence SET retracted = ? WHERE pmid = ? AND pmid_version < ? AND retracted IS NULL",
                                   arguments: ["superseded by PMID \(c.pmid) version \(c.version) in \(r.path)", c.pmid, c.version])
                }
                try db.cachedStatement(sql: """
                    INSERT INTO citation (pmid, version, title, year, input_id) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT(pmid) DO UPDATE SET version = excluded.version, title = excluded.title, year = excluded.year,
                      input_id = excluded.input_id, deleted_by = NULL
                    """).execute(arguments: [c.pmid, c.version, c.title, c.year, input])
                current[c.pmid] = c.version
            }
            var added = 0
            var gained = Set<Int64>()   // triples with new evidence from this input
            // A file names the same finding many times (31,308 evidence rows, 4,596 triples in the
            // benchmark's 30,000 records): each key is looked up or inserted once per file.
            var tripleIDs: [String: Int64] = [:]
            for e in r.evidence {
                guard let version = current[e.pmid] else { continue }
                let tid: Int64
                if let known = tripleIDs[e.key] {
                    tid = known
                } else {
                    try db.cachedStatement(sql: """
                        INSERT INTO triple (key, gene, hgnc, variant, phenotype, drug, drug_id, category, direction, negated, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO NOTHING
                        """).execute(arguments: [e.key, e.gene, e.hgnc, e.variant, e.phenotype, e.drug, e.drugID, e.category, e.direction,
                                         e.negated, now, now])
                    tid = db.changesCount > 0 ? db.lastInsertedRowID
                        : try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM triple WHERE key = ?"), arguments: [e.key])!
                    tripleIDs[e.key] = tid
                }
                try db.cachedStatement(sql: """
                    INSERT INTO evidence (triple_id, pmid, pmid_version, passage, sentence, sentence_start, spans, confidence, rule, input_id, speculative,
                                          gene_hint)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                    """).execute(arguments: [tid, e.pmid, version, e.passage, e.sentence, e.sentenceStart, e.spans, e.confidence, e.rule, input,
                                             e.speculative, e.geneHint])
                if db.changesCount > 0 { added += 1; gained.insert(tid) }
            }
            for pmid in r.deletions {
                let ids = try Int64.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT triple_id FROM evidence WHERE pmid = ? AND retracted IS NULL"), arguments: [pmid])
                touched.formUnion(ids)
                try db.execute(sql: "UPDATE evidence SET retracted = ? WHERE pmid = ? AND retracted IS NULL",
                               arguments: ["DeleteCitation in \(r.path)", pmid])
                try db.cachedStatement(sql: "UPDATE citation SET deleted_by = ? WHERE pmid = ?").execute(arguments: [input, pmid])
            }
            // A retracted triple that gained live evidence here is pending again: a keyed update each (the
            // full recount below is only for triples that lost evidence).
            let revive = try db.cachedStatement(sql: """
                UPDATE triple SET status = 'pending', revision = revision + 1, updated_at = ?
                WHERE id = ? AND status = 'retracted' AND EXISTS (SELECT 1 FROM evidence WHERE triple_id = triple.id AND retracted IS NULL)
                """)
            for tid in gained.subtracting(touched) { try revive.execute(arguments: [now, tid]) }
            for tid in touched.sorted() { try CurationStore.refreshRetraction(db, tid, now: now) }
            try db.cachedStatement(sql: "UPDATE batch_input SET evidence = ? WHERE id = ?").execute(arguments: [added, input])
            return added
        }
    }

    /// A triple whose evidence is all retracted becomes `retracted`; one that gains live evidence again
    /// goes back to `pending` (a reviewer's approve/reject is kept).
    static func refreshRetraction(_ db: Database, _ tid: Int64, now: String) throws {
        let live = try Int.fetchOne(db.cachedStatement(sql: "SELECT COUNT(*) FROM evidence WHERE triple_id = ? AND retracted IS NULL"), arguments: [tid]) ?? 0
        let status = try String.fetchOne(db.cachedStatement(sql: "SELECT status FROM triple WHERE id = ?"), arguments: [tid])
        if live == 0 && status != "retracted" {
            try db.execute(sql: "UPDATE triple SET status = 'retracted', revision = revision + 1, updated_at = ? WHERE id = ?", arguments: [now, tid])
            try db.execute(sql: "INSERT INTO audit (at, reviewer, action, triple_id, before, after, note) VALUES (?, 'pgx', 'retract', ?, ?, 'retracted', 'all evidence retracted')",
                           arguments: [now, tid, status])
        } else if live > 0 && status == "retracted" {
            try db.execute(sql: "UPDATE triple SET status = 'pending', revision = revision + 1, updated_at = ? WHERE id = ?", arguments: [now, tid])
        }
    }
}
