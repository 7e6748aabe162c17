//! Any string given as a period either parses or gives the crate's error;
//! a parsed period spans at least one day, contains its own ends, and its
//! ISO form parses back to the same period.
#![no_main]

use indikator::Period;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let Ok(period) = text.parse::<Period>() else {
        return;
    };
    assert!(period.start() <= period.end(), "{text:?} ends before it starts");
    assert!(period.contains(period.start()) && period.contains(period.end()));
    let again: Period = period
        .iso()
        .parse()
        .unwrap_or_else(|e| panic!("the ISO form of {text:?} does not parse: {e}"));
    assert_eq!(again, period, "{text:?} does not round-trip through {}", period.iso());
    let _ = period.previous_year();
    let _ = period.shift_years(-5);
});
