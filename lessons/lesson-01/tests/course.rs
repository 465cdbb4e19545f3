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
    mod checks;

    lesson_support::kept_answers! {
        function: fetch_post;
        wrong: {
            coalesces_concurrent_same_id in "wrong/coalesces_concurrent_same_id.rs" => "each call its own (no cache, and no sharing one request between calls)",
            localhost_pinned_to_ipv4 in "wrong/localhost_pinned_to_ipv4.rs" => "send no request anywhere else",
            unwraps_data_envelope in "wrong/unwraps_data_envelope.rs" => "an envelope the contract does not name is not a post",
            accepts_one_post_array in "wrong/accepts_one_post_array.rs" => "a list is not a post, even a list of one",
            non_success_expect_err in "wrong/non_success_expect_err.rs" => "Never a panic: handle a failure as a value",
            retries_refused_connect in "wrong/retries_refused_connect.rs" => "no retry, not even of a refused connection",
            accepts_snake_case_user_id in "wrong/accepts_snake_case_user_id.rs" => "the author under `user_id`",
            nonzero_ids_r48 in "wrong/nonzero_ids_r48.rs" => "every `u64` is an id, 0 and `u64::MAX` included",
            reads_error_body_for_log in "wrong/reads_error_body_for_log.rs" => "the status is in the head, whatever becomes of the body",
            accepts_string_ids in "wrong/accepts_string_ids.rs" => "an id is a JSON number",
            null_text_as_empty in "wrong/null_text_as_empty.rs" => "a `null` title: a field of the wrong type",
            rejects_unknown_fields in "wrong/rejects_unknown_fields.rs" => "with a field more (`\"views\": 3`)",
            retries_once_on_gateway_errors in "wrong/retries_once_on_gateway_errors.rs" => "even when the answer is an error",
            memoises_posts_like_lru_cache in "wrong/memoises_posts_like_lru_cache.rs" => "whether or not the same id was asked before",
            adds_scheme_when_missing in "wrong/adds_scheme_when_missing.rs" => "not mended with a scheme of your own",
            denies_unknown_fields in "wrong/denies_unknown_fields.rs" => "with a field more",
            caches_posts_by_url in "wrong/caches_posts_by_url.rs" => "whether or not the same id was asked before",
            adds_missing_scheme in "wrong/adds_missing_scheme.rs" => "not mended with a scheme of your own",
            scheme_defaulted in "wrong/scheme_defaulted.rs" => "not mended with a scheme of your own",
            rejects_blank_title in "wrong/rejects_blank_title.rs" => "empty and blank text included",
            owner_block_check in "wrong/owner_block_check.rs" => "every `u64` is an id, 0 and `u64::MAX` included",
            post_or_one_element_list in "wrong/post_or_one_element_list.rs" => "a list is not a post, even a list of one",
            parsed_base_url_expect in "wrong/parsed_base_url_expect.rs" => "base_url is an absolute http(s) URL: RelativeUrlWithoutBase",
            localhost_ipv4_fallback in "wrong/localhost_ipv4_fallback.rs" => "not about http://localhost:",
            universal_newlines in "wrong/universal_newlines.rs" => "second line\\rlast line",
            js_number_ids in "wrong/js_number_ids.rs" => "the `id` is 7.5",
            drain_error_body in "wrong/drain_error_body.rs" => "the status is in the head, whatever becomes of the body",
            snake_case_alias in "wrong/snake_case_alias.rs" => "and no other name stands for it",
            signed_id_url in "wrong/signed_id_url.rs" => "went to /blog/v2/posts/-1; expected GET /blog/v2/posts/18446744073709551615",
            nonzero_ids in "wrong/nonzero_ids.rs" => "every `u64` is an id, 0 and `u64::MAX` included",
            lowercased_base_url in "wrong/lowercased_base_url.rs" => "ending in /Blog/V2",
            etag_revalidation in "wrong/etag_revalidation.rs" => "not even one that asks the server whether a copy is still good",
            accept_encoding_gzip in "wrong/accept_encoding_gzip.rs" => "ask for no encoding the client cannot read",
            root_base_double_slash in "wrong/root_base_double_slash.rs" => "with one `/` between the base URL and `posts`",
            retries_429_once in "wrong/retries_429_once.rs" => "one call sends exactly one GET",
            logs_error_page_first in "wrong/logs_error_page_first.rs" => "the status is in the head, whatever becomes of the body",
            panics_on_unfollowed_redirect in "wrong/panics_on_unfollowed_redirect.rs" => "panicked",
            accepts_data_envelope in "wrong/accepts_data_envelope.rs" => "an envelope the contract does not name is not a post",
            single_flight in "wrong/single_flight.rs" => "each call its own",
            error_body_logged in "wrong/error_body_logged.rs" => "before reading the body",
            strict_post_fields in "wrong/strict_post_fields.rs" => "with a field more",
            timeout_expect in "wrong/timeout_expect.rs" => "your code panicked",
            content_type_index in "wrong/content_type_index.rs" => "your code panicked",
            refetch_for_decode_error in "wrong/refetch_for_decode_error.rs" => "no retry, whatever the body",
            retry_on_id_mismatch in "wrong/retry_on_id_mismatch.rs" => "no retry, whatever the body",
            debug_assert_id in "wrong/debug_assert_id.rs" => "your code panicked",
            head_probe in "wrong/head_probe.rs" => "one call sends exactly one GET",
            retry_stale_connection in "wrong/retry_stale_connection.rs" => "no retry, even when no answer comes back",
            url_join_no_slash in "wrong/url_join_no_slash.rs" => "keep the base URL whole, path included",
            errors_without_url in "wrong/errors_without_url.rs" => "return the error of the request to `{base_url}/posts/{id}`",
            id_from_request in "wrong/id_from_request.rs" => "(no `id`: the `id` is read from the body too, never taken from the argument), which is not a post",
            numeric_strings in "wrong/numeric_strings.rs" => "the `id` is the string \"7\": a field of the wrong type, an id is a JSON number",
            trailing_slash in "wrong/trailing_slash.rs" => "the URL is exactly `{base_url}/posts/{id}`",
            cache_buster_query in "wrong/cache_buster_query.rs" => "with no query string",
            error_body_as_post in "wrong/error_body_as_post.rs" => "a 4xx or 5xx is an error whatever its body",
            fallback_public_api in "wrong/fallback_public_api.rs" => "send no request anywhere else",
            optional_title_body in "wrong/optional_title_body.rs" => "(a to-do: no `body`), which is not a post",
            status_allowlist in "wrong/status_allowlist.rs" => "405 Method Not Allowed for post 13",
            retry_dropped_connection in "wrong/retry_dropped_connection.rs" => "no retry, even when no answer comes back || no retry, not even of a refused connection",
            trimmed_fields in "wrong/trimmed_fields.rs" => "whitespace included: no `trim()`",
            cache_by_url in "wrong/cache_by_url.rs" => "whether or not the same id was asked before",
            lenient_defaults in "wrong/lenient_defaults.rs" => "which fails on a missing or mistyped field",
            rt_only_client_errors in "wrong/rt_only_client_errors.rs" => "the body was read as a post although the status is an error",
            retry_server_errors in "wrong/retry_server_errors.rs" => "even when the answer is an error",
            thread_sleep_politeness in "wrong/thread_sleep_politeness.rs" => "blocks the thread a little on every call",
            url_join_leading_slash in "wrong/url_join_leading_slash.rs" => "keep the base URL whole, path included",
            always_post_one in "wrong/always_post_one.rs" => "use `id` in the path",
            caches_posts in "wrong/caches_posts.rs" => "each call sends its own GET",
            clamps_the_id in "wrong/clamps_the_id.rs" => "use `id` in the path, unchanged",
            client_new in "wrong/client_new.rs" => "did not come from the `client`",
            double_slash in "wrong/double_slash.rs" => "with one `/` between the base URL",
            hard_coded_url in "wrong/hard_coded_url.rs" => "build the URL from `base_url`",
            ignores_status in "wrong/ignores_status.rs" => "(`.error_for_status()?` does that)",
            only_404_is_an_error in "wrong/only_404_is_an_error.rs" => "400 Bad Request for post 3",
            only_client_errors in "wrong/only_client_errors.rs" => "500 Internal Server Error for post 8",
            polite_thread_sleep in "wrong/polite_thread_sleep.rs" => "the runtime's thread was blocked",
            reqwest_get in "wrong/reqwest_get.rs" => "did not come from the `client`",
            retries_once in "wrong/retries_once.rs" => "one call sends exactly one GET",
            text_then_unwrap in "wrong/text_then_unwrap.rs" => "your code panicked",
            unwraps_the_status in "wrong/unwraps_the_status.rs" => "your code panicked",
            url_join_absolute in "wrong/url_join_absolute.rs" => "the request went to /posts/7, outside it",
            url_join_relative in "wrong/url_join_relative.rs" => "the request went to /api/posts/7, outside it",
            value_fields_by_hand in "wrong/value_fields_by_hand.rs" => "every field as sent",
            value_with_defaults in "wrong/value_with_defaults.rs" => "which is not a post",
            zero_based_id in "wrong/zero_based_id.rs" => "the request asked for post 6",
        }
        correct: {
            build_split_execute in "also_correct/build_split_execute.rs",
            path_segments_url in "also_correct/path_segments_url.rs",
            request_method_and_then in "also_correct/request_method_and_then.rs",
            execute_and_then in "also_correct/execute_and_then.rs",
            ok_build_then_execute_with_status_ref in "also_correct/ok_build_then_execute_with_status_ref.rs",
            ok_status_ref_named_steps in "also_correct/ok_status_ref_named_steps.rs",
            ok_status_result_map_json in "also_correct/ok_status_result_map_json.rs",
            accept_encoding_identity in "also_correct/accept_encoding_identity.rs",
            ok_explicit_http11 in "also_correct/ok_explicit_http11.rs",
            ok_wire_struct_into_post in "also_correct/ok_wire_struct_into_post.rs",
            ok_generic_get_json in "also_correct/ok_generic_get_json.rs",
            ok_execute_with_path_segments in "also_correct/ok_execute_with_path_segments.rs",
            ok_path_segments_execute in "also_correct/ok_path_segments_execute.rs",
            ok_execute_built_request in "also_correct/ok_execute_built_request.rs",
            set_path_keeps_base in "also_correct/set_path_keeps_base.rs",
            spawned_request in "also_correct/spawned_request.rs",
            joined_segments_match in "also_correct/joined_segments_match.rs",
            result_and_then in "also_correct/result_and_then.rs",
            accept_no_cache_headers in "also_correct/accept_no_cache_headers.rs",
            execute_path_segments in "also_correct/execute_path_segments.rs",
            status_ref_method_get in "also_correct/status_ref_method_get.rs",
            cloned_client_match in "also_correct/cloned_client_match.rs",
            execute_built_request in "also_correct/execute_built_request.rs",
            status_ref_then_turbofish in "also_correct/status_ref_then_turbofish.rs",
            status_class_branch in "also_correct/status_class_branch.rs",
        }
    }
}
