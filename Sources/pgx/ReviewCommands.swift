import ArgumentParser
import Foundation
import PGxCuration
import PGxModel

struct StoreOptions: ParsableArguments {
    @Option(help: "The curation store (default: PGX_STORE or ./pgx.sqlite).")
    var store: String?

    func open() throws -> CurationStore {
        let path = CurationStore.defaultPath(store)
        guard FileManager.default.fileExists(atPath: path) else {
            Diagnostics.error("PGX-E100 no curation store at \(path); run `pgx extract INPUT --batch NAME` first, or pass --store")
            throw ExitCode(2)
        }
        return try CurationStore(path: path)
    }
}

/// `pgx review`: the scriptable review actions (the interactive queue is not built yet).
struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Review extracted triples: the interactive queue, or list/approve/reject/edit/undo/note from scripts.",
        subcommands: [Queue.self, List.self, Approve.self, Reject.self, Edit.self, Undo.self, Note.self],
        defaultSubcommand: Queue.self)

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List triples, highest confidence first.")
        @OptionGroup var storeOptions: StoreOptions
        @Option(help: "pending, approved, rejected, retracted or all.") var status: String = "pending"
        @Option var gene: String?
        @Option var drug: String?
        @Option var category: String?
        @Option var batch: String?
        @Option(name: .customLong("min-confidence")) var minConfidence: Double = 0
        @Option var limit: Int = 1000
        @Flag var json = false

        func validate() throws { try checkConfidenceCut(minConfidence) }

        func run() throws {
            guard ["pending", "approved", "rejected", "retracted", "all"].contains(status) else {
                throw ValidationError("--status is one of pending, approved, rejected, retracted, all")
            }
            var f = CurationStore.Filter()
            f.status = status; f.gene = gene; f.drug = drug; f.category = category; f.batch = batch
            f.minConfidence = minConfidence; f.limit = limit
            let rows = try storeOptions.open().list(f)
            let out = OutputStream()
            var w = JSONWriter()
            for r in rows {
                if json {
                    w.reset(); w.beginObject()
                    w.key("id"); w.int(Int(r.id)); w.key("gene"); w.string(r.gene); w.key("variant"); w.string(r.variant)
                    w.key("phenotype"); w.string(r.phenotype); w.key("drug"); w.string(r.drug)
                    w.key("effect"); w.beginObject(); w.key("category"); w.string(r.category); w.key("direction"); w.string(r.direction); w.endObject()
                    w.key("negated"); w.bool(r.negated); w.key("status"); w.string(r.status); w.key("revision"); w.int(r.revision)
                    w.key("evidence"); w.int(r.evidence); w.key("pmids"); w.beginArray(); r.pmids.forEach { w.string($0) }; w.endArray()
                    w.key("confidence"); w.double(r.maxConfidence)
                    w.endObject(); out.writeLine(bytes: w.bytes)
                } else {
                    let q = r.qualifierLabel
                    out.write("\(r.id)\t\(r.status)\t\(String(format: "%.2f", r.maxConfidence))\t\(r.gene ?? "?") \(q)\t\(r.drug)\t"
                              + "\(r.category)/\(r.direction)\(r.negated ? " NOT" : "")\t\(r.evidence) evidence (PMID \(r.pmids.prefix(5).joined(separator: ",")))\n")
                }
            }
            out.flush()
        }
    }

    struct DecisionOptions: ParsableArguments {
        @OptionGroup var storeOptions: StoreOptions
        @Argument(help: "Triple ids (see `pgx review list`).") var ids: [Int64]
        @Option(help: "Who decides (default: PGX_REVIEWER).") var reviewer: String?
        @Option(help: "Decide on this revision of the triple (from `pgx review list --json`), even if it is no longer pending.")
        var revision: Int?
        @Option var note: String?

        func apply(_ d: Decision) throws {
            let who = try reviewerName(reviewer)
            let store = try storeOptions.open()
            var failed = false
            for id in ids {
                do {
                    let rev = try store.decide(id, d, reviewer: who, revision: revision, note: note)
                    print("\(id)\t\(d == .approve ? "approved" : "rejected")\trevision \(rev)")
                } catch let e as ReviewConflict {
                    Diagnostics.error(e.description); failed = true
                } catch let e as ReviewError {
                    Diagnostics.error(e.description); failed = true
                }
            }
            if failed { throw ExitCode(1) }
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Approve triples.")
        @OptionGroup var options: DecisionOptions
        func run() throws { try options.apply(.approve) }
    }

    struct Reject: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reject triples.")
        @OptionGroup var options: DecisionOptions
        func run() throws { try options.apply(.reject) }
    }
}

