import CLibXML2
import Foundation
import PGxModel

/// Accumulates one record's fields from the parser's start-element, text and end-element events.
///
/// Element positions are checked by depth relative to `MedlineCitation` (`base`), so the same name in
/// another place (a `PMID` inside `CommentsCorrections`, an `ArticleId` inside `ReferenceList`, the
/// `Year` of `DateCompleted`) is never mistaken for the record's own. Text is gathered as UTF-8 bytes
/// and turned into `String`s once per field.
struct RecordBuilder {
    enum Field {
        case none, pmid, title, abstractText, otherText, language, journalTitle, iso, issn, year, medlineDate
        case publicationType, descriptor, registryNumber, substance, keyword, articleId, deletePMID
    }

    private(set) var inRecord = false
    private(set) var inDeletions = false
    private var field: Field = .none
    private var captureDepth = -1
    private var buffer: [UInt8] = []
    private var inPubmedData = false
    private var inJournal = false
    private var inOther = false

    private var citation = Citation(pmid: "")
    private var hasPMID = false
    private var pendingVersion = 1
    private var pendingLabel: String?
    private var pendingCategory: String?
    private var pendingUI: String?
    private var pendingMajor = false
    private var pendingRegistry: String?
    private var pendingIdType: String?
    private var yearText: String?
    private var medlineDateText: String?
    private var deletions: [Deletion] = []

    init() { buffer.reserveCapacity(8192) }

    var capturing: Bool { field != .none }

    mutating func begin(line: Int) {
        inRecord = true
        inDeletions = false
        field = .none
        captureDepth = -1
        buffer.removeAll(keepingCapacity: true)
        inPubmedData = false
        inJournal = false
        inOther = false
        citation = Citation(pmid: "", line: line)
        hasPMID = false
        yearText = nil
        medlineDateText = nil
    }

    mutating func beginDeletions() {
        inDeletions = true
        inRecord = false
        deletions = []
        field = .none
    }

    mutating func takeDeletions() -> [Deletion] {
        inDeletions = false
        defer { deletions = [] }
        return deletions
    }

    /// Finishes the record: the citation, or the line of a record that had no PMID.
    mutating func finish() -> Result<Citation, RecordFailure> {
        inRecord = false
        field = .none
        guard hasPMID, !citation.pmid.isEmpty else { return .failure(RecordFailure(line: citation.line)) }
        citation.year = yearText.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            ?? medlineDateText.flatMap(RecordBuilder.yearOf(medlineDate:))
        return .success(citation)
    }

    struct RecordFailure: Error { var line: Int }

    /// First plausible four-digit year in a `MedlineDate` such as "2019 May - Jun" or "Winter 1998-1999".
    static func yearOf(medlineDate s: String) -> Int? {
        var digits = 0, value = 0
        for u in s.utf8 {
            if u >= 48 && u <= 57 {
                digits += 1; value = value * 10 + Int(u - 48)
                continue
            }
            if digits == 4 && value >= 1800 && value <= 2200 { return value }
            digits = 0; value = 0
        }
        return digits == 4 && value >= 1800 && value <= 2200 ? value : nil
    }

    @inline(__always)
    mutating func append(_ v: UnsafePointer<xmlChar>, count: Int) {
        buffer.append(contentsOf: UnsafeBufferPointer(start: v, count: count))
    }

    mutating func element(_ tag: Tag, depth: Int, base: Int, attributes: Attributes) {
        if field != .none { return }  // inline markup inside a captured field
        if inDeletions {
            if tag == .pmid && depth == 2 {
                pendingVersion = attributes.value("Version").flatMap { Int($0) } ?? 1
                start(.deletePMID, depth)
            }
            return
        }
        guard inRecord else { return }
        let rel = depth - base
        switch (tag, rel) {
        case (.pmid, 1) where !hasPMID:
            pendingVersion = attributes.value("Version").flatMap { Int($0) } ?? 1
            start(.pmid, depth)
        case (.articleTitle, 2):
            start(.title, depth)
        case (.abstractText, 3):
            pendingLabel = attributes.value("Label")
            pendingCategory = attributes.value("NlmCategory")
            start(.abstractText, depth)
        case (.otherAbstract, 1):
            inOther = true
            citation.otherAbstracts.append(OtherAbstract(type: attributes.value("Type"),
                                                         language: attributes.value("Language")))
        case (.abstractText, 2) where inOther:
            pendingLabel = attributes.value("Label")
            pendingCategory = attributes.value("NlmCategory")
            start(.otherText, depth)
        case (.language, 2):
            start(.language, depth)
        case (.journal, 2):
            inJournal = true
        case (.title, 3) where inJournal:
            start(.journalTitle, depth)
        case (.isoAbbreviation, 3) where inJournal:
            start(.iso, depth)
        case (.issn, 3) where inJournal:
            start(.issn, depth)
        case (.year, 5) where inJournal:
            start(.year, depth)
        case (.medlineDate, 5) where inJournal:
            start(.medlineDate, depth)
        case (.publicationType, 3):
            start(.publicationType, depth)
        case (.descriptorName, 3):
            pendingUI = attributes.value("UI")
            pendingMajor = attributes.value("MajorTopicYN") == "Y"
            start(.descriptor, depth)
        case (.registryNumber, 3):
            start(.registryNumber, depth)
        case (.nameOfSubstance, 3):
            pendingUI = attributes.value("UI")
            start(.substance, depth)
        case (.chemical, 2):
            pendingRegistry = nil
        case (.keyword, 2):
            start(.keyword, depth)
        case (.pubmedData, 0):
            inPubmedData = true
        case (.articleId, 2) where inPubmedData:
            pendingIdType = attributes.value("IdType")
            start(.articleId, depth)
        default:
            break
        }
    }

