// pgx-load: a small closed-loop HTTP/1.1 load generator for `bench/bench.py --stages serve`.
//
//   pgx-load --port P --paths FILE [--host 127.0.0.1] [--connections 16] [--duration 10] [--warmup 2]
//
// Each connection is one thread with a blocking keep-alive socket that sends a request, reads the
// whole response (Content-Length framing) and sends the next, cycling through the request paths in
// FILE (one per line). Prints one JSON line: requests, seconds, requests/s, latency percentiles in
// milliseconds, non-200 answers and connection errors. Loopback only: it refuses other hosts.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("pgx-load: \(message)\n".utf8))
    exit(2)
}

var options: [String: String] = ["host": "127.0.0.1", "connections": "16", "duration": "10", "warmup": "2"]
var argv = CommandLine.arguments.dropFirst()
while let a = argv.popFirst() {
    guard a.hasPrefix("--"), let v = argv.popFirst() else { fail("usage: pgx-load --port P --paths FILE [--connections N] [--duration S] [--warmup S]") }
    options[String(a.dropFirst(2))] = v
}
guard let port = options["port"].flatMap(UInt16.init), let pathFile = options["paths"],
      let connections = options["connections"].flatMap(Int.init), connections > 0,
      let duration = options["duration"].flatMap(Double.init), let warmup = options["warmup"].flatMap(Double.init) else {
    fail("usage: pgx-load --port P --paths FILE [--connections N] [--duration S] [--warmup S]")
}
let host = options["host"]!
guard host == "127.0.0.1" || host == "localhost" else { fail("loopback only: --host must be 127.0.0.1") }
guard let text = try? String(contentsOfFile: pathFile, encoding: .utf8) else { fail("cannot read \(pathFile)") }
let requests: [[UInt8]] = text.split(separator: "\n").filter { !$0.isEmpty }.map {
    Array("GET \($0) HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: application/json\r\n\r\n".utf8)
}
guard !requests.isEmpty else { fail("\(pathFile) lists no paths") }

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func connectLoopback(_ port: UInt16) -> Int32? {
    #if canImport(Glibc)
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
    let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard fd >= 0 else { return nil }
    var one: Int32 = 1
    setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = port.bigEndian
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    let r = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
    if r != 0 { close(fd); return nil }
    return fd
}

/// Reads one HTTP/1.1 response framed by Content-Length; returns its status, or nil when the
/// connection failed.
func readResponse(_ fd: Int32, _ buf: inout [UInt8]) -> Int? {
    var have = 0
    var headerEnd = -1
    while headerEnd < 0 {
        if have == buf.count { buf += [UInt8](repeating: 0, count: buf.count) }
        let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress! + have, $0.count - have) }
        if n <= 0 { return nil }
        let from = max(0, have - 3)
        have += n
        if have >= 4 {
            for i in from...(have - 4) where buf[i] == 13 && buf[i + 1] == 10 && buf[i + 2] == 13 && buf[i + 3] == 10 { headerEnd = i + 4; break }
        }
    }
    let head = String(decoding: buf[0..<headerEnd], as: UTF8.self)
    let status = Int(head.split(separator: " ", maxSplits: 2).dropFirst().first ?? "") ?? 0
    var length = 0
    for line in head.split(separator: "\r\n") where line.lowercased().hasPrefix("content-length:") {
        length = Int(line.split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces)) ?? 0
    }
    var remaining = headerEnd + length - have
    while remaining > 0 {
        if buf.count < remaining { buf += [UInt8](repeating: 0, count: remaining) }
        let n = buf.withUnsafeMutableBytes { read(fd, $0.baseAddress!, min($0.count, remaining)) }
        if n <= 0 { return nil }
        remaining -= n
    }
    return status
}

final class Worker: @unchecked Sendable {
    var latencies: [Float] = []
    var non200 = 0, errors = 0, done = 0
    let index: Int, port: UInt16, requests: [[UInt8]]
    init(index: Int, port: UInt16, requests: [[UInt8]]) { self.index = index; self.port = port; self.requests = requests }

    func run(measureFrom: Double, until: Double) {
        var buf = [UInt8](repeating: 0, count: 1 << 16)
        var fd = connectLoopback(port)
        var k = index * 7919
        latencies.reserveCapacity(1 << 16)
        while true {
            let t0 = now()
            if t0 >= until { break }
            guard let sock = fd else { errors += 1; usleep(1000); fd = connectLoopback(port); continue }
            let req = requests[k % requests.count]
            k += 1
            let sent = req.withUnsafeBytes { write(sock, $0.baseAddress!, $0.count) }
            guard sent == req.count, let status = readResponse(sock, &buf) else {
                errors += 1; close(sock); fd = connectLoopback(port); continue
            }
            let t1 = now()
            if t0 >= measureFrom {
                latencies.append(Float(t1 - t0))
                if status != 200 { non200 += 1 }
                done += 1
            }
        }
        if let fd { close(fd) }
    }
}

let start = now()
let measureFrom = start + warmup, until = measureFrom + duration
let workers = (0..<connections).map { Worker(index: $0, port: port, requests: requests) }
let group = DispatchGroup()
for w in workers {
    group.enter()
    let t = Thread { w.run(measureFrom: measureFrom, until: until); group.leave() }
    t.stackSize = 1 << 20
    t.start()
}
group.wait()
var all = workers.flatMap(\.latencies)
all.sort()
func pct(_ p: Double) -> Double { all.isEmpty ? .nan : Double(all[min(all.count - 1, Int(Double(all.count) * p))]) * 1000 }
let total = workers.reduce(0) { $0 + $1.done }
let out: [String: Any] = [
    "connections": connections, "seconds": duration, "requests": total, "rps": (Double(total) / duration).rounded(),
    "p50_ms": (pct(0.50) * 1000).rounded() / 1000, "p90_ms": (pct(0.90) * 1000).rounded() / 1000,
    "p99_ms": (pct(0.99) * 1000).rounded() / 1000, "max_ms": ((all.last.map { Double($0) } ?? .nan) * 1e6).rounded() / 1000,
    "non200": workers.reduce(0) { $0 + $1.non200 }, "errors": workers.reduce(0) { $0 + $1.errors },
]
let data = try JSONSerialization.data(withJSONObject: out, options: [.sortedKeys])
print(String(decoding: data, as: UTF8.self))
