//! The book's structure, checked over the real files: every chapter listed in SUMMARY.md, every
//! include and anchor present, every relative link resolving, no Rust left uncompiled. All the
//! problems are reported at once, each as `file:line: what is wrong`.

use std::path::Path;

use course_book::{check_book, markdown_files};

/// The whole book passes every check of `course_book` (see its unit tests for proof that each
/// check fails on a broken example).
#[test]
fn the_book_has_no_broken_includes_links_or_uncompiled_rust() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = root.join("src");
    let chapters = markdown_files(&src).expect("book/src can be listed");
    assert!(
        chapters.len() > 3,
        "found only {chapters:?} under {}",
        src.display()
    );
    let lib_rs = std::fs::read_to_string(root.join("check/lib.rs")).expect("check/lib.rs exists");
    let read = |path: &Path| std::fs::read_to_string(path).ok();

    let problems = check_book(&src, &chapters, &lib_rs, &read);

    let report: Vec<String> = problems
        .iter()
        .map(|problem| format!("  {problem}"))
        .collect();
    assert!(
        problems.is_empty(),
        "the book has {} problem(s) (paths relative to book/src):\n{}",
        problems.len(),
        report.join("\n")
    );
}
