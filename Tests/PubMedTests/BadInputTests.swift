import Foundation
import PGxModel
@testable import PubMed
import TestSupport
import XCTest

/// Broken inputs built in the test from real PubMed samples: each must give an error that names the
/// file, the line and the last good PMID, keep every record before the fault, and let the run go on.
final class BadInputTests: XCTestCase {
    var dir: URL!
    var shared: URL!

    override func setUpWithError() throws {
        shared = try TestEnv.requireShared()
        dir = try TestEnv.tempDir("pgx-bad")
    }

    override func tearDownWithError() throws {
        if let dir { try? FileManager.default.removeItem(at: dir) }
    }

    private func real(_ rel: String) throws -> Data {
        try Data(contentsOf: shared.appendingPathComponent("data/pubmed/\(rel)"))
    }

    private func write(_ name: String, _ data: Data) throws -> String {
        let u = dir.appendingPathComponent(name)
        try data.write(to: u)
        return u.path
    }

    /// Reads a file to its end or first fault: the citations yielded, the problems, the fatal error.
    private func readAll(_ path: String) -> (citations: [Citation], problems: [InputError], fatal: InputError?) {
        var cs: [Citation] = [], ps: [InputError] = []
        do {
            let r = try PubMedReader(path: path)
            while let e = try r.next() {
                if case .citation(let c) = e { cs.append(c) }
                if case .problem(let p) = e { ps.append(p) }
            }
        } catch let e as InputError {
            return (cs, ps, e)
        } catch {
            XCTFail("unexpected error \(error)")
        }
        return (cs, ps, nil)
    }

    /// PMIDs of the records that end before byte `limit` of `xml` (what a reader must still deliver).
    private func completePMIDs(in xml: Data, before limit: Int) -> [String] {
        let s = String(decoding: xml.prefix(limit), as: UTF8.self)
        var out: [String] = []
        for chunk in s.components(separatedBy: "</PubmedArticle>").dropLast() {
            guard let start = chunk.range(of: "<MedlineCitation"),
                  let p = chunk.range(of: "<PMID Version=\"", range: start.upperBound..<chunk.endIndex),
                  let gt = chunk.range(of: ">", range: p.upperBound..<chunk.endIndex),
                  let end = chunk.range(of: "</PMID>", range: gt.upperBound..<chunk.endIndex) else { continue }
            out.append(String(chunk[gt.upperBound..<end.lowerBound]))
        }
        return out
    }

    func testTruncatedXMLKeepsEveryRecordBeforeTheCut() throws {
        let xml = try real("pharmgkb-dev/pharmgkb-000.xml")
        let cut = 700_000
        let path = try write("truncated.xml", xml.prefix(cut))
        let (cs, _, fatal) = readAll(path)
        let expected = completePMIDs(in: xml, before: cut)
        XCTAssertEqual(cs.map(\.pmid), expected)
        let e = try XCTUnwrap(fatal)
        XCTAssertEqual(e.code, .truncated)
        XCTAssertEqual(e.file, path)
        XCTAssertGreaterThan(e.line, 1)
        XCTAssertEqual(e.lastGoodPMID, expected.last)
        XCTAssertTrue(e.description.contains("truncated"), e.description)
    }

    func testTruncatedGzipKeepsRecordsAndSaysTheDownloadIsDamaged() throws {
        let gz = try real("samples/pm_pubmed24n1219_baseline_sample.xml.gz")
        let path = try write("truncated.xml.gz", gz.prefix(gz.count / 2))
        let (cs, _, fatal) = readAll(path)
        let e = try XCTUnwrap(fatal)
        XCTAssertEqual(e.code, .compressed)
        XCTAssertFalse(cs.isEmpty, "records inflated before the cut are delivered")
        XCTAssertEqual(e.lastGoodPMID, cs.last?.pmid)
        // Every record delivered is identical to the same record read from the intact file.
        let (full, _, none) = readAll(shared.appendingPathComponent("data/pubmed/samples/pm_pubmed24n1219_baseline_sample.xml.gz").path)
        XCTAssertNil(none)
        XCTAssertEqual(Array(full.prefix(cs.count)), cs)
    }

