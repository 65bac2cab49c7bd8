/// A problem with an input a user gave pgx: which file, where in it, what went wrong and what to do.
///
/// Errors a user can meet carry a stable `code` (`PGX-E…`), so they can be searched for and scripted
/// against; `description` is the one-line message printed on stderr.
public struct InputError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Code: String, Sendable, Codable {
        case cannotOpen = "PGX-E001"
        case malformedXML = "PGX-E002"
        case notPubMed = "PGX-E003"
        case truncated = "PGX-E004"
        case encoding = "PGX-E005"
        case entityExpansion = "PGX-E006"
        case recordWithoutPMID = "PGX-E007"
        case compressed = "PGX-E008"
        case badJSONL = "PGX-E009"
    }

    public var code: Code
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String
    /// The PMID of the last record read completely before the fault (nil if none).
    public var lastGoodPMID: String?
    public var hint: String

    public init(code: Code, file: String, line: Int = 0, column: Int = 0, message: String,
                lastGoodPMID: String? = nil, hint: String = "") {
        self.code = code; self.file = file; self.line = line; self.column = column
        self.message = message; self.lastGoodPMID = lastGoodPMID; self.hint = hint
    }

    public var description: String {
        var s = "\(code.rawValue) \(file)"
        if line > 0 { s += ":\(line)" + (column > 0 ? ":\(column)" : "") }
        s += ": \(message)"
        // where in a PubMed file's records the fault lies; a file that cannot be opened, or a line of
        // JSONL (whose line number says it all), has no such context
        if let pmid = lastGoodPMID { s += " (last good PMID \(pmid))" }
        else if code != .cannotOpen && code != .badJSONL { s += " (no complete record before it)" }
        if !hint.isEmpty { s += "; \(hint)" }
        return s
    }
}
