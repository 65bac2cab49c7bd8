import Foundation
import PGxModel

/// Logistic regression over hashed binary features of a candidate pair: the statistical half of the
/// classifier. Pattern cues enter as features, so rules and model give one calibrated probability.
///
/// Training is deterministic: examples in input order, shuffled each epoch by a seeded SplitMix64,
/// plain SGD with L2 — the same data gives the same model file byte for byte.
/// - Complexity: predict O(features); train O(epochs · examples · features).
public struct PairModel: @unchecked Sendable {
    public var weights: [Float]
    public var bias: Float
    /// Default confidence cut for output (chosen on cross-validation folds at training time).
    public var threshold: Double
    public var metadata: [String: Any]
    /// Platt scaling of the score, fitted on out-of-fold predictions: the probability is
    /// σ(a·z + b) for the linear score z. Training weighs positives up (for recall), which skews the raw
    /// σ(z) upwards; the scaling makes the confidence a probability again, on the scale the
    /// document-level models use. Identity (1, 0) for models trained without class weights.
    public var calibration: (a: Double, b: Double) = (1, 0)

    /// Boosted trees over the same features, blended with the linear score: each score standardized by
    /// the mean and spread it had out of fold, the two added (`score`). Trees learn what the sum of
    /// weights cannot (a word that matters only between a variant and its drug); the linear part keeps
    /// the rare words the trees never split on.
    public var trees: BoostedTrees?
    public var blend: Blend?
    public struct Blend: Sendable { public var linearMean, linearSD, treeMean, treeSD: Double
        public init(linearMean: Double, linearSD: Double, treeMean: Double, treeSD: Double) {
            self.linearMean = linearMean; self.linearSD = linearSD; self.treeMean = treeMean; self.treeSD = treeSD
        }
        /// Mean and spread of each score over out-of-fold predictions.
        public init(linear: [Double], tree: [Double]) {
            func stats(_ a: [Double]) -> (Double, Double) {
                let m = a.reduce(0, +) / Double(max(a.count, 1))
                let v = a.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(max(a.count, 1))
                return ((m * 1e6).rounded() / 1e6, (max(v.squareRoot(), 1e-6) * 1e6).rounded() / 1e6)
            }
            (linearMean, linearSD) = stats(linear)
            (treeMean, treeSD) = stats(tree)
        }
        public func combine(linear: Double, tree: Double) -> Double { (linear - linearMean) / linearSD + (tree - treeMean) / treeSD }
    }

    public init(weights: [Float], bias: Float, threshold: Double, metadata: [String: Any] = [:]) {
        self.weights = weights; self.bias = bias; self.threshold = threshold; self.metadata = metadata
    }

    /// The linear score (log-odds before calibration).
    public func linearScore(_ features: [Int]) -> Double {
        var z = bias
        for i in features { z += weights[i] }
        return Double(z)
    }

    /// The score before calibration: the linear score, blended with the trees' when the model has them.
    public func score(_ features: [Int]) -> Double {
        let z = linearScore(features)
        guard let trees, let blend else { return z }
        return blend.combine(linear: z, tree: trees.score(features))
    }

    public func probability(_ features: [Int]) -> Double { PairModel.probability(score: score(features), calibration) }

    /// The calibrated probability of a score (linear, or blended with the trees').
    public static func probability(score z: Double, _ calibration: (a: Double, b: Double)) -> Double {
        1 / (1 + exp(-(calibration.a * z + calibration.b)))
    }

