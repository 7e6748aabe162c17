//! Downloading the tables the readers read (feature `fetch`): a PxWeb table
//! with a query, or Kolada's values of KPIs following its pages — over
//! HTTPS with ureq (rustls), with a timeout, retries with a growing pause
//! on a lost connection, a timeout, 429 or a 5xx answer, and an error
//! naming the URL when the network or the server cannot be reached.

use std::time::Duration;

use polars::prelude::DataFrame;

use super::kolada::read_kolada_pages;
use super::{read_jsonstat_str, read_px_bytes, PxOptions, StatTable};
use crate::error::{Error, Result};

/// Kolada's API (version 2; version 3's address works the same way).
///
/// The first argument of [`fetch_kolada`]; a question without a KPI is
/// refused before any request is made:
///
/// ```
/// use indikator::{fetch_kolada, Error, FetchOptions, KOLADA_API};
///
/// assert_eq!(KOLADA_API, "https://api.kolada.se/v2");
/// let refused = fetch_kolada(KOLADA_API, &[], &[2023], &["2380"], &FetchOptions::default());
/// assert!(matches!(refused, Err(Error::InvalidArgument { .. })));
/// ```
pub const KOLADA_API: &str = "https://api.kolada.se/v2";

/// The largest answer read (PxWeb's own limit is far below it).
const MAX_BYTES: u64 = 512 * 1024 * 1024;

/// The most pages followed for one Kolada question.
const MAX_PAGES: usize = 1000;

/// How downloads are made.
///
/// A nightly job on a slow line waits longer and tries more often:
///
/// ```
/// use std::time::Duration;
/// use indikator::FetchOptions;
///
/// let defaults = FetchOptions::default();
/// assert_eq!(defaults.timeout, Duration::from_secs(60));
/// assert_eq!((defaults.retries, defaults.backoff), (3, Duration::from_secs(1)));
/// let nightly = FetchOptions::default().timeout(Duration::from_secs(300)).retries(5);
/// // Pauses of 1, 2, 4, 8 and 16 s between the six tries.
/// let pauses: Duration = (0..nightly.retries).map(|k| nightly.backoff * 2u32.pow(k)).sum();
/// assert_eq!(pauses, Duration::from_secs(31));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct FetchOptions {
    /// The longest a request may take, answer included (default 60 s).
    pub timeout: Duration,
    /// Tries after the first when the connection fails, times out, or the
    /// server answers 429 or 5xx (default 3).
    pub retries: u32,
    /// The pause before the first retry, doubled for each next (default
    /// 1 s); a `Retry-After` of the server is followed, up to a minute.
    pub backoff: Duration,
}

crate::setters::setters!(FetchOptions {
    /// The longest a request may take, answer included (default 60 s).
    ///
    /// Every kommun's values of a KPI over ten years is a long answer; give
    /// it five minutes (needs the network, so not run here):
    ///
    /// ```no_run
    /// use std::time::Duration;
    /// use indikator::{fetch_kolada, FetchOptions, KOLADA_API};
    ///
    /// let options = FetchOptions::default().timeout(Duration::from_secs(300));
    /// assert_eq!(options.timeout, Duration::from_secs(300));
    /// let years: Vec<i32> = (2014..=2023).collect();
    /// let values = fetch_kolada(KOLADA_API, &["N00945"], &years, &[], &options)?;
    /// assert!(values.height() > 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    timeout: Duration,
    /// Tries after the first when the connection fails, times out, or the
    /// server answers 429 or 5xx (default 3).
    ///
    /// An interactive session gives up after the first failure:
    ///
    /// ```
    /// use indikator::FetchOptions;
    ///
    /// let once = FetchOptions::default().retries(0);
    /// assert_eq!((once.retries, FetchOptions::default().retries), (0, 3));
    /// ```
    retries: u32,
    /// The pause before the first retry, doubled for each next (default
    /// 1 s); a `Retry-After` of the server is followed, up to a minute.
    ///
    /// A pause of 5 s waits 5 + 10 + 20 s over the default three retries:
    ///
    /// ```
    /// use std::time::Duration;
    /// use indikator::FetchOptions;
    ///
    /// let patient = FetchOptions::default().backoff(Duration::from_secs(5));
    /// let pauses: Duration = (0..patient.retries).map(|k| patient.backoff * 2u32.pow(k)).sum();
    /// assert_eq!(pauses, Duration::from_secs(35));
    /// ```
    backoff: Duration,
});

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: Duration::from_secs(60),
            retries: 3,
            backoff: Duration::from_secs(1),
        }
    }
}

