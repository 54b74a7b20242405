import Foundation
import TVCASTesting
import Testing

@Suite("The command line reproduces the golden vectors")
struct CLIVectorTests {
    /// Every ECM, EMM, Conax-date, card `.bin` and card.json scenario through the `tvcas`
    /// command line, with the shared checker (`TVCAS_VECTOR_DIR` points it at a held-out set).
    @Test("check-cli-vectors passes every case")
    func checker() throws {
        let result = try Subprocess.run(
            "python3",
            [
                RepositoryPaths.tools.appendingPathComponent("check-cli-vectors").path,
                RepositoryPaths.tvcasExecutable.path, RepositoryPaths.vectors.path,
            ])
        #expect(result.status == 0, "\(result.output)\(result.errorOutput)")
        #expect(result.output.contains(" 0 failed"))
    }
}
