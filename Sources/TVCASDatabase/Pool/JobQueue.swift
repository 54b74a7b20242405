import Foundation

/// The queue between async callers and the pool's threads.
///
/// A job is released as soon as a thread takes it: its closure may hold a large capture (the
/// ECMG's CW log batch), which must not outlive the job.
final class JobQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var jobs: [PoolJob?] = []
    private var head = 0
    private var closed = false

    /// Adds a job; false when the queue is closed.
    func put(_ job: PoolJob) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        if closed { return false }
        jobs.append(job)
        condition.signal()
        return true
    }

    /// The next job, waiting for one; nil once the queue is closed and empty.
    func take() -> PoolJob? {
        condition.lock()
        defer { condition.unlock() }
        while head == jobs.count {
            if closed { return nil }
            condition.wait()
        }
        let job = jobs[head]
        jobs[head] = nil
        head += 1
        if head == jobs.count {
            jobs.removeAll(keepingCapacity: true)
            head = 0
        } else if head > 1024, head * 2 > jobs.count {
            jobs.removeFirst(head)
            head = 0
        }
        return job
    }

    /// Refuses new jobs; the threads finish what is queued and stop.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}
