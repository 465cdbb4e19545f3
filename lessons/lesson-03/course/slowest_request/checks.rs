//! The checks of exercise 8 (`slowest_request`), run against your file, the reference solution,
//! the course's typical wrong answers and its correct variants.
//!
//! # Rule table
//!
//! | contract clause | check(s) | inputs that make the near misses fail |
//! |---|---|---|
//! | `None` for an empty `ids`, no request | `returns_none_for_no_ids` | `ids = []`: `unwrap` of the maximum, a first request sent regardless |
//! | the id, not its position; a single id | `returns_the_only_id_when_there_is_one` | `ids = [57]`: an index gives `Some(0)`; one GET for it (the only id answered without asking fails) |
//! | one GET per entry under `base_url` (path kept), repeats fetched twice, all through `client` | `sends_one_get_per_entry_through_the_given_client` (helper `one_get_per_entry`, reused by the later checks) | base URL ending in `/api/v1`, ids `[8, 3, 8, 120]`, tagged client: `Url::join`, dedup through a set, `reqwest::get`, `Client::new()` |
//! | the slowest, by each request's own time | `finds_the_slowest_request` | per-id delays, the slowest 700 ms against 300 ms or less, the fastest 0 ms against 150 ms or more; the slowest neither first nor last nor the largest id nor equal to its position; the fastest elsewhere: `min_by_key`, positions, whole seconds (`as_secs` truncates every time to 0), clocks read in turn after awaiting each handle |
//! | a request's time leaves out its wait for others (a slot, earlier handles) | `finds_the_slowest_request`, `has_every_request_in_flight_together` | the slowest third of seven: clocks read after awaiting earlier handles pick a later id; clocks started before a `buffer_unordered(4)` slot opens are refused for the cap; post 83 first of 81 ids at 300 ms, the rest at 80 ms (`a_wait_before_sending_is_not_the_requests_time`): sends staggered by 5 ms inside the clock make the last one the slowest |
//! | never a panic | every check (`EXERCISE.run` turns a panic into the message) | `ids = []`: `unwrap` of the maximum; the base URL `127.0.0.1:{port}`, its scheme left out (a server listening there, which no request may reach), ids [3, 8], which must give `Some(3)` or `Some(8)` (`finds_the_slowest_request`, last): `Url::parse(base_url).expect(..)` panics |
//! | every request counts: a repeated id's requests are each timed | `finds_the_slowest_request` (`a_repeat_counts_every_time`) | post 7 first and last of 14 ids, one of its requests answered at once and the other after 1000 ms, the slowest of all, run both ways round, post 19 after 600 ms: one time per id loses it, the first kept (a map's `or_insert`) or the last (`insert`, `collect` into a map), and so does the mean of its two (500 ms) |
//! | … a request with no answer too, for its time | `finds_the_slowest_request` (`a_request_without_answer_counts_for_its_time`) | post 44 never answers, the client gives up after 700 ms, the others answer within 250 ms: a failed `send()` counted as no time loses it; then (`a_quick_failure_is_quick`) 44's connection closed at once, the others after 300 ms: a failed `send()` counted as forever wins it |
//! | failed requests count too | `finds_the_slowest_request` | the slowest is a 404 after 700 ms, the next a 503 after 300 ms: skipping errors, `try_join_all`; every request failing (503, 500, 404): `None` when nothing succeeded; every connection refused (ids `[3, 8]` where nothing listens): still `Some` (leaving out requests whose `send()` failed gives `None`); post 64 after 1.1 s against post 71 asked three times, 400 ms each: `subsec_millis()`, or times added up per id, pick 71 |
//! | a request's time runs to the end of its answer | `times_each_request_to_the_end_of_its_body` | post 5's head at once with all but the last 16 bytes of its 100 KiB body, those 700 ms later (a clock stopped at the first `chunk()`, or after 16 or 64 KiB, fails), as a 200, as a 503, then as a 200 in chunks with no `content-length` (reading the body only when its length is announced fails), its body post 55 (returning the id in the body fails); the others whole after 300 ms: a clock stopped at `send()`, or at `error_for_status()` before the body, picks another |
//! | ties: either id | `finds_the_slowest_request` | two ids equally slow, both accepted; the fast one is not |
//! | all in flight together, no cap | `has_every_request_in_flight_together` | 13 ids (more than a cap of 10) and 101 ids (more than 50, 64 or 100), repeats, missing posts, 400 and 600 ms each, peak in flight read on the server: await in a loop, `Semaphore::new(10)`, `buffer_unordered(4)`, `buffer_unordered(50)` |
//! | no constant or habit passes | `agrees_with_the_server_on_seeded_latencies` | seeded jitter (20 to 520 ms) drawn per arrival, so which id is slowest depends on the run; the truth is read from the server's own delays; seeds 3547 and 9216 keep the slowest 220 ms or more ahead |

