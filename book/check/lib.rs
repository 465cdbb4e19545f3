//! The checks that keep the book honest, run by `cargo test`.
//!
//! A book drifts from its code in a few predictable ways: a chapter nobody listed in
//! `SUMMARY.md`, an `{{#include}}` whose file moved or whose anchor was deleted, a link to a
//! chapter that was renamed, a snippet of Rust pasted into Markdown that no compiler ever sees.
//! This crate catches each of them, two ways:
//!
//! - **Snippets compile.** Every chapter with a plain ```` ```rust ```` block is pulled into this
//!   crate's documentation below (`#[doc = include_str!(..)]`), so `cargo test -p course-book`
//!   runs those blocks as doctests against the real `tokio`, `reqwest` and the course's crates.
//!   Rust that comes from a lesson is shown with ```` ```rust,ignore ```` around an
//!   `{{#include}}`: it is compiled, and tested, in its own crate.
//! - **Structure holds.** [`check_book`] reads the chapters and reports every broken include,
//!   anchor, link, unlisted chapter and uncompiled Rust block, all at once. `tests/structure.rs`
//!   runs it over the real book; the unit tests at the bottom prove that each check fails on a
//!   broken example.
//!
//! The checks work on text and paths only (std, no Markdown parser): the few constructs they
//! look at (fenced code blocks, `[text](target)` links, mdBook's `{{#include}}`) are simple
//! enough to read line by line, and a check this small can be read and trusted.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Component, Path, PathBuf};

// The chapters whose ```rust blocks are doctests. `tests/structure.rs` fails if a chapter with
// such a block is missing from this list (see `doctested_chapters`).

#[cfg(doctest)]
#[doc = include_str!("../src/setup.md")]
pub mod setup {}

#[cfg(doctest)]
#[doc = include_str!("../src/lesson-01.md")]
pub mod lesson_01 {}

#[cfg(doctest)]
#[doc = include_str!("../src/lesson-02.md")]
pub mod lesson_02 {}

#[cfg(doctest)]
#[doc = include_str!("../src/lesson-03.md")]
pub mod lesson_03 {}

#[cfg(doctest)]
#[doc = include_str!("../src/lesson-04.md")]
pub mod lesson_04 {}

#[cfg(doctest)]
#[doc = include_str!("../src/lesson-05.md")]
pub mod lesson_05 {}

#[cfg(doctest)]
#[doc = include_str!("../src/lesson-06.md")]
pub mod lesson_06 {}

#[cfg(doctest)]
#[doc = include_str!("../src/lesson-09.md")]
pub mod lesson_09 {}

#[cfg(doctest)]
#[doc = include_str!("../src/troubleshooting.md")]
pub mod troubleshooting {}

#[cfg(doctest)]
#[doc = include_str!("../src/mock-server.md")]
pub mod mock_server_appendix {}

/// One thing wrong with the book: where, and what.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// The chapter (or other file) the problem is in, as given to the check.
    pub file: PathBuf,
    /// The line, counting from 1 (0 when the problem is about the file as a whole).
    pub line: usize,
    /// What is wrong and, where it helps, what to do.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
    }
}

fn problem(file: &Path, line: usize, message: String) -> Problem {
    Problem {
        file: file.to_path_buf(),
        line,
        message,
    }
}

/// Reads a file's text, or `None` when there is no such file. The real book passes
/// `std::fs::read_to_string`; the unit tests pass a map, so that the checks stay pure.
pub type Read<'a> = &'a dyn Fn(&Path) -> Option<String>;

