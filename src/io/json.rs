//! What the JSON readers (JSON-stat, Kolada) share: parsing with the line
//! of a syntax error, and the line of a key found wrong after parsing
//! (`values[3].period`), so that every error names a line and a key.

use serde_json::Value;

use crate::error::{Error, Result};

/// One step of a path into a JSON document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    Key(String),
    Index(usize),
}

/// A path into a JSON document, written `values[3].period`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct JsonPath(pub Vec<Step>);

impl JsonPath {
    pub fn key(&self, key: &str) -> JsonPath {
        let mut steps = self.0.clone();
        steps.push(Step::Key(key.to_string()));
        JsonPath(steps)
    }

    pub fn index(&self, i: usize) -> JsonPath {
        let mut steps = self.0.clone();
        steps.push(Step::Index(i));
        JsonPath(steps)
    }
}

impl std::fmt::Display for JsonPath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, step) in self.0.iter().enumerate() {
            match step {
                Step::Key(k) if i == 0 => write!(f, "{k}")?,
                Step::Key(k) => write!(f, ".{k}")?,
                Step::Index(n) => write!(f, "[{n}]")?,
            }
        }
        if self.0.is_empty() {
            write!(f, "(top)")?;
        }
        Ok(())
    }
}

/// A JSON document and its text, for errors with lines.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub file: &'a str,
    pub value: Value,
}

impl<'a> Doc<'a> {
    /// Parse `text`.
    ///
    /// # Errors
    /// [`Error::Format`] with serde_json's line for a syntax error.
    pub fn parse(text: &'a str, file: &'a str, what: &str) -> Result<Doc<'a>> {
        let value = serde_json::from_str(text).map_err(|e| {
            Error::format(
                file,
                e.line().max(1),
                None,
                format!("not valid JSON ({what}): {e}"),
            )
        })?;
        Ok(Doc { text, file, value })
    }

    /// An error at `path`, with the line where its value starts.
    pub fn error(&self, path: &JsonPath, problem: impl std::fmt::Display) -> Error {
        let line = locate(self.text, &path.0).unwrap_or(1);
        Error::format(self.file, line, Some(path.to_string()), problem)
    }
}

/// A short rendering of a JSON value for messages.
pub(crate) fn shown(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(40).collect::<String>())
    } else {
        text
    }
}

/// The 1-based line where the value at `path` starts, by walking the text.
fn locate(text: &str, path: &[Step]) -> Option<usize> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
    };
    scanner.space();
    for step in path {
        match (step, scanner.peek()?) {
            (Step::Key(key), b'{') => {
                scanner.pos += 1;
                loop {
                    scanner.space();
                    if scanner.peek()? == b'}' {
                        return None;
                    }
                    let name = scanner.string()?;
                    scanner.space();
                    scanner.expect(b':')?;
                    scanner.space();
                    if name == *key {
                        break;
                    }
                    scanner.skip()?;
                    scanner.space();
                    if scanner.peek()? == b',' {
                        scanner.pos += 1;
                    }
                }
            }
            (Step::Index(n), b'[') => {
                scanner.pos += 1;
                for _ in 0..*n {
                    scanner.space();
                    scanner.skip()?;
                    scanner.space();
                    scanner.expect(b',')?;
                }
                scanner.space();
            }
            _ => return None,
        }
    }
    Some(
        text.as_bytes()[..scanner.pos]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1,
    )
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn space(&mut self) {
        while self.peek().is_some_and(|c| c.is_ascii_whitespace()) {
            self.pos += 1;
        }
    }

    fn expect(&mut self, c: u8) -> Option<()> {
        (self.peek()? == c).then(|| self.pos += 1)
    }

    /// A string's content (escapes decoded as serde_json does).
    fn string(&mut self) -> Option<String> {
        let start = self.pos;
        self.expect(b'"')?;
        while self.peek()? != b'"' {
            self.pos += if self.peek()? == b'\\' { 2 } else { 1 };
        }
        self.pos += 1;
        serde_json::from_slice(&self.bytes[start..self.pos]).ok()
    }

    /// Skip one value of any kind.
    fn skip(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.string().map(|_| ()),
            b'{' | b'[' => {
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                self.pos += 1;
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.pos += 1;
                }
            }
            _ => {
                while self
                    .peek()
                    .is_some_and(|c| !matches!(c, b',' | b'}' | b']') && !c.is_ascii_whitespace())
                {
                    self.pos += 1;
                }
                Some(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_found_at_its_line() {
        let text = "{\n \"count\": 2,\n \"values\": [\n  {\"kpi\": \"N1\", \"x\": {\"a\": [1, 2]}},\n  {\"kpi\": \"N2\",\n   \"period\": \"20x4\"}\n ]\n}";
        let path = JsonPath::default().key("values").index(1).key("period");
        assert_eq!(path.to_string(), "values[1].period");
        assert_eq!(locate(text, &path.0), Some(6));
        assert_eq!(locate(text, &JsonPath::default().key("values").0), Some(3));
        assert_eq!(locate(text, &JsonPath::default().key("nothing").0), None);
        let doc = Doc::parse(text, "k.json", "Kolada").unwrap();
        assert_eq!(
            doc.error(&path, "must be a year").to_string(),
            "file `k.json`, line 6, key `values[1].period`: must be a year"
        );
    }

    #[test]
    fn a_syntax_error_names_its_line() {
        let err = Doc::parse("{\n \"a\": 1,\n \"b\" 2\n}", "x.json", "JSON-stat")
            .err()
            .unwrap()
            .to_string();
        assert!(
            err.starts_with("file `x.json`, line 3: not valid JSON (JSON-stat): expected `:`"),
            "{err}"
        );
    }
}
