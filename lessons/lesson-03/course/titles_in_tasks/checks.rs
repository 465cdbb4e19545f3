//! The checks of exercise 6 (`titles_in_tasks`, a warm-up), run against your file, the
//! reference solution, the course's typical wrong answers and its correct variants.
//!
//! # Rule table
//!
//! | contract clause | check(s) | inputs that make the near misses fail |
//! |---|---|---|
//! | `Ok(vec![])` and no request for an empty `ids` | `asks_for_nothing_when_given_no_ids` | `ids = []`, then with a base URL that is no URL (its scheme left out): checking `base_url` before any request returns an `Err` |
//! | one GET `{base_url}/posts/{id}` per entry, base path kept, repeats fetched again, through `client` | every check after it (helper `one_get_per_entry`) | base URLs ending in `/api` and `/v1`, a repeated id, tagged client: `Client::new()` in the task, `Url::join`, dedup |
//! | all in flight together | `has_every_request_in_flight_together` | 19 ids, one repeated, 400 ms each, then 101 ids (every post once, scrambled, one repeated), 600 ms each (up to three rounds under load), peak read on the server: each handle awaited right after its spawn, spawns through `buffered(16)`, a process-wide semaphore of 100 |
//! | `Ok(titles)` in the order of `ids` | `returns_every_title_in_the_order_of_ids` | answers arriving in another order (250, 0, 120, 40 ms): titles in completion order; ids `[8, 31, 31, 5, 64, 8]`, an adjacent repeat (`dedup` fails), post 64's title empty (skipping blank titles fails), post 31's and 64's titles (every id that is 1 modulo 3) with spaces around them (`trim()` fails), post 5 with a fifth field (`deny_unknown_fields` fails) |
//! | otherwise the first entry's failure in the order of `ids`, not in time | `returns_the_first_failure_in_the_order_of_ids` | a 503 after 500 ms before, in `ids`, a 404 at once: `try_join_all` over the handles, a `FuturesUnordered`, the last error kept |
//! | … the first in `ids`, whatever its kind, and the others left alone | `returns_the_first_failure_in_the_order_of_ids` | ids `[12, 7, 30, 44]`: a 404 at once, a 503 a second later, a 503 at once: `Err(status 404)` (putting a 5xx first fails; aborting the rest and `expect`-ing their handles panics); ids `[12, 3, 12]` where the second answer for 12 is a 503: `Err(status 503)` (reusing the first title for a repeated id fails); then `[50, 66]`, 50 a 503 after 200 ms and 66 a closed connection at once: 50's 503 (returning the first failed connection as soon as it comes fails) |
//! | an error status is an `Err` carrying it, whatever the body; a body that is not a post is an `Err` | `returns_the_first_failure_in_the_order_of_ids` | a 404 whose body is a post (ignoring the status gives its title), a 200 with HTML first in `ids`, a 503 with HTML (decoding before the status loses it), a 200 with `{"title": "t"}` (a struct of the title alone fails), a dropped connection before a 404 in `ids` (holding back errors without an answer fails): failures skipped, `Ok` of the rest; a 403 and a 429 with posts as their bodies (counting only 404 and 5xx as failures fails); a 304 with no body (an `Err`: `expect_err` on `error_for_status()` panics); post 0 answering 404 first in `ids` (skipping id 0 gives `Ok`) |
//! | the first failure's error as reqwest gave it | `returns_the_first_failure_in_the_order_of_ids` | the `url()` of an error status must be the URL of the first failing entry: `without_url()` fails |
//! | no panic | `returns_the_first_failure_in_the_order_of_ids` | `unwrap` inside the task (a `JoinError`, then a panic) |
//! | each request in a task of its own, which makes progress by itself | `the_tasks_run_on_their_own` | bodies 300 ms after their heads, a client that gives up 1 s after sending (body included); the function polled once, then left alone for 1200 ms: all three bodies must have been sent to the end, and the result `Ok` (a task that only does the `send()`, its body read once the caller awaits, times out) (`join_all` over `async move` blocks with no task fails; a `JoinSet` passes); and the runtime's live tasks must have grown by 3 at the first poll (a task per batch of ids fails); then the same with one id, `[21]` (a list of one fetched inline, without a task, fails) |
//! | every call asks the server; a post is a post whatever its id | `asks_again_on_every_call` (last) | ids [4, 41] where `/posts/41` answers post 14 (asking again because the ids differ sends two GETs), then [41, 4] with post 4's title changed in between: a process-wide cache keyed by URL answers the old title and sends no request |
//! | no timeout of one's own | `waits_as_long_as_the_client_does` | a server that takes a day, on tokio's paused clock: the result must come at the client's 37 s (not the course's usual 30 s: `.timeout(REQUEST_TIMEOUT)` fails), not more than 1 s after, its timeout error (a `tokio::time::timeout` of 10 s per request, a request's own `.timeout(60 s)` fail); bounded by 5 s of real time, so that `spawn_blocking` + `block_on` (which holds the paused clock still) fails instead of hanging |
//! | no retry: a failed connection is returned at once | `a_failed_connection_is_returned_at_once` (last) | ids `[27]` at `localhost` where nothing listens, through a client that counts its connection attempts (no server can count a second one): a retry on `is_connect` or `is_request` fails; ids `[4, 9]` where nothing listens, on tokio's paused clock held still by the check (2 s of real time): a retry after a back-off never ends there, so it fails; `Err(no status)` expected; then 613 ids with the base URL `not a url` (no connection opened): the first entry's error, no panic (an `assert!` on the length of `ids` fails) |
//! | a `base_url` that is no URL is the `Err`, no panic | `a_base_url_that_is_no_url_is_an_err` | `127.0.0.1:{port}`, its scheme left out, a server listening there, ids [3, 8]: `Url::parse(base_url).expect(..)` panics; `http://` put in front reaches the server |

