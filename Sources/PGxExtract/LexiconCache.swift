import Foundation
import PGxModel

/// The compiled lexicon (entries, both tries, the gene/rsID/drug tables) kept as one binary file, so a
/// run reads it in a few tens of milliseconds instead of parsing and sorting 230,000 TSV rows (about
/// 0.8 s, a tenth of extracting a 30,000-record baseline file).
///
/// - The file is named by an FNV-1a hash of the lexicon files' SHA-256 (`LexiconTable.sha256`), this
///   format's version and the pgx binary (path, size, date): a change to `rules/lexicons` or a new build makes a new name, so a
///   stale file is never read.
/// - Where: `$PGX_CACHE`, else `$XDG_CACHE_HOME/pgx`, else `~/.cache/pgx`; `PGX_CACHE=off` turns it
///   off. A cache that cannot be written (read-only home) is skipped without a word: the lexicon is
///   then built from the TSV files on every run, as before.
/// - A file that does not read back whole (truncated, another format) is ignored and rebuilt; the three
///   newest cache files are kept, older ones removed.
public enum LexiconCache {
    static let format = "pgx-lexicon-cache-6"

    /// The lexicon of `rules`, from the cache when it holds these lexicon files, else built and cached.
    public static func load(rules: URL) throws -> Lexicon {
        guard let url = cacheFile(rules: rules) else { return try Lexicon(rules: rules) }
        if let data = try? Data(contentsOf: url, options: .alwaysMapped), let lex = read(data) { return lex }
        let lex = try Lexicon(rules: rules)
        write(lex, to: url)
        return lex
    }

    /// Where the cache of these lexicon files lives (nil: caching is off or there is no home).
    public static func cacheFile(rules: URL) -> URL? {
        let env = ProcessInfo.processInfo.environment
        if env["PGX_CACHE"] == "off" { return nil }
        let dir: String
        if let d = env["PGX_CACHE"], !d.isEmpty { dir = d }
        else if let x = env["XDG_CACHE_HOME"], !x.isEmpty { dir = x + "/pgx" }
        else if let h = env["HOME"], !h.isEmpty { dir = h + "/.cache/pgx" }
        else { return nil }
        var hash = CandidateBuilder.fnvOffset   // the project's one FNV-1a
        func mix<C: Sequence>(_ bytes: C) where C.Element == UInt8 { CandidateBuilder.feed(&hash, bytes: bytes) }
        mix(format.utf8)
        // the program that builds the lexicon is part of the key too: a rebuilt pgx (whose folding or
        // ranking may have changed) makes its own cache once rather than trusting an older build's
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let program = FileManager.default.fileExists(atPath: exe.path) ? exe : Bundle.main.executableURL
        if let program, let a = try? FileManager.default.attributesOfItem(atPath: program.path) {
            mix("\(program.path)|\((a[.size] as? Int) ?? 0)|\((a[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)".utf8)
        }
        // the lexicon files by their SHA-256, read once per run: the digest a model records
        // (`LexiconTable.sha256`), which the stale-model check then takes from memory
        for t in LexiconTable.lexicon where !FileManager.default.fileExists(atPath: rules.appendingPathComponent("lexicons/\(t.file)").path) { return nil }
        mix(LexiconTable.sha256(rules: rules).utf8)
        return URL(fileURLWithPath: dir).appendingPathComponent("lexicon-" + String(hash, radix: 16) + ".bin")
    }

    // MARK: - Format (little-endian): magic, the string table's offset, the body, the string table

    static let magic = Array("PGXLEX3\n".utf8)

