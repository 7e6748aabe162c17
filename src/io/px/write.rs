//! Writing a table as a PC-Axis file in SCB's layout (the demo data's
//! population is written this way): keywords in the format's recommended
//! order, value lists and long texts split over lines, one DATA row per
//! combination of the stub's values.

use encoding_rs::Encoding;

use crate::error::{Error, Result};

/// A variable of the table: its name, values (labels) and codes.
#[derive(Debug, Clone)]
pub(crate) struct PxVariable {
    pub name: String,
    /// `VARIABLE-CODE`, the variable's id.
    pub id: String,
    pub values: Vec<String>,
    pub codes: Vec<String>,
    /// A time variable: written with `TIMEVAL` (yearly, `TLIST(A1)`).
    pub time: bool,
}

/// A table to write.
#[derive(Debug, Clone)]
pub(crate) struct PxTable {
    /// Keywords before the variables (`MATRIX`, `TITLE`…): the keyword and
    /// its value as written (quote texts with [`quoted`]).
    pub head: Vec<(&'static str, String)>,
    pub stub: Vec<PxVariable>,
    pub heading: Vec<PxVariable>,
    /// Keywords after the variables (`UNITS`, `SOURCE`, `NOTE`…).
    pub tail: Vec<(&'static str, String)>,
    /// The cells, the last variable fastest; `None` is written `".."`.
    pub cells: Vec<Option<f64>>,
    pub decimals: usize,
}

/// The longest line written (the format allows 256 characters).
const WIDTH: usize = 200;

/// A text as quoted PX text, split into quoted parts on several lines when long.
pub(crate) fn quoted(text: &str) -> String {
    let mut parts = Vec::new();
    let mut part = String::new();
    for word in text.split_inclusive(' ') {
        if part.chars().count() + word.chars().count() > WIDTH && !part.is_empty() {
            parts.push(std::mem::take(&mut part));
        }
        part.push_str(word);
    }
    parts.push(part);
    let quoted: Vec<String> = parts.iter().map(|p| format!("\"{p}\"")).collect();
    quoted.join("\n")
}

/// A list of quoted texts, wrapped after commas.
fn list(items: &[String]) -> String {
    let mut out = String::new();
    let mut width = 0;
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
            if width > WIDTH {
                out.push('\n');
                width = 0;
            }
        }
        out.push('"');
        out.push_str(item);
        out.push('"');
        width += item.chars().count() + 3;
    }
    out
}

impl PxTable {
    fn text(&self) -> String {
        let mut out = String::new();
        let mut key = |keyword: &str, value: &str| out.push_str(&format!("{keyword}={value};\n"));
        for (k, v) in &self.head {
            key(k, v);
        }
        let names =
            |vars: &[PxVariable]| list(&vars.iter().map(|v| v.name.clone()).collect::<Vec<_>>());
        if !self.stub.is_empty() {
            key("STUB", &names(&self.stub));
        }
        if !self.heading.is_empty() {
            key("HEADING", &names(&self.heading));
        }
        let all: Vec<&PxVariable> = self.stub.iter().chain(&self.heading).collect();
        for v in &all {
            key(&format!("VALUES(\"{}\")", v.name), &list(&v.values));
        }
        for v in all.iter().filter(|v| v.time) {
            key(
                &format!("TIMEVAL(\"{}\")", v.name),
                &format!("TLIST(A1),{}", list(&v.codes)),
            );
        }
        for v in &all {
            key(&format!("CODES(\"{}\")", v.name), &list(&v.codes));
        }
        for v in &all {
            key(
                &format!("VARIABLE-CODE(\"{}\")", v.name),
                &format!("\"{}\"", v.id),
            );
        }
        for (k, v) in &self.tail {
            key(k, v);
        }
        out.push_str("DATA=\n");
        let width: usize = self.heading.iter().map(|v| v.codes.len()).product();
        for row in self.cells.chunks(width.max(1)) {
            let cells: Vec<String> = row
                .iter()
                .map(|c| {
                    c.map_or_else(
                        || "\"..\"".to_string(),
                        |v| format!("{v:.*}", self.decimals),
                    )
                })
                .collect();
            out.push_str(&cells.join(" "));
            out.push_str(" \n");
        }
        out.push_str(";\n");
        out
    }

    /// The file's bytes in `encoding` (name it in a `CODEPAGE` of `head`).
    ///
    /// # Errors
    /// A text the encoding cannot write; cells that do not fill the table.
    pub fn to_bytes(&self, encoding: &'static Encoding) -> Result<Vec<u8>> {
        let n: usize = self
            .stub
            .iter()
            .chain(&self.heading)
            .map(|v| v.codes.len())
            .product();
        if n != self.cells.len() {
            return Err(Error::argument(
                "cells",
                &format!("one per cell of the table ({n})"),
                self.cells.len(),
            ));
        }
        let text = self.text();
        let (bytes, _, unmappable) = encoding.encode(&text);
        if unmappable {
            return Err(Error::argument(
                "encoding",
                "an encoding that can write every text of the table",
                encoding.name(),
            ));
        }
        Ok(bytes.into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_texts_split_over_lines_and_read_back_whole() {
        let long = "ord ".repeat(120);
        let q = quoted(&long);
        assert!(q.lines().count() > 1 && q.lines().all(|l| l.chars().count() <= WIDTH + 2));
        let table = PxTable {
            head: vec![
                ("CHARSET", "\"ANSI\"".into()),
                ("DECIMALS", "0".into()),
                ("TITLE", q),
            ],
            stub: vec![PxVariable {
                name: "kön".into(),
                id: "Kon".into(),
                values: vec!["män".into(), "kvinnor".into()],
                codes: vec!["1".into(), "2".into()],
                time: false,
            }],
            heading: vec![],
            tail: vec![],
            cells: vec![Some(3.0), None],
            decimals: 0,
        };
        let bytes = table.to_bytes(encoding_rs::WINDOWS_1252).unwrap();
        let read = super::super::read_px_bytes(&bytes, "t.px", &Default::default()).unwrap();
        assert_eq!(read.meta.title.as_deref(), Some(long.as_str()));
        assert_eq!(read.meta.encoding, "windows-1252");
        let labels = read
            .frame
            .column("kön_label")
            .unwrap()
            .str()
            .unwrap()
            .get(0)
            .map(str::to_string);
        assert_eq!(labels.as_deref(), Some("män"));
        let mut short = table.clone();
        short.cells.pop();
        assert!(short.to_bytes(encoding_rs::UTF_8).is_err());
    }
}
