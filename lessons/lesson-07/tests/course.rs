//! The course checks its own exercise (run with `--features solutions`, as CI does): the
//! untouched stub and every kept wrong answer must be rejected, each with the message meant for
//! it. (That the reference solution passes is shown by `tests/exercises.rs`, which the same
//! feature points at the solution.)
// Some kept wrong answers unwrap on purpose: that is what makes them wrong.
#![allow(clippy::unwrap_used)]

// The exercise files name the lesson's types as `crate::RetryPolicy` and `crate::Jitter`.
use lesson_07::{Jitter, RetryPolicy};

/// The learner's starting file is the pristine stub.
#[test]
fn the_exercise_file_is_the_stub() {
    assert_eq!(
        include_str!("../src/exercises/get_with_retry.rs"),
        include_str!("../course/get_with_retry/stub.rs"),
        "src/exercises/get_with_retry.rs differs from course/get_with_retry/stub.rs"
    );
}

#[path = "../course/get_with_retry"]
mod get_with_retry {
    use lesson_support::testing::assert_rejected;

    mod checks;
    #[path = "wrong/client_per_attempt.rs"]
    mod client_per_attempt;
    #[path = "wrong/constant_delay.rs"]
    mod constant_delay;
    #[path = "wrong/full_jitter.rs"]
    mod full_jitter;
    #[path = "wrong/ignores_retry_after.rs"]
    mod ignores_retry_after;
    #[path = "wrong/no_wait.rs"]
    mod no_wait;
    #[path = "wrong/one_attempt_too_many.rs"]
    mod one_attempt_too_many;
    #[path = "wrong/retries_everything.rs"]
    mod retries_everything;
    #[path = "wrong/statuses_only.rs"]
    mod statuses_only;
    mod stub;
    #[path = "wrong/uncapped.rs"]
    mod uncapped;

    #[tokio::test]
    async fn rejects_the_stub() {
        let verdict = checks::all(stub::get_with_retry).await;
        assert_rejected("stub", verdict, "still the stub");
    }

    #[tokio::test]
    async fn rejects_retrying_a_404() {
        let verdict = checks::all(retries_everything::get_with_retry).await;
        assert_rejected(
            "retries_everything",
            verdict,
            "a 404 will be a 404 next time too",
        );
    }

    #[tokio::test]
    async fn rejects_retrying_at_once() {
        let verdict = checks::all(no_wait::get_with_retry).await;
        assert_rejected(
            "no_wait",
            verdict,
            "retrying at once hammers a server that is already failing",
        );
    }

    #[tokio::test]
    async fn rejects_a_constant_delay() {
        let verdict = checks::all(constant_delay::get_with_retry).await;
        assert_rejected("constant_delay", verdict, "The waits must grow");
    }

    #[tokio::test]
    async fn rejects_full_jitter_where_equal_jitter_is_asked_for() {
        let verdict = checks::all(full_jitter::get_with_retry).await;
        assert_rejected(
            "full_jitter",
            verdict,
            "this contract asks for equal jitter",
        );
    }

    #[tokio::test]
    async fn rejects_a_wait_that_grows_past_max_delay() {
        let verdict = checks::all(uncapped::get_with_retry).await;
        assert_rejected("uncapped", verdict, "only up to max_delay");
    }

    #[tokio::test]
    async fn rejects_ignoring_retry_after() {
        let verdict = checks::all(ignores_retry_after::get_with_retry).await;
        assert_rejected("ignores_retry_after", verdict, "honour Retry-After");
    }

    #[tokio::test]
    async fn rejects_one_attempt_too_many() {
        let verdict = checks::all(one_attempt_too_many::get_with_retry).await;
        assert_rejected(
            "one_attempt_too_many",
            verdict,
            "max_attempts counts every request, the first one included",
        );
    }

    #[tokio::test]
    async fn rejects_giving_up_when_no_answer_came() {
        let verdict = checks::all(statuses_only::get_with_retry).await;
        assert_rejected("statuses_only", verdict, "worth another try");
    }

    #[tokio::test]
    async fn rejects_a_client_per_attempt() {
        let verdict = checks::all(client_per_attempt::get_with_retry).await;
        assert_rejected(
            "client_per_attempt",
            verdict,
            "did not come from the `client`",
        );
    }
}
