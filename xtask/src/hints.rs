//! Splitting an exercise's `hints.md` into its progressive hints.
//!
//! The file is plain Markdown with one `## Hint 1`, `## Hint 2`, … heading per hint, so that it
//! reads well on its own (on GitHub, in an editor); the runner shows one section at a time, so
//! a learner takes only as much help as they need.

/// The hints of a `hints.md`, in order, each without its heading and surrounding blank lines.
/// Text before the first `## Hint` heading (an introduction, say) belongs to no hint.
pub fn split(markdown: &str) -> Vec<String> {
    let mut hints: Vec<Vec<&str>> = Vec::new();
    for line in markdown.lines() {
        if is_hint_heading(line) {
            hints.push(Vec::new());
        } else if let Some(current) = hints.last_mut() {
            current.push(line);
        }
    }
    hints
        .iter()
        .map(|lines| lines.join("\n").trim().to_string())
        .collect()
}

/// `## Hint 2` (or `## Hint 2: the API`): a level-2 heading that starts a hint.
fn is_hint_heading(line: &str) -> bool {
    line.strip_prefix("## ")
        .is_some_and(|heading| heading.trim_start().starts_with("Hint"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_hint_per_heading() {
        let markdown = "## Hint 1\n\nThe concept.\nSecond line.\n\n## Hint 2\n\nThe API.\n";
        assert_eq!(
            split(markdown),
            vec!["The concept.\nSecond line.", "The API."]
        );
    }

    #[test]
    fn text_before_the_first_hint_is_not_a_hint() {
        let markdown = "# Hints for exercise 3\n\nRead these in order.\n\n## Hint 1\nOnly one.";
        assert_eq!(split(markdown), vec!["Only one."]);
    }

    #[test]
    fn other_headings_stay_inside_their_hint() {
        let markdown = "## Hint 1\nA.\n### An aside\nB.\n## Hint 2: the API\nC.";
        assert_eq!(split(markdown), vec!["A.\n### An aside\nB.", "C."]);
    }

    #[test]
    fn no_headings_no_hints() {
        assert!(split("").is_empty());
        assert!(split("Just some text.\n").is_empty());
    }

    #[test]
    fn windows_line_endings() {
        assert_eq!(split("## Hint 1\r\nA.\r\n"), vec!["A."]);
    }
}
