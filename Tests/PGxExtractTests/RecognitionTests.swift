import Foundation
@testable import PGxExtract
import TestSupport
import XCTest

/// What the real binary recognizes in real PubMed records (../shared/data) where a lexicon entry or a
/// rule used to mislead: abbreviations, old gene aliases, allergenic extracts, phenotype qualifiers, and
/// direction words said of the genotype. Each test names the records it reads.
final class RecognitionTests: XCTestCase {
    /// Entity output per set of inputs, run once per test process (several tests read the same folders).
    nonisolated(unsafe) static var cache: [[String]: [[String: Any]]] = [:]

    func json(_ data: Data) throws -> [[String: Any]] {
        try data.split(separator: 0x0A).map { try JSONSerialization.jsonObject(with: Data($0)) as! [String: Any] }
    }

    /// `pgx extract --format entities` over files or folders given as paths under ../shared/data. The
    /// samples folder holds one file that is no PubMed XML (an efetch IPG report): the run names it, reads
    /// the rest and exits 1.
    func entities(_ paths: String...) throws -> [[String: Any]] { try entities(paths) }

    func entities(_ paths: [String]) throws -> [[String: Any]] {
        if let hit = Self.cache[paths] { return hit }
        let shared = try TestEnv.requireShared()
        let r = try runProcess(try TestEnv.binary().path,
                               ["extract", "--format", "entities"] + paths.map { shared.appendingPathComponent("data/" + $0).path },
                               cwd: TestEnv.root)
        if paths.contains("pubmed/samples") {
            XCTAssertEqual(r.status, 1, r.stderr)
            XCTAssertTrue(r.stderr.contains("PGX-E003") && r.stderr.contains("bp_efetch_schemas.xml"), r.stderr)
        } else {
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        let out = try json(r.stdout)
        Self.cache[paths] = out
        return out
    }

    /// The mentions of one record.
    func record(_ pmid: String, in paths: String...) throws -> [[String: Any]] {
        let doc = try entities(paths).filter { $0["doc"] as? String == pmid }
        XCTAssertFalse(doc.isEmpty, "\(pmid) is in \(paths)")
        return doc
    }

    /// `pgx extract --input-format text` over JSONL lines: entities, or triples at any confidence.
    func text(_ lines: [String], triples: Bool = false) throws -> [[String: Any]] {
        let args = ["extract", "--input-format", "text"] + (triples ? ["--min-confidence", "0"] : ["--format", "entities"]) + ["-"]
        let r = try runProcess(try TestEnv.binary().path, args, input: Data((lines.joined(separator: "\n") + "\n").utf8), cwd: TestEnv.root)
        XCTAssertEqual(r.status, 0, r.stderr)
        return try json(r.stdout)
    }

    func texts(_ ms: [[String: Any]], type: String) -> [String] {
        ms.filter { $0["type"] as? String == type }.compactMap { $0["text"] as? String }
    }

    /// The genes the variants of a record written `text` take ("none" for one without a gene).
    func variantGenes(_ ms: [[String: Any]], _ pmid: String, _ text: String) -> Set<String> {
        Set(ms.filter { $0["doc"] as? String == pmid && $0["text"] as? String == text && $0["type"] as? String == "variant" }
            .map { $0["gene"] as? String ?? "none" })
    }

    /// The genes the variants of a PharmGKB dev record written `text` take (`variantGenes`).
    func pharmgkbGenes(_ pmid: String, _ text: String) throws -> Set<String> { variantGenes(try entities(Self.pharmgkb), pmid, text) }

    static let pharmgkb = "pubmed/pharmgkb-dev"
    static func pharmgkbFile(_ n: Int) -> String { String(format: "pubmed/pharmgkb-dev/pharmgkb-%03d.xml", n) }

    /// An author's definition beats a lexicon abbreviation of another drug, in real PubMed records:
    /// "Dexmedetomidine (Dex)" (a MEDLINE sample; DrugBank's Dex is dextromethorphan) and "atorvastatin
    /// (ATV)" (a PharmGKB abstract; the lexicon's ATV is atazanavir). Capitalized words DrugBank lists as
    /// abbreviations ("Lac", "Mat") and proteins written as their gene ("MART1", "CT-1") are no drugs.
    func testAnAuthorsAbbreviationBeatsTheLexiconsForAnotherDrug() throws {
        for (file, pmid, short, name) in [("pubmed/samples/pp_medline16n0902_partial.xml.gz", "26702389", "Dex", "dexmedetomidine"),
                                          (Self.pharmgkbFile(12), "29250329", "ATV", "atorvastatin")] {
            let uses = try record(pmid, in: file).filter { $0["text"] as? String == short }
            XCTAssertGreaterThan(uses.count, 2, "\(pmid) defines \(short) and uses it")
            XCTAssertEqual(Set(uses.compactMap { $0["name"] as? String }), [name], "\(pmid): \(short)")
        }
        let ms = try text([#"{"id": "w", "text": "Lac and Mat intake, MART1 and CT-1 levels were measured in patients on warfarin."}"#])
        XCTAssertEqual(texts(ms, type: "drug"), ["warfarin"])
    }

    /// A Greek letter and a number written apart is a subunit, not the gene whose old alias it is: in real
    /// PharmGKB abstracts "beta-1 adrenergic receptor" is ADRB1 (it was B3GNT2's "beta-1" and a family
    /// phrase), and "calcium channel gamma-2 subunit" is not WARS1's "gamma-2".
    func testGreekLetterAndNumberWrittenApart() throws {
        let genes = try entities(Self.pharmgkbFile(2)).filter { $0["type"] as? String == "gene" }
        func named(_ pmid: String, _ text: String) -> [String] {
            genes.filter { $0["doc"] as? String == pmid && $0["text"] as? String == text }.compactMap { $0["name"] as? String }
        }
        XCTAssertEqual(named("18797399", "beta-1 adrenergic receptor"), ["ADRB1", "ADRB1"])
        XCTAssertFalse(genes.contains { ["B3GNT2", "WARS1"].contains($0["name"] as? String) },
                       "\(genes.filter { ["B3GNT2", "WARS1"].contains($0["name"] as? String) })")
        XCTAssertEqual(named("18408563", "cacng2"), ["CACNG2"])
    }

    /// Serotonin receptors with the subscript written inline ("5-HT(1)A", "5HT2A") are their genes, and a
    /// bracket glued to a name and opening on a digit defines no abbreviation (it made "2A" serotonin);
    /// the one human aldehyde oxidase is AOX1, not a family phrase. Real PharmGKB abstracts.
    func testSerotoninReceptorSubscriptsAndAldehydeOxidase() throws {
        for (file, pmid, text, gene) in [(1, "18308786", "5-HT(1)A", "HTR1A"), (11, "28611364", "5HT2A", "HTR2A"),
                                         (10, "27798726", "Aldehyde Oxidase", "AOX1")] {
            let doc = try record(pmid, in: Self.pharmgkbFile(file))
            let uses = doc.filter { $0["text"] as? String == text }
            XCTAssertFalse(uses.isEmpty, "\(pmid) writes \(text)")
            XCTAssertEqual(Set(uses.map { "\($0["type"] ?? "")|\($0["name"] ?? "")" }), ["gene|\(gene)"], "\(pmid): \(text)")
            if pmid == "18308786" {
                XCTAssertFalse(doc.contains { $0["name"] as? String == "serotonin" }, "the abstract names receptors only, no serotonin")
            }
        }
        let ms = try text([#"{"id": "g", "text": "Cells took up dopamine(3H) in CYP2D6 poor metabolizers, and 3H was counted."}"#])
        XCTAssertEqual(texts(ms, type: "drug"), ["dopamine"], "a bracket glued to a name and opening on a digit defines no abbreviation")
    }

    /// Some genes' old aliases are, in PharmGKB abstracts, clinical abbreviations (HTx heart transplantation,
    /// BUP buprenorphine, ACTG the AIDS Clinical Trials Group), months ("March", "April") or sequences
    /// ("CCTG" repeats): none is a gene there. The MHC is a family, which keeps "MHC class I-related chain B
    /// (MICB)" a gene's definition, so MICB stays a gene.
    func testClinicalAbbreviationsMonthsAndSequencesAreNoGenes() throws {
        let mentions = try entities(Self.pharmgkb)
        let notGenes: Set<String> = ["HTx", "BUP", "ACTG", "March", "April", "CCTG", "TGC"]
        let wrong = mentions.filter { $0["type"] as? String == "gene" && notGenes.contains($0["text"] as? String ?? "") }
        XCTAssertEqual(wrong.count, 0, "\(wrong.prefix(5))")
        let micb = mentions.filter { $0["doc"] as? String == "26075078" && $0["text"] as? String == "MICB" }
        XCTAssertEqual(Set(micb.compactMap { $0["name"] as? String }), ["MICB"])
        XCTAssertGreaterThan(micb.count, 1)
        let mhc = mentions.filter { $0["doc"] as? String == "26075078" && $0["text"] as? String == "MHC" }
        XCTAssertFalse(mhc.isEmpty)
        XCTAssertTrue(mhc.allSatisfy { $0["name"] as? String == "MHC" && $0["id"] is NSNull }, "\(mhc)")
        XCTAssertTrue(mentions.contains { $0["type"] as? String == "drug" && $0["text"] as? String == "BUP-TTS"
                                          && $0["name"] as? String == "buprenorphine" })
    }

    /// A tumour stage in brackets after a drug defines nothing ("neoadjuvant chemotherapy (pT0)" made every
    /// "pT0" a drug), and generic words DrugBank lists as synonyms are no drugs: "factor-1a" (fibrin) ended
    /// "Sterol regulatory elements binding factor-1a (SREBF-1a)", which then named fibrin too. Real PharmGKB
    /// abstracts; a bare "T3" after liothyronine is still its abbreviation.
    func testTumourStagesAndGenericChemistryWordsAreNoDrugs() throws {
        for (file, pmid, words) in [(10, "27150640", ["pT0"]), (0, "12436350", ["SREBF-1a", "factor-1a", "Sterol"])] {
            let wrong = try record(pmid, in: Self.pharmgkbFile(file)).filter { $0["type"] as? String == "drug" && words.contains($0["text"] as? String ?? "") }
            XCTAssertEqual(wrong.count, 0, "\(pmid): \(wrong)")
        }
        let ms = try text([#"{"id": "t", "text": "Liothyronine (T3) was given; T3 levels depended on DIO2."}"#])
        XCTAssertEqual(ms.filter { $0["text"] as? String == "T3" }.compactMap { $0["name"] as? String }, ["liothyronine", "liothyronine"])
    }

    /// DrugBank's allergenic extracts (foods, organisms, pollens) are no drugs: over the real PubMed samples
    /// and the PharmGKB abstracts, "yeast", "goose", "poultry", "peach" name nothing, while vitamin D, a
    /// DrugBank mixture of the same id range, stays. Nor are viruses, chemicals, cell lines and cells genes
    /// through an old alias (SARS, MoS2, THP-1, Th1), and RAF and PKC are families, not ZHX2 and PRRT2.
    func testAllergenicExtractsAndMisleadingAliases() throws {
        let mentions = try entities("pubmed/samples", Self.pharmgkb)
        let genes = mentions.filter { $0["type"] as? String == "gene" }.compactMap { $0["name"] as? String }
        XCTAssertGreaterThan(genes.count, 10_000)
        XCTAssertEqual(genes.filter { ["SARS1", "GPKOW", "GLI2", "NELFCD", "ZHX2", "PRRT2"].contains($0) }, [])
        let drugs = mentions.filter { $0["type"] as? String == "drug" }.compactMap { $0["name"] as? String }
        XCTAssertGreaterThan(drugs.count, 10_000)
        XCTAssertEqual(drugs.filter { ["yeast", "goose", "poultry", "peach", "tomato", "cotton"].contains($0) }, [])
        XCTAssertGreaterThan(drugs.filter { $0 == "vitamin d" }.count, 10)
    }

    /// In PGxCorpus dev sentences, metabolites, reagents and clinical terms are no genes through an old
    /// alias: LPS (lipopolysaccharide, not IRF6), CCl(4) (not CRYGC), TPN (total parenteral nutrition, not
    /// TAPBP), MMA and DMA (arsenic metabolites, not MMD and HLA-DMA); a breast cancer cell line
    /// ("HCC-1937") is no compound code.
    func testMetabolitesReagentsAndCellLinesInPGxCorpusSentences() throws {
        let ms = try text(TestEnv.goldLines("pgxcorpus-dev", ids: ["22588330_3", "19481104_8", "12005453_12", "17548696_4", "12509456_18"]))
        let genes = Set(ms.filter { $0["type"] as? String == "gene" }.compactMap { $0["name"] as? String })
        XCTAssertTrue(genes.isDisjoint(with: ["IRF6", "CRYGC", "TAPBP", "MMD", "HLA-DMA"]), "\(genes)")
        XCTAssertTrue(genes.contains("MTHFR") && genes.contains("BRCA1"), "the real genes stay: \(genes)")
        XCTAssertFalse(texts(ms, type: "drug").contains("HCC-1937"))
    }

    /// An abbreviation defined after a combination names every drug of it, as a regimen does: in real
    /// PharmGKB abstracts "PR" (peginterferon and ribavirin) and "EOF" (epirubicin, oxaliplatin and
    /// fluorouracil); "OA" after "amoxicillin and omeprazole" (written). A single drug's stays one drug.
    func testAbbreviationsOfCombinationsNameEachDrug() throws {
        for (file, pmid, short, drugs) in [(5, "21911885", "PR", ["peginterferon alfa-2a", "peginterferon alfa-2b", "ribavirin"]),
                                           (8, "25545243", "EOF", ["epirubicin", "oxaliplatin", "fluorouracil"])] {
            let uses = try record(pmid, in: Self.pharmgkbFile(file)).filter { $0["text"] as? String == short }
            XCTAssertEqual(Set(uses.compactMap { $0["name"] as? String }), Set(drugs), "\(pmid): \(short)")
        }
        let ms = try text([#"{"id": "a", "text": "Amoxicillin and omeprazole (OA) cured CYP2C19 poor metabolizers; OA failed in others."}"#,
                           #"{"id": "b", "text": "Tacrolimus and mycophenolate mofetil (MMF) were given; MMF exposure depended on UGT1A9."}"#])
        func names(_ doc: String, _ short: String) -> [String] {
            ms.filter { $0["doc"] as? String == doc && $0["text"] as? String == short }.compactMap { $0["name"] as? String }
        }
        XCTAssertEqual(names("a", "OA"), ["amoxicillin", "omeprazole", "amoxicillin", "omeprazole"])
        XCTAssertEqual(names("b", "MMF"), ["mycophenolate mofetil", "mycophenolate mofetil"], "MMF does not spell tacrolimus")
    }

    /// A symbol with a subtype letter written with a hyphen is that gene ("HTR-1A-1019C/G": HTR1A and its
    /// variant, where F2R's old alias HTR took the variant), "organic cation transporter 3" is SLC22A3, and
    /// OATP alone is the transporter family. Real PharmGKB abstracts (one file).
    func testHyphenatedSubtypeSymbolsAndTransporterNames() throws {
        let ms = try entities(Self.pharmgkbFile(8))
        func names(_ pmid: String, _ text: String) -> Set<String> {
            Set(ms.filter { $0["doc"] as? String == pmid && $0["text"] as? String == text }.compactMap { $0["name"] as? String })
        }
        XCTAssertEqual(names("25710119", "HTR-1A"), ["HTR1A"])
        let variant = ms.first { $0["doc"] as? String == "25710119" && ($0["text"] as? String)?.hasSuffix("1019C/G") == true }
        XCTAssertEqual(variant?["gene"] as? String, "HTR1A", "\(String(describing: variant))")
        XCTAssertFalse(ms.contains { $0["name"] as? String == "F2R" })
        XCTAssertEqual(names("25920679", "organic cation transporter 3"), ["SLC22A3"])
    }

    /// Lexicon drug abbreviations in real PharmGKB abstracts: "5-AZA" (5-azacytidine) is no azathioprine,
    /// "LCS-6 TG genotype" no tioguanine, "Open EPI software" no epirubicin; the same letters with their
    /// drug in the sentence or a word of drug use stay drugs (written cases, one sentence each).
    func testAbbreviationsThatContinueANameOrStandAloneAreNoDrugs() throws {
        for (file, pmid, word) in [(2, "19638460", "AZA"), (9, "26162609", "6 TG"), (6, "24036429", "EPI")] {
            let drugs = texts(try record(pmid, in: Self.pharmgkbFile(file)), type: "drug")
            XCTAssertFalse(drugs.contains(word), "\(pmid): \(word)")
        }
        let ms = try text([#"{"id": "a", "text": "Patients on EPI and dobutamine with ADRB1 Arg389Gly."}"#,
                           #"{"id": "b", "text": "HD-MTX clearance was lower in SLCO1B1 carriers. Their EPI scores were recorded."}"#])
        let drugs = ms.filter { $0["type"] as? String == "drug" }.map { "\($0["doc"]!):\($0["text"]!)" }
        XCTAssertEqual(drugs, ["a:EPI", "a:dobutamine", "b:MTX"], "EPI with another drug stays; HD-MTX is methotrexate; EPI alone is not")
    }

    /// The serotonin transporter's long and short alleles written alone are variants of SLC6A4 where the
    /// text names 5-HTTLPR: the PGxCorpus dev sentence "s/s-allele patients showed a higher benefit from
    /// lithium augmentation than did patients carrying other 5-HTTLPR genotypes" pairs "s/s" (named
    /// 5-HTTLPR) with lithium, as its gold does; written sentences show that the letters mean nothing in a
    /// text that does not name the polymorphism, nor after a word that numbers ("type L").
    func testSerotoninTransporterGenotypesAreVariantsOfSLC6A4() throws {
        let shared = try TestEnv.requireShared()
        let gold = try String(contentsOf: shared.appendingPathComponent("data/gold/pgxcorpus-dev.jsonl"), encoding: .utf8)
        var lines = gold.split(separator: "\n").map(String.init).filter { $0.contains("s/s-allele patients showed a higher benefit from lithium") }
        XCTAssertEqual(lines.count, 1, "the PGxCorpus sentence")
        lines.append(#"{"id": "w1", "text": "Patients with the S allele and the LL genotype responded to paroxetine."}"#)
        lines.append(#"{"id": "w2", "text": "In 5-HTTLPR studies, type L patients and SS homozygotes on fluoxetine were compared."}"#)
        let ms = try text(lines)
        let genotypes = ms.filter { $0["source"] as? String == "pattern:httlpr-genotype" }
        XCTAssertEqual(Set(genotypes.map { "\($0["doc"]!)|\($0["text"]!)|\($0["gene"]!)|\($0["name"]!)" }),
                       ["\(lines[0].split(separator: "\"")[3])|s/s|SLC6A4|5-HTTLPR", "w2|SS|SLC6A4|5-HTTLPR"])
        let triples = try text(Array(lines.prefix(1)), triples: true).filter {
            ($0["drug"] as? [String: Any])?["name"] as? String == "lithium" && ($0["variant"] as? [String: Any])?["text"] as? String == "s/s"
        }
        XCTAssertEqual(triples.count, 1)
        XCTAssertEqual((triples.first?["gene"] as? [String: Any])?["symbol"] as? String, "SLC6A4")
    }

    /// A dose that is the regimen given ("on standard doses of", "a single oral dose of") does not set the
    /// category where the sentence has another category's cue: that cue is what the drug did. A dose the
    /// genotype acts on ("the dose of acenocoumarol required") still does.
    func testARegimenDoseIsNotTheEffect() throws {
        let lines = [
            #"{"id": "r1", "text": "TPMT*3A heterozygotes developed severe neutropenia on standard doses of azathioprine."}"#,
            #"{"id": "r2", "text": "After a single oral dose of phenytoin, CYP2C19 poor metabolizers had a higher AUC."}"#,
            #"{"id": "r3", "text": "We studied the effect of VKORC1 -1639G>A on the dose of acenocoumarol required to reach the target INR."}"#,
        ]
        var category: [String: String] = [:]
        for t in try text(lines, triples: true) {
            category["\(t["doc"]!)"] = (t["effect"] as? [String: Any])?["category"] as? String
        }
        XCTAssertEqual(category, ["r1": "toxicity", "r2": "metabolism", "r3": "dosage"])
    }

    /// A direction word said of the gene or its alleles ("TPMT deficiency", "PTEN loss", "loss-of-function
    /// alleles") is not the effect's direction; a verb after the gene still is ("PPARalpha protects against
    /// amiodarone-induced hepatotoxicity"). Sentences of the PGxCorpus dev set and written ones.
    func testDirectionWordsSaidOfTheGenotypeAreNotTheEffect() throws {
        let shared = try TestEnv.requireShared()
        let gold = try String(contentsOf: shared.appendingPathComponent("data/gold/pgxcorpus-dev.jsonl"), encoding: .utf8)
        let wanted = ["TPMT deficiency is associated with azathioprine", "PPARalpha protects against amiodarone"]
        var lines = gold.split(separator: "\n").map(String.init).filter { l in wanted.contains { l.contains($0) } }
        XCTAssertEqual(lines.count, 2, "the two PGxCorpus sentences")
        lines.append(#"{"id": "w1", "text": "Carriers of CYP2C19 loss-of-function alleles had reduced response to clopidogrel."}"#)
        lines.append(#"{"id": "w2", "text": "Patients with DPD deficiency have severe toxicity from fluorouracil."}"#)
        var direction: [String: String] = [:]
        for t in try text(lines, triples: true) {
            let gene = (t["gene"] as? [String: Any])?["symbol"] as? String ?? "-"
            direction[gene] = (t["effect"] as? [String: Any])?["direction"] as? String
        }
        XCTAssertNotEqual(direction["TPMT"], "decreased", "TPMT deficiency does not make myelosuppression decrease")
        XCTAssertEqual(direction["PPARA"], "decreased", "the gene's verb is the effect")
        XCTAssertEqual(direction["CYP2C19"], "decreased", "reduced response, not the loss of function")
        XCTAssertEqual(direction["DPYD"], "unspecified")
    }

    /// Phenotype qualifiers tacrolimus and fluoropyrimidine studies write: CYP3A5 "expressers" and
    /// "nonexpressors", and a deficiency right after its gene ("DPD deficiency"); a deficiency after
    /// anything else ("vitamin D deficiency") qualifies no gene. Over the PharmGKB abstracts.
    func testExpressersAndGeneDeficienciesArePhenotypes() throws {
        let phenos = try entities(Self.pharmgkb).filter { $0["type"] as? String == "phenotype" }
        let expressers = phenos.filter { ($0["name"] as? String)?.hasSuffix("expresser") == true }
        XCTAssertGreaterThan(expressers.filter { $0["gene"] as? String == "CYP3A5" }.count, 100)
        XCTAssertTrue(phenos.contains { $0["doc"] as? String == "12694072" && $0["name"] as? String == "non-expresser" })
        let deficiencies = phenos.filter { ($0["text"] as? String)?.lowercased().hasPrefix("deficienc") == true }
        XCTAssertTrue(deficiencies.contains { $0["doc"] as? String == "17064846" && $0["gene"] as? String == "DPYD" })
        XCTAssertTrue(deficiencies.allSatisfy { $0["gene"] is String }, "a deficiency stands right after its gene")
        let shared = try TestEnv.requireShared()
        let t = try runProcess(try TestEnv.binary().path,
                               ["extract", "--min-confidence", "0", shared.appendingPathComponent("data/" + Self.pharmgkbFile(1)).path],
                               cwd: TestEnv.root)
        let dpd = try json(t.stdout).filter { $0["doc"] as? String == "17064846" && ($0["gene"] as? [String: Any])?["symbol"] as? String == "DPYD" }
        XCTAssertTrue(dpd.contains { $0["phenotype"] as? String == "deficient" }, "the rule's qualifier")
    }

    /// Words of general MEDLINE records that some gene's alias or symbol spells, in real records of the
    /// samples folder: "Ca2+" (calcium, not CA2), "hPa" (a unit, not heparanase's HPA), "Sac/Val"
    /// (sacubitril/valsartan, not ADCY10's SAC), "INS-1 beta cells" (a cell line, not insulin), a "C2 like
    /// C-terminal domain", a trial named after its drug ("dostarlimab (GARNET)"); and "Alkaline phosphatase
    /// (ALPL)" names the gene, not a drug. No mention anywhere in the samples or the PharmGKB abstracts is
    /// one of the genes those words were read as.
    func testGeneralMedlineWordsAreNoGenes() throws {
        func mentions(_ pmid: String) throws -> [(type: String, text: String, name: String)] {
            try record(pmid, in: "pubmed/samples", Self.pharmgkb).map {
                ($0["type"] as? String ?? "", $0["text"] as? String ?? "", $0["name"] as? String ?? "")
            }
        }
        for (pmid, word) in [("32588354", "Ca2"), ("41603214", "hPa"), ("25391656", "INS"), ("26702304", "C2"), ("36456072", "Sac")] {
            XCTAssertFalse(try mentions(pmid).contains { $0.type == "gene" && $0.text == word }, "\(pmid): \(word)")
        }
        let sacVal = try mentions("36456072").filter { $0.text == "Sac/Val" }
        XCTAssertEqual(Set(sacVal.map(\.name)), ["sacubitril", "valsartan"])
        XCTAssertFalse(try mentions("41604152").contains { $0.text == "GARNET" })
        // "25-hydroxyvitamin D" is one chemical (it was cut to "25-hydroxyvitamin"); "soluble epoxide
        // hydrolase" is EPHX2, not a drug; a ProteomeXchange accession is no compound code
        let vitamin = try mentions("31921969").filter { $0.text.hasPrefix("25-hydroxyvitamin") }
        XCTAssertFalse(vitamin.isEmpty)
        XCTAssertTrue(vitamin.allSatisfy { $0.text == "25-hydroxyvitamin D" && $0.name == "25-hydroxyvitamin d" }, "\(vitamin)")
        let seh = try mentions("25361765").filter { $0.text.lowercased() == "soluble epoxide hydrolase" }
        XCTAssertFalse(seh.isEmpty)
        XCTAssertTrue(seh.allSatisfy { $0.type == "gene" && $0.name == "EPHX2" }, "\(seh)")
        XCTAssertFalse(try mentions("30086402").contains { $0.text == "PXD009440" })
        // a CD marker and an RNA gene are no compound codes: "CD45(-)CD326(+)", "MIR3976HG rs7504760"
        XCTAssertFalse(try mentions("26702369").contains { $0.type == "drug" && $0.text == "CD326" })
        XCTAssertFalse(try mentions("38072719").contains { $0.type == "drug" && $0.text == "MIR3976HG" })
        // the dihydropyridine receptor is CACNA1S, and so is its "DHPR" (NCBI's alias of QDPR)
        let dhpr = try mentions("25384984").filter { $0.text == "DHPR" || $0.text == "dihydropyridine receptor" }
        XCTAssertFalse(dhpr.isEmpty)
        XCTAssertTrue(dhpr.allSatisfy { $0.type == "gene" && $0.name == "CACNA1S" }, "\(dhpr)")
        let alpl = try mentions("39788827").filter { $0.text == "ALPL" }
        XCTAssertFalse(alpl.isEmpty)
        XCTAssertTrue(alpl.allSatisfy { $0.type == "gene" && $0.name == "ALPL" }, "\(alpl)")
        let genes = Set(try entities("pubmed/samples", Self.pharmgkb).filter { $0["type"] as? String == "gene" }.compactMap { $0["name"] as? String })
        XCTAssertEqual(genes.intersection(["CA2", "HPSE", "ADCY10", "CPT1C", "CCL7", "KRIT1", "DCLK3", "CNTN2", "TIMELESS", "DUSP23", "AP5Z1"]), [])
        // the gene lexicon's owners: MRP1 is ABCC1 (not MDM4), and "CaM" is still calmodulin
        let ms = try text([#"{"id": "m", "text": "MRP1 and CaM levels, whether caspase activity, and CAM use differed in patients on doxorubicin."}"#,
                           #"{"id": "h", "text": "HIF-1 and Drp1 bands on SDS-PAGE of the CA1 region, p50 and PP2A after cisplatin."}"#])
        func geneNames(_ id: String) -> [String] { ms.filter { $0["doc"] as? String == id && $0["type"] as? String == "gene" }.compactMap { $0["name"] as? String } }
        XCTAssertEqual(geneNames("m"), ["ABCC1", "CALM3"])
        XCTAssertEqual(geneNames("h"), ["HIF1A", "DNM1L", "PP2A"], "SDS, CA1 and p50 are no genes; PP2A is a family")
    }

    /// A drug CPIC names otherwise than DrugBank has CPIC's name whatever is written, so a rule table holds
    /// one rule for it: "acetylsalicylic acid" and "aspirin", "glyburide" and "glibenclamide", "albuterol".
    func testOneNamePerDrugCPICs() throws {
        let ms = try text([#"{"id": "c", "text": "Acetylsalicylic acid, aspirin, glyburide, glibenclamide, albuterol and tioguanine in CYP2C9 carriers."}"#])
        XCTAssertEqual(ms.filter { $0["type"] as? String == "drug" }.compactMap { $0["name"] as? String },
                       ["aspirin", "aspirin", "glibenclamide", "glibenclamide", "salbutamol", "thioguanine"])
    }

    /// Abbreviations PharmGKB abstracts define for a study or a measure, written with a star or a bracket
    /// glued on: "Sequenced Treatment Alternatives to Relieve Depression (STAR*D)" is no STAR gene, and
    /// "forced expiratory volume in 1 second (FEV(1))" no FEV gene, in the whole abstract; "interleukin-10
    /// (IL-10)" is the gene IL10 (DrugBank's interleukin-10 does not take it), "manganese SOD (MNSOD)"
    /// stays SOD2 ("SOD" alone is the family), "tissue factor (TF)" is F3, not transferrin, and a body
    /// substance's measure ("low-density lipoprotein cholesterol (LDL-C)") is no drug.
    func testStudyAndMeasureAbbreviationsAreNoGenes() throws {
        let genes = try entities(Self.pharmgkb).filter { $0["type"] as? String == "gene" }
        func names(_ pmid: String) -> [String] { genes.filter { $0["doc"] as? String == pmid }.compactMap { $0["name"] as? String } }
        XCTAssertFalse(names("18618621").contains("STAR"))
        // an allele written with a star and a letter stays its gene's: "TGFB1*T, CCR5*d and IFNAR1*G"
        XCTAssertTrue(Set(names("22111603")).isSuperset(of: ["TGFB1", "CCR5", "IFNAR1"]), "\(names("22111603"))")
        XCTAssertFalse(genes.contains { $0["name"] as? String == "STAR" || $0["name"] as? String == "FEV" })
        XCTAssertTrue(names("21359536").contains("IL10"))
        XCTAssertFalse(try entities(Self.pharmgkb).contains { $0["doc"] as? String == "21359536" && $0["type"] as? String == "drug"
            && ($0["text"] as? String)?.hasPrefix("IL-10") == true })
        XCTAssertEqual(genes.filter { $0["doc"] as? String == "19946932" && $0["text"] as? String == "MNSOD" }.compactMap { $0["name"] as? String },
                       ["SOD2", "SOD2"])
        // a gene's full name defines another gene's symbol: "tissue factor (TF)" is F3 in that abstract,
        // while "TF" stays transferrin where the abstract means it ("genes HFE and TF")
        XCTAssertEqual(Set(genes.filter { $0["doc"] as? String == "19027114" && $0["text"] as? String == "TF" }.compactMap { $0["name"] as? String }), ["F3"])
        XCTAssertEqual(Set(genes.filter { $0["doc"] as? String == "27115882" && $0["text"] as? String == "TF" }.compactMap { $0["name"] as? String }), ["TF"])
        // clinical measures that spell a gene symbol: "estimated glomerular filtration rate (eGFR)" (no EGFR),
        // event-free survival (EFS), cigarettes per day (CPD)
        XCTAssertFalse(names("25673014").contains("EGFR"))
        XCTAssertFalse(names("25748439").contains("EFS"))
        XCTAssertFalse(names("26132489").contains("CPD"))
        // a warfarin algorithm's mean absolute error (MAE) is no SLC6A1; "murine Cyp3a" is the subfamily,
        // not CYP3A4 through NCBI's old alias CYP3A
        XCTAssertFalse(names("29568565").contains("SLC6A1"))
        XCTAssertEqual(Set(genes.filter { $0["doc"] as? String == "21451505" && $0["text"] as? String == "Cyp3a" }.compactMap { $0["name"] as? String }), ["CYP3A"])
        // "low-density lipoprotein cholesterol (LDL-C)" is a measure, not the drug cholesterol
        XCTAssertFalse(try entities(Self.pharmgkb).contains { $0["doc"] as? String == "10636265" && $0["text"] as? String == "LDL-C" })
        // "reduced folate carrier 1 (RFC1)": the methotrexate transporter SLC19A1, not replication factor C
        XCTAssertEqual(Set(genes.filter { $0["doc"] as? String == "16462575" && $0["text"] as? String == "RFC1" }.compactMap { $0["name"] as? String }), ["SLC19A1"])
    }

    /// A substance named as part of a protein or structure is no drug: "zinc finger protein gene ZNF432"
    /// (a PharmGKB abstract; its zinc made a ZNF432–zinc triple), "glucose transporter" (SLC2A2 and
    /// metformin), "calcium channel blocker" (the class, not calcium and a "channel blocker"); a drug's
    /// own transporter names the drug ("metformin transporter").
    func testSubstancesNamingAProteinAreNoDrugs() throws {
        let all = try entities(Self.pharmgkb).filter { $0["type"] as? String == "drug" }
        func drugs(_ pmid: String) -> [(text: String, name: String)] {
            all.filter { $0["doc"] as? String == pmid }.map { ($0["text"] as? String ?? "", $0["name"] as? String ?? "") }
        }
        XCTAssertFalse(drugs("24280104").contains { $0.name == "zinc" }, "\(drugs("24280104"))")
        XCTAssertFalse(drugs("27500523").contains { $0.name == "glucose" }, "\(drugs("27500523"))")
        let ccb = drugs("21671989").filter { $0.text.lowercased().contains("channel") || $0.text == "CCB" || $0.name == "calcium" }
        XCTAssertFalse(ccb.isEmpty)
        XCTAssertTrue(ccb.allSatisfy { $0.name == "calcium channel blockers" }, "\(ccb)")
        let ms = try text([#"{"id": "s", "text": "The SLC30A8 zinc transporter, the Na+/K+ sodium-potassium pump, the iron-sulfur cluster and calcium channel variants, but not the metformin transporter OCT1, with metformin."}"#])
        XCTAssertEqual(texts(ms, type: "drug"), ["metformin", "metformin"])
        // HER2's full name begins with DrugBank's "human epidermal growth factor" (nepidermin): it is ERBB2
        let her2 = try text([#"{"id": "h", "text": "Human epidermal growth factor receptor 2 (HER2)-positive patients received trastuzumab."}"#])
        XCTAssertEqual(her2.compactMap { $0["name"] as? String }, ["ERBB2", "ERBB2", "trastuzumab"])
        // triples: no ZNF432-zinc pair where the abstract names its zinc finger gene
        let triples = try text([#"{"id": "z", "text": "rs3752120 is located in the zinc finger protein gene ZNF432 and modulates the response to salmeterol."}"#], triples: true)
        let partners = triples.compactMap { ($0["drug"] as? [String: Any])?["name"] as? String }
        XCTAssertFalse(partners.isEmpty)
        XCTAssertEqual(Set(partners), ["salmeterol"])
    }

    /// A record about bacteria, yeast or plants names their genes, not human ones, where it writes them
    /// otherwise than as a human symbol: the bacterial desulfurase "IscS" (NCBI's alias of human NFS1, a
    /// MEDLINE update sample indexed "Bacterial Proteins"), tomato "iNOS" (NOS2; "Plant Proteins") and yeast
    /// "Tpa1" (OGFOD1; "Saccharomyces cerevisiae Proteins"), which made NFS1–iron, NOS2–methotrexate and
    /// OGFOD1–methane triples. Without MeSH headings the words decide; an animal study keeps its genes
    /// (a PharmGKB rat study of KCNJ6), as does a human symbol expressed in yeast.
    func testGenesOfBacteriaYeastAndPlantsAreNotHuman() throws {
        let samples = try entities("pubmed/samples").filter { $0["type"] as? String == "gene" }
        for (pmid, written, human) in [("16698547", "IscS", "NFS1"), ("15146069", "iNOS", "NOS2"), ("25381260", "Tpa1", "OGFOD1")] {
            let ms = samples.filter { $0["doc"] as? String == pmid && $0["text"] as? String == written }
            XCTAssertFalse(ms.isEmpty, "\(pmid) names \(written)")
            XCTAssertTrue(ms.allSatisfy { $0["name"] as? String == written && $0["source"] as? String == "pattern:nonhuman" }, "\(pmid): \(ms)")
            XCTAssertFalse(samples.contains { $0["doc"] as? String == pmid && $0["name"] as? String == human })
        }
        let rat = try entities(Self.pharmgkb).filter { $0["doc"] as? String == "20220551" && $0["type"] as? String == "gene" }
        XCTAssertTrue(rat.contains { $0["name"] as? String == "KCNJ6" }, "\(rat)")
        let ms = try text([#"{"id": "y", "text": "In yeast, deletion of Tpa1 caused sensitivity to methyl methanesulfonate."}"#,
                           #"{"id": "c", "text": "CYP2D6 and Tpa1 expressed in yeast metabolized debrisoquine."}"#,
                           #"{"id": "p", "text": "In patients, Tpa1 and yeast-derived products did not change the response to warfarin."}"#])
        func genes(_ id: String) -> [String] { ms.filter { $0["doc"] as? String == id && $0["type"] as? String == "gene" }.compactMap { $0["name"] as? String } }
        XCTAssertEqual(genes("y"), ["Tpa1"])
        XCTAssertEqual(genes("c"), ["CYP2D6", "Tpa1"])
        XCTAssertEqual(genes("p"), ["OGFOD1"])
    }

    /// Stains, fixatives, cofactors and nutrients are no drugs, and an agent's target phrase ends at a preposition, in
    /// MEDLINE samples: "hematoxylin and eosin" staining (26207958; they paired with CD138), coenzyme A
    /// (41594546: OXCT1–"coenzyme a" at 0.90), "modulators of microglia polarization via TLR4/NF-κB" is no
    /// TLR4 agent (34863710); and in a PharmGKB abstract, "MTHFR rs1801131 AA and rs1801133 TT; MS rs1805087
    /// AA" does not give MTHFR the methionine synthase SNP after the semicolon (27676277).
    func testReagentsCofactorsAndLoosePhrasesAreNoDrugs() throws {
        let samples = try entities("pubmed/samples")
        func drugs(_ pmid: String) -> [String] {
            samples.filter { $0["doc"] as? String == pmid && $0["type"] as? String == "drug" }.compactMap { $0["name"] as? String }
        }
        XCTAssertTrue(Set(drugs("26207958")).isDisjoint(with: ["hematoxylin", "eosin"]), "\(drugs("26207958"))")
        XCTAssertFalse(drugs("41594546").contains("coenzyme a"), "\(drugs("41594546"))")
        XCTAssertFalse(drugs("34863710").contains { $0.hasPrefix("modulators") }, "\(drugs("34863710"))")
        // the fixative of "formalin-fixed paraffin-embedded" tissue (26702420: PIK3CA-formalin), and a
        // polymer's grade after its trademark, "Eudragit® RSPO" (26643801: no R-spondin)
        XCTAssertFalse(drugs("26702420").contains("formaldehyde"), "\(drugs("26702420"))")
        XCTAssertFalse(samples.contains { $0["doc"] as? String == "26643801" && $0["text"] as? String == "RSPO" })
        let snp = try entities(Self.pharmgkb).filter { $0["doc"] as? String == "27676277" && $0["text"] as? String == "rs1805087" }
        XCTAssertFalse(snp.isEmpty)
        XCTAssertTrue(snp.allSatisfy { $0["gene"] as? String != "MTHFR" }, "\(snp)")
        // terms that begin with a substance's name: measures, radicals, a reference, a protein
        let terms = try text([#"{"id": "t", "text": "Against the gold standard, reactive oxygen species, oxygen saturation, blood urea nitrogen and cytochrome c release rose after hyperbaric oxygen therapy in CYP2C9 carriers."}"#])
        XCTAssertEqual(texts(terms, type: "drug"), ["oxygen"])
        // "insulin resistance" is a trait (PharmGKB 25367448, FTO and metabolic disturbances, names it twice);
        // fasting and postprandial serum insulin stay measured substances (20523342, also "... for insulin resistance")
        let pgkbDrugs = try entities(Self.pharmgkb).filter { $0["type"] as? String == "drug" && $0["name"] as? String == "insulin" }
        XCTAssertFalse(pgkbDrugs.contains { $0["doc"] as? String == "25367448" }, "\(pgkbDrugs)")
        let measured = pgkbDrugs.filter { $0["doc"] as? String == "20523342" }
        XCTAssertTrue(measured.contains { $0["text"] as? String == "insulin" }, "\(measured)")
        XCTAssertFalse(measured.contains { $0["start"] as? Int == 840 }, "\(measured)")
        // a variant list written with semicolons stays its gene's: "ABCB1 (1236C > T; 2677G > T/A; 3435C > T)"
        let abcb1 = try entities(Self.pharmgkb).filter { $0["doc"] as? String == "17049058" && $0["text"] as? String == "3435C > T" }
        XCTAssertFalse(abcb1.isEmpty)
        XCTAssertTrue(abcb1.allSatisfy { $0["gene"] as? String == "ABCB1" }, "\(abcb1)")
    }

    /// Substances the DrugBank open vocabulary does not name alone are substances, not classes: lithium
    /// (a PharmGKB abstract of lithium response, 18408563) and arsenic, whose oxidation state "(III)" is no
    /// abbreviation of it (18334919); glucose is the body's own, with D-glucose's DrugBank id, and
    /// "triglyceride-glucose (TyG) index" is a measure, not a regimen of two drugs.
    func testSubstancesOutsideDrugBankAreNoClasses() throws {
        let drugs = try entities(Self.pharmgkb).filter { $0["type"] as? String == "drug" }
        let lithium = drugs.filter { $0["doc"] as? String == "18408563" && $0["name"] as? String == "lithium" }
        XCTAssertFalse(lithium.isEmpty)
        XCTAssertTrue(lithium.allSatisfy { $0["class"] as? Bool == false }, "\(lithium)")
        XCTAssertFalse(drugs.contains { $0["doc"] as? String == "18334919" && $0["text"] as? String == "III" })
        let ms = try text([#"{"id": "g", "text": "The triglyceride-glucose (TyG) index and fasting glucose were higher in CYP2C9 carriers on metformin; TyG rose."}"#])
        XCTAssertFalse(ms.contains { $0["text"] as? String == "TyG" })
        let glucose = ms.filter { $0["name"] as? String == "glucose" }
        XCTAssertEqual(glucose.count, 2)
        XCTAssertTrue(glucose.allSatisfy { $0["id"] as? String == "DB01914" && $0["source"] as? String == "lexicon:endogenous" }, "\(glucose)")
    }

    /// A plural abbreviation stands for its singular: "dipeptidyl peptidase-4 inhibitors (DPPIs)" makes
    /// "DPPI-MET" the class (it was cathepsin C's alias DPPI), and "transcription factors (TFs)" makes "the
    /// Onecut TF family" no transferrin (a MEDLINE sample, 39366958). Symbols that abstracts use for
    /// something else are no genes: the Brief COPE inventory (36441773), papillary renal cell carcinoma,
    /// "pRCC" (38053655), and aliases of other proteins (Rho GTPases, Gaussia luciferase, CreERT2).
    func testPluralAbbreviationsAndOtherUsesOfSymbols() throws {
        let genes = try entities("pubmed/samples").filter { $0["type"] as? String == "gene" }
        func names(_ pmid: String) -> [String] { genes.filter { $0["doc"] as? String == pmid }.compactMap { $0["name"] as? String } }
        XCTAssertFalse(names("39366958").contains("TF"), "\(names("39366958"))")
        XCTAssertFalse(names("36441773").contains("COPE"))
        XCTAssertFalse(names("38053655").contains("PRCC"))
        // the Rho GTPases, a luciferase reporter, CreERT2, influenza's PB1, Son of sevenless, the retinal
        // pigment epithelium: other proteins and tissues than the genes whose aliases spell them
        let other = try text([#"{"id": "o", "text": "Rho kinase, GLuc, CreERT2, PB1, Sos, Prx, snRNP, PLA2 and the RPE of mice on metformin with OCT1 variants; HIV Tat."}"#])
        let otherGenes = Set(other.filter { $0["type"] as? String == "gene" }.compactMap { $0["name"] as? String })
        XCTAssertTrue(otherGenes.contains("SLC22A1"))
        XCTAssertEqual(otherGenes.intersection(["RHO", "GBA", "MAPK3", "PBRM1", "XYLT2", "RPE", "PRX", "LSM2", "PLA2G1B", "TAT"]), [], "\(otherGenes)")
        // HIV's Tat stays a gene (PGxCorpus marks it), but not the human TAT: no pair partner
        XCTAssertEqual(other.filter { $0["text"] as? String == "Tat" }.compactMap { $0["source"] as? String }, ["pattern:nonhuman"])
        let ms = try text([#"{"id": "d", "text": "Dipeptidyl peptidase-4 inhibitors (DPPIs) and metformin combination (DPPI-MET) lowered glucose in SLC22A1 carriers."}"#])
        let dppi = ms.filter { $0["text"] as? String == "DPPI" }
        XCTAssertEqual(dppi.count, 1)
        XCTAssertEqual(dppi.first?["name"] as? String, "dipeptidyl peptidase-4 inhibitors")
        XCTAssertEqual(dppi.first?["type"] as? String, "drug")
    }

    /// Protein names abstracts write otherwise than NCBI: "G protein beta 3 subunit (GNB3) C825T" (a PharmGKB
    /// abstract, 12576843; the variant had no gene), "excision repair cross-complementing group-1" (21262916),
    /// the ABC transporters' systematic names, "human leukocyte antigen-B*58:01" (the allele had no gene), and
    /// "insulin-like growth factor 1", the protein abstracts measure (it was the drug mecasermin); the
    /// serological "HLA-Cw6", "Rev-erb-alpha", and CRP (stop-listed as the clinical measure) as a gene; "P450
    /// oxidoreductase", POR's short name.
    func testProteinNamesAbstractsWriteOtherwise() throws {
        let genes = try entities(Self.pharmgkb).filter { $0["type"] as? String == "gene" || $0["type"] as? String == "variant" }
        func named(_ pmid: String, _ text: String) -> [[String: Any]] { genes.filter { $0["doc"] as? String == pmid && $0["text"] as? String == text } }
        XCTAssertEqual(Set(named("12576843", "G protein beta 3 subunit").compactMap { $0["name"] as? String }), ["GNB3"])
        XCTAssertEqual(named("12576843", "C825T").first?["gene"] as? String, "GNB3")
        XCTAssertEqual(Set(named("21262916", "excision repair cross-complementing group-1").compactMap { $0["name"] as? String }), ["ERCC1"])
        // the serological "HLA-Cw6" (23521149, ustekinumab), "Rev-erb-alpha" (20348464, lithium), and the
        // stop-listed symbol CRP before a word of genetics: "ATG5, NFKB1, and CRP Genes" (27096233), whose
        // rs1130864 then gets its gene
        XCTAssertEqual(Set(named("23521149", "HLA-Cw6").compactMap { $0["name"] as? String }), ["HLA-C"])
        XCTAssertEqual(Set(named("20348464", "Rev-erb-alpha").compactMap { $0["name"] as? String }), ["NR1D1"])
        XCTAssertFalse(named("27096233", "CRP").isEmpty)
        XCTAssertEqual(Set(named("27096233", "rs1130864").compactMap { $0["gene"] as? String }), ["CRP"])
        // POR by its short name: "The P450 oxidoreductase *28 SNP" (21770725), "P450 oxidoreductase 1508C>T" (27195527)
        XCTAssertEqual(Set(named("21770725", "P450 oxidoreductase").compactMap { $0["name"] as? String }), ["POR"])
        XCTAssertEqual(Set(named("27195527", "1508C>T").compactMap { $0["gene"] as? String }), ["POR"])
        let ms = try text([#"{"id": "n", "text": "ATP-binding cassette, sub-family B, member 1 and human leukocyte antigen-B*58:01 and insulin-like growth factor 1 in allopurinol users."}"#])
        XCTAssertEqual(ms.filter { $0["type"] as? String != "drug" }.compactMap { $0["name"] as? String }, ["ABCB1", "HLA-B", "HLA-B*58:01", "IGF1"])
        XCTAssertEqual(ms.filter { $0["type"] as? String == "drug" }.compactMap { $0["name"] as? String }, ["allopurinol"])
    }

    /// Gene lists written as one symbol and the others' endings, in PharmGKB abstracts: "CHRNA5-A3-B4"
    /// (26010901: CHRNA3 is curated; its variants stay CHRNA5's, the symbol written out), "CYP3A4/5"
    /// (16299241), "APOA1/C3/A4/A5" (19057464: APOC3, not complement C3); an ending that makes no symbol
    /// ("ABCB1-3435") is none.
    func testGeneListsWrittenAsOneSymbol() throws {
        let ms = try entities(Self.pharmgkb)
        func genes(_ pmid: String) -> Set<String> {
            Set(ms.filter { $0["doc"] as? String == pmid && $0["type"] as? String == "gene" }.compactMap { $0["name"] as? String })
        }
        XCTAssertTrue(genes("26010901").isSuperset(of: ["CHRNA5", "CHRNA3", "CHRNB4"]), "\(genes("26010901"))")
        XCTAssertEqual(Set(ms.filter { $0["doc"] as? String == "26010901" && $0["text"] as? String == "rs16969968" }.compactMap { $0["gene"] as? String }), ["CHRNA5"])
        XCTAssertTrue(genes("16299241").isSuperset(of: ["CYP3A4", "CYP3A5"]), "\(genes("16299241"))")
        XCTAssertTrue(genes("19057464").isSuperset(of: ["APOA1", "APOC3", "APOA4", "APOA5"]), "\(genes("19057464"))")
        XCTAssertFalse(genes("19057464").contains("C3"))
        let t = try text([#"{"id": "l", "text": "CYP3A4/5*3 and ABCB1-3435 carriers on tacrolimus."}"#])
        XCTAssertEqual(t.filter { $0["type"] as? String != "drug" }.compactMap { $0["name"] as? String }, ["CYP3A4", "CYP3A5", "CYP3A5*3", "ABCB1"])
    }

    /// A document's own abbreviation beats the lexicon's symbol, a pharmacogene's too: "acenocoumarol (ACE)"
    /// (PharmGKB 21636598: CYP2C9 and VKORC1 with phenprocoumon and acenocoumarol) is the drug, not the ACE
    /// gene; "lysophosphatidic acid (LPA)" (33253914) no lipoprotein(a); "snurportin1 (SPN)" (16030253) is
    /// SNUPN, whose alias NCBI writes so, not sialophorin; "human mesenchymal stem cells (hMSC)" (17137774)
    /// no musculin; nor is "accumulation ratio [AR]" (20860463) the androgen receptor. A long form naming a
    /// protein the lexicon words otherwise keeps the gene: "cystic fibrosis transmembrane regulator (CFTR)"
    /// (27812499).
    func testADocumentsAbbreviationBeatsAGeneSymbol() throws {
        let pgkb = try entities(Self.pharmgkb)
        func named(_ ms: [[String: Any]], _ pmid: String, _ text: String) -> [String] {
            ms.filter { $0["doc"] as? String == pmid && $0["text"] as? String == text }.compactMap { m in
                (m["type"] as? String ?? "") + ":" + (m["name"] as? String ?? "")
            }
        }
        let ace = named(pgkb, "21636598", "ACE")
        XCTAssertGreaterThanOrEqual(ace.count, 5)
        XCTAssertEqual(Set(ace), ["drug:acenocoumarol"])
        XCTAssertEqual(Set(named(pgkb, "27812499", "CFTR")), ["gene:CFTR"])
        // in square brackets too: "(EFV accumulation ratio or accumulation ration [AR])" is no androgen receptor
        XCTAssertEqual(named(pgkb, "20860463", "AR"), [])
        XCTAssertFalse(named(pgkb, "20860463", "EFV").isEmpty)
        let samples = try entities("pubmed/samples")
        XCTAssertEqual(named(samples, "33253914", "LPA"), [])
        let spn = named(samples, "16030253", "SPN")
        XCTAssertFalse(spn.isEmpty)
        XCTAssertEqual(Set(spn), ["gene:SNUPN"])
        XCTAssertEqual(named(samples, "17137774", "hMSC"), [])
        XCTAssertEqual(named(samples, "25406310", "USH2"), [])
        XCTAssertFalse(named(samples, "25406310", "USH2A").isEmpty)
        // the first of two plural abbreviations: "positive or silent allosteric modulators (PAMs or SAMs,
        // respectively)", then "μ-PAM" (26347990)
        XCTAssertEqual(named(samples, "26347990", "PAM"), [])
        // a unit, a bacterial sequence type, a colocalization posterior, a city: "nm/GPa" (41600455), "sequence
        // type 1 (ST1)" (26518066), "PPH4" (39786806), "Tel Aviv" (25936681)
        XCTAssertEqual(named(samples, "41600455", "GPa"), [])
        XCTAssertEqual(named(samples, "26518066", "ST1"), [])
        XCTAssertEqual(named(samples, "39786806", "PPH4"), [])
        XCTAssertEqual(named(samples, "25936681", "Tel"), [])
        let tel = try text([#"{"id": "t", "text": "TEL-AML1 and TEL fusions in children on mercaptopurine."}"#])
        XCTAssertTrue(tel.contains { $0["name"] as? String == "ETV6" }, "\(tel)")
        // a plural abbreviation in square brackets defines its singular as a round one does
        let tf = try text([#"{"id": "s", "text": "Several transcription factors [TFs] bind it. The Onecut TF family and tamoxifen."}"#,
                           #"{"id": "r", "text": "Several transcription factors (TFs) bind it. The Onecut TF family and tamoxifen."}"#,
                           #"{"id": "n", "text": "The Onecut TF family and tamoxifen."}"#])
        XCTAssertEqual(tf.filter { $0["type"] as? String == "gene" }.compactMap { $0["doc"] as? String }, ["n"])
    }

    /// "lead" is the metal only where the text speaks of exposure, body fluids, toxicity or other metals: "the
    /// lead SNP, rs749671" (PharmGKB 26265036, whose rsIDs then get VKORC1 and CYP2C9), "a lead-in phase"
    /// (23856854), "12-lead electrocardiogram" (MEDLINE 26702318), "lead migration" (25345997) and "lead
    /// optimization" (26347990) are no drug.
    func testLeadIsTheMetalOnlyWhereTheTextSaysSo() throws {
        let pgkb = try entities(Self.pharmgkb)
        func drugs(_ ms: [[String: Any]], _ pmid: String) -> [String] {
            ms.filter { $0["doc"] as? String == pmid && $0["type"] as? String == "drug" }.compactMap { $0["name"] as? String }
        }
        XCTAssertFalse(drugs(pgkb, "26265036").contains("lead"))
        XCTAssertEqual(pgkb.first { $0["doc"] as? String == "26265036" && $0["text"] as? String == "rs749671" }?["gene"] as? String, "VKORC1")
        XCTAssertFalse(drugs(pgkb, "23856854").contains("lead"))
        let samples = try entities("pubmed/samples")
        for pmid in ["26702318", "25345997", "26347990"] {
            XCTAssertFalse(drugs(samples, pmid).contains("lead"), pmid)
        }
        let metal = try text([#"{"id": "m", "text": "Blood lead levels and ALAD genotype."}"#,
                              #"{"id": "n", "text": "Gene-environment interactions between VDR SNPs and lead, mercury, or solvents."}"#,
                              #"{"id": "v", "text": "CYP2C9 variants may lead to bleeding on warfarin."}"#])
        XCTAssertEqual(drugs(metal, "m"), ["lead"])
        XCTAssertEqual(drugs(metal, "n"), ["lead", "mercury"])
        XCTAssertEqual(drugs(metal, "v"), ["warfarin"])
    }

    /// A code after a species' name is its strain, not a compound: "Pseudomonas putida KT2440" (MEDLINE
    /// 26702395), "P. syringae pv. tomato DC3000" (15146069), "Strain CB5089" (a PGxMine sentence); an
    /// antibody the body makes is no agent: "anti-TPO positivity" (28775130), "anti-HMGCR autoantibodies".
    func testStrainsAndAutoantibodiesAreNoDrugs() throws {
        let samples = try entities("pubmed/samples")
        func drugs(_ ms: [[String: Any]], _ pmid: String) -> [String] {
            ms.filter { $0["doc"] as? String == pmid && $0["type"] as? String == "drug" }.compactMap { $0["text"] as? String }
        }
        XCTAssertFalse(drugs(samples, "26702395").contains("KT2440"))
        XCTAssertFalse(drugs(samples, "15146069").contains("DC3000"))
        XCTAssertFalse(drugs(samples, "28775130").contains("anti-TPO"))
        let t = try text([#"{"id": "a", "text": "Strain CB5089 grew on rifampicin; anti-HMGCR autoantibodies in statin users; anti-EGFR therapy."}"#,
                          #"{"id": "b", "text": "Placebo plus AZD6244 in KRAS-mutant NSCLC; Treatment with AZD9291 in EGFR T790M carriers."}"#])
        XCTAssertEqual(drugs(t, "a"), ["rifampicin", "statin", "anti-EGFR"])
        XCTAssertEqual(drugs(t, "b"), ["Placebo", "AZD6244", "AZD9291"])
    }

    /// A variant its sentence leaves without a gene takes the document's, in real PharmGKB abstracts:
    /// a named change of the one gene the abstract names that has it ("G551D" and "Phe508del" are CFTR's,
    /// also where SLC26A9 stood nearer in the sentence), a change the abstract attaches to a gene elsewhere
    /// (rs9939609 of FTO, which no lexicon lists), a bare star allele of the abstract's only star gene.
    func testAVariantTakesItsGeneFromTheDocument() throws {
        for (file, pmid, written, gene) in [(10, "27707539", "G551D", "CFTR"), (11, "28171547", "Phe508del", "CFTR"),
                                            (8, "25367448", "rs9939609", "FTO")] {
            let uses = try record(pmid, in: Self.pharmgkbFile(file)).filter { $0["type"] as? String == "variant" && $0["text"] as? String == written }
            XCTAssertGreaterThan(uses.count, 0, "\(pmid) writes \(written)")
            XCTAssertEqual(Set(uses.map { $0["gene"] as? String ?? "none" }), [gene], "\(pmid): \(written)")
        }
        let stars = try record("26518936", in: Self.pharmgkbFile(9)).filter { $0["type"] as? String == "variant" && ($0["text"] as? String ?? "").hasPrefix("*") }
        XCTAssertGreaterThan(stars.count, 3)
        XCTAssertEqual(Set(stars.map { $0["gene"] as? String ?? "none" }), ["CYP3A5"])
        XCTAssertEqual(Set(stars.compactMap { $0["name"] as? String }), ["CYP3A5*1", "CYP3A5*3", "CYP3A5*1/*3"])
        // the lookup form of a written change; two candidate genes leave a variant without one
        XCTAssertEqual(EntityRecognizer.variantKey("p.Gly551Asp"), "G551D")
        XCTAssertEqual(EntityRecognizer.variantKey("c.2846A->T"), "2846A>T")
        XCTAssertEqual(EntityRecognizer.variantKey("p.(Arg139Ter)"), "R139X")
        XCTAssertEqual(EntityRecognizer.variantKey("delF508"), "F508del")
        let t = try text([#"{"id": "a", "text": "DPYD and fluorouracil. Carriers of c.2846A>T had toxicity. Ivacaftor in G551D."}"#,
                          #"{"id": "b", "text": "CYP2C9 and CYP2D6 and warfarin. R144C carriers needed less warfarin; *3 carriers too."}"#])
        func genes(_ doc: String) -> [String] {
            t.filter { $0["doc"] as? String == doc && $0["type"] as? String == "variant" }.map { $0["gene"] as? String ?? "none" }
        }
        XCTAssertEqual(genes("a"), ["DPYD", "none"])     // CFTR is not named
        XCTAssertEqual(genes("b"), ["CYP2C9", "none"])   // R144C is CYP2C9's; two star genes
    }

    /// The lexicon's keys of named changes are made by `scripts/build-lexicons.py`'s `variant_key`, and pgx
    /// looks a written change up by `EntityRecognizer.variantKey`: the two must agree. Both make the same key
    /// of the same written forms, and every named key of `rules/lexicons/variants.tsv` is its own key.
    func testTheLexiconScriptAndPgxMakeTheSameVariantKeys() throws {
        let forms = ["p.Gly551Asp", "c.2846A->T", "p.(Arg139Ter)", "delF508", "ΔF508", "Phe508del", "c.1905+1G>A", "p.Arg144Cys",
                     "W1282*", "c.-1639G-->A", "Trp1282Ter", "p.Gly12fs", "G6PD", "3435C>T", "V600E"]
        let script = TestEnv.root.appendingPathComponent("scripts/build-lexicons.py").path
        let code = """
            import importlib.util, sys
            spec = importlib.util.spec_from_file_location("lexicons", sys.argv[1])
            m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m)
            print("\\n".join(m.variant_key(x) for x in sys.argv[2:]))
            """
        let r = try runProcess("/usr/bin/env", ["python3", "-c", code, script] + forms, cwd: TestEnv.root)
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(String(decoding: r.stdout, as: UTF8.self).split(separator: "\n").map(String.init),
                       forms.map(EntityRecognizer.variantKey))
        let table = try String(contentsOf: TestEnv.root.appendingPathComponent("rules/lexicons/variants.tsv"), encoding: .utf8)
        var keys: [String] = []
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.count > 1 && fields[0] == "named" { keys.append(String(fields[1])) }
        }
        XCTAssertGreaterThan(keys.count, 1000)
        for key in keys { XCTAssertEqual(EntityRecognizer.variantKey(key), key) }
    }

    /// A gene glued to its genotype, a space left out, is the gene and a variant, not a compound code:
    /// "ABCB13435TT" (PharmGKB 22309416), "GGH-401T" (19827168), and the list after "ABCB11236C" belongs
    /// to ABCB1, not ABCB11 (18221820); by an alias too ("MDR13435T"), but not in a cell line ("HEK293T");
    /// NCBI's placeholder symbol is its gene ("LOC387715 A69S" is ARMS2's, 18292785). Trial and registry
    /// numbers, clone-based RNA genes, a cell line's code and "P-450" are no compounds either.
    func testGluedGenotypesPlaceholderSymbolsAndRegistryNumbers() throws {
        let pgkb = try entities(Self.pharmgkb)
        func of(_ pmid: String, _ text: String) -> [String] {
            pgkb.filter { $0["doc"] as? String == pmid && $0["text"] as? String == text }
                .map { "\($0["type"] ?? "")|\($0["name"] ?? "")|\($0["gene"] as? String ?? "")" }
        }
        XCTAssertEqual(Set(of("22309416", "3435TT")), ["variant|3435TT|ABCB1"])
        XCTAssertEqual(of("22309416", "ABCB13435TT"), [])
        XCTAssertEqual(Set(of("19827168", "GGH")), ["gene|GGH|"])
        XCTAssertEqual(Set(of("19827168", "401T")), ["variant|401T|GGH"])
        XCTAssertEqual(Set(of("18221820", "3435C>T")), ["variant|3435C>T|ABCB1"])
        XCTAssertEqual(Set(of("18292785", "LOC387715")), ["gene|ARMS2|"])
        XCTAssertEqual(Set(of("18292785", "A69S")), ["variant|A69S|ARMS2"])
        let t = try text([#"{"id": "a", "text": "Registered at Chinadrugtrials, CTR20160987; the ECOG3402 trial; J-774A.1 cells; AC100830.4 was up-regulated with AZD6244 by P-450 in the U266 myeloma cell line and OCI-AML3."}"#,
                          #"{"id": "b", "text": "MDR13435T and BCRP421AA carriers in HEK293T cells given imatinib."}"#])
        XCTAssertEqual(texts(t.filter { $0["doc"] as? String == "a" }, type: "drug"), ["AZD6244"])
        XCTAssertEqual(texts(t.filter { $0["doc"] as? String == "a" }, type: "gene"), [])
        XCTAssertEqual(t.filter { $0["doc"] as? String == "b" }.map { "\($0["type"] ?? "")|\($0["name"] ?? "")|\($0["gene"] as? String ?? "")" },
                       ["gene|ABCB1|", "variant|3435T|ABCB1", "gene|ABCG2|", "variant|421AA|ABCG2", "drug|imatinib|"])
    }

    /// A drug DrugBank names with its salt or ester is the drug when written without it; a spelling pgx
    /// maps elsewhere keeps its drug ("divalproex" is valproic acid).
    func testADrugWrittenWithoutItsEster() throws {
        let t = try text([#"{"id": "e", "text": "Depot medroxyprogesterone, inhaled beclomethasone, omacetaxine and divalproex."}"#])
        XCTAssertEqual(t.filter { $0["type"] as? String == "drug" }.compactMap { $0["name"] as? String },
                       ["medroxyprogesterone acetate", "beclomethasone dipropionate", "omacetaxine mepesuccinate", "valproic acid"])
    }

    /// Drug classes by their full names, as curated tables write them: "non-nucleoside reverse transcriptase
    /// inhibitors" is no nucleoside class, "leukotriene receptor antagonists" no bare "receptor
    /// antagonists", "β2-agonists" and LABAs the selective beta-2-adrenoreceptor agonists; the
    /// bisphosphonates and glatiramer acetate by RxNorm's names ("alendronate", not DrugBank's "alendronic acid"); inhaled
    /// corticosteroids and ICS as PharmGKB curates them, "corticosteroids"; photodynamic therapy as a class.
    func testDrugClassesAndBisphosphonatesByTheirCuratedNames() throws {
        let t = try text([#"{"id": "c", "text": "Non-nucleoside reverse transcriptase inhibitors (NNRTIs) and an NRTI; leukotriene receptor antagonists, β2-agonists, LABAs and anticholinergic drugs; alendronic acid or risedronate; inhaled corticosteroids (ICS)."}"#])
        XCTAssertEqual(t.filter { $0["type"] as? String == "drug" }.compactMap { $0["name"] as? String },
                       ["non-nucleoside reverse transcriptase inhibitors", "non-nucleoside reverse transcriptase inhibitors",
                        "nucleoside reverse transcriptase inhibitors", "leukotriene receptor antagonists",
                        "selective beta-2-adrenoreceptor agonists", "selective beta-2-adrenoreceptor agonists", "anticholinergics",
                        "alendronate", "risedronate", "corticosteroids", "corticosteroids"])
        // photodynamic therapy is a treatment PharmGKB curates as a drug (CFH, PharmGKB 18050121), with its PDT
        let pdt = try record("18050121", in: Self.pharmgkb).filter { m in
            let written = m["text"] as? String ?? ""
            return written == "PDT" || written.lowercased() == "photodynamic therapy"
        }
        XCTAssertTrue(pdt.contains { $0["text"] as? String == "PDT" }, "\(pdt)")
        XCTAssertTrue(pdt.allSatisfy { $0["type"] as? String == "drug" && $0["name"] as? String == "photodynamic therapy" }, "\(pdt)")
        // glatiramer acetate by RxNorm's name (DrugBank's is "glatiramer"), with its GA (PharmGKB 22111603)
        let ga = try record("22111603", in: Self.pharmgkb).filter { $0["type"] as? String == "drug" }
        XCTAssertTrue(ga.contains { $0["text"] as? String == "GA" }, "\(ga)")
        XCTAssertEqual(Set(ga.compactMap { $0["name"] as? String }), ["glatiramer acetate"])
        // classes a PharmGKB abstract studies as one: "oral contraceptive (OC)" and its OC (17370067),
        // "Thiazolidinediones (TZDs)" (27271184)
        for (pmid, written, name) in [("17370067", "OC", "oral contraceptives"), ("17370067", "oral contraceptive", "oral contraceptives"),
                                      ("27271184", "TZDs", "thiazolidinediones")] {
            let ms = try record(pmid, in: Self.pharmgkb).filter { $0["text"] as? String == written }
            XCTAssertFalse(ms.isEmpty, "\(pmid): \(written)")
            XCTAssertTrue(ms.allSatisfy { $0["type"] as? String == "drug" && $0["name"] as? String == name && $0["class"] as? Bool == true }, "\(ms)")
        }
    }

    /// "nAChR" is the nicotinic receptor family, not NCBI's CHRNA4; "α7nAChR" is CHRNA7; the bacterial
    /// chaperonin GroEL is no HSPD1.
    func testNicotinicReceptorsAndBacterialChaperonins() throws {
        let t = try text([#"{"id": "n", "text": "Varenicline acts on nAChRs, notably α7nAChR, unlike the chaperonin GroEL."}"#])
        XCTAssertEqual(t.filter { $0["type"] as? String == "gene" }.map { "\($0["name"] ?? "")|\($0["source"] ?? "")" },
                       ["nAChRs|lexicon:family", "CHRNA7|lexicon:name"])
    }

    /// A gene written in brackets right after a variant names it, before the gene of the list before it:
    /// "G80A (RFC1), A2756G (MTR), C1420T (SHMT)" (PharmGKB 19159907) and "rs1061170 (CFH), rs10490924
    /// (ARMS2), rs11200638 (HTRA1)" (22594510) had each taken the previous bracket's gene.
    func testAGeneInBracketsAfterAVariantNamesIt() throws {
        XCTAssertEqual(try pharmgkbGenes("19159907", "A2756G"), ["MTR"])
        XCTAssertEqual(try pharmgkbGenes("19159907", "C1420T"), ["SHMT1"])
        XCTAssertEqual(try pharmgkbGenes("19159907", "G80A"), ["SLC19A1"])
        XCTAssertEqual(try pharmgkbGenes("22594510", "rs10490924"), ["ARMS2"])
        XCTAssertEqual(try pharmgkbGenes("22594510", "rs11200638"), ["HTRA1"])
    }

    /// A variant further down a bracketed list that a gene opens is that gene's, however long the list:
    /// "NR3C1 (rs41423247, rs1800445, ..., rs6198, rs33388, rs6196, and rs244465)" (PharmGKB 28262345),
    /// "TAAR6 (rs8192625, ..., rs6937506)" (19345712); one in brackets right after a variant of a gene is the
    /// same change ("PXR ... 63396C→T (rs2472677)", 20921307), named "63396C>T". A list no gene opens shares no rsID's gene:
    /// "SNPs (rs776746, rs12114000, rs3734354, ...)" (21671989) leaves CYP3A5 to rs776746 alone.
    func testVariantsListedInBracketsAfterTheirGene() throws {
        let pgkb = try entities(Self.pharmgkb)
        for rs in ["rs41423247", "rs10052957", "rs6198", "rs33388", "rs6196", "rs244465"] {
            XCTAssertEqual(try pharmgkbGenes("28262345", rs), ["NR3C1"], rs)
        }
        XCTAssertEqual(try pharmgkbGenes("28262345", "rs9934438"), ["VKORC1"])
        XCTAssertEqual(try pharmgkbGenes("19345712", "rs6937506"), ["TAAR6"])
        XCTAssertEqual(try pharmgkbGenes("20921307", "rs2472677"), ["NR1I2"])
        // the arrow is named ">", as the same change in the record's title ("63396C->T")
        XCTAssertEqual(Set(pgkb.filter { $0["doc"] as? String == "20921307" && ($0["text"] as? String)?.hasPrefix("63396C") == true }
            .map { $0["name"] as? String ?? "" }), ["63396C>T"])
        XCTAssertEqual(try pharmgkbGenes("21671989", "rs776746"), ["CYP3A5"])
        XCTAssertEqual(try pharmgkbGenes("21671989", "rs12114000"), ["none"])
        XCTAssertEqual(try pharmgkbGenes("21671989", "rs3734354"), ["none"])
    }

    /// MEDLINE writes a superscript in brackets. A star: "CYP3A5(*)3/(*)3" (PharmGKB 17941052), "UGT1A1(*)28"
    /// (15280927), tokenized "CYP2C9 ( * ) 3" (PGxCorpus 18252229_3) are star alleles of their gene, named
    /// as any other; a "(*)" before no allele number ("(*)Table") is none. A protein change's position:
    /// "ERCC2 Asp(312)Asn", "CDA Lys(27)Gln" (18347182), tokenized "CYP1A1 Ile ( 462 ) Val" are "Asp312Asn".
    func testSuperscriptsWrittenInBrackets() throws {
        let pgkb = try entities(Self.pharmgkb)
        func names(_ ms: [[String: Any]], _ pmid: String, _ text: String) -> Set<String> {
            Set(ms.filter { $0["doc"] as? String == pmid && $0["text"] as? String == text && $0["type"] as? String == "variant" }
                .map { "\($0["name"] as? String ?? "")|\($0["gene"] as? String ?? "none")" })
        }
        XCTAssertEqual(names(pgkb, "17941052", "(*)3/(*)3"), ["CYP3A5*3/*3|CYP3A5"])
        XCTAssertEqual(names(pgkb, "17941052", "(*)1"), ["CYP3A5*1|CYP3A5"])
        XCTAssertEqual(names(pgkb, "15280927", "(*)28"), ["UGT1A1*28|UGT1A1"])
        let pc = try text(TestEnv.goldLines("pgxcorpus-dev", ids: ["18252229_3"]))
        XCTAssertEqual(names(pc, "18252229_3", "( * ) 3"), ["CYP2C9*3|CYP2C9"])
        let footnote = try text([#"{"id": "f", "text": "Warfarin doses by CYP2C9 genotype (*)Table 2."}"#])
        XCTAssertTrue(footnote.allSatisfy { $0["type"] as? String != "variant" }, "\(footnote)")
        XCTAssertEqual(names(pgkb, "18347182", "Asp(312)Asn"), ["Asp312Asn|ERCC2"])
        XCTAssertEqual(names(pgkb, "18347182", "Lys(27)Gln"), ["Lys27Gln|CDA"])
        let pc2 = try text(TestEnv.goldLines("pgxcorpus-dev", ids: ["20308030_10"]))
        XCTAssertEqual(names(pc2, "20308030_10", "Ile ( 105 ) Val"), ["Ile105Val|GSTP1"])
    }

    /// Brackets after a name that hold no abbreviation of it, in PharmGKB abstracts: a statistic ("COMT (P<0.04)",
    /// "DRD3 (P<0.05)", 23856854, had made every later "P<0.05" a DRD3 mention; "placebo (N=95)", 22249355;
    /// "P450 oxidoreductase (P<0.001)", 24305170; "disulfram (F(1,17) = 7.52", 24724887), a genotype after its
    /// gene ("COMT(HH)", 21280081; "SCAP (GG)", 29318930), a repeat's unit before its count ("UGT1A1 (TA)n",
    /// 25312789; "EGFR (CA)n", 24513691).
    func testBracketsThatHoldNoAbbreviation() throws {
        let pgkb = try entities(Self.pharmgkb)
        let docs: Set<String> = ["23856854", "22249355", "24305170", "15788353", "24724887", "21280081", "29318930", "25312789", "24513691"]
        let bad = pgkb.filter { m in
            docs.contains(m["doc"] as? String ?? "") && m["source"] as? String == "abbreviation"
                && ((m["text"] as? String ?? "").contains(where: { "<>=(".contains($0) }) || ["HH", "LL", "GG", "TA", "CA"].contains(m["text"] as? String ?? ""))
        }
        XCTAssertEqual(bad.count, 0, "\(bad)")
        XCTAssertFalse(try record("23856854", in: Self.pharmgkb).filter { $0["name"] as? String == "DRD3" }.isEmpty, "DRD3 itself stays")
        XCTAssertFalse(try record("21280081", in: Self.pharmgkb).filter { $0["name"] as? String == "COMT" }.isEmpty, "COMT itself stays")
    }

    /// A list of variants takes the gene named right after it through linking words, before a gene named
    /// earlier in the sentence: "-1639G > A and 3730G > A in the VKORC1 gene and 430C > T and 1075A > C in
    /// the CYP2C9 gene" (PharmGKB 18629445), "SNPs rs9315885, rs1012053 and rs1170191 at DGKH gene"
    /// (19818381), "the 2677G > T/A and 3435C > T SNPs in the ABCB1 gene" (16722833). A gene in brackets
    /// that names the haplotype before it opens no list: "rs1360780-rs3777747-rs17542466-rs2766533 (FKBP5)
    /// and rs1619120-rs1778929-rs10465180 (NTRK2)" (25751398). A variant joined to the next by a hyphen is
    /// the same change: "+46G>A- Gly16Arg polymorphism in the gene encoding β2 adrenergic receptor" (26071206).
    func testVariantListsTakeTheGeneNamedAfterThem() throws {
        XCTAssertEqual(try pharmgkbGenes("18629445", "430C > T"), ["CYP2C9"])
        XCTAssertEqual(try pharmgkbGenes("18629445", "1075A > C"), ["CYP2C9"])
        XCTAssertEqual(try pharmgkbGenes("18629445", "-1639G > A"), ["VKORC1"])
        for rs in ["rs9315885", "rs1012053", "rs1170191"] { XCTAssertEqual(try pharmgkbGenes("19818381", rs), ["DGKH"], rs) }
        XCTAssertEqual(try pharmgkbGenes("19818381", "rs939347"), ["NR1D1"])
        XCTAssertEqual(try pharmgkbGenes("16722833", "3435C > T"), ["ABCB1"])
        XCTAssertEqual(try pharmgkbGenes("16722833", "521T > C"), ["SLCO1B1"])
        for rs in ["rs3777747", "rs17542466"] { XCTAssertEqual(try pharmgkbGenes("25751398", rs), ["FKBP5"], rs) }
        for rs in ["rs1619120", "rs10465180"] { XCTAssertEqual(try pharmgkbGenes("25751398", rs), ["NTRK2"], rs) }
        XCTAssertEqual(try pharmgkbGenes("25751398", "rs1778929"), ["NTRK2"])
        XCTAssertEqual(try pharmgkbGenes("26071206", "46G>A"), ["ADRB2"])
        // a list goes on from the gene's last variant ("GRK4 single-nucleotide polymorphisms, R65L (rs2960306),
        // A142V (rs1024323), and A486V", 22949529), or reaches it through linking words ("APOB gene single
        // nucleotide polymorphisms (SNP) (rs934197, rs693", 20724655); not past a semicolon and another name
        // ("KIF6 rs20455, rs9471077, rs9462535; HMG-CoA rs3761740", PGxMine dev) or past the closed bracket
        // of a gene's list ("apolipoprotein E (APOE) variants (rs429358, rs7412) and the 1959C>T SNP
        // (rs5925) in the low-density lipoprotein receptor (LDLR)", 25860945: the 1959C>T is the rs5925 written
        // again, so it takes LDLR too, not APOE)
        XCTAssertEqual(try pharmgkbGenes("22949529", "A486V"), ["GRK4"])
        XCTAssertEqual(try pharmgkbGenes("22949529", "rs1801058"), ["GRK4"])
        XCTAssertEqual(try pharmgkbGenes("20724655", "rs693"), ["APOB"])
        XCTAssertEqual(try pharmgkbGenes("25860945", "rs5925"), ["LDLR"])
        XCTAssertEqual(try pharmgkbGenes("25860945", "1959C>T"), ["LDLR"])
        // a subfamily's list yields to the gene the document gives each change elsewhere: "CYP3A genetic factors
        // (rs776746, rs4646437, rs2257401 and rs10211)" after "CYP3A4 rs4646437", "CYP3A7 rs10211" (28952408)
        XCTAssertEqual(try pharmgkbGenes("28952408", "rs4646437"), ["CYP3A4"])
        XCTAssertEqual(try pharmgkbGenes("28952408", "rs10211"), ["CYP3A7"])
        let mine = try text(TestEnv.goldLines("pgxmine-dev", ids: ["pgxmine-variant_star_rs-449"]))
        XCTAssertEqual(variantGenes(mine, "pgxmine-variant_star_rs-449", "rs9462535"), ["KIF6"])
        XCTAssertEqual(variantGenes(mine, "pgxmine-variant_star_rs-449", "rs3761740"), ["none"])
    }

    /// A bracket after a drug that names a measure of it defines no other name of the drug: a change
    /// ("dobutamine (ΔHR)", "(ΔRenin)", PharmGKB 26313487), a substance measured in a sample ("fasting
    /// serum insulin (FINS)", "postprandial serum insulin (PINS)", 20523342; "plasma triglyceride (TG)",
    /// 23263738). The drugs themselves stay.
    func testBracketsThatNameAMeasure() throws {
        let pgkb = try entities(Self.pharmgkb)
        let measures = pgkb.filter { m in
            ["26313487", "20523342", "23263738"].contains(m["doc"] as? String ?? "")
                && ["ΔHR", "ΔRenin", "FINS", "PINS", "TG", "TGs"].contains(m["text"] as? String ?? "")
        }
        XCTAssertEqual(measures.count, 0, "\(measures)")
        XCTAssertTrue(try record("26313487", in: Self.pharmgkb).contains { $0["text"] as? String == "dobutamine" })
        XCTAssertTrue(try record("20523342", in: Self.pharmgkb).contains { $0["name"] as? String == "insulin" })
        // "end-tidal carbon dioxide (EtCO2)" (MEDLINE 26702210)
        let sample = "pubmed/samples/pp_medline16n0902_partial.xml.gz"
        XCTAssertFalse(try record("26702210", in: sample).contains { $0["text"] as? String == "EtCO2" })
    }

    /// "the inhibitor of κB kinase β (IKKβ)" (MEDLINE 25378393) is a protein, not an agent named by its
    /// target as "inhibitors of CYP3A4" is.
    func testInhibitorOfKappaBIsAProtein() throws {
        let doc = try record("25378393", in: "pubmed/samples/pp_medline16n0902_partial.xml.gz")
        XCTAssertFalse(doc.contains { $0["type"] as? String == "drug" && ($0["text"] as? String ?? "").hasPrefix("inhibitor of") }, "\(doc)")
        XCTAssertTrue(doc.contains { $0["name"] as? String == "IKBKB" })
        let agents = try text([#"{"id": "a", "text": "Inhibitors of CYP3A4 raised tacrolimus levels."}"#])
        XCTAssertTrue(agents.contains { $0["name"] as? String == "inhibitors of cyp3a4" }, "\(agents)")
    }

    /// A symbol an abstract defines as a kind of protein names no gene there: "Rev-erbα, a transcription
    /// factor (TF)" (MEDLINE 26044300) is no transferrin; "cytidine deaminase (CDA)" still is CDA.
    func testAKindOfProteinIsNoGene() throws {
        let doc = try record("26044300", in: "pubmed/samples/pp_medline16n0902_partial.xml.gz")
        XCTAssertFalse(doc.contains { $0["text"] as? String == "TF" }, "\(doc)")
        let cda = try text([#"{"id": "c", "text": "Cytidine deaminase (CDA) activity and CDA genotype predicted gemcitabine toxicity."}"#])
        XCTAssertEqual(cda.filter { $0["text"] as? String == "CDA" }.count, 2, "\(cda)")
    }

    /// A substance the body makes, or a class, right before "receptor" names the receptor, not a drug:
    /// "The human serotonin receptor 1B ... serotonin release" (PGxCorpus 21172311_2) keeps only the second
    /// serotonin, "opioid receptors" (10945855_3) no opioid. Receptor antagonist classes by the receptor's
    /// full name: "angiotensin II receptor blocker" (PharmGKB 22566498) is the ARB class, not angiotensin II
    /// and a "receptor blocker". A pathway named by its substance names no drug either.
    func testReceptorsAndPathwaysNamedByTheirLigand() throws {
        let pc = try text(TestEnv.goldLines("pgxcorpus-dev", ids: ["21172311_2", "10945855_3"]))
        let drugs = pc.filter { $0["type"] as? String == "drug" }.map { "\($0["doc"] as? String ?? "")|\($0["text"] as? String ?? "")@\($0["start"] as? Int ?? -1)" }
        XCTAssertEqual(drugs.filter { $0.hasPrefix("21172311_2|") }, ["21172311_2|serotonin@80"])
        XCTAssertFalse(drugs.contains { $0.hasPrefix("10945855_3|opioid@") }, "\(drugs)")
        XCTAssertTrue(drugs.contains { $0.hasPrefix("10945855_3|fentanyl@") }, "\(drugs)")
        let arb = try record("22566498", in: Self.pharmgkb).filter { $0["type"] as? String == "drug" && ($0["text"] as? String ?? "").contains("receptor") }
        XCTAssertFalse(arb.isEmpty)
        XCTAssertTrue(arb.allSatisfy { $0["name"] as? String == "angiotensin receptor blockers" && $0["text"] as? String == "angiotensin II receptor blocker" }, "\(arb)")
        // ... and before "signaling" or "pathway" the pathway: "The interferon signaling pathway" (20931559),
        // "markers of vitamin D pathway" (29099735)
        let sentences = try text([
            TestEnv.pubmedSentence(Self.pharmgkbFile(3), pmid: "20931559", containing: "interferon signaling pathway"),
            TestEnv.pubmedSentence(Self.pharmgkbFile(12), pmid: "29099735", containing: "vitamin D pathway")])
        XCTAssertEqual(sentences.filter { $0["type"] as? String == "drug" && ["interferon", "vitamin D"].contains($0["text"] as? String ?? "") }.count,
                       0, "\(sentences)")
        XCTAssertFalse(try record("29099735", in: Self.pharmgkb).filter { $0["name"] as? String == "deferasirox" }.isEmpty)
        // ... and joined to "regulated", "stimulated", "induced" before "genes", the genes it switches on:
        // "intrahepatic interferon-stimulated genes" (20931559, whose peginterferon stays); a drug keeps its
        // mention ("dexamethasone-induced genes")
        let isg = try record("20931559", in: Self.pharmgkb).filter { $0["type"] as? String == "drug" }
        XCTAssertFalse(isg.contains { $0["name"] as? String == "interferons" }, "\(isg)")
        XCTAssertTrue(isg.contains { ($0["name"] as? String ?? "").hasPrefix("peginterferon") }, "\(isg)")
        let dex = try text([#"{"id": "x", "text": "Dexamethasone-induced genes and estrogen-responsive genes were profiled."}"#])
        XCTAssertEqual(texts(dex, type: "drug"), ["Dexamethasone"])
    }

    /// "Interferon" beside ribavirin, in an abstract that names no interferon product, is the hepatitis C
    /// therapy PharmGKB curates as peginterferon alfa-2a and alfa-2b (21390311, 27498543); where the
    /// abstract names the product ("pegylated interferon-alpha", 19749757) nothing is added.
    func testInterferonBesideRibavirinIsPeginterferon() throws {
        for pmid in ["21390311", "27498543"] {
            let drugs = try record(pmid, in: Self.pharmgkb).filter { $0["type"] as? String == "drug" }
            XCTAssertFalse(drugs.contains { $0["name"] as? String == "interferons" }, pmid)
            XCTAssertTrue(drugs.contains { $0["name"] as? String == "peginterferon alfa-2a" && $0["id"] as? String == "DB00008" }, pmid)
            XCTAssertTrue(drugs.contains { $0["name"] as? String == "peginterferon alfa-2b" }, pmid)
        }
        let named = try record("19749757", in: Self.pharmgkb).filter { $0["type"] as? String == "drug" && ($0["name"] as? String ?? "").hasPrefix("peginterferon") }
        XCTAssertTrue(named.allSatisfy { ($0["text"] as? String ?? "").lowercased().contains("peg") }, "\(named)")
    }

    /// A genotype written as a position and its two alleles is a variant: "SLCO1B1 521TC" (PharmGKB 16722833),
    /// "2677GG/3435CC", and "3435TT" takes the gene its abstract gives the same position elsewhere ("ABCB1
    /// haplotypes derived from G2677T/C3435T", 16869811); "rs12768009 (CYP2C19 8403AA)" names the rsID's gene
    /// (21860339). A two-digit number before two capitals is no genotype, "e.g." is no HGVS prefix, and
    /// "617V>F" is JAK2's V617F (PGxMine dev had read it as an abbreviation of JAK2).
    func testGenotypesWrittenAsPositionAndAlleles() throws {
        XCTAssertEqual(try pharmgkbGenes("16722833", "521TC"), ["SLCO1B1"])
        XCTAssertEqual(try pharmgkbGenes("16869811", "3435TT"), ["ABCB1"])
        XCTAssertEqual(try pharmgkbGenes("16869811", "2677GG"), ["ABCB1"])
        XCTAssertEqual(try pharmgkbGenes("21860339", "8403AA"), ["CYP2C19"])
        XCTAssertEqual(try pharmgkbGenes("21860339", "rs12768009"), ["CYP2C19"])
        let t = try text([#"{"id": "g", "text": "Sensitivity to warfarin (e.g. VKORC1 -1639AA genotype) on a 64CT scanner; CYP2B6 516TT carriers given efavirenz."}"#])
        XCTAssertEqual(t.filter { $0["type"] as? String != "drug" }.map { "\($0["type"] ?? "")|\($0["name"] ?? "")|\($0["gene"] as? String ?? "")" },
                       ["gene|VKORC1|", "variant|-1639AA|VKORC1", "gene|CYP2B6|", "variant|516TT|CYP2B6"])
        // a protein change written with ">" is named the usual way, and defines no abbreviation of its gene
        let jak = try text([#"{"id": "j", "text": "Aspirin in JAK2 (617V>F)-positive patients; the 677C>T variant."}"#])
        XCTAssertEqual(jak.filter { $0["type"] as? String == "variant" }.map { "\($0["name"] ?? "")|\($0["gene"] as? String ?? "")" },
                       ["V617F|JAK2", "677C>T|"])
        XCTAssertEqual(["C3435T", "3435C>T", "c.3435C>T", "3435TT", "2677G>T/A", "G-1639A", "V600E", "rs1045642", "*3"].map { EntityRecognizer.nucleotidePosition($0) ?? "-" },
                       ["3435", "3435", "3435", "3435", "2677", "-1639", "-", "-", "-"])
        // a change and its two bases, a genotype by its position (no bases), or neither
        XCTAssertEqual(["C3435T", "3435C>T", "c.3435C>T", "3435C/T", "G-1639A", "-1639G>A", "3435TT", "-308G/G", "c.1446CG",
                        "2677G>T/A", "3435C>C", "V600E", "rs1045642"].map { name -> String in
            guard let c = EntityRecognizer.nucleotideChange(name) else { return "-" }
            return c.position + ":" + (c.bases?.sorted().joined() ?? "genotype")
        }, ["3435:CT", "3435:CT", "3435:CT", "3435:CT", "-1639:AG", "-1639:AG", "3435:genotype", "-308:genotype", "1446:genotype",
            "-", "-", "-", "-"])
    }

    /// The plural of one gene's name is that gene ("mu-opioid receptors" are OPRM1, PGxCorpus 19429175), but
    /// not where the name's second or beta form is another gene ("estrogen receptors" are ESR1 and ESR2: a
    /// family; the class word inside it names the receptor, no drug, as "dopamine" in "dopamine receptors").
    func testThePluralOfAGenesName() throws {
        let t = try text([#"{"id": "p", "text": "Opiates act on mu-opioid receptors, unlike tamoxifen on estrogen receptors."}"#])
        XCTAssertEqual(t.map { "\($0["type"] ?? "")|\($0["name"] ?? "")|\($0["source"] ?? "")" },
                       ["drug|opiates|lexicon:class", "gene|OPRM1|pattern:plural-name", "drug|tamoxifen|lexicon:generic",
                        "gene|estrogen receptors|pattern:family"])
    }
    /// A gene's official symbol that NCBI also lists as another gene's alias is that gene where the abstract
    /// writes the two as one: "reduced folate carrier 1 G80A (RFC1 G80A)" (PharmGKB 17180579) and "RFC1/SLC19A1"
    /// (26616421) are SLC19A1 throughout, not replication factor C1; two members of one family written with a
    /// slash ("KRAS/NRAS", NCBI lists each as the other's alias) and RFC1 alone keep their own genes.
    func testASymbolWrittenAsAnotherGenesSynonym() throws {
        let pgkb = try entities(Self.pharmgkb)
        func names(_ pmid: String, _ text: String) -> Set<String> {
            Set(pgkb.filter { $0["doc"] as? String == pmid && $0["text"] as? String == text }.map { ($0["type"] as? String == "variant" ? $0["gene"] : $0["name"]) as? String ?? "none" })
        }
        XCTAssertEqual(names("17180579", "RFC1"), ["SLC19A1"])
        XCTAssertEqual(names("17180579", "G80A"), ["SLC19A1"])
        XCTAssertEqual(names("26616421", "RFC1"), ["SLC19A1"])
        let t = try text([#"{"id": "k", "text": "Lines with a KRAS/NRAS mutation resisted cetuximab."}"#,
                          #"{"id": "r", "text": "RFC1 repeat expansions cause ataxia; SLC19A1 carries folate."}"#])
        XCTAssertEqual(t.filter { $0["type"] as? String == "gene" }.compactMap { $0["name"] as? String }, ["KRAS", "NRAS", "RFC1", "SLC19A1"])
    }
    /// A gene named after its variant through words of place ("a SNP (rs11042725) in the upstream flanking
    /// region of ADM", PharmGKB 19636336; "Rs2242480 located in the CYP3A4", 23077486; "rs1880916 from
    /// PDE11A"; "-43T>C in the 5'-flanking region of SLC19A1", 17404734, across the prime), and an alias's
    /// Greek letter written glued ("PLCγ2", "PLC-γ2" and "IKKβ" are NCBI's "PLC-gamma-2" and "IKK-beta").
    func testGenesNamedAfterTheirVariantsAndGlueGreekLetters() throws {
        XCTAssertEqual(try pharmgkbGenes("19636336", "rs11042725"), ["ADM"])
        XCTAssertEqual(try pharmgkbGenes("17404734", "-43T>C"), ["SLC19A1"])
        XCTAssertEqual(try pharmgkbGenes("23077486", "Rs2242480"), ["CYP3A4"])
        let t = try text([#"{"id": "g", "text": "We selected rs1880916 from PDE11A; an R665W mutation in PLCγ2 or PLC-γ2 and IKKβ."}"#])
        XCTAssertEqual(t.map { "\($0["type"] ?? "")|\($0["type"] as? String == "variant" ? $0["gene"] ?? "" : $0["name"] ?? "")" },
                       ["variant|PDE11A", "gene|PDE11A", "variant|PLCG2", "gene|PLCG2", "gene|PLCG2", "gene|IKBKB"])
    }
    /// A subunit's Greek letter spelled or written after its family's symbol: "PDGFRα" is PDGFRA, not the
    /// "PDGFR" alias of PDGFRB (PharmGKB 23127916; "FIP1L1 -PDGFRalpha T674I", PGxCorpus 19212337_5, gives its
    /// variant PDGFRA), "GSK3β" GSK3B (21781277), "TGFβ1" TGFB1 (22129793); and a few names NCBI lacks:
    /// "ERβ" (ESR2), "C/EBPβ" (CEBPB), "TNF-β" (LTA, not TNF). "IFN-gamma" stays IFNG's.
    func testGreekSubunitsAfterAFamilySymbol() throws {
        for (pmid, written, gene) in [("23127916", "PDGFRα", "PDGFRA"), ("21781277", "GSK3β", "GSK3B"), ("22129793", "TGFβ1", "TGFB1")] {
            let ms = try record(pmid, in: Self.pharmgkb).filter { $0["text"] as? String == written }
            XCTAssertFalse(ms.isEmpty, "\(pmid): \(written)")
            XCTAssertTrue(ms.allSatisfy { $0["name"] as? String == gene }, "\(ms)")
        }
        let pc = try text(TestEnv.goldLines("pgxcorpus-dev", ids: ["19212337_5"]))
        XCTAssertEqual(variantGenes(pc, "19212337_5", "T674I"), ["PDGFRA"])
        let t = try text([#"{"id": "k", "text": "ERβ, C/EBPβ, TNF-β, HIF1alpha and IFN-gamma levels changed."}"#])
        XCTAssertEqual(t.map { "\($0["text"] ?? "")|\($0["name"] ?? "")" },
                       ["ERβ|ESR2", "C/EBPβ|CEBPB", "TNF-β|LTA", "HIF1alpha|HIF1A", "IFN-gamma|IFNG"])
    }
    /// A protein drug's DrugBank synonym that is its gene's full name names the protein: "interleukin-3" is
    /// IL3 (PGxCorpus 19366808), not muplestim; "von Willebrand factor" VWF; "folliculin" FLCN, not estrone
    /// (an old name); the drug keeps its own name, and "interleukin-2 therapy" stays aldesleukin's.
    /// A pharmacogene change by its legacy cDNA number, or a genotype at its position, written without its gene
    /// takes the one such gene its abstract names (real PharmGKB abstracts): "2677GT/3435CT" groups in one
    /// on ABCB1, "516GT" and "785AG" in one on CYP2B6, "-163C>A" in one on CYP1A2. Where the sentence had
    /// given the nearest gene ("CYP2C9*1/*3 & 521TT"), SLCO1B1's 521T>C takes its own gene. So does a
    /// polymorphism named by its restriction site ("TaqIA": DRD2 or ANKK1; "ApaI": VDR).
    func testLegacyChangesAndGenotypesTakeTheirGene() throws {
        XCTAssertEqual(try pharmgkbGenes("19740397", "3435CT"), ["ABCB1"])
        XCTAssertEqual(try pharmgkbGenes("19740397", "2677GT"), ["ABCB1"])
        XCTAssertEqual(try pharmgkbGenes("20841522", "516GT"), ["CYP2B6"])
        XCTAssertEqual(try pharmgkbGenes("20841522", "785AG"), ["CYP2B6"])
        XCTAssertEqual(try pharmgkbGenes("17370067", "-163C>A"), ["CYP1A2"])
        XCTAssertEqual(try pharmgkbGenes("22842957", "521TT"), ["SLCO1B1"])
        XCTAssertEqual(try pharmgkbGenes("22842957", "521 T>C"), ["SLCO1B1"])
        // the CYP2C9 alleles of the same abstract keep theirs
        XCTAssertEqual(try pharmgkbGenes("22842957", "*1/*3"), ["CYP2C9"])
        // polymorphisms named by a restriction site, in abstracts that name their gene elsewhere
        XCTAssertEqual(try pharmgkbGenes("17105675", "TaqIA"), ["DRD2"])
        XCTAssertEqual(try pharmgkbGenes("29099735", "ApaI"), ["VDR"])
    }

    /// "catechol-O-methyl transferase" written apart is COMT, whose Val158Met it carries, not the drug
    /// "catechol" (a real PharmGKB abstract); an isoform of PKC or PPAR by its Greek letter is its gene.
    func testEnzymeNamesWrittenApartAndGreekIsoforms() throws {
        let doc = try record("17156920", in: Self.pharmgkb)
        XCTAssertFalse(doc.contains { $0["type"] as? String == "drug" && $0["text"] as? String == "catechol" }, "\(doc)")
        XCTAssertEqual(try pharmgkbGenes("17156920", "Val158Met"), ["COMT"])
        let t = try text([#"{"id": "i", "text": "PKCδ, PKC-epsilon, PPARδ and IκBα were phosphorylated."}"#])
        XCTAssertEqual(t.map { "\($0["text"] ?? "")|\($0["name"] ?? "")" },
                       ["PKCδ|PRKCD", "PKC-epsilon|PRKCE", "PPARδ|PPARD", "IκBα|NFKBIA"])
    }

    /// An insertion/deletion polymorphism named as such is a variant of its gene, the way the ACE one is known:
    /// "angiotensin-converting enzyme (ACE) insertion/deletion (I/D)" in real PharmGKB abstracts (10636265,
    /// 10880412's "Insertion-deletion" title), both forms named "I/D" (source `pattern:indel`).
    func testInsertionDeletionPolymorphisms() throws {
        XCTAssertEqual(try pharmgkbGenes("10636265", "I/D"), ["ACE"])
        XCTAssertEqual(try pharmgkbGenes("10636265", "insertion/deletion"), ["ACE"])
        XCTAssertEqual(try pharmgkbGenes("10880412", "Insertion-deletion"), ["ACE"])
        let named = try record("10636265", in: Self.pharmgkb).filter { $0["type"] as? String == "variant" && ($0["text"] as? String ?? "").contains("/") }
        XCTAssertTrue(named.allSatisfy { $0["name"] as? String == "I/D" && $0["source"] as? String == "pattern:indel" }, "\(named)")
    }

    /// A receptor numbered by its type, with the type written before the name or in Roman numerals, is the
    /// gene NCBI numbers after it: in a real PharmGKB abstract "the angiotensin-II type I-receptor gene" is
    /// AGTR1 (it had been angiotensin II, a drug) and its SNPs rs275651 and rs5182 take it; "FP receptor"
    /// and "prostaglandin F2alpha receptor" are PTGFR, whose promoter SNP rs3753380 had no gene.
    func testReceptorsNumberedByTypeAndPharmacologyNames() throws {
        XCTAssertEqual(try pharmgkbGenes("27021566", "rs5182"), ["AGTR1"])
        XCTAssertEqual(try pharmgkbGenes("27021566", "rs275651"), ["AGTR1"])
        let ptgfr = try record("17467803", in: Self.pharmgkb).filter { $0["type"] as? String == "gene" }
        XCTAssertTrue(ptgfr.contains { $0["text"] as? String == "FP receptor" })
        XCTAssertTrue(ptgfr.allSatisfy { $0["name"] as? String == "PTGFR" }, "\(ptgfr)")
        let t = try text([#"{"id": "r", "text": "The type-1 cannabinoid receptor, the type 1 ryanodine receptor and the farnesoid X receptor were studied."}"#])
        XCTAssertEqual(t.map { "\($0["text"] ?? "")|\($0["name"] ?? "")" },
                       ["type-1 cannabinoid receptor|CNR1", "type 1 ryanodine receptor|RYR1", "farnesoid X receptor|NR1H4"])
    }
    func testAProteinDrugsSynonymThatIsItsGenesName() throws {
        let t = try text([#"{"id": "p", "text": "Sorafenib lowered interleukin-3 and von Willebrand factor; folliculin mutations; oprelvekin; interleukin-2 therapy."}"#])
        XCTAssertEqual(t.map { "\($0["type"] ?? "")|\($0["name"] ?? "")" },
                       ["drug|sorafenib", "gene|IL3", "gene|VWF", "gene|FLCN", "drug|oprelvekin", "drug|human interleukin-2"])
    }
    /// Codes that name no compound in general MEDLINE text: a device ("a patch ECG (ECG247 Smart Heart
    /// Sensor)", "the Lenstar LS900 device"), a mutant strain in a list after "mutants" ("RTL4, RXM5, and
    /// RFS102"), a herpesvirus gene ("UL138"); a compound code keeps its drug. "C-819 T" is a variant
    /// written apart.
    func testDevicesMutantsAndViralGenesAreNoCompounds() throws {
        let t = try text([#"{"id": "d", "text": "A patch ECG (ECG247 Smart Heart Sensor) and the Lenstar LS900 device; the mutants RTL4, RXM5, and RFS102 resisted rifampicin; the viral UL138 protein; AZD6244 was given."}"#,
                          #"{"id": "v", "text": "IL-10 polymorphisms at G-1082A, C-819 T, and C-592A."}"#])
        XCTAssertEqual(texts(t.filter { $0["doc"] as? String == "d" }, type: "drug"), ["rifampicin", "AZD6244"])
        XCTAssertEqual(t.filter { $0["doc"] as? String == "v" && $0["type"] as? String == "variant" }.map { "\($0["name"] ?? "")|\($0["gene"] ?? "")" },
                       ["G-1082A|IL10", "C-819T|IL10", "C-592A|IL10"])
    }
    /// Bacterial genes written in Demerec's style ("inhA", "parC", "gyrA") and common resistance proteins
    /// ("GyrA") are no human genes: in a tuberculosis study with patients "inhA C-15T" was INHA (inhibin) and
    /// made an INHA–isoniazid triple, "parC" was CCL18. Human genes written so ("apoE", "rhoA"), deletions
    /// ("delT") and hyphenated words are left alone ("c-erbB-2" is ERBB2, which "erbB" had made EGFR).
    func testBacterialGenesAreNoHumanGenes() throws {
        let line = #"{"id": "b", "text": "Isoniazid resistance in patients was associated with katG S315T and inhA C-15T mutations; parC and GyrA mutations with levofloxacin resistance; apoE and rhoA; the -241delT allele; c-erbB-2."}"#
        let t = try text([line])
        XCTAssertEqual(t.filter { $0["type"] as? String == "gene" }.map { "\($0["text"] ?? "")|\($0["name"] ?? "")|\($0["source"] ?? "")" },
                       ["katG|katG|pattern:nonhuman", "inhA|inhA|pattern:nonhuman", "parC|parC|pattern:nonhuman", "GyrA|GyrA|pattern:nonhuman",
                        "apoE|APOE|lexicon:symbol", "rhoA|RHOA|lexicon:symbol", "c-erbB-2|ERBB2|lexicon:name"])
        let triples = try text([line], triples: true)
        XCTAssertFalse(triples.contains { (($0["gene"] as? [String: Any])?["symbol"] as? String).map { ["INHA", "CCL18"].contains($0) } ?? false })
    }

    /// A coagulation protein DrugBank lists as a drug is its gene before a variant: PGxMine's "F2 (rs1799963
    /// or prothrombin G20210A)" had read prothrombin as a drug and its G20210A as a variant without a gene.
    /// What a substance binds names a protein: "retinoic acid-binding protein" (PGxMine), "adenosine
    /// triphosphate-binding cassette" (PharmGKB 17635182) hold no drug.
    func testProteinsNamedAfterWhatTheyAreOrBind() throws {
        func line(_ id: String) throws -> String { try TestEnv.goldLines("pgxmine-dev", ids: [id])[0] }
        let f2 = try text([try line("pgxmine-variant_star_rs-477")])
        XCTAssertTrue(f2.contains { $0["text"] as? String == "prothrombin" && $0["type"] as? String == "gene" && $0["name"] as? String == "F2" })
        XCTAssertEqual(variantGenes(f2, "pgxmine-variant_star_rs-477", "G20210A"), ["F2"])
        XCTAssertFalse(texts(f2, type: "drug").contains("prothrombin"))
        // so are the numbered coagulation factors before their indel: "factor X insertion/deletion genotype",
        // "factor X insertion/insertion genotype" of a warfarin dose study (PharmGKB 16580898)
        let f10 = try record("16580898", in: Self.pharmgkb)
        XCTAssertEqual(Set(f10.filter { $0["text"] as? String == "factor X" && ($0["start"] as? Int ?? 0) > 1000 }.map { "\($0["type"] ?? "")|\($0["name"] ?? "")" }),
                       ["gene|F10"], "\(f10)")
        XCTAssertEqual(variantGenes(f10, "16580898", "insertion/deletion"), ["F10"])
        let crabp = try text([try line("pgxmine-variant_other-194")])
        XCTAssertFalse(texts(crabp, type: "drug").contains("retinoic acid"), "\(crabp)")
        let abc = try record("17635182", in: Self.pharmgkb)
        XCTAssertFalse(abc.contains { $0["name"] as? String == "atp" }, "\(abc)")
        // a three-letter change written in three words: PGxMine's penicillin-binding protein changes
        // "Ser  414 Arg" and "Thr  556 Ser" with amoxicillin, and COMT's "Val 158 Met" (PharmGKB 29474345)
        let pbp = try text([try line("pgxmine-variant_other-211")])
        XCTAssertEqual(Set(pbp.filter { $0["type"] as? String == "variant" }.compactMap { $0["name"] as? String }), ["Ser414Arg", "Thr556Ser"])
        XCTAssertEqual(variantGenes(try entities(Self.pharmgkb), "29474345", "Val 158 Met"), ["COMT"])
        // the drug itself stays where it binds ("tacrolimus binding capacity"), and prothrombin time is no gene
        let kept = try text([#"{"id": "k", "text": "Tacrolimus binding capacity and the prothrombin time were measured in CYP3A5 carriers."}"#])
        XCTAssertEqual(texts(kept, type: "drug"), ["Tacrolimus", "prothrombin"])
    }

    /// A drug written by its development code is that drug, with its name and DrugBank id: "VX-770" in a
    /// PharmGKB abstract of CFTR W1282X (27007499; curators list CFTR with ivacaftor), "R115777" in another
    /// (15122075, tipifarnib), and "AZD9291" opening a PGxCorpus sentence. A code the table does not hold
    /// stays a compound of its own name.
    func testDevelopmentCodesNameTheirDrugs() throws {
        let pgkb = try entities(Self.pharmgkb).filter { $0["type"] as? String == "drug" }
        let vx = pgkb.filter { $0["doc"] as? String == "27007499" && $0["text"] as? String == "VX-770" }
        XCTAssertFalse(vx.isEmpty)
        XCTAssertTrue(vx.allSatisfy { $0["name"] as? String == "ivacaftor" && $0["id"] as? String == "DB08820" }, "\(vx)")
        XCTAssertTrue(pgkb.contains { $0["doc"] as? String == "15122075" && $0["text"] as? String == "R115777" && $0["name"] as? String == "tipifarnib" })
        let azd = try text(TestEnv.goldLines("pgxcorpus-dev", ids: ["26450446_1"])).filter { $0["type"] as? String == "drug" }
        XCTAssertEqual(azd.first { $0["text"] as? String == "AZD9291" }?["name"] as? String, "osimertinib", "\(azd)")
        let other = try text([#"{"id": "c", "text": "XYZ-12345 and PLX-4032 were given to BRAF V600E cells."}"#]).filter { $0["type"] as? String == "drug" }
        XCTAssertEqual(other.map { $0["name"] as? String ?? "" }, ["XYZ-12345", "vemurafenib"])
    }

    /// The therapy named after a drug's "-based" is that drug's regimen, no second partner: PGxCorpus's
    /// "oxaliplatin -based adjuvant chemotherapy" (tokenized) pairs its ERCC1 and XRCC1 genotypes with
    /// oxaliplatin only, not also with "chemotherapy" (the class stays an entity); "chemotherapy based on
    /// cisplatin" keeps both.
    func testATherapyBasedOnADrugIsThatDrugs() throws {
        let lines = try TestEnv.goldLines("pgxcorpus-dev", ids: ["21418871_10"]) + [#"{"id": "t", "text": "Gemcitabine-based first-line chemotherapy and chemotherapy based on cisplatin were given to ERCC1 carriers."}"#]
        let ms = try text(lines)
        XCTAssertEqual(texts(ms.filter { $0["doc"] as? String == "21418871_10" }, type: "drug"), ["oxaliplatin", "chemotherapy"])
        let triples = try text(lines, triples: true)
        func drugs(_ doc: String) -> Set<String> {
            Set(triples.filter { $0["doc"] as? String == doc }.compactMap { ($0["drug"] as? [String: Any])?["text"] as? String })
        }
        XCTAssertEqual(drugs("21418871_10"), ["oxaliplatin"])
        XCTAssertEqual(drugs("t"), ["Gemcitabine", "chemotherapy", "cisplatin"])
        XCTAssertEqual(triples.filter { $0["doc"] as? String == "t" && ($0["drug"] as? [String: Any])?["text"] as? String == "chemotherapy" }.count, 1,
                       "only the chemotherapy based on cisplatin")
    }

    /// Look-alike punctuation is read as the plain character, one for one, and output quotes the text as
    /// written: PGxMine's "HLA-B*57∶01" (a ratio sign) is HLA-B*57:01, not the allele group *57; "−1639G > A"
    /// (a minus sign) is the promoter's -1639G>A, not 1639G>A; and a DNA change with spaces around ">"
    /// ("c.602C > T", PGxMine) is the whole change, not "c.602C".
    func testLookAlikePunctuationAndSpacedChanges() throws {
        let ids = ["pgxmine-variant_star_rs-056", "pgxmine-variant_star_rs-249", "pgxmine-variant_other-187"]
        let ms = try text(TestEnv.goldLines("pgxmine-dev", ids: ids))
        func variant(_ doc: String, _ name: String) -> [String: Any]? {
            ms.first { $0["doc"] as? String == doc && $0["type"] as? String == "variant" && $0["name"] as? String == name }
        }
        XCTAssertEqual(variant(ids[0], "HLA-B*57:01")?["text"] as? String, "*57\u{2236}01", "\(ms.filter { $0["doc"] as? String == ids[0] })")
        XCTAssertEqual(variant(ids[1], "-1639G>A")?["text"] as? String, "\u{2212}1639G > A", "\(ms.filter { $0["doc"] as? String == ids[1] })")
        XCTAssertEqual(variant(ids[2], "c.602C>T")?["text"] as? String, "c.602C > T", "\(ms.filter { $0["doc"] as? String == ids[2] })")
    }
}