fn agent(options: &FetchOptions) -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout))
        .http_status_as_error(false)
        .user_agent(concat!("indikator/", env!("CARGO_PKG_VERSION")))
        .build()
        .into()
}

fn fetch_error(url: &str, problem: impl std::fmt::Display) -> Error {
    Error::Fetch {
        url: url.to_string(),
        problem: problem.to_string(),
    }
}

/// What a failed try says, and whether another may succeed.
enum Failure {
    Retry(String, Option<Duration>),
    Final(String),
}

fn one_try(
    agent: &ureq::Agent,
    url: &str,
    body: Option<&str>,
) -> std::result::Result<Vec<u8>, Failure> {
    let answer = match body {
        Some(json) => agent
            .post(url)
            .header("Content-Type", "application/json")
            .send(json),
        None => agent.get(url).call(),
    };
    let mut response = answer.map_err(|e| match e {
        ureq::Error::Timeout(_) => Failure::Retry(format!("no answer in time ({e})"), None),
        ureq::Error::Io(_) | ureq::Error::HostNotFound | ureq::Error::ConnectionFailed => {
            Failure::Retry(
                format!("the network or the server cannot be reached ({e})"),
                None,
            )
        }
        other => Failure::Final(other.to_string()),
    })?;
    let status = response.status();
    let bytes = response
        .body_mut()
        .with_config()
        .limit(MAX_BYTES)
        .read_to_vec()
        .map_err(|e| Failure::Retry(format!("the answer was cut off ({e})"), None))?;
    if status.is_success() {
        return Ok(bytes);
    }
    let text: String = String::from_utf8_lossy(&bytes).chars().take(300).collect();
    let problem = format!("the server answered {status}: {}", text.trim());
    if status.as_u16() == 429 || status.is_server_error() {
        let after = response
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.trim().parse::<u64>().ok())
            .map(|s| Duration::from_secs(s.min(60)));
        return Err(Failure::Retry(problem, after));
    }
    Err(Failure::Final(problem))
}

/// The answer's bytes, after retries.
fn download(url: &str, body: Option<&str>, options: &FetchOptions) -> Result<Vec<u8>> {
    let agent = agent(options);
    let mut pause = options.backoff;
    for attempt in 0..=options.retries {
        match one_try(&agent, url, body) {
            Ok(bytes) => return Ok(bytes),
            Err(Failure::Final(problem)) => return Err(fetch_error(url, problem)),
            Err(Failure::Retry(problem, _)) if attempt == options.retries => {
                let tries = options.retries + 1;
                return Err(fetch_error(
                    url,
                    format!("{problem}; gave up after {tries} tries"),
                ));
            }
            Err(Failure::Retry(_, after)) => {
                std::thread::sleep(after.unwrap_or(pause));
                pause *= 2;
            }
        }
    }
    unreachable!("the last try returns")
}

