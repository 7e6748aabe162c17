//! Indicator definitions read from TOML.
