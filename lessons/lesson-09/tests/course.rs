//! The course checks its own exercise (run with `--features solutions`, as CI does): the
//! untouched stub and every kept wrong answer must be rejected, each with the message meant for
//! it, and every correct variant accepted. (That the reference solution passes is shown by
//! `tests/exercises.rs`, which the same feature points at the solution.)
// One kept wrong answer unwraps on purpose: that is what makes it wrong.
#![allow(clippy::unwrap_used)]

// The exercise files name these as `crate::…`, as they do inside the lesson's library.
use lesson_09::{CompleteTodo, TodoError};

/// The learner's starting file is the pristine stub.
#[test]
fn the_exercise_file_is_the_stub() {
    assert_eq!(
        include_str!("../src/exercises/complete_tests.rs"),
        include_str!("../course/complete_tests/stub.rs"),
        "src/exercises/complete_tests.rs differs from course/complete_tests/stub.rs"
    );
}

/// `lesson_support::kept_answers!` for this exercise, whose answer is two functions, not one:
/// the same stub, `wrong:` and `correct:` lists and the same tests (`rejects::<name>`,
/// `accepts::<name>`), each answer's two tests joined into one candidate by `checks::both`.
macro_rules! kept_test_pairs {
    (
        wrong: { $( $wrong:ident in $wrong_file:literal => $nudge:expr ),* $(,)? }
        correct: { $( $right:ident in $right_file:literal ),* $(,)? }
    ) => {
        mod stub;
        $( #[path = $wrong_file] mod $wrong; )*
        $( #[path = $right_file] mod $right; )*

        /// Runs every check on the two tests of one answer module.
        macro_rules! verdict {
            ($answer:ident) => {
                super::checks::all(super::checks::both(
                    super::$answer::complete_sends_one_patch,
                    super::$answer::complete_reports_a_server_error,
                ))
                .await
            };
        }

        /// The stub, and each kept wrong answer, with the words its rejection must contain.
        mod rejects {
            #[tokio::test]
            async fn stub() {
                lesson_support::testing::assert_rejected("stub", "still the stub", || async {
                    verdict!(stub)
                })
                .await;
            }
            $(
                #[tokio::test]
                async fn $wrong() {
                    lesson_support::testing::assert_rejected(stringify!($wrong), $nudge, || async {
                        verdict!($wrong)
                    })
                    .await;
                }
            )*
        }

        /// Right answers written another way than the reference solution.
        mod accepts {
            $(
                #[tokio::test]
                async fn $right() {
                    let verdict = verdict!($right);
                    lesson_support::testing::assert_accepted(stringify!($right), verdict);
                }
            )*
        }
    };
}

#[path = "../course/complete_tests"]
mod complete_tests {
    mod checks;

    kept_test_pairs! {
        wrong: {
            content_type_first_line_only in "wrong/content_type_first_line_only.rs" => "check every `Content-Type` line the request carries",
            scoped_guard_sees_only_its_route in "wrong/scoped_guard_sees_only_its_route.rs" => "count every request that arrived, not only those your mock matched",
            trailing_slash_base_url in "wrong/trailing_slash_base_url.rs" => "your test `complete_sends_one_patch` failed against a client that",
            any_5xx_is_a_server_error in "wrong/any_5xx_is_a_server_error.rs" => "check for `Err(TodoError::Status(status)) if status == 500` itself",
            content_type_prefix_regex in "wrong/content_type_prefix_regex.rs" => "the contract says the header is `Content-Type: application/json`",
            waits_for_stray_requests in "wrong/waits_for_stray_requests.rs" => "once it has returned, the test has all it needs (no wait of its own after it)",
            content_type_values_deduplicated in "wrong/content_type_values_deduplicated.rs" => "two lines with the same value",
            error_test_two_bodies_in_turn in "wrong/error_test_two_bodies_in_turn.rs" => "did not finish within 10 s against a client that returns 9.5 s after the server's answer",
            five_second_timeout in "wrong/five_second_timeout.rs" =>
                "your test stopped waiting before `complete` returned",
            completes_todo_one in "wrong/completes_todo_one.rs" => "the one id this client gets right by accident",
            error_body_is_an_error_object in "wrong/error_body_is_an_error_object.rs" => "a client that decodes the body first and looks at the status only when that fails",
            uses_todo_1_so_an_ignored_id_passes in "wrong/uses_todo_1_so_an_ignored_id_passes.rs" => "the one id this client gets right by accident",
            error_body_is_not_a_real_todo in "wrong/error_body_is_not_a_real_todo.rs" => "Give your 500 a todo as its body",
            content_type_checked_with_headers_get in "wrong/content_type_checked_with_headers_get.rs" => "not only the first",
            uses_id_one in "wrong/uses_id_one.rs" => "the one id this client gets right by accident",
            first_content_type_only in "wrong/first_content_type_only.rs" => "not only the first",
            expect_one_without_counting_all in "wrong/expect_one_without_counting_all.rs" => "count every request that arrived",
            requires_a_user_agent in "wrong/requires_a_user_agent.rs" => "which sends no `User-Agent` header",
            gives_complete_one_second in "wrong/gives_complete_one_second.rs" => "your test stopped waiting before `complete` returned",
            answers_an_open_todo in "wrong/answers_an_open_todo.rs" => "reads the answer's `completed` as `complete`",
            method_compared_ignoring_case in "wrong/method_compared_ignoring_case.rs" => "sends the method `patch`, in lower case",
            typed_body_ignores_extra_fields in "wrong/typed_body_ignores_extra_fields.rs" => "match the whole body",
            requires_an_accept_json_header in "wrong/requires_an_accept_json_header.rs" => "failed against the lesson's `TodoClient::complete`, which is correct",
            lets_transport_through in "wrong/lets_transport_through.rs" => "reports a 500 as `TodoError::Transport`",
            todo_body_in_snake_case in "wrong/todo_body_in_snake_case.rs" => "Give your 500 a todo as its body",
            pins_the_content_length in "wrong/pins_the_content_length.rs" => "(the same JSON, other spaces)",
            only_rules_out_get in "wrong/only_rules_out_get.rs" => "match on the method: `method(\"PATCH\")`",
            tolerates_a_trailing_slash in "wrong/tolerates_a_trailing_slash.rs" => "with a trailing slash",
            every_content_type_line_is_json in "wrong/every_content_type_line_is_json.rs" => "sends `Content-Type: application/json` twice",
            base_url_ends_in_a_slash in "wrong/base_url_ends_in_a_slash.rs" => "which is correct",
            inspects_only_the_first_content_type in "wrong/inspects_only_the_first_content_type.rs" => "not only the first",
            reads_the_first_content_type in "wrong/reads_the_first_content_type.rs" => "not only the first",
            error_result_passes in "wrong/error_result_passes.rs" => "so an `Err` fails it too",
            body_matcher_lets_nulls_through in "wrong/body_matcher_lets_nulls_through.rs" => "a field sent as `null` is a field sent",
            waits_for_the_request_forever in "wrong/waits_for_the_request_forever.rs" => "did not finish within 10 s",
            content_type_by_prefix in "wrong/content_type_by_prefix.rs" => "application/json-patch+json",
            empty_500_body in "wrong/empty_500_body.rs" => "Give your 500 a todo as its body",
            tolerates_a_repeated_patch in "wrong/tolerates_a_repeated_patch.rs" => "sends the same PATCH twice",
            body_partial_json in "wrong/body_partial_json.rs" => "match the whole body",
            body_string_exact_bytes in "wrong/body_string_exact_bytes.rs" => "which is correct",
            error_any_status in "wrong/error_any_status.rs" => "nothing looser",
            expect_without_request_count in "wrong/expect_without_request_count.rs" => "count every request that arrived",
            first_id_only in "wrong/first_id_only.rs" => "gets right by accident",
            no_content_type_matcher in "wrong/no_content_type_matcher.rs" => "match on the header",
            owner_zero_empty_title in "wrong/owner_zero_empty_title.rs" => "returns a todo it made up",
            path_regex_suffix in "wrong/path_regex_suffix.rs" => "match the full path, base path included",
            no_matchers in "wrong/no_matchers.rs"
                => "sends PUT instead of PATCH: match on the method",
            ignores_the_result in "wrong/ignores_the_result.rs"
                => "yet your test passed: it must fail unless `complete` returns `Ok`",
            misses_the_body in "wrong/misses_the_body.rs"
                => "sends `{\"completed\": false}`: match on the body",
            misses_the_content_type in "wrong/misses_the_content_type.rs"
                => "without `Content-Type: application/json` (a real JSON server would ignore \
                    such a body): match on the header",
            misses_the_count in "wrong/misses_the_count.rs"
                => "sends the same PATCH twice: count the requests",
            checks_only_is_ok in "wrong/checks_only_is_ok.rs"
                => "returns a todo it made up instead of the server's answer",
            checks_only_is_err in "wrong/checks_only_is_err.rs"
                => "only because the body of your 500 is not a todo",
            matches_the_body_bytes in "wrong/matches_the_body_bytes.rs"
                => "compare JSON as JSON",
            unwraps_a_mismatch in "wrong/unwraps_a_mismatch.rs"
                => "`complete` got a 404 from your server",
            mounts_outside_the_base_path in "wrong/mounts_outside_the_base_path.rs"
                => "`complete` got a 404 from your server: wiremock's answer when no mock \
                    matches. One of your matchers does not fit a correct request: check the \
                    method, the path (your base URL's path",
            asks_for_todo_1 in "wrong/asks_for_todo_1.rs"
                => "with the id `1`, the one id this client gets right by accident",
            uses_the_bare_server_uri in "wrong/uses_the_bare_server_uri.rs"
                => "drops the base URL's path (`Url::join(\"/todos/{id}\")`: given \
                    `http://host/api/v1`, it sends to `http://host/todos/{id}`): your test \
                    called `complete` with `http://127.0.0.1:",
            finds_true_in_the_body in "wrong/finds_true_in_the_body.rs"
                => "sends `{\"completed\": \"true\"}`, a string where the contract says the \
                    JSON boolean: compare the body as JSON",
            matches_part_of_the_body in "wrong/matches_part_of_the_body.rs"
                => "not only its `completed` field: `body_partial_json`, or a look at one \
                    field, lets other fields through",
            only_checks_a_content_type_is_there in "wrong/only_checks_a_content_type_is_there.rs"
                => "sends its JSON as `Content-Type: text/plain`: match the header's value",
            counts_only_the_patch in "wrong/counts_only_the_patch.rs"
                => "sends `GET {base URL}/todos/{id}` before the right PATCH: two requests \
                    where the contract allows one: count every request that arrived",
            compares_some_fields in "wrong/compares_some_fields.rs"
                => "reads the answer's `userId` as `user_id`",
            accepts_any_status_error in "wrong/accepts_any_status_error.rs"
                => "reports every error status as `TodoError::Status(404)`, a 500 included: \
                    it returned `Err(TodoError::Status(404 Not Found))` for your 500",
            accepts_any_error_from_a_todo_body in "wrong/accepts_any_error_from_a_todo_body.rs"
                => "reports a 500 as `TodoError::Transport` (\"no answer from the server\") \
                    instead of `TodoError::Status(500)`: it returned `Err(TodoError::Transport",
            matches_the_path_by_regex in "wrong/matches_the_path_by_regex.rs"
                => "sends to `{base URL}/todos/{id}/`, with a trailing slash (seed 1002",
            accepts_any_server_error in "wrong/accepts_any_server_error.rs"
                => "reports every error status as `TodoError::Status(502)` (seed 2001",
        }
        correct: {
            scoped_mock_raw_answer in "also_correct/scoped_mock_raw_answer.rs",
            catch_all_expects_zero in "also_correct/catch_all_expects_zero.rs",
            custom_matcher_and_joined_error_calls in "also_correct/custom_matcher_and_joined_error_calls.rs",
            any_mock_then_inspect_log in "also_correct/any_mock_then_inspect_log.rs",
            ok_any_mock_then_inspect_the_log in "also_correct/ok_any_mock_then_inspect_the_log.rs",
            ok_catch_all_then_inspect_log in "also_correct/ok_catch_all_then_inspect_log.rs",
            ok_responder_judges_the_request in "also_correct/ok_responder_judges_the_request.rs",
            ok_answers_another_todo_id in "also_correct/ok_answers_another_todo_id.rs",
            ok_scoped_guard_counts in "also_correct/ok_scoped_guard_counts.rs",
            ok_judged_by_debug_text in "also_correct/ok_judged_by_debug_text.rs",
            ok_deep_base_path_and_a_large_id in "also_correct/ok_deep_base_path_and_a_large_id.rs",
            ok_typed_body_denies_unknown_fields in "also_correct/ok_typed_body_denies_unknown_fields.rs",
            ok_one_closure_matcher in "also_correct/ok_one_closure_matcher.rs",
            ok_inspects_the_log in "also_correct/ok_inspects_the_log.rs",
            error_test_matches_the_request in "also_correct/error_test_matches_the_request.rs",
            no_query_string_either in "also_correct/no_query_string_either.rs",
            any_mock_then_match_received in "also_correct/any_mock_then_match_received.rs",
            no_expect_request_log in "also_correct/no_expect_request_log.rs",
            asserts_and_panics in "also_correct/asserts_and_panics.rs",
            a_catch_all_that_expects_nothing in "also_correct/a_catch_all_that_expects_nothing.rs",
        }
    }
}