use std::collections::BTreeMap;
use std::time::Duration;

use lesson_support::testing::count_of_times;
use lesson_support::testing::{
    Exercise, SlowAnswer, SlowBodyServer, Verdict, is_tagged, tagged_client,
};
use mock_server::{Fault, FaultEffect, FaultSelect, Latency, MockApi, SeededRng};
use reqwest::Client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::warm_ups::{latency_of_round, not_together, run_until_proven, worth_another_round};

pub const EXERCISE: Exercise = Exercise {
    number: 8,
    file: "lessons/lesson-03/src/exercises/slowest_request.rs",
};

lesson_support::exercise_checks! {
    erased: Erased;
    candidate: AsyncFn(&Client, &str, &[u64]) -> Option<u64>;
    returns_none_for_no_ids,
    returns_the_only_id_when_there_is_one,
    sends_one_get_per_entry_through_the_given_client,
    // Before the timing checks: an answer that sends one request after another times them on a
    // single connection, whose first request also pays for connecting, which on a busy machine
    // can outweigh the delays the timing checks set.
    has_every_request_in_flight_together,
    finds_the_slowest_request,
    agrees_with_the_server_on_seeded_latencies,
    times_each_request_to_the_end_of_its_body,
}

/// Every answer behind one type, so that `all` compiles the checks once.
type Erased = crate::warm_ups::ErasedBatch<Option<u64>>;

/// The length of the long text in post 5's answer in [`times_each_request_to_the_end_of_its_body`]:
/// 100 KiB, past any cap a learner may put on what is read of a post.
const LONG_BODY: usize = 100 * 1024;

/// Every request answers after this long in the concurrency check.
const LATENCY: Duration = Duration::from_millis(400);

/// The latency of the concurrency check's scenario with many ids: more requests take longer to
/// reach the server on a busy machine, and all of them must arrive before the first answer.
const LATENCY_MANY: Duration = Duration::from_millis(600);

/// The ids as a list for a message.
fn list(ids: &[u64]) -> String {
    let ids: Vec<String> = ids.iter().map(u64::to_string).collect();
    format!("[{}]", ids.join(", "))
}

/// What a wiremock server received, as (method, path), for [`one_get_per_entry`].
async fn received(server: &MockServer) -> Vec<(String, String)> {
    server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .map(|r| (r.method.to_string(), r.url.path().to_owned()))
        .collect()
}

/// The rule "one GET `{base_url}/posts/{id}` per entry of `ids`", read from what the server
/// received: `requests` holds (method, path as received). `what` names the scenario.
fn one_get_per_entry(
    requests: &[(String, String)],
    base_path: &str,
    ids: &[u64],
    what: &str,
) -> Verdict {
    if requests.is_empty() && !ids.is_empty() {
        return Err(EXERCISE.fail(&format!(
            "{what}: no request reached the server at `base_url`: build each URL from \
             `base_url` (format!(\"{{base_url}}/posts/{{id}}\")) instead of a fixed address"
        )));
    }
    if !base_path.is_empty() {
        let prefix = format!("{base_path}/");
        if let Some((_, outside)) = requests.iter().find(|(_, p)| !p.starts_with(&prefix)) {
            return Err(EXERCISE.fail(&format!(
                "{what}: asked with a base URL ending in {base_path}, the request went to \
                 {outside}, outside it: keep the whole of `base_url` and append \
                 `/posts/{{id}}` to it (`Url::join` with a leading `/` replaces the base URL's \
                 path)"
            )));
        }
    }
    if let Some((verb, p)) = requests.iter().find(|(m, _)| m != "GET") {
        return Err(EXERCISE.fail(&format!(
            "{what}: the server received {verb} {p}; fetching a post is a GET"
        )));
    }
    let mut wanted: BTreeMap<String, usize> = BTreeMap::new();
    for id in ids {
        *wanted.entry(format!("{base_path}/posts/{id}")).or_default() += 1;
    }
    let mut got: BTreeMap<String, usize> = BTreeMap::new();
    for (_, p) in requests {
        *got.entry(p.clone()).or_default() += 1;
    }
    for (p, &n) in &got {
        let listed = wanted.get(p).copied().unwrap_or(0);
        if n > listed {
            return Err(EXERCISE.fail(&format!(
                "{what}: the server received GET {p} {}, but ids {} lists that id {}: send \
                 exactly one request per entry",
                count_of_times(n),
                list(ids),
                count_of_times(listed)
            )));
        }
    }
    for (p, &listed) in &wanted {
        let n = got.get(p).copied().unwrap_or(0);
        if n < listed {
            let rule = if n == 0 {
                "send every request and wait for every answer"
            } else {
                "an id listed twice is fetched twice"
            };
            return Err(EXERCISE.fail(&format!(
                "{what}: ids {} lists post {} {}, the server received GET {p} {}: {rule}, one \
                 timed request per entry of `ids`",
                list(ids),
                p.rsplit('/').next().unwrap_or_default(),
                count_of_times(listed),
                count_of_times(n)
            )));
        }
    }
    Ok(())
}