    func testInvalidUTF8NamesLineAndColumn() throws {
        var xml = try real("pharmgkb-dev/pharmgkb-001.xml")
        let marker = Data("</PubmedArticle>".utf8)
        let at = xml.range(of: marker, in: 400_000..<xml.count)!.lowerBound - 2_000
        xml.insert(contentsOf: [0xFF, 0xFE], at: at)
        let path = try write("bad-utf8.xml", xml)
        let (cs, _, fatal) = readAll(path)
        let e = try XCTUnwrap(fatal)
        XCTAssertEqual(e.code, .encoding)
        XCTAssertGreaterThan(e.line, 1000)
        XCTAssertGreaterThan(e.column, 0)
        XCTAssertEqual(cs.map(\.pmid), completePMIDs(in: xml, before: at))
    }

    func testEfetchErrorReplyIsNotPubMed() throws {
        let reply = """
        <?xml version="1.0" encoding="UTF-8" ?>
        <!DOCTYPE eEfetchResult PUBLIC "-//NLM//DTD efetch//EN" "https://eutils.ncbi.nlm.nih.gov/eutils/dtd/efetch.dtd">
        <eFetchResult>
        \t<ERROR>Empty id list - nothing todo</ERROR>
        </eFetchResult>
        """
        let path = try write("efetch-error.xml", Data(reply.utf8))
        let e = try XCTUnwrap(readAll(path).fatal)
        XCTAssertEqual(e.code, .notPubMed)
        XCTAssertTrue(e.description.contains("Empty id list"), e.description)
        XCTAssertTrue(e.description.contains("efetch-error.xml:3"), e.description)
        // Another kind of XML entirely (a real NCBI reply in ../shared).
        let ipg = try XCTUnwrap(readAll(shared.appendingPathComponent("data/pubmed/samples/bp_efetch_schemas.xml").path).fatal)
        XCTAssertEqual(ipg.code, .notPubMed)
        XCTAssertTrue(ipg.message.contains("IPGReportSet"))
    }

    func testRecordWithoutPMIDIsReportedAndTheRestIsRead() throws {
        var s = String(decoding: try real("pharmgkb-dev/pharmgkb-001.xml"), as: UTF8.self)
        let all = readAll(shared.appendingPathComponent("data/pubmed/pharmgkb-dev/pharmgkb-001.xml").path).citations
        let rec = s.range(of: "<PubmedArticle>", range: s.index(s.startIndex, offsetBy: 200_000)..<s.endIndex)!
        let p = s.range(of: "<PMID Version=\"1\">", range: rec.upperBound..<s.endIndex)!
        let end = s.range(of: "</PMID>", range: p.upperBound..<s.endIndex)!
        let dropped = String(s[p.upperBound..<end.lowerBound])
        s.removeSubrange(p.lowerBound..<end.upperBound)
        let path = try write("no-pmid.xml", Data(s.utf8))
        let (cs, problems, fatal) = readAll(path)
        XCTAssertNil(fatal)
        XCTAssertEqual(problems.count, 1)
        XCTAssertEqual(problems[0].code, .recordWithoutPMID)
        XCTAssertGreaterThan(problems[0].line, 1)
        XCTAssertEqual(cs.map(\.pmid), all.map(\.pmid).filter { $0 != dropped })
        XCTAssertEqual(problems[0].lastGoodPMID, all[all.firstIndex { $0.pmid == dropped }! - 1].pmid)
    }

    func testProblemPastLine65535NamesItsExactLine() throws {
        // libxml2 keeps a node's line in 16 bits; the reader must count lines itself. A record of the
        // 2016 MEDLINE file that starts on line 65,575 loses its PMID.
        let gz = shared.appendingPathComponent("data/pubmed/samples/pp_medline16n0902_partial.xml.gz").path
        var s = try runProcess("/bin/sh", ["-c", "gzip -dc '\(gz)'"]).out
        let pmid = try XCTUnwrap(s.range(of: ">26702225</PMID>"))
        let open = try XCTUnwrap(s.range(of: "<PMID", options: .backwards, range: s.startIndex..<pmid.lowerBound))
        let record = try XCTUnwrap(s.range(of: "<MedlineCitation ", options: .backwards, range: s.startIndex..<open.lowerBound))
        let line = s[..<record.lowerBound].utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        XCTAssertGreaterThan(line, 65_535)
        s.removeSubrange(open.lowerBound..<pmid.upperBound)
        let path = try write("late-no-pmid.xml", Data(s.utf8))
        let (cs, problems, fatal) = readAll(path)
        XCTAssertNil(fatal)
        XCTAssertEqual(problems.map(\.code), [.recordWithoutPMID])
        XCTAssertEqual(problems.first?.line, line)
        XCTAssertEqual(problems.first?.lastGoodPMID, "26702224")
        XCTAssertEqual(cs.count, 603)
    }

