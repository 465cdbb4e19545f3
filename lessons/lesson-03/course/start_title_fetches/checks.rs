//! The checks of exercise 4 (`start_title_fetches`, a warm-up), run against your file, the
//! reference solution, the course's typical wrong answers and its correct variants.
//!
//! # Rule table
//!
//! | contract clause | check(s) | inputs that make the near misses fail |
//! |---|---|---|
//! | no task and no request for an empty `ids` | `starts_nothing_for_no_ids` | `ids = []` |
//! | one task per entry, started before returning: every request on its way before any handle is awaited | `starts_every_request_before_any_handle_is_awaited` | 11 ids, one repeated, 300 ms each; the check waits on the server for the requests without awaiting a handle, then reads the peak in flight: tasks that wait for the previous handle, one task doing all the requests |
//! | one GET `{base_url}/posts/{id}` per entry, base path kept, through a clone of `client` | `starts_every_request_before_any_handle_is_awaited`, `gives_each_title_in_its_own_handle` (helper `one_get_per_entry`) | base URLs ending in `/v1` and `/api`, a repeated id, tagged client whose `User-Agent` must arrive as set: `Client::new()` per task or one for all, a `User-Agent` of one's own, `Url::join`, dedup; the clients of the title and failure checks add `x-check-call: titles` and `failures` to their requests (a client kept from an earlier call in a `static` fails) |
//! | the handles in the order of `ids`, each with its post's title | `gives_each_title_in_its_own_handle` | answers arriving in another order than `ids` (250, 0, 120, 40 ms), post 31's title starting with a space and ending with a tab, post 64's 120 characters long, most of them 3 bytes in UTF-8 (a preview sliced at byte 40 panics), post 5's empty: the body instead of the title (or for an empty title), the titles of other posts, a trimmed or shortened title |
//! | … any success, any post | `gives_each_title_in_its_own_handle` | post 64 answering 201 (a panic on anything but 200 fails), post 8 with a `tags` field besides the four of a post (a struct that denies unknown fields fails); an `Accept: application/json` of one's own passes |
//! | … ids as `u64`; a base URL no request can go to is an `Err` per task | `gives_each_title_in_its_own_handle`, `gives_each_failure_in_its_own_handle` | id 5000000021 (past 32 bits: an id type of one's own that is `u32` fails); the base URL `not a url`: each handle `Err`, no panic (`Url::parse(..).expect(..)` fails) |
//! | a failed request is its task's `Err`, carrying the status; a task never panics | `gives_each_failure_in_its_own_handle` | a 404, a 429, a 410 and a 503 whose bodies *are* posts (ignoring the status, or checking only 404 and 5xx, gives their titles), post 58 with its `id` the string `"58"` (ids read leniently from strings fail), a 200 whose body is HTML and one whose body is JSON without a title (`value["title"]` gives `""`), a 200 with no body at all (an empty title for it fails), a post without its `body` (decoding a struct of fewer fields fails), post 31 with `"body": null` (a `body` skipped as `IgnoredAny` fails), a title and a body without ids (decoding `{title, body}` only fails), post 14 sent for id 41 (`Ok` with its title: asserting the id panics), `[post 16]` (the first of a list fails), a 500 with HTML (decoding before the status loses it), a connection dropped for id 66 (one request: retrying a failed connection fails), an address where nothing listens (an empty title for a refused connection fails), a 304 and a 300 with no body (not error statuses: `error_for_status().expect_err(..)` on anything but a 2xx panics): `unwrap` in the task (a `JoinError`), no `error_for_status`; then a 502 whose body breaks off a few bytes in (draining the error body with `?` loses the status); then ids [3, 5, 8] with 5's task aborted before it ever ran: 3 and 8 must still end with their titles within 3 s (a `Barrier` before sending holds them for ever) |
//! | … a post in an envelope is no post; ids are `u64`; an answer without a `Content-Length` is a post | `gives_each_failure_in_its_own_handle` (its last two parts) | `{"data": post 52}` (an untagged enum that unwraps envelopes fails); a post whose `id` is -3 (no post) and one whose `id` is 10¹⁹ (a post): ids decoded as `i64` fail; post 61 sent with `Transfer-Encoding: chunked` (`content_length().expect(..)` panics) |
//! | a task never retries | `never_retries_a_request_that_timed_out` | a server that takes a day and a client that gives up after 300 ms, ids `[9, 4, 9]`: a second try after a timeout fails; each handle must end in `Err` within 3 s; then ids `[27, 3, 27]` at a `localhost` address where nothing listens, through a client that counts its connection attempts (its name lookups): a second try after a refused connection (`is_connect()`) fails |
//! | … however many ids: no cap of one's own | `has_every_request_in_flight_however_many` | 101 ids, one repeated, 600 ms each, peak read on the server: a semaphore of 16, or any cap up to 100, holds some back |
//! | each request sent at once, with no timer before it | `sends_each_request_at_once` | 7 ids, one repeated, on tokio's paused clock held still by the check (only yielding, at most 2 s of real time): every request must reach the server; a task that sleeps k × 20 ms first, to spread the load, fails |
//! | through a clone of `client`, which shares its connections | `starts_every_request_before_any_handle_is_awaited`, `reuses_the_clients_connections` | `Connection: close` on a request (no connection left to share) fails; two calls one after the other must open one connection, counted at the client's resolver (`localhost`): an HTTP/1.0 request, which keeps no connection alive, opens two |
//! | every call's tasks ask the server, nothing remembered between calls | `asks_again_on_every_call` (last) | ids [4, 9], then [9, 4] with post 4's title changed in between: a process-wide cache keyed by URL gives the second call the old title and sends no request |
//! | each task owns its clone of `client`, which ends with it | `keeps_no_clone_of_the_client_after_its_tasks` (last) | ids [7, 8] through a client whose resolver lives as long as any clone of it: after every handle ends and the check drops its client, none may be alive within 1 s; a clone leaked for a `&'static Client` (`Box::leak`) or kept in a `static` is |

use std::collections::BTreeMap;
use std::time::Duration;

