//! The course checks its own exercise (run with `--features solutions`, as CI does): the
//! untouched stub and every kept wrong answer must be rejected, each with the message meant for
//! it, and every correct variant accepted. (That the reference solution passes is shown by
//! `tests/exercises.rs`, which the same feature points at the solution.)
//!
//! The kept answers are spread over three test programs, this one (the first half of the wrong
//! answers), `course_more.rs` (the other half) and `course_accepts.rs` (the correct variants):
//! each answer instantiates every check, and one program holding them all took over 12 GB of
//! memory to compile. A new answer goes wherever there is room; `cargo xtask verify` checks
//! that each is listed in one of them.
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
            repr_digest_header_memo in "wrong/repr_digest_header_memo.rs" => "posts 1 and 2 with the same `Repr-Digest` and post 2 gzipped, the function returned [\"Ok(digest of post",
            large_batches_get_a_deadline in "wrong/large_batches_get_a_deadline.rs" => "asked about 70 ids (posts 53 to 122)",
            https_first_falls_back_to_http in "wrong/https_first_falls_back_to_http.rs" => "on a server that speaks plain HTTP (the TLS handshake fails), the function returned",
            content_location_asked_next_time in "wrong/content_location_asked_next_time.rs" => "(a second call), post 1 answered with `Alt-Svc`",
            connection_close_origin_throttled in "wrong/connection_close_origin_throttled.rs" => "after an answer that said `Connection: close`, asked about 20 ids",
            calls_bulkhead_of_sixteen in "wrong/calls_bulkhead_of_sixteen.rs" => "21 calls at once, of one id each, on the same server: 21 came back `Ok` within 3 s, and the server had at most 16",
            broken_body_resumed_by_range in "wrong/broken_body_resumed_by_range.rs" => "(with `Accept-Ranges: bytes` and `ETag: \"v1\"`)",
            alt_svc_authority_remembered in "wrong/alt_svc_authority_remembered.rs" => "(a second call), post 1 answered with `Alt-Svc` || with these `Authorization` headers: []",
            place_found_from_final_url in "wrong/place_found_from_final_url.rs" => "every answer comes from a /posts/{id} URL. Never a panic",
            link_next_pages_concatenated in "wrong/link_next_pages_concatenated.rs" => "(a first call), post 1 answered with `Alt-Svc`",
            https_connect_failure_retried_over_http in "wrong/https_connect_failure_retried_over_http.rs" => "on a server that speaks plain HTTP (the TLS handshake fails), the function returned",
            digest_threads_joined_on_drop in "wrong/digest_threads_joined_on_drop.rs" => "dropping the call held the runtime's thread while the digests ran",
            credentialed_first_request_probes_alone in "wrong/credentialed_first_request_probes_alone.rs" => "had at most 20 of them in flight at once; expected 21",
            client_clone_cached_by_address in "wrong/client_clone_cached_by_address.rs" => "the calls had not all returned after 15 s: each call runs on the runtime that awaits it",
            authority_lowercased_with_credentials in "wrong/authority_lowercased_with_credentials.rs" => "expected [(\"/api/posts/5\", \"Basic VE9LRU46\")]",
            results_sent_with_unwrap_after_drop in "wrong/results_sent_with_unwrap_after_drop.rs" => "no panic, even once the caller has gone",
            origin_label_port_unwrapped in "wrong/origin_label_port_unwrapped.rs" => "called `Option::unwrap()` on a `None` value",
            large_body_reads_capped_at_four in "wrong/large_body_reads_capped_at_four.rs" => "digests started late, or not at all",
            large_bodies_fetched_in_ranged_parts in "wrong/large_bodies_fetched_in_ranged_parts.rs" => "no parts asked again with `Range`",
            keep_alive_max_caps_next_calls in "wrong/keep_alive_max_caps_next_calls.rs" => "counts the requests left on one connection",
            empty_body_replaced_by_last_good in "wrong/empty_body_replaced_by_last_good.rs" => "or empty, is that call's answer",
            credentials_remembered_per_api_root in "wrong/credentials_remembered_per_api_root.rs" => "`Authorization` headers",
            utf8_labelled_bodies_repaired in "wrong/utf8_labelled_bodies_repaired.rs" => "a byte that is not UTF-8",
            utf8_bom_stripped in "wrong/utf8_bom_stripped.rs" => "each the digest of its body exactly as it arrived || with a byte order mark first",
            tiny_bodies_share_one_digest_thread in "wrong/tiny_bodies_share_one_digest_thread.rs" => "two of 15 bytes at most",
            plain_http_upgraded_off_loopback in "wrong/plain_http_upgraded_off_loopback.rs" => "its scheme (`http://`), its host's name",
            origin_stats_port_unwrapped in "wrong/origin_stats_port_unwrapped.rs" => "a base URL names its port",
            hex_etag_digest_memo in "wrong/hex_etag_digest_memo.rs" => "the same `ETag`, a hash of 32 hex digits",
            body_downloads_capped_at_sixteen in "wrong/body_downloads_capped_at_sixteen.rs" => "digests started late, or not at all",
            backend_addr_tally_expects_tcp in "wrong/backend_addr_tally_expects_tcp.rs" => "an answer comes from a socket address",
            slow_digest_hedged_on_own_thread in "wrong/slow_digest_hedged_on_own_thread.rs" => "never started again beside itself",
            taken_slots_zeroed_in_id_list in "wrong/taken_slots_zeroed_in_id_list.rs" => "every place has its answer",
            claimed_slots_marked_with_zero in "wrong/claimed_slots_marked_with_zero.rs" => "every place of `ids` got its result",
            unreserved_escapes_decoded in "wrong/unreserved_escapes_decoded.rs" => "[(\"/~jane/api/posts/5\"",
            percent_escapes_uppercased in "wrong/percent_escapes_uppercased.rs" => "[(\"/docs%2Fv1/posts/5\"",
            id_ranges_logged_compactly in "wrong/id_ranges_logged_compactly.rs" => "attempt to add with overflow",
            html_maintenance_page_asked_again in "wrong/html_maintenance_page_asked_again.rs" => "no page taken for an error and asked again",
            hsts_remembered_from_plain_http in "wrong/hsts_remembered_from_plain_http.rs" => "moves no request",
            gzip_magic_checked_on_labelled_bodies in "wrong/gzip_magic_checked_on_labelled_bodies.rs" => "range end index 2 out of range",
            digest_slots_max_as_pending in "wrong/digest_slots_max_as_pending.rs" => "every call ends",
            zero_digest_retried_like_c_status in "wrong/zero_digest_retried_like_c_status.rs" => "`digest` was called 4 times",
            request_slots_released_by_hand in "wrong/request_slots_released_by_hand.rs" => "a call dropped midway gives back all it held",
            digests_summed_for_batch_checksum in "wrong/digests_summed_for_batch_checksum.rs" => "attempt to add with overflow",
            digest_pending_sentinel_u64_max in "wrong/digest_pending_sentinel_u64_max.rs" => "the digest thread sends its value before it ends",
            blocking_pool_shared_by_live_calls in "wrong/blocking_pool_shared_by_live_calls.rs" => "the digests of different posts run at the same time",
            url_prefix_memo_case_folded in "wrong/url_prefix_memo_case_folded.rs" => "nothing kept from an earlier call's base",
            refused_connection_retried in "wrong/refused_connection_retried.rs" => "not a reason to try again",
            status_range_excludes_599 in "wrong/status_range_excludes_599.rs" => "answered 599: Ok(digest of post 599), expected Err(status 599)",
            refused_connection_retried_with_backoff in "wrong/refused_connection_retried_with_backoff.rs" => "not a reason to try again",
            body_preview_cut_mid_character in "wrong/body_preview_cut_mid_character.rs" => "is not a char boundary",
            tail_asked_by_range_from_last_body in "wrong/tail_asked_by_range_from_last_body.rs" => "answered 206: Ok(a digest of other bytes), expected Ok(digest of post 206) || none completed with only the bytes it lacks",
            repeat_slot_first_or_last in "wrong/repeat_slot_first_or_last.rs" => "a repeated id asked again at the same URL",
            monotonic_reads_by_last_modified in "wrong/monotonic_reads_by_last_modified.rs" => "an older date is still the answer",
            location_logged_panics_on_raw_utf8 in "wrong/location_logged_panics_on_raw_utf8.rs" => "ToStrError",
            calls_with_same_digest_take_turns in "wrong/calls_with_same_digest_take_turns.rs" => "two calls run side by side",
            blocking_thread_scratch_high_water in "wrong/blocking_thread_scratch_high_water.rs" => "each the digest of its body exactly as it arrived",
            flights_shared_when_digest_fn_matches in "wrong/flights_shared_when_digest_fn_matches.rs" => "no request shared between calls",
            body_vec_sized_by_content_length in "wrong/body_vec_sized_by_content_length.rs" => "Never a panic",
            window_halved_after_timeouts in "wrong/window_halved_after_timeouts.rs" => "met its client's timeout",
            large_bodies_share_one_scratch_buffer in "wrong/large_bodies_share_one_scratch_buffer.rs" => "buffer shared by bodies",
            digest_gate_replaced_per_call in "wrong/digest_gate_replaced_per_call.rs" => "gate or pool that a later call puts in place",
            digest_fn_in_module_setting in "wrong/digest_fn_in_module_setting.rs" => "no `digest` kept where a later call puts its own",
            url_prefix_memo_by_origin in "wrong/url_prefix_memo_by_origin.rs" => "the URL is made by appending",
            script_base_resolved_like_a_browser in "wrong/script_base_resolved_like_a_browser.rs" => "/app/index.php",
            etag_change_log_panics_on_obs_text in "wrong/etag_change_log_panics_on_obs_text.rs" => "an ETag is a quoted ASCII string",
            dense_table_indexed_by_id in "wrong/dense_table_indexed_by_id.rs" => "an id is any `u64`, the largest too || your code panicked at",
            results_board_keyed_by_start_millis in "wrong/results_board_keyed_by_start_millis.rs" => "every task of this call wrote its place before it ended. Never a panic",
            keep_alive_pinger_per_origin in "wrong/keep_alive_pinger_per_origin.rs" => "\"HEAD /api/posts/51\" || a body that is slow to come is waited for",
            blocking_runtime_retired_by_next_call in "wrong/blocking_runtime_retired_by_next_call.rs" => "`JoinError` reason is not a panic.: JoinError::Cancelled",
            x_should_retry_honoured in "wrong/x_should_retry_honoured.rs" => "the server received more than one GET for the posts answered",
            soft_error_check_panics_on_opaque_header in "wrong/soft_error_check_panics_on_opaque_header.rs" => "a media type is plain ASCII: ToStrError",
            empty_200_asked_again in "wrong/empty_200_asked_again.rs" => "[\"GET /api/posts/53\", \"GET /api/posts/53\", \"GET /api/posts/54\"]",
            caches_by_cdn_cache_control in "wrong/caches_by_cdn_cache_control.rs" => "whatever `Cache-Control` allows",
            credentials_unescaped_until_stable in "wrong/credentials_unescaped_until_stable.rs" => "dXNlcjpwK3NzJTQx",
            credentials_plus_read_as_space in "wrong/credentials_plus_read_as_space.rs" => "dXNlcjpwK3NzJTQx",
            stats_guard_held_over_digest in "wrong/stats_guard_held_over_digest.rs" => "stood still for",
            same_url_takes_turns in "wrong/same_url_takes_turns.rs" => "every request in flight together",
            request_budget_sized_by_first_call in "wrong/request_budget_sized_by_first_call.rs" => "every request in flight together",
            global_wait_group_across_calls in "wrong/global_wait_group_across_calls.rs" => "a call waits for nothing of another call's",
            digest_workers_keep_first_calls_fn in "wrong/digest_workers_keep_first_calls_fn.rs" => "a call waits for nothing of another call's || with its own `digest` || each result is the value `digest` returned",
            worker_loop_parked_on_blocking_pool in "wrong/worker_loop_parked_on_blocking_pool.rs" => "Never a panic",
            resumes_unfinished_batch_from_journal in "wrong/resumes_unfinished_batch_from_journal.rs" => "through a journal",
            quick_check_size_and_last_modified in "wrong/quick_check_size_and_last_modified.rs" => "no digest kept from an earlier call || `digest` was called 3 times on their bodies; expected 4",
            http1_origin_capped_at_six in "wrong/http1_origin_capped_at_six.rs" => "every request of a call in flight together",
            drains_earlier_digests_before_starting in "wrong/drains_earlier_digests_before_starting.rs" => "a call waits for nothing of another",
            strong_etag_digested_once_per_call in "wrong/strong_etag_digested_once_per_call.rs" => "each successful answer's body goes to `digest` once",
            stale_while_revalidate_returns_last_digest in "wrong/stale_while_revalidate_returns_last_digest.rs" => "whatever `Cache-Control` allows",
            repeated_run_asked_once in "wrong/repeated_run_asked_once.rs" => "next to each other too",
            posts_suffix_not_doubled in "wrong/posts_suffix_not_doubled.rs" => "/api/posts",
            window_halved_after_dropped_connections in "wrong/window_halved_after_dropped_connections.rs" => "met a connection closed with no answer",
            shrunk_body_asked_again in "wrong/shrunk_body_asked_again.rs" => "never a reason to ask a second time",
            pooled_buffer_not_cleared_after_broken_body in "wrong/pooled_buffer_not_cleared_after_broken_body.rs" => "its own bytes and nothing else",
            known_missing_checked_with_head in "wrong/known_missing_checked_with_head.rs" => "one GET `{base_url}/posts/{id}` per entry",
            dispatcher_restarted_when_its_runtime_is_gone in "wrong/dispatcher_restarted_when_its_runtime_is_gone.rs" => "the second kept but not running while the third call ran",
            ratelimit_field_caps_next_call in "wrong/ratelimit_field_caps_next_call.rs" => "a rate-limit header, a dropped connection",
            leading_whitespace_trimmed in "wrong/leading_whitespace_trimmed.rs" => "first line break included",
            default_scheme_for_bare_hosts in "wrong/default_scheme_for_bare_hosts.rs" => "HTTP://",
            credentials_split_at_every_colon in "wrong/credentials_split_at_every_colon.rs" => "dXNlcjpwYTpzcw==",
            caches_by_s_maxage in "wrong/caches_by_s_maxage.rs" => "whatever `Cache-Control` allows",
            worker_pool_sized_by_first_call in "wrong/worker_pool_sized_by_first_call.rs" => "running together || had not returned after 15 s || no lock, drain, queue or worker thread shared by calls",
            stale_digest_served_on_error in "wrong/stale_digest_served_on_error.rs" => "by three calls, one after another",
            spool_files_named_by_post_id in "wrong/spool_files_named_by_post_id.rs" => "asked about ids [61, 61] || Never a panic",
            results_queue_shared_by_calls in "wrong/results_queue_shared_by_calls.rs" => "Never a panic",
            digest_actor_spawned_once in "wrong/digest_actor_spawned_once.rs" => "Never a panic",
            utf16_json_transcoded in "wrong/utf16_json_transcoded.rs" => "UTF-16",
            unsolicited_304_reuses_last_digest in "wrong/unsolicited_304_reuses_last_digest.rs" => "by three calls, one after another",
            stale_if_error_masks_failures in "wrong/stale_if_error_masks_failures.rs" => "by three calls, one after another",
            jsonp_padding_unwrapped in "wrong/jsonp_padding_unwrapped.rs" => "JSONP",
            dotted_last_segment_taken_for_a_file in "wrong/dotted_last_segment_taken_for_a_file.rs" => "/api/v1.1",
            spooled_bodies_swept_at_start in "wrong/spooled_bodies_swept_at_start.rs" => "Never a panic",
            results_in_thread_local_list in "wrong/results_in_thread_local_list.rs" => "by two calls at once",
            event_loop_handle_per_thread in "wrong/event_loop_handle_per_thread.rs" => "JoinError::Cancelled",
            aborts_previous_calls_leftovers in "wrong/aborts_previous_calls_leftovers.rs" => "JoinError::Cancelled",
            resends_when_proxy_status_says_unsent in "wrong/resends_when_proxy_status_says_unsent.rs" => "[502, 503, 504]",
            credentials_header_only_with_a_user in "wrong/credentials_header_only_with_a_user.rs" => "Basic OnNlY3JldA==",
            credentials_cut_at_last_at_sign in "wrong/credentials_cut_at_last_at_sign.rs" => "/@team/api",
            caches_public_answers in "wrong/caches_public_answers.rs" => "a second time",
            accepted_202_polled_at_location in "wrong/accepted_202_polled_at_location.rs" => "no `Location` asked",
            earlier_calls_threads_reaped in "wrong/earlier_calls_threads_reaped.rs" => "not even another call",
            encoded_body_asked_again_as_identity in "wrong/encoded_body_asked_again_as_identity.rs" => "one GET per entry, and its body digested exactly as it arrived || never a second for the same entry || (a first call), post 1 answered with `Alt-Svc`",
            credentials_unescaped_byte_per_char in "wrong/credentials_unescaped_byte_per_char.rs" => "decoded as reqwest decodes them",
            credentials_to_header_still_percent_encoded in "wrong/credentials_to_header_still_percent_encoded.rs" => "decoded as reqwest decodes them",
            credentials_need_a_password in "wrong/credentials_need_a_password.rs" => "its user and password",
            base_lowercased in "wrong/base_lowercased.rs" => "its path in its case",
            strips_for_loop_guard in "wrong/strips_for_loop_guard.rs" => "exactly as it arrived",
            partial_content_completed in "wrong/partial_content_completed.rs" => "never a reason to ask again",
            digest_kept_until_expires in "wrong/digest_kept_until_expires.rs" => "no cache of your own",
            credentials_moved_to_basic_auth in "wrong/credentials_moved_to_basic_auth.rs" => "decoded as reqwest decodes them",
            base_segments_tidied in "wrong/base_segments_tidied.rs" => "its path in its case and its escapes",
            retries_cloudflare_origin_errors in "wrong/retries_cloudflare_origin_errors.rs" => "never a reason to ask again",
            ratelimit_remaining_caps_next_call in "wrong/ratelimit_remaining_caps_next_call.rs" => "whatever an earlier call met",
            localhost_pinned_to_127_0_0_1 in "wrong/localhost_pinned_to_127_0_0_1.rs" => "its host name as given",
            circuit_breaker_probe_after_outage in "wrong/circuit_breaker_probe_after_outage.rs" => "whatever an earlier call met",
            results_channel_sized_to_ids in "wrong/results_channel_sized_to_ids.rs" => "your code panicked",
        }
        correct: {
        }
    }
}