use std::collections::BTreeMap;
use std::time::Duration;

use lesson_support::testing::count_of_times;
use lesson_support::testing::{Exercise, Verdict, held_still, tagged_client, within_real_time};
use mock_server::{Latency, MockApi};
use reqwest::Client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::warm_ups::{
    IN_FLIGHT_ROUNDS, a_server_that_takes_a_day, arrivals_of, latency_of_round, list, requests_of,
    worth_another_round,
};

pub const EXERCISE: Exercise = Exercise {
    number: 6,
    file: "lessons/lesson-03/src/exercises/titles_in_tasks.rs",
};

lesson_support::exercise_checks! {
    erased: Erased;
    candidate: AsyncFn(&Client, &str, &[u64]) -> Result<Vec<String>, reqwest::Error>;
    asks_for_nothing_when_given_no_ids,
    has_every_request_in_flight_together,
    returns_every_title_in_the_order_of_ids,
    returns_the_first_failure_in_the_order_of_ids,
    waits_as_long_as_the_client_does,
    the_tasks_run_on_their_own,
    a_failed_connection_is_returned_at_once,
    a_base_url_that_is_no_url_is_an_err,
    // Last: only answers right about everything above reach it.
    asks_again_on_every_call,
}

/// Every answer behind one type, so that `all` compiles the checks once.
type Erased = crate::warm_ups::ErasedBatch<Result<Vec<String>, reqwest::Error>>;

/// What the function returns.
type Titles = Result<Vec<String>, reqwest::Error>;

/// A result as a message shows it: `Ok(["title of 8", …])`, `Err(status 404)`, `Err(no status)`.
fn describe(result: &Titles) -> String {
    match result {
        Ok(titles) => format!("Ok({titles:?})"),
        Err(err) => match err.status() {
            Some(status) => format!("Err(status {})", status.as_u16()),
            None => "Err(no status)".to_owned(),
        },
    }
}

/// The rule "one GET `{base_url}/posts/{id}` per entry of `ids`, through `client`", read from
/// what the server received: (method, path, tagged) per request.
fn one_get_per_entry(requests: &[(String, String, bool)], base_path: &str, ids: &[u64]) -> Verdict {
    if requests.iter().any(|(_, _, tagged)| !tagged) {
        return Err(EXERCISE.fail(
            "a request did not come from the `client` given to the function (a `Client::new()` \
             in the task?): give each task `client.clone()`, which shares the caller's settings \
             and connections",
        ));
    }
    let mut wanted: BTreeMap<String, usize> = BTreeMap::new();
    for id in ids {
        *wanted
            .entry(format!("GET {base_path}/posts/{id}"))
            .or_default() += 1;
    }
    let mut got: BTreeMap<String, usize> = BTreeMap::new();
    for (verb, p, _) in requests {
        *got.entry(format!("{verb} {p}")).or_default() += 1;
    }
    for (line, &n) in &got {
        let listed = wanted.get(line).copied().unwrap_or(0);
        if listed == 0 {
            return Err(EXERCISE.fail(&format!(
                "asked about ids {} with a base URL ending in {base_path}, the server received \
                 {line}: each task sends GET {{base_url}}/posts/{{id}}, the whole of `base_url` \
                 kept and `/posts/{{id}}` appended to it",
                list(ids)
            )));
        }
        if n > listed {
            return Err(EXERCISE.fail(&format!(
                "the server received {line} {}, but ids {} lists that id {}: one request per \
                 entry, no retries",
                count_of_times(n),
                list(ids),
                count_of_times(listed)
            )));
        }
    }
    for (line, &listed) in &wanted {
        let n = got.get(line).copied().unwrap_or(0);
        if n < listed {
            return Err(EXERCISE.fail(&format!(
                "ids {} lists this post {}, the server received {line} {}: one task and one \
                 request per entry of `ids`, an id listed twice fetched twice, each started \
                 before the first is awaited",
                list(ids),
                count_of_times(listed),
                count_of_times(n)
            )));
        }
    }
    Ok(())
}

