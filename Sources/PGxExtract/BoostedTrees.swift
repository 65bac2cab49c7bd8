import Foundation
import PGxModel

/// Gradient-boosted decision trees over binary (hashed) features: the document stage's model, and the
/// tree half of the sentence model (`PairModel.trees`).
///
/// The document stage judges a gene–drug pair from a few dozen features (its best sentence score, its
/// rank in the document, whether the title names it, whether the gene is a pharmacogene, ...) whose
/// effects are not additive: a second-best pair is a likely finding when it shares the study drug and
/// an unlikely one when the gene is a bystander. Small trees learn those interactions; on out-of-fold
/// PharmGKB pairs they rank curated pairs better than logistic regression over the same features.
///
/// Each tree splits on whether a feature is present. Training is Newton boosting on the log loss
/// (XGBoost's leaf values −G/(H+λ) and split gain), deterministic: no sampling inside a fit, ties
/// broken by the lower feature index, and `bagged`'s shares drawn from fixed seeds, so the same
/// examples give the same file byte for byte.
/// - Complexity: predict O(trees · depth · features); train O(rounds · depth · examples · features).
public struct BoostedTrees: @unchecked Sendable {
    /// A node: a split on `feature` (present → `yes`, absent → `no`), or a leaf (`feature` < 0) with `value`.
    public struct Node: Equatable, Sendable { var feature: Int; var yes: Int; var no: Int; var value: Double }
    public var trees: [[Node]]
    public var base: Double
    public var metadata: [String: Any]
    public var threshold: Double

    public struct Parameters: Sendable {
        public var rounds = 100, depth = 3, minLeaf = 20
        public var eta = 0.1, lambda = 1.0
        /// `bagged`: how many models are averaged, each fit to this share of the examples
        public var bags = 5, fraction = 0.8
        public init() {}
    }

    /// Each feature some split tests gets a number (`bitOf`, indexed by feature hash, −1 for the rest),
    /// and each node the number of its feature (−1 for a leaf): scoring sets one bit per present
    /// feature, then every split is a bit test, with no hashing.
    let bitOf: [Int16]
    /// One bit per feature hash: whether any split tests it (32 KB, so the common answer "no" stays in
    /// cache instead of a read of the 512 KB table).
    let isSplit: [UInt64]
    let splitFeatures: Int
    /// All trees' nodes in one array (children as absolute indices) and where each tree starts.
    struct Flat { var bit: Int32; var yes: Int32; var no: Int32; var value: Double }
    let flat: [Flat]
    let roots: [Int]

    public init(trees: [[Node]], base: Double, threshold: Double = 0.5, metadata: [String: Any] = [:]) {
        self.trees = trees; self.base = base; self.threshold = threshold; self.metadata = metadata
        var bitOf = [Int16](repeating: -1, count: 1 << CandidateBuilder.hashBits)
        var n = 0
        for t in trees {
            for node in t where node.feature >= 0 && bitOf[node.feature] < 0 { bitOf[node.feature] = Int16(n); n += 1 }
        }
        self.bitOf = bitOf
        var isSplit = [UInt64](repeating: 0, count: (1 << CandidateBuilder.hashBits) / 64)
        for (f, b) in bitOf.enumerated() where b >= 0 { isSplit[f >> 6] |= 1 << UInt64(f & 63) }
        self.isSplit = isSplit
        splitFeatures = n
        var flat: [Flat] = [], roots: [Int] = []
        for t in trees {
            let at = flat.count
            roots.append(at)
            for node in t {
                flat.append(Flat(bit: node.feature >= 0 ? Int32(bitOf[node.feature]) : -1, yes: Int32(at + node.yes),
                                 no: Int32(at + node.no), value: node.value))
            }
        }
        self.flat = flat
        self.roots = roots
        // the same trees as complete binary trees of one depth, for scoring without branches
        func depth(_ t: [Node], _ i: Int) -> Int { t[i].feature < 0 ? 0 : 1 + max(depth(t, t[i].yes), depth(t, t[i].no)) }
        let levels = trees.map { $0.isEmpty ? 0 : depth($0, 0) }.max() ?? 0
        if levels <= BoostedTrees.maxCompleteLevels && !trees.contains(where: \.isEmpty) {
            let inner = (1 << levels) - 1, leaves = 1 << levels
            var bits = [Int32](repeating: 0, count: trees.count * inner), values = [Double](repeating: 0, count: trees.count * leaves)
            for (ti, t) in trees.enumerated() {
                func fill(_ i: Int, _ k: Int, _ level: Int) {
                    if level == levels { values[ti * leaves + k - inner] = t[i].value; return }
                    if t[i].feature < 0 {   // a leaf above the bottom: the same value on both sides
                        fill(i, 2 * k + 1, level + 1); fill(i, 2 * k + 2, level + 1)
                    } else {
                        bits[ti * inner + k] = Int32(bitOf[t[i].feature])
                        fill(t[i].no, 2 * k + 1, level + 1); fill(t[i].yes, 2 * k + 2, level + 1)
                    }
                }
                fill(0, 0, 0)
            }
            complete = (levels, bits, values)
        } else {
            complete = nil
        }
    }

