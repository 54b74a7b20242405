import SimulCrypt
import Testing

@Test("the SimulCrypt module links")
func SimulCryptLinks() {
    #expect(SimulCryptModule.name == "SimulCrypt")
}
