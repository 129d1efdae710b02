//! Reading the Markdown exports back.

/// How many `|` in a Markdown line are not escaped (`\|`): its table cells
/// plus one.
pub fn unescaped_pipes(line: &str) -> usize {
    let mut count = 0;
    let mut escaped = false;
    for c in line.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => count += 1,
            _ => escaped = false,
        }
    }
    count
}
