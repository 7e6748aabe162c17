//! The DATA section: the cells in the order of the stub's rows (the last
//! variable fastest) and, within a row, of the heading. Cells are numbers,
//! or in quotes a dots code for a missing value (`".."`, one to six dots)
//! or a dash, the format's nil (`"-"`: an absolute zero). Comma, space,
//! semicolon and tab all separate cells. With `KEYS` each row starts with
//! the values (or codes) of the stub variables, and rows of zeros may be
//! left out.

use std::collections::HashMap;

use crate::error::{Error, Result};

/// One cell: the value (none for a dots code) and the marker written.
pub(crate) type Cell = (Option<f64>, Option<String>);

/// The cells of DATA and whether every number was written whole.
#[derive(Debug)]
pub(crate) struct Cells {
    pub values: Vec<Option<f64>>,
    pub status: Vec<Option<String>>,
    pub whole: bool,
}

/// A token of the DATA text and its line.
struct Token<'a> {
    text: &'a str,
    quoted: bool,
    line: usize,
}

fn tokens(data: &str, first_line: usize) -> impl Iterator<Item = Token<'_>> {
    let bytes = data.as_bytes();
    let mut pos = 0;
    let mut line = first_line;
    std::iter::from_fn(move || {
        while pos < bytes.len() && matches!(bytes[pos], b' ' | b'\t' | b'\r' | b'\n' | b',' | b';')
        {
            if bytes[pos] == b'\n' {
                line += 1;
            }
            pos += 1;
        }
        if pos >= bytes.len() {
            return None;
        }
        if bytes[pos] == b'"' {
            let start = pos + 1;
            let end = bytes[start..]
                .iter()
                .position(|&b| b == b'"' || b == b'\n')
                .map_or(bytes.len(), |i| i + start);
            pos = (end + 1).min(bytes.len());
            return Some(Token {
                text: &data[start..end],
                quoted: true,
                line,
            });
        }
        let start = pos;
        while pos < bytes.len()
            && !matches!(
                bytes[pos],
                b' ' | b'\t' | b'\r' | b'\n' | b',' | b';' | b'"'
            )
        {
            pos += 1;
        }
        Some(Token {
            text: &data[start..pos],
            quoted: false,
            line,
        })
    })
}

/// Whether a text is one of the format's missing-value codes (one to six dots).
fn is_dots(text: &str) -> bool {
    (1..=6).contains(&text.len()) && text.bytes().all(|b| b == b'.')
}

struct Reader<'a> {
    file: &'a str,
    whole: bool,
}

impl Reader<'_> {
    fn cell(&mut self, token: &Token<'_>) -> Result<Cell> {
        let text = token.text.trim();
        if is_dots(text) {
            return Ok((None, Some(text.to_string())));
        }
        if text == "-" {
            return Ok((Some(0.0), Some("-".to_string())));
        }
        match text.parse::<f64>() {
            Ok(v) if v.is_finite() && !token.quoted => {
                if text.contains(['.', 'e', 'E']) {
                    self.whole = false;
                }
                Ok((Some(v), None))
            }
            _ => Err(Error::format(
                self.file,
                token.line,
                Some("DATA".into()),
                format!(
                    "a cell must be a number or, in quotes, a dots code (\"..\") or \"-\"; found `{}`",
                    if token.quoted { format!("\"{text}\"") } else { text.to_string() }
                ),
            )),
        }
    }
}

/// The cells of a DATA section without KEYS: exactly `n` of them.
///
/// # Errors
/// [`Error::Format`] at the line of a cell that is not a number or a code,
/// or when there are more or fewer than `n` cells.
pub(crate) fn read_plain(
    data: &str,
    line: usize,
    n: usize,
    shape: &str,
    file: &str,
) -> Result<Cells> {
    let mut reader = Reader { file, whole: true };
    let (mut values, mut status) = (Vec::with_capacity(n), Vec::with_capacity(n));
    for token in tokens(data, line) {
        if values.len() == n {
            return Err(Error::format(
                file,
                token.line,
                Some("DATA".into()),
                format!("more cells than the table's {n} ({shape})"),
            ));
        }
        let (value, marker) = reader.cell(&token)?;
        values.push(value);
        status.push(marker);
    }
    if values.len() < n {
        return Err(Error::format(
            file,
            line,
            Some("DATA".into()),
            format!("{} cells; the table has {n} ({shape})", values.len()),
        ));
    }
    Ok(Cells {
        values,
        status,
        whole: reader.whole,
    })
}

/// The stub variables of a file with KEYS: for each, the texts a row may
/// start with (its VALUES or its CODES) and their positions.
pub(crate) struct Keyed {
    pub names: Vec<String>,
    pub keys: Vec<HashMap<String, usize>>,
}

