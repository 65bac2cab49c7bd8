import Foundation
@testable import PGxExtract
import TestSupport
import XCTest

/// The pattern rules as data: the shipped file documents every rule and each example fires its rule as
/// extraction reads a sentence; `pgx rules` shows the rule a triple names; a damaged file is reported by
/// rule, with what to fix, and nothing is extracted with it.
final class PatternRulesTests: XCTestCase {
    let patterns = TestEnv.root.appendingPathComponent("rules/patterns/patterns.json")

    func testShippedRulesAreDocumentedAndEachExampleFiresItsRule() throws {
        let m = try CueMatcher(url: patterns)
        XCTAssertEqual(m.problems(), [])
        XCTAssertTrue(m.rules.allSatisfy { !$0.description.isEmpty && !$0.examples.isEmpty })
        // the shipped model was trained with the shipped patterns file
        let model = try PairModel(url: TestEnv.root.appendingPathComponent("rules/model/model.json"))
        XCTAssertEqual(model.metadata["patterns_sha256"] as? String, m.sha256, "retrain after editing patterns.json (scripts/report.sh)")
        // and with the shipped lexicons
        XCTAssertEqual(model.metadata["lexicons_sha256"] as? String, LexiconTable.sha256(rules: TestEnv.root.appendingPathComponent("rules")),
                       "retrain after editing rules/lexicons (scripts/report.sh)")
        // the check reads an example as extraction does: "SJS/TEN" is three tokens, so "sjs" and "ten" match
        XCTAssertEqual(CueMatcher.sentenceWords("allopurinol-induced SJS/TEN."), ["allopurinol-induced", "sjs", "/", "ten", "."])
        let pgx = try TestEnv.binary().path
        let check = try runProcess(pgx, ["rules", "check"], cwd: TestEnv.root)
        XCTAssertEqual(check.status, 0, check.stderr)
        XCTAssertTrue(check.out.contains("\(m.rules.count) rules, \(m.rules.reduce(0) { $0 + $1.examples.count }) examples: ok"), check.out)
        XCTAssertTrue(check.out.contains("rules/lexicons: 6 files: ok"), check.out)
        XCTAssertEqual(try LexiconTable.problems(rules: TestEnv.root.appendingPathComponent("rules")), [])
        let list = try runProcess(pgx, ["rules"], cwd: TestEnv.root)
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertEqual(list.out.split(separator: "\n").count, m.rules.count + 1, "a header and one line per rule")
    }

