import ArgumentParser
import Foundation
import PGxCuration
import PGxExtract

/// `pgx review` (no subcommand): the interactive queue in a terminal, one key per action.
struct Queue: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Work through pending triples interactively: a approve, r reject, e edit, s skip, u undo, n note, ? help, q quit.")

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Who decides (default: PGX_REVIEWER).") var reviewer: String?
    @Option var gene: String?
    @Option var drug: String?
    @Option var category: String?
    @Option var batch: String?
    @Option(name: .customLong("min-confidence")) var minConfidence: Double = 0
    @Flag(name: .customLong("by-pair"), help: "Group the queue by gene–drug pair instead of confidence.") var byPair = false

    func validate() throws { try checkConfidenceCut(minConfidence) }

    func run() throws {
        let who = try reviewerName(reviewer)
        let store = try storeOptions.open()
        var f = CurationStore.Filter()
        f.gene = gene; f.drug = drug; f.category = category; f.batch = batch; f.minConfidence = minConfidence
        var rows = try store.list(f)
        if byPair { rows.sort { ($0.gene ?? "", $0.drug, -$0.maxConfidence) < ($1.gene ?? "", $1.drug, -$1.maxConfidence) } }
        let patterns = Queue.patterns()
        var check: EditCheck? = nil   // loaded at the first edit of a gene or drug
        let term = Terminal()
        defer { term.restore() }
        var i = 0
        var message = ""
        while true {
            guard i < rows.count else {
                term.clear()
                if !message.isEmpty { print("» \(message)\n"); message = "" }
                print("Queue done: nothing pending matches. (u undo, q quit)"); term.flush()
                let k = term.key()
                if k == "u" { if let id = try? store.undo(reviewer: who) { rows = try store.list(f); i = rows.firstIndex { $0.id == id } ?? 0 }; continue }
                return
            }
            let row = rows[i]
            term.clear()
            let item = try store.item(row)
            if let item { Queue.show(item, index: i, count: rows.count, patterns: patterns) }
            if !message.isEmpty { print("\n» \(message)") }
            print("\n[a]pprove [r]eject [e]dit [s]kip [u]ndo [n]ote [?]help [q]uit ", terminator: "")
            term.flush()
            message = ""
            switch term.key() {
            case "a", "r":
                let d: Decision = term.lastKey == "a" ? .approve : .reject
                do {
                    try store.decide(row.id, d, reviewer: who, revision: row.revision)
                    message = "\(row.id) \(d == .approve ? "approved" : "rejected")"
                    rows.remove(at: i)
                } catch { message = "\(error)"; rows = try store.list(f) }
            case "e":
                term.restore()
                print("\nEdit triple \(row.id) (empty keeps the value)")
                let hint = row.gene == nil ? item?.geneHint : nil
                let cat = Queue.ask("category [\(row.category)] (efficacy/toxicity/dosage/metabolism/other): ")
                let dir = Queue.ask("direction [\(row.direction)] (increased/decreased/none/unspecified): ")
                let neg = Queue.ask("negated [\(row.negated ? "y" : "n")] (y/n): ")
                let gene = Queue.ask(hint.map { "gene [none; Enter takes \($0), the one gene the abstract names]: " } ?? "gene [\(row.gene ?? "")]: ") ?? hint
                let drug = Queue.ask("drug [\(row.drug)]: ")
                let qual = Queue.ask("variant or phenotype [\(row.variant ?? row.phenotype ?? "")]: ")
                term.raw()
                do {
                    var change = TripleEdit(category: cat, direction: dir, negated: neg.map { $0.hasPrefix("y") }, gene: gene, drug: drug, qualifier: qual)
                    // the gene and drug typed are read against the lexicon, as `pgx review edit` reads them
                    if gene != nil || drug != nil || qual != nil {
                        let c = try check ?? EditCheck.load()
                        check = c
                        change = try c.checked(change)
                    }
                    try store.edit(row.id, change, reviewer: who, revision: row.revision)
                    message = "\(row.id) edited"
                } catch { message = "\(error)" }
                rows = try store.list(f)
                i = min(i, max(0, rows.count - 1))
                if let k = rows.firstIndex(where: { $0.id == row.id }) { i = k }
            case "s":
                i += 1
            case "u":
                do {
                    let id = try store.undo(reviewer: who)
                    message = "undid your last action on \(id)"
                    rows = try store.list(f)
                    i = rows.firstIndex { $0.id == id } ?? min(i, max(0, rows.count - 1))
                } catch { message = "\(error)" }
            case "n":
                term.restore()
                if let text = Queue.ask("\nnote on \(row.id): ") { try store.note(row.id, text, reviewer: who); message = "note saved" }
                term.raw()
            case "?", "h":
                message = "a approve · r reject · e edit category/direction/negation/gene/drug/qualifier · s skip · u undo your last decision · n note · q quit. Decisions are saved at once."
            case "q", "\u{4}":
                term.clear()
                return
            default:
                break
            }
        }
    }

    static func ask(_ prompt: String) -> String? {
        print(prompt, terminator: "")
        fflush(stdout)
        guard let line = readLine()?.trimmingCharacters(in: .whitespaces), !line.isEmpty else { return nil }
        return line
    }

    /// The pattern rules (`rules/patterns/patterns.json`, as `pgx rules` reads them), to say what each rule
    /// that filed a triple is for; nil where no rules folder is found.
    static func patterns() -> CueMatcher? {
        guard let dir = try? RulesLocator.find(nil) else { return nil }
        return try? CueMatcher(url: dir.appendingPathComponent("patterns/patterns.json"))
    }

    /// The triple, its effect, confidence (and what each pattern rule that fired is for) and the sentence
    /// with gene/variant (cyan) and drug (yellow) highlighted.
    static func show(_ it: QueueItem, index: Int, count: Int, patterns: CueMatcher? = nil) {
        let r = it.row
        let q = r.qualifierLabel
        print("pgx review — \(index + 1) of \(count)   triple \(r.id) (\(r.status), revision \(r.revision))")
        print("")
        print("  \u{1B}[1m\(r.gene ?? "?") \(q)  →  \(r.drug)\u{1B}[0m   \(r.category) / \(r.direction)\(r.negated ? "  NOT ASSOCIATED" : "")")
        print("  confidence \(String(format: "%.2f", r.maxConfidence))   \(it.rule)")
        for part in it.rule.split(separator: "+") where part.hasPrefix(CueRule.fieldPrefix) {
            guard let r = patterns?.rule(named: String(part)), !r.description.isEmpty else { continue }
            let line = "\(r.id): \(r.description)"
            print("    \u{1B}[2m\(line.count > 110 ? String(line.prefix(109)) + "…" : line)\u{1B}[0m")
        }
        if it.speculative { print("  \u{1B}[1;35mAIM OR HEDGE\u{1B}[0m: this sentence does not state the finding as a result") }
        if r.gene == nil {
            print("  \u{1B}[1;31mNO GENE\u{1B}[0m: a rule needs one; e sets it"
                  + (it.geneHint.map { " (the abstract names one gene, \u{1B}[1m\($0)\u{1B}[0m: Enter at the gene prompt takes it)" } ?? ""))
        }
        print("  PMID \(it.pmid)\(it.year.map { " (\($0))" } ?? "")  \(it.title ?? "")")
        print("  \(it.supporting) other abstract\(it.supporting == 1 ? "" : "s") support this")
        print("")
        print("  " + highlight(it.sentence, spans: it.spans, start: it.sentenceStart))
    }

    /// Marks the genetic span (cyan) and the drug span (yellow) in the sentence; spans are "g0-g1;d0-d1"
    /// passage offsets, the sentence starts at passage offset `start`.
    static func highlight(_ sentence: String, spans: String, start: Int) -> String {
        let s = Array(sentence.unicodeScalars)
        let parts = spans.split(separator: ";").map { $0.split(separator: "-").compactMap { Int($0) } }
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 }) else { return sentence }
        var marks: [(Int, Int, String)] = [(parts[0][0] - start, parts[0][1] - start, "\u{1B}[1;36m"), (parts[1][0] - start, parts[1][1] - start, "\u{1B}[1;33m")]
        marks = marks.filter { $0.0 >= 0 && $0.1 <= s.count && $0.0 < $0.1 }.sorted { $0.0 < $1.0 }
        var out = "", pos = 0
        for (a, b, color) in marks where a >= pos {
            out += String(String.UnicodeScalarView(s[pos..<a])) + color + String(String.UnicodeScalarView(s[a..<b])) + "\u{1B}[0m"
            pos = b
        }
        return out + String(String.UnicodeScalarView(s[pos...]))
    }
}

/// Raw single-key input on a terminal (restored on exit); plain line reading when not a terminal.
final class Terminal {
    private var saved = termios()
    private let isTTY = isatty(0) == 1
    private(set) var lastKey: Character = " "

    init() { if isTTY { tcgetattr(0, &saved); raw() } }

    func raw() {
        guard isTTY else { return }
        var t = saved
        t.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutablePointer(to: &t.c_cc) { p in
            p.withMemoryRebound(to: cc_t.self, capacity: Int(NCCS)) { cc in cc[Int(VMIN)] = 1; cc[Int(VTIME)] = 0 }
        }
        tcsetattr(0, TCSANOW, &t)
    }

    func restore() { if isTTY { tcsetattr(0, TCSANOW, &saved) } }

    func key() -> Character {
        var b: UInt8 = 0
        let n = read(0, &b, 1)
        lastKey = n == 1 ? Character(Unicode.Scalar(b)) : "q"
        return lastKey
    }

    func clear() { print("\u{1B}[2J\u{1B}[H", terminator: "") }
    func flush() { fflush(stdout) }
}
