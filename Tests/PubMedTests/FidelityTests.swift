import Foundation
import PGxModel
@testable import PubMed
import TestSupport
import XCTest

/// Text fidelity against independent parsers, over every real record in ../shared/data/pubmed.
final class FidelityTests: XCTestCase {
    /// All PubMed XML inputs in ../shared (samples and pharmgkb-dev), minus the one that is not PubMed.
    static func pubmedFiles(_ shared: URL) -> [String] {
        let (files, _) = InputFiles.expand([shared.appendingPathComponent("data/pubmed/samples").path,
                                            shared.appendingPathComponent("data/pubmed/pharmgkb-dev").path])
        return files.filter { !$0.contains("efetch_schemas") }
    }

    /// Builds ../shared/bench/xr_extract.c (the C reference) into a temp dir.
    static func buildCReference(_ shared: URL) throws -> String {
        guard let gcc = which("gcc") ?? which("cc"), let xml2config = which("xml2-config") else {
            throw XCTSkip("gcc or xml2-config missing: cannot build the C reference reader")
        }
        let flags = try runProcess(xml2config, ["--cflags", "--libs"]).out.split(whereSeparator: \.isWhitespace).map(String.init)
        let out = try TestEnv.tempDir("xr").appendingPathComponent("xr_extract").path
        let r = try runProcess(gcc, ["-O2", "-o", out, shared.appendingPathComponent("bench/xr_extract.c").path] + flags)
        XCTAssertEqual(r.status, 0, r.stderr)
        return out
    }

