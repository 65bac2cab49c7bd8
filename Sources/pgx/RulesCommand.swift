import ArgumentParser
import Foundation
import PGxExtract

/// `pgx rules`: the pattern rules of `rules/patterns/patterns.json` — what each is for, its cues and
/// examples — and a check for rule authors that every rule is documented and every example fires its
/// rule as extraction reads a sentence.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List, show or check the pattern rules (rules/patterns/patterns.json); check also checks the lexicons.",
        discussion: """
        The rule a triple names ("pattern:efficacy:response" in its "rule" field) is shown by \
        `pgx rules show efficacy:response`. After editing patterns.json, `pgx rules check` reports \
        rules without a description or examples, examples that no cue of their rule matches, \
        repeated cues, and a model trained with another patterns file or other lexicons. It also checks the lexicons \
        (rules/lexicons/*.tsv): every row against its file's columns, each file's sources and license, \
        and the files against each other (CPIC pairs and variants name genes of genes.tsv and drugs of \
        drugs.tsv, regimens name drugs). It exits 1 when there is anything to fix.
        """,
        subcommands: [List.self, Show.self, Check.self],
        defaultSubcommand: List.self
    )

    struct Options: ParsableArguments {
        @Option(help: "The rules folder (lexicons, patterns, model). Default: ./rules or PGX_RULES.")
        var rules: String?

        /// The rules folder, its patterns file and its rules; a file that does not load is reported
        /// (file, rule, what to do) with exit status 2.
        func load() throws -> (URL, CueMatcher, URL) {
            try loadOrExit {
                let dir = try RulesLocator.find(rules)
                let url = dir.appendingPathComponent("patterns/patterns.json")
                return (url, try CueMatcher(url: url), dir)
            }
        }
    }

    static func effect(_ r: CueRule) -> String {
        r.category?.rawValue ?? r.direction?.rawValue ?? ""
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One line per rule: id, kind, effect, cues, description.")
        @OptionGroup var options: Options
        func run() throws {
            let (_, m, _) = try options.load()
            print("id\tkind\teffect\tcues\tdescription")
            for r in m.rules {
                print("\(r.id)\t\(r.kind.rawValue)\t\(RulesCommand.effect(r))\t\(r.written.count)\t\(r.description)")
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "A rule's description, cues and examples; or what each part of a triple's rule field says.",
            discussion: "`pgx rules show efficacy:response` shows one pattern rule; `pgx rules show model+pattern:efficacy:response+document` explains every part of a triple's \"rule\" field.")
        @OptionGroup var options: Options
        @Argument(help: "Rule ids, as listed, or a triple's rule field (\"model+pattern:efficacy:response+document\").")
        var ids: [String]
        func run() throws {
            let (url, m, _) = try options.load()
            var missing: [String] = []
            for asked in ids {
                for part in asked.split(separator: "+").map(String.init) {
                    if let r = m.rule(named: part) { show(r) }
                    else if let note = TripleExtractor.ruleParts[part] { print("\(part): \(note)") }
                    else { missing.append(part) }
                }
            }
            if !missing.isEmpty {
                Diagnostics.error("\(url.path): no rule \(missing.joined(separator: ", ")); `pgx rules` lists the ids")
                throw ExitCode(1)
            }
        }

        func show(_ r: CueRule) {
            print("\(r.id) (\(r.kind.rawValue)\(RulesCommand.effect(r).isEmpty ? "" : ", " + RulesCommand.effect(r))\(r.inverse ? ", inverse" : ""))")
            if !r.description.isEmpty { print("  \(r.description)") }
            var flags: [String] = []
            if !r.modelFeature { flags.append("flags the output only (not a model feature)") }
            if r.atStart { flags.append("only as a sentence's first words") }
            if !r.unless.isEmpty { flags.append("not in a sentence with: \(r.unless.joined(separator: ", "))") }
            if !flags.isEmpty { print("  " + flags.joined(separator: "; ")) }
            print("  cues: " + r.written.joined(separator: ", "))
            for e in r.examples { print("  example: \(e)") }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check that every rule is documented and fires on its examples, and that the lexicons fit their layout and each other.")
        @OptionGroup var options: Options
        func run() throws {
            let (url, m, dir) = try options.load()
            var problems = m.problems().map { "\(url.path): \($0)" }
            // the sentence model beside the file: trained with these patterns and lexicons, or to be retrained
            let modelURL = dir.appendingPathComponent("model/model.json")
            var model: PairModel? = nil
            if FileManager.default.fileExists(atPath: modelURL.path) {
                do {
                    let loaded = try PairModel(url: modelURL)
                    model = loaded
                    if let why = ExtractorRules.stalePatterns(model: loaded, cues: m, rules: dir) { problems.append(why) }
                } catch { problems.append("\(error)") }
            }
            let examples = m.rules.reduce(0) { $0 + $1.examples.count }
            // the lexicons: rows that do not fit their file (exit 2, as for extraction), then the files
            // against each other
            var lexicons = try loadOrExit { try LexiconTable.problems(rules: dir) }
            if let model, let why = ExtractorRules.staleLexicons(model: model, rules: dir) { lexicons.append(why) }
            let lexDir = dir.appendingPathComponent("lexicons").path
            if problems.isEmpty && lexicons.isEmpty {
                print("\(url.path): \(m.rules.count) rules, \(examples) examples: ok")
                print("\(lexDir): \(LexiconTable.all.count) files: ok")
                return
            }
            problems.forEach { Diagnostics.error($0) }
            lexicons.forEach { Diagnostics.error($0) }
            if !problems.isEmpty {
                Diagnostics.error("\(url.path): \(problems.count) problem\(problems.count == 1 ? "" : "s") in \(m.rules.count) rules")
            }
            if !lexicons.isEmpty {
                Diagnostics.error("\(lexDir): \(lexicons.count) problem\(lexicons.count == 1 ? "" : "s")")
            }
            throw ExitCode(1)
        }
    }
}
