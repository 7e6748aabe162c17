//! The `indikator` command (see `indikator::cli`).

fn main() {
    std::process::exit(indikator::cli::main_with_args(std::env::args_os()));
}
