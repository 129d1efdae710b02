//! Reading the CSV and JSON downloads back with off-the-shelf parsers (the
//! `csv` crate and `serde_json`), plus the few checks those parsers do not
//! make on their own: every CSV record ends in CRLF, and no JSON object
//! repeats a member name (RFC 8259 allows it; we never write one).

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::fmt;

/// A CSV download's rows. It must start with a byte order mark and be,
/// byte for byte, what the `csv` crate writes for those rows: RFC 4180 with
/// every record ending in CRLF, the same number of fields in each, and a
/// field quoted (quotes doubled) only when it holds a comma, quote or line
/// break.
pub fn csv_rows(download: &str) -> Vec<Vec<String>> {
    let text = download
        .strip_prefix('\u{feff}')
        .expect("a CSV download starts with a byte order mark");
    let rows: Vec<Vec<String>> = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|record| {
            let record = record.unwrap_or_else(|e| panic!("invalid CSV: {e}"));
            record.iter().map(str::to_owned).collect()
        })
        .collect();
    // Writing the rows back catches what the reader forgives: a bare LF or
    // CR ending a record, blank lines, no CRLF after the last record, a
    // quote inside an unquoted field or after a closing one, a quoted field
    // left open.
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for row in &rows {
        writer.write_record(row).expect("write to memory");
    }
    let written = String::from_utf8(writer.into_inner().expect("flush to memory"))
        .expect("UTF-8 in, UTF-8 out");
    if written != text {
        let at = written
            .bytes()
            .zip(text.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        let near = |s: &str| {
            s[s.floor_char_boundary(at.saturating_sub(20))..]
                .chars()
                .take(40)
                .collect::<String>()
        };
        panic!(
            "not strict RFC 4180 CSV at byte {at}: found {:?}, expected {:?}",
            near(text),
            near(&written)
        );
    }
    rows
}

/// A JSON download parsed by serde_json (strict RFC 8259), refusing any
/// object that repeats a member name.
pub fn json_doc(text: &str) -> Value {
    json_member_names(text);
    serde_json::from_str(text).unwrap_or_else(|e| panic!("invalid JSON: {e}"))
}

/// The member names of a JSON download's top-level object, in the order
/// written (serde_json's `Value` keeps them sorted), refusing any object,
/// at any depth, that repeats a member name.
pub fn json_member_names(text: &str) -> Vec<String> {
    serde_json::from_str::<Members>(text)
        .unwrap_or_else(|e| panic!("invalid JSON: {e}"))
        .0
}

/// An object's member names in order (empty for any other value), checked
/// for repeats in it and everything inside it.
struct Members(Vec<String>);

impl<'de> Deserialize<'de> for Members {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(MembersVisitor)
    }
}

struct MembersVisitor;

impl<'de> Visitor<'de> for MembersVisitor {
    type Value = Members;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members, A::Error> {
        let mut names: Vec<String> = Vec::new();
        while let Some(name) = map.next_key::<String>()? {
            if names.contains(&name) {
                return Err(de::Error::custom(format!("duplicate member {name:?}")));
            }
            map.next_value::<Members>()?;
            names.push(name);
        }
        Ok(Members(names))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Members, A::Error> {
        while seq.next_element::<Members>()?.is_some() {}
        Ok(Members(Vec::new()))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Members, E> {
        Ok(Members(Vec::new()))
    }

    fn visit_i64<E>(self, _: i64) -> Result<Members, E> {
        Ok(Members(Vec::new()))
    }

    fn visit_u64<E>(self, _: u64) -> Result<Members, E> {
        Ok(Members(Vec::new()))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Members, E> {
        Ok(Members(Vec::new()))
    }

    fn visit_str<E>(self, _: &str) -> Result<Members, E> {
        Ok(Members(Vec::new()))
    }

    fn visit_unit<E>(self) -> Result<Members, E> {
        Ok(Members(Vec::new()))
    }
}
