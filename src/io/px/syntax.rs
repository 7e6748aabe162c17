//! The syntax of a PC-Axis file: `KEYWORD[lang]("sub","keys")=values;`,
//! one entry after another, `DATA=` last. Values are quoted texts (adjacent
//! quoted texts, as long texts are split over lines, are one text) or bare
//! words (`0`, `YES`, `TLIST(A1)`), separated by commas.

use crate::error::{Error, Result};

/// One keyword entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entry {
    /// The keyword, upper case (`VALUES`).
    pub keyword: String,
    /// The language in brackets (`en` of `VALUES[en]`), if any.
    pub lang: Option<String>,
    /// The sub-keys in parentheses (the variable of `VALUES("ålder")`).
    pub sub: Vec<String>,
    /// The values, quoted texts unquoted.
    pub values: Vec<String>,
    /// The 1-based line of the keyword.
    pub line: usize,
}

impl Entry {
    /// The entry as written, for messages: `VALUES[en]("age")`.
    pub fn key(&self) -> String {
        key_text(&self.keyword, self.lang.as_deref(), &self.sub)
    }

    /// The first value.
    pub fn first(&self) -> &str {
        self.values.first().map_or("", String::as_str)
    }
}

/// A key as written: `KEYWORD[lang]("a","b")`.
pub(crate) fn key_text(keyword: &str, lang: Option<&str>, sub: &[String]) -> String {
    let mut key = keyword.to_string();
    if let Some(l) = lang {
        key.push_str(&format!("[{l}]"));
    }
    if !sub.is_empty() {
        let quoted: Vec<String> = sub.iter().map(|s| format!("\"{s}\"")).collect();
        key.push_str(&format!("({})", quoted.join(",")));
    }
    key
}

/// The entries of a file and its DATA section.
#[derive(Debug)]
pub(crate) struct Parsed<'a> {
    pub entries: Vec<Entry>,
    /// The text between `DATA=` and its closing `;`, and the line it starts on.
    pub data: Option<(&'a str, usize)>,
}

struct Lexer<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    line: usize,
    file: &'a str,
}

impl<'a> Lexer<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while let Some(c) = self.peek() {
            if c == b'\n' {
                self.line += 1;
            } else if !c.is_ascii_whitespace() {
                break;
            }
            self.pos += 1;
        }
    }

    fn error(&self, line: usize, key: Option<&str>, problem: impl std::fmt::Display) -> Error {
        Error::format(self.file, line, key.map(str::to_string), problem)
    }

    /// The text up to (not including) the first of `stops`, or the end.
    fn until(&mut self, stops: &[u8]) -> &'a str {
        let start = self.pos;
        while let Some(c) = self.peek() {
            if stops.contains(&c) {
                break;
            }
            self.pos += 1;
        }
        &self.text[start..self.pos]
    }

    /// A quoted text; the opening quote is at `pos`.
    fn quoted(&mut self, key: &str) -> Result<&'a str> {
        self.pos += 1;
        let text = self.until(b"\"\n");
        if self.peek() != Some(b'"') {
            return Err(self.error(
                self.line,
                Some(key),
                format!("a quoted text is not closed on its line: \"{text}"),
            ));
        }
        self.pos += 1;
        Ok(text)
    }

    fn keyword(&mut self) -> Result<(String, Option<String>, Vec<String>)> {
        let line = self.line;
        let word = self.until(b"[(=;\n \t\r\"");
        let valid = !word.is_empty()
            && word
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_');
        if !valid {
            let seen: String = self.text[self.pos..].chars().take(20).collect();
            return Err(self.error(
                line,
                None,
                format!("expected a keyword such as `TITLE=`; found `{word}{seen}`"),
            ));
        }
        let keyword = word.to_ascii_uppercase();
        let mut lang = None;
        if self.peek() == Some(b'[') {
            self.pos += 1;
            lang = Some(self.until(b"]\n").trim().to_string());
            if self.peek() != Some(b']') {
                return Err(self.error(line, Some(&keyword), "the language has no closing `]`"));
            }
            self.pos += 1;
        }
        let mut sub = Vec::new();
        if self.peek() == Some(b'(') {
            self.pos += 1;
            loop {
                self.skip_space();
                match self.peek() {
                    Some(b'"') => sub.push(self.quoted(&keyword)?.to_string()),
                    Some(b')') if !sub.is_empty() => {
                        self.pos += 1;
                        break;
                    }
                    _ => {
                        return Err(self.error(
                            line,
                            Some(&keyword),
                            "the sub-keys in parentheses must be quoted texts separated by commas",
                        ))
                    }
                }
                self.skip_space();
                if self.peek() == Some(b',') {
                    self.pos += 1;
                }
            }
        }
        Ok((keyword, lang, sub))
    }

    /// Values up to the closing `;` of the entry that starts on `line`.
    fn values(&mut self, key: &str, line: usize) -> Result<Vec<String>> {
        let mut values = Vec::new();
        loop {
            self.skip_space();
            match self.peek() {
                None => break,
                Some(b'"') => {
                    let mut text = self.quoted(key)?.to_string();
                    // Long texts continue in the next quoted text.
                    loop {
                        let (pos, at) = (self.pos, self.line);
                        self.skip_space();
                        if self.peek() == Some(b'"') {
                            text.push_str(self.quoted(key)?);
                        } else {
                            (self.pos, self.line) = (pos, at);
                            break;
                        }
                    }
                    values.push(text);
                }
                Some(b';') if values.is_empty() => {
                    return Err(self.error(line, Some(key), "has no value"));
                }
                Some(b',' | b';') => {
                    return Err(self.error(self.line, Some(key), "an empty value between commas"));
                }
                Some(_) => values.push(self.bare().trim().to_string()),
            }
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b';') => {
                    self.pos += 1;
                    return Ok(values);
                }
                None => break,
                Some(_) => {
                    let seen: String = self.text[self.pos..].chars().take(20).collect();
                    return Err(self.error(
                        self.line,
                        Some(key),
                        format!("expected `,` or `;` after a value; found `{seen}`"),
                    ));
                }
            }
        }
        Err(self.error(line, Some(key), "no `;` ends its value"))
    }

    /// A bare value: up to a comma or semicolon outside parentheses and quotes.
    fn bare(&mut self) -> &'a str {
        let start = self.pos;
        let (mut depth, mut quoted) = (0usize, false);
        while let Some(c) = self.peek() {
            match c {
                b'"' => quoted = !quoted,
                b'(' if !quoted => depth += 1,
                b')' if !quoted => depth = depth.saturating_sub(1),
                b',' | b';' if !quoted && depth == 0 => break,
                b'\n' => self.line += 1,
                _ => {}
            }
            self.pos += 1;
        }
        &self.text[start..self.pos]
    }

    /// The DATA section: up to its `;` (outside quotes); nothing may follow.
    fn data(&mut self, line: usize) -> Result<(&'a str, usize)> {
        let start = self.pos;
        let start_line = self.line;
        let mut quoted = false;
        while let Some(c) = self.peek() {
            match c {
                b'"' => quoted = !quoted,
                b'\n' => self.line += 1,
                b';' if !quoted => break,
                _ => {}
            }
            self.pos += 1;
        }
        if self.peek() != Some(b';') {
            return Err(self.error(line, Some("DATA"), "no `;` ends the DATA section"));
        }
        let data = &self.text[start..self.pos];
        self.pos += 1;
        self.skip_space();
        if self.peek().is_some() {
            return Err(self.error(
                self.line,
                Some("DATA"),
                "text after the `;` that ends DATA (DATA must be the last keyword)",
            ));
        }
        Ok((data, start_line))
    }
}

