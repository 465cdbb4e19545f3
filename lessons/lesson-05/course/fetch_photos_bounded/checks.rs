//! The checks of exercise 10 (`fetch_photos_bounded`): each one a rule of the contract, each
//! failure a message that says what the server saw and which rule that breaks.
//!
//! How many requests were in flight is measured on the server's side, from when each request
//! arrived and how long its answer took (and, against `SlowBodyServer`, until the last byte of
//! its body was written), so no amount of client-side bookkeeping can fool it.
//!
//! # Rule table
//!
//! | # | Contract clause | Check | Inputs that make near-misses fail |
//! |---|-----------------|-------|-----------------------------------|
//! | 1 | no ids: no results, no requests | `returns_nothing_for_no_ids` | `ids` empty, a hang caught within 2 s |
//! | 2 | every request through `client` | `sends_every_request_through_the_given_client` | a client that tags its requests: `Client::new()` per request, `reqwest::get` send none |
//! | 3 | one GET `{base_url}/photos/{id}`, the base URL's path kept | `returns_one_result_per_entry_in_the_order_of_ids`, `agrees_with_the_reference_on_seeded_scenarios` | base URLs ending in `/api/v2` (and other paths), no trailing slash: `Url::join("/photos/…")` drops the whole path, `Url::join("photos/…")` its last segment; the message names the trap the path shows |
//! | 3b | one GET per entry of `ids` on every call: nothing kept from one call to the next | `asks_the_server_again_on_every_call` | the same client, server and ids (5 entries, 9 twice, under `/api/v5`) asked twice: the requests of each call counted per path on the server's side; a process-wide cache keyed by URL (a `static`, the `lru_cache` habit) sends nothing the second time |
//! | 4 | a repeated id is fetched again and has its own result | `returns_one_result_per_entry_in_the_order_of_ids` | 13 entries, ids 4 and 9 twice: a `HashMap` by id or a dedup loses one |
//! | 5b | no pause before a request, none after a failure, no resend | `starts_each_request_with_no_timer` | 7 ids (3 repeated), `limit` 3, on tokio's paused clock held still: a sleep before a request (jitter, pacing) never ends; then 4 entries at `localhost` where nothing listens, through a client that counts its connection attempts: a back-off after a refused connection never ends, a retry is counted |
//! | 4a | requests start in the order of `ids`, as the code hands them out | `starts_the_requests_in_the_order_of_ids` | ids `[9, 2, 14, 2, 31, 7, 50, 1, 23]`, `limit` 1: the order the server saw them in; a shuffled, sorted or grouped start fails (on a one-thread runtime: see below the table) |
//! | 4b | each entry of a repeated id holds its own request's result, in its own place | `keeps_a_repeated_ids_results_in_their_own_places` | ids [64, 5, 64], `limit` 2: the server answers the first GET of photo 64 after 300 ms with 503 and the second at once with 200, so the second's answer lands first: results queued per id in the order they arrived (a `HashMap` of queues walked by `ids`) swap the two entries |
//! | 5 | one entry per id, in the order of `ids` | `returns_one_result_per_entry_in_the_order_of_ids`, `reports_each_failure_in_its_place` | unsorted ids, per-id delays so answers finish in another order: finishing order and sorting by id both fail; errors too: an `Err` whose URL is another id's, in this id's place (errors put back in finishing order), fails |
//! | 6 | `Ok(photo)`: the photo asked for | `returns_one_result_per_entry_in_the_order_of_ids` | every photo's title compared |
//! | 7 | nothing blocks the thread, not even briefly | `returns_one_result_per_entry_in_the_order_of_ids`, `never_blocks_the_thread` | the shared `Heartbeat` adds up pauses of 30 ms or more: a `std::thread::sleep` of 200 ms per request stalls the order check's 13 requests for 2.6 s; 59 requests started at once (`limit` 64) from a server that answers at once turn 10 ms per request into 590 ms, of a run the right answer does in a few ms. There the time the thread waited for a processor (Linux's run delay) is taken off the stalls, so a busy machine adds nothing; fails at 300 ms and half the rest of the run, in two calls in a row |
//! | 8 | an error status of any class is an `Err` carrying it | `reports_each_failure_in_its_place` | a 503 whose body breaks off a few bytes in (reading the body first loses the status); 400, 403, 404, 410, 429, 500, 502, 503, each with a body shaped like a photo: ignoring the status, or checking only 404 or only 4xx, gives `Ok` |
//! | 9 | a body that is not a photo, a failed connection: `Err` | `reports_each_failure_in_its_place` | a 200 with an HTML body, a dropped connection |
//! | 9b | a slow answer is still a photo: no timeout of one's own (the list of failures has none) | `a_slow_request_holds_up_no_other_slot` | photo 3 sends its body whole after 800 ms: a deadline per request (`RequestBuilder::timeout(500 ms)`, "cut slow ones off") makes it an `Err`; every result of both runs compared, in its place (the 429 and 503 as errors carrying them) |
//! | 9c | … however slow: the client's timeout is the only one | `waits_as_long_as_the_client_does` | on tokio's paused clock, photos 4 and 9 answered after a day, a client that gives up after 97 s (not the course's 30 s, and past a minute): both entries `Err` (a timeout) at 97 s; a deadline of one's own for the batch (the lesson's 60 s) or per request, longer or shorter, returns at another time, or with entries missing |
//! | 10 | one failure loses no other photo; a failed request is not sent again | `reports_each_failure_in_its_place` | the first entry fails, successes between failures; requests per path counted |
//! | 11 | at most `limit` in flight | `keeps_exactly_limit_requests_in_flight`, `a_slow_request_holds_up_no_other_slot`, `agrees_with_the_reference_on_seeded_scenarios` | the server's peak for limits 1, 3, 7 with 2, 5 and 11 ids (not multiples): `join_all`, a semaphore per request, a permit dropped at once or taken after sending, a window of `limit + 1` |
//! | 11b | in flight until the end of the answer is read, not only its head | `holds_its_slot_until_the_body_is_read` | `SlowBodyServer` sends each head at once and the body 200 ms later, and counts the answers open from arrival to the last body byte: a permit held only around `send()` (the `async with sem:` habit) lets all 5 open with `limit` 3 |
//! | 12 | no fewer than `limit` while ids wait | `keeps_exactly_limit_requests_in_flight`, `agrees_with_the_reference_on_seeded_scenarios` | the same peaks must reach the limit: one at a time, `limit - 1`, a cap of 3 |
//! | 13 | a `limit` above the number of ids starts them all | `keeps_exactly_limit_requests_in_flight` | limit 13 with 11 ids: peak 11, so a cap of 10 fails too |
//! | 5b | an entry's result is the photo that arrived, whatever its `id`; no request sent again | `keeps_the_photo_that_came_whatever_its_id` (last) | photo 8 sent for `/api/photos/7`: asking again when the ids differ shows as a second request |
//! | 13b | however large the `limit`, never a panic, and nothing else caps it | `takes_any_limit_however_large` | `limit` `usize::MAX` with 117 entries (16 repeated) under `/api`, answers held until all 117 are in: an unclamped `Semaphore::new(limit)` panics above `MAX_PERMITS`, `limit + 1` overflows, a cap of 100 (aiohttp's connector default) or 64 peaks below 117; then limits `usize::MAX - 1` and `1 << 62` with ids [3, 1, 3] (special-casing only `usize::MAX` panics) |
//! | 14 | a new request starts as soon as any one finishes, whatever the answers are | `a_slow_request_holds_up_no_other_slot` | two runs on `SlowBodyServer`s, which note when each answer's last byte really left, 11 ids, limit 3: one photo (the second) takes 800 ms, the others 60 ms (`chunks` + `join_all`, `buffered` leave a slot idle ~740 ms); the second and third answer 429 and 503 at once while the first takes 500 ms (a back-off awaited in the loop that drains `buffer_unordered` leaves slots idle 250 ms and more; a window that shrinks after a 429, AIMD-style, leaves them idle until the first photo is in). Any slot left idle for 200 ms while ids wait fails; the 429 and the 503 each carry `Retry-After: 1` (waiting it out before the next request fails) |
//! | 15 | `limit` 0 is taken as 1 | `takes_a_limit_of_zero_as_one` | a timeout (`buffer_unordered(0)` hangs), the peak (0 as "no limit" sends 3 at once), every photo |
//! | 16 | never a panic, never a hang | every check: the call runs under `Exercise::run` and a timeout | |
//! | 17 | all of it, on inputs no one chose by hand | `agrees_with_the_reference_on_seeded_scenarios` | seeded ids (repeats, a missing one), limits, failing ids and base paths; results, requests per path and peak compared with the reference solution |
//! | 18 | a request waiting for a slot has not started: its timeout neither | `a_request_waiting_for_a_slot_is_not_started` (last) | 9 ids, `limit` 2, every photo after 300 ms, a client that gives up 1 s after `send()`: every photo arrives; `send()` called for every id up front (reqwest starts the timeout then) times out the ids at the back |
//! | 19 | a `base_url` that is no URL is each entry's `Err`, no panic | `a_base_url_that_is_no_url_is_an_err_per_entry` | `127.0.0.1:{port}`, its scheme left out, a server listening there, ids [3, 8, 5], `limit` 2: `Url::parse(base_url).expect(..)` panics; `http://` put in front reaches the server |
//!
//! Rule 4a is judged on the checks' one-thread runtime, where spawned tasks start in the order
//! spawned. The contract leaves the order of tasks spawned together to the runtime: on several
//! threads the task a worker spawned last runs first, from its LIFO slot, so even a `JoinSet`
//! window starts its first `limit` out of order there. So one task per id spawned up front,
//! each taking a permit of a shared `Semaphore` inside itself (the `async with sem:` shape, red
//! team round 47's `semaphore_inside_spawned_tasks`, which starts out of order on several
//! threads), is correct by the contract, as `also_correct/spawn_all_acquire_inside.rs`; the
//! chapter tells its costs (idle tasks, the scheduler's order).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use lesson_support::models::Photo;
use lesson_support::testing::count_of_times;
use lesson_support::testing::{
    Exercise, Heartbeat, RawAnswerServer, SlowAnswer, SlowBodyServer, Verdict, cut_short,
    held_still, is_tagged, tagged_client, tagged_client_builder, within_real_time,
};
use mock_server::{Fault, FaultEffect, FaultSelect, Latency, MockApi, SeededRng};
use reqwest::Client;
use wiremock::matchers::any;
use wiremock::{Match, Mock, MockServer, Request, Respond, ResponseTemplate};

/// The reference solution, for the differential check.
#[path = "solution.rs"]
mod reference;

pub const EXERCISE: Exercise = Exercise {
    number: 10,
    file: "lessons/lesson-05/src/exercises/fetch_photos_bounded.rs",
};