/// The title of post `id`: `title of {id}`, with spaces around it for every third id (31, 64,
/// 13, …; a title is what the server sent, spaces included: `trim()` changes it).
fn title(id: u64) -> String {
    if id % 3 == 1 {
        format!("  title of {id} ")
    } else {
        format!("title of {id}")
    }
}

/// Post `id` as the server sends it, titled [`title`].
fn post(id: u64) -> serde_json::Value {
    serde_json::json!({"userId": 1, "id": id, "title": title(id), "body": "…"})
}

/// Mounts an answer for `GET /api/posts/{id}`.
async fn mount(server: &MockServer, id: u64, template: ResponseTemplate) {
    Mock::given(method("GET"))
        .and(path(format!("/api/posts/{id}")))
        .respond_with(template)
        .mount(server)
        .await;
}

/// Tasks that are still running when the function returns (after a failure, say) finish in the
/// background: wait for the server to have seen every request, for at most a second.
async fn settle(server: &MockServer, expected: usize) {
    for _ in 0..50 {
        if server.received_requests().await.unwrap_or_default().len() >= expected {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// No ids, no request, no titles.
pub async fn asks_for_nothing_when_given_no_ids<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Titles,
{
    let api = MockApi::start().await;
    let client = tagged_client(&api.uri());
    let result = EXERCISE
        .run_with_nothing_to_do("asked about no ids", candidate(&client, &api.uri(), &[]))
        .await?;
    if let Some(first) = api.arrivals().first() {
        return Err(EXERCISE.fail(&format!(
            "asked about no ids, yet the server received {} {}: with an empty `ids` there is \
             nothing to fetch",
            first.method, first.path
        )));
    }
    match &result {
        Ok(titles) if titles.is_empty() => {}
        other => {
            return Err(EXERCISE.fail(&format!(
                "asked about no ids, got {}; expected Ok([]): every one of no requests succeeded",
                describe(other)
            )));
        }
    }
    // No ids and a base URL that is no URL (its scheme left out): still no request, so none
    // failed (a check of `base_url` before anything is asked returns its error).
    let no_url = api.uri().replacen("http://", "", 1);
    let result = EXERCISE
        .run_with_nothing_to_do("asked about no ids", candidate(&client, &no_url, &[]))
        .await?;
    match &result {
        Ok(titles) if titles.is_empty() => Ok(()),
        other => Err(EXERCISE.fail(&format!(
            "asked about no ids with the base URL {no_url:?} (no scheme), got {}; expected \
             Ok([]): no request was asked for, so none failed, whatever the base URL",
            describe(other)
        ))),
    }
}

/// Every request is on its way before the first answer is back, however many: 19 ids (more
/// than a window of 16), then 101 (more than a cap of 100), one call after the other.
pub async fn has_every_request_in_flight_together<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Titles,
{
    // More than a window of 16 (`buffered(16)` around the spawns), one repeated.
    let few = [
        36, 90, 7, 58, 21, 90, 44, 3, 67, 12, 85, 29, 50, 71, 18, 93, 26, 62, 14,
    ];
    in_flight_together(candidate, &few, Duration::from_millis(400), 1).await?;
    // Every post of the mock once, scrambled, and the first one again at the end: more than a
    // budget of 100 of one's own. On a busy machine, up to three rounds, the latency doubled
    // each time (see `warm_ups::IN_FLIGHT_ROUNDS`).
    let many: Vec<u64> = (0..101).map(|i| (i * 59 + 3) % 100 + 1).collect();
    in_flight_together(
        candidate,
        &many,
        Duration::from_millis(600),
        IN_FLIGHT_ROUNDS,
    )
    .await
}

/// One scenario of [`has_every_request_in_flight_together`]: every answer after `latency`, up
/// to `rounds` rounds.
async fn in_flight_together<F>(
    candidate: &F,
    ids: &[u64],
    first_latency: Duration,
    rounds: u32,
) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Titles,
{
    let mut best_peak = 0;
    let mut round = 1;
    loop {
        let latency = latency_of_round(first_latency, round);
        let api = MockApi::builder()
            .base_path("/v1")
            .latency(Latency::Fixed(latency))
            .start()
            .await;
        let client = tagged_client(&api.uri());
        let result = EXERCISE.run(candidate(&client, &api.uri(), ids)).await?;
        let requests = arrivals_of(&api);
        one_get_per_entry(&requests, "/v1", ids)?;
        let peak = api.peak_in_flight();
        if peak < ids.len() {
            if round < rounds && worth_another_round(peak, ids.len(), round, &mut best_peak) {
                round += 1;
                continue;
            }
            return Err(EXERCISE.fail(&format!(
                "asked about {} ids against a server that answers after {} ms, the server saw \
                 at most {peak} of them in flight at once: start every task first, then await \
                 them (a handle awaited right after its `spawn` runs the requests one after \
                 another), and let no task wait for another before it sends (no pause between \
                 spawns, no lock held while a request is out, no cap or semaphore of your own)",
                ids.len(),
                latency.as_millis()
            )));
        }
        return match &result {
            Ok(titles) if titles.len() == ids.len() => Ok(()),
            other => Err(EXERCISE.fail(&format!(
                "asked about {} ids, all of them posts that exist, got {}: one title per entry",
                ids.len(),
                describe(other)
            ))),
        };
    }
}

/// Every title, in the order of `ids`, though the answers arrive in another order.
pub async fn returns_every_title_in_the_order_of_ids<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Titles,
{
    let server = lesson_support::testing::fresh_server().await;
    for (id, delay) in [(8, 250), (31, 0), (5, 120), (64, 40)] {
        let mut body = post(id);
        // Post 64's title is empty, and post 5 has a field more than the four (as
        // json-server's extras do): a title and a post all the same.
        if id == 64 {
            body["title"] = serde_json::json!("");
        }
        if id == 5 {
            body["views"] = serde_json::json!(3);
        }
        let answer = ResponseTemplate::new(200)
            .set_body_json(body)
            .set_delay(Duration::from_millis(delay));
        mount(&server, id, answer).await;
    }
    let base_url = format!("{}/api", server.uri());
    let client = tagged_client(&base_url);
    let ids = [8, 31, 31, 5, 64, 8];

    let result = EXERCISE.run(candidate(&client, &base_url, &ids)).await?;

    one_get_per_entry(&requests_of(&server).await, "/api", &ids)?;
    let expected: Vec<String> = ids
        .iter()
        .map(|&id| if id == 64 { String::new() } else { title(id) })
        .collect();
    match &result {
        Ok(titles) if *titles == expected => Ok(()),
        other => Err(EXERCISE.fail(&format!(
            "asked about ids {} (answers arriving in the order 31, 64, 5, 8; post 64's title \
             empty, post 31's with spaces around it, post 5 with a field `views` more), got {}; \
             expected Ok({expected:?}): one title per entry of `ids`, in the order of `ids`, as \
             the server sent it, empty or not, spaces and all, from any post that has the four \
             fields",
            list(&ids),
            describe(other)
        ))),
    }
}

/// One scenario of [`returns_the_first_failure_in_the_order_of_ids`]: the ids, the answers
/// that fail (every other id gets its post), the setting in words, the result expected.
type Scenario = (
    &'static [u64],
    Vec<(u64, ResponseTemplate)>,
    &'static str,
    &'static str,
);

/// The error of the first entry of `ids` that failed, whenever it failed.
pub async fn returns_the_first_failure_in_the_order_of_ids<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Titles,
{
    // (ids, what fails, expected): the first failure in `ids` fails last in time; then a 404
    // whose body is a post, after a success; then a 200 that is not a post, before a 404.
    let late_503 = ResponseTemplate::new(503)
        .set_body_json(post(50))
        .set_delay(Duration::from_millis(500));
    let quick_404 = ResponseTemplate::new(404).set_body_json(post(7));
    let html = ResponseTemplate::new(200).set_body_string("<html>maintenance</html>");
    let html_503 = ResponseTemplate::new(503).set_body_string("<html>busy</html>");
    let title_only = ResponseTemplate::new(200).set_body_json(serde_json::json!({"title": "t"}));
    let slow_503 = ResponseTemplate::new(503)
        .set_body_json(post(30))
        .set_delay(Duration::from_secs(1));
    let quick_503 = ResponseTemplate::new(503).set_body_json(post(44));
    // Any error status is a failure, whatever the body: a 403 and a 429 with posts as bodies.
    let forbidden = ResponseTemplate::new(403).set_body_json(post(5));
    let throttled = ResponseTemplate::new(429)
        .insert_header("retry-after", "1")
        .set_body_json(post(9));
    // Not Modified with no body, which reqwest hands back: no error status, and no post.
    let not_modified = ResponseTemplate::new(304);
    let zero_404 = ResponseTemplate::new(404).set_body_json(post(0));
    let scenarios: [Scenario; 10] = [
        (
            &[3, 50, 7, 12],
            vec![(50, late_503), (7, quick_404.clone())],
            "post 50 answering 503 after 500 ms and post 7 answering 404 at once",
            "Err(status 503)",
        ),
        (
            &[12, 7],
            vec![(7, quick_404.clone())],
            "post 7 answering 404 with a post as its body",
            "Err(status 404)",
        ),
        (
            &[19, 12, 7],
            vec![(19, html), (7, quick_404.clone())],
            "post 19 answering 200 with HTML, post 7 answering 404",
            "Err(no status)",
        ),
        (
            &[12, 44],
            vec![(44, html_503)],
            "post 44 answering 503 with HTML as its body",
            "Err(status 503)",
        ),
        (
            &[12, 7, 30, 44],
            vec![(7, quick_404.clone()), (30, slow_503), (44, quick_503)],
            "post 7 answering 404 at once, post 30 answering 503 a second later, post 44 \
             answering 503 at once",
            "Err(status 404)",
        ),
        (
            &[12, 5],
            vec![(5, forbidden)],
            "post 5 answering 403 with a post as its body",
            "Err(status 403)",
        ),
        (
            &[9, 12],
            vec![(9, throttled)],
            "post 9 answering 429 (`Retry-After: 1`) with a post as its body",
            "Err(status 429)",
        ),
        (
            &[12, 61],
            vec![(61, title_only)],
            "post 61 answering 200 with `{\"title\": \"t\"}`, a title and nothing else of a post",
            "Err(no status)",
        ),
        (
            &[12, 31],
            vec![(31, not_modified)],
            "post 31 answering 304 Not Modified with no body (no error status, and no post)",
            "Err(no status)",
        ),
        (
            &[0, 12],
            vec![(0, zero_404)],
            "post 0, an id like any other, answering 404",
            "Err(status 404)",
        ),
    ];
    for (ids, failing, setting, expected) in scenarios {
        let failing_ids: Vec<u64> = failing.iter().map(|(id, _)| *id).collect();
        let server = lesson_support::testing::fresh_server().await;
        for (id, template) in failing {
            mount(&server, id, template).await;
        }
        for &id in ids {
            mount(
                &server,
                id,
                ResponseTemplate::new(200).set_body_json(post(id)),
            )
            .await;
        }
        let base_url = format!("{}/api", server.uri());
        let client = tagged_client(&base_url);

        let result = EXERCISE.run(candidate(&client, &base_url, ids)).await?;
        settle(&server, ids.len()).await;

        one_get_per_entry(&requests_of(&server).await, "/api", ids)?;
        let got = describe(&result);
        if got != expected {
            let rule = if result.is_ok() {
                "a failed request makes the whole result an `Err`: an error status (whatever the \
                 body) or a body that is not a post, no success skipped over it"
            } else {
                "the `Err` is the first failure in the order of `ids`, whenever it happened: \
                 await the handles in that order and stop at the first `Err`"
            };
            return Err(EXERCISE.fail(&format!(
                "asked about ids {} ({setting}), got {got}; expected {expected}: {rule}",
                list(ids)
            )));
        }
        // An error status says which post it was about: the error is returned as it came.
        let status_error = result.as_ref().err().filter(|err| err.status().is_some());
        if let Some(err) = status_error {
            let first = ids.iter().find(|id| failing_ids.contains(id));
            let asked = first.map(|id| format!("{base_url}/posts/{id}"));
            let url = err.url().map(reqwest::Url::as_str);
            if url != asked.as_deref() {
                return Err(EXERCISE.fail(&format!(
                    "asked about ids {} ({setting}), got {got}, as expected, but the error's \
                     `url()` is {url:?}; expected {asked:?}: return the first failure's error \
                     as reqwest gave it, whole (its URL says which post failed)",
                    list(ids)
                )));
            }
        }
    }
    a_failure_without_an_answer_counts_in_its_place(candidate).await?;
    a_repeated_entry_is_judged_again(candidate).await
}

/// An id listed twice is fetched twice, and each answer counts: the second answer for post 12
/// is a 503, so the result is that `Err`, though the first answer was a post.
async fn a_repeated_entry_is_judged_again<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Titles,
{
    let server = lesson_support::testing::fresh_server().await;
    // The first request for post 12 gets the post, any later one a 503.
    Mock::given(method("GET"))
        .and(path("/api/posts/12"))
        .respond_with(ResponseTemplate::new(200).set_body_json(post(12)))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    mount(&server, 12, ResponseTemplate::new(503)).await;
    mount(
        &server,
        3,
        ResponseTemplate::new(200).set_body_json(post(3)),
    )
    .await;
    let base_url = format!("{}/api", server.uri());
    let client = tagged_client(&base_url);
    let ids = [12, 3, 12];

    let result = EXERCISE.run(candidate(&client, &base_url, &ids)).await?;
    settle(&server, ids.len()).await;

    one_get_per_entry(&requests_of(&server).await, "/api", &ids)?;
    let got = describe(&result);
    if got == "Err(status 503)" {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids {} (the server answering the first request for post 12 with the post, \
         the second with 503), got {got}; expected Err(status 503): an id listed twice is \
         fetched twice, and each of its answers counts like any other",
        list(&ids)
    )))
}

/// A connection closed without an answer is a failure like any other, in its place in `ids`:
/// before a 404 that comes later in the list, it is the one returned.
async fn a_failure_without_an_answer_counts_in_its_place<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Titles,
{
    let api = MockApi::builder()
        .fault(mock_server::Fault {
            select: mock_server::FaultSelect::Ids(vec![66]),
            effect: mock_server::FaultEffect::DropConnection,
        })
        .start()
        .await;
    let client = tagged_client(&api.uri());
    // The mock has posts 1 to 100: post 101 is a 404.
    let ids = [5, 66, 101];
    let result = EXERCISE.run(candidate(&client, &api.uri(), &ids)).await?;
    let got = describe(&result);
    if got != "Err(no status)" {
        return Err(EXERCISE.fail(&format!(
            "asked about ids [5, 66, 101] (the server closing the connection for 66 without an \
             answer, and answering 404 for 101), got {got}; expected Err(no status), 66's \
             failure: the first failure in the order of `ids`, whatever kind of failure it is"
        )));
    }
    // The other way round: a failed connection that comes first in time, but second in `ids`.
    let server = lesson_support::testing::fresh_server().await;
    mount(
        &server,
        50,
        ResponseTemplate::new(503)
            .set_body_json(post(50))
            .set_delay(Duration::from_millis(200)),
    )
    .await;
    Mock::given(path("/api/posts/66"))
        .respond_with_err(|_: &wiremock::Request| {
            std::io::Error::other("the check's server closes this connection on purpose")
        })
        .mount(&server)
        .await;
    let base_url = format!("{}/api", server.uri());
    let client = tagged_client(&base_url);
    let result = EXERCISE
        .run(candidate(&client, &base_url, &[50, 66]))
        .await?;
    let got = describe(&result);
    if got == "Err(status 503)" {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids [50, 66] (post 50 answering 503 after 200 ms, the server closing the \
         connection for 66 at once), got {got}; expected Err(status 503), 50's failure: the \
         first failure in the order of `ids`, whenever it happened and whatever kind of failure \
         came sooner"
    )))
}

