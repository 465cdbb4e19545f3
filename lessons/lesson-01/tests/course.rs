//! The course checks its own exercise (run with `--features solutions`, as CI does): the
//! untouched stub and every kept wrong answer must be rejected, each with the message meant for
//! it. (That the reference solution passes is shown by `tests/exercises.rs`, which the same
//! feature points at the solution.)
// Some kept wrong answers unwrap on purpose: that is what makes them wrong.
#![allow(clippy::unwrap_used)]

/// The learner's starting file is the pristine stub.
#[test]
fn the_exercise_file_is_the_stub() {
    assert_eq!(
        include_str!("../src/exercises/fetch_post.rs"),
        include_str!("../course/fetch_post/stub.rs"),
        "src/exercises/fetch_post.rs differs from course/fetch_post/stub.rs"
    );
}

#[path = "../course/fetch_post"]
mod fetch_post {
    mod checks;

    lesson_support::kept_answers! {
        function: fetch_post;
        wrong: {
            always_post_one in "wrong/always_post_one.rs" => "use `id` in the path",
            hard_coded_url in "wrong/hard_coded_url.rs" => "build the URL from `base_url`",
            ignores_status in "wrong/ignores_status.rs" => "`.error_for_status()`",
            reqwest_get in "wrong/reqwest_get.rs" => "did not come from the `client`",
        }
        correct: {
            execute_built_request in "also_correct/execute_built_request.rs",
        }
    }
}
