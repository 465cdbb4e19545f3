//! The course checks its own exercise (run with `--features solutions`, as CI does): the
//! untouched stub and every kept wrong answer must be rejected, each with the message meant for
//! it. (That the reference solution passes is shown by `tests/exercises.rs`, which the same
//! feature points at the solution.)
// Some kept wrong answers unwrap on purpose: that is what makes them wrong.
#![allow(clippy::unwrap_used)]

// The exercise files name the error type as `crate::PagingError`.
use lesson_06::PagingError;

/// The learner's starting file is the pristine stub.
#[test]
fn the_exercise_file_is_the_stub() {
    assert_eq!(
        include_str!("../src/exercises/fetch_all_pages.rs"),
        include_str!("../course/fetch_all_pages/stub.rs"),
        "src/exercises/fetch_all_pages.rs differs from course/fetch_all_pages/stub.rs"
    );
}

#[path = "../course/fetch_all_pages"]
mod fetch_all_pages {
    use lesson_support::testing::assert_rejected;

    mod checks;
    #[path = "wrong/floor_page_count.rs"]
    mod floor_page_count;
    #[path = "wrong/header_before_status.rs"]
    mod header_before_status;
    #[path = "wrong/ignores_status.rs"]
    mod ignores_status;
    #[path = "wrong/loop_until_empty_page.rs"]
    mod loop_until_empty_page;
    #[path = "wrong/misspelled_limit.rs"]
    mod misspelled_limit;
    #[path = "wrong/one_request_without_paging.rs"]
    mod one_request_without_paging;
    #[path = "wrong/starts_at_page_zero.rs"]
    mod starts_at_page_zero;
    mod stub;
    #[path = "wrong/unwraps_total_count.rs"]
    mod unwraps_total_count;

    #[tokio::test]
    async fn rejects_the_stub() {
        let verdict = checks::all(stub::fetch_all_pages).await;
        assert_rejected("stub", verdict, "still the stub");
    }

    #[tokio::test]
    async fn rejects_one_request_for_the_whole_list() {
        let verdict = checks::all(one_request_without_paging::fetch_all_pages).await;
        assert_rejected("one_request_without_paging", verdict, "ignores `page_size`");
    }

    #[tokio::test]
    async fn rejects_rounding_the_page_count_down() {
        let verdict = checks::all(floor_page_count::fetch_all_pages).await;
        assert_rejected("floor_page_count", verdict, "`total.div_ceil(page_size)`");
    }

    #[tokio::test]
    async fn rejects_looping_until_an_empty_page() {
        let verdict = checks::all(loop_until_empty_page::fetch_all_pages).await;
        assert_rejected("loop_until_empty_page", verdict, "says when to stop");
    }

    #[tokio::test]
    async fn rejects_starting_at_page_zero() {
        let verdict = checks::all(starts_at_page_zero::fetch_all_pages).await;
        assert_rejected(
            "starts_at_page_zero",
            verdict,
            "json-server reads `_page=0` as page 1",
        );
    }

    #[tokio::test]
    async fn rejects_ignoring_the_status() {
        let verdict = checks::all(ignores_status::fetch_all_pages).await;
        assert_rejected(
            "ignores_status",
            verdict,
            "`.error_for_status()?` on every answer",
        );
    }

    #[tokio::test]
    async fn rejects_reading_the_total_before_the_status() {
        let verdict = checks::all(header_before_status::fetch_all_pages).await;
        assert_rejected("header_before_status", verdict, "before reading the header");
    }

    #[tokio::test]
    async fn rejects_unwrapping_the_total() {
        let verdict = checks::all(unwraps_total_count::fetch_all_pages).await;
        assert_rejected("unwraps_total_count", verdict, "your code panicked");
    }

    #[tokio::test]
    async fn rejects_a_misspelled_limit() {
        let verdict = checks::all(misspelled_limit::fetch_all_pages).await;
        assert_rejected(
            "misspelled_limit",
            verdict,
            "needs `_limit` set to `page_size`",
        );
    }
}
