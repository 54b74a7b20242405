import NIOCore
import SimulCrypt

/// libFuzzer entry point: feeds the input as a byte stream to the ECMG⇔SCS and EMMG⇔MUX frame
/// decoders (once with the full 64 KiB limit, once with a small one), and checks that every
/// message decoded encodes and decodes back to itself. A crash, a trap, a sanitizer report or a
/// failed check is a finding.
@_cdecl("LLVMFuzzerTestOneInput")
public func simulCryptFuzzerTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = ByteBuffer(bytes: UnsafeBufferPointer(start: data, count: size))
    drain(input, SimulCryptFrameDecoder<ECMGMessage>())
    drain(input, SimulCryptFrameDecoder<EMMGMessage>())
    drain(input, SimulCryptFrameDecoder<ECMGMessage>(maximumMessageLength: 64))
    drain(input, SimulCryptFrameDecoder<EMMGMessage>(maximumMessageLength: 64))
    return 0
}

/// Decodes messages off `input` until it runs out or the stream cannot go on.
private func drain<Message: SimulCryptMessage>(_ input: ByteBuffer, _ decoder: SimulCryptFrameDecoder<Message>) {
    var buffer = input
    while true {
        let result: Result<SimulCryptPDU<Message>, SimulCryptDecodingError>?
        do {
            result = try decoder.decodeFrame(from: &buffer)
        } catch {
            check(!error.isRecoverable, "a thrown error must be unrecoverable: \(error)")
            return
        }
        guard let result else { return }
        switch result {
        case .success(let pdu):
            do {
                let encoded = try pdu.encoded()
                let again = try SimulCryptPDU<Message>.decode(exactly: encoded)
                check(again == pdu, "round trip changed \(pdu) into \(again)")
                check(try again.encoded() == encoded, "re-encoding is not stable for \(pdu)")
            } catch {
                check(false, "a decoded message does not round-trip: \(pdu): \(error)")
            }
        case .failure(let error):
            check(error.isRecoverable, "a returned error must be recoverable: \(error)")
            _ = error.description
            _ = error.errorStatusCode
        }
    }
}

/// Stops the fuzzer with a finding when `condition` is false.
private func check(_ condition: @autoclosure () throws -> Bool, _ message: @autoclosure () -> String) {
    if (try? condition()) != true { fatalError(message()) }
}
