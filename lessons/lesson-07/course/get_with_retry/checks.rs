//! The checks of exercise 8 (`get_with_retry`): each one a rule of the contract, each failure a
//! message that says what the server saw and where to look.
//!
//! Most checks talk to a *scripted* server: its first request gets the script's first answer,
//! its second the second, and so on (the last answer repeats). It notes when each request
//! arrived, so the waits are measured on the server's side, between arrivals. A wait can only
//! look longer than it was there (the round trip adds to it), never shorter: the lower bounds
//! below are exact, and the one upper bound has a generous margin.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use lesson_support::testing::{Exercise, Verdict, is_tagged, tagged_client, unused_local_url};
use reqwest::{Client, Response};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use crate::RetryPolicy;

pub const EXERCISE: Exercise = Exercise {
    number: 8,
    file: "lessons/lesson-07/src/exercises/get_with_retry.rs",
};

/// Small waits keep the checks fast: ceilings of 50, 100, 200 and 400ms.
const POLICY: RetryPolicy = RetryPolicy {
    max_attempts: 4,
    base_delay: Duration::from_millis(50),
    max_delay: Duration::from_millis(400),
};

/// Timers may round a wait down by a hair; a wait this much short of its floor still counts.
const TOLERANCE: Duration = Duration::from_millis(3);

/// How far past its ceiling a wait may seem to be: the round trip and a busy machine add to
/// every gap between arrivals.
const SLACK: Duration = Duration::from_millis(100);

/// A check gives up on the code under check after this long: it is retrying without end.
const GUARD: Duration = Duration::from_secs(10);

/// Runs every check in order and stops at the first failure.
pub async fn all<F>(candidate: F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    succeeds_after_two_failures_with_three_requests(&candidate).await?;
    sends_every_attempt_through_the_given_client(&candidate).await?;
    returns_a_404_at_once(&candidate).await?;
    gives_up_after_max_attempts_with_the_last_answer(&candidate).await?;
    waits_between_attempts_and_the_waits_grow(&candidate).await?;
    never_waits_longer_than_max_delay(&candidate).await?;
    retries_a_dropped_connection(&candidate).await?;
    retries_a_refused_connection(&candidate).await?;
    // Last, because it takes a second: the server asks for it.
    honours_retry_after(&candidate).await
}

/// What the scripted server does with one request.
#[derive(Clone, Copy, Debug)]
enum Answer {
    /// This status, with the body `{}`.
    Status(u16),
    /// 429 with `Retry-After: <seconds>`.
    TooManyRequests { retry_after_secs: u64 },
    /// 200 with a post.
    Post,
    /// No answer: the connection is closed.
    Drop,
}

/// One request as the scripted server saw it.
#[derive(Clone, Copy, Debug)]
struct Seen {
    at: Instant,
    /// Whether it came from the client the check gave to the code under check.
    tagged: bool,
}

