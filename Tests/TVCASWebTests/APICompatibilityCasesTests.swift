import Foundation
import TVCASTesting
import Testing

@Suite("check-api-cases: the original's 24 recorded answers, over FastCGI")
struct APICompatibilityCasesTests {
    @Test("every public case passes")
    func publicCases() throws {
        let stack = try WebStack(withNginx: false)
        defer { stack.stop() }
        let result = try Subprocess.run(
            "python3",
            [
                RepositoryPaths.tools.appendingPathComponent("check-api-cases").path, stack.socketPath,
                RepositoryPaths.vectors.appendingPathComponent("api.json").path, stack.server.socketPath, stack.database,
            ])
        #expect(result.status == 0, "\(result.output)\(result.errorOutput)")
        #expect(result.output.contains("24 passed, 0 failed"))
    }
}
