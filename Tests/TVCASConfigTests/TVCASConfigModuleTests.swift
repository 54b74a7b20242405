import TVCASConfig
import Testing

@Test("the TVCASConfig module links")
func TVCASConfigLinks() {
    #expect(TVCASConfigModule.name == "TVCASConfig")
}
