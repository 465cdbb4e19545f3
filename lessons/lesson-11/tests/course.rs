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
        include_str!("../src/exercises/resume_download.rs"),
        include_str!("../course/resume_download/stub.rs"),
        "src/exercises/resume_download.rs differs from course/resume_download/stub.rs"
    );
}

#[path = "../course/resume_download"]
mod resume_download {
    mod checks;

    lesson_support::kept_answers! {
        function: resume_download;
        wrong: {
            windows_reserved_chars_sanitized in "wrong/windows_reserved_chars_sanitized.rs" => "at `a:b*c?\"d\"<e>|f.part`, a name with characters Windows refuses",
            waits_for_download_into_same_part in "wrong/waits_for_download_into_same_part.rs" => "returned [\"Ok(7000)\", \"Ok(7000)\"], and the two servers received 1 and 0 request(s)",
            part_suffix_enforced in "wrong/part_suffix_enforced.rs" => "at `file.bin.crdownload`, a name that does not end in `.part`",
            origin_note_beside_part in "wrong/origin_note_beside_part.rs" => "a name of 250 bytes (near the 255",
            long_url_refused_as_414 in "wrong/long_url_refused_as_414.rs" => "a signed address with a long token), answered 200 with 7,000 bytes, the server received requests for [], the function returned Err(Status(414))",
            last_modified_kept_on_part in "wrong/last_modified_kept_on_part.rs" => "`last-modified: Sunday, 06-Nov-94 08:49:37 GMT` and those 100 byte(s), the function returned Err(",
            content_digest_checked_against_whole_part in "wrong/content_digest_checked_against_whole_part.rs" => "`content-digest: sha-256=:yEOyM4YirC08T1z9mJPz1sXrobUQWW739S4oRoKK3y4=:` and those 100 byte(s), the function returned Err(File(",
            windows_reserved_chars_replaced_in_name in "wrong/windows_reserved_chars_replaced_in_name.rs" => "at `a:b*c?\"d\"<e>|f.part`, a name with characters Windows refuses",
            trailing_slash_trimmed_from_url in "wrong/trailing_slash_trimmed_from_url.rs" => "the server received requests for [\"/releases/latest\"]",
            status_phrase_looked_up_like_httpstatus in "wrong/status_phrase_looked_up_like_httpstatus.rs" => "called `Option::unwrap()` on a `None` value. Never a panic",
            refuses_206_served_from_a_cache in "wrong/refuses_206_served_from_a_cache.rs" => "and `age: 120` and those 100 byte(s), the function returned Err(WrongRange",
            partial_without_content_range_is_a_status in "wrong/partial_without_content_range_is_a_status.rs" => "answered 206 with no `Content-Range`, the function returned Err(Status(206))",
            empty_range_header_for_no_part in "wrong/empty_range_header_for_no_part.rs" => "the server received these requests (Range header, sent by the client given): [(Some(\"\"), true)]; expected one, with no `Range`",
            accept_octet_stream_like_release_assets in "wrong/accept_octet_stream_like_release_assets.rs" => "whose server honours `Accept` and has the file as `application/json` only (406 to an `Accept` that does not take it), answered 200 with 7,000 bytes, the server received requests for [\"/exports/posts.json\"], the function returned Err(Status(406))",
            unsized_200_keeps_part in "wrong/unsized_200_keeps_part.rs" => "whether or not its length is announced",
            text_206_refused_as_error_page in "wrong/text_206_refused_as_error_page.rs" => "`content-type: text/html` and those",
            refuses_206_newer_than_part_mtime in "wrong/refuses_206_newer_than_part_mtime.rs" => "`last-modified: Wed, 01 Jan 2098",
            dangling_link_part_is_an_error in "wrong/dangling_link_part_is_an_error.rs" => "a symbolic link to a file not made yet",
            accept_ranges_none_206_refused in "wrong/accept_ranges_none_206_refused.rs" => "`accept-ranges: none`",
            tracking_params_stripped_from_address in "wrong/tracking_params_stripped_from_address.rs" => "a tracker's `utm_source` too",
            total_over_largest_file_refused in "wrong/total_over_largest_file_refused.rs" => "5003-5102/20000000000000",
            throughput_logged_per_whole_second in "wrong/throughput_logged_per_whole_second.rs" => "attempt to divide by zero",
            relative_part_kept_in_temp_dir in "wrong/relative_part_kept_in_temp_dir.rs" => "a path relative to the working directory",
            https_upgrade_for_named_hosts in "wrong/https_upgrade_for_named_hosts.rs" => "its scheme (`http://`) and host too",
            finished_file_beside_part_skips in "wrong/finished_file_beside_part_skips.rs" => "whatever files lie beside it",
            escapes_normalized_rfc3986 in "wrong/escapes_normalized_rfc3986.rs" => "`%7E` and `%2f` as written",
            content_disposition_name_expected_ascii in "wrong/content_disposition_name_expected_ascii.rs" => "a header value is ASCII",
            start_enum_progress_total_overflows in "wrong/start_enum_progress_total_overflows.rs" => "attempt to add with overflow",
            zero_blocks_left_as_holes in "wrong/zero_blocks_left_as_holes.rs" => "zeros too (none left as a hole",
            query_pairs_sorted_as_one_address in "wrong/query_pairs_sorted_as_one_address.rs" => "and their order kept",
            path_escaped_before_parsing in "wrong/path_escaped_before_parsing.rs" => "the escapes already there",
            localhost_pinned_to_ipv4 in "wrong/localhost_pinned_to_ipv4.rs" => "its host named as `url` names it",
            flush_error_swallowed_keeps_outcome in "wrong/flush_error_swallowed_keeps_outcome.rs" => "an error writing or flushing is the call's `File` error",
            download_limit_replaces_client_timeout in "wrong/download_limit_replaces_client_timeout.rs" => "none of your own on the request puts them aside",
            backslashes_read_as_separators in "wrong/backslashes_read_as_separators.rs" => "a name with a backslash in it (one name on Unix)",
            retry_after_read_as_whole_seconds in "wrong/retry_after_read_as_whole_seconds.rs" => "Retry-After is a number of seconds",
            range_not_satisfiable_size_expected in "wrong/range_not_satisfiable_size_expected.rs" => "a 416 says the file's size",
            part_path_normalized_like_normpath in "wrong/part_path_normalized_like_normpath.rs" => "as the system reads the path",
            localhost_swapped_for_loopback_ip in "wrong/localhost_swapped_for_loopback_ip.rs" => "its host named as `url` names it",
            if_unmodified_since_from_part_mtime in "wrong/if_unmodified_since_from_part_mtime.rs" => "a condition of your own on it 412",
            flush_result_ignored_after_loop in "wrong/flush_result_ignored_after_loop.rs" => "an error writing or flushing is the call's `File` error",
            expected_total_from_content_length_overflows in "wrong/expected_total_from_content_length_overflows.rs" => "attempt to add with overflow",
            content_coded_206_refused in "wrong/content_coded_206_refused.rs" => "coded or not",
            week_old_part_started_over in "wrong/week_old_part_started_over.rs" => "however old the part is",
            stall_watchdog_between_pieces in "wrong/stall_watchdog_between_pieces.rs" => "with no time limit of your own",
            sheds_load_over_four_downloads in "wrong/sheds_load_over_four_downloads.rs" => "and none turned away",
            lstat_size_of_a_linked_part in "wrong/lstat_size_of_a_linked_part.rs" => "a link's size, `symlink_metadata`",
            collapses_double_slashes_in_path in "wrong/collapses_double_slashes_in_path.rs" => "the empty segment (`//`)",
            checksum_header_checks_this_body in "wrong/checksum_header_checks_this_body.rs" => "a checksum in its head is the whole file's, not its body's",
            unit_removed_with_trim_start_matches in "wrong/unit_removed_with_trim_start_matches.rs" => "`Content-Range: 5003-150000/150001`, the function returned Ok",
            size_from_symlink_metadata in "wrong/size_from_symlink_metadata.rs" => "a link's size, `symlink_metadata`",
            request_built_before_size in "wrong/request_built_before_size.rs" => "before any request is made or even built",
            if_none_match_for_the_version_held in "wrong/if_none_match_for_the_version_held.rs" => "a version sent back makes a server answer 304",
            accept_encoding_copied_from_requests in "wrong/accept_encoding_copied_from_requests.rs" => "no `Accept-Encoding` of your own",
            url_lowercased_as_normalized in "wrong/url_lowercased_as_normalized.rs" => "its path and query as given, capitals",
            unbounded_206_refused in "wrong/unbounded_206_refused.rs" => "however its body comes (in chunks, with no length announced)",
            space_escaped_as_plus in "wrong/space_escaped_as_plus.rs" => "a `+` is a space only in a form's query",
            credentials_stripped_from_address in "wrong/credentials_stripped_from_address.rs" => "sends them as basic auth",
            coalesces_fresh_downloads_of_one_url in "wrong/coalesces_fresh_downloads_of_one_url.rs" => "no download shared between calls",
            token_bucket_refilled_by_first_task in "wrong/token_bucket_refilled_by_first_task.rs" => "nothing of yours waits for ever",
            crawl_delay_released_by_task in "wrong/crawl_delay_released_by_task.rs" => "each call runs on the runtime that awaits it",
            circuit_breaker_per_host in "wrong/circuit_breaker_per_host.rs" => "not asked again (the caller decides when to try again)",
            trusts_hosts_that_resumed_right in "wrong/trusts_hosts_that_resumed_right.rs" => "answered 206 with `Content-Range: bytes 0-99/150001`, the function returned Ok(",
            tidies_side_files_of_earlier_attempts in "wrong/tidies_side_files_of_earlier_attempts.rs" => "the lock file is gone after the call",
            progress_in_thread_local in "wrong/progress_in_thread_local.rs" => "expected Ok(600000) and the whole file for each",
            disk_pool_handle_from_first_call in "wrong/disk_pool_handle_from_first_call.rs" => "the second Err(File(task was cancelled))",
            retry_after_on_success_is_not_now in "wrong/retry_after_on_success_is_not_now.rs" => "returned Err(Status(206))",
            retries_reset_connection_once in "wrong/retries_reset_connection_once.rs" => "reset the connection, the function returned Err(Http(..)) after 2 request(s)",
            refuses_206_with_weak_etag in "wrong/refuses_206_with_weak_etag.rs" => "weak or strong",
            follows_location_of_202 in "wrong/follows_location_of_202.rs" => "answered 202 every time",
            restarts_part_from_another_address in "wrong/restarts_part_from_another_address.rs" => "[(None, true)], the function returned Err(WrongRange { asked: 0",
            remembers_unsatisfiable_ranges in "wrong/remembers_unsatisfiable_ranges.rs" => "sent by the client given): []; expected one",
            remembers_permanent_redirects in "wrong/remembers_permanent_redirects.rs" => "not even a permanent redirect",
            batches_writes_when_others_download in "wrong/batches_writes_when_others_download.rs" => "its part held 0 bytes; expected 100,000 or more",
            s3_error_part_started_over in "wrong/s3_error_part_started_over.rs" => "start `<?xml` and then `<Error>`",
            refuses_206_of_another_last_modified in "wrong/refuses_206_of_another_last_modified.rs" => "whatever its `ETag` or `Last-Modified`",
            redirected_206_refused in "wrong/redirected_206_refused.rs" => "from whatever address the client reached it",
            protocol_relative_address_completed in "wrong/protocol_relative_address_completed.rs" => "the address `//127.0.0.1:",
            content_range_controls_stripped in "wrong/content_range_controls_stripped.rs" => "content_range: \"bytes15003-15102/150001\"",
            refuses_206_of_another_total in "wrong/refuses_206_of_another_total.rs" => "is appended, whatever SIZE it names || a 206 that starts at byte N is appended",
            cuts_part_back_to_what_it_left in "wrong/cuts_part_back_to_what_it_left.rs" => "N is the part's size now, whoever wrote its bytes",
            stop_signal_kept_from_first_runtime in "wrong/stop_signal_kept_from_first_runtime.rs" => "on a runtime of its own",
            session_headers_keep_last_range in "wrong/session_headers_keep_last_range.rs" => "expected one request with no `Range`",
            restarts_part_changed_since_last_call in "wrong/restarts_part_changed_since_last_call.rs" => "each call works on the part as it is now",
            closed_range_from_remembered_size in "wrong/closed_range_from_remembered_size.rs" => "expected one request with `Range: bytes=100-`",
            backs_off_host_after_retry_after in "wrong/backs_off_host_after_retry_after.rs" => "the function sends one GET",
            journal_folder_chosen_once in "wrong/journal_folder_chosen_once.rs" => "the second Err(File(",
            host_slots_released_by_hand in "wrong/host_slots_released_by_hand.rs" => "nothing of yours waits for ever",
            dirty_marker_restarts_after_break in "wrong/dirty_marker_restarts_after_break.rs" => "expected one request with `Range: bytes=27-` || a name of 250 bytes (near the 255",
            breaks_stale_lock_beside_part in "wrong/breaks_stale_lock_beside_part.rs" => "the lock file is gone",
            reads_error_page_for_the_log in "wrong/reads_error_page_for_the_log.rs" => "an error page that breaks off",
            logs_host_of_parsed_url in "wrong/logs_host_of_parsed_url.rs" => "Never a panic",
            defaults_scheme_like_curl in "wrong/defaults_scheme_like_curl.rs" => "127.0.0.1:",
            checks_folder_before_asking in "wrong/checks_folder_before_asking.rs" => "a part in a folder that does not exist",
            url_parsed_with_expect in "wrong/url_parsed_with_expect.rs" => "Never a panic || no scheme, no host",
            size_minus_one_underflows in "wrong/size_minus_one_underflows.rs" => "Never a panic",
            field_after_first_unwrapped in "wrong/field_after_first_unwrapped.rs" => "Never a panic",
            expected_digits_sliced in "wrong/expected_digits_sliced.rs" => "Never a panic",
            content_range_whitespace_normalized in "wrong/content_range_whitespace_normalized.rs" => "bytes  15003",
            trusts_remembered_size_over_disk in "wrong/trusts_remembered_size_over_disk.rs" => "whatever an earlier call did",
            shared_block_buffer_across_calls in "wrong/shared_block_buffer_across_calls.rs" => "two calls side by side",
            paces_requests_with_a_static_interval in "wrong/paces_requests_with_a_static_interval.rs" => "Never a panic",
            blocking_mode_decided_once in "wrong/blocking_mode_decided_once.rs" => "Never a panic",
            background_sync_collected_next_call in "wrong/background_sync_collected_next_call.rs" => "had not all returned after 15 s",
            static_writer_respawned_when_closed in "wrong/static_writer_respawned_when_closed.rs" => "had not all returned after 15 s",
            remembers_finished_files in "wrong/remembers_finished_files.rs" => "not even that the file came in whole",
            keeps_part_open_between_calls in "wrong/keeps_part_open_between_calls.rs" => "whatever an earlier call did",
            disk_writes_take_turns in "wrong/disk_writes_take_turns.rs" => "no lock of your own held for a whole",
            busy_parts_set_leaks_on_error in "wrong/busy_parts_set_leaks_on_error.rs" => "whatever an earlier call did || is already being downloaded))\"], and the two servers received 1 and 0 request(s)",
            aborts_leftover_writers in "wrong/aborts_leftover_writers.rs" => "the second started 300 ms after the first",
            span_counted_in_the_parser_overflows in "wrong/span_counted_in_the_parser_overflows.rs" => "Never a panic",
            content_range_reported_as_parsed in "wrong/content_range_reported_as_parsed.rs" => "bytes 00-99/150001",
            content_range_read_as_utf8 in "wrong/content_range_read_as_utf8.rs" => "Never a panic",
            content_range_cut_for_one_line in "wrong/content_range_cut_for_one_line.rs" => "18446744073709551000-18446744073709551099",
            size_from_global_progress_counter in "wrong/size_from_global_progress_counter.rs" => "two calls side by side",
            remembers_hosts_without_ranges in "wrong/remembers_hosts_without_ranges.rs" => "ask for the bytes from N on || a 206 is appended only if its",
            one_disk_writer_for_every_download in "wrong/one_disk_writer_for_every_download.rs" => "on a runtime of its own",
            keeps_the_first_client in "wrong/keeps_the_first_client.rs" => "had not all returned after 15 s || through a client that follows no redirect",
            control_file_checkpoints in "wrong/control_file_checkpoints.rs" => "the next call was answered 206 || a name of 250 bytes (near the 255",
            range_end_plus_one_overflows in "wrong/range_end_plus_one_overflows.rs" => "Never a panic",
            refuses_206_of_another_etag in "wrong/refuses_206_of_another_etag.rs" => "whatever its `ETag`",
            std_writes_in_block_in_place in "wrong/std_writes_in_block_in_place.rs" => "your code panicked",
            retries_bare_gateway_errors in "wrong/retries_bare_gateway_errors.rs" => "not asked again",
            retries_a_send_timeout in "wrong/retries_a_send_timeout.rs" => "a failed request is reported, not sent again",
            follows_redirects_the_client_left in "wrong/follows_redirects_the_client_left.rs" => "through a client that follows no redirect",
        }
        correct: {
        }
    }
}
