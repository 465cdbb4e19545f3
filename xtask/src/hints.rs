//! Splitting an exercise's `hints.md` into its progressive hints.
//!
//! Each hint is a click-to-open block, so that the file reads well on its own (GitHub and the
//! book render the blocks; the book includes the file under the exercise) without putting
//! "Hint 1, Hint 2" into the book's sidebar and search, as headings would:
//!
//! ```text
//! <details>
//! <summary>Hint 1: the idea</summary>
//!
//! The text, in Markdown.
//!
//! </details>
//! ```
//!
//! The runner shows one hint at a time, so a learner takes only as much help as they need.

/// The hints of a `hints.md`, in order: the text of each block whose summary starts with
/// "Hint", without its tags and surrounding blank lines. Text outside such blocks belongs to
/// no hint.
pub fn split(markdown: &str) -> Vec<String> {
    let mut hints: Vec<Vec<&str>> = Vec::new();
    let mut inside = false;
    for line in markdown.lines() {
        let tag = line.trim();
        if is_hint_summary(tag) {
            hints.push(Vec::new());
            inside = true;
        } else if tag == "</details>" {
            inside = false;
        } else if inside {
            if let Some(current) = hints.last_mut() {
                current.push(line);
            }
        }
    }
    hints
        .iter()
        .map(|lines| lines.join("\n").trim().to_string())
        .collect()
}

/// `<summary>Hint 2: the tool</summary>`: the line that starts a hint.
fn is_hint_summary(line: &str) -> bool {
    line.strip_prefix("<summary>")
        .is_some_and(|summary| summary.trim_start().starts_with("Hint"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block(summary: &str, text: &str) -> String {
        format!("<details>\n<summary>{summary}</summary>\n\n{text}\n\n</details>\n")
    }

    #[test]
    fn one_hint_per_block() {
        let markdown = [
            block("Hint 1: the idea", "The concept.\nSecond line."),
            block("Hint 2: the tool", "The API."),
        ]
        .join("\n");
        assert_eq!(
            split(&markdown),
            vec!["The concept.\nSecond line.", "The API."]
        );
    }

    #[test]
    fn text_outside_the_blocks_is_not_a_hint() {
        let markdown = format!(
            "Read these in order.\n\n{}\nAn afterword.\n",
            block("Hint 1", "Only one.")
        );
        assert_eq!(split(&markdown), vec!["Only one."]);
    }

    #[test]
    fn other_blocks_and_headings_are_not_hints() {
        let markdown = format!(
            "{}{}",
            block("Solution", "Not a hint."),
            block("Hint 1", "A.\n### An aside\nB.")
        );
        assert_eq!(split(&markdown), vec!["A.\n### An aside\nB."]);
    }

    #[test]
    fn headings_are_not_hints() {
        assert!(split("## Hint 1\nOld style.\n").is_empty());
        assert!(split("").is_empty());
    }

    #[test]
    fn windows_line_endings() {
        let markdown = "<details>\r\n<summary>Hint 1</summary>\r\n\r\nA.\r\n\r\n</details>\r\n";
        assert_eq!(split(markdown), vec!["A."]);
    }
}
