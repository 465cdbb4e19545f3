//! The checks of exercise 5 (`fetch_post_within`), run against your file, the reference solution
//! and the course's typical wrong answers.

use std::time::{Duration, Instant};

use lesson_support::models::Post;
use lesson_support::testing::{
    Exercise, Verdict, is_tagged, server_answering, tagged_client, unused_local_url,
};
use mock_server::{Fault, FaultEffect, FaultSelect, Latency, MockApi};
use reqwest::Client;
use wiremock::ResponseTemplate;

use crate::ApiError;

pub const EXERCISE: Exercise = Exercise {
    number: 5,
    file: "lessons/lesson-04/src/exercises/fetch_post_within.rs",
};

/// The limit given to the function when the server is too slow for it.
const SHORT_LIMIT: Duration = Duration::from_millis(200);

/// The second limit of the timeout check, still well under the server's answer time.
const LONG_LIMIT: Duration = Duration::from_millis(900);

/// How long the slow server takes to answer: ten times the limit, so that no busy machine can
/// blur the difference between giving up and waiting.
const SLOW_ANSWER: Duration = Duration::from_secs(2);

/// How long the timeout check waits for the function to return. Well past `SHORT_LIMIT`, well
/// before `SLOW_ANSWER`: only a function that gave up can have returned by then.
const PATIENCE: Duration = Duration::from_millis(1500);

/// Runs every check in order and stops at the first failure.
pub async fn all<F>(candidate: F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    returns_the_post_that_arrives_in_time(&candidate).await?;
    gives_up_after_the_limit_with_a_timeout(&candidate).await?;
    a_404_is_not_found(&candidate).await?;
    another_error_status_is_a_status_error(&candidate).await?;
    no_connection_is_a_connect_error(&candidate).await?;
    a_body_that_is_not_a_post_is_a_decode_error(&candidate).await
}

/// Names the variant of a result, for messages.
fn variant(result: &Result<Post, ApiError>) -> String {
    match result {
        Ok(post) => format!("Ok(post {})", post.id),
        Err(ApiError::NotFound { url }) => format!("Err(NotFound {{ url: {url:?} }})"),
        Err(ApiError::Status { status, .. }) => format!("Err(Status {{ status: {status}, .. }})"),
        Err(ApiError::Timeout(_)) => "Err(Timeout(..))".to_owned(),
        Err(ApiError::Connect(_)) => "Err(Connect(..))".to_owned(),
        Err(ApiError::Decode(_)) => "Err(Decode(..))".to_owned(),
        Err(ApiError::Deadline(_)) => "Err(Deadline(..))".to_owned(),
        Err(ApiError::Other(_)) => "Err(Other(..))".to_owned(),
    }
}

/// A post that arrives within the limit comes back whole, fetched with one GET through the
/// given client.
pub async fn returns_the_post_that_arrives_in_time<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    // What the server holds for post 7, read from a second, identical server.
    let reference = MockApi::start().await;
    let expected: Post = reqwest::get(format!("{}/posts/7", reference.uri()))
        .await
        .map_err(|err| format!("the check's own server failed: {err}"))?
        .json()
        .await
        .map_err(|err| format!("the check's own server sent a bad post: {err}"))?;
    // Slow, but well within the limit.
    let api = MockApi::builder()
        .latency(Latency::Fixed(Duration::from_millis(200)))
        .start()
        .await;
    let client = tagged_client(&api.uri());

    let result = EXERCISE
        .run(candidate(&client, &api.uri(), 7, Duration::from_secs(5)))
        .await?;

    let arrivals = api.arrivals();
    if arrivals.is_empty() {
        return Err(EXERCISE.fail(
            "no request reached the server at `base_url`: build the URL from `base_url` \
             (format!(\"{base_url}/posts/{id}\")) instead of a fixed address",
        ));
    }
    let requests: Vec<String> = arrivals
        .iter()
        .map(|a| format!("{} {}", a.method, a.path))
        .collect();
    if requests != ["GET /posts/7"] {
        return Err(EXERCISE.fail(&format!(
            "asked for post 7, the server received {requests:?}; expected one GET /posts/7"
        )));
    }
    if !is_tagged(&arrivals[0].headers) {
        return Err(EXERCISE.fail(
            "the request did not come from the `client` you were given. To change the timeout \
             of one request, do not build a new `Client` (it would open new connections every \
             call): set it on the request, `client.get(url).timeout(limit)`",
        ));
    }
    match result {
        Ok(post) if post == expected => Ok(()),
        other => Err(EXERCISE.fail(&format!(
            "post 7 exists and the server sent it after 200ms, within the limit of 5s, yet the \
             result is {}",
            variant(&other)
        ))),
    }
}

