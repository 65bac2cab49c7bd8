import ArgumentParser
import Foundation
import Logging
import PGxCuration
import PGxServe

/// `pgx serve`: the read-only HTTP API over an exported release folder (never the live store).
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve an exported release over a read-only HTTP API.",
        discussion: """
            GET /v1/release (the manifest), GET /v1/rules?gene=&drug=&category=&status=&limit=&offset=,
            GET /v1/rules/{rule_id}. JSON, ETag from the release checksum, 400/404 as JSON errors.
            The folder is verified against its manifest before anything is served.
            """)
    @Option(help: "An exported release folder (from `pgx export`).") var release: String
    @Option(help: "Address to bind; the default keeps the service on this machine.") var host = "127.0.0.1"
    @Option(help: "Port (0 picks a free one; the line printed at start names it).") var port = 8080
    @Option(help: "Most connections served at once.") var maxConnections = 512
    @Option(help: "Log level: trace, debug, info, notice, warning, error.") var logLevel = "notice"

    func run() async throws {
        // checked before the release is loaded, which can take seconds
        guard (0...65535).contains(port) else { Diagnostics.error("PGX-E400 --port must be 0 to 65535"); throw ExitCode(2) }
        let loaded: ServedRelease
        do { loaded = try ServedRelease(dir: URL(fileURLWithPath: release)) } catch let e as ReviewError {
            Diagnostics.error(e.description + "\n  run `pgx verify \(release)`, or export the release again with `pgx export VERSION --out DIR`")
            throw ExitCode(1)
        }
        var logger = Logger(label: "pgx.serve")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .notice
        let counts = loaded.counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        let host = self.host
        try await RuleService(release: loaded).run(host: host, port: port, maxConnections: maxConnections, logger: logger) { bound in
            print("pgx serve: release \(loaded.version) (\(loaded.ruleCount) rules: \(counts)) at http://\(host):\(bound)/v1/release")
            fflush(stdout)
        }
    }
}
