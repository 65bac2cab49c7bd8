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
        let term = try TerminalSession(tmux: tmux, name: "pgx-test-\(getpid())",
                                       command: "cd '\(TestEnv.root.path)' && '\(pgx)' review --reviewer tess --store '\(store)'")
        defer { term.close() }
        try term.waitFor("triple \(ids[0])")
        let screen = try term.screen()
        XCTAssertTrue(screen.contains("[a]pprove"))
        // what each pattern rule that filed the triple is for, as `pgx rules show` gives it
        let ruleField = try XCTUnwrap(screen.split(separator: "\n").first { $0.contains("confidence ") }?.split(separator: " ").last)
        let patterns = ruleField.split(separator: "+").filter { $0.hasPrefix("pattern:") }.map(String.init)
        XCTAssertFalse(patterns.isEmpty, "the first corpus triple was filed by a pattern rule: \(ruleField)")
        for p in patterns {
            let shown = try runProcess(pgx, ["rules", "show", p], cwd: TestEnv.root).out.split(separator: "\n")
            let description = try XCTUnwrap(shown.dropFirst().first).trimmingCharacters(in: .whitespaces)
            XCTAssertTrue(screen.contains("\(p.dropFirst("pattern:".count)): \(description.prefix(60))"), screen)
        }
        try term.send("a")
        try term.waitFor("» \(ids[0]) approved")
        try term.send("e")
        try term.waitFor("category [")
        try term.send(edited, "Enter", "", "Enter", "", "Enter", "", "Enter", "", "Enter", "", "Enter")
        try term.waitFor("» \(ids[1]) edited")
        try term.send("u")
        try term.waitFor("undid your last action on \(ids[1])")
        // a gene typed as an alias is refused with its symbol (as `pgx review edit` refuses it), nothing saved
        try term.send("e")
        try term.waitFor("category [")
        try term.send("", "Enter", "", "Enter", "", "Enter", "MDR1", "Enter", "", "Enter", "", "Enter")
        try term.waitFor("» PGX-E110 gene \"MDR1\" is written for ABCB1")
        try term.send("q")
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

    /// A variant left without a gene cannot be approved (a rule needs a gene); the queue says so, names
    /// the one gene the abstract names, and Enter at the edit's gene prompt takes it.
    func testAGenelessVariantIsApprovedOnlyOnceItsHintedGeneIsSet() throws {
        guard let tmux = which("tmux") else { throw XCTSkip("tmux not installed: cannot drive a real terminal") }
        let pgx = try TestEnv.binary().path
        let dir = try TestEnv.tempDir("pgx-hint")
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("h.sqlite").path
        let input = dir.appendingPathComponent("h.jsonl")
        try (#"{"id": "h1", "text": "ADRB2 genotypes were studied in 200 asthmatics. "#
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
        XCTAssertTrue(refused.stderr.contains("PGX-E109") && refused.stderr.contains("names one gene, ADRB2"), refused.stderr)

        let term = try TerminalSession(tmux: tmux, name: "pgx-hint-\(getpid())",
                                       command: "'\(pgx)' review --reviewer tess --store '\(store)' --min-confidence \(geneless["confidence"] as! Double)")
        defer { term.close() }
        try term.waitFor("triple \(id)")
        let shown = try term.screen()
        XCTAssertTrue(shown.contains("NO GENE"), shown)
        XCTAssertTrue(shown.contains("names one gene, ADRB2"), shown)
        try term.send("a")
        try term.waitFor("PGX-E109")
        try term.send("e")
        try term.waitFor("category [")
        try term.send("Enter", "", "Enter", "", "Enter", "", "Enter", "", "Enter", "", "Enter")
        try term.waitFor("» \(id) edited")
        try term.send("a")
        try term.waitFor("» \(id) approved")
        try term.send("q")
        usleep(500_000)
        let after = try runProcess(pgx, ["review", "list", "--json", "--status", "approved", "--store", store]).out
        XCTAssertTrue(after.contains("\"id\":\(id),") && after.contains("\"gene\":\"ADRB2\""), after)
        let h = try runProcess(pgx, ["history", id, "--store", store]).out
        XCTAssertTrue(h.contains("tess\tedit") && h.contains("tess\tapprove"), h)
    }
}

/// `pgx review` running in a detached tmux session: keys go in, the screen comes out.
struct TerminalSession {
    let tmux: String, name: String

    /// Starts `command` (a shell line) in a new 200×40 session.
    init(tmux: String, name: String, command: String) throws {
        self.tmux = tmux; self.name = name
        // The tmux server outlives this call and Foundation's Process does not reap tmux's first client
        // here; system() forks and waits with waitpid itself.
        let cmd = "'\(tmux)' new-session -d -s \(name) -x 200 -y 40 \"\(command); sleep 30\" </dev/null >/dev/null 2>&1"
        XCTAssertEqual(system(cmd), 0)
    }
    @discardableResult func tm(_ args: [String]) throws -> String { try runProcess(tmux, args).out }
    func send(_ keys: String...) throws { try tm(["send-keys", "-t", name] + keys) }
    func screen() throws -> String { try tm(["capture-pane", "-p", "-t", name]) }
    func waitFor(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline { if try screen().contains(text) { return }; usleep(100_000) }
        XCTFail("screen never showed \(text.debugDescription):\n\(try screen())", file: file, line: line)
    }
    func close() { _ = try? tm(["kill-session", "-t", name]) }
}
