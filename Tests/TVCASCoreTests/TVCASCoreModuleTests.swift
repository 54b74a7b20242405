import TVCASCore
import Testing

@Test("the TVCASCore module links")
func TVCASCoreLinks() {
    #expect(TVCASCoreModule.name == "TVCASCore")
}
