//! The course checks its own exercise (run with `--features solutions`, as CI does): the
//! untouched stub and every kept wrong answer must be rejected, each with the message meant for
//! it, and every kept correct variant accepted. (That the reference solution passes is shown by
//! `tests/exercises.rs`, which the same feature points at the solution.)
// Some kept wrong answers unwrap on purpose: that is what makes them wrong.
#![allow(clippy::unwrap_used)]

// The exercise files name the error type and the page limit as `crate::…`.
use lesson_06::{MAX_PAGES, Page, PagingError, fetch_page, page_count};

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
    mod checks;

    lesson_support::kept_answers! {
        function: fetch_all_pages;
        wrong: {
            bodies_read_after_the_walk in "wrong/bodies_read_after_the_walk.rs" => "the walk stops at the first error",
            items_asked_counted_in_u32 in "wrong/items_asked_counted_in_u32.rs" => "arithmetic on any input the contract allows must not overflow",
            overflowing_total_as_too_many in "wrong/overflowing_total_as_too_many.rs" => "a total is a whole number from 0 to u64::MAX",
            asks_server_to_sort_by_id in "wrong/asks_server_to_sort_by_id.rs" => "nothing added",
            page_count_cast_to_u32_before_bound_r49 in "wrong/page_count_cast_to_u32_before_bound_r49.rs" => "Compare the page count with `crate::MAX_PAGES`",
            status_checked_on_first_page_only in "wrong/status_checked_on_first_page_only.rs" => "on every answer before reading it",
            body_read_before_total in "wrong/body_read_before_total.rs" => "the total is judged from the head, before the body is read",
            page_count_as_float_ceil in "wrong/page_count_as_float_ceil.rs" => "pages: 614891469123651721 }",
            retries_page_on_retry_after in "wrong/retries_page_on_retry_after.rs" => "the walk stops at the first error",
            first_page_length_as_server_cap in "wrong/first_page_length_as_server_cap.rs" => "no page past it, whatever the pages hold",
            reserves_header_total in "wrong/reserves_header_total.rs" => "The total is a number the server chose: reserve no room from it",
            sends_next_while_reading_body in "wrong/sends_next_while_reading_body.rs" => "none after the one that failed: the walk stops at the first error",
            bound_on_full_pages in "wrong/bound_on_full_pages.rs" => "Compare the page count with `crate::MAX_PAGES` before asking for page 2",
            later_total_still_validated in "wrong/later_total_still_validated.rs" => "later answers said many, and you returned `NoTotalCount`",
            null_page_read_as_empty in "wrong/null_page_read_as_empty.rs" => "the error of `.json::<Vec<Value>>().await?` (a body that is not a list)",
            error_url_from_request in "wrong/error_url_from_request.rs" => "(`response.url()`, where the redirect ended)",
            round_up_slack_overflows in "wrong/round_up_slack_overflows.rs" => "attempt to add with overflow. Never a panic",
            total_parsed_as_float_r47 in "wrong/total_parsed_as_float_r47.rs" => "(a total is a whole number from 0 to u64::MAX)",
            reads_total_before_status in "wrong/reads_total_before_status.rs" => "before reading the header",
            page_count_cast_to_u32_before_bound in "wrong/page_count_cast_to_u32_before_bound.rs" => "the pages that needs",
            error_url_is_list_url_not_response_url in "wrong/error_url_is_list_url_not_response_url.rs" => "should name the URL of the answer without the total",
            null_body_is_an_empty_page in "wrong/null_body_is_an_empty_page.rs" => "a body that is not a list",
            no_total_reports_list_url in "wrong/no_total_reports_list_url.rs" => "should name the URL of the answer without the total",
            walks_on_after_an_error in "wrong/walks_on_after_an_error.rs" => "none after the one that failed",
            default_limit_left_out in "wrong/default_limit_left_out.rs" => "every request needs `_limit` set to `page_size`",
            cap_checked_in_the_loop in "wrong/cap_checked_in_the_loop.rs" => "Compare the page count with `crate::MAX_PAGES` before asking for page 2",
            parsed_base_url_expect in "wrong/parsed_base_url_expect.rs" => "the caller passes a valid base URL: RelativeUrlWithoutBase. Never a panic",
            stable_sort_query_param in "wrong/stable_sort_query_param.rs" => "has a `_sort` parameter",
            page_size_capped_at_100 in "wrong/page_size_capped_at_100.rs" => "asked for `_limit=100`",
            client_of_its_own in "wrong/client_of_its_own.rs" => "did not come from the `client` you were given",
            falls_back_to_link_last in "wrong/falls_back_to_link_last.rs" => "without a total that is a whole number there is no knowing how many pages there are",
            oversized_total_saturates in "wrong/oversized_total_saturates.rs" => "(a total is a whole number from 0 to u64::MAX)",
            not_found_page_ends_walk in "wrong/not_found_page_ends_walk.rs" => "an error status on any page is `Err(PagingError::Http(..))`",
            items_must_be_objects in "wrong/items_must_be_objects.rs" => "every JSON value is an item",
            stops_when_a_page_repeats in "wrong/stops_when_a_page_repeats.rs" => "the server saw only pages [1, 2]",
            results_envelope_accepted in "wrong/results_envelope_accepted.rs" => "\\\"results\\\": [{",
            follows_link_next in "wrong/follows_link_next.rs" => "which is not /api/v1/posts",
            stops_by_offset_u32 in "wrong/stops_by_offset_u32.rs" => "Never a panic",
            falls_back_to_x_total in "wrong/falls_back_to_x_total.rs" => "there is no knowing how many pages there are",
            ceil_with_f64 in "wrong/ceil_with_f64.rs" => "the pages that needs",
            no_content_is_empty_page in "wrong/no_content_is_empty_page.rs" => "answers 204 with the body",
            pages_from_first_page_length in "wrong/pages_from_first_page_length.rs" => "fixed by the first answer: no page past it, whatever the pages hold",
            retries_a_failed_page_once in "wrong/retries_a_failed_page_once.rs" => "the walk stops at the first error",
            round_up_saturates in "wrong/round_up_saturates.rs" => "the pages that needs",
            error_url_from_the_request in "wrong/error_url_from_the_request.rs" => "where the redirect ended",
            page_count_in_f64 in "wrong/page_count_in_f64.rs" => "the pages that needs",
            total_parsed_as_float in "wrong/total_parsed_as_float.rs" => "a total is a whole number from 0 to u64::MAX",
            cap_refuses_exactly_max in "wrong/cap_refuses_exactly_max.rs" => "exactly MAX_PAGES is allowed",
            no_total_url_without_query in "wrong/no_total_url_without_query.rs" => "`NoTotalCount` should name the URL of the answer without the total",
            non_list_is_empty_page in "wrong/non_list_is_empty_page.rs" => "a body that is not a list",
            pages_in_hashmap in "wrong/pages_in_hashmap.rs" => "keep the server's order",
            reuses_fetch_page in "wrong/reuses_fetch_page.rs" => "only the first answer's X-Total-Count is read",
            total_parsed_as_i64 in "wrong/total_parsed_as_i64.rs" => "parse the header as a `u64`",
            cap_rounds_down in "wrong/cap_rounds_down.rs" => "Compare the page count with `crate::MAX_PAGES` before asking for page 2",
            later_total_can_shrink in "wrong/later_total_can_shrink.rs" => "only the first answer's X-Total-Count is read; later answers said 4, and the walk stopped at page 2 of 8",
            no_status_after_first in "wrong/no_status_after_first.rs" => "Call `.error_for_status()?` on every answer before reading it",
            prefetch_next_page in "wrong/prefetch_next_page.rs" => "none after the one that failed",
            total_as_u32 in "wrong/total_as_u32.rs" => "the pages that needs",
            truncate_to_total in "wrong/truncate_to_total.rs" => "not cut to the total",
            url_join_drops_segment in "wrong/url_join_drops_segment.rs" => "keeping the base URL's path",
            zero_total_skips_body in "wrong/zero_total_skips_body.rs" => "A total of 0 is still the one request for page 1",
            concurrent_pages in "wrong/concurrent_pages.rs" => "one page at a time",
            floor_page_count in "wrong/floor_page_count.rs" => "round the division up",
            header_name_with_capitals in "wrong/header_name_with_capitals.rs" => "header names are case-insensitive",
            header_before_status in "wrong/header_before_status.rs" => "before reading the header",
            ignores_status in "wrong/ignores_status.rs" => "`.error_for_status()?` on every answer",
            keeps_the_pages_before_an_error in "wrong/keeps_the_pages_before_an_error.rs" => "what arrived before it is not the list",
            loop_until_empty_page in "wrong/loop_until_empty_page.rs" => "one too many",
            loops_until_it_has_the_total in "wrong/loops_until_it_has_the_total.rs" => "the first answer's total fixes the number of pages",
            misspelled_limit in "wrong/misspelled_limit.rs" => "needs `_limit` set to `page_size`",
            no_page_limit in "wrong/no_page_limit.rs" => "Compare the page count with `crate::MAX_PAGES`",
            one_request_without_paging in "wrong/one_request_without_paging.rs" => "none had a `_page` parameter",
            overflowing_round_up in "wrong/overflowing_round_up.rs" => "`total.div_ceil(page_size)` cannot overflow",
            page_limit_off_by_one in "wrong/page_limit_off_by_one.rs" => "exactly MAX_PAGES is allowed",
            parses_total_as_u32 in "wrong/parses_total_as_u32.rs" => "parse the header as a `u64`",
            plus_one_page_count in "wrong/plus_one_page_count.rs" => "after page 4 was one too many",
            reads_the_total_of_every_page in "wrong/reads_the_total_of_every_page.rs" => "only the first answer's total counts",
            removes_repeated_items in "wrong/removes_repeated_items.rs" => "do not remove repeats",
            skips_unreadable_pages in "wrong/skips_unreadable_pages.rs" => "a body that is not a list",
            skips_pages_that_fail_to_arrive in "wrong/skips_pages_that_fail_to_arrive.rs" => "the error of `.send().await?`",
            sleeps_between_pages in "wrong/sleeps_between_pages.rs" => "the runtime's thread was blocked",
            sorts_items_by_id in "wrong/sorts_items_by_id.rs" => "do not sort",
            starts_at_page_zero in "wrong/starts_at_page_zero.rs" => "json-server reads `_page=0` as page 1",
            status_checked_on_page_one_only in "wrong/status_checked_on_page_one_only.rs" => "`.error_for_status()?` on every answer",
            stops_at_a_short_page in "wrong/stops_at_a_short_page.rs" => "X-Total-Count: 24`: that is exactly 4 pages",
            unwraps_total_count in "wrong/unwraps_total_count.rs" => "your code panicked",
            url_join_drops_the_base_path in "wrong/url_join_drops_the_base_path.rs" => "base URL ending in /api/v1",
        }
        correct: {
            offset_past_total_ends_walk in "also_correct/offset_past_total_ends_walk.rs",
            build_then_execute_countdown in "also_correct/build_then_execute_countdown.rs",
            query_struct_loop_until_last in "also_correct/query_struct_loop_until_last.rs",
            list_url_parsed_once in "also_correct/list_url_parsed_once.rs",
            plan_as_option_bound_by_product in "also_correct/plan_as_option_bound_by_product.rs",
            first_page_then_for_range in "also_correct/first_page_then_for_range.rs",
            ok_first_page_apart_then_range in "also_correct/ok_first_page_apart_then_range.rs",
            ok_first_page_then_for_loop in "also_correct/ok_first_page_then_for_loop.rs",
            pager_cursor_struct in "also_correct/pager_cursor_struct.rs",
            header_looked_up_with_capitals in "also_correct/header_looked_up_with_capitals.rs",
            ok_plan_as_option in "also_correct/ok_plan_as_option.rs",
            ok_cap_checked_in_items in "also_correct/ok_cap_checked_in_items.rs",
            ok_template_builder_cloned in "also_correct/ok_template_builder_cloned.rs",
            ok_first_page_apart in "also_correct/ok_first_page_apart.rs",
            ok_query_struct in "also_correct/ok_query_struct.rs",
            ok_struct_query_countdown in "also_correct/ok_struct_query_countdown.rs",
            ok_page_one_then_for_loop in "also_correct/ok_page_one_then_for_loop.rs",
            checked_pages_then_u32_range in "also_correct/checked_pages_then_u32_range.rs",
            helper_page_count in "also_correct/helper_page_count.rs",
            item_bound_concat in "also_correct/item_bound_concat.rs",
            execute_built_request_with_a_pause in "also_correct/execute_built_request_with_a_pause.rs",
            hand_built_query_limit_first in "also_correct/hand_built_query_limit_first.rs",
            first_page_then_for_loop in "also_correct/first_page_then_for_loop.rs",
            loop_with_a_page_range in "also_correct/loop_with_a_page_range.rs",
        }
    }
}
