import ArgumentParser
import Foundation
import PGxCuration
import PGxExtract

struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "release", abstract: "Create immutable, versioned releases of approved findings.",
                                                    subcommands: [Create.self])
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Aggregate approved triples into release VERSION (semver, used once).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var version: String
        @Option var notes: String = ""
        @Option var rules: String?
        func run() throws {
            let store = try storeOptions.open()
            let rulesVersion = (try? ExtractorRules(url: try RulesLocator.find(rules), loadModel: true).version) ?? "unknown"
            do {
                let r = try store.createRelease(version, notes: notes, rulesVersion: rulesVersion, toolVersion: PGX.version)
                print("release \(version): \(r.rules) active rules, \(r.retracted) retracted, \(r.superseded) superseded")
            } catch let e as ReviewError { Diagnostics.error(e.description); throw ExitCode(1) }
        }
    }
}

struct Releases: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List releases.")
    @OptionGroup var storeOptions: StoreOptions
    func run() throws {
        for r in try storeOptions.open().releases() {
            print("\(r.version)\t\(r.createdAt)\tprevious \(r.previous ?? "-")\t\(r.notes)")
        }
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write release VERSION as rules.tsv, rules.json, CHANGES.tsv and manifest.json.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument var version: String
    @Option var out: String
    func run() throws {
        do { try ReleaseExport.write(store: try storeOptions.open(), version: version, to: URL(fileURLWithPath: out)) }
        catch let e as ReviewError { Diagnostics.error(e.description); throw ExitCode(1) }
        print("exported \(version) to \(out)")
    }
}

struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check an exported release folder against its manifest.")
    @Argument var dir: String
    func run() throws {
        let problems = ReleaseExport.verify(URL(fileURLWithPath: dir))
        if problems.isEmpty { print("\(dir): ok"); return }
        problems.forEach { Diagnostics.error("\(dir): \($0)") }
        throw ExitCode(1)
    }
}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Added, changed and retracted rules between two releases.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument var from: String
    @Argument var to: String
    func run() throws {
        let store = try storeOptions.open()
        do {
            let a = try store.rules(from).1, b = try store.rules(to).1
            for (kind, r) in ReleaseExport.changes(old: a, new: b) {
                print("\(kind)\t\(r.ruleID)\t\(r.summary)" + (r.status == "superseded" ? "\t(superseded by \(r.supersededBy))" : ""))
            }
        } catch let e as ReviewError { Diagnostics.error(e.description); throw ExitCode(1) }
    }
}

/// `pgx lookup`: the rules (and their evidence) for a gene, optionally a drug, from an exported
/// release folder or the latest release in the store.
struct Lookup: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the rules for a gene (and drug) with their evidence.")
    @OptionGroup var storeOptions: StoreOptions
    @Option var gene: String
    @Option var drug: String?
    @Option(help: "An exported release folder (default: the latest release in the store).") var release: String?
    @Flag(help: "Include retracted and superseded rules.") var all = false

    func run() throws {
        var rows: [[String: Any]] = []
        var version = ""
        if let dir = release {
            let problems = ReleaseExport.verify(URL(fileURLWithPath: dir))
            if !problems.isEmpty { problems.forEach { Diagnostics.error("\(dir): \($0)") }; throw ExitCode(1) }
            let data = try Data(contentsOf: URL(fileURLWithPath: dir).appendingPathComponent("rules.json"))
            let obj = try JSONSerialization.jsonObject(with: data) as! [String: Any]
            version = obj["release"] as? String ?? "?"
            rows = obj["rules"] as? [[String: Any]] ?? []
        } else {
            let store = try storeOptions.open()
            guard let latest = try store.releases().last else {
                Diagnostics.error("PGX-E204 no release in the store yet: `pgx release create VERSION` first, or pass --release DIR"); throw ExitCode(1)
            }
            version = latest.version
            rows = try store.rules(latest.version).1.map { r in
                ["rule_id": r.ruleID, "gene": r.gene, "qualifier": r.qualifier, "drug": r.drug, "category": r.category,
                 "direction": r.direction, "association": r.association, "evidence_count": r.evidenceCount, "pmids": r.pmids,
                 "summary": r.summary, "status": r.status, "first_release": r.firstRelease, "superseded_by": r.supersededBy]
            }
        }
        let hits = rows.filter { r in
            (r["gene"] as? String)?.uppercased() == gene.uppercased()
                && (drug == nil || (r["drug"] as? String)?.lowercased() == drug!.lowercased())
                && (all || (r["status"] as? String) == "active")
        }
        print("release \(version): \(hits.count) rule\(hits.count == 1 ? "" : "s") for \(gene)\(drug.map { " and \($0)" } ?? "")")
        for r in hits {
            let pmids = (r["pmids"] as? [String]) ?? []
            let by = (r["superseded_by"] as? String).flatMap { $0.isEmpty ? nil : " by \($0)" } ?? ""
            print("  \(r["rule_id"] ?? "")  \(r["summary"] ?? "")  [\(r["status"] ?? "")\(by)]")
            print("      \(r["evidence_count"] ?? 0) PMID\(pmids.count == 1 ? "" : "s"): \(pmids.prefix(10).joined(separator: ", "))\(pmids.count > 10 ? ", …" : "")")
        }
    }
}
