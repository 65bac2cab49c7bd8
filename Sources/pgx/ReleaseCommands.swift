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
            // the rules the release records; a folder named by --rules must be one
            let load = { try ExtractorRules(url: try RulesLocator.find(rules), loadModel: true).version }
            let rulesVersion = rules != nil ? try loadOrExit(load) : ((try? load()) ?? "unknown")
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
        let version: String, rules: [Rule]
        if let dir = release {
            // The exported folder is verified first; what is shown is what was checked.
            do { (_, _, version, rules) = try ReleaseExport.load(URL(fileURLWithPath: dir)) } catch let e as ReviewError {
                e.description.split(separator: "\n").forEach { Diagnostics.error(String($0)) }
                throw ExitCode(1)
            }
        } else {
            let store = try storeOptions.open()
            guard let latest = try store.releases().last else {
                Diagnostics.error("PGX-E204 no release in the store yet: `pgx release create VERSION` first, or pass --release DIR"); throw ExitCode(1)
            }
            version = latest.version
            rules = try store.rules(latest.version).1
        }
        let hits = rules.filter { r in
            r.gene.uppercased() == gene.uppercased() && (drug == nil || r.drug.lowercased() == drug!.lowercased()) && (all || r.status == "active")
        }
        print("release \(version): \(hits.count) rule\(hits.count == 1 ? "" : "s") for \(gene)\(drug.map { " and \($0)" } ?? "")")
        for r in hits {
            let by = r.supersededBy.isEmpty ? "" : " by \(r.supersededBy)"
            print("  \(r.ruleID)  \(r.summary)  [\(r.status)\(by)]")
            print("      \(r.evidenceCount) PMID\(r.pmids.count == 1 ? "" : "s"): \(r.pmids.prefix(10).joined(separator: ", "))\(r.pmids.count > 10 ? ", …" : "")")
        }
    }
}
