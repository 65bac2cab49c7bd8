/// A read-only trie over Unicode scalars in one buffer of 16-byte nodes: children of a node are
/// contiguous and sorted, found by binary search; the first two ASCII steps of a walk are table lookups.
/// No per-node allocation. A final class, so the matcher's hot loop holds one reference rather than
/// retaining its buffers for every start position.
/// - Complexity: build O(total key length · log); `child` O(log fan-out).
final class PackedTrie: @unchecked Sendable {
    let nodeCount: Int

    static let root = 0

    /// Builds from (key, payload) pairs; keys must be unique.
    init(_ entries: [([UInt32], Int32)]) {
        // Keys copied into one flat buffer and sorted as indices (sorting the arrays themselves moved and
        // released a heap object per key and was half of the build).
        var flat: [UInt32] = [], offs: [Int] = [], lens: [Int] = []
        flat.reserveCapacity(entries.count * 12); offs.reserveCapacity(entries.count); lens.reserveCapacity(entries.count)
        for (k, _) in entries { offs.append(flat.count); lens.append(k.count); flat.append(contentsOf: k) }
        var order = Array(0..<entries.count)
        // built in an array, then copied into an exact-size buffer (the array is freed)
        var nodes = [Node(label: 0, first: 0, count: 0, payload: -1)]
        nodes.reserveCapacity(flat.count + 1)   // a trie has at most one node per key character (untouched capacity costs no memory)
        flat.withUnsafeBufferPointer { f in offs.withUnsafeBufferPointer { offs in lens.withUnsafeBufferPointer { lens in
            order.sort { a, b in
                let la = lens[a], lb = lens[b], oa = offs[a], ob = offs[b]
                var i = 0
                while i < la && i < lb {
                    let x = f[oa + i], y = f[ob + i]
                    if x != y { return x < y }
                    i += 1
                }
                return la < lb
            }
            order.withUnsafeBufferPointer { order in
                @inline(__always) func len(_ r: Int) -> Int { lens[order[r]] }
                @inline(__always) func at(_ r: Int, _ d: Int) -> UInt32 { f[offs[order[r]] + d] }
                // Breadth-first: (node, lo, hi, depth) over the sorted keys that share the node's prefix.
                var queue: [(Int, Int, Int, Int)] = [(0, 0, entries.count, 0)]
                var head = 0
                while head < queue.count {
                    let (node, lo0, hi, depth) = queue[head]
                    head += 1
                    var lo = lo0
                    if lo < hi && len(lo) == depth {
                        nodes[node].payload = entries[order[lo]].1
                        lo += 1
                    }
                    let first = nodes.count
                    var i = lo
                    var n = 0
                    while i < hi {
                        let c = at(i, depth)
                        var j = i + 1
                        while j < hi && at(j, depth) == c { j += 1 }
                        nodes.append(Node(label: c, first: 0, count: 0, payload: -1))
                        queue.append((nodes.count - 1, i, j, depth + 1))
                        n += 1
                        i = j
                    }
                    nodes[node].first = Int32(first)
                    nodes[node].count = Int32(n)
                }
            }
        } } }
        // Direct tables: the root's ASCII children, and the ASCII children of the root's children
        // (nodes 1...rootKids in breadth-first numbering), so the first two characters of every walk
        // cost two loads.
        func fill(_ table: UnsafeMutableBufferPointer<Int32>, at base: Int, childrenOf node: Int) {
            for idx in Int(nodes[node].first)..<Int(nodes[node].first + nodes[node].count) where nodes[idx].label < 128 {
                table[base + Int(nodes[idx].label)] = Int32(idx)
            }
        }
        pRoot = UnsafeMutableBufferPointer.allocate(capacity: 128)
        pRoot.initialize(repeating: -1)
        fill(pRoot, at: 0, childrenOf: 0)
        rootKids = Int(nodes[0].count)
        pDepth1 = UnsafeMutableBufferPointer.allocate(capacity: max(rootKids, 1) * 128)
        pDepth1.initialize(repeating: -1)
        for node in 1..<(rootKids + 1) { fill(pDepth1, at: (node - 1) * 128, childrenOf: node) }
        pNodes = UnsafeMutableBufferPointer.allocate(capacity: nodes.count)
        _ = pNodes.initialize(from: nodes)
        nodeCount = nodes.count
        buildRunFilter()
    }

    deinit { pNodes.deallocate(); pRoot.deallocate(); pDepth1.deallocate(); runFilter.deallocate() }
    private let rootKids: Int

    /// The trie's tables as bytes, for the compiled-lexicon cache: node count, root children count,
    /// then the nodes, the root table and the second-level table, handed to `sink` piece by piece.
    func serialize(_ sink: (UnsafeRawBufferPointer) -> Void) {
        withUnsafeBytes(of: Int64(nodeCount).littleEndian) { sink($0) }
        withUnsafeBytes(of: Int64(rootKids).littleEndian) { sink($0) }
        sink(UnsafeRawBufferPointer(pNodes))
        sink(UnsafeRawBufferPointer(pRoot))
        sink(UnsafeRawBufferPointer(pDepth1))
    }

