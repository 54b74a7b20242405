import Foundation
import Mustache

/// The panels' Mustache templates (`templates/*.mustache`), loaded once at start.
struct PanelTemplates: Sendable {
    private let library: MustacheLibrary

    /// Loads every `*.mustache` file under `directory` (a file `partials/x.mustache` is named
    /// `partials/x`).
    init(directory: URL) throws(PanelSetupError) {
        var library = MustacheLibrary()
        let root = directory.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: root) else { throw .templatesMissing(path: root) }
        var found = 0
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(".mustache") else { continue }
            let path = root + "/" + relative
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw .templateUnreadable(path: path) }
            do {
                try library.register(text, named: String(relative.dropLast(".mustache".count)))
            } catch {
                throw .templateInvalid(path: path, reason: "\(error)")
            }
            found += 1
        }
        guard found > 0 else { throw .templatesMissing(path: root) }
        self.library = library
    }

    /// Renders the template `name` with `context`.
    func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    /// Where the templates are: `$TVCAS_TEMPLATES`, else the first `templates/` or
    /// `share/tvcas/templates/` with a `layout.mustache` in the working directory or a folder
    /// above the executable (the repo root for `.build/release/tvcas`; `$(PREFIX)` for an
    /// installed `$(PREFIX)/bin/tvcas`).
    static func locateDirectory() throws(PanelSetupError) -> URL {
        let fileManager = FileManager.default
        if let configured = ProcessInfo.processInfo.environment["TVCAS_TEMPLATES"], !configured.isEmpty {
            return URL(fileURLWithPath: configured)
        }
        var candidates = [URL(fileURLWithPath: fileManager.currentDirectoryPath)]
        var folder = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        for candidate in candidates {
            for relative in ["templates", "share/tvcas/templates"] {
                let templates = candidate.appendingPathComponent(relative)
                if fileManager.fileExists(atPath: templates.appendingPathComponent("layout.mustache").path) { return templates }
            }
        }
        throw .templatesMissing(path: "templates/ or share/tvcas/templates/ (in the working directory or above the executable)")
    }
}
