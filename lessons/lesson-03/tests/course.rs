//! The course checks its own exercises (run with `--features solutions`, as CI does): the
//! untouched stub and every kept wrong answer must be rejected, each with the message meant for
//! it. (That the reference solutions pass is shown by `tests/exercises.rs`, which the same
//! feature points at the solutions.)
// Some kept wrong answers unwrap on purpose: that is what makes them wrong.
#![allow(clippy::unwrap_used)]

/// The learner's starting file is the pristine stub.
#[test]
fn the_exercise_files_are_the_stubs() {
    assert_eq!(
        include_str!("../src/exercises/fetch_posts.rs"),
        include_str!("../course/fetch_posts/stub.rs"),
        "src/exercises/fetch_posts.rs differs from course/fetch_posts/stub.rs"
    );
    assert_eq!(
        include_str!("../src/exercises/slowest_request.rs"),
        include_str!("../course/slowest_request/stub.rs"),
        "src/exercises/slowest_request.rs differs from course/slowest_request/stub.rs"
    );
}

#[path = "../course/fetch_posts"]
mod fetch_posts {
    use lesson_support::testing::assert_rejected;

    #[path = "wrong/await_in_loop.rs"]
    mod await_in_loop;
    mod checks;
    #[path = "wrong/client_per_request.rs"]
    mod client_per_request;
    #[path = "wrong/completion_order.rs"]
    mod completion_order;
    #[path = "wrong/first_error_wins.rs"]
    mod first_error_wins;
    #[path = "wrong/hard_coded_url.rs"]
    mod hard_coded_url;
    #[path = "wrong/ignores_status.rs"]
    mod ignores_status;
    #[path = "wrong/panics_on_failure.rs"]
    mod panics_on_failure;
    mod stub;

    #[tokio::test]
    async fn rejects_the_stub() {
        let verdict = checks::all(stub::fetch_posts).await;
        assert_rejected("stub", verdict, "still the stub");
    }

    #[tokio::test]
    async fn rejects_awaiting_in_a_loop() {
        let verdict = checks::all(await_in_loop::fetch_posts).await;
        assert_rejected("await_in_loop", verdict, "`.await` inside your loop");
    }

    #[tokio::test]
    async fn rejects_a_client_per_request() {
        let verdict = checks::all(client_per_request::fetch_posts).await;
        assert_rejected(
            "client_per_request",
            verdict,
            "did not come from the `client`",
        );
    }

    #[tokio::test]
    async fn rejects_completion_order() {
        let verdict = checks::all(completion_order::fetch_posts).await;
        assert_rejected("completion_order", verdict, "in the order of `ids`");
    }

    #[tokio::test]
    async fn rejects_losing_every_post_to_one_failure() {
        let verdict = checks::all(first_error_wins::fetch_posts).await;
        assert_rejected("first_error_wins", verdict, "not `try_join_all`");
    }

    #[tokio::test]
    async fn rejects_a_hard_coded_url() {
        let verdict = checks::all(hard_coded_url::fetch_posts).await;
        assert_rejected("hard_coded_url", verdict, "build each URL from `base_url`");
    }

    #[tokio::test]
    async fn rejects_ignoring_the_status() {
        let verdict = checks::all(ignores_status::fetch_posts).await;
        assert_rejected("ignores_status", verdict, "`.error_for_status()`");
    }

    #[tokio::test]
    async fn rejects_panicking_on_a_failed_post() {
        let verdict = checks::all(panics_on_failure::fetch_posts).await;
        assert_rejected("panics_on_failure", verdict, "your code panicked");
    }
}

#[path = "../course/slowest_request"]
mod slowest_request {
    use lesson_support::testing::assert_rejected;

    #[path = "wrong/await_in_loop.rs"]
    mod await_in_loop;
    mod checks;
    #[path = "wrong/client_per_request.rs"]
    mod client_per_request;
    #[path = "wrong/fastest.rs"]
    mod fastest;
    #[path = "wrong/panics_without_ids.rs"]
    mod panics_without_ids;
    #[path = "wrong/position_not_id.rs"]
    mod position_not_id;
    mod stub;

    #[tokio::test]
    async fn rejects_the_stub() {
        let verdict = checks::all(stub::slowest_request).await;
        assert_rejected("stub", verdict, "still the stub");
    }

    #[tokio::test]
    async fn rejects_awaiting_in_a_loop() {
        let verdict = checks::all(await_in_loop::slowest_request).await;
        assert_rejected("await_in_loop", verdict, "`.await` inside your loop");
    }

    #[tokio::test]
    async fn rejects_a_client_per_request() {
        let verdict = checks::all(client_per_request::slowest_request).await;
        assert_rejected(
            "client_per_request",
            verdict,
            "did not come from the `client`",
        );
    }

    #[tokio::test]
    async fn rejects_the_fastest() {
        let verdict = checks::all(fastest::slowest_request).await;
        assert_rejected("fastest", verdict, "not the smallest");
    }

    #[tokio::test]
    async fn rejects_a_position_for_an_id() {
        let verdict = checks::all(position_not_id::slowest_request).await;
        assert_rejected(
            "position_not_id",
            verdict,
            "return the id, not its position",
        );
    }

    #[tokio::test]
    async fn rejects_a_panic_on_no_ids() {
        let verdict = checks::all(panics_without_ids::slowest_request).await;
        assert_rejected("panics_without_ids", verdict, "your code panicked");
    }
}
