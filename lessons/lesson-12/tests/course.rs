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
        include_str!("../src/exercises/add_update_route.rs"),
        include_str!("../course/add_update_route/stub.rs"),
        "src/exercises/add_update_route.rs differs from course/add_update_route/stub.rs"
    );
}

#[path = "../course/add_update_route"]
mod add_update_route {
    mod checks;

    lesson_support::kept_answers! {
        function: add_update_route;
        wrong: {
            writes_only_from_private_networks_xff in "wrong/writes_only_from_private_networks_xff.rs" => "(with `x-forwarded-for: 203.0.113.7`)` was answered 403",
            unchanged_fields_compared_case_folded_like_mysql_ci in "wrong/unchanged_fields_compared_case_folded_like_mysql_ci.rs" => "`PATCH /posts/5 {\"title\": \"One Client For Every Request\"}` was answered 200 {\"userId\":2,\"id\":5,\"title\":\"one client for every request\"",
            title_verdict_memo_key_truncated_like_memcached in "wrong/title_verdict_memo_key_truncated_like_memcached.rs" => "`PATCH /posts/8 {\"title\": \"(251 spaces)\"}` was answered 200",
            ids_over_i64_max_not_found_like_sqlite_rowid in "wrong/ids_over_i64_max_not_found_like_sqlite_rowid.rs" => "`PATCH /posts/9223372036854775808 {\"title\":\"still past 2^53\"}` was answered 404",
            host_allowlist_like_django_allowed_hosts in "wrong/host_allowlist_like_django_allowed_hosts.rs" => "You may need to add it to ALLOWED_HOSTS.",
            float_id_accepted_like_pandas in "wrong/float_id_accepted_like_pandas.rs" => "`PATCH /posts/5.0 {\"title\": \"a good title, café\"}` was answered 200",
            expect_header_refused_417 in "wrong/expect_header_refused_417.rs" => "(with `expect: 100-Continue`)` was answered 417",
            ellipsis_and_dashes_typeset_like_smartypants in "wrong/ellipsis_and_dashes_typeset_like_smartypants.rs" => "\"title\":\"wait for it…\"",
            title_percent_decoded_like_unquote in "wrong/title_percent_decoded_like_unquote.rs" => "\"title\":\"100% safe Rust\"",
            title_formula_prefix_refused_like_owasp_csv in "wrong/title_formula_prefix_refused_like_owasp_csv.rs" => "cannot start with =, +, - or @\"}, where the contract's answer is 200",
            proto_key_refused_like_fastify in "wrong/proto_key_refused_like_fastify.rs" => "Object contains forbidden prototype property",
            prefer_representation_answers_rows_like_postgrest in "wrong/prefer_representation_answers_rows_like_postgrest.rs" => "(with `prefer: return=representation`)` was answered 200 [{",
            curly_quotes_straightened_like_ftfy_uncurl in "wrong/curly_quotes_straightened_like_ftfy_uncurl.rs" => "\"title\":\"\\\"Rust\\\" isn't hard\"",
            body_literal_escapes_unescaped in "wrong/body_literal_escapes_unescaped.rs" => "was answered 200 {\"userId\":2,\"id\":5,\"title\":\"“Rust” isn’t hard\",\"body\":\"end each line with \\n",
            answer_type_mirrors_request_json_type in "wrong/answer_type_mirrors_request_json_type.rs" => "(`Content-Type: application/merge-patch+json`), where the contract",
            undo_ring_revision_counter_u8 in "wrong/undo_ring_revision_counter_u8.rs" => "attempt to add with overflow",
            raw_control_chars_escaped_like_python_strict_false in "wrong/raw_control_chars_escaped_like_python_strict_false.rs" => "{\"body\": \"a raw\\nline break\"}",
            plain_http_write_redirected_like_rails_force_ssl in "wrong/plain_http_write_redirected_like_rails_force_ssl.rs" => "`x-forwarded-proto: http`",
            if_unmodified_since_answers_412 in "wrong/if_unmodified_since_answers_412.rs" => "(with `if-unmodified-since:",
            gateway_user_must_own_post in "wrong/gateway_user_must_own_post.rs" => "(with `x-user-id: 7`)",
            empty_patch_fast_path_skips_type_check in "wrong/empty_patch_fast_path_skips_type_check.rs" => "{} (as text/plain) (with `content-length: 2`)",
            date_header_skew_refused_like_sigv4 in "wrong/date_header_skew_refused_like_sigv4.rs" => "(with `date: Sun, 06 Nov 1994",
            body_trailing_spaces_trimmed_per_line in "wrong/body_trailing_spaces_trimmed_per_line.rs" => "{\"body\":\"  \"}` was answered 200",
            punctuation_only_title_refused in "wrong/punctuation_only_title_refused.rs" => "{\"title\": \"\\\"\\\"\"}` was answered 422",
            prefer_respond_async_answers_202 in "wrong/prefer_respond_async_answers_202.rs" => "`prefer: respond-async`",
            merge_method_accepted_like_odata in "wrong/merge_method_accepted_like_odata.rs" => "`MERGE /posts/5",
            edit_revision_counter_u8_overflows in "wrong/edit_revision_counter_u8_overflows.rs" => "attempt to add with overflow",
            author_header_guards_edit in "wrong/author_header_guards_edit.rs" => "(with `x-user-id: 7`)",
            write_pool_slot_held_while_body_streams in "wrong/write_pool_slot_held_while_body_streams.rs" => "13 patches of post 8 were still sending their bodies",
            range_served_on_patch_answer in "wrong/range_served_on_patch_answer.rs" => "(with `range: bytes=0-9`)` was answered 206",
            prev_link_underflows_at_post_zero in "wrong/prev_link_underflows_at_post_zero.rs" => "attempt to subtract with overflow",
            if_none_match_star_answers_412 in "wrong/if_none_match_star_answers_412.rs" => "(with `if-none-match: *`)` was answered 412",
            if_match_on_missing_post_answers_412 in "wrong/if_match_on_missing_post_answers_412.rs" => "(with `if-match: *`)` was answered 412",
            id_length_guard_counts_leading_zeros in "wrong/id_length_guard_counts_leading_zeros.rs" => "`PATCH /posts/0000000000000000000005 {\"title\": \"a good title, café\"}` was answered 400",
            content_length_counted_in_chars_like_python_len in "wrong/content_length_counted_in_chars_like_python_len.rs" => "an answer's `Content-Length` is the length of its body in bytes",
            answer_written_into_fixed_stack_buffer in "wrong/answer_written_into_fixed_stack_buffer.rs" => "whose body is 60,000 characters, and 19 more such posts",
            slugged_id_prefix_like_rails_to_param in "wrong/slugged_id_prefix_like_rails_to_param.rs" => "`PATCH /posts/5-hello-world",
            quoted_empty_title_is_blank in "wrong/quoted_empty_title_is_blank.rs" => "{\"title\": \"\\\"\\\"\"}` was answered 422",
            jsonp_callback_query_like_json_server in "wrong/jsonp_callback_query_like_json_server.rs" => "`PATCH /posts/5?callback=show",
            json_type_gate_layered_on_method_router in "wrong/json_type_gate_layered_on_method_router.rs" => "`PUT /posts/5 a title (as text/plain)` was answered 415",
            csrf_token_required_with_cookie_like_drf in "wrong/csrf_token_required_with_cookie_like_drf.rs" => "(with `cookie: sessionid=abc`)` was answered 403",
            content_coding_refused_415_per_rfc in "wrong/content_coding_refused_415_per_rfc.rs" => "(with `content-encoding: gzip`)` was answered 415",
            answer_reencoded_for_accept_charset in "wrong/answer_reencoded_for_accept_charset.rs" => "(with `accept-charset: iso-8859-1`)` was answered 200",
            unchanged_fields_compared_stripped_like_django in "wrong/unchanged_fields_compared_stripped_like_django.rs" => "`PATCH /posts/3 {\"title\":\"a title\",\"body\":\"\"}` was answered 200",
            title_blankness_checked_on_visible_prefix in "wrong/title_blankness_checked_on_visible_prefix.rs" => "(300 spaces)x\"}` was answered 422",
            member_count_capped_like_jackson in "wrong/member_count_capped_like_jackson.rs" => "\"field99\": 99}` was answered 422",
            if_match_stale_etag_answers_412 in "wrong/if_match_stale_etag_answers_412.rs" => "with `if-match: \"5\"`)` was answered 412",
            idempotency_key_replays_saved_answer in "wrong/idempotency_key_replays_saved_answer.rs" => "with `idempotency-key: retry-1`)` (answered 200",
            content_range_patch_refused_400 in "wrong/content_range_patch_refused_400.rs" => "with `content-range: bytes 0-30/31`)` was answered 400",
            validation_problem_details_when_accepted in "wrong/validation_problem_details_when_accepted.rs" => "(accepting application/problem+json)` was answered 422",
            utf16_body_decoded_like_python_json_loads in "wrong/utf16_body_decoded_like_python_json_loads.rs" => "in UTF-16, with its byte order mark` was answered 200",
            trailing_data_after_patch_ignored_like_raw_decode in "wrong/trailing_data_after_patch_ignored_like_raw_decode.rs" => "{\"title\": \"t\"} x` was answered 200",
            patch_fields_declared_body_first in "wrong/patch_fields_declared_body_first.rs" => "its first string the title and its second the body",
            if_match_etag_precondition_412 in "wrong/if_match_etag_precondition_412.rs" => "with `if-match: \"5\"`)` was answered 412",
            idempotency_key_replays_stored_answer in "wrong/idempotency_key_replays_stored_answer.rs" => "with `idempotency-key: retry-1`)` (answered 200",
            big_ids_answered_as_strings_like_discord in "wrong/big_ids_answered_as_strings_like_discord.rs" => "its id and author JSON numbers whatever their size",
            refusals_built_once_per_kind in "wrong/refusals_built_once_per_kind.rs" => "an answer kept from an earlier refusal describes another request",
            hangul_filler_title_is_blank in "wrong/hangul_filler_title_is_blank.rs" => "{\"title\": \"\\u3164\"}` was answered 422",
            store_handle_kept_like_flask_current_app in "wrong/store_handle_kept_like_flask_current_app.rs" => "nothing kept in a `static` from an earlier server",
            edit_metrics_registered_like_prometheus in "wrong/edit_metrics_registered_like_prometheus.rs" => "Never a panic",
            drain_flag_set_when_first_runtime_drops in "wrong/drain_flag_set_when_first_runtime_drops.rs" => "nothing kept in a `static` from an earlier server",
            xml_for_first_choice_accept in "wrong/xml_for_first_choice_accept.rs" => "(accepting application/xml)` was answered 200 <?xml",
            slurped_one_element_array_unwrapped in "wrong/slurped_one_element_array_unwrapped.rs" => "where the contract's answer is 422",
            patch_bytes_counted_as_they_stream in "wrong/patch_bytes_counted_as_they_stream.rs" => "is refused by the extractor that reads it, with its own status, 413",
            token_bucket_refill_task_in_static in "wrong/token_bucket_refill_task_in_static.rs" => "was answered 408 {\"error\":\"request timeout\"}",
            row_turn_taken_before_body in "wrong/row_turn_taken_before_body.rs" => "no gate or pool of your own that a request holds while its body arrives",
            answer_bytes_memo_keyed_without_author in "wrong/answer_bytes_memo_keyed_without_author.rs" => "no answer kept from another",
            not_found_before_body_rejection in "wrong/not_found_before_body_rejection.rs" => "`PATCH /posts/4 {\"title\": 5}` was answered 404",
            latin1_mojibake_repaired_like_ftfy in "wrong/latin1_mojibake_repaired_like_ftfy.rs" => "u0099t\"}` was answered 200",
            jsessionid_path_param_stripped in "wrong/jsessionid_path_param_stripped.rs" => "`PATCH /posts/5;jsessionid=1 ",
            fullwidth_id_digits_folded in "wrong/fullwidth_id_digits_folded.rs" => "`PATCH /posts/%EF%BC%95 ",
            stale_upload_superseded_by_newer in "wrong/stale_upload_superseded_by_newer.rs" => "no patch skipped because a later one of the same post was applied first",
            read_cache_layer_per_router in "wrong/read_cache_layer_per_router.rs" => "no answer kept by the router from an earlier store",
            group_commit_window_keyed_by_id in "wrong/group_commit_window_keyed_by_id.rs" => "a patch of post 1 sent to each at once",
            jsonapi_type_unwraps_data_attributes in "wrong/jsonapi_type_unwraps_data_attributes.rs" => "(as application/vnd.api+json)` was answered 422",
            id_trimmed_before_parse in "wrong/id_trimmed_before_parse.rs" => "`PATCH /posts/%205 ",
            editor_empty_html_title_is_blank in "wrong/editor_empty_html_title_is_blank.rs" => "{\"title\": \"&nbsp;\"}` was answered 422",
            cross_origin_patch_refused_like_go in "wrong/cross_origin_patch_refused_like_go.rs" => "(with `origin: http://localhost:3000`)` was answered 403",
            invalid_utf8_decoded_lossily in "wrong/invalid_utf8_decoded_lossily.rs" => "caf\\xe9, in Latin-1\"}` was answered 200",
            null_text_is_absent in "wrong/null_text_is_absent.rs" => "\"body\": \"undefined\"",
            noncanonical_id_redirected_308 in "wrong/noncanonical_id_redirected_308.rs" => "PATCH /posts/05",
            hal_links_when_asked in "wrong/hal_links_when_asked.rs" => "accepting application/hal+json",
            body_default_left_from_draft in "wrong/body_default_left_from_draft.rs" => "[\"an array of one\"]",
            runtime_flavor_checked_once in "wrong/runtime_flavor_checked_once.rs" => "Never a panic",
            retried_patch_skipped_by_store_address in "wrong/retried_patch_skipped_by_store_address.rs" => "one change at a time from a good patch",
            last_answers_memo_per_router in "wrong/last_answers_memo_per_router.rs" => "one router your function returned, served twice",
            gaps_below_highest_id_remembered in "wrong/gaps_below_highest_id_remembered.rs" => "each store answers for the posts it has now || any post the store holds is patched",
            router_memoized_in_oncelock in "wrong/router_memoized_in_oncelock.rs" => "the router you were given is the one you return",
            post_edit_marks_leak_on_refusal in "wrong/post_edit_marks_leak_on_refusal.rs" => "was answered 409",
            last_written_guard_answers_409 in "wrong/last_written_guard_answers_409.rs" => "nothing kept in a `static` from an earlier server",
            edit_worker_spawn_blocking_once in "wrong/edit_worker_spawn_blocking_once.rs" => "had not finished dropping after 5 s",
            author_pinned_in_static_map in "wrong/author_pinned_in_static_map.rs" => "nothing kept in a `static` from an earlier server",
            answer_cursor_rewound_not_truncated in "wrong/answer_cursor_rewound_not_truncated.rs" => "nothing kept in a `static` from an earlier server",
            unknown_query_params_refused_like_stripe in "wrong/unknown_query_params_refused_like_stripe.rs" => "?validateOnly=true",
            trailing_commas_tolerated_like_jsonc in "wrong/trailing_commas_tolerated_like_jsonc.rs" => "a trailing comma",
            replacement_char_refused_as_mojibake in "wrong/replacement_char_refused_as_mojibake.rs" => "fffd",
            not_found_names_id_as_sent in "wrong/not_found_names_id_as_sent.rs" => "not the text it was written as",
            decomposed_accents_composed_nfc in "wrong/decomposed_accents_composed_nfc.rs" => "e\\u0301 and \\u00e9",
            post_id_in_thread_local_like_flask_g in "wrong/post_id_in_thread_local_like_flask_g.rs" => "thread_local",
            edits_wait_in_arrival_order in "wrong/edits_wait_in_arrival_order.rs" => "while a patch of post 8 was still sending its body",
            edit_pacer_interval_kept_once in "wrong/edit_pacer_interval_kept_once.rs" => "Never a panic",
            wordpress_raw_title_object_accepted in "wrong/wordpress_raw_title_object_accepted.rs" => "\"raw\"",
            soft_hyphens_stripped in "wrong/soft_hyphens_stripped.rs" => "\\u00ad",
            query_fields_merged_like_rails_params in "wrong/query_fields_merged_like_rails_params.rs" => "title=from%20the%20query",
            json_format_suffix_like_rails in "wrong/json_format_suffix_like_rails.rs" => "PATCH /posts/5.json",
            editor_actor_per_router_keeps_first_store in "wrong/editor_actor_per_router_keeps_first_store.rs" => "served twice",
            comma_id_list_bulk_edit in "wrong/comma_id_list_bulk_edit.rs" => "PATCH /posts/5,8",
            utf8mb3_refuses_four_byte_chars in "wrong/utf8mb3_refuses_four_byte_chars.rs" => "a crab",
            request_body_logger_on_router in "wrong/request_body_logger_on_router.rs" => "with its own status, 413",
            overflowing_id_is_not_found in "wrong/overflowing_id_is_not_found.rs" => "PATCH /posts/18446744073709551616",
            json_rejection_statuses_from_docs in "wrong/json_rejection_statuses_from_docs.rs" => "with its own status, 413",
            audit_log_reads_list_query in "wrong/audit_log_reads_list_query.rs" => "userId=two",
            write_behind_spawned_store_write in "wrong/write_behind_spawned_store_write.rs" => "The change is kept in the store",
            one_writer_gate_answers_409 in "wrong/one_writer_gate_answers_409.rs" => "while a patch of post 8 was still sending its body",
            not_found_answer_built_once in "wrong/not_found_answer_built_once.rs" => "there is no post 0",
            cache_aside_posts_in_static in "wrong/cache_aside_posts_in_static.rs" => "on server 2 of two",
            blocking_pool_handle_kept_once in "wrong/blocking_pool_handle_kept_once.rs" => "on server 2 of two",
            thread_local_post_copies in "wrong/thread_local_post_copies.rs" => "on server 2 of two",
            route_added_once_per_process in "wrong/route_added_once_per_process.rs" => "was answered 405",
            last_patch_memo_in_static in "wrong/last_patch_memo_in_static.rs" => "on server 2 of two",
            in_flight_cap_leaks_on_refusal in "wrong/in_flight_cap_leaks_on_refusal.rs" => "was answered 503",
            editor_actor_spawned_once in "wrong/editor_actor_spawned_once.rs" => "on server 2 of two",
            edit_journal_replayed_per_router in "wrong/edit_journal_replayed_per_router.rs" => "the answer is the whole post after the change",
            user_id_query_scopes_the_edit in "wrong/user_id_query_scopes_the_edit.rs" => "userId=1",
            id_digits_only_like_flask_int in "wrong/id_digits_only_like_flask_int.rs" => "PATCH /posts/+",
            double_encoded_json_unwrapped in "wrong/double_encoded_json_unwrapped.rs" => "encoded twice",
            blank_title_message_localized in "wrong/blank_title_message_localized.rs" => "accept-language",
            bidi_controls_refused_like_rustc in "wrong/bidi_controls_refused_like_rustc.rs" => "\\u202a",
            title_double_spaces_collapsed in "wrong/title_double_spaces_collapsed.rs" => "kept as sent",
            python_isspace_blank_title in "wrong/python_isspace_blank_title.rs" => "\\u001c",
            js_whitespace_list_misses_nel in "wrong/js_whitespace_list_misses_nel.rs" => "\\u0085",
            highest_id_bound_cached_once in "wrong/highest_id_bound_cached_once.rs" => "PATCH /posts/14",
            fields_query_partial_answer in "wrong/fields_query_partial_answer.rs" => "fields=title",
            answer_view_borrowed_snake_case_keys in "wrong/answer_view_borrowed_snake_case_keys.rs" => "the answer is the whole post after the change, as `GET /posts/5` shows it",
            answers_the_applied_changes_only in "wrong/answers_the_applied_changes_only.rs" => "the answer is the whole post after the change, as `GET /posts/5` shows it",
            body_read_deadline_guards_slowloris in "wrong/body_read_deadline_guards_slowloris.rs" => "however slowly it comes",
            id_radix_prefixes_like_python_int_base0 in "wrong/id_radix_prefixes_like_python_int_base0.rs" => "where the contract's answer is 400",
            rejection_text_replaced_with_generic_message in "wrong/rejection_text_replaced_with_generic_message.rs" => "a request the extractors refuse is that extractor's answer",
            route_param_named_post_id in "wrong/route_param_named_post_id.rs" => "Never a panic",
            title_surrounding_space_refused_not_trimmed in "wrong/title_surrounding_space_refused_not_trimmed.rs" => "a patch of a post that exists, sent as JSON (`Content-Type: application/json`), is `200 OK`",
            user_agent_required_like_github_api in "wrong/user_agent_required_like_github_api.rs" => "a patch of a post that exists, sent as JSON (`Content-Type: application/json`), is `200 OK`",
            body_id_picks_the_post in "wrong/body_id_picks_the_post.rs" => "Fields other than `title` and `body`",
            explicit_405_handlers_with_allow in "wrong/explicit_405_handlers_with_allow.rs" => "a 405 lists the methods the path takes",
            fields_committed_under_separate_locks in "wrong/fields_committed_under_separate_locks.rs" => "sent at once (joined, the first started first)",
            json_type_forced_on_method_router in "wrong/json_type_forced_on_method_router.rs" => "an id that is not a whole number is refused by the extractor that reads it",
            merged_post_capped_at_body_limit in "wrong/merged_post_capped_at_body_limit.rs" => "a patch of a post that exists, sent as JSON (`Content-Type: application/json`), is `200 OK`",
            post_found_by_position_like_list_index in "wrong/post_found_by_position_like_list_index.rs" => "the answer is the whole post after the change, as `GET /posts/5` shows it",
            write_timeout_route_layer_one_second in "wrong/write_timeout_route_layer_one_second.rs" => "however slowly it comes",
            body_buffer_error_answered_400 in "wrong/body_buffer_error_answered_400.rs" => "a body over the app's size limit is refused by the extractor that reads it, with its own status, 413",
            body_taken_as_string_first in "wrong/body_taken_as_string_first.rs" => "is answered with that extractor's own refusal",
            eof_json_answered_422 in "wrong/eof_json_answered_422.rs" => "a body that is not JSON is refused by the extractor that reads it, with its own status, 400",
            error_bodies_carry_status_field in "wrong/error_bodies_carry_status_field.rs" => "so the answer is `404` with the body `ApiError::NotFound(4)` gives",
            missing_post_answered_200_null in "wrong/missing_post_answered_200_null.rs" => "so the answer is `404` with the body `ApiError::NotFound(4)` gives",
            array_refused_by_raw_brace_check in "wrong/array_refused_by_raw_brace_check.rs" => "one change at a time from a good patch",
            authorization_scheme_must_be_bearer in "wrong/authorization_scheme_must_be_bearer.rs" => "one change at a time from a good patch",
            body_buffered_for_audit_errors_answered_400 in "wrong/body_buffered_for_audit_errors_answered_400.rs" => "a body over the app's size limit is refused by the extractor that reads it, with its own status, 413",
            body_chunks_checked_as_utf8_one_by_one in "wrong/body_chunks_checked_as_utf8_one_by_one.rs" => "wherever its pieces break",
            body_min_data_rate_like_kestrel in "wrong/body_min_data_rate_like_kestrel.rs" => "is answered 200 and applied, however slowly it comes",
            borrowed_str_patch_fields_refuse_escapes in "wrong/borrowed_str_patch_fields_refuse_escapes.rs" => "a patch of a post that exists, sent as JSON",
            first_body_frame_taken_as_whole in "wrong/first_body_frame_taken_as_whole.rs" => "once the slow bodies were in, their patches were answered",
            route_timeout_pinned_to_default_limits in "wrong/route_timeout_pinned_to_default_limits.rs" => "however slowly it comes",
            answer_listed_like_get_posts in "wrong/answer_listed_like_get_posts.rs" => "the answer is the whole post after the change, as `GET /posts/5` shows it",
            answer_under_post_root_key_like_ember in "wrong/answer_under_post_root_key_like_ember.rs" => "the answer is the whole post after the change, as `GET /posts/5` shows it",
            blank_title_skipped_like_form_merge in "wrong/blank_title_skipped_like_form_merge.rs" => "a title that is empty or only white space",
            errors_formatted_with_debug in "wrong/errors_formatted_with_debug.rs" => "so the answer is `404` with the body `ApiError::NotFound(4)` gives",
            errors_returned_in_ok_json in "wrong/errors_returned_in_ok_json.rs" => "so the answer is `404` with the body `ApiError::NotFound(4)` gives",
            ids_capped_at_jsonplaceholder_hundred in "wrong/ids_capped_at_jsonplaceholder_hundred.rs" => "for any id a `u64` holds",
            lookup_filter_copied_from_list_posts in "wrong/lookup_filter_copied_from_list_posts.rs" => "a patch of a post that exists, sent as JSON",
            post_also_edits_for_html_forms in "wrong/post_also_edits_for_html_forms.rs" => "a 405 lists the methods the path takes",
            body_stream_error_taken_as_end_of_body in "wrong/body_stream_error_taken_as_end_of_body.rs" => "a body over the app's size limit is refused by the extractor that reads it, with its own status, 413",
            concatenated_patches_applied_in_turn in "wrong/concatenated_patches_applied_in_turn.rs" => "one change at a time from a good patch",
            content_type_last_header_wins_like_dict in "wrong/content_type_last_header_wins_like_dict.rs" => "with two `Content-Type` headers",
            edit_lease_held_by_last_editor_like_webdav in "wrong/edit_lease_held_by_last_editor_like_webdav.rs" => "one change at a time from a good patch",
            in_flight_count_leaks_on_cancel in "wrong/in_flight_count_leaks_on_cancel.rs" => "were dropped by their client before the rest came",
            rejection_text_labelled_json in "wrong/rejection_text_labelled_json.rs" => "with its own status, 415, and a JSON error body",
            truncated_json_closed_like_partial_json in "wrong/truncated_json_closed_like_partial_json.rs" => "a body that is not JSON is refused by the extractor that reads it, with its own status, 400",
            whole_request_shielded_in_spawned_task in "wrong/whole_request_shielded_in_spawned_task.rs" => "a patch the app's time limit has ended changes nothing",
            charset_appended_as_second_content_type in "wrong/charset_appended_as_second_content_type.rs" => "`Content-Type` headers",
            content_encoding_utf8_on_answer in "wrong/content_encoding_utf8_on_answer.rs" => "with `Content-Encoding: utf-8`",
            error_answers_labelled_problem_json in "wrong/error_answers_labelled_problem_json.rs" => "404 {\"error\":\"{",
            error_text_as_bare_json_string in "wrong/error_text_as_bare_json_string.rs" => "answered 404 \"no post 4\"",
            id_read_as_u128_cast_to_u64 in "wrong/id_read_as_u128_cast_to_u64.rs" => "where the contract's answer is 400",
            patch_without_id_answered_400 in "wrong/patch_without_id_answered_400.rs" => "`DELETE /posts` was answered 405",
            blank_title_tarpitted_past_timeout in "wrong/blank_title_tarpitted_past_timeout.rs" => "was answered 408",
            body_size_precheck_off_by_one in "wrong/body_size_precheck_off_by_one.rs" => "was answered 413",
            edits_mirrored_to_every_server_state in "wrong/edits_mirrored_to_every_server_state.rs" => "served with two stores at the same time",
            gone_for_ids_below_highest in "wrong/gone_for_ids_below_highest.rs" => "was answered 410",
            post_locked_after_50_edits_like_wiki_protection in "wrong/post_locked_after_50_edits_like_wiki_protection.rs" => "was answered 423",
            revisions_saved_as_posts_like_wordpress in "wrong/revisions_saved_as_posts_like_wordpress.rs" => "it holds posts it should not",
            title_cut_to_255_chars_like_varchar in "wrong/title_cut_to_255_chars_like_varchar.rs" => "`PATCH /posts/8 16384 bytes` was answered 200",
            title_echoed_in_response_header in "wrong/title_echoed_in_response_header.rs" => "a post's title must be plain text",
            answer_body_without_content_type in "wrong/answer_body_without_content_type.rs" => "as `Json(post)` sends it",
            answer_prefixed_with_utf8_bom in "wrong/answer_prefixed_with_utf8_bom.rs" => "but not JSON",
            answer_strings_escaped_with_debug_format in "wrong/answer_strings_escaped_with_debug_format.rs" => "but not JSON",
            answer_xssi_prefixed_like_angular in "wrong/answer_xssi_prefixed_like_angular.rs" => "but not JSON",
            ascii_escapes_without_surrogate_pairs in "wrong/ascii_escapes_without_surrogate_pairs.rs" => "a crab, 🦀",
            field_subroute_patch_like_firebase in "wrong/field_subroute_patch_like_firebase.rs" => "/posts/5/title",
            date_header_last_writer_wins in "wrong/date_header_last_writer_wins.rs" => "sent by a client whose clock is behind",
            head_answered_cheaply_for_existence_checks in "wrong/head_answered_cheaply_for_existence_checks.rs" => "route `patch(..)` alone",
            rev_field_in_body_checked_like_couchdb in "wrong/rev_field_in_body_checked_like_couchdb.rs" => "beside a revision",
            revisions_route_added_beside_patch in "wrong/revisions_route_added_beside_patch.rs" => "/posts/5/revisions",
            store_text_quota_answers_507 in "wrong/store_text_quota_answers_507.rs" => "any post the store holds is patched, and answered whole",
            title_taken_out_before_check in "wrong/title_taken_out_before_check.rs" => "check every field first, then change",
            xssi_prefix_for_browser_clients in "wrong/xssi_prefix_for_browser_clients.rs" => "sec-fetch-mode: cors",
        }
        correct: {
        }
    }

    /// A kept wrong answer whose router starts a task that never gives its thread back: a log
    /// writer spawned with `tokio::spawn` that reads a `std::sync::mpsc` channel, which blocks
    /// the runtime's only thread once the runtime gets round to it, long after the request that
    /// started it was answered, so no timeout of the checks can fire. The watchdog in
    /// `lesson_support::testing` ends such a run with a message, and ends the whole process, so
    /// this answer is checked in a child process: this test binary again, running only the
    /// ignored test below.
    #[path = "wrong/audit_writer_task_blocks_on_std_channel.rs"]
    mod audit_writer_task_blocks_on_std_channel;

    #[test]
    fn a_task_that_never_gives_its_thread_back_is_stopped_with_a_message() {
        lesson_support::testing::assert_stopped_by_the_watchdog(
            "add_update_route::a_task_that_never_gives_its_thread_back",
            checks::EXERCISE.number,
        );
    }

    #[test]
    #[ignore = "run in a child process by the test above: the watchdog ends the process"]
    fn a_task_that_never_gives_its_thread_back() {
        let _ = lesson_support::testing::on_a_check_runtime(checks::all(
            audit_writer_task_blocks_on_std_channel::add_update_route,
        ));
    }
}
