import Foundation

/// A thread-specific flag set on the pool's own threads.
enum PoolThreadMarker {
    static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    static func markCurrentThread() { pthread_setspecific(key, UnsafeRawPointer(bitPattern: 1)) }

    static var isMarked: Bool { pthread_getspecific(key) != nil }
}