use lesson_support::testing::count_of_times;
use lesson_support::testing::{Exercise, Verdict, held_still, is_tagged, tagged_client};
use mock_server::{Fault, FaultEffect, FaultSelect, Latency, MockApi};
use reqwest::Client;
use tokio::task::JoinHandle;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::warm_ups::{
    IN_FLIGHT_ROUNDS, arrivals_of, latency_of_round, list, sent_again, worth_another_round,
};

pub const EXERCISE: Exercise = Exercise {
    number: 4,
    file: "lessons/lesson-03/src/exercises/start_title_fetches.rs",
};

lesson_support::exercise_checks! {
    erased: Erased;
    candidate: Fn(&Client, &str, &[u64]) -> Handles;
    starts_nothing_for_no_ids,
    starts_every_request_before_any_handle_is_awaited,
    gives_each_title_in_its_own_handle,
    gives_each_failure_in_its_own_handle,
    never_retries_a_request_that_timed_out,
    sends_each_request_at_once,
    // After the timer check: a pause before each request also keeps fewer in flight.
    has_every_request_in_flight_however_many,
    reuses_the_clients_connections,
    // Last: only answers right about everything above reach it.
    asks_again_on_every_call,
    keeps_no_clone_of_the_client_after_its_tasks,
}

/// Any answer behind one type, so that `all` compiles the checks once, not once per kept answer
/// of `tests/course.rs` (see `erased:` in `lesson_support::exercise_checks!`).
pub struct Erased(Box<AnyAnswer>);

/// What `Erased` holds: a function of the exercise's signature.
type AnyAnswer = dyn Fn(&Client, &str, &[u64]) -> Handles;

impl Erased {
    pub fn new<F>(candidate: F) -> Self
    where
        F: Fn(&Client, &str, &[u64]) -> Handles + Copy + 'static,
    {
        Erased(Box::new(candidate))
    }

    /// The answer, callable as the checks call it.
    pub fn call(&self) -> &AnyAnswer {
        &*self.0
    }
}

/// What the function returns.
pub type Handles = Vec<JoinHandle<Result<String, reqwest::Error>>>;

/// Awaits every handle, in order, and describes each outcome: `Ok("title")`, `Err(status
/// 404)`, `Err(no status)`, `the task panicked`.
async fn outcomes(handles: Handles) -> Vec<String> {
    let mut described = Vec::with_capacity(handles.len());
    for handle in handles {
        described.push(match handle.await {
            Ok(Ok(title)) => format!("Ok({title:?})"),
            Ok(Err(err)) => match err.status() {
                Some(status) => format!("Err(status {})", status.as_u16()),
                None => "Err(no status)".to_owned(),
            },
            Err(err) if err.is_panic() => "the task panicked".to_owned(),
            Err(_) => "the task was cancelled".to_owned(),
        });
    }
    described
}

/// The rule "one GET `{base_url}/posts/{id}` per entry of `ids`, through `client`", read from
/// what the server received: (method, path, tagged) per request.
fn one_get_per_entry(requests: &[(String, String, bool)], base_path: &str, ids: &[u64]) -> Verdict {
    if requests.iter().any(|(_, _, tagged)| !tagged) {
        return Err(EXERCISE.fail(
            "a request did not come from the `client` given to the function with its settings \
             (a `Client::new()` in the task, or a header of your own over the client's \
             `User-Agent`?): give each task `client.clone()`, which shares the caller's settings \
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
                 request per entry of `ids`, an id listed twice fetched twice",
                list(ids),
                count_of_times(listed),
                count_of_times(n)
            )));
        }
    }
    Ok(())
}

/// What a wiremock server received, as (method, path, tagged).
async fn requests_of(server: &MockServer) -> Vec<(String, String, bool)> {
    server
        .received_requests()
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|r| {
            // Tagged, and with the client's own `User-Agent`: a clone of `client` sends with
            // its settings.
            let agent = r.headers.get("user-agent").and_then(|v| v.to_str().ok());
            let kept = is_tagged(&r.headers) && agent == Some(lesson_support::client::USER_AGENT);
            (r.method.to_string(), r.url.path().to_owned(), kept)
        })
        .collect()
}

/// Post `id` as the server sends it, titled `title of {id}`.
fn post(id: u64) -> serde_json::Value {
    serde_json::json!({"userId": 1, "id": id, "title": title_of(id), "body": "…"})
}

/// The title of post `id` on the checks' servers: post 31's starts and ends with blanks, which
/// are part of it, post 64's is 120 characters long, most of them three bytes in UTF-8, and post
/// 5's is empty.
fn title_of(id: u64) -> String {
    match id {
        5 => String::new(),
        31 => " title of 31\t".to_owned(),
        // Three bytes a character after the first twelve: a preview cut at byte 40, 50, 80
        // or 100 (`&title[..40]`) falls inside a character and panics.
        64 => format!(
            "title of 64 {}",
            "日本語のタイトルと、その続きの言葉".repeat(5)
        )
        .chars()
        .take(120)
        .collect(),
        _ => format!("title of {id}"),
    }
}

/// Mounts an answer for `GET {base_path}/posts/{id}`.
async fn mount(server: &MockServer, base_path: &str, id: u64, template: ResponseTemplate) {
    Mock::given(method("GET"))
        .and(path(format!("{base_path}/posts/{id}")))
        .respond_with(template)
        .mount(server)
        .await;
}

/// Calls the function; a panic in it becomes the check's message.
async fn start<F>(
    candidate: &F,
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Handles, String>
where
    F: Fn(&Client, &str, &[u64]) -> Handles,
{
    EXERCISE
        .run(async { candidate(client, base_url, ids) })
        .await
}

/// No ids, no task, no request.
pub async fn starts_nothing_for_no_ids<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64]) -> Handles,
{
    let api = MockApi::start().await;
    let client = tagged_client(&api.uri());
    let handles = start(candidate, &client, &api.uri(), &[]).await?;
    let count = handles.len();
    let _ = outcomes(handles).await;
    if let Some(first) = api.arrivals().first() {
        return Err(EXERCISE.fail(&format!(
            "asked about no ids, yet the server received {} {}: with an empty `ids` there is \
             nothing to fetch",
            first.method, first.path
        )));
    }
    if count > 0 {
        return Err(EXERCISE.fail(&format!(
            "asked about no ids, got {count} handles: one task per entry of `ids`, so none"
        )));
    }
    Ok(())
}

