//! What "synthetic" means here, said in one place: the label every data set
//! the demo generator writes carries (its README, each Parquet file's
//! metadata), the banner of a report on such data, and how a data directory
//! is recognised as synthetic.

use std::path::Path;

/// The label of every synthetic data set, in Swedish and English (the first
/// lines of the data directory's `README.txt`).
///
/// A directory whose `README.txt` carries the note is synthetic:
///
/// ```
/// use indikator::{is_synthetic, SYNTHETIC_BANNER, SYNTHETIC_NOTE};
///
/// assert!(SYNTHETIC_NOTE.starts_with(SYNTHETIC_BANNER));
/// let dir = std::env::temp_dir().join(format!("SYNTHETIC_NOTE-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// std::fs::write(dir.join("README.txt"), format!("{SYNTHETIC_NOTE}\n\nÖvningsdata för Östersund.\n"))?;
/// assert!(is_synthetic(&dir));
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const SYNTHETIC_NOTE: &str = "SYNTETISKA DATA — påhittade uppgifter för demonstration, \
inte verkliga personer eller verkliga utfall. / Synthetic data — invented records for \
demonstration, not real people or real outcomes.";

/// The banner on every page and sheet of a report computed on synthetic data.
///
/// It is the note's Swedish half, so a reader of the report sees the same
/// words as a reader of the data's `README.txt`; a program that shows
/// results of its own puts it first when [`is_synthetic`] says so:
///
/// ```
/// use indikator::{is_synthetic, SYNTHETIC_BANNER, SYNTHETIC_NOTE};
///
/// assert_eq!(SYNTHETIC_BANNER, "SYNTETISKA DATA — påhittade uppgifter för demonstration");
/// assert!(SYNTHETIC_NOTE.starts_with(SYNTHETIC_BANNER));
/// let dir = std::env::temp_dir().join(format!("SYNTHETIC_BANNER-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// std::fs::write(dir.join("README.txt"), SYNTHETIC_NOTE)?;
/// let heading = if is_synthetic(&dir) { format!("{SYNTHETIC_BANNER}\nSuicid per 100 000") } else { "Suicid per 100 000".into() };
/// assert!(heading.starts_with("SYNTETISKA DATA"));
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const SYNTHETIC_BANNER: &str = "SYNTETISKA DATA — påhittade uppgifter för demonstration";

/// The key-value metadata of each synthetic Parquet file: `indikator.synthetic = "true"`.
///
/// Reading it back from a table the demo generator wrote (here at a
/// hundredth of the region's size):
///
/// ```
/// use indikator::polars::prelude::*;
/// use indikator::SYNTHETIC_METADATA_KEY;
///
/// let dir = std::env::temp_dir().join(format!("SYNTHETIC_METADATA_KEY-{}", std::process::id()));
/// indikator::demo::write(&dir, indikator::demo::DEFAULT_SEED, 0.01)?;
/// let mut reader = ParquetReader::new(std::fs::File::open(dir.join("deaths.parquet"))?);
/// let metadata = reader.get_metadata()?.key_value_metadata().clone().unwrap_or_default();
/// let flag = metadata.iter().find(|kv| kv.key == SYNTHETIC_METADATA_KEY);
/// assert_eq!(flag.and_then(|kv| kv.value.as_deref()), Some("true"));
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub const SYNTHETIC_METADATA_KEY: &str = "indikator.synthetic";

/// Whether a data directory holds synthetic data: its `README.txt` carries
/// [`SYNTHETIC_NOTE`].
///
/// The demo data are synthetic; a directory without the note is not:
///
/// ```
/// use indikator::is_synthetic;
///
/// let dir = std::env::temp_dir().join(format!("is_synthetic-{}", std::process::id()));
/// indikator::demo::write(&dir.join("demo"), indikator::demo::DEFAULT_SEED, 0.01)?;
/// assert!(is_synthetic(&dir.join("demo")));
/// std::fs::create_dir_all(dir.join("extract"))?;
/// std::fs::write(dir.join("extract").join("README.txt"), "Uttag ur vårdadministrativa systemet, 2024-09-02")?;
/// assert!(!is_synthetic(&dir.join("extract")));
/// assert!(!is_synthetic(&dir.join("missing")));
/// std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn is_synthetic(dir: &Path) -> bool {
    std::fs::read_to_string(dir.join("README.txt")).is_ok_and(|text| text.contains(SYNTHETIC_NOTE))
}
