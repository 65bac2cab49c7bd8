import CLibXML2
import Foundation
import PGxModel

/// Accumulates one record's fields while the reader walks its nodes.
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
    mutating func append(_ v: UnsafePointer<xmlChar>) {
        let n = strlen(UnsafeRawPointer(v).assumingMemoryBound(to: CChar.self))
        buffer.append(contentsOf: UnsafeBufferPointer(start: v, count: n))
    }

    private static func attribute(_ reader: xmlTextReaderPtr, _ name: String) -> String? {
        guard let v = name.withCString({ xmlTextReaderGetAttribute(reader, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) })
        else { return nil }
        defer { xmlFree(v) }
        return String(cString: UnsafeRawPointer(v).assumingMemoryBound(to: CChar.self))
    }

    mutating func element(_ tag: Tag, depth: Int, base: Int, empty: Bool, reader: xmlTextReaderPtr) {
        if field != .none { return }  // inline markup inside a captured field
        if inDeletions {
            if tag == .pmid && depth == 2 {
                pendingVersion = RecordBuilder.attribute(reader, "Version").flatMap { Int($0) } ?? 1
                start(.deletePMID, depth, empty)
            }
            return
        }
        guard inRecord else { return }
        let rel = depth - base
        switch (tag, rel) {
        case (.pmid, 1) where !hasPMID:
            pendingVersion = RecordBuilder.attribute(reader, "Version").flatMap { Int($0) } ?? 1
            start(.pmid, depth, empty)
        case (.articleTitle, 2):
            start(.title, depth, empty)
        case (.abstractText, 3):
            pendingLabel = RecordBuilder.attribute(reader, "Label")
            pendingCategory = RecordBuilder.attribute(reader, "NlmCategory")
            start(.abstractText, depth, empty)
        case (.otherAbstract, 1):
            inOther = true
            citation.otherAbstracts.append(OtherAbstract(type: RecordBuilder.attribute(reader, "Type"),
                                                         language: RecordBuilder.attribute(reader, "Language")))
            if empty { inOther = false }
        case (.abstractText, 2) where inOther:
            pendingLabel = RecordBuilder.attribute(reader, "Label")
            pendingCategory = RecordBuilder.attribute(reader, "NlmCategory")
            start(.otherText, depth, empty)
        case (.language, 2):
            start(.language, depth, empty)
        case (.journal, 2):
            inJournal = !empty
        case (.title, 3) where inJournal:
            start(.journalTitle, depth, empty)
        case (.isoAbbreviation, 3) where inJournal:
            start(.iso, depth, empty)
        case (.issn, 3) where inJournal:
            start(.issn, depth, empty)
        case (.year, 5) where inJournal:
            start(.year, depth, empty)
        case (.medlineDate, 5) where inJournal:
            start(.medlineDate, depth, empty)
        case (.publicationType, 3):
            start(.publicationType, depth, empty)
        case (.descriptorName, 3):
            pendingUI = RecordBuilder.attribute(reader, "UI")
            pendingMajor = RecordBuilder.attribute(reader, "MajorTopicYN") == "Y"
            start(.descriptor, depth, empty)
        case (.registryNumber, 3):
            start(.registryNumber, depth, empty)
        case (.nameOfSubstance, 3):
            pendingUI = RecordBuilder.attribute(reader, "UI")
            start(.substance, depth, empty)
        case (.chemical, 2):
            pendingRegistry = nil
        case (.keyword, 2):
            start(.keyword, depth, empty)
        case (.pubmedData, 0):
            inPubmedData = !empty
        case (.articleId, 2) where inPubmedData:
            pendingIdType = RecordBuilder.attribute(reader, "IdType")
            start(.articleId, depth, empty)
        default:
            break
        }
    }

    private mutating func start(_ f: Field, _ depth: Int, _ empty: Bool) {
        field = f
        captureDepth = depth
        buffer.removeAll(keepingCapacity: true)
        if empty { finishField() }
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
