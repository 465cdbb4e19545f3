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
            verifies_prefix_of_200_before_emptying in "wrong/verifies_prefix_of_200_before_emptying.rs" => "a 200 empties the part when its status arrives",
            span_must_match_content_length in "wrong/span_must_match_content_length.rs" => "whatever its LAST and SIZE",
            short_of_size_is_an_error in "wrong/short_of_size_is_an_error.rs" => "and `Ok` carries the part",
            removes_empty_part_first in "wrong/removes_empty_part_first.rs" => "with an empty part, answered 404",
            asks_again_until_size_reached in "wrong/asks_again_until_size_reached.rs" => "appends what that 206 brings, however little",
            success_with_a_body_is_the_file in "wrong/success_with_a_body_is_the_file.rs" => "expected Err(Status(201))",
            span_complete_break_is_done in "wrong/span_complete_break_is_done.rs" => "not when the bytes the range names",
            retries_gateway_hiccups in "wrong/retries_gateway_hiccups.rs" => "not asked again",
            not_implemented_501_empties_part in "wrong/not_implemented_501_empties_part.rs" => "answered 501",
            first_byte_u32_like_the_book in "wrong/first_byte_u32_like_the_book.rs" => "whatever the size of N",
            bytes_unit_then_contains_first in "wrong/bytes_unit_then_contains_first.rs" => "bytes 15003-15102/150001",
            first_byte_parsed_as_u32 in "wrong/first_byte_parsed_as_u32.rs" => "bytes 5003-4999999999/5000000000",
            content_range_on_200_appends in "wrong/content_range_on_200_appends.rs" => "not appended to",
            whole_file_206_starts_over in "wrong/whole_file_206_starts_over.rs" => "bytes 0-150000/150001",
            retries_get_on_send_error in "wrong/retries_get_on_send_error.rs" => "a failed request is reported, not sent again",
            gone_410_clears_part in "wrong/gone_410_clears_part.rs" => "expected Err(Status(410))",
            content_range_text_expected_ascii in "wrong/content_range_text_expected_ascii.rs" => "your code panicked",
            close_ends_a_body_without_length in "wrong/close_ends_a_body_without_length.rs" => "a connection closed before it is a break",
            single_byte_rest_refused in "wrong/single_byte_rest_refused.rs" => "bytes 5003-5003/5004",
            retries_429_like_lesson_07 in "wrong/retries_429_like_lesson_07.rs" => "not asked again",
            reads_announced_length_only in "wrong/reads_announced_length_only.rs" => "not as many bytes as a `Content-Length` says",
            overwrites_in_place_cuts_at_end in "wrong/overwrites_in_place_cuts_at_end.rs" => "a 200 empties the part when its status arrives, then each piece is written",
            non_authoritative_203_is_a_200 in "wrong/non_authoritative_203_is_a_200.rs" => "expected Err(Status(203))",
            truncate_leaves_cursor_at_end in "wrong/truncate_leaves_cursor_at_end.rs" => "the function returned Ok(155004)",
            io_copy_break_is_a_file_error in "wrong/io_copy_break_is_a_file_error.rs" => "expected Err(Http(..)) after one request",
            follows_location_like_node_http in "wrong/follows_location_like_node_http.rs" => "not asked again",
            curl_c_refuses_a_200 in "wrong/curl_c_refuses_a_200.rs" => "a 200 is the whole file from its first byte",
            unasked_206_is_a_status_error in "wrong/unasked_206_is_a_status_error.rs" => "is appended (the part created, as for a 200) or refused",
            rolls_back_on_break in "wrong/rolls_back_on_break.rs" => "every piece that came before the break is written",
            returns_bytes_of_this_call in "wrong/returns_bytes_of_this_call.rs" => "the function returned Ok(80000)",
            removes_part_that_is_not_there in "wrong/removes_part_that_is_not_there.rs" => "a 200's body is the file from its first byte",
            range_with_space_like_content_range in "wrong/range_with_space_like_content_range.rs" => "ask for the bytes from N on",
            range_sent_for_empty_part in "wrong/range_sent_for_empty_part.rs" => "a part of 0 bytes asks for the whole file, without a range",
            overlapping_206_skips_known_bytes in "wrong/overlapping_206_skips_known_bytes.rs" => "in the form `bytes N-LAST/SIZE`",
            opens_for_write_not_append in "wrong/opens_for_write_not_append.rs" => "a 206 from byte N is appended to the part",
            missing_part_is_an_error in "wrong/missing_part_is_an_error.rs" => "a part of 0 bytes asks for the whole file",
            missing_content_range_trusted in "wrong/missing_content_range_trusted.rs" => "in the form `bytes N-LAST/SIZE`",
            retries_503_after_retry_after in "wrong/retries_503_after_retry_after.rs" => "not asked again",
            refuses_html_200_as_error_page in "wrong/refuses_html_200_as_error_page.rs" => "whatever its `Content-Type`",
            preallocates_from_content_length in "wrong/preallocates_from_content_length.rs" => "the part holds the bytes that arrived and nothing more",
            lesson_parser_star_form_at_zero in "wrong/lesson_parser_star_form_at_zero.rs" => "with N = 0, only a 206 from byte 0 may",
            deletes_part_on_wrong_range in "wrong/deletes_part_on_wrong_range.rs" => "and the part as it was",
            span_underflow_panics in "wrong/span_underflow_panics.rs" => "your code panicked",
            size_must_be_a_number in "wrong/size_must_be_a_number.rs" => "whatever its LAST and SIZE",
            shadowed_content_range in "wrong/shadowed_content_range.rs" => "in the form `bytes N-LAST/SIZE`",
            retries_a_broken_body in "wrong/retries_a_broken_body.rs" => "after one request",
            restart_keeps_count_of_old_part in "wrong/restart_keeps_count_of_old_part.rs" => "count from 0, not from the",
            empty_200_keeps_part in "wrong/empty_200_keeps_part.rs" => "a 200 empties the part when its status arrives",
            any_206_to_an_empty_part_is_written in "wrong/any_206_to_an_empty_part_is_written.rs" => "only a 206 from byte 0 may",
            skips_what_it_has_of_a_200 in "wrong/skips_what_it_has_of_a_200.rs" => "not appended to",
            head_first_for_accept_ranges in "wrong/head_first_for_accept_ranges.rs" => "expected one, with `Range: bytes=70001-`",
            debug_quoted_content_range in "wrong/debug_quoted_content_range.rs" => "in the form `bytes N-LAST/SIZE`",
            creates_part_before_checking_range in "wrong/creates_part_before_checking_range.rs" => "a failed call leaves the disk as it was",
            content_range_checked_before_status in "wrong/content_range_checked_before_status.rs" => "expected Err(Status(416))",
            big_write_buffer in "wrong/big_write_buffer.rs" => "each piece is written as it arrives",
            same_length_200_keeps_part in "wrong/same_length_200_keeps_part.rs" => "does not mean the part is the file",
            not_modified_is_done in "wrong/not_modified_is_done.rs" => "answered 304",
            drops_part_longer_than_file_on_416 in "wrong/drops_part_longer_than_file_on_416.rs" => "with `Content-Range: bytes */1000`",
            append_without_create_on_206 in "wrong/append_without_create_on_206.rs" => "is appended (the part created, as for a 200) or refused",
            if_range_bytes in "wrong/if_range_bytes.rs" => "`If-Range` names the version",
            opens_part_on_first_piece in "wrong/opens_part_on_first_piece.rs" => "empties the part when its status arrives",
            first_number_in_content_range in "wrong/first_number_in_content_range.rs" => "in the form `bytes N-LAST/SIZE`",
            missing_range_called_none in "wrong/missing_range_called_none.rs" => "content_range: \"\" }) and the part as it was",
            range_prefix_without_dash in "wrong/range_prefix_without_dash.rs" => "starts at byte N",
            requires_range_to_the_end in "wrong/requires_range_to_the_end.rs" => "expected Ok(5103)",
            any_2xx_is_the_whole_file in "wrong/any_2xx_is_the_whole_file.rs" => "any status but 206 and 200 is an error",
            keeps_old_part_until_200_is_whole in "wrong/keeps_old_part_until_200_is_whole.rs" => "every piece that came before the break is written || a 200 empties the part when its status arrives",
            size_error_counts_as_empty in "wrong/size_error_counts_as_empty.rs" => "only a part that does not exist counts as 0 bytes",
            complete_part_416_is_ok in "wrong/complete_part_416_is_ok.rs" => "any status but 206 and 200 is an error",
            part_created_before_request in "wrong/part_created_before_request.rs" => "a failed call leaves the disk as it was",
            seek_to_start_without_truncate in "wrong/seek_to_start_without_truncate.rs" => "leaves its old tail",
            appends_a_200 in "wrong/appends_a_200.rs" => "the part is emptied before the body is written",
            client_of_its_own in "wrong/client_of_its_own.rs" => "from the client given",
            error_for_status_then_whole in "wrong/error_for_status_then_whole.rs" => "any status but 206 and 200 is an error",
            gathers_pieces_then_writes in "wrong/gathers_pieces_then_writes.rs" => "each piece is written as it arrives",
            range_even_from_zero in "wrong/range_even_from_zero.rs" => "with no `Range`",
            range_from_last_byte_held in "wrong/range_from_last_byte_held.rs" => "ask for the bytes from N on",
            size_from_content_range in "wrong/size_from_content_range.rs" => "not the size `Content-Range`",
            size_read_after_opening in "wrong/size_read_after_opening.rs" => "ask for the bytes from N on",
            trusts_any_206 in "wrong/trusts_any_206.rs" => "`Content-Range` starts at byte N",
            whole_body_with_bytes in "wrong/whole_body_with_bytes.rs" => "each piece is written as it arrives",
            writes_error_bodies in "wrong/writes_error_bodies.rs" => "any status but 206 and 200 is an error || a failed call leaves the disk as it was",
        }
        correct: {
            std_open_zero_206_as_restart in "also_correct/std_open_zero_206_as_restart.rs",
            identity_encoding_refuses_unasked_206 in "also_correct/identity_encoding_refuses_unasked_206.rs",
            correct_unit_any_case_write_all_buf in "also_correct/correct_unit_any_case_write_all_buf.rs",
            correct_unasked_zero_206_starts_over in "also_correct/correct_unasked_zero_206_starts_over.rs",
            correct_transpose_loop_refuses_unasked_206 in "also_correct/correct_transpose_loop_refuses_unasked_206.rs",
            correct_sink_struct_appends_zero_206 in "also_correct/correct_sink_struct_appends_zero_206.rs",
            status_number_split_parse_correct in "also_correct/status_number_split_parse_correct.rs",
            content_range_from_str_correct in "also_correct/content_range_from_str_correct.rs",
            std_file_go_copy_tuple in "also_correct/std_file_go_copy_tuple.rs",
            random_access_rewind_after_set_len in "also_correct/random_access_rewind_after_set_len.rs",
            try_exists_prefix_flush_on_both_paths in "also_correct/try_exists_prefix_flush_on_both_paths.rs",
            count_from_opened_file_truncate_option in "also_correct/count_from_opened_file_truncate_option.rs",
            sync_each_piece_logs_to_stderr in "also_correct/sync_each_piece_logs_to_stderr.rs",
            raw_bytes_range_appends_zero_206 in "also_correct/raw_bytes_range_appends_zero_206.rs",
            reopens_per_piece_correct in "also_correct/reopens_per_piece_correct.rs",
            copy_each_piece_then_shutdown in "also_correct/copy_each_piece_then_shutdown.rs",
            size_from_disk_after_flush in "also_correct/size_from_disk_after_flush.rs",
            partial_only_when_a_range_was_asked in "also_correct/partial_only_when_a_range_was_asked.rs",
            writer_task_over_channel in "also_correct/writer_task_over_channel.rs",
            execute_built_request_seek_and_position in "also_correct/execute_built_request_seek_and_position.rs",
            seek_end_and_lesson_parser in "also_correct/seek_end_and_lesson_parser.rs",
            remove_then_append_correct in "also_correct/remove_then_append_correct.rs",
            set_len_then_append_correct in "also_correct/set_len_then_append_correct.rs",
            buffered_writer_one_open in "also_correct/buffered_writer_one_open.rs",
            std_file_in_spawn_blocking in "also_correct/std_file_in_spawn_blocking.rs",
            sync_all_and_is_none_or in "also_correct/sync_all_and_is_none_or.rs",
        }
    }
}
