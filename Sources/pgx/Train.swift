import ArgumentParser
import Foundation
import PGxExtract
import PGxModel

/// `pgx train`: fit the pair classifier on sentence gold, deterministically, with cross-validation.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train the pair classifier from sentence gold (../shared/data/gold format) and corpus/annotated.",
        discussion: """
        Writes rules/model/model.json: weights, the confidence cut chosen on cross-validation folds, and \
        metadata (training files with SHA-256, licenses, example counts). Same data → same file.

        With --oof DIR, also writes out-of-fold triples for each gold file (each sentence scored by a \
        model that never saw it), so ../shared/eval/score.py gives honest cross-validated scores.

        With --docs-gold and --docs, also writes the document-level models (cooccurrence.json, \
        curation.json, document.json), each document scored out of fold; --background adds general \
        MEDLINE records whose pairs are all negatives. document.json carries the cut `pgx extract` \
        uses for an abstract, chosen on out-of-fold F2.
        """
    )

    @Option(name: .customLong("gold"), help: "A sentence gold JSONL file (repeatable).")
    var gold: [String] = []

    @Option(help: "Cross-validation folds.")
    var folds: Int = 5

    @Option(help: "Write out-of-fold predictions (triple JSONL, one file per gold file) into this folder.")
    var oof: String?

    @Option(help: "The rules folder to read lexicons and patterns from, and to write model/model.json into.")
    var rules: String?

    @Option(help: "Model version recorded in the file.")
    var version: String = "1.0.0"

    @Option(help: ArgumentHelp("Training date recorded in the model files (YYYY-MM-DD).",
                               discussion: "Default: the UTC day of $SOURCE_DATE_EPOCH when it is set (as reproducible builds do; scripts/report.sh sets it to the last commit's time, so the same commit and data give the same bytes), else today."))
    var date: String?

    @Option(name: .customLong("docs-gold"), help: "Document gold (PharmGKB format: pmid and gene–drug pairs) for the document-level models: cross-sentence (cooccurrence.json), curation (curation.json) and the document stage with its curation priors (document.json).")
    var docsGold: String?

    @Option(name: .customLong("docs"), help: "PubMed XML files or folders holding the documents of --docs-gold (repeatable).")
    var docs: [String] = []

    @Option(name: .customLong("background"), help: ArgumentHelp("PubMed XML files or folders of general MEDLINE records (repeatable): for the document-level models, documents none of whose gene–drug pairs curators list.",
                                                              discussion: "PharmGKB curates pharmacogenomic papers only, so without them the document stage never sees the physiology and drug-target abstracts that make up most of PubMed. A record --docs-gold holds is not background."))
    var background: [String] = []

    func validate() throws {
        if let d = date, d.range(of: #"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"#, options: .regularExpression) == nil {
            throw ValidationError("--date takes a day as YYYY-MM-DD, not '\(d)'")
        }
        if docsGold == nil && !(docs.isEmpty && background.isEmpty) {
            throw ValidationError("--docs and --background are read for the document-level models only: give --docs-gold too")
        }
        if date == nil, let e = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], Train.seconds(e) == nil {
            throw ValidationError("SOURCE_DATE_EPOCH must be a Unix time in seconds, not '\(e)'; unset it or give --date YYYY-MM-DD")
        }
    }

    func run() throws {
        let rulesURL = try loadOrExit { try RulesLocator.find(rules) }
        let loaded = try loadOrExit { try ExtractorRules(url: rulesURL, loadModel: false) }
        let extractor = TripleExtractor(rules: loaded)
        var files = gold
        let annotated = rulesURL.deletingLastPathComponent().appendingPathComponent("corpus/annotated")
        if let extra = try? FileManager.default.contentsOfDirectory(atPath: annotated.path) {
            files += extra.filter { $0.hasSuffix(".jsonl") }.sorted().map { annotated.appendingPathComponent($0).path }
        }
        guard !files.isEmpty else { throw ValidationError("give at least one --gold file") }
        var sentences: [GoldSentence] = []
        var meta: [[String: Any]] = []
        for f in files {
            // a gold file that does not read whole: file, line and what to fix; nothing is written
            let s = try loadOrExit { try GoldLoader.load(f) }
            let data = FileManager.default.contents(atPath: f) ?? Data()
            meta.append(["file": URL(fileURLWithPath: f).lastPathComponent, "sha256": SHA256.hex(data), "sentences": s.count,
                         "license": Train.license(f)])
            sentences += s
        }
        let trainer = Trainer(extractor: extractor)
        let examples = trainer.examples(sentences, folds: folds)
        let labelled = examples.filter { $0.label != nil }
        Diagnostics.note("\(sentences.count) sentences, \(examples.count) candidates, \(labelled.count) labelled "
                         + "(\(labelled.filter { $0.label == true }.count) positive)")
        // Out-of-fold scores, made probabilities by the calibration fitted on them; the cut is chosen on those.
        let treeParameters = Trainer.sentenceTrees
        let linear = Trainer.outOfFoldScores(examples, folds: folds)
        let treeScores = Trainer.outOfFoldTreeScores(examples, folds: folds, treeParameters)
        let labelledIdx = examples.indices.filter { examples[$0].label != nil }
        let blend = PairModel.Blend(linear: labelledIdx.map { linear[$0] }, tree: labelledIdx.map { treeScores[$0] })
        let scores = examples.indices.map { blend.combine(linear: linear[$0], tree: treeScores[$0]) }
        let calibration = Trainer.calibration(examples, scores: scores)
        // a pair extraction writes as no triple (`Candidate.isWritten`: a gene inside a drug's name, a class that
        // is another drug's regimen) has out-of-fold probability 0, as extraction gives it
        let probs = examples.indices.map { examples[$0].candidate.isWritten ? PairModel.probability(score: scores[$0], calibration) : 0 }
        let cut = Trainer.bestThreshold(examples, probs)
        if let oof {
            try FileManager.default.createDirectory(atPath: oof, withIntermediateDirectories: true)
            var bySource: [String: [UInt8]] = [:]
            var json = JSONWriter()
            for (i, e) in examples.enumerated() where e.candidate.isWritten {
                let g = sentences[e.sentence]
                let t = Triple(doc: g.id, passage: "text", sentence: e.candidate.sentence, gene: e.candidate.gene,
                               variant: e.candidate.variant, drug: e.candidate.drug, phenotype: e.candidate.phenotype?.name,
                               effect: e.candidate.effect, negated: e.candidate.negated, speculative: e.candidate.speculative,
                               confidence: (probs[i] * 10000).rounded() / 10000, rule: "model(out-of-fold)")
                json.reset()
                TripleJSON.write(t, text: Array(g.text.unicodeScalars), to: &json)
                bySource[g.source, default: []] += json.bytes + [0x0A]
            }
            for (src, bytes) in bySource {
                try Data(bytes).write(to: URL(fileURLWithPath: oof).appendingPathComponent(src.replacingOccurrences(of: ".jsonl", with: ".oof.jsonl")))
            }
        }
        var model = Trainer.fit(examples)
        model.threshold = cut
        model.calibration = calibration
        model.trees = Trainer.fitTrees(examples, treeParameters)
        model.blend = blend
        // Out-of-fold scores at the cut, per gold file, over the candidates the gold labels.
        var devScores: [String: Any] = [:]
        for src in Set(sentences.map(\.source)).sorted() {
            var tp = 0, fp = 0, fn = 0
            for (i, e) in examples.enumerated() where sentences[e.sentence].source == src {
                guard let y = e.label else { continue }
                let predicted = probs[i] >= cut
                if predicted && y { tp += 1 } else if predicted { fp += 1 } else if y { fn += 1 }
            }
            devScores[src] = Train.prf(tp, fp, fn)
        }
        model.metadata = [
            "dev_scores": ["how": "\(folds)-fold out-of-fold, at the cut, over the candidates each gold file labels "
                           + "(scripts/report.sh gives the span scores of ../shared/eval/score.py)", "files": devScores],
            "version": version, "trained": trainingDate, "kind": "logistic regression over hashed pair features + pattern cues, blended with boosted trees over the same features",
            "tree_parameters": ["rounds": treeParameters.rounds, "depth": treeParameters.depth, "min_leaf": treeParameters.minLeaf,
                                "eta": treeParameters.eta],
            "seed": 20261125, "folds": folds, "training": meta, "threshold_chosen_on": "out-of-fold F1 over labelled candidates",
            "calibration_fitted_on": "out-of-fold scores of the labelled candidates (Platt scaling)",
            "patterns_version": loaded.cues.version, "patterns_sha256": loaded.cues.sha256,
            "lexicons_sha256": LexiconTable.sha256(rules: rulesURL),
            "note": "PGxCorpus is CC BY-NC 4.0: a model trained on it is for non-commercial use unless retrained without it",
        ]
        let out = rulesURL.appendingPathComponent("model")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try model.write(to: out.appendingPathComponent("model.json"))
        Diagnostics.note("wrote \(out.appendingPathComponent("model.json").path) (confidence cut \(cut))")
        if let docsGold { try trainDocumentModel(docsGold, trainer: trainer, sentenceModel: model, extractor: extractor, out: out) }
    }

    /// The cross-sentence (document-level) model: trained on curated documents, scored out-of-fold.
    func trainDocumentModel(_ goldPath: String, trainer: Trainer, sentenceModel: PairModel, extractor: TripleExtractor, out: URL) throws {
        guard !docs.isEmpty else { throw ValidationError("--docs-gold needs --docs: the PubMed XML of its documents") }
        guard let data = FileManager.default.contents(atPath: goldPath) else { throw ValidationError("cannot read \(goldPath)") }
        var gold: [String: Set<String>] = [:]
        for (n, line) in data.split(separator: 0x0A).enumerated() {
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let pmid = (obj["pmid"] as? String) ?? (obj["pmid"] as? Int).map(String.init),
                  let pairs = obj["pairs"] as? [[String: Any]] else {
                throw ValidationError("\(goldPath):\(n + 1): not a document gold line ({\"pmid\", \"pairs\": [{\"gene\", \"drug\"}]})")
            }
            for p in pairs {
                if let g = p["gene"] as? String, let d = p["drug"] as? String { gold[pmid, default: []].insert(Trainer.curatedKey(gene: g, drug: d)) }
            }
        }
        // Each curated document is analyzed once; every stage below works on the analyzed documents.
        var documents: [AnalyzedDocument] = []
        var problems = 0
        try DocumentSources(inputs: docs, textInput: false).forEach(onError: { e in problems += 1; Diagnostics.error(e.description) }) { pmid, passages, meta in
            if gold[pmid] != nil { documents.append(extractor.analyzer.analyze(id: pmid, passages: passages, indexTerms: meta.indexTerms,
                                                                                     headings: meta.headings)) }
        }
        // general records: every pair of theirs is a pair curators do not list
        var backgroundIDs = Set<String>()
        if !background.isEmpty {
            try DocumentSources(inputs: background, textInput: false).forEach(onError: { e in problems += 1; Diagnostics.error(e.description) }) { pmid, passages, meta in
                // an indexed record only: nearly every curated abstract is, so unindexed background would teach
                // that a record NLM has not indexed yet (as update files hold them) states no finding
                guard gold[pmid] == nil, !meta.indexTerms.isEmpty, backgroundIDs.insert(pmid).inserted else { return }
                documents.append(extractor.analyzer.analyze(id: pmid, passages: passages, indexTerms: meta.indexTerms, headings: meta.headings))
            }
            for id in backgroundIDs { gold[id] = [] }
            Diagnostics.note("background: \(backgroundIDs.count) general records, their pairs not curated")
        }
        let examples = trainer.documentExamples(documents, gold: gold, folds: folds)
        let positives = examples.filter { $0.label == true }.count
        Diagnostics.note("document model: \(documents.count) documents, \(examples.count) cross-sentence candidates (\(positives) curated)")
        let perFold = Trainer.foldModels(examples, folds: folds, balance: false)
        // The curation model: the in-sentence candidates of the same documents, labelled by the curators' list
        let curationExamples = trainer.curationExamples(documents, gold: gold, folds: folds)
        let curationPositives = curationExamples.filter { $0.label == true }.count
        Diagnostics.note("curation model: \(curationExamples.count) in-sentence candidates (\(curationPositives) of a curated pair)")
        let curationFolds = Trainer.foldModels(curationExamples, folds: folds, balance: false)
        // Stage one of every document as `pgx extract` would see it: its cross-sentence pairs scored by
        // the fold model that never saw it (the sentence model never saw these documents at all).
        let stageOne = documents.map { doc in
            extractor.scorePairs(doc, minConfidence: 0, model: sentenceModel, cooccurrence: perFold[Trainer.fold(of: doc.id, folds: folds)],
                                 curation: curationFolds[Trainer.fold(of: doc.id, folds: folds)], forDocumentStage: true)
        }
        // The document stage: one example per gene–drug pair of a multi-sentence document, labelled by
        // whether the curators list it.
        let pgx: (String) -> Bool = { extractor.rules.lexicon.geneInfo[$0]?.pgx ?? false }
        let judged = documents.indices.filter { TripleExtractor.judgedAsDocument(documents[$0]) }
        let foldOf = documents.map { Trainer.fold(of: $0.id, folds: folds) }
        // The curation priors count every proposed pair of the judged documents and whether it is curated.
        // A document's own pairs never count toward its features: they take the priors of the other folds,
        // and the fold model that scores fold k learned from features that left fold k out as well. The
        // background counts no proposal: curators never read it (a pharmacogenomic paper among general
        // records would teach that codeine is rarely curated).
        var proposed: [(fold: Int, key: String, curated: Bool)] = []
        for i in judged where !backgroundIDs.contains(documents[i].id) {
            for k in Set(stageOne[i].compactMap(DocumentPairs.key)) {
                let ck = DocumentPairs.curatedKey(k)
                proposed.append((foldOf[i], ck, (gold[documents[i].id] ?? []).contains(ck)))
            }
        }
        // the counts without some folds, each set of folds counted once
        var priorCache: [Set<Int>: CurationPriors] = [:]
        func cachedPriors(_ excluding: Set<Int>) -> CurationPriors {
            if let p = priorCache[excluding] { return p }
            var p = CurationPriors()
            for x in proposed where !excluding.contains(x.fold) { p.add(x.key, curated: x.curated) }
            priorCache[excluding] = p
            return p
        }
        func examplesOf(_ docs: [Int], excluding: (Int) -> Set<Int>) -> [Trainer.Example] {
            var out: [Trainer.Example] = []
            for i in docs {
                let pairs = gold[documents[i].id] ?? []
                for (k, f) in DocumentPairs.features(stageOne[i], document: documents[i], knownPairs: extractor.rules.knownPairs,
                                                     priors: cachedPriors(excluding(i)), pharmacogene: pgx) {
                    out.append(Trainer.example(features: f, drug: stageOne[i][0].drug, fold: foldOf[i], index: i,
                                               label: pairs.contains(DocumentPairs.curatedKey(k))))
                }
            }
            return out
        }
        // the final model's examples: each document with the priors of the other folds
        let pairExamples = examplesOf(judged) { [foldOf[$0]] }
        let pairPositives = pairExamples.filter { $0.label == true }.count
        Diagnostics.note("document stage: \(pairExamples.count) gene–drug pairs (\(pairPositives) curated)")
        let gp = BoostedTrees.Parameters()
        let pairFolds = (0..<folds).map { k in
            Trainer.fitTrees(examplesOf(judged.filter { foldOf[$0] != k }) { [foldOf[$0], k] }, gp)
        }
        // Every document's triples as `pgx extract` writes them, the document stage by the fold model
        // that did not hold the document: the out-of-fold predictions and the dev scores.
        var bytes: [UInt8] = [], backgroundBytes: [UInt8] = []
        var json = JSONWriter()
        // each document's gene–drug pairs at their highest confidence, as ../shared/eval/score.py docs counts them
        var pairsOf: [(judged: Bool, best: [String: Double], curated: Set<String>)] = []
        var backgroundBest: [Double] = []
        for (i, doc) in documents.enumerated() {
            let isJudged = TripleExtractor.judgedAsDocument(doc)
            let triples = isJudged
                ? extractor.judgeInDocument(stageOne[i], doc: doc, model: pairFolds[foldOf[i]], priors: cachedPriors([foldOf[i]]))
                : stageOne[i].filter { !$0.regimenOfAnother }
            let isBackground = backgroundIDs.contains(doc.id)
            if oof != nil {
                for t in triples {
                    json.reset()
                    TripleJSON.write(t, text: doc.passages.first { $0.name == t.passage }!.written, to: &json)
                    if isBackground { backgroundBytes += json.bytes + [0x0A] } else { bytes += json.bytes + [0x0A] }
                }
            }
            var best: [String: Double] = [:]
            for t in triples {
                guard let g = t.gene else { continue }
                let k = Trainer.curatedKey(gene: g.name, drug: t.drug.name)
                best[k] = max(best[k] ?? 0, t.confidence)
            }
            if isBackground { backgroundBest += best.values } else { pairsOf.append((isJudged, best, gold[doc.id] ?? [])) }
        }
        // Counts when the judged documents' pairs are cut at `cut` (the others, scored by the sentence
        // model alone, at its own cut, as `pgx extract` writes them).
        func counts(_ cut: Double) -> (tp: Int, fp: Int, fn: Int) {
            var tp = 0, fp = 0, fn = 0
            for d in pairsOf {
                let c = d.judged ? cut : sentenceModel.threshold
                let found = Set(d.best.filter { $0.value >= c }.keys)
                tp += found.intersection(d.curated).count; fp += found.subtracting(d.curated).count; fn += d.curated.subtracting(found).count
            }
            return (tp, fp, fn)
        }
        // (with no curated pair among the documents there is nothing to choose by: the sentence model's cut)
        let documentCut = pairsOf.contains { !$0.curated.isEmpty } ? Train.recallWeightedCut(counts) : sentenceModel.threshold
        let (docTP, docFP, docFN) = counts(documentCut)
        let atSentenceCut = counts(sentenceModel.threshold)
        Diagnostics.note("document stage cut \(documentCut) (out-of-fold F2): " + Train.prfLine(docTP, docFP, docFN)
                         + "; at the sentence model's cut \(sentenceModel.threshold): " + Train.prfLine(atSentenceCut.tp, atSentenceCut.fp, atSentenceCut.fn))
        if !backgroundIDs.isEmpty {
            Diagnostics.note("background, out of fold: \(backgroundBest.count) gene–drug pairs, \(backgroundBest.filter { $0 >= documentCut }.count) at the document cut, "
                             + "\(backgroundBest.filter { $0 >= sentenceModel.threshold }.count) at the sentence model's cut")
        }
        if let oof {
            let name = URL(fileURLWithPath: goldPath).lastPathComponent.replacingOccurrences(of: ".jsonl", with: ".oof.jsonl")
            try Data(bytes).write(to: URL(fileURLWithPath: oof).appendingPathComponent(name))
            if !backgroundIDs.isEmpty { try Data(backgroundBytes).write(to: URL(fileURLWithPath: oof).appendingPathComponent("background.oof.jsonl")) }
        }
        // the document gold every document-level model file names as its training data
        var docsTraining: [[String: Any]] = [["file": URL(fileURLWithPath: goldPath).lastPathComponent, "sha256": SHA256.hex(data),
                                              "documents": gold.count - backgroundIDs.count, "license": Train.license(goldPath)]]
        if !backgroundIDs.isEmpty {
            docsTraining.append(["background": background.map { URL(fileURLWithPath: $0).lastPathComponent }, "documents": backgroundIDs.count,
                                 "labels": "every gene–drug pair not curated", "license": "PubMed/MEDLINE records: NLM terms and conditions"])
        }
        var pairModel = Trainer.fitTrees(pairExamples, gp)
        pairModel.threshold = documentCut
        pairModel.metadata = [
            "version": version, "trained": trainingDate, "kind": "gradient-boosted trees (the average of bagged fits) over document-level features of each gene–drug pair (stage-one scores, "
                + "its rank in the document, where and how often the pair is named, competing genes and drugs, CPIC pair, "
                + "curation priors: how often curators listed its drug's and its gene's pairs when pgx proposed them, "
                + "whether the record's ChemicalList names its drug and its gene)",
            "priors": cachedPriors([]).jsonObject(),
            "parameters": ["rounds": gp.rounds, "depth": gp.depth, "eta": gp.eta, "lambda": gp.lambda, "min_leaf": gp.minLeaf,
                           "bags": gp.bags, "bag_fraction": gp.fraction],
            "seed": 20261125, "folds": folds, "documents": documents.count, "pairs": pairExamples.count, "curated": pairPositives,
            "applies_to": "documents of two or more sentences",
            "threshold_chosen_on": "out-of-fold F2 (recall weighted twice precision) over the curated documents' gene–drug pairs: "
                + "a curation batch should miss few findings, and the measured precision is a lower bound",
            "dev_scores": ["how": "\(folds)-fold out-of-fold by PMID, at the cut; precision is a lower bound (curation is incomplete)",
                           "documents": Train.prf(docTP, docFP, docFN),
                           "documents_at_sentence_cut": Train.prf(atSentenceCut.tp, atSentenceCut.fp, atSentenceCut.fn)],
            "training": docsTraining,
            "note": "probability that curators list the pair for the document; PharmGKB data is CC BY-SA 4.0",
        ]
        try pairModel.write(to: out.appendingPathComponent("document.json"))
        Diagnostics.note("wrote \(out.appendingPathComponent("document.json").path)")
        var curationModel = Trainer.fit(curationExamples, balance: false)
        curationModel.metadata = [
            "version": version, "trained": trainingDate, "kind": "logistic regression over the sentence model's pair features, labelled by the curators' list of the document",
            "seed": 20261125, "folds": folds, "documents": documents.count, "candidates": curationExamples.count, "curated": curationPositives,
            "read_by": "the document stage (rules/model/document.json), as the highest such probability of each gene–drug pair",
            "training": docsTraining,
            "note": "probability that curators list an in-sentence pair for its document; PharmGKB data is CC BY-SA 4.0",
        ]
        try curationModel.write(to: out.appendingPathComponent("curation.json"))
        Diagnostics.note("wrote \(out.appendingPathComponent("curation.json").path)")
        var model = Trainer.fit(examples, balance: false)
        model.threshold = sentenceModel.threshold
        model.metadata = [
            "version": version, "trained": trainingDate, "kind": "logistic regression over document-level features of gene–drug pairs that never share a sentence",
            "seed": 20261125, "folds": folds, "documents": documents.count, "candidates": examples.count, "curated": positives,
            "training": docsTraining,
            "note": "probability that curators list the pair for the document; PharmGKB data is CC BY-SA 4.0",
        ]
        try model.write(to: out.appendingPathComponent("cooccurrence.json"))
        Diagnostics.note("wrote \(out.appendingPathComponent("cooccurrence.json").path)")
        // the models are written from what could be read; the exit status says that was not everything
        if problems > 0 {
            Diagnostics.error("\(problems) input problem(s) while reading --docs and --background (above); the document-level models were trained without them")
            throw ExitCode(1)
        }
    }

    /// The document stage's cut: the one of 0.005, 0.010, ... 0.995 above `TripleExtractor.noVariationCap`
    /// with the best F2 (recall weighted twice precision) of `counts` at it, the higher cut on a tie. A
    /// curation batch should miss few of the pairs curators list, and against incomplete curation the
    /// measured precision is only a lower bound.
    static func recallWeightedCut(_ counts: (Double) -> (tp: Int, fp: Int, fn: Int)) -> Double {
        var best = (f2: -1.0, cut: 0.5)
        for step in 1..<200 where Double(step) / 200 > TripleExtractor.noVariationCap {
            let cut = Double(step) / 200
            let (tp, fp, fn) = counts(cut)
            let f2 = tp > 0 ? 5 * Double(tp) / Double(5 * tp + 4 * fn + fp) : 0
            if f2 >= best.f2 { best = (f2, cut) }
        }
        return best.cut
    }

    static func prfLine(_ tp: Int, _ fp: Int, _ fn: Int) -> String {
        let s = prf(tp, fp, fn)
        return "tp=\(tp) fp=\(fp) fn=\(fn) precision=\(s["precision"]!) recall=\(s["recall"]!) f1=\(s["f1"]!)"
    }

    static func prf(_ tp: Int, _ fp: Int, _ fn: Int) -> [String: Any] {
        let p = tp + fp > 0 ? Double(tp) / Double(tp + fp) : 0, r = tp + fn > 0 ? Double(tp) / Double(tp + fn) : 0
        let f = p + r > 0 ? 2 * p * r / (p + r) : 0
        func round4(_ x: Double) -> Double { (x * 10000).rounded() / 10000 }
        return ["tp": tp, "fp": fp, "fn": fn, "precision": round4(p), "recall": round4(r), "f1": round4(f)]
    }

    /// The day recorded as `trained` in every model file written by this run.
    var trainingDate: String { date ?? Train.day(of: ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"]) }

    /// A Unix time given as text (`SOURCE_DATE_EPOCH`), nil when it is not a number.
    static func seconds(_ epoch: String) -> Double? { Double(epoch.trimmingCharacters(in: .whitespaces)) }

    /// The UTC day (YYYY-MM-DD) of a Unix time given as text, or of now when there is none.
    static func day(of epoch: String?) -> String {
        let when = epoch.flatMap(Train.seconds).map { Date(timeIntervalSince1970: $0) } ?? Date()
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX"); f.timeZone = TimeZone(identifier: "UTC"); f.dateFormat = "yyyy-MM-dd"
        return f.string(from: when)
    }

    static func license(_ path: String) -> String {
        if path.contains("pgxcorpus") { return "CC BY-NC 4.0 (PGxCorpus, Legrand et al. 2020)" }
        if path.contains("pgxmine") { return "MIT (PGxMine, Lever et al. 2020)" }
        if path.contains("pharmgkb") { return "CC BY-SA 4.0 (PharmGKB)" }
        if path.contains("corpus/annotated") { return "pgx project" }
        return "see the file's source"
    }
}