/// No timeout of one's own: against a server that does not answer, the function ends when the
/// client gives up (its own timeout, 37 s, not the course's usual 30 s), with that timeout as its error. On tokio's paused
/// clock, which jumps to the next timer whenever nothing is left to do.
pub async fn waits_as_long_as_the_client_does<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Titles,
{
    let (_server, client, base_url) = a_server_that_takes_a_day()
        .await
        .map_err(|problem| EXERCISE.fail(&problem))?;
    let client_timeout = crate::warm_ups::CLIENT_TIMEOUT;

    tokio::time::pause();
    let started = tokio::time::Instant::now();
    let outcome = within_real_time(
        crate::warm_ups::REAL_TIME_BOUND,
        EXERCISE.run(tokio::time::timeout(
            client_timeout * 4,
            candidate(&client, &base_url, &[4, 9]),
        )),
    )
    .await;
    let elapsed = started.elapsed();
    tokio::time::resume();
    let Some(outcome) = outcome else {
        return Err(EXERCISE.fail(&format!(
            "asked about ids [4, 9] on a server that takes a day to answer, on tokio's paused \
             clock, the function had not returned after {} s of real time: the clock stood \
             still, though it jumps ahead whenever every task waits for a timer. Each request \
             runs in a task of `tokio::spawn` and waits with `.await`: tokio holds a paused \
             clock still while a `spawn_blocking` task runs, and a `block_on` in one waits \
             for ever",
            crate::warm_ups::REAL_TIME_BOUND.as_secs()
        )));
    };

    let setting = format!(
        "asked about ids [4, 9] on a server that takes a day to answer, with a client that gives \
         up after {} s (its own timeout; the check ran on tokio's paused clock, so it took no real \
         time)",
        client_timeout.as_secs()
    );
    match outcome? {
        Err(_) => Err(EXERCISE.fail(&format!(
            "{setting}, the function had not returned {} s later: each request ends when the \
             client gives up on it",
            (client_timeout * 4).as_secs()
        ))),
        Ok(result) if elapsed < client_timeout => Err(EXERCISE.fail(&format!(
            "{setting}, the function returned {} after {:.1} s: no timeout of your own, the \
             client's settings say how long to wait",
            describe(&result),
            elapsed.as_secs_f64()
        ))),
        Ok(result) if elapsed > client_timeout + Duration::from_secs(1) => Err(EXERCISE.fail(&format!(
            "{setting}, the function returned {} after {:.1} s, later than the client gives up: \
             no timeout of your own, longer or shorter (a request's own `.timeout(…)` replaces \
             the client's)",
            describe(&result),
            elapsed.as_secs_f64()
        ))),
        Ok(Err(err)) if err.is_timeout() => Ok(()),
        Ok(other) => Err(EXERCISE.fail(&format!(
            "{setting}, the function returned {}; expected the client's timeout, the first \
             entry's failure",
            describe(&other)
        ))),
    }
}

