import PGxModel

/// The document stage: whether a gene–drug pair is a finding of the whole abstract, not only of one
/// sentence. Every triple of the pair in the document (sentence-model and cross-sentence scores,
/// where and how often the pair is named, how many other genes and drugs compete, whether CPIC has
/// the pair) becomes one set of features for a logistic model trained on curated documents
/// (`rules/model/document.json`, `pgx train --docs-gold`). Its probability becomes the confidence
/// of each of the pair's triples.
///
/// Only documents of two or more sentences go through it: a lone sentence has no document around it,
/// and there the sentence model's confidence stands.
/// - Complexity: O(triples) per document.
public enum DocumentPairs {
    /// The key a pair is judged by: gene symbol and drug name as curated tables compare them.
    public static func key(_ t: Triple) -> String? {
        guard let sym = t.gene?.name ?? t.variant?.gene else { return nil }
        return sym.uppercased() + "|" + Trainer.normalizeDrug(t.drug.name)
    }

    static func bucket(_ x: Double, _ edges: [Double]) -> Int {
        edges.firstIndex { x <= $0 } ?? edges.count
    }

    /// Hashed features of each pair of a document, from its stage-one triples (confidence = sentence
    /// or cross-sentence model). Pairs are in first-seen order.
    public static func features(_ triples: [Triple], document: AnalyzedDocument, knownPairs: Set<String>,
                                pharmacogene: (String) -> Bool) -> [(key: String, features: [Int])] {
        // How often and where the document names each gene and drug: the subject of an abstract is
        // named in its title and more often than anything else.
        var geneN: [String: Int] = [:], drugN: [String: Int] = [:]
        var geneTitle = Set<String>(), drugTitle = Set<String>(), geneVariant = Set<String>()
        for p in document.passages {
            for m in p.mentions {
                switch m.kind {
                case .gene where m.source != "pattern:family":
                    let g = m.name.uppercased()
                    geneN[g, default: 0] += 1
                    if p.name == "title" { geneTitle.insert(g) }
                case .variant:
                    if let g = m.gene?.uppercased() { geneN[g, default: 0] += 1; geneVariant.insert(g); if p.name == "title" { geneTitle.insert(g) } }
                case .drug:
                    let d = Trainer.normalizeDrug(m.name)
                    drugN[d, default: 0] += 1
                    if p.name == "title" { drugTitle.insert(d) }
                default: break
                }
            }
        }
        let topGene = geneN.values.max() ?? 0, topDrug = drugN.values.max() ?? 0
        var order: [String] = []
        var byPair: [String: [Triple]] = [:]
        var genes: [String: Int] = [:], drugs: [String: Int] = [:]
        for t in triples {
            guard let k = key(t) else { continue }
            if byPair[k] == nil {
                order.append(k)
                let sym = String(k[..<k.firstIndex(of: "|")!])
                genes[sym, default: 0] += 1
                drugs[Trainer.normalizeDrug(t.drug.name), default: 0] += 1
            }
            byPair[k, default: []].append(t)
        }
        return order.map { k in
            let ts = byPair[k]!
            let sym = String(k[..<k.firstIndex(of: "|")!])
            let conf = ts.map(\.confidence).sorted(by: >)
            let stageOne = ts.filter { !$0.rule.hasPrefix("cooccurrence") }
            var f = ["doc:bias"]
            f.append("doc:max:\(bucket(conf[0], [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95]))")
            f.append("doc:second:\(bucket(conf.count > 1 ? conf[1] : 0, [0.05, 0.2, 0.5, 0.8]))")
            f.append("doc:n:\(bucket(Double(ts.count), [1, 2, 4, 8]))")
            var sentences = Set<String>()
            for t in ts { sentences.insert(t.passage + ":\(t.sentence.lowerBound)") }
            f.append("doc:sentences:\(bucket(Double(sentences.count), [1, 2, 3, 5]))")
            if stageOne.isEmpty { f.append("doc:cross-only") }
            if stageOne.contains(where: { $0.passage == "title" }) { f.append("doc:title") }
            if ts.contains(where: { $0.variant != nil }) { f.append("doc:variant") }
            if ts.contains(where: { $0.drug.id == nil }) { f.append("doc:no-drug-id") }
            if knownPairs.contains(sym + "|" + ts[0].drug.name) { f.append("doc:cpic-pair") }
            let pgx = pharmacogene(sym)
            if pgx { f.append("doc:pharmacogene") }
            f.append("doc:genes:\(bucket(Double(genes.count), [1, 2, 4, 8]))")
            f.append("doc:drugs:\(bucket(Double(drugs.count), [1, 2, 4, 8]))")
            f.append("doc:gene-pairs:\(bucket(Double(genes[sym] ?? 0), [1, 2, 4]))")
            f.append("doc:drug-pairs:\(bucket(Double(drugs[Trainer.normalizeDrug(ts[0].drug.name)] ?? 0), [1, 2, 4]))")
            for c in Set(ts.map(\.effect.category.rawValue)).sorted() { f.append("doc:cat:" + c) }
            if ts.contains(where: \.negated) { f.append("doc:negated") }
            if !stageOne.isEmpty && stageOne.allSatisfy(\.negated) { f.append("doc:all-negated") }
            f.append("doc:max&pgx:\(bucket(conf[0], [0.1, 0.3, 0.6, 0.9]))\(pgx)")
            let d = Trainer.normalizeDrug(ts[0].drug.name)
            let gn = geneN[sym] ?? 0, dn = drugN[d] ?? 0
            f.append("doc:gene-mentions:\(bucket(Double(gn), [1, 2, 4, 8]))")
            f.append("doc:drug-mentions:\(bucket(Double(dn), [1, 2, 4, 8]))")
            if gn > 0 && gn == topGene { f.append("doc:top-gene") }
            if dn > 0 && dn == topDrug { f.append("doc:top-drug") }
            if geneTitle.contains(sym) { f.append("doc:gene-in-title") }
            if drugTitle.contains(d) { f.append("doc:drug-in-title") }
            if geneTitle.contains(sym) && drugTitle.contains(d) { f.append("doc:both-in-title") }
            if geneVariant.contains(sym) { f.append("doc:gene-has-variant") }
            return (k, f.map(CandidateBuilder.hash))
        }
    }

    /// The document model's probability for each pair of the document.
    public static func score(_ triples: [Triple], document: AnalyzedDocument, model: PairModel, knownPairs: Set<String>,
                             pharmacogene: (String) -> Bool) -> [String: Double] {
        var out: [String: Double] = [:]
        for (k, f) in features(triples, document: document, knownPairs: knownPairs, pharmacogene: pharmacogene) { out[k] = model.probability(f) }
        return out
    }
}