/// A server slower than `limit` gives `Timeout`, soon after `limit` rather than when the
/// server finally answers.
pub async fn gives_up_after_the_limit_with_a_timeout<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let api = MockApi::builder()
        .latency(Latency::Fixed(SLOW_ANSWER))
        .start()
        .await;
    let client = tagged_client(&api.uri());

    let started = Instant::now();
    // The patience is inside `run`, so that a function still waiting is dropped (cancelled)
    // cleanly and reported below.
    let outcome = EXERCISE
        .run(tokio::time::timeout(
            PATIENCE,
            candidate(&client, &api.uri(), 1, SHORT_LIMIT),
        ))
        .await?;
    let elapsed = started.elapsed();

    let arrived = api.arrivals().len();
    if arrived != 1 {
        return Err(EXERCISE.fail(&format!(
            "the server received {arrived} requests; expected one GET /posts/1"
        )));
    }
    let Ok(result) = outcome else {
        return Err(EXERCISE.fail(
            "the server takes 2s to answer and `limit` was 200ms, but after 1.5s your function \
             was still waiting. The client's own timeout is 30s: give this request its own, \
             `client.get(url).timeout(limit)`",
        ));
    };
    match result {
        Err(ApiError::Timeout(err)) if err.is_timeout() => {
            follows_the_limit(candidate, &client, &api.uri(), elapsed).await
        }
        Err(ApiError::Timeout(_)) => Err(EXERCISE.fail(
            "the result is Timeout, but the reqwest error inside it is not a timeout \
             (`is_timeout()` is false): wrap the error that reqwest gave you",
        )),
        Err(ApiError::Connect(_)) => Err(EXERCISE.fail(
            "the server accepted the connection and was slower than `limit`, and the result is \
             Connect: a timeout is not a failed connection. `send()` fails for both; tell them \
             apart with `err.is_timeout()` before `err.is_connect()`, or let `?` do it (lib.rs \
             has `impl From<reqwest::Error> for ApiError`)",
        )),
        Err(ApiError::Other(_)) => Err(EXERCISE.fail(
            "the server was slower than `limit`, and the result is Other: sort reqwest's \
             errors into their variants (`err.is_timeout()`, `err.is_connect()`, …), or let `?` \
             do it (lib.rs has `impl From<reqwest::Error> for ApiError`)",
        )),
        Err(ApiError::Deadline(_)) => Err(EXERCISE.fail(
            "the result is Deadline, the variant of `tokio::time::timeout`'s error. That tool \
             bounds any work; for one request, reqwest's own `client.get(url).timeout(limit)` \
             is the contract: it reports Timeout, with reqwest's error (and the URL) as the \
             cause",
        )),
        other => Err(EXERCISE.fail(&format!(
            "the server was slower than the limit of 200ms; expected Err(Timeout(..)) after \
             about 200ms, got {} after {}ms",
            variant(&other),
            elapsed.as_millis()
        ))),
    }
}

/// A timeout of the function's own choosing (say 1s) would also give up on a 2s server: a
/// second, longer `limit` shows whether the function waits as long as it is told.
async fn follows_the_limit<F>(
    candidate: &F,
    client: &Client,
    base_url: &str,
    short_elapsed: Duration,
) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let started = Instant::now();
    let outcome = EXERCISE
        .run(tokio::time::timeout(
            PATIENCE,
            candidate(client, base_url, 1, LONG_LIMIT),
        ))
        .await?;
    let long_elapsed = started.elapsed();
    // The two runs should differ by about LONG_LIMIT - SHORT_LIMIT (700ms); half of that
    // leaves room for a busy machine.
    let grew = long_elapsed.saturating_sub(short_elapsed) >= (LONG_LIMIT - SHORT_LIMIT) / 2;
    match outcome {
        Ok(Err(ApiError::Timeout(_))) if grew => Ok(()),
        _ => Err(EXERCISE.fail(&format!(
            "with `limit` 200ms your function gave up after {}ms, and with `limit` 900ms after              {}ms: it does not wait as long as `limit` says. Pass `limit` itself to the              request: `client.get(url).timeout(limit)`",
            short_elapsed.as_millis(),
            long_elapsed.as_millis()
        ))),
    }
}

