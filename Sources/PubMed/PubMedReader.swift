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
/// libxml2's SAX2 push parser, in constant memory.
///
/// The file is fed to the parser in 64 KB chunks; its start-element, text and end-element events go
/// straight into a `RecordBuilder`, and `next()` hands out the records (and deletion blocks) that the
/// chunks completed. No node tree is built: subtrees that hold nothing pgx keeps (author lists,
/// references, grants, …) are parsed but their events are dropped. (The earlier `xmlTextReader` built
/// and freed a node for every element and text; it parsed at 0.4× the speed.)
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
    public var bookArticlesSkipped: Int { events.bookArticles }
    /// PMID of the last record yielded.
    public private(set) var lastGoodPMID: String?
    public private(set) var recordsRead = 0

    static let chunkSize = 1 << 16

    private let parser: xmlParserCtxtPtr
    private let events: SAXEvents
    private let feeder: GzipFeeder?
    /// Plain files are read on the parsing thread.
    private let file: FileHandle?
    private let chunk = UnsafeMutablePointer<CChar>.allocate(capacity: PubMedReader.chunkSize)
    /// Everything is fed and parsed (or the parse stopped).
    private var inputDone = false
    /// The fault to throw once the events before it are handed out; after it, nil forever.
    private var pending: InputError?
    private var failed = false

    /// Opens `path`. Throws `InputError(.cannotOpen)` when the file cannot be read.
    public init(path: String) throws {
        self.path = path
        let displayName = path == "-" ? "<stdin>" : path
        let cannotOpen = InputError(code: .cannotOpen, file: displayName, message: "cannot open file for reading",
                                    hint: "check the path and its permissions")
        if path != "-" {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir), !isDir.boolValue,
                  FileManager.default.isReadableFile(atPath: path) else {
                throw cannotOpen
            }
        }
        if path == "-" || PubMedReader.isGzip(path) {
            guard let f = GzipFeeder(path: path) else {
                throw cannotOpen
            }
            feeder = f
            file = nil
        } else {
            guard let h = FileHandle(forReadingAtPath: path) else {
                throw cannotOpen
            }
            feeder = nil
            file = h
        }
        let events = SAXEvents(displayName: displayName)
        self.events = events
        var sax = xmlSAXHandler()
        // libxml2's SAX2 defaults keep the DTD's entity declarations (so its amplification guard sees an
        // entity bomb); the element and text handlers are pgx's, and nothing builds a node tree.
        xmlSAXVersion(&sax, 2)
        sax.startElementNs = saxStartElement
        sax.endElementNs = saxEndElement
        sax.characters = saxCharacters
        sax.ignorableWhitespace = saxCharacters
        sax.cdataBlock = saxCharacters
        sax.reference = nil
        sax.processingInstruction = nil
        sax.comment = nil
        sax.warning = nil
        sax.error = nil
        sax.fatalError = nil
        sax.serror = saxError
        // The SAX2 defaults take the parser context as their user data, so pgx's state rides in `_private`.
        guard let ctxt = xmlCreatePushParserCtxt(&sax, nil, nil, 0, displayName) else {
            try? file?.close()
            throw InputError(code: .cannotOpen, file: displayName, message: "libxml2 could not create a parser",
                             hint: "the machine may be out of memory")
        }
        _ = xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue | XML_PARSE_NOCDATA.rawValue))
        ctxt.pointee._private = Unmanaged.passUnretained(events).toOpaque()
        parser = ctxt
        events.parser = ctxt
        feeder?.start()
    }

    deinit {
        feeder?.stop()
        try? file?.close()
        if let doc = parser.pointee.myDoc { xmlFreeDoc(doc) }
        xmlFreeParserCtxt(parser)
        chunk.deallocate()
    }

    static func isGzip(_ path: String) -> Bool {
        guard let h = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? h.close() }
        let magic = (try? h.read(upToCount: 2)) ?? Data()
        return magic.count == 2 && magic[magic.startIndex] == 0x1f && magic[magic.startIndex + 1] == 0x8b
    }

    private var displayName: String { events.displayName }

    /// The next record or deletion block, or nil at the end of the file.
    /// - Throws: `InputError` on a fault that stops this file; later calls return nil.
    public func next() throws -> PubMedEvent? {
        while true {
            if let e = events.take() {
                switch e {
                case .citation(let c):
                    recordsRead += 1
                    lastGoodPMID = c.pmid
                case .problem(var p):
                    p.lastGoodPMID = lastGoodPMID
                    return .problem(p)
                case .deletions:
                    break
                }
                return e
            }
            if let p = pending {
                pending = nil
                failed = true
                var fault = p
                fault.lastGoodPMID = lastGoodPMID
                throw fault
            }
            if inputDone || failed { return nil }
            feed()
        }
    }

    /// Reads one chunk and parses it; at the end of the input, finishes the parse. Sets `pending` on a fault.
    private func feed() {
        let n: Int
        if let feeder {
            n = Int(feeder.read(into: chunk, len: PubMedReader.chunkSize))
        } else {
            n = Self.read(file!, into: chunk, count: PubMedReader.chunkSize)
        }
        if n < 0 {
            inputDone = true
            pending = parseFault()
            return
        }
        let rc = xmlParseChunk(parser, n > 0 ? chunk : nil, Int32(n), n > 0 ? 0 : 1)
        if let f = events.fault {
            inputDone = true
            pending = f
            return
        }
        if rc != 0 || events.errors.fatal != nil {
            inputDone = true
            let f = parseFault()
            // Before any element, a fault other than bad bytes means the input is not XML (empty, a
            // binary file, plain text).
            pending = !events.rootSeen && [.malformedXML, .truncated].contains(f.code) ? noElementFault() : f
            return
        }
        guard n == 0 else { return }
        inputDone = true
        if !events.rootSeen {
            pending = noElementFault()
        } else if events.builder.inRecord {
            pending = fault(.truncated, "the file ends inside a record", hint: "the file is probably truncated: fetch it again")
        }
    }

    /// An input with no element at all: empty, binary, or plain text.
    private func noElementFault() -> InputError {
        fault(.notPubMed, "the file holds no XML element", hint: "is it empty, or not XML at all?")
    }

    private static func read(_ h: FileHandle, into dst: UnsafeMutablePointer<CChar>, count: Int) -> Int {
        while true {
            let n = Foundation.read(h.fileDescriptor, dst, count)
            if n < 0 && errno == EINTR { continue }
            return n
        }
    }

    private func fault(_ code: InputError.Code, _ message: String, hint: String) -> InputError {
        InputError(code: code, file: displayName, line: events.line(), column: 0, message: message,
                   lastGoodPMID: lastGoodPMID, hint: hint)
    }

    /// True when the parser failed within the last bytes of a plain file: the file was cut short.
    private func endsNearFaultPosition() -> Bool {
        guard feeder == nil, path != "-",
              let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int else { return false }
        let consumed = Int(xmlByteConsumed(parser))
        return consumed >= size - 4096
    }

    private func parseFault() -> InputError {
        let errors = events.errors
        if let gzMessage = feeder?.streamError {
            return InputError(code: .compressed, file: displayName, line: errors.fatal?.line ?? events.line(),
                              column: errors.fatal?.column ?? 0,
                              message: "compressed stream is damaged: \(gzMessage)", lastGoodPMID: lastGoodPMID,
                              hint: "the download is probably truncated; fetch the file again (records before this point were read)")
        }
        guard let e = errors.fatal else {
            return fault(.malformedXML, "the XML parser stopped without a message", hint: "check the file with xmllint")
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
        } else if lower.contains("premature end") || lower.contains("end of data") || lower.contains("not finished")
                    || endsNearFaultPosition() {
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

/// The parser's side of the reader: libxml2 calls it back (through the C functions below) for every
/// start tag, text and end tag; it builds records and queues them for `PubMedReader.next()`.
final class SAXEvents {
    let displayName: String
    var parser: xmlParserCtxtPtr?
    let errors = ErrorSink()
    var builder = RecordBuilder()
    private var tags = TagTable()
    private var queue: [PubMedEvent] = []
    private var head = 0
    /// Depth of the next start tag (0: the root).
    private var depth = 0
    /// Depth of the subtree being passed over, or -1.
    private var skipDepth = -1
    /// Depth of the `MedlineCitation` element: 2 in a PubmedArticleSet, 1 in a MedlineCitationSet.
    private var base = 2
    private(set) var rootSeen = false
    var bookArticles = 0
    /// A fault found by a callback (a root that is not PubMed); the parse is stopped.
    private(set) var fault: InputError?
    /// A root that is not PubMed whose text is kept for the message (an E-utilities error reply).
    private var foreignRoot: (name: String, line: Int)?
    private var foreignText: [UInt8] = []

    init(displayName: String) { self.displayName = displayName }

    /// The state of the reader whose parser context is `ctx` (a callback's user data).
    /// (Borrowed, not retained: a callback runs inside `next()`, while the reader holds the state.)
    @inline(__always)
    static func with(_ ctx: UnsafeMutableRawPointer, _ body: (SAXEvents) -> Void) {
        let parser = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
        Unmanaged<SAXEvents>.fromOpaque(parser.pointee._private!)._withUnsafeGuaranteedRef(body)
    }

    func take() -> PubMedEvent? {
        guard head < queue.count else { return nil }
        let e = queue[head]
        head += 1
        if head == queue.count { queue.removeAll(keepingCapacity: true); head = 0 }
        return e
    }

    /// Line the parser stands on (the end of the tag just read).
    func line() -> Int {
        guard let p = parser, let input = p.pointee.input else { return 0 }
        return Int(input.pointee.line)
    }

    @inline(__always)
    func start(_ name: UnsafePointer<xmlChar>, _ nAttributes: Int32, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        let d = depth
        depth += 1
        guard skipDepth < 0 else { return }
        let tag = tags.tag(name)
        if d == 0 {
            root(tag, name)
            return
        }
        if foreignRoot != nil { return }
        if tag.skippable && d > 1 && !builder.capturing {
            skipDepth = d
            return
        }
        if d == 1 {
            switch tag {
            case .pubmedArticle, .medlineCitation:
                builder.begin(line: line())
            case .pubmedBookArticle:
                bookArticles += 1
                skipDepth = d
            case .deleteCitation:
                builder.beginDeletions()
            default:
                break
            }
            return
        }
        builder.element(tag, depth: d, base: base, attributes: Attributes(count: Int(nAttributes), pointers: attributes))
    }

    @inline(__always)
    func end() {
        depth -= 1
        let d = depth
        if skipDepth >= 0 {
            if d == skipDepth { skipDepth = -1 }
            return
        }
        if d == 0 {
            if foreignRoot != nil { failForeignRoot() }
            return
        }
        if foreignRoot != nil { return }
        if d == 1 {
            if builder.inDeletions {
                queue.append(.deletions(builder.takeDeletions()))
            } else if builder.inRecord {
                finishRecord()
            }
            return
        }
        builder.endElement(depth: d, base: base)
    }

    @inline(__always)
    func text(_ v: UnsafePointer<xmlChar>, _ n: Int) {
        guard skipDepth < 0 else { return }
        if builder.capturing {
            builder.append(v, count: n)
        } else if foreignRoot != nil, foreignText.count < 4096 {
            foreignText.append(contentsOf: UnsafeBufferPointer(start: v, count: n))
        }
    }

    private func finishRecord() {
        switch builder.finish() {
        case .success(let c):
            queue.append(.citation(c))
        case .failure(let failure):
            queue.append(.problem(InputError(code: .recordWithoutPMID, file: displayName, line: failure.line,
                                             message: "record has no PMID and was skipped",
                                             hint: "the rest of the file is read; check this record at its source")))
        }
    }

    private func root(_ tag: Tag, _ namePtr: UnsafePointer<xmlChar>) {
        rootSeen = true
        switch tag {
        case .pubmedArticleSet, .pubmedBookArticleSet: base = 2
        case .medlineCitationSet: base = 1
        default:
            let name = String(cString: UnsafeRawPointer(namePtr).assumingMemoryBound(to: CChar.self))
            foreignRoot = (name, line())
            // An E-utilities error reply says what went wrong in its text: read it to the root's end.
            if !(name == "ERROR" || name == "eFetchResult" || name == "eSearchResult") { failForeignRoot() }
        }
    }

    /// The fault for a root that is not PubMed; stops the parse.
    func failForeignRoot() {
        guard let (name, line) = foreignRoot, fault == nil else { return }
        let detail = String(decoding: foreignText, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        fault = InputError(code: .notPubMed, file: displayName, line: line, column: 0,
                           message: "root element is <\(name)>, not <PubmedArticleSet>" + (detail.isEmpty ? "" : " (it says: \(detail.prefix(200)))"),
                           hint: name == "ERROR" || !detail.isEmpty ? "this looks like an E-utilities error reply; fetch the records again"
                               : "give pgx PubMed/MEDLINE XML (baseline, update or efetch rettype=xml)")
        if let parser { xmlStopParser(parser) }
    }
}

private let saxStartElement: startElementNsSAX2Func = { ctx, localname, _, _, _, _, nAttributes, _, attributes in
    guard let ctx, let localname else { return }
    SAXEvents.with(ctx) { $0.start(localname, nAttributes, attributes) }
}

private let saxEndElement: endElementNsSAX2Func = { ctx, _, _, _ in
    guard let ctx else { return }
    SAXEvents.with(ctx) { $0.end() }
}

private let saxCharacters: charactersSAXFunc = { ctx, v, n in
    guard let ctx, let v, n > 0 else { return }
    SAXEvents.with(ctx) { $0.text(v, Int(n)) }
}

private let saxError: xmlStructuredErrorFunc = { ctx, error in
    guard let ctx, let error else { return }
    guard error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue else { return }
    var sink: ErrorSink!
    SAXEvents.with(ctx) { sink = $0.errors }
    guard sink.fatal == nil else { return }
    let msg = error.pointee.message.map { String(cString: $0) } ?? "XML error \(error.pointee.code)"
    sink.fatal = .init(message: msg.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "\n", with: " "),
                       line: Int(error.pointee.line), column: Int(error.pointee.int2))
}

/// Collects the first error libxml2 reports (warnings are ignored).
final class ErrorSink {
    struct Entry { var message: String; var line: Int; var column: Int }
    var fatal: Entry?
}