    func testPlainTextIsNotXMLAtAll() throws {
        // A MEDLINE-format export (.txt) handed to the XML reader.
        let txt = shared.appendingPathComponent("data/pubmed/samples/bp_medline_pubmed_result1.txt").path
        let (cs, _, fatal) = readAll(txt)
        XCTAssertTrue(cs.isEmpty)
        let e = try XCTUnwrap(fatal)
        XCTAssertEqual(e.code, .notPubMed)
        XCTAssertTrue(e.description.contains("no XML element"), e.description)
        XCTAssertTrue(e.description.contains("bp_medline_pubmed_result1.txt"), e.description)
    }

    func testBillionLaughsFailsFastInBoundedMemory() throws {
        var lol = "<?xml version=\"1.0\"?>\n<!DOCTYPE PubmedArticleSet [\n <!ENTITY lol \"lol\">\n"
        for i in 1...9 {
            lol += " <!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">\n"
        }
        lol += "]>\n<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version=\"1\">1</PMID><Article>"
            + "<ArticleTitle>&lol9;</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>\n"
        let path = try write("lol.xml", Data(lol.utf8))
        let pgx = try TestEnv.binary().path
        let start = Date()
        let r: RunResult
        if let time = which("time") ?? (FileManager.default.isExecutableFile(atPath: "/usr/bin/time") ? "/usr/bin/time" : nil) {
            r = try runProcess(time, ["-f", "maxrss_kb=%M", pgx, "parse", "--format", "count", path])
            let rss = r.stderr.components(separatedBy: "maxrss_kb=").last.flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            XCTAssertLessThan(try XCTUnwrap(rss), 100_000, "entity bomb must not grow memory")
        } else {
            r = try runProcess(pgx, ["parse", "--format", "count", path])
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 10)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("PGX-E006"), r.stderr)
        XCTAssertTrue(r.stderr.contains("lol.xml"), r.stderr)
    }

    func testOneBadFileDoesNotStopTheRunAndTheExitStatusTellsTheTruth() throws {
        let xml = try real("pharmgkb-dev/pharmgkb-000.xml")
        let bad = try write("b-truncated.xml", xml.prefix(300_000))
        let good1 = shared.appendingPathComponent("data/pubmed/samples/tr_29355075.xml").path
        let good2 = shared.appendingPathComponent("data/pubmed/samples/pm_pubmed26n1334_baseline_sample.xml.gz").path
        let pgx = try TestEnv.binary().path
        let r = try runProcess(pgx, ["parse", "--format", "tsv", good1, bad, good2, dir.appendingPathComponent("missing.xml").path])
        XCTAssertEqual(r.status, 1)
        let expected = readAll(good1).citations.count + completePMIDs(in: xml, before: 300_000).count + readAll(good2).citations.count
        XCTAssertEqual(r.out.split(separator: "\n").count, expected)
        XCTAssertTrue(r.stderr.contains("PGX-E004 \(bad):"), r.stderr)
        XCTAssertTrue(r.stderr.contains("missing.xml"), r.stderr)
        XCTAssertTrue(r.stderr.contains("2 inputs"), r.stderr)
    }

    func testBookArticlesAreSkippedWithACount() throws {
        let body = String(decoding: try real("samples/tr_31408116.xml"), as: UTF8.self)
        let book = "<PubmedBookArticle><BookDocument><PMID Version=\"1\">20301295</PMID><ArticleIdList>"
            + "<ArticleId IdType=\"bookaccession\">NBK1116</ArticleId></ArticleIdList><Book><BookTitle>GeneReviews</BookTitle>"
            + "</Book><ArticleTitle>A chapter</ArticleTitle></BookDocument></PubmedBookArticle>\n"
        let withBook = body.replacingOccurrences(of: "<PubmedArticle>", with: book + "<PubmedArticle>")
        let path = try write("with-book.xml", Data(withBook.utf8))
        let r = try PubMedReader(path: path)
        var n = 0
        while let e = try r.next() { if case .citation = e { n += 1 } }
        XCTAssertEqual(n, readAll(shared.appendingPathComponent("data/pubmed/samples/tr_31408116.xml").path).citations.count)
        XCTAssertGreaterThan(r.bookArticlesSkipped, 0)
    }
}