/// `base.join(relative)` with `.` and `..` resolved on the text alone, so that the same file is
/// always the same path (`book/src/../../lessons/x.rs` is `lessons/x.rs`).
pub fn resolve(base: &Path, relative: &str) -> PathBuf {
    let mut out = PathBuf::new();
    for component in base.join(relative).components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                // Popping past the start keeps the `..`: `../x` stays `../x`.
                if matches!(
                    out.components().next_back(),
                    None | Some(Component::ParentDir)
                ) {
                    out.push("..");
                } else {
                    out.pop();
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// The directory a chapter's relative paths start from.
fn dir_of(chapter: &Path) -> &Path {
    chapter.parent().unwrap_or(Path::new(""))
}

// ---------------------------------------------------------------------------------------------
// Fenced code blocks

/// A fenced code block: its info string (`rust,ignore`, `text`, or empty), the line of its
/// opening fence, and its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeBlock {
    pub info: String,
    pub line: usize,
    pub body: String,
}

/// The opening or closing fence on `line`, if it is one: the fence character, its length and
/// the info string. Up to three spaces of indentation, as CommonMark allows.
fn fence(line: &str) -> Option<(char, usize, &str)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let marker = rest.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let length = rest.len() - rest.trim_start_matches(marker).len();
    (length >= 3).then(|| (marker, length, rest[length..].trim()))
}

/// Every fenced code block of a Markdown text, in order. An unclosed block runs to the end, as
/// CommonMark says.
pub fn code_blocks(markdown: &str) -> Vec<CodeBlock> {
    let mut blocks = Vec::new();
    let mut open: Option<(char, usize, CodeBlock)> = None;
    for (index, line) in markdown.lines().enumerate() {
        match (&mut open, fence(line)) {
            (None, Some((marker, length, info))) => {
                let block = CodeBlock {
                    info: info.to_owned(),
                    line: index + 1,
                    body: String::new(),
                };
                open = Some((marker, length, block));
            }
            // A closing fence: same character, at least as long, no info string.
            (Some((marker, length, _)), Some((m, l, info)))
                if m == *marker && l >= *length && info.is_empty() =>
            {
                if let Some((_, _, block)) = open.take() {
                    blocks.push(block);
                }
            }
            (Some((_, _, block)), _) => {
                block.body.push_str(line);
                block.body.push('\n');
            }
            (None, None) => {}
        }
    }
    blocks.extend(open.map(|(_, _, block)| block));
    blocks
}

/// Whether rustdoc would compile a block with this info string as a doctest: no language (or
/// `rust`) and no `ignore`. `no_run`, `should_panic` and `compile_fail` are still compiled.
pub fn is_compiled_rust(info: &str) -> bool {
    let tags: Vec<&str> = info
        .split([',', ' ', '\t'])
        .map(str::trim)
        .filter(|tag| !tag.is_empty())
        .collect();
    let known = |tag: &&str| {
        matches!(
            *tag,
            "rust"
                | "no_run"
                | "should_panic"
                | "compile_fail"
                | "edition2015"
                | "edition2018"
                | "edition2021"
                | "edition2024"
                | "test_harness"
                | "standalone_crate"
        ) || tag.starts_with("ignore")
            // An expected error code: `compile_fail,E0382`.
            || (tag.len() == 5
                && tag.starts_with('E')
                && tag[1..].chars().all(|c| c.is_ascii_digit()))
    };
    tags.iter().all(known) && !tags.iter().any(|tag| tag.starts_with("ignore"))
}

/// Whether a block is Rust that is *not* compiled here (` ```rust,ignore `).
fn is_ignored_rust(info: &str) -> bool {
    let mut tags = info.split([',', ' ']).map(str::trim);
    tags.next() == Some("rust") && info.split(',').any(|tag| tag.trim().starts_with("ignore"))
}