/// What a [`MockApi`] received, as (method, path).
fn requests_of(api: &MockApi) -> Vec<(String, String)> {
    api.arrivals()
        .into_iter()
        .map(|a| (a.method, a.path))
        .collect()
}

/// No ids, no requests, no slowest one, and no panic.
pub async fn returns_none_for_no_ids<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Option<u64>,
{
    let api = MockApi::start().await;
    let client = tagged_client(&api.uri());

    let answer = EXERCISE
        .run_with_nothing_to_do("asked about no ids", candidate(&client, &api.uri(), &[]))
        .await?;

    let requests = requests_of(&api);
    if !requests.is_empty() {
        let paths: Vec<&str> = requests.iter().map(|(_, p)| p.as_str()).collect();
        return Err(EXERCISE.fail(&format!(
            "asked about no ids, yet the server received {paths:?}: with an empty `ids` there \
             is nothing to time"
        )));
    }
    match answer {
        None => Ok(()),
        Some(id) => Err(EXERCISE.fail(&format!(
            "with no ids there is no slowest request, yet the answer was Some({id}): return None"
        ))),
    }
}

/// One id: it is the slowest, whatever its time.
pub async fn returns_the_only_id_when_there_is_one<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Option<u64>,
{
    let api = MockApi::start().await;
    let client = tagged_client(&api.uri());

    let answer = EXERCISE.run(candidate(&client, &api.uri(), &[57])).await?;

    match answer {
        Some(57) => {
            let requests = requests_of(&api);
            if requests == [("GET".to_owned(), "/posts/57".to_owned())] {
                return Ok(());
            }
            let seen: Vec<String> = requests.iter().map(|(m, p)| format!("{m} {p}")).collect();
            let seen = match seen.len() {
                0 => "no request".to_owned(),
                1 => format!("1 request ({})", seen.join(", ")),
                n => format!("{n} requests ({})", seen.join(", ")),
            };
            Err(EXERCISE.fail(&format!(
                "asked about ids [57], got Some(57), but the server received {seen}: one GET to \
                 exactly {{base_url}}/posts/{{id}} per entry of `ids`, even when there is only \
                 one"
            )))
        }
        Some(0) => Err(EXERCISE.fail(
            "asked about ids [57], got Some(0), the position of 57 in `ids`: return the id, \
             not its position",
        )),
        other => Err(EXERCISE.fail(&format!(
            "asked about ids [57], got {other:?}: with one request, that request is the \
             slowest; expected Some(57)"
        ))),
    }
}

/// One GET per entry, under `base_url`'s path, repeats included, all through the given client.
pub async fn sends_one_get_per_entry_through_the_given_client<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Option<u64>,
{
    let api = MockApi::builder().base_path("/api/v1").start().await;
    let client = tagged_client(&api.uri());
    let ids = [8, 3, 8, 120];

    EXERCISE.run(candidate(&client, &api.uri(), &ids)).await?;

    let arrivals = api.arrivals();
    let strangers = arrivals.iter().filter(|a| !is_tagged(&a.headers)).count();
    if strangers > 0 {
        return Err(EXERCISE.fail(&format!(
            "{strangers} of {} requests did not come from the `client` you were given: send \
             every request through it, not through `reqwest::get` or a `Client` of your own",
            arrivals.len()
        )));
    }
    let what = format!("asked about ids {} under {}", list(&ids), api.uri());
    one_get_per_entry(&requests_of(&api), "/api/v1", &ids, &what)
}

/// A server under `/v3` whose post `id` answers with `status` after `ms` milliseconds.
async fn posts_answering(answers: &[(u64, u16, u64)]) -> MockServer {
    let server = lesson_support::testing::fresh_server().await;
    for &(id, status, ms) in answers {
        let body = if status == 200 {
            serde_json::json!({"userId": 1, "id": id, "title": format!("post {id}"), "body": "…"})
        } else {
            serde_json::json!({})
        };
        Mock::given(method("GET"))
            .and(path(format!("/v3/posts/{id}")))
            .respond_with(
                ResponseTemplate::new(status)
                    .set_body_json(body)
                    .set_delay(Duration::from_millis(ms)),
            )
            .mount(&server)
            .await;
    }
    server
}

