import TVCASGenerators
import Testing

@Test("the TVCASGenerators module links")
func TVCASGeneratorsLinks() {
    #expect(TVCASGeneratorsModule.name == "TVCASGenerators")
}