    private mutating func start(_ f: Field, _ depth: Int) {
        field = f
        captureDepth = depth
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func endElement(depth: Int, base: Int) {
        if field != .none {
            if depth == captureDepth { finishField() }
            return
        }
        // Leaving containers that change how later elements are read.
        switch depth - base {
        case 0: inPubmedData = false
        case 1: inOther = false
        case 2: inJournal = false
        default: break
        }
    }

    private mutating func finishField() {
        let text = String(decoding: buffer, as: UTF8.self)
        let f = field
        field = .none
        captureDepth = -1
        switch f {
        case .none: break
        case .pmid:
            citation.pmid = text.trimmingCharacters(in: .whitespacesAndNewlines)
            citation.version = pendingVersion
            hasPMID = true
        case .title: citation.title = text
        case .abstractText:
            citation.abstract.append(AbstractSection(label: pendingLabel, nlmCategory: pendingCategory, text: text))
        case .otherText:
            if !citation.otherAbstracts.isEmpty {
                citation.otherAbstracts[citation.otherAbstracts.count - 1].sections.append(
                    AbstractSection(label: pendingLabel, nlmCategory: pendingCategory, text: text))
            }
        case .language: citation.languages.append(text)
        case .journalTitle: citation.journal.title = text
        case .iso: citation.journal.isoAbbreviation = text
        case .issn: citation.journal.issn = text
        case .year: yearText = text
        case .medlineDate: medlineDateText = text
        case .publicationType: citation.publicationTypes.append(text)
        case .descriptor: citation.meshHeadings.append(MeshHeading(ui: pendingUI, name: text, majorTopic: pendingMajor))
        case .registryNumber: pendingRegistry = text
        case .substance: citation.chemicals.append(Chemical(registryNumber: pendingRegistry, name: text, ui: pendingUI))
        case .keyword: citation.keywords.append(text)
        case .articleId:
            switch pendingIdType {
            case "doi": citation.doi = text
            case "pmc": citation.pmc = text
            default: break
            }
        case .deletePMID:
            deletions.append(Deletion(pmid: text.trimmingCharacters(in: .whitespacesAndNewlines), version: pendingVersion))
        }
    }
}

/// The attributes of one start tag as libxml2's SAX2 parser hands them over: five pointers each
/// (local name, prefix, URI, value start, value end); values are not NUL-terminated.
struct Attributes {
    let count: Int
    let pointers: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

    /// The value of the attribute named `name`, or nil.
    func value(_ name: StaticString) -> String? {
        guard let p = pointers else { return nil }
        for i in 0..<count {
            guard let local = p[i * 5], let start = p[i * 5 + 3], let end = p[i * 5 + 4] else { continue }
            let match = name.withUTF8Buffer { want in
                strcmp(UnsafeRawPointer(local).assumingMemoryBound(to: CChar.self),
                       UnsafeRawPointer(want.baseAddress!).assumingMemoryBound(to: CChar.self)) == 0
            }
            guard match else { continue }
            let bytes = UnsafeBufferPointer(start: start, count: end - start)
            let value = String(decoding: bytes, as: UTF8.self)
            // Not substituting entities, the parser hands an ampersand over as the reference "&#38;".
            return bytes.contains(0x26) ? value.replacingOccurrences(of: "&#38;", with: "&") : value
        }
        return nil
    }
}