lesson_support::exercise_checks! {
    candidate: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>;
    returns_nothing_for_no_ids,
    sends_every_request_through_the_given_client,
    returns_one_result_per_entry_in_the_order_of_ids,
    never_blocks_the_thread,
    reports_each_failure_in_its_place,
    asks_the_server_again_on_every_call,
    keeps_exactly_limit_requests_in_flight,
    holds_its_slot_until_the_body_is_read,
    takes_a_limit_of_zero_as_one,
    takes_any_limit_however_large,
    a_slow_request_holds_up_no_other_slot,
    agrees_with_the_reference_on_seeded_scenarios,
    starts_each_request_with_no_timer,
    starts_the_requests_in_the_order_of_ids,
    keeps_a_repeated_ids_results_in_their_own_places,
    waits_as_long_as_the_client_does,
    a_request_waiting_for_a_slot_is_not_started,
    keeps_the_photo_that_came_whatever_its_id,
    a_base_url_that_is_no_url_is_an_err_per_entry,
}

/// Every answer's delay in the bound check: long enough that a busy machine, which can stall a
/// thread for 100 ms or more, cannot make requests sent together look like requests sent one
/// by one.
const LATENCY: Duration = Duration::from_millis(250);

/// How long any call may take before the check calls it a hang: many times what the right
/// answer needs in any check.
const PATIENCE: Duration = Duration::from_secs(10);

/// How long a candidate may take with `limit` 0 before the check calls it a hang: ten times what
/// the right answer needs (3 requests of 50 ms, one after another).
const PATIENCE_AT_ZERO: Duration = Duration::from_millis(1500);

/// How long the test's thread may stand still in all, in pauses of 30 ms or more (and for half
/// the run, see `Heartbeat::blocked_for`), before the order check calls it blocked: a busy
/// machine's scheduler can cause a pause of 100 ms or so now and then, while a blocking pause
/// of 200 ms per request, in the 13 requests of the check, stalls it for 2.6 s. (The right
/// answer's whole run takes about 400 ms.)
const BLOCKED: Duration = Duration::from_millis(1000);

/// How many photos the blocking check asks for, all at once, from a server that answers at
/// once: a blocking pause of 10 ms per request adds up to 590 ms, nearly all of the run, while
/// the right answer starts them all in a few milliseconds.
const MANY: u64 = 59;

/// How long the thread may stand still in all (not counting the time it waited for a
/// processor), and for half the rest of the run, in one call of the blocking check. Measured on
/// a 2-core machine kept busy by a dozen spinning loops and other builds: in 140 calls of the
/// right answer and the kept correct variants, the thread stood still for up to 400 ms, but
/// waited for a processor for nearly all of it, leaving at most 36 ms; 10 ms of
/// `std::thread::sleep` per request left 577 ms and more. Without the run delay (outside Linux)
/// a busy machine can come near, so a call that looks blocked is made again, and only two in a
/// row fail.
const BLOCKED_MANY: Duration = Duration::from_millis(300);

/// How long a slot may stay empty while ids wait, in the check that a slow or failed request
/// holds up no other slot: far above the few milliseconds the right answer takes to fill one,
/// even on a busy machine (the server notes when each answer's last byte really left), and
/// below the 740 ms a slot stays idle while the slow photo is waited for, or the 250 ms and
/// more of a pause after a 429.
const SLACK: Duration = Duration::from_millis(200);

/// How long after its head each answer's body comes in the check that a request holds its slot
/// until its body is read.
const BODY_AFTER: Duration = Duration::from_millis(200);

/// No ids, no requests, no results, and no panic.
pub async fn returns_nothing_for_no_ids<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    let api = MockApi::start().await;
    let client = tagged_client(&api.uri());

    // With nothing to fetch, the right answer returns at once: a hang shows within 2 s.
    let results = call_within(
        Duration::from_secs(2),
        "with no ids",
        candidate(&client, &api.uri(), &[], 4),
    )
    .await?;

    let sent = api.arrivals().len();
    if results.is_empty() && sent == 0 {
        Ok(())
    } else {
        Err(EXERCISE.fail(&format!(
            "with no ids, got {} and the server received {}: no ids, no requests, an empty \
             list",
            plural(results.len(), "result"),
            plural(sent, "request")
        )))
    }
}

/// Every request goes through the client given as an argument.
pub async fn sends_every_request_through_the_given_client<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    let api = MockApi::start().await;
    let client = tagged_client(&api.uri());
    let ids = [12, 5, 31, 8, 20];

    call(
        "asked for 5 photos",
        candidate(&client, &api.uri(), &ids, 2),
    )
    .await?;

    let arrivals = api.arrivals();
    let strangers = arrivals.iter().filter(|a| !is_tagged(&a.headers)).count();
    if arrivals.is_empty() || strangers > 0 {
        return Err(EXERCISE.fail(&format!(
            "{strangers} of the {} requests the server received did not come from the \
             `client` you were given: send every request through it (or a clone of it), not \
             a new `Client` or `reqwest::get`, which start a new connection pool each time",
            arrivals.len()
        )));
    }
    Ok(())
}

/// Every call asks the server again: one GET per entry of `ids` on the second call for the same
/// photos as on the first. Nothing is kept from one call to the next.
pub async fn asks_the_server_again_on_every_call<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    let api = MockApi::builder().base_path("/api/v5").start().await;
    let client = tagged_client(&api.uri());
    let ids = [26, 9, 40, 9, 3];
    // Above the number of ids: this check is about calls, not the bound (and a learner's pacing
    // of `limit` requests a second should cost little here).
    let limit = 8;
    let expected = expected_counts("/api/v5", &ids);
    let mut before = 0;
    let mut sent = Vec::new();
    for call_number in ["first", "second"] {
        let asked = format!("called a {call_number} time for ids {ids:?} with `limit` {limit}");
        let results = call(&asked, candidate(&client, &api.uri(), &ids, limit)).await?;
        let arrivals = api.arrivals();
        let counts = path_counts(arrivals[before..].iter().map(|a| a.path.as_str()));
        sent.push(arrivals.len() - before);
        before = arrivals.len();
        let photos = results
            .iter()
            .zip(&ids)
            .filter(|(result, id)| result.as_ref().is_ok_and(|photo| photo.id == **id))
            .count();
        if counts == expected && results.len() == ids.len() && photos == ids.len() {
            continue;
        }
        let (path, want) = expected
            .iter()
            .find(|(path, want)| counts.get(*path) != Some(want))
            .map_or((String::new(), 0), |(path, want)| (path.clone(), *want));
        let missed = if path.is_empty() {
            String::new()
        } else {
            format!(
                " (GET {path} {}, for {} of `ids`)",
                count_of_times(counts.get(&path).copied().unwrap_or(0)),
                if want == 1 {
                    "1 entry".to_owned()
                } else {
                    format!("{want} entries")
                }
            )
        };
        let history = if sent.len() == 2 {
            format!(
                "the server received {} for the first call and {} for the second",
                plural(sent[0], "request"),
                plural(sent[1], "request")
            )
        } else {
            format!("the server received {}", plural(sent[0], "request"))
        };
        // A request for no entry's URL (a query added, say) is named; the advice about calls
        // is for a second call only.
        let stray = counts
            .keys()
            .find(|sent_path| !expected.contains_key(*sent_path))
            .map_or_else(String::new, |stray| {
                format!(" and GET {stray}, which is no entry's URL")
            });
        let advice = if sent.len() == 2 {
            "Keep nothing from one call to the next (no cache in a `static`): each call asks the \
             server, which may have changed or deleted a photo since"
        } else {
            "Ask each entry's URL exactly, an id listed twice asked twice, nothing added to it"
        };
        return Err(EXERCISE.fail(&format!(
            "one GET `{{base_url}}/photos/{{id}}` per entry of `ids`, every call: {asked} \
             (5 entries) on the same server, {history}{missed}{stray}, and {photos} of your {} \
             were the photos asked for. {advice}",
            plural(results.len(), "result")
        )));
    }
    Ok(())
}

/// One result per entry of `ids`, repeats included, in the order of `ids` even when the answers
/// arrive in another order; one request per entry, under the base URL's path; the thread never
/// blocked.
pub async fn returns_one_result_per_entry_in_the_order_of_ids<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    // Ids unsorted, 4 and 9 twice, and delays that make the answers finish in another order.
    let ids = [9, 4, 12, 4, 1, 7, 15, 3, 9, 6, 11, 2, 8];
    let delay = |id: u64| {
        ms(match id {
            9 => 180,
            15 => 170,
            4 => 150,
            12 => 120,
            2 => 110,
            6 => 90,
            1 => 60,
            8 => 50,
            3 => 40,
            7 => 30,
            _ => 20,
        })
    };
    let answers: Vec<(u64, Answer)> = ids
        .iter()
        .map(|&id| (id, Answer::Photo(delay(id))))
        .collect();
    let server = PhotoServer::start("/api/v2", &answers).await;
    let client = tagged_client(&server.uri());
    let limit = 4;

    let heartbeat = Heartbeat::start();
    let results = call(
        "asked for 13 entries with `limit` 4",
        candidate(&client, &server.uri(), &ids, limit),
    )
    .await?;

    // Blocked: stood still for long, and for most of the run (a busy machine may slow the whole
    // run down, but leaves the thread running most of the time).
    if let Some(stalled) = heartbeat.blocked_for(BLOCKED) {
        return Err(EXERCISE.fail(&format!(
            "while your function ran, the thread it runs on stood still for {} ms in all (up \
             to {} ms at once): nothing may block the thread (no `std::thread::sleep`, no \
             `reqwest::blocking`, no `block_on`). While it is blocked no request in flight \
             makes progress; to wait, `.await` (`tokio::time::sleep(…).await`)",
            stalled.as_millis(),
            heartbeat.longest_gap().as_millis()
        )));
    }
    drop(heartbeat);
    let seen = server.seen();
    if seen.is_empty() {
        return Err(EXERCISE.fail(
            "no request reached the server at `base_url`: build each URL from `base_url` \
             (format!(\"{base_url}/photos/{id}\")) instead of a fixed address",
        ));
    }
    let outside: Vec<&str> = seen
        .iter()
        .map(|s| s.path.as_str())
        .filter(|path| !path.starts_with("/api/v2/photos/"))
        .collect();
    if let Some(path) = outside.first() {
        // Name the `Url::join` trap only when the path shows it.
        let trap = if path.starts_with("/photos/") {
            " (`Url::join` with a path that starts with `/`, `join(\"/photos/7\")`, replaces \
             the base URL's whole path.)"
        } else if path.starts_with("/api/photos/") {
            " (`Url::join` with a relative path, `join(\"photos/7\")`, replaces the last \
             segment of a base URL that does not end in `/`: here v2.)"
        } else {
            ""
        };
        return Err(EXERCISE.fail(&format!(
            "asked with a base URL ending in /api/v2, {} requests went outside it, such as \
             GET {path}: the URL is `base_url` followed by /photos/{{id}} \
             (format!(\"{{base_url}}/photos/{{id}}\")), the base URL's path kept.{trap}",
            outside.len()
        )));
    }
    let expected = expected_counts("/api/v2", &ids);
    if let Some(message) = compare_counts(&expected, &server.counts(), &ids) {
        return Err(EXERCISE.fail(&message));
    }
    if results.len() != ids.len() {
        return Err(EXERCISE.fail(&format!(
            "asked for the 13 entries of {ids:?} (4 and 9 twice), got {}: one result per \
             entry of `ids`, a repeated id included, in the order of `ids`",
            plural(results.len(), "result")
        )));
    }
    if let Some((position, err)) = results
        .iter()
        .enumerate()
        .find_map(|(position, result)| result.as_ref().err().map(|err| (position, err)))
    {
        return Err(EXERCISE.fail(&format!(
            "the server answered every photo with 200, yet entry {position} (photo {}) is an \
             error: {err}",
            ids[position]
        )));
    }
    let got: Vec<u64> = results
        .iter()
        .filter_map(|result| result.as_ref().ok().map(|photo| photo.id))
        .collect();
    if got != ids {
        let finishing = server.finishing_order();
        let mut sorted = ids.to_vec();
        sorted.sort_unstable();
        let how = if got == finishing {
            " That is the order the answers finished in on the server.".to_owned()
        } else if got == sorted {
            " That is `ids` sorted, but `ids` was not sorted.".to_owned()
        } else {
            String::new()
        };
        return Err(EXERCISE.fail(&format!(
            "for ids {ids:?} the results held photos {got:?}.{how} Return them in the order \
             of `ids`: `buffer_unordered` yields them as they finish, so carry each entry's \
             position along (`enumerate`) and put the results back in place"
        )));
    }
    for (id, result) in ids.iter().zip(&results) {
        if let Ok(photo) = result
            && *photo != photo_json(*id)
        {
            return Err(EXERCISE.fail(&format!(
                "photo {id} came back as {photo:?}, while the server sent {:?}",
                photo_json(*id)
            )));
        }
    }
    Ok(())
}