/// The cells of a DATA section with KEYS: rows of the stub's keys and
/// `width` cells (the heading's); rows left out are zeros.
///
/// # Errors
/// [`Error::Format`] at the line of an unknown key, a row given twice, or
/// a row cut short.
pub(crate) fn read_keyed(
    data: &str,
    line: usize,
    stub: &Keyed,
    width: usize,
    file: &str,
) -> Result<Cells> {
    let sizes: Vec<usize> = stub.keys.iter().map(HashMap::len).collect();
    let rows: usize = sizes.iter().product();
    let n = rows * width;
    let mut reader = Reader { file, whole: true };
    let mut values = vec![Some(0.0); n];
    let mut status = vec![None; n];
    let mut seen = vec![false; rows];
    let mut tokens = tokens(data, line).peekable();
    while tokens.peek().is_some() {
        let mut row = 0;
        let mut row_line = line;
        for (i, (name, keys)) in stub.names.iter().zip(&stub.keys).enumerate() {
            let token = tokens.next().ok_or_else(|| {
                Error::format(
                    file,
                    row_line,
                    Some("DATA".into()),
                    "a row ends before its keys",
                )
            })?;
            row_line = token.line;
            let at = keys.get(token.text).ok_or_else(|| {
                Error::format(
                    file,
                    token.line,
                    Some(format!("KEYS(\"{name}\")")),
                    format!("`{}` is not a value of `{name}`", token.text),
                )
            })?;
            row = row * sizes[i] + at;
        }
        if std::mem::replace(&mut seen[row], true) {
            return Err(Error::format(
                file,
                row_line,
                Some("DATA".into()),
                "a row given twice",
            ));
        }
        for k in 0..width {
            let token = tokens.next().ok_or_else(|| {
                Error::format(
                    file,
                    row_line,
                    Some("DATA".into()),
                    format!("a row of {k} cells; each row has {width}"),
                )
            })?;
            let (value, marker) = reader.cell(&token)?;
            values[row * width + k] = value;
            status[row * width + k] = marker;
        }
    }
    Ok(Cells {
        values,
        status,
        whole: reader.whole,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_dots_and_the_dash_in_any_separators() {
        let cells =
            read_plain("\n1 2,\t\"..\";\"-\"\n3.5 \"......\"", 10, 6, "2 × 3", "t").unwrap();
        assert_eq!(
            cells.values,
            [Some(1.0), Some(2.0), None, Some(0.0), Some(3.5), None]
        );
        assert_eq!(cells.status[2].as_deref(), Some(".."));
        assert_eq!(cells.status[3].as_deref(), Some("-"));
        assert_eq!(cells.status[5].as_deref(), Some("......"));
        assert!(!cells.whole);
    }

    #[test]
    fn a_bad_cell_or_a_wrong_count_names_the_line() {
        let err = |data: &str, n| {
            read_plain(data, 20, n, "2 × 2", "t.px")
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            err("\n1 2\n3 x4", 4),
            "file `t.px`, line 22, key `DATA`: a cell must be a number or, in quotes, a dots code (\"..\") or \"-\"; found `x4`"
        );
        assert_eq!(
            err("\n1 2\n3", 4),
            "file `t.px`, line 20, key `DATA`: 3 cells; the table has 4 (2 × 2)"
        );
        assert!(
            err("1 2\n3 4\n5", 4).contains("line 22, key `DATA`: more cells than the table's 4")
        );
        assert!(err("1 \"12\" 3 4", 4).contains("found `\"12\"`"));
        assert!(err("1 NaN 3 4", 4).contains("found `NaN`"));
    }

    #[test]
    fn keyed_rows_fill_the_cube_and_missing_rows_are_zeros() {
        let key = |v: &[&str]| {
            v.iter()
                .enumerate()
                .map(|(i, s)| (s.to_string(), i))
                .collect()
        };
        let stub = Keyed {
            names: vec!["region".into(), "kön".into()],
            keys: vec![key(&["2380", "2309"]), key(&["1", "2"])],
        };
        let cells = read_keyed(
            "\n\"2309\",\"2\",5 6\n\"2380\",\"1\",1 \"..\"\n",
            3,
            &stub,
            2,
            "t",
        )
        .unwrap();
        assert_eq!(
            cells.values,
            [
                Some(1.0),
                None,
                Some(0.0),
                Some(0.0),
                Some(0.0),
                Some(0.0),
                Some(5.0),
                Some(6.0)
            ]
        );
        let err = read_keyed("\"2381\",\"1\",1 2", 3, &stub, 2, "t.px")
            .unwrap_err()
            .to_string();
        assert_eq!(
            err,
            "file `t.px`, line 3, key `KEYS(\"region\")`: `2381` is not a value of `region`"
        );
        let err = read_keyed(
            "\"2380\",\"1\",1 2\n\"2380\",\"1\",1 2",
            3,
            &stub,
            2,
            "t.px",
        )
        .unwrap_err();
        assert!(err
            .to_string()
            .contains("line 4, key `DATA`: a row given twice"));
    }
}
