import ArgumentParser
import Foundation
import PGxExtract
import PGxModel

/// `pgx train`: fit the pair classifier on sentence gold, deterministically, with cross-validation.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train the pair classifier from sentence gold (../shared/data/gold format) and corpus/annotated.",
        discussion: """
        Writes rules/model/model.json: weights, the confidence cut chosen on cross-validation folds, and
        metadata (training files with SHA-256, licenses, example counts). Same data → same file.
        With --oof DIR, also writes out-of-fold triples for each gold file (each sentence scored by a
        model that never saw it), so ../shared/eval/score.py gives honest cross-validated scores.
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

    func run() throws {
        let rulesURL = try RulesLocator.find(rules)
        let loaded = try ExtractorRules(url: rulesURL, loadModel: false)
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
            let s = try GoldLoader.load(f)
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
        let probs = Trainer.outOfFold(examples, folds: folds)
        let cut = Trainer.bestThreshold(examples, probs)
        if let oof {
            try FileManager.default.createDirectory(atPath: oof, withIntermediateDirectories: true)
            var bySource: [String: [UInt8]] = [:]
            var json = JSONWriter()
            for (i, e) in examples.enumerated() {
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
        model.metadata = [
            "version": version, "kind": "logistic regression over hashed pair features + pattern cues",
            "seed": 20261125, "folds": folds, "training": meta, "threshold_chosen_on": "out-of-fold F1 over labelled candidates",
            "patterns_version": loaded.cues.version,
            "note": "PGxCorpus is CC BY-NC 4.0: a model trained on it is for non-commercial use unless retrained without it",
        ]
        let out = rulesURL.appendingPathComponent("model")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try model.write(to: out.appendingPathComponent("model.json"))
        Diagnostics.note("wrote \(out.appendingPathComponent("model.json").path) (confidence cut \(cut))")
    }

    static func license(_ path: String) -> String {
        if path.contains("pgxcorpus") { return "CC BY-NC 4.0 (PGxCorpus, Legrand et al. 2020)" }
        if path.contains("pgxmine") { return "MIT (PGxMine, Lever et al. 2020)" }
        if path.contains("pharmgkb") { return "CC BY-SA 4.0 (PharmGKB)" }
        if path.contains("corpus/annotated") { return "pgx project" }
        return "see the file's source"
    }
}
