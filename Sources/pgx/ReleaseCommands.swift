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
                print("release \(version): \(r.rules) active rules, \(r.retracted) retracted")
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
            for (kind, r) in ReleaseExport.changes(old: a, new: b) { print("\(kind)\t\(r.ruleID)\t\(r.summary)") }
        } catch let e as ReviewError { Diagnostics.error(e.description); throw ExitCode(1) }
    }
}
