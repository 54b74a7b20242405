import TVCASDatabase
import Testing

@Test("the TVCASDatabase module links")
func TVCASDatabaseLinks() {
    #expect(TVCASDatabaseModule.name == "TVCASDatabase")
}
