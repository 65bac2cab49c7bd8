import ArgumentParser
import Foundation
import PGxModel
import PubMed

/// `pgx parse`: read PubMed XML and write citations (and deletions) as JSONL, TSV or counts.
struct Parse: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read PubMed/MEDLINE XML (.xml, .xml.gz, directories, - for stdin) and write its records.",
        discussion: """
        jsonl: one object per citation, and one {"deleted": [...]} per DeleteCitation block.
        tsv:   pmid<TAB>title<TAB>abstract, sections joined by a space, labelled ones as LABEL: text.
        count: a summary only.
        A bad file is reported with its position and the run goes on; the exit status is 1 if any input failed.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl, tsv, count }

    @Argument(help: "PubMed XML files or directories; - reads standard input.")
    var inputs: [String]

    @Option(help: "Output format: jsonl, tsv or count.")
    var format: Format = .jsonl

    func run() throws {
        let (files, expandErrors) = InputFiles.expand(inputs)
        var failures: [InputError] = expandErrors
        for e in expandErrors { Diagnostics.error(e.description) }
        let out = OutputStream()
        var totals = (citations: 0, abstracts: 0, deletions: 0, books: 0, problems: 0)
        var json = JSONWriter()
        var line: [UInt8] = []
        for file in files {
            let reader: PubMedReader
            do { reader = try PubMedReader(path: file) } catch let e as InputError {
                Diagnostics.error(e.description); failures.append(e); continue
            }
            do {
                while let event = try reader.next() {
                    switch event {
                    case .citation(let c):
                        totals.citations += 1
                        if !c.abstract.isEmpty { totals.abstracts += 1 }
                        switch format {
                        case .count: break
                        case .tsv:
                            line.removeAll(keepingCapacity: true)
                            Parse.appendTSVField(c.pmid, to: &line); line.append(9)
                            Parse.appendTSVField(c.title, to: &line); line.append(9)
                            Parse.appendTSVField(c.abstractText, to: &line)
                            out.writeLine(bytes: line)
                        case .jsonl:
                            json.reset()
                            CitationJSON.write(c, file: file, to: &json)
                            out.writeLine(bytes: json.bytes)
                        }
                    case .deletions(let d):
                        totals.deletions += d.count
                        if format == .jsonl {
                            json.reset()
                            json.beginObject()
                            json.key("deleted"); json.beginArray()
                            for x in d {
                                json.beginObject(); json.key("pmid"); json.string(x.pmid)
                                json.key("version"); json.int(x.version); json.endObject()
                            }
                            json.endArray()
                            json.key("file"); json.string(file)
                            json.endObject()
                            out.writeLine(bytes: json.bytes)
                        }
                    case .problem(let e):
                        totals.problems += 1
                        failures.append(e)
                        out.flush()
                        Diagnostics.error(e.description)
                    }
                }
            } catch let e as InputError {
                out.flush()
                Diagnostics.error(e.description)
                failures.append(e)
            }
            totals.books += reader.bookArticlesSkipped
        }
        out.flush()
        var summary = "\(files.count) file\(files.count == 1 ? "" : "s"): \(totals.citations) citations "
            + "(\(totals.abstracts) with abstract), \(totals.deletions) deletions"
        if totals.books > 0 { summary += ", \(totals.books) book articles skipped" }
        if format == .count {
            print(summary)
        } else {
            Diagnostics.note(summary)
        }
        if !failures.isEmpty {
            let badFiles = Set(failures.map(\.file))
            Diagnostics.error("\(failures.count) problem\(failures.count == 1 ? "" : "s") in \(badFiles.count) input\(badFiles.count == 1 ? "" : "s"): "
                              + badFiles.sorted().joined(separator: ", "))
            throw ExitCode(1)
        }
    }

    /// Tabs, newlines and carriage returns inside a field become spaces, so one record stays one line.
    static func appendTSVField(_ s: String, to line: inout [UInt8]) {
        for u in s.utf8 { line.append(u == 9 || u == 10 || u == 13 ? 32 : u) }
    }
}

/// The JSONL form of a citation (`pgx parse --format jsonl`).
enum CitationJSON {
    static func write(_ c: Citation, file: String, to w: inout JSONWriter) {
        w.beginObject()
        w.key("pmid"); w.string(c.pmid)
        w.key("version"); w.int(c.version)
        w.key("title"); w.string(c.title)
        w.key("abstract"); sections(c.abstract, &w)
        w.key("other_abstracts"); w.beginArray()
        for o in c.otherAbstracts {
            w.beginObject()
            w.key("type"); w.string(o.type)
            w.key("language"); w.string(o.language)
            w.key("sections"); sections(o.sections, &w)
            w.endObject()
        }
        w.endArray()
        w.key("languages"); strings(c.languages, &w)
        w.key("journal"); w.beginObject()
        w.key("title"); w.string(c.journal.title)
        w.key("iso_abbreviation"); w.string(c.journal.isoAbbreviation)
        w.key("issn"); w.string(c.journal.issn)
        w.endObject()
        w.key("year"); w.int(c.year)
        w.key("publication_types"); strings(c.publicationTypes, &w)
        w.key("mesh"); w.beginArray()
        for m in c.meshHeadings {
            w.beginObject(); w.key("ui"); w.string(m.ui); w.key("name"); w.string(m.name)
            w.key("major"); w.bool(m.majorTopic); w.endObject()
        }
        w.endArray()
        w.key("chemicals"); w.beginArray()
        for ch in c.chemicals {
            w.beginObject(); w.key("registry_number"); w.string(ch.registryNumber); w.key("name"); w.string(ch.name)
            w.key("ui"); w.string(ch.ui); w.endObject()
        }
        w.endArray()
        w.key("keywords"); strings(c.keywords, &w)
        w.key("doi"); w.string(c.doi)
        w.key("pmc"); w.string(c.pmc)
        w.key("source"); w.beginObject(); w.key("file"); w.string(file); w.key("line"); w.int(c.line); w.endObject()
        w.endObject()
    }

    private static func sections(_ s: [AbstractSection], _ w: inout JSONWriter) {
        w.beginArray()
        for x in s {
            w.beginObject()
            w.key("label"); w.string(x.label)
            w.key("category"); w.string(x.nlmCategory)
            w.key("text"); w.string(x.text)
            w.endObject()
        }
        w.endArray()
    }

    private static func strings(_ s: [String], _ w: inout JSONWriter) {
        w.beginArray(); for x in s { w.string(x) }; w.endArray()
    }
}