/// One scenario of [`finds_the_slowest_request`]: runs the candidate against a server answering
/// as `answers` says, and checks the answer is one of `slowest`.
async fn slowest_of<F>(
    candidate: &F,
    answers: &[(u64, u16, u64)],
    ids: &[u64],
    slowest: &[u64],
) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Option<u64>,
{
    let server = posts_answering(answers).await;
    let base_url = format!("{}/v3", server.uri());
    let client = tagged_client(&base_url);

    let answer = EXERCISE.run(candidate(&client, &base_url, ids)).await?;

    let requests = received(&server).await;
    let timings: Vec<String> = answers
        .iter()
        .map(|(id, status, ms)| match status {
            200 => format!("{id}: {ms} ms"),
            _ => format!("{id}: {status} after {ms} ms"),
        })
        .collect();
    let what = format!("ids {} answering after [{}]", list(ids), timings.join(", "));
    one_get_per_entry(&requests, "/v3", ids, &what)?;
    let Some(id) = answer else {
        return Err(EXERCISE.fail(&format!(
            "{what}: got None; with ids there is always a slowest request, failed ones included"
        )));
    };
    if slowest.contains(&id) {
        return Ok(());
    }
    let ms_of = |id: u64| answers.iter().find(|a| a.0 == id).map(|a| a.2);
    let fastest = answers
        .iter()
        .filter(|a| ids.contains(&a.0))
        .min_by_key(|a| a.2);
    let failed_slowest = answers
        .iter()
        .any(|(a, status, _)| slowest.contains(a) && *status != 200);
    let rule = if fastest.is_some_and(|f| f.0 == id) {
        "that is the fastest request: the answer is the one that took longest, each request \
         timed from its own start to its own answer (the largest duration, `max_by_key`)"
            .to_owned()
    } else if ms_of(id).is_none() && (id as usize) < ids.len() {
        format!(
            "{id} is not an id of the list but the position of {} in it: return the id, not its \
             position",
            ids[id as usize]
        )
    } else if ms_of(id).is_none() {
        format!("{id} is not one of the ids asked about")
    } else if ids.last() == Some(&id) {
        format!(
            "the request for {id}, the last of the list, took about {} ms, less than the slowest. \
             The answer is the id whose own request took longest: time each request from its \
             own start to its own answer, and compare the durations as they are",
            ms_of(id).unwrap_or(0)
        )
    } else if failed_slowest && answers.iter().any(|a| a.0 == id && a.1 == 200) {
        // What the server saw, both rules named: skipping the failures and timing something
        // else than the whole request can each end here.
        format!(
            "the request for {id} took about {} ms and succeeded; the slowest request failed, \
             and a failed request counts too: a slow error is still slow. Each request is timed \
             from its own start to its own answer",
            ms_of(id).unwrap_or(0)
        )
    } else {
        format!(
            "the request for {id} took about {} ms, less than the slowest. The answer is the id \
             whose own request took longest: time each request from its own start to its own \
             answer, and compare the durations as they are",
            ms_of(id).unwrap_or(0)
        )
    };
    let expected: Vec<String> = slowest.iter().map(|id| format!("Some({id})")).collect();
    Err(EXERCISE.fail(&format!(
        "{what}: got Some({id}), expected {}: {rule}",
        expected.join(" or ")
    )))
}

/// Each request timed on its own: the slowest is found wherever it stands, even when it failed;
/// of two equally slow ones, either will do.
pub async fn finds_the_slowest_request<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Option<u64>,
{
    // Post 57 is the slowest, third in the list: neither first, nor last (88), nor the largest
    // id (88), nor the fastest (9), and its position (2) is not an id of the list. Each of them
    // stands 180 ms or more from the next, and the slowest 400 ms ahead.
    let all_good = [
        (31, 200, 220),
        (4, 200, 260),
        (57, 200, 700),
        (9, 200, 0),
        (12, 200, 300),
        (88, 200, 180),
    ];
    // The slowest answer is a 404, the next one a 503 (and last in the list); the slowest
    // success (40) is neither first nor last.
    let failing = [
        (6, 200, 150),
        (140, 404, 700),
        (23, 503, 300),
        (95, 200, 0),
        (40, 200, 220),
    ];
    // 61 and 35 tie; 2 is fast.
    let tie = [(61, 200, 400), (2, 200, 0), (35, 200, 400)];
    // Every request fails: the slowest failure (26) is still the slowest request.
    let none_good = [(21, 503, 200), (26, 500, 600), (33, 404, 0)];
    // Past a second (64, 1.1 s: a clock read as `subsec_millis()` says 100 ms), and 71 asked
    // three times, 400 ms each (added up, 1.2 s): each request's time is its own.
    let long = [(71, 200, 400), (64, 200, 1100), (5, 200, 0)];
    let (first, second, third, fourth, fifth, sixth, seventh, eighth) = tokio::join!(
        slowest_of(candidate, &all_good, &[31, 4, 57, 4, 9, 12, 88], &[57]),
        slowest_of(candidate, &failing, &[6, 140, 40, 6, 95, 23], &[140]),
        slowest_of(candidate, &tie, &[61, 2, 35, 2], &[61, 35]),
        slowest_of(candidate, &none_good, &[21, 26, 33, 21], &[26]),
        slowest_of(candidate, &long, &[71, 64, 71, 5, 71], &[64]),
        a_repeat_counts_every_time(candidate, false),
        a_request_without_answer_counts_for_its_time(candidate),
        a_repeat_counts_every_time(candidate, true),
    );
    first?;
    second?;
    third?;
    fourth?;
    fifth?;
    sixth?;
    seventh?;
    eighth?;
    no_answer_at_all_still_counts(candidate).await?;
    // Alone: its 81 requests at once would slow the clocks of the scenarios above.
    a_wait_before_sending_is_not_the_requests_time(candidate).await?;
    a_quick_failure_is_quick(candidate).await
}