/// Nothing blocks the thread, not even briefly: with many photos started at once from a server
/// that answers at once, short blocking pauses per request add up to most of the run. A busy
/// machine also stands the thread still, but then the thread waits for a processor, and that
/// time is not counted (where the system tells, see [`run_delay`]); and a call that looks
/// blocked is made a second time: only two blocked calls in a row fail.
pub async fn never_blocks_the_thread<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    // Unsorted, with repeats: 59 entries.
    let ids: Vec<u64> = (0..MANY).map(|n| (n * 37) % 41 + 1).collect();
    let limit = 64;
    let mut blocked = Vec::new();
    for _ in 0..2 {
        let api = MockApi::builder().base_path("/api").start().await;
        let client = tagged_client(&api.uri());
        let heartbeat = Heartbeat::start();
        let waited_before = run_delay();
        let results = call(
            "asked for 59 photos with `limit` 64",
            candidate(&client, &api.uri(), &ids, limit),
        )
        .await?;
        let (stood_still, running) = heartbeat.stalled();
        // Time spent waiting for a processor is the machine's doing, not the code's.
        let waited = run_delay()
            .zip(waited_before)
            .map_or(Duration::ZERO, |(after, before)| {
                after.saturating_sub(before)
            });
        let stalled = stood_still.saturating_sub(waited);
        drop(heartbeat);
        let arrived = api.arrivals().len();
        let photos = results.iter().filter(|result| result.is_ok()).count();
        if arrived != ids.len() || results.len() != ids.len() || photos != ids.len() {
            return Err(EXERCISE.fail(&format!(
                "asked for 59 photos with `limit` 64, the server received {} and answered \
                 each with its photo, and {photos} of your {} were photos: one request and one \
                 photo per entry of `ids`",
                plural(arrived, "request"),
                plural(results.len(), "result")
            )));
        }
        // Blocked: stood still for long, and for half the time it had a processor.
        if stalled < BLOCKED_MANY || stalled * 2 < running.saturating_sub(waited) {
            return Ok(());
        }
        blocked.push((stalled.as_millis(), running.as_millis()));
    }
    let [(stalled_1, running_1), (stalled_2, running_2)] = blocked[..] else {
        return Ok(());
    };
    Err(EXERCISE.fail(&format!(
        "asked twice for 59 photos with `limit` 64 from a server that answers at once, your \
         function ran for {running_1} ms and {running_2} ms, and the thread it runs on stood \
         still (not waiting for a processor) for {stalled_1} ms and {stalled_2} ms of them: \
         nothing may block the thread, not even for a few milliseconds per request (no \
         `std::thread::sleep`, no `reqwest::blocking`, no `block_on`). Each pause stops every \
         request in flight, and with many requests they add up; to wait, `.await` \
         (`tokio::time::sleep(…).await`)"
    )))
}

/// Each failure is an `Err` in its place, one that carries the status when the server answered
/// with an error status; the photos around it still arrive; nothing is sent twice.
pub async fn reports_each_failure_in_its_place<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    // Every error status comes with a body shaped like a photo: only the status says it failed.
    let answers = [
        (31, Answer::Status(503)),
        (8, Answer::Photo(Duration::ZERO)),
        (44, Answer::Status(400)),
        (15, Answer::Photo(Duration::ZERO)),
        (3, Answer::Status(429)),
        (50, Answer::Photo(Duration::ZERO)),
        (19, Answer::Status(500)),
        (36, Answer::NotAPhoto),
        (12, Answer::Photo(Duration::ZERO)),
        (22, Answer::Status(403)),
        (7, Answer::Drop),
        (41, Answer::Status(502)),
        (5, Answer::Photo(Duration::ZERO)),
        (29, Answer::Status(410)),
        (17, Answer::Photo(Duration::ZERO)),
        (60, Answer::Photo(Duration::ZERO)),
    ];
    // Photo 27 has no answer: the server says 404.
    let mut ids: Vec<u64> = answers.iter().map(|&(id, _)| id).collect();
    ids.insert(4, 27);
    let answer = |id: u64| {
        answers
            .iter()
            .find(|&&(known, _)| known == id)
            .map_or(Answer::Status(404), |&(_, answer)| answer)
    };
    let server = PhotoServer::start("/v1", &answers).await;
    let client = tagged_client(&server.uri());

    let results = call(
        "asked for 17 photos, 11 of which fail",
        candidate(&client, &server.uri(), &ids, 3),
    )
    .await?;

    if results.len() != ids.len() {
        return Err(EXERCISE.fail(&format!(
            "asked for {} photos, 11 of which fail (the first one among them), and got {}: a \
             failure takes its place in the list as an `Err`, and the list keeps one result \
             per id",
            ids.len(),
            plural(results.len(), "result")
        )));
    }
    let expected = expected_counts("/v1", &ids);
    if let Some(message) = compare_counts(&expected, &server.counts(), &ids) {
        return Err(EXERCISE.fail(&message));
    }
    // An error for another id's request, in this id's place.
    for (position, (id, result)) in ids.iter().zip(&results).enumerate() {
        let Some(url) = result.as_ref().err().and_then(reqwest::Error::url) else {
            continue;
        };
        if url.path() != format!("/v1/photos/{id}") {
            return Err(EXERCISE.fail(&format!(
                "entry {position} of `ids` is photo {id}, yet its result is the error of GET \
                 {}: one entry per id, in the order of `ids`, the failures too. Carry each \
                 entry's position along with its result, `Ok` or `Err`",
                url.path()
            )));
        }
    }
    for (id, result) in ids.iter().zip(&results) {
        let failure = match (answer(*id), result) {
            (Answer::Photo(_), Ok(photo)) if *photo == photo_json(*id) => continue,
            (Answer::Photo(_), Ok(photo)) => format!(
                "photo {id} came back as {photo:?}, while the server sent {:?}",
                photo_json(*id)
            ),
            (Answer::Photo(_), Err(err)) => format!(
                "the server answered photo {id} with 200 and the photo, yet its result is an \
                 error: {err}. One failure must not lose the other photos: keep each photo's \
                 result separate"
            ),
            (Answer::Status(status), Ok(_)) => format!(
                "the server answered {status} for photo {id} (with a body shaped like a photo), \
                 yet its result is `Ok`: an error status of any class, 4xx or 5xx, is an \
                 `Err`. Check the status of every answer (`.error_for_status()`) before \
                 decoding it"
            ),
            (Answer::Status(status), Err(err)) => match err.status() {
                Some(got) if got.as_u16() == status => continue,
                Some(got) => format!(
                    "the server answered {status} for photo {id}, but its error carries the \
                     status {got}"
                ),
                None => format!(
                    "the server answered {status} for photo {id}, but its error carries no \
                     status: {err}. The error must be the status itself: call \
                     `.error_for_status()` on the answer before decoding"
                ),
            },
            (Answer::NotAPhoto, Ok(photo)) => format!(
                "the server answered photo {id} with 200 and an HTML page, yet its result is \
                 Ok({photo:?})"
            ),
            (Answer::Drop, Ok(photo)) => format!(
                "the server closed the connection for photo {id} without answering, yet its \
                 result is Ok({photo:?})"
            ),
            (Answer::NotAPhoto | Answer::Drop, Err(_)) => continue,
        };
        return Err(EXERCISE.fail(&failure));
    }
    an_error_status_whose_body_breaks_off_is_still_that_status(candidate).await
}

/// An error status is known from the head: a 503 whose body then breaks off (the server closes
/// the connection a few bytes into it) is an `Err` carrying 503 all the same, after one request.
async fn an_error_status_whose_body_breaks_off_is_still_that_status<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    let server = RawAnswerServer::start(cut_short(503), false).await?;
    let client = tagged_client(&server.url);
    let asked = "asked for photo 4 from a server that answers 503 and closes the connection a \
                 few bytes into its body";
    let results = call(asked, candidate(&client, &server.url, &[4], 2)).await?;
    let received = server.requests();
    if received != 1 {
        return Err(EXERCISE.fail(&format!(
            "{asked}; it received {received} requests, expected one: a request that fails is \
             not sent again"
        )));
    }
    match results.as_slice() {
        [Err(err)] if err.status().is_some_and(|status| status.as_u16() == 503) => Ok(()),
        _ => Err(EXERCISE.fail(&format!(
            "{asked}; expected one entry, an Err carrying 503, got [{}]: the status is in the \
             head, whatever becomes of the body, so turn it into the Err before reading the body \
             (`.error_for_status()?`)",
            results.iter().map(describe).collect::<Vec<_>>().join(", ")
        ))),
    }
}

