import Foundation
import GRDB
import PGxModel

/// One row of a rule table (DESIGN.md, "Rule tables").
public struct Rule: Sendable, Equatable {
    public var ruleID: String
    public var gene: String, hgnc: String, qualifier: String, drug: String, drugID: String
    public var category: String, direction: String, association: String
    public var evidenceCount: Int, pmids: [String], summary: String
    public var firstRelease: String, changedIn: String, status: String, supersededBy: String
}

public struct ReleaseInfo: Sendable {
    public var version: String, previous: String?, createdAt: String, notes: String, rulesVersion: String, toolVersion: String
    public var batches: [String]
}

extension CurationStore {
    static func registerReleaseMigration(_ m: inout DatabaseMigrator) {
        m.registerMigration("v2-releases") { db in
            try db.execute(sql: """
                CREATE TABLE release (
                    version TEXT PRIMARY KEY, previous TEXT, created_at TEXT NOT NULL, notes TEXT NOT NULL,
                    rules_version TEXT NOT NULL, tool_version TEXT NOT NULL, batches TEXT NOT NULL);
                CREATE TABLE release_rule (
                    version TEXT NOT NULL REFERENCES release(version), rule_id TEXT NOT NULL, gene TEXT NOT NULL, hgnc TEXT NOT NULL,
                    qualifier TEXT NOT NULL, drug TEXT NOT NULL, drug_id TEXT NOT NULL, category TEXT NOT NULL, direction TEXT NOT NULL,
                    association TEXT NOT NULL, evidence_count INTEGER NOT NULL, pmids TEXT NOT NULL, summary TEXT NOT NULL,
                    first_release TEXT NOT NULL, changed_in TEXT NOT NULL, status TEXT NOT NULL, superseded_by TEXT NOT NULL,
                    PRIMARY KEY (version, rule_id));
                """)
        }
        // Which triples made each active rule: an edited triple moves to another rule, and the rule it
        // left is then `superseded` by the one it joined rather than retracted.
        m.registerMigration("v3-release-triples") { db in
            try db.execute(sql: """
                CREATE TABLE release_triple (
                    version TEXT NOT NULL REFERENCES release(version), rule_id TEXT NOT NULL, triple_id INTEGER NOT NULL,
                    PRIMARY KEY (version, rule_id, triple_id));
                CREATE INDEX release_triple_by_triple ON release_triple(version, triple_id);
                """)
        }
    }

    /// Stable id of a finding: the same gene, qualifier, drug, category, direction and association
    /// always give the same id, in every release.
    public static func ruleID(gene: String, qualifier: String, drug: String, category: String, direction: String, association: String) -> String {
        "PGX" + String(SHA256.hex(Array([gene, qualifier, drug, category, direction, association].joined(separator: "\u{1F}").utf8)).prefix(12)).uppercased()
    }

    /// Parses "MAJOR.MINOR.PATCH".
    public static func semver(_ v: String) -> [Int]? {
        let p = v.split(separator: ".", omittingEmptySubsequences: false).map { Int($0) }
        guard p.count == 3, p.allSatisfy({ $0 != nil && $0! >= 0 }) else { return nil }
        return p.map { $0! }
    }

