import Foundation
@testable import PGxExtract
import PGxModel
import TestSupport
import XCTest

/// The real binary on real inputs: triples from the corpus, the offset contract, deterministic training.
final class ExtractionTests: XCTestCase {
    func json(_ data: Data) throws -> [[String: Any]] {
        try data.split(separator: 0x0A).map { try JSONSerialization.jsonObject(with: Data($0)) as! [String: Any] }
    }

    /// Every triple (confidence 0 and up) the binary finds in the bundled corpus's baseline file.
    func corpusTriples() throws -> [[String: Any]] {
        let file = TestEnv.root.appendingPathComponent("corpus/pgx-baseline.xml").path
        let r = try runProcess(try TestEnv.binary().path, ["extract", "--min-confidence", "0", file], cwd: TestEnv.root)
        XCTAssertEqual(r.status, 0, r.stderr)
        return try json(r.stdout)
    }

    /// Every triple (confidence 0 and up) the binary finds in one PharmGKB dev file ("pharmgkb-000.xml").
    func pharmgkbTriples(_ file: String) throws -> [[String: Any]] {
        let path = try TestEnv.requireShared().appendingPathComponent("data/pubmed/pharmgkb-dev/\(file)").path
        let r = try runProcess(try TestEnv.binary().path, ["extract", "--min-confidence", "0", path], cwd: TestEnv.root)
        XCTAssertEqual(r.status, 0, r.stderr)
        return try json(r.stdout)
    }

    /// One record of a PubMed file as the binary reads it (`pgx parse`), analyzed as `pgx extract` gives it to
    /// the extractor: its title, and its abstract's sections joined.
    func analyzedRecord(_ pmid: String, in path: String, _ x: TripleExtractor) throws -> AnalyzedDocument {
        let parsed = try runProcess(try TestEnv.binary().path, ["parse", "--format", "jsonl", path], cwd: TestEnv.root)
        let record = try XCTUnwrap(try json(parsed.stdout).first { "\($0["pmid"] ?? "")" == pmid }, "\(pmid) in \(path)")
        let abstract = try XCTUnwrap(record["abstract"] as? [[String: Any]]).compactMap { $0["text"] as? String }.joined(separator: " ")
        return x.analyzer.analyze(id: pmid, passages: [("title", record["title"] as! String), ("abstract", abstract)])
    }

    /// Every triple (confidence 0 and up) the binary finds in JSONL text items read from stdin.
    func textTriples(_ lines: [String]) throws -> [[String: Any]] {
        let r = try runProcess(try TestEnv.binary().path, ["extract", "--input-format", "text", "--min-confidence", "0", "-"],
                               input: Data((lines.joined(separator: "\n") + "\n").utf8), cwd: TestEnv.root)
        XCTAssertEqual(r.status, 0, r.stderr)
        return try json(r.stdout)
    }

    /// Every entity the binary finds in JSONL text items read from stdin.
    func textEntities(_ lines: [String]) throws -> [[String: Any]] {
        let r = try runProcess(try TestEnv.binary().path, ["extract", "--input-format", "text", "--format", "entities", "-"],
                               input: Data((lines.joined(separator: "\n") + "\n").utf8), cwd: TestEnv.root)
        XCTAssertEqual(r.status, 0, r.stderr)
        return try json(r.stdout)
    }

    func testTriplesFromTheCorpusCarryTheWrittenFindings() throws {
        let triples = try corpusTriples()
        func find(_ gene: String, _ drug: String, passage: String = "abstract") -> [String: Any]? {
            triples.first { (($0["gene"] as? [String: Any])?["symbol"] as? String) == gene
                && (($0["drug"] as? [String: Any])?["name"] as? String) == drug && ($0["passage"] as? String) == passage }
        }
        let hla = try XCTUnwrap(find("HLA-B", "allopurinol"))
        XCTAssertEqual((hla["effect"] as? [String: Any])?["category"] as? String, "toxicity")
        XCTAssertEqual((hla["variant"] as? [String: Any])?["name"] as? String, "HLA-B*58:01")
        XCTAssertNotNil(find("CYP2C19", "clopidogrel"))
        let slco = try XCTUnwrap(find("SLCO1B1", "atorvastatin"))
        XCTAssertEqual(slco["negated"] as? Bool, true, "'was not associated' negates the finding")
        XCTAssertEqual((slco["effect"] as? [String: Any])?["direction"] as? String, "none")
        let vk = try XCTUnwrap(find("VKORC1", "warfarin"))
        XCTAssertEqual((vk["effect"] as? [String: Any])?["category"] as? String, "dosage")
        XCTAssertEqual((vk["effect"] as? [String: Any])?["direction"] as? String, "decreased")
        // A gene known from its variant alone ("rs9923231" → VKORC1) carries its HGNC id as a written one
        // does: the id a rule table gives decision-support services.
        let fromVariant = try XCTUnwrap(triples.first { (($0["variant"] as? [String: Any])?["name"] as? String) == "rs9923231" })
        XCTAssertEqual((fromVariant["gene"] as? [String: Any])?["hgnc"] as? String, "HGNC:23663")
        var ids: [String: Set<String>] = [:]
        for t in triples {
            guard let g = t["gene"] as? [String: Any], let sym = g["symbol"] as? String else { continue }
            ids[sym, default: []].insert((g["hgnc"] as? String) ?? "none")
        }
        for (sym, s) in ids { XCTAssertEqual(s.count, 1, "\(sym) written or inferred has one HGNC id (or none) in every triple: \(s)") }

        // Offsets: every span is the passage text at those code points (passages from `pgx parse`).
        let file = TestEnv.root.appendingPathComponent("corpus/pgx-baseline.xml").path
        let parsed = try json(try runProcess(try TestEnv.binary().path, ["parse", file]).stdout)
        var passages: [String: [String: [Unicode.Scalar]]] = [:]
        for c in parsed {
            let sections = (c["abstract"] as? [[String: Any]]) ?? []
            var abs = ""
            for s in sections {
                if !abs.isEmpty { abs += " " }
                if let l = s["label"] as? String, !l.isEmpty { abs += l + ": " }
                abs += s["text"] as! String
            }
            passages[c["pmid"] as! String] = ["title": Array((c["title"] as! String).unicodeScalars), "abstract": Array(abs.unicodeScalars)]
        }
        for t in triples {
            let text = try XCTUnwrap(passages[t["doc"] as! String]?[t["passage"] as! String])
            for key in ["gene", "variant", "drug"] {
                guard let m = t[key] as? [String: Any], let s = m["start"] as? Int, let e = m["end"] as? Int else { continue }
                XCTAssertEqual(String(String.UnicodeScalarView(text[s..<e])), m["text"] as? String)
            }
            let c = t["confidence"] as! Double
            XCTAssertTrue(c >= 0 && c <= 1)
        }
    }

    /// The search for pairs stops after the first passes when `mayPair` says no gene or variant can come
    /// (most of PubMed); that is exact only if the full analysis then never has a pair partner. Checked
    /// on every record of the real PubMed samples (mostly not pharmacogenomics) and of a PharmGKB file.
    func testDocumentsThatCannotPairHaveNoPairPartnerInTheFullAnalysis() throws {
        let shared = try TestEnv.requireShared()
        let pgx = try TestEnv.binary().path
        let rules = try RulesLocator.find()
        let analyzer = DocumentAnalyzer(lexicon: try Lexicon(rules: rules))
        var skipped = 0, kept = 0
        for dir in ["data/pubmed/samples", "data/pubmed/pharmgkb-dev/pharmgkb-000.xml"] {
            let r = try runProcess(pgx, ["parse", "--format", "jsonl", shared.appendingPathComponent(dir).path])
            for c in try json(r.stdout) {
                var abstract = ""
                for s in (c["abstract"] as? [[String: Any]]) ?? [] {
                    if !abstract.isEmpty { abstract += " " }
                    if let label = s["label"] as? String, !label.isEmpty { abstract += label + ": " }
                    abstract += s["text"] as? String ?? ""
                }
                let passages = [("title", c["title"] as? String ?? ""), ("abstract", abstract)]
                let texts = passages.map { Array($0.1.unicodeScalars) }
                let full = analyzer.analyze(id: "d", passages: passages)
                let partners = full.passages.flatMap(\.mentions).filter { $0.kind == .variant || $0.kind == .gene && !$0.isFamily }
                if analyzer.recognizer.mayPair(texts, analyzer.recognizer.firstPass(texts)) {
                    kept += 1
                } else {
                    skipped += 1
                    XCTAssertEqual(partners.map(\.name), [], "PMID \(c["pmid"] ?? "?") was skipped but has pair partners")
                    XCTAssertNil(analyzer.analyzeForPairs(id: "d", passages: passages))
                }
            }
        }
        XCTAssertGreaterThan(skipped, 500, "most general PubMed records name no gene")
        XCTAssertGreaterThan(kept, 100, "the PharmGKB records are searched")
    }

