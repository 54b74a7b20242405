import TVCASWeb
import Testing

@Suite("Billing API value checks (api.md's closing table)")
struct BillingValueValidatorTests {
    private func check(_ field: BillingField, _ value: String) -> Result<String, BillingAPIError> {
        Result { () throws(BillingAPIError) in try BillingValueValidator.validate(Array(value.utf8), for: field) }
    }

    private func set(_ query: String) -> PHPArray { PHPVariableParser().parse(Array(query.utf8))["set"]!.array! }

    @Test("access_criteria: exactly 8 hex digits, either case, kept as sent")
    func accessCriteria() {
        #expect(check(.accessCriteria, "abcdef01") == .success("abcdef01"))
        #expect(check(.accessCriteria, "ABCDEF01") == .success("ABCDEF01"))
        for bad in ["1234567", "zz0000FFFFzz", "<b>12345678", "123456789", "1234567g", ""] {
            #expect(check(.accessCriteria, bad) == .failure(.accessCriteriaError))
        }
    }

    @Test("pair: exactly 0 or 1")
    func pair() {
        #expect(check(.pair, "0") == .success("0"))
        #expect(check(.pair, "1") == .success("1"))
        for bad in ["10", "2", "abc1", "1; DROP", "", " 1"] { #expect(check(.pair, bad) == .failure(.pairError)) }
    }

    @Test("start and finish: exactly 10 digits within 32 bits")
    func dates() {
        #expect(check(.start, "1600000000") == .success("1600000000"))
        #expect(check(.finish, "4294967295") == .success("4294967295"))
        for bad in ["123123123", "4294967296", "99999999999", "x1234567890y", "", "+123456789"] {
            #expect(check(.start, bad) == .failure(.startError))
            #expect(check(.finish, bad) == .failure(.finishError))
        }
    }

    @Test("serial_no: a 210xxxxxxx serial")
    func serial() {
        #expect(check(.serialNumber, "2100000077") == .success("2100000077"))
        for bad in ["2110000000", "1", "21000000770", "", "210000007x"] {
            #expect(check(.serialNumber, bad) == .failure(.serialNumberError))
        }
    }

    @Test("name and info: valid UTF-8 that fits")
    func texts() {
        #expect(check(.name, "<script>alert(1)</script>") == .success("<script>alert(1)</script>"))
        #expect(check(.info, "") == .success(""))
        #expect(check(.name, String(repeating: "Ж", count: 255)) == .success(String(repeating: "Ж", count: 255)))
        #expect(check(.name, String(repeating: "x", count: 256)) == .failure(.nameError))
        #expect(Result { () throws(BillingAPIError) in try BillingValueValidator.validate([0xD0], for: .info) } == .failure(.infoError))
    }

    @Test("entries are checked in order; the first failure decides; values are decoded a second time")
    func order() throws {
        #expect(throws: BillingAPIError.pairError) { try BillingValueValidator.assignments(from: set("set[name]=A/B&set[pair]=2")) }
        #expect(throws: BillingAPIError.unknownSetParameter) { try BillingValueValidator.assignments(from: set("set[foo]=1&set[pair]=2")) }
        #expect(throws: BillingAPIError.unknownSetParameter) { try BillingValueValidator.assignments(from: set("set[]=1")) }
        #expect(throws: BillingAPIError.nameError) { try BillingValueValidator.assignments(from: set("set[name][x]=1")) }
        let assignments = try BillingValueValidator.assignments(from: set("set[info]=O%27Brien%3B%20x%2520y&set[pair]=0&set[pair]=1"))
        #expect(assignments == [.init(field: .info, value: "O'Brien; x y"), .init(field: .pair, value: "1")])
    }

    @Test("log message in the original's format")
    func logMessage() {
        let message = BillingValueValidator.logMessage(
            serialNumber: 2_100_000_003,
            assignments: [.init(field: .info, value: "O'Brien; x y"), .init(field: .pair, value: "1")]
        )
        #expect(message == "Smartcard 2100000003. info=OBrien x y pair=1")
        let long = BillingValueValidator.logMessage(
            serialNumber: 2_100_000_003, assignments: [.init(field: .name, value: String(repeating: "Ж", count: 255))])
        #expect(long.unicodeScalars.count == 250)
    }
}