/// A request's time starts when it is sent: any wait of the code's own before that (a turn in a
/// staggered start, a pause between sends) is not the request's. Post 83, first of 81 ids,
/// answers after 300 ms, the 80 others after 80 ms: 5 ms between sends, counted in each
/// request's time, makes the last of them take 480 ms.
async fn a_wait_before_sending_is_not_the_requests_time<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Option<u64>,
{
    const SLOWEST: u64 = 83;
    let mut rng = SeededRng::new(83);
    let mut others: Vec<u64> = (1..=80).collect();
    rng.shuffle(&mut others);
    let answers: Vec<(u64, u16, u64)> = std::iter::once((SLOWEST, 200, 300))
        .chain(others.iter().map(|&id| (id, 200, 80)))
        .collect();
    let ids: Vec<u64> = answers.iter().map(|answer| answer.0).collect();
    let what = format!(
        "81 ids, post {SLOWEST} first, answering after 300 ms, the other 80 (posts 1 to 80, \
         shuffled) after 80 ms"
    );
    // A busy machine can stretch one of the 80 past 300 ms, now and then; a clock that takes in
    // a wait before the send picks a later id every time. So up to three runs, and one right
    // pick will do.
    let mut verdict = Ok(());
    for _ in 0..WAIT_BEFORE_SENDING_TRIES {
        let server = posts_answering(&answers).await;
        let base_url = format!("{}/v3", server.uri());
        let client = tagged_client(&base_url);
        let answer = EXERCISE.run(candidate(&client, &base_url, &ids)).await?;
        let requests = received(&server).await;
        one_get_per_entry(&requests, "/v3", &ids, &what)?;
        verdict = match answer {
            Some(SLOWEST) => return Ok(()),
            Some(id) => {
                let position = ids.iter().position(|&x| x == id).map_or(0, |at| at + 1);
                Err(EXERCISE.fail(&format!(
                    "{what}: got Some({id}), number {position} in the list, expected \
                     Some({SLOWEST}) (in each of {WAIT_BEFORE_SENDING_TRIES} runs): a \
                     request's time runs from when it is sent to the end of its answer, \
                     without any wait of your own before it (a turn, a pause between sends, a \
                     slot): start each clock where its request starts"
                )))
            }
            None => {
                return Err(EXERCISE.fail(&format!(
                    "{what}: got None; with ids there is always a slowest request"
                )));
            }
        };
    }
    verdict
}

/// How many runs [`a_wait_before_sending_is_not_the_requests_time`] makes at most: a correct
/// answer picks post 83 in the first, nearly always.
const WAIT_BEFORE_SENDING_TRIES: usize = 3;

/// A request that failed at once took next to no time: post 44's connection is closed as soon
/// as its request arrives, and the others answer after 300 ms. Counting a failed `send()` as
/// forever (`Duration::MAX`) makes it the slowest.
async fn a_quick_failure_is_quick<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Option<u64>,
{
    let api = MockApi::builder()
        .base_path("/v3")
        .latency(Latency::Fixed(Duration::from_millis(300)))
        .fault(Fault {
            select: FaultSelect::Ids(vec![44]),
            effect: FaultEffect::DropConnection,
        })
        .start()
        .await;
    let base_url = api.uri();
    let client = tagged_client(&base_url);
    let ids = [12, 44, 30];
    let answer = EXERCISE.run(candidate(&client, &base_url, &ids)).await?;
    if matches!(answer, Some(12 | 30)) {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "ids [12, 44, 30], where the server closes 44's connection as soon as its request \
         arrives and answers the others after 300 ms: got {answer:?}, expected Some(12) or \
         Some(30): each request's time is its own, from its start to its end, a failed one's \
         too (here next to nothing), not counted as forever"
    )))
}

