import Foundation
import PGxModel
import PGxText

/// Pattern rules from `rules/patterns/patterns.json`: cue phrases for effect categories, directions,
/// negation, speculation and association. Rules are data; this only matches them.
public struct CueRule: Sendable {
    public enum Kind: String, Sendable, CaseIterable { case category, direction, negation, speculation, association }
    public var id: String
    public var kind: Kind
    public var category: EffectCategory?
    public var direction: EffectDirection?
    /// A category cue that names what the drug should prevent ("resistance", "relapse"): more of it
    /// means less of the effect, so the direction found near it is flipped.
    public var inverse: Bool = false
    /// Whether the pair classifier sees the rule's hits as features (`"model_feature": false` in the
    /// file: the rule sets its flag on the output only, as a rule written for reviewers rather than
    /// for ranking).
    public var modelFeature: Bool = true
    /// The rule's cues count only as the sentence's first words (`"at_start": true`), and not in a
    /// sentence that has any of the words of `"unless"` (a trailing * matches any ending).
    public var atStart: Bool = false
    public var unless: [String] = []
    /// Each cue as lower-case words; a word ending in "*" is a prefix.
    var cues: [[String]]
    /// What the rule is for, and sentences it should match (checked by `CueMatcher.problems`).
    public var description: String = ""
    public var examples: [String] = []
    /// The cues as written in the file.
    public var written: [String] = []

    /// The prefix a triple's `rule` field gives a pattern rule's id ("model+pattern:efficacy:response").
    public static let fieldPrefix = "pattern:"
}

/// A cue found in a sentence: which rule, at which word index.
public struct CueHit: Sendable {
    public var rule: Int
    public var word: Int
    /// How many words the cue spans.
    public var length: Int = 1
}

public final class CueMatcher: @unchecked Sendable {
    public let rules: [CueRule]
    public let version: String
    /// SHA-256 of the patterns file: a model records the one it was trained with (`patterns_sha256`).
    public let sha256: String
    /// first word (exact) → (rule, cue index); prefix cues are listed separately.
    private var byFirst: [String: [(Int, Int)]] = [:]
    /// Prefix cues by the first byte of the prefix, so a word is tested only against its own bucket
    /// (indexed by the byte: no hashing per word); prefixes as UTF-8 bytes.
    private var prefixFirst = [[([UInt8], Int, Int)]](repeating: [], count: 256)
    /// One bit per FNV-1a hash of a `byFirst` key (2^14 bits): most words of a sentence start no cue, and
    /// a clear bit says so without a dictionary lookup.
    private var firstFilter = [UInt64](repeating: 0, count: (1 << 14) / 64)
    @inline(__always) private static func filterBit(_ h: UInt64) -> Int { Int(truncatingIfNeeded: (h ^ (h >> 32)) & ((1 << 14) - 1)) }
    @inline(__always) private static func fnv(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = CandidateBuilder.fnvOffset
        CandidateBuilder.feed(&h, bytes: bytes)
        return h
    }