/// The tasks run on their own: every request reaches the server, all of them in flight at once,
/// while the check has not awaited a single handle.
pub async fn starts_every_request_before_any_handle_is_awaited<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64]) -> Handles,
{
    let api = MockApi::builder()
        .base_path("/v1")
        .latency(Latency::Fixed(Duration::from_millis(300)))
        .start()
        .await;
    let client = tagged_client(&api.uri());
    let ids = [61, 4, 27, 4, 90, 13, 38, 72, 9, 55, 81];

    let tasks = tokio::runtime::Handle::current().metrics();
    let tasks_before = tasks.num_alive_tasks();
    let handles = start(candidate, &client, &api.uri(), &ids).await?;
    // Counted before any task has had a chance to run (and to end).
    let started = tasks.num_alive_tasks().saturating_sub(tasks_before);

    // Wait on the server's side, without touching the handles, for every request to have been
    // answered (300 ms each), or for 5 s: plenty for tasks that run on their own.
    let waited = std::time::Instant::now();
    while api.arrivals().len() < ids.len() && waited.elapsed() < Duration::from_secs(5) {
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    tokio::time::sleep(Duration::from_millis(400)).await;
    let before_awaiting = api.arrivals().len();
    let peak = api.peak_in_flight();
    let titles = outcomes(handles).await;

    let requests = arrivals_of(&api);
    one_get_per_entry(&requests, "/v1", &ids)?;
    let closing = api.arrivals().into_iter().find(|arrival| {
        arrival
            .headers
            .get("connection")
            .and_then(|value| value.to_str().ok())
            .is_some_and(|value| value.to_ascii_lowercase().contains("close"))
    });
    if let Some(closing) = closing {
        return Err(EXERCISE.fail(&format!(
            "the server received {} {} with `Connection: close`, and closed that connection \
             after answering: the tasks' clones of `client` share its connections, for the \
             next request to reuse; leave the `Connection` header to the client",
            closing.method, closing.path
        )));
    }
    if before_awaiting < ids.len() {
        return Err(EXERCISE.fail(&format!(
            "asked about {} ids, the server had received {before_awaiting} requests 5 s after \
             the function returned, while no handle had been awaited yet: start each request \
             in a task of its own with `tokio::spawn`, so that it runs without being awaited",
            ids.len()
        )));
    }
    if peak < ids.len() {
        return Err(EXERCISE.fail(&format!(
            "asked about {} ids against a server that answers after 300 ms, the server saw at \
             most {peak} of them in flight at once: each task sends its own request at once, \
             without waiting for another task",
            ids.len()
        )));
    }
    if started < ids.len() {
        return Err(EXERCISE.fail(&format!(
            "asked about {} ids, the function returned having started {started} task(s) on the \
             runtime it was called on: one task per entry of `ids`, each started with \
             `tokio::spawn` on that runtime (neither a `spawn_blocking` closure, which takes a \
             thread of the blocking pool for the whole request, nor a task of another runtime \
             counts)",
            ids.len()
        )));
    }
    // The mock's titles are JSONPlaceholder's, not `title of {id}`: compare only the kinds.
    if titles.len() != ids.len() || titles.iter().any(|t| !t.starts_with("Ok(")) {
        return Err(EXERCISE.fail(&format!(
            "asked about ids {}, all of them posts that exist, the handles gave {titles:?}: \
             one handle per entry, each ending in `Ok(title)`",
            list(&ids)
        )));
    }
    Ok(())
}

/// However many ids, all in flight at once: 101 of them, more than any cap one might pick (a
/// semaphore of 16, `buffered(64)`, 100), answered after 600 ms each, peak read on the server.
pub async fn has_every_request_in_flight_however_many<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64]) -> Handles,
{
    // Every post of the mock once, scrambled, and the first one again at the end.
    let ids: Vec<u64> = (0..101).map(|i| (i * 59 + 3) % 100 + 1).collect();
    // On a busy machine, up to three rounds, the latency doubled each time (see
    // `warm_ups::IN_FLIGHT_ROUNDS`).
    let mut best_peak = 0;
    for round in 1..=IN_FLIGHT_ROUNDS {
        let latency = latency_of_round(Duration::from_millis(600), round);
        let api = MockApi::builder()
            .base_path("/v1")
            .latency(Latency::Fixed(latency))
            .start()
            .await;
        let client = tagged_client(&api.uri());
        let handles = start(candidate, &client, &api.uri(), &ids).await?;
        let titles = outcomes(handles).await;
        one_get_per_entry(&arrivals_of(&api), "/v1", &ids)?;
        let peak = api.peak_in_flight();
        if peak < ids.len() {
            if worth_another_round(peak, ids.len(), round, &mut best_peak) {
                continue;
            }
            return Err(EXERCISE.fail(&format!(
                "asked about 101 ids against a server that answers after {} ms, the server saw \
                 at most {peak} of them in flight at once: every task sends its request at once, \
                 however many there are (no cap, no semaphore of your own)",
                latency.as_millis()
            )));
        }
        if titles.len() != ids.len() || titles.iter().any(|t| !t.starts_with("Ok(")) {
            return Err(EXERCISE.fail(
                "asked about 101 ids, all of them posts that exist, the handles did not all end \
                 in `Ok(title)`: one handle per entry, each ending in `Ok(title)`",
            ));
        }
        break;
    }
    Ok(())
}

/// An id that does not fit in 32 bits: ids are `u64`, in the request and in the post.
const BIG_ID: u64 = 5_000_000_021;

