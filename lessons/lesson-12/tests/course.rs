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
            omitempty_answer_view in "wrong/omitempty_answer_view.rs" => "as `GET /posts/2` shows it",
            log_lede_of_the_body in "wrong/log_lede_of_the_body.rs" => "your code panicked",
            fields_applied_in_turn in "wrong/fields_applied_in_turn.rs" => "A request the extractors refuse changes nothing",
            empty_patch_refused in "wrong/empty_patch_refused.rs" => "`PATCH /posts/3 {}` was answered 400",
            any_route_method_checked_inside in "wrong/any_route_method_checked_inside.rs" => "`PUT /posts/1` was answered 415",
            title_control_chars_refused in "wrong/title_control_chars_refused.rs" => "`PATCH /posts/13 {\"title\":\"\\u001b[1mbold\\u001b[0m\\u{7f}\"} (as application/json; charset=utf-8)` was answered 422",
            title_capped_at_300_like_reddit in "wrong/title_capped_at_300_like_reddit.rs" => "`PATCH /posts/8 16384 bytes` was answered 422",
            pascal_case_fields_accepted in "wrong/pascal_case_fields_accepted.rs" => "Fields other than `title` and `body` are ignored",
            leading_bom_stripped in "wrong/leading_bom_stripped.rs" => "`PATCH /posts/1 {\"title\":\"\\u{feff}\"}` was answered 422",
            json_type_tested_like_json_errors in "wrong/json_type_tested_like_json_errors.rs" => "`application/merge-patch+json` is JSON to the `Json` extractor",
            title_number_coerced_like_drf in "wrong/title_number_coerced_like_drf.rs" => "A request the extractors refuse changes nothing",
            title_line_breaks_flattened in "wrong/title_line_breaks_flattened.rs" => "one\\ntwo",
            prefer_return_minimal_204 in "wrong/prefer_return_minimal_204.rs" => "(with `prefer: return=minimal`)",
            nul_stripped_for_postgres in "wrong/nul_stripped_for_postgres.rs" => "one\\ntwo",
            untyped_body_read_as_json in "wrong/untyped_body_read_as_json.rs" => "A request the extractors refuse changes nothing",
            unique_titles_like_rails in "wrong/unique_titles_like_rails.rs" => "another post already has this title",
            method_override_header in "wrong/method_override_header.rs" => "(with `x-http-method-override: PATCH`)",
            html_escaped_on_the_way_in in "wrong/html_escaped_on_the_way_in.rs" => "Tom & Jerry",
            cors_for_every_route in "wrong/cors_for_every_route.rs" => "`OPTIONS /posts` was answered",
            title_preview_sliced_by_bytes in "wrong/title_preview_sliced_by_bytes.rs" => "your code panicked",
            title_checked_only_when_changed in "wrong/title_checked_only_when_changed.rs" => "even when it is the one stored",
            starts_from_the_lesson_routes in "wrong/starts_from_the_lesson_routes.rs" => "given a router with a route of the check's own",
            json_written_with_format_quotes_escaped in "wrong/json_written_with_format_quotes_escaped.rs" => "as `GET /posts/5` shows it",
            content_accepted_as_body in "wrong/content_accepted_as_body.rs" => "Fields other than `title` and `body` are ignored",
            body_capped_at_10000_chars in "wrong/body_capped_at_10000_chars.rs" => "`PATCH /posts/3 16384 bytes` was answered 422",
            unparsable_id_is_not_found in "wrong/unparsable_id_is_not_found.rs" => "`PATCH /posts/abc",
            title_validated_in_the_model in "wrong/title_validated_in_the_model.rs" => "with the body `lesson_12::check_title` gives",
            produces_json_406 in "wrong/produces_json_406.rs" => "(accepting text/html)` was answered 406",
            null_refused_like_drf in "wrong/null_refused_like_drf.rs" => "{\"title\":null,\"body\":\"a null title\"}` was answered 422",
            json_type_middleware_before_route in "wrong/json_type_middleware_before_route.rs" => "`DELETE /posts` was answered 405 , where",
            empty_body_read_as_empty_object in "wrong/empty_body_read_as_empty_object.rs" => "`PATCH /posts/5 with an empty body",
            title_checked_when_absent in "wrong/title_checked_when_absent.rs" => "`PATCH /posts/13 {\"body\":\"a new body\"}",
            reuses_new_post_body in "wrong/reuses_new_post_body.rs" => "missing field `userId`",
            rejections_collapsed_to_400 in "wrong/rejections_collapsed_to_400.rs" => "with its own status, 415",
            own_blank_title_message in "wrong/own_blank_title_message.rs" => "with the body `lesson_12::check_title` gives",
            one_field_match in "wrong/one_field_match.rs" => "\"both, body first\"}",
            blank_title_answered_400 in "wrong/blank_title_answered_400.rs" => "was answered 400 {\"error\":\"a post's title cannot be empty\"}: a title that is empty",
            unchanged_patch_answers_204 in "wrong/unchanged_patch_answers_204.rs" => "`PATCH /posts/3 {}` was answered 204",
            title_length_capped in "wrong/title_length_capped.rs" => "`PATCH /posts/8 16384 bytes` was answered 422",
            id_in_body_must_match_path in "wrong/id_in_body_must_match_path.rs" => "Fields other than `title` and `body` are ignored",
            empty_body_keeps_old_value in "wrong/empty_body_keeps_old_value.rs" => "\"title\":\"an empty body is fine\",\"body\":\"\"} (a field that is absent or `null` keeps its value",
            bare_404_like_no_route in "wrong/bare_404_like_no_route.rs" => "there is no post 4",
            answer_carries_updated_at in "wrong/answer_carries_updated_at.rs" => "as `GET /posts/5` shows it",
            zero_id_refused_by_nonzero_type in "wrong/zero_id_refused_by_nonzero_type.rs" => "there is no post 0",
            own_state_for_the_new_route in "wrong/own_state_for_the_new_route.rs" => "as `GET /posts/5` shows it",
            null_body_is_an_empty_patch in "wrong/null_body_is_an_empty_patch.rs" => "`PATCH /posts/5 null` was answered 200",
            helpful_405_for_every_route in "wrong/helpful_405_for_every_route.rs" => "`DELETE /posts` was answered 405",
            body_read_as_a_dict_of_strings in "wrong/body_read_as_a_dict_of_strings.rs" => "Fields other than `title` and `body` are ignored",
            validates_the_merged_post in "wrong/validates_the_merged_post.rs" => "post 21 is stored with the title",
            trailing_slash_route_too in "wrong/trailing_slash_route_too.rs" => "`GET /posts/5/` was answered 405",
            merge_patch_null_clears in "wrong/merge_patch_null_clears.rs" => "{\"title\":null,\"body\":\"a null title\"}` was answered 422",
            lookup_then_body_lost_update in "wrong/lookup_then_body_lost_update.rs" => "`PATCH /posts/4 {\"title\": 5}` was answered 404",
            invisible_title_is_blank in "wrong/invisible_title_is_blank.rs" => "`PATCH /posts/5 {\"title\":\"\\u{200b}\"}` was answered 422",
            id_as_i64 in "wrong/id_as_i64.rs" => "`PATCH /posts/-1",
            rejects_blank_body in "wrong/rejects_blank_body.rs" => "\"an empty body is fine\"",
            json_sent_as_form_accepted in "wrong/json_sent_as_form_accepted.rs" => "`application/merge-patch+json` is JSON to the `Json` extractor",
            body_limit_on_patch_route in "wrong/body_limit_on_patch_route.rs" => "16384 bytes` was answered 413",
            content_type_compared_as_text in "wrong/content_type_compared_as_text.rs" => "sent as JSON",
            ascii_blank_title in "wrong/ascii_blank_title.rs" => "any Unicode white space",
            typed_ignored_fields in "wrong/typed_ignored_fields.rs" => "whatever they hold",
            body_limit_layer_on_whole_router in "wrong/body_limit_layer_on_whole_router.rs" => "wraps all of its routes",
            answer_as_plain_text in "wrong/answer_as_plain_text.rs" => "the post is sent as JSON",
            optional_json_no_content_type in "wrong/optional_json_no_content_type.rs" => "refused by the extractor",
            serde_default_accepts_array in "wrong/serde_default_accepts_array.rs" => "JSON of another shape is refused",
            colon_path_syntax in "wrong/colon_path_syntax.rs" => "Path segments must not start with `:`",
            router_of_its_own in "wrong/router_of_its_own.rs" => "so that router is what you return",
            put_and_patch in "wrong/put_and_patch.rs" => "edits a post",
            clone_never_written_back in "wrong/clone_never_written_back.rs" => "The change is kept in the store",
            default_empty_fields in "wrong/default_empty_fields.rs" => "a field that is absent or `null` keeps its value",
            body_applied_before_title_checked in "wrong/body_applied_before_title_checked.rs" => "refused whole",
            trims_the_title in "wrong/trims_the_title.rs" => "a title is kept as sent",
            id_as_u32 in "wrong/id_as_u32.rs" => "any whole number is an id",
            unwraps_the_post in "wrong/unwraps_the_post.rs" => "your code panicked",
            denies_unknown_fields in "wrong/denies_unknown_fields.rs" => "ignored (not refused)",
            author_can_change in "wrong/author_can_change.rs" => "author never change",
            answers_201 in "wrong/answers_201.rs" => "is `200 OK`",
            answers_the_post_before in "wrong/answers_the_post_before.rs" => "the whole post after the change",
            empty_title_only in "wrong/empty_title_only.rs" => "empty or only white space",
            value_read_by_hand in "wrong/value_read_by_hand.rs" => "refuse",
            string_body_parsed_by_hand in "wrong/string_body_parsed_by_hand.rs" => "refuse",
            upserts_a_missing_post in "wrong/upserts_a_missing_post.rs" => "creates nothing",
            json_text_as_string in "wrong/json_text_as_string.rs" => "the post is sent as JSON",
        }
        correct: {
            struct_update_in_place_correct in "also_correct/struct_update_in_place_correct.rs",
            closure_handler_transpose_correct in "also_correct/closure_handler_transpose_correct.rs",
            four_arm_match_response_correct in "also_correct/four_arm_match_response_correct.rs",
            closure_handler_rebuilds_post_correct in "also_correct/closure_handler_rebuilds_post_correct.rs",
            object_only_patch_correct in "also_correct/object_only_patch_correct.rs",
            json_document_set_correct in "also_correct/json_document_set_correct.rs",
            validated_patch_extractor_correct in "also_correct/validated_patch_extractor_correct.rs",
            flatten_logs_ignored_fields_correct in "also_correct/flatten_logs_ignored_fields_correct.rs",
            response_sent_by_hand_correct in "also_correct/response_sent_by_hand_correct.rs",
            read_only_fields_skipped_correct in "also_correct/read_only_fields_skipped_correct.rs",
            lookup_before_check_correct in "also_correct/lookup_before_check_correct.rs",
            content_location_answer_correct in "also_correct/content_location_answer_correct.rs",
            extractors_run_by_hand_correct in "also_correct/extractors_run_by_hand_correct.rs",
            nested_under_posts_correct in "also_correct/nested_under_posts_correct.rs",
            edit_in_spawn_blocking_correct in "also_correct/edit_in_spawn_blocking_correct.rs",
            path_params_struct_correct in "also_correct/path_params_struct_correct.rs",
            answer_built_with_json_macro_correct in "also_correct/answer_built_with_json_macro_correct.rs",
            plain_text_errors_via_middleware_correct in "also_correct/plain_text_errors_via_middleware_correct.rs",
            on_method_filter_response in "also_correct/on_method_filter_response.rs",
            merged_router_correct in "also_correct/merged_router_correct.rs",
            rejection_mapped_correct in "also_correct/rejection_mapped_correct.rs",
            value_then_from_value_correct in "also_correct/value_then_from_value_correct.rs",
        }
    }
}