/// The server never sees more than `limit` requests at once, and sees that many: for several
/// limits, on counts of ids that are not multiples of them, and for a limit above the count.
pub async fn keeps_exactly_limit_requests_in_flight<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    let ids = [17, 4, 23, 9, 41, 2, 30, 12, 36, 7, 19];
    // (limit, how many of the ids): run side by side, each against its own server.
    let scenarios: [(usize, usize); 4] = [(1, 2), (3, 5), (7, 11), (13, 11)];
    let runs = scenarios.map(|(limit, count)| async move {
        let api = MockApi::builder()
            .latency(Latency::Fixed(LATENCY))
            .base_path("/api/v1")
            .start()
            .await;
        let client = tagged_client(&api.uri());
        let asked = format!("with `limit` {limit} and {count} ids");
        call(&asked, candidate(&client, &api.uri(), &ids[..count], limit))
            .await
            .map(|_| (limit, count, api.arrivals().len(), api.peak_in_flight()))
    });
    let mut outcomes = Vec::new();
    for outcome in futures::future::join_all(runs).await {
        outcomes.push(outcome?);
    }

    for &(limit, count, arrived, _) in &outcomes {
        if arrived != count {
            return Err(EXERCISE.fail(&format!(
                "with `limit` {limit} and {count} ids, the server received {}: one per id",
                plural(arrived, "request")
            )));
        }
    }
    for &(limit, count, _, peak) in &outcomes {
        if peak > limit {
            let detail = match (peak == limit + 1, peak == count) {
                (true, true) => format!(" (one more than `limit`, all {count})"),
                (true, false) => " (one more than `limit`)".to_owned(),
                (false, true) => format!(" (all {count}: nothing held any back)"),
                (false, false) => String::new(),
            };
            return Err(EXERCISE.fail(&format!(
                "at most `limit` requests in flight: with `limit` {limit} and {count} ids, the \
                 server saw {peak} at once{detail}. Bound them with `buffer_unordered(limit)`, \
                 or with one `Semaphore` shared by every request, each holding its permit \
                 until its answer is read"
            )));
        }
    }
    for &(limit, count, _, peak) in &outcomes {
        let expected = limit.min(count);
        if peak < expected {
            let rule = if limit > count {
                format!(
                    "a `limit` above the number of ids starts them all: with `limit` {limit} \
                     and {count} ids, the server saw at most {peak} at once"
                )
            } else if peak == 1 {
                format!(
                    "no fewer than `limit` requests in flight while ids wait: with `limit` \
                     {limit} and {count} ids, the requests reached the server one at a time"
                )
            } else {
                format!(
                    "no fewer than `limit` requests in flight while ids wait: with `limit` \
                     {limit} and {count} ids, the server saw at most {peak} at once"
                )
            };
            return Err(EXERCISE.fail(&format!(
                "{rule}. Let `limit` run together: `buffer_unordered(limit)` starts that many, \
                 and the next as soon as one finishes"
            )));
        }
    }
    Ok(())
}

/// A request is in flight until the end of its answer is read, not only until its head has
/// arrived: against a server that sends each head at once and the body later, the server never
/// has more than `limit` answers open.
pub async fn holds_its_slot_until_the_body_is_read<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    let server = SlowBodyServer::start(|_, path| {
        match path
            .strip_prefix("/api/photos/")
            .and_then(|id| id.parse::<u64>().ok())
        {
            Some(id) => SlowAnswer::json(200, &photo_json(id)).body_after(BODY_AFTER),
            None => SlowAnswer::raw(404, "{}", "application/json"),
        }
    })
    .await;
    let base_url = format!("{}/api", server.uri());
    let client = tagged_client(&base_url);
    let ids = [21, 6, 13, 2, 34];
    let limit = 3;

    let results = call(
        "asked for 5 photos with `limit` 3",
        candidate(&client, &base_url, &ids, limit),
    )
    .await?;

    let peak = server.peak_open();
    if peak > limit {
        return Err(EXERCISE.fail(&format!(
            "at most `limit` requests in flight, each from sending it to reading the end of \
             its answer: with `limit` {limit} and 5 ids, from a server that sends each answer's \
             status and headers at once and its body {} ms later, the server had {peak} \
             answers open at once. A request whose body is still being read holds its slot: \
             keep the permit (or the `buffer_unordered` slot) until `.json()` has finished, not \
             only `send()`",
            BODY_AFTER.as_millis()
        )));
    }
    let arrived = server.arrivals().len();
    let photos = results
        .iter()
        .zip(&ids)
        .filter(|(result, id)| {
            result
                .as_ref()
                .is_ok_and(|photo| *photo == photo_json(**id))
        })
        .count();
    if arrived != ids.len() || results.len() != ids.len() || photos != ids.len() {
        return Err(EXERCISE.fail(&format!(
            "asked for 5 photos with `limit` {limit}, from a server that sends each answer's \
             body {} ms after its head, the server received {}, and {photos} of your {} were \
             the photos asked for: one request and one photo per entry of `ids`, in their order",
            BODY_AFTER.as_millis(),
            plural(arrived, "request"),
            plural(results.len(), "result")
        )));
    }
    Ok(())
}

/// `limit` 0 works like 1: every photo arrives, one at a time, and the function returns.
pub async fn takes_a_limit_of_zero_as_one<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    let api = MockApi::builder()
        .latency(Latency::Fixed(ms(50)))
        .start()
        .await;
    let client = tagged_client(&api.uri());
    let ids = [3, 14, 9];

    let outcome = tokio::time::timeout(
        PATIENCE_AT_ZERO,
        EXERCISE.run(candidate(&client, &api.uri(), &ids, 0)),
    )
    .await;
    let Ok(results) = outcome else {
        return Err(EXERCISE.fail(&format!(
            "with `limit` 0 and 3 ids, your function had not returned after {:.1} s (the \
             server received {}): a `limit` of 0 is taken as 1. `buffer_unordered(0)` starts \
             no request and waits forever, and so does a `Semaphore::new(0)`: `limit.max(1)`",
            PATIENCE_AT_ZERO.as_secs_f64(),
            plural(api.arrivals().len(), "request")
        )));
    };
    let results = results?;
    let peak = api.peak_in_flight();
    if peak > 1 {
        return Err(EXERCISE.fail(&format!(
            "a `limit` of 0 is taken as 1: with `limit` 0 and 3 ids, the server saw {peak} \
             requests at once. (aiohttp's `TCPConnector(limit=0)` means no limit; here 0 \
             means one at a time.)"
        )));
    }
    let arrived = results.iter().filter(|result| result.is_ok()).count();
    if results.len() != ids.len() || arrived != ids.len() {
        return Err(EXERCISE.fail(&format!(
            "a `limit` of 0 is taken as 1: with `limit` 0 and 3 ids, {arrived} of {} results \
             were photos, and the server received {}; fetch every photo, one at a time",
            results.len(),
            plural(api.arrivals().len(), "request")
        )));
    }
    Ok(())
}

/// How many entries the check of a very large `limit` asks for: more than the 100 connections
/// aiohttp's `TCPConnector` allows by default, a cap a learner may carry over, and no round
/// number.
const GATHERING: usize = 117;

/// How long the server waits for the next request before it gives up on seeing all
/// [`GATHERING`] of them at once and answers the ones it has: far above the gap between two
/// requests started together, even on a busy machine.
const GATHERING_QUIET: Duration = Duration::from_millis(1500);

/// `limit` `usize::MAX`, as "no real limit": every entry starts at once, every photo arrives, no
/// panic. The server holds every answer until all [`GATHERING`] requests are in, so a hidden cap
/// (100, as aiohttp's connector) shows as a lower peak.
pub async fn takes_any_limit_however_large<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    let server = SlowBodyServer::start(|_, path| {
        match path
            .strip_prefix("/api/photos/")
            .and_then(|id| id.parse::<u64>().ok())
        {
            Some(id) => SlowAnswer::json(200, &photo_json(id))
                .body_when_gathered(GATHERING, GATHERING_QUIET),
            None => SlowAnswer::raw(404, "{}", "application/json"),
        }
    })
    .await;
    let base_url = format!("{}/api", server.uri());
    let client = tagged_client(&server.uri());
    // Unsorted, and from the 102nd entry on every id comes again.
    let ids: Vec<u64> = (0..GATHERING as u64).map(|i| i * 37 % 101 + 1).collect();
    let rule = format!(
        "a `limit` above the number of ids starts them all, however large, never a panic: with \
         `limit` `usize::MAX` (\"no real limit\") and {GATHERING} ids"
    );

    let outcome = tokio::time::timeout(
        PATIENCE,
        EXERCISE.run(candidate(&client, &base_url, &ids, usize::MAX)),
    )
    .await;
    let results = match outcome {
        Err(_) => {
            return Err(EXERCISE.fail(&format!(
                "{rule}, your function had not returned after {} s (the server received {})",
                PATIENCE.as_secs(),
                plural(server.arrivals().len(), "request")
            )));
        }
        Ok(Err(message)) => {
            let what = message
                .split_once("your code panicked at ")
                .and_then(|(_, rest)| rest.split_once(". Handle the error"))
                .map_or_else(String::new, |(panic, _)| format!(" at {panic}"));
            return Err(EXERCISE.fail(&format!(
                "{rule}, your code panicked{what}. `Semaphore::new` panics above \
                 `Semaphore::MAX_PERMITS`, and `limit + 1` overflows: bring the limit down to \
                 the number of ids first (`limit.clamp(1, ids.len().max(1))`)"
            )));
        }
        Ok(Ok(results)) => results,
    };
    let arrived = server.arrivals().len();
    let photos = results
        .iter()
        .zip(&ids)
        .filter(|(result, id)| result.as_ref().is_ok_and(|photo| photo.id == **id))
        .count();
    if arrived != ids.len() || results.len() != ids.len() || photos != ids.len() {
        return Err(EXERCISE.fail(&format!(
            "{rule}, the server received {}, and {photos} of your {} were the photos asked \
             for: one request and one photo per entry of `ids`, in their order",
            plural(arrived, "request"),
            plural(results.len(), "result")
        )));
    }
    let peak = server.peak_open();
    if peak < GATHERING {
        return Err(EXERCISE.fail(&format!(
            "{rule}, the server never had more than {peak} requests in flight at once, though \
             it held every answer until all {GATHERING} were in (or none came for {} s): \
             nothing but `limit` may cap how many run at once, and `usize::MAX` caps nothing",
            GATHERING_QUIET.as_secs_f32()
        )));
    }
    // Other limits above `Semaphore::MAX_PERMITS`, not only `usize::MAX`: no panic either.
    let api = MockApi::builder().base_path("/api").start().await;
    let client = tagged_client(&api.uri());
    for limit in [usize::MAX - 1, 1 << 62] {
        let ids = [3, 1, 3];
        match EXERCISE
            .run(candidate(&client, &api.uri(), &ids, limit))
            .await
        {
            Ok(results)
                if results.len() == ids.len()
                    && results
                        .iter()
                        .zip(&ids)
                        .all(|(result, id)| result.as_ref().is_ok_and(|photo| photo.id == *id)) => {
            }
            Ok(results) => {
                return Err(EXERCISE.fail(&format!(
                    "with `limit` {limit} and ids [3, 1, 3], all of them photos the server has, \
                     your function returned {}, not the three photos in the order of `ids`",
                    plural(results.len(), "result")
                )));
            }
            Err(_) => {
                return Err(EXERCISE.fail(&format!(
                    "a `limit` above the number of ids starts them all, however large, never a \
                     panic: with `limit` {limit} and ids [3, 1, 3], your code panicked. \
                     `Semaphore::new` panics for any limit above `Semaphore::MAX_PERMITS`, not \
                     only for `usize::MAX`: bring the limit down to the number of ids first \
                     (`limit.clamp(1, ids.len().max(1))`)"
                )));
            }
        }
    }
    Ok(())
}