/// Each handle holds its own post's title, in the order of `ids`, though the answers arrive in
/// another order.
pub async fn gives_each_title_in_its_own_handle<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64]) -> Handles,
{
    let server = lesson_support::testing::fresh_server().await;
    for (id, delay) in [(8, 250), (31, 0), (5, 120), (64, 40), (BIG_ID, 60)] {
        let mut body = post(id);
        // A field more than a post's four, as APIs add them: still a post.
        if id == 8 {
            body["tags"] = serde_json::json!(["history", "crime"]);
        }
        // A success that is not a 200.
        let status = if id == 64 { 201 } else { 200 };
        let answer = ResponseTemplate::new(status)
            .set_body_json(body)
            .set_delay(Duration::from_millis(delay));
        mount(&server, "/api", id, answer).await;
    }
    let base_url = format!("{}/api", server.uri());
    // A client of this call's own: a header on every request says which call it was given to.
    let client = client_of_call(&base_url, "titles")?;
    let ids = [8, 31, 5, 31, 64, BIG_ID];

    let handles = start(candidate, &client, &base_url, &ids).await?;
    let titles = outcomes(handles).await;

    one_get_per_entry(&requests_of(&server).await, "/api", &ids)?;
    sent_through_this_calls_client(&server, "titles", &ids).await?;
    let expected: Vec<String> = ids
        .iter()
        .map(|&id| format!("Ok({:?})", title_of(id)))
        .collect();
    if titles == expected {
        return Ok(());
    }
    let rule = if titles.iter().any(|t| t == "the task panicked") {
        "a task never panics, whatever the title (slicing a `String` at a byte that falls \
         inside a character panics: count `chars()` instead); "
    } else {
        ""
    };
    Err(EXERCISE.fail(&format!(
        "asked about ids {} (answers arriving in the order 31, 64, 5000000021, 5, 8; post 31's \
         title starts with a space and ends with a tab, post 64's is 120 characters long, most \
         of them 3 bytes in UTF-8, and came with 201 Created, post 5's is empty, post 8 has a \
         `tags` field besides the four of a post, post 5000000021's id does not fit in 32 \
         bits), the handles gave {titles:?}; expected {expected:?}: {rule}one handle per entry \
         of `ids`, in its order, each task ending in the title of its own post, as the server \
         sent it",
        list(&ids)
    )))
}

/// The header [`client_of_call`] adds to every request.
const CALL_HEADER: &str = "x-check-call";

/// A tagged client whose requests also carry `x-check-call: {call}`.
fn client_of_call(base_url: &str, call: &'static str) -> Result<Client, String> {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(CALL_HEADER, reqwest::header::HeaderValue::from_static(call));
    lesson_support::testing::tagged_client_builder(base_url)
        .default_headers(headers)
        .build()
        .map_err(|err| EXERCISE.fail(&format!("the check could not build its client: {err}")))
}

/// Every request carried `x-check-call: {call}`: it went through the client given to this call.
async fn sent_through_this_calls_client(server: &MockServer, call: &str, ids: &[u64]) -> Verdict {
    let received = server.received_requests().await.unwrap_or_default();
    let without = received
        .iter()
        .filter(|r| {
            r.headers
                .get(CALL_HEADER)
                .is_none_or(|value| value.as_bytes() != call.as_bytes())
        })
        .count();
    if without == 0 {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids {} with a client that adds `{CALL_HEADER}: {call}` to its requests, \
         the server received {without} request(s) without it: send each request through a \
         clone of the `client` given to this call (a client kept from an earlier call, in a \
         `static` or a `OnceLock`, is another caller's)",
        list(ids)
    )))
}

/// A connection closed without an answer is that task's `Err`, after one request: no retry.
async fn a_dropped_connection_is_one_request_and_an_err<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64]) -> Handles,
{
    let api = MockApi::builder()
        .fault(Fault {
            select: FaultSelect::Ids(vec![66]),
            effect: FaultEffect::DropConnection,
        })
        .start()
        .await;
    let client = tagged_client(&api.uri());
    let ids = [5, 66];
    let handles = start(candidate, &client, &api.uri(), &ids).await?;
    let dropped = outcomes(handles).await;
    let requests = arrivals_of(&api);
    one_get_per_entry(&requests, "", &ids)?;
    if dropped.len() != 2 || !dropped[0].starts_with("Ok(") || dropped[1] != "Err(no status)" {
        return Err(EXERCISE.fail(&format!(
            "asked about ids [5, 66], the server closing the connection for 66 without an \
             answer, the handles gave {dropped:?}; expected Ok(title of 5) and Err(no status): \
             a failed connection is that task's `Err`"
        )));
    }
    // Nothing listens at this address: every connection fails.
    let nowhere = lesson_support::testing::unused_local_url();
    let handles = start(candidate, &client, &nowhere, &[3, 8]).await?;
    let refused = outcomes(handles).await;
    if refused != ["Err(no status)", "Err(no status)"] {
        return Err(EXERCISE.fail(&format!(
            "asked about ids [3, 8] at {nowhere}, where nothing listens, the handles gave \
             {refused:?}; expected two Err(no status): a connection that cannot be made is \
             that task's `Err`, not a title"
        )));
    }
    an_error_status_whose_body_breaks_off_is_that_status(candidate).await?;
    a_task_aborted_at_once_holds_up_no_other(candidate).await
}

/// An error status is known from the head: a 502 whose body then breaks off (the server closes
/// the connection a few bytes into it) is that task's `Err` carrying 502.
async fn an_error_status_whose_body_breaks_off_is_that_status<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64]) -> Handles,
{
    let server = lesson_support::testing::RawAnswerServer::start(
        lesson_support::testing::cut_short(502),
        false,
    )
    .await?;
    let client = tagged_client(&server.url);
    let handles = start(candidate, &client, &server.url, &[4, 9]).await?;
    let cut = outcomes(handles).await;
    if cut != ["Err(status 502)", "Err(status 502)"] {
        return Err(EXERCISE.fail(&format!(
            "asked about ids [4, 9] of a server that answers 502 and closes the connection a \
             few bytes into the body, the handles gave {cut:?}; expected two Err(status 502): \
             the status is in the head, whatever becomes of the body, so the error then carries \
             that status (`error_for_status()?` before the body is read, and no read of the \
             body after it that could replace its error)"
        )));
    }
    Ok(())
}

