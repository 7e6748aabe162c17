//! The client of the `fetch` feature against a real HTTP server on the
//! loopback address that replays answers written from the APIs'
//! descriptions (no outside network): a PxWeb table, Kolada's pages,
//! retries after 503, no retry after 404, a timeout, no server at all.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use indikator::{fetch_kolada, fetch_pxweb, Error, FetchOptions};

/// One replayed answer: status, body, and a pause before answering.
struct Answer {
    status: u16,
    body: String,
    pause: Duration,
}

fn answer(status: u16, body: &str) -> Answer {
    Answer {
        status,
        body: body.to_string(),
        pause: Duration::ZERO,
    }
}

/// The requests seen: method, path, body.
type Seen = Arc<Mutex<Vec<(String, String, String)>>>;

/// A server on 127.0.0.1 answering each connection with the next answer
/// (`Connection: close`), then stopping; its address and what it saw.
fn server(answers: Vec<Answer>) -> (String, Seen) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    let seen: Seen = Arc::default();
    let log = Arc::clone(&seen);
    std::thread::spawn(move || {
        for a in answers {
            let Ok((stream, _)) = listener.accept() else {
                return;
            };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut first = String::new();
            reader.read_line(&mut first).unwrap();
            let mut length = 0;
            loop {
                let mut line = String::new();
                reader.read_line(&mut line).unwrap();
                if line.trim().is_empty() {
                    break;
                }
                if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = v.trim().parse().unwrap();
                }
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            let mut parts = first.split_whitespace();
            let (method, path) = (
                parts.next().unwrap().to_string(),
                parts.next().unwrap().to_string(),
            );
            log.lock()
                .unwrap()
                .push((method, path, String::from_utf8(body).unwrap()));
            std::thread::sleep(a.pause);
            let mut stream = stream;
            let _ = write!(
                stream,
                "HTTP/1.1 {} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}",
                a.status,
                a.body.len(),
                a.body
            );
        }
    });
    (address, seen)
}

fn quick() -> FetchOptions {
    FetchOptions::default()
        .timeout(Duration::from_secs(5))
        .retries(2)
        .backoff(Duration::from_millis(10))
}

fn data(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/io")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn a_pxweb_table_is_posted_its_query_and_read_as_json_stat() {
    let (base, seen) = server(vec![answer(200, &data("folkmangd.json"))]);
    let url = format!("{base}/api/v1/sv/ssd/BE/BE0101/BE0101A/BefolkningNy");
    let query = serde_json::json!({"query": [{"code": "Region", "selection": {"filter": "item", "values": ["2380", "2309"]}}],
                                   "response": {"format": "json-stat2"}});
    let table = fetch_pxweb(&url, Some(&query), &quick()).unwrap();
    assert_eq!(table.meta.table.as_deref(), Some("BE0101N1"));
    assert_eq!(table.frame.height(), 2 * 102 * 2 * 2);
    let seen = seen.lock().unwrap();
    assert_eq!(seen[0].0, "POST");
    assert_eq!(seen[0].1, "/api/v1/sv/ssd/BE/BE0101/BE0101A/BefolkningNy");
    assert!(seen[0].2.contains("json-stat2"));
}

#[test]
fn a_px_answer_is_read_as_a_px_file() {
    let px = "CHARSET=\"ANSI\";\nDECIMALS=0;\nSTUB=\"år\";\nVALUES(\"år\")=\"2023\";\nDATA=\n5;\n";
    let (base, seen) = server(vec![answer(200, px)]);
    let table = fetch_pxweb(
        &format!("{base}/api/v2/tables/TAB638/data?outputFormat=px"),
        None,
        &quick(),
    )
    .unwrap();
    assert_eq!(table.meta.format, "PC-Axis");
    assert_eq!(seen.lock().unwrap()[0].0, "GET");
}

#[test]
fn kolada_is_followed_to_its_last_page() {
    let pages: Vec<serde_json::Value> = serde_json::from_str(&data("kolada-pages.json")).unwrap();
    let mut first = pages[0].clone();
    let second = pages[1].to_string();
    // Two servers are simpler than rewriting after binding: the second
    // page's server first, then the first page pointing at it.
    let (second_base, second_seen) = server(vec![answer(200, &second)]);
    first["next_page"] = serde_json::Value::String(format!(
        "{second_base}/v2/data/kpi/N99001/year/2022,2023?page=2"
    ));
    let (first_base, first_seen) = server(vec![answer(200, &first.to_string())]);
    let frame = fetch_kolada(
        &format!("{first_base}/v2"),
        &["N99001"],
        &[2022, 2023],
        &[],
        &quick(),
    )
    .unwrap();
    assert_eq!(frame.height(), 24);
    assert_eq!(
        first_seen.lock().unwrap()[0].1,
        "/v2/data/kpi/N99001/year/2022,2023"
    );
    assert_eq!(
        second_seen.lock().unwrap()[0].1,
        "/v2/data/kpi/N99001/year/2022,2023?page=2"
    );
    let whole = indikator::read_kolada_str(&data("kolada-suicid.json"), "whole").unwrap();
    assert!(frame.equals_missing(&whole));
}

#[test]
fn a_503_is_tried_again_and_a_404_is_not() {
    let page = data("kolada-suicid.json");
    let (base, seen) = server(vec![
        answer(503, "busy"),
        answer(503, "busy"),
        answer(200, &page),
    ]);
    let frame = fetch_kolada(&base, &["N99001"], &[2023], &["0000", "2380"], &quick()).unwrap();
    assert_eq!(frame.height(), 24);
    assert_eq!(seen.lock().unwrap().len(), 3);
    assert_eq!(
        seen.lock().unwrap()[2].1,
        "/data/kpi/N99001/municipality/0000,2380/year/2023"
    );
    let (base, seen) = server(vec![answer(404, "no such table"), answer(200, &page)]);
    let err = fetch_kolada(&base, &["N99001"], &[2023], &[], &quick()).unwrap_err();
    assert!(matches!(err, Error::Fetch { .. }));
    assert_eq!(
        err.to_string(),
        format!("could not fetch {base}/data/kpi/N99001/year/2023: the server answered 404 Not Found: no such table")
    );
    assert_eq!(seen.lock().unwrap().len(), 1);
}

#[test]
fn no_answer_in_time_gives_up_after_the_retries() {
    let slow = |_| Answer {
        status: 200,
        body: "{}".into(),
        pause: Duration::from_millis(1500),
    };
    let (base, _) = server((0..2).map(slow).collect());
    let options = FetchOptions::default()
        .timeout(Duration::from_millis(300))
        .retries(1)
        .backoff(Duration::from_millis(10));
    let err = fetch_pxweb(&format!("{base}/slow"), None, &options)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with(&format!("could not fetch {base}/slow: no answer in time")),
        "{err}"
    );
    assert!(err.ends_with("gave up after 2 tries"), "{err}");
}

#[test]
fn no_server_names_the_url() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/api/v2/tables/TAB638/data");
    let err = fetch_pxweb(&url, None, &quick()).unwrap_err().to_string();
    assert!(
        err.starts_with(&format!(
            "could not fetch {url}: the network or the server cannot be reached"
        )),
        "{err}"
    );
    assert!(err.ends_with("gave up after 3 tries"), "{err}");
}
