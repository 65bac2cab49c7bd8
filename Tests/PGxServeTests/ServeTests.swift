import Foundation
import TestSupport
import XCTest

/// `pgx serve` over real HTTP on loopback: a release made from corpus/ through the real binary
/// (extract, approve, release, export), then the service's answers to good and bad requests.
final class ServeTests: XCTestCase {
    static var dir: URL!
    static var releaseDir: URL!
    static var rules: [[String: Any]] = []

    override class func setUp() {
        super.setUp()
        guard let bin = try? TestEnv.binary().path, let dir = try? TestEnv.tempDir("pgx-serve") else { return }
        self.dir = dir
        let env = ["PGX_STORE": dir.appendingPathComponent("s.sqlite").path, "PGX_REVIEWER": "ada"]
        func pgx(_ a: [String]) -> RunResult? { try? runProcess(bin, a, environment: env, cwd: TestEnv.root) }
        _ = pgx(["extract", "--quiet", "--batch", "b", "corpus/pgx-baseline.xml"])
        let ids = (pgx(["review", "list", "--json"])?.out ?? "").split(separator: "\n").compactMap {
            ((try? JSONSerialization.jsonObject(with: Data($0.utf8))) as? [String: Any])?["id"] as? Int
        }
        _ = pgx(["review", "approve"] + ids.map(String.init))
        _ = pgx(["release", "create", "1.0.0"])
        releaseDir = dir.appendingPathComponent("1.0.0")
        _ = pgx(["export", "1.0.0", "--out", releaseDir.path])
        let data = (try? Data(contentsOf: releaseDir.appendingPathComponent("rules.json"))) ?? Data()
        rules = (((try? JSONSerialization.jsonObject(with: data)) as? [String: Any])?["rules"] as? [[String: Any]]) ?? []
    }

    override class func tearDown() {
        if let dir { try? FileManager.default.removeItem(at: dir) }
        super.tearDown()
    }

    /// Starts `pgx serve` on a free port and returns it with the port it printed.
    func startServer(_ extra: [String] = []) throws -> (BackgroundProcess, Int, String) {
        let bin = try TestEnv.binary().path
        XCTAssertGreaterThan(Self.rules.count, 10, "the corpus release has rules")
        let server = try BackgroundProcess(bin, ["serve", "--release", Self.releaseDir.path, "--port", "0"] + extra)
        guard let line = server.readLine(timeout: 60) else {
            server.stop()
            XCTFail("pgx serve printed nothing: \(server.stderr)")
            throw XCTSkip("server did not start")
        }
        let port = try XCTUnwrap(line.split(separator: ":").last.flatMap { Int($0.split(separator: "/").first ?? "") }, line)
        return (server, port, line)
    }

