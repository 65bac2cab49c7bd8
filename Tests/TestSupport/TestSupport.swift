import Foundation
import XCTest

/// Paths and process helpers shared by the test targets.
public enum TestEnv {
    /// The package root (two levels above Tests/TestSupport).
    public static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the project, or `PGX_SHARED`.
    public static var shared: URL? {
        let url = ProcessInfo.processInfo.environment["PGX_SHARED"].map { URL(fileURLWithPath: $0) }
            ?? root.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("data").path) ? url : nil
    }

    /// Skips the calling test with a clear message when `../shared` is absent.
    public static func requireShared(file: StaticString = #filePath, line: UInt = #line) throws -> URL {
        guard let s = shared else {
            throw XCTSkip("../shared is not beside the project (set PGX_SHARED): real PubMed data unavailable")
        }
        return s
    }

    /// The `pgx` binary built with the tests (debug, or release if only that exists), or `PGX_BIN`.
    public static func binary() throws -> URL {
        if let b = ProcessInfo.processInfo.environment["PGX_BIN"] { return URL(fileURLWithPath: b) }
        for config in ["debug", "release"] {
            let u = root.appendingPathComponent(".build/\(config)/pgx")
            if FileManager.default.isExecutableFile(atPath: u.path) { return u }
        }
        throw XCTSkip("pgx binary not built (run `swift build` first)")
    }

    /// The lines of a gold file under `../shared/data/gold` ("pgxmine-dev") with these ids, in the order given;
    /// fails when one is missing (skips without `../shared`).
    public static func goldLines(_ set: String, ids: [String]) throws -> [String] {
        let gold = try String(contentsOf: requireShared().appendingPathComponent("data/gold/\(set).jsonl"), encoding: .utf8)
        let lines = gold.split(separator: "\n").map(String.init)
        return try ids.map { id in try XCTUnwrap(lines.first { $0.contains(#""id": "\#(id)""#) }, "\(id) in \(set)") }
    }

    /// A sentence of a PubMed record under `../shared/data` as a JSONL text line {"id": pmid, "text": ...}:
    /// the one of the record's title or abstract sections that holds `phrase`, cut at the ". " before and
    /// after it (read through `pgx parse`, so that PubMed text stays in ../shared). Fails when it is missing.
    public static func pubmedSentence(_ path: String, pmid: String, containing phrase: String) throws -> String {
        let file = try requireShared().appendingPathComponent("data/" + path)
        let r = try runProcess(try binary().path, ["parse", file.path], cwd: root)
        for line in r.stdout.split(separator: 0x0A) {
            guard let rec = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any], rec["pmid"] as? String == pmid else { continue }
            let sections = [rec["title"] as? String ?? ""] + ((rec["abstract"] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }
            guard let text = sections.first(where: { $0.contains(phrase) }), let hit = text.range(of: phrase) else { break }
            let start = text[..<hit.lowerBound].range(of: ". ", options: .backwards)?.upperBound ?? text.startIndex
            let end = text[hit.upperBound...].range(of: ". ").map { text.index(after: $0.lowerBound) } ?? text.endIndex
            let obj: [String: String] = ["id": pmid, "text": String(text[start..<end])]
            return String(decoding: try JSONSerialization.data(withJSONObject: obj), as: UTF8.self)
        }
        XCTFail("\(pmid) with \"\(phrase)\" in \(path)")
        throw XCTSkip("missing record")
    }

    public static func tempDir(_ name: String = "pgx-test") throws -> URL {
        let u = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: u, withIntermediateDirectories: true)
        return u
    }
}

/// The result of running a program to completion.
public struct RunResult {
    public var status: Int32
    public var stdout: Data
    public var stderr: String
    public var out: String { String(decoding: stdout, as: UTF8.self) }
}

/// Runs `executable` with `arguments`; stdin from `input` if given. Output is read concurrently, so
/// large outputs do not block the child.
@discardableResult
public func runProcess(_ executable: String, _ arguments: [String], input: Data? = nil,
                environment: [String: String]? = nil, cwd: URL? = nil) throws -> RunResult {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    if let environment {
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    if let cwd { p.currentDirectoryURL = cwd }
    let outPipe = Pipe(), errPipe = Pipe()
    p.standardOutput = outPipe
    p.standardError = errPipe
    let inPipe = Pipe()
    p.standardInput = input == nil ? FileHandle.nullDevice : inPipe
    try p.run()
    final class Box: @unchecked Sendable { var data = Data() }
    let outBox = Box(), errBox = Box()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async { outBox.data = outPipe.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    group.enter()
    DispatchQueue.global().async { errBox.data = errPipe.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    if let input {
        inPipe.fileHandleForWriting.write(input)
        try? inPipe.fileHandleForWriting.close()
    }
    p.waitUntilExit()
    group.wait()
    return RunResult(status: p.terminationStatus, stdout: outBox.data, stderr: String(decoding: errBox.data, as: UTF8.self))
}

/// Finds a program on PATH.
public func which(_ name: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let p = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: p) { return p }
    }
    return nil
}
