//! The course checks its own exercise (run with `--features solutions`, as CI does): the
//! untouched stub and every kept wrong answer must be rejected, each with the message meant for
//! it. (That the reference solution passes is shown by `tests/exercises.rs`, which the same
//! feature points at the solution.)
// Some kept wrong answers unwrap on purpose: that is what makes them wrong.
#![allow(clippy::unwrap_used)]

// The exercise files name the lesson's types as `crate::UserError`, `crate::FailureKind`.
use lesson_02::{FailureKind, UserError};

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
    mod checks;

    lesson_support::kept_answers! {
        function: fetch_user;
        wrong: {
            drains_404_body_for_pool in "wrong/drains_404_body_for_pool.rs" => "the status is in the head, whatever becomes of the body",
            request_timeout_safety_net in "wrong/request_timeout_safety_net.rs" => "no answer arrived in time, so it is Unreachable",
            timeout_statuses_unreachable_r49 in "wrong/timeout_statuses_unreachable_r49.rs" => "expected Err(Server(408 Request Timeout))",
            eof_means_unreachable in "wrong/eof_means_unreachable.rs" => "expected Err(BadBody(..)) carrying the decode error, got Err(Unreachable(",
            non_json_404_is_server in "wrong/non_json_404_is_server.rs" => "expected Err(NotFound(17)), got Err(Server(404 Not Found))",
            only_200_is_success_r47 in "wrong/only_200_is_success_r47.rs" => "every 2xx is a success",
            only_200_counts_as_success in "wrong/only_200_counts_as_success.rs" => "every 2xx is a success",
            json_eof_taken_for_a_cut_body in "wrong/json_eof_taken_for_a_cut_body.rs" => "a body that is not a user is BadBody",
            honours_retry_after_once in "wrong/honours_retry_after_once.rs" => "the caller decides whether to try again",
            reads_error_body_before_classifying in "wrong/reads_error_body_before_classifying.rs" => "decide from it before reading the body",
            only_timeouts_are_unreachable in "wrong/only_timeouts_are_unreachable.rs" => "the answer never arrived whole",
            eof_json_counted_as_unreachable in "wrong/eof_json_counted_as_unreachable.rs" => "a body that is not a user is BadBody",
            parsed_base_url_expect in "wrong/parsed_base_url_expect.rs" => "the caller passes a valid base URL: RelativeUrlWithoutBase. Never a panic",
            takes_the_user_out_of_a_list in "wrong/takes_the_user_out_of_a_list.rs" => "a body that is not a user ([])",
            stalled_body_is_bad_body in "wrong/stalled_body_is_bad_body.rs" => "the answer never arrived whole, which is not the same as a body that is not a user",
            retries_a_broken_body in "wrong/retries_a_broken_body.rs" => "expected one: no retry",
            unauthorized_is_not_found in "wrong/unauthorized_is_not_found.rs" => "only a 404 means \"no such user\"",
            html_404_is_server in "wrong/html_404_is_server.rs" => "expected Err(NotFound(17)), got Err(Server(404 Not Found))",
            format_json_query in "wrong/format_json_query.rs" => "the request went to /api/v1/users/3?format=json",
            inner_body_error_is_unreachable in "wrong/inner_body_error_is_unreachable.rs" => "the answer never arrived whole",
            id_zero_not_asked in "wrong/id_zero_not_asked.rs" => "whatever the id (0 included",
            asks_for_gzip in "wrong/asks_for_gzip.rs" => "ask for no encoding the client cannot read",
            no_content_is_not_found in "wrong/no_content_is_not_found.rs" => "a 204 No Content: a success whose body is empty",
            html_success_is_server in "wrong/html_success_is_server.rs" => "decoded whatever its label says",
            exclusive_range_skips_499 in "wrong/exclusive_range_skips_499.rs" => "the server answered 499",
            own_request_timeout in "wrong/own_request_timeout.rs" => "no answer arrived in time, so it is Unreachable",
            honours_short_retry_after in "wrong/honours_short_retry_after.rs" => "one call sends exactly one GET",
            drains_error_body in "wrong/drains_error_body.rs" => "the status is in the head, whatever becomes of the body",
            retries_refused_connection in "wrong/retries_refused_connection.rs" => "no retry, whatever the failure",
            decodes_before_status in "wrong/decodes_before_status.rs" => "the body was decoded without looking at the status first",
            mismatched_id_is_not_found in "wrong/mismatched_id_is_not_found.rs" => "`NotFound` is for a 404",
            null_body_is_not_found in "wrong/null_body_is_not_found.rs" => "a body that is not a user (null)",
            error_body_logged in "wrong/error_body_logged.rs" => "decide from it before reading the body",
            reqwest_cause_is_unreachable in "wrong/reqwest_cause_is_unreachable.rs" => "the client had no timeout of its own",
            reason_phrase_expect in "wrong/reason_phrase_expect.rs" => "your code panicked",
            serde_eof_is_unreachable in "wrong/serde_eof_is_unreachable.rs" => "an empty body, Content-Length: 0",
            timeout_statuses_unreachable in "wrong/timeout_statuses_unreachable.rs" => "expected Err(Server(408 Request Timeout))",
            failure_kind_classifier in "wrong/failure_kind_classifier.rs" => "whatever kind of error `send()` gave",
            is_decode_split in "wrong/is_decode_split.rs" => "the answer never arrived whole",
            rt_only_200_is_success in "wrong/rt_only_200_is_success.rs" => "every 2xx is a success",
            other_4xx_falls_through in "wrong/other_4xx_falls_through.rs" => "a 4xx other than 404 is a request the server refused",
            retry_failed_send in "wrong/retry_failed_send.rs" => "the caller decides whether to try again",
            set_path_drops_base in "wrong/set_path_drops_base.rs" => "keep the base URL whole, path included",
            timeout_as_504 in "wrong/timeout_as_504.rs" => "no answer arrived in time, so it is Unreachable",
            body_errors_are_bad_body in "wrong/body_errors_are_bad_body.rs" => "then closed the connection; expected Err(Unreachable(..))",
            caches_users in "wrong/caches_users.rs" => "each call sends its own GET",
            client_new in "wrong/client_new.rs" => "did not come from the `client`",
            connect_errors_only in "wrong/connect_errors_only.rs" => "whatever kind of error `send()` gave",
            every_status_is_not_found in "wrong/every_status_is_not_found.rs" => "only a 404 means",
            everything_is_a_server_error in "wrong/everything_is_a_server_error.rs" => "expected Err(NotFound(11))",
            failure_kind_other_is_bad_body in "wrong/failure_kind_other_is_bad_body.rs" => "closed the connection without answering",
            gone_is_not_found in "wrong/gone_is_not_found.rs" => "410 Gone for user 6, and the result is Err(NotFound(6)): only a 404 means",
            hard_coded_url in "wrong/hard_coded_url.rs" => "build the URL from `base_url`",
            ignores_status in "wrong/ignores_status.rs" => "without looking at the status first",
            only_200_is_success in "wrong/only_200_is_success.rs" => "every 2xx is a success",
            only_5xx_is_server in "wrong/only_5xx_is_server.rs" => "400 Bad Request for user 3 (body `{}`), and the result is Err(BadBody",
            panics_on_failure in "wrong/panics_on_failure.rs" => "your code panicked",
            retries_server_errors in "wrong/retries_server_errors.rs" => "received 2 requests",
            server_error_constant in "wrong/server_error_constant.rs" => "the status as received, got Err(Server(500 Internal Server Error))",
            trusts_is_decode in "wrong/trusts_is_decode.rs" => "reqwest 0.13 reports both as a decode error",
            unwraps_the_body in "wrong/unwraps_the_body.rs" => "your code panicked",
            url_join_absolute in "wrong/url_join_absolute.rs" => "the request went to /users/3, outside it",
        }
        correct: {
            built_request_path_segments in "also_correct/built_request_path_segments.rs",
            status_ranges_and_cause_walk in "also_correct/status_ranges_and_cause_walk.rs",
            ok_match_on_status_number_and_walk_causes in "also_correct/ok_match_on_status_number_and_walk_causes.rs",
            ok_error_for_status_then_match_cause in "also_correct/ok_error_for_status_then_match_cause.rs",
            ok_asks_for_json in "also_correct/ok_asks_for_json.rs",
            ok_hundreds_digit_match in "also_correct/ok_hundreds_digit_match.rs",
            ok_serde_category_match in "also_correct/ok_serde_category_match.rs",
            ok_url_path_segments in "also_correct/ok_url_path_segments.rs",
            ok_execute_and_match_codes in "also_correct/ok_execute_and_match_codes.rs",
            ok_status_ranges_chain_walk in "also_correct/ok_status_ranges_chain_walk.rs",
            ok_match_status_ranges in "also_correct/ok_match_status_ranges.rs",
            ok_error_for_status_then_source_chain in "also_correct/ok_error_for_status_then_source_chain.rs",
            error_for_status_ref in "also_correct/error_for_status_ref.rs",
            match_status_arms in "also_correct/match_status_arms.rs",
            classify_reqwest_error in "also_correct/classify_reqwest_error.rs",
            execute_with_cloned_client in "also_correct/execute_with_cloned_client.rs",
        }
    }
}
