/// A read-only trie over Unicode scalars in flat arrays: children of a node are contiguous and sorted,
/// found by binary search. About 16 bytes per node; no per-node allocation.
/// A final class, so the matcher's hot loop holds one reference rather than retaining five arrays
/// for every start position.
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
        var labels: [UInt32] = [0], firstChild: [Int32] = [0], childCount: [Int32] = [0]
        var payload: [Int32] = [-1]   // payload index for a node that ends a key, or -1
        var rootASCII = [Int32](repeating: -1, count: 128)
        labels.reserveCapacity(entries.count * 6)
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
                        payload[node] = entries[order[lo]].1
                        lo += 1
                    }
                    let first = labels.count
                    var i = lo
                    var n = 0
                    while i < hi {
                        let c = at(i, depth)
                        var j = i + 1
                        while j < hi && at(j, depth) == c { j += 1 }
                        labels.append(c); firstChild.append(0); childCount.append(0); payload.append(-1)
                        queue.append((labels.count - 1, i, j, depth + 1))
                        n += 1
                        i = j
                    }
                    firstChild[node] = Int32(first)
                    childCount[node] = Int32(n)
                }
            }
        } } }
        for k in 0..<Int(childCount[0]) {
            let idx = Int(firstChild[0]) + k
            if labels[idx] < 128 { rootASCII[Int(labels[idx])] = Int32(idx) }
        }
        pNodes = UnsafeMutableBufferPointer.allocate(capacity: labels.count)
        for i in 0..<labels.count {
            pNodes[i] = Node(label: labels[i], first: firstChild[i], count: childCount[i], payload: payload[i])
        }
        pRoot = UnsafeMutableBufferPointer.allocate(capacity: 128); _ = pRoot.initialize(from: rootASCII)   // root's ASCII children, direct
        // The root's children are nodes 1...rootKids (breadth-first numbering); their ASCII children are
        // direct too: the first two characters of every walk cost two loads.
        rootKids = Int(childCount[0])
        pDepth1 = UnsafeMutableBufferPointer.allocate(capacity: max(rootKids, 1) * 128)
        pDepth1.initialize(repeating: -1)
        for node in 1..<(rootKids + 1) {
            for k in 0..<Int(childCount[node]) {
                let idx = Int(firstChild[node]) + k
                if labels[idx] < 128 { pDepth1[(node - 1) * 128 + Int(labels[idx])] = Int32(idx) }
            }
        }
        nodeCount = labels.count
    }

    deinit { pNodes.deallocate(); pRoot.deallocate(); pDepth1.deallocate() }
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

    /// A trie read back from `serialize`'s bytes at `offset` (advanced past them); nil if they do not fit.
    init?(bytes: UnsafeRawBufferPointer, offset: inout Int) {
        func get() -> Int? {
            guard offset + 8 <= bytes.count else { return nil }
            let v = Int(Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int64.self)))
            offset += 8
            return v
        }
        guard let n = get(), let kids = get(), n > 0, kids >= 0, kids < n else { return nil }
        let nodeBytes = n * MemoryLayout<Node>.stride, depthCount = max(kids, 1) * 128
        guard offset + nodeBytes + 128 * 4 + depthCount * 4 <= bytes.count else { return nil }
        nodeCount = n
        rootKids = kids
        pNodes = UnsafeMutableBufferPointer.allocate(capacity: n)
        UnsafeMutableRawBufferPointer(pNodes).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + nodeBytes)]))
        offset += nodeBytes
        pRoot = UnsafeMutableBufferPointer.allocate(capacity: 128)
        UnsafeMutableRawBufferPointer(pRoot).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + 512)]))
        offset += 512
        pDepth1 = UnsafeMutableBufferPointer.allocate(capacity: depthCount)
        UnsafeMutableRawBufferPointer(pDepth1).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + depthCount * 4)]))
        offset += depthCount * 4
    }
    private var pDepth1 = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)

    /// One node: its label (the scalar on the edge into it), its children (contiguous, sorted by label)
    /// and its payload. A node's fields sit together, and a binary search over children reads the
    /// child's label where the child's own fields are: one cache line per step instead of four arrays.
    struct Node { var label: UInt32; var first: Int32; var count: Int32; var payload: Int32 }

    // The tables as raw buffers for lookups (no bounds or uniqueness checks in the hot loop).
    private var pNodes = UnsafeMutableBufferPointer<Node>(start: nil, count: 0)
    private var pRoot = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)

    @inline(__always)
    func child(_ node: Int, _ c: UInt32) -> Int {
        if c < 128 {
            if node == 0 { return Int(pRoot[Int(c)]) }
            if node <= rootKids { return Int(pDepth1[(node - 1) * 128 + Int(c)]) }
        }
        let n = pNodes[node]
        var lo = Int(n.first)
        var hi = lo + Int(n.count)
        while lo < hi {
            let mid = (lo + hi) >> 1
            let l = pNodes[mid].label
            if l == c { return mid }
            if l < c { lo = mid + 1 } else { hi = mid }
        }
        return -1
    }

    @inline(__always)
    func value(_ node: Int) -> Int32 { pNodes[node].payload }

}
