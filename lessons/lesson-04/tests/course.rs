//! The course checks its own exercise (run with `--features solutions`, as CI does): the
//! untouched stub and every kept wrong answer must be rejected, each with the message meant for
//! it. (That the reference solution passes is shown by `tests/exercises.rs`, which the same
//! feature points at the solution.)
// Some kept wrong answers unwrap on purpose: that is what makes them wrong.
#![allow(clippy::unwrap_used)]

// The exercise files name the error type as `crate::ApiError`.
use lesson_04::ApiError;

/// The learner's starting file is the pristine stub.
#[test]
fn the_exercise_file_is_the_stub() {
    assert_eq!(
        include_str!("../src/exercises/fetch_post_within.rs"),
        include_str!("../course/fetch_post_within/stub.rs"),
        "src/exercises/fetch_post_within.rs differs from course/fetch_post_within/stub.rs"
    );
}

#[path = "../course/fetch_post_within"]
mod fetch_post_within {
    use lesson_support::testing::assert_rejected;

    mod checks;
    #[path = "wrong/client_per_call.rs"]
    mod client_per_call;
    #[path = "wrong/everything_is_other.rs"]
    mod everything_is_other;
    #[path = "wrong/fixed_timeout.rs"]
    mod fixed_timeout;
    #[path = "wrong/ignores_status.rs"]
    mod ignores_status;
    #[path = "wrong/no_timeout.rs"]
    mod no_timeout;
    #[path = "wrong/outer_deadline.rs"]
    mod outer_deadline;
    #[path = "wrong/panics_on_failure.rs"]
    mod panics_on_failure;
    mod stub;
    #[path = "wrong/timeout_as_connect.rs"]
    mod timeout_as_connect;

    #[tokio::test]
    async fn rejects_the_stub() {
        let verdict = checks::all(stub::fetch_post_within).await;
        assert_rejected("stub", verdict, "still the stub");
    }

    #[tokio::test]
    async fn rejects_a_fixed_timeout_instead_of_the_limit() {
        let verdict = checks::all(fixed_timeout::fetch_post_within).await;
        assert_rejected(
            "fixed_timeout",
            verdict,
            "it does not wait as long as `limit` says",
        );
    }

    #[tokio::test]
    async fn rejects_waiting_without_a_timeout() {
        let verdict = checks::all(no_timeout::fetch_post_within).await;
        assert_rejected(
            "no_timeout",
            verdict,
            "still waiting. The client's own timeout is 30s: give this request its own, \
             `client.get(url).timeout(limit)`",
        );
    }

    #[tokio::test]
    async fn rejects_a_new_client_per_call() {
        let verdict = checks::all(client_per_call::fetch_post_within).await;
        assert_rejected(
            "client_per_call",
            verdict,
            "did not come from the `client` you were given",
        );
    }

    #[tokio::test]
    async fn rejects_calling_a_timeout_a_connection_error() {
        let verdict = checks::all(timeout_as_connect::fetch_post_within).await;
        assert_rejected(
            "timeout_as_connect",
            verdict,
            "a timeout is not a failed connection",
        );
    }

    #[tokio::test]
    async fn rejects_one_variant_for_every_failure() {
        let verdict = checks::all(everything_is_other::fetch_post_within).await;
        assert_rejected(
            "everything_is_other",
            verdict,
            "sort reqwest's errors into their variants",
        );
    }

    #[tokio::test]
    async fn rejects_ignoring_the_status() {
        let verdict = checks::all(ignores_status::fetch_post_within).await;
        assert_rejected(
            "ignores_status",
            verdict,
            "decoded without looking at the status first",
        );
    }

    #[tokio::test]
    async fn rejects_an_outer_deadline_for_one_request() {
        let verdict = checks::all(outer_deadline::fetch_post_within).await;
        assert_rejected(
            "outer_deadline",
            verdict,
            "the variant of `tokio::time::timeout`'s error",
        );
    }

    #[tokio::test]
    async fn rejects_panicking_on_a_failure() {
        let verdict = checks::all(panics_on_failure::fetch_post_within).await;
        assert_rejected("panics_on_failure", verdict, "your code panicked");
    }
}