    /// Streams the body to a file (a megabyte at a time, so writing the cache adds little memory) and
    /// numbers the strings it references; the table of strings goes last.
    final class Writer {
        let handle: FileHandle
        var buffer: [UInt8] = []
        var written = 0
        var strings: [String] = []
        var index: [String: Int64] = [:]
        init(_ handle: FileHandle) { self.handle = handle; buffer.reserveCapacity(1 << 20) }
        func bytes(_ b: UnsafeRawBufferPointer) {
            if buffer.count + b.count > 1 << 20 { flush() }
            if b.count > 1 << 20 { handle.write(Data(b)); written += b.count } else { buffer.append(contentsOf: b) }
        }
        func flush() { handle.write(Data(buffer)); written += buffer.count; buffer.removeAll(keepingCapacity: true) }
        func int(_ v: Int) { withUnsafeBytes(of: Int64(v).littleEndian) { bytes($0) } }
        func str(_ s: String?) {
            guard let s else { int(-1); return }
            if let i = index[s] { int(Int(i)); return }
            let i = Int64(strings.count)
            strings.append(s); index[s] = i
            int(Int(i))
        }
        /// A table of names to lists of names (rsID → genes, named change → genes, symbol → genes), in key order.
        func multiMap(_ m: [String: [String]]) {
            int(m.count)
            for (k, v) in m.sorted(by: { $0.key < $1.key }) { str(k); int(v.count); for g in v { str(g) } }
        }
    }

    static func write(_ lex: Lexicon, to url: URL) {
        let tmp = url.appendingPathExtension("tmp-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: tmp.path, contents: nil) else { return }
            let handle = try FileHandle(forWritingTo: tmp)
            defer { try? handle.close() }
            let w = Writer(handle)
            magic.withUnsafeBytes { w.bytes($0) }
            w.int(0)   // the string table's offset, set at the end
            w.int(lex.entries.count)
            for e in lex.entries {
                w.str(e.kind.rawValue); w.str(e.name); w.str(e.id); w.str(e.xref); w.str(e.how)
                w.int(e.rank); w.int((e.pharmacogene ? 1 : 0) | (e.caseGuard ? 2 : 0))
            }
            lex.caseSensitive.serialize(w.bytes)
            lex.folded.serialize(w.bytes)
            w.multiMap(lex.rsidGenes)
            w.int(lex.starGenes.count)
            for g in lex.starGenes.sorted() { w.str(g) }
            w.multiMap(lex.namedVariantGenes)
            w.multiMap(lex.namedVariantRsids.mapValues { [$0] })
            w.multiMap(lex.sharedSymbols)
            w.int(lex.geneInfo.count)
            for (k, v) in lex.geneInfo.sorted(by: { $0.key < $1.key }) { w.str(k); w.str(v.hgnc); w.str(v.entrez); w.int(v.pgx ? 1 : 0) }
            w.int(lex.salts.count)
            for s in lex.salts.sorted() { w.str(s) }
            w.int(lex.drugIDs.count)
            for (k, v) in lex.drugIDs.sorted(by: { $0.key < $1.key }) { w.str(k); w.str(v.id); w.str(v.xref) }
            w.str(lex.version)
            w.flush()
            let tableOffset = w.written
            w.int(w.strings.count)
            for s in w.strings {
                var u = s
                u.withUTF8 { b in w.int(b.count); w.bytes(UnsafeRawBufferPointer(b)) }
            }
            w.flush()
            try handle.seek(toOffset: UInt64(magic.count))
            withUnsafeBytes(of: Int64(tableOffset).littleEndian) { handle.write(Data($0)) }
            try handle.close()
            // renamed into place, so a reader never sees half a file
            if rename(tmp.path, url.path) != 0 { try? FileManager.default.removeItem(at: tmp) }
            prune(url.deletingLastPathComponent(), keep: 3)
        } catch {
            try? FileManager.default.removeItem(at: tmp)
        }
    }

