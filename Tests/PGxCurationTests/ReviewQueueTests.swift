import Foundation
import TestSupport
import XCTest

/// The interactive queue driven through a real terminal (tmux): approve, edit, undo, quit; then the
/// audit log shows each step.
final class ReviewQueueTests: XCTestCase {
    func testApproveEditUndoQuitThroughATerminal() throws {
        guard let tmux = which("tmux") else { throw XCTSkip("tmux not installed: cannot drive a real terminal") }
        let pgx = try TestEnv.binary().path
        let dir = try TestEnv.tempDir("pgx-tui")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("q.sqlite").path
        XCTAssertEqual(try runProcess(pgx, ["extract", "--quiet", "--batch", "b", "--store", store, "corpus/pgx-baseline.xml"], cwd: TestEnv.root).status, 0)
        let rows = try runProcess(pgx, ["review", "list", "--json", "--store", store]).out.split(separator: "\n").prefix(2).map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        let ids = rows.map { String($0["id"] as! Int) }
        XCTAssertEqual(ids.count, 2)
        // the edit changes the second triple's category to one it does not have
        let before = (rows[1]["effect"] as! [String: Any])["category"] as! String
        let edited = before == "other" ? "toxicity" : "other"
        let session = "pgx-test-\(getpid())"
        func tm(_ args: [String]) throws -> String { try runProcess(tmux, args).out }
        func screen() throws -> String { try tm(["capture-pane", "-p", "-t", session]) }
        func waitFor(_ text: String) throws {
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline { if try screen().contains(text) { return }; usleep(100_000) }
            XCTFail("screen never showed \(text.debugDescription):\n\(try screen())")
        }
        // The tmux server outlives this call and Foundation's Process does not reap tmux's first client
        // here; system() forks and waits with waitpid itself.
        let cmd = "cd '\(TestEnv.root.path)' && '\(tmux)' new-session -d -s \(session) -x 160 -y 40 "
            + "\"'\(pgx)' review --reviewer tess --store '\(store)'; sleep 30\" </dev/null >/dev/null 2>&1"
        XCTAssertEqual(system(cmd), 0)
        defer { _ = try? tm(["kill-session", "-t", session]) }
        try waitFor("triple \(ids[0])")
        XCTAssertTrue(try screen().contains("[a]pprove"))
        _ = try tm(["send-keys", "-t", session, "a"])
        try waitFor("» \(ids[0]) approved")
        _ = try tm(["send-keys", "-t", session, "e"])
        try waitFor("category [")
        _ = try tm(["send-keys", "-t", session, edited, "Enter", "", "Enter", "", "Enter", "", "Enter", "", "Enter", "", "Enter"])
        try waitFor("» \(ids[1]) edited")
        _ = try tm(["send-keys", "-t", session, "u"])
        try waitFor("undid your last action on \(ids[1])")
        _ = try tm(["send-keys", "-t", session, "q"])
        usleep(500_000)

        let h0 = try runProcess(pgx, ["history", ids[0], "--store", store]).out
        XCTAssertTrue(h0.contains("tess\tapprove\tpending -> approved"), h0)
        let h1 = try runProcess(pgx, ["history", ids[1], "--store", store]).out.split(separator: "\n")
        XCTAssertEqual(h1.count, 2, "\(h1)")
        XCTAssertTrue(h1[0].contains("tess\tedit") && h1[0].contains("/") && h1[0].contains(edited + "/"), String(h1[0]))
        XCTAssertTrue(h1[1].contains("tess\tundo"), String(h1[1]))
        // After the undo the edited triple is as before the edit.
        let row = try runProcess(pgx, ["review", "list", "--json", "--store", store]).out.split(separator: "\n")
            .first { $0.contains("\"id\":\(ids[1]),") }
        XCTAssertNotNil(row)
        XCTAssertTrue(row!.contains("\"category\":\"\(before)\""), String(row!))
    }

    /// A variant written without its gene cannot be approved (a rule needs a gene); the queue says so,
    /// names the gene the abstract writes the variant with, and Enter at the edit's gene prompt takes it.
    func testAGenelessVariantIsApprovedOnlyOnceItsHintedGeneIsSet() throws {
        guard let tmux = which("tmux") else { throw XCTSkip("tmux not installed: cannot drive a real terminal") }
        let pgx = try TestEnv.binary().path
        let dir = try TestEnv.tempDir("pgx-hint")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("h.sqlite").path
        let input = dir.appendingPathComponent("h.jsonl")
        try (#"{"id": "h1", "text": "The ADRB2 rs2053044 polymorphism was genotyped in 200 asthmatics. "#
             + #"Carriers of the rs2053044 G allele had a poorer response to salbutamol."}"# + "\n").write(to: input, atomically: true, encoding: .utf8)
        let x = try runProcess(pgx, ["extract", "--quiet", "--input-format", "text", "--batch", "b", "--store", store, input.path])
        XCTAssertEqual(x.status, 0, x.stderr)
        let rows = try runProcess(pgx, ["review", "list", "--json", "--store", store]).out.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        let geneless = try XCTUnwrap(rows.first { $0["gene"] is NSNull && $0["variant"] as? String == "rs2053044" }, "\(rows)")
        let id = String(geneless["id"] as! Int)
        let refused = try runProcess(pgx, ["review", "approve", id, "--reviewer", "tess", "--store", store])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("PGX-E109") && refused.stderr.contains("with ADRB2"), refused.stderr)

        let session = "pgx-hint-\(getpid())"
        func tm(_ args: [String]) throws -> String { try runProcess(tmux, args).out }
        func screen() throws -> String { try tm(["capture-pane", "-p", "-t", session]) }
        func waitFor(_ text: String) throws {
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline { if try screen().contains(text) { return }; usleep(100_000) }
            XCTFail("screen never showed \(text.debugDescription):\n\(try screen())")
        }
        let cmd = "'\(tmux)' new-session -d -s \(session) -x 200 -y 40 "
            + "\"'\(pgx)' review --reviewer tess --store '\(store)' --min-confidence \(geneless["confidence"] as! Double); sleep 30\" </dev/null >/dev/null 2>&1"
        XCTAssertEqual(system(cmd), 0)
        defer { _ = try? tm(["kill-session", "-t", session]) }
        try waitFor("triple \(id)")
        let shown = try screen()
        XCTAssertTrue(shown.contains("NO GENE"), shown)
        XCTAssertTrue(shown.contains("writes this variant with ADRB2"), shown)
        _ = try tm(["send-keys", "-t", session, "a"])
        try waitFor("PGX-E109")
        _ = try tm(["send-keys", "-t", session, "e"])
        try waitFor("category [")
        _ = try tm(["send-keys", "-t", session, "Enter", "", "Enter", "", "Enter", "", "Enter", "", "Enter", "", "Enter"])
        try waitFor("» \(id) edited")
        _ = try tm(["send-keys", "-t", session, "a"])
        try waitFor("» \(id) approved")
        _ = try tm(["send-keys", "-t", session, "q"])
        usleep(500_000)
        let after = try runProcess(pgx, ["review", "list", "--json", "--status", "approved", "--store", store]).out
        XCTAssertTrue(after.contains("\"id\":\(id),") && after.contains("\"gene\":\"ADRB2\""), after)
        let h = try runProcess(pgx, ["history", id, "--store", store]).out
        XCTAssertTrue(h.contains("tess\tedit") && h.contains("tess\tapprove"), h)
    }
}