/// What goes wrong with one photo in a run of [`a_slow_request_holds_up_no_other_slot`].
#[derive(Clone, Copy, Debug, PartialEq)]
enum Trouble {
    /// Photo 3, second in `ids`, takes 800 ms, the others 60 ms.
    Slow,
    /// Photo 3, second in `ids`, answers 429 at once and photo 27, third, 503; photo 14, first,
    /// takes 500 ms, the others 60 ms.
    Throttled,
}

/// The ids of both runs of [`a_slow_request_holds_up_no_other_slot`]: 11, with `limit` 3.
const SLOT_IDS: [u64; 11] = [14, 3, 27, 8, 19, 5, 22, 11, 30, 2, 16];

/// One request as a [`SlowBodyServer`] saw it: from its arrival to the last byte of its answer.
struct Span {
    path: String,
    at: Instant,
    end: Instant,
}

/// What one run of [`a_slow_request_holds_up_no_other_slot`] gave and what its server saw.
struct SlotRun {
    results: Vec<Result<Photo, reqwest::Error>>,
    /// Each request, from its arrival to the last byte of its answer.
    spans: Vec<Span>,
    /// The most answers open at once.
    peak: usize,
}

/// Runs the candidate with `limit` 3 on [`SLOT_IDS`] against its own [`SlowBodyServer`], and
/// returns its results and what the server saw.
async fn run_slots<F>(candidate: &F, trouble: Trouble) -> Result<SlotRun, String>
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    let server = SlowBodyServer::start(move |_, path| {
        let Some(id) = path
            .strip_prefix("/photos/")
            .and_then(|id| id.parse::<u64>().ok())
        else {
            return SlowAnswer::raw(404, "{}", "application/json");
        };
        match (trouble, id) {
            (Trouble::Slow, 3) => SlowAnswer::json(200, &photo_json(id)).body_after(ms(800)),
            // The first photo stays in flight while the 429 and the 503 come back, so a window
            // that shrinks after them leaves slots empty for as long as it takes.
            (Trouble::Throttled, 14) => SlowAnswer::json(200, &photo_json(id)).body_after(ms(500)),
            // Each asking for a wait of a second, as servers do: not waited out.
            (Trouble::Throttled, 3) => {
                SlowAnswer::json(429, &photo_json(id)).header("retry-after", "1")
            }
            (Trouble::Throttled, 27) => {
                SlowAnswer::json(503, &photo_json(id)).header("retry-after", "1")
            }
            _ => SlowAnswer::json(200, &photo_json(id)).body_after(ms(60)),
        }
    })
    .await;
    let client = tagged_client(&server.uri());
    let results = call(
        "asked for 11 photos with `limit` 3",
        candidate(&client, &server.uri(), &SLOT_IDS, 3),
    )
    .await?;
    let now = Instant::now();
    let spans = server
        .arrivals()
        .into_iter()
        .map(|arrival| Span {
            end: arrival.ended.unwrap_or(now),
            path: arrival.path,
            at: arrival.at,
        })
        .collect();
    Ok(SlotRun {
        results,
        spans,
        peak: server.peak_open(),
    })
}

/// A slow request does not hold up the others, and neither does a failed one: whenever a
/// request finishes while ids wait, whatever its answer, the next one starts in its slot at
/// once, without waiting for a whole batch, for the requests before it, or for a pause after a
/// 429. Timed on a [`SlowBodyServer`], which notes when each answer's last byte really left.
pub async fn a_slow_request_holds_up_no_other_slot<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    let limit = 3;
    // Both runs side by side, each against its own server.
    let (slow, throttled) = futures::future::join(
        run_slots(candidate, Trouble::Slow),
        run_slots(candidate, Trouble::Throttled),
    )
    .await;
    for (trouble, outcome) in [(Trouble::Slow, slow), (Trouble::Throttled, throttled)] {
        let SlotRun {
            results,
            spans,
            peak,
        } = outcome?;
        let scenario = match trouble {
            Trouble::Slow => {
                "with `limit` 3 and 11 ids, photo 3 (second in `ids`) taking 800 ms and the \
                 others 60 ms"
            }
            Trouble::Throttled => {
                "with `limit` 3 and 11 ids, photo 3 (second in `ids`) answered 429 and photo \
                 27 (third) 503 at once, each with `Retry-After: 1`, photo 14 (first) after \
                 500 ms, the others after 60 ms"
            }
        };
        if spans.len() != SLOT_IDS.len() {
            return Err(EXERCISE.fail(&format!(
                "{scenario}, the server received {}: one per id",
                plural(spans.len(), "request")
            )));
        }
        if let Some(message) = slot_results_differ(trouble, scenario, &results) {
            return Err(EXERCISE.fail(&message));
        }
        if peak > limit {
            return Err(EXERCISE.fail(&format!(
                "at most `limit` requests in flight: {scenario}, the server had {peak} answers \
                 open at once"
            )));
        }
        let Some(idle) = first_idle_slot(&spans, limit, SLACK) else {
            continue;
        };
        let start = spans.iter().map(|s| s.at).min().unwrap_or(idle.freed_at);
        let since = |at: Instant| at.saturating_duration_since(start).as_millis();
        let what = format!(
            "{scenario}: at {} ms a request had finished, leaving {} in flight, with ids still \
             waiting, yet the next request (GET {}) reached the server only at {} ms",
            since(idle.freed_at),
            idle.in_flight,
            idle.next.path,
            since(idle.next.at)
        );
        return Err(EXERCISE.fail(&match trouble {
            Trouble::Slow => format!(
                "a new request starts as soon as any one finishes: {what}. Batches awaited \
                 whole (`chunks` + `join_all`) wait for their slowest request; `buffered` \
                 holds answers that finished behind a slower one, and each held answer keeps \
                 its slot. `buffer_unordered` frees the slot at once: put the results back in \
                 the order of `ids` yourself"
            ),
            Trouble::Throttled => format!(
                "a new request starts as soon as any one finishes, whatever the answers are: \
                 {what}. A 429 or a 503 is an `Err` in its place, and its slot goes to the next \
                 id at once: no pause after it, and no smaller window either. The requests in a `buffer_unordered` stream \
                 move on only while the stream is polled, so anything the loop that takes the \
                 results awaits (a back-off sleep too) leaves the freed slots empty"
            ),
        }));
    }
    Ok(())
}

/// What is wrong with the results of one run of [`a_slow_request_holds_up_no_other_slot`], as a
/// message: every photo `Ok` in its place, the slow one too; the 429 and the 503 errors that
/// carry them.
fn slot_results_differ(
    trouble: Trouble,
    scenario: &str,
    results: &[Result<Photo, reqwest::Error>],
) -> Option<String> {
    if results.len() != SLOT_IDS.len() {
        return Some(format!(
            "{scenario}, got {}: one result per entry of `ids`, in their order",
            plural(results.len(), "result")
        ));
    }
    let expected = |id: u64| match (trouble, id) {
        (Trouble::Throttled, 3) => Err(429),
        (Trouble::Throttled, 27) => Err(503),
        _ => Ok(photo_json(id)),
    };
    let (position, id, result) = SLOT_IDS
        .iter()
        .zip(results)
        .enumerate()
        .map(|(position, (&id, result))| (position, id, result))
        .find(|&(_, id, result)| match (expected(id), result) {
            (Ok(want), Ok(got)) => want != *got,
            (Err(want), Err(got)) => got.status().map(|s| s.as_u16()) != Some(want),
            _ => true,
        })?;
    Some(match (trouble, id, result) {
        (Trouble::Slow, 3, Err(err)) => format!(
            "a slow answer is still a photo: {scenario}, the server sends photo 3 whole after \
             800 ms, yet entry {position} (photo 3) is an error: {err}. The contract's list of \
             failures (an error status, a body that is not a photo, a failed connection) has \
             no timeout of your own: set no deadline on the requests, wait for each answer as \
             long as the server takes"
        ),
        _ => format!(
            "one result per entry, in the order of `ids`, `Ok` with the photo or `Err` with the \
             status: {scenario}, entry {position} (photo {id}) should be {}, and is {}",
            match expected(id) {
                Ok(photo) => format!("Ok(photo {}, {:?})", photo.id, photo.title),
                Err(status) => format!("an error carrying the status {status}"),
            },
            describe(result)
        ),
    })
}

/// On seeded scenarios (ids with repeats and a missing one, a limit, failing ids, a base path),
/// the learner's function and the reference solution give the same results, and the server sees
/// the same requests and the same peak.
pub async fn agrees_with_the_reference_on_seeded_scenarios<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    let runs = [11, 23, 47].map(|seed| async move {
        let scenario = Scenario::new(seed);
        let (theirs, ours) = (scenario.server().await, scenario.server().await);
        let (their_client, our_client) = (tagged_client(&theirs.uri()), tagged_client(&ours.uri()));
        let asked = scenario.to_string();
        let (results, expected) = futures::future::join(
            call(
                &asked,
                candidate(&their_client, &theirs.uri(), &scenario.ids, scenario.limit),
            ),
            reference::fetch_photos_bounded(
                &our_client,
                &ours.uri(),
                &scenario.ids,
                scenario.limit,
            ),
        )
        .await;
        scenario.compare(&results?, &expected, &theirs, &ours)
    });
    for verdict in futures::future::join_all(runs).await {
        verdict?;
    }
    Ok(())
}

/// How long the server takes to answer the first request for the repeated photo (with 503), in
/// the check that a repeated id's results keep their own places.
const FIRST_REPEAT_AFTER: Duration = Duration::from_millis(300);

/// How long the server takes to answer the photo between the two occurrences of the repeated id:
/// the second occurrence can start only once it has finished (`limit` 2).
const BETWEEN_AFTER: Duration = Duration::from_millis(150);

