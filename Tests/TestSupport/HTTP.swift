#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// One HTTP exchange over a real loopback socket, with the request written byte for byte (so tests can
/// send what no well-behaved client would). `Connection: close` framing: reads to end of stream.
public struct HTTPReply {
    public var status: Int
    public var headers: [String: String]   // lower-cased names
    public var body: Data
    public var json: [String: Any]? { try? JSONSerialization.jsonObject(with: body) as? [String: Any] }
}

public enum LoopbackHTTP {
    /// Sends `raw` to 127.0.0.1:`port` and reads the reply; nil when the server closed without one.
    public static func send(port: Int, raw: [UInt8], timeout: Int = 10) -> HTTPReply? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var tv = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = UInt16(port).bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard ok == 0 else { return nil }
        var off = 0
        while off < raw.count {
            let n = raw.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + off, $0.count - off, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { break }   // the server may close early on an oversized request; read what it said
            off += n
        }
        var data = [UInt8]()
        var buf = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buf.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            if n <= 0 { break }
            data += buf[0..<n]
        }
        guard let end = data.firstRange(of: [13, 10, 13, 10]) else { return nil }
        let head = String(decoding: data[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(head[0].split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let c = line.firstIndex(of: ":") else { continue }
            headers[line[..<c].lowercased()] = line[line.index(after: c)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Data(data[end.upperBound...])
        if let len = headers["content-length"].flatMap(Int.init), body.count > len { body = body.prefix(len) }
        return HTTPReply(status: status, headers: headers, body: body)
    }

    /// A GET (or another method) with optional extra header lines.
    public static func request(port: Int, _ target: String, method: String = "GET", headers: [String] = [], body: String? = nil) -> HTTPReply? {
        var text = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for h in headers { text += h + "\r\n" }
        if let body { text += "Content-Length: \(body.utf8.count)\r\n" }
        text += "\r\n" + (body ?? "")
        return send(port: port, raw: Array(text.utf8))
    }
}

/// A program left running in the background (a server), with its standard output readable line by line.
public final class BackgroundProcess: @unchecked Sendable {
    public let process = Process()
    let out = Pipe(), err = Pipe()
    private var buffered = Data()

    public init(_ executable: String, _ arguments: [String], cwd: URL? = nil) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let cwd { process.currentDirectoryURL = cwd }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// The next line of standard output, or nil at end of stream or after `timeout` seconds.
    public func readLine(timeout: TimeInterval = 30) -> String? {
        let deadline = Date().addingTimeInterval(timeout)
        let fd = out.fileHandleForReading.fileDescriptor
        while Date() < deadline {
            if let nl = buffered.firstIndex(of: 10) {
                let line = String(decoding: buffered[..<nl], as: UTF8.self)
                buffered = Data(buffered[(nl + 1)...])
                return line
            }
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&p, 1, 200) > 0 {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { return nil }
                buffered += chunk
            }
        }
        return nil
    }

    public var stderr: String { String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) }

    /// Sends SIGTERM and waits (up to `timeout` seconds, then SIGKILL); returns the exit status.
    @discardableResult
    public func stop(timeout: TimeInterval = 15) -> Int32 {
        if process.isRunning { process.terminate() }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        return process.terminationStatus
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}
