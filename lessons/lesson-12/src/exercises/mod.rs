//! Lesson 12's exercise: one file, yours to edit.
//!
//! Check your work with `cargo test -p lesson-12`; `cargo xtask hint 17` gives a hint.
//!
//! (With the `solutions` feature, which the course's own CI turns on, this module is the
//! reference solution from `course/` instead of your file, so the same checks prove that the
//! exercise can be solved.)

#[cfg_attr(
    feature = "solutions",
    path = "../../course/add_update_route/solution.rs"
)]
pub mod add_update_route;
