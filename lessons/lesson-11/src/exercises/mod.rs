//! Lesson 11's exercise: one file, yours to edit.
//!
//! Check your work with `cargo test -p lesson-11`; `cargo xtask hint 16` gives a hint.
//!
//! (With the `solutions` feature, which the course's own CI turns on, this module is the
//! reference solution from `course/` instead of your file, so the same checks prove that the
//! exercise can be solved.)

#[cfg_attr(
    feature = "solutions",
    path = "../../course/resume_download/solution.rs"
)]
pub mod resume_download;
