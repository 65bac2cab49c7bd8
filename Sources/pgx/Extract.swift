import ArgumentParser
import Foundation
import PGxCuration
import PGxExtract
import PGxModel
import PGxText
import PubMed

/// `pgx extract`: entities (and, later, triples) from PubMed XML or JSONL text.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find genes, variants, drugs and phenotypes (and their relations) in PubMed XML or JSONL text.",
        discussion: """
        Input: PubMed XML (.xml, .xml.gz, directories, - for stdin), or with --input-format text JSONL lines \
        {"id": "...", "text": "..."}. Offsets are Unicode code points into the passage text, end-exclusive.

        --format entities writes one mention per line: doc, passage, type, start, end, text, name, id.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, entities }
    enum InputFormat: String, ExpressibleByArgument, CaseIterable { case xml, text }

    @Argument(help: "Inputs: PubMed XML files or directories, JSONL files with --input-format text; - for stdin.")
    var inputs: [String]

    @Option(help: "Output: jsonl (triples) or entities (mentions).")
    var format: Format = .jsonl

    @Option(name: .customLong("min-confidence"), help: "Write triples at or above this confidence (default: the cut of the model that gave the confidence: rules/model/document.json's for a gene–drug pair of a PubMed abstract, model.json's for a sentence's pair).")
    var minConfidence: Double?

    @Option(help: "Worker threads (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("input-format"), help: "xml (PubMed) or text (JSONL with id and text).")
    var inputFormat: InputFormat = .xml

    @Option(help: "The rules folder (lexicons, patterns, model). Default: ./rules or PGX_RULES.")
    var rules: String?

    @Option(help: "Store what is extracted in the curation store under this batch name (resumable).")
    var batch: String?

    @Option(help: "The curation store (default: PGX_STORE or ./pgx.sqlite).")
    var store: String?

    @Flag(name: .customLong("quiet"), help: "With --batch: do not also write triples to stdout.")
    var quiet = false

    func validate() throws { try checkConfidenceCut(minConfidence) }

    func run() throws {
        let rulesURL = try loadOrExit { try RulesLocator.find(rules) }
        if batch != nil && format != .jsonl { throw ValidationError("--batch stores triples: use --format jsonl") }
        let textInput = inputFormat == .text
        // Without --batch all inputs stream as one; with --batch each input file is one unit of work
        // that is stored in one transaction (and skipped on a rerun once stored).
        var units: [[String]] = [inputs]
        var expandErrors: [InputError] = []
        if batch != nil {
            if textInput { units = inputs.map { [$0] } } else {
                let (files, errs) = InputFiles.expand(inputs)
                units = files.map { [$0] }
                expandErrors = errs
                errs.forEach { Diagnostics.error($0.description) }
            }
        }
        // Input is read on its own thread (bounded queue of batches) while the rules load and the
        // batches are analyzed.
        // Its messages about bad input wait until the rules have loaded: with rules that do not load
        // nothing is extracted, and the rules' error is the one message.
        var reading: BatchReader? = BatchReader(sources: DocumentSources(inputs: units.first ?? [], textInput: textInput), batchSize: 512,
                                                holdMessages: true)
        reading?.start()
        // a rules folder that does not load (file, rule, what to fix): nothing is extracted
        let loaded = try loadOrExit(cleanup: { reading?.cancel() }) { try ExtractorRules(url: rulesURL, loadModel: self.format == .jsonl) }
        reading?.releaseMessages()
        if format == .jsonl, let model = loaded.model {
            ExtractorRules.staleness(model: model, cues: loaded.cues, rules: rulesURL).forEach(Diagnostics.warning)
        }
        if format == .jsonl && loaded.model == nil {
            Diagnostics.warning("no trained model in \(rulesURL.path)/model: scoring by pattern rules only (run `pgx train`)")
        }
        let extractor = TripleExtractor(rules: loaded)
        let out = OutputStream()
        var docs = 0, items = 0
        let format = self.format
        let workers = max(1, jobs)
        let storing = batch != nil
        let writeOut = !(storing && quiet)

        var curation: CurationStore? = nil
        var batchID: Int64 = 0
        if let name = batch {
            let path = CurationStore.defaultPath(store)
            do {
                curation = try CurationStore(path: path)
                batchID = try curation!.openBatch(name: name, toolVersion: PGX.version, rulesVersion: loaded.version)
            } catch {
                reading?.cancel()
                Diagnostics.error("PGX-E100 cannot open the curation store \(path): \(error)")
                throw ExitCode(2)
            }
        }
        let progress = Progress(total: units.count, enabled: storing)
        var failures: [InputError] = expandErrors
        // A file's transaction runs on its own thread while the next file is extracted (files are still
        // stored one at a time, in order, each in one transaction); the run waits for it before it ends.
        let storeQueue = DispatchQueue(label: "pgx.store")
        let stored = DispatchGroup()
        let storeFailures = Locked<[InputError]>([])
        var queuedSizes = Set<Int>()
        defer { stored.wait() }

        for (ui, unit) in units.enumerated() {
            var result: CurationStore.InputResult? = nil
            // The checksum decides whether a rerun skips the file. Only when an input of the same size is
            // stored already must it be known first; otherwise it is computed beside the extraction.
            var pendingChecksum: PendingChecksum? = nil
            if let curation, let file = unit.first {
                let size = ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int) ?? -1
                // the same file named twice: its first copy must be stored before the second can be skipped
                if queuedSizes.contains(size) { stored.wait() }
                if try size < 0 || curation.inputMaybeDone(batch: batchID, size: size) {
                    let (size, sha) = try Extract.checksum(file)
                    if try curation.inputDone(batch: batchID, sha256: sha) {
                        reading?.cancel(); reading = nil
                        progress.note("skipping \(file): already stored in batch \(batch!) (same SHA-256)")
                        continue
                    }
                    result = CurationStore.InputResult(path: file, size: size, sha256: sha)
                } else {
                    pendingChecksum = PendingChecksum(file)
                    result = CurationStore.InputResult(path: file, size: size, sha256: "")
                }
            }
            if reading == nil || ui > 0 {
                reading = BatchReader(sources: DocumentSources(inputs: unit, textInput: textInput), batchSize: 512)
                reading!.start()
            }
            let reader = reading!
            var citations: [(pmid: String, version: Int, title: String, year: Int?)] = []
            var evidence: [CurationStore.EvidenceRecord] = []
            while let next = reader.queue.take() {
                // Many small parts rather than one per worker: documents differ in length, and a worker
                // left with the long ones would keep the others waiting at the end of every batch.
                let parts = workers == 1 ? 1 : min(next.count, workers * 8)
                let chunk = (next.count + parts - 1) / max(parts, 1)
                var results = [[UInt8]](repeating: [], count: next.count)
                var records = [[CurationStore.EvidenceRecord]](repeating: [], count: next.count)
                var counts = [Int](repeating: 0, count: next.count)   // lines written per document
                results.withUnsafeMutableBufferPointer { res in
                    records.withUnsafeMutableBufferPointer { rec in
                      counts.withUnsafeMutableBufferPointer { cnt in
                        let resPtr = res, recPtr = rec, cntPtr = cnt
                        DispatchQueue.concurrentPerform(iterations: max(parts, 1)) { w in
                            var json = JSONWriter()
                            var buf: [UInt8] = []
                            let lo = w * chunk, hi = min(next.count, lo + chunk)
                            guard lo < hi else { return }
                            for i in lo..<hi {
                                buf.removeAll(keepingCapacity: true)
                                let item = next[i]
                                if format == .entities {
                                    let doc = extractor.analyzer.analyze(id: item.id, passages: item.passages, headings: item.meta.headings)
                                    for p in doc.passages {
                                        for m in p.mentions {
                                            json.reset(); EntityJSON.write(m, doc: doc.id, passage: p.name, text: p.written, to: &json)
                                            buf += json.bytes; buf.append(0x0A)
                                        }
                                        cntPtr[i] += p.mentions.count
                                    }
                                } else {
                                    let (doc, triples) = extractor.extract(id: item.id, passages: item.passages, indexTerms: item.meta.indexTerms,
                                                                            headings: item.meta.headings, minConfidence: minConfidence)
                                    var ev: [CurationStore.EvidenceRecord] = []
                                    for t in triples {
                                        let text = doc!.passages.first { $0.name == t.passage }!.written
                                        json.reset(); TripleJSON.write(t, text: text, to: &json)
                                        buf += json.bytes; buf.append(0x0A)
                                        if storing { ev.append(Extract.evidence(t, text: text)) }
                                    }
                                    recPtr[i] = ev
                                    cntPtr[i] = triples.count
                                }
                                resPtr[i] = buf
                            }
                        }
                      }
                    }
                }
                items += counts.reduce(0, +)
                for (i, r) in results.enumerated() {
                    if writeOut { out.write(bytes: r) }
                    if result != nil {
                        let item = next[i]
                        citations.append((item.id, item.meta.version, item.passages.first?.1 ?? "", item.meta.year))
                        evidence.append(contentsOf: records[i])
                    }
                }
                docs += next.count
                progress.update(docs: docs, items: items)
            }
            reader.wait()
            out.flush()
            let fileFailures = reader.failures.value
            failures += fileFailures
            if var r = result, let curation {
                if let pending = pendingChecksum { (r.size, r.sha256) = try pending.value() }
                r.citations = citations
                r.evidence = evidence
                r.deletions = reader.deletions.value.map(\.pmid)
                r.errors = fileFailures.map(\.description)
                queuedSizes.insert(r.size)
                let input = r, batchID = batchID
                storeQueue.async(group: stored) {
                    do {
                        let began = Date()
                        let added = try curation.store(batch: batchID, input)
                        progress.note("stored \(input.path): \(input.citations.count) records, \(added) new evidence, \(input.deletions.count) deletions"
                                      + String(format: " (%.2f s)", Date().timeIntervalSince(began)))
                    } catch {
                        Diagnostics.error("PGX-E103 could not store \(input.path): \(error); nothing of this file was stored, rerun the batch to retry")
                        storeFailures.mutate { $0.append(InputError(code: .cannotOpen, file: input.path, message: "store failed: \(error)")) }
                    }
                }
            }
            progress.fileDone()
        }
        stored.wait()
        failures += storeFailures.value
        if let curation { try curation.finishBatch(batchID, failed: !failures.isEmpty) }
        out.flush()
        progress.finish()
        Diagnostics.note("\(docs) documents, \(items) \(format == .entities ? "mentions" : "triples")"
                         + (storing ? " (batch \(batch!) in \(CurationStore.defaultPath(store)))" : ""))
        if !failures.isEmpty {
            let files = Set(failures.map(\.file)).sorted()
            Diagnostics.error("\(failures.count) problem\(failures.count == 1 ? "" : "s") in \(files.count) input(s): \(files.joined(separator: ", "))")
            throw ExitCode(1)
        }
    }

    /// Size and SHA-256 of an input file, streamed.
    /// A file's size and SHA-256, worked out on another thread.
    final class PendingChecksum: @unchecked Sendable {
        private var result: Result<(Int, String), Error> = .success((0, ""))
        private let done = DispatchSemaphore(value: 0)
        init(_ path: String) {
            DispatchQueue.global(qos: .utility).async { [self] in
                result = Result { try Extract.checksum(path) }
                done.signal()
            }
        }
        func value() throws -> (Int, String) { done.wait(); done.signal(); return try result.get() }
    }

    static func checksum(_ path: String) throws -> (Int, String) {
        guard let h = FileHandle(forReadingAtPath: path) else { return (0, "unreadable:" + path) }
        defer { try? h.close() }
        var sha = SHA256()
        var size = 0
        while let chunk = try h.read(upToCount: 1 << 20), !chunk.isEmpty {
            size += chunk.count
            sha.update(chunk)
        }
        return (size, sha.finalize())
    }

    /// The store's form of a triple: its identity key (what makes "the same finding") and its evidence.
    static func evidence(_ t: Triple, text: [Unicode.Scalar]) -> CurationStore.EvidenceRecord {
        let key = CurationStore.tripleKey(gene: t.gene?.name, qualifier: t.variant?.name ?? t.phenotype, drug: t.drug.name,
                                          category: t.effect.category.rawValue, direction: t.effect.direction.rawValue, negated: t.negated)
        let g = t.variant ?? t.gene!
        let spans = "\(g.start)-\(g.end);\(t.drug.start)-\(t.drug.end)"
        return .init(key: key, gene: t.gene?.name, hgnc: t.gene?.id, variant: t.variant?.name, phenotype: t.phenotype,
                     drug: t.drug.name, drugID: t.drug.id, category: t.effect.category.rawValue, direction: t.effect.direction.rawValue,
                     negated: t.negated, pmid: t.doc, passage: t.passage, sentence: makeString(text[t.sentence]),
                     sentenceStart: t.sentence.lowerBound, spans: spans, confidence: t.confidence, rule: t.rule, speculative: t.speculative,
                     geneHint: t.geneHint)
    }
}

/// Progress on a terminal (files, records/s, triples, ETA), plain log lines otherwise.
final class Progress {
    let total: Int
    let enabled: Bool
    let tty = isatty(2) == 1
    let start = Date()
    var files = 0
    var last = Date.distantPast

    init(total: Int, enabled: Bool) { self.total = total; self.enabled = enabled }

    func update(docs: Int, items: Int) {
        guard enabled, tty, Date().timeIntervalSince(last) > 0.5 else { return }
        last = Date()
        let secs = max(Date().timeIntervalSince(start), 0.001)
        let rate = Double(docs) / secs
        let eta = files > 0 ? secs / Double(files) * Double(total - files) : 0
        FileHandle.standardError.write(Data(String(format: "\r\u{1B}[Kfiles %d/%d  records %d  %.0f rec/s  triples %d  ETA %.0fs",
                                                   files, total, docs, rate, items, eta).utf8))
    }

    func note(_ s: String) {
        guard enabled else { return }
        if tty { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        Diagnostics.note(s)
    }

    func fileDone() { files += 1 }

    func finish() { if enabled && tty { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) } }
}

/// A value guarded by a lock.
final class Locked<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var v: T
    init(_ v: T) { self.v = v }
    var value: T { lock.lock(); defer { lock.unlock() }; return v }
    func mutate(_ f: (inout T) -> Void) { lock.lock(); f(&v); lock.unlock() }
}

/// A bounded queue of document batches between the reader thread and the workers.
final class BatchQueue: @unchecked Sendable {
    typealias Batch = [(id: String, passages: [(String, String)], meta: DocMeta)]
    private let cond = NSCondition()
    private var items: [Batch] = []
    private var closed = false
    let capacity: Int
    init(capacity: Int) { self.capacity = capacity }

    func put(_ b: Batch) {
        cond.lock()
        while items.count >= capacity && !closed { cond.wait() }
        if !closed { items.append(b) }
        cond.broadcast(); cond.unlock()
    }
    func take() -> Batch? {
        cond.lock(); defer { cond.unlock() }
        while items.isEmpty && !closed { cond.wait() }
        if items.isEmpty { return nil }
        let b = items.removeFirst()
        cond.broadcast()
        return b
    }
    func close() { cond.lock(); closed = true; cond.broadcast(); cond.unlock() }
    var isClosed: Bool { cond.lock(); defer { cond.unlock() }; return closed }
    /// Closes and drops what is queued (the consumer gave up).
    func cancel() { cond.lock(); closed = true; items.removeAll(); cond.broadcast(); cond.unlock() }
}

/// Reads documents on a thread of its own into a `BatchQueue`, reporting bad input as it goes.
final class BatchReader: @unchecked Sendable {
    let sources: DocumentSources
    let batchSize: Int
    /// Eight batches (about 4,000 records): room for the reader to run ahead
    /// while the rules load (about a second, on the other core), and little enough to stay well under
    /// the memory target.
    let queue = BatchQueue(capacity: 8)
    let failures = Locked<[InputError]>([])
    let deletions = Locked<[Deletion]>([])
    /// Messages about bad input not printed yet (nil: printed as they come); see `releaseMessages`.
    private let held: Locked<[String]?>
    private(set) var thread: Thread!
    private let finished = DispatchSemaphore(value: 0)

    /// `holdMessages`: keep the messages about bad input until `releaseMessages` (or drop them on `cancel`).
    init(sources: DocumentSources, batchSize: Int, holdMessages: Bool = false) {
        self.sources = sources; self.batchSize = batchSize; held = Locked(holdMessages ? [] : nil)
    }

    /// Prints the messages held so far, in order, and those to come as they come.
    func releaseMessages() {
        held.mutate { h in
            h?.forEach(Diagnostics.error)
            h = nil
        }
    }

    func start() {
        thread = Thread { [self] in
            var batch: BatchQueue.Batch = []
            try? sources.forEach(onError: { e in
                self.held.mutate { h in if h != nil { h!.append(e.description) } else { Diagnostics.error(e.description) } }
                self.failures.mutate { $0.append(e) }
            }, onDeletions: { d in self.deletions.mutate { $0 += d } }) { id, passages, meta in
                // The consumer gave up (a skipped input): stop reading rather than parse the rest.
                if self.queue.isClosed { throw CancellationError() }
                batch.append((id, passages, meta))
                if batch.count >= self.batchSize { self.queue.put(batch); batch = [] }
            }
            if !batch.isEmpty { queue.put(batch) }
            queue.close()
            finished.signal()
        }
        thread.name = "pgx-reader"
        thread.start()
    }

    /// Stops reading; messages still held are dropped (the run ends without this input's results).
    func cancel() { queue.cancel(); held.mutate { if $0 != nil { $0 = [] } } }

    /// Waits until the reader thread has finished.
    func wait() { finished.wait() }
}

struct DocMeta {
    var version: Int
    var year: Int?
    var chemicals: [Chemical] = []
    /// The record's MeSH headings, which say what organism it studies (`EntityRecognizer.studiesMicrobesOrPlants`).
    var meshHeadings: [MeshHeading] = []
    /// Their descriptor names, made only for a document that can hold a pair (`TripleExtractor.extract`
    /// takes them as an autoclosure).
    var headings: [String] { meshHeadings.map(\.name) }

    /// The record's indexing terms that the document stage reads: its substance names. (MeSH descriptors
    /// as well gave the same PharmGKB scores over six training seeds, at twice the recognizer's work.)
    var indexTerms: [String] {
        var seen = Set<String>()
        return chemicals.map(\.name).filter { seen.insert($0).inserted }
    }
}

/// Yields documents as (id, passages) from PubMed XML or JSONL text inputs, reporting bad input and going on.
struct DocumentSources {
    var inputs: [String]
    var textInput: Bool

    func forEach(onError: (InputError) -> Void, onDeletions: ([Deletion]) -> Void = { _ in },
                 _ body: (String, [(String, String)], DocMeta) throws -> Void) throws {
        if textInput {
            for path in inputs {
                let data: Data?
                if path == "-" { data = FileHandle.standardInput.readDataToEndOfFile() } else { data = FileManager.default.contents(atPath: path) }
                guard let data else {
                    onError(InputError(code: .cannotOpen, file: path, message: "cannot read file", hint: "check the path"))
                    continue
                }
                var lineNo = 0
                for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
                    lineNo += 1
                    if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
                    guard let obj = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                          let text = obj["text"] as? String else {
                        onError(InputError(code: .badJSONL, file: path, line: lineNo,
                                           message: "not a JSON object with a \"text\" string",
                                           hint: "each line must be {\"id\": \"...\", \"text\": \"...\"}"))
                        continue
                    }
                    let id = (obj["id"] as? String) ?? (obj["id"] as? Int).map(String.init) ?? (obj["pmid"] as? String) ?? "\(path):\(lineNo)"
                    try body(id, [("text", text)], DocMeta(version: 1, year: nil))
                }
            }
            return
        }
        let (files, errors) = InputFiles.expand(inputs)
        errors.forEach(onError)
        for file in files {
            let reader: PubMedReader
            do { reader = try PubMedReader(path: file) } catch let e as InputError { onError(e); continue }
            do {
                while let ev = try reader.next() {
                    switch ev {
                    case .citation(let c):
                        try body(c.pmid, [("title", c.title), ("abstract", c.abstractText)],
                                 DocMeta(version: c.version, year: c.year, chemicals: c.chemicals, meshHeadings: c.meshHeadings))
                    case .deletions(let d): onDeletions(d)
                    case .problem(let e): onError(e)
                    }
                }
            } catch let e as InputError { onError(e) }
        }
    }
}

enum EntityJSON {
    static func write(_ m: Mention, doc: String, passage: String, text: [Unicode.Scalar], to w: inout JSONWriter) {
        w.beginObject()
        w.key("doc"); w.string(doc)
        w.key("passage"); w.string(passage)
        w.key("type"); w.string(m.kind.rawValue)
        w.key("start"); w.int(m.start)
        w.key("end"); w.int(m.end)
        w.key("text"); w.string(makeString(text[m.start..<m.end]))
        w.key("name"); w.string(m.name)
        w.key("id"); w.string(m.id)
        if m.kind == .gene || m.kind == .drug { w.key(m.kind == .gene ? "entrez" : "rxnorm"); w.string(m.xref) }
        if m.kind == .variant || m.kind == .phenotype { w.key("gene"); w.string(m.gene) }
        // an allele's carrier status ("HLA-B*58:01 carriers"): the allele it qualifies
        if m.kind == .phenotype, let allele = m.allele { w.key("allele"); w.string(allele) }
        if m.kind == .drug { w.key("class"); w.bool(m.isClass) }
        w.key("source"); w.string(m.source)
        w.endObject()
    }
}