/// A server that answers from a script and notes every request (see the module's docs).
struct Scripted {
    server: MockServer,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Scripted {
    async fn start(script: &[Answer]) -> Scripted {
        let server = MockServer::start().await;
        let seen: Arc<Mutex<Vec<Seen>>> = Arc::default();
        let script: Arc<[Answer]> = script.into();
        // wiremock matches and answers one request at a time, under one lock, so the answer
        // picked by the matcher below is still the next one when the responder runs.
        let next = {
            let (seen, script) = (seen.clone(), script.clone());
            move || {
                let index = lock(&seen).len().min(script.len() - 1);
                script[index]
            }
        };
        let note = {
            let seen = seen.clone();
            move |request: &Request| {
                lock(&seen).push(Seen {
                    at: Instant::now(),
                    tagged: is_tagged(&request.headers),
                });
            }
        };

        let (next_drop, note_drop) = (next.clone(), note.clone());
        Mock::given(move |_: &Request| matches!(next_drop(), Answer::Drop))
            .respond_with_err(move |request: &Request| {
                note_drop(request);
                std::io::Error::other("the check's server dropped the connection on purpose")
            })
            .with_priority(1)
            .mount(&server)
            .await;
        Mock::given(any())
            .respond_with(move |request: &Request| {
                let answer = next();
                note(request);
                match answer {
                    Answer::Status(status) => ResponseTemplate::new(status).set_body_string("{}"),
                    Answer::TooManyRequests { retry_after_secs } => ResponseTemplate::new(429)
                        .insert_header("Retry-After", retry_after_secs.to_string()),
                    Answer::Post | Answer::Drop => {
                        ResponseTemplate::new(200).set_body_json(serde_json::json!(
                            {"userId": 1, "id": 1, "title": "retried and fetched", "body": "…"}
                        ))
                    }
                }
            })
            .with_priority(2)
            .mount(&server)
            .await;
        Scripted { server, seen }
    }

    fn url(&self) -> String {
        format!("{}/posts/1", self.server.uri())
    }

    fn seen(&self) -> Vec<Seen> {
        lock(&self.seen).clone()
    }

    /// The time between consecutive arrivals.
    fn gaps(&self) -> Vec<Duration> {
        self.seen()
            .windows(2)
            .map(|pair| pair[1].at - pair[0].at)
            .collect()
    }
}

/// Locks the log even if a panic poisoned it: the log is still right.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Calls the code under check, turning a panic, the stub's `todo!()` or an endless loop into
/// a message.
async fn call<F>(
    candidate: &F,
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Result<Response, reqwest::Error>, String>
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    match tokio::time::timeout(GUARD, EXERCISE.run(candidate(client, url, policy))).await {
        Ok(outcome) => outcome,
        Err(_) => Err(EXERCISE.fail(&format!(
            "still running after {}s: stop once `policy.max_attempts` requests have been sent",
            GUARD.as_secs()
        ))),
    }
}

/// `Ok(200 OK)` or `Err(…)`, for messages.
fn shown(result: &Result<Response, reqwest::Error>) -> String {
    match result {
        Ok(response) => format!("Ok(response {})", response.status()),
        Err(err) => format!("Err({err})"),
    }
}

/// Durations as a list of milliseconds: `[31ms, 74ms]`.
fn millis(durations: &[Duration]) -> String {
    let each: Vec<String> = durations
        .iter()
        .map(|d| format!("{}ms", d.as_millis()))
        .collect();
    format!("[{}]", each.join(", "))
}

fn status_of(result: &Result<Response, reqwest::Error>) -> Option<u16> {
    result
        .as_ref()
        .ok()
        .map(|response| response.status().as_u16())
}

/// 503, 503, then 200: the answer is the 200, after exactly three requests.
pub async fn succeeds_after_two_failures_with_three_requests<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    let server = Scripted::start(&[Answer::Status(503), Answer::Status(503), Answer::Post]).await;
    let client = tagged_client(&server.url());

    let result = call(candidate, &client, &server.url(), &POLICY).await?;

    let requests = server.seen().len();
    match (requests, status_of(&result)) {
        (3, Some(200)) => Ok(()),
        (0, _) => Err(EXERCISE.fail(
            "no request reached the server: send `GET url` through `client`, with the `url` \
             you were given",
        )),
        (1 | 2, Some(503)) => Err(EXERCISE.fail(&format!(
            "the server answered 503 and your function returned that answer after {requests} \
             request(s), with attempts to spare (max_attempts = 4): a 503 is worth retrying, \
             and so are a 429, any other 5xx and a connection that failed"
        ))),
        (requests, _) if requests > 3 => Err(EXERCISE.fail(&format!(
            "the third request got a 200, yet the server received {requests} requests: stop at \
             the first answer that is not worth retrying"
        ))),
        _ => Err(EXERCISE.fail(&format!(
            "the server answered 503, 503, then 200; expected Ok(response 200 OK) after exactly \
             3 requests, got {} after {requests}",
            shown(&result)
        ))),
    }
}

/// A 404 is final: one request, and the 404 is returned as it is.
pub async fn returns_a_404_at_once<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    let server = Scripted::start(&[Answer::Status(404)]).await;
    let client = tagged_client(&server.url());

    let result = call(candidate, &client, &server.url(), &POLICY).await?;

    let requests = server.seen().len();
    if requests > 1 {
        return Err(EXERCISE.fail(&format!(
            "the server answered 404 and received {requests} requests: a 404 will be a 404 \
             next time too, so return it at once. Retry only a 429, a 5xx or a failed connection"
        )));
    }
    match status_of(&result) {
        Some(404) => Ok(()),
        _ => Err(EXERCISE.fail(&format!(
            "the server answered 404 and your function returned {}: a 404 is an answer, so \
             return it as Ok(response) and let the caller decide (`error_for_status`)",
            shown(&result)
        ))),
    }
}

