//! The course checks its own exercise (run with `--features solutions`, as CI does): the
//! untouched stub and every kept wrong answer must be rejected, each with the message meant for
//! it. (That the reference solution passes is shown by `tests/exercises.rs`, which the same
//! feature points at the solution.)
// Some kept wrong answers unwrap on purpose: that is what makes them wrong.
#![allow(clippy::unwrap_used)]

// The exercise files name the error type as `crate::UserError`.
use lesson_02::UserError;

/// The learner's starting file is the pristine stub.
#[test]
fn the_exercise_file_is_the_stub() {
    assert_eq!(
        include_str!("../src/exercises/fetch_user.rs"),
        include_str!("../course/fetch_user/stub.rs"),
        "src/exercises/fetch_user.rs differs from course/fetch_user/stub.rs"
    );
}

#[path = "../course/fetch_user"]
mod fetch_user {
    use lesson_support::testing::assert_rejected;

    mod checks;
    #[path = "wrong/every_status_is_not_found.rs"]
    mod every_status_is_not_found;
    #[path = "wrong/everything_is_a_server_error.rs"]
    mod everything_is_a_server_error;
    #[path = "wrong/hard_coded_url.rs"]
    mod hard_coded_url;
    #[path = "wrong/ignores_status.rs"]
    mod ignores_status;
    #[path = "wrong/panics_on_failure.rs"]
    mod panics_on_failure;
    mod stub;

    #[tokio::test]
    async fn rejects_the_stub() {
        let verdict = checks::all(stub::fetch_user).await;
        assert_rejected("stub", verdict, "still the stub");
    }

    #[tokio::test]
    async fn rejects_calling_every_error_status_not_found() {
        let verdict = checks::all(every_status_is_not_found::fetch_user).await;
        assert_rejected("every_status_is_not_found", verdict, "only a 404 means");
    }

    #[tokio::test]
    async fn rejects_calling_every_failure_a_server_error() {
        let verdict = checks::all(everything_is_a_server_error::fetch_user).await;
        assert_rejected(
            "everything_is_a_server_error",
            verdict,
            "expected Err(NotFound(11))",
        );
    }

    #[tokio::test]
    async fn rejects_a_hard_coded_url() {
        let verdict = checks::all(hard_coded_url::fetch_user).await;
        assert_rejected("hard_coded_url", verdict, "build the URL from `base_url`");
    }

    #[tokio::test]
    async fn rejects_ignoring_the_status() {
        let verdict = checks::all(ignores_status::fetch_user).await;
        assert_rejected(
            "ignores_status",
            verdict,
            "without looking at the status first",
        );
    }

    #[tokio::test]
    async fn rejects_panicking_when_unreachable() {
        let verdict = checks::all(panics_on_failure::fetch_user).await;
        assert_rejected("panics_on_failure", verdict, "your code panicked");
    }
}
