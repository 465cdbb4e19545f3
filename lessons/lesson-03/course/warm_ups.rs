//! Helpers shared by the checks of lesson 03's exercises (the warm-ups 3 to 6, and 7 and 8),
//! which reach it as `crate::warm_ups`.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use lesson_support::testing::{is_tagged, tagged_client_builder};
use mock_server::MockApi;
use reqwest::Client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// The ids as a list for a message.
pub fn list(ids: &[u64]) -> String {
    let ids: Vec<String> = ids.iter().map(u64::to_string).collect();
    format!("[{}]", ids.join(", "))
}

/// What a wiremock server received, as (method, path, tagged).
pub async fn requests_of(server: &MockServer) -> Vec<(String, String, bool)> {
    server
        .received_requests()
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|r| {
            (
                r.method.to_string(),
                r.url.path().to_owned(),
                is_tagged(&r.headers),
            )
        })
        .collect()
}

/// What a `MockApi` received, as (method, path, tagged).
pub fn arrivals_of(api: &MockApi) -> Vec<(String, String, bool)> {
    api.arrivals()
        .into_iter()
        .map(|a| (a.method, a.path, is_tagged(&a.headers)))
        .collect()
}

/// The first of `paths` (one per id, as `path_of` makes it) that the server received more
/// often than `ids` lists its id, as (path, times received, times listed): a request sent again.
pub fn sent_again(
    requests: &[(String, String, bool)],
    ids: &[u64],
    path_of: impl Fn(u64) -> String,
) -> Option<(String, usize, usize)> {
    ids.iter().find_map(|&id| {
        let line = path_of(id);
        let sent = requests.iter().filter(|(_, p, _)| *p == line).count();
        let listed = ids.iter().filter(|&&listed| listed == id).count();
        (sent > listed).then_some((line, sent, listed))
    })
}

/// Mounts `GET /api/posts/{asked}` answering post `sent` titled `title`, for the checks that
/// call an exercise twice on one server ("every call asks the server"): between the calls the
/// check resets the server and mounts a new title, which a cache of answers would not see.
///
/// Each answer carries an `ETag` and a `Last-Modified`, as real servers' answers do: code that
/// remembers them shows it by sending `If-None-Match` or `If-Modified-Since` later
/// ([`conditional_requests`]).
pub async fn serve_titled(server: &MockServer, asked: u64, sent: u64, title: &str) {
    let post = serde_json::json!({"userId": 1, "id": sent, "title": title, "body": "…"});
    Mock::given(method("GET"))
        .and(path(format!("/api/posts/{asked}")))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(post)
                .insert_header("etag", format!("\"{sent}-{}\"", title.len()).as_str())
                .insert_header("last-modified", "Tue, 01 Dec 2026 08:00:00 GMT"),
        )
        .mount(server)
        .await;
}

/// The requests `server` received that carried a validator from an earlier answer
/// (`If-None-Match`, `If-Modified-Since`), as `GET /api/posts/4 with If-None-Match: "4-16"`.
pub async fn conditional_requests(server: &MockServer) -> Vec<String> {
    let received = server.received_requests().await.unwrap_or_default();
    received
        .iter()
        .flat_map(|request| {
            ["if-none-match", "if-modified-since"]
                .into_iter()
                .filter_map(move |name| {
                    let value = request.headers.get(name)?.to_str().ok()?;
                    Some(format!(
                        "{} {} with {name}: {value}",
                        request.method,
                        request.url.path()
                    ))
                })
        })
        .collect()
}
/// How many rounds a check that needs a hundred requests in flight together runs at most.
///
/// A busy machine can open a hundred connections more slowly than the check's server answers,
/// and the first answers then leave before the last requests arrive: a correct answer falls
/// short of all (peaks of 56 to 100 of 101 were seen with the machine busy). A round whose peak
/// is short of all is run again, with the server's latency doubled ([`latency_of_round`]):
/// load needs a longer window, a cap does not care. So the second round runs for any peak of 3
/// or more, and a third only if the second's peak was higher than the first's, or above 64
/// (more than any cap one might pick below 100; a cap of 100 falls short every time): a cap
/// gives the same peak twice and is judged then. Requests sent one after another, or two at a
/// time, are judged at once.
pub const IN_FLIGHT_ROUNDS: u32 = 3;

/// The server's latency in round `round` (from 1) of [`IN_FLIGHT_ROUNDS`]: `first`, then
/// twice the round before.
pub fn latency_of_round(first: Duration, round: u32) -> Duration {
    first * 2_u32.pow(round.saturating_sub(1))
}

