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
        let ids = try pgx(["review", "list", "--json"]).out.split(separator: "\n").map {
            String((try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any])["id"] as! Int)
        }
        XCTAssertGreaterThan(ids.count, 5)
        XCTAssertEqual(try pgx(["review", "approve"] + ids.dropLast()).status, 0)
        XCTAssertEqual(try pgx(["review", "reject", ids.last!]).status, 0)
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
        XCTAssertEqual(try pgx(["release", "create", "1.1.0"]).status, 0)
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
        XCTAssertEqual(ids1, Set(rows2.keys), "every 1.0.0 rule keeps its id in 1.1.0 (active or retracted)")
        let retracted = rows2.values.filter { $0.split(separator: "\t", omittingEmptySubsequences: false)[14] == "retracted" }
        XCTAssertTrue(retracted.contains { $0.contains("atorvastatin") })
        XCTAssertTrue(retracted.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false)[13] == "1.1.0" }, "changed_in is the retracting release")
        let changes = try String(contentsOf: e2.appendingPathComponent("CHANGES.tsv"), encoding: .utf8)
        XCTAssertEqual(changes.split(separator: "\n").count - 1, retracted.count)
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