/// A request that got no answer still took its time: post 44 never answers, and the client
/// gives up after 700 ms, longer than any other request takes. Counting a failed `send()` as
/// no time at all loses it.
async fn a_request_without_answer_counts_for_its_time<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Option<u64>,
{
    let answers = [
        (12, 200, 0),
        (44, 200, 30_000),
        (5, 404, 250),
        (30, 200, 100),
    ];
    let server = posts_answering(&answers).await;
    let base_url = format!("{}/v3", server.uri());
    let client = lesson_support::testing::tagged_client_builder(&base_url)
        .timeout(Duration::from_millis(700))
        .build()
        .map_err(|err| format!("the check's client: {err}"))?;
    let ids = [12, 44, 5, 30];
    let answer = EXERCISE.run(candidate(&client, &base_url, &ids)).await?;
    if answer == Some(44) {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "ids [12, 44, 5, 30] through a client that gives up after 700 ms, where 44 never \
         answers and the others answer within 250 ms: got {answer:?}, expected Some(44): every \
         request counts, one that got no answer at all too, for the time it took (700 ms, until \
         the client gave up), not as no time"
    )))
}

/// Each request of a repeated id is timed on its own: post 7, first and last in a list of 14,
/// answers one of its two requests at once and the other after 1000 ms, the slowest of all,
/// and post 19 after 600 ms, slower than the mean of post 7's two (averaging loses it too).
/// Keeping one time per id loses it: the first one measured (a map's `or_insert`) when the
/// slow request is the second, the last one measured (a map's `insert`, or `collect` into a
/// map) when it is the first; the check runs both ways. The first in the list is sent 12
/// requests ahead of the last, so it reaches the server first and gets the first answer.
async fn a_repeat_counts_every_time<F>(candidate: &F, slow_first: bool) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Option<u64>,
{
    let (first_delay, second_delay) = if slow_first { (1000, 0) } else { (0, 1000) };
    let others = [
        (41, 200, 120),
        (3, 200, 0),
        // The slowest of the others, slower than the mean of post 7's two (500 ms).
        (19, 404, 600),
        (66, 200, 60),
        (8, 200, 240),
        (27, 200, 0),
        (90, 200, 300),
        (15, 200, 180),
        (52, 200, 30),
        (11, 200, 200),
        (73, 200, 90),
        (36, 200, 270),
    ];
    let server = posts_answering(&others).await;
    let post_7 = serde_json::json!({"userId": 1, "id": 7, "title": "post 7", "body": "…"});
    Mock::given(method("GET"))
        .and(path("/v3/posts/7"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(&post_7)
                .set_delay(Duration::from_millis(first_delay)),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/v3/posts/7"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(&post_7)
                .set_delay(Duration::from_millis(second_delay)),
        )
        .with_priority(2)
        .mount(&server)
        .await;
    let ids = [7, 41, 3, 19, 66, 8, 27, 90, 15, 52, 11, 73, 36, 7];
    let base_url = format!("{}/v3", server.uri());
    let client = tagged_client(&base_url);

    let answer = EXERCISE.run(candidate(&client, &base_url, &ids)).await?;

    let requests = received(&server).await;
    let what = format!(
        "ids {} where post 7 answers its first request after {first_delay} ms and its second \
         after {second_delay} ms, and the others within 600 ms",
        list(&ids)
    );
    one_get_per_entry(&requests, "/v3", &ids, &what)?;
    if answer == Some(7) {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "{what}: got {answer:?}, expected Some(7): every request counts, each of a repeated \
         id's too, timed on its own"
    )))
}

/// Where nothing listens, every request fails without an answer: each still took its time, so
/// there is a slowest, one of the ids (a request whose `send()` failed counts too).
async fn no_answer_at_all_still_counts<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Option<u64>,
{
    let base_url = lesson_support::testing::unused_local_url();
    let client = tagged_client(&base_url);
    let answer = EXERCISE.run(candidate(&client, &base_url, &[3, 8])).await?;
    if !matches!(answer, Some(3 | 8)) {
        return Err(EXERCISE.fail(&format!(
            "ids [3, 8] at an address where nothing listens (every connection refused): got \
             {answer:?}, expected Some(3) or Some(8): every request counts, failed ones \
             included, those that got no answer at all too"
        )));
    }
    a_base_url_that_is_no_url_still_counts(candidate).await
}

/// A base URL that is no URL (`lesson_support::testing::NotAUrl`, its scheme left out) makes
/// every request fail in `send()`, before it is sent: each still counts, so the answer is one
/// of the ids, with no panic on the way to building the URL.
async fn a_base_url_that_is_no_url_still_counts<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Option<u64>,
{
    let not_a_url = lesson_support::testing::NotAUrl::start().await;
    let no_url = not_a_url.base();
    let client = tagged_client("http://127.0.0.1");
    let answer = EXERCISE.run(candidate(&client, no_url, &[3, 8])).await?;
    if let Some(rule) = not_a_url.reached().await {
        return Err(EXERCISE.fail(&rule));
    }
    match answer {
        Some(3 | 8) => Ok(()),
        other => Err(EXERCISE.fail(&format!(
            "ids [3, 8] with the base URL {no_url:?}, which is no URL (no scheme): got \
             {other:?}, expected Some(3) or Some(8): every request fails in `send()`, and \
             every request counts, failed ones included"
        ))),
    }
}

