//! The embedded synthetic data of Region Jämtland Härjedalen: seeded,
//! deterministic, labelled synthetic.
