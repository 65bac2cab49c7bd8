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

    public init(weights: [Float], bias: Float, threshold: Double, metadata: [String: Any] = [:]) {
        self.weights = weights; self.bias = bias; self.threshold = threshold; self.metadata = metadata
    }

    public func probability(_ features: [Int]) -> Double {
        var z = bias
        for i in features { z += weights[i] }
        return 1 / (1 + exp(-Double(z)))
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

    /// Writes the model as JSON: metadata, bias, threshold, and the non-zero weights by feature index.
    public func write(to url: URL) throws {
        var obj = metadata
        obj["schema"] = 1
        obj["hash_bits"] = CandidateBuilder.hashBits
        obj["bias"] = (Double(bias) * 1e6).rounded() / 1e6
        obj["threshold"] = threshold
        var ws: [String: Double] = [:]
        for (i, x) in weights.enumerated() where abs(x) >= 1e-5 { ws[String(i)] = (Double(x) * 1e6).rounded() / 1e6 }
        obj["weights"] = ws
        let data = try JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys, .prettyPrinted])
        try data.write(to: url)
    }

    public init(url: URL) throws {
        let data = try Data(contentsOf: url)
        guard let obj = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              (obj["hash_bits"] as? Int) == CandidateBuilder.hashBits, let ws = obj["weights"] as? [String: Double] else {
            throw LexiconError(message: "\(url.path): not a pgx model (schema 1, hash_bits \(CandidateBuilder.hashBits)); retrain with `pgx train`")
        }
        var w = [Float](repeating: 0, count: 1 << CandidateBuilder.hashBits)
        for (k, v) in ws { if let i = Int(k), i < w.count { w[i] = Float(v) } }
        var meta = obj
        meta.removeValue(forKey: "weights")
        self.init(weights: w, bias: Float(obj["bias"] as? Double ?? 0), threshold: obj["threshold"] as? Double ?? 0.5, metadata: meta)
    }
}