/// The requests run in tasks of their own, which make progress by themselves: once the function
/// has been polled once (its tasks spawned), the check stops polling it for 700 ms, and the
/// server must still see all three requests answered to the end (bodies 300 ms after their
/// heads). Futures run by `join_all` inside the function, with no task, move only while it is
/// polled.
pub async fn the_tasks_run_on_their_own<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Titles,
{
    // One id too: a list of one is no reason to skip the task.
    tasks_run_on_their_own(candidate, &[3, 8, 13]).await?;
    tasks_run_on_their_own(candidate, &[21]).await
}

/// [`the_tasks_run_on_their_own`], for one list of ids.
async fn tasks_run_on_their_own<F>(candidate: &F, ids: &[u64]) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Titles,
{
    use lesson_support::testing::{SlowAnswer, SlowBodyServer};
    let server = SlowBodyServer::start(|_, path| {
        let id: u64 = path
            .rsplit('/')
            .next()
            .and_then(|id| id.parse().ok())
            .unwrap_or(0);
        SlowAnswer::json(200, &post(id)).body_after(Duration::from_millis(300))
    })
    .await;
    // A client that gives up 1 s after a request is sent, body included: a body read only once
    // the caller comes back, 1.2 s later, is read too late.
    let client = lesson_support::testing::tagged_client_builder(&server.uri())
        .timeout(TASK_CLIENT_TIMEOUT)
        .build()
        .map_err(|err| format!("the check could not build its client: {err}"))?;
    let url = server.uri();
    let mut call = std::pin::pin!(candidate(&client, &url, ids));
    let tasks = tokio::runtime::Handle::current().metrics();
    let tasks_before = tasks.num_alive_tasks();
    // One poll: the function starts, and spawns its tasks.
    let first = EXERCISE
        .run(async { futures::poll!(call.as_mut()) })
        .await?;
    // Counted before any task has had a chance to run (and to end).
    let started = tasks.num_alive_tasks().saturating_sub(tasks_before);
    if let std::task::Poll::Ready(result) = first {
        return Err(EXERCISE.fail(&format!(
            "asked about ids {}, whose bodies follow their heads 300 ms later, your function \
             returned {} at once: wait for every task",
            list(ids),
            describe(&result)
        )));
    }
    tokio::time::sleep(LEFT_ALONE).await;
    let arrivals = server.arrivals();
    let complete = arrivals.iter().filter(|a| a.complete).count();
    if complete < ids.len() {
        return Err(EXERCISE.fail(&format!(
            "asked about ids {}, whose bodies follow their heads 300 ms later, your function was \
             polled once and then left alone for 1200 ms; by then the server had received {} \
             request(s) and answered {complete} to the end: each request runs in a task of its \
             own (`tokio::spawn`), which makes progress by itself, not only while the caller \
             awaits",
            list(ids),
            arrivals.len()
        )));
    }
    if started < ids.len() {
        return Err(EXERCISE.fail(&format!(
            "asked about ids {}, your function, polled once, had started {started} task(s) on \
             the runtime: one task per entry of `ids`, each started with `tokio::spawn` (not a \
             task per batch of ids)",
            list(ids)
        )));
    }
    let result = EXERCISE.run(call).await?;
    let titles: Vec<String> = ids.iter().map(|&id| title(id)).collect();
    match &result {
        Ok(got) if *got == titles => Ok(()),
        other => Err(EXERCISE.fail(&format!(
            "asked about ids {}, whose bodies follow their heads 300 ms later, with a client that \
             gives up 1 s after each request is sent (body included), your function was polled \
             once, left alone for 1200 ms, then awaited, and returned {}; expected \
             Ok({titles:?}): each task does its whole request by itself, the body and its title \
             included, not only the `send()`, so that it is done while the caller is away",
            list(ids),
            describe(other)
        ))),
    }
}

