//! The course checks its own exercise (run with `--features solutions`, as CI does): the
//! untouched stub and every kept wrong answer must be rejected, each with the message meant for
//! it, and every correct variant accepted. (That the reference solution passes is shown by
//! `tests/exercises.rs`, which the same feature points at the solution.)
// Some kept wrong answers unwrap on purpose: that is what makes them wrong.
#![allow(clippy::unwrap_used)]

// The exercise files name the lesson's types as `crate::RetryPolicy` and `crate::Jitter`.
use lesson_07::{
    Jitter, RetryPolicy, is_worth_retrying_error, is_worth_retrying_status, retry_after,
};

/// The learner's starting file is the pristine stub.
#[test]
fn the_exercise_file_is_the_stub() {
    assert_eq!(
        include_str!("../src/exercises/get_with_retry.rs"),
        include_str!("../course/get_with_retry/stub.rs"),
        "src/exercises/get_with_retry.rs differs from course/get_with_retry/stub.rs"
    );
}

#[path = "../course/get_with_retry"]
mod get_with_retry {
    mod checks;

    lesson_support::kept_answers! {
        function: get_with_retry;
        wrong: {
            drains_failed_body_before_wait_r49 in "wrong/drains_failed_body_before_wait_r49.rs" => "drop a failed answer without reading its body",
            global_jitter_constant_seed in "wrong/global_jitter_constant_seed.rs" => "Random means different from program to program too",
            status_at_least_500_r49 in "wrong/status_at_least_500_r49.rs" => "a 600 will be a 600 next time too",
            jitter_clamped_to_half in "wrong/jitter_clamped_to_half.rs" => "were d/2 or d to the millisecond || Drawn at random, so many calls would not come that close",
            retry_after_capped_at_a_minute in "wrong/retry_after_capped_at_a_minute.rs" => "wait what `Retry-After` says, even past `max_delay`, and not a moment longer",
            status_forcelist_only in "wrong/status_forcelist_only.rs" => "a 501 is worth retrying",
            retries_statuses_above_599 in "wrong/retries_statuses_above_599.rs" => "so return it at once",
            own_ceiling_overflows_past_32_retries in "wrong/own_ceiling_overflows_past_32_retries.rs" => "must not overflow",
            drains_failed_body_before_wait in "wrong/drains_failed_body_before_wait.rs" => "drop a failed answer without reading its body",
            seeded_by_a_call_counter in "wrong/seeded_by_a_call_counter.rs" => "Random means different from program to program too",
            retry_after_as_minimum_wait in "wrong/retry_after_as_minimum_wait.rs" => "not a minimum to wait the longer of",
            retries_redirect_loop in "wrong/retries_redirect_loop.rs" => "so return its error at once",
            retries_3xx_answers in "wrong/retries_3xx_answers.rs" => "is an answer, not a failure, so return it at once",
            retry_after_on_gateway_errors in "wrong/retry_after_on_gateway_errors.rs" => "`Retry-After` counts only on a 429 or a 503",
            negative_retry_after_means_now in "wrong/negative_retry_after_means_now.rs" => "(an HTTP date, a negative number) counts as no header",
            rate_limit_waits_max_delay in "wrong/rate_limit_waits_max_delay.rs" => "(answered 429 without `Retry-After`) waited",
            one_draw_per_call in "wrong/one_draw_per_call.rs" => "Draw the random part anew before every retry || waited alike",
            sleeps_on_the_blocking_pool in "wrong/sleeps_on_the_blocking_pool.rs" => "wait with `tokio::time::sleep(..).await` in the call itself",
            retry_after_from_send in "wrong/retry_after_from_send.rs" => "begins when its answer || the wait begins when the failure arrives, not when the request was sent",
            retries_413_with_retry_after in "wrong/retries_413_with_retry_after.rs" => "a 413 will be a 413 next time too",
            waits_by_yielding in "wrong/waits_by_yielding.rs" => "in which the clock moved 0s",
            skips_501_and_505 in "wrong/skips_501_and_505.rs" => "the server answered 501",
            drains_body_before_retry in "wrong/drains_body_before_retry.rs" => "drop a failed answer without reading its body",
            full_jitter_floored in "wrong/full_jitter_floored.rs" => "were d/2 or d to the millisecond || waited alike",
            jitter_drawn_too_wide in "wrong/jitter_drawn_too_wide.rs" => "outside [d/2, d]",
            retry_after_plus_jitter in "wrong/retry_after_plus_jitter.rs" => "nothing added to it",
            caps_retry_after in "wrong/caps_retry_after.rs" => "no limit of your own on the server's wait",
            keeps_server_pace in "wrong/keeps_server_pace.rs" => "a `Retry-After` is the wait before the one retry that follows its answer",
            jitter_seeded_by_url in "wrong/jitter_seeded_by_url.rs" => "The wait must be random, different from call to call",
            retries_all_but_builder_errors in "wrong/retries_all_but_builder_errors.rs" => "a redirect loop was answered",
            own_pow_formula in "wrong/own_pow_formula.rs" => "must not overflow",
            status_at_least_500 in "wrong/status_at_least_500.rs" => "a 600 will be a 600 next time too",
            cache_buster_on_retries in "wrong/cache_buster_on_retries.rs" => "exactly as you were given it",
            retry_after_zero_is_no_advice in "wrong/retry_after_zero_is_no_advice.rs" => "means retry at once",
            wait_counted_from_send in "wrong/wait_counted_from_send.rs" => "begins when the failure arrives || some waits before retry 1 were shorter || back off as usual",
            error_for_status_when_spent in "wrong/error_for_status_when_spent.rs" => "once the attempts are spent",
            fresh_client_after_connection_error in "wrong/fresh_client_after_connection_error.rs" => "did not come from the `client` you were given",
            jittered_retry_after in "wrong/jittered_retry_after.rs" => "honour Retry-After || no jitter taken off it",
            linear_backoff in "wrong/linear_backoff.rs" => "wait at least d/2",
            retry_after_not_counted in "wrong/retry_after_not_counted.rs" => "expected one request",
            waits_after_last_attempt in "wrong/waits_after_last_attempt.rs" => "nothing to wait for",
            cap_after_jitter in "wrong/cap_after_jitter.rs" => "At the cap too the wait is random",
            host_cooldown in "wrong/host_cooldown.rs" => "nothing is kept from one call to another",
            retries_non_final_3xx in "wrong/retries_non_final_3xx.rs" => "is an answer, not a failure, so return it at once",
            retries_unbuildable_request in "wrong/retries_unbuildable_request.rs" => "a request that cannot be built fails the same way every time",
            retry_after_at_least_backoff in "wrong/retry_after_at_least_backoff.rs" => "not a minimum to wait the longer of",
            retry_after_fractional in "wrong/retry_after_fractional.rs" => "treats a value that is not a whole number of seconds as no header",
            http_date_no_wait in "wrong/http_date_no_wait.rs" => "counts as no header, not as 0s",
            retry_408 in "wrong/retry_408.rs" => "a 4xx, so return it at once",
            retry_after_any_status in "wrong/retry_after_any_status.rs" => "counts only on a 429 or a 503",
            seed_from_url in "wrong/seed_from_url.rs" => "The wait must be random, different from call to call",
            rt_connect_errors_only in "wrong/rt_connect_errors_only.rs" => "no answer at all (a dropped or refused connection, a timeout) is worth another try",
            error_over_last_response in "wrong/error_over_last_response.rs" => "return the last attempt's outcome as it is",
            exponent_off_by_one in "wrong/exponent_off_by_one.rs" => "Start from base_delay for the first retry",
            rt_full_jitter in "wrong/rt_full_jitter.rs" => "this contract asks for equal jitter",
            named_5xx_only in "wrong/named_5xx_only.rs" => "not only those with a name you know",
            rt_retry_after_capped in "wrong/rt_retry_after_capped.rs" => "even when it is longer than max_delay",
            seed_clock_seconds in "wrong/seed_clock_seconds.rs" => "The wait must be random, different from call to call",
            shared_failure_count in "wrong/shared_failure_count.rs" => "a call made after others spent theirs still starts from base_delay",
            client_per_attempt in "wrong/client_per_attempt.rs" => "did not come from the `client`",
            connect_errors_only in "wrong/connect_errors_only.rs" => "`err.is_connect()` alone misses a dropped connection",
            constant_delay in "wrong/constant_delay.rs" => "The waits must grow",
            constant_seed in "wrong/constant_seed.rs" => "The wait must be random, different from call to call || At the cap too the wait is random",
            counts_in_a_static in "wrong/counts_in_a_static.rs" => "must not share an attempt count",
            error_for_status in "wrong/error_for_status.rs" => "return it as Ok(response)",
            full_jitter in "wrong/full_jitter.rs" => "this contract asks for equal jitter",
            ignores_retry_after in "wrong/ignores_retry_after.rs" => "honour Retry-After",
            no_jitter in "wrong/no_jitter.rs" => "The wait must be random, different from call to call",
            no_wait in "wrong/no_wait.rs" => "retrying at once hammers a server that is already failing",
            one_attempt_too_many in "wrong/one_attempt_too_many.rs" => "max_attempts counts every request, the first one included",
            only_503 in "wrong/only_503.rs" => "a 500 is worth retrying",
            retries_everything in "wrong/retries_everything.rs" => "a 400 will be a 400 next time too",
            retry_after_capped in "wrong/retry_after_capped.rs" => "even when it is longer than max_delay",
            retry_after_in_millis in "wrong/retry_after_in_millis.rs" => "the server's own wait in seconds (`Duration::from_secs`)",
            retry_after_unwrapped in "wrong/retry_after_unwrapped.rs" => "a value that is not a whole number of seconds as no header",
            returns_the_first_failure in "wrong/returns_the_first_failure.rs" => "returned the first answer",
            sleeps_after_the_last_attempt in "wrong/sleeps_after_the_last_attempt.rs" => "nothing to wait for",
            statuses_only in "wrong/statuses_only.rs" => "worth another try",
            thread_sleep in "wrong/thread_sleep.rs" => "never `std::thread::sleep`",
            twice_the_base in "wrong/twice_the_base.rs" => "Start from base_delay for the first retry",
            uncapped in "wrong/uncapped.rs" => "only up to max_delay",
            waits_before_every_attempt in "wrong/waits_before_every_attempt.rs" => "send the first attempt at once",
        }
        correct: {
            recursive_boxed_attempts in "also_correct/recursive_boxed_attempts.rs",
            for_loop_final_attempt_outside in "also_correct/for_loop_final_attempt_outside.rs",
            ok_decision_enum_and_scaled_fraction in "also_correct/ok_decision_enum_and_scaled_fraction.rs",
            ok_for_loop_then_final_attempt in "also_correct/ok_for_loop_then_final_attempt.rs",
            ok_verdict_enum_scaled_jitter in "also_correct/ok_verdict_enum_scaled_jitter.rs",
            ok_ceiling_by_doubling in "also_correct/ok_ceiling_by_doubling.rs",
            ok_control_flow_decision in "also_correct/ok_control_flow_decision.rs",
            ok_own_xorshift in "also_correct/ok_own_xorshift.rs",
            ok_next_wait_and_sleep_until in "also_correct/ok_next_wait_and_sleep_until.rs",
            ok_for_loop_moves_the_outcome in "also_correct/ok_for_loop_moves_the_outcome.rs",
            ok_last_attempt_outside_loop in "also_correct/ok_last_attempt_outside_loop.rs",
            lazy_jitter_at_first_failure in "also_correct/lazy_jitter_at_first_failure.rs",
            boxed_recursion in "also_correct/boxed_recursion.rs",
            owning_match_by_value in "also_correct/owning_match_by_value.rs",
            build_once_execute in "also_correct/build_once_execute.rs",
            countdown_while in "also_correct/countdown_while.rs",
            for_range_subtract_jitter in "also_correct/for_range_subtract_jitter.rs",
            lesson_helpers_for_loop in "also_correct/lesson_helpers_for_loop.rs",
            random_state_hasher in "also_correct/random_state_hasher.rs",
            execute_cloned_request in "also_correct/execute_cloned_request.rs",
            for_loop_then_last_attempt in "also_correct/for_loop_then_last_attempt.rs",
            shared_jitter_source in "also_correct/shared_jitter_source.rs",
        }
    }
}