/// Markdown with the fenced code blocks blanked out (lines kept, so line numbers still hold),
/// for checks that must not look inside code.
fn prose_only(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut open: Option<(char, usize)> = None;
    for line in markdown.lines() {
        let fenced = fence(line);
        match (open, fenced) {
            (None, Some((marker, length, _))) => open = Some((marker, length)),
            (Some((marker, length)), Some((m, l, info)))
                if m == marker && l >= length && info.is_empty() =>
            {
                open = None;
            }
            (None, None) => out.push_str(line),
            _ => {}
        }
        out.push('\n');
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Check 1: SUMMARY.md lists every chapter, and every chapter it lists exists

/// The `[title](target)` links of a Markdown text outside code: `(line, target)`. Inline code
/// (`` `[a](b)` ``) is skipped; so are images' targets, which are not pages.
pub fn links(markdown: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (index, line) in prose_only(markdown).lines().enumerate() {
        // Drop inline code spans: what is between backticks is text, not a link.
        let mut text = String::new();
        for (n, part) in line.split('`').enumerate() {
            if n % 2 == 0 {
                text.push_str(part);
            }
        }
        let mut rest = text.as_str();
        while let Some(close) = rest.find("](") {
            let after = &rest[close + 2..];
            let Some(end) = after.find(')') else { break };
            // `<url>` and `url "title"` forms: the target is the first word, without brackets.
            let target = after[..end]
                .split_whitespace()
                .next()
                .unwrap_or("")
                .trim_start_matches('<')
                .trim_end_matches('>');
            found.push((index + 1, target.to_owned()));
            rest = &after[end..];
        }
    }
    found
}

/// Whether a link target leaves the book (a URL, an e-mail address) or stays on the page.
fn is_external_or_local(target: &str) -> bool {
    target.is_empty()
        || target.starts_with('#')
        || target.contains("://")
        || target.starts_with("mailto:")
}

/// Checks `SUMMARY.md` against the chapters on disk: every chapter listed, every listed
/// chapter present. `chapters` are the Markdown files under `src`, relative to it.
pub fn check_summary(summary: &str, chapters: &[PathBuf]) -> Vec<Problem> {
    let summary_path = Path::new("SUMMARY.md");
    let on_disk: BTreeSet<&Path> = chapters.iter().map(PathBuf::as_path).collect();
    let mut listed = BTreeSet::new();
    let mut problems = Vec::new();
    for (line, target) in links(summary) {
        if is_external_or_local(&target) {
            continue;
        }
        let path = resolve(Path::new(""), target.split('#').next().unwrap_or(""));
        if !on_disk.contains(path.as_path()) {
            problems.push(problem(
                summary_path,
                line,
                format!("SUMMARY.md lists `{target}`, which does not exist under src/"),
            ));
        }
        listed.insert(path);
    }
    for chapter in chapters {
        if chapter != summary_path && !listed.contains(chapter) {
            problems.push(problem(
                chapter,
                0,
                "this chapter is not listed in SUMMARY.md: mdBook would not build it".to_owned(),
            ));
        }
    }
    problems
}

/// The chapters a reader walks through in order: the numbered list of `SUMMARY.md` (its `- [..]`
/// lines; the introduction before it and the appendices after its `---` are not part of it).
pub fn reading_order(summary: &str) -> Vec<PathBuf> {
    summary
        .lines()
        .filter(|line| line.trim_start().starts_with("- ["))
        .filter_map(|line| links(line).into_iter().next())
        .map(|(_, target)| resolve(Path::new(""), target.split('#').next().unwrap_or("")))
        .collect()
}

/// Every chapter of the reading order ends with a `## Recap`, and every one but the last links
/// to the next chapter after it, so that a reader who finishes a chapter knows what to keep and
/// where to go.
pub fn check_endings(summary: &str, src: &Path, read: Read<'_>) -> Vec<Problem> {
    let order = reading_order(summary);
    let mut problems = Vec::new();
    for (at, chapter) in order.iter().enumerate() {
        let Some(markdown) = read(&src.join(chapter)) else {
            continue; // reported by `check_summary`
        };
        let prose = prose_only(&markdown);
        let Some(recap) = prose.lines().position(|line| line.trim_end() == "## Recap") else {
            problems.push(problem(
                chapter,
                0,
                "has no `## Recap` section: every chapter ends with one".to_owned(),
            ));
            continue;
        };
        let Some(next) = order.get(at + 1) else {
            continue;
        };
        let after: String = prose.lines().skip(recap).collect::<Vec<_>>().join("\n");
        let links_next = links(&after).into_iter().any(|(_, target)| {
            resolve(Path::new(""), target.split('#').next().unwrap_or("")) == *next
        });
        if !links_next {
            problems.push(problem(
                chapter,
                recap + 1,
                format!(
                    "does not link to the next chapter, {}, after its recap",
                    next.display()
                ),
            ));
        }
    }
    problems
}

// ---------------------------------------------------------------------------------------------
// Check 2: every {{#include}} resolves, anchors included

/// One mdBook include: `{{#include path}}`, `{{#include path:anchor}}`,
/// `{{#include path:3:10}}`, and the same with `#rustdoc_include`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Include {
    pub line: usize,
    pub path: String,
    pub selector: Option<String>,
}

/// The includes of a chapter, wherever they are (mdBook expands them inside code blocks too).
/// An escaped `\{{#include …}}` is text, not an include.
pub fn includes(markdown: &str) -> Vec<Include> {
    let mut found = Vec::new();
    for (index, line) in markdown.lines().enumerate() {
        let mut rest = line;
        while let Some(open) = rest.find("{{") {
            let escaped = rest[..open].ends_with('\\');
            let after = &rest[open + 2..];
            let Some(close) = after.find("}}") else { break };
            let inside = after[..close].trim_start();
            rest = &after[close + 2..];
            if escaped {
                continue;
            }
            let Some(directive) = inside.strip_prefix('#') else {
                continue;
            };
            let mut words = directive.split_whitespace();
            let kind = words.next().unwrap_or("");
            if kind != "include" && kind != "rustdoc_include" {
                continue;
            }
            let argument = words.next().unwrap_or("");
            let (path, selector) = match argument.split_once(':') {
                Some((path, selector)) => (path, Some(selector.to_owned())),
                None => (argument, None),
            };
            found.push(Include {
                line: index + 1,
                path: path.to_owned(),
                selector,
            });
        }
    }
    found
}

/// Whether `text` marks anchor `name` with both `ANCHOR: name` and, after it,
/// `ANCHOR_END: name` (the name compared whole, as mdBook does).
pub fn has_anchor(text: &str, name: &str) -> bool {
    let marks = |marker: &str| -> Vec<usize> {
        text.lines()
            .enumerate()
            .filter(|(_, line)| {
                line.split(marker).skip(1).any(|after| {
                    let word: String = after
                        .trim_start()
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '-')
                        .collect();
                    word == name
                })
            })
            .map(|(index, _)| index)
            .collect()
    };
    let starts = marks("ANCHOR:");
    let ends = marks("ANCHOR_END:");
    match (starts.first(), ends.last()) {
        (Some(start), Some(end)) => start < end,
        _ => false,
    }
}

