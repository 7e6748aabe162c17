//! What "synthetic" means here, said in one place: the label every data set
//! the demo generator writes carries (its README, each Parquet file's
//! metadata), the banner of a report on such data, and how a data directory
//! is recognised as synthetic.

use std::path::Path;

/// The label of every synthetic data set, in Swedish and English (the first
/// lines of the data directory's `README.txt`).
pub const SYNTHETIC_NOTE: &str = "SYNTETISKA DATA — påhittade uppgifter för demonstration, \
inte verkliga personer eller verkliga utfall. / Synthetic data — invented records for \
demonstration, not real people or real outcomes.";

/// The banner on every page and sheet of a report computed on synthetic data.
pub const SYNTHETIC_BANNER: &str = "SYNTETISKA DATA — påhittade uppgifter för demonstration";

/// The key-value metadata of each synthetic Parquet file: `indikator.synthetic = "true"`.
pub const SYNTHETIC_METADATA_KEY: &str = "indikator.synthetic";

/// Whether a data directory holds synthetic data: its `README.txt` carries
/// [`SYNTHETIC_NOTE`].
pub fn is_synthetic(dir: &Path) -> bool {
    std::fs::read_to_string(dir.join("README.txt")).is_ok_and(|text| text.contains(SYNTHETIC_NOTE))
}
