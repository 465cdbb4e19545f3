//! The course checks its own exercises (run with `--features solutions`, as CI does): the
//! untouched stub and every kept wrong answer must be rejected, each with the message meant for
//! it, and every kept correct variant accepted. (That the reference solutions pass is shown by
//! `tests/exercises.rs`, which the same feature points at the solutions.)
// Some kept wrong answers unwrap on purpose: that is what makes them wrong.
#![allow(clippy::unwrap_used)]

// One correct variant calls the lesson's own `crate::fetch_title`, as a learner's file inside
// the lesson's crate can.
use lesson_03::fetch_title;

/// The learner's starting file is the pristine stub.
#[test]
fn the_exercise_files_are_the_stubs() {
    assert_eq!(
        include_str!("../src/exercises/comment_counts.rs"),
        include_str!("../course/comment_counts/stub.rs"),
        "src/exercises/comment_counts.rs differs from course/comment_counts/stub.rs"
    );
    assert_eq!(
        include_str!("../src/exercises/start_title_fetches.rs"),
        include_str!("../course/start_title_fetches/stub.rs"),
        "src/exercises/start_title_fetches.rs differs from course/start_title_fetches/stub.rs"
    );
    assert_eq!(
        include_str!("../src/exercises/start_status_log.rs"),
        include_str!("../course/start_status_log/stub.rs"),
        "src/exercises/start_status_log.rs differs from course/start_status_log/stub.rs"
    );
    assert_eq!(
        include_str!("../src/exercises/titles_in_tasks.rs"),
        include_str!("../course/titles_in_tasks/stub.rs"),
        "src/exercises/titles_in_tasks.rs differs from course/titles_in_tasks/stub.rs"
    );
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

/// Helpers shared by the warm-ups' checks (exercises 3 to 6).
#[path = "../course/warm_ups.rs"]
mod warm_ups;

#[path = "../course/comment_counts"]
mod comment_counts {
    mod checks;

    lesson_support::kept_answers! {
        function: comment_counts;
        wrong: {
            adds_missing_scheme_r49 in "wrong/adds_missing_scheme_r49.rs" => "not mended with a scheme of your own",
            counts_own_post_id in "wrong/counts_own_post_id.rs" => "count every comment in the list the server sent, as it sent it",
            decodes_before_status in "wrong/decodes_before_status.rs" => "an error status is an `Err` carrying it",
            buffered_sixteen in "wrong/buffered_sixteen.rs" => "the server saw at most 16 of them in flight at once",
            decodes_only_comment_keys in "wrong/decodes_only_comment_keys.rs" => "holds objects without an `email`: not comments",
            not_found_means_no_comments in "wrong/not_found_means_no_comments.rs" => "an error status is that entry's `Err`, whatever the body holds",
            caps_in_flight_at_eight_again in "wrong/caps_in_flight_at_eight_again.rs" => "then run them all together",
            counts_only_matching_post_id in "wrong/counts_only_matching_post_id.rs" => "count every comment in the list the server sent",
            counts_any_json_list in "wrong/counts_any_json_list.rs" => "every field of `Comment` is required",
            missing_post_counts_zero in "wrong/missing_post_counts_zero.rs" => "an error status is that entry's `Err`",
            decodes_only_comment_ids in "wrong/decodes_only_comment_ids.rs" => "every field of `Comment` is required",
            caps_in_flight_at_eight in "wrong/caps_in_flight_at_eight.rs" => "then run them all together",
            slot_by_id_map in "wrong/slot_by_id_map.rs" => "one pair per entry of `ids`, in the order of `ids`",
            select_all_loop in "wrong/select_all_loop.rs" => "Never a panic",
            parsed_urls_filter_map in "wrong/parsed_urls_filter_map.rs" => "each entry gets its `Err`",
            repeats_one_after_another in "wrong/repeats_one_after_another.rs" => "the server saw at most 100 of them in flight at once",
            parsed_base_url_expect in "wrong/parsed_base_url_expect.rs" => "RelativeUrlWithoutBase. Never a panic",
            own_comment_u32_ids in "wrong/own_comment_u32_ids.rs" => "(9, Err(no status))",
            retry_after_timeout in "wrong/retry_after_timeout.rs" => "one request per entry, no retries",
            progress_lock_across_await in "wrong/progress_lock_across_await.rs" => "the server saw at most 1 of them in flight at once",
            batches_of_50 in "wrong/batches_of_50.rs" => "the server saw at most 50 of them in flight at once",
            sorted_by_first_position in "wrong/sorted_by_first_position.rs" => "one pair per entry of `ids`, in the order of `ids`",
            snowflake_string_ids in "wrong/snowflake_string_ids.rs" => "as strings of digits: not comments",
            memoized_counts in "wrong/memoized_counts.rs" => "no count is remembered from an earlier call",
            u32_post_id in "wrong/u32_post_id.rs" => "the server received GET /api/posts/2/comments twice",
            request_timeout_10s in "wrong/request_timeout_10s.rs" => "each request ends when the client gives up on it",
            gather_then_read_bodies in "wrong/gather_then_read_bodies.rs" => "one failure never costs the others",
            sorted_by_id_as_completed in "wrong/sorted_by_id_as_completed.rs" => "in the order of `ids`",
            no_content_counts_zero in "wrong/no_content_counts_zero.rs" => "a 200 whose body is not a list of comments",
            counts_any_json_array in "wrong/counts_any_json_array.rs" => "not comments",
            buffered_32 in "wrong/buffered_32.rs" => "a cap of your own",
            unreachable_on_304 in "wrong/unreachable_on_304.rs" => "panicked",
            accept_gzip in "wrong/accept_gzip.rs" => "ask for no encoding the client cannot read",
            deny_unknown_comment_fields in "wrong/deny_unknown_comment_fields.rs" => "a field more than `Comment` has",
            optional_email_comment in "wrong/optional_email_comment.rs" => "every field of `Comment` is required",
            id_zero_shortcut in "wrong/id_zero_shortcut.rs" => "one request per entry of `ids`",
            limit_query in "wrong/limit_query.rs" => "the whole of `base_url` kept",
            wrapped_list_accepted in "wrong/wrapped_list_accepted.rs" => "whose body is not a list of comments (decode a `Vec<Comment>`)",
            oks_then_errors in "wrong/oks_then_errors.rs" => "(77, Err(status 404))",
            retry_empty_list in "wrong/retry_empty_list.rs" => "the server received GET /api/posts/2/comments 4 times",
            connect_error_is_zero in "wrong/connect_error_is_zero.rs" => "got [(3, Ok(0)), (1, Ok(0))]",
            fallback_comments_query in "wrong/fallback_comments_query.rs" => "the server received GET /v2/comments",
            post_id_from_body in "wrong/post_id_from_body.rs" => "(15, Ok(7))",
            skip_bad_elements in "wrong/skip_bad_elements.rs" => "(40, Ok(0))",
            follow_link_next in "wrong/follow_link_next.rs" => "no page followed",
            nonempty_bodies in "wrong/nonempty_bodies.rs" => "whose `body` is empty",
            retry_on_429 in "wrong/retry_on_429.rs" => "no retries",
            two_lanes in "wrong/two_lanes.rs" => "the server saw at most 2 of them in flight at once",
            retry_dropped_connection in "wrong/retry_dropped_connection.rs" => "never sent again (no retry)",
            client_errors_only in "wrong/client_errors_only.rs" => "(93, Err(status 503))",
            repeats_second_round in "wrong/repeats_second_round.rs" => "in flight at once",
            x_total_count in "wrong/x_total_count.rs" => "every count was 5",
            decode_error_is_zero in "wrong/decode_error_is_zero.rs" => "(12, Ok(0))",
            decode_then_status in "wrong/decode_then_status.rs" => "(93, Err(status 503))",
            expect_sent in "wrong/expect_sent.rs" => "your code panicked",
            no_content_is_zero in "wrong/no_content_is_zero.rs" => "20 answering 204",
            dedup_comments in "wrong/dedup_comments.rs" => "2 of them with the same `id`",
            not_found_only_status in "wrong/not_found_only_status.rs" => "(31, Err(status 500))",
            single_comment_as_list in "wrong/single_comment_as_list.rs" => "66 answering 200 with one comment",
            staggered_start in "wrong/staggered_start.rs" => "in flight at once",
            comment_ids_only in "wrong/comment_ids_only.rs" => "a list of two posts",
            null_body_is_zero in "wrong/null_body_is_zero.rs" => "60 answering 200 with `null`",
            pairs_sorted_by_id in "wrong/pairs_sorted_by_id.rs" => "one pair per entry of `ids`, in the order of `ids`",
            probe_base_first in "wrong/probe_base_first.rs" => "the server received HEAD /",
            checks_post_exists in "wrong/checks_post_exists.rs" => "the server received GET /api/posts/14",
            count_json_values in "wrong/count_json_values.rs" => "a list of numbers, not of comments",
            first_then_rest in "wrong/first_then_rest.rs" => "at most 100 of them in flight || with only 1 of the 101 requests there",
            not_found_is_zero in "wrong/not_found_is_zero.rs" => "an error status is that entry's `Err`, whatever the body holds",
            buffered_cap in "wrong/buffered_cap.rs" => "the server saw at most 10 of them in flight",
            filter_post_id in "wrong/filter_post_id.rs" => "count every comment in the list the server sent",
            no_error_for_status in "wrong/no_error_for_status.rs" => "an error status is that entry's `Err`, whatever the body holds",
            retry_server_error in "wrong/retry_server_error.rs" => "one request per entry, no retries",
            await_in_loop in "wrong/await_in_loop.rs" => "at most 1 of them in flight",
            buffered_ten in "wrong/buffered_ten.rs" => "at most 10 of them in flight",
            completion_order in "wrong/completion_order.rs" => "in the order the answers arrived",
            dedup_ids in "wrong/dedup_ids.rs" => "an id listed twice asked twice",
            five_each in "wrong/five_each.rs" => "every count was 5",
            no_status_check in "wrong/no_status_check.rs" => "an error status is that entry's `Err`, whatever the body holds",
            own_client in "wrong/own_client.rs" => "did not come from the `client`",
            query_post_id in "wrong/query_post_id.rs" => "the server received GET /api/comments",
            try_join_all_unwrap in "wrong/try_join_all_unwrap.rs" => "your code panicked",
            url_join in "wrong/url_join.rs" => "the whole of `base_url` kept",
        }
        correct: {
            unordered_into_slots in "also_correct/unordered_into_slots.rs",
            futures_ordered_stream in "also_correct/futures_ordered_stream.rs",
            ok_futures_ordered_inline_block in "also_correct/ok_futures_ordered_inline_block.rs",
            ok_futures_ordered_inline_blocks in "also_correct/ok_futures_ordered_inline_blocks.rs",
            ok_try_join_all_infallible in "also_correct/ok_try_join_all_infallible.rs",
            spawned_tasks_report_over_channel in "also_correct/spawned_tasks_report_over_channel.rs",
            ok_poll_fn_slots in "also_correct/ok_poll_fn_slots.rs",
            ok_select_all_slots in "also_correct/ok_select_all_slots.rs",
            ok_divide_and_conquer_join in "also_correct/ok_divide_and_conquer_join.rs",
            ok_futures_ordered in "also_correct/ok_futures_ordered.rs",
            ok_indexed_unordered in "also_correct/ok_indexed_unordered.rs",
            async_closure in "also_correct/async_closure.rs",
            buffered_all_execute in "also_correct/buffered_all_execute.rs",
            errors_without_url in "also_correct/errors_without_url.rs",
            joinset_reordered in "also_correct/joinset_reordered.rs",
            buffered_all in "also_correct/buffered_all.rs",
            joinset_indexed in "also_correct/joinset_indexed.rs",
            futures_unordered_own_slots in "also_correct/futures_unordered_own_slots.rs",
            unordered_slots in "also_correct/unordered_slots.rs",
            futures_ordered in "also_correct/futures_ordered.rs",
            futures_unordered_slots in "also_correct/futures_unordered_slots.rs",
            spawned_tasks in "also_correct/spawned_tasks.rs",
            unordered_then_sorted in "also_correct/unordered_then_sorted.rs",
            zip_with_ids in "also_correct/zip_with_ids.rs",
        }
    }
}

#[path = "../course/start_title_fetches"]
mod start_title_fetches {
    mod checks;

    lesson_support::kept_answers! {
        function: start_title_fetches;
        wrong: {
            cache_busting_query_r49 in "wrong/cache_busting_query_r49.rs" => "the whole of `base_url` kept and `/posts/{id}` appended to it",
            sleeps_zero_before_send in "wrong/sleeps_zero_before_send.rs" => "with no timer before it",
            caches_titles_across_calls in "wrong/caches_titles_across_calls.rs" => "no title is remembered from an earlier call",
            connection_close_header in "wrong/connection_close_header.rs" => "leave the `Connection` header to the client",
            post_ids_as_i64 in "wrong/post_ids_as_i64.rs" => "a negative id is no post",
            barrier_before_send in "wrong/barrier_before_send.rs" => "whatever the other tasks do (none waits for the others to start",
            drains_error_body_first in "wrong/drains_error_body_first.rs" => "the status is in the head, whatever becomes of the body",
            own_runtime_outlives_caller in "wrong/own_runtime_outlives_caller.rs" => "each started with `tokio::spawn` on that runtime",
            leaks_client_for_static in "wrong/leaks_client_for_static.rs" => "nothing else keeps one (no `Box::leak` for a `&'static Client`",
            denies_unknown_post_fields in "wrong/denies_unknown_post_fields.rs" => "each task ending in the title of its own post, as the server sent it",
            url_builder_panics_on_bad_base in "wrong/url_builder_panics_on_bad_base.rs" => "never a panic",
            caps_tasks_at_ten in "wrong/caps_tasks_at_ten.rs" => "each task sends its own request at once, without waiting for another task",
            panics_on_3xx_status in "wrong/panics_on_3xx_status.rs" => "a task never panics: end it in `Err(err)`",
            pins_course_timeout in "wrong/pins_course_timeout.rs" => "no `.timeout` of your own on the request",
            ignores_body_type in "wrong/ignores_body_type.rs" => "whose `body` is `null`, not a post",
            sets_own_user_agent in "wrong/sets_own_user_agent.rs" => "a request did not come from the `client` given to the function with its settings",
            trims_titles_r48 in "wrong/trims_titles_r48.rs" => "post 31's title starts with a space and ends with a tab",
            retries_refused_connect in "wrong/retries_refused_connect.rs" =>
                "a task never retries, and a refused connection is its `Err` as it is",
            decodes_body_before_status in "wrong/decodes_body_before_status.rs" => "an error status is the task's `Err`, carrying the status, whatever the body holds",
            staggers_task_starts_r47 in "wrong/staggers_task_starts_r47.rs" => "with no timer before it",
            decodes_only_the_title_again in "wrong/decodes_only_the_title_again.rs" => "a body that is not a post (all four fields",
            staggers_starts_by_index in "wrong/staggers_starts_by_index.rs" => "each task sends its request at once",
            own_timeout_per_request in "wrong/own_timeout_per_request.rs" => "no `.timeout` of your own on the request",
            staggers_task_starts in "wrong/staggers_task_starts.rs" => "each task sends its request at once",
            retries_a_503_once in "wrong/retries_a_503_once.rs" => "one request per entry, no retries",
            decodes_only_the_title in "wrong/decodes_only_the_title.rs" => "a body that is not a post (all four fields",
            pool_warmup_task in "wrong/pool_warmup_task.rs" => "each task sends GET {base_url}/posts/{id}",
            numeric_string_ids in "wrong/numeric_string_ids.rs" => "the ids JSON numbers",
            known_failure_statuses in "wrong/known_failure_statuses.rs" => "whatever the status, any 4xx or 5xx",
            title_preview_byte_slice in "wrong/title_preview_byte_slice.rs" => "a task never panics, whatever the title",
            title_and_body_shape in "wrong/title_and_body_shape.rs" => "43 answered 200 with a title and a body but no ids, not a post",
            http10_one_shot_connections in "wrong/http10_one_shot_connections.rs" => "the client opened 2 connections to the server; expected 1",
            missing_post_empty_title in "wrong/missing_post_empty_title.rs" => "an error status is the task's `Err`, carrying the status",
            strips_control_chars in "wrong/strips_control_chars.rs" => "each task ending in the title of its own post, as the server sent it",
            refetch_on_id_mismatch in "wrong/refetch_on_id_mismatch.rs" => "one request per entry, no retries",
            lru_title_cache in "wrong/lru_title_cache.rs" => "no title is remembered from an earlier call",
            shorter_request_timeout in "wrong/shorter_request_timeout.rs" => "a task's request gives up when the client's timeout says",
            logs_content_length in "wrong/logs_content_length.rs" => "sent in chunks, with no `Content-Length`",
            data_envelope_accepted in "wrong/data_envelope_accepted.rs" => "a post inside another object",
            trims_title in "wrong/trims_title.rs" => "as the server sent it",
            reads_body_before_status in "wrong/reads_body_before_status.rs" => "an error status is the task's `Err`, carrying the status, whatever the body holds",
            decodes_title_only in "wrong/decodes_title_only.rs" => "a body that is not a post (all four fields",
            semaphore_16 in "wrong/semaphore_16.rs" => "no cap, no semaphore of your own",
            skip_invalid_urls in "wrong/skip_invalid_urls.rs" => "a URL no request can go to fails the request",
            private_runtime in "wrong/private_runtime.rs" => "started with `tokio::spawn` on that runtime",
            empty_body_is_empty_title in "wrong/empty_body_is_empty_title.rs" => "37 answered 200 with no body at all",
            sleep_zero_yield in "wrong/sleep_zero_yield.rs" => "with no timer before it",
            abort_siblings_on_failure in "wrong/abort_siblings_on_failure.rs" => "not at all: one task and one request per entry of `ids` || the task was cancelled",
            expect_valid_url in "wrong/expect_valid_url.rs" => "with the base URL `not a url`, the handles gave [\"the task panicked\"",
            narrow_id_type in "wrong/narrow_id_type.rs" => "post 5000000021's id does not fit in 32 bits",
            deny_unknown_fields in "wrong/deny_unknown_fields.rs" => "has a `tags` field besides",
            longer_timeout in "wrong/longer_timeout.rs" => "no `.timeout` of your own on the request",
            non_ok_unwrap_err in "wrong/non_ok_unwrap_err.rs" => "the task panicked",
            connection_close in "wrong/connection_close.rs" => "with `Connection: close`",
            polite_stagger in "wrong/polite_stagger.rs" => "with no timer before it",
            retry_on_timeout in "wrong/retry_on_timeout.rs" => "never sent again (no retry)",
            blank_title_uses_body in "wrong/blank_title_uses_body.rs" => "post 5's is empty",
            cached_global_client in "wrong/cached_global_client.rs" => "x-check-call",
            first_of_list in "wrong/first_of_list.rs" => "a list holding post 16",
            retry_unavailable in "wrong/retry_unavailable.rs" => "no retries",
            spawn_blocking_block_on in "wrong/spawn_blocking_block_on.rs" => "task(s) on the runtime",
            album_type in "wrong/album_type.rs" => "without its `body`",
            assert_post_id in "wrong/assert_post_id.rs" => "a task never panics",
            ellipsized_title in "wrong/ellipsized_title.rs" => "120 characters long",
            retry_bad_body in "wrong/retry_bad_body.rs" => "no retries",
            handles_sorted_by_id in "wrong/handles_sorted_by_id.rs" => "one handle per entry of `ids`, in its order",
            head_check_first in "wrong/head_check_first.rs" => "the server received HEAD /v1/posts/",
            own_user_agent in "wrong/own_user_agent.rs" => "a header of your own over the client's",
            serde_default_title in "wrong/serde_default_title.rs" => "JSON that is not a post",
            decode_before_status in "wrong/decode_before_status.rs" => "carrying the status, whatever the body holds",
            empty_title_when_unreachable in "wrong/empty_title_when_unreachable.rs" => "a connection that cannot be made is that task",
            fields_query in "wrong/fields_query.rs" => "?fields=title",
            trimmed_title in "wrong/trimmed_title.rs" => "as the server sent it",
            retry_connection_errors in "wrong/retry_connection_errors.rs" => "the server received GET /posts/66 3 times",
            semaphore_cap in "wrong/semaphore_cap.rs" => "the server saw at most 10 of them in flight",
            title_from_json_value in "wrong/title_from_json_value.rs" => "JSON that is not a post",
            urljoin in "wrong/urljoin.rs" => "the whole of `base_url` kept",
            body_as_title in "wrong/body_as_title.rs" => "each task ending in the title of its own post",
            client_per_task in "wrong/client_per_task.rs" => "did not come from the `client`",
            dedup_ids in "wrong/dedup_ids.rs" => "an id listed twice fetched twice",
            no_status_check in "wrong/no_status_check.rs" => "an error status is the task's `Err`, carrying the status",
            one_new_client_for_all in "wrong/one_new_client_for_all.rs" => "did not come from the `client`",
            one_task_for_all in "wrong/one_task_for_all.rs" => "at most 1 of them in flight",
            unwrap_in_task in "wrong/unwrap_in_task.rs" => "a task never panics",
            url_join in "wrong/url_join.rs" => "the whole of `base_url` kept",
            waits_for_previous in "wrong/waits_for_previous.rs" => "at most 1 of them in flight",
        }
        correct: {
            match_chain_string_push in "also_correct/match_chain_string_push.rs",
            build_split_execute in "also_correct/build_split_execute.rs",
            try_future_combinators in "also_correct/try_future_combinators.rs",
            handle_spawn_execute in "also_correct/handle_spawn_execute.rs",
            sends_before_spawn in "also_correct/sends_before_spawn.rs",
            named_async_fn_spawned in "also_correct/named_async_fn_spawned.rs",
            request_builder_moved_in in "also_correct/request_builder_moved_in.rs",
            ok_request_builders_moved_into_tasks in "also_correct/ok_request_builders_moved_into_tasks.rs",
            ok_spawns_owning_async_fn in "also_correct/ok_spawns_owning_async_fn.rs",
            ok_owned_async_fn in "also_correct/ok_owned_async_fn.rs",
            explicit_keep_alive in "also_correct/explicit_keep_alive.rs",
            ok_spawned_in_reverse in "also_correct/ok_spawned_in_reverse.rs",
            ok_into_future_struct in "also_correct/ok_into_future_struct.rs",
            ok_try_future_combinators in "also_correct/ok_try_future_combinators.rs",
            ok_request_builder_moved_in in "also_correct/ok_request_builder_moved_in.rs",
            ok_prebuilt_requests in "also_correct/ok_prebuilt_requests.rs",
            arc_shared_clone in "also_correct/arc_shared_clone.rs",
            runtime_handle_spawn in "also_correct/runtime_handle_spawn.rs",
            accept_json_header in "also_correct/accept_json_header.rs",
            builder_built_outside in "also_correct/builder_built_outside.rs",
            send_before_spawn in "also_correct/send_before_spawn.rs",
            request_builder_owns_client in "also_correct/request_builder_owns_client.rs",
            build_then_execute in "also_correct/build_then_execute.rs",
            request_builder_moved in "also_correct/request_builder_moved.rs",
            shared_base_fetch_title in "also_correct/shared_base_fetch_title.rs",
            request_builder in "also_correct/request_builder.rs",
            request_built_outside in "also_correct/request_built_outside.rs",
            runtime_handle in "also_correct/runtime_handle.rs",
            shared_base_url in "also_correct/shared_base_url.rs",
        }
    }
}

#[path = "../course/start_status_log"]
mod start_status_log {
    mod checks;

    lesson_support::kept_answers! {
        function: start_status_log;
        wrong: {
            logs_in_id_order in "wrong/logs_in_id_order.rs" => "so that the log is in the order the answers arrived",
            logs_timeout_as_504 in "wrong/logs_timeout_as_504.rs" => "no answer arrived, so there is no status to log",
            try_lock_skips_busy_log in "wrong/try_lock_skips_busy_log.rs" => "each pushed even when it must wait for the lock",
            drains_body_before_logging in "wrong/drains_body_before_logging.rs" => "push the entry as soon as `send()` gives you the response, without reading the body",
            head_request_not_get in "wrong/head_request_not_get.rs" => "the server received HEAD /v1/posts/12",
            request_timeout_overrides_client in "wrong/request_timeout_overrides_client.rs" => "no timeout of your own, longer or shorter",
            reads_body_before_logging_again in "wrong/reads_body_before_logging_again.rs" => "without reading the body",
            drops_base_path_with_url_join in "wrong/drops_base_path_with_url_join.rs" => "the whole of `base_url` kept",
            caps_in_flight_at_ten in "wrong/caps_in_flight_at_ten.rs" => "send every request at once",
            logs_after_reading_body in "wrong/logs_after_reading_body.rs" => "without reading the body",
            caps_in_flight_at_eight in "wrong/caps_in_flight_at_eight.rs" => "send every request at once",
            asks_repeated_ids_once in "wrong/asks_repeated_ids_once.rs" => "an id listed twice asked twice",
            parsed_base_url_expect in "wrong/parsed_base_url_expect.rs" => "the caller passes a valid base URL: RelativeUrlWithoutBase. Never a panic",
            retries_a_refused_connection in "wrong/retries_a_refused_connection.rs" => "the client tried to connect twice",
            pushes_from_the_blocking_pool in "wrong/pushes_from_the_blocking_pool.rs" => "the handle ends when every request has ended and its entry is in the log, not before",
            gateway_statuses_log_nothing in "wrong/gateway_statuses_log_nothing.rs" => "a gateway's 502 or 504 included",
            url_join_relative in "wrong/url_join_relative.rs" => "the whole of `base_url` kept",
            skips_id_zero in "wrong/skips_id_zero.rs" => "the server received GET /posts/0 not at all",
            hashmap_of_requests in "wrong/hashmap_of_requests.rs" => "an id listed twice asked twice",
            skips_redirection_statuses in "wrong/skips_redirection_statuses.rs" => "a 3xx that reaches you",
            primes_the_pool_first in "wrong/primes_the_pool_first.rs" => "in flight at once: send every request at once",
            paced_starts in "wrong/paced_starts.rs" => "with no timer before it",
            select_all_panics_on_empty in "wrong/select_all_panics_on_empty.rs" => "asked about no ids",
            dedup_adjacent_ids in "wrong/dedup_adjacent_ids.rs" => "lists this post 3 times",
            reads_body_before_logging in "wrong/reads_body_before_logging.rs" => "push the entry as soon as `send()` gives you the response",
            keeps_log_bounded in "wrong/keeps_log_bounded.rs" => "no cap, no trimming of your own",
            caps_requests_in_flight in "wrong/caps_requests_in_flight.rs" => "send every request at once",
            caps_log_length in "wrong/caps_log_length.rs" => "no cap, no trimming of your own",
            url_set_path in "wrong/url_set_path.rs" => "the whole of `base_url` kept",
            dedup_after_push in "wrong/dedup_after_push.rs" => "an entry equal to the one before it is an entry all the same",
            error_body_before_log in "wrong/error_body_before_log.rs" => "whatever its status, without reading its body first",
            cache_buster_query in "wrong/cache_buster_query.rs" => "the server received GET /v1/posts/12?_=",
            last_task_handle in "wrong/last_task_handle.rs" => "all of them posts that exist, the log held",
            inserted_in_ids_order in "wrong/inserted_in_ids_order.rs" => "the log when the handle ended was [(18, 200), (18, 500), (4, 404)",
            repeats_wait_their_turn in "wrong/repeats_wait_their_turn.rs" => "the server saw at most 11 of them in flight at once",
            try_join_all_stops_at_drop in "wrong/try_join_all_stops_at_drop.rs" => "the log held [(5, 200)] after its 70003 earlier entries || not at all (counted once the handle had ended)",
            retry_after_503 in "wrong/retry_after_503.rs" => "no retries",
            two_lanes in "wrong/two_lanes.rs" => "the server saw at most 2 of them in flight at once",
            id_from_response_url in "wrong/id_from_response_url.rs" => "an entry names the id that was asked for",
            drops_stale_entries in "wrong/drops_stale_entries.rs" => "the entries already in it stay",
            success_logged_as_200 in "wrong/success_logged_as_200.rs" => "each with the status it got",
            buffered_flush in "wrong/buffered_flush.rs" => "no timer of your own",
            newest_first in "wrong/newest_first.rs" => "in the order the answers arrived",
            rebuilt_course_client in "wrong/rebuilt_course_client.rs" => "did not come from the `client` given",
            shared_duplicate_request in "wrong/shared_duplicate_request.rs" => "an id listed twice asked twice",
            bounded_log in "wrong/bounded_log.rs" => "however many",
            channel_sized_by_ids in "wrong/channel_sized_by_ids.rs" => "asked about no ids",
            futures_ordered in "wrong/futures_ordered.rs" => "in the order the answers arrived",
            position_as_id in "wrong/position_as_id.rs" => "one `(id, 200)` per entry",
            head_requests in "wrong/head_requests.rs" => "the server received HEAD /v1/posts/",
            push_if_new in "wrong/push_if_new.rs" => "one `(id, 200)` per entry of `ids`",
            request_timeout in "wrong/request_timeout.rs" => "later than the client gives up",
            logs_after_body in "wrong/logs_after_body.rs" => "without reading the body",
            skips_logged_ids in "wrong/skips_logged_ids.rs" => "lists this post once, the server received GET /api/posts/18 not at all",
            timeout_logged_as_504 in "wrong/timeout_logged_as_504.rs" => "no answer arrived, so there is no status to log",
            upsert_by_id in "wrong/upsert_by_id.rs" => "even one for a post asked again || one `(id, 200)` per entry",
            concurrency_cap in "wrong/concurrency_cap.rs" => "the server saw at most 10 of them in flight",
            overall_timeout in "wrong/overall_timeout.rs" => "no timeout of your own",
            retry_dropped in "wrong/retry_dropped.rs" => "one request per entry, no retries",
            try_lock_skip in "wrong/try_lock_skip.rs" => "each pushed even when it must wait for the lock",
            awaits_each_task in "wrong/awaits_each_task.rs" => "at most 1 of them in flight",
            collect_then_push in "wrong/collect_then_push.rs" => "push each entry as soon as its answer arrives",
            copy_out_write_back in "wrong/copy_out_write_back.rs" => "an entry, once pushed, stays",
            fresh_log in "wrong/fresh_log.rs" => "the entries already in it stay",
            sorted_by_id in "wrong/sorted_by_id.rs" => "after the entries already there",
            spawn_and_forget in "wrong/spawn_and_forget.rs" => "all of them ended before the handle ends || the handle ends when every entry is in the log",
            success_only in "wrong/success_only.rs" => "a 404 and a 500 as much as a 200",
            tokio_mutex_gate in "wrong/tokio_mutex_gate.rs" => "at most 1 of them in flight",
            unwrap_send in "wrong/unwrap_send.rs" => "the background task panicked",
            zero_for_no_answer in "wrong/zero_for_no_answer.rs" => "a request without an answer has no status to log",
        }
        correct: {
            joinset_of_tasks_r49 in "also_correct/joinset_of_tasks_r49.rs",
            futures_unordered_loop_r47 in "also_correct/futures_unordered_loop_r47.rs",
            ok_futures_unordered_pushes_from_the_task in "also_correct/ok_futures_unordered_pushes_from_the_task.rs",
            ok_futures_unordered_pushes_in_arrival_order in "also_correct/ok_futures_unordered_pushes_in_arrival_order.rs",
            ok_segments_and_joinset in "also_correct/ok_segments_and_joinset.rs",
            ok_barrier_start in "also_correct/ok_barrier_start.rs",
            ok_inspect_ok_combinator in "also_correct/ok_inspect_ok_combinator.rs",
            ok_select_all_until_empty in "also_correct/ok_select_all_until_empty.rs",
            ok_futures_unordered_consumer_pushes in "also_correct/ok_futures_unordered_consumer_pushes.rs",
            ok_joinset_prebuilt_requests in "also_correct/ok_joinset_prebuilt_requests.rs",
            ok_for_each_concurrent_unbounded in "also_correct/ok_for_each_concurrent_unbounded.rs",
            ok_task_per_request in "also_correct/ok_task_per_request.rs",
            channel_logger in "also_correct/channel_logger.rs",
            for_each_concurrent_unbounded in "also_correct/for_each_concurrent_unbounded.rs",
            for_each_concurrent_via_error in "also_correct/for_each_concurrent_via_error.rs",
            futures_unordered_loop in "also_correct/futures_unordered_loop.rs",
            joinset_poison_tolerant in "also_correct/joinset_poison_tolerant.rs",
            joinset_per_request in "also_correct/joinset_per_request.rs",
            status_from_error in "also_correct/status_from_error.rs",
            unbounded_logger in "also_correct/unbounded_logger.rs",
            joinset_of_tasks in "also_correct/joinset_of_tasks.rs",
            task_per_request_poison in "also_correct/task_per_request_poison.rs",
            unordered_consumer in "also_correct/unordered_consumer.rs",
            guard_dropped_by_hand in "also_correct/guard_dropped_by_hand.rs",
            task_per_request in "also_correct/task_per_request.rs",
            unordered_stream in "also_correct/unordered_stream.rs",
        }
    }
}

#[path = "../course/titles_in_tasks"]
mod titles_in_tasks {
    mod checks;

    lesson_support::kept_answers! {
        function: titles_in_tasks;
        wrong: {
            adds_missing_scheme_r49_3 in "wrong/adds_missing_scheme_r49_3.rs" => "not mended with a scheme of your own",
            joinset_sorted_by_id in "wrong/joinset_sorted_by_id.rs" => "one title per entry of `ids`, in the order of `ids`",
            shares_repeated_ids in "wrong/shares_repeated_ids.rs" => "an id listed twice fetched twice",
            caps_at_aiohttp_limit in "wrong/caps_at_aiohttp_limit.rs" => "no cap or semaphore of your own",
            checks_base_url_first in "wrong/checks_base_url_first.rs" => "no request was asked for, so none failed, whatever the base URL",
            request_timeout_from_course in "wrong/request_timeout_from_course.rs" => "no timeout of your own, the client's settings say how long to wait",
            decodes_title_only_r47 in "wrong/decodes_title_only_r47.rs" => "a title and nothing else of a post",
            one_task_for_all_r47 in "wrong/one_task_for_all_r47.rs" => "one task per entry of `ids`, each started with `tokio::spawn`",
            tasks_return_responses in "wrong/tasks_return_responses.rs" => "each task does its whole request by itself, the body and its title included",
            one_task_for_the_whole_batch_again in "wrong/one_task_for_the_whole_batch_again.rs" => "one task per entry of `ids`",
            decodes_only_the_title_once_more in "wrong/decodes_only_the_title_once_more.rs" => "a title and nothing else of a post",
            fetches_each_distinct_id_once in "wrong/fetches_each_distinct_id_once.rs" => "an id listed twice fetched twice",
            joins_without_spawning in "wrong/joins_without_spawning.rs" => "each request runs in a task",
            decodes_title_only in "wrong/decodes_title_only.rs" => "a title and nothing else of a post",
            adds_missing_scheme in "wrong/adds_missing_scheme.rs" => "not mended with a scheme of your own",
            titles_sorted_by_id in "wrong/titles_sorted_by_id.rs" => "one title per entry of `ids`, in the order of `ids`",
            shared_budget_of_a_hundred in "wrong/shared_budget_of_a_hundred.rs" => "no cap or semaphore of your own",
            select_all_do_while in "wrong/select_all_do_while.rs" => "Never a panic",
            parsed_base_url_expect in "wrong/parsed_base_url_expect.rs" => "the caller passes a valid base URL: RelativeUrlWithoutBase. Never a panic",
            waits_out_a_429_and_asks_again in "wrong/waits_out_a_429_and_asks_again.rs" => "the server received GET /api/posts/9 twice",
            titles_cached_across_calls in "wrong/titles_cached_across_calls.rs" => "no title is remembered from an earlier call",
            refetches_a_post_with_another_id in "wrong/refetches_a_post_with_another_id.rs" => "the server received GET /api/posts/41 twice",
            trailing_slash_like_django in "wrong/trailing_slash_like_django.rs" => "the server received GET /v1/posts/12/",
            skips_id_zero in "wrong/skips_id_zero.rs" => "GET /api/posts/0 not at all",
            non_success_expect_err in "wrong/non_success_expect_err.rs" => "Never a panic",
            polite_stagger in "wrong/polite_stagger.rs" => "no pause between spawns",
            lock_held_through_send in "wrong/lock_held_through_send.rs" => "no lock held while a request is out",
            joinset_join_all_in_spawn_order in "wrong/joinset_join_all_in_spawn_order.rs" => "one title per entry of `ids`, in the order of `ids`",
            trims_titles in "wrong/trims_titles.rs" => "got Ok([\"title of 8\", \"title of 31\"",
            spawns_only_the_send in "wrong/spawns_only_the_send.rs" => "not only the `send()`",
            cache_busting_query in "wrong/cache_busting_query.rs" => "the server received GET /v1/posts/12?_=",
            one_task_for_the_whole_batch in "wrong/one_task_for_the_whole_batch.rs" => "one task per entry of `ids`",
            decodes_only_the_title in "wrong/decodes_only_the_title.rs" => "or a body that is not a post",
            retries_when_no_answer in "wrong/retries_when_no_answer.rs" => "a refused connection is that entry's error as it is",
            not_found_or_server_error in "wrong/not_found_or_server_error.rs" => "an error status (whatever the body)",
            titles_by_id_map in "wrong/titles_by_id_map.rs" => "each of its answers counts like any other",
            asserts_batch_size in "wrong/asserts_batch_size.rs" => "your code panicked",
            single_id_inline in "wrong/single_id_inline.rs" => "each request runs in a task of its own",
            retry_not_a_post in "wrong/retry_not_a_post.rs" => "the server received GET /api/posts/19 twice",
            retry_not_found in "wrong/retry_not_found.rs" => "the server received GET /api/posts/7 twice",
            titles_in_arrival_order in "wrong/titles_in_arrival_order.rs" => "got Ok([\"  title of 31 \", \"  title of 31 \"",
            abort_then_expect_cleanup in "wrong/abort_then_expect_cleanup.rs" => "a fetching task never panics: JoinError::Cancelled",
            repeat_reuses_first_title in "wrong/repeat_reuses_first_title.rs" => "an id listed twice is fetched twice, and each of its answers counts",
            server_errors_first in "wrong/server_errors_first.rs" => "got Err(status 503); expected Err(status 404)",
            retry_connect_errors in "wrong/retry_connect_errors.rs" => "with no wait and no retry",
            url_stripped in "wrong/url_stripped.rs" => "the error's `url()` is None",
            watchdog_on_handles in "wrong/watchdog_on_handles.rs" => "your code panicked",
            first_inline_rest_in_tasks in "wrong/first_inline_rest_in_tasks.rs" => "makes progress by itself",
            one_driver_task in "wrong/one_driver_task.rs" => "task(s) on the runtime",
            spawn_window in "wrong/spawn_window.rs" => "in flight at once",
            explicit_course_timeout in "wrong/explicit_course_timeout.rs" => "after 30.0 s",
            task_per_core_chunk in "wrong/task_per_core_chunk.rs" => "task(s) on the runtime",
            dedup_titles in "wrong/dedup_titles.rs" => "one title per entry",
            skips_empty_titles in "wrong/skips_empty_titles.rs" => "empty or not",
            spawn_blocking_block_on in "wrong/spawn_blocking_block_on.rs" => "of real time",
            strict_post_struct in "wrong/strict_post_struct.rs" => "four fields",
            head_check_then_get in "wrong/head_check_then_get.rs" => "the server received HEAD /v1/posts/",
            join_all_no_spawn in "wrong/join_all_no_spawn.rs" => "which makes progress by itself, not only while the caller awaits",
            lowest_id_error in "wrong/lowest_id_error.rs" => "got Err(status 404); expected Err(status 503)",
            not_found_skipped in "wrong/not_found_skipped.rs" => "a failed request makes the whole result an `Err`",
            decode_before_status in "wrong/decode_before_status.rs" => "got Err(no status); expected Err(status 503)",
            title_only_struct in "wrong/title_only_struct.rs" => "a title and nothing else of a post",
            transport_errors_last in "wrong/transport_errors_last.rs" => "whatever kind of failure it is",
            warms_up_connection in "wrong/warms_up_connection.rs" => "the server received HEAD /",
            batches_of_eight in "wrong/batches_of_eight.rs" => "the server saw at most 8 of them in flight",
            dedup_ids in "wrong/dedup_ids.rs" => "an id listed twice fetched twice",
            own_timeout in "wrong/own_timeout.rs" => "no timeout of your own",
            retry_unavailable in "wrong/retry_unavailable.rs" => "one request per entry, no retries",
            await_after_each_spawn in "wrong/await_after_each_spawn.rs" => "at most 1 of them in flight",
            client_per_task in "wrong/client_per_task.rs" => "did not come from the `client`",
            first_to_fail in "wrong/first_to_fail.rs" => "got Err(status 404); expected Err(status 503)",
            last_error_kept in "wrong/last_error_kept.rs" => "got Err(status 404); expected Err(status 503)",
            no_status_check in "wrong/no_status_check.rs" => "an error status (whatever the body)",
            skips_failures in "wrong/skips_failures.rs" => "a failed request makes the whole result an `Err`",
            stops_sending_after_failure in "wrong/stops_sending_after_failure.rs" => "at most 1 of them in flight",
            try_join_all_flattened in "wrong/try_join_all_flattened.rs" => "got Err(status 404); expected Err(status 503)",
            unwrap_in_task in "wrong/unwrap_in_task.rs" => "your code panicked",
        }
        correct: {
            futures_ordered_try_collect_r49 in "also_correct/futures_ordered_try_collect_r49.rs",
            builders_in_futures_ordered in "also_correct/builders_in_futures_ordered.rs",
            stream_then_try_collect in "also_correct/stream_then_try_collect.rs",
            ok_join_set_with_slots in "also_correct/ok_join_set_with_slots.rs",
            ok_joinset_with_slots in "also_correct/ok_joinset_with_slots.rs",
            ok_channel_into_slots in "also_correct/ok_channel_into_slots.rs",
            ok_spawned_last_id_first in "also_correct/ok_spawned_last_id_first.rs",
            ok_remote_handle in "also_correct/ok_remote_handle.rs",
            ok_request_built_outside_the_task in "also_correct/ok_request_built_outside_the_task.rs",
            ok_oneshot_per_task in "also_correct/ok_oneshot_per_task.rs",
            ok_join_all_handles_then_collect in "also_correct/ok_join_all_handles_then_collect.rs",
            ok_futures_ordered_try_collect in "also_correct/ok_futures_ordered_try_collect.rs",
            ok_join_all_handles in "also_correct/ok_join_all_handles.rs",
            reverse_await in "also_correct/reverse_await.rs",
            try_join_all_task_layer in "also_correct/try_join_all_task_layer.rs",
            results_then_collect in "also_correct/results_then_collect.rs",
            joinset_settled_prefix in "also_correct/joinset_settled_prefix.rs",
            ordered_then_try_collect in "also_correct/ordered_then_try_collect.rs",
            joinset_slots in "also_correct/joinset_slots.rs",
            futures_ordered_try_collect in "also_correct/futures_ordered_try_collect.rs",
            join_all_handles_collect in "also_correct/join_all_handles_collect.rs",
            wait_all_then_collect in "also_correct/wait_all_then_collect.rs",
            join_all_handles_collected in "also_correct/join_all_handles_collected.rs",
            join_all_handles in "also_correct/join_all_handles.rs",
            helper_fn_no_turbofish in "also_correct/helper_fn_no_turbofish.rs",
            join_all_then_collect in "also_correct/join_all_then_collect.rs",
            joinset_by_position in "also_correct/joinset_by_position.rs",
        }
    }
}

#[path = "../course/fetch_posts"]
mod fetch_posts {
    mod checks;

    lesson_support::kept_answers! {
        function: fetch_posts;
        wrong: {
            course_timeout_per_request in "wrong/course_timeout_per_request.rs" => "no timeout of your own, longer or shorter",
            repeats_one_after_another_r49 in "wrong/repeats_one_after_another_r49.rs" => "all of them are in flight together, however many ids there are",
            warm_up_first_request in "wrong/warm_up_first_request.rs" => "all of them are in flight together, however many ids there are",
            asks_again_on_wrong_id in "wrong/asks_again_on_wrong_id.rs" => "send exactly one request per entry, and no retries",
            error_body_drain_overrides_status in "wrong/error_body_drain_overrides_status.rs" => "the status is in the head, whatever becomes of the body",
            etag_revalidation in "wrong/etag_revalidation.rs" => "a validator remembered from the first call",
            headers_first_then_bodies in "wrong/headers_first_then_bodies.rs" => "one failure never costs the other posts",
            non_2xx_unwrap_err in "wrong/non_2xx_unwrap_err.rs" => "Never a panic",
            repeats_matched_by_arrival in "wrong/repeats_matched_by_arrival.rs" =>
                "the order in which the server finished the answers, not the order of the requests",
            buffered_by_len_r47 in "wrong/buffered_by_len_r47.rs" => "asked for no ids, your function had not returned 5 s later",
            ten_second_timeout in "wrong/ten_second_timeout.rs" => "no timeout of your own, longer or shorter",
            adds_a_missing_scheme_again in "wrong/adds_a_missing_scheme_again.rs" => "not mended with a scheme of your own",
            strips_the_title in "wrong/strips_the_title.rs" => "no `trim()`",
            sets_its_own_ten_second_timeout in "wrong/sets_its_own_ten_second_timeout.rs" => "no timeout of your own",
            per_request_timeout in "wrong/per_request_timeout.rs" => "no timeout of your own",
            caps_at_100 in "wrong/caps_at_100.rs" => "The contract has no cap",
            buffered_len_hangs_on_empty in "wrong/buffered_len_hangs_on_empty.rs" => "never a hang",
            slots_by_first_position in "wrong/slots_by_first_position.rs" => "not in the order of `ids`",
            bad_base_url_reported_once in "wrong/bad_base_url_reported_once.rs" => "expected two `Err`s",
            adds_a_missing_scheme in "wrong/adds_a_missing_scheme.rs" => "not mended with a scheme of your own",
            parsed_base_url_expect in "wrong/parsed_base_url_expect.rs" => "the caller passes a valid base URL: RelativeUrlWithoutBase. Never a panic",
            trims_title_and_body in "wrong/trims_title_and_body.rs" => "spaces and newlines around a title or a body included (no `trim()`)",
            posts_cached_across_calls in "wrong/posts_cached_across_calls.rs" => "no post is remembered from an earlier call",
            strict_post_struct in "wrong/strict_post_struct.rs" => "33 answers 200 with a post that has a field more (a post all the same)",
            head_check_then_get in "wrong/head_check_then_get.rs" => "fetching a post is a GET",
            cache_busting_query in "wrong/cache_busting_query.rs" => "which no entry of ids",
            trailing_slash_like_django in "wrong/trailing_slash_like_django.rs" => "/posts/1/, which no entry of ids",
            panics_on_a_status_that_is_no_error in "wrong/panics_on_a_status_that_is_no_error.rs" => "Never a panic",
            index_map_values in "wrong/index_map_values.rs" => "not in the order of `ids`",
            refetches_a_mismatched_post in "wrong/refetches_a_mismatched_post.rs" => "send exactly one request per entry",
            reads_bodies_in_turn in "wrong/reads_bodies_in_turn.rs" => "one failure never costs the other posts",
            one_request_per_id_at_a_time in "wrong/one_request_per_id_at_a_time.rs" => "when the first answer left the server",
            status_only_when_body_is_not_a_post in "wrong/status_only_when_body_is_not_a_post.rs" => "an error status is an `Err`, whatever the body holds",
            own_timeout_10s in "wrong/own_timeout_10s.rs" => "no timeout of your own",
            caps_at_aiohttp_limit_100 in "wrong/caps_at_aiohttp_limit_100.rs" => "The contract has no cap",
            retries_refused_connection in "wrong/retries_refused_connection.rs" => "a refused connection is that entry's error as it is",
            places_by_answer_id in "wrong/places_by_answer_id.rs" => "place results by their request",
            batch_deadline_past_client_timeout in "wrong/batch_deadline_past_client_timeout.rs" => "no timeout of your own, longer or shorter",
            post_body_wins in "wrong/post_body_wins.rs" => "an error status is an `Err`, whatever the body holds",
            success_means_200 in "wrong/success_means_200.rs" => "your code panicked",
            generous_request_timeout in "wrong/generous_request_timeout.rs" => "no timeout of your own, longer or shorter",
            staggered_start in "wrong/staggered_start.rs" => "with no timer before it",
            decode_without_status in "wrong/decode_without_status.rs" => "an error status is an `Err`, whatever the body holds",
            dedup_repeated_ids in "wrong/dedup_repeated_ids.rs" => "an id listed twice is fetched twice",
            first_request_alone in "wrong/first_request_alone.rs" => "The contract has no cap",
            join_drops_last_segment in "wrong/join_drops_last_segment.rs" => "keep the whole of `base_url`",
            retry_busy_once in "wrong/retry_busy_once.rs" => "send exactly one request per entry, and no retries",
            sorted_by_id in "wrong/sorted_by_id.rs" => "the results held the posts sorted by id",
            await_in_loop in "wrong/await_in_loop.rs" =>
                "one after another",
            buffer_unordered_fifty in "wrong/buffer_unordered_fifty.rs" =>
                "at most 50 of them in flight",
            buffered_eight in "wrong/buffered_eight.rs" =>
                "at most 8 of them in flight",
            chunks_of_ten in "wrong/chunks_of_ten.rs" =>
                "at most 10 of them in flight",
            client_per_request in "wrong/client_per_request.rs" =>
                "did not come from the `client`",
            completion_order in "wrong/completion_order.rs" =>
                "not in the order of `ids`",
            dedup_ids in "wrong/dedup_ids.rs" =>
                "an id listed twice is fetched twice",
            drops_failed_posts in "wrong/drops_failed_posts.rs" =>
                "one result per entry",
            first_error_wins in "wrong/first_error_wins.rs" =>
                "one result per entry",
            gives_up_after_300ms in "wrong/gives_up_after_300ms.rs" =>
                "wait for every answer",
            hard_coded_url in "wrong/hard_coded_url.rs" =>
                "build each URL from `base_url`",
            ignores_status in "wrong/ignores_status.rs" =>
                "expected an Err with status 500, got Ok(post 21)",
            only_server_errors in "wrong/only_server_errors.rs" =>
                "expected an Err with status 404, got Ok(post 34)",
            own_client in "wrong/own_client.rs" =>
                "did not come from the `client`",
            panics_on_failure in "wrong/panics_on_failure.rs" =>
                "your code panicked",
            retries_failures in "wrong/retries_failures.rs" =>
                "no retries",
            semaphore_cap_of_ten in "wrong/semaphore_cap_of_ten.rs" =>
                "at most 10 of them in flight",
            sorted_ids in "wrong/sorted_ids.rs" =>
                "sorted by id",
            spawn_then_await_each in "wrong/spawn_then_await_each.rs" =>
                "one after another",
            unordered_sorted_by_id in "wrong/unordered_sorted_by_id.rs" =>
                "sorted by id",
            url_join in "wrong/url_join.rs" =>
                "ending in /api/v1, the request went to /posts/",
        }
        correct: {
            hand_rolled_poll_fn_join in "also_correct/hand_rolled_poll_fn_join.rs",
            joinset_slots_by_position in "also_correct/joinset_slots_by_position.rs",
            futures_ordered_collect in "also_correct/futures_ordered_collect.rs",
            unordered_then_sorted_by_index in "also_correct/unordered_then_sorted_by_index.rs",
            ok_futures_ordered_of_request_builders in "also_correct/ok_futures_ordered_of_request_builders.rs",
            ok_spawned_handles_in_order in "also_correct/ok_spawned_handles_in_order.rs",
            ok_joinset_slots in "also_correct/ok_joinset_slots.rs",
            ok_drains_an_error_body in "also_correct/ok_drains_an_error_body.rs",
            ok_try_join_all_infallible in "also_correct/ok_try_join_all_infallible.rs",
            ok_futures_ordered_stream in "also_correct/ok_futures_ordered_stream.rs",
            ok_sent_in_reverse in "also_correct/ok_sent_in_reverse.rs",
            ok_buffered_as_many_as_ids in "also_correct/ok_buffered_as_many_as_ids.rs",
            ok_buffered_window_of_all in "also_correct/ok_buffered_window_of_all.rs",
            ok_join_two_halves in "also_correct/ok_join_two_halves.rs",
            buffered_all_at_once in "also_correct/buffered_all_at_once.rs",
            spawn_cloned_client in "also_correct/spawn_cloned_client.rs",
            buffered_by_len in "also_correct/buffered_by_len.rs",
            build_and_execute in "also_correct/build_and_execute.rs",
            spawned_tasks in "also_correct/spawned_tasks.rs",
            unordered_then_index_sort in "also_correct/unordered_then_index_sort.rs",
        }
    }
}

#[path = "../course/slowest_request"]
mod slowest_request {
    mod checks;

    lesson_support::kept_answers! {
        function: slowest_request;
        wrong: {
            select_all_remove_ids in "wrong/select_all_remove_ids.rs" => "The answer is the id whose own request took longest",
            subsec_millis_key in "wrong/subsec_millis_key.rs" => "compare the durations as they are",
            warm_up_request in "wrong/warm_up_request.rs" => "one GET to exactly {base_url}/posts/{id} per entry of `ids`, even when there is only one",
            durations_keyed_by_id in "wrong/durations_keyed_by_id.rs" => "every request counts, each of a repeated id's too, timed on its own",
            error_status_stops_clock_r47 in "wrong/error_status_stops_clock_r47.rs" => "its body read to the end",
            unanswered_requests_untimed in "wrong/unanswered_requests_untimed.rs" => "every request counts, one that got no answer at all too",
            stops_the_clock_at_an_error_status in "wrong/stops_the_clock_at_an_error_status.rs" => "its body read to the end",
            keeps_one_time_per_id in "wrong/keeps_one_time_per_id.rs" => "every request counts, each of a repeated id's too",
            caps_in_flight_at_sixteen in "wrong/caps_in_flight_at_sixteen.rs" => "The contract has no cap",
            map_by_id_forgets_repeat in "wrong/map_by_id_forgets_repeat.rs" => "every request counts, each of a repe",
            error_status_skips_body_time in "wrong/error_status_skips_body_time.rs" => "its body read to the end",
            caps_at_10 in "wrong/caps_at_10.rs" => "The contract has no cap",
            unbuilt_request_not_timed in "wrong/unbuilt_request_not_timed.rs" => "every request counts, failed ones included",
            stagger_inside_the_clock in "wrong/stagger_inside_the_clock.rs" => "without any wait of your own before it",
            body_read_capped in "wrong/body_read_capped.rs" => "or its first so many bytes",
            parsed_base_url_expect in "wrong/parsed_base_url_expect.rs" => "the caller passes a valid base URL: RelativeUrlWithoutBase. Never a panic",
            reads_only_an_announced_body in "wrong/reads_only_an_announced_body.rs" => "its body in chunks, with no `content-length`",
            connector_limit_of_a_hundred in "wrong/connector_limit_of_a_hundred.rs" => "The contract has no cap",
            averages_repeated_ids in "wrong/averages_repeated_ids.rs" => "every request counts, each of a repeated id's too, timed on its own",
            trailing_slash_like_django in "wrong/trailing_slash_like_django.rs" => "(GET /posts/57/): one GET to exactly",
            retries_unavailable_once in "wrong/retries_unavailable_once.rs" => "lists that id once: send exactly one request per entry",
            cache_busting_query in "wrong/cache_busting_query.rs" => "one GET to exactly {base_url}/posts/{id}",
            warms_up_the_pool_first in "wrong/warms_up_the_pool_first.rs" => "received 2 requests (GET /posts/57, GET /posts/57)",
            single_id_not_fetched in "wrong/single_id_not_fetched.rs" => "even when there is only one",
            clock_restarts_at_the_head in "wrong/clock_restarts_at_the_head.rs" => "from its own start to its own answer",
            times_to_first_body_chunk in "wrong/times_to_first_body_chunk.rs" => "its body read to the end",
            reports_the_served_post_id in "wrong/reports_the_served_post_id.rs" => "the id in post 5's answer",
            no_answer_counts_as_forever in "wrong/no_answer_counts_as_forever.rs" => "a failed one's too (here next to nothing)",
            times_each_id_once in "wrong/times_each_id_once.rs" => "an id listed twice is fetched twice",
            leaves_out_requests_without_answer in "wrong/leaves_out_requests_without_answer.rs" => "one that got no answer at all too",
            error_status_skips_the_body in "wrong/error_status_skips_the_body.rs" => "its body read",
            no_answer_counts_zero in "wrong/no_answer_counts_zero.rs" => "one that got no answer at all too",
            repeated_id_keeps_first_time in "wrong/repeated_id_keeps_first_time.rs" => "each of a repeated",
            skips_transport_errors in "wrong/skips_transport_errors.rs" => "got no answer at all too",
            error_status_stops_clock in "wrong/error_status_stops_clock.rs" => "to the end of its answer, its body read",
            repeats_add_up in "wrong/repeats_add_up.rs" => "compare the durations as they are",
            subsec_millis in "wrong/subsec_millis.rs" => "compare the durations as they are",
            none_when_all_fail in "wrong/none_when_all_fail.rs" => "failed ones included",
            repeat_overwrites_time in "wrong/repeat_overwrites_time.rs" => "each of a repeated",
            times_head_only in "wrong/times_head_only.rs" => "to the end of its answer, its body read",
            rt_dedup_ids in "wrong/rt_dedup_ids.rs" => "an id listed twice is fetched twice",
            position_plus_one in "wrong/position_plus_one.rs" => "with one request, that request is the slowest",
            semaphore_ten_slots in "wrong/semaphore_ten_slots.rs" => "The contract has no cap",
            spawn_one_clock_in_order in "wrong/spawn_one_clock_in_order.rs" => "time each request from its own start to its own answer",
            successes_only in "wrong/successes_only.rs" => "a failed request counts too",
            rt_whole_seconds in "wrong/rt_whole_seconds.rs" => "compare the durations as they are || expected Some(61) or Some(35)",
            await_in_loop in "wrong/await_in_loop.rs" =>
                "one after another",
            buffer_unordered_fifty in "wrong/buffer_unordered_fifty.rs" =>
                "at most 50 of them in flight",
            buffer_unordered_four in "wrong/buffer_unordered_four.rs" =>
                "at most 4 of them in flight",
            client_per_request in "wrong/client_per_request.rs" =>
                "did not come from the `client`",
            clock_read_in_turn in "wrong/clock_read_in_turn.rs" =>
                "the last of the list",
            dedup_ids in "wrong/dedup_ids.rs" =>
                "an id listed twice is fetched twice",
            fastest in "wrong/fastest.rs" =>
                "that is the fastest request: the answer is the one that took longest",
            panics_without_ids in "wrong/panics_without_ids.rs" =>
                "your code panicked",
            position_not_id in "wrong/position_not_id.rs" =>
                "return the id, not its position",
            semaphore_cap_of_ten in "wrong/semaphore_cap_of_ten.rs" =>
                "at most 10 of them in flight",
            skips_failed_requests in "wrong/skips_failed_requests.rs" =>
                "a slow error is still slow",
            try_join_all_none in "wrong/try_join_all_none.rs" =>
                "got None",
            url_join in "wrong/url_join.rs" =>
                "ending in /api/v1, the request went to /posts/",
            whole_seconds in "wrong/whole_seconds.rs" =>
                "the last of the list",
        }
        correct: {
            joinset_tasks_timed_inside in "also_correct/joinset_tasks_timed_inside.rs",
            unordered_fold_max in "also_correct/unordered_fold_max.rs",
            ok_spawned_timers_fold in "also_correct/ok_spawned_timers_fold.rs",
            ok_futures_unordered_running_max in "also_correct/ok_futures_unordered_running_max.rs",
            ok_channel_of_timings in "also_correct/ok_channel_of_timings.rs",
            ok_clock_started_as_the_future_is_built in "also_correct/ok_clock_started_as_the_future_is_built.rs",
            ok_drains_chunks in "also_correct/ok_drains_chunks.rs",
            ok_starting_gun_barrier in "also_correct/ok_starting_gun_barrier.rs",
            ok_longest_per_id_map in "also_correct/ok_longest_per_id_map.rs",
            ok_spawned_tasks_time_themselves in "also_correct/ok_spawned_tasks_time_themselves.rs",
            ok_joinset_running_max in "also_correct/ok_joinset_running_max.rs",
            ok_fold_futures_unordered in "also_correct/ok_fold_futures_unordered.rs",
            mutex_running_max in "also_correct/mutex_running_max.rs",
            tokio_clock in "also_correct/tokio_clock.rs",
            joinset_as_they_finish in "also_correct/joinset_as_they_finish.rs",
            unordered_fold_chunks in "also_correct/unordered_fold_chunks.rs",
            last_to_finish in "also_correct/last_to_finish.rs",
            one_clock_for_all in "also_correct/one_clock_for_all.rs",
            spawned_tasks in "also_correct/spawned_tasks.rs",
        }
    }
}
