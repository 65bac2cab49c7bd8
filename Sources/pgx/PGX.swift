import ArgumentParser
import Foundation

@main
struct PGX: AsyncParsableCommand {
    static let version = "0.1.0"
    static let configuration = CommandConfiguration(
        commandName: "pgx",
        abstract: "Mine PubMed for pharmacogenomic findings and turn approved ones into versioned rule tables.",
        version: version,
        subcommands: [Parse.self, Extract.self, Train.self, Review.self, History.self, Status.self, ReleaseCommand.self, Releases.self, Export.self, Verify.self, Diff.self, Lookup.self, Serve.self, RulesCommand.self]
    )
}
