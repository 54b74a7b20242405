import TVCASWeb
import Testing

@Test("the TVCASWeb module links")
func TVCASWebLinks() {
    #expect(TVCASWebModule.name == "TVCASWeb")
}