/// A confidence cut given on the command line: a probability, from 0 to 1 ("--min-confidence 15" or
/// "nan" would silently keep nothing).
func checkConfidenceCut(_ c: Double?) throws {
    guard let c else { return }
    guard c >= 0 && c <= 1 else {
        throw ValidationError("--min-confidence \(c): a confidence is a probability, from 0 to 1 (0.1 keeps a curation batch's wide net, 0.9 only the surest)")
    }
}

func reviewerName(_ given: String?) throws -> String {
    guard let who = given ?? ProcessInfo.processInfo.environment["PGX_REVIEWER"], !who.isEmpty else {
        Diagnostics.error("PGX-E104 every decision names its reviewer: pass --reviewer NAME or set PGX_REVIEWER")
        throw ExitCode(2)
    }
    return who
}

extension Review {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Correct a triple: category, direction, negation, gene, drug, qualifier.")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: Int64
        @Option var category: String?
        @Option var direction: String?
        @Option(help: "true or false") var negated: Bool?
        @Option(help: "An HGNC symbol of rules/lexicons/genes.tsv (an alias or a name is refused with its symbol).") var gene: String?
        @Option(help: "A drug name of rules/lexicons/drugs.tsv (a brand or a misspelling is refused with the name).") var drug: String?
        @Flag(help: "Keep a gene symbol the lexicon does not list (one named after its snapshot).") var unlistedGene = false
        @Flag(help: "Keep a drug the lexicon does not list (a compound code, say).") var unlistedDrug = false
        @Option(help: "A variant (CYP2C19*2, rs4244285) or a phenotype (poor metabolizer).") var qualifier: String?
        @Option var reviewer: String?
        @Option var revision: Int?
        @Option var note: String?
        func run() throws {
            let who = try reviewerName(reviewer)
            do {
                var change = TripleEdit(category: category, direction: direction, negated: negated, gene: gene, drug: drug, qualifier: qualifier)
                if gene != nil || drug != nil || qualifier != nil {
                    change = try loadOrExit { try EditCheck.load() }.checked(change, unlistedGene: unlistedGene, unlistedDrug: unlistedDrug)
                }
                let rev = try storeOptions.open().edit(id, change, reviewer: who, revision: revision, note: note)
                print("\(id)\tedited\trevision \(rev)")
            } catch let e as ReviewConflict { Diagnostics.error(e.description); throw ExitCode(1) }
            catch let e as ReviewError { Diagnostics.error(e.description); throw ExitCode(1) }
        }
    }

    struct Undo: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Undo your latest approve, reject or edit.")
        @OptionGroup var storeOptions: StoreOptions
        @Option var reviewer: String?
        func run() throws {
            let who = try reviewerName(reviewer)
            do { print("\(try storeOptions.open().undo(reviewer: who))\tundone") }
            catch let e as ReviewError { Diagnostics.error(e.description); throw ExitCode(1) }
        }
    }

    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Attach a note to a triple (kept in the audit log).")
        @OptionGroup var storeOptions: StoreOptions
        @Argument var id: Int64
        @Argument var text: String
        @Option var reviewer: String?
        func run() throws { try storeOptions.open().note(id, text, reviewer: try reviewerName(reviewer)) }
    }
}

struct History: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Every recorded action on a triple: who, when, what, before, after.")
    @OptionGroup var storeOptions: StoreOptions
    @Argument var id: Int64
    func run() throws {
        for a in try storeOptions.open().history(id) {
            print("\(a.at)\t\(a.reviewer)\t\(a.action)\t\(a.before ?? "-") -> \(a.after ?? "-")\(a.note.map { "\t\($0)" } ?? "")")
        }
    }
}

struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Triples by review state, and batches.")
    @OptionGroup var storeOptions: StoreOptions
    func run() throws {
        let s = try storeOptions.open().status()
        print("triples: " + (s.states.isEmpty ? "none" : s.states.map { "\($0.1) \($0.0)" }.joined(separator: ", ")))
        for b in s.batches {
            print("batch \(b.name): \(b.status), \(b.inputs) inputs, \(b.records) records, \(b.evidence) evidence")
        }
    }
}
