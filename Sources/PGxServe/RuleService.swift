#if canImport(Glibc)
import Glibc
#endif
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import PGxCuration
import PGxModel

#if canImport(Glibc)
@_silgen_name("malloc_trim") func pgx_malloc_trim(_ pad: Int) -> Int32
#endif

/// An exported release folder, verified against its manifest, loaded once and indexed for lookups.
/// Immutable after loading, so request handlers share it without locks.
public final class ServedRelease: Sendable {
    public let version: String
    /// The HTTP entity tag: the SHA-256 of manifest.json, which pins every file of the release.
    public let etag: String
    public let counts: [String: Int]
    let manifest: [UInt8]
    let rules: [Entry]
    let byID: [String: Int]
    let byGene: [String: [Int]]
    let byDrug: [String: [Int]]

    struct Entry: Sendable {
        let json: [UInt8]
        let drug: String, drugID: String, category: String, status: String
    }

    public var ruleCount: Int { rules.count }

    /// Loads `dir` (as written by `pgx export`). Refuses a folder that fails `pgx verify`.
    public init(dir: URL) throws {
        let loaded = try ReleaseExport.load(dir)
        version = loaded.version
        etag = "\"\(loaded.manifestSHA256)\""
        manifest = Array(loaded.manifest)
        var entries: [Entry] = [], byID: [String: Int] = [:], byGene: [String: [Int]] = [:], byDrug: [String: [Int]] = [:]
        var counts: [String: Int] = [:]
        entries.reserveCapacity(loaded.rules.count)
        var w = JSONWriter()
        for r in loaded.rules {
            w.reset()
            ReleaseExport.writeRule(r, into: &w)
            let i = entries.count
            // A copy of exactly the rule's bytes: the writer's own buffer is 4 KB.
            let json = [UInt8](unsafeUninitializedCapacity: w.bytes.count) { buf, n in
                n = w.bytes.withUnsafeBufferPointer { buf.initialize(from: $0).1 }
            }
            entries.append(Entry(json: json, drug: r.drug.lowercased(), drugID: r.drugID.lowercased(), category: r.category, status: r.status))
            byID[r.ruleID] = i
            byGene[r.gene.uppercased(), default: []].append(i)
            byDrug[r.drug.lowercased(), default: []].append(i)
            if !r.drugID.isEmpty && r.drugID.lowercased() != r.drug.lowercased() { byDrug[r.drugID.lowercased(), default: []].append(i) }
            counts[r.status, default: 0] += 1
        }
        rules = entries
        self.byID = byID
        self.byGene = byGene
        self.byDrug = byDrug
        self.counts = counts
        #if canImport(Glibc)
        _ = pgx_malloc_trim(0)   // hand the parse's transient heap (several times the table) back to the system
        #endif
    }
}

/// The read-only HTTP API over one release (DESIGN.md "Rule tables"; README "Serving a release"):
///
///     GET /v1/release                                   the manifest
///     GET /v1/rules?gene=&drug=&category=&status=&limit=&offset=
///     GET /v1/rules/{rule_id}
///
/// JSON bodies, errors as `{"error": {"status", "code", "message"}}`, an ETag from the release checksum
/// (If-None-Match answers 304), GET and HEAD only, no request bodies, bounded URI and header sizes.
public struct RuleService: Sendable {
    public static let categories: Set<String> = ["efficacy", "toxicity", "dosage", "metabolism", "other"]
    public static let statuses: Set<String> = ["active", "retracted", "superseded", "all"]
    public static let maxLimit = 1000
    public static let defaultLimit = 100
    public static let maxURILength = 2048

    public let release: ServedRelease

    public init(release: ServedRelease) { self.release = release }

    struct APIError: Error {
        let status: HTTPResponse.Status, code: String, message: String
    }

    /// Answers one request. Never throws: every failure is a JSON error response.
    public func respond(_ request: Request) -> Response {
        let response: Response
        do { response = try route(request) } catch let e as APIError { response = error(e) } catch {
            response = self.error(APIError(status: .internalServerError, code: "PGX-E499", message: "\(error)"))
        }
        return request.method == .head ? response.createHeadResponse() : response
    }

