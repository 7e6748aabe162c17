//! The `indikator` command (see `indikator::cli`).
//!
//! Its allocator is mimalloc: polars' many threads on glibc's malloc keep
//! freed memory in per-thread arenas, and the report at national scale
//! peaked at 9,3 GB with it against under 6 GB with the arenas limited
//! (BENCHMARKS.md, "The main job"). The Python extension uses polars' own
//! allocator instead (`src/python/mod.rs`), and so does this command when
//! built with the `python` feature (the library then declares it).

#[cfg(not(feature = "python"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(indikator::cli::main_with_args(std::env::args_os()));
}