/// Each task's request is its own: a task aborted by the caller before it ever ran (a fetch
/// the caller no longer wants) keeps no other task from sending its request and ending.
async fn a_task_aborted_at_once_holds_up_no_other<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64]) -> Handles,
{
    let api = MockApi::start().await;
    let client = tagged_client(&api.uri());
    let mut handles = start(candidate, &client, &api.uri(), &[3, 5, 8]).await?;
    if handles.len() != 3 {
        // The other checks say what is wrong with that.
        return Ok(());
    }
    // Aborted before this check yields: on its one thread, the task has not run yet.
    handles[1].abort();
    let aborted = handles.remove(1);
    let others = tokio::time::timeout(Duration::from_secs(3), outcomes(handles)).await;
    drop(aborted);
    let asked = arrivals_of(&api);
    match others {
        Ok(titles) if titles.iter().all(|title| title.starts_with("Ok(")) => Ok(()),
        other => Err(EXERCISE.fail(&format!(
            "asked about ids [3, 5, 8], the caller aborted the task of 5 at once (a fetch it no \
             longer wants), and the tasks of 3 and 8 {} (the server had received {}): each task \
             sends its own request at once and ends with its answer, whatever the other tasks \
             do (none waits for the others to start: no `Barrier`, no channel between them)",
            match other {
                Ok(titles) => format!("gave {titles:?}"),
                Err(_) => "had not ended 3 s later".to_owned(),
            },
            if asked.is_empty() {
                "no request".to_owned()
            } else {
                asked
                    .iter()
                    .map(|(method, path, _)| format!("{method} {path}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        ))),
    }
}

/// A failed request is its own task's `Err`, carrying the status; no task panics.
pub async fn gives_each_failure_in_its_own_handle<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64]) -> Handles,
{
    let server = lesson_support::testing::fresh_server().await;
    mount(
        &server,
        "/api",
        12,
        ResponseTemplate::new(200).set_body_json(post(12)),
    )
    .await;
    // Error statuses whose bodies are posts: only the status says they failed.
    mount(
        &server,
        "/api",
        404,
        ResponseTemplate::new(404).set_body_json(post(404)),
    )
    .await;
    mount(
        &server,
        "/api",
        77,
        ResponseTemplate::new(503).set_body_json(post(77)),
    )
    .await;
    let not_a_post = ResponseTemplate::new(200).set_body_string("<html>maintenance</html>");
    mount(&server, "/api", 19, not_a_post).await;
    // JSON, but not a post: no title.
    let no_title = ResponseTemplate::new(200).set_body_json(serde_json::json!({"id": 23}));
    mount(&server, "/api", 23, no_title).await;
    // Almost a post: no body (an album's fields).
    let no_body = serde_json::json!({"userId": 1, "id": 29, "title": "title of 29"});
    mount(
        &server,
        "/api",
        29,
        ResponseTemplate::new(200).set_body_json(no_body),
    )
    .await;
    // Nearly a post: its `body` is `null`, of the wrong type (a field skipped with `IgnoredAny`,
    // or left out of a struct of fewer fields, lets it through).
    let null_body =
        serde_json::json!({"userId": 1, "id": 31, "title": "title of 31", "body": null});
    mount(
        &server,
        "/api",
        31,
        ResponseTemplate::new(200).set_body_json(null_body),
    )
    .await;
    // A list holding a post is not a post.
    let listed = serde_json::json!([post(16)]);
    mount(
        &server,
        "/api",
        16,
        ResponseTemplate::new(200).set_body_json(listed),
    )
    .await;
    // A title and a body, but neither id: not a post either.
    let no_ids = serde_json::json!({"title": "title of 43", "body": "…"});
    mount(
        &server,
        "/api",
        43,
        ResponseTemplate::new(200).set_body_json(no_ids),
    )
    .await;
    // A 200 with no body at all: no post, so no title (not an empty one).
    mount(&server, "/api", 37, ResponseTemplate::new(200)).await;
    // Asked for post 41, the server sends post 14: a post all the same.
    mount(
        &server,
        "/api",
        41,
        ResponseTemplate::new(200).set_body_json(post(14)),
    )
    .await;
    // An error status whose body is not a post: the status still says what failed.
    let busy = ResponseTemplate::new(500).set_body_string("<html>oops</html>");
    mount(&server, "/api", 500, busy).await;
    // More error statuses whose bodies are posts: every 4xx is one, not only a 404.
    for status in [429, 410] {
        let answer = ResponseTemplate::new(status).set_body_json(post(u64::from(status)));
        mount(&server, "/api", u64::from(status), answer).await;
    }
    // A post whose `id` is the string "58": an id is a JSON number, so this is no post.
    let id_as_text =
        serde_json::json!({"userId": 1, "id": "58", "title": "title of 58", "body": "…"});
    mount(
        &server,
        "/api",
        58,
        ResponseTemplate::new(200).set_body_json(id_as_text),
    )
    .await;
    // A 3xx that the client hands back as it is, with no body: not an error status
    // (`error_for_status` passes it), and no post either (`expect_err` on it panics).
    for status in [304, 300] {
        mount(
            &server,
            "/api",
            u64::from(status),
            ResponseTemplate::new(status),
        )
        .await;
    }
    let base_url = format!("{}/api", server.uri());
    let client = client_of_call(&base_url, "failures")?;
    let ids = [
        404, 12, 77, 19, 23, 29, 16, 41, 500, 37, 304, 43, 429, 58, 410, 31, 300,
    ];

    let handles = start(candidate, &client, &base_url, &ids).await?;
    let outcomes = outcomes(handles).await;

    one_get_per_entry(&requests_of(&server).await, "/api", &ids)?;
    sent_through_this_calls_client(&server, "failures", &ids).await?;
    let expected = [
        "Err(status 404)",
        "Ok(\"title of 12\")",
        "Err(status 503)",
        "Err(no status)",
        "Err(no status)",
        "Err(no status)",
        "Err(no status)",
        "Ok(\"title of 14\")",
        "Err(status 500)",
        "Err(no status)",
        "Err(no status)",
        "Err(no status)",
        "Err(status 429)",
        "Err(no status)",
        "Err(status 410)",
        "Err(no status)",
        "Err(no status)",
    ];
    if outcomes == expected {
        a_dropped_connection_is_one_request_and_an_err(candidate).await?;
        a_base_url_no_request_can_go_to_is_an_err(candidate).await?;
        a_post_in_an_envelope_is_no_post(candidate).await?;
        a_posts_ids_are_whole_numbers_from_zero(candidate).await?;
        return a_post_without_a_content_length_is_a_post(candidate).await;
    }
    let rule = if outcomes.iter().any(|o| o == "the task panicked") {
        "a task never panics: end it in `Err(err)` (`?` in the async block) instead of \
         unwrapping, or the caller gets a `JoinError` instead of the error"
    } else if [0, 2, 12, 14]
        .iter()
        .any(|&at| outcomes.get(at).is_some_and(|o| o.starts_with("Ok")))
        || outcomes.get(8).is_some_and(|o| o == "Err(no status)")
    {
        "an error status is the task's `Err`, carrying the status, whatever the body holds \
         and whatever the status, any 4xx or 5xx (`error_for_status` before decoding, or the \
         body is never looked at)"
    } else {
        "each task ends in the title of the post its answer carried (whatever its id) or its \
         own request's error: an error status carried in the `Err`, a body that is not a post \
         (all four fields, the ids JSON numbers) an `Err` too"
    };
    Err(EXERCISE.fail(&format!(
        "asked about ids {} (404 and 503 answered with posts as their bodies, 19 answered 200 \
         with HTML, 23 answered 200 with `{{\"id\": 23}}`, JSON that is not a post, 29 answered \
         200 with a post without its `body`, not a post either, 16 answered 200 with a list \
         holding post 16, not a post, 41 answered 200 with post 14, \
         a post all the same, 500 answered 500 with HTML, 37 answered 200 with no body at \
         all, 43 answered 200 with a title and a body but no ids, not a post, 429 and 410 \
         answered with posts, 58 answered 200 with a post whose `id` is the string \"58\", not \
         a post, 31 answered 200 with a post whose `body` is `null`, not a post, 304 and 300 \
         answered with no body, no post), the handles \
         gave {outcomes:?}; expected {expected:?}: {rule}",
        list(&ids)
    )))
}

/// A base URL no request can go to (`not a url`) fails each task's request, as an `Err`: no
/// panic, in the function or in a task.
async fn a_base_url_no_request_can_go_to_is_an_err<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64]) -> Handles,
{
    let client = tagged_client("http://127.0.0.1");
    let handles = start(candidate, &client, "not a url", &[3, 8]).await?;
    let outcomes = outcomes(handles).await;
    let expected = ["Err(no status)", "Err(no status)"];
    if outcomes == expected {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids [3, 8] with the base URL `not a url`, the handles gave {outcomes:?}; \
         expected {expected:?}: a URL no request can go to fails the request, and that failure \
         is the task's `Err` (reqwest reports it from `send()`), never a panic"
    )))
}

