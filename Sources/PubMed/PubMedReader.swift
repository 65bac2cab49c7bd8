import CLibXML2
import Foundation
import PGxModel

/// What the reader yields, one at a time, in document order.
public enum PubMedEvent: Sendable {
    /// A `PubmedArticle` (or a `MedlineCitation` of an older `MedlineCitationSet` file).
    case citation(Citation)
    /// The PMIDs of one `DeleteCitation` block.
    case deletions([Deletion])
    /// A record that could not be used (for example one without a PMID); reading goes on.
    case problem(InputError)
}

/// Streams a PubMed/MEDLINE XML file (`.xml`, `.xml.gz`, or "-" for stdin) one record at a time over
/// libxml2's `xmlTextReader`, in constant memory.
///
/// Safety: the parser never touches the network (`XML_PARSE_NONET`), never loads the DTD and never
/// substitutes entities; libxml2's entity-amplification guard stays on, so an entity bomb fails fast.
/// A fatal fault (malformed or truncated XML, invalid UTF-8, a root that is not PubMed) is thrown as
/// an `InputError` naming file, line, column and the last good PMID; every record before it has
/// already been yielded. Gzip input is inflated on a second thread (`GzipFeeder`).
/// - Complexity: O(n) in the input size; memory is O(largest record).
public final class PubMedReader {
    public let path: String
    /// `PubmedBookArticle` records passed over (they are not journal citations).
    public private(set) var bookArticlesSkipped = 0
    /// PMID of the last record yielded.
    public private(set) var lastGoodPMID: String?
    public private(set) var recordsRead = 0

    private let reader: xmlTextReaderPtr
    private let feeder: GzipFeeder?
    private let errors: ErrorSink
    private var tags = TagTable()
    private var done = false
    private var rootSeen = false
    /// Depth of the `MedlineCitation` element: 2 in a PubmedArticleSet, 1 in a MedlineCitationSet.
    private var base = 2
    private var builder = RecordBuilder()