/// The entries of a decoded PC-Axis file.
///
/// # Errors
/// [`Error::Format`] naming the line and key of the first fault: a line
/// that does not start a keyword, an unclosed quote, a missing `=` or `;`.
pub(crate) fn parse<'a>(text: &'a str, file: &'a str) -> Result<Parsed<'a>> {
    let mut lexer = Lexer {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        line: 1,
        file,
    };
    let mut entries = Vec::new();
    loop {
        lexer.skip_space();
        if lexer.peek().is_none() {
            return Ok(Parsed {
                entries,
                data: None,
            });
        }
        let line = lexer.line;
        let (keyword, lang, sub) = lexer.keyword()?;
        let key = key_text(&keyword, lang.as_deref(), &sub);
        lexer.skip_space();
        if lexer.peek() != Some(b'=') {
            return Err(lexer.error(lexer.line, Some(&key), "expected `=` after the keyword"));
        }
        lexer.pos += 1;
        if keyword == "DATA" {
            let data = lexer.data(line)?;
            return Ok(Parsed {
                entries,
                data: Some(data),
            });
        }
        let values = lexer.values(&key, line)?;
        entries.push(Entry {
            keyword,
            lang,
            sub,
            values,
            line,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_with_languages_sub_keys_lists_and_long_texts() {
        let text = "CHARSET=\"ANSI\";\nDECIMALS=0;\nVALUES[en](\"age\")=\"0 years\",\n\"1 year\";\n\
                    NOTE=\"first part, \"\n  \"second part\";\nTIMEVAL(\"år\")=TLIST(A1, \"2020\"-\"2021\");\nDATA=\n1 2\n3;\n";
        let parsed = parse(text, "t.px").unwrap();
        let e = &parsed.entries;
        assert_eq!(e.len(), 5);
        assert_eq!(e[1].values, ["0"]);
        assert_eq!(e[2].key(), "VALUES[en](\"age\")");
        assert_eq!(e[2].values, ["0 years", "1 year"]);
        assert_eq!(e[3].values, ["first part, second part"]);
        assert_eq!(e[3].line, 5);
        assert_eq!(e[4].values, ["TLIST(A1, \"2020\"-\"2021\")"]);
        assert_eq!(parsed.data, Some(("\n1 2\n3", 8)));
    }

    #[test]
    fn faults_name_their_line_and_key() {
        let err = |text: &str| parse(text, "t.px").unwrap_err().to_string();
        assert_eq!(
            err("TITLE=\"a\";\nVALUES(\"x\")=\"a\",\"b;\n"),
            "file `t.px`, line 2, key `VALUES(\"x\")`: a quoted text is not closed on its line: \"b;"
        );
        assert_eq!(
            err("TITLE=\"a\"\nUNITS=\"st\";"),
            "file `t.px`, line 2, key `TITLE`: expected `,` or `;` after a value; found `UNITS=\"st\";`"
        );
        assert!(err("TITLE=\"a\";\n  = 3;").starts_with("file `t.px`, line 2: expected a keyword"));
        assert!(err("TITLE \"a\";").contains("key `TITLE`: expected `=`"));
        assert!(err("DATA=\n1 2").contains("line 1, key `DATA`: no `;` ends"));
        assert!(err("DATA=1;\nTITLE=\"x\";").contains("line 2, key `DATA`: text after"));
        assert!(err("TITLE=;").contains("key `TITLE`: has no value"));
    }
}