    /// Each lexicon edit leaves a file of ~35 MB behind: only the `keep` newest are kept.
    static func prune(_ dir: URL, keep: Int) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: dir.path) else { return }
        let files = names.filter { $0.hasPrefix("lexicon-") && $0.hasSuffix(".bin") }.map { dir.appendingPathComponent($0) }
        let dated = files.map { ($0, ((try? fm.attributesOfItem(atPath: $0.path)[.modificationDate]) as? Date) ?? .distantPast) }
        for (f, _) in dated.sorted(by: { $0.1 > $1.1 }).dropFirst(keep) { try? fm.removeItem(at: f) }
    }

    static func read(_ data: Data) -> Lexicon? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Lexicon? in
            var r = ByteReader(bytes: raw, offset: 0)
            func int() -> Int? { r.int() }
            guard raw.count >= magic.count + 8, Array(raw[0..<magic.count]) == magic else { return nil }
            r.offset = magic.count
            guard let tableOffset = int(), tableOffset > r.offset, tableOffset < raw.count else { return nil }
            let bodyStart = r.offset
            r.offset = tableOffset
            guard let ns = int(), ns >= 0 else { return nil }
            var strings: [String] = []
            strings.reserveCapacity(ns)
            for _ in 0..<ns {
                guard let n = int(), n >= 0, r.offset + n <= raw.count else { return nil }
                strings.append(String(decoding: UnsafeRawBufferPointer(rebasing: raw[r.offset..<(r.offset + n)]), as: UTF8.self))
                r.offset += n
            }
            // a string reference: nil for -1, nil (and `bad`) when out of range
            var bad = false
            func opt() -> String? {
                guard let i = int() else { bad = true; return nil }
                if i == -1 { return nil }
                guard i >= 0 && i < strings.count else { bad = true; return nil }
                return strings[i]
            }
            func req() -> String { opt() ?? { bad = true; return "" }() }
            guard r.offset == raw.count else { return nil }
            r.offset = bodyStart
            guard let ne = int(), ne >= 0 else { return nil }
            var entries: [LexEntry] = []
            entries.reserveCapacity(ne)
            var sources: [String: String] = [:]
            for _ in 0..<ne {
                let kind = Mention.Kind(rawValue: req()), name = req(), id = opt(), xref = opt(), how = req()
                guard let rank = int(), let flags = int(), let kind, !bad else { return nil }
                var e = LexEntry(kind: kind, name: name, id: id, xref: xref, how: how, pharmacogene: flags & 1 != 0, rank: rank)
                e.caseGuard = flags & 2 != 0
                if sources[how] == nil { sources[how] = "lexicon:" + how }
                e.source = sources[how]!
                entries.append(e)
            }
            guard let cs = PackedTrie(reading: &r), let ci = PackedTrie(reading: &r) else { return nil }
            func multiMap() -> [String: [String]]? {
                guard let n = int(), n >= 0 else { return nil }
                var m: [String: [String]] = [:]
                for _ in 0..<n {
                    let k = req()
                    guard let c = int(), c >= 0 else { return nil }
                    m[k] = (0..<c).map { _ in req() }
                }
                return m
            }
            guard let rs = multiMap(), let nst = int() else { return nil }
            let star = Set((0..<nst).map { _ in req() })
            guard let named = multiMap(), let namedRsids = multiMap(), let shared = multiMap() else { return nil }
            guard let ng = int() else { return nil }
            var geneInfo: [String: (hgnc: String?, entrez: String?, pgx: Bool)] = [:]
            geneInfo.reserveCapacity(ng)
            for _ in 0..<ng {
                let k = req(), h = opt(), e = opt()
                guard let p = int() else { return nil }
                geneInfo[k] = (h, e, p == 1)
            }
            guard let nsa = int() else { return nil }
            let salts = Set((0..<nsa).map { _ in req() })
            guard let nd = int() else { return nil }
            var drugIDs: [String: (id: String?, xref: String?)] = [:]
            for _ in 0..<nd {
                let k = req(), i = opt(), x = opt()
                drugIDs[k] = (i, x)
            }
            let version = req()
            guard !bad, r.offset == tableOffset else { return nil }
            return Lexicon(entries: entries, caseSensitive: cs, folded: ci, rsidGenes: rs, starGenes: star, namedVariantGenes: named,
                           namedVariantRsids: namedRsids.compactMapValues(\.first), sharedSymbols: shared, geneInfo: geneInfo,
                           salts: salts, drugIDs: drugIDs, version: version)
        }
    }
}

/// Reads the cache's little-endian integers and raw tables at a moving offset; nil where they would
/// run past the end.
struct ByteReader {
    let bytes: UnsafeRawBufferPointer
    var offset: Int

    mutating func int() -> Int? {
        guard offset + 8 <= bytes.count else { return nil }
        let v = Int(Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: Int64.self)))
        offset += 8
        return v
    }

    /// `count` values of `T` copied into a new buffer (the caller owns it).
    mutating func buffer<T>(of: T.Type, count: Int) -> UnsafeMutableBufferPointer<T>? {
        let size = count * MemoryLayout<T>.stride
        guard count >= 0, offset + size <= bytes.count else { return nil }
        let out = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
        UnsafeMutableRawBufferPointer(out).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + size)]))
        offset += size
        return out
    }
}
