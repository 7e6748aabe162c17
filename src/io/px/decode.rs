//! The text of a PC-Axis file from its bytes. The `CODEPAGE` keyword names
//! the encoding (SCB writes `iso-8859-1`, `windows-1252` or `utf-8`); a file
//! without one is UTF-8 if its bytes are, else the format's default,
//! ISO-8859-1 — provided it says `CHARSET="ANSI"`: without that the letters
//! are in a DOS code page (850/437), which is not read.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

use crate::error::{Error, Result};

/// The 1-based line of a byte offset.
fn line_at(bytes: &[u8], offset: usize) -> usize {
    bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The value of a keyword found in the raw bytes (`CODEPAGE="utf-8";`) and
/// its line; keywords and their quotes are ASCII in every encoding read.
fn raw_keyword<'a>(bytes: &'a [u8], keyword: &[u8]) -> Option<(&'a [u8], usize)> {
    let mut from = 0;
    while let Some(at) = find(&bytes[from..], keyword).map(|i| i + from) {
        let line_start = at == 0 || matches!(bytes[at - 1], b'\n' | b'\r' | b';');
        let rest = &bytes[at + keyword.len()..];
        let after = rest.iter().position(|b| !b.is_ascii_whitespace());
        if line_start && after.is_some_and(|i| rest[i] == b'=') {
            let value = &rest[after.unwrap_or(0) + 1..];
            let end = value
                .iter()
                .position(|&b| b == b';' || b == b'\n')
                .unwrap_or(value.len());
            let value = value[..end].trim_ascii();
            let value = value
                .strip_prefix(b"\"")
                .and_then(|v| v.strip_suffix(b"\""))
                .unwrap_or(value);
            return Some((value, line_at(bytes, at)));
        }
        from = at + keyword.len();
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The decoded text and the name of the encoding it was read in.
///
/// # Errors
/// [`Error::Format`]: a `CODEPAGE` this reader does not know, bytes that
/// are not valid in the declared UTF-8, or a DOS-encoded file.
pub(crate) fn decode<'a>(
    bytes: &'a [u8],
    file: &str,
) -> Result<(std::borrow::Cow<'a, str>, &'static str)> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let declared = raw_keyword(bytes, b"CODEPAGE");
    let encoding = match declared {
        Some((label, line)) => Encoding::for_label(label).ok_or_else(|| {
            Error::format(
                file,
                line,
                Some("CODEPAGE".into()),
                format!(
                    "`{}` is not an encoding this reader knows (utf-8, iso-8859-1, windows-1252, \
                     iso-8859-15 and the other WHATWG encodings)",
                    String::from_utf8_lossy(label)
                ),
            )
        })?,
        None if std::str::from_utf8(bytes).is_ok() => UTF_8,
        None => {
            let ansi = raw_keyword(bytes, b"CHARSET")
                .is_some_and(|(v, _)| v.eq_ignore_ascii_case(b"ANSI"));
            if !ansi {
                let first = bytes.iter().position(|&b| b >= 0x80).unwrap_or(0);
                return Err(Error::format(
                    file,
                    line_at(bytes, first),
                    Some("CHARSET".into()),
                    "the file has letters outside ASCII but neither CODEPAGE nor CHARSET=\"ANSI\": \
                     a DOS code page (850/437) is not read; save it from PC-Axis or PxWeb as ANSI or UTF-8",
                ));
            }
            WINDOWS_1252
        }
    };
    if encoding == UTF_8 {
        return match std::str::from_utf8(bytes) {
            Ok(text) => Ok((text.into(), UTF_8.name())),
            Err(e) => Err(Error::format(
                file,
                line_at(bytes, e.valid_up_to()),
                Some("CODEPAGE".into()),
                "the file says UTF-8 but this line holds bytes that are not UTF-8 \
                 (is it windows-1252? then CODEPAGE should say so)",
            )),
        };
    }
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        return Err(Error::file(
            file,
            format!("bytes that are not valid {}", encoding.name()),
        ));
    }
    Ok((text, encoding.name()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_codepage_names_the_encoding() {
        let latin = b"CHARSET=\"ANSI\";\nCODEPAGE=\"windows-1252\";\nTITLE=\"\xc5lder\";";
        let (text, name) = decode(latin, "t").unwrap();
        assert!(text.contains("TITLE=\"Ålder\""));
        assert_eq!(name, "windows-1252");
        let iso = b"CODEPAGE=\"iso-8859-1\";\nTITLE=\"k\xf6n\";";
        assert!(decode(iso, "t").unwrap().0.contains("kön"));
        let utf8 = "CODEPAGE=\"utf-8\";\nTITLE=\"kön\";";
        assert_eq!(decode(utf8.as_bytes(), "t").unwrap().1, "UTF-8");
        let bom = "\u{feff}TITLE=\"kön\";";
        assert_eq!(decode(bom.as_bytes(), "t").unwrap().0, "TITLE=\"kön\";");
    }

    #[test]
    fn without_a_codepage_utf8_or_ansi_else_an_error() {
        assert_eq!(decode("TITLE=\"kön\";".as_bytes(), "t").unwrap().1, "UTF-8");
        let ansi = b"CHARSET=\"ANSI\";\nTITLE=\"k\xf6n\";";
        assert_eq!(decode(ansi, "t").unwrap().1, "windows-1252");
        let dos = b"TITLE=\"x\";\nVALUES(\"a\")=\"k\x94n\";";
        let err = decode(dos, "t.px").unwrap_err().to_string();
        assert!(
            err.starts_with("file `t.px`, line 2, key `CHARSET`: "),
            "{err}"
        );
    }

    #[test]
    fn a_wrong_codepage_or_invalid_utf8_names_the_line() {
        let err = decode(b"TITLE=\"x\";\nCODEPAGE=\"ibm850\";", "t.px")
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("file `t.px`, line 2, key `CODEPAGE`: `ibm850` is not"),
            "{err}"
        );
        let bad = b"CODEPAGE=\"utf-8\";\nTITLE=\"a\";\nVALUES(\"x\")=\"k\xf6n\";";
        let err = decode(bad, "t.px").unwrap_err().to_string();
        assert!(
            err.starts_with("file `t.px`, line 3, key `CODEPAGE`: the file says UTF-8"),
            "{err}"
        );
    }
}
