//! A strict RFC 4180 CSV reader, for checking the CSV exports.

/// A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut chars = text.chars().peekable();
    loop {
        let mut field = String::new();
        if chars.peek() == Some(&'"') {
            chars.next();
            loop {
                match chars.next().expect("unterminated quoted field") {
                    '"' if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => break,
                    c => field.push(c),
                }
            }
        } else {
            while let Some(&c) = chars.peek() {
                if c == ',' || c == '\r' {
                    break;
                }
                assert!(c != '"' && c != '\n', "unquoted field holds {c:?}");
                field.push(c);
                chars.next();
            }
        }
        row.push(field);
        match chars.next() {
            Some(',') => {}
            Some('\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                rows.push(std::mem::take(&mut row));
                if chars.peek().is_none() {
                    return rows;
                }
            }
            other => panic!("expected a comma or CRLF after a field, found {other:?}"),
        }
    }
}
