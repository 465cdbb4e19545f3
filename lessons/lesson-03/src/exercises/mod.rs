//! Lesson 03's exercises: one file each, yours to edit.
//!
//! Check your work with `cargo test -p lesson-03`; `cargo xtask hint N` gives a hint for exercise N.
//!
//! (With the `solutions` feature, which the course's own CI turns on, these modules are the
//! reference solutions from `course/` instead of your files, so the same checks prove that the
//! exercises can be solved.)

#[cfg_attr(
    feature = "solutions",
    path = "../../course/comment_counts/solution.rs"
)]
pub mod comment_counts;

#[cfg_attr(
    feature = "solutions",
    path = "../../course/start_title_fetches/solution.rs"
)]
pub mod start_title_fetches;

#[cfg_attr(
    feature = "solutions",
    path = "../../course/start_status_log/solution.rs"
)]
pub mod start_status_log;

#[cfg_attr(
    feature = "solutions",
    path = "../../course/titles_in_tasks/solution.rs"
)]
pub mod titles_in_tasks;

#[cfg_attr(feature = "solutions", path = "../../course/fetch_posts/solution.rs")]
pub mod fetch_posts;

#[cfg_attr(
    feature = "solutions",
    path = "../../course/slowest_request/solution.rs"
)]
pub mod slowest_request;
