//! Words of a result made with another content version.

use std::fmt::{self, Write};

use super::plural;
use crate::text::versions::Sentence;

#[inline(always)]
pub(crate) fn sentence(which: &Sentence<'_>, f: &mut String) -> fmt::Result {
    match *which {
        Sentence::MadeWithEarlier(change) => {
            f.write_str("This result was made with an earlier version of the questions")?;
            let parts = [
                (
                    change.added,
                    "question added since is unanswered",
                    "questions added since are unanswered",
                ),
                (
                    change.changed,
                    "question whose meaning changed is unanswered",
                    "questions whose meaning changed are unanswered",
                ),
                (
                    change.removed,
                    "removed question was left out",
                    "removed questions were left out",
                ),
            ];
            let mut separator = ": ";
            for (count, one, many) in parts {
                if count > 0 {
                    let count32 = u32::try_from(count).unwrap_or(u32::MAX);
                    write!(f, "{separator}{count} {}", plural(count32, one, many))?;
                    separator = "; ";
                }
            }
            if separator == ": " {
                // Same questions, same meaning: every answer carried over.
                f.write_str(", and every answer was kept")?;
            }
            f.write_str(".")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::VersionChange;

    fn change(added: usize, changed: usize, removed: usize) -> String {
        Sentence::MadeWithEarlier(&VersionChange {
            from: 1,
            moves_to: Vec::new(),
            added,
            removed,
            changed,
        })
        .text()
    }

    #[test]
    fn the_sentence_says_what_happened_in_plain_english() {
        assert_eq!(
            change(1, 0, 1),
            "This result was made with an earlier version of the questions: 1 question added since is unanswered; 1 removed question was left out."
        );
        assert_eq!(
            change(2, 1, 3),
            "This result was made with an earlier version of the questions: 2 questions added since are unanswered; 1 question whose meaning changed is unanswered; 3 removed questions were left out."
        );
        assert_eq!(
            change(0, 0, 0),
            "This result was made with an earlier version of the questions, and every answer was kept."
        );
    }
}
