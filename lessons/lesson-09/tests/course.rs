//! The course checks its own exercise (run with `--features solutions`, as CI does): the
//! untouched stub and every kept wrong answer must be rejected, each with the message meant for
//! it. (That the reference solution passes is shown by `tests/exercises.rs`, which the same
//! feature points at the solution.)
// One kept wrong answer unwraps on purpose: that is what makes it wrong.
#![allow(clippy::unwrap_used)]

// The exercise files name these as `crate::…`, as they do inside the lesson's library.
use lesson_09::{CompleteTodo, TodoError};

/// The learner's starting file is the pristine stub.
#[test]
fn the_exercise_file_is_the_stub() {
    assert_eq!(
        include_str!("../src/exercises/complete_tests.rs"),
        include_str!("../course/complete_tests/stub.rs"),
        "src/exercises/complete_tests.rs differs from course/complete_tests/stub.rs"
    );
}

#[path = "../course/complete_tests"]
mod complete_tests {
    use lesson_support::testing::assert_rejected;

    mod checks;
    #[path = "wrong/checks_only_is_err.rs"]
    mod checks_only_is_err;
    #[path = "wrong/checks_only_is_ok.rs"]
    mod checks_only_is_ok;
    #[path = "wrong/ignores_the_result.rs"]
    mod ignores_the_result;
    #[path = "wrong/matches_the_body_bytes.rs"]
    mod matches_the_body_bytes;
    #[path = "wrong/misses_the_body.rs"]
    mod misses_the_body;
    #[path = "wrong/misses_the_content_type.rs"]
    mod misses_the_content_type;
    #[path = "wrong/misses_the_count.rs"]
    mod misses_the_count;
    #[path = "wrong/no_matchers.rs"]
    mod no_matchers;
    mod stub;
    #[path = "wrong/unwraps_a_mismatch.rs"]
    mod unwraps_a_mismatch;

    /// Runs every check on the two tests of one module.
    macro_rules! verdict {
        ($module:ident) => {
            checks::all(
                $module::complete_sends_one_patch,
                $module::complete_reports_a_server_error,
            )
            .await
        };
    }

    #[tokio::test]
    async fn rejects_the_stub() {
        assert_rejected("stub", verdict!(stub), "still the stub");
    }

    #[tokio::test]
    async fn rejects_a_mock_without_matchers() {
        assert_rejected(
            "no_matchers",
            verdict!(no_matchers),
            "sends PUT instead of PATCH: match on the method",
        );
    }

    #[tokio::test]
    async fn rejects_a_test_that_ignores_what_complete_returned() {
        assert_rejected(
            "ignores_the_result",
            verdict!(ignores_the_result),
            "yet your test passed: check what `complete` returns",
        );
    }

    #[tokio::test]
    async fn rejects_a_test_that_misses_the_body() {
        assert_rejected(
            "misses_the_body",
            verdict!(misses_the_body),
            "sends `{\"completed\": false}`: match on the body",
        );
    }

    #[tokio::test]
    async fn rejects_a_test_that_misses_the_content_type() {
        assert_rejected(
            "misses_the_content_type",
            verdict!(misses_the_content_type),
            "match on the header",
        );
    }

    #[tokio::test]
    async fn rejects_a_test_that_does_not_count_the_requests() {
        assert_rejected(
            "misses_the_count",
            verdict!(misses_the_count),
            "sends the same PATCH twice: count the requests",
        );
    }

    #[tokio::test]
    async fn rejects_a_test_that_does_not_look_at_the_returned_todo() {
        assert_rejected(
            "checks_only_is_ok",
            verdict!(checks_only_is_ok),
            "returns a todo it made up instead of the server's answer",
        );
    }

    #[tokio::test]
    async fn rejects_an_error_test_that_accepts_any_error() {
        assert_rejected(
            "checks_only_is_err",
            verdict!(checks_only_is_err),
            "only because the body of your 500 is not a todo",
        );
    }

    #[tokio::test]
    async fn rejects_a_test_that_compares_json_as_text() {
        assert_rejected(
            "matches_the_body_bytes",
            verdict!(matches_the_body_bytes),
            "compare JSON as JSON",
        );
    }

    #[tokio::test]
    async fn rejects_a_test_that_panics_against_a_correct_client() {
        let verdict = verdict!(unwraps_a_mismatch);
        assert_rejected(
            "unwraps_a_mismatch",
            verdict.clone(),
            "failed against the lesson's `TodoClient::complete`, which is correct. It panicked",
        );
        assert_rejected(
            "unwraps_a_mismatch",
            verdict,
            "`complete` got a 404 from your server",
        );
    }
}