    /// Splits the C reference's TSV into pmid → "title abstract" with tabs/newlines as spaces (the C
    /// writes text raw, so an embedded newline continues the previous record).
    static func parseCReferenceTSV(_ s: String) -> [String: String] {
        var recs: [String: String] = [:]
        var order: [(String, String)] = []
        let body = s.hasSuffix("\n") ? String(s.dropLast()) : s
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let fields = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            if let first = fields.first, !first.isEmpty, first.allSatisfy(\.isNumber), fields.count == 2 {
                order.append((String(first), String(fields[1])))
            } else if !order.isEmpty {
                order[order.count - 1].1 += " " + line
            }
        }
        for (k, v) in order where recs[k] == nil {
            recs[k] = v.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\r", with: " ")
        }
        return recs
    }

    func testTitleAndAbstractOfEveryRecordEqualTheCReference() throws {
        let shared = try TestEnv.requireShared()
        let xr = try Self.buildCReference(shared)
        let pgx = try TestEnv.binary().path
        var compared = 0
        for file in Self.pubmedFiles(shared) {
            let c = try runProcess(xr, ["full", file, "--tsv"])
            XCTAssertEqual(c.status, 0, "C reference failed on \(file): \(c.stderr)")
            let ref = Self.parseCReferenceTSV(c.out)
            let ours = try runProcess(pgx, ["parse", "--format", "tsv", file])
            XCTAssertEqual(ours.status, 0, "pgx parse failed on \(file): \(ours.stderr)")
            var got: [String: String] = [:]
            for line in ours.out.split(separator: "\n") {
                let f = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
                if got[String(f[0])] == nil { got[String(f[0])] = f.count > 1 ? f[1].replacingOccurrences(of: "\t", with: " ") : "" }
            }
            if file.contains("MedlineCitationSet") || ref.isEmpty {
                continue  // the C reference reads only PubmedArticle records; ElementTree covers these
            }
            XCTAssertEqual(Set(ref.keys), Set(got.keys), "PMIDs differ in \(file)")
            for (pmid, text) in ref {
                XCTAssertEqual(got[pmid], text, "title/abstract of PMID \(pmid) in \(file) differ from the C reference")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 1_500, "expected to compare every record of ../shared/data/pubmed")
    }

    func testEveryFieldOfEveryRecordEqualsElementTree() throws {
        let shared = try TestEnv.requireShared()
        guard let python = which("python3") else { throw XCTSkip("python3 missing: no ElementTree reference") }
        let script = TestEnv.root.appendingPathComponent("Tests/PubMedTests/Support/etree_reference.py").path
        let pgx = try TestEnv.binary().path
        var compared = 0
        for file in Self.pubmedFiles(shared) {
            let ref = try runProcess(python, [script, file])
            XCTAssertEqual(ref.status, 0, ref.stderr)
            let ours = try runProcess(pgx, ["parse", "--format", "jsonl", file])
            XCTAssertEqual(ours.status, 0, ours.stderr)
            let refLines = ref.out.split(separator: "\n")
            let ourLines = ours.out.split(separator: "\n")
            XCTAssertEqual(refLines.count, ourLines.count, "record count differs in \(file)")
            for (r, o) in zip(refLines, ourLines) {
                let rj = try JSONSerialization.jsonObject(with: Data(r.utf8)) as! NSDictionary
                let oj = (try JSONSerialization.jsonObject(with: Data(o.utf8)) as! NSDictionary).mutableCopy() as! NSMutableDictionary
                oj.removeObjects(forKeys: ["source", "file"])
                XCTAssertEqual(rj, oj, "record differs from ElementTree in \(file): \(r.prefix(80))")
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, 2_000)
    }

    func testGzipInputYieldsExactlyWhatThePlainFileYields() throws {
        let shared = try TestEnv.requireShared()
        let gz = shared.appendingPathComponent("data/pubmed/samples/pm_pubmed22n1115_update_sample.xml.gz").path
        let dir = try TestEnv.tempDir()
        let plain = dir.appendingPathComponent("plain.xml").path
        let unz = try runProcess("/bin/sh", ["-c", "gzip -dc '\(gz)' > '\(plain)'"])
        XCTAssertEqual(unz.status, 0)
        func events(_ path: String) throws -> [String] {
            let r = try PubMedReader(path: path)
            var out: [String] = []
            while let e = try r.next() { out.append("\(e)") }
            return out
        }
        let a = try events(gz), b = try events(plain)
        XCTAssertEqual(a.count, b.count)
        XCTAssertEqual(a, b)
        XCTAssertTrue(a.contains { $0.hasPrefix("deletions") }, "the update sample has a DeleteCitation block")
    }

    func testStandardInputReadsPlainAndGzip() throws {
        let shared = try TestEnv.requireShared()
        let pgx = try TestEnv.binary().path
        for name in ["pm_pubmed24n1219_baseline_sample.xml.gz", "tr_29355075.xml"] {
            let path = shared.appendingPathComponent("data/pubmed/samples/\(name)").path
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let fromStdin = try runProcess(pgx, ["parse", "--format", "tsv", "-"], input: data)
            let fromFile = try runProcess(pgx, ["parse", "--format", "tsv", path])
            XCTAssertEqual(fromStdin.status, 0, fromStdin.stderr)
            XCTAssertFalse(fromFile.out.isEmpty)
            XCTAssertEqual(fromStdin.out, fromFile.out)
        }
    }

    func testStructuredFieldsOfKnownRecords() throws {
        let shared = try TestEnv.requireShared()
        // The 2016 MEDLINE file is a MedlineCitationSet: records at depth 1, MedlineDate years.
        let r = try PubMedReader(path: shared.appendingPathComponent("data/pubmed/samples/pp_medline16n0902_partial.xml.gz").path)
        var n = 0, withOther = 0, deletions = 0, withMesh = 0
        while let e = try r.next() {
            switch e {
            case .citation(let c):
                n += 1
                XCTAssertFalse(c.pmid.isEmpty)
                XCTAssertNotNil(c.year, "every citation has a year (PubDate/Year or MedlineDate): \(c.pmid)")
                if !c.otherAbstracts.isEmpty { withOther += 1; XCTAssertNotNil(c.otherAbstracts[0].type) }
                if !c.meshHeadings.isEmpty { withMesh += 1 }
            case .deletions(let d): deletions += d.count
            case .problem(let p): XCTFail("\(p)")
            }
        }
        XCTAssertEqual(n, 604)
        XCTAssertGreaterThan(withOther, 0)
        XCTAssertGreaterThan(withMesh, 50)
        XCTAssertGreaterThan(deletions, 0)
        XCTAssertEqual(RecordBuilder.yearOf(medlineDate: "2019 May - Jun"), 2019)
        XCTAssertEqual(RecordBuilder.yearOf(medlineDate: "Winter 1998-1999"), 1998)
        XCTAssertNil(RecordBuilder.yearOf(medlineDate: "Spring"))
    }
}