/// How long [`starts_each_request_with_no_timer`] holds tokio's clock still, in real time.
const HELD_FOR: Duration = Duration::from_secs(3);

/// No timer stands before a request: on tokio's paused clock held still (no timer of the
/// call's ever fires), the call still ends, every request sent; at an address where nothing
/// listens too (a pause after a refused connection holds the next request back), where each
/// entry is one connection attempt (counted by the client: no server sees a refused one).
pub async fn starts_each_request_with_no_timer<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    let api = MockApi::builder().base_path("/api/v3").start().await;
    let ids = [17, 3, 42, 3, 8, 25, 11];
    let base_url = api.uri();
    let client = tagged_client(&base_url);
    let (results, moved) = held_still(
        HELD_FOR,
        EXERCISE.run(candidate(&client, &base_url, &ids, 3)),
    )
    .await;
    if results.is_none() {
        return Err(EXERCISE.fail(&format!(
            "asked for ids [17, 3, 42, 3, 8, 25, 11] with `limit` 3, on tokio's paused clock \
             held still by the check (it moved {} ms), the server had received {} of the 7 \
             requests and the function had not returned after {} s of real time: start each \
             request as soon as a slot is free, with no timer before it (a sleep to spread the \
             requests out holds them back, here for good)",
            moved.as_millis(),
            api.arrivals().len(),
            HELD_FOR.as_secs()
        )));
    }
    results.unwrap_or(Ok(Vec::new()))?;

    let base_url = format!("{}/api", lesson_support::testing::refused_localhost_url());
    let (client, attempts) = lesson_support::testing::counting_client(&base_url);
    let ids = [6, 13, 6, 2];
    let (results, moved) = held_still(
        HELD_FOR,
        EXERCISE.run(candidate(&client, &base_url, &ids, 2)),
    )
    .await;
    let Some(results) = results else {
        return Err(EXERCISE.fail(&format!(
            "asked for ids [6, 13, 6, 2] with `limit` 2 at an address where nothing listens, on \
             tokio's paused clock held still by the check (it moved {} ms), the client had \
             tried to connect {} and the function had not returned after {} s of real time: a \
             refused connection is that entry's error at once, and the next request starts at \
             once, with no pause or back-off",
            moved.as_millis(),
            count_of_times(attempts.get()),
            HELD_FOR.as_secs()
        )));
    };
    let results = results?;
    let failed = results.len() == ids.len()
        && results
            .iter()
            .all(|result| result.as_ref().is_err_and(|err| err.status().is_none()));
    if attempts.get() > ids.len() || !failed {
        return Err(EXERCISE.fail(&format!(
            "asked for ids [6, 13, 6, 2] with `limit` 2 at an address where nothing listens, \
             the client tried to connect {} and the function returned [{}]; expected one \
             attempt per entry and an error with no status in each place: a request that fails \
             is not sent again",
            count_of_times(attempts.get()),
            results.iter().map(describe).collect::<Vec<_>>().join(", ")
        )));
    }
    Ok(())
}

/// Requests start in the order of `ids`: with `limit` 1, one at a time, the server sees them in
/// that order. (The next check tells a repeated id's two requests apart by the order they
/// start in, as a caller can: the earlier entry's request starts first.)
pub async fn starts_the_requests_in_the_order_of_ids<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    let ids = [9, 2, 14, 2, 31, 7, 50, 1, 23];
    let api = MockApi::builder().base_path("/api/v2").start().await;
    let client = tagged_client(&api.uri());
    let _ = EXERCISE
        .run(candidate(&client, &api.uri(), &ids, 1))
        .await?;
    let asked: Vec<u64> = api
        .arrivals()
        .iter()
        .filter_map(|arrival| arrival.path.rsplit('/').next()?.parse().ok())
        .collect();
    if asked != ids {
        let shown: Vec<String> = asked.iter().map(u64::to_string).collect();
        return Err(EXERCISE.fail(&format!(
            "asked for ids [9, 2, 14, 2, 31, 7, 50, 1, 23] with `limit` 1, the server received \
             the photos [{}], in that order: requests start in the order of `ids`, each next \
             id as soon as a slot is free (not shuffled, sorted or grouped)",
            shown.join(", ")
        )));
    }
    Ok(())
}

/// A repeated id's two entries each hold the result of their own request, in their own place:
/// the first occurrence's answer is a slow 503, the second's a quick 200, so the second's
/// answer arrives first.
pub async fn keeps_a_repeated_ids_results_in_their_own_places<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    let base_path = "/api/v4";
    let repeated = 64;
    let ids = [repeated, 5, repeated];
    let limit = 2;
    let server = lesson_support::testing::fresh_server().await;
    let log = Log::default();
    Mock::given(any())
        .respond_with(FirstRequestFails {
            slow_path: format!("{base_path}/photos/{repeated}"),
            base_path,
            log: Arc::clone(&log),
        })
        .mount(&server)
        .await;
    let base_url = format!("{}{base_path}", server.uri());
    let client = tagged_client(&base_url);

    let results = call(
        "asked for ids [64, 5, 64] with `limit` 2",
        candidate(&client, &base_url, &ids, limit),
    )
    .await?;

    let seen = log.lock().unwrap_or_else(PoisonError::into_inner).clone();
    let arrived = |path: &str| seen.iter().filter(|s| s.path == path).map(|s| s.at).min();
    let (Some(first), Some(between)) = (
        arrived(&format!("{base_path}/photos/{repeated}")),
        arrived(&format!("{base_path}/photos/5")),
    ) else {
        return Err(EXERCISE.fail(&format!(
            "asked for ids {ids:?} with `limit` {limit}, the server received {}: one GET `{{base_url}}/photos/{{id}}` per entry of `ids`",
            plural(seen.len(), "request")
        )));
    };
    // The second occurrence starts only once photo 5 has finished: a first request for photo 64
    // that arrived earlier was the first occurrence's. (If the machine held it back longer, the
    // server cannot tell which entry it answered, and there is nothing to check.)
    if first > between + BETWEEN_AFTER {
        return Ok(());
    }
    let expected: [Result<Photo, u16>; 3] = [Err(503), Ok(photo_json(5)), Ok(photo_json(64))];
    let same = results.len() == expected.len()
        && results
            .iter()
            .zip(&expected)
            .all(|(got, want)| match (got, want) {
                (Ok(got), Ok(want)) => got == want,
                (Err(got), Err(want)) => got.status().map(|s| s.as_u16()) == Some(*want),
                _ => false,
            });
    if same {
        return Ok(());
    }
    let got = results.iter().map(describe).collect::<Vec<_>>().join(", ");
    Err(EXERCISE.fail(&format!(
        "one entry per entry of `ids`, in its own place, a repeated id's results included: \
         asked for ids {ids:?} with `limit` {limit}, the server answered the first GET \
         {base_path}/photos/{repeated} (entry 0's) after {} ms with 503, and the second \
         (entry 2's) at once with 200, so [an error carrying the status 503, Ok(photo 5), \
         Ok(photo 64)] was expected, and the results were [{got}]. Each entry holds the result \
         of its own request, whatever order the answers arrive in: carry each entry's position \
         along with its request (`enumerate`) and put the result back at that position, not in \
         a map keyed by id",
        FIRST_REPEAT_AFTER.as_millis()
    )))
}

/// The responder of [`keeps_a_repeated_ids_results_in_their_own_places`]: the first request
/// for `slow_path` gets 503 (with a body shaped like the photo) after [`FIRST_REPEAT_AFTER`],
/// any later one 200 and the photo at once; photo 5 comes after [`BETWEEN_AFTER`]. Notes every
/// arrival.
struct FirstRequestFails {
    slow_path: String,
    base_path: &'static str,
    log: Log,
}

impl Respond for FirstRequestFails {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let path = request.url.path();
        let mut log = self.log.lock().unwrap_or_else(PoisonError::into_inner);
        let before = log.iter().filter(|s| s.path == path).count();
        let id = path
            .strip_prefix(self.base_path)
            .and_then(|rest| rest.strip_prefix("/photos/"))
            .and_then(|id| id.parse::<u64>().ok());
        let (status, delay) = match id {
            None => (404, Duration::ZERO),
            Some(_) if path == self.slow_path && before == 0 => (503, FIRST_REPEAT_AFTER),
            Some(5) => (200, BETWEEN_AFTER),
            Some(_) => (200, Duration::ZERO),
        };
        log.push(Seen {
            path: path.to_owned(),
            at: Instant::now(),
            delay,
        });
        match id {
            Some(id) => ResponseTemplate::new(status)
                .set_body_json(photo_json(id))
                .set_delay(delay),
            None => ResponseTemplate::new(404).set_body_raw("{}", "application/json"),
        }
    }
}

/// One seeded scenario of the differential check.
struct Scenario {
    seed: u64,
    base_path: &'static str,
    ids: Vec<u64>,
    limit: usize,
    /// Ids the server fails, with their status.
    failing: Vec<(u64, u16)>,
}

impl Scenario {
    fn new(seed: u64) -> Scenario {
        let mut rng = SeededRng::new(seed);
        let count = rng.between(11, 19) as usize;
        let mut ids: Vec<u64> = Vec::with_capacity(count);
        while ids.len() < count - 1 {
            let id = if !ids.is_empty() && rng.chance(0.15) {
                rng.pick(&ids)
            } else {
                rng.between(1, 60)
            };
            ids.push(id);
        }
        // One id the API does not have (it has 5000 photos): a 404.
        let position = rng.between(0, ids.len() as u64) as usize;
        ids.insert(position, rng.between(5001, 5999));
        // At most 2 rounds of requests, to keep the check quick.
        let limit = rng.between(count.div_ceil(2) as u64, count as u64 + 1) as usize;
        let mut failing = Vec::new();
        for _ in 0..rng.between(2, 3) {
            let id = rng.pick(&ids);
            if id <= 5000 && failing.iter().all(|&(known, _)| known != id) {
                failing.push((id, rng.pick(&[400, 403, 410, 429, 500, 502, 503])));
            }
        }
        let base_path = rng.pick(&["/api", "/v3/json", "/service/photos-api", ""]);
        Scenario {
            seed,
            base_path,
            ids,
            limit,
            failing,
        }
    }

    async fn server(&self) -> MockApi {
        let mut builder = MockApi::builder()
            .latency(Latency::Range {
                min: ms(150),
                max: ms(250),
            })
            .seed(self.seed)
            .base_path(self.base_path);
        for &(id, status) in &self.failing {
            builder = builder.fault(Fault {
                select: FaultSelect::Ids(vec![id]),
                effect: FaultEffect::Status(status),
            });
        }
        builder.start().await
    }

