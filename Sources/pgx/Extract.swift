import ArgumentParser
import Foundation
import PGxExtract
import PGxModel
import PGxText
import PubMed

/// `pgx extract`: entities (and, later, triples) from PubMed XML or JSONL text.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Find genes, variants, drugs and phenotypes (and their relations) in PubMed XML or JSONL text.",
        discussion: """
        Input: PubMed XML (.xml, .xml.gz, directories, - for stdin), or with --input-format text JSONL lines
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

    @Option(name: .customLong("min-confidence"), help: "Write triples at or above this confidence (default: the model's cut).")
    var minConfidence: Double?

    @Option(help: "Worker threads (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("input-format"), help: "xml (PubMed) or text (JSONL with id and text).")
    var inputFormat: InputFormat = .xml

    @Option(help: "The rules folder (lexicons, patterns, model). Default: ./rules or PGX_RULES.")
    var rules: String?

    func run() throws {
        let rulesURL: URL
        do { rulesURL = try RulesLocator.find(rules) } catch { Diagnostics.error("\(error)"); throw ExitCode(2) }
        // Input is read on its own thread (bounded queue of batches) while the rules load and the
        // batches are analyzed.
        let reading = BatchReader(sources: DocumentSources(inputs: inputs, textInput: inputFormat == .text), batchSize: 512)
        reading.start()
        let loaded: ExtractorRules
        do { loaded = try ExtractorRules(url: rulesURL, loadModel: format == .jsonl) } catch {
            reading.cancel()
            throw error
        }
        if format == .jsonl && loaded.model == nil {
            Diagnostics.warning("no trained model in \(rulesURL.path)/model: scoring by pattern rules only (run `pgx train`)")
        }
        let extractor = TripleExtractor(rules: loaded)
        let cut = minConfidence ?? loaded.model?.threshold ?? 0.5
        let out = OutputStream()
        var docs = 0, items = 0
        let format = self.format
        let workers = max(1, jobs)
        var batch: [(String, [(String, String)])] = []
        // Each batch is analyzed on all cores and written in input order.
        func flush() {
            guard !batch.isEmpty else { return }
            var results = [[UInt8]](repeating: [], count: batch.count)
            let chunk = (batch.count + workers - 1) / workers
            results.withUnsafeMutableBufferPointer { res in
                let resPtr = res
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    var json = JSONWriter()
                    var buf: [UInt8] = []
                    let lo = w * chunk, hi = min(batch.count, lo + chunk)
                    guard lo < hi else { return }
                    for i in lo..<hi {
                        buf.removeAll(keepingCapacity: true)
                        let (id, passages) = batch[i]
                        if format == .entities {
                            let doc = extractor.analyzer.analyze(id: id, passages: passages)
                            for p in doc.passages {
                                for m in p.mentions {
                                    json.reset(); EntityJSON.write(m, doc: doc.id, passage: p.name, text: p.text, to: &json)
                                    buf += json.bytes; buf.append(0x0A)
                                }
                            }
                        } else {
                            let (doc, triples) = extractor.extract(id: id, passages: passages, minConfidence: cut)
                            for t in triples {
                                let text = doc.passages.first { $0.name == t.passage }!.text
                                json.reset(); TripleJSON.write(t, text: text, to: &json)
                                buf += json.bytes; buf.append(0x0A)
                            }
                        }
                        resPtr[i] = buf
                    }
                }
            }
            for r in results {
                items += r.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
                out.write(bytes: r)
            }
            docs += batch.count
            batch.removeAll(keepingCapacity: true)
        }

        while let next = reading.queue.take() {
            batch = next
            flush()
        }
        reading.wait()
        out.flush()
        let failures = reading.failures.value
        Diagnostics.note("\(docs) documents, \(items) \(format == .entities ? "mentions" : "triples")")
        if !failures.isEmpty {
            Diagnostics.error("\(failures.count) problem\(failures.count == 1 ? "" : "s") in \(Set(failures.map(\.file)).count) input(s)")
            throw ExitCode(1)
        }
    }
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
    typealias Batch = [(String, [(String, String)])]
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
    /// Closes and drops what is queued (the consumer gave up).
    func cancel() { cond.lock(); closed = true; items.removeAll(); cond.broadcast(); cond.unlock() }
}

/// Reads documents on a thread of its own into a `BatchQueue`, reporting bad input as it goes.
final class BatchReader: @unchecked Sendable {
    let sources: DocumentSources
    let batchSize: Int
    let queue = BatchQueue(capacity: 3)
    let failures = Locked<[InputError]>([])
    private(set) var thread: Thread!
    private let finished = DispatchSemaphore(value: 0)

    init(sources: DocumentSources, batchSize: Int) { self.sources = sources; self.batchSize = batchSize }

    func start() {
        thread = Thread { [self] in
            var batch: BatchQueue.Batch = []
            try? sources.forEach(onError: { e in
                Diagnostics.error(e.description)
                self.failures.mutate { $0.append(e) }
            }) { id, passages in
                batch.append((id, passages))
                if batch.count >= self.batchSize { self.queue.put(batch); batch = [] }
            }
            if !batch.isEmpty { queue.put(batch) }
            queue.close()
            finished.signal()
        }
        thread.name = "pgx-reader"
        thread.start()
    }

    func cancel() { queue.cancel() }

    /// Waits until the reader thread has finished.
    func wait() { finished.wait() }
}

/// Yields documents as (id, passages) from PubMed XML or JSONL text inputs, reporting bad input and going on.
struct DocumentSources {
    var inputs: [String]
    var textInput: Bool

    func forEach(onError: (InputError) -> Void, _ body: (String, [(String, String)]) throws -> Void) throws {
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
                    try body(id, [("text", text)])
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
                    case .citation(let c): try body(c.pmid, [("title", c.title), ("abstract", c.abstractText)])
                    case .deletions: break
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
        if m.kind == .drug { w.key("class"); w.bool(m.isClass) }
        w.key("source"); w.string(m.source)
        w.endObject()
    }
}