    func testTextInputOffsetsAreCodePoints() throws {
        let t = try XCTUnwrap(try textTriples([#"{"id": "s1", "text": "😀 𝛼 CYP2D6 poor metabolizers had higher exposure to codeine."}"#]).first)
        let gene = try XCTUnwrap(t["gene"] as? [String: Any])
        XCTAssertEqual(gene["start"] as? Int, 4, "code points, as Python's str indexing counts them")
        XCTAssertEqual(gene["text"] as? String, "CYP2D6")
        XCTAssertEqual(t["phenotype"] as? String, "poor metabolizer")
        XCTAssertEqual((t["effect"] as? [String: Any])?["category"] as? String, "metabolism")
        XCTAssertEqual((t["effect"] as? [String: Any])?["direction"] as? String, "increased")
        for key in ["doc", "passage", "sentence", "gene", "variant", "drug", "phenotype", "effect", "negated", "speculative", "confidence", "rule"] {
            XCTAssertTrue(t.keys.contains(key), "triple lacks \(key)")
        }
    }


    /// In a PubMed document, a pair whose sentences name no effect takes the document's category. JSONL
    /// text items, a sentence or a passage of unknown kind, keep the sentence model's scores and categories.
    func testAPairWithoutAnEffectCueTakesTheDocumentsCategory() throws {
        let triples = try corpusTriples()
        func category(_ t: [String: Any]) -> String? { (t["effect"] as? [String: Any])?["category"] as? String }
        let fromDocument = triples.filter { ($0["rule"] as? String ?? "").hasSuffix("+category:document") }
        XCTAssertFalse(fromDocument.isEmpty, "the corpus has a pair named only without an effect cue")
        for t in fromDocument {
            XCTAssertNotEqual(category(t), "other")
            XCTAssertTrue((t["rule"] as? String ?? "").contains("+document"), "only in the document stage")
        }
        XCTAssertTrue(triples.allSatisfy { ($0["rule"] as? String ?? "").contains("+document") },
                      "every triple of the corpus's records (a title and an abstract) is judged in its document")

        let text = try textTriples([#"{"id": "d1", "text": "CYP2C19 poor metabolizers had a reduced response to clopidogrel. We also genotyped ABCB1 C3435T in the patients receiving clopidogrel."}"#])
        XCTAssertFalse(text.isEmpty)
        XCTAssertTrue(text.allSatisfy { !($0["rule"] as? String ?? "").contains("+document") }, "no document stage for text items")
        let abcb1 = try XCTUnwrap(text.first { (($0["gene"] as? [String: Any])?["symbol"] as? String) == "ABCB1" })
        XCTAssertEqual(category(abcb1), "other")
    }

    /// In an abstract, a pair's triple without an effect cue takes the category most of that pair's other
    /// triples name (`+category:pair`): its methods or conclusions sentence and its result make one finding.
    /// Over the PharmGKB abstracts of pharmgkb-000.xml: no pair that names an effect anywhere keeps a triple
    /// of category `other`, each borrowed category is its pair's most named one, and its direction is
    /// unspecified (a direction word of a sentence that names no effect is not that effect's).
    func testAPairsTriplesWithoutAnEffectCueTakeThePairsCategory() throws {
        func rule(_ t: [String: Any]) -> String { t["rule"] as? String ?? "" }
        func category(_ t: [String: Any]) -> String { (t["effect"] as? [String: Any])?["category"] as? String ?? "-" }
        var byPair: [String: [[String: Any]]] = [:]
        for t in try pharmgkbTriples("pharmgkb-000.xml") {
            guard let g = (t["gene"] as? [String: Any])?["symbol"] as? String else { continue }
            byPair["\(t["doc"]!)|\(g)|\((t["drug"] as! [String: Any])["name"]!)", default: []].append(t)
        }
        var borrowed = 0
        for (key, ts) in byPair {
            let own = ts.filter { !rule($0).contains("+category:") && category($0) != "other" }
            guard !own.isEmpty else { continue }
            XCTAssertFalse(ts.contains { category($0) == "other" }, key)
            let counts = Dictionary(own.map { (category($0), 1) }, uniquingKeysWith: +)
            for t in ts where rule(t).hasSuffix("+category:pair") {
                borrowed += 1
                XCTAssertEqual(counts[category(t)], counts.values.max(), "\(key): \(counts)")
                let direction = (t["effect"] as? [String: Any])?["direction"] as? String
                XCTAssertEqual(direction, t["negated"] as? Bool == true ? "none" : "unspecified", "a borrowed effect has no direction of its own")
            }
        }
        XCTAssertGreaterThan(borrowed, 50)
    }

    /// Negation reaches the pairs of its own clause, however far, and not across "but"; "but not X"
    /// negates X alone; a gene denied a role is negated.
    func testNegationStaysInItsClause() throws {
        let lines = [
            #"{"id": "n1", "text": "There were no significant differences in the dose-adjusted trough concentrations and the area under the curve of tacrolimus between CYP2C19 genotype groups, but the clearance of tacrolimus was lower in CYP3A5*3/*3 carriers."}"#,
            #"{"id": "n2", "text": "The MTHFR 1298A>C variant, but not 677C>T, was associated with methotrexate toxicity."}"#,
            #"{"id": "n3", "text": "CYP3A5 genotype is not an important determinant of the disposition of lansoprazole."}"#,
            #"{"id": "n4", "text": "Absence of an effect of CYP2D6 genotype on tamoxifen efficacy."}"#,
            // PharmGKB dev abstracts: denials without "was"/"were"
            try TestEnv.pubmedSentence("pubmed/pharmgkb-dev/pharmgkb-004.xml", pmid: "21566507", containing: "is not related to"),
            try TestEnv.pubmedSentence("pubmed/pharmgkb-dev/pharmgkb-004.xml", pmid: "21437990", containing: "may not be associated"),
            try TestEnv.pubmedSentence("pubmed/pharmgkb-dev/pharmgkb-000.xml", pmid: "16249748", containing: "seem not affected by"),
            // a finding a study does not confirm or replicate (as PharmGKB 26829596 and 24724887 write)
            #"{"id": "n8", "text": "Our cohort does not confirm that POR*28 carriers need more tacrolimus."}"#,
            #"{"id": "n9", "text": "We did not replicate the association of CYP2C19*2 with clopidogrel response."}"#,
            // "unrelated" denies a link only as "unrelated to" or after "was"/"were"; "217 unrelated patients"
            // (as eleven of twelve PharmGKB dev abstracts write it) and "structurally unrelated" inhibitors deny nothing
            #"{"id": "n10", "text": "In 217 unrelated patients with diabetes, SLCO1B1 rs4149056 carriers had a smaller LDL response to atorvastatin."}"#,
            #"{"id": "n11", "text": "The response to lansoprazole was unrelated to CYP2C19 genotype."}"#,
        ] + (try TestEnv.goldLines("pgxmine-dev", ids: ["pgxmine-variant_star_rs-051", "pgxmine-variant_star_rs-178", "pgxmine-variant_other-003"]))
        let triples = try textTriples(lines)
        func negated(_ doc: String, _ genetic: String, drug: String? = nil) throws -> Bool {
            // the pair the model believes most (a drug named twice makes two pairs)
            let t = try XCTUnwrap(triples.filter { t in
                t["doc"] as? String == doc && ["gene", "variant"].contains { ((t[$0] as? [String: Any])?["text"] as? String) == genetic }
                    && (drug == nil || (t["drug"] as? [String: Any])?["name"] as? String == drug)
            }.max { ($0["confidence"] as! Double) < ($1["confidence"] as! Double) }, "\(doc): no triple for \(genetic)")
            return try XCTUnwrap(t["negated"] as? Bool)
        }
        XCTAssertTrue(try negated("n1", "CYP2C19"), "'no significant differences' governs its clause")
        XCTAssertFalse(try negated("n1", "*3/*3"), "not across 'but'")
        XCTAssertTrue(try negated("n2", "677C>T"))
        XCTAssertFalse(try negated("n2", "1298A>C"))
        XCTAssertTrue(try negated("n3", "CYP3A5"))
        XCTAssertTrue(try negated("n4", "CYP2D6"), "a heading that states an absence")
        XCTAssertTrue(try negated("21566507", "CYP3A5"), "'is not related'")
        XCTAssertTrue(try negated("21437990", "MMP-9"), "'may not be associated'")
        XCTAssertTrue(try negated("16249748", "CYP3A5", drug: "sirolimus"), "'seem not affected by'")
        XCTAssertTrue(try negated("n8", "*28"), "'does not confirm'")
        XCTAssertTrue(try negated("n9", "*2"), "'did not replicate'")
        XCTAssertFalse(try negated("n10", "rs4149056"), "'unrelated patients' are a study's subjects")
        XCTAssertTrue(try negated("n11", "CYP2C19"), "'was unrelated to'")
        // "Several structurally unrelated small molecule ALK inhibitors ... such as alectinib ... activity against ALK F1174L"
        XCTAssertFalse(try negated("pgxmine-variant_other-003", "F1174L", drug: "alectinib"), "'structurally unrelated'")
        // real PGxMine dev sentences: "FEV1 was significantly improved after salbutamol administration regardless of
        // genotypic variation at the ADRB2 (rs1042713 ...)", "... irrespective of the rs3219175 genotype"
        XCTAssertTrue(try negated("pgxmine-variant_star_rs-051", "rs1042713"), "'regardless of'")
        XCTAssertTrue(try negated("pgxmine-variant_star_rs-178", "rs3219175"), "'irrespective of'")
    }

    /// An abstract that says nothing of genetic variation states no pharmacogenomic finding: a MEDLINE record
    /// on carbon monoxide and connexin hemichannels (25384983) wrote GJA3–carbon monoxide triples at 0.84.
    /// Its pairs stay below the default cut: however sure a document model is of them (here one that
    /// believes every pair), they are lowered to `TripleExtractor.noVariationCap`, with "+no-variation" in
    /// their rule, and `pgx train` keeps the document stage's cut above the cap. No PharmGKB dev abstract,
    /// each of which names a variant, a phenotype or a genotype word, is touched.
    func testAbstractsWithoutGeneticVariationStateNoFinding() throws {
        let shared = try TestEnv.requireShared()
        let medline = shared.appendingPathComponent("data/pubmed/samples/pp_medline16n0902_partial.xml.gz").path
        func triples(_ file: String, _ extra: [String]) throws -> [[String: Any]] {
            let r = try runProcess(try TestEnv.binary().path, ["extract"] + extra + [file], cwd: TestEnv.root)
            XCTAssertEqual(r.status, 0, r.stderr)
            return try json(r.stdout)
        }
        let all = try triples(medline, ["--min-confidence", "0"]).filter { $0["doc"] as? String == "25384983" }
        XCTAssertFalse(all.isEmpty)
        XCTAssertTrue(all.allSatisfy { ($0["confidence"] as! Double) <= TripleExtractor.noVariationCap }, "\(all)")
        XCTAssertTrue(try triples(medline, []).allSatisfy { $0["doc"] as? String != "25384983" })
        // the record's text, judged by a document model that believes every pair (probability 0.98)
        let rules = try ExtractorRules(url: try RulesLocator.find())
        let x = TripleExtractor(rules: rules)
        let doc = try analyzedRecord("25384983", in: medline, x)
        XCTAssertFalse(DocumentPairs.speaksOfVariation(doc))
        let believing = BoostedTrees(trees: [[BoostedTrees.Node(feature: -1, yes: 0, no: 0, value: 4)]], base: 0)
        let judged = x.judgeInDocument(x.scorePairs(doc, minConfidence: 0, model: rules.model, cooccurrence: rules.cooccurrence,
                                                    curation: rules.curation, forDocumentStage: true),
                                       doc: doc, model: believing, priors: rules.documentPriors)
        XCTAssertTrue(judged.contains { $0.drug.name == "carbon monoxide" && $0.gene?.name == "GJA3" }, "\(judged.map { ($0.gene?.name, $0.drug.name) })")
        XCTAssertTrue(judged.allSatisfy { $0.confidence == TripleExtractor.noVariationCap && $0.rule.contains("+no-variation") }, "\(judged.map(\.rule))")
        let documentCut = try XCTUnwrap(rules.document?.threshold)
        XCTAssertGreaterThan(documentCut, TripleExtractor.noVariationCap)
        let curated = try pharmgkbTriples("pharmgkb-000.xml")
        XCTAssertFalse(curated.isEmpty)
        XCTAssertFalse(curated.contains { ($0["rule"] as! String).contains("no-variation") })
    }

    /// `pgx extract` writes an abstract's triples at the document stage's cut (`rules/model/document.json`,
    /// chosen on out-of-fold F2: a curation batch should miss few curated pairs) and a one-sentence text's
    /// at the sentence model's: its confidences are the probability that curators list the pair, the
    /// sentence model's that the sentence states the finding. `--min-confidence` sets one cut for both.
    func testEachTextIsWrittenAtTheCutOfTheModelThatScoresIt() throws {
        let shared = try TestEnv.requireShared()
        let rules = try ExtractorRules(url: try RulesLocator.find())
        let documentCut = try XCTUnwrap(rules.document?.threshold), sentenceCut = try XCTUnwrap(rules.model?.threshold)
        XCTAssertLessThan(documentCut, sentenceCut)
        func triples(_ args: [String]) throws -> [[String: Any]] {
            let r = try runProcess(try TestEnv.binary().path, ["extract"] + args, cwd: TestEnv.root)
            XCTAssertEqual(r.status, 0, r.stderr)
            return try json(r.stdout)
        }
        func span(_ m: Any?) -> String { (m as? [String: Any]).map { "\($0["start"]!)-\($0["end"]!)" } ?? "-" }
        func key(_ t: [String: Any]) -> String {
            "\(t["doc"]!)|\(t["passage"]!)|\(span(t["sentence"]))|\(span(t["gene"]))|\(span(t["variant"]))|\(span(t["drug"]))|\((t["drug"] as! [String: Any])["name"]!)"
        }
        func judged(_ t: [String: Any]) -> Bool { (t["rule"] as! String).split(separator: "+").contains("document") }
        let pgkb = shared.appendingPathComponent("data/pubmed/pharmgkb-dev/pharmgkb-000.xml").path
        let all = try triples(["--min-confidence", "0", pgkb])
        let byDefault = try triples([pgkb])
        let expected = all.filter { ($0["confidence"] as! Double) >= (judged($0) ? documentCut : sentenceCut) }
        XCTAssertEqual(byDefault.map(key), expected.map(key))
        XCTAssertTrue(byDefault.contains { judged($0) && ($0["confidence"] as! Double) < sentenceCut },
                      "an abstract's pairs between the two cuts are written")
        XCTAssertEqual(try triples(["--min-confidence", "\(sentenceCut)", pgkb]).map(key),
                       all.filter { ($0["confidence"] as! Double) >= sentenceCut }.map(key))
        // sentences given as text keep the sentence model's scores and its cut
        let gold = shared.appendingPathComponent("data/gold/pgxcorpus-dev.jsonl").path
        let sentences = try triples(["--input-format", "text", gold])
        XCTAssertFalse(sentences.isEmpty)
        XCTAssertTrue(sentences.allSatisfy { !judged($0) && ($0["confidence"] as! Double) >= sentenceCut })
        XCTAssertEqual(sentences.count, try triples(["--input-format", "text", "--min-confidence", "0", gold])
                        .filter { ($0["confidence"] as! Double) >= sentenceCut }.count)
    }

    /// A gene named inside a drug's name states the drug's target, no finding: a PGxCorpus sentence pairs
    /// dabrafenib with "BRAF V600E and V600K mutations", not with the BRAF of "BRAF inhibitors such as
    /// dabrafenib"; "inhibitors of CYP3A4" relate no CYP3A4 finding to midazolam. The variants keep their pairs.
    func testAGeneInsideADrugsNameIsNoPartner() throws {
        let triples = try textTriples(TestEnv.goldLines("pgxcorpus-dev", ids: ["27027150_2"]) + [
            #"{"id": "i", "text": "Itraconazole and other potent inhibitors of CYP3A4 could drastically increase exposure to midazolam in CYP3A5 nonexpressers."}"#])
        func pairs(_ doc: String) -> [String] {
            triples.filter { $0["doc"] as? String == doc }.map { t in
                let g = t["gene"] as? [String: Any], v = t["variant"] as? [String: Any]
                return "\(g?["symbol"] as? String ?? "-")@\(g?["start"] as? Int ?? -1)/\(v?["name"] as? String ?? "-")|\((t["drug"] as! [String: Any])["text"] as! String)"
            }
        }
        XCTAssertFalse(pairs("27027150_2").contains("BRAF@115/-|dabrafenib"), "\(pairs("27027150_2"))")
        XCTAssertTrue(pairs("27027150_2").contains("BRAF@82/V600E|dabrafenib"), "\(pairs("27027150_2"))")
        XCTAssertFalse(pairs("i").contains { $0.hasPrefix("CYP3A4") }, "\(pairs("i"))")
        XCTAssertTrue(pairs("i").contains { $0.hasPrefix("CYP3A5") && $0.hasSuffix("|midazolam") }, "\(pairs("i"))")
    }

    /// A gene named with its carriers' metabolizer, acetylator or expresser status ("CYP2D6 poor
    /// metabolizers") is a genotype group: its pair takes the sentence model's weights for variants, as
    /// "CYP2D6*4 carriers" would. The same gene named alone, and a gene's "deficiency" (as often a knockout
    /// or a disease), keep the weights for genes. Real PharmGKB abstracts: 20643254 (carvedilol; "CYP2D6
    /// poor metabolizers achieved a significantly higher dose"), 17064846 (DPD deficiency, fluorouracil).
    func testAGeneWithItsCarriersMetabolizerStatusIsAGenotypeGroup() throws {
        let shared = try TestEnv.requireShared()
        let rules = try ExtractorRules(url: try RulesLocator.find())
        let x = TripleExtractor(rules: rules)
        func candidates(_ pmid: String, _ file: String) throws -> [Candidate] {
            let doc = try analyzedRecord(pmid, in: shared.appendingPathComponent("data/pubmed/pharmgkb-dev/\(file)").path, x)
            return x.builder.candidates(doc, crossSentence: false)
        }
        let kindGene = CandidateBuilder.hash("kind:gene"), kindVariant = CandidateBuilder.hash("kind:variant")
        let carvedilol = try candidates("20643254", "pharmgkb-003.xml").filter { $0.gene?.name == "CYP2D6" && $0.drug.name == "carvedilol" }
        let poor = carvedilol.filter { $0.phenotype?.name == "poor metabolizer" }
        XCTAssertEqual(poor.count, 1, "\(carvedilol.map { $0.phenotype?.name ?? "-" })")
        XCTAssertTrue(poor.allSatisfy { $0.features.contains(kindVariant) && !$0.features.contains(kindGene) })
        let alone = carvedilol.filter { $0.phenotype == nil && $0.variant == nil }
        XCTAssertGreaterThan(alone.count, 1)
        XCTAssertTrue(alone.allSatisfy { $0.features.contains(kindGene) && !$0.features.contains(kindVariant) })
        let dpd = try candidates("17064846", "pharmgkb-001.xml").filter { $0.gene?.name == "DPYD" && $0.phenotype?.name == "deficient" }
        XCTAssertFalse(dpd.isEmpty)
        XCTAssertTrue(dpd.allSatisfy { $0.features.contains(kindGene) })
    }

    /// An HLA allele's carriers, as written in real PGxMine dev sentences, give that allele's triples CPIC's
    /// high-risk genotype status as their phenotype qualifier: "exclusion of HLA-B*57:01 carriers from
    /// abacavir" (rs-295), "26% in carriers of HLA-A*31:01" (rs-474), "HLA-B*15:02 positive cases"
    /// (rs-398) are `positive`; "screened negative for HLA-B*58:01" (rs-044) `negative`. One sentence that
    /// names an allele's carriers and non-carriers gives each mention its own; another allele of the gene,
    /// "+" joining alleles and a CYP allele's carriers (no CPIC term) get none.
    func testHLAAllelesCarriersGiveTheirTriplesTheirStatus() throws {
        let triples = try textTriples(TestEnv.goldLines("pgxmine-dev", ids: ["pgxmine-variant_star_rs-295", "pgxmine-variant_star_rs-474",
                                                                             "pgxmine-variant_star_rs-398", "pgxmine-variant_star_rs-044"]) + [
            #"{"id": "both", "text": "HLA-B*5801-negative patients tolerated allopurinol, while HLA-B*5801-positive patients and HLA-B*15:02 patients developed SJS."}"#,
            #"{"id": "joined", "text": "HLA-C*02:02 + *04:01 were associated with response to interferon alfa."}"#,
            #"{"id": "cyp", "text": "CYP2C19*2 carriers treated with clopidogrel had more stent thrombosis."}"#,
            #"{"id": "ppv", "text": "The HLA-B*57:01 negative predictive value for abacavir hypersensitivity was 100%."}"#,
        ])
        func statuses(_ doc: String, _ allele: String) -> [String] {
            triples.filter { $0["doc"] as? String == doc && ($0["variant"] as? [String: Any])?["name"] as? String == allele }
                .sorted { (($0["variant"] as! [String: Any])["start"] as! Int) < (($1["variant"] as! [String: Any])["start"] as! Int) }
                .map { $0["phenotype"] as? String ?? "-" }
        }
        for (doc, allele, status) in [("pgxmine-variant_star_rs-295", "HLA-B*57:01", "positive"), ("pgxmine-variant_star_rs-474", "HLA-A*31:01", "positive"),
                                      ("pgxmine-variant_star_rs-398", "HLA-B*15:02", "positive"), ("pgxmine-variant_star_rs-044", "HLA-B*58:01", "negative")] {
            let found = statuses(doc, allele)
            XCTAssertFalse(found.isEmpty, "\(doc): \(allele)")
            XCTAssertEqual(Set(found), [status], "\(doc): \(allele)")
        }
        XCTAssertEqual(statuses("both", "HLA-B*58:01"), ["negative", "positive"])
        XCTAssertEqual(statuses("both", "HLA-B*15:02"), ["-"])
        XCTAssertEqual(Set(statuses("joined", "HLA-C*02:02") + statuses("joined", "HLA-C*04:01")), ["-"])
        XCTAssertEqual(statuses("cyp", "CYP2C19*2"), ["-"])
        XCTAssertEqual(statuses("ppv", "HLA-B*57:01"), ["-"], "a predictive value's sign is no carrier status")
        // the entity output names the allele a status qualifies
        let status = try textEntities(try TestEnv.goldLines("pgxmine-dev", ids: ["pgxmine-variant_star_rs-474"])).filter { $0["type"] as? String == "phenotype" }
        XCTAssertEqual(status.map { "\($0["text"] ?? "")|\($0["name"] ?? "")|\($0["gene"] ?? "")|\($0["allele"] ?? "")" }, ["carriers|positive|HLA-A|HLA-A*31:01"])
    }

    /// A study's aim is not its finding: a pair the sentence sets out to test, or states with a hedge,
    /// is speculative; a reported result is not.
    func testAimsAndHedgesAreSpeculativeAndResultsAreNot() throws {
        let lines = [
            #"{"id": "s1", "text": "OBJECTIVE: To determine the effects of ADRB2 polymorphisms on the response to salbutamol in asthma."}"#,
            #"{"id": "s2", "text": "We investigated the association between SLCO1B1 polymorphisms and the pharmacokinetics of nateglinide."}"#,
            #"{"id": "s3", "text": "CYP2D6 genotype may affect tamoxifen efficacy."}"#,
            #"{"id": "s4", "text": "CYP2C19 poor metabolizers had a reduced response to clopidogrel."}"#,
            #"{"id": "s5", "text": "Is there a role for MDR1 gene variants in the modulation of warfarin dosage?"}"#,
            #"{"id": "s6", "text": "Association between ABCB1 polymorphism and response to valproate in epilepsy patients."}"#,
            #"{"id": "s7", "text": "Effect of the CYP2C19*2 allele on clopidogrel response was modest."}"#,
        ]
        let triples = try textTriples(lines)
        func speculative(_ doc: String) throws -> Bool {
            let t = try XCTUnwrap(triples.first { $0["doc"] as? String == doc }, "\(doc): no triple")
            return try XCTUnwrap(t["speculative"] as? Bool)
        }
        XCTAssertTrue(try speculative("s1"), "an objective")
        XCTAssertTrue(try speculative("s2"), "what was investigated")
        XCTAssertTrue(try speculative("s3"), "a hedge")
        XCTAssertFalse(try speculative("s4"), "a result")
        XCTAssertTrue(try speculative("s5"), "a question")
        XCTAssertTrue(try speculative("s6"), "a heading that names a topic")
        XCTAssertFalse(try speculative("s7"), "the same opening with a finite verb states a result")
    }
    /// Pharmacokinetics named by its processes and parameters is the metabolism category.
    func testPharmacokineticProcessesAreMetabolism() throws {
        let lines = [
            #"{"id": "k1", "text": "No significant differences of sirolimus C0/D ratios were observed among ABCB1 3435C>T genotype groups."}"#,
            #"{"id": "k2", "text": "The SLCO1B1 521T>C variant reduced the hepatic uptake of rosuvastatin."}"#,
            #"{"id": "k3", "text": "The CES1 G143E variant abolished the hydrolytic activity toward methylphenidate."}"#,
        ]
        let triples = try textTriples(lines)
        for doc in ["k1", "k2", "k3"] {
            let t = try XCTUnwrap(triples.first { $0["doc"] as? String == doc }, "\(doc): no triple")
            XCTAssertEqual((t["effect"] as? [String: Any])?["category"] as? String, "metabolism", doc)
        }
    }

    /// A therapy's clinical end point named as such is the efficacy category: in a real PharmGKB abstract on
    /// smoking cessation (25774163), the nicotinic receptor genes' varenicline pairs, which curators list as
    /// efficacy, are efficacy by "abstinence" (they were "other": no cue word of the first rules).
    /// How much of a drug a patient needs, said without "dose" ("acenocoumarol requirement", "morphine
    /// requirements"), is dosage; a drug not tolerated and adverse reactions read in the laboratory
    /// ("intolerance", "hyperbilirubinemia") are toxicity. Real PharmGKB abstracts 16611310 (VKORC1 and
    /// acenocoumarol) and 23148286 (UGT1A1*28 and atazanavir), whose curators file those pairs so.
    func testDrugRequirementsAreDosageAndIntoleranceIsToxicity() throws {
        func triples(_ file: String, _ pmid: String) throws -> [[String: Any]] {
            try pharmgkbTriples(file).filter { $0["doc"] as? String == pmid }
        }
        func pair(_ t: [String: Any]) -> String {
            "\((t["gene"] as? [String: Any])?["symbol"] as? String ?? "-")|\((t["drug"] as? [String: Any])?["name"] as? String ?? "-")"
        }
        func category(_ t: [String: Any]) -> String { (t["effect"] as? [String: Any])?["category"] as? String ?? "-" }
        let vkorc1 = try triples("pharmgkb-000.xml", "16611310").filter { pair($0) == "VKORC1|acenocoumarol" }
        XCTAssertTrue(vkorc1.contains { ($0["rule"] as? String ?? "").contains("pattern:dosage:requirement") && category($0) == "dosage" },
                      "\(vkorc1.map { $0["rule"] ?? "" })")
        let ugt = try triples("pharmgkb-006.xml", "23148286").filter { pair($0) == "UGT1A1|atazanavir" }
        XCTAssertTrue(ugt.contains { ($0["rule"] as? String ?? "").contains("pattern:toxicity:intolerance") && category($0) == "toxicity" },
                      "\(ugt.map { $0["rule"] ?? "" })")
        let lines = [
            #"{"id": "r1", "text": "Carriers of the OPRM1 118G allele had higher morphine requirements after knee arthroplasty."}"#,
            #"{"id": "r2", "text": "NUDT15 R139C carriers showed thiopurine intolerance at standard starting doses."}"#,
        ]
        let text = try textTriples(lines)
        XCTAssertEqual(text.first { $0["doc"] as? String == "r1" }.map(category), "dosage")
        XCTAssertEqual(text.first { $0["doc"] as? String == "r2" }.map(category), "toxicity")
    }

    /// "Levels" and "concentrations" are pharmacokinetics where they are a drug's: right after the drug
    /// (through "plasma", "trough" and the like) or before "of" and the drug. A biomarker's or a gene's levels
    /// ("LDL-C levels", "mRNA levels") set no category; the sentence's other cue does.
    func testLevelsAreMetabolismOnlyWhenTheyAreTheDrugs() throws {
        let lines = [
            #"{"id": "l1", "text": "APOE E2 carriers treated with atorvastatin had larger reductions in LDL-C levels."}"#,
            #"{"id": "l5", "text": "ABCB1 mRNA levels were modulated by atorvastatin and the ABCB1 G2677T/A polymorphism."}"#,
            #"{"id": "l2", "text": "CYP2B6 516TT carriers had higher efavirenz plasma concentrations."}"#,
            #"{"id": "l3", "text": "CYP3A5*3/*3 carriers had higher trough levels of tacrolimus."}"#,
            #"{"id": "l4", "text": "CYP2D6 poor metabolizers had higher plasma concentrations during metoprolol treatment."}"#,
        ]
        let triples = try textTriples(lines)
        func category(_ doc: String) -> String? {
            (triples.first { $0["doc"] as? String == doc }?["effect"] as? [String: Any])?["category"] as? String
        }
        XCTAssertEqual(category("l1"), "other", "LDL-C levels are no atorvastatin pharmacokinetics")
        XCTAssertEqual(category("l5"), "other", "mRNA levels are no atorvastatin pharmacokinetics")
        XCTAssertEqual(category("l2"), "metabolism")
        XCTAssertEqual(category("l3"), "metabolism")
        XCTAssertEqual(category("l4"), "metabolism")
    }

    func testClinicalEndPointsAreEfficacy() throws {
        let pairs = try pharmgkbTriples("pharmgkb-008.xml").filter {
            $0["doc"] as? String == "25774163" && ($0["drug"] as? [String: Any])?["name"] as? String == "varenicline"
                && ["CHRNA4", "CHRNB2"].contains(($0["gene"] as? [String: Any])?["symbol"] as? String ?? "")
        }
        XCTAssertFalse(pairs.isEmpty, "25774163 pairs the nicotinic receptor genes with varenicline")
        XCTAssertTrue(pairs.contains { ($0["rule"] as? String ?? "").contains("efficacy:outcome") }, "\(pairs.map { $0["rule"] ?? "" })")
        XCTAssertTrue(pairs.contains { ($0["effect"] as? [String: Any])?["category"] as? String == "efficacy" })
    }

    /// A triple's category is its drug's effect, read in real PharmGKB abstracts:
    /// - of two category cues inside the pair, the one nearer the drug ("Tumour necrosis factor (TNF)alpha
    ///   -308 G/G promoter polymorphism and TNFalpha levels correlate with a better response to adalimumab",
    ///   17343250: efficacy, it was metabolism by "levels");
    /// - "responsiveness" and a "-lowering effect" are efficacy ("poor clopidogrel responsiveness", 26362473;
    ///   "thrombin-lowering effects of simvastatin", 19027114), where "formation" had made it metabolism;
    /// - "PK" is pharmacokinetics ("affect the PK of labetalol", 23090703);
    /// - "risk of" yields to the cue after it ("CYP2C19*2 and *3 alleles independently increased the risk of
    ///   clopidogrel resistance", 25329996: efficacy, decreased; it was toxicity).
    /// Curators list all five pairs under these categories.
    func testTheCategoryIsTheDrugsEffect() throws {
        let shared = try TestEnv.requireShared()
        let cases: [(file: String, pmid: String, gene: String, variant: String?, drug: String, category: String, rule: String)] = [
            ("pharmgkb-001.xml", "17343250", "TNF", nil, "adalimumab", "efficacy", "efficacy:response"),
            ("pharmgkb-009.xml", "26362473", "ABCB1", nil, "clopidogrel", "efficacy", "efficacy:outcome"),
            ("pharmgkb-002.xml", "19027114", "F3", nil, "simvastatin", "efficacy", "efficacy:outcome"),
            ("pharmgkb-006.xml", "23090703", "UGT2B7", nil, "labetalol", "metabolism", "metabolism:disposition"),
            ("pharmgkb-008.xml", "25329996", "CYP2C19", "CYP2C19*2", "clopidogrel", "efficacy", "efficacy:failure"),
        ]
        var outputs: [String: [[String: Any]]] = [:]
        for c in cases {
            if outputs[c.file] == nil {
                let r = try runProcess(try TestEnv.binary().path, ["extract", "--min-confidence", "0", "--quiet",
                                       shared.appendingPathComponent("data/pubmed/pharmgkb-dev/\(c.file)").path], cwd: TestEnv.root)
                XCTAssertEqual(r.status, 0, r.stderr)
                outputs[c.file] = try r.stdout.split(separator: 0x0A).map { try JSONSerialization.jsonObject(with: Data($0)) as! [String: Any] }
            }
            let pair = outputs[c.file]!.filter {
                $0["doc"] as? String == c.pmid && ($0["drug"] as? [String: Any])?["name"] as? String == c.drug
                    && ($0["gene"] as? [String: Any])?["symbol"] as? String == c.gene
                    && (c.variant == nil || ($0["variant"] as? [String: Any])?["name"] as? String == c.variant)
            }
            // the first sentence that names the pair: the title, or the abstract's first such sentence
            let first = pair.first { $0["passage"] as? String == "title" } ?? pair.first
            XCTAssertNotNil(first, "\(c.pmid) pairs \(c.gene) with \(c.drug)")
            XCTAssertEqual((first?["effect"] as? [String: Any])?["category"] as? String, c.category, "\(c.pmid): \(first?["rule"] ?? "")")
            XCTAssertTrue((first?["rule"] as? String ?? "").contains(c.rule), "\(c.pmid): \(first?["rule"] ?? "")")
        }
    }

    /// A triple names a change by its rsID, however the abstract writes it, and keeps the text as written: in
    /// real PharmGKB abstracts ABCB1's "C3435T" and the genotypes "3435CC" and "3435TT" (25536375) are
    /// rs1045642, and "VKORC1-1639G>A" (19582440), whose hyphen is the change's minus sign too, is
    /// rs9923231. A rule is keyed by the triple's variant name, so one change written three ways is one rule.
    func testAChangeIsNamedByItsRsIDHoweverTheAbstractWritesIt() throws {
        var written: [String: Set<String>] = [:]   // doc|gene|variant name → the texts it was written as
        for file in ["pharmgkb-008.xml", "pharmgkb-002.xml"] {
            for t in try pharmgkbTriples(file) {
                guard let v = t["variant"] as? [String: Any], let g = (t["gene"] as? [String: Any])?["symbol"] as? String else { continue }
                written["\(t["doc"]!)|\(g)|\(v["name"]!)", default: []].insert(v["text"] as! String)
            }
        }
        XCTAssertEqual(written["25536375|ABCB1|rs1045642"], ["C3435T", "3435CC", "3435TT"], "\(written.filter { $0.key.hasPrefix("25536375") })")
        XCTAssertTrue(written["19582440|VKORC1|rs9923231"]?.contains("1639G>A") == true, "\(written.filter { $0.key.hasPrefix("19582440") })")
        XCTAssertFalse(written.keys.contains { $0.hasPrefix("25536375|") && $0.contains("3435") || $0.hasPrefix("19582440|") && $0.contains("1639") },
                       "no triple keeps a written name the lexicon gives an rsID")
    }

    /// A change in a sentence that names no gene takes the gene of an abstract that names only one: in
    /// real PharmGKB abstracts, "the nonsynonymous SNPs 79A>C (Lys27Gln) and 208G>A (Ala70Thr)" are CDA's
    /// (17194903, on gemcitabine), "A polymorphism (C825T) exists" is GNB3's (25306451), and with it the
    /// genotypes written alone after it ("the T allele"). An abstract that names two genes leaves such a
    /// change without one, and an rsID keeps the lexicon's gene or none.
    func testAChangeWithoutAGeneTakesTheAbstractsOneGene() throws {
        let shared = try TestEnv.requireShared()
        let pgx = try TestEnv.binary().path
        let files = ["pharmgkb-001.xml", "pharmgkb-008.xml"].map { shared.appendingPathComponent("data/pubmed/pharmgkb-dev/" + $0).path }
        let e = try runProcess(pgx, ["extract", "--format", "entities", "--quiet"] + files, cwd: TestEnv.root)
        XCTAssertEqual(e.status, 0, e.stderr)
        let variants = try json(e.stdout).filter { $0["type"] as? String == "variant" }
        let genes = Set(variants.map { "\($0["doc"]!)|\($0["text"]!)|\($0["gene"] ?? "-")" })
        for expected in ["17194903|208G>A|CDA", "17194903|Ala70Thr|CDA", "17194903|79A>C|CDA", "25306451|C825T|GNB3", "25306451|T|GNB3"] {
            XCTAssertTrue(genes.contains(expected), "\(expected) in \(genes.filter { $0.hasPrefix(expected.prefix(8)) }.sorted())")
        }
        let lines = #"{"id": "one", "text": "ABCB1 was genotyped in 200 patients. The 1234C>T change was associated with imatinib response."}"# + "\n"
            + #"{"id": "two", "text": "CYP2C9 and VKORC1 were genotyped in 200 patients. The 1234C>T change was associated with warfarin dose."}"# + "\n"
            + #"{"id": "rs", "text": "ABCB1 was genotyped in 200 patients. The rs99999999 variant was associated with imatinib response."}"# + "\n"
        let written = try runProcess(pgx, ["extract", "--format", "entities", "--input-format", "text", "-"], input: Data(lines.utf8),
                                     cwd: TestEnv.root)
        XCTAssertEqual(written.status, 0, written.stderr)
        let lone = try json(written.stdout).filter { $0["type"] as? String == "variant" }
        XCTAssertEqual(lone.map { "\($0["doc"]!)|\($0["text"]!)|\(($0["gene"] as? String) ?? "-")" }, ["one|1234C>T|ABCB1", "two|1234C>T|-", "rs|rs99999999|-"])
    }

    /// Genotypes of an insertion/deletion polymorphism written alone are variants of the gene the abstract
    /// names the polymorphism of, in real PharmGKB abstracts on ACE: "8.1 versus 4.8 g for DD versus II
    /// genotype" (11208681), "Patients with the D allele" (10880412), and "patients with the DD genotype are
    /// more likely to have regression of LVH when treated with benazepril" (15788353) pairs ACE's I/D with
    /// benazepril, which curators list. A document without such a polymorphism gets no genotype mentions.
    /// So are the genotypes of a single-nucleotide change that is its document's only change, by its bases.
    func testGenotypesWrittenAloneAreVariantsOfTheirGene() throws {
        let shared = try TestEnv.requireShared()
        let file = shared.appendingPathComponent("data/pubmed/pharmgkb-dev/pharmgkb-000.xml").path
        let pgx = try TestEnv.binary().path
        let e = try runProcess(pgx, ["extract", "--format", "entities", "--quiet", file], cwd: TestEnv.root)
        XCTAssertEqual(e.status, 0, e.stderr)
        let entities = try json(e.stdout)
        let genotypes = entities.filter { $0["source"] as? String == "pattern:indel-genotype" }
        let texts = Set(genotypes.map { "\($0["doc"]!)|\($0["text"]!)|\($0["gene"] ?? "")|\($0["name"]!)" })
        XCTAssertTrue(texts.contains("11208681|DD versus II|ACE|I/D"), "\(texts.sorted())")
        XCTAssertTrue(texts.contains("10880412|D|ACE|I/D"), "\(texts.sorted())")
        let withIndel = Set(entities.filter { $0["source"] as? String == "pattern:indel" }.map { "\($0["doc"]!)" })
        for g in genotypes { XCTAssertTrue(withIndel.contains("\(g["doc"]!)"), "\(g)") }
        // a single-nucleotide change that is its document's only change: its genotypes by their bases
        // ("CT genotype and TT genotype control patients required less phenprocoumon", 16201835)
        let snp = entities.filter { $0["source"] as? String == "pattern:snp-genotype" }
        let snpTexts = Set(snp.map { "\($0["doc"]!)|\($0["text"]!)|\($0["gene"] ?? "")|\($0["name"]!)" })
        XCTAssertTrue(snpTexts.contains("16201835|TT|VKORC1|C1173T"), "\(snpTexts.sorted())")
        XCTAssertTrue(snpTexts.contains("12844135|CT and TT|GNB3|C825T"), "\(snpTexts.sorted())")
        // the one change written more than one way: "C3435T" and "3435CC" (25536375), "516G>T" and "G516T"
        // (22057858); and with its rsID in brackets, "rs11623866 (c.-609G > C)" (26033044)
        let more = try runProcess(pgx, ["extract", "--format", "entities", "--quiet"]
            + ["pharmgkb-005.xml", "pharmgkb-008.xml"].map { shared.appendingPathComponent("data/pubmed/pharmgkb-dev/" + $0).path },
            cwd: TestEnv.root)
        XCTAssertEqual(more.status, 0, more.stderr)
        let moreEntities = try json(more.stdout)
        let moreSnp = moreEntities.filter { $0["source"] as? String == "pattern:snp-genotype" }
        let moreTexts = Set(moreSnp.map { "\($0["doc"]!)|\($0["text"]!)|\($0["gene"] ?? "")|\($0["name"]!)" })
        // an rsID that is the document's only variant, by the two bases its genotypes are written with
        // ("patients with CC, CT and TT genotypes" of NUDT15 rs116855232, 26033531)
        for expected in ["25536375|CC versus TT|ABCB1|C3435T", "22057858|T/T, G/T and G/G|CYP2B6|516G>T", "26033044|GG|FNTB|c.-609G>C",
                         "26033531|CC, CT and TT|NUDT15|rs116855232", "26003758|TG/GG|IFNL3|rs8099917"] {
            XCTAssertTrue(moreTexts.contains(expected), "\(expected) in \(moreTexts.sorted())")
        }
        for (g, all) in snp.map({ ($0, entities) }) + moreSnp.map({ ($0, moreEntities) }) {
            // every other variant of the document is the change: at its position, or one rsID beside it
            let others = Set(all.filter { $0["doc"] as? String == g["doc"] as? String && $0["type"] as? String == "variant"
                && !($0["source"] as? String ?? "").hasSuffix("-genotype") && $0["source"] as? String != "pattern:star" }.map { "\($0["name"]!)" })
            if "\(g["name"]!)".hasPrefix("rs") {
                XCTAssertEqual(others, ["\(g["name"]!)"], "the document names one variant, an rsID: \(g)")
                continue
            }
            let position = EntityRecognizer.nucleotidePosition("\(g["name"]!)")
            XCTAssertNotNil(position, "\(g)")
            let rsids = others.filter { $0.hasPrefix("rs") }
            XCTAssertLessThanOrEqual(rsids.count, 1, "\(g): \(others)")
            for o in others.subtracting(rsids) {
                XCTAssertEqual(EntityRecognizer.nucleotidePosition(o), position, "the document names one change: \(g): \(others)")
            }
        }
        let r = try runProcess(pgx, ["extract", "--min-confidence", "0", "--quiet", file], cwd: TestEnv.root)
        XCTAssertEqual(r.status, 0, r.stderr)
        let triples = try json(r.stdout).filter {
            $0["doc"] as? String == "15788353" && ($0["drug"] as? [String: Any])?["name"] as? String == "benazepril"
                && ($0["variant"] as? [String: Any])?["text"] as? String == "DD"
        }
        XCTAssertEqual(triples.count, 1)
        XCTAssertEqual((triples.first?["gene"] as? [String: Any])?["symbol"] as? String, "ACE")
        XCTAssertEqual((triples.first?["variant"] as? [String: Any])?["name"] as? String, "I/D")
    }

    /// "Compared to apo E3 and E4 variants, the apo E2 allele was associated with a better response to
    /// fenofibrate" (12042669): "apo E2" is apolipoprotein E's allele, not estradiol's abbreviation E2. It
    /// is a mention of APOE, and the sentence pairs APOE with fenofibrate, not with estradiol.
    /// A drug named as a laboratory tool is no drug given: the selection marker of a targeted allele ("carried
    /// a floxed neomycin cassette", "the PGK–neomycin selection cassette") and the inducer of a conditional
    /// system ("a tamoxifen-inducible cre allele", "a tamoxifen-regulated Cre recombinase", "in a
    /// doxycycline-dependent (FLAG-TPP1 expression-dependent) manner"); PGxMine's gold has every such pair
    /// unassociated. A drug that causes what follows keeps its mention and its pair ("rifampin-induced liver
    /// injury" with the OATP1B1 *15 haplotype).
    func testALaboratoryToolIsNoDrug() throws {
        let tools = try TestEnv.goldLines("pgxmine-dev", ids: ["pgxmine-variant_other-057", "pgxmine-variant_other-061",
                                                               "pgxmine-variant_other-118", "pgxmine-variant_other-162",
                                                               "pgxmine-variant_other-171"])
        let control = try TestEnv.goldLines("pgxmine-dev", ids: ["pgxmine-variant_star_rs-066"])
        let ms = try textEntities(tools + control)
        let toolDocs = ["pgxmine-variant_other-057", "pgxmine-variant_other-061", "pgxmine-variant_other-118",
                        "pgxmine-variant_other-162", "pgxmine-variant_other-171"]
        for doc in toolDocs {
            XCTAssertFalse(ms.contains { $0["doc"] as? String == doc && $0["type"] as? String == "drug" }, "\(doc): no drug")
            XCTAssertTrue(ms.contains { $0["doc"] as? String == doc && $0["type"] as? String == "variant" }, "\(doc): its variant is still read")
        }
        XCTAssertTrue(ms.contains { $0["doc"] as? String == "pgxmine-variant_star_rs-066" && $0["type"] as? String == "drug" && $0["name"] as? String == "rifampin" })
        let triples = try textTriples(tools + control)
        XCTAssertFalse(triples.contains { toolDocs.contains($0["doc"] as? String ?? "") })
        XCTAssertTrue(triples.contains { $0["doc"] as? String == "pgxmine-variant_star_rs-066" && ($0["drug"] as? [String: Any])?["name"] as? String == "rifampin" })
    }

    /// A confidence cut is a probability: "--min-confidence 15" (meant as 0.15) or "nan" would keep nothing
    /// and say nothing, so it is refused as a usage error (exit 64) before anything is read.
    func testAConfidenceCutOutsideZeroToOneIsRefused() throws {
        let pgx = try TestEnv.binary().path
        let corpus = TestEnv.root.appendingPathComponent("corpus/pgx-baseline.xml").path
        for (args, shown) in [(["extract", "--min-confidence", "15", corpus], "15.0"), (["extract", "--min-confidence", "nan", corpus], "nan"),
                              (["review", "list", "--min-confidence=-0.2"], "-0.2"), (["review", "--min-confidence", "1.01"], "1.01")] {
            let r = try runProcess(pgx, args, cwd: TestEnv.root)
            XCTAssertEqual(r.status, 64, args.joined(separator: " "))
            XCTAssertTrue(r.stdout.isEmpty)
            XCTAssertTrue(r.stderr.contains("--min-confidence \(shown): a confidence is a probability, from 0 to 1"), r.stderr)
        }
        let edge = try runProcess(pgx, ["extract", "--min-confidence", "1", corpus], cwd: TestEnv.root)
        XCTAssertEqual(edge.status, 0, edge.stderr)
    }

    func testApoAllelesAreApoENotEstradiol() throws {
        let triples = try pharmgkbTriples("pharmgkb-000.xml").filter { $0["doc"] as? String == "12042669" }
        XCTAssertFalse(triples.isEmpty)
        XCTAssertFalse(triples.contains { ($0["drug"] as? [String: Any])?["name"] as? String == "estradiol" })
        let apoe = triples.filter { ($0["gene"] as? [String: Any])?["symbol"] as? String == "APOE" }
        XCTAssertTrue(apoe.contains { ($0["drug"] as? [String: Any])?["name"] as? String == "fenofibrate"
            && ($0["gene"] as? [String: Any])?["text"] as? String == "apo E2" })
    }

    /// Interleukin-8 is the chemokine gene CXCL8, not DrugBank's drug of that name: "single-nucleotide
    /// polymorphisms of interleukin 8, … with the response to bevacizumab" and "the homozygous AA genotype of
    /// interleukin 8 -251A/T were associated with anatomical nonresponse to bevacizumab" (23584701) had paired
    /// the drug "human interleukin 8" with the other genes and left -251A/T without a gene.
    func testInterleukin8IsTheGeneCXCL8() throws {
        let shared = try TestEnv.requireShared()
        let path = shared.appendingPathComponent("data/pubmed/pharmgkb-dev/pharmgkb-006.xml").path
        let r = try runProcess(try TestEnv.binary().path, ["extract", "--format", "entities", "--quiet", path], cwd: TestEnv.root)
        XCTAssertEqual(r.status, 0, r.stderr)
        let ms = try json(r.stdout).filter { $0["doc"] as? String == "23584701" }
        XCTAssertFalse(ms.contains { $0["type"] as? String == "drug" && ($0["name"] as? String ?? "").contains("interleukin") })
        let il8 = ms.filter { ($0["text"] as? String ?? "").lowercased() == "interleukin 8" }
        XCTAssertFalse(il8.isEmpty)
        XCTAssertTrue(il8.allSatisfy { $0["type"] as? String == "gene" && $0["name"] as? String == "CXCL8" })
        let alleles = ms.filter { $0["type"] as? String == "variant" && $0["text"] as? String == "-251A/T" }
        XCTAssertFalse(alleles.isEmpty)
        XCTAssertTrue(alleles.allSatisfy { $0["gene"] as? String == "CXCL8" })
    }

    /// A ligand's symbol followed by "receptor" is the receptor: "IL-4 receptor α" is IL4R (22541248, which
    /// curators list with IL4R; it was IL4, which the abstract names too, as "IL-4 and IL-13"), "Tumor Necrosis Factor Receptor" (22480748, curated with
    /// TNFRSF1A) and "Vascular endothelial growth factor receptor" (25738571, KDR) name a ligand of several
    /// receptors, so a family phrase, no longer TNF or VEGFA; a receptor's own symbol before "receptor"
    /// stays ("HTR3A receptor", 20168265).
    func testALigandFollowedByReceptorIsTheReceptor() throws {
        let shared = try TestEnv.requireShared()
        let files = ["pharmgkb-005.xml", "pharmgkb-008.xml", "pharmgkb-003.xml"].map { shared.appendingPathComponent("data/pubmed/pharmgkb-dev/" + $0).path }
        let r = try runProcess(try TestEnv.binary().path, ["extract", "--format", "entities", "--quiet"] + files, cwd: TestEnv.root)
        XCTAssertEqual(r.status, 0, r.stderr)
        let ms = try json(r.stdout).filter { $0["type"] as? String == "gene" }
        func names(_ doc: String, _ text: String) -> Set<String> {
            Set(ms.filter { $0["doc"] as? String == doc && $0["text"] as? String == text }.map { "\($0["name"] ?? "-")" })
        }
        XCTAssertEqual(names("22541248", "IL-4 receptor α"), ["IL4R"])
        XCTAssertEqual(names("22541248", "IL-4 receptor"), ["IL4R"])
        XCTAssertEqual(names("22480748", "Tumor Necrosis Factor Receptor"), ["tumor necrosis factor receptor"])
        XCTAssertEqual(names("25738571", "Vascular endothelial growth factor receptor"), ["vascular endothelial growth factor receptor"])
        XCTAssertEqual(names("20168265", "HTR3A"), ["HTR3A"])
    }

    /// A star allele keeps the gene glued to it where the text writes it unusually: after a count ("carriers
    /// of at least 1 POR*28 allele", "carrying 2 POR*28 alleles", 24061445: a short symbol after a number
    /// is read as a unit, and the allele had become CYP3A5*28, the sentence's other star gene), and a
    /// cytochrome P450 without "CYP" ("1.13(2C9*2 Hetero) - 2.09(2C9*2 Homo)", 20421126, where the alleles
    /// had no gene; "CYP2C9*2 and 2C9*3", 19855097, stays CYP2C9*3).
    func testAStarAllelesGeneWrittenAfterACountOrWithoutCYP() throws {
        let shared = try TestEnv.requireShared()
        let files = ["pharmgkb-006.xml", "pharmgkb-003.xml"].map { shared.appendingPathComponent("data/pubmed/pharmgkb-dev/" + $0).path }
        let r = try runProcess(try TestEnv.binary().path, ["extract", "--format", "entities", "--quiet"] + files, cwd: TestEnv.root)
        XCTAssertEqual(r.status, 0, r.stderr)
        let variants = try json(r.stdout).filter { $0["type"] as? String == "variant" }
        func names(_ doc: String, _ text: String) -> [String] {
            variants.filter { $0["doc"] as? String == doc && $0["text"] as? String == text }.map { "\($0["name"] ?? "-")" }
        }
        let por = names("24061445", "*28")
        XCTAssertGreaterThanOrEqual(por.count, 8, "every POR*28 of 24061445")
        XCTAssertEqual(Set(por), ["POR*28"])
        XCTAssertEqual(names("20421126", "*2"), ["CYP2C9*2", "CYP2C9*2"])
        XCTAssertEqual(names("20421126", "*3"), ["CYP2C9*3"])
        XCTAssertTrue(names("19855097", "*3").contains("CYP2C9*3"))
        XCTAssertFalse(variants.contains { ($0["name"] as? String ?? "").hasPrefix("CYP3A5*28") })
    }

    /// Two readings of real PharmGKB abstracts that made wrong triples:
    /// - the type III interferons are genes, not the interferon drug: "interferon lambda (IFN-λ) region" is a
    ///   family phrase and "IFN-λ4" is IFNL4 (26186989), "interferon-λ4" in a title and "interferon lambda 4"
    ///   are IFNL4 (24205831); the first had given IFNL4 rs12979860 – peginterferon triples;
    /// - a combination's abbreviation is its drugs: "lumacaftor / potentiator ivacaftor (LUM/IVA)" makes every
    ///   "LUM" lumacaftor, not the lumican gene (29451946), "(FP/Salm)" fluticasone propionate and salmeterol
    ///   (22370858), "(PEG/RBV)" both peginterferons and ribavirin (24205831); genes in brackets stay genes
    ///   ("(APOE/BCHE)", 27567841).
    func testInterferonLambdaIsAGeneAndACombinationsAbbreviationItsDrugs() throws {
        let shared = try TestEnv.requireShared()
        let files = ["pharmgkb-009.xml", "pharmgkb-007.xml", "pharmgkb-012.xml", "pharmgkb-005.xml", "pharmgkb-010.xml"]
            .map { shared.appendingPathComponent("data/pubmed/pharmgkb-dev/" + $0).path }
        let r = try runProcess(try TestEnv.binary().path, ["extract", "--format", "entities", "--quiet"] + files, cwd: TestEnv.root)
        XCTAssertEqual(r.status, 0, r.stderr)
        let ms = try json(r.stdout)
        func of(_ doc: String, _ text: String) -> [[String: Any]] { ms.filter { $0["doc"] as? String == doc && $0["text"] as? String == text } }
        func kinds(_ doc: String, _ text: String) -> Set<String> { Set(of(doc, text).map { "\($0["type"]!):\($0["name"]!)" }) }

        XCTAssertEqual(kinds("26186989", "IFN-λ4"), ["gene:IFNL4"])
        XCTAssertEqual(kinds("26186989", "interferon lambda"), ["gene:interferon lambda"])
        XCTAssertFalse(ms.contains { $0["doc"] as? String == "26186989" && $0["type"] as? String == "drug"
            && ["interferon", "IFN"].contains($0["text"] as? String ?? "") }, "no interferon drug in the IFN-λ abstract")
        XCTAssertEqual(kinds("24205831", "interferon-λ4"), ["gene:IFNL4"])
        XCTAssertEqual(kinds("24205831", "interferon lambda 4"), ["gene:IFNL4"])
        XCTAssertEqual(kinds("24205831", "PEG"), ["drug:peginterferon alfa-2a", "drug:peginterferon alfa-2b"])
        XCTAssertEqual(kinds("24205831", "RBV"), ["drug:ribavirin"])

        XCTAssertFalse(of("29451946", "LUM").isEmpty)
        XCTAssertEqual(kinds("29451946", "LUM"), ["drug:lumacaftor"])
        XCTAssertEqual(kinds("29451946", "IVA"), ["drug:ivacaftor"])
        XCTAssertEqual(kinds("22370858", "FP"), ["drug:fluticasone propionate"])
        XCTAssertEqual(kinds("22370858", "Salm"), ["drug:salmeterol"])
        XCTAssertEqual(kinds("27567841", "APOE"), ["gene:APOE"])
        XCTAssertEqual(kinds("27567841", "BCHE"), ["gene:BCHE"])

        // and no triple of the lumacaftor abstract names the lumican gene
        let triples = try pharmgkbTriples("pharmgkb-012.xml").filter { $0["doc"] as? String == "29451946" }
        XCTAssertFalse(triples.contains { ($0["gene"] as? [String: Any])?["symbol"] as? String == "LUM" })
    }

    /// A star allele in brackets right after its gene is that gene's, catalogued or not: "UGT2B10 (*1/*2)
    /// genotype" (PharmGKB 17909004, where UGT1A4 is the abstract's only gene with catalogued star alleles) and
    /// "VKORC1 (*3, *4 and -1639 G>A)" after "CYP2C9 (*2 and *3)" (22676192) named UGT1A4*1/*2 and CYP2C9*3
    /// beside the gene they follow. No triple's variant names another gene than the triple's, over two whole
    /// PharmGKB files. OMIM's "[MIM: *604426]" (a PGxMine sentence) is neither a star allele nor a gene.
    func testAStarAlleleInBracketsIsTheGenesItFollows() throws {
        func alleles(_ ts: [[String: Any]], _ pmid: String) -> Set<String> {
            Set(ts.filter { $0["doc"] as? String == pmid }.compactMap { t -> String? in
                guard let v = t["variant"] as? [String: Any], let name = v["name"] as? String, name.contains("*") else { return nil }
                return "\((t["gene"] as? [String: Any])?["symbol"] as? String ?? "-")|\(name)"
            })
        }
        let ugt = try pharmgkbTriples("pharmgkb-001.xml")
        XCTAssertEqual(alleles(ugt, "17909004"), ["UGT2B10|UGT2B10*1/*1", "UGT2B10|UGT2B10*1/*2", "UGT2B10|UGT2B10*2/*2", "UGT2B10|UGT2B10*2"])
        // an abstract on one gene that no catalogue gives star alleles: "Haplotypes harboring ... were
        // designated *2 and *3", "Haplotype *3 ... decreased clearance of gemcitabine" (17194903, CDA)
        XCTAssertEqual(alleles(ugt, "17194903"), ["CDA|CDA*2", "CDA|CDA*3"])
        let vkorc1 = try pharmgkbTriples("pharmgkb-005.xml")
        XCTAssertEqual(alleles(vkorc1, "22676192"), ["CYP2C9|CYP2C9*2", "CYP2C9|CYP2C9*3", "VKORC1|VKORC1*3", "VKORC1|VKORC1*4"])
        // a 3' UTR change written without its "c." is a change, not the star alleles *347 and *348insA:
        // "*347_*348insA", "GAG*347insA" (21995462)
        let utr = Set(vkorc1.filter { $0["doc"] as? String == "21995462" }.compactMap { ($0["variant"] as? [String: Any])?["name"] as? String })
        XCTAssertTrue(utr.isSuperset(of: ["*347_*348insA", "*347insA"]), "\(utr)")
        XCTAssertFalse(utr.contains { $0.contains("*348") && $0 != "*347_*348insA" }, "\(utr)")
        for t in ugt + vkorc1 {
            // (a star allele's name starts with its gene; a 3' UTR change's, "*347_*348insA", with the star)
            guard let v = t["variant"] as? [String: Any], let name = v["name"] as? String, name.contains("*"), !name.hasPrefix("*"),
                  let gene = (t["gene"] as? [String: Any])?["symbol"] as? String else { continue }
            XCTAssertTrue(name.hasPrefix(gene + "*"), "\(t["doc"] ?? ""): \(gene) with \(name)")
        }
        let ms = try textEntities(try TestEnv.goldLines("pgxmine-dev", ids: ["pgxmine-variant_star_rs-155"]))
        XCTAssertTrue(ms.contains { $0["text"] as? String == "CYP4F2" }, "\(ms)")
        XCTAssertFalse(ms.contains { ($0["text"] as? String ?? "").contains("604426") || $0["text"] as? String == "MIM" }, "\(ms)")
    }

    /// The document stage reads the record's indexing (its ChemicalList): the same PharmGKB abstracts with
    /// their index blocks (ChemicalList, MeshHeadingList) cut out give the same pairs, but the stage judges
    /// some of them otherwise.
    func testTheDocumentStageReadsTheRecordsIndexing() throws {
        let shared = try TestEnv.requireShared()
        let pgx = try TestEnv.binary().path
        let tmp = try TestEnv.tempDir("pgx-index")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let source = shared.appendingPathComponent("data/pubmed/pharmgkb-dev/pharmgkb-000.xml")
        let xml = try String(contentsOf: source, encoding: .utf8)
        var bare = xml
        for tag in ["ChemicalList", "MeshHeadingList"] {
            bare = bare.replacingOccurrences(of: "<\(tag)>[\\s\\S]*?</\(tag)>", with: "", options: .regularExpression)
        }
        XCTAssertFalse(bare.contains("<MeshHeading>") || bare.contains("<Chemical>"))
        let bareFile = tmp.appendingPathComponent("bare.xml")
        try bare.write(to: bareFile, atomically: true, encoding: .utf8)
        func pairs(_ file: String) throws -> [String: Double] {
            let r = try runProcess(pgx, ["extract", "--min-confidence", "0", file], cwd: TestEnv.root)
            XCTAssertEqual(r.status, 0, r.stderr)
            var out: [String: Double] = [:]
            for t in try json(r.stdout) {
                guard let g = (t["gene"] as? [String: Any])?["symbol"] as? String else { continue }
                out["\(t["doc"]!)|\(g)|\((t["drug"] as! [String: Any])["name"]!)"] = t["confidence"] as? Double
            }
            return out
        }
        let indexed = try pairs(source.path), unindexed = try pairs(bareFile.path)
        XCTAssertGreaterThan(indexed.count, 100)
        XCTAssertEqual(Set(indexed.keys), Set(unindexed.keys), "the index changes no pair, only how it is judged")
        let changed = indexed.keys.filter { indexed[$0] != unindexed[$0] }
        XCTAssertGreaterThan(changed.count, indexed.count / 4, "the document stage reads the index")
    }

    func testBadJSONLLinesAreReportedAndTheRestIsRead() throws {
        let pgx = try TestEnv.binary().path
        let input = "{\"id\": \"a\", \"text\": \"Clopidogrel response in CYP2C19 poor metabolizers was reduced.\"}\nnot json\n"
        let r = try runProcess(pgx, ["extract", "--input-format", "text", "--min-confidence", "0", "-"], input: Data(input.utf8), cwd: TestEnv.root)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("PGX-E009"), r.stderr)
        XCTAssertTrue(r.stderr.contains(":2"), r.stderr)
        XCTAssertFalse(try json(r.stdout).isEmpty)
    }

    /// A rules folder in `tmp` with the shipped lexicons and patterns and no model, for `pgx train` to
    /// write into; the project's annotated sentences sit beside it, as corpus/annotated does in the repository.
    func scratchRules(in tmp: URL) throws -> URL {
        let rules = tmp.appendingPathComponent("rules")
        try FileManager.default.createDirectory(at: rules, withIntermediateDirectories: true)
        for sub in ["lexicons", "patterns"] {
            try FileManager.default.createSymbolicLink(at: rules.appendingPathComponent(sub),
                                                       withDestinationURL: TestEnv.root.appendingPathComponent("rules/\(sub)"))
        }
        try FileManager.default.createDirectory(at: tmp.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: tmp.appendingPathComponent("corpus/annotated"),
                                                   withDestinationURL: TestEnv.root.appendingPathComponent("corpus/annotated"))
        return rules
    }

    /// Training reads its gold whole or not at all: a line that is not gold, or a pair whose span lies
    /// outside its sentence (offsets in other units than code points), stops it with the file, line and
    /// pair, and no model is written; `--background` or `--docs` without `--docs-gold` (which alone reads
    /// them) is a usage error, not silently ignored; a background input that cannot be read leaves the
    /// models trained without it and the exit status 1.
    func testTrainingRefusesGoldItCannotReadAndSaysWhatItLeftOut() throws {
        let shared = try TestEnv.requireShared()
        let pgx = try TestEnv.binary().path
        let tmp = try TestEnv.tempDir("pgx-train-input")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let rules = try scratchRules(in: tmp)
        let lines = try String(contentsOf: shared.appendingPathComponent("data/gold/pgxmine-dev.jsonl"), encoding: .utf8)
            .split(separator: "\n").prefix(40).map(String.init)
        let model = rules.appendingPathComponent("model/model.json")
        // line 2 is no JSON
        let notGold = tmp.appendingPathComponent("not-gold.jsonl")
        try Data((lines[0] + "\n{\"id\": \"x\", \"text\": \n" + lines[1] + "\n").utf8).write(to: notGold)
        let a = try runProcess(pgx, ["train", "--gold", notGold.path, "--rules", rules.path])
        XCTAssertEqual(a.status, 2, a.stderr)
        XCTAssertTrue(a.stderr.contains("\(notGold.path):2: not a sentence gold line; each line is {\"id\""), a.stderr)
        // a real gold line whose first pair's drug span is moved past the end of its sentence
        var o = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(lines[2].utf8)) as? [String: Any])
        let length = (o["text"] as! String).unicodeScalars.count
        var pairs = o["pairs"] as! [[String: Any]]
        pairs[0]["drug"] = ["start": length - 2, "end": length + 8, "text": "omeprazole"]
        o["pairs"] = pairs
        let outside = tmp.appendingPathComponent("outside.jsonl")
        try Data((lines[0] + "\n" + lines[1] + "\n" + String(decoding: try JSONSerialization.data(withJSONObject: o), as: UTF8.self) + "\n").utf8).write(to: outside)
        let b = try runProcess(pgx, ["train", "--gold", outside.path, "--rules", rules.path])
        XCTAssertEqual(b.status, 2, b.stderr)
        XCTAssertTrue(b.stderr.contains("\(outside.path):3: pair 1: the drug span \(length - 2)..<\(length + 8) is not inside the text (\(length) characters); offsets are Unicode code points"), b.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: model.path), "no model is written from gold that does not read")
        // --background without --docs-gold
        let gold = tmp.appendingPathComponent("gold.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: gold)
        let c = try runProcess(pgx, ["train", "--gold", gold.path, "--rules", rules.path, "--background", "/nonexistent"])
        XCTAssertEqual(c.status, 64, c.stderr)
        XCTAssertTrue(c.stderr.contains("--docs and --background are read for the document-level models only: give --docs-gold too"), c.stderr)
        // a background input that is not there: the models are trained from the rest, exit 1
        let missing = tmp.appendingPathComponent("no-such-background.xml").path
        let d = try runProcess(pgx, ["train", "--gold", gold.path, "--folds", "2", "--rules", rules.path,
                                     "--docs-gold", shared.appendingPathComponent("data/gold/pharmgkb-dev.jsonl").path,
                                     "--docs", shared.appendingPathComponent("data/pubmed/pharmgkb-dev/pharmgkb-000.xml").path,
                                     "--background", missing], environment: ["PGX_TREE_ROUNDS": "20"])
        XCTAssertEqual(d.status, 1, d.stderr)
        XCTAssertTrue(d.stderr.contains("PGX-E001 \(missing): "), d.stderr)
        XCTAssertFalse(d.stderr.contains("no complete record"), "a file that cannot be opened has no record context: " + d.stderr)
        XCTAssertTrue(d.stderr.contains("1 input problem(s) while reading --docs and --background (above); the document-level models were trained without them"), d.stderr)
        for f in ["model.json", "document.json", "curation.json", "cooccurrence.json"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: rules.appendingPathComponent("model/\(f)").path), f)
        }
    }

    func testTrainingIsDeterministic() throws {
        let shared = try TestEnv.requireShared()
        let pgx = try TestEnv.binary().path
        let tmp = try TestEnv.tempDir("pgx-train")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let rules = try scratchRules(in: tmp)
        let gold = shared.appendingPathComponent("data/gold/pgxmine-dev.jsonl").path
        let docsGold = shared.appendingPathComponent("data/gold/pharmgkb-dev.jsonl").path
        let docs = shared.appendingPathComponent("data/pubmed/pharmgkb-dev/pharmgkb-000.xml").path
        let background = shared.appendingPathComponent("data/pubmed/samples/pp_medline16n0902_partial.xml.gz").path
        var outputs: [Data] = [], documentModels: [Data] = [], pairModels: [Data] = [], curationModels: [Data] = []
        for _ in 0..<2 {
            // 40 tree rounds instead of 300: the same determinism at a fraction of a debug build's time
            let r = try runProcess(pgx, ["train", "--gold", gold, "--folds", "2", "--rules", rules.path, "--docs-gold", docsGold, "--docs", docs,
                                         "--background", background, "--oof", tmp.path],
                                   environment: ["PGX_TREE_ROUNDS": "40", "SOURCE_DATE_EPOCH": "1764460740"])
            XCTAssertEqual(r.status, 0, r.stderr)
            XCTAssertTrue(r.stderr.contains("document model: "), r.stderr)
            outputs.append(try Data(contentsOf: rules.appendingPathComponent("model/model.json")))
            documentModels.append(try Data(contentsOf: rules.appendingPathComponent("model/cooccurrence.json")))
            pairModels.append(try Data(contentsOf: rules.appendingPathComponent("model/document.json")))
            curationModels.append(try Data(contentsOf: rules.appendingPathComponent("model/curation.json")))
        }
        XCTAssertEqual(curationModels[0], curationModels[1], "same documents must give the same curation model file")
        // every file records the day it was trained, taken from SOURCE_DATE_EPOCH (2025-11-29 23:59 UTC) when it is set
        for model in [outputs[0], documentModels[0], pairModels[0], curationModels[0]] {
            let meta = try JSONSerialization.jsonObject(with: model) as! [String: Any]
            XCTAssertEqual(meta["trained"] as? String, "2025-11-29")
        }
        let badDate = try runProcess(pgx, ["train", "--gold", gold, "--date", "29.11.2025"])
        XCTAssertNotEqual(badDate.status, 0)
        XCTAssertTrue(badDate.stderr.contains("YYYY-MM-DD"), badDate.stderr)
        let curationMeta = try JSONSerialization.jsonObject(with: curationModels[0]) as! [String: Any]
        XCTAssertGreaterThan(curationMeta["curated"] as? Int ?? 0, 20, "in-sentence candidates of curated pairs")
        XCTAssertLessThan(curationMeta["curated"] as? Int ?? 0, curationMeta["candidates"] as? Int ?? 0, "and of pairs the curators did not list")
        XCTAssertEqual(pairModels[0], pairModels[1], "same documents must give the same document-stage model file")
        let pairMeta = try JSONSerialization.jsonObject(with: pairModels[0]) as! [String: Any]
        XCTAssertGreaterThan(pairMeta["curated"] as? Int ?? 0, 20, "curated pairs among the documents' gene–drug pairs")
        // the curation priors it was trained with travel in its file: [proposed, curated] per drug and gene
        let priors = try XCTUnwrap(pairMeta["priors"] as? [String: Any], "the document model's curation priors")
        let drugPriors = try XCTUnwrap(priors["drug"] as? [String: [Int]])
        XCTAssertGreaterThan(drugPriors.count, 5)
        XCTAssertTrue(drugPriors.values.allSatisfy { $0.count == 2 && $0[1] <= $0[0] && $0[0] > 0 }, "\(drugPriors)")
        XCTAssertEqual(drugPriors.values.reduce(0) { $0 + $1[1] }, pairMeta["curated"] as? Int, "every curated pair counted once per drug")
        let docScores = try XCTUnwrap((pairMeta["dev_scores"] as? [String: Any])?["documents"] as? [String: Any], "out-of-fold document scores")
        XCTAssertGreaterThan(docScores["recall"] as? Double ?? 0, 0.3)
        // the document stage's own cut, chosen on out-of-fold F2, above the cap of abstracts that speak of no variation
        let documentCut = try XCTUnwrap(pairMeta["threshold"] as? Double)
        XCTAssertGreaterThan(documentCut, TripleExtractor.noVariationCap)
        XCTAssertNotNil(pairMeta["threshold_chosen_on"] as? String)
        // general MEDLINE records train the document-level models as documents whose pairs curators do not list
        let pairTraining = try XCTUnwrap(pairMeta["training"] as? [[String: Any]])
        let backgroundEntry = try XCTUnwrap(pairTraining.first { $0["background"] != nil }, "\(pairTraining)")
        // its indexed records only (72 of the file's): an unindexed background would teach that a record NLM has not
        // indexed yet states no finding
        XCTAssertEqual(backgroundEntry["documents"] as? Int, 72)
        let goldLines = try String(contentsOf: URL(fileURLWithPath: docsGold), encoding: .utf8).split(separator: "\n").count
        XCTAssertEqual(pairTraining.first?["documents"] as? Int, goldLines, "the curated documents are counted without the background")
        // the background's pairs are scored out of fold too, in a file of their own
        func docsOf(_ file: String) throws -> Set<String> {
            Set(try json(Data(contentsOf: tmp.appendingPathComponent(file))).map { "\($0["doc"]!)" })
        }
        let backgroundDocs = try docsOf("background.oof.jsonl")
        XCTAssertFalse(backgroundDocs.isEmpty)
        XCTAssertTrue(backgroundDocs.isDisjoint(with: try docsOf("pharmgkb-dev.oof.jsonl")))
        let sentenceMeta = try JSONSerialization.jsonObject(with: outputs[0]) as! [String: Any]
        XCTAssertNotNil(sentenceMeta["trees"] as? [String: Any], "the sentence model carries its trees")
        XCTAssertNotNil(sentenceMeta["blend"] as? [String: Double], "and how their score blends with the linear one")
        let files = try XCTUnwrap((sentenceMeta["dev_scores"] as? [String: Any])?["files"] as? [String: [String: Any]])
        XCTAssertGreaterThan(files["pgxmine-dev.jsonl"]?["f1"] as? Double ?? 0, 0.4, "out-of-fold F1 recorded per gold file")
        XCTAssertEqual(outputs[0], outputs[1], "same data must give the same model file")
        XCTAssertEqual(documentModels[0], documentModels[1], "same documents must give the same cross-sentence model file")
        let docMeta = try JSONSerialization.jsonObject(with: documentModels[0]) as! [String: Any]
        XCTAssertGreaterThan(docMeta["curated"] as? Int ?? 0, 5, "curated pairs found among the cross-sentence candidates")
        XCTAssertEqual((docMeta["training"] as? [[String: Any]])?.first?["license"] as? String, "CC BY-SA 4.0 (PharmGKB)")
        // The out-of-fold document predictions are triples any scorer can read: cross-sentence pairs by the
        // cross-sentence model, and every pair of an abstract judged again by the document stage.
        let oof = try String(contentsOf: tmp.appendingPathComponent("pharmgkb-dev.oof.jsonl"), encoding: .utf8)
        XCTAssertTrue(oof.contains("\"rule\":\"cooccurrence:model+document\""))
        XCTAssertTrue(oof.contains("+document\""))
        // Triples of one pair in one document share the document stage's confidence.
        var byPair: [String: Set<Double>] = [:]
        for line in oof.split(separator: "\n") {
            let t = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            guard let g = (t["gene"] as? [String: Any])?["symbol"] as? String, let d = (t["drug"] as? [String: Any])?["name"] as? String,
                  (t["rule"] as? String)?.hasSuffix("+document") == true else { continue }
            byPair["\(t["doc"]!)|\(g)|\(d)", default: []].insert(t["confidence"] as! Double)
        }
        XCTAssertFalse(byPair.isEmpty)
        XCTAssertTrue(byPair.values.allSatisfy { $0.count == 1 }, "one confidence per gene–drug pair and document")
        let meta = try JSONSerialization.jsonObject(with: outputs[0]) as! [String: Any]
        let training = try XCTUnwrap(meta["training"] as? [[String: Any]])
        XCTAssertEqual(training.first?["license"] as? String, "MIT (PGxMine, Lever et al. 2020)")
        XCTAssertEqual((training.first?["sha256"] as? String)?.count, 64)
        let annotated = try XCTUnwrap(training.first { $0["file"] as? String == "pgx-sentences.jsonl" }, "corpus/annotated is trained on")
        XCTAssertEqual(annotated["license"] as? String, "pgx project")
        XCTAssertGreaterThan(annotated["sentences"] as? Int ?? 0, 50)
    }

    /// The project's annotated sentences (scripts/make-annotated.py) are gold as ../shared/data/gold has it:
    /// every span is the text at its code-point offsets, and every sentence names at least one pair or none.
    func testAnnotatedSentencesAreWellFormedGold() throws {
        let url = TestEnv.root.appendingPathComponent("corpus/annotated/pgx-sentences.jsonl")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        XCTAssertGreaterThan(lines.count, 50)
        var pairs = 0, negated = 0, empty = 0
        for line in lines {
            let o = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let text = Array((o["text"] as! String).unicodeScalars)
            XCTAssertNil(o["subset"], "every pair of an annotated sentence is judged")
            let ps = try XCTUnwrap(o["pairs"] as? [[String: Any]])
            if ps.isEmpty { empty += 1 }
            for p in ps {
                pairs += 1
                if p["negated"] as? Bool == true { negated += 1 }
                for side in ["drug", "genetic"] {
                    let m = try XCTUnwrap(p[side] as? [String: Any])
                    let s = m["start"] as! Int, e = m["end"] as! Int
                    XCTAssertEqual(String(String.UnicodeScalarView(text[s..<e])), m["text"] as? String, "\(o["id"]!) \(side)")
                }
            }
        }
        XCTAssertGreaterThan(pairs, 60); XCTAssertGreaterThan(negated, 5); XCTAssertGreaterThan(empty, 3)
    }

    func testSHA256KnownAnswers() {
        XCTAssertEqual(SHA256.hex(Array("".utf8)), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(Array(String(repeating: "a", count: 1000).utf8)),
                       "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        // FIPS 180-4's million "a", fed in uneven pieces, by the CPU's SHA extensions (where it has them)
        // and by the portable code
        let million = [UInt8](repeating: 0x61, count: 1_000_000)
        for hardware in [true, false] {
            var s = SHA256(hardware: hardware)
            var i = 0, step = 1
            while i < million.count { let j = min(million.count, i + step); s.update(million[i..<j]); i = j; step = step * 3 % 1000 + 1 }
            XCTAssertEqual(s.finalize(), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", "hardware: \(hardware)")
        }
        // both paths agree on every length around the block and padding edges
        var rng = SystemRandomNumberGenerator()
        let bytes = (0..<300).map { _ in UInt8.random(in: 0...255, using: &rng) }
        for n in 0...bytes.count {
            var hw = SHA256(hardware: true), sw = SHA256(hardware: false)
            hw.update(bytes[..<n]); sw.update(bytes[..<n])
            XCTAssertEqual(hw.finalize(), sw.finalize(), "length \(n)")
        }
    }

    /// The cache file holds every table of the lexicon: read back, the variant tables (rsIDs, star genes,
    /// named changes) and the gene and drug tables equal those built from the TSV files.
    func testLexiconCacheKeepsEveryTable() throws {
        let built = try Lexicon(rules: TestEnv.root.appendingPathComponent("rules"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("pgx-lexicon-\(UUID().uuidString).bin")
        defer { try? FileManager.default.removeItem(at: file) }
        LexiconCache.write(built, to: file)
        let read = try XCTUnwrap(LexiconCache.read(try Data(contentsOf: file)))
        XCTAssertEqual(read.rsidGenes, built.rsidGenes)
        XCTAssertEqual(read.starGenes, built.starGenes)
        XCTAssertEqual(read.namedVariantGenes, built.namedVariantGenes)
        XCTAssertEqual(read.namedVariantGenes["G551D"], ["CFTR"])
        XCTAssertEqual(read.namedVariantRsids, built.namedVariantRsids)
        XCTAssertEqual(read.rsid(ofChange: "C3435T", gene: "ABCB1"), "rs1045642")
        XCTAssertEqual(read.sharedSymbols, built.sharedSymbols)
        XCTAssertEqual(read.sharedSymbols["RFC1"], ["SLC19A1"])
        XCTAssertEqual(read.geneInfo.count, built.geneInfo.count)
        XCTAssertEqual(read.drugIDs.count, built.drugIDs.count)
        XCTAssertEqual(read.entries.count, built.entries.count)
        XCTAssertEqual(read.version, built.version)
    }

    /// The compiled-lexicon cache: built on the first run, read on the next, the same output either way
    /// and with the cache off; a damaged cache file is ignored and rebuilt, never trusted.
    func testLexiconCacheGivesTheSameOutputAndSurvivesADamagedFile() throws {
        let pgx = try TestEnv.binary().path
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("pgx-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["extract", "--format", "entities", TestEnv.root.appendingPathComponent("corpus/pgx-baseline.xml").path]
        let off = try runProcess(pgx, args, environment: ["PGX_CACHE": "off"], cwd: TestEnv.root)
        XCTAssertEqual(off.status, 0, off.stderr)
        XCTAssertFalse(off.stdout.isEmpty)
        let first = try runProcess(pgx, args, environment: ["PGX_CACHE": dir.path], cwd: TestEnv.root)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("lexicon-") && $0.hasSuffix(".bin") }
        XCTAssertEqual(files.count, 1, "the first run writes one cache file: \(files)")
        let cache = dir.appendingPathComponent(files[0])
        let size = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: cache.path)[.size] as? Int)
        XCTAssertGreaterThan(size, 1_000_000)
        let second = try runProcess(pgx, args, environment: ["PGX_CACHE": dir.path], cwd: TestEnv.root)
        XCTAssertEqual(first.stdout, off.stdout, "building the cache changes nothing")
        XCTAssertEqual(second.stdout, off.stdout, "reading the cache changes nothing")
        // cut the file in half: it is not read, and the run rebuilds it whole
        let data = try Data(contentsOf: cache)
        try data.prefix(size / 2).write(to: cache)
        let third = try runProcess(pgx, args, environment: ["PGX_CACHE": dir.path], cwd: TestEnv.root)
        XCTAssertEqual(third.status, 0, third.stderr)
        XCTAssertEqual(third.stdout, off.stdout)
        XCTAssertEqual(try Data(contentsOf: cache), data, "the damaged cache was rebuilt")
    }

    func testBoostedTreesLearnAnInteractionAndRoundTripTheirFile() throws {
        // The label is "a xor b": no weighted sum of a and b separates it, two levels of splits do.
        var data: [(features: [Int], label: Bool)] = []
        for i in 0..<400 {
            let a = i % 2 == 0, b = (i / 2) % 2 == 0
            data.append(([1] + (a ? [10] : []) + (b ? [20] : []) + [100 + i % 7], a != b))
        }
        let trees = BoostedTrees.train(data)
        for (f, y) in data.prefix(8) { XCTAssertEqual(trees.probability(f) > 0.5, y, "\(f)") }
        let linear = PairModel.train(data, epochs: 30, balance: false)
        XCTAssertLessThan(data.filter { (linear.probability($0.features) > 0.5) == $0.label }.count, 300, "a linear model cannot learn xor")
        XCTAssertEqual(BoostedTrees.train(data).trees, trees.trees, "same data, same trees")
        let bagged = BoostedTrees.bagged(data)
        XCTAssertEqual(bagged.trees.count, 5 * trees.trees.count, "five fits on seeded shares, averaged")
        XCTAssertEqual(BoostedTrees.bagged(data).trees, bagged.trees, "the shares are seeded: same data, same model")
        for (f, y) in data.prefix(8) { XCTAssertEqual(bagged.probability(f) > 0.5, y, "\(f)") }
        let tmp = try TestEnv.tempDir("pgx-trees")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let url = tmp.appendingPathComponent("document.json")
        try trees.write(to: url)
        let back = try BoostedTrees(url: url)
        XCTAssertEqual(back.trees, trees.trees)
        for (f, _) in data.prefix(20) { XCTAssertEqual(back.score(f), trees.score(f), accuracy: 1e-9) }
        // A sentence model with trees blends both scores, and its file gives them back.
        var pm = PairModel.train(data, epochs: 5, balance: false)
        pm.trees = trees
        pm.blend = PairModel.Blend(linearMean: 0.1, linearSD: 2, treeMean: -0.2, treeSD: 3)
        let f0 = data[0].features
        XCTAssertEqual(pm.score(f0), (pm.linearScore(f0) - 0.1) / 2 + (trees.score(f0) + 0.2) / 3, accuracy: 1e-9)
        let pmURL = tmp.appendingPathComponent("model.json")
        try pm.write(to: pmURL)
        let pmBack = try PairModel(url: pmURL)
        for (f, _) in data.prefix(20) { XCTAssertEqual(pmBack.score(f), pm.score(f), accuracy: 1e-4) }
        // Scoring over the complete trees gives the node walk's sums exactly, for the trained trees and
        // for the shipped models (feature sets drawn from the features their splits test).
        XCTAssertNotNil(trees.complete)
        for (f, _) in data.prefix(40) { XCTAssertEqual(trees.score(f), trees.score(f, complete: false)) }
        let rules = try ExtractorRules(url: try RulesLocator.find(TestEnv.root.appendingPathComponent("rules").path))
        var rng = PairModel.SplitMix64(state: 7)
        for model in [rules.document, rules.model?.trees].compactMap({ $0 }) {
            XCTAssertNotNil(model.complete)
            let used = Array(Set(model.trees.flatMap { $0.filter { $0.feature >= 0 }.map(\.feature) })).sorted()
            for _ in 0..<300 {
                let f = used.filter { _ in rng.next() % 4 == 0 }
                XCTAssertEqual(model.score(f), model.score(f, complete: false))
            }
        }
        // A tree whose split points back at itself would never finish scoring: the file is refused.
        var obj = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        var ts = obj["trees"] as! [[[Any]]]
        ts[0][0] = [10, 0, 0, 0.0]
        obj["trees"] = ts
        try JSONSerialization.data(withJSONObject: obj).write(to: url)
        XCTAssertThrowsError(try BoostedTrees(url: url)) { XCTAssertTrue("\($0)".contains("tree 0"), "\($0)") }
    }

    /// The shipped rules load every document-level model the extractor reads, with the curation priors
    /// the document stage was trained on (a priors object that failed to load would leave the stage
    /// silently without them), and the priors survive their own file format.
    func testShippedRulesCarryTheDocumentModelsAndTheirCurationPriors() throws {
        let rules = try ExtractorRules(url: try RulesLocator.find(TestEnv.root.appendingPathComponent("rules").path))
        XCTAssertNotNil(rules.document)
        XCTAssertNotNil(rules.curation, "rules/model/curation.json")
        let priors = try XCTUnwrap(rules.documentPriors, "document.json carries its curation priors")
        XCTAssertGreaterThan(priors.drug.count, 100)
        let warfarin = try XCTUnwrap(priors.drug["warfarin"], "warfarin is proposed in many curated abstracts")
        XCTAssertGreaterThan(warfarin.n, 20)
        XCTAssertGreaterThan(warfarin.curated, warfarin.n / 4, "and curated in many of them")
        let back = try XCTUnwrap(CurationPriors(json: try JSONSerialization.jsonObject(with: JSONSerialization.data(withJSONObject: priors.jsonObject()))))
        XCTAssertEqual(back.drug.count, priors.drug.count)
        XCTAssertEqual(back.gene["CYP2C9"]?.n, priors.gene["CYP2C9"]?.n)
        XCTAssertEqual(back.gene["CYP2C9"]?.curated, priors.gene["CYP2C9"]?.curated)
        XCTAssertTrue(rules.version.contains("curation"), rules.version)
    }

    /// The shipped model files are read by the weights scanner: every weight as a full JSON parse reads
    /// it, the rest of the file (calibration, trees, metadata) as before; a file in another layout
    /// (compact JSON) is read by JSONSerialization alone, to the same model.
    func testModelFilesReadByTheWeightScannerAsByAFullParse() throws {
        let tmp = try TestEnv.tempDir("pgx-weights")
        defer { try? FileManager.default.removeItem(at: tmp) }
        for name in ["model.json", "curation.json", "cooccurrence.json"] {
            let url = TestEnv.root.appendingPathComponent("rules/model/\(name)")
            let model = try PairModel(url: url)
            let obj = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
            let ws = obj["weights"] as! [String: Double]
            XCTAssertGreaterThan(ws.count, name == "cooccurrence.json" ? 10 : 10_000, name)
            var expected = [Float](repeating: 0, count: model.weights.count)
            for (k, v) in ws { expected[Int(k)!] = Float(v) }
            XCTAssertEqual(model.weights, expected, "\(name): weights as JSONSerialization reads them")
            XCTAssertNil(model.metadata["weights"], name)
            XCTAssertEqual(model.metadata["version"] as? String, obj["version"] as? String, name)
            if name == "model.json" {
                XCTAssertNotNil(model.trees, "the sentence model's trees are read after the weights are cut out")
                XCTAssertEqual(model.calibration.a, (obj["calibration"] as! [String: Double])["a"]!)
            }
            let compact = tmp.appendingPathComponent(name)
            try JSONSerialization.data(withJSONObject: obj).write(to: compact)
            XCTAssertEqual(try PairModel(url: compact).weights, expected, "\(name) in compact JSON")
        }
    }
}