    func testLookupsOverHTTP() throws {
        let (server, port, banner) = try startServer()
        defer { server.stop() }
        XCTAssertTrue(banner.contains("release 1.0.0") && banner.contains("http://127.0.0.1:"), banner)

        // The manifest, byte for byte, with the release checksum as ETag.
        let manifest = try Data(contentsOf: Self.releaseDir.appendingPathComponent("manifest.json"))
        let m = try XCTUnwrap(LoopbackHTTP.request(port: port, "/v1/release"))
        XCTAssertEqual(m.status, 200)
        XCTAssertEqual(m.body, manifest)
        let etag = try XCTUnwrap(m.headers["etag"])
        XCTAssertEqual(etag, "\"\(sha256(manifest))\"")
        XCTAssertEqual(m.headers["content-type"], "application/json; charset=utf-8")
        XCTAssertEqual(m.headers["x-pgx-release"], "1.0.0")

        // Rules for a gene: exactly the active rules of that gene in rules.json, in file order.
        let expected = Self.rules.filter { $0["gene"] as? String == "CYP2C19" && $0["status"] as? String == "active" }
        XCTAssertFalse(expected.isEmpty)
        for target in ["/v1/rules?gene=CYP2C19", "/v1/rules?gene=cyp2c19"] {
            let r = try XCTUnwrap(LoopbackHTTP.request(port: port, target))
            XCTAssertEqual(r.status, 200, target)
            let got = try XCTUnwrap(r.json?["rules"] as? [[String: Any]])
            XCTAssertEqual(got.map { $0["rule_id"] as! String }, expected.map { $0["rule_id"] as! String }, target)
            XCTAssertEqual(r.json?["total"] as? Int, expected.count)
            XCTAssertEqual(r.json?["release"] as? String, "1.0.0")
            XCTAssertEqual(r.headers["etag"], etag)
        }
        // Gene + drug + category narrow it down; a drug can be named by DrugBank id as well.
        let clop = expected.filter { $0["drug"] as? String == "clopidogrel" && $0["category"] as? String == "efficacy" }
        XCTAssertFalse(clop.isEmpty)
        let n = try XCTUnwrap(LoopbackHTTP.request(port: port, "/v1/rules?gene=CYP2C19&drug=Clopidogrel&category=efficacy"))
        XCTAssertEqual((n.json?["rules"] as? [[String: Any]])?.map { $0["rule_id"] as! String }, clop.map { $0["rule_id"] as! String })
        if let drugID = clop.first?["drug_id"] as? String, !drugID.isEmpty {
            let byID = try XCTUnwrap(LoopbackHTTP.request(port: port, "/v1/rules?gene=CYP2C19&drug=\(drugID)&category=efficacy"))
            XCTAssertEqual(byID.json?["total"] as? Int, clop.count)
        }
        // A drug name with a space, percent-encoded; an unknown gene is an empty answer, not an error.
        XCTAssertEqual(LoopbackHTTP.request(port: port, "/v1/rules?drug=p2y12%20inhibitor")?.status, 200)
        let none = try XCTUnwrap(LoopbackHTTP.request(port: port, "/v1/rules?gene=NOSUCHGENE"))
        XCTAssertEqual(none.status, 200)
        XCTAssertEqual(none.json?["total"] as? Int, 0)

        // Paging: limit and offset walk the whole table without overlap.
        var seen: [String] = []
        var offset = 0
        while true {
            let page = try XCTUnwrap(LoopbackHTTP.request(port: port, "/v1/rules?status=all&limit=7&offset=\(offset)"))
            let rows = try XCTUnwrap(page.json?["rules"] as? [[String: Any]])
            XCTAssertEqual(page.json?["total"] as? Int, Self.rules.count)
            if rows.isEmpty { break }
            seen += rows.map { $0["rule_id"] as! String }
            offset += 7
        }
        XCTAssertEqual(seen, Self.rules.map { $0["rule_id"] as! String })

        // One rule by id: the same object as in rules.json.
        let one = Self.rules[Self.rules.count / 2]
        let id = one["rule_id"] as! String
        let r = try XCTUnwrap(LoopbackHTTP.request(port: port, "/v1/rules/\(id)"))
        XCTAssertEqual(r.status, 200)
        XCTAssertEqual(r.json?["rule"] as? NSDictionary, one as NSDictionary)

        // Conditional GET and HEAD.
        let cached = try XCTUnwrap(LoopbackHTTP.request(port: port, "/v1/rules/\(id)", headers: ["If-None-Match: \(etag)"]))
        XCTAssertEqual(cached.status, 304)
        XCTAssertTrue(cached.body.isEmpty)
        XCTAssertEqual(LoopbackHTTP.request(port: port, "/v1/rules/\(id)", headers: ["If-None-Match: \"other\""])?.status, 200)
        let head = try XCTUnwrap(LoopbackHTTP.request(port: port, "/v1/release", method: "HEAD"))
        XCTAssertEqual(head.status, 200)
        XCTAssertTrue(head.body.isEmpty)

        XCTAssertEqual(server.stop(), 0, "SIGTERM shuts the service down cleanly")
    }

