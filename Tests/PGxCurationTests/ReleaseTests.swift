import Foundation
import TestSupport
import XCTest

/// Releases on a real store through the real binary: approve, release 1.0.0, retract by an update
/// file and reject one, release 1.1.0; change list, retracted rows, stable ids, byte-identical exports,
/// tamper detection, immutable versions.
final class ReleaseTests: XCTestCase {
    func testReleaseLifecycle() throws {
        let dir = try TestEnv.tempDir("pgx-rel")
        defer { try? FileManager.default.removeItem(at: dir) }
        let env = ["PGX_STORE": dir.appendingPathComponent("s.sqlite").path, "PGX_REVIEWER": "ada"]
        let bin = try TestEnv.binary().path
        func pgx(_ a: [String]) throws -> RunResult { try runProcess(bin, a, environment: env, cwd: TestEnv.root) }
        XCTAssertEqual(try pgx(["extract", "--quiet", "--batch", "b", "corpus/pgx-baseline.xml"]).status, 0)
        let listed = try pgx(["review", "list", "--json"]).out.split(separator: "\n").map {
            try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any]
        }
        let ids = listed.map { String($0["id"] as! Int) }
        // CYP2D6 ultrarapid metabolizers – codeine comes out as metabolism; a reviewer later makes it toxicity.
        let codeine = try XCTUnwrap(listed.first { $0["phenotype"] as? String == "ultrarapid metabolizer" && $0["drug"] as? String == "codeine" })
        XCTAssertEqual((codeine["effect"] as! [String: Any])["category"] as? String, "metabolism")
        XCTAssertGreaterThan(ids.count, 5)
        // One finding rejected (the lowest in the queue that is not the codeine one, which is edited later), the rest approved.
        let rejected = try XCTUnwrap(ids.last { $0 != String(codeine["id"] as! Int) })
        XCTAssertEqual(try pgx(["review", "approve"] + ids.filter { $0 != rejected }).status, 0)
        XCTAssertEqual(try pgx(["review", "reject", rejected]).status, 0)
        XCTAssertEqual(try pgx(["release", "create", "1.0.0", "--notes", "first"]).status, 0)
        let e1 = dir.appendingPathComponent("e1"), e1b = dir.appendingPathComponent("e1b")
        XCTAssertEqual(try pgx(["export", "1.0.0", "--out", e1.path]).status, 0)
        XCTAssertEqual(try pgx(["export", "1.0.0", "--out", e1b.path]).status, 0)
        for f in ["rules.tsv", "rules.json", "CHANGES.tsv", "manifest.json"] {
            XCTAssertEqual(try Data(contentsOf: e1.appendingPathComponent(f)), try Data(contentsOf: e1b.appendingPathComponent(f)), f)
        }
        XCTAssertEqual(try pgx(["verify", e1.path]).status, 0)
        // The update file deletes 99000006 and revises 99000003: their rules are retracted in 1.1.0.
        XCTAssertEqual(try pgx(["extract", "--quiet", "--batch", "b", "corpus/pgx-update.xml.gz"]).status, 0)
        let edit = try pgx(["review", "edit", String(codeine["id"] as! Int), "--category", "toxicity"])
        XCTAssertEqual(edit.status, 0, edit.stderr)
        let made = try pgx(["release", "create", "1.1.0"])
        XCTAssertEqual(made.status, 0, made.stderr)
        XCTAssertTrue(made.out.contains("1 superseded"), made.out)
        let again = try pgx(["release", "create", "1.1.0"])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("PGX-E202"), again.stderr)
        XCTAssertEqual(try pgx(["release", "create", "1.0.9"]).status, 1, "versions only go up")
        let diff = try pgx(["diff", "1.0.0", "1.1.0"]).out
        XCTAssertTrue(diff.contains("retracted") && diff.contains("atorvastatin"), diff)
        let e2 = dir.appendingPathComponent("e2")
        XCTAssertEqual(try pgx(["export", "1.1.0", "--out", e2.path]).status, 0)
        let tsv1 = try String(contentsOf: e1.appendingPathComponent("rules.tsv"), encoding: .utf8).split(separator: "\n").dropFirst()
        let tsv2 = try String(contentsOf: e2.appendingPathComponent("rules.tsv"), encoding: .utf8).split(separator: "\n").dropFirst()
        let ids1 = Set(tsv1.map { $0.split(separator: "\t", omittingEmptySubsequences: false)[0] })
        let rows2 = Dictionary(tsv2.map { ($0.split(separator: "\t", omittingEmptySubsequences: false)[0], $0) }, uniquingKeysWith: { a, _ in a })
        XCTAssertTrue(ids1.isSubset(of: Set(rows2.keys)), "every 1.0.0 rule keeps its id in 1.1.0 (active, retracted or superseded)")
        XCTAssertEqual(Set(rows2.keys).subtracting(ids1).count, 1, "the edit made one new rule; nothing else appeared")
        func cols(_ row: Substring) -> [String] { row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        let retracted = rows2.values.filter { cols($0)[14] == "retracted" }
        // The edited finding: its 1.0.0 rule is superseded by the rule it became, which is new and active.
        let superseded = rows2.values.filter { cols($0)[14] == "superseded" }.map(cols)
        XCTAssertEqual(superseded.count, 1)
        if let old = superseded.first {
            XCTAssertTrue(old[4] == "codeine" && old[3] == "ultrarapid metabolizer" && old[6] == "metabolism", old.joined(separator: " | "))
            XCTAssertEqual(old[13], "1.1.0")
            let replacement = try XCTUnwrap(rows2[Substring(old[15])].map(cols), "superseded_by names a rule of the same release")
            XCTAssertEqual(replacement[14], "active")
            XCTAssertEqual(replacement[6], "toxicity")
            XCTAssertEqual(replacement[12], "1.1.0", "the replacement first appears in 1.1.0")
            XCTAssertFalse(ids1.contains(Substring(old[15])))
            XCTAssertTrue(try pgx(["diff", "1.0.0", "1.1.0"]).out.contains("superseded by \(old[15])"))
        }
        XCTAssertTrue(retracted.contains { $0.contains("atorvastatin") })
        XCTAssertTrue(retracted.allSatisfy { cols($0)[13] == "1.1.0" }, "changed_in is the retracting release")
        let changes = try String(contentsOf: e2.appendingPathComponent("CHANGES.tsv"), encoding: .utf8).split(separator: "\n").dropFirst().map(cols)
        XCTAssertEqual(changes.filter { $0[0] == "retracted" }.count, retracted.count + superseded.count)
        XCTAssertEqual(changes.filter { $0[0] == "added" }.map { $0[1] }, superseded.map { $0[15] })
        XCTAssertEqual(changes.count, retracted.count + 2 * superseded.count)
        // Lookup from the exported folder and from the store.
        let look = try pgx(["lookup", "--gene", "HLA-B", "--release", e2.path])
        XCTAssertEqual(look.status, 0, look.stderr)
        XCTAssertTrue(look.out.contains("allopurinol") && look.out.contains("99000002"), look.out)
        let lookStore = try pgx(["lookup", "--gene", "slco1b1", "--drug", "atorvastatin", "--all"])
        XCTAssertTrue(lookStore.out.contains("[retracted]"), lookStore.out)
        // A tampered file fails verification.
        var tsv = try String(contentsOf: e2.appendingPathComponent("rules.tsv"), encoding: .utf8)
        tsv = tsv.replacingOccurrences(of: "warfarin", with: "aspirin")
        try tsv.write(to: e2.appendingPathComponent("rules.tsv"), atomically: true, encoding: .utf8)
        let v = try pgx(["verify", e2.path])
        XCTAssertEqual(v.status, 1)
        XCTAssertTrue(v.stderr.contains("PGX-E305 rules.tsv"), v.stderr)
    }
}