/// Whether a round of a hundred requests in flight is run again, given its `peak` (short of
/// `all`) and `best`, the highest peak of the rounds before (0 before the first), which it
/// updates: see [`IN_FLIGHT_ROUNDS`].
pub fn worth_another_round(peak: usize, all: usize, round: u32, best: &mut usize) -> bool {
    let grew = round == 1 || peak > *best || peak > 64;
    *best = (*best).max(peak);
    round < IN_FLIGHT_ROUNDS && (3..all).contains(&peak) && grew
}

/// Runs `run` (a call whose requests go to `api`, which answers each after `latency`) until it
/// finishes, or until it is proven unable to have all `expected` requests in flight together:
/// the first answer has left the server (one latency after the first arrival, plus a margin)
/// and fewer than `expected` requests had arrived before it left. `None` then, once the call
/// has had one latency more (what it does next shows in the message): the round's peak is
/// settled short of all, and waiting on would only take time (101 requests sent one after
/// another take a minute). After `give_up`, a call that has not had all its requests in flight
/// together is stopped too (`None`); one that has is only slow to finish, as on a busy machine,
/// and is awaited to its end.
pub async fn run_until_proven<T>(
    api: &MockApi,
    expected: usize,
    latency: Duration,
    give_up: Duration,
    run: impl std::future::Future<Output = T>,
) -> Option<T> {
    let mut run = std::pin::pin!(run);
    let proven_late = async {
        loop {
            tokio::time::sleep(Duration::from_millis(20)).await;
            let arrivals = api.arrivals();
            let Some(first) = arrivals.iter().map(|a| a.at).min() else {
                continue;
            };
            let in_time = arrivals.iter().filter(|a| a.at < first + latency).count();
            if first.elapsed() > latency + Duration::from_millis(150) && in_time < expected {
                return;
            }
        }
    };
    tokio::select! {
        output = &mut run => return Some(output),
        () = proven_late => {
            // Proven, but one latency more shows what the call does next, for the message:
            // requests that follow one after another, or a burst sent after the first answer.
            return tokio::time::timeout(latency, &mut run).await.ok();
        }
        () = tokio::time::sleep(give_up) => {}
    }
    if api.peak_in_flight() >= expected {
        Some(run.await)
    } else {
        None
    }
}

/// How long, in real time, a check on tokio's paused clock waits for the exercise: it should
/// take next to none (see `lesson_support::testing::within_real_time`).
pub const REAL_TIME_BOUND: Duration = Duration::from_secs(5);

/// The timeout of the client [`a_server_that_takes_a_day`] gives the checks: not the course's
/// usual 30 s, so that a timeout of one's own equal to that (`.timeout(REQUEST_TIMEOUT)`) is
/// seen for what it is.
pub const CLIENT_TIMEOUT: Duration = Duration::from_secs(37);

/// A server on which posts 4 and 9 are answered after a day (of real time: the server runs on
/// a thread of its own, outside the check's paused clock), and a client with two connections
/// to it already open, so that no connection attempt is cut short by a jump of the clock.
pub async fn a_server_that_takes_a_day() -> Result<(MockServer, Client, String), String> {
    let server = lesson_support::testing::fresh_server().await;
    // Slow enough that two warm-ups sent together need a connection each.
    Mock::given(path("/warm"))
        .respond_with(ResponseTemplate::new(204).set_delay(Duration::from_millis(200)))
        .mount(&server)
        .await;
    Mock::given(wiremock::matchers::path_regex("^/api/posts/[0-9]+$"))
        .respond_with(ResponseTemplate::new(200).set_delay(Duration::from_secs(24 * 60 * 60)))
        .mount(&server)
        .await;
    let base_url = format!("{}/api", server.uri());
    let client = tagged_client_builder(&base_url)
        .timeout(CLIENT_TIMEOUT)
        .build()
        .map_err(|err| format!("the check could not build its client: {err}"))?;
    let warm = format!("{}/warm", server.uri());
    let warmed =
        futures::future::join_all([client.get(&warm).send(), client.get(&warm).send()]).await;
    if warmed.iter().any(Result::is_err) {
        return Err("the check's own server could not be warmed up".to_owned());
    }
    Ok((server, client, base_url))
}

/// The timeout of the client [`one_answer_stalls`] gives the checks.
pub const SHORT_CLIENT_TIMEOUT: Duration = Duration::from_millis(1500);

/// How long [`one_answer_stalls`] holds back the head of its stalled answer: well past
/// [`SHORT_CLIENT_TIMEOUT`].
const STALL: Duration = Duration::from_secs(10);