/// A 404 is `NotFound`, with the URL that was asked for.
pub async fn a_404_is_not_found<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let api = MockApi::start().await;
    let client = tagged_client(&api.uri());
    let asked = format!("{}/posts/101", api.uri());

    let result = EXERCISE
        .run(candidate(&client, &api.uri(), 101, Duration::from_secs(5)))
        .await?;

    match result {
        Err(ApiError::NotFound { url }) if url == asked => Ok(()),
        Err(ApiError::NotFound { url }) => Err(EXERCISE.fail(&format!(
            "the result is NotFound, as it should be, but its url is {url:?}; expected the URL \
             asked for, {asked:?}"
        ))),
        Err(ApiError::Decode(_)) => Err(EXERCISE.fail(
            "the server answered 404 for post 101, and the result is Decode: the body `{}` was \
             decoded without looking at the status first. Call `.error_for_status()` (or check \
             `response.status()`) before `.json()`",
        )),
        other => Err(EXERCISE.fail(&format!(
            "the server answered 404 for post 101; expected Err(NotFound {{ url: {asked:?} }}), \
             got {}",
            variant(&other)
        ))),
    }
}

/// Any other error status (here 500 and 503) is `Status`, with that status.
pub async fn another_error_status_is_a_status_error<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    for (id, code) in [(3, 500), (4, 503)] {
        let api = MockApi::builder()
            .fault(Fault {
                select: FaultSelect::Ids(vec![id]),
                effect: FaultEffect::Status(code),
            })
            .start()
            .await;
        let client = tagged_client(&api.uri());

        let result = EXERCISE
            .run(candidate(&client, &api.uri(), id, Duration::from_secs(5)))
            .await?;

        match result {
            Err(ApiError::Status { status, .. }) if status.as_u16() == code => {}
            Err(ApiError::NotFound { .. }) => {
                return Err(EXERCISE.fail(&format!(
                    "the server answered {code} for post {id}, and the result is NotFound: only \
                     a 404 means \"no such post\"; a {code} is the server failing, worth a retry \
                     later. Return Status {{ status, url }} for it"
                )));
            }
            other => {
                return Err(EXERCISE.fail(&format!(
                    "the server answered {code} for post {id}; expected Err(Status {{ status: \
                     {code}, .. }}), got {}",
                    variant(&other)
                )));
            }
        }
    }
    Ok(())
}

/// No server at all is `Connect`, and not a panic.
pub async fn no_connection_is_a_connect_error<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let base_url = unused_local_url();
    let client = tagged_client(&base_url);

    match EXERCISE
        .run(candidate(&client, &base_url, 1, Duration::from_secs(5)))
        .await?
    {
        Err(ApiError::Connect(err)) if err.is_connect() => Ok(()),
        other => Err(EXERCISE.fail(&format!(
            "nothing listens at `base_url` (the connection is refused); expected \
             Err(Connect(..)), got {}",
            variant(&other)
        ))),
    }
}

/// A success whose body is not a post is `Decode`.
pub async fn a_body_that_is_not_a_post_is_a_decode_error<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let server = server_answering(ResponseTemplate::new(200).set_body_string(r#"{"id": 1}"#)).await;
    let client = tagged_client(&server.uri());

    match EXERCISE
        .run(candidate(&client, &server.uri(), 1, Duration::from_secs(5)))
        .await?
    {
        Err(ApiError::Decode(err)) if err.is_decode() => Ok(()),
        other => Err(EXERCISE.fail(&format!(
            "the server answered 200 with the body {{\"id\": 1}}, which is not a post; \
             expected Err(Decode(..)), got {}",
            variant(&other)
        ))),
    }
}