/// No retry: a request that timed out (the client's own timeout, 300 ms here, against a server
/// that takes a day) is its task's `Err`, sent once.
pub async fn never_retries_a_request_that_timed_out<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64]) -> Handles,
{
    const CLIENT_TIMEOUT: Duration = Duration::from_millis(300);
    let server = lesson_support::testing::fresh_server().await;
    for id in [9, 4] {
        let answer = ResponseTemplate::new(200)
            .set_body_json(post(id))
            .set_delay(Duration::from_secs(24 * 60 * 60));
        mount(&server, "/api", id, answer).await;
    }
    let base_url = format!("{}/api", server.uri());
    let client = lesson_support::testing::tagged_client_builder(&base_url)
        .timeout(CLIENT_TIMEOUT)
        .build()
        .map_err(|err| EXERCISE.fail(&format!("the check could not build its client: {err}")))?;
    let ids = [9, 4, 9];

    let handles = start(candidate, &client, &base_url, &ids).await?;
    let aborts: Vec<_> = handles.iter().map(JoinHandle::abort_handle).collect();
    let titles = tokio::time::timeout(CLIENT_TIMEOUT * 10, outcomes(handles)).await;
    // Whatever is still running is stopped, so that it sends no more.
    aborts.iter().for_each(tokio::task::AbortHandle::abort);
    let requests = requests_of(&server).await;
    if let Some((line, sent, listed)) = sent_again(&requests, &ids, |id| format!("/api/posts/{id}"))
    {
        return Err(EXERCISE.fail(&format!(
            "asked about ids {} on a server that takes a day to answer, with a client that gives \
             up after {} ms (its own timeout), the server received GET {line} {}, for an id \
             listed {}: a request that timed out is its task's `Err`, as it came; one request \
             per entry, never sent again (no retry)",
            list(&ids),
            CLIENT_TIMEOUT.as_millis(),
            count_of_times(sent),
            count_of_times(listed)
        )));
    }
    one_get_per_entry(&requests, "/api", &ids)?;
    let expected = vec!["Err(no status)".to_owned(); ids.len()];
    match titles {
        Ok(titles) if titles == expected => a_refused_connection_is_tried_once(candidate).await,
        Ok(titles) => Err(EXERCISE.fail(&format!(
            "asked about ids {} on a server that takes a day to answer, with a client that \
             gives up after {} ms, the handles gave {titles:?}; expected {expected:?}: a request \
             that timed out is its task's `Err`",
            list(&ids),
            CLIENT_TIMEOUT.as_millis()
        ))),
        Err(_) => Err(EXERCISE.fail(&format!(
            "asked about ids {} on a server that takes a day to answer, with a client that \
             gives up after {} ms, the handles had not all ended {} ms later: a task's \
             request gives up when the client's timeout says (no `.timeout` of your own on the \
             request), and the task ends with it, with no wait of its own",
            list(&ids),
            CLIENT_TIMEOUT.as_millis(),
            (CLIENT_TIMEOUT * 10).as_millis()
        ))),
    }
}

