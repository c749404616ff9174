//! The server's footprint over a long session: how many allocator arenas it may use, and handing
//! memory freed by closed documents back to the system. Only glibc needs either; elsewhere these
//! do nothing.

/// Let the allocator keep at most two arenas. glibc gives a thread its own arena whenever another
/// thread holds the one it wanted, up to eight per core, and each arena keeps its own freed
/// memory; with analyses of several documents on several threads, that cost about 400 KiB of a
/// 9 MiB server and most of its drift over a working day (tests/lsp_workday.rs). Two arenas keep
/// allocation from contending when two documents are analysed at once.
pub fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        const M_ARENA_MAX: std::os::raw::c_int = -8;
        extern "C" {
            fn mallopt(param: std::os::raw::c_int, value: std::os::raw::c_int) -> std::os::raw::c_int;
        }
        // SAFETY: mallopt only sets an allocator parameter; called once, before the runtime's
        // threads exist, it changes no live allocation.
        unsafe {
            mallopt(M_ARENA_MAX, 2);
        }
    }
}

/// Hand memory freed by a closed document back to the system. glibc keeps freed memory in the
/// arena that held it; trimming walks the free lists once, well under a millisecond for a server
/// this size.
pub fn release() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        extern "C" {
            fn malloc_trim(pad: usize) -> std::os::raw::c_int;
        }
        // SAFETY: malloc_trim only returns unused pages of the allocator's own arenas to the
        // kernel; it is thread-safe and leaves every live allocation where it is.
        unsafe {
            malloc_trim(0);
        }
    }
}
