import Foundation
import PGxModel

/// Writes and checks exported release folders: rules.tsv, rules.json, CHANGES.tsv, manifest.json.
/// Output is a pure function of the stored release, so the same release exports byte-identically.
public enum ReleaseExport {
    public static let schemaVersion = 1
    public static let columns = ["rule_id", "gene", "hgnc", "qualifier", "drug", "drug_id", "category", "direction", "association",
                          "evidence_count", "pmids", "summary", "first_release", "changed_in", "status", "superseded_by"]

    static func tsvField(_ s: String) -> String { String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }) }

    static func values(_ r: Rule) -> [String] {
        [r.ruleID, r.gene, r.hgnc, r.qualifier, r.drug, r.drugID, r.category, r.direction, r.association, String(r.evidenceCount),
         r.pmids.joined(separator: ","), r.summary, r.firstRelease, r.changedIn, r.status, r.supersededBy]
    }

    /// (kind, rule id) changes from `old` to `new`: added, changed (evidence or status), retracted.
    public static func changes(old: [Rule], new: [Rule]) -> [(String, Rule)] {
        let before = Dictionary(old.map { ($0.ruleID, $0) }, uniquingKeysWith: { a, _ in a })
        var out: [(String, Rule)] = []
        for r in new {
            guard let o = before[r.ruleID] else { out.append(("added", r)); continue }
            // A superseded rule is withdrawn like a retracted one (its row names the replacement, which is
            // listed as added); CHANGES.tsv keeps DESIGN.md's three kinds.
            if r.status != "active" && o.status == "active" { out.append(("retracted", r)) }
            else if r != o && (r.pmids != o.pmids || r.status != o.status) { out.append(("changed", r)) }
        }
        return out
    }

    /// One rule as a JSON object, keys in `columns` order (rules.json and `pgx serve` share it).
    public static func writeRule(_ r: Rule, into w: inout JSONWriter) {
        w.beginObject()
        for (k, v) in zip(columns, values(r)) {
            w.key(k)
            if k == "evidence_count" { w.int(r.evidenceCount) } else if k == "pmids" { w.beginArray(); r.pmids.forEach { w.string($0) }; w.endArray() } else { w.string(v) }
        }
        w.endObject()
    }

    /// An exported folder, verified and read back: the manifest's bytes, its SHA-256, the release
    /// version and the rules in file order. Throws with every problem `verify` finds. Each file is
    /// read once: the bytes that were checked are the bytes that are decoded.
    public static func load(_ dir: URL) throws -> (manifest: Data, manifestSHA256: String, version: String, rules: [Rule]) {
        let (problems, manifest, files) = check(dir)
        if !problems.isEmpty { throw ReviewError(description: problems.map { "\(dir.path): \($0)" }.joined(separator: "\n")) }
        guard let rulesJSON = files["rules.json"] else {
            throw ReviewError(description: "PGX-E304 \(dir.path): manifest.json does not list rules.json")
        }
        struct Table: Decodable {
            struct Row: Decodable {
                let rule_id, gene, hgnc, qualifier, drug, drug_id, category, direction, association: String
                let evidence_count: Int, pmids: [String]
                let summary, first_release, changed_in, status, superseded_by: String
            }
            let release: String, rules: [Row]
        }
        let table: Table
        do {
            table = try JSONDecoder().decode(Table.self, from: rulesJSON)
        } catch {
            throw ReviewError(description: "PGX-E306 \(dir.path)/rules.json is not a pgx rule table: \(error)")
        }
        let version = table.release
        let m = (try? JSONSerialization.jsonObject(with: manifest) as? [String: Any]) ?? [:]
        if (m["release"] as? String) != version {
            throw ReviewError(description: "PGX-E307 \(dir.path): manifest.json is for release \(m["release"] ?? "?") but rules.json for \(version)")
        }
        let rules = table.rules.map { x in
            Rule(ruleID: x.rule_id, gene: x.gene, hgnc: x.hgnc, qualifier: x.qualifier, drug: x.drug, drugID: x.drug_id, category: x.category,
                 direction: x.direction, association: x.association, evidenceCount: x.evidence_count, pmids: x.pmids, summary: x.summary,
                 firstRelease: x.first_release, changedIn: x.changed_in, status: x.status, supersededBy: x.superseded_by)
        }
        return (manifest, SHA256.hex(manifest), version, rules)
    }

    public static func write(store: CurationStore, version: String, to dir: URL) throws {
        let (info, rules) = try store.rules(version)
        let previous = try info.previous.map { try store.rules($0).1 } ?? []
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var tsv = columns.joined(separator: "\t") + "\n"
        for r in rules { tsv += values(r).map(tsvField).joined(separator: "\t") + "\n" }
        var w = JSONWriter()
        w.beginObject(); w.key("schema_version"); w.int(schemaVersion); w.key("release"); w.string(version)
        w.key("rules"); w.beginArray()
        for r in rules { writeRule(r, into: &w) }
        w.endArray(); w.endObject()
        let json = String(decoding: w.bytes, as: UTF8.self) + "\n"
        var changes = "change\trule_id\tgene\tqualifier\tdrug\tcategory\tdirection\tassociation\n"
        for (kind, r) in Self.changes(old: previous, new: rules) {
            changes += [kind, r.ruleID, r.gene, r.qualifier, r.drug, r.category, r.direction, r.association].map(tsvField).joined(separator: "\t") + "\n"
        }
        let files: [(String, String)] = [("CHANGES.tsv", changes), ("rules.json", json), ("rules.tsv", tsv)]
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        var m = JSONWriter()
        m.beginObject()
        m.key("schema_version"); m.int(schemaVersion)
        m.key("release"); m.string(version)
        m.key("previous"); m.string(info.previous)
        m.key("created_at"); m.string(info.createdAt)
        m.key("notes"); m.string(info.notes)
        m.key("counts"); m.beginObject()
        for s in ["active", "retracted", "superseded"] { m.key(s); m.int(rules.filter { $0.status == s }.count) }
        m.key("rules"); m.int(rules.count); m.endObject()
        m.key("batches"); m.beginArray(); info.batches.forEach { m.string($0) }; m.endArray()
        m.key("rules_version"); m.string(info.rulesVersion)
        m.key("tool_version"); m.string(info.toolVersion)
        m.key("files"); m.beginObject()
        for (name, text) in files { m.key(name); m.string(SHA256.hex(Array(text.utf8))) }
        m.endObject()
        m.endObject()
        try Data((String(decoding: m.bytes, as: UTF8.self) + "\n").utf8).write(to: dir.appendingPathComponent("manifest.json"))
    }

    /// Problems with an exported folder (empty when it verifies).
    public static func verify(_ dir: URL) -> [String] { check(dir).problems }

    /// Checks an exported folder and keeps what it read: the manifest and every file it lists.
    static func check(_ dir: URL) -> (problems: [String], manifest: Data, files: [String: Data]) {
        guard let data = try? Data(contentsOf: dir.appendingPathComponent("manifest.json")),
              let m = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return (["PGX-E301 \(dir.path)/manifest.json is missing or not JSON"], Data(), [:])
        }
        var problems: [String] = []
        if (m["schema_version"] as? Int) != schemaVersion {
            problems.append("PGX-E302 schema_version \(m["schema_version"] ?? "none") is not \(schemaVersion): this pgx cannot vouch for it")
        }
        let listed = (m["files"] as? [String: String]) ?? [:]
        if listed.isEmpty { problems.append("PGX-E303 manifest lists no files") }
        var files: [String: Data] = [:]
        for (name, sum) in listed.sorted(by: { $0.key < $1.key }) {
            guard let d = try? Data(contentsOf: dir.appendingPathComponent(name)) else { problems.append("PGX-E304 \(name) is missing"); continue }
            if SHA256.hex(d) != sum { problems.append("PGX-E305 \(name) does not match its SHA-256 in manifest.json: it was changed after export") }
            files[name] = d
        }
        return (problems, data, files)
    }
}