/// A server that always fails gets exactly `max_attempts` requests, and the caller gets its
/// last answer.
pub async fn gives_up_after_max_attempts_with_the_last_answer<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    let server = Scripted::start(&[Answer::Status(500)]).await;
    let client = tagged_client(&server.url());
    let policy = RetryPolicy {
        max_attempts: 3,
        ..POLICY
    };

    let result = call(candidate, &client, &server.url(), &policy).await?;

    let requests = server.seen().len();
    if requests == 4 {
        return Err(EXERCISE.fail(
            "with max_attempts = 3 the server received 4 requests: max_attempts counts every \
             request, the first one included (one try and two retries)",
        ));
    }
    if requests != 3 {
        return Err(EXERCISE.fail(&format!(
            "the server answered 500 every time; with max_attempts = 3 it should receive \
             exactly 3 requests, and it received {requests}"
        )));
    }
    match status_of(&result) {
        Some(500) => Ok(()),
        _ => Err(EXERCISE.fail(&format!(
            "after the third 500, your function returned {}: once the attempts are spent, \
             return the last answer as it is (Ok(response) with its 500), so that the caller \
             sees what the server said",
            shown(&result)
        ))),
    }
}

/// Between attempts the code waits, and waits longer each time: before retry n at least half
/// of min(max_delay, base_delay × 2^(n-1)), and the first wait no longer than its ceiling.
pub async fn waits_between_attempts_and_the_waits_grow<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    let server = Scripted::start(&[Answer::Status(503)]).await;
    let client = tagged_client(&server.url());
    // Eight waits: enough that a wait drawn anywhere in [0, d] (full jitter) cannot land in
    // the upper half every time by luck (1 chance in 256).
    let policy = RetryPolicy {
        max_attempts: 9,
        ..POLICY
    };
    let waits = (policy.max_attempts - 1) as usize;

    // Only the waits matter here, not the outcome.
    let _ = call(candidate, &client, &server.url(), &policy).await?;

    let gaps = server.gaps();
    if gaps.len() != waits {
        return Err(EXERCISE.fail(&format!(
            "the server answered 503 every time; with max_attempts = {} it should receive {} \
             requests, and it received {}",
            policy.max_attempts,
            policy.max_attempts,
            gaps.len() + 1
        )));
    }
    if gaps.iter().all(|gap| *gap < Duration::from_millis(10)) {
        return Err(EXERCISE.fail(&format!(
            "the {} requests came {} apart: retrying at once hammers a server that is already \
             failing. Wait before each retry, with `tokio::time::sleep(wait).await`",
            policy.max_attempts,
            millis(&gaps)
        )));
    }
    let floors: Vec<Duration> = (1..policy.max_attempts)
        .map(|n| policy.ceiling(n) / 2)
        .collect();
    if gaps
        .iter()
        .zip(&floors)
        .any(|(gap, floor)| *gap + TOLERANCE < *floor)
    {
        return Err(EXERCISE.fail(&format!(
            "the waits between the {} requests were {}; before retry n wait at least d/2, with \
             d = min(max_delay, base_delay × 2^(n-1)): here at least {}. The waits must grow: \
             double the ceiling with every retry (`policy.ceiling(n)`). Full jitter, anywhere \
             in [0, d], may wait almost nothing; this contract asks for equal jitter, d/2 plus \
             a random part of d/2",
            policy.max_attempts,
            millis(&gaps),
            millis(&floors)
        )));
    }
    let first_ceiling = policy.ceiling(1);
    if gaps[0] > first_ceiling + SLACK {
        return Err(EXERCISE.fail(&format!(
            "the first wait was {}ms, far over its ceiling of {}ms (base_delay): start from \
             `base_delay` and double from there",
            gaps[0].as_millis(),
            first_ceiling.as_millis()
        )));
    }
    Ok(())
}

/// However many retries, no wait goes past `max_delay`.
pub async fn never_waits_longer_than_max_delay<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    let server = Scripted::start(&[Answer::Status(503)]).await;
    let client = tagged_client(&server.url());
    // Uncapped, the fifth wait would be at least 400ms; capped, it is at most 100ms.
    let policy = RetryPolicy {
        max_attempts: 6,
        base_delay: Duration::from_millis(50),
        max_delay: Duration::from_millis(100),
    };

    // Only the waits matter here, not the outcome.
    let _ = call(candidate, &client, &server.url(), &policy).await?;

    let gaps = server.gaps();
    let longest = gaps.iter().max().copied().unwrap_or_default();
    if longest > policy.max_delay + SLACK {
        return Err(EXERCISE.fail(&format!(
            "with base_delay 50ms and max_delay 100ms the waits were {}: the ceiling doubles \
             only up to max_delay, then stays there (`.min(policy.max_delay)`)",
            millis(&gaps)
        )));
    }
    Ok(())
}