    /// Opens `path`. Throws `InputError(.cannotOpen)` when the file cannot be read.
    public init(path: String) throws {
        self.path = path
        let errors = ErrorSink()
        self.errors = errors
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_NOCDATA.rawValue)
        let displayName = path == "-" ? "<stdin>" : path
        if path != "-" {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue,
                  FileManager.default.isReadableFile(atPath: path) else {
                throw InputError(code: .cannotOpen, file: displayName, message: "cannot open file for reading",
                                 hint: "check the path and its permissions")
            }
        }
        let feeder: GzipFeeder?
        if path == "-" || PubMedReader.isGzip(path) {
            guard let f = GzipFeeder(path: path) else {
                throw InputError(code: .cannotOpen, file: displayName, message: "cannot open file for reading",
                                 hint: "check the path and its permissions")
            }
            feeder = f
        } else {
            feeder = nil
        }
        let r: xmlTextReaderPtr?
        // libxml2 reads the first bytes while creating the reader, so the producer must already run.
        feeder?.start()
        if let feeder {
            r = xmlReaderForIO(gzipFeederRead, gzipFeederClose, Unmanaged.passUnretained(feeder).toOpaque(),
                               displayName, nil, options)
        } else {
            r = xmlReaderForFile(path, nil, options)
        }
        guard let r else {
            feeder?.stop()
            throw InputError(code: .cannotOpen, file: displayName, message: "libxml2 could not open the input",
                             hint: "check the path and its permissions")
        }
        reader = r
        self.feeder = feeder
        xmlTextReaderSetStructuredErrorHandler(r, errorCallback, Unmanaged.passUnretained(errors).toOpaque())
    }

    deinit {
        feeder?.stop()
        xmlFreeTextReader(reader)
    }

    static func isGzip(_ path: String) -> Bool {
        guard let h = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? h.close() }
        let magic = (try? h.read(upToCount: 2)) ?? Data()
        return magic.count == 2 && magic[magic.startIndex] == 0x1f && magic[magic.startIndex + 1] == 0x8b
    }

    private var displayName: String { path == "-" ? "<stdin>" : path }

    /// The next record or deletion block, or nil at the end of the file.
    /// - Throws: `InputError` on a fault that stops this file; later calls return nil.
    public func next() throws -> PubMedEvent? {
        guard !done else { return nil }
        // True when the reader already stands on an unread node (after skipping a subtree).
        var advanced = false
        while true {
            let ret = advanced ? 1 : xmlTextReaderRead(reader)
            advanced = false
            if ret != 1 {
                done = true
                if ret == 0 && errors.fatal == nil && feeder?.streamError == nil {
                    if !rootSeen {
                        throw fault(.notPubMed, "the file holds no XML element",
                                    hint: "is it empty, or not XML at all?")
                    }
                    if builder.inRecord {
                        throw fault(.truncated, "the file ends inside a record",
                                    hint: "the file is probably truncated: fetch it again")
                    }
                    return nil
                }
                throw parseFault()
            }
            let type = xmlTextReaderNodeType(reader)
            if type == 1 {  // element
                guard let namePtr = xmlTextReaderConstLocalName(reader) else { continue }
                let tag = tags.tag(namePtr)
                let depth = Int(xmlTextReaderDepth(reader))
                if tag.skippable && depth > 1 && !builder.capturing {
                    let n = xmlTextReaderNext(reader)
                    if n == 1 { advanced = true; continue }
                    if n == 0 { done = true; throw fault(.truncated, "the file ends inside a record", hint: "the file is probably truncated: fetch it again") }
                    done = true
                    throw parseFault()
                }
                let empty = xmlTextReaderIsEmptyElement(reader) == 1
                if depth == 0 {
                    try root(tag, namePtr)
                    continue
                }
                if depth == 1 {
                    switch tag {
                    case .pubmedArticle, .medlineCitation:
                        builder.begin(line: currentLine())
                        if empty { if let ev = finishRecord() { return ev } }
                    case .pubmedBookArticle:
                        bookArticlesSkipped += 1
                        let n = xmlTextReaderNext(reader)
                        if n == 1 { advanced = true; continue }
                        done = true
                        if n == 0 { return nil }
                        throw parseFault()
                    case .deleteCitation:
                        builder.beginDeletions()
                        if empty { return .deletions(builder.takeDeletions()) }
                    default:
                        break
                    }
                    continue
                }
                builder.element(tag, depth: depth, base: base, empty: empty, reader: reader)
            } else if type == 3 || type == 14 || type == 4 {  // text, significant whitespace, CDATA
                if builder.capturing, let v = xmlTextReaderConstValue(reader) {
                    builder.append(v)
                }
            } else if type == 15 {  // end element
                let depth = Int(xmlTextReaderDepth(reader))
                if depth == 1 {
                    if builder.inDeletions { return .deletions(builder.takeDeletions()) }
                    if builder.inRecord, let ev = finishRecord() { return ev }
                    continue
                }
                builder.endElement(depth: depth, base: base)
            }
        }
    }

    /// Line of the node the reader stands on (the parser itself may have read further ahead).
    private func currentLine() -> Int {
        if let node = xmlTextReaderCurrentNode(reader) {
            let l = xmlGetLineNo(node)
            if l > 0 { return Int(l) }
        }
        return Int(xmlTextReaderGetParserLineNumber(reader))
    }

    private func root(_ tag: Tag, _ namePtr: UnsafePointer<xmlChar>) throws {
        rootSeen = true
        switch tag {
        case .pubmedArticleSet, .pubmedBookArticleSet: base = 2
        case .medlineCitationSet: base = 1
        default:
            let name = String(cString: UnsafeRawPointer(namePtr).assumingMemoryBound(to: CChar.self))
            var detail = ""
            if name == "ERROR" || name == "eFetchResult" || name == "eSearchResult" {
                if let s = xmlTextReaderReadString(reader) {
                    detail = String(cString: UnsafeRawPointer(s).assumingMemoryBound(to: CChar.self))
                        .trimmingCharacters(in: .whitespacesAndNewlines)
                    xmlFree(s)
                }
            }
            done = true
            throw fault(.notPubMed,
                        "root element is <\(name)>, not <PubmedArticleSet>" + (detail.isEmpty ? "" : " (it says: \(detail.prefix(200)))"),
                        hint: name == "ERROR" || !detail.isEmpty ? "this looks like an E-utilities error reply; fetch the records again"
                            : "give pgx PubMed/MEDLINE XML (baseline, update or efetch rettype=xml)")
        }
    }

    private func finishRecord() -> PubMedEvent? {
        switch builder.finish() {
        case .success(let c):
            recordsRead += 1
            lastGoodPMID = c.pmid
            return .citation(c)
        case .failure(let failure):
            let line = failure.line
            return .problem(InputError(code: .recordWithoutPMID, file: displayName, line: line,
                                       message: "record has no PMID and was skipped", lastGoodPMID: lastGoodPMID,
                                       hint: "the rest of the file is read; check this record at its source"))
        }
    }

    private func fault(_ code: InputError.Code, _ message: String, hint: String) -> InputError {
        InputError(code: code, file: displayName, line: currentLine(),
                   column: 0, message: message,
                   lastGoodPMID: lastGoodPMID, hint: hint)
    }

    /// True when the parser failed within the last bytes of a plain file: the file was cut short.
    private func endsNearFaultPosition() -> Bool {
        guard feeder == nil, path != "-",
              let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int else { return false }
        let consumed = Int(xmlTextReaderByteConsumed(reader))
        return consumed >= size - 4096
    }

    private func parseFault() -> InputError {
        if let gzMessage = feeder?.streamError {
            return InputError(code: .compressed, file: displayName, line: errors.fatal?.line ?? 0,
                              column: errors.fatal?.column ?? 0,
                              message: "compressed stream is damaged: \(gzMessage)", lastGoodPMID: lastGoodPMID,
                              hint: "the download is probably truncated; fetch the file again (records before this point were read)")
        }
        guard let e = errors.fatal else {
            return fault(.malformedXML, "the XML reader stopped without a message", hint: "check the file with xmllint")
        }
        let msg = e.message
        let lower = msg.lowercased()
        let code: InputError.Code
        let hint: String
        if lower.contains("utf-8") || lower.contains("encoding") || lower.contains("char 0x") || lower.contains("invalid char") {
            code = .encoding
            hint = "the file is not valid UTF-8 here; re-download it or fix its encoding"
        } else if lower.contains("entity") && (lower.contains("loop") || lower.contains("amplification") || lower.contains("huge")) {
            code = .entityExpansion
            hint = "the file defines recursive or exploding entities; PubMed files never do, so do not trust it"
        } else if lower.contains("premature end") || lower.contains("end of data") || lower.contains("not finished") {
            code = .truncated
            hint = "the file ends in the middle of a record; it is probably truncated: fetch it again"
        } else if endsNearFaultPosition() {
            code = .truncated
            hint = "the file ends in the middle of a record; it is probably truncated: fetch it again"
        } else {
            code = .malformedXML
            hint = "the XML is not well-formed here; check it with `xmllint --noout`"
        }
        return InputError(code: code, file: displayName, line: e.line, column: e.column, message: msg,
                          lastGoodPMID: lastGoodPMID, hint: hint)
    }
}

/// Collects the first error libxml2 reports (warnings are ignored).
final class ErrorSink {
    struct Entry { var message: String; var line: Int; var column: Int }
    var fatal: Entry?
}

private let errorCallback: xmlStructuredErrorFunc = { ctx, error in
    guard let ctx, let error else { return }
    let sink = Unmanaged<ErrorSink>.fromOpaque(ctx).takeUnretainedValue()
    guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue, sink.fatal == nil else { return }
    let msg = error.pointee.message.map { String(cString: $0) } ?? "XML error \(error.pointee.code)"
    sink.fatal = .init(message: msg.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: " "),
                       line: Int(error.pointee.line), column: Int(error.pointee.int2))
}