/// A server under `/api` that answers every post and its comments at once, except post
/// `stalled`, whose head it holds back until the client has given up; and a client that gives
/// up after [`SHORT_CLIENT_TIMEOUT`]. reqwest's timeout covers a request from `send()` to the
/// end of its body, so code that awaits every `send()` first and reads the bodies afterwards
/// (aiohttp's "gather the gets, then read") reads the prompt answers' bodies after their own
/// time is up: one slow answer costs every other one.
pub async fn one_answer_stalls(stalled: u64) -> Result<(MockServer, Client, String), String> {
    let server = lesson_support::testing::fresh_server().await;
    Mock::given(wiremock::matchers::path_regex(format!(
        "^/api/posts/{stalled}(/comments)?$"
    )))
    .respond_with(ResponseTemplate::new(200).set_delay(STALL))
    .with_priority(1)
    .mount(&server)
    .await;
    Mock::given(wiremock::matchers::path_regex(
        "^/api/posts/[0-9]+/comments$",
    ))
    .respond_with(ResponseTemplate::new(200).set_body_raw(
        r#"[{"postId": 1, "id": 1, "name": "n", "email": "e@x.org", "body": "b"}]"#,
        "application/json",
    ))
    .with_priority(2)
    .mount(&server)
    .await;
    Mock::given(wiremock::matchers::path_regex("^/api/posts/([0-9]+)$"))
        .respond_with(|request: &wiremock::Request| {
            let id: u64 = request
                .url
                .path()
                .rsplit('/')
                .next()
                .and_then(|id| id.parse().ok())
                .unwrap_or(0);
            ResponseTemplate::new(200).set_body_json(serde_json::json!({
                "userId": 1, "id": id, "title": format!("post {id}"), "body": "b"
            }))
        })
        .with_priority(3)
        .mount(&server)
        .await;
    let base_url = format!("{}/api", server.uri());
    let client = tagged_client_builder(&base_url)
        .timeout(SHORT_CLIENT_TIMEOUT)
        .build()
        .map_err(|err| format!("the check could not build its client: {err}"))?;
    Ok((server, client, base_url))
}

/// One call of a batch answer, boxed, borrowing what the call does.
type BoxedBatch<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

/// Any answer of the signature `async fn(&Client, &str, &[u64]) -> T` behind one type, so that
/// an exercise's `all` compiles its checks once, not once per kept answer of `tests/course.rs`
/// (see `erased:` in `lesson_support::exercise_checks!`). Exercises 3, 6, 7 and 8 name it with
/// their `T`: `type Erased = ErasedBatch<Option<u64>>;`.
pub struct ErasedBatch<T>(Box<AnyBatch<T>>);

/// What `ErasedBatch` holds: a function of the batch signature whose calls are boxed.
type AnyBatch<T> = dyn for<'a> Fn(&'a Client, &'a str, &'a [u64]) -> BoxedBatch<'a, T>;

impl<T: 'static> ErasedBatch<T> {
    pub fn new<F>(candidate: F) -> Self
    where
        F: AsyncFn(&Client, &str, &[u64]) -> T + Copy + 'static,
    {
        // A function, not a closure in `Box::new`: its bound gives the closure its signature,
        // borrowing for any `'a`.
        fn boxed<T, C>(call: C) -> ErasedBatch<T>
        where
            C: for<'a> Fn(&'a Client, &'a str, &'a [u64]) -> BoxedBatch<'a, T> + 'static,
        {
            ErasedBatch(Box::new(call))
        }
        boxed(move |client, base_url, ids| {
            Box::pin(async move { candidate(client, base_url, ids).await })
        })
    }

    /// The answer, callable as the checks call it.
    pub fn call(&self) -> impl AsyncFn(&Client, &str, &[u64]) -> T {
        async |client: &Client, base_url: &str, ids: &[u64]| (self.0)(client, base_url, ids).await
    }
}

/// What the server saw of requests that were not all in flight together: how many had arrived
/// when the first answer left, and the most in flight at once.
pub fn not_together(
    api: &MockApi,
    ids: &[u64],
    latency: Duration,
    what: &str,
    advice: &str,
) -> String {
    let arrivals = api.arrivals();
    let first = arrivals.iter().map(|a| a.at).min();
    let in_time = first.map_or(0, |first| {
        arrivals.iter().filter(|a| a.at < first + latency).count()
    });
    let peak = api.peak_in_flight();
    if peak <= 1 {
        format!(
            "{what}, each answered after {} ms: the server received them one after another, \
             each only after the previous answer had left. {advice}",
            latency.as_millis()
        )
    } else {
        format!(
            "{what}, each answered after {} ms: when the first answer left the server, {in_time} \
             of the {} requests had reached it, and the server had at most {peak} of them in \
             flight at the same time. The contract has no cap: all of them are in flight \
             together, however many ids there are",
            latency.as_millis(),
            ids.len()
        )
    }
}
