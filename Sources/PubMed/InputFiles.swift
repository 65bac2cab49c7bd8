import Foundation
import PGxModel

/// Expands the inputs a user names (files, directories, "-") into the files to read, in order.
///
/// A directory contributes its `.xml` and `.xml.gz` files, recursively, sorted by path, so a batch
/// over a PubMed baseline folder runs in file order. A missing path is reported, not fatal.
public enum InputFiles {
    public static func expand(_ inputs: [String]) -> (files: [String], errors: [InputError]) {
        var files: [String] = []
        var errors: [InputError] = []
        for input in inputs {
            if input == "-" { files.append(input); continue }
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDir) else {
                errors.append(InputError(code: .cannotOpen, file: input, message: "no such file or directory",
                                         hint: "check the path"))
                continue
            }
            if !isDir.boolValue { files.append(input); continue }
            var found: [String] = []
            if let e = FileManager.default.enumerator(atPath: input) {
                while let rel = e.nextObject() as? String {
                    if rel.hasSuffix(".xml") || rel.hasSuffix(".xml.gz") {
                        found.append((input as NSString).appendingPathComponent(rel))
                    }
                }
            }
            if found.isEmpty {
                errors.append(InputError(code: .cannotOpen, file: input, message: "directory holds no .xml or .xml.gz files",
                                         hint: "point pgx at PubMed XML files"))
            }
            files += found.sorted()
        }
        return (files, errors)
    }
}
