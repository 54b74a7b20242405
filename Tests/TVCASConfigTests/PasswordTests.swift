import TVCASConfig
import Testing

/// Hashes made outside our code, with their passwords.
enum KnownHashes {
    struct Known: Sendable {
        var password: String
        var hash: String
        var scheme: PasswordHashScheme
    }

    /// From Ulrich Drepper's SHA-crypt specification (the `$6$saltstring` example).
    static let sha512 = Known(
        password: "Hello world!",
        hash: "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1",
        scheme: .sha512crypt)
    /// The same with an explicit round count (also from the specification).
    static let sha512Rounds = Known(
        password: "Hello world!",
        hash: "$6$rounds=10000$saltstringsaltst$OW1/O6BYHV6BcXZu8QVeXbDWra3Oeqh0sbHbbMCVNSnCM/UrjmM0Dp8vOuZeHBy/YTBmSK6H9qs/y3RnOaw5v.",
        scheme: .sha512crypt)
    /// The classic bcrypt test vector "U*U" (OpenBSD / John the Ripper), with the `$2b$` prefix.
    static let bcrypt = Known(
        password: "U*U", hash: "$2b$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW", scheme: .bcrypt)
    /// The same vector with the older `$2a$` prefix.
    static let bcrypt2a = Known(
        password: "U*U", hash: "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW", scheme: .bcrypt)
    /// Made once with Python's crypt module on Debian 12 (libxcrypt 4.4).
    static let yescrypt = Known(
        password: "correct horse",
        hash: "$y$j9T$AAAAAAAAAAAAAAAAAAAAA.$Ef/FdKgCuLIbhodliyY/t7SRit47PnWVJloq5ePTd50",
        scheme: .yescrypt)

    static let all = [sha512, sha512Rounds, bcrypt, bcrypt2a, yescrypt]
}

@Suite("Passwords: plain text and crypt(3) hashes")
struct PasswordTests {
    @Test("a fixed known hash of each kind verifies", arguments: KnownHashes.all.indices)
    func knownHash(_ index: Int) throws {
        let known = KnownHashes.all[index]
        let password = try Password(configured: known.hash)
        #expect(password == .hash(known.hash, scheme: known.scheme))
        #expect(password.matches(known.password))
        #expect(!password.matches(known.password + "x"))
        #expect(!password.matches(""))
        #expect(!password.isPlainText)
        #expect(Crypt.hash(known.password, setting: known.hash) == known.hash)
    }

    @Test("hashes made with libcrypt verify, for every kind", arguments: PasswordHashScheme.allCases)
    func madeHash(_ scheme: PasswordHashScheme) throws {
        let hash = try Crypt.makeHash(of: "s3cret pässword", scheme: scheme)
        #expect(hash.hasPrefix(scheme.prefix))
        #expect(PasswordHashScheme(hash: hash) == scheme)
        let password = try Password(configured: hash)
        #expect(password.matches("s3cret pässword"))
        #expect(!password.matches("s3cret password"))
        // A second hash of the same password has another salt.
        #expect(try Crypt.makeHash(of: "s3cret pässword", scheme: scheme) != hash)
    }

    @Test("plain text matches exactly")
    func plainText() throws {
        let password = try Password(configured: "oper'pass\"x")
        #expect(password == .plainText("oper'pass\"x"))
        #expect(password.isPlainText)
        #expect(password.matches("oper'pass\"x"))
        #expect(!password.matches("oper'pass\"X"))
        #expect(!password.matches("oper'pass\"x "))
        #expect(!password.matches("oper'pass"))
        #expect(!password.matches(""))
        #expect(password.description == "<plain-text password>")
        // A dollar sign alone does not make a hash.
        #expect(try Password(configured: "$ecret$") == .plainText("$ecret$"))
        #expect(try Password(configured: "$") == .plainText("$"))
    }

    @Test("unusable values are rejected")
    func rejected() {
        #expect(throws: PasswordFormError.empty) { try Password(configured: "") }
        #expect(throws: PasswordFormError.unsupportedScheme(prefix: "$1$saltsal")) {
            try Password(configured: "$1$saltsalt$2vnaRpHa6Jxjz5n83ok8Z0")
        }
        #expect(throws: PasswordFormError.self) { try Password(configured: "$5$rounds=5000$x") }
        #expect(throws: PasswordFormError.malformedHash(scheme: .yescrypt)) { try Password(configured: "$y$j9T$") }
        #expect(throws: PasswordFormError.malformedHash(scheme: .sha512crypt)) {
            try Password(configured: String(KnownHashes.sha512.hash.dropLast(3)))
        }
        #expect(throws: PasswordFormError.malformedHash(scheme: .bcrypt)) { try Password(configured: "$2b$99$abc") }
    }

    @Test("a candidate with a NUL byte never matches")
    func nulByte() throws {
        #expect(Crypt.hash("a\0b", setting: KnownHashes.sha512.hash) == nil)
        #expect(!(try Password(configured: KnownHashes.sha512.hash)).matches("Hello world!\0"))
        #expect(throws: PasswordError.containsNUL) { try Crypt.makeHash(of: "a\0b") }
        #expect(throws: PasswordError.empty) { try Crypt.makeHash(of: "") }
    }

    @Test("constant-time comparison gives the right answers")
    func constantTime() {
        #expect(ConstantTime.equals("abc", "abc"))
        #expect(!ConstantTime.equals("abc", "abd"))
        #expect(!ConstantTime.equals("abc", "ab"))
        #expect(!ConstantTime.equals("abc", "abcabc"))
        #expect(!ConstantTime.equals("", "a"))
        #expect(!ConstantTime.equals("a", ""))
        #expect(ConstantTime.equals("", ""))
        #expect(ConstantTime.equals([UInt8](), [UInt8]()))
    }
}