    /// A trie read back from `serialize`'s bytes; nil if they do not fit.
    init?(reading r: inout ByteReader) {
        guard let n = r.int(), let kids = r.int(), n > 0, kids >= 0, kids < n,
              let nodes = r.buffer(of: Node.self, count: n) else { return nil }
        guard let root = r.buffer(of: Int32.self, count: 128) else { nodes.deallocate(); return nil }
        guard let depth1 = r.buffer(of: Int32.self, count: max(kids, 1) * 128) else { nodes.deallocate(); root.deallocate(); return nil }
        nodeCount = n
        rootKids = kids
        pNodes = nodes
        pRoot = root
        pDepth1 = depth1
        buildRunFilter()
    }

    // MARK: - First-run filter

    /// One bit per hash of a key's first run of ASCII letters and digits (the labels from the root up to
    /// the first other character or the key's end). A walk that starts on such a run in the text can only
    /// match a key whose first run is that whole run (a key ends on a word boundary, and the characters
    /// after the run are not ASCII letters or digits), so a clear bit means no walk. 2^21 bits (256 KB);
    /// the matcher reads both tries' filters interleaved (`pairedRunFilter`).
    private var runFilter = UnsafeMutableBufferPointer<UInt64>(start: nil, count: 0)
    static let runFilterBits = 21

    @inline(__always) static func isASCIIAlnum(_ v: UInt32) -> Bool { v &- 97 < 26 || v &- 48 < 10 || v &- 65 < 26 }
    /// FNV-1a over one more character of a run (the text side hashes the same way).
    @inline(__always) static func runHash(_ h: UInt64, _ v: UInt32) -> UInt64 { (h ^ UInt64(v)) &* 0x100000001b3 }
    static let runHashStart: UInt64 = 0xcbf29ce484222325

    /// Sets the filter's bits: a depth-first walk over the ASCII letter/digit edges from the root.
    private func buildRunFilter() {
        runFilter = UnsafeMutableBufferPointer.allocate(capacity: (1 << PackedTrie.runFilterBits) / 64)
        runFilter.initialize(repeating: 0)
        var stack: [(Int, UInt64)] = [(PackedTrie.root, PackedTrie.runHashStart)]
        while let (node, h) = stack.popLast() {
            let n = pNodes[node]
            var endsRun = node != PackedTrie.root && n.payload >= 0
            for c in Int(n.first)..<Int(n.first + n.count) {
                let l = pNodes[c].label
                if PackedTrie.isASCIIAlnum(l) { stack.append((c, PackedTrie.runHash(h, l))) } else { endsRun = true }
            }
            if endsRun && node != PackedTrie.root {
                let b = PackedTrie.runBucket(h)
                runFilter[b >> 6] |= 1 << UInt64(b & 63)
            }
        }
    }
    private var pDepth1 = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)

    /// One node: its label (the scalar on the edge into it), its children (contiguous, sorted by label)
    /// and its payload. A node's fields sit together, and a binary search over children reads the
    /// child's label where the child's own fields are: one cache line per step instead of four arrays.
    struct Node { var label: UInt32; var first: Int32; var count: Int32; var payload: Int32 }

    // The tables as raw buffers for lookups (no bounds or uniqueness checks in the hot loop).
    private var pNodes = UnsafeMutableBufferPointer<Node>(start: nil, count: 0)
    private var pRoot = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)

    /// The lookup tables as plain pointers, valid while the trie lives: a value the matcher copies freely,
    /// where a reference to the trie was retained and released at every start position (2% of an
    /// extraction's CPU).
    struct View {
        fileprivate let nodes: UnsafeMutableBufferPointer<Node>
        fileprivate let root: UnsafeMutableBufferPointer<Int32>
        fileprivate let depth1: UnsafeMutableBufferPointer<Int32>
        fileprivate let rootKids: Int

        @inline(__always)
        func child(_ node: Int, _ c: UInt32) -> Int {
            if c < 128 {
                if node == 0 { return Int(root[Int(c)]) }
                if node <= rootKids { return Int(depth1[(node - 1) * 128 + Int(c)]) }
            }
            let n = nodes[node]
            var lo = Int(n.first)
            var hi = lo + Int(n.count)
            while lo < hi {
                let mid = (lo + hi) >> 1
                let l = nodes[mid].label
                if l == c { return mid }
                if l < c { lo = mid + 1 } else { hi = mid }
            }
            return -1
        }

        @inline(__always)
        func value(_ node: Int) -> Int32 { nodes[node].payload }
    }

    var view: View { View(nodes: pNodes, root: pRoot, depth1: pDepth1, rootKids: rootKids) }

    /// Two tries' first-run filters interleaved, two bits per bucket (`exact`'s, then `folded`'s), so that
    /// a run of lower-case letters and digits, which hashes alike for both, asks both in one read.
    /// The caller owns the buffer.
    static func pairedRunFilter(exact: PackedTrie, folded: PackedTrie) -> UnsafeMutableBufferPointer<UInt64> {
        let buckets = 1 << runFilterBits
        let out = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: buckets / 32)
        out.initialize(repeating: 0)
        for b in 0..<buckets {
            let e = exact.runFilter[b >> 6] >> UInt64(b & 63) & 1, f = folded.runFilter[b >> 6] >> UInt64(b & 63) & 1
            out[b >> 5] |= (e | f << 1) << UInt64((b & 31) * 2)
        }
        return out
    }

    /// The bucket of a run hash in the filters.
    @inline(__always) static func runBucket(_ h: UInt64) -> Int {
        Int(truncatingIfNeeded: (h ^ (h >> 29)) & ((1 << runFilterBits) - 1))
    }

}
