//! The embedded synthetic data of Region Jämtland Härjedalen: seeded,
//! deterministic, labelled synthetic.

/// TEMPORARY until the generator lands.
pub fn kommun_name(code: &str) -> Option<&'static str> {
    match code {
        "2380" => Some("Östersund"),
        _ => None,
    }
}
/// TEMPORARY
pub const SYNTHETIC_NOTE: &str = "SYNTETISKA DATA";
/// TEMPORARY
pub const DEFAULT_SEED: u64 = 2024;
/// TEMPORARY
pub fn write(_dir: &std::path::Path, _seed: u64, _scale: f64) -> crate::Result<Vec<std::path::PathBuf>> { Ok(vec![]) }