    /// What differs between the learner's run (`theirs`) and the reference's (`ours`), as a
    /// failure message that names the scenario and the rule.
    fn compare(
        &self,
        results: &[Result<Photo, reqwest::Error>],
        expected: &[Result<Photo, reqwest::Error>],
        theirs: &MockApi,
        ours: &MockApi,
    ) -> Verdict {
        let fail = |rule: String| Err(EXERCISE.fail(&format!("{self}: {rule}")));
        let their_counts = path_counts(theirs.arrivals().iter().map(|a| a.path.as_str()));
        let our_counts = path_counts(ours.arrivals().iter().map(|a| a.path.as_str()));
        if their_counts != our_counts {
            let differs = our_counts
                .iter()
                .find(|(path, n)| their_counts.get(*path) != Some(n))
                .map(|(path, n)| (path.clone(), *n, their_counts.get(path).copied()))
                .or_else(|| {
                    their_counts
                        .iter()
                        .find(|(path, _)| !our_counts.contains_key(*path))
                        .map(|(path, n)| (path.clone(), 0, Some(*n)))
                });
            if let Some((path, want, got)) = differs {
                return fail(format!(
                    "one GET `{{base_url}}/photos/{{id}}` per entry of `ids`: GET {path} \
                     should have reached the server {} and reached it {}",
                    count_of_times(want),
                    count_of_times(got.unwrap_or(0))
                ));
            }
        }
        if results.len() != expected.len() {
            return fail(format!(
                "one result per entry of `ids`: got {} for {} entries",
                plural(results.len(), "result"),
                expected.len()
            ));
        }
        for (position, (got, want)) in results.iter().zip(expected).enumerate() {
            let id = self.ids[position];
            let same = match (got, want) {
                (Ok(got), Ok(want)) => got == want,
                (Err(got), Err(want)) => got.status() == want.status(),
                _ => false,
            };
            if !same {
                return fail(format!(
                    "one result per entry, in the order of `ids`, `Ok` with the photo or `Err` \
                     with the status: entry {position} (photo {id}) should be {}, and is {}",
                    describe(want),
                    describe(got)
                ));
            }
        }
        let (their_peak, our_peak) = (theirs.peak_in_flight(), ours.peak_in_flight());
        let expected_peak = self.limit.min(self.ids.len());
        if their_peak > self.limit {
            return fail(format!(
                "at most `limit` requests in flight, the server saw {their_peak}"
            ));
        }
        if their_peak < expected_peak && our_peak == expected_peak {
            return fail(format!(
                "no fewer than `limit` requests in flight while ids wait: the server saw at \
                 most {their_peak} at once"
            ));
        }
        Ok(())
    }
}

impl std::fmt::Display for Scenario {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "in the scenario of seed {} (ids {:?}, `limit` {}, a base URL ending in {}, the \
             server failing {})",
            self.seed,
            self.ids,
            self.limit,
            if self.base_path.is_empty() {
                "the host"
            } else {
                self.base_path
            },
            self.failing
                .iter()
                .map(|(id, status)| format!("photo {id} with {status}"))
                .chain(
                    self.ids
                        .iter()
                        .find(|&&id| id > 5000)
                        .map(|id| format!("photo {id} with 404, as there is no such photo")),
                )
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
}

/// The client's timeout of [`a_request_waiting_for_a_slot_is_not_started`].
const SLOT_CLIENT_TIMEOUT: Duration = Duration::from_millis(1000);

/// A request waiting for a slot has not started: nothing of it, its timeout included, runs
/// before it has a slot. 9 ids, `limit` 2, every photo answered after 300 ms (about 1.5 s in
/// all), through a client that gives up 1 s after a request is sent: every photo arrives.
/// reqwest starts a request's timeout when `send()` is called, so calling `send()` for every
/// id up front, and awaiting the futures through a window of 2, times out the ids at the back
/// before they are even sent.
pub async fn a_request_waiting_for_a_slot_is_not_started<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    let api = MockApi::builder()
        .base_path("/api")
        .latency(Latency::Fixed(ms(300)))
        .start()
        .await;
    let client = tagged_client_builder(&api.uri())
        .timeout(SLOT_CLIENT_TIMEOUT)
        .build()
        .map_err(|err| format!("the check could not build its client: {err}"))?;
    let ids = [14, 3, 27, 3, 8, 41, 19, 6, 33];
    let asked = "asked for 9 photos [14, 3, 27, 3, 8, 41, 19, 6, 33] with `limit` 2, each \
                 answered after 300 ms, through a client that gives up 1 s after a request is \
                 sent";
    let results = call(asked, candidate(&client, &api.uri(), &ids, 2)).await?;
    let missing: Vec<String> = ids
        .iter()
        .zip(&results)
        .filter(|(id, result)| !matches!(result, Ok(photo) if photo.id == **id))
        .map(|(id, result)| format!("{id}: {}", describe(result)))
        .collect();
    if results.len() == ids.len() && missing.is_empty() {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "{asked}: every photo takes 300 ms, well within the client's timeout, yet {} of the \
         {} results were not the photo ({}): a request waiting for a slot has not started yet. \
         reqwest's timeout starts when `send()` is called, so call it only once the request has \
         its slot (inside the future that the window runs), not for every id up front",
        missing.len().max(ids.len().saturating_sub(results.len())),
        ids.len(),
        missing.join("; ")
    )))
}

fn describe(result: &Result<Photo, reqwest::Error>) -> String {
    match result {
        Ok(photo) => format!("Ok(photo {}, {:?})", photo.id, photo.title),
        Err(err) => match err.status() {
            Some(status) => format!("an error carrying the status {}", status.as_u16()),
            None => format!("an error without a status ({err})"),
        },
    }
}

/// `1 result`, `3 results`.
fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// Runs the candidate's call as the learner's code: a panic becomes a message, and so does a
/// call that never returns.
async fn call<T>(asked: &str, future: impl Future<Output = T>) -> Result<T, String> {
    call_within(PATIENCE, asked, future).await
}

/// [`call`], with its own patience.
async fn call_within<T>(
    patience: Duration,
    asked: &str,
    future: impl Future<Output = T>,
) -> Result<T, String> {
    match tokio::time::timeout(patience, EXERCISE.run(future)).await {
        Ok(outcome) => outcome,
        Err(_) => Err(EXERCISE.fail(&format!(
            "{asked}, your function had not returned after {} s: it must finish, whatever the \
             server answers",
            patience.as_secs()
        ))),
    }
}

fn ms(millis: u64) -> Duration {
    Duration::from_millis(millis)
}

/// How many times each path should be asked for: once per entry of `ids`.
fn expected_counts(base_path: &str, ids: &[u64]) -> BTreeMap<String, usize> {
    path_counts(
        ids.iter()
            .map(|id| format!("{base_path}/photos/{id}"))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str),
    )
}

fn path_counts<'a>(paths: impl Iterator<Item = &'a str>) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for path in paths {
        *counts.entry(path.to_owned()).or_insert(0) += 1;
    }
    counts
}

/// The first path asked for another number of times than `ids` calls for, as a message.
fn compare_counts(
    expected: &BTreeMap<String, usize>,
    got: &BTreeMap<String, usize>,
    ids: &[u64],
) -> Option<String> {
    let (path, want) = expected
        .iter()
        .find(|(path, want)| got.get(*path).copied().unwrap_or(0) != **want)?;
    let received = got.get(path).copied().unwrap_or(0);
    let id = path.rsplit('/').next().unwrap_or_default();
    Some(if *want > 1 && received < *want {
        format!(
            "{id} appears {} in {ids:?}, and the server received GET {path} {}: one request \
             per entry of `ids`, a repeated id included (each entry has its own result)",
            count_of_times(*want),
            count_of_times(received)
        )
    } else if received > *want {
        format!(
            "the server received GET {path} {}, though {id} appears {} in {ids:?}: one \
             request per entry of `ids`; a request that fails is reported, not sent again",
            count_of_times(received),
            count_of_times(*want)
        )
    } else {
        format!(
            "the server never received GET {path}, though {id} is in {ids:?}: one request per \
             entry of `ids`"
        )
    })
}

/// How long the current thread has waited so far, ready to run, for a processor (the second
/// field of Linux's `/proc/thread-self/schedstat`); `None` where the system does not say.
///
/// A thread that stands still because the machine is busy was waiting for a processor; one
/// that stands still in `std::thread::sleep` was not. Taking the first from the heartbeat's
/// stalls leaves the blocking the code did itself.
fn run_delay() -> Option<Duration> {
    let stats = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos = stats.split_whitespace().nth(1)?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

/// A slot that stayed idle too long while ids waited.
struct IdleSlot<'a> {
    /// When a request's answer ended and the slot became free.
    freed_at: Instant,
    /// How many requests were still in flight then.
    in_flight: usize,
    /// The request that filled the slot, late.
    next: &'a Span,
}

/// Sweeps the server's log: whenever an answer ended while fewer than `limit` requests were in
/// flight and requests were still to come, the free slots must have been filled within
/// `slack`. Which request comes next does not matter, only that one does.
fn first_idle_slot(spans: &[Span], limit: usize, slack: Duration) -> Option<IdleSlot<'_>> {
    let mut by_start: Vec<&Span> = spans.iter().collect();
    by_start.sort_by_key(|s| s.at);
    let mut ends: Vec<Instant> = spans.iter().map(|s| s.end).collect();
    ends.sort();
    for freed_at in ends {
        let in_flight = spans
            .iter()
            .filter(|s| s.at <= freed_at && s.end > freed_at)
            .count();
        let later: Vec<&Span> = by_start
            .iter()
            .copied()
            .filter(|s| s.at > freed_at)
            .collect();
        let free = limit.saturating_sub(in_flight).min(later.len());
        if free == 0 {
            continue;
        }
        let filler = later[free - 1];
        if filler.at > freed_at + slack {
            return Some(IdleSlot {
                freed_at,
                in_flight,
                next: filler,
            });
        }
    }
    None
}

/// What a [`PhotoServer`] answers for one id.
#[derive(Clone, Copy, Debug)]
enum Answer {
    /// 200 and the photo, after this delay.
    Photo(Duration),
    /// This error status, at once, with a body shaped like the photo: only the status tells.
    Status(u16),
    /// 200 and an HTML page.
    NotAPhoto,
    /// No answer: the connection is closed.
    Drop,
}

/// One request as a [`PhotoServer`] saw it.
#[derive(Clone, Debug)]
struct Seen {
    path: String,
    at: Instant,
    delay: Duration,
}

impl Seen {
    fn end(&self) -> Instant {
        self.at + self.delay
    }
}

type Log = Arc<Mutex<Vec<Seen>>>;

fn note(log: &Log, path: &str, delay: Duration) {
    log.lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(Seen {
            path: path.to_owned(),
            at: Instant::now(),
            delay,
        });
}

/// A server of photos that answers each id as told, under a base path, and notes every request
/// it receives and when: what the checks need to make answers finish in an order of their
/// choosing, fail in every way, and see when each request started. (`MockApi` draws its delays
/// per request, not per id, and has no body that is not JSON.)
struct PhotoServer {
    server: MockServer,
    base_path: &'static str,
    log: Log,
}

