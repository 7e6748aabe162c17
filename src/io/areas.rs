//! The region's areas as a table the readers' results join to: riket, the
//! county and its kommuner, with SCB's codes and Kolada's ids.

use polars::prelude::*;

use crate::geography::{COUNTY_CODE, COUNTY_NAME, KOLADA_RIKET, KOMMUNER, RIKET_CODE};

/// The region's areas: `kommun` (SCB's code: `00` riket, `23` the county,
/// `2303`… its kommuner), `kolada` (Kolada's id: `0000`, `0023`, the
/// kommun code), `name` and `level` (`riket`, `län`, `kommun`) — the codes
/// and names of [`KOMMUNER`](crate::KOMMUNER), nothing more: no figure
/// ships with the library.
///
/// ```
/// let areas = indikator::areas();
/// assert_eq!(areas.height(), 10);
/// assert_eq!(areas.column("kolada")?.str()?.get(1), Some("0023"));
/// # Ok::<(), polars::prelude::PolarsError>(())
/// ```
pub fn areas() -> DataFrame {
    let mut kommun = vec![RIKET_CODE.to_string(), COUNTY_CODE.to_string()];
    let mut kolada = vec![KOLADA_RIKET.to_string(), format!("00{COUNTY_CODE}")];
    let mut name = vec!["Riket", COUNTY_NAME];
    let mut level = vec!["riket", "län"];
    for k in &KOMMUNER {
        kommun.push(k.code.to_string());
        kolada.push(k.code.to_string());
        name.push(k.name);
        level.push("kommun");
    }
    let n = kommun.len();
    DataFrame::new(
        n,
        vec![
            Column::new("kommun".into(), kommun),
            Column::new("kolada".into(), kolada),
            Column::new("name".into(), name),
            Column::new("level".into(), level),
        ],
    )
    .unwrap_or_else(|e| unreachable!("a fixed table: {e}"))
}