    func testBadRequestsGetJSONErrors() throws {
        let (server, port, _) = try startServer()
        defer { server.stop() }
        func expect(_ status: Int, _ code: String, _ target: String, method: String = "GET", headers: [String] = [], body: String? = nil,
                    mentions: String? = nil, line: UInt = #line) {
            guard let r = LoopbackHTTP.request(port: port, target, method: method, headers: headers, body: body) else {
                return XCTFail("no reply to \(method) \(target.prefix(80))", line: line)
            }
            XCTAssertEqual(r.status, status, "\(method) \(target.prefix(80))", line: line)
            let err = r.json?["error"] as? [String: Any]
            XCTAssertEqual(err?["code"] as? String, code, String(decoding: r.body, as: UTF8.self), line: line)
            XCTAssertEqual(err?["status"] as? Int, status, line: line)
            if let mentions { XCTAssertTrue((err?["message"] as? String ?? "").contains(mentions), "\(err ?? [:])", line: line) }
        }
        expect(404, "PGX-E404", "/v1/rules/PGX000000000000", mentions: "no rule PGX000000000000")
        expect(400, "PGX-E400", "/v1/rules/not-a-rule", mentions: "not a rule id")
        expect(404, "PGX-E404", "/v1/nothing-here", mentions: "/v1/rules")
        expect(404, "PGX-E404", "/", mentions: "no such endpoint")
        expect(400, "PGX-E400", "/v1/rules?category=bogus", mentions: "category must be one of")
        expect(400, "PGX-E400", "/v1/rules?status=maybe", mentions: "status must be one of")
        expect(400, "PGX-E400", "/v1/rules?gen=CYP2C19", mentions: "unknown query parameter 'gen'")
        expect(400, "PGX-E400", "/v1/rules?gene=CYP2C19&gene=CYP2D6", mentions: "twice")
        expect(400, "PGX-E400", "/v1/rules?gene=", mentions: "gene must be")
        for limit in ["0", "1001", "ten", "-1"] { expect(400, "PGX-E400", "/v1/rules?limit=\(limit)", mentions: "limit must be") }
        expect(400, "PGX-E400", "/v1/rules?offset=-3", mentions: "offset must be")
        expect(400, "PGX-E400", "/v1/rules?gene=%ZZ", mentions: "percent-encoding")
        expect(400, "PGX-E400", "/v1/release?gene=CYP2C19", mentions: "takes no parameters")
        // Read-only: no writes, no bodies, bounded sizes.
        expect(405, "PGX-E405", "/v1/rules", method: "POST", body: "{\"gene\":\"CYP2C19\"}", mentions: "read-only")
        expect(405, "PGX-E405", "/v1/rules/PGX000000000000", method: "DELETE")
        expect(413, "PGX-E413", "/v1/rules", body: "x=1", mentions: "no body")
        expect(414, "PGX-E414", "/v1/rules?gene=" + String(repeating: "A", count: 3000))
        let allow = LoopbackHTTP.request(port: port, "/v1/rules", method: "PUT")?.headers["allow"]
        XCTAssertEqual(allow, "GET, HEAD")
        // Headers past the decoder's limit are refused without a 200 (NIO answers or closes).
        let huge = LoopbackHTTP.request(port: port, "/v1/release", headers: ["X-Filler: " + String(repeating: "y", count: 40_000)])
        XCTAssertNotEqual(huge?.status, 200)
        // The service is still healthy after all that.
        XCTAssertEqual(LoopbackHTTP.request(port: port, "/v1/release")?.status, 200)
    }

    func testRefusesAFolderThatFailsVerification() throws {
        let bin = try TestEnv.binary().path
        let copy = Self.dir.appendingPathComponent("tampered")
        try? FileManager.default.removeItem(at: copy)
        try FileManager.default.copyItem(at: Self.releaseDir, to: copy)
        let rulesTSV = copy.appendingPathComponent("rules.tsv")
        try (try String(contentsOf: rulesTSV, encoding: .utf8) + "extra\n").write(to: rulesTSV, atomically: true, encoding: .utf8)
        let r = try runProcess(bin, ["serve", "--release", copy.path, "--port", "0"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("PGX-E305 rules.tsv") && r.stderr.contains("pgx verify"), r.stderr)
        let missing = try runProcess(bin, ["serve", "--release", Self.dir.appendingPathComponent("nope").path, "--port", "0"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("PGX-E301"), missing.stderr)
    }

    func sha256(_ d: Data) -> String {
        let r = try? runProcess("/usr/bin/sha256sum", [], input: d)
        return String((r?.out ?? "").prefix(64))
    }
}
