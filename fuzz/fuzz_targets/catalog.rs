//! Any text given as a catalogue either parses into a valid catalogue or
//! gives the crate's error, never a panic; a catalogue error names a line
//! and a column inside the text.
#![no_main]

use indikator::{Catalog, Error};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    match Catalog::from_toml_str(text) {
        Ok(catalog) => {
            for indicator in &catalog.indicators {
                assert!(!indicator.id.is_empty());
            }
        }
        Err(Error::Catalog { line, column, .. }) => {
            let lines = text.lines().count().max(1);
            assert!(line >= 1 && line <= lines + 1, "line {line} of {lines}");
            assert!(column >= 1, "column {column}");
        }
        Err(_) => {}
    }
});
