//! Where in the catalogue's text an entry or one of its keys is written, so
//! that a broken rule is reported with the line and column a reader finds
//! it at.

/// Line and column (1-based) of a byte offset.
pub(super) fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The start of the line where `id = "<id>"` is written for the
/// `occurrence`-th time (0: the first).
fn locate_id(text: &str, id: &str, occurrence: usize) -> Option<usize> {
    let quoted = format!("\"{id}\"");
    let mut from = 0;
    let mut seen = 0;
    while let Some(found) = text[from..].find(&quoted) {
        let at = from + found;
        let line_start = text[..at].rfind('\n').map_or(0, |p| p + 1);
        let head = text[line_start..at].trim();
        if head
            .strip_prefix("id")
            .is_some_and(|rest| rest.trim() == "=")
        {
            if seen == occurrence {
                return Some(line_start);
            }
            seen += 1;
        }
        from = at + quoted.len();
    }
    None
}

/// The lines of the table (`[[…]]` block) that holds the offset: from
/// after its header to the next header.
fn block_around(text: &str, offset: usize) -> (usize, usize) {
    let is_header = |line: &str| line.trim_start().starts_with('[');
    let mut start = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        if pos > offset {
            break;
        }
        if is_header(line) {
            start = pos + line.len();
        }
        pos += line.len();
    }
    let mut end = text.len();
    let mut pos = start;
    for line in text[start..].split_inclusive('\n') {
        if pos > offset && is_header(line) {
            end = pos;
            break;
        }
        pos += line.len();
    }
    (start.min(offset), end)
}

/// Where the entry with `id` (its `occurrence`-th definition) is written:
/// the `key = …` line of its table when `key` is given and written, else
/// its `id = …` line; `None` when the id is not written as such.
pub(super) fn locate(text: &str, id: &str, occurrence: usize, key: Option<&str>) -> Option<usize> {
    let id_line = locate_id(text, id, occurrence)?;
    let Some(key) = key else {
        return Some(id_line);
    };
    let (start, end) = block_around(text, id_line);
    let mut pos = start;
    for line in text[start..end].split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix(key) {
            if rest.trim_start().starts_with('=') {
                return Some(pos + (line.len() - trimmed.len()));
            }
        }
        pos += line.len();
    }
    Some(id_line)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "[catalog]\nid = \"x\"\n\n[[goal]]\nperspective = \"Patient\"\nid = \"g\"\n\n\
                        [[goal]]\nid = \"g\"\n  perspective = \"Samhälle\"\n";

    #[test]
    fn an_entry_and_its_keys_are_found_in_their_own_table() {
        let at = |id, n, key| locate(TEXT, id, n, key).map(|o| position(TEXT, o));
        assert_eq!(at("g", 0, None), Some((6, 1)));
        assert_eq!(at("g", 1, None), Some((9, 1)));
        // A key written before the id, and one indented.
        assert_eq!(at("g", 0, Some("perspective")), Some((5, 1)));
        assert_eq!(at("g", 1, Some("perspective")), Some((10, 3)));
        // A key not written: the id's line.
        assert_eq!(at("g", 1, Some("name_sv")), Some((9, 1)));
        assert_eq!(at("nothing", 0, None), None);
    }
}
