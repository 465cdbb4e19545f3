//! The course checks its own exercises (run with `--features solutions`, as CI does): the
//! untouched stub and every kept wrong answer must be rejected, each with the message meant for
//! it, and every kept correct variant accepted. (That the reference solutions pass is shown by
//! `tests/exercises.rs`, which the same feature points at the solutions.)
// Some kept wrong answers unwrap on purpose: that is what makes them wrong.
#![allow(clippy::unwrap_used)]

/// The learner's starting file is the pristine stub.
#[test]
fn the_exercise_files_are_the_stubs() {
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

#[path = "../course/fetch_posts"]
mod fetch_posts {
    mod checks;

    lesson_support::kept_answers! {
        function: fetch_posts;
        wrong: {
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
                "not the smallest",
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
            last_to_finish in "also_correct/last_to_finish.rs",
            one_clock_for_all in "also_correct/one_clock_for_all.rs",
            spawned_tasks in "also_correct/spawned_tasks.rs",
        }
    }
}