    public func releases() throws -> [ReleaseInfo] {
        try db.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM release").map(CurationStore.releaseInfo)
                .sorted { CurationStore.semver($0.version)!.lexicographicallyPrecedes(CurationStore.semver($1.version)!) }
        }
    }

    static func releaseInfo(_ r: Row) -> ReleaseInfo {
        ReleaseInfo(version: r["version"], previous: r["previous"], createdAt: r["created_at"], notes: r["notes"],
                    rulesVersion: r["rules_version"], toolVersion: r["tool_version"],
                    batches: ((r["batches"] as String?) ?? "").split(separator: ",").map(String.init))
    }

    /// Creates release `version` from the approved triples: one rule per finding, with its live evidence.
    /// Rules of the previous release that lost all approved evidence are carried as `retracted`, or as
    /// `superseded` (with the replacing rule's id) when a reviewer's edit moved their triples to another rule.
    /// A version is used once and must be greater than every earlier one.
    public func createRelease(_ version: String, notes: String, rulesVersion: String, toolVersion: String) throws -> (rules: Int, retracted: Int, superseded: Int) {
        guard let v = CurationStore.semver(version) else {
            throw ReviewError(description: "PGX-E201 \(version) is not a semantic version (MAJOR.MINOR.PATCH)")
        }
        return try db.write { db in
            if try String.fetchOne(db, sql: "SELECT version FROM release WHERE version = ?", arguments: [version]) != nil {
                throw ReviewError(description: "PGX-E202 release \(version) exists already and is immutable; choose a new version")
            }
            let latest = try String.fetchAll(db, sql: "SELECT version FROM release").compactMap(CurationStore.semver)
                .max { $0.lexicographicallyPrecedes($1) }
            if let latest, !latest.lexicographicallyPrecedes(v) {
                throw ReviewError(description: "PGX-E203 \(version) is not greater than the latest release \(latest.map(String.init).joined(separator: "."))")
            }
            let previous = latest.map { $0.map(String.init).joined(separator: ".") }
            var prevRules: [String: Row] = [:]
            if let previous {
                for r in try Row.fetchAll(db, sql: "SELECT * FROM release_rule WHERE version = ?", arguments: [previous]) { prevRules[r["rule_id"]] = r }
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT t.id, t.gene, t.hgnc, COALESCE(t.variant, t.phenotype, '') AS qualifier, t.drug, COALESCE(t.drug_id, '') AS drug_id,
                       t.category, t.direction, t.negated, GROUP_CONCAT(DISTINCT e.pmid) AS pmids
                FROM triple t JOIN evidence e ON e.triple_id = t.id AND e.retracted IS NULL
                WHERE t.status = 'approved' AND t.gene IS NOT NULL GROUP BY t.id
                """)
            struct Acc { var gene = "", hgnc = "", qualifier = "", drug = "", drugID = "", category = "", direction = "", association = ""; var pmids = Set<String>(); var triples: [Int64] = [] }
            var acc: [String: Acc] = [:]
            var ruleOfTriple: [Int64: String] = [:]
            for r in rows {
                let negated: Bool = r["negated"]
                let assoc = negated ? "not_associated" : "associated"
                let dir = negated ? "none" : (r["direction"] as String)
                let id = CurationStore.ruleID(gene: r["gene"], qualifier: r["qualifier"], drug: r["drug"], category: r["category"], direction: dir, association: assoc)
                var a = acc[id] ?? Acc(gene: r["gene"], hgnc: (r["hgnc"] as String?) ?? "", qualifier: r["qualifier"], drug: r["drug"],
                                       drugID: r["drug_id"], category: r["category"], direction: dir, association: assoc)
                a.pmids.formUnion(((r["pmids"] as String?) ?? "").split(separator: ",").map(String.init))
                a.triples.append(r["id"])
                acc[id] = a
                ruleOfTriple[r["id"]] = id
            }
            let batches = try String.fetchAll(db, sql: "SELECT name FROM batch ORDER BY id").joined(separator: ",")
            try db.execute(sql: "INSERT INTO release (version, previous, created_at, notes, rules_version, tool_version, batches) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [version, previous, CurationStore.now(), notes, rulesVersion, toolVersion, batches])
            let insert = try db.cachedStatement(sql: "INSERT INTO release_rule VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            let insertTriple = try db.cachedStatement(sql: "INSERT INTO release_triple VALUES (?, ?, ?)")
            for (id, a) in acc {
                for t in a.triples { try insertTriple.execute(arguments: [version, id, t]) }
                let pmids = a.pmids.sorted { (Int($0) ?? 0, $0) < (Int($1) ?? 0, $1) }
                let prev = prevRules[id]
                let changed = prev == nil || (prev!["pmids"] as String) != pmids.joined(separator: ",") || (prev!["status"] as String) != "active"
                try insert.execute(arguments: [version, id, a.gene, a.hgnc, a.qualifier, a.drug, a.drugID, a.category, a.direction, a.association,
                                               pmids.count, pmids.joined(separator: ","), CurationStore.summary(a.gene, a.qualifier, a.drug, a.category, a.direction, a.association),
                                               (prev?["first_release"] as String?) ?? version, changed ? version : (prev!["changed_in"] as String), "active", ""])
            }
            var retracted = 0, superseded = 0
            for (id, r) in prevRules where acc[id] == nil {
                let was: String = r["status"]
                var status = "retracted", by = ""
                if was == "superseded" {
                    status = was; by = r["superseded_by"]
                } else if was == "active", let previous {
                    // Where did this rule's triples go? An edited triple now feeds another active rule.
                    let moved = try Int64.fetchAll(db, sql: "SELECT triple_id FROM release_triple WHERE version = ? AND rule_id = ? ORDER BY triple_id",
                                                   arguments: [previous, id]).compactMap { ruleOfTriple[$0] }
                    if let replacement = moved.first { status = "superseded"; by = replacement }
                }
                let unchanged = was == status && (r["superseded_by"] as String) == by
                try insert.execute(arguments: [version, id, r["gene"], r["hgnc"], r["qualifier"], r["drug"], r["drug_id"], r["category"], r["direction"],
                                               r["association"], r["evidence_count"], r["pmids"], r["summary"], r["first_release"],
                                               unchanged ? r["changed_in"] : version, status, by])
                if status == "retracted" { retracted += 1 } else { superseded += 1 }
            }
            return (acc.count, retracted, superseded)
        }
    }

    /// A one-line sentence in the style of PharmGKB's annotations.
    static func summary(_ gene: String, _ qualifier: String, _ drug: String, _ category: String, _ direction: String, _ association: String) -> String {
        let subject = qualifier.isEmpty ? gene : (qualifier.hasPrefix(gene) ? qualifier : "\(gene) \(qualifier)")
        if association == "not_associated" { return "\(subject) is not associated with the \(category) of \(drug)" }
        let dir = direction == "unspecified" ? "" : "\(direction) "
        let what: String
        switch category {
        case "efficacy": what = "\(dir)efficacy of"
        case "toxicity": what = "\(dir)risk of toxicity with"
        case "dosage": what = "\(dir)dose of"
        case "metabolism": what = "\(dir)exposure to"
        default: what = "response to"   // category "other": a direction would not say of what
        }
        return "\(subject) is associated with \(what) \(drug)"
    }

    public func rules(_ version: String) throws -> (ReleaseInfo, [Rule]) {
        try db.read { db in
            guard let r = try Row.fetchOne(db, sql: "SELECT * FROM release WHERE version = ?", arguments: [version]) else {
                throw ReviewError(description: "PGX-E204 no release \(version) (see `pgx releases`)")
            }
            let rules = try Row.fetchAll(db, sql: "SELECT * FROM release_rule WHERE version = ? ORDER BY gene, drug, qualifier, category, direction, rule_id",
                                         arguments: [version]).map { x in
                Rule(ruleID: x["rule_id"], gene: x["gene"], hgnc: x["hgnc"], qualifier: x["qualifier"], drug: x["drug"], drugID: x["drug_id"],
                     category: x["category"], direction: x["direction"], association: x["association"], evidenceCount: x["evidence_count"],
                     pmids: ((x["pmids"] as String?) ?? "").split(separator: ",").map(String.init), summary: x["summary"],
                     firstRelease: x["first_release"], changedIn: x["changed_in"], status: x["status"], supersededBy: x["superseded_by"])
            }
            return (CurationStore.releaseInfo(r), rules)
        }
    }
}
