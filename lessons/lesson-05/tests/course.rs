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
        include_str!("../src/exercises/fetch_photos_bounded.rs"),
        include_str!("../course/fetch_photos_bounded/stub.rs"),
        "src/exercises/fetch_photos_bounded.rs differs from course/fetch_photos_bounded/stub.rs"
    );
}

#[path = "../course/fetch_photos_bounded"]
mod fetch_photos_bounded {
    use lesson_support::testing::assert_rejected;

    #[path = "wrong/await_in_loop.rs"]
    mod await_in_loop;
    #[path = "wrong/buffered_head_of_line.rs"]
    mod buffered_head_of_line;
    mod checks;
    #[path = "wrong/chunks_of_limit.rs"]
    mod chunks_of_limit;
    #[path = "wrong/completion_order.rs"]
    mod completion_order;
    #[path = "wrong/hangs_on_zero.rs"]
    mod hangs_on_zero;
    #[path = "wrong/semaphore_per_request.rs"]
    mod semaphore_per_request;
    mod stub;
    #[path = "wrong/unbounded_join_all.rs"]
    mod unbounded_join_all;

    #[tokio::test]
    async fn rejects_the_stub() {
        let verdict = checks::all(stub::fetch_photos_bounded).await;
        assert_rejected("stub", verdict, "still the stub");
    }

    #[tokio::test]
    async fn rejects_starting_every_request_at_once() {
        let verdict = checks::all(unbounded_join_all::fetch_photos_bounded).await;
        assert_rejected(
            "unbounded_join_all",
            verdict,
            "at most `limit` (3) requests may be in flight; the server saw 12",
        );
    }

    #[tokio::test]
    async fn rejects_a_semaphore_per_request() {
        let verdict = checks::all(semaphore_per_request::fetch_photos_bounded).await;
        assert_rejected(
            "semaphore_per_request",
            verdict,
            "a semaphore made per request bounds nothing",
        );
    }

    #[tokio::test]
    async fn rejects_awaiting_in_a_loop() {
        let verdict = checks::all(await_in_loop::fetch_photos_bounded).await;
        assert_rejected("await_in_loop", verdict, "`.await` inside your loop");
    }

    #[tokio::test]
    async fn rejects_completion_order() {
        let verdict = checks::all(completion_order::fetch_photos_bounded).await;
        assert_rejected(
            "completion_order",
            verdict,
            "`buffer_unordered` yields them as they finish",
        );
    }

    #[tokio::test]
    async fn rejects_batches_that_wait_for_their_slowest_request() {
        let verdict = checks::all(chunks_of_limit::fetch_photos_bounded).await;
        assert_rejected("chunks_of_limit", verdict, "batches of `limit`");
    }

    #[tokio::test]
    async fn rejects_a_window_stalled_behind_a_slow_request() {
        let verdict = checks::all(buffered_head_of_line::fetch_photos_bounded).await;
        assert_rejected(
            "buffered_head_of_line",
            verdict,
            "That is `buffered`: it keeps the order by holding answers back",
        );
    }

    #[tokio::test]
    async fn rejects_hanging_on_a_limit_of_zero() {
        let verdict = checks::all(hangs_on_zero::fetch_photos_bounded).await;
        assert_rejected(
            "hangs_on_zero",
            verdict,
            "`buffer_unordered(0)` starts no request",
        );
    }
}