/// A request's time runs to the end of its answer, its body read: post 5's head comes at once
/// and its body 700 ms later; the others' heads come after 300 ms, their bodies with them.
pub async fn times_each_request_to_the_end_of_its_body<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Option<u64>,
{
    // A success first, then the same with post 5 failing (503): an error's body is part of
    // its answer too. Then the success again with post 5's body in chunks, with no
    // `content-length`: a body is read whether or not its length is announced.
    for (status, chunked) in [(200, false), (503, false), (200, true)] {
        times_to_the_end_of_the_body(candidate, status, chunked).await?;
    }
    Ok(())
}

/// [`times_each_request_to_the_end_of_its_body`], post 5 answering `status`, its body in
/// chunks if `chunked`.
async fn times_to_the_end_of_the_body<F>(candidate: &F, status: u16, chunked: bool) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Option<u64>,
{
    let server = SlowBodyServer::start(move |_, path| {
        let id: u64 = path
            .rsplit('/')
            .next()
            .and_then(|id| id.parse().ok())
            .unwrap_or(0);
        if path == "/v3/posts/5" {
            // Post 55 (an answer is not always the post asked for), 100 KiB long, all but its
            // last 16 bytes with the head: neither the first piece of a body nor its first
            // 64 KiB says anything of when it ends.
            let post = serde_json::json!({
                "userId": 1, "id": 55, "title": "t", "body": "b".repeat(LONG_BODY)
            });
            let length = serde_json::to_vec(&post).map_or(LONG_BODY, |json| json.len());
            let answer = SlowAnswer::json(status, &post)
                .first_bytes_with_head(length - 16)
                .body_after(Duration::from_millis(700));
            if chunked { answer.chunked() } else { answer }
        } else {
            let post = serde_json::json!({"userId": 1, "id": id, "title": "t", "body": "b"});
            SlowAnswer::json(200, &post).head_after(Duration::from_millis(300))
        }
    })
    .await;
    let base_url = format!("{}/v3", server.uri());
    let client = tagged_client(&base_url);
    let ids = [12, 5, 30, 44];
    let answer = EXERCISE.run(candidate(&client, &base_url, &ids)).await?;
    let requests: Vec<(String, String)> = server
        .arrivals()
        .into_iter()
        .map(|a| (a.method, a.path))
        .collect();
    let what = format!(
        "ids {}, post 5's head ({status}{}) sent at once with all but the last 16 bytes of its \
         100 KiB body (post 55), those 16 bytes 700 ms later, the others' heads and bodies \
         after 300 ms",
        list(&ids),
        if chunked {
            ", its body in chunks, with no `content-length`"
        } else {
            ""
        }
    );
    one_get_per_entry(&requests, "/v3", &ids, &what)?;
    match answer {
        Some(5) => Ok(()),
        Some(55) => Err(EXERCISE.fail(&format!(
            "{what}: got Some(55), the id in post 5's answer, expected Some(5): the answer is \
             the id of the slowest request, as it is in `ids`, whatever its answer holds"
        ))),
        other => Err(EXERCISE.fail(&format!(
            "{what}: got {other:?}, expected Some(5): a request's time runs from its start to \
             the end of its answer, its body read to the end (`.bytes().await`), not only to \
             its head (`send().await`), its first piece (`chunk().await`) or its first so many \
             bytes"
        ))),
    }
}

/// All requests are in flight together, however many.
pub async fn has_every_request_in_flight_together<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Option<u64>,
{
    // 13 entries, more than a round cap of 10, with repeats and a missing post.
    let few = [12, 5, 97, 5, 140, 33, 8, 71, 5, 26, 64, 19, 3];
    // 101 entries: more than a cap of 50, 64 or 100, yet fewer than the 128 connections a
    // server's accept queue holds while it is busy. Posts 1 to 88 and three missing ones, ten
    // of them twice, shuffled.
    let mut rng = SeededRng::new(101);
    let mut many: Vec<u64> = (1..=88).chain([102, 107, 119]).collect();
    many.extend((0..10).map(|_| rng.between(1, 88)));
    rng.shuffle(&mut many);
    let what_many = format!(
        "asked about {} ids (1 to 88, 102, 107 and 119, ten of them twice, shuffled; 102, 107 \
         and 119 are missing posts)",
        many.len()
    );
    // Both at once, and the first failure ends the check: a sequential answer need not be
    // waited for twice.
    futures::future::try_join(
        in_flight_together(
            candidate,
            &few,
            LATENCY,
            format!("asked about 13 ids {}", list(&few)),
        ),
        in_flight_together(candidate, &many, LATENCY_MANY, what_many),
    )
    .await
    .map(|_| ())
}