/// The client timeout of [`tasks_run_on_their_own`]: the bodies come 300 ms after the heads,
/// well within it, and the caller is away for longer ([`LEFT_ALONE`]).
const TASK_CLIENT_TIMEOUT: Duration = Duration::from_millis(1000);

/// How long [`tasks_run_on_their_own`] leaves the function alone after its first poll.
const LEFT_ALONE: Duration = Duration::from_millis(1200);

/// A failed connection is the result at once: no wait before trying again, no retry. Where
/// nothing listens, on tokio's paused clock held still by the check (so no timer of the
/// function's own ever fires), the function must still return, with an `Err`.
pub async fn a_failed_connection_is_returned_at_once<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Titles,
{
    const HELD_FOR: Duration = Duration::from_secs(2);
    let base_url = lesson_support::testing::unused_local_url();
    let client = tagged_client(&base_url);
    let (result, moved) = held_still(
        HELD_FOR,
        EXERCISE.run(candidate(&client, &base_url, &[4, 9])),
    )
    .await;
    match result {
        Some(Ok(Err(err))) if err.status().is_none() => {
            a_refused_connection_is_tried_once(candidate).await?;
            a_long_list_is_no_panic(candidate).await
        }
        Some(Ok(result)) => Err(EXERCISE.fail(&format!(
            "asked about ids [4, 9] at an address where nothing listens (no connection can be \
             made), got {}; expected Err(no status): a failed connection is an `Err`",
            describe(&result)
        ))),
        Some(Err(message)) => Err(message),
        None => Err(EXERCISE.fail(&format!(
            "asked about ids [4, 9] at an address where nothing listens, on tokio's paused \
             clock held still by the check (it moved {} ms), the function had not returned \
             after {} s of real time: a refused connection needs no timer to be reported, so \
             return its error at once, with no wait and no retry",
            moved.as_millis(),
            HELD_FOR.as_secs()
        ))),
    }
}

