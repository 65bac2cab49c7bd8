import PGxText
import XCTest

/// The ICU shim is the only way Swift reaches ICU's break iterators and normalizer.
final class ICUShimTests: XCTestCase {
    func testSentenceBoundariesComeFromICU() {
        let text = Array("CYP2C19 matters. Clopidogrel fails!".utf16)
        let b = ICU.boundaries(text, kind: .sentence).map(\.offset)
        XCTAssertEqual(b, [17, text.count])
    }

    func testNFKCMapsEveryOutputUnitBackToItsSource() {
        // U+FB01 (fi ligature) expands to two units, both mapping to source index 0; "²" → "2".
        let src = Array("\u{FB01}ne m\u{00B2}".utf16)
        let (out, map) = ICU.nfkc(src)
        XCTAssertEqual(String(decoding: out, as: UTF16.self), "fine m2")
        XCTAssertEqual(map, [0, 0, 1, 2, 3, 4, 5])
    }

    func testICUVersionIsReported() {
        XCTAssertFalse(ICU.version.isEmpty)
    }
}
