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
    use lesson_support::testing::assert_rejected;

    #[path = "wrong/always_post_one.rs"]
    mod always_post_one;
    mod checks;
    #[path = "wrong/hard_coded_url.rs"]
    mod hard_coded_url;
    #[path = "wrong/ignores_status.rs"]
    mod ignores_status;
    #[path = "wrong/reqwest_get.rs"]
    mod reqwest_get;
    mod stub;

    #[tokio::test]
    async fn rejects_the_stub() {
        let verdict = checks::all(stub::fetch_post).await;
        assert_rejected("stub", verdict, "still the stub");
    }

    #[tokio::test]
    async fn rejects_ignoring_the_id() {
        let verdict = checks::all(always_post_one::fetch_post).await;
        assert_rejected("always_post_one", verdict, "use `id` in the path");
    }

    #[tokio::test]
    async fn rejects_a_hard_coded_url() {
        let verdict = checks::all(hard_coded_url::fetch_post).await;
        assert_rejected("hard_coded_url", verdict, "build the URL from `base_url`");
    }

    #[tokio::test]
    async fn rejects_ignoring_the_status() {
        let verdict = checks::all(ignores_status::fetch_post).await;
        assert_rejected("ignores_status", verdict, "`.error_for_status()`");
    }

    #[tokio::test]
    async fn rejects_a_throwaway_client() {
        let verdict = checks::all(reqwest_get::fetch_post).await;
        assert_rejected("reqwest_get", verdict, "did not come from the `client`");
    }
}