/// A refused connection is not tried again: one entry, at an address where nothing listens,
/// is one connection attempt. No server can count a second one, so the client counts them.
async fn a_refused_connection_is_tried_once<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Titles,
{
    let base_url = format!("{}/api", lesson_support::testing::refused_localhost_url());
    let (client, attempts) = lesson_support::testing::counting_client(&base_url);
    let result = EXERCISE.run(candidate(&client, &base_url, &[27])).await?;
    if attempts.get() > 1 || !result.as_ref().is_err_and(|err| err.status().is_none()) {
        return Err(EXERCISE.fail(&format!(
            "asked about ids [27] at an address where nothing listens, the client tried to \
             connect {} and the function returned {}; expected one attempt and Err(no status): \
             no retry, a refused connection is that entry's error as it is",
            count_of_times(attempts.get()),
            describe(&result)
        )));
    }
    Ok(())
}

/// However many ids, no panic: 613 of them, on a base URL that is not a URL (no request can
/// be built, so no connection is opened), give the first entry's error.
async fn a_long_list_is_no_panic<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Titles,
{
    let ids: Vec<u64> = (1..=613).collect();
    let client = tagged_client("http://127.0.0.1");
    let result = EXERCISE
        .run(candidate(&client, "not a url", &ids))
        .await
        .map_err(|message| {
            message.replacen(
                "your code panicked",
                "asked about 613 ids with the base URL `not a url`, your code panicked",
                1,
            )
        })?;
    match &result {
        Err(err) if err.status().is_none() => Ok(()),
        other => Err(EXERCISE.fail(&format!(
            "asked about 613 ids with the base URL `not a url`, got {}; expected Err(no \
             status), the first entry's error: no request can be built",
            describe(other)
        ))),
    }
}

