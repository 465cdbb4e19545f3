//! The course checks its own exercise (run with `--features solutions`, as CI does): the
//! untouched stub and every kept wrong answer must be rejected, each with the message meant for
//! it, and every correct variant accepted. (That the reference solution passes is shown by
//! `tests/exercises.rs`, which the same feature points at the solution.)
// Some kept wrong answers unwrap on purpose: that is what makes them wrong.
#![allow(clippy::unwrap_used)]

/// The learner's starting file is the pristine stub.
#[test]
fn the_exercise_file_is_the_stub() {
    assert_eq!(
        include_str!("../src/exercises/digest_posts.rs"),
        include_str!("../course/digest_posts/stub.rs"),
        "src/exercises/digest_posts.rs differs from course/digest_posts/stub.rs"
    );
}

#[path = "../course/digest_posts"]
mod digest_posts {
    mod checks;

    lesson_support::kept_answers! {
        function: digest_posts;
        wrong: {
            select_all_loop_panics_on_no_ids in "wrong/select_all_loop_panics_on_no_ids.rs" => "your code panicked",
            retries_statuses_http_says_may_repeat in "wrong/retries_statuses_http_says_may_repeat.rs" => "not a reason to ask again",
            retries_connection_reset_once in "wrong/retries_connection_reset_once.rs" => "reset the connection without answering",
            honours_cache_control_max_age in "wrong/honours_cache_control_max_age.rs" => "no cache of your own",
            coalesces_repeated_ids in "wrong/coalesces_repeated_ids.rs" => "a repeated id asked again at the same URL",
            retries_gateway_errors_urllib3_style in "wrong/retries_gateway_errors_urllib3_style.rs" => "not a reason to ask again",
            retries_429_when_retry_after_given in "wrong/retries_429_when_retry_after_given.rs" => "not a reason to ask again",
            large_bodies_collected_on_blocking_pool in "wrong/large_bodies_collected_on_blocking_pool.rs" => "only the digest goes to `spawn_blocking`",
            conditional_get_reuses_digest_on_304 in "wrong/conditional_get_reuses_digest_on_304.rs" => "no conditional request",
            body_read_up_to_content_length in "wrong/body_read_up_to_content_length.rs" => "not as many bytes as a `Content-Length` says",
            heads_gathered_first in "wrong/heads_gathered_first.rs" => "a body is digested as soon as it is in",
            digest_then_raise_for_status in "wrong/digest_then_raise_for_status.rs" => "and is not digested",
            digest_in_spawned_task in "wrong/digest_in_spawned_task.rs" => "`digest` ran on the runtime's thread",
            body_read_failure_panics in "wrong/body_read_failure_panics.rs" => "your code panicked",
            short_digests_kept_inline in "wrong/short_digests_kept_inline.rs" => "however quick it was last time",
            head_probe_before_get in "wrong/head_probe_before_get.rs" => "one GET `{base_url}/posts/{id}` per entry",
            digests_cached_for_a_minute in "wrong/digests_cached_for_a_minute.rs" => "no cache of your own",
            body_stall_watchdog_resends in "wrong/body_stall_watchdog_resends.rs" => "with no time limit of your own on its pieces",
            slot_lock_held_over_digest in "wrong/slot_lock_held_over_digest.rs" => "the digests of different posts run at the same time",
            primes_connection_with_first_request in "wrong/primes_connection_with_first_request.rs" => "every request in flight together",
            hedged_request_after_one_second in "wrong/hedged_request_after_one_second.rs" => "not asked for again after a wait of your own",
            drf_trailing_slash in "wrong/drf_trailing_slash.rs" => "nothing added to it",
            digests_post_body_field in "wrong/digests_post_body_field.rs" => "each the digest of its body exactly as it arrived",
            micro_batched_digests in "wrong/micro_batched_digests.rs" => "the digests of different posts run at the same time",
            last_body_digested_inline in "wrong/last_body_digested_inline.rs" => "`digest` ran on the runtime's thread",
            dedicated_cpu_runtime in "wrong/dedicated_cpu_runtime.rs" => "the digests of different posts run at the same time",
            body_streamed_to_blocking_digest in "wrong/body_streamed_to_blocking_digest.rs" => "only the digest goes to `spawn_blocking`",
            blocking_dispatcher_scoped_threads in "wrong/blocking_dispatcher_scoped_threads.rs" => "only the digest goes to `spawn_blocking`",
            retries_dropped_connection_once in "wrong/retries_dropped_connection_once.rs" => "reported, not sent again",
            decodes_declared_charset in "wrong/decodes_declared_charset.rs" => "whatever charset the head declares",
            cache_busting_query_on_repeats in "wrong/cache_busting_query_on_repeats.rs" => "nothing added to it, no query either",
            strips_utf8_bom in "wrong/strips_utf8_bom.rs" => "exactly as it arrived",
            retries_503_with_retry_after in "wrong/retries_503_with_retry_after.rs" => "one GET",
            raises_for_status_from_400_up in "wrong/raises_for_status_from_400_up.rs" => "Never a panic",
            requests_capped_at_100 in "wrong/requests_capped_at_100.rs" => "with no cap or batches of your own",
            sorted_by_first_position_of_id in "wrong/sorted_by_first_position_of_id.rs" => "in the order of",
            block_in_place_on_multi_thread in "wrong/block_in_place_on_multi_thread.rs" => "ran on one of the runtime's worker threads",
            caps_body_at_one_mib in "wrong/caps_body_at_one_mib.rs" => "exactly as it arrived",
            presized_from_content_length in "wrong/presized_from_content_length.rs" => "Never a panic",
            results_sorted_by_id in "wrong/results_sorted_by_id.rs" => "in the order of",
            builds_its_own_client in "wrong/builds_its_own_client.rs" => "with its settings",
            panics_on_unparsable_base_url in "wrong/panics_on_unparsable_base_url.rs" => "Never a panic",
            retries_send_on_timeout in "wrong/retries_send_on_timeout.rs" => "no second try of your own",
            drains_error_body_first in "wrong/drains_error_body_first.rs" => "an error status is known from the head",
            follows_unfollowed_3xx_location in "wrong/follows_unfollowed_3xx_location.rs" => "one GET",
            inline_digest_with_several_workers in "wrong/inline_digest_with_several_workers.rs" => "Whatever the kind of runtime",
            bodies_read_in_arrival_loop in "wrong/bodies_read_in_arrival_loop.rs" => "not a loop that reads one body at a time",
            repeated_ids_wait_for_each_other in "wrong/repeated_ids_wait_for_each_other.rs" => "or the same id listed again",
            single_post_digested_inline in "wrong/single_post_digested_inline.rs" => "however many posts there are",
            bounded_results_channel_joined_first in "wrong/bounded_results_channel_joined_first.rs" => "the call returns its results",
            own_thread_pool_of_64 in "wrong/own_thread_pool_of_64.rs" => "the digests of different posts run at the same time",
            requests_on_own_io_runtime in "wrong/requests_on_own_io_runtime.rs" => "not the whole request",
            broken_body_asked_again in "wrong/broken_body_asked_again.rs" => "a body that does not arrive whole is that entry",
            slow_posts_timed_out in "wrong/slow_posts_timed_out.rs" => "with its settings",
            trailing_whitespace_trimmed in "wrong/trailing_whitespace_trimmed.rs" => "exactly as it arrived",
            batches_of_fifty in "wrong/batches_of_fifty.rs" => "with no cap or batches of your own",
            digest_stage_in_id_order in "wrong/digest_stage_in_id_order.rs" => "listed before it",
            per_core_shares_digest_after_share in "wrong/per_core_shares_digest_after_share.rs" => "grouped with it",
            buffered_by_ids_len_hangs_on_empty in "wrong/buffered_by_ids_len_hangs_on_empty.rs" => "never a hang",
            digests_empty_body_inline in "wrong/digests_empty_body_inline.rs" => "ran on the runtime's thread, and held it",
            expects_error_on_non_2xx in "wrong/expects_error_on_non_2xx.rs" => "Never a panic",
            digests_bounded_by_cores in "wrong/digests_bounded_by_cores.rs" => "the digests of different posts run at the same time",
            memoizes_identical_bodies in "wrong/memoizes_identical_bodies.rs" => "each successful answer",
            chunk_loop_swallows_body_error in "wrong/chunk_loop_swallows_body_error.rs" => "a body that does not arrive whole is that entry",
            digests_decoded_text in "wrong/digests_decoded_text.rs" => "exactly as it arrived",
            retries_5xx_and_429_once in "wrong/retries_5xx_and_429_once.rs" => "not a reason to ask again",
            block_in_place in "wrong/block_in_place.rs" => "can call blocking only when running on the multi-threaded runtime",
            capped_at_four in "wrong/capped_at_four.rs" => "with no cap or batches of your own",
            digest_inline in "wrong/digest_inline.rs" => "ran on the runtime's thread, and held it",
            digests_after_every_request in "wrong/digests_after_every_request.rs" => "a body is digested as soon as it is in",
            digests_error_bodies in "wrong/digests_error_bodies.rs" => "and is not digested",
            digests_what_arrived in "wrong/digests_what_arrived.rs" => "a body that does not arrive whole is that entry's `Err`",
            digests_reencoded_json in "wrong/digests_reencoded_json.rs" => "exactly as it arrived",
            executor_block_on in "wrong/executor_block_on.rs" => "ran on the runtime's thread, and held it",
            one_after_another in "wrong/one_after_another.rs" => "every request in flight together",
            one_digest_at_a_time in "wrong/one_digest_at_a_time.rs" => "the digests of different posts run at the same time",
            results_as_they_finish in "wrong/results_as_they_finish.rs" => "in the order of `ids`",
            skips_repeated_ids in "wrong/skips_repeated_ids.rs" => "a repeated id asked again",
            thread_joined in "wrong/thread_joined.rs" => "ran on the runtime's thread, and held it",
            url_join_drops_path in "wrong/url_join_drops_path.rs" => "the base URL's path kept",
            body_read_on_blocking_thread in "wrong/body_read_on_blocking_thread.rs" => "a blocking thread that waits for a body is one fewer",
            body_and_digest_in_spawn_blocking in "wrong/body_and_digest_in_spawn_blocking.rs" => "a blocking thread that waits for a body is one fewer",
            whole_request_in_spawn_blocking in "wrong/whole_request_in_spawn_blocking.rs" => "not the whole request",
        }
        correct: {
            two_stage_buffer_unordered_sorted in "also_correct/two_stage_buffer_unordered_sorted.rs",
            spawned_tasks_try_join_all_chunk_loop in "also_correct/spawned_tasks_try_join_all_chunk_loop.rs",
            blocking_pool_result_by_oneshot in "also_correct/blocking_pool_result_by_oneshot.rs",
            urls_first_status_ref_handle in "also_correct/urls_first_status_ref_handle.rs",
            url_joined_under_slash in "also_correct/url_joined_under_slash.rs",
            poll_fn_hand_rolled_join in "also_correct/poll_fn_hand_rolled_join.rs",
            own_thread_joined_on_blocking_pool in "also_correct/own_thread_joined_on_blocking_pool.rs",
            select_all_with_positions in "also_correct/select_all_with_positions.rs",
            digest_dispatcher_task_with_replies in "also_correct/digest_dispatcher_task_with_replies.rs",
            select_loop_joinset_spawn_blocking in "also_correct/select_loop_joinset_spawn_blocking.rs",
            local_set_spawn_local in "also_correct/local_set_spawn_local.rs",
            built_request_executed in "also_correct/built_request_executed.rs",
            digests_on_dedicated_runtime_pool in "also_correct/digests_on_dedicated_runtime_pool.rs",
            halves_joined_recursively in "also_correct/halves_joined_recursively.rs",
            own_thread_per_digest_oneshot_r49 in "also_correct/own_thread_per_digest_oneshot_r49.rs",
            futures_ordered_try_chain in "also_correct/futures_ordered_try_chain.rs",
            for_each_concurrent_slots in "also_correct/for_each_concurrent_slots.rs",
            spawned_tasks_unbounded_channel_slots in "also_correct/spawned_tasks_unbounded_channel_slots.rs",
            own_thread_per_digest_oneshot in "also_correct/own_thread_per_digest_oneshot.rs",
            eager_digest_handles_awaited_later in "also_correct/eager_digest_handles_awaited_later.rs",
            joinset_slots_chunk_loop in "also_correct/joinset_slots_chunk_loop.rs",
            own_thread_oneshot_futures_ordered in "also_correct/own_thread_oneshot_futures_ordered.rs",
            stream_buffered_all_ids in "also_correct/stream_buffered_all_ids.rs",
            join_set_sorted in "also_correct/join_set_sorted.rs",
            own_thread_and_oneshot in "also_correct/own_thread_and_oneshot.rs",
            tokio_spawn_per_entry in "also_correct/tokio_spawn_per_entry.rs",
        }
    }
}