    func route(_ request: Request) throws -> Response {
        guard request.method == .get || request.method == .head else {
            throw APIError(status: .methodNotAllowed, code: "PGX-E405", message: "this service is read-only: use GET")
        }
        if request.headers[.transferEncoding] != nil || (request.headers[.contentLength].flatMap { Int($0) } ?? 0) > 0 {
            throw APIError(status: .contentTooLarge, code: "PGX-E413", message: "requests to this service carry no body")
        }
        let uri = request.uri
        if uri.string.utf8.count > Self.maxURILength {
            throw APIError(status: .uriTooLong, code: "PGX-E414", message: "request URI longer than \(Self.maxURILength) bytes")
        }
        let path = uri.path
        let query = try parameters(uri)
        if let tags = request.headers[.ifNoneMatch],
           tags == "*" || tags.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "W/", with: "") == release.etag }) {
            return Response(status: .notModified, headers: headers(json: false))
        }
        switch path {
        case "/v1/release", "/v1/release/":
            try allow(query, [])
            return ok(release.manifest)
        case "/v1/rules", "/v1/rules/":
            return try list(query)
        default:
            if path.hasPrefix("/v1/rules/") {
                try allow(query, [])
                let id = String(path.dropFirst("/v1/rules/".count))
                guard id.count == 15, id.hasPrefix("PGX"), id.dropFirst(3).allSatisfy({ $0.isHexDigit && !$0.isLowercase }) else {
                    throw APIError(status: .badRequest, code: "PGX-E400", message: "'\(id.prefix(64))' is not a rule id (PGX and 12 upper-case hex digits)")
                }
                guard let i = release.byID[id] else {
                    throw APIError(status: .notFound, code: "PGX-E404", message: "no rule \(id) in release \(release.version)")
                }
                var body = Array("{\"release\":".utf8)
                body += jsonString(release.version) + Array(",\"rule\":".utf8) + release.rules[i].json + [UInt8(ascii: "}"), 10]
                return ok(body)
            }
            throw APIError(status: .notFound, code: "PGX-E404",
                           message: "no such endpoint: \(path.prefix(200)) (try /v1/release, /v1/rules?gene=, /v1/rules/{rule_id})")
        }
    }

    func list(_ q: [String: String]) throws -> Response {
        try allow(q, ["gene", "drug", "category", "status", "limit", "offset"])
        let gene = q["gene"].map { $0.uppercased() }, drug = q["drug"].map { $0.lowercased() }
        for (k, v) in [("gene", gene), ("drug", drug)] where v != nil && (v!.isEmpty || v!.count > 1000) {
            throw APIError(status: .badRequest, code: "PGX-E400", message: "\(k) must be 1 to 1000 characters")
        }
        let category = q["category"]
        if let c = category, !Self.categories.contains(c) {
            throw APIError(status: .badRequest, code: "PGX-E400", message: "category must be one of \(Self.categories.sorted().joined(separator: ", "))")
        }
        let status = q["status"] ?? "active"
        guard Self.statuses.contains(status) else {
            throw APIError(status: .badRequest, code: "PGX-E400", message: "status must be one of \(Self.statuses.sorted().joined(separator: ", "))")
        }
        let limit = try integer(q, "limit", default: Self.defaultLimit, in: 1...Self.maxLimit)
        let offset = try integer(q, "offset", default: 0, in: 0...Int(Int32.max))
        let candidates: [Int]
        if let gene { candidates = release.byGene[gene] ?? [] } else if let drug { candidates = release.byDrug[drug] ?? [] } else { candidates = Array(release.rules.indices) }
        var total = 0
        var body = Array("{\"release\":".utf8) + jsonString(release.version) + Array(",\"rules\":[".utf8)
        var written = 0
        for i in candidates {
            let e = release.rules[i]
            if let drug, e.drug != drug && e.drugID != drug { continue }
            if let category, e.category != category { continue }
            if status != "all" && e.status != status { continue }
            total += 1
            if total > offset && written < limit {
                if written > 0 { body.append(UInt8(ascii: ",")) }
                body += e.json
                written += 1
            }
        }
        body += Array("],\"total\":\(total),\"offset\":\(offset),\"limit\":\(limit)}\n".utf8)
        return ok(body)
    }

    /// Query parameters, percent-decoded; a repeated parameter is an error.
    func parameters(_ uri: URI) throws -> [String: String] {
        var out: [String: String] = [:]
        guard let query = uri.query, !query.isEmpty else { return out }
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = String(kv[0]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding,
                  let value = (kv.count > 1 ? String(kv[1]) : "").replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
                throw APIError(status: .badRequest, code: "PGX-E400", message: "malformed percent-encoding in the query")
            }
            if out[key] != nil { throw APIError(status: .badRequest, code: "PGX-E400", message: "query parameter \(key.prefix(40)) given twice") }
            out[key] = value
        }
        return out
    }

    func allow(_ q: [String: String], _ names: Set<String>) throws {
        if let bad = q.keys.sorted().first(where: { !names.contains($0) }) {
            let hint = names.isEmpty ? "this endpoint takes no parameters" : "use \(names.sorted().joined(separator: ", "))"
            throw APIError(status: .badRequest, code: "PGX-E400", message: "unknown query parameter '\(bad.prefix(40))': \(hint)")
        }
    }

    func integer(_ q: [String: String], _ name: String, default d: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let s = q[name] else { return d }
        guard let v = Int(s), range.contains(v) else {
            throw APIError(status: .badRequest, code: "PGX-E400", message: "\(name) must be an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return v
    }

    func headers(json: Bool = true) -> HTTPFields {
        var h = HTTPFields()
        if json { h[.contentType] = "application/json; charset=utf-8" }
        h[.eTag] = release.etag
        h[.cacheControl] = "no-cache"
        h[HTTPField.Name("X-PGx-Release")!] = release.version
        return h
    }

    func ok(_ body: [UInt8]) -> Response {
        Response(status: .ok, headers: headers(), body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    func error(_ e: APIError) -> Response {
        var w = JSONWriter()
        w.beginObject(); w.key("error"); w.beginObject()
        w.key("status"); w.int(Int(e.status.code)); w.key("code"); w.string(e.code); w.key("message"); w.string(e.message)
        w.endObject(); w.endObject()
        var h = HTTPFields()
        h[.contentType] = "application/json; charset=utf-8"
        h[HTTPField.Name("X-PGx-Release")!] = release.version
        if e.status == .methodNotAllowed { h[.allow] = "GET, HEAD" }
        return Response(status: e.status, headers: h, body: .init(byteBuffer: ByteBuffer(bytes: w.bytes + [10])))
    }

    func jsonString(_ s: String) -> [UInt8] {
        var w = JSONWriter(); w.string(s); return w.bytes
    }

    /// Runs the service until SIGINT or SIGTERM. `onListening` gets the bound port (useful with port 0).
    public func run(host: String, port: Int, maxConnections: Int, logger: Logger, onListening: @escaping @Sendable (Int) -> Void) async throws {
        let service = self
        let responder = CallbackResponder<BasicRequestContext> { request, _ in service.respond(request) }
        let app = Application(
            responder: responder,
            server: .http1(configuration: .init(
                idleTimeout: .seconds(60),
                httpDecoderConfiguration: .init(maxHeaderFieldSize: 8 * 1024, maxHeaderListSize: 16 * 1024, maxHeaderFieldCount: 100))),
            configuration: .init(address: .hostname(host, port: port), serverName: "pgx",
                                 availableConnectionsDelegate: MaximumAvailableConnections(maxConnections)),
            onServerRunning: { channel in onListening(channel.localAddress?.port ?? port) },
            logger: logger)
        try await app.runService()
    }
}