/// A 429 with `Retry-After: 1` is retried after at least one second.
pub async fn honours_retry_after<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    let server = Scripted::start(&[
        Answer::TooManyRequests {
            retry_after_secs: 1,
        },
        Answer::Post,
    ])
    .await;
    let client = tagged_client(&server.url());

    let result = call(candidate, &client, &server.url(), &POLICY).await?;

    let gaps = server.gaps();
    match gaps.first() {
        None => Err(EXERCISE.fail(&format!(
            "the server answered 429 Too Many Requests and your function returned {} without \
             asking again: a 429 is worth retrying, after the wait the server asks for",
            shown(&result)
        ))),
        Some(gap) if *gap + TOLERANCE < Duration::from_secs(1) => Err(EXERCISE.fail(&format!(
            "the server answered 429 with `Retry-After: 1` and the retry came {}ms later: \
                 honour Retry-After, the server's own wait in seconds, instead of your backoff",
            gap.as_millis()
        ))),
        Some(_) if status_of(&result) == Some(200) && gaps.len() == 1 => Ok(()),
        Some(_) => Err(EXERCISE.fail(&format!(
            "after the 429 the server answered 200; expected Ok(response 200 OK) after 2 \
             requests, got {} after {}",
            shown(&result),
            gaps.len() + 1
        ))),
    }
}

/// A connection dropped without an answer is retried.
pub async fn retries_a_dropped_connection<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    let server = Scripted::start(&[Answer::Drop, Answer::Post]).await;
    let client = tagged_client(&server.url());

    let result = call(candidate, &client, &server.url(), &POLICY).await?;

    match (&result, server.seen().len()) {
        (Ok(response), 2) if response.status() == 200 => Ok(()),
        (Err(err), 1) => Err(EXERCISE.fail(&format!(
            "the server closed the first connection without answering, and your function \
             returned the error ({err}): a connection that failed before any answer is worth \
             another try (`err.is_connect() || err.is_timeout() || err.is_request()`)"
        ))),
        (_, requests) => Err(EXERCISE.fail(&format!(
            "the server dropped the first connection, then answered 200; expected \
             Ok(response 200 OK) after 2 requests, got {} after {requests}",
            shown(&result)
        ))),
    }
}

/// A refused connection is retried, with the waits in between, before its error is returned.
pub async fn retries_a_refused_connection<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    // Nothing listens there, so the server cannot count: the time taken tells instead. Three
    // attempts mean two waits of at least 25ms and 50ms.
    let url = format!("{}/posts/1", unused_local_url());
    let client = tagged_client(&url);
    let policy = RetryPolicy {
        max_attempts: 3,
        ..POLICY
    };
    let least = policy.ceiling(1) / 2 + policy.ceiling(2) / 2;

    let started = Instant::now();
    let result = call(candidate, &client, &url, &policy).await?;
    let took = started.elapsed();

    match result {
        Ok(response) => Err(EXERCISE.fail(&format!(
            "nothing listens at that address, yet your function returned Ok(response {})",
            response.status()
        ))),
        Err(_) if took + TOLERANCE < least => Err(EXERCISE.fail(&format!(
            "nothing listens at that address, and your function gave up after {}ms: a refused \
             connection is worth retrying (three attempts, with their waits, take at least {}ms \
             here)",
            took.as_millis(),
            least.as_millis()
        ))),
        Err(_) => Ok(()),
    }
}

/// Every attempt goes through the client given as an argument.
pub async fn sends_every_attempt_through_the_given_client<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    let server = Scripted::start(&[Answer::Status(503), Answer::Status(503), Answer::Post]).await;
    let client = tagged_client(&server.url());

    // Only the requests matter here, not the outcome.
    let _ = call(candidate, &client, &server.url(), &POLICY).await?;

    let seen = server.seen();
    let strangers = seen.iter().filter(|s| !s.tagged).count();
    if seen.is_empty() || strangers > 0 {
        return Err(EXERCISE.fail(&format!(
            "{strangers} of the {} requests did not come from the `client` you were given: \
             send every attempt through it, instead of `reqwest::get` or a new `Client` per \
             attempt, which opens a new connection every time",
            seen.len()
        )));
    }
    Ok(())
}