/// Checks the includes of one chapter: each file exists (relative to the chapter), each anchor
/// is marked in it, each line range lies inside it.
pub fn check_includes(chapter: &Path, markdown: &str, read: Read<'_>) -> Vec<Problem> {
    let mut problems = Vec::new();
    for include in includes(markdown) {
        let target = resolve(dir_of(chapter), &include.path);
        let Some(text) = read(&target) else {
            problems.push(problem(
                chapter,
                include.line,
                format!(
                    "`{{{{#include {}}}}}`: no file {}",
                    include.path,
                    target.display()
                ),
            ));
            continue;
        };
        let Some(selector) = include.selector.as_deref().filter(|s| !s.is_empty()) else {
            continue;
        };
        let is_range = selector
            .split(':')
            .all(|part| part.is_empty() || part.parse::<usize>().is_ok());
        if is_range {
            let first = selector
                .split(':')
                .next()
                .and_then(|n| n.parse::<usize>().ok());
            if first.is_some_and(|first| first > text.lines().count()) {
                problems.push(problem(
                    chapter,
                    include.line,
                    format!(
                        "`{}:{selector}` starts after the end of the file ({} lines)",
                        include.path,
                        text.lines().count()
                    ),
                ));
            }
        } else if !has_anchor(&text, selector) {
            problems.push(problem(
                chapter,
                include.line,
                format!(
                    "anchor `{selector}` is not marked in {}: it needs a `// ANCHOR: {selector}` \
                     line and, after it, a `// ANCHOR_END: {selector}` line",
                    target.display()
                ),
            ));
        }
    }
    problems
}

// ---------------------------------------------------------------------------------------------
// Check 3: relative links point at files that exist