/// Every call asks the server, and takes the post it is sent, whatever its id: two calls with
/// one client, post 4's title changed between them, `/posts/41` answering post 14.
pub async fn asks_again_on_every_call<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Titles,
{
    use crate::warm_ups::serve_titled;
    let server = lesson_support::testing::fresh_server().await;
    serve_titled(&server, 4, 4, "first title of 4").await;
    serve_titled(&server, 41, 14, "title of 14").await;
    let base_url = format!("{}/api", server.uri());
    let client = tagged_client(&base_url);
    let first = EXERCISE
        .run(candidate(&client, &base_url, &[4, 41]))
        .await?;
    one_get_per_entry(&requests_of(&server).await, "/api", &[4, 41])?;
    if describe(&first) != describe(&Ok(vec!["first title of 4".into(), "title of 14".into()])) {
        return Err(EXERCISE.fail(&format!(
            "asked about ids [4, 41], where /posts/41 answers post 14 (a post all the same), \
             got {}; expected Ok([\"first title of 4\", \"title of 14\"]): each title is the \
             title of the post its own request was sent, whatever its id, with no request sent \
             again",
            describe(&first)
        )));
    }
    // Post 4 gets a new title; the server forgets what it received.
    server.reset().await;
    serve_titled(&server, 4, 4, "second title of 4").await;
    serve_titled(&server, 41, 14, "title of 14").await;
    let second = EXERCISE
        .run(candidate(&client, &base_url, &[41, 4]))
        .await?;
    let requests = requests_of(&server).await;
    let expected = Ok(vec!["title of 14".into(), "second title of 4".into()]);
    if requests.len() == 2 && describe(&second) == describe(&expected) {
        return one_get_per_entry(&requests, "/api", &[41, 4]);
    }
    Err(EXERCISE.fail(&format!(
        "called twice with the same client and base URL, first with ids [4, 41], then, post \
         4's title changed to \"second title of 4\" in between, with ids [41, 4]: the second \
         call sent {} request(s) and returned {}; expected one GET per entry and {}: every \
         call asks the server, no title is remembered from an earlier call",
        requests.len(),
        describe(&second),
        describe(&expected)
    )))
}

/// A base URL that is no URL (its scheme left out, `lesson_support::testing::NotAUrl`) is an
/// `Err`, the one `send()` gives: no panic on the way to building the URL.
pub async fn a_base_url_that_is_no_url_is_an_err<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Titles,
{
    let not_a_url = lesson_support::testing::NotAUrl::start().await;
    let no_url = not_a_url.base();
    let client = tagged_client("http://127.0.0.1");
    let result = EXERCISE.run(candidate(&client, no_url, &[3, 8])).await?;
    if let Some(rule) = not_a_url.reached().await {
        return Err(EXERCISE.fail(&rule));
    }
    if result.is_err() {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids [3, 8] with the base URL {no_url:?}, which is no URL (no scheme), \
         the function returned {}: a base URL that is no URL makes the requests fail, and \
         the first entry's failure is the result",
        describe(&result)
    )))
}