    /// Trees up to this depth are also kept complete (2^depth leaves each) for `score`.
    static let maxCompleteLevels = 8
    /// Every tree as a complete binary tree of `levels` splits from root to leaf: tree t's split bits in
    /// heap order at `bits[t * (2^levels − 1)...]` (node k's children at 2k+1 when its feature is absent
    /// and 2k+2 when present; a leaf above the bottom is repeated below, its split bit any), its leaf
    /// values at `values[t * 2^levels...]`. Scoring then takes `levels` steps per tree, each a bit test
    /// that picks the child by arithmetic, where a walk of the nodes branched unpredictably at every step.
    let complete: (levels: Int, bits: [Int32], values: [Double])?

    /// The log-odds of a feature set (hash indices below 2^hashBits; duplicates allowed).
    public func score(_ features: [Int]) -> Double { score(features, complete: true) }

    /// `complete: false` walks the nodes even where the complete trees are kept (for tests).
    func score(_ features: [Int], complete useComplete: Bool) -> Double {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: (splitFeatures + 63) / 64 + 1) { present in
            present.initialize(repeating: 0)
            for f in features where f >= 0 && f < bitOf.count && isSplit[f >> 6] & (1 << UInt64(f & 63)) != 0 {
                let b = Int(bitOf[f])
                present[b >> 6] |= 1 << UInt64(b & 63)
            }
            var z = base
            if useComplete, let (levels, bits, values) = complete {
                let inner = (1 << levels) - 1, leaves = 1 << levels
                bits.withUnsafeBufferPointer { sb in
                    values.withUnsafeBufferPointer { lv in
                        for t in 0..<roots.count {
                            var k = 0
                            let s = t * inner
                            for _ in 0..<levels {
                                let b = Int(sb[s + k])
                                k = 2 * k + 1 + Int(truncatingIfNeeded: (present[b >> 6] >> UInt64(b & 63)) & 1)
                            }
                            z += lv[t * leaves + k - inner]
                        }
                    }
                }
                return z
            }
            flat.withUnsafeBufferPointer { nodes in
                for root in roots {
                    var i = root
                    while nodes[i].bit >= 0 {
                        let b = Int(nodes[i].bit)
                        i = Int(present[b >> 6] & (1 << UInt64(b & 63)) != 0 ? nodes[i].yes : nodes[i].no)
                    }
                    z += nodes[i].value
                }
            }
            return z
        }
    }

    public func probability(_ features: [Int]) -> Double { 1 / (1 + exp(-score(features))) }

    /// Fits the trees to labelled feature sets.
    public static func train(_ examples: [(features: [Int], label: Bool)], _ p: Parameters = Parameters()) -> BoostedTrees {
        // Features as dense column numbers in ascending hash order; each example's columns sorted, once,
        // and stored one row after another (row i is cols[start[i]..<start[i + 1]]).
        let hashes = Array(Set(examples.flatMap(\.features))).sorted()
        let column = Dictionary(uniqueKeysWithValues: hashes.enumerated().map { ($1, $0) })
        var start = [0], cols: [Int] = []
        for e in examples { cols += Set(e.features.map { column[$0]! }).sorted(); start.append(cols.count) }
        let y = examples.map { $0.label ? 1.0 : 0.0 }
        let n = examples.count
        let mean = min(max(y.reduce(0, +) / Double(max(n, 1)), 1e-6), 1 - 1e-6)
        let base = log(mean / (1 - mean))
        var f = [Double](repeating: base, count: n)
        // gradients, and the per-column sums a split search fills, as raw buffers: the search is the
        // whole cost of training, and array accesses inside the recursive search pay copy-on-write checks
        let g = UnsafeMutablePointer<Double>.allocate(capacity: n), h = UnsafeMutablePointer<Double>.allocate(capacity: n)
        let gl = UnsafeMutablePointer<Double>.allocate(capacity: hashes.count), hl = UnsafeMutablePointer<Double>.allocate(capacity: hashes.count)
        let nl = UnsafeMutablePointer<Int>.allocate(capacity: hashes.count)
        gl.initialize(repeating: 0, count: hashes.count); hl.initialize(repeating: 0, count: hashes.count)
        nl.initialize(repeating: 0, count: hashes.count)
        defer { g.deallocate(); h.deallocate(); gl.deallocate(); hl.deallocate(); nl.deallocate() }
        var trees: [[Node]] = []
        for _ in 0..<p.rounds {
            for i in 0..<n {
                let q = 1 / (1 + exp(-f[i]))
                g[i] = q - y[i]; h[i] = q * (1 - q)
            }
            var nodes: [Node] = []
            // grows the subtree of the examples `idx` at `depth`; returns its node index. A leaf adds its
            // value to its examples' scores at once (the gradients of this round are already taken).
            func grow(_ idx: [Int], _ depth: Int) -> Int {
                var G = 0.0, H = 0.0
                for i in idx { G += g[i]; H += h[i] }
                func leaf() -> Int {
                    // rounded as the file keeps it, so a model and its reloaded file score alike
                    let value = (-G / (H + p.lambda) * p.eta * 1e6).rounded() / 1e6
                    for i in idx { f[i] += value }
                    nodes.append(Node(feature: -1, yes: -1, no: -1, value: value))
                    return nodes.count - 1
                }
                guard depth < p.depth, idx.count >= 2 * p.minLeaf else { return leaf() }
                var touched: [Int] = []
                cols.withUnsafeBufferPointer { cb in
                    start.withUnsafeBufferPointer { sb in
                        for i in idx {
                            let gi = g[i], hi = h[i]
                            for k in sb[i]..<sb[i + 1] {
                                let c = cb[k]
                                if nl[c] == 0 { touched.append(c) }
                                gl[c] += gi; hl[c] += hi; nl[c] += 1
                            }
                        }
                    }
                }
                let parent = G * G / (H + p.lambda)
                var best = (gain: 1e-9, column: -1)
                for c in touched where nl[c] >= p.minLeaf && idx.count - nl[c] >= p.minLeaf {
                    let gr = G - gl[c], hr = H - hl[c]
                    let gain = gl[c] * gl[c] / (hl[c] + p.lambda) + gr * gr / (hr + p.lambda) - parent
                    // equal gains go to the lower column, whatever order the columns were met in
                    if gain > best.gain || (gain == best.gain && c < best.column) { best = (gain, c) }
                }
                for c in touched { gl[c] = 0; hl[c] = 0; nl[c] = 0 }
                guard best.column >= 0 else { return leaf() }
                var yes: [Int] = [], no: [Int] = []
                for i in idx { if cols[start[i]..<start[i + 1]].contains(best.column) { yes.append(i) } else { no.append(i) } }
                nodes.append(Node(feature: hashes[best.column], yes: -1, no: -1, value: 0))
                let at = nodes.count - 1
                let y = grow(yes, depth + 1), m = grow(no, depth + 1)
                nodes[at].yes = y; nodes[at].no = m
                return at
            }
            _ = grow(Array(0..<n), 0)
            trees.append(nodes)
        }
        return BoostedTrees(trees: trees, base: (base * 1e6).rounded() / 1e6)
    }

    /// The average of `p.bags` models, each fit to its own share of the examples (a seeded draw of
    /// `p.fraction` of them): one model again, its trees the bags' trees with their leaves divided by
    /// `bags`. Averaging steadies what a single fit makes of a few examples.
    public static func bagged(_ examples: [(features: [Int], label: Bool)], _ p: Parameters = Parameters()) -> BoostedTrees {
        let bags = p.bags, fraction = p.fraction
        guard bags > 1 else { return train(examples, p) }
        var trees: [[Node]] = []
        var base = 0.0
        for b in 0..<bags {
            var rng = PairModel.SplitMix64(state: 0x5EED_0000 &+ UInt64(b))
            let share = examples.filter { _ in Double(rng.next() % 10_000) < fraction * 10_000 }
            let m = train(share, p)
            base += m.base / Double(bags)
            trees += m.trees.map { $0.map { n in var n = n; n.value = (n.value / Double(bags) * 1e9).rounded() / 1e9; return n } }
        }
        return BoostedTrees(trees: trees, base: (base * 1e6).rounded() / 1e6)
    }

    // MARK: - File format

    /// JSON: metadata, base score, and each tree as [feature, yes, no, value] rows (feature −1: a leaf).
    public func write(to url: URL) throws {
        let data = try JSONSerialization.data(withJSONObject: jsonObject(), options: [.sortedKeys, .prettyPrinted])
        try data.write(to: url)
    }

    /// The model as a JSON object (a file of its own, or the `trees` of a sentence model).
    public func jsonObject() -> [String: Any] {
        var obj = metadata
        obj["schema"] = 2
        obj["kind"] = obj["kind"] ?? "gradient-boosted trees"
        obj["hash_bits"] = CandidateBuilder.hashBits
        obj["base"] = base
        obj["threshold"] = threshold
        obj["trees"] = trees.map { $0.map { [$0.feature, $0.yes, $0.no, $0.value] as [Any] } }
        return obj
    }

    public init(url: URL) throws {
        let data = try Data(contentsOf: url)
        guard let obj = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw LexiconError(message: "\(url.path): not a pgx boosted-trees model (JSON); retrain with `pgx train`")
        }
        try self.init(json: obj, source: url.path)
    }

    public init(json obj: [String: Any], source: String) throws {
        guard (obj["schema"] as? Int) == 2, (obj["hash_bits"] as? Int) == CandidateBuilder.hashBits, let ts = obj["trees"] as? [[[Any]]] else {
            throw LexiconError(message: "\(source): not a pgx boosted-trees model (schema 2, hash_bits \(CandidateBuilder.hashBits)); "
                               + "retrain with `pgx train`")
        }
        var trees: [[Node]] = []
        for (ti, t) in ts.enumerated() {
            var nodes: [Node] = []
            for row in t {
                guard row.count == 4, let f = row[0] as? Int, let y = row[1] as? Int, let n = row[2] as? Int,
                      let v = (row[3] as? Double) ?? (row[3] as? Int).map(Double.init) else {
                    throw LexiconError(message: "\(source): tree \(ti) has a malformed node; retrain with `pgx train`")
                }
                nodes.append(Node(feature: f, yes: y, no: n, value: v))
            }
            // every split tests a feature hash and points further into its tree (children follow their
            // parent), or scoring would not end
            guard !nodes.isEmpty, nodes.indices.allSatisfy({ k in
                nodes[k].feature < 0 || (nodes[k].feature < 1 << CandidateBuilder.hashBits
                    && nodes[k].yes > k && nodes[k].no > k && nodes[k].yes < nodes.count && nodes[k].no < nodes.count)
            }) else {
                throw LexiconError(message: "\(source): tree \(ti) points outside itself; retrain with `pgx train`")
            }
            trees.append(nodes)
        }
        var meta = obj
        for k in ["trees", "base", "threshold", "schema", "hash_bits"] { meta.removeValue(forKey: k) }
        self.init(trees: trees, base: obj["base"] as? Double ?? 0, threshold: obj["threshold"] as? Double ?? 0.5, metadata: meta)
    }
}