/// Part of [`never_retries_a_request_that_timed_out`]: a refused connection is not tried again
/// either. Each entry, at an address where nothing listens, is one connection attempt; no
/// server can count a second one, so the client counts them (its name lookups).
async fn a_refused_connection_is_tried_once<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64]) -> Handles,
{
    let base_url = format!("{}/api", lesson_support::testing::refused_localhost_url());
    let (client, attempts) = lesson_support::testing::counting_client(&base_url);
    let ids = [27, 3, 27];
    let handles = start(candidate, &client, &base_url, &ids).await?;
    let aborts: Vec<_> = handles.iter().map(JoinHandle::abort_handle).collect();
    let titles = tokio::time::timeout(Duration::from_secs(5), outcomes(handles)).await;
    aborts.iter().for_each(tokio::task::AbortHandle::abort);
    let expected = vec!["Err(no status)".to_owned(); ids.len()];
    let ended_as_expected = titles.as_ref().is_ok_and(|titles| *titles == expected);
    if attempts.get() > ids.len() || !ended_as_expected {
        let ended = match &titles {
            Ok(titles) => format!("the handles gave {titles:?}"),
            Err(_) => "the handles had not all ended 5 s later".to_owned(),
        };
        return Err(EXERCISE.fail(&format!(
            "asked about ids {} at an address where nothing listens, the client tried to \
             connect {} and {ended}; expected one attempt per entry and an Err(no status) in \
             each handle: a task never retries, and a refused connection is its `Err` as it is",
            list(&ids),
            count_of_times(attempts.get()),
        )));
    }
    Ok(())
}

/// Every request leaves at once, with no timer before it: on tokio's paused clock, held still
/// by the check (which only yields, for at most [`HELD_FOR`] of real time), every request still
/// reaches the server.
pub async fn sends_each_request_at_once<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64]) -> Handles,
{
    let api = MockApi::builder().base_path("/v1").start().await;
    let ids = [17, 3, 42, 3, 8, 25, 11];
    let base_url = api.uri();
    let client = tagged_client(&base_url);

    let handles = start(candidate, &client, &base_url, &ids).await?;
    // Only yielding, never waiting (the arrivals are read without an `.await`).
    let all_arrived = async {
        while api.arrivals().len() < ids.len() {
            tokio::task::yield_now().await;
        }
    };
    let (_, moved) = held_still(HELD_FOR, all_arrived).await;
    for handle in handles {
        handle.abort();
    }
    let arrived = api.arrivals().len();
    if arrived < ids.len() {
        return Err(EXERCISE.fail(&format!(
            "asked about ids {}, on tokio's paused clock held still by the check (it moved {} \
             ms), the server had received {arrived} of the {} requests after {} s of real \
             time: each task sends its request at once, with no timer before it (a sleep to \
             spread the requests out holds them back, here for good)",
            list(&ids),
            moved.as_millis(),
            ids.len(),
            HELD_FOR.as_secs()
        )));
    }
    Ok(())
}

/// How long, in real time, [`sends_each_request_at_once`] holds the clock still for the requests.
const HELD_FOR: Duration = Duration::from_secs(2);

/// A post wrapped in an envelope (`{"data": post 52}`, as JSON:API or Laravel answer) is not a
/// post: the body has the four fields itself, or it is an `Err`.
async fn a_post_in_an_envelope_is_no_post<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64]) -> Handles,
{
    let server = lesson_support::testing::fresh_server().await;
    let envelope = serde_json::json!({"data": post(52)});
    mount(
        &server,
        "/api",
        52,
        ResponseTemplate::new(200).set_body_json(envelope),
    )
    .await;
    let base_url = format!("{}/api", server.uri());
    let client = tagged_client(&base_url);
    let outcomes = outcomes(start(candidate, &client, &base_url, &[52]).await?).await;
    let expected = ["Err(no status)"];
    if outcomes == expected {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked about id 52, answered 200 with `{{\"data\": post 52}}` (a post inside another \
         object), the handle gave {outcomes:?}; expected {expected:?}: a body is a post only if \
         it holds the four fields itself; anything else is the task's `Err`"
    )))
}

/// `Post`'s ids are `u64`: a body whose `id` is -3 is no post, and one whose `id` is past
/// `i64`'s range (10¹⁹) is a post like any other.
async fn a_posts_ids_are_whole_numbers_from_zero<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64]) -> Handles,
{
    let server = lesson_support::testing::fresh_server().await;
    let negative = serde_json::json!({"userId": 1, "id": -3, "title": "title of 62", "body": "…"});
    let huge = serde_json::json!({
        "userId": 1, "id": 10_000_000_000_000_000_000_u64, "title": "title of 63", "body": "…"
    });
    for (id, body) in [(62, negative), (63, huge)] {
        mount(
            &server,
            "/api",
            id,
            ResponseTemplate::new(200).set_body_json(body),
        )
        .await;
    }
    let base_url = format!("{}/api", server.uri());
    let client = tagged_client(&base_url);
    let outcomes = outcomes(start(candidate, &client, &base_url, &[62, 63]).await?).await;
    let expected = ["Err(no status)", "Ok(\"title of 63\")"];
    if outcomes == expected {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids [62, 63], answered 200 with a post whose `id` is -3 and a post whose \
         `id` is 10000000000000000000 (past the range of an `i64`), the handles gave \
         {outcomes:?}; expected {expected:?}: a post's ids are whole numbers from 0 up to \
         2⁶⁴ − 1 (`Post`'s `u64`), so a negative id is no post, and an id past `i64` is one"
    )))
}

/// Post 61 sent in chunks, with no `Content-Length` (`Transfer-Encoding: chunked`, as servers
/// that stream their answers send it): a post like any other, and no panic.
async fn a_post_without_a_content_length_is_a_post<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64]) -> Handles,
{
    let json = post(61).to_string();
    let (first, rest) = json.split_at(json.len() / 2);
    let answer = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\
         connection: close\r\n\r\n{:x}\r\n{first}\r\n{:x}\r\n{rest}\r\n0\r\n\r\n",
        first.len(),
        rest.len()
    );
    let server = lesson_support::testing::RawAnswerServer::start(answer, false).await?;
    let client = tagged_client(&server.url);
    let outcomes = outcomes(start(candidate, &client, &server.url, &[61]).await?).await;
    let expected = ["Ok(\"title of 61\")"];
    if outcomes == expected {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked about id 61, answered 200 with post 61 sent in chunks, with no `Content-Length` \
         (`Transfer-Encoding: chunked`), the handle gave {outcomes:?}; expected {expected:?}: \
         an answer without a `Content-Length` is an answer like any other \
         (`content_length()` is `None` for it), and a task never panics"
    )))
}

