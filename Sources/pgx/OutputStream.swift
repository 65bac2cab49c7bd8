import ArgumentParser
import Foundation

/// Buffered writer to a file descriptor (stdout by default): one `write(2)` per 256 KiB, not per line.
final class OutputStream {
    private var buffer: [UInt8] = []
    private let fd: Int32
    private let limit = 1 << 18

    init(fd: Int32 = 1) {
        self.fd = fd
        buffer.reserveCapacity(limit + 4096)
    }

    deinit { flush() }

    func write(_ s: String) { buffer.append(contentsOf: s.utf8); if buffer.count >= limit { flush() } }
    func write(bytes: [UInt8]) { buffer.append(contentsOf: bytes); if buffer.count >= limit { flush() } }
    func writeLine(bytes: [UInt8]) {
        buffer.append(contentsOf: bytes); buffer.append(0x0A)
        if buffer.count >= limit { flush() }
    }

    func flush() {
        var off = 0
        while off < buffer.count {
            let n = buffer.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + off, $0.count - off) }
            if n <= 0 {
                if errno == EINTR { continue }
                // EPIPE (reader went away, e.g. `| head`): stop quietly, as command-line tools do.
                exit(errno == EPIPE ? 0 : 74)
            }
            off += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Messages for people go to stderr, unbuffered, one line each.
enum Diagnostics {
    static func error(_ s: String) { FileHandle.standardError.write(Data(("pgx: error: " + s + "\n").utf8)) }
    static func warning(_ s: String) { FileHandle.standardError.write(Data(("pgx: warning: " + s + "\n").utf8)) }
    static func note(_ s: String) { FileHandle.standardError.write(Data(("pgx: " + s + "\n").utf8)) }
}

/// Loading what a command needs before it writes anything (`body`): the rules folder, a gold file. One
/// that is missing or does not load is reported (its file, line or rule, and what to fix) and the command
/// ends with exit status 2 before anything is written; `cleanup` runs first (a reader thread to stop).
func loadOrExit<T>(cleanup: () -> Void = {}, _ body: () throws -> T) throws -> T {
    do { return try body() } catch {
        cleanup()
        Diagnostics.error("\(error)")
        throw ExitCode(2)
    }
}
