import Foundation
import PGxCuration
import TestSupport
import XCTest

/// The store through the real binary and a real SQLite file.
final class StoreTests: XCTestCase {
    var dir: URL!
    override func setUpWithError() throws { dir = try TestEnv.tempDir("pgx-store") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: dir) }

    func pgx(_ args: [String], env: [String: String] = [:]) throws -> RunResult {
        try runProcess(try TestEnv.binary().path, args, environment: env, cwd: TestEnv.root)
    }

    func sqlite(_ store: String, _ sql: String) throws -> String {
        guard let s = which("sqlite3") else { throw XCTSkip("sqlite3 CLI not installed") }
        return try runProcess(s, [store, sql]).out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func testUpdateFileRetractsAndSupersedesAndARerunAddsNothing() throws {
        let store = dir.appendingPathComponent("s.sqlite").path
        let files = ["corpus/pgx-baseline.xml", "corpus/pgx-update.xml.gz"]
        var r = try pgx(["extract", "--quiet", "--min-confidence", "0", "--batch", "b1", "--store", store] + files)
        XCTAssertEqual(r.status, 0, r.stderr)
        let before = try pgx(["review", "list", "--status", "all", "--json", "--store", store]).out
        // DeleteCitation 99000006 retracts the SLCO1B1–atorvastatin finding, kept with its reason.
        let retracted = try pgx(["review", "list", "--status", "retracted", "--store", store]).out
        XCTAssertTrue(retracted.contains("SLCO1B1"), retracted)
        // Version 2 of 99000003 supersedes version 1's evidence.
        let reasons = try sqlite(store, "SELECT DISTINCT pmid_version || ':' || COALESCE(retracted, 'live') FROM evidence WHERE pmid = '99000003' ORDER BY 1")
        XCTAssertTrue(reasons.contains("1:superseded by PMID 99000003 version 2"), reasons)
        XCTAssertTrue(reasons.contains("2:live"), reasons)
        let deleted = try sqlite(store, "SELECT DISTINCT retracted FROM evidence WHERE pmid = '99000006'")
        XCTAssertTrue(deleted.hasPrefix("DeleteCitation in corpus/pgx-update.xml.gz"), deleted)
        // A rerun of the finished batch adds nothing.
        r = try pgx(["extract", "--quiet", "--min-confidence", "0", "--batch", "b1", "--store", store] + files)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("skipping"), r.stderr)
        XCTAssertEqual(try pgx(["review", "list", "--status", "all", "--json", "--store", store]).out, before)
        let st = try pgx(["status", "--store", store]).out
        XCTAssertTrue(st.contains("batch b1: finished, 2 inputs"), st)
        XCTAssertTrue(st.contains("retracted"), st)
    }

    /// A file whose transaction fails (here a trigger the test adds refuses one of its PMIDs) is named,
    /// nothing of it is stored, the batch's other files are, and the exit status says so; a rerun once
    /// the cause is gone stores the file. Files are stored on their own thread while the next is read.
    func testAFileThatCannotBeStoredIsNamedAndTheRestIsStored() throws {
        let store = dir.appendingPathComponent("f.sqlite").path
        let files = ["corpus/pgx-baseline.xml", "corpus/pgx-update.xml.gz"]
        // the schema first (a batch of one text item), then the trap for a PMID only the baseline has
        let item = dir.appendingPathComponent("item.jsonl")
        try Data(#"{"id": "t1", "text": "No finding here."}"#.utf8 + [0x0A]).write(to: item)
        XCTAssertEqual(try pgx(["extract", "--quiet", "--batch", "setup", "--store", store, "--input-format", "text", item.path]).status, 0)
        _ = try sqlite(store, "CREATE TRIGGER refuse BEFORE INSERT ON citation WHEN NEW.pmid = '99000001' BEGIN SELECT RAISE(ABORT, 'refused by test'); END;")
        var r = try pgx(["extract", "--quiet", "--batch", "b", "--store", store] + files)
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("PGX-E103 could not store corpus/pgx-baseline.xml"), r.stderr)
        XCTAssertTrue(r.stderr.contains("refused by test"), r.stderr)
        XCTAssertEqual(try sqlite(store, "SELECT path FROM batch_input JOIN batch ON batch.id = batch_id WHERE name = 'b'"), "corpus/pgx-update.xml.gz")
        XCTAssertEqual(try sqlite(store, "SELECT COUNT(*) FROM citation WHERE pmid BETWEEN '99000001' AND '99000002'"), "0", "nothing of the failed file")
        XCTAssertEqual(try sqlite(store, "SELECT status FROM batch WHERE name = 'b'"), "finished with errors")
        _ = try sqlite(store, "DROP TRIGGER refuse;")
        r = try pgx(["extract", "--quiet", "--batch", "b", "--store", store] + files)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("skipping corpus/pgx-update.xml.gz"), r.stderr)
        XCTAssertEqual(try sqlite(store, "SELECT COUNT(*) FROM batch_input JOIN batch ON batch.id = batch_id WHERE name = 'b'"), "2")
    }

    /// Evidence keeps whether its sentence states the finding as a result or only as an aim or a hedge;
    /// the queue marks the latter and shows a result first, however confident the aim.
    func testEvidenceKeepsWhetherItIsAnAimAndTheQueueShowsAResultFirst() throws {
        let store = dir.appendingPathComponent("q.sqlite").path
        let items = dir.appendingPathComponent("items.jsonl")
        let lines = [#"{"id": "a1", "text": "We investigated whether CYP2C19 poor metabolizers had a reduced response to clopidogrel."}"#,
                     #"{"id": "r1", "text": "CYP2C19 poor metabolizers had a reduced response to clopidogrel."}"#,
                     #"{"id": "a2", "text": "OBJECTIVE: To determine the effect of the SLCO1B1 521T>C variant on simvastatin myopathy."}"#]
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: items)
        let r = try pgx(["extract", "--quiet", "--min-confidence", "0", "--batch", "b", "--store", store, "--input-format", "text", items.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try sqlite(store, "SELECT pmid || ':' || speculative FROM evidence ORDER BY pmid"), "a1:1\na2:1\nr1:0")
        // the aim made the most confident piece of evidence of its finding
        _ = try sqlite(store, "UPDATE evidence SET confidence = 0.99 WHERE pmid = 'a1'")
        let s = try CurationStore(path: store)
        var all = CurationStore.Filter(); all.status = nil
        let rows = try s.list(all)
        let cyp = try XCTUnwrap(rows.first { $0.gene == "CYP2C19" })
        let shown = try XCTUnwrap(try s.item(cyp))
        XCTAssertEqual(shown.pmid, "r1", "the result, not the aim")
        XCTAssertFalse(shown.speculative)
        let slco = try XCTUnwrap(try s.item(try XCTUnwrap(rows.first { $0.gene == "SLCO1B1" })))
        XCTAssertTrue(slco.speculative, "only an aim names this one")
    }

    /// Editing a triple's gene moves its HGNC id with it (the id the store has for the new symbol, or
    /// none), and an undo brings the old one back: a rule never pairs one gene's symbol with another's id.
    func testTheHGNCIdFollowsAnEditedGeneAndItsUndo() throws {
        let store = dir.appendingPathComponent("g.sqlite").path
        XCTAssertEqual(try pgx(["extract", "--quiet", "--batch", "b", "--store", store, "corpus/pgx-baseline.xml"]).status, 0)
        let id = try sqlite(store, "SELECT id FROM triple WHERE gene = 'CYP2C9' AND hgnc = 'HGNC:2623' ORDER BY id LIMIT 1")
        XCTAssertFalse(id.isEmpty)
        XCTAssertEqual(try sqlite(store, "SELECT hgnc FROM triple WHERE gene = 'CYP2C19' LIMIT 1"), "HGNC:2621")
        func edit(_ gene: String, _ more: [String] = []) throws {
            let r = try pgx(["review", "edit", id, "--gene", gene, "--reviewer", "ada", "--store", store] + more)
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        try edit("CYP2C19")
        XCTAssertEqual(try sqlite(store, "SELECT gene || ' ' || hgnc FROM triple WHERE id = \(id)"), "CYP2C19 HGNC:2621")
        XCTAssertEqual(try pgx(["review", "undo", "--reviewer", "ada", "--store", store]).status, 0)
        XCTAssertEqual(try sqlite(store, "SELECT gene || ' ' || hgnc FROM triple WHERE id = \(id)"), "CYP2C9 HGNC:2623")
        try edit("NOTAGENE1", ["--unlisted-gene"])
        XCTAssertEqual(try sqlite(store, "SELECT gene || ' ' || COALESCE(hgnc, 'none') FROM triple WHERE id = \(id)"), "NOTAGENE1 none")
    }

    /// What a reviewer types for a gene or drug is read as extraction reads text, against the lexicons,
    /// before it reaches a rule: the symbol in another case is the symbol; an alias, a full name, a
    /// variant, a brand or a combination is refused with the name to give; a symbol or drug the lexicon
    /// does not list is refused unless the reviewer says it is meant. Nothing refused is saved.
    func testAnEditedGeneOrDrugIsTheLexiconsNameOrRefused() throws {
        let store = dir.appendingPathComponent("e.sqlite").path
        XCTAssertEqual(try pgx(["extract", "--quiet", "--batch", "b", "--store", store, "corpus/pgx-baseline.xml"]).status, 0)
        let id = try sqlite(store, "SELECT id FROM triple WHERE gene = 'CYP2C9' ORDER BY id LIMIT 1")
        XCTAssertFalse(id.isEmpty)
        let row = "SELECT gene || ' ' || drug || ' ' || revision FROM triple WHERE id = \(id)"
        let start = try sqlite(store, row)
        for (args, error) in [
            (["--gene", "CYP2C91"], "PGX-E110 gene \"CYP2C91\" is no gene symbol of \(TestEnv.root.path)/rules/lexicons/genes.tsv (NCBI Gene); check the symbol, or give --unlisted-gene"),
            (["--gene", "MDR1"], "PGX-E110 gene \"MDR1\" is written for ABCB1, the symbol a rule carries; give --gene ABCB1"),
            (["--gene", "P-glycoprotein"], "PGX-E110 gene \"P-glycoprotein\" is written for ABCB1"),
            (["--gene", "CYP2C19*2"], "PGX-E110 \"CYP2C19*2\" is a variant of CYP2C19: give --gene CYP2C19 and the variant as --qualifier CYP2C19*2"),
            (["--drug", "Plavix"], "PGX-E111 drug \"Plavix\" is written for clopidogrel, the name a rule carries; give --drug \"clopidogrel\""),
            (["--drug", "Atripla"], "PGX-E111 drug \"Atripla\" names efavirenz, emtricitabine, tenofovir; a rule takes one of them"),
            (["--drug", "warfarinx"], "PGX-E111 drug \"warfarinx\" is no drug of \(TestEnv.root.path)/rules/lexicons/drugs.tsv; check the name, or give --unlisted-drug"),
        ] {
            let r = try pgx(["review", "edit", id, "--reviewer", "ada", "--store", store] + args)
            XCTAssertEqual(r.status, 1, args.joined(separator: " "))
            XCTAssertTrue(r.stderr.contains(error), r.stderr)
        }
        XCTAssertEqual(try sqlite(store, row), start, "nothing refused is saved")
        // the symbol in lower case is the symbol (with its HGNC id); a generic name in capitals is the name
        XCTAssertEqual(try pgx(["review", "edit", id, "--gene", "cyp2c19", "--drug", "Warfarin", "--reviewer", "ada", "--store", store]).status, 0)
        XCTAssertEqual(try sqlite(store, "SELECT gene || ' ' || hgnc || ' ' || drug FROM triple WHERE id = \(id)"), "CYP2C19 HGNC:2621 warfarin")
        // a gene no triple of the store carries takes its HGNC id from the lexicon
        XCTAssertEqual(try sqlite(store, "SELECT count(*) FROM triple WHERE gene = 'CYP2B6'"), "0")
        XCTAssertEqual(try pgx(["review", "edit", id, "--gene", "CYP2B6", "--reviewer", "ada", "--store", store]).status, 0)
        XCTAssertEqual(try sqlite(store, "SELECT gene || ' ' || hgnc FROM triple WHERE id = \(id)"), "CYP2B6 HGNC:2615")
        // meant: a symbol or drug the lexicon does not list (a compound code it reads as one, "TAK-733", needs no flag)
        let kept = try pgx(["review", "edit", id, "--gene", "NEWGENE9", "--unlisted-gene", "--drug", "Zorblatin", "--unlisted-drug",
                            "--reviewer", "ada", "--store", store])
        XCTAssertEqual(kept.status, 0, kept.stderr)
        XCTAssertEqual(try sqlite(store, "SELECT gene || ' ' || drug FROM triple WHERE id = \(id)"), "NEWGENE9 zorblatin")
        // a rules folder named by PGX_RULES that is none: an error, not an unchecked edit
        let r = try pgx(["review", "edit", id, "--gene", "CYP2D6", "--reviewer", "ada", "--store", store], env: ["PGX_RULES": dir.path])
        XCTAssertEqual(r.status, 2, r.stderr)
        XCTAssertTrue(r.stderr.contains("PGX_RULES=\(dir.path): not a rules folder"), r.stderr)
    }

    /// A qualifier is read as the lexicon reads it (a variant by its name, a named change such as "c.2846A>T"
    /// by its rsID as extraction names it; a phenotype by its CPIC term) and a variant stays with its gene:
    /// an edit of the qualifier or of the gene that would pair a variant with another gene is refused. An
    /// undo puts the variant and the phenotype back in their own columns (a change without a star or rsID,
    /// such as "c.1905+1G>A" before it was named rs3918290, used to come back as a phenotype, and the
    /// "positive" of HLA-B*58:01 carriers not at all).
    func testAQualifierStaysWithItsGeneAndAnUndoRestoresItsColumns() throws {
        let store = dir.appendingPathComponent("q.sqlite").path
        XCTAssertEqual(try pgx(["extract", "--quiet", "--batch", "b", "--store", store, "corpus/pgx-baseline.xml"]).status, 0)
        func row(_ id: String) throws -> String {
            try sqlite(store, "SELECT COALESCE(gene, '-') || '|' || COALESCE(variant, '-') || '|' || COALESCE(phenotype, '-') || '|' || category FROM triple WHERE id = \(id)")
        }
        func edit(_ id: String, _ args: [String]) throws -> RunResult {
            try pgx(["review", "edit", id] + args + ["--reviewer", "ada", "--store", store])
        }
        let undo = ["review", "undo", "--reviewer", "ada", "--store", store]
        let dpyd = try sqlite(store, "SELECT id FROM triple WHERE gene = 'DPYD' AND variant = 'rs3918290' ORDER BY id LIMIT 1")
        let hla = try sqlite(store, "SELECT id FROM triple WHERE variant = 'HLA-B*58:01' AND phenotype = 'positive' ORDER BY id LIMIT 1")
        let tpmt = try sqlite(store, "SELECT id FROM triple WHERE gene = 'TPMT' AND variant = 'TPMT*3A' ORDER BY id LIMIT 1")
        XCTAssertFalse(dpyd.isEmpty || hla.isEmpty || tpmt.isEmpty, "the corpus holds these triples (DPYD's c.1905+1G>A is rs3918290)")
        // one change written two ways ("VKORC1 -1639G>A (rs9923231)") is one triple with the evidence of both
        XCTAssertEqual(try sqlite(store, "SELECT COUNT(DISTINCT e.spans) FROM evidence e JOIN triple t ON t.id = e.triple_id "
                                  + "WHERE t.gene = 'VKORC1' AND t.variant = 'rs9923231' AND t.direction = 'decreased'"), "2")
        XCTAssertEqual(try sqlite(store, "SELECT COUNT(*) FROM triple WHERE variant LIKE '%1639%'"), "0")
        // an undo of an edit puts each qualifier back in its column
        for id in [dpyd, hla] {
            let before = try row(id)
            XCTAssertEqual(try edit(id, ["--category", "other"]).status, 0)
            XCTAssertEqual(try pgx(undo).status, 0)
            XCTAssertEqual(try row(id), before)
        }
        // a named change is its rsID, as extraction names it; one the lexicon has no rsID for is kept as typed
        var r = try edit(dpyd, ["--qualifier", "c.2846A>T"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(try sqlite(store, "SELECT variant FROM triple WHERE id = \(dpyd)"), "rs67376798", "DPYD c.2846A>T")
        r = try edit(dpyd, ["--qualifier", "c.9999A>G"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let before = try row(dpyd)
        XCTAssertTrue(before.hasPrefix("DPYD|c.9999A>G|-|"), "a variant without a star or rsID: \(before)")
        XCTAssertEqual(try edit(dpyd, ["--qualifier", "poor metabolisers"]).status, 0)
        let pm = try row(dpyd)
        XCTAssertTrue(pm.hasPrefix("DPYD|-|poor metabolizer|"), "the CPIC term: \(pm)")
        XCTAssertEqual(try pgx(undo).status, 0)
        XCTAssertEqual(try row(dpyd), before, "c.9999A>G is a variant again")
        // a variant stays with its gene
        let tpmtRow = try row(tpmt)
        for (args, message) in [
            (["--qualifier", "CYP2C19*2"], "PGX-E112 the variant CYP2C19*2 is CYP2C19's, not TPMT's; edit the gene and the variant together"),
            (["--qualifier", "rs4244285"], "PGX-E112 the variant rs4244285 is CYP2C19's, not TPMT's"),
            (["--gene", "CYP2D6"], "PGX-E112 the variant TPMT*3A is TPMT's, not CYP2D6's"),
        ] {
            let r = try edit(tpmt, args)
            XCTAssertEqual(r.status, 1, args.joined(separator: " "))
            XCTAssertTrue(r.stderr.contains(message), r.stderr)
        }
        XCTAssertEqual(try row(tpmt), tpmtRow, "nothing refused is saved")
        XCTAssertEqual(try edit(tpmt, ["--gene", "CYP2C19", "--qualifier", "CYP2C19*2"]).status, 0, "the two together")
        let together = try row(tpmt)
        XCTAssertTrue(together.hasPrefix("CYP2C19|CYP2C19*2|"), together)
    }

    func testTwoReviewersOnOneTripleNeverOverwriteEachOther() throws {
        let store = dir.appendingPathComponent("r.sqlite").path
        XCTAssertEqual(try pgx(["extract", "--quiet", "--batch", "b", "--store", store, "corpus/pgx-baseline.xml"]).status, 0)
        let list = try pgx(["review", "list", "--json", "--store", store]).out
        let first = try XCTUnwrap(list.split(separator: "\n").first)
        let obj = try JSONSerialization.jsonObject(with: Data(first.utf8)) as! [String: Any]
        let id = String(obj["id"] as! Int)
        XCTAssertNotEqual(try pgx(["review", "approve", id, "--store", store]).status, 0, "a decision without a reviewer is refused")
        // Two processes at once.
        let bin = try TestEnv.binary().path
        let group = DispatchGroup()
        final class Box: @unchecked Sendable { var r: [RunResult] = []; let l = NSLock() }
        let box = Box()
        for (who, verb) in [("ada", "approve"), ("bob", "reject")] {
            group.enter()
            DispatchQueue.global().async {
                let r = try! runProcess(bin, ["review", verb, id, "--reviewer", who, "--store", store], cwd: TestEnv.root)
                box.l.lock(); box.r.append(r); box.l.unlock(); group.leave()
            }
        }
        group.wait()
        XCTAssertEqual(box.r.filter { $0.status == 0 }.count, 1, "exactly one decision wins")
        let loser = try XCTUnwrap(box.r.first { $0.status != 0 })
        XCTAssertTrue(loser.stderr.contains("PGX-E101 conflict"), loser.stderr)
        let history = try pgx(["history", id, "--store", store]).out
        XCTAssertEqual(history.split(separator: "\n").count, 1, history)
        // Deciding on the revision one has seen is allowed.
        let rev = loser.stderr.components(separatedBy: "--revision ").last!.prefix { $0.isNumber }
        XCTAssertEqual(try pgx(["review", "reject", id, "--reviewer", "bob", "--revision", String(rev), "--store", store]).status, 0)
        XCTAssertEqual(try pgx(["history", id, "--store", store]).out.split(separator: "\n").count, 2)
    }

    func testKilledBatchResumesToExactlyTheUninterruptedResult() throws {
        let shared = try TestEnv.requireShared()
        let files = (0..<4).map { shared.appendingPathComponent("data/pubmed/pharmgkb-dev/pharmgkb-00\($0).xml").path }
        let clean = dir.appendingPathComponent("clean.sqlite").path
        XCTAssertEqual(try pgx(["extract", "--quiet", "--batch", "k", "--store", clean] + files).status, 0)
        let killed = dir.appendingPathComponent("killed.sqlite").path
        let p = Process()
        p.executableURL = try TestEnv.binary()
        p.arguments = ["extract", "--quiet", "--batch", "k", "--store", killed] + files
        p.currentDirectoryURL = TestEnv.root
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Kill it once at least one file is stored but not all.
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline {
            if FileManager.default.fileExists(atPath: killed),
               let n = Int((try? sqlite(killed, "SELECT COUNT(*) FROM batch_input")) ?? ""), n >= 1 { break }
            usleep(50_000)
        }
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        let storedBefore = Int(try sqlite(killed, "SELECT COUNT(*) FROM batch_input")) ?? 0
        XCTAssertLessThan(storedBefore, 4, "the kill came before the end")
        XCTAssertEqual(try pgx(["extract", "--quiet", "--batch", "k", "--store", killed] + files).status, 0)
        let q = "SELECT t.key||'|'||e.pmid||'|'||e.passage||'|'||e.sentence_start||'|'||e.spans FROM evidence e JOIN triple t ON t.id=e.triple_id ORDER BY 1"
        XCTAssertEqual(try sqlite(killed, q), try sqlite(clean, q))
        XCTAssertEqual(try sqlite(killed, "SELECT COUNT(*) FROM batch_input"), "4")
    }
}
