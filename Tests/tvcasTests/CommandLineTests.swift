import Foundation
import TVCASTesting
import Testing

@Suite("The tvcas command line")
struct CommandLineTests {
    @Test("--help lists the subcommands")
    func help() throws {
        let result = try Subprocess.run(RepositoryPaths.tvcasExecutable.path, ["--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("ecm"))
    }
}
