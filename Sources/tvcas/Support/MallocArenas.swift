import CMalloc
import Glibc

/// glibc's malloc tuning for the long-running daemons.
///
/// glibc gives each thread that allocates under contention an arena of its own, up to eight per
/// core, and keeps their freed pages. The generators allocate on a few NIO and database threads;
/// two arenas keep their resident memory flat at load (the ECMG's target is under 48 MB) at no
/// measurable cost in throughput.
///
/// glibc also raises its mmap threshold each time a large block is freed, so that later large
/// blocks (the CW log's batch, drained every second) come from the heap and stay resident after
/// use. A fixed threshold keeps them in mappings of their own that go back to the system when freed.
enum MallocArenas {
    /// Caps the number of malloc arenas at `count`, unless `MALLOC_ARENA_MAX` is set, which wins;
    /// and fixes the mmap threshold at `mmapThreshold` bytes, unless `MALLOC_MMAP_THRESHOLD_` is set.
    static func limit(to count: Int32 = 2, mmapThreshold: Int32 = 128 * 1024) {
        if getenv("MALLOC_ARENA_MAX") == nil {
            _ = mallopt(M_ARENA_MAX, count)
        }
        if getenv("MALLOC_MMAP_THRESHOLD_") == nil {
            _ = mallopt(M_MMAP_THRESHOLD, mmapThreshold)
        }
    }
}