/// Posts 7 and 8 on a fresh server, under `/api`, and a [`counting_client`] for it: the base
/// URL names the host `localhost`, which the client's resolver counts (and lives as long as any
/// clone of the client does).
///
/// [`counting_client`]: lesson_support::testing::counting_client
async fn posts_7_and_8_for_a_counting_client() -> (
    MockServer,
    String,
    Client,
    lesson_support::testing::ConnectionAttempts,
) {
    let server = lesson_support::testing::fresh_server().await;
    for id in [7, 8] {
        mount(
            &server,
            "/api",
            id,
            ResponseTemplate::new(200).set_body_json(post(id)),
        )
        .await;
    }
    let base_url = format!("{}/api", server.uri()).replacen("127.0.0.1", "localhost", 1);
    let (client, attempts) = lesson_support::testing::counting_client(&base_url);
    (server, base_url, client, attempts)
}

/// Through a clone of `client`, which shares its connections: two calls one after the other,
/// one id each, open one connection between them, counted where the client looks up the host.
/// A request that asks for its connection to be closed, in whichever way (a `Connection:
/// close` header, an HTTP/1.0 request, which keeps no connection alive), makes the second call
/// open another.
pub async fn reuses_the_clients_connections<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64]) -> Handles,
{
    let (server, base_url, client, connections) = posts_7_and_8_for_a_counting_client().await;
    let mut titles = Vec::new();
    for id in [7, 8] {
        let handles = start(candidate, &client, &base_url, &[id]).await?;
        titles.extend(outcomes(handles).await);
        // Time for the answered connection to go back to the client's pool.
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    one_get_per_entry(&requests_of(&server).await, "/api", &[7, 8])?;
    let expected = [r#"Ok("title of 7")"#, r#"Ok("title of 8")"#];
    if titles != expected {
        return Err(EXERCISE.fail(&format!(
            "called twice, with ids [7] and then [8], the handles gave {titles:?}; expected \
             {expected:?}"
        )));
    }
    match connections.get() {
        1 => Ok(()),
        opened => Err(EXERCISE.fail(&format!(
            "called twice, one after the other, with ids [7] and then [8], the client opened \
             {opened} connections to the server; expected 1, the first request's connection \
             kept alive for the second: the tasks' clones of `client` share its connections, \
             so send each request as the client would (no `Connection: close`, no HTTP/1.0, \
             which closes a connection after one answer)"
        ))),
    }
}

/// Every call's tasks ask the server: a title remembered from an earlier call is not the title
/// the server has now.
pub async fn asks_again_on_every_call<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64]) -> Handles,
{
    use crate::warm_ups::serve_titled;
    let server = lesson_support::testing::fresh_server().await;
    serve_titled(&server, 4, 4, "first title of 4").await;
    serve_titled(&server, 9, 9, "title of 9").await;
    let base_url = format!("{}/api", server.uri());
    let client = tagged_client(&base_url);
    let handles = start(candidate, &client, &base_url, &[4, 9]).await?;
    let first = outcomes(handles).await;
    one_get_per_entry(
        &crate::warm_ups::requests_of(&server).await,
        "/api",
        &[4, 9],
    )?;
    // Post 4 gets a new title; the server forgets what it received.
    server.reset().await;
    serve_titled(&server, 4, 4, "second title of 4").await;
    serve_titled(&server, 9, 9, "title of 9").await;
    let handles = start(candidate, &client, &base_url, &[9, 4]).await?;
    let second = outcomes(handles).await;

    let requests = crate::warm_ups::requests_of(&server).await;
    let asked = |id: u64| {
        let wanted = format!("/api/posts/{id}");
        requests.iter().filter(|(_, p, _)| *p == wanted).count()
    };
    let expected = [r#"Ok("title of 9")"#, r#"Ok("second title of 4")"#];
    if asked(4) == 1 && asked(9) == 1 && second == expected {
        return one_get_per_entry(&requests, "/api", &[9, 4]);
    }
    Err(EXERCISE.fail(&format!(
        "called twice with the same client and base URL, first with ids [4, 9] (the handles \
         gave {first:?}), then, post 4's title changed to \"second title of 4\" in between, \
         with ids [9, 4]: the second call's tasks sent GET /api/posts/4 {} and GET \
         /api/posts/9 {}, and the handles gave {second:?}; expected one request each and \
         {expected:?}: every task asks the server, no title is remembered from an earlier call",
        count_of_times(asked(4)),
        count_of_times(asked(9))
    )))
}

/// Each task owns a clone of `client`, which goes when the task ends: once every handle has
/// ended and the caller has dropped its client, no clone of it is left (and with the last one
/// go its connection pool and idle connections). The counting client's resolver tells: it lives
/// as long as any clone does.
pub async fn keeps_no_clone_of_the_client_after_its_tasks<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64]) -> Handles,
{
    let (_server, base_url, client, clones) = posts_7_and_8_for_a_counting_client().await;
    let handles = start(candidate, &client, &base_url, &[7, 8]).await?;
    let titles = outcomes(handles).await;
    drop(client);
    // A moment for anything the runtime still drops after the tasks' ends.
    let deadline = std::time::Instant::now() + Duration::from_secs(1);
    while clones.client_alive() && std::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    if clones.client_alive() {
        return Err(EXERCISE.fail(&format!(
            "asked about ids [7, 8], the handles gave {titles:?}; then every task had ended and \
             the caller had dropped its client, yet a clone of that client was still alive a \
             second later, and its connection pool with it: each task owns a clone of \
             `client` that ends with the task, and nothing else keeps one (no `Box::leak` for \
             a `&'static Client`, no `static`), or every call leaks a client"
        )));
    }
    Ok(())
}
