import Foundation
import PGxText
import XCTest

final class TokenizerTests: XCTestCase {
    func tokens(_ s: String) -> [String] {
        let t = Array(s.unicodeScalars)
        return Tokenizer.tokenize(t).map { String(String.UnicodeScalarView(t[$0.start..<$0.end])) }
    }

    /// The letter-or-digit test answers from its table as the Unicode properties do, for every scalar.
    func testAlnumTableAgreesWithTheUnicodeProperties() {
        var alnum = 0
        for v in UInt32(0)...0x10FFFF {
            guard let s = Unicode.Scalar(v) else { continue }
            let expected = s.properties.isAlphabetic || s.properties.numericType != nil
            if Tokenizer.isAlnum(s) != expected { XCTFail(String(format: "U+%04X", v)); return }
            if expected { alnum += 1 }
        }
        XCTAssertGreaterThan(alnum, 100_000)
        XCTAssertTrue(Tokenizer.isAlnum("β")); XCTAssertTrue(Tokenizer.isAlnum("²")); XCTAssertFalse(Tokenizer.isAlnum("±"))
    }

    /// A string's code points as the scalar view gives them, for ASCII, two-, three- and four-byte text.
    func testScalarArrayDecodesEveryWidth() {
        for s in ["", "CYP2C19*2", "β-blockers at 5 µg ± 1", "İ – “quoted” — 中文", "emoji 🧬 and 𝛼", "é\u{301}"] {
            XCTAssertEqual(scalarArray(s), Array(s.unicodeScalars), s)
        }
    }

    func testPGxUnitsAreOneToken() {
        XCTAssertEqual(tokens("CYP2C19*2/*3 carriers"), ["CYP2C19*2/*3", "carriers"])
        XCTAssertEqual(tokens("the *1/*17 genotype"), ["the", "*1/*17", "genotype"])
        XCTAssertEqual(tokens("HLA-B*57:01 and HLA-A*31:01."), ["HLA-B*57:01", "and", "HLA-A*31:01", "."])
        XCTAssertEqual(tokens("DPYD c.1905+1G>A, p.Arg144Cys."), ["DPYD", "c.1905+1G>A", ",", "p.Arg144Cys", "."])
        XCTAssertEqual(tokens("rs4244285 (g.94781859G>A)"), ["rs4244285", "(", "g.94781859G>A", ")"])
        XCTAssertEqual(tokens("5-fluorouracil and 6-mercaptopurine"), ["5-fluorouracil", "and", "6-mercaptopurine"])
        XCTAssertEqual(tokens("p = 0.05, OR 2.5"), ["p", "=", "0.05", ",", "OR", "2.5"])
    }

    func testTokensAndWhitespaceGiveBackTheInputOnHostileText() {
        let hostile = [
            "", " ", "\t\n\r", "CYP2C19*2/*3", "a\u{0301}e\u{0301} naïve café", "👩‍👩‍👧‍👦 CYP2D6 💊*4",
            "\u{200B}zero\u{200B}width\u{FEFF}", "שלום CYP2C9 مرحبا", "null\u{0}byte", "∗2 ∗3", "HLA‐B＊57∶01",
            "((((***)))) ** * / /*/ *", "c.", "c.-", "rs", "rs12", "p.(Arg144Cys)", "1.2.3.4", "-1639G>A",
            String(repeating: "-", count: 200), "Ω≈ç√∫˜µ≤≥÷", "Ⅻ ½ ²³", "\u{1F600}\u{1F3FD}", "e.g. 5-FU vs. 6-MP",
        ]
        for s in hostile {
            let t = Array(s.unicodeScalars)
            let toks = Tokenizer.tokenize(t)
            var rebuilt: [Unicode.Scalar] = []
            var pos = 0
            for tok in toks {
                XCTAssertGreaterThanOrEqual(tok.start, pos, "overlapping tokens in \(s.debugDescription)")
                for i in pos..<tok.start { XCTAssertTrue(Tokenizer.isSpace(t[i]), "non-space dropped in \(s.debugDescription)") }
                rebuilt += t[pos..<tok.end]
                pos = tok.end
            }
            rebuilt += t[pos...]
            for i in pos..<t.count { XCTAssertTrue(Tokenizer.isSpace(t[i])) }
            XCTAssertEqual(String(String.UnicodeScalarView(rebuilt)), s)
        }
    }
}

final class SentenceTests: XCTestCase {
    func sentences(_ s: String) -> [String] {
        let t = Array(s.unicodeScalars)
        return SentenceSplitter.split(t).map { String(String.UnicodeScalarView(t[$0])) }
    }

