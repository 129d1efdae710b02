//! Bidirectional text in what users type (organisation names, result
//! names, notes, actions): a right-to-left override (U+202E) or another
//! bidi control in a name must not reverse the widget's own words after it.
//!
//! On screen, user text is isolated: in its own `<bdi>` element where it
//! stands alone, and, where a sentence carries it ("From Leeds, Executive."),
//! between a first-strong isolate and its pop ([`isolate`]), which ends any
//! override the text started. In the CSV and Markdown downloads the
//! controls are removed ([`without_controls`]): they are invisible
//! formatting whose only effect in a spreadsheet cell or a board paper is to
//! reorder the text around them, while every letter the user typed is kept.
//! The JSON download and links carry the text exactly as typed.

use std::borrow::Cow;

/// First strong isolate: the direction of what follows is its own.
const FSI: char = '\u{2068}';
/// Pop directional isolate: ends the isolate and anything begun in it.
const PDI: char = '\u{2069}';

/// Whether `c` is a bidirectional formatting character: the embeddings,
/// overrides and their pop (U+202A–U+202E), the isolates (U+2066–U+2069),
/// the left-to-right and right-to-left marks (U+200E, U+200F) and the
/// Arabic letter mark (U+061C).
pub fn is_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Whether `c` is a right-to-left letter (Hebrew, Arabic, Syriac, Thaana,
/// N'Ko and their presentation forms, and the historic scripts above the
/// Basic Multilingual Plane).
fn is_right_to_left(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
}

/// `text` without bidirectional controls, for the downloads.
pub fn without_controls(text: &str) -> Cow<'_, str> {
    if text.contains(is_control) {
        Cow::Owned(text.chars().filter(|&c| !is_control(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// User text ready to sit inside one of the widget's sentences: unchanged
/// if it holds no control and no right-to-left letter (so plain names read
/// and copy as typed), otherwise between a first-strong isolate and its
/// pop. Its own isolates are balanced first: a pop with nothing to close is
/// dropped and one left open is closed, so ours always pairs up.
pub fn isolate(text: &str) -> Cow<'_, str> {
    if !text.contains(|c| is_control(c) || is_right_to_left(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 6);
    out.push(FSI);
    let mut open = 0_usize;
    for c in text.chars() {
        match c {
            '\u{2066}'..='\u{2068}' => {
                open += 1;
                out.push(c);
            }
            PDI if open == 0 => {}
            PDI => {
                open -= 1;
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.extend(std::iter::repeat_n(PDI, open + 1));
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_left_alone() {
        assert!(matches!(
            isolate("Leeds Teaching Hospitals"),
            Cow::Borrowed(_)
        ));
        assert!(matches!(
            without_controls("Leeds – Non-executive"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn text_with_controls_or_right_to_left_letters_is_isolated() {
        assert_eq!(isolate("\u{202E}Leeds"), "\u{2068}\u{202E}Leeds\u{2069}");
        assert_eq!(isolate("مستشفى"), "\u{2068}مستشفى\u{2069}");
        // A pop of the user's own cannot end ours early, and an isolate
        // they left open is closed before ours.
        assert_eq!(isolate("a\u{2069}\u{202E}b"), "\u{2068}a\u{202E}b\u{2069}");
        assert_eq!(isolate("\u{2067}b"), "\u{2068}\u{2067}b\u{2069}\u{2069}");
        // Isolating twice keeps the inner pairs.
        let once = isolate("\u{202E}Jane").into_owned();
        assert_eq!(isolate(&once), format!("\u{2068}{once}\u{2069}"));
    }

    #[test]
    fn every_control_is_removed_for_the_downloads() {
        let controls = "\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\u{200E}\u{200F}\u{061C}";
        assert!(controls.chars().all(is_control));
        assert_eq!(without_controls(&format!("a{controls}b")), "ab");
        assert!(
            !is_control('\u{200D}'),
            "a zero-width joiner shapes emoji and scripts"
        );
    }
}