    public init(url: URL) throws {
        let data = try Data(contentsOf: url)
        guard let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let rs = obj["rules"] as? [[String: Any]] else {
            throw LexiconError(message: "\(url.path): not a patterns file (expected JSON {\"rules\": [...]}); fix the JSON or restore the file from git")
        }
        version = (obj["version"] as? String) ?? "unknown"
        sha256 = SHA256.hex(data)
        rules = try rs.enumerated().map { try CueMatcher.rule($1, number: $0 + 1, file: url.path) }
        var ids: [String: Int] = [:]
        for (i, r) in rules.enumerated() {
            if let first = ids[r.id] {
                throw LexiconError(message: "\(url.path): rule \(i + 1) (\(r.id)): the id is already rule \(first)'s; give each rule its own id")
            }
            ids[r.id] = i + 1
        }
        for (ri, r) in rules.enumerated() {
            for (ci, c) in r.cues.enumerated() where !c.isEmpty {
                if c[0].hasSuffix("*"), let b = c[0].utf8.first {
                    prefixFirst[Int(b)].append((Array(c[0].dropLast().utf8), ri, ci))
                } else { byFirst[c[0], default: []].append((ri, ci)) }
            }
        }
        for k in byFirst.keys {
            var k = k
            let bit = CueMatcher.filterBit(k.withUTF8 { CueMatcher.fnv($0) })
            firstFilter[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    /// One rule of the file, checked: a kind the matcher knows, the category or direction its kind needs
    /// (a misspelt one would otherwise silently make a rule that sets nothing), and cues that are words.
    /// `number`: the rule's place in the file, from 1, for the message.
    static func rule(_ r: [String: Any], number: Int, file: String) throws -> CueRule {
        let id = (r["id"] as? String) ?? ""
        func fail(_ what: String) -> LexiconError {
            LexiconError(message: "\(file): rule \(number)\(id.isEmpty ? "" : " (\(id))"): \(what)")
        }
        guard !id.isEmpty else { throw fail("no \"id\"; give the rule an id such as \"efficacy:response\"") }
        func names<T: CaseIterable & RawRepresentable>(_: T.Type) -> String where T.RawValue == String {
            T.allCases.map(\.rawValue).joined(separator: ", ")
        }
        guard let kindName = r["kind"] as? String, let kind = CueRule.Kind(rawValue: kindName) else {
            throw fail("\"kind\" is \(r["kind"].map { "\"\($0)\"" } ?? "missing"); use one of \(names(CueRule.Kind.self))")
        }
        // a value of DESIGN.md's vocabulary, if the field is there
        func term<T: CaseIterable & RawRepresentable>(_ field: String, _: T.Type) throws -> T? where T.RawValue == String {
            guard let v = r[field] else { return nil }
            guard let name = v as? String, let t = T(rawValue: name) else {
                throw fail("\"\(field)\" \"\(v)\" is not in DESIGN.md's vocabulary; use one of \(names(T.self))")
            }
            return t
        }
        let category = try term("category", EffectCategory.self), direction = try term("direction", EffectDirection.self)
        if kind == .category && category == nil { throw fail("a category rule needs \"category\" (one of \(names(EffectCategory.self)))") }
        if kind == .direction && direction == nil { throw fail("a direction rule needs \"direction\" (one of \(names(EffectDirection.self)))") }
        if let p = r["polarity"], p as? String != "inverse" { throw fail("\"polarity\" can only be \"inverse\"") }
        guard let cues = r["cues"] as? [String], !cues.isEmpty else { throw fail("\"cues\" must be a non-empty list of phrases") }
        let words = cues.map { CueMatcher.words($0) }
        if let e = words.firstIndex(where: { $0.isEmpty || $0.contains { $0 == "*" } }) {
            throw fail("cue \(e + 1) (\"\(cues[e])\") has no words; write a phrase (a word ending in * matches any ending)")
        }
        return CueRule(id: id, kind: kind, category: category, direction: direction,
                       inverse: (r["polarity"] as? String) == "inverse", modelFeature: (r["model_feature"] as? Bool) ?? true,
                       atStart: (r["at_start"] as? Bool) ?? false, unless: (r["unless"] as? [String] ?? []).map { $0.lowercased() },
                       cues: words, description: (r["description"] as? String) ?? "", examples: (r["examples"] as? [String]) ?? [],
                       written: cues)
    }

    /// The rule with this id, or named as a triple's `rule` field names it ("pattern:efficacy:response").
    public func rule(named name: String) -> CueRule? {
        let id = name.hasPrefix(CueRule.fieldPrefix) ? String(name.dropFirst(CueRule.fieldPrefix.count)) : name
        return rules.first { $0.id == id }
    }

    /// What a rule author should fix in a file that loads: a rule without a description or examples, an
    /// example that none of its rule's cues matches as extraction reads a sentence (the same tokens, the
    /// same lower-casing), a cue written twice in one rule. Empty when every rule is documented and
    /// every example fires its rule.
    public func problems() -> [String] {
        var out: [String] = []
        for (ri, r) in rules.enumerated() {
            func problem(_ what: String) { out.append("rule \(ri + 1) (\(r.id)): \(what)") }
            if r.description.isEmpty { problem("no \"description\"; say what the rule is for") }
            if r.examples.isEmpty { problem("no \"examples\"; add a sentence the rule should match") }
            for ex in r.examples {
                let words = CueMatcher.sentenceWords(ex)
                if !hits(words).contains(where: { $0.rule == ri }) {
                    problem("no cue of the rule matches its example \"\(ex)\" (read as: \(words.joined(separator: " ")));"
                            + " add the cue the example relies on, or correct the example")
                }
            }
            var seen = Set<[String]>()
            for (ci, c) in r.cues.enumerated() where !seen.insert(c).inserted {
                problem("cue \(ci + 1) (\"\(r.written[ci])\") is written twice; remove one")
            }
        }
        return out
    }

    /// A sentence's words as extraction reads them for cues: its tokens, lower-cased.
    public static func sentenceWords(_ sentence: String) -> [String] {
        let t = Array(sentence.unicodeScalars)
        return CandidateBuilder.Word.words(t, 0..<t.count).map(\.text)
    }

    /// `words(makeString(t))` without building the sentence string first: ASCII is split and lower-cased
    /// byte by byte, other scalars one by one through their lower-case mapping (a sentence with one "β"
    /// or "±" no longer goes through `String.lowercased()` whole: that was 1.5% of an extraction's CPU).
    static func words(_ t: ArraySlice<Unicode.Scalar>) -> [String] {
        var out: [String] = []
        var cur: [UInt8] = []
        cur.reserveCapacity(24)
        for ch in t {
            if ch.value >= 0x80 {
                // as `words(String)` reads it: each scalar of the lower-case mapping ("β", "µ", "±", "–")
                // classified on its own (ASCII-only sentences never come here)
                for lc in ch.properties.lowercaseMapping.unicodeScalars {
                    if lc == " " || lc == "\t" || lc == "\n" {
                        if !cur.isEmpty { out.append(String(decoding: cur, as: UTF8.self)); cur.removeAll(keepingCapacity: true) }
                    } else if Tokenizer.isAlnum(lc) || lc == "-" || lc == "*" || lc == "/" || lc == "'" {
                        cur.append(contentsOf: UTF8.encode(lc)!)
                    } else {
                        if !cur.isEmpty { out.append(String(decoding: cur, as: UTF8.self)); cur.removeAll(keepingCapacity: true) }
                        out.append(String(lc))
                    }
                }
                continue
            }
            var v = UInt8(truncatingIfNeeded: ch.value)
            if v == 32 || v == 9 || v == 10 {
                if !cur.isEmpty { out.append(String(decoding: cur, as: UTF8.self)); cur.removeAll(keepingCapacity: true) }
            } else if isWordByte(UInt32(v)) {
                if v &- 65 < 26 { v += 32 }
                cur.append(v)
            } else {
                if !cur.isEmpty { out.append(String(decoding: cur, as: UTF8.self)); cur.removeAll(keepingCapacity: true) }
                out.append(String(decoding: CollectionOfOne(v), as: UTF8.self))
            }
        }
        if !cur.isEmpty { out.append(String(decoding: cur, as: UTF8.self)) }
        return out
    }

    /// An ASCII character that belongs to a cue word: a letter, a digit, "-", "*", "/" or "'".
    @inline(__always) static func isWordByte(_ v: UInt32) -> Bool {
        v &- 48 < 10 || v &- 65 < 26 || v &- 97 < 26 || v == 45 || v == 42 || v == 47 || v == 39
    }

    /// Lower-case words of a phrase ("p =" → ["p", "="]); hyphenated words stay whole.
    static func words(_ s: String) -> [String] {
        var out: [String] = []
        var cur = ""
        for ch in s.lowercased().unicodeScalars {
            if ch == " " || ch == "\t" || ch == "\n" {
                if !cur.isEmpty { out.append(cur); cur = "" }
            } else if Tokenizer.isAlnum(ch) || ch == "-" || ch == "*" || ch == "/" || ch == "'" {
                cur.unicodeScalars.append(ch)
            } else {
                if !cur.isEmpty { out.append(cur); cur = "" }
                out.append(String(ch))
            }
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    @inline(__always) static func matches(_ pattern: String, _ word: String) -> Bool {
        pattern.utf8.last == UInt8(ascii: "*") ? word.utf8.starts(with: pattern.utf8.dropLast()) : pattern == word
    }

    /// All cue hits in a sentence given as lower-case words.
    public func hits(_ words: [String]) -> [CueHit] {
        var out: [CueHit] = []
        for (i, w) in words.enumerated() {
            // the cues that may start at word i, in this order: by the whole word, by a prefix, by the tail
            // of a hyphenated word; each checked as it is found (no list of candidates per word)
            func check(_ ri: Int, _ ci: Int) {
                let cue = rules[ri].cues[ci]
                guard i + cue.count <= words.count else { return }
                var ok = true
                for k in 1..<max(cue.count, 1) where !CueMatcher.matches(cue[k], words[i + k]) { ok = false; break }
                if ok && (i == 0 || !rules[ri].atStart) { out.append(CueHit(rule: ri, word: i, length: max(cue.count, 1))) }
            }
            // the word's bytes: its hash for the filter, its first byte for the prefixes, its last hyphen
            var word = w
            let (known, prefixed, tail) = word.withUTF8 { u -> (Bool, [(Int, Int)], Int?) in
                guard let b0 = u.first else { return (false, [], nil) }
                let h = CueMatcher.fnv(u), bit = CueMatcher.filterBit(h)
                let known = firstFilter[bit >> 6] & (1 << UInt64(bit & 63)) != 0
                var prefixed: [(Int, Int)] = []
                for (p, ri, ci) in prefixFirst[Int(b0)] where p.count <= u.count && p.indices.allSatisfy({ p[$0] == u[$0] }) {
                    prefixed.append((ri, ci))
                }
                var dash: Int? = nil
                if let d = u.lastIndex(of: UInt8(ascii: "-")), d != 0 {
                    let t = UnsafeBufferPointer(rebasing: u[d...]), th = CueMatcher.fnv(t), tb = CueMatcher.filterBit(th)
                    if firstFilter[tb >> 6] & (1 << UInt64(tb & 63)) != 0 { dash = d }
                }
                return (known, prefixed, dash)
            }
            if known, let list = byFirst[w] { for (ri, ci) in list { check(ri, ci) } }
            for (ri, ci) in prefixed { check(ri, ci) }
            // "-induced" style cues also match the tail of a hyphenated word
            // (searched as UTF-8: a Character search walks grapheme clusters)
            if let d = tail, let more = byFirst[String(decoding: w.utf8.dropFirst(d), as: UTF8.self)] {
                for (ri, ci) in more { check(ri, ci) }
            }
        }
        // a rule whose "unless" words the sentence has does not hit
        if out.contains(where: { !rules[$0.rule].unless.isEmpty }) {
            out.removeAll { h in rules[h.rule].unless.contains { u in words.contains { CueMatcher.matches(u, $0) } } }
        }
        return out
    }
}
