import ArgumentParser
import Foundation
import PGxExtract
import PGxModel
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

    enum Format: String, ExpressibleByArgument, CaseIterable { case entities }
    enum InputFormat: String, ExpressibleByArgument, CaseIterable { case xml, text }

    @Argument(help: "Inputs: PubMed XML files or directories, JSONL files with --input-format text; - for stdin.")
    var inputs: [String]

    @Option(help: "Output: entities.")
    var format: Format = .entities

    @Option(name: .customLong("input-format"), help: "xml (PubMed) or text (JSONL with id and text).")
    var inputFormat: InputFormat = .xml

    @Option(help: "The rules folder (lexicons, patterns, model). Default: ./rules or PGX_RULES.")
    var rules: String?

    func run() throws {
        let rulesURL: URL
        do { rulesURL = try RulesLocator.find(rules) } catch { Diagnostics.error("\(error)"); throw ExitCode(2) }
        let lexicon = try Lexicon(rules: rulesURL)
        let analyzer = DocumentAnalyzer(lexicon: lexicon)
        let out = OutputStream()
        var json = JSONWriter()
        var failures: [InputError] = []
        var docs = 0, mentions = 0

        func emit(_ doc: AnalyzedDocument) {
            docs += 1
            for p in doc.passages {
                for m in p.mentions {
                    mentions += 1
                    json.reset()
                    EntityJSON.write(m, doc: doc.id, passage: p.name, text: p.text, to: &json)
                    out.writeLine(bytes: json.bytes)
                }
            }
        }

        let sources = DocumentSources(inputs: inputs, textInput: inputFormat == .text)
        try sources.forEach(onError: { e in
            out.flush(); Diagnostics.error(e.description); failures.append(e)
        }) { id, passages in
            emit(analyzer.analyze(id: id, passages: passages))
        }
        out.flush()
        Diagnostics.note("\(docs) documents, \(mentions) mentions")
        if !failures.isEmpty {
            Diagnostics.error("\(failures.count) problem\(failures.count == 1 ? "" : "s") in \(Set(failures.map(\.file)).count) input(s)")
            throw ExitCode(1)
        }
    }
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
        w.key("text"); w.string(String(String.UnicodeScalarView(text[m.start..<m.end])))
        w.key("name"); w.string(m.name)
        w.key("id"); w.string(m.id)
        if m.kind == .gene || m.kind == .drug { w.key(m.kind == .gene ? "entrez" : "rxnorm"); w.string(m.xref) }
        if m.kind == .variant || m.kind == .phenotype { w.key("gene"); w.string(m.gene) }
        if m.kind == .drug { w.key("class"); w.bool(m.isClass) }
        w.key("source"); w.string(m.source)
        w.endObject()
    }
}
