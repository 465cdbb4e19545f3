//! The course checks its own exercise (run with `--features solutions`, as CI does): the
//! untouched stub and every kept wrong answer must be rejected, each with the message meant for
//! it, and every kept correct variant accepted. (That the reference solution passes is shown by
//! `tests/exercises.rs`, which the same feature points at the solution.)
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
    mod checks;

    lesson_support::kept_answers! {
        function: fetch_photos_bounded;
        wrong: {
            duplicate_ids_first_free_slot in "wrong/duplicate_ids_first_free_slot.rs" => "Each entry holds the result of its own request",
            photo_body_beats_error_status in "wrong/photo_body_beats_error_status.rs" => "an error status of any class, 4xx or 5xx, is an `Err`",
            round_robin_lanes in "wrong/round_robin_lanes.rs" => "a new request starts as soon as any one finishes",
            per_photo_timeout_r47 in "wrong/per_photo_timeout_r47.rs" => "a server that takes a day to answer, with a client that gives up after 97 s",
            second_try_on_connect_error in "wrong/second_try_on_connect_error.rs" => "the client tried to connect 8 times",
            per_photo_timeout_of_its_own in "wrong/per_photo_timeout_of_its_own.rs" => "no timeout of your own",
            for_each_concurrent_zero_is_unbounded in "wrong/for_each_concurrent_zero_is_unbounded.rs" => "a `limit` of 0 is taken as 1",
            clamps_limit_to_empty_ids in "wrong/clamps_limit_to_empty_ids.rs" => "Never a panic",
            retries_a_failed_connection in "wrong/retries_a_failed_connection.rs" => "a request that fails is not sent again",
            per_photo_timeout in "wrong/per_photo_timeout.rs" => "no timeout of your own",
            clamp_panics_on_no_ids in "wrong/clamp_panics_on_no_ids.rs" => "Never a panic",
            started_in_id_order in "wrong/started_in_id_order.rs" => "requests start in the order of `ids`",
            scheme_added_like_curl in "wrong/scheme_added_like_curl.rs" => "not mended with a scheme of your own",
            clamp_to_id_count in "wrong/clamp_to_id_count.rs" => "Never a panic",
            parsed_base_url_expect in "wrong/parsed_base_url_expect.rs" => "the caller passes a valid base URL: RelativeUrlWithoutBase. Never a panic",
            zero_sleep_as_yield in "wrong/zero_sleep_as_yield.rs" => "with no timer before it",
            repeat_waits_for_its_twin in "wrong/repeat_waits_for_its_twin.rs" => "nothing but `limit` may cap how many run at once",
            workers_pop_from_the_end in "wrong/workers_pop_from_the_end.rs" => "requests start in the order of `ids`",
            results_lock_held_during_request in "wrong/results_lock_held_during_request.rs" => "the requests reached the server one at a time",
            repeat_gets_cache_buster in "wrong/repeat_gets_cache_buster.rs" => "which is no entry's URL",
            refetches_mismatched_photo in "wrong/refetches_mismatched_photo.rs" => "no request is sent again",
            only_usize_max_skips_semaphore in "wrong/only_usize_max_skips_semaphore.rs" => "not only for `usize::MAX`",
            send_futures_built_up_front in "wrong/send_futures_built_up_front.rs" => "a request waiting for a slot has not started yet",
            repeats_matched_by_arrival in "wrong/repeats_matched_by_arrival.rs" => "a repeated id's results included",
            checks_for_free_slots_every_50ms in "wrong/checks_for_free_slots_every_50ms.rs" => "start each request as soon as a slot is free, with no ti",
            strided_workers in "wrong/strided_workers.rs" => "a new request starts as soon as any one finishes",
            own_timeout_10s in "wrong/own_timeout_10s.rs" => "no timeout of your own",
            caps_limit_at_100 in "wrong/caps_limit_at_100.rs" => "nothing but `limit` may cap",
            shuffled_start_hand_window in "wrong/shuffled_start_hand_window.rs" => "requests start in the order of `ids`",
            random_jitter_before_send in "wrong/random_jitter_before_send.rs" => "with no timer before it",
            backs_off_after_refused_connection in "wrong/backs_off_after_refused_connection.rs" => "with no pause or back-off",
            error_body_logged in "wrong/error_body_logged.rs" => "before reading the body",
            honours_retry_after in "wrong/honours_retry_after.rs" => "a new request starts as soon as any one finishes, whatever the answers are",
            body_read_in_loop in "wrong/body_read_in_loop.rs" => "a new request starts as soon as any one finishes",
            lesson_deadline_kept in "wrong/lesson_deadline_kept.rs" => "no timeout of your own (for a request or the whole batch)",
            window_capped_at_distinct_ids in "wrong/window_capped_at_distinct_ids.rs" => "nothing but `limit` may cap how many run at once",
            let_underscore_permit in "wrong/let_underscore_permit.rs" => "at most `limit` requests in flight",
            permit_covers_body_only in "wrong/permit_covers_body_only.rs" => "at most `limit` requests in flight",
            photo_body_beats_status in "wrong/photo_body_beats_status.rs" => "an error status of any class, 4xx or 5xx, is an `Err`",
            repeats_share_a_slot in "wrong/repeats_share_a_slot.rs" => "nothing but `limit` may cap how many run at once",
            swap_permutation_in_place in "wrong/swap_permutation_in_place.rs" => "Return them in the order of `ids`",
            throttled_slot_cools_down in "wrong/throttled_slot_cools_down.rs" => "a new request starts as soon as any one finishes, whatever the answers are",
            aimd_window_shrinks in "wrong/aimd_window_shrinks.rs" => "no smaller window either",
            global_limiter in "wrong/global_limiter.rs" => "at most `limit` requests in flight",
            hedged_slow_request in "wrong/hedged_slow_request.rs" =>
                // Its second request for a slow photo shows in whichever count sees it first.
                "requests: one per id || one request per entry of `ids` || one request and one photo per entry of `ids`",
            limit_zero_returns_empty in "wrong/limit_zero_returns_empty.rs" => "0 of 0 results were photos",
            semaphore_double_release in "wrong/semaphore_double_release.rs" =>
                // Its semaphore grows with every answer: which check sees it first depends on timing.
                "a `limit` of 0 is taken as 1 || at most `limit` requests in flight",
            cache_across_calls in "wrong/cache_across_calls.rs" =>
                "one GET `{base_url}/photos/{id}` per entry of `ids`, every call: called a second time",
            deadline_per_request in "wrong/deadline_per_request.rs" =>
                // Its own 500 ms timeout also cuts off a 250 ms answer on a busy machine, and
                // that request's slot is given back while the server still serves it; on a
                // machine busy enough, it gives up on a request before the request is sent.
                "a slow answer is still a photo: with `limit` 3 and 11 ids, photo 3 (second in `ids`) taking 800 ms || at most `limit` requests in flight || results were the photos asked for || the server received 1 request: one per id",
            for_each_concurrent_zero_unbounded in "wrong/for_each_concurrent_zero_unbounded.rs" => "a `limit` of 0 is taken as 1",
            limit_as_rate in "wrong/limit_as_rate.rs" => "no fewer than `limit` requests in flight while ids wait",
            pages_drain_window in "wrong/pages_drain_window.rs" => "nothing but `limit` may cap how many run at once",
            striped_workers in "wrong/striped_workers.rs" => "a new request starts as soon as any one finishes",
            cap_at_aiohttp_default in "wrong/cap_at_aiohttp_default.rs" => "nothing but `limit` may cap how many run at once",
            warmup_first in "wrong/warmup_first.rs" => "a `limit` above the number of ids starts them all",
            window_covers_send_only in "wrong/window_covers_send_only.rs" => "A request whose body is still being read holds its slot",
            client_behind_mutex in "wrong/client_behind_mutex.rs" => "no fewer than `limit` requests in flight while ids wait",
            own_client_pool_limit in "wrong/own_client_pool_limit.rs" => "did not come from the `client` you were given",
            results_keyed_by_id in "wrong/results_keyed_by_id.rs" => "one entry per entry of `ids`, in its own place, a repeated id's results included",
            spawned_before_window in "wrong/spawned_before_window.rs" => "at most `limit` requests in flight",
            backoff_after_throttle in "wrong/backoff_after_throttle.rs" =>
                "a new request starts as soon as any one finishes, whatever the answers are",
            client_errors_lose_status in "wrong/client_errors_lose_status.rs" => "an error status of any class, 4xx or 5xx, is an `Err`",
            errors_fill_gaps in "wrong/errors_fill_gaps.rs" => "in the order of `ids`",
            retries_dropped_connection in "wrong/retries_dropped_connection.rs" => "a request that fails is reported, not sent again",
            semaphore_huge_limit_panics in "wrong/semaphore_huge_limit_panics.rs" =>
                "however large, never a panic: with `limit` `usize::MAX`",
            url_join_drops_last_segment in "wrong/url_join_drops_last_segment.rs" =>
                "`join(\"photos/7\")`, replaces the last segment of a base URL that does not end in `/`",
            buffered_holds_slots in "wrong/buffered_holds_slots.rs" => "a new request starts as soon as any one finishes",
            empty_ids_hang in "wrong/empty_ids_hang.rs" => "it must finish, whatever the server answers",
            permit_released_before_body in "wrong/permit_released_before_body.rs" =>
                "each from sending it to reading the end of its answer: with `limit` 3 and 5 ids",
            repeat_fetched_once in "wrong/repeat_fetched_once.rs" => "one request per entry of `ids`, a repeated id included",
            retries_throttled in "wrong/retries_throttled.rs" => "a request that fails is reported, not sent again",
            sorted_by_id in "wrong/sorted_by_id.rs" => "That is `ids` sorted, but `ids` was not sorted",
            thread_sleep_pacing in "wrong/thread_sleep_pacing.rs" =>
                "nothing may block the thread, not even for a few milliseconds per request",
            window_off_by_one in "wrong/window_off_by_one.rs" => "at most `limit` requests in flight",
            await_in_loop in "wrong/await_in_loop.rs" =>
                "the requests reached the server one at a time",
            blocking_pause in "wrong/blocking_pause.rs" => "nothing may block the thread",
            buffered_head_of_line in "wrong/buffered_head_of_line.rs" =>
                "a new request starts as soon as any one finishes",
            chunks_of_limit in "wrong/chunks_of_limit.rs" =>
                "a new request starts as soon as any one finishes",
            completion_order in "wrong/completion_order.rs" =>
                "Return them in the order of `ids`",
            hangs_on_zero in "wrong/hangs_on_zero.rs" => "`buffer_unordered(0)` starts no request",
            hard_coded_three in "wrong/hard_coded_three.rs" =>
                "at most `limit` requests in flight: with `limit` 1 and 2 ids, the server saw 2",
            keyed_by_id in "wrong/keyed_by_id.rs" => "a repeated id included",
            new_client_per_request in "wrong/new_client_per_request.rs" =>
                "did not come from the `client` you were given",
            one_slot_kept_back in "wrong/one_slot_kept_back.rs" =>
                "no fewer than `limit` requests in flight while ids wait: with `limit` 3",
            only_404_is_an_error in "wrong/only_404_is_an_error.rs" =>
                "the server answered 503 for photo 31",
            permit_after_send in "wrong/permit_after_send.rs" =>
                "at most `limit` requests in flight",
            permit_dropped_at_once in "wrong/permit_dropped_at_once.rs" =>
                "at most `limit` requests in flight",
            retries_server_errors in "wrong/retries_server_errors.rs" =>
                "a request that fails is reported, not sent again",
            semaphore_per_request in "wrong/semaphore_per_request.rs" =>
                "at most `limit` requests in flight",
            sorted_by_photo_id in "wrong/sorted_by_photo_id.rs" =>
                "That is `ids` sorted, but `ids` was not sorted",
            stops_at_first_error in "wrong/stops_at_first_error.rs" =>
                "a failure takes its place in the list as an `Err`",
            unbounded_join_all in "wrong/unbounded_join_all.rs" =>
                "at most `limit` requests in flight",
            url_join in "wrong/url_join.rs" =>
                "asked with a base URL ending in /api/v2, 13 requests went outside it, such as GET /photos/",
            window_one_too_wide in "wrong/window_one_too_wide.rs" =>
                "the server saw 2 at once (one more than `limit`",
            zero_means_unlimited in "wrong/zero_means_unlimited.rs" =>
                "a `limit` of 0 is taken as 1: with `limit` 0 and 3 ids, the server saw 3",
        }
        correct: {
            shared_queue_workers in "also_correct/shared_queue_workers.rs",
            futures_unordered_slots in "also_correct/futures_unordered_slots.rs",
            ok_semaphore_joinset_slots in "also_correct/ok_semaphore_joinset_slots.rs",
            ok_hand_rolled_window_with_slots in "also_correct/ok_hand_rolled_window_with_slots.rs",
            unfold_lanes_select_all in "also_correct/unfold_lanes_select_all.rs",
            requests_built_up_front in "also_correct/requests_built_up_front.rs",
            ok_slots_filled_by_fold in "also_correct/ok_slots_filled_by_fold.rs",
            ok_join_all_workers_shared_queue in "also_correct/ok_join_all_workers_shared_queue.rs",
            ok_futures_built_up_front in "also_correct/ok_futures_built_up_front.rs",
            ok_gather_with_semaphore in "also_correct/ok_gather_with_semaphore.rs",
            ok_semaphore_join_all in "also_correct/ok_semaphore_join_all.rs",
            acquire_all_to_wait in "also_correct/acquire_all_to_wait.rs",
            select_all_window in "also_correct/select_all_window.rs",
            lazy_spawn_in_window in "also_correct/lazy_spawn_in_window.rs",
            url_segments_fold in "also_correct/url_segments_fold.rs",
            joinset_len_window in "also_correct/joinset_len_window.rs",
            spawn_all_acquire_inside in "also_correct/spawn_all_acquire_inside.rs",
            atomic_counter_tasks in "also_correct/atomic_counter_tasks.rs",
            btreemap_by_position in "also_correct/btreemap_by_position.rs",
            semaphore_join_all in "also_correct/semaphore_join_all.rs",
            for_each_concurrent_slots in "also_correct/for_each_concurrent_slots.rs",
            worker_pool in "also_correct/worker_pool.rs",
            futures_unordered_refill in "also_correct/futures_unordered_refill.rs",
            semaphore_joinset in "also_correct/semaphore_joinset.rs",
            joinset_window in "also_correct/joinset_window.rs",
            shared_semaphore_join_all in "also_correct/shared_semaphore_join_all.rs",
            spawn_after_permit in "also_correct/spawn_after_permit.rs",
            unordered_then_slots in "also_correct/unordered_then_slots.rs",
        }
    }

    /// A kept wrong answer that never gives its thread back: it drains a `std::sync::mpsc`
    /// channel, blocking the test's only thread, so the tasks that would fill the channel never
    /// run and no timeout of the checks can fire. The watchdog in `lesson_support::testing`
    /// ends such a run with a message, and ends the whole process, so this answer is checked in
    /// a child process: this test binary again, running only the ignored test below.
    #[path = "wrong/std_mpsc_recv.rs"]
    mod std_mpsc_recv;

    #[test]
    fn a_function_that_never_gives_its_thread_back_is_stopped_with_a_message() {
        lesson_support::testing::assert_stopped_by_the_watchdog(
            "fetch_photos_bounded::never_gives_its_thread_back",
            checks::EXERCISE.number,
        );
    }

    #[tokio::test]
    #[ignore = "run in a child process by the test above: the watchdog ends the process"]
    async fn never_gives_its_thread_back() {
        let _ = checks::all(std_mpsc_recv::fetch_photos_bounded).await;
    }
}
