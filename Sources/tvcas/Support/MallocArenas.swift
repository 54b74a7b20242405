import CMalloc
import Glibc

/// glibc's malloc arenas for the long-running daemons.
///
/// glibc gives each thread that allocates under contention an arena of its own, up to eight per
/// core, and keeps their freed pages. The generators allocate on a few NIO and database threads;
/// two arenas keep their resident memory flat at load (the ECMG's target is under 48 MB) at no
/// measurable cost in throughput.
enum MallocArenas {
    /// Caps the number of malloc arenas at `count`, unless `MALLOC_ARENA_MAX` is set, which wins.
    static func limit(to count: Int32 = 2) {
        guard getenv("MALLOC_ARENA_MAX") == nil else { return }
        _ = mallopt(M_ARENA_MAX, count)
    }
}