    func testAbbreviationsDoNotEndSentences() {
        XCTAssertEqual(sentences("Exposure was higher in PMs vs. EMs (approx. 2-fold, Fig. 2). Dr. Smith et al. agreed."),
                       ["Exposure was higher in PMs vs. EMs (approx. 2-fold, Fig. 2).", "Dr. Smith et al. agreed."])
        XCTAssertEqual(sentences("Some drugs, e.g. 5-FU, i.e. a fluoropyrimidine, were used. The AUC was 3.5 mg/L."),
                       ["Some drugs, e.g. 5-FU, i.e. a fluoropyrimidine, were used.", "The AUC was 3.5 mg/L."])
    }

    func testStarAlleleAtSentenceEndAndLowercaseVariantStart() {
        XCTAssertEqual(sentences("Carriers had CYP2C19*2. rs4244285 was genotyped."),
                       ["Carriers had CYP2C19*2.", "rs4244285 was genotyped."])
    }

    func testASentenceMayStartWithASymbolOrAChemicalPrefix() {
        // a MEDLINE abstract (the benchmark file's PCOS study) wrote "... the PCOS group. l-Carnitine improves ...":
        // read as one sentence, TNF-alpha and IL-6 of the first paired with l-carnitine
        XCTAssertEqual(sentences("IL-6 fell compared with the PCOS group. l-Carnitine improves folliculogenesis. mRNA levels rose."),
                       ["IL-6 fell compared with the PCOS group.", "l-Carnitine improves folliculogenesis.", "mRNA levels rose."])
        XCTAssertEqual(sentences("We saw it in mice. miR-155 was high. β2AR was low. p53 was lost."),
                       ["We saw it in mice.", "miR-155 was high.", "β2AR was low.", "p53 was lost."])
        // not after an abbreviation, and not before a plain lower-case word
        XCTAssertEqual(sentences("As Smith et al. mRNA data show, the effect vs. p53 status was small. e. coli grew."),
                       ["As Smith et al. mRNA data show, the effect vs. p53 status was small. e. coli grew."])
    }

    func testHGVSPrefixWrittenApartDoesNotEndASentence() {
        // PGxCorpus writes its sentences tokenized: "c. 521TC" is one variant, not a sentence end
        XCTAssertEqual(sentences("AUC was higher than with c. 521TC ( n = 12 ) or p. V174A genotypes . Doses were cut."),
                       ["AUC was higher than with c. 521TC ( n = 12 ) or p. V174A genotypes .", "Doses were cut."])
        XCTAssertEqual(sentences("It was given as in ref. 5. Doses were cut."), ["It was given as in ref. 5.", "Doses were cut."])
        // a protein change in three-letter code after "p. " (PharmGKB 19694741: "SCN1A p. Thr 1067 Ala" had lost its gene)
        XCTAssertEqual(sentences("The SCN1A p. Thr 1067 Ala and p. Arg144Cys variants were typed. Doses were cut."),
                       ["The SCN1A p. Thr 1067 Ala and p. Arg144Cys variants were typed.", "Doses were cut."])
    }

    func testACitationRemnantAfterAPeriodEndsTheSentence() {
        // full text with its reference numbers stripped leaves ". ," (a PGxMine sentence: the variant of the
        // first sentence was read with the drugs of the next two)
        XCTAssertEqual(sentences("Exposure of pravastatin rose. , OATP1B1*15 (a haplotype) raised it. , However, doses were cut."),
                       ["Exposure of pravastatin rose. ,", "OATP1B1*15 (a haplotype) raised it. ,", "However, doses were cut."])
        // not after an abbreviation or an initial, and not before a lower-case word
        XCTAssertEqual(sentences("Treatment ( i.e. , IVF or IUI ) and the risk. , and the rest as in Fig. , Table 2."),
                       ["Treatment ( i.e. , IVF or IUI ) and the risk. , and the rest as in Fig. , Table 2."])
    }
}

final class NormalizerTests: XCTestCase {
    func testNFKCAndPunctuationFoldWithOffsetsBack() {
        let original = Array("HLA\u{2010}B＊57\u{2236}01\u{00A0}ﬁne".unicodeScalars)
        let n = NormalizedText(original)
        XCTAssertEqual(String(String.UnicodeScalarView(n.scalars)), "HLA-B*57:01 fine")
        // "fine" starts at normalized 12; the ligature was one original scalar at 12.
        XCTAssertEqual(n.original(12, 16).start, 12)
        XCTAssertEqual(n.original(12, 16).end, 15)
        XCTAssertEqual(n.original(0, 5).end, 5)
    }

    func testASCIIIsIdentity() {
        let t = Array("CYP2D6 poor metabolizers".unicodeScalars)
        let n = NormalizedText(t)
        XCTAssertEqual(n.scalars, t)
        XCTAssertEqual(n.map, Array(0...t.count))
    }
}