/// Checks the relative links of one chapter (`[..](other.md)`, `[..](other.md#part)`): each
/// names a file that exists. URLs and links within the page are not checked here.
pub fn check_links(chapter: &Path, markdown: &str, read: Read<'_>) -> Vec<Problem> {
    links(markdown)
        .into_iter()
        .filter(|(_, target)| !is_external_or_local(target))
        .filter_map(|(line, target)| {
            let file = target.split('#').next().unwrap_or("");
            let path = resolve(dir_of(chapter), file);
            read(&path).is_none().then(|| {
                problem(
                    chapter,
                    line,
                    format!("link to `{target}`: no file {}", path.display()),
                )
            })
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Check 4: no Rust in the book escapes the compiler

/// The chapters that this crate's `lib.rs` turns into doctests: the `../src/<name>.md` of each
/// top-level `#[doc = include_str!("../src/<name>.md")]` line (unindented, so that examples in
/// strings and comments do not count), as paths relative to `src`.
pub fn doctested_chapters(lib_rs: &str) -> BTreeSet<PathBuf> {
    const ATTRIBUTE: &str = "#[doc = include_str!(\"";
    lib_rs
        .lines()
        .filter_map(|line| {
            let start = line.strip_prefix(ATTRIBUTE).map(|_| ATTRIBUTE.len())?;
            let end = line[start..].find('"')? + start;
            line[start..end].strip_prefix("../src/").map(PathBuf::from)
        })
        .collect()
}

/// Checks that the Rust of one chapter is compiled somewhere: a plain ```` ```rust ```` block
/// (or a block with no language, which rustdoc also treats as Rust) needs the chapter to be
/// among the doctested ones; a ```` ```rust,ignore ```` block must hold only `{{#include}}`s of
/// code compiled in its own crate, never pasted code.
pub fn check_rust_blocks(
    chapter: &Path,
    markdown: &str,
    doctested: &BTreeSet<PathBuf>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    for block in code_blocks(markdown) {
        if is_compiled_rust(&block.info) {
            if !doctested.contains(chapter) {
                problems.push(problem(
                    chapter,
                    block.line,
                    format!(
                        "a ```{} block that nothing compiles: add \
                         `#[doc = include_str!(\"../src/{}\")]` to book/check/lib.rs, or mark \
                         the block with its language (text, toml, sh, …)",
                        block.info,
                        chapter.display()
                    ),
                ));
            }
        } else if is_ignored_rust(&block.info) {
            let pasted = block
                .body
                .lines()
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .any(|line| {
                    !(line.starts_with("{{#include") || line.starts_with("{{#rustdoc_include"))
                });
            if pasted {
                problems.push(problem(
                    chapter,
                    block.line,
                    "a ```rust,ignore block with pasted code: include it from a compiled file \
                     (`{{#include ../../lessons/…:anchor}}`), or make it a plain ```rust \
                     doctest"
                        .to_owned(),
                ));
            }
        }
    }
    problems
}

// ---------------------------------------------------------------------------------------------
// All of it

/// Every check over a whole book: `src` is the book's source directory, `chapters` the
/// Markdown files under it (relative to `src`), `lib_rs` this crate's `lib.rs`. The problems
/// name chapters relative to `src`, as SUMMARY.md does, sorted by file and line.
pub fn check_book(src: &Path, chapters: &[PathBuf], lib_rs: &str, read: Read<'_>) -> Vec<Problem> {
    let mut problems = Vec::new();
    match read(&src.join("SUMMARY.md")) {
        Some(summary) => {
            problems.extend(check_summary(&summary, chapters));
            problems.extend(check_endings(&summary, src, read));
        }
        None => problems.push(problem(
            &src.join("SUMMARY.md"),
            0,
            "no SUMMARY.md: mdBook needs it".to_owned(),
        )),
    }
    let doctested = doctested_chapters(lib_rs);
    for listed in &doctested {
        if !chapters.contains(listed) {
            problems.push(problem(
                Path::new("../check/lib.rs"),
                0,
                format!(
                    "doctests a chapter that does not exist: src/{}",
                    listed.display()
                ),
            ));
        }
    }
    for chapter in chapters {
        let Some(markdown) = read(&src.join(chapter)) else {
            problems.push(problem(chapter, 0, "cannot be read".to_owned()));
            continue;
        };
        // Includes and links resolve from the chapter's real place; the problem names the
        // chapter relative to `src`, as SUMMARY.md does.
        let located = src.join(chapter);
        let relabel = |mut p: Problem| {
            p.file = chapter.clone();
            p
        };
        problems.extend(
            check_includes(&located, &markdown, read)
                .into_iter()
                .map(relabel),
        );
        // SUMMARY.md's links are chapters, already checked above with a clearer message.
        if chapter != Path::new("SUMMARY.md") {
            problems.extend(
                check_links(&located, &markdown, read)
                    .into_iter()
                    .map(relabel),
            );
        }
        problems.extend(check_rust_blocks(chapter, &markdown, &doctested));
    }
    problems.sort();
    problems
}

/// The Markdown files under `src`, relative to it, sorted.
///
/// # Errors
/// When a directory cannot be read.
pub fn markdown_files(src: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    let mut pending = vec![src.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "md") {
                if let Ok(relative) = path.strip_prefix(src) {
                    found.push(relative.to_path_buf());
                }
            }
        }
    }
    found.sort();
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// An in-memory book: file path → text.
    fn files(entries: &[(&str, &str)]) -> BTreeMap<PathBuf, String> {
        entries
            .iter()
            .map(|(path, text)| (PathBuf::from(path), (*text).to_owned()))
            .collect()
    }

    fn reader(files: &BTreeMap<PathBuf, String>) -> impl Fn(&Path) -> Option<String> + '_ {
        move |path| files.get(path).cloned()
    }

    /// A `lib.rs` that doctests `intro.md` (its attribute line unindented, as in the real one).
    const LIB_RS: &str = "#[doc = include_str!(\"../src/intro.md\")]\npub mod intro {}\n";

    const SOURCE: &str = "\
fn before() {}
// ANCHOR: greet
fn greet() {}
// ANCHOR_END: greet
";

    /// A small book with nothing wrong, to break one piece at a time.
    fn sound_book() -> BTreeMap<PathBuf, String> {
        files(&[
            (
                "book/src/SUMMARY.md",
                "# Summary\n\n- [Intro](intro.md)\n- [Code](code.md)\n",
            ),
            (
                "book/src/intro.md",
                "# Intro\n\n```rust\nfn main() {}\n```\n\n## Recap\n\nNext: [the code](code.md#greet).\n",
            ),
            (
                "book/src/code.md",
                "# Code\n\n```rust,ignore\n{{#include ../../lessons/a/src/lib.rs:greet}}\n```\n\n## Recap\n",
            ),
            ("lessons/a/src/lib.rs", SOURCE),
        ])
    }

    fn check(book: &BTreeMap<PathBuf, String>) -> Vec<Problem> {
        let chapters: Vec<PathBuf> = book
            .keys()
            .filter_map(|path| path.strip_prefix("book/src").ok())
            .map(Path::to_path_buf)
            .collect();
        check_book(Path::new("book/src"), &chapters, LIB_RS, &reader(book))
    }

    /// The problems other than chapter endings, for tests that replace a chapter's whole text
    /// to break something else.
    fn check_all_but_endings(book: &BTreeMap<PathBuf, String>) -> Vec<Problem> {
        check(book)
            .into_iter()
            .filter(|p| !p.message.contains("## Recap") && !p.message.contains("next chapter"))
            .collect()
    }

    fn messages(problems: &[Problem]) -> String {
        problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn a_sound_book_has_no_problems() {
        assert_eq!(check(&sound_book()), []);
    }

    #[test]
    fn a_chapter_without_a_recap_or_a_link_onwards_is_reported() {
        let mut book = sound_book();
        book.insert(
            "book/src/intro.md".into(),
            "# Intro\n\nSee [the code](code.md).\n\n## Recap\n\nThat is all.\n".into(),
        );
        book.insert(
            "book/src/code.md".into(),
            "# Code\n\n```text\n## Recap\n```\n".into(),
        );
        let report = messages(&check(&book));
        assert!(
            report.contains(
                "intro.md:5: does not link to the next chapter, code.md, after its recap"
            ),
            "{report}"
        );
        assert!(
            report.contains("code.md:0: has no `## Recap` section"),
            "{report}"
        );
        assert_eq!(check(&book).len(), 2, "{report}");
    }

    #[test]
    fn the_reading_order_is_the_numbered_list() {
        let summary = "# Summary\n\n[Intro](intro.md)\n\n- [A](a.md)\n- [B](./b.md#top)\n\n---\n\n[Appendix](x.md)\n";
        assert_eq!(
            reading_order(summary),
            [PathBuf::from("a.md"), PathBuf::from("b.md")]
        );
    }

    #[test]
    fn paths_resolve_their_dots_on_the_text_alone() {
        assert_eq!(
            resolve(Path::new("book/src"), "../../lessons/x.rs"),
            PathBuf::from("lessons/x.rs")
        );
        assert_eq!(resolve(Path::new(""), "./a/../b.md"), PathBuf::from("b.md"));
        assert_eq!(resolve(Path::new("a"), "../../x"), PathBuf::from("../x"));
    }

    #[test]
    fn a_chapter_missing_from_the_summary_is_reported() {
        let mut book = sound_book();
        book.insert("book/src/orphan.md".into(), "# Orphan\n".into());
        let problems = check(&book);
        assert_eq!(problems.len(), 1, "{}", messages(&problems));
        assert_eq!(problems[0].file, PathBuf::from("orphan.md"));
        assert!(problems[0].message.contains("not listed in SUMMARY.md"));
    }

    #[test]
    fn a_summary_entry_without_its_file_is_reported() {
        let mut book = sound_book();
        book.insert(
            "book/src/SUMMARY.md".into(),
            "- [Intro](intro.md)\n- [Code](code.md)\n- [Gone](gone.md)\n".into(),
        );
        let problems = check_all_but_endings(&book);
        assert_eq!(problems.len(), 1, "{}", messages(&problems));
        assert_eq!(problems[0].line, 3);
        assert!(
            problems[0]
                .message
                .contains("`gone.md`, which does not exist")
        );
    }

    #[test]
    fn an_include_of_a_missing_file_is_reported() {
        let mut book = sound_book();
        book.remove(Path::new("lessons/a/src/lib.rs"));
        let problems = check(&book);
        assert_eq!(problems.len(), 1, "{}", messages(&problems));
        assert_eq!(
            (problems[0].file.as_path(), problems[0].line),
            (Path::new("code.md"), 4)
        );
        assert!(problems[0].message.contains("no file lessons/a/src/lib.rs"));
    }

    #[test]
    fn an_include_of_a_missing_anchor_is_reported() {
        let mut book = sound_book();
        // The end marker gone: mdBook would include everything to the end of the file.
        book.insert(
            "lessons/a/src/lib.rs".into(),
            SOURCE.replace("// ANCHOR_END: greet\n", ""),
        );
        let problems = check(&book);
        assert_eq!(problems.len(), 1, "{}", messages(&problems));
        assert!(problems[0].message.contains("anchor `greet` is not marked"));

        // A longer name that merely starts with the anchor's name does not count.
        book.insert(
            "lessons/a/src/lib.rs".into(),
            SOURCE.replace("greet\n", "greeting\n"),
        );
        assert_eq!(check(&book).len(), 1);
    }

    #[test]
    fn anchors_must_open_before_they_close() {
        assert!(has_anchor(SOURCE, "greet"));
        assert!(!has_anchor("// ANCHOR_END: a\n// ANCHOR: a\n", "a"));
        assert!(!has_anchor(SOURCE, "gree"));
    }

    #[test]
    fn includes_are_read_with_their_selectors_and_escapes_are_not() {
        let found = includes(
            "{{#include a.rs}} and {{ #rustdoc_include b.rs:name }}\n\\{{#include c.rs}}\n{{#include d.rs:2:5}}\n",
        );
        let summary: Vec<(usize, &str, Option<&str>)> = found
            .iter()
            .map(|i| (i.line, i.path.as_str(), i.selector.as_deref()))
            .collect();
        assert_eq!(
            summary,
            [
                (1, "a.rs", None),
                (1, "b.rs", Some("name")),
                (3, "d.rs", Some("2:5"))
            ]
        );
    }

    #[test]
    fn a_line_range_past_the_end_is_reported() {
        let mut book = sound_book();
        book.insert(
            "book/src/code.md".into(),
            "```rust,ignore\n{{#include ../../lessons/a/src/lib.rs:2:4}}\n{{#include ../../lessons/a/src/lib.rs:40:}}\n```\n".into(),
        );
        let problems = check_all_but_endings(&book);
        assert_eq!(problems.len(), 1, "{}", messages(&problems));
        assert_eq!(problems[0].line, 3);
    }

    #[test]
    fn a_broken_link_is_reported_and_urls_and_code_are_not() {
        let mut book = sound_book();
        book.insert(
            "book/src/intro.md".into(),
            "See [gone](gone.md#part), [web](https://tokio.rs), [here](#top), \
             `[code](nope.md)`.\n\n```text\n[also code](nope.md)\n```\n"
                .into(),
        );
        let problems = check_all_but_endings(&book);
        assert_eq!(problems.len(), 1, "{}", messages(&problems));
        assert_eq!(problems[0].line, 1);
        assert!(problems[0].message.contains("link to `gone.md#part`"));
    }

    #[test]
    fn a_rust_block_in_a_chapter_that_is_not_doctested_is_reported() {
        let mut book = sound_book();
        book.insert(
            "book/src/code.md".into(),
            "# Code\n\n```rust\nfn main() {}\n```\n\n```\nlet untagged = 1;\n```\n\n```text\nnot rust\n```\n".into(),
        );
        let problems = check_all_but_endings(&book);
        assert_eq!(problems.len(), 2, "{}", messages(&problems));
        assert_eq!(problems.iter().map(|p| p.line).collect::<Vec<_>>(), [3, 7]);
        assert!(problems[0].message.contains("nothing compiles"));
    }

    #[test]
    fn pasted_code_in_an_ignored_rust_block_is_reported() {
        let mut book = sound_book();
        book.insert(
            "book/src/code.md".into(),
            "```rust,ignore\nfn pasted() {}\n```\n".into(),
        );
        let problems = check_all_but_endings(&book);
        assert_eq!(problems.len(), 1, "{}", messages(&problems));
        assert!(problems[0].message.contains("pasted code"));
    }

    #[test]
    fn a_doctested_chapter_that_does_not_exist_is_reported() {
        let mut book = sound_book();
        book.remove(Path::new("book/src/intro.md"));
        book.insert("book/src/SUMMARY.md".into(), "- [Code](code.md)\n".into());
        let problems = check(&book);
        assert_eq!(problems.len(), 1, "{}", messages(&problems));
        assert!(problems[0].message.contains("does not exist: src/intro.md"));
    }

    #[test]
    fn only_top_level_doc_attributes_make_a_chapter_doctested() {
        let lib_rs = "#[doc = include_str!(\"../src/a.md\")]\n    #[doc = include_str!(\"../src/b.md\")]\n// #[doc = include_str!(\"../src/c.md\")]\n";
        assert_eq!(
            doctested_chapters(lib_rs),
            BTreeSet::from([PathBuf::from("a.md")])
        );
    }

    #[test]
    fn rustdoc_tags_decide_what_is_compiled() {
        for compiled in [
            "",
            "rust",
            "rust,no_run",
            "rust,should_panic",
            "rust,edition2024",
        ] {
            assert!(is_compiled_rust(compiled), "{compiled:?}");
        }
        for not_compiled in ["rust,ignore", "text", "toml", "sh", "python", "console"] {
            assert!(!is_compiled_rust(not_compiled), "{not_compiled:?}");
        }
    }

    #[test]
    fn code_blocks_know_their_fences() {
        let blocks = code_blocks("a\n````md\n```rust\ninner\n```\n````\n~~~text\nx\n~~~\n");
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].info, "md");
        assert_eq!(blocks[0].body, "```rust\ninner\n```\n");
        assert_eq!((blocks[1].info.as_str(), blocks[1].line), ("text", 7));
    }
}