/// One scenario of [`has_every_request_in_flight_together`]: every answer after `latency`.
async fn in_flight_together<F>(
    candidate: &F,
    ids: &[u64],
    latency: Duration,
    what: String,
) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Option<u64>,
{
    // On a busy machine, up to three rounds, the latency doubled each time (see
    // `warm_ups::IN_FLIGHT_ROUNDS`); only a hundred ids can come close enough to be run again.
    let mut best_peak = 0;
    let mut round = 1;
    loop {
        let latency = latency_of_round(latency, round);
        let api = slow_server(latency).await;
        let verdict = in_flight_on(&api, candidate, ids, latency, &what).await;
        if verdict.is_err()
            && worth_another_round(api.peak_in_flight(), ids.len(), round, &mut best_peak)
        {
            round += 1;
            continue;
        }
        return verdict;
    }
}

/// The server of one round of [`in_flight_together`].
async fn slow_server(latency: Duration) -> MockApi {
    MockApi::builder()
        .base_path("/api/v1")
        .latency(Latency::Fixed(latency))
        .start()
        .await
}

/// One round of [`in_flight_together`], on `api`.
async fn in_flight_on<F>(
    api: &MockApi,
    candidate: &F,
    ids: &[u64],
    latency: Duration,
    what: &str,
) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Option<u64>,
{
    let client = tagged_client(&api.uri());
    // Together they take one latency; give up long before one after another would finish.
    let give_up = latency * 3 + Duration::from_millis(300);

    let base_url = api.uri();
    let run = EXERCISE.run(candidate(&client, &base_url, ids));
    let finished = run_until_proven(api, ids.len(), latency, give_up, run).await;

    if let Some(answer) = finished {
        answer?;
        one_get_per_entry(&requests_of(api), "/api/v1", ids, what)?;
        if api.peak_in_flight() == ids.len() {
            return Ok(());
        }
    }
    Err(EXERCISE.fail(&not_together(
        api,
        ids,
        latency,
        what,
        "Time each request inside its own future and await them together",
    )))
}

/// One seeded scenario of [`agrees_with_the_server_on_seeded_latencies`].
async fn agrees_on<F>(candidate: &F, seed: u64, n: usize) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Option<u64>,
{
    let mut rng = SeededRng::new(seed);
    let mut ids: Vec<u64> = (0..n).map(|_| rng.between(1, 104)).collect();
    ids[rng.between(1, n as u64 - 1) as usize] = ids[0];
    let base_path = rng.pick(&["/api/v1", "/v2", "/jsonplaceholder/api"]);
    let api = MockApi::builder()
        .base_path(base_path)
        .latency(Latency::Range {
            min: Duration::from_millis(20),
            max: Duration::from_millis(520),
        })
        .seed(seed)
        .start()
        .await;
    let client = tagged_client(&api.uri());

    let answer = EXERCISE.run(candidate(&client, &api.uri(), &ids)).await?;

    let what = format!(
        "seeded scenario {seed} (base path {base_path}, ids {}, each answered after 20 to 520 ms)",
        list(&ids)
    );
    one_get_per_entry(&requests_of(&api), base_path, &ids, &what)?;
    let mut arrivals = api.arrivals();
    arrivals.sort_by_key(|a| std::cmp::Reverse(a.delay));
    let id_of = |p: &str| p.rsplit('/').next().and_then(|id| id.parse::<u64>().ok());
    let (slowest, next) = (&arrivals[0], &arrivals[1]);
    if slowest.delay - next.delay < Duration::from_millis(150) {
        return Err(EXERCISE.fail(&format!(
            "{what}: the check's own scenario has no clear slowest request ({:?} against \
             {:?}); this is a bug in the course, not in your code",
            slowest.delay, next.delay
        )));
    }
    let expected = id_of(&slowest.path);
    if answer == expected {
        return Ok(());
    }
    let delays: Vec<String> = arrivals
        .iter()
        .map(|a| format!("{} {} ms", id_of(&a.path).unwrap_or(0), a.delay.as_millis()))
        .collect();
    Err(EXERCISE.fail(&format!(
        "{what}: the server held each request for [{}] (slowest first), so the slowest was \
         {expected:?}; got {answer:?}. Time each request from its own start to its own answer \
         and keep the largest",
        delays.join(", ")
    )))
}

/// Jitter drawn by the server per request, so that which id is slowest depends on the run: the
/// answer must be the one the server itself held longest.
pub async fn agrees_with_the_server_on_seeded_latencies<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64]) -> Option<u64>,
{
    // Seeds whose 13 and 17 draws leave the slowest at least 220 ms ahead of the next.
    let (first, second) = tokio::join!(
        agrees_on(candidate, 3547, 13),
        agrees_on(candidate, 9216, 17)
    );
    first?;
    second
}