    /// Fits Platt scaling (a, b) to scores and labels: Newton's method on the log loss, each step halved
    /// until the loss goes down.
    public static func platt(_ scores: [Double], _ labels: [Bool]) -> (a: Double, b: Double) {
        func loss(_ a: Double, _ b: Double) -> Double {
            var l = 0.0
            for (z, y) in zip(scores, labels) {
                let t = a * z + b
                // log(1 + e^-t) for y, log(1 + e^t) otherwise, written to stay finite
                let m = y ? -t : t
                l += m > 0 ? m + log1p(exp(-m)) : log1p(exp(m))
            }
            return l
        }
        var a = 1.0, b = 0.0
        var current = loss(a, b)
        for _ in 0..<100 {
            var ga = 0.0, gb = 0.0, haa = 1e-9, hab = 0.0, hbb = 1e-9
            for (z, y) in zip(scores, labels) {
                let p = PairModel.probability(score: z, (a, b))
                let r = p - (y ? 1 : 0), w = p * (1 - p)
                ga += r * z; gb += r
                haa += w * z * z; hab += w * z; hbb += w
            }
            let det = haa * hbb - hab * hab
            guard det > 1e-12 else { break }
            var da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det
            var improved = false
            for _ in 0..<30 {
                let l = loss(a - da, b - db)
                if l < current { a -= da; b -= db; improved = current - l > 1e-10; current = l; break }
                da /= 2; db /= 2
            }
            if !improved { break }
        }
        return ((a * 1e6).rounded() / 1e6, (b * 1e6).rounded() / 1e6)
    }

    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E3779B97F4A7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
            z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
            return z ^ (z >> 31)
        }
    }

    public static func train(_ examples: [(features: [Int], label: Bool)], epochs: Int = 12, seed: UInt64 = 20261125,
                             l2: Float = 1e-5, rate: Float = 0.1, balance: Bool = true) -> PairModel {
        var w = [Float](repeating: 0, count: 1 << CandidateBuilder.hashBits)
        var b: Float = 0
        var order = Array(examples.indices)
        var rng = SplitMix64(state: seed)
        let pos = examples.filter(\.label).count
        // Balance classes a little: positives weigh by neg/pos, capped.
        let posWeight = balance ? Float(min(3.0, max(1.0, Double(examples.count - pos) / Double(max(pos, 1))))) : 1
        for epoch in 0..<epochs {
            for i in stride(from: order.count - 1, to: 0, by: -1) {
                let j = Int(rng.next() % UInt64(i + 1))
                order.swapAt(i, j)
            }
            let lr = rate / Float(1 + epoch)
            for idx in order {
                let (f, y) = examples[idx]
                var z = b
                for k in f { z += w[k] }
                let p = 1 / (1 + exp(-z))
                let g = (p - (y ? 1 : 0)) * (y ? posWeight : 1)
                b -= lr * g
                for k in f { w[k] -= lr * (g + l2 * w[k]) }
            }
        }
        return PairModel(weights: w, bias: b, threshold: 0.5)
    }

    // MARK: - File format

    /// Reads the `"weights" : { "index" : value, ... }` object of a model file into `w` and replaces it
    /// in `data` by an empty object. False, with `data` and `w` untouched, when the object is not in the
    /// form `write(to:)` gives it (then JSONSerialization reads it).
    static func scanWeights(_ data: inout Data, into w: inout [Float]) -> Bool {
        let key = Array("\"weights\"".utf8)
        let found = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> (Range<Int>, [(Int, Float)])? in
            let b = raw.bindMemory(to: UInt8.self)
            let n = b.count
            // the key at the top level of the object: the file is pretty-printed with two spaces
            var start = -1
            var i = 0
            while i + key.count + 3 <= n {
                if b[i] == 0x0A && b[i + 1] == 0x20 && b[i + 2] == 0x20 && b[i + 3] == 0x22 {
                    var match = true
                    for k in 0..<key.count where b[i + 3 + k] != key[k] { match = false; break }
                    if match { start = i + 3; break }
                }
                i += 1
            }
            guard start >= 0 else { return nil }
            var p = start + key.count
            func skipSpace() { while p < n && (b[p] == 0x20 || b[p] == 0x0A || b[p] == 0x0D || b[p] == 0x09) { p += 1 } }
            skipSpace(); guard p < n && b[p] == 0x3A else { return nil }; p += 1
            skipSpace(); guard p < n && b[p] == 0x7B else { return nil }; p += 1
            let open = p
            var entries: [(Int, Float)] = []
            while true {
                skipSpace()
                guard p < n else { return nil }
                if b[p] == 0x7D { break }
                guard b[p] == 0x22 else { return nil }
                p += 1
                var index = 0, digits = 0
                while p < n && b[p] >= 0x30 && b[p] <= 0x39 { index = index * 10 + Int(b[p] - 0x30); p += 1; digits += 1 }
                guard digits > 0, digits < 10, p < n, b[p] == 0x22 else { return nil }
                p += 1
                skipSpace(); guard p < n && b[p] == 0x3A else { return nil }; p += 1
                skipSpace()
                let s = p
                while p < n && (b[p] == 0x2D || b[p] == 0x2B || b[p] == 0x2E || b[p] == 0x65 || b[p] == 0x45 || (b[p] >= 0x30 && b[p] <= 0x39)) { p += 1 }
                guard p > s, let v = Double(String(decoding: UnsafeBufferPointer(rebasing: b[s..<p]), as: UTF8.self)) else { return nil }
                guard index < w.count else { return nil }
                entries.append((index, Float(v)))
                skipSpace()
                if p < n && b[p] == 0x2C { p += 1 }
            }
            return (open..<p, entries)
        }
        guard let (range, entries) = found else { return false }
        for (k, v) in entries { w[k] = v }
        data.replaceSubrange(data.startIndex + range.lowerBound..<data.startIndex + range.upperBound, with: [UInt8]())
        return true
    }

    /// Writes the model as JSON: metadata, bias, threshold, and the non-zero weights by feature index.
    public func write(to url: URL) throws {
        var obj = metadata
        obj["schema"] = 1
        obj["hash_bits"] = CandidateBuilder.hashBits
        obj["bias"] = (Double(bias) * 1e6).rounded() / 1e6
        obj["threshold"] = threshold
        if calibration != (1, 0) { obj["calibration"] = ["a": calibration.a, "b": calibration.b] }
        if let trees, let blend {
            obj["trees"] = trees.jsonObject()
            obj["blend"] = ["linear_mean": blend.linearMean, "linear_sd": blend.linearSD, "tree_mean": blend.treeMean, "tree_sd": blend.treeSD]
        }
        var ws: [String: Double] = [:]
        for (i, x) in weights.enumerated() where abs(x) >= 1e-5 { ws[String(i)] = (Double(x) * 1e6).rounded() / 1e6 }
        obj["weights"] = ws
        let data = try JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys, .prettyPrinted])
        try data.write(to: url)
    }

    public init(url: URL) throws {
        var data = try Data(contentsOf: url)
        // The weights (tens of thousands of "index" : value entries) are read by a scanner of their own
        // and cut out before Foundation parses the rest: JSONSerialization took 0.07-0.10 s per model, at
        // the start of every run.
        var w = [Float](repeating: 0, count: 1 << CandidateBuilder.hashBits)
        let scanned = PairModel.scanWeights(&data, into: &w)
        guard let obj = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              (obj["hash_bits"] as? Int) == CandidateBuilder.hashBits, let ws = obj["weights"] as? [String: Double] else {
            throw LexiconError(message: "\(url.path): not a pgx model (schema 1, hash_bits \(CandidateBuilder.hashBits)); retrain with `pgx train`")
        }
        if !scanned { for (k, v) in ws { if let i = Int(k), i < w.count { w[i] = Float(v) } } }
        var meta = obj
        meta.removeValue(forKey: "weights")
        self.init(weights: w, bias: Float(obj["bias"] as? Double ?? 0), threshold: obj["threshold"] as? Double ?? 0.5, metadata: meta)
        if let c = obj["calibration"] as? [String: Double], let a = c["a"], let b = c["b"] { calibration = (a, b) }
        metadata.removeValue(forKey: "calibration")
        if let t = obj["trees"] as? [String: Any] {
            guard let b = obj["blend"] as? [String: Double], let lm = b["linear_mean"], let ls = b["linear_sd"], let tm = b["tree_mean"],
                  let tsd = b["tree_sd"], ls > 0, tsd > 0 else {
                throw LexiconError(message: "\(url.path): trees without a valid blend; retrain with `pgx train`")
            }
            trees = try BoostedTrees(json: t, source: url.path)
            blend = Blend(linearMean: lm, linearSD: ls, treeMean: tm, treeSD: tsd)
        }
        metadata.removeValue(forKey: "trees")
        metadata.removeValue(forKey: "blend")
    }
}
