import NIOCore
import SimulCrypt
import TVCASCore
import TVCASTesting

/// ECMs from a running ECMG over SimulCrypt, and what a virtual card reads from them.
enum ECMCheck {
    static let key = try! ECMKey(hex: TVCASProcess.ecmKey)

    /// Opens channel 0 and stream 1 on the ECMG at `port`.
    static func open(port: Int) async throws -> TestSCSClient {
        let client = try await TestSCSClient(port: port)
        _ = try await client.request(.channelSetup(.init(channelID: 0, superCASID: 0x0B00_0000)))
        _ = try await client.request(.streamSetup(.init(channelID: 0, streamID: 1, ecmID: 1, nominalCPDuration: 100)))
        return client
    }

    /// The ECM for crypto period `cp` with control words `odd`/`even`, nil when none came.
    static func ecm(_ client: TestSCSClient, cp: UInt16, odd: UInt64, even: UInt64, accessCriteria: UInt32 = 0x0000_0001) async throws -> [UInt8]? {
        var ac = ByteBuffer()
        ac.writeInteger(accessCriteria)
        let combinations = [odd, even].enumerated().map { index, word in
            var buffer = ByteBuffer()
            buffer.writeInteger(word)
            return ECMGMessage.CPCWCombination(cpNumber: cp &+ UInt16(index), controlWord: buffer)
        }
        let reply = try await client.request(
            .cwProvision(.init(channelID: 0, streamID: 1, cpNumber: cp, cpCWCombinations: combinations, accessCriteria: ac)))
        guard case .ecmResponse(let response)? = reply?.message else { return nil }
        return Array(response.ecmDatagram.readableBytesView)
    }

    /// The control words a virtual card with every package reads from `ecm` (as a set: which
    /// is odd and which even follows the crypto period's parity), nil when it refuses it.
    static func decode(_ ecm: [UInt8]) throws -> Set<UInt64>? {
        var reader = CardReader(card: VirtualCard(decodingECMsWith: key, accessCriteria: AccessCriteria(rawValue: .max)))
        let answer = try reader.send(ecm: ecm)
        guard case .controlWords(let odd, let even) = answer.result else { return nil }
        return [odd.rawValue, even.rawValue]
    }
}
