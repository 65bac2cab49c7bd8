/// A small, allocation-light JSON writer for the JSONL outputs (citations, entities, triples).
///
/// Keys are written in the order given, so output is stable and diffable; strings are escaped per
/// RFC 8259 (control characters as `\u00XX`, no escaping of non-ASCII).
/// - Complexity: O(output length).
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var needComma: [Bool] = [false]

    public init() { bytes.reserveCapacity(4096) }

    public mutating func reset() { bytes.removeAll(keepingCapacity: true); needComma = [false] }

    private mutating func comma() {
        if needComma[needComma.count - 1] { bytes.append(UInt8(ascii: ",")) }
        needComma[needComma.count - 1] = true
    }

    public mutating func beginObject() { valuePrefix(); bytes.append(UInt8(ascii: "{")); needComma.append(false) }
    public mutating func endObject() { bytes.append(UInt8(ascii: "}")); needComma.removeLast() }
    public mutating func beginArray() { valuePrefix(); bytes.append(UInt8(ascii: "[")); needComma.append(false) }
    public mutating func endArray() { bytes.append(UInt8(ascii: "]")); needComma.removeLast() }

    /// Writes `"key":` inside an object; the next value call writes the value.
    public mutating func key(_ k: String) {
        comma()
        writeString(k)
        bytes.append(UInt8(ascii: ":"))
        needComma[needComma.count - 1] = false
        pendingKey = true
    }
    private var pendingKey = false

    private mutating func valuePrefix() {
        if pendingKey { pendingKey = false; needComma[needComma.count - 1] = true } else { comma() }
    }

    public mutating func string(_ s: String) { valuePrefix(); writeString(s) }
    public mutating func string(_ s: String?) { if let s { string(s) } else { null() } }
    public mutating func int(_ v: Int) { valuePrefix(); bytes.append(contentsOf: String(v).utf8) }
    public mutating func int(_ v: Int?) { if let v { int(v) } else { null() } }
    public mutating func bool(_ v: Bool) { valuePrefix(); bytes.append(contentsOf: (v ? "true" : "false").utf8) }
    public mutating func null() { valuePrefix(); bytes.append(contentsOf: "null".utf8) }
    /// A number with at most `digits` decimals, trailing zeros trimmed.
    public mutating func double(_ v: Double, digits: Int = 4) {
        valuePrefix()
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let r = (v * scale).rounded() / scale
        var s = String(r)
        if s.hasSuffix(".0") { s.removeLast(2) }
        bytes.append(contentsOf: s.utf8)
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func writeString(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        for u in s.utf8 {
            switch u {
            case UInt8(ascii: "\""): bytes.append(UInt8(ascii: "\\")); bytes.append(u)
            case UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(u)
            case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
            case 0..<0x20:
                bytes.append(contentsOf: Array("\\u00".utf8))
                bytes.append(JSONWriter.hex[Int(u >> 4)]); bytes.append(JSONWriter.hex[Int(u & 15)])
            default: bytes.append(u)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
