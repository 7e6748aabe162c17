//! A fingerprint of the synthetic-data generator (`src/demo/` and
//! `src/geography.rs`), so that the demo files Python caches in the
//! temporary directory are never those of an older generator.

use std::path::Path;

fn main() {
    let mut files: Vec<_> = std::fs::read_dir("src/demo")
        .expect("src/demo exists")
        .map(|e| e.expect("src/demo is readable").path())
        .collect();
    files.push(Path::new("src/geography.rs").to_path_buf());
    files.sort();
    // FNV-1a over each file's name and bytes.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for file in &files {
        let name = file.to_string_lossy().into_owned().into_bytes();
        let bytes = std::fs::read(file).expect("a source file is readable");
        for b in name.iter().chain(&bytes) {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=INDIKATOR_DEMO_FINGERPRINT={hash:016x}");
    println!("cargo:rerun-if-changed=src/demo");
    println!("cargo:rerun-if-changed=src/geography.rs");
}
