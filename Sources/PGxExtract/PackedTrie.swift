/// A read-only trie over Unicode scalars in flat arrays: children of a node are contiguous and sorted,
/// found by binary search. About 16 bytes per node; no per-node allocation.
/// - Complexity: build O(total key length · log); `child` O(log fan-out).
struct PackedTrie {
    private(set) var labels: [UInt32] = [0]
    private(set) var firstChild: [Int32] = [0]
    private(set) var childCount: [Int32] = [0]
    /// Payload index for a node that ends a key, or -1.
    private(set) var payload: [Int32] = [-1]

    static let root = 0

    init() {}

    /// Builds from (key, payload) pairs; keys must be unique.
    init(_ entries: [([UInt32], Int32)]) {
        let sorted = entries.sorted { a, b in a.0.lexicographicallyPrecedes(b.0) }
        labels = [0]; firstChild = [0]; childCount = [0]; payload = [-1]
        labels.reserveCapacity(sorted.count * 6)
        // Breadth-first: (node, lo, hi, depth) over the sorted keys that share the node's prefix.
        var queue: [(Int, Int, Int, Int)] = [(0, 0, sorted.count, 0)]
        var head = 0
        while head < queue.count {
            let (node, lo0, hi, depth) = queue[head]
            head += 1
            var lo = lo0
            if lo < hi && sorted[lo].0.count == depth {
                payload[node] = sorted[lo].1
                lo += 1
            }
            let first = labels.count
            var i = lo
            var n = 0
            while i < hi {
                let c = sorted[i].0[depth]
                var j = i + 1
                while j < hi && sorted[j].0[depth] == c { j += 1 }
                labels.append(c); firstChild.append(0); childCount.append(0); payload.append(-1)
                queue.append((labels.count - 1, i, j, depth + 1))
                n += 1
                i = j
            }
            firstChild[node] = Int32(first)
            childCount[node] = Int32(n)
        }
        for k in 0..<Int(childCount[0]) {
            let idx = Int(firstChild[0]) + k
            if labels[idx] < 128 { rootASCII[Int(labels[idx])] = Int32(idx) }
        }
    }

    /// Children of the root for ASCII labels, looked up directly.
    private var rootASCII = [Int32](repeating: -1, count: 128)

    @inline(__always)
    func child(_ node: Int, _ c: UInt32) -> Int {
        if node == 0 && c < 128 { return Int(rootASCII[Int(c)]) }
        var lo = Int(firstChild[node])
        var hi = lo + Int(childCount[node])
        while lo < hi {
            let mid = (lo + hi) >> 1
            let l = labels[mid]
            if l == c { return mid }
            if l < c { lo = mid + 1 } else { hi = mid }
        }
        return -1
    }

    @inline(__always)
    func value(_ node: Int) -> Int32 { payload[node] }

    var nodeCount: Int { labels.count }
}