    /// Every part of the rule field a corpus triple carries ("model+pattern:efficacy:response+document") is one
    /// `pgx rules show` explains, given the field as it stands: a pattern rule with its description, cues and
    /// examples, the other parts (model, document, negation, ...) in a line each; an unknown name is an error.
    func testTheRuleFieldOfATripleIsExplainedByPgxRules() throws {
        let pgx = try TestEnv.binary().path
        let file = TestEnv.root.appendingPathComponent("corpus/pgx-baseline.xml").path
        let r = try runProcess(pgx, ["extract", "--min-confidence", "0", file], cwd: TestEnv.root)
        XCTAssertEqual(r.status, 0, r.stderr)
        var fields = Set<String>()
        for line in r.stdout.split(separator: 0x0A) {
            let t = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any])
            fields.insert(try XCTUnwrap(t["rule"] as? String))
        }
        let parts = Set(fields.flatMap { $0.split(separator: "+").map(String.init) })
        XCTAssertTrue(parts.contains { $0.hasPrefix("pattern:") }, "corpus triples name pattern rules: \(fields)")
        XCTAssertTrue(parts.contains("document") && parts.contains("model"), "\(parts)")
        let show = try runProcess(pgx, ["rules", "show"] + fields.sorted(), cwd: TestEnv.root)
        XCTAssertEqual(show.status, 0, show.stderr)
        let ids = try CueMatcher(url: patterns).rules.map(\.id)
        for p in parts {
            if p.hasPrefix("pattern:") {
                let id = String(p.dropFirst("pattern:".count))
                XCTAssertTrue(ids.contains(id), p)
                XCTAssertTrue(show.out.contains("\n\(id) (") || show.out.hasPrefix("\(id) ("), "\(id) shown")
            } else {
                XCTAssertTrue(show.out.contains("\(p): ") && TripleExtractor.ruleParts[p] != nil, "\(p) explained")
            }
        }
        XCTAssertTrue(show.out.contains("  cues: "))
        XCTAssertTrue(show.out.contains("  example: "))
        let unknown = try runProcess(pgx, ["rules", "show", "model+efficacy:nonesuch"], cwd: TestEnv.root)
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("no rule efficacy:nonesuch"), unknown.stderr)
    }

    /// A rules folder whose patterns file is edited: the real lexicons, a copy of the models, and
    /// `patterns.json` with `edit` applied to its rules.
    func editedRules(_ edit: (inout [[String: Any]]) -> Void) throws -> URL {
        let dir = try TestEnv.tempDir("pgx-rules")
        let rules = TestEnv.root.appendingPathComponent("rules")
        // the lexicons are read only; the models are copied, so that nothing run here can write the shipped ones
        try FileManager.default.createSymbolicLink(at: dir.appendingPathComponent("lexicons"), withDestinationURL: rules.appendingPathComponent("lexicons"))
        try FileManager.default.copyItem(at: rules.appendingPathComponent("model"), to: dir.appendingPathComponent("model"))
        var obj = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: patterns)) as? [String: Any])
        var rs = try XCTUnwrap(obj["rules"] as? [[String: Any]])
        edit(&rs)
        obj["rules"] = rs
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("patterns"), withIntermediateDirectories: true)
        try JSONSerialization.data(withJSONObject: obj).write(to: dir.appendingPathComponent("patterns/patterns.json"))
        return dir
    }

    func testADamagedPatternsFileNamesTheRuleAndStopsExtraction() throws {
        let pgx = try TestEnv.binary().path
        let corpus = TestEnv.root.appendingPathComponent("corpus/pgx-baseline.xml").path
        let rules = try CueMatcher(url: patterns).rules
        let third = rules[2]
        // a misspelt category would make a rule that sets nothing: the file does not load
        let misspelt = try editedRules { $0[2]["category"] = "efficasy" }
        defer { try? FileManager.default.removeItem(at: misspelt) }
        let gold = misspelt.appendingPathComponent("gold.jsonl")
        try Data(#"{"id": "s1", "text": "CYP2C19 poor metabolizers had a higher AUC of omeprazole.", "pairs": []}"#.utf8).write(to: gold)
        for args in [["rules", "check", "--rules", misspelt.path], ["extract", "--rules", misspelt.path, corpus],
                     ["train", "--rules", misspelt.path, "--gold", gold.path]] {
            let r = try runProcess(pgx, args, cwd: TestEnv.root)
            XCTAssertEqual(r.status, 2, args.joined(separator: " "))
            XCTAssertTrue(r.stdout.isEmpty, "nothing is extracted with rules that do not load")
            XCTAssertTrue(r.stderr.contains("patterns/patterns.json: rule 3 (\(third.id)): \"category\" \"efficasy\" is not in DESIGN.md's vocabulary; use one of efficacy, toxicity"), r.stderr)
        }
        // two rules with one id
        let twice = try editedRules { $0[1]["id"] = $0[0]["id"] }
        defer { try? FileManager.default.removeItem(at: twice) }
        let t = try runProcess(pgx, ["rules", "check", "--rules", twice.path], cwd: TestEnv.root)
        XCTAssertEqual(t.status, 2)
        XCTAssertTrue(t.stderr.contains("rule 2 (\(rules[0].id)): the id is already rule 1's"), t.stderr)
        // a file that loads but documents a rule wrongly: check says what to fix, extraction still runs
        let undocumented = try editedRules { rs in
            rs[0]["examples"] = ["CYP2D6 was genotyped in all patients."]
            rs[1].removeValue(forKey: "description")
            rs[1]["cues"] = (rs[1]["cues"] as! [String]) + [(rs[1]["cues"] as! [String])[0]]
        }
        defer { try? FileManager.default.removeItem(at: undocumented) }
        let c = try runProcess(pgx, ["rules", "check", "--rules", undocumented.path], cwd: TestEnv.root)
        XCTAssertEqual(c.status, 1)
        XCTAssertTrue(c.stderr.contains("rule 1 (\(rules[0].id)): no cue of the rule matches its example \"CYP2D6 was genotyped in all patients.\""), c.stderr)
        XCTAssertTrue(c.stderr.contains("rule 2 (\(rules[1].id)): no \"description\""), c.stderr)
        XCTAssertTrue(c.stderr.contains("rule 2 (\(rules[1].id)): cue \(rules[1].written.count + 1) (\"\(rules[1].written[0])\") is written twice"), c.stderr)
        // the model beside the file was trained with the shipped one: retrain, says check; extract warns and runs
        let stale = "model/model.json was trained with another patterns file (version \(try CueMatcher(url: patterns).version)"
        XCTAssertTrue(c.stderr.contains(stale), c.stderr)
        XCTAssertTrue(c.stderr.contains("4 problems in \(rules.count) rules"), c.stderr)
        let e = try runProcess(pgx, ["extract", "--rules", undocumented.path, corpus], cwd: TestEnv.root)
        XCTAssertEqual(e.status, 0, e.stderr)
        XCTAssertFalse(e.stdout.isEmpty)
        XCTAssertTrue(e.stderr.contains("pgx: warning: ") && e.stderr.contains(stale), e.stderr)
        let shipped = try runProcess(pgx, ["extract", corpus], cwd: TestEnv.root)
        XCTAssertFalse(shipped.stderr.contains("warning"), "the shipped rules agree: " + shipped.stderr)
    }

    /// A copy of the shipped rules whose lexicon files `edit` changes (file name → its text).
    func editedLexicons(_ edit: (inout [String: String]) -> Void) throws -> URL {
        let dir = try TestEnv.tempDir("pgx-lexicons-edited")
        let rules = TestEnv.root.appendingPathComponent("rules")
        for sub in ["model", "patterns"] {
            try FileManager.default.copyItem(at: rules.appendingPathComponent(sub), to: dir.appendingPathComponent(sub))
        }
        let lex = dir.appendingPathComponent("lexicons")
        try FileManager.default.createDirectory(at: lex, withIntermediateDirectories: true)
        var files: [String: String] = [:]
        for f in LexiconTable.all.map(\.file) {
            files[f] = try String(contentsOf: rules.appendingPathComponent("lexicons/\(f)"), encoding: .utf8)
        }
        edit(&files)
        for (f, text) in files { try Data(text.utf8).write(to: lex.appendingPathComponent(f)) }
        return dir
    }

    /// A lexicon row that does not fit its file (a dropped tab, a misspelt kind, a shifted id) used to be
    /// skipped without a word; now extraction, training and `pgx rules check` stop with the file, the
    /// line and what to fix, and nothing is written. Rows that fit but do not agree with the other files
    /// (a CPIC pair or regimen naming no drug, a variant naming no gene, a header without its license, an
    /// ATC field as an earlier build wrote it) are what `pgx rules check` reports, with the model beside
    /// them trained on other lexicons; extraction warns of that and runs.
    func testADamagedLexiconNamesTheLineAndStopsExtraction() throws {
        let pgx = try TestEnv.binary().path
        let corpus = TestEnv.root.appendingPathComponent("corpus/pgx-baseline.xml").path
        let cache = try TestEnv.tempDir("pgx-cache")
        defer { try? FileManager.default.removeItem(at: cache) }
        var drugLines = 0
        let damaged = try editedLexicons { files in
            drugLines = files["drugs.tsv"]!.split(separator: "\n", omittingEmptySubsequences: false).count - 1
            files["drugs.tsv"]! += "warfarinum\tci\n" + "coumadine\tci\tgenerik\twarfarin\tDB00682\t\t\n"
                + "warfarine\tci\tsynonym\twarfarin\t00682\t\t\n"
        }
        defer { try? FileManager.default.removeItem(at: damaged) }
        let file = damaged.appendingPathComponent("lexicons/drugs.tsv").path
        let gold = damaged.appendingPathComponent("gold.jsonl")
        try Data(#"{"id": "s1", "text": "CYP2C19 poor metabolizers had a higher AUC of omeprazole.", "pairs": []}"#.utf8).write(to: gold)
        for args in [["extract", "--rules", damaged.path, corpus], ["rules", "check", "--rules", damaged.path],
                     ["train", "--rules", damaged.path, "--gold", gold.path]] {
            let r = try runProcess(pgx, args, environment: ["PGX_CACHE": cache.path], cwd: TestEnv.root)
            XCTAssertEqual(r.status, 2, args.joined(separator: " ") + ": " + r.stderr)
            XCTAssertTrue(r.stdout.isEmpty, "nothing is written with a lexicon that does not load")
            XCTAssertTrue(r.stderr.contains("\(file):\(drugLines + 1): 2 fields where the header names 7 (key, match, kind, name, drugbank, rxnorm, atc; tab-separated)"), r.stderr)
            XCTAssertTrue(r.stderr.contains("\(file):\(drugLines + 2): kind \"generik\" is not one of generic, synonym, abbreviation, brand, class, regimen, endogenous"), r.stderr)
            XCTAssertTrue(r.stderr.contains("\(file):\(drugLines + 3): drugbank \"00682\" is not DB<digits>"), r.stderr)
            XCTAssertTrue(r.stderr.contains("\(file): 3 rows that do not fit; fix the rows, or rebuild the lexicons with scripts/build-lexicons.py"), r.stderr)
        }
        // the rules' error is the one message: the input's own (the corpus's record without a PMID) is not
        // printed for a run that extracts nothing
        let withBadRecord = try runProcess(pgx, ["extract", "--rules", damaged.path, TestEnv.root.appendingPathComponent("corpus").path],
                                           environment: ["PGX_CACHE": cache.path], cwd: TestEnv.root)
        XCTAssertEqual(withBadRecord.status, 2)
        XCTAssertTrue(withBadRecord.stderr.contains("3 rows that do not fit") && !withBadRecord.stderr.contains("PGX-E007"), withBadRecord.stderr)
        // a header that names other columns
        let shifted = try editedLexicons { files in
            files["variants.tsv"] = files["variants.tsv"]!.replacingOccurrences(of: "\nkind\tkey\tgene\tdetail\n", with: "\nkey\tkind\tgene\tdetail\n")
        }
        defer { try? FileManager.default.removeItem(at: shifted) }
        let h = try runProcess(pgx, ["extract", "--rules", shifted.path, corpus], environment: ["PGX_CACHE": cache.path], cwd: TestEnv.root)
        XCTAssertEqual(h.status, 2)
        XCTAssertTrue(h.stderr.contains("variants.tsv:6: the header row is \"key\\tkind\\tgene\\tdetail\"; expected kind, key, gene, detail"), h.stderr)
        // rows that fit but do not agree with the other files
        let inconsistent = try editedLexicons { files in
            files["cpic_pairs.tsv"]! += "G6PD\ttoluidine blue\n"
            files["drugs.tsv"]! += "Atriplex\tcs\tregimen\tefavirenz|emtricitabine|tenofovir disoproxil\t\t\t\n"
            files["variants.tsv"]! += "named\tc.1A>G\tNOTAGENE\t\n"
            // what an earlier build wrote for CPIC's empty ATC field: reported, still loaded
            files["drugs.tsv"]! += "warfarine\tci\tsynonym\twarfarin\tDB00682\t11289\t\"\"\n"
            files["salts.tsv"] = files["salts.tsv"]!.split(separator: "\n").filter { !$0.hasPrefix("# license:") }.joined(separator: "\n") + "\n"
        }
        defer { try? FileManager.default.removeItem(at: inconsistent) }
        let lex = inconsistent.appendingPathComponent("lexicons").path
        let c = try runProcess(pgx, ["rules", "check", "--rules", inconsistent.path], environment: ["PGX_CACHE": cache.path], cwd: TestEnv.root)
        XCTAssertEqual(c.status, 1, c.stderr)
        for expected in ["\(lex)/cpic_pairs.tsv: G6PD–toluidine blue: drug \"toluidine blue\" is no drug name of drugs.tsv, so the pair never matches a triple",
                         "\(lex)/drugs.tsv: regimen efavirenz|emtricitabine|tenofovir disoproxil: \"tenofovir disoproxil\" is no drug name of drugs.tsv",
                         "\(lex)/variants.tsv: named c.1A>G: gene NOTAGENE is no gene symbol of genes.tsv",
                         "\(lex)/drugs.tsv: warfarine: atc \"\"\"\" is not ATC codes joined by |",
                         "\(lex)/salts.tsv: the header does not record its license",
                         // the model beside them was trained with the shipped lexicons
                         "model/model.json was trained with other lexicons (sha256 ", "retrain (`pgx train`, or scripts/report.sh)",
                         "\(lex): 6 problems"] {
            XCTAssertTrue(c.stderr.contains(expected), expected + "\n" + c.stderr)
        }
        let e = try runProcess(pgx, ["extract", "--rules", inconsistent.path, corpus], environment: ["PGX_CACHE": cache.path], cwd: TestEnv.root)
        XCTAssertEqual(e.status, 0, e.stderr)
        XCTAssertFalse(e.stdout.isEmpty)
        XCTAssertTrue(e.stderr.contains("pgx: warning: ") && e.stderr.contains("was trained with other lexicons"), "extraction warns and runs on: " + e.stderr)
    }

    /// A rules folder the user names (`--rules`, `PGX_RULES`) is used or refused: a wrong path is an error
    /// naming it (exit 2, nothing extracted), never a reason to fall back to the project's rules.
    func testANamedRulesFolderThatIsNoneIsAnError() throws {
        let pgx = try TestEnv.binary().path
        let corpus = TestEnv.root.appendingPathComponent("corpus/pgx-baseline.xml").path
        let empty = try TestEnv.tempDir("pgx-norules")
        defer { try? FileManager.default.removeItem(at: empty) }
        let store = empty.appendingPathComponent("s.sqlite").path
        XCTAssertEqual(try runProcess(pgx, ["extract", "--quiet", "--batch", "b", "--store", store, corpus], cwd: TestEnv.root).status, 0)
        for args in [["extract", "--rules", empty.path, corpus], ["rules", "check", "--rules", empty.path],
                     ["train", "--rules", empty.path, "--gold", corpus],
                     ["release", "create", "1.0.0", "--rules", empty.path, "--store", store]] {
            let r = try runProcess(pgx, args, environment: ["PGX_REVIEWER": "test"], cwd: TestEnv.root)
            XCTAssertEqual(r.status, 2, args.joined(separator: " ") + ": " + r.stderr)
            XCTAssertTrue(r.stdout.isEmpty, args.joined(separator: " "))
            XCTAssertTrue(r.stderr.contains("--rules \(empty.path): not a rules folder (no lexicons/genes.tsv there)"), r.stderr)
        }
        let env = try runProcess(pgx, ["extract", corpus], environment: ["PGX_RULES": empty.path], cwd: TestEnv.root)
        XCTAssertEqual(env.status, 2)
        XCTAssertTrue(env.stdout.isEmpty)
        XCTAssertTrue(env.stderr.contains("PGX_RULES=\(empty.path): not a rules folder"), env.stderr)
    }

    /// The shipped lexicons are exactly what `scripts/build-lexicons.py` compiles from `../shared/data/lexicon`
    /// (built into a scratch folder here): no hand edit in rules/lexicons, and the script still reproduces
    /// every byte, each file's header naming its sources and license.
    func testTheShippedLexiconsAreWhatTheirScriptBuilds() throws {
        let shared = try TestEnv.requireShared()
        guard let python = which("python3") else { throw XCTSkip("python3 not installed: cannot run scripts/build-lexicons.py") }
        let out = try TestEnv.tempDir("pgx-lexicons")
        defer { try? FileManager.default.removeItem(at: out) }
        let r = try runProcess(python, [TestEnv.root.appendingPathComponent("scripts/build-lexicons.py").path, shared.path, out.path], cwd: TestEnv.root)
        XCTAssertEqual(r.status, 0, r.stderr)
        let shipped = TestEnv.root.appendingPathComponent("rules/lexicons")
        let files = try FileManager.default.contentsOfDirectory(atPath: shipped.path).filter { $0.hasSuffix(".tsv") }.sorted()
        XCTAssertEqual(files, try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".tsv") }.sorted())
        for f in files {
            let built = try Data(contentsOf: out.appendingPathComponent(f))
            XCTAssertTrue(built == (try Data(contentsOf: shipped.appendingPathComponent(f))), "rules/lexicons/\(f) differs from what scripts/build-lexicons.py builds")
            let header = String(decoding: built.prefix(2000), as: UTF8.self)
            XCTAssertTrue(header.contains("\n# sources: ") && header.contains("\n# license: "), f)
        }
    }
}