/// Fetch a table from a PxWeb API: `url` is the table's address (v1:
/// `…/v1/doris/sv/ssd/BE/BE0101/BE0101A/BefolkningNy`, posted `query`; v2:
/// `…/api/v2/tables/TAB638/data`, its selection in the URL or posted).
/// The answer is read as JSON-stat (`"response": {"format": "json-stat2"}`
/// in a v1 query; v2's default) or, when it is not JSON, as a PC-Axis file.
///
/// # Errors
/// [`Error::Fetch`] naming the URL when there is no network, no answer in
/// time, or an HTTP error after the retries; the readers' errors for an
/// answer that is not a table.
///
/// # Example
/// The population of Östersund and Krokom at the end of 2023 from SCB's
/// PxWeb (v1), asked for as JSON-stat (needs the network, so not run here):
///
/// ```no_run
/// use indikator::{fetch_pxweb, FetchOptions};
///
/// let url = "https://api.scb.se/OV0104/v1/doris/sv/ssd/BE/BE0101/BE0101A/BefolkningNy";
/// let query = serde_json::json!({
///     "query": [
///         {"code": "Region", "selection": {"filter": "vs:RegionKommun07", "values": ["2380", "2309"]}},
///         {"code": "ContentsCode", "selection": {"filter": "item", "values": ["BE0101N1"]}},
///         {"code": "Tid", "selection": {"filter": "item", "values": ["2023"]}}
///     ],
///     "response": {"format": "json-stat2"}
/// });
/// let table = fetch_pxweb(url, Some(&query), &FetchOptions::default())?;
/// assert_eq!(table.meta.format, "JSON-stat");
/// assert_eq!(table.frame.height(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn fetch_pxweb(
    url: &str,
    query: Option<&serde_json::Value>,
    options: &FetchOptions,
) -> Result<StatTable> {
    let body = query.map(serde_json::Value::to_string);
    let bytes = download(url, body.as_deref(), options)?;
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{') {
        let text = String::from_utf8(bytes)
            .map_err(|e| fetch_error(url, format!("the answer is not UTF-8 ({e})")))?;
        return read_jsonstat_str(&text, url);
    }
    read_px_bytes(&bytes, url, &PxOptions::default())
}

/// Fetch Kolada's values of `kpis` for `years` (and `municipalities`: Kolada
/// ids, all when empty) from the API at `api` ([`KOLADA_API`]), following
/// `next_page` (v2) or `next_url` (v3) to the last page; the frame of
/// [`read_kolada`](crate::read_kolada).
///
/// # Errors
/// [`Error::InvalidArgument`] without KPIs or years; [`Error::Fetch`] as
/// [`fetch_pxweb`]; the reader's errors for an answer that is not Kolada's.
///
/// # Example
/// Riket's, the county's and Östersund's values of a KPI for 2022 and 2023
/// (needs the network, so not run here):
///
/// ```no_run
/// use indikator::prelude::*;
/// use indikator::{fetch_kolada, FetchOptions, KOLADA_API};
///
/// let areas = ["0000", "0023", "2380"];
/// let values = fetch_kolada(KOLADA_API, &["N00945"], &[2022, 2023], &areas, &FetchOptions::default())?;
/// let totals = values.lazy().filter(col("gender").eq(lit("T"))).collect()?;
/// assert!(totals.height() <= 6); // one per area and year, where Kolada has it
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn fetch_kolada(
    api: &str,
    kpis: &[&str],
    years: &[i32],
    municipalities: &[&str],
    options: &FetchOptions,
) -> Result<DataFrame> {
    if kpis.is_empty() || years.is_empty() {
        return Err(Error::argument(
            "kpis",
            "at least one KPI and one year",
            format!("{kpis:?}, {years:?}"),
        ));
    }
    let years: Vec<String> = years.iter().map(i32::to_string).collect();
    let mut url = format!("{}/data/kpi/{}", api.trim_end_matches('/'), kpis.join(","));
    if !municipalities.is_empty() {
        url.push_str(&format!("/municipality/{}", municipalities.join(",")));
    }
    url.push_str(&format!("/year/{}", years.join(",")));
    let mut pages = Vec::new();
    let mut next = Some(url);
    while let Some(url) = next.take() {
        if pages.len() == MAX_PAGES || pages.iter().any(|(u, _)| u == &url) {
            return Err(fetch_error(
                &url,
                "the pages do not end (a page links back)",
            ));
        }
        let bytes = download(&url, None, options)?;
        let text = String::from_utf8(bytes)
            .map_err(|e| fetch_error(&url, format!("the answer is not UTF-8 ({e})")))?;
        let link: Option<serde_json::Value> = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|v| v.get("next_page").or_else(|| v.get("next_url")).cloned());
        next = link.and_then(|l| l.as_str().filter(|s| !s.is_empty()).map(str::to_string));
        pages.push((url, text));
    }
    read_kolada_pages(&pages)
}