impl PhotoServer {
    /// Serves `GET {base_path}/photos/{id}` for the ids in `answers`; anything else gets a 404.
    async fn start(base_path: &'static str, answers: &[(u64, Answer)]) -> PhotoServer {
        let server = lesson_support::testing::fresh_server().await;
        let log = Log::default();
        let path = |id: u64| format!("{base_path}/photos/{id}");
        let dropped: HashSet<String> = answers
            .iter()
            .filter(|(_, answer)| matches!(answer, Answer::Drop))
            .map(|&(id, _)| path(id))
            .collect();
        if !dropped.is_empty() {
            let drop_log = Arc::clone(&log);
            Mock::given(PathIn(dropped))
                .respond_with_err(move |request: &Request| {
                    note(&drop_log, request.url.path(), Duration::ZERO);
                    std::io::Error::new(std::io::ErrorKind::ConnectionReset, "dropped on purpose")
                })
                .with_priority(1)
                .mount(&server)
                .await;
        }
        Mock::given(any())
            .respond_with(Photos {
                answers: answers
                    .iter()
                    .map(|&(id, answer)| (path(id), (id, answer)))
                    .collect(),
                log: Arc::clone(&log),
            })
            .with_priority(10)
            .mount(&server)
            .await;
        PhotoServer {
            server,
            base_path,
            log,
        }
    }

    fn uri(&self) -> String {
        format!("{}{}", self.server.uri(), self.base_path)
    }

    fn seen(&self) -> Vec<Seen> {
        self.log
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn counts(&self) -> BTreeMap<String, usize> {
        let seen = self.seen();
        path_counts(seen.iter().map(|s| s.path.as_str()))
    }

    /// The ids of the answers in the order they left the server.
    fn finishing_order(&self) -> Vec<u64> {
        let mut seen = self.seen();
        seen.sort_by_key(Seen::end);
        seen.iter()
            .filter_map(|s| s.path.rsplit('/').next()?.parse().ok())
            .collect()
    }
}

/// The photo a [`PhotoServer`] serves for `id`.
fn photo_json(id: u64) -> Photo {
    Photo {
        album_id: id.div_ceil(50),
        id,
        title: format!("photo number {id}"),
        url: format!("https://example.com/600/{id}"),
        thumbnail_url: format!("https://example.com/150/{id}"),
    }
}

/// Matches requests for the paths in the set.
struct PathIn(HashSet<String>);

impl Match for PathIn {
    fn matches(&self, request: &Request) -> bool {
        self.0.contains(request.url.path())
    }
}

/// The responder behind [`PhotoServer`]. wiremock calls it as each request arrives, and waits
/// the delay it returns only afterwards, so the time it notes is the arrival.
struct Photos {
    /// Path → (id, answer).
    answers: HashMap<String, (u64, Answer)>,
    log: Log,
}

impl Respond for Photos {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let path = request.url.path();
        let answer = self.answers.get(path).copied();
        let delay = match answer {
            Some((_, Answer::Photo(delay))) => delay,
            _ => Duration::ZERO,
        };
        note(&self.log, path, delay);
        match answer {
            Some((id, Answer::Photo(delay))) => ResponseTemplate::new(200)
                .set_body_json(photo_json(id))
                .set_delay(delay),
            Some((id, Answer::Status(status))) => {
                ResponseTemplate::new(status).set_body_json(photo_json(id))
            }
            Some((id, Answer::NotAPhoto)) => ResponseTemplate::new(200).set_body_raw(
                format!("<!doctype html><title>Photo {id}</title><p>Moved.</p>"),
                "text/html",
            ),
            Some((_, Answer::Drop)) | None => {
                ResponseTemplate::new(404).set_body_raw("{}", "application/json")
            }
        }
    }
}

/// The client's timeout, in [`waits_as_long_as_the_client_does`]: not the course's 30 s, and
/// longer than a minute, so that neither a timeout of one's own equal to those nor the lesson's
/// deadline for a whole batch passes for it.
const CLIENT_TIMEOUT: Duration = Duration::from_secs(97);

/// How long, in real time, the paused-clock check waits for the exercise: it should take next
/// to none.
const REAL_TIME_BOUND: Duration = Duration::from_secs(5);

/// A slow answer is still waited for: on tokio's paused clock, against a server that takes a
/// day, the call ends when the client gives up ([`CLIENT_TIMEOUT`]), with both entries a
/// timeout, not at a deadline of its own.
pub async fn waits_as_long_as_the_client_does<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    let server = lesson_support::testing::fresh_server().await;
    // Slow enough that two warm-ups sent together need a connection each.
    Mock::given(wiremock::matchers::path("/warm"))
        .respond_with(ResponseTemplate::new(204).set_delay(Duration::from_millis(200)))
        .mount(&server)
        .await;
    Mock::given(wiremock::matchers::path_regex("^/api/photos/[0-9]+$"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(24 * 60 * 60)))
        .mount(&server)
        .await;
    let base_url = format!("{}/api", server.uri());
    let client = tagged_client_builder(&base_url)
        .timeout(CLIENT_TIMEOUT)
        .build()
        .map_err(|err| EXERCISE.fail(&format!("the check could not build its client: {err}")))?;
    // Two connections open before the clock is paused, so that no connection attempt is cut
    // short by a jump of the clock.
    let warm = format!("{}/warm", server.uri());
    let warmed =
        futures::future::join_all([client.get(&warm).send(), client.get(&warm).send()]).await;
    if warmed.iter().any(Result::is_err) {
        return Err(EXERCISE.fail("the check's own server could not be warmed up"));
    }

    tokio::time::pause();
    let started = tokio::time::Instant::now();
    let outcome = within_real_time(
        REAL_TIME_BOUND,
        EXERCISE.run(tokio::time::timeout(
            CLIENT_TIMEOUT * 4,
            candidate(&client, &base_url, &[4, 9], 2),
        )),
    )
    .await;
    let elapsed = started.elapsed();
    tokio::time::resume();
    let setting = format!(
        "asked for photos [4, 9] with `limit` 2 from a server that takes a day to answer, with a \
         client that gives up after {} s (its own timeout; the check ran on tokio's paused \
         clock, so it took no real time)",
        CLIENT_TIMEOUT.as_secs()
    );
    let Some(outcome) = outcome else {
        return Err(EXERCISE.fail(&format!(
            "{setting}: the function had not returned after {} s of real time, though the \
             paused clock jumps ahead whenever every task waits: wait only by awaiting",
            REAL_TIME_BOUND.as_secs()
        )));
    };
    let Ok(results) = outcome? else {
        return Err(EXERCISE.fail(&format!(
            "{setting}: the function had not returned {} s later: each request ends when the \
             client gives up on it",
            (CLIENT_TIMEOUT * 4).as_secs()
        )));
    };
    let shown: Vec<String> = results.iter().map(describe).collect();
    let shown = format!("[{}]", shown.join(", "));
    if elapsed < CLIENT_TIMEOUT {
        return Err(EXERCISE.fail(&format!(
            "{setting}: the function returned {shown} after {:.1} s: a slow answer is still a \
             photo, no timeout of your own (for a request or the whole batch); the client's \
             settings say how long to wait",
            elapsed.as_secs_f64()
        )));
    }
    if elapsed > CLIENT_TIMEOUT + Duration::from_secs(1) {
        return Err(EXERCISE.fail(&format!(
            "{setting}: the function returned {shown} after {:.1} s, later than the client gives \
             up: no timeout of your own, longer or shorter (a request's own `.timeout(…)` \
             replaces the client's)",
            elapsed.as_secs_f64()
        )));
    }
    if results.len() != 2
        || !results
            .iter()
            .all(|r| r.as_ref().is_err_and(|e| e.is_timeout()))
    {
        return Err(EXERCISE.fail(&format!(
            "{setting}: the function returned {shown}; expected two entries, each the client's \
             timeout, in their places"
        )));
    }
    Ok(())
}

/// The photo that came is the entry's result, whatever its `id`: asked for photo 7, the server
/// sends photo 8, and that is `Ok(photo 8)`, after one request (asking again, hoping for
/// photo 7, is a request the contract does not send).
pub async fn keeps_the_photo_that_came_whatever_its_id<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    let server = lesson_support::testing::fresh_server().await;
    for (asked, sent) in [(7, 8), (2, 2)] {
        Mock::given(wiremock::matchers::path(format!("/api/photos/{asked}")))
            .respond_with(ResponseTemplate::new(200).set_body_json(photo_json(sent)))
            .mount(&server)
            .await;
    }
    let base_url = format!("{}/api", server.uri());
    let client = tagged_client(&base_url);
    let results = EXERCISE
        .run(candidate(&client, &base_url, &[7, 2], 2))
        .await?;
    let requests: Vec<String> = server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .map(|r| r.url.path().to_owned())
        .collect();
    let sevens = requests.iter().filter(|p| *p == "/api/photos/7").count();
    let got: Vec<String> = results
        .iter()
        .map(|r| match r {
            Ok(photo) => format!("Ok(photo {})", photo.id),
            Err(_) => "Err(..)".to_owned(),
        })
        .collect();
    if sevens == 1 && requests.len() == 2 && got == ["Ok(photo 8)", "Ok(photo 2)"] {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked for ids [7, 2] with `limit` 2, the server answering photo 8 for /api/photos/7, \
         it received {requests:?} and your function returned {got:?}; expected one request per \
         entry and [\"Ok(photo 8)\", \"Ok(photo 2)\"]: an entry's result is the photo that \
         arrived for its request, whatever its `id`, and no request is sent again"
    )))
}

/// A base URL that is no URL (its scheme left out, `lesson_support::testing::NotAUrl`) is an
/// `Err`, the one `send()` gives: no panic on the way to building the URL.
pub async fn a_base_url_that_is_no_url_is_an_err_per_entry<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], usize) -> Vec<Result<Photo, reqwest::Error>>,
{
    let not_a_url = lesson_support::testing::NotAUrl::start().await;
    let no_url = not_a_url.base();
    let client = tagged_client("http://127.0.0.1");
    let results = EXERCISE
        .run(candidate(&client, no_url, &[3, 8, 5], 2))
        .await?;
    if let Some(rule) = not_a_url.reached().await {
        return Err(EXERCISE.fail(&rule));
    }
    if results.len() == 3 && results.iter().all(Result::is_err) {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked for ids [3, 8, 5] with `limit` 2 and the base URL {no_url:?}, which is no \
         URL (no scheme), got {} results, {} of them `Ok`; expected three `Err`s: a base URL \
         that is no URL makes each request fail, and each entry gets its `Err`",
        results.len(),
        results.iter().filter(|result| result.is_ok()).count()
    )))
}
