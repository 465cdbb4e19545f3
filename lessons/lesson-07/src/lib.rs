//! Lesson 07: resilience: retries with backoff, a deadline, and Ctrl-C.
//!
//! Servers fail in passing: a 503 while a deploy rolls out, a 429 when we ask too fast, a
//! connection dropped by a load balancer. Asked again a moment later, they answer. This module
//! retries what is worth retrying and nothing else, waits longer after each failure (exponential
//! backoff) and by a random part of that wait (jitter), keeps a whole batch within a deadline,
//! and stops cleanly when told to, keeping what had already arrived.
//!
//! reqwest 0.13 can retry by itself (`ClientBuilder::retry` with `reqwest::retry::for_host`):
//! it resends under a *budget* (by default at most 20% extra requests), but at once, with no
//! wait in between. The `reqwest-middleware` and `reqwest-retry` crates wrap a client with
//! exponential backoff. We write the loop by hand anyway: it is about thirty lines, and writing
//! it is how you learn what those crates decide for you: which failures, how long to wait, how
//! many times, and what the caller gets back in the end.

pub mod exercises;

use std::fmt;
use std::future::Future;
use std::time::{Duration, Instant};

use futures::stream::{self, StreamExt};
use lesson_support::models::Post;
use reqwest::{Client, Response, StatusCode};

// ANCHOR: policy
/// How hard to try: how many attempts in all, and how long to wait between them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first one included: 4 means one try and up to three retries.
    pub max_attempts: u32,
    /// The longest wait before the first retry. It doubles for every retry after that.
    pub base_delay: Duration,
    /// However many retries, the longest wait never grows past this.
    pub max_delay: Duration,
}

impl RetryPolicy {
    /// The longest wait before retry number `retry` (1 for the first retry):
    /// `base_delay × 2^(retry - 1)`, capped at `max_delay`. With 100ms and 2s: 100ms, 200ms,
    /// 400ms, 800ms, 1.6s, 2s, 2s, …
    pub fn ceiling(&self, retry: u32) -> Duration {
        // Past 2^31 the product would overflow a u32 factor; any real `max_delay` caps long before.
        let factor = 1u32 << retry.saturating_sub(1).min(31);
        self.base_delay.saturating_mul(factor).min(self.max_delay)
    }

    /// The wait before retry number `retry`, with *full jitter*: anywhere from zero to
    /// [`ceiling`](Self::ceiling).
    ///
    /// Why random: a hundred clients that failed together and all wait exactly 400ms come back
    /// together, and overload the server together again. Drawing each wait from `[0, ceiling]`
    /// spreads them out, while the average wait still doubles with every retry.
    pub fn backoff(&self, retry: u32, jitter: &mut Jitter) -> Duration {
        self.ceiling(retry).mul_f64(jitter.fraction())
    }
}
// ANCHOR_END: policy

// ANCHOR: jitter
/// A small source of random fractions (the splitmix64 generator), seeded so that a run can be
/// repeated exactly.
///
/// Jitter needs spread, not cryptographic quality: a dozen lines of arithmetic spare the course
/// a dependency on `rand`. Outside a course, seed it differently in every process (from the
/// clock, say): jitter only helps if two clients do not draw the same waits.
#[derive(Debug, Clone)]
pub struct Jitter {
    state: u64,
}

/// splitmix64's step: the golden ratio, as a 64-bit fraction.
const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

/// Scrambles a number into a well-mixed one (splitmix64's output function).
fn mix(value: u64) -> u64 {
    let mut z = value.wrapping_add(GOLDEN_GAMMA);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Jitter {
    /// A generator for one `stream` of a run seeded with `seed`. Give each independent user
    /// its own stream (here: each post its id), so that post 3's waits do not depend on how
    /// many waits post 2 drew before it.
    pub fn seeded(seed: u64, stream: u64) -> Jitter {
        Jitter {
            state: mix(mix(seed) ^ stream),
        }
    }

    /// The next number in `0.0..1.0`.
    pub fn fraction(&mut self) -> f64 {
        self.state = self.state.wrapping_add(GOLDEN_GAMMA);
        // The top 53 bits: all that an f64's mantissa can hold.
        (mix(self.state) >> 11) as f64 / (1u64 << 53) as f64
    }
}
// ANCHOR_END: jitter

// ANCHOR: worth_retrying
/// Whether an answer with this status may be different if we ask again later.
///
/// 429 (too many requests) and 5xx (the server's own failure) are about the moment, not about
/// the request. Every other 4xx is about the request itself: a 404 will still be a 404, a 400
/// still malformed, so asking again only adds load.
pub fn is_worth_retrying_status(status: StatusCode) -> bool {
    status == StatusCode::TOO_MANY_REQUESTS || status.is_server_error()
}

/// Whether a failure with no answer at all is worth another try.
///
/// A refused or dropped connection and a timeout say nothing about the request, so another
/// try may well succeed. A request that could not even be built (a malformed URL) would fail
/// the same way again. A body that fails to decode is never seen here: that error comes after
/// an answer arrived, and asking again would bring the same body.
///
/// Resending is safe here because a GET changes nothing on the server. A POST whose answer was
/// lost may already have been carried out: sending it again could place a second order. Retry
/// only requests that are idempotent, or that the server can recognise as repeats.
pub fn is_worth_retrying_error(err: &reqwest::Error) -> bool {
    // In reqwest 0.13 an error from the connection or the exchange is a request error
    // (`is_request`), refused connections and timeouts included, so `is_request` alone decides;
    // the other two name the cases we have in mind. It also covers a connection that closed
    // before the answer came, and a TLS or protocol failure, which a second try rarely fixes
    // but a GET survives. Not every error from `send()` is one: a URL no request can be built
    // from is a builder error (`is_builder`), and a redirect loop a redirect error
    // (`is_redirect`, after reqwest followed ten redirects); both fail the same way again.
    err.is_connect() || err.is_timeout() || err.is_request()
}

/// The wait that the server asks for in a `Retry-After: <seconds>` header, usually on a 429
/// or a 503.
///
/// The header may also carry an HTTP date; we treat that, like anything unreadable, as no
/// header at all and fall back on our own backoff.
pub fn retry_after(response: &Response) -> Option<Duration> {
    let value = response.headers().get(reqwest::header::RETRY_AFTER)?;
    let seconds: u64 = value.to_str().ok()?.trim().parse().ok()?;
    Some(Duration::from_secs(seconds))
}
// ANCHOR_END: worth_retrying

/// Why an attempt gave no final answer.
#[derive(Debug)]
pub enum Failure {
    /// An answer came, with a status worth retrying.
    Status(StatusCode),
    /// No answer came: refused, dropped, or too slow.
    NoAnswer(reqwest::Error),
}

/// `503 Service Unavailable`, `could not connect`, `connection lost`, `timed out`.
impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Status(status) => write!(f, "{status}"),
            Failure::NoAnswer(err) if err.is_timeout() => f.write_str("timed out"),
            Failure::NoAnswer(err) if err.is_connect() => f.write_str("could not connect"),
            Failure::NoAnswer(_) => f.write_str("connection lost"),
        }
    }
}

/// A retry about to happen, as it is reported to the caller.
#[derive(Debug)]
pub struct Retry {
    /// Which retry this is: 1 after the first attempt failed.
    pub number: u32,
    /// What went wrong with the attempt before it.
    pub failure: Failure,
    /// How long we wait before sending it.
    pub wait: Duration,
    /// Whether the server chose the wait (`Retry-After`) rather than our backoff.
    pub asked_by_server: bool,
}

// ANCHOR: send_with_retry
/// Sends `GET url` until it gets an answer worth keeping, at most `policy.max_attempts` times,
/// waiting between attempts. `on_retry` hears about each retry before its wait begins.
///
/// The result is the last attempt's, unchanged: a 200, a 404 at once (not worth retrying),
/// or, once the attempts are spent, the last 503 or the last connection error. The caller sees
/// what really happened, and calls `error_for_status` if it wants an error.
///
/// # Errors
/// The last attempt's error when no answer came.
pub async fn send_with_retry(
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
    jitter: &mut Jitter,
    mut on_retry: impl FnMut(&Retry),
) -> Result<Response, reqwest::Error> {
    let mut attempt = 1;
    loop {
        let outcome = client.get(url).send().await;
        let worth_retrying = match &outcome {
            Ok(response) => is_worth_retrying_status(response.status()),
            Err(err) => is_worth_retrying_error(err),
        };
        if !worth_retrying || attempt >= policy.max_attempts {
            return outcome;
        }
        // A server that says when to come back knows better than our formula. `Retry-After`
        // means that on a 429 or a 503 (RFC 6585, RFC 9110); on other statuses we ignore it.
        let asked = outcome
            .as_ref()
            .ok()
            .filter(|response| {
                matches!(
                    response.status(),
                    StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE
                )
            })
            .and_then(retry_after);
        let wait = asked.unwrap_or_else(|| policy.backoff(attempt, jitter));
        // The failed response is dropped here, before the wait, so that its connection is not
        // held while we sleep.
        let failure = match outcome {
            Ok(response) => Failure::Status(response.status()),
            Err(err) => Failure::NoAnswer(err),
        };
        on_retry(&Retry {
            number: attempt,
            failure,
            wait,
            asked_by_server: asked.is_some(),
        });
        // `tokio::time::sleep`, never `std::thread::sleep`: this future steps aside while it
        // waits, so the other requests keep going on the same thread. It also makes the wait
        // cancellable: dropping this future (Ctrl-C, a deadline) ends the sleep at once.
        tokio::time::sleep(wait).await;
        attempt += 1;
    }
}
// ANCHOR_END: send_with_retry

/// One post's story: how many attempts it took, and the post or the last error.
#[derive(Debug)]
pub struct PostOutcome {
    pub id: u64,
    pub attempts: u32,
    pub result: Result<Post, reqwest::Error>,
}

// ANCHOR: fetch_post_with_retry
/// Fetches `/posts/{id}` with [`send_with_retry`], then checks the status and decodes the post.
/// `on_retry` hears `(id, retry)` for each retry.
///
/// Only sending is retried. A status still failing after the last attempt becomes an error
/// here (`error_for_status`), and a body that is not a post is an error at once: decoding the
/// same bytes again would fail the same way.
pub async fn fetch_post_with_retry(
    client: &Client,
    base_url: &str,
    id: u64,
    policy: &RetryPolicy,
    mut jitter: Jitter,
    on_retry: impl Fn(u64, &Retry),
) -> PostOutcome {
    let url = format!("{base_url}/posts/{id}");
    let mut attempts = 1;
    let count_and_report = |retry: &Retry| {
        attempts += 1;
        on_retry(id, retry);
    };
    let result = async {
        send_with_retry(client, &url, policy, &mut jitter, count_and_report)
            .await?
            .error_for_status()?
            .json::<Post>()
            .await
    }
    .await;
    PostOutcome {
        id,
        attempts,
        result,
    }
}
// ANCHOR_END: fetch_post_with_retry

/// What a batch may spend: attempts and waits per post, posts in flight, time in all.
#[derive(Debug, Clone, Copy)]
pub struct BatchLimits {
    pub policy: RetryPolicy,
    /// How many posts are fetched at the same time (lesson 05's bound).
    pub concurrency: usize,
    /// The time the whole batch may take, retries and waits included.
    pub deadline: Duration,
    /// Seeds the jitter, so that a run's waits can be repeated.
    pub seed: u64,
}

/// How a batch ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Every post has its final outcome.
    Finished,
    /// The deadline came first; the posts still in progress were abandoned.
    DeadlinePassed,
    /// The interrupt (Ctrl-C) came first; the posts still in progress were abandoned.
    Interrupted,
}

/// The outcomes of a batch, in the order they completed, and how and when it ended.
#[derive(Debug)]
pub struct Batch {
    pub outcomes: Vec<PostOutcome>,
    pub ending: Ending,
    pub elapsed: Duration,
}

impl Batch {
    /// How many posts arrived.
    pub fn fetched(&self) -> usize {
        self.outcomes.iter().filter(|o| o.result.is_ok()).count()
    }

    /// How many posts arrived or failed for good: the rest were still in progress at the end.
    pub fn completed(&self) -> usize {
        self.outcomes.len()
    }
}

// ANCHOR: fetch_all
/// Fetches every post with retries, `limits.concurrency` at a time, until all are done, the
/// deadline passes, or `interrupt` completes, whichever comes first. Whatever had completed by
/// then is kept.
pub async fn fetch_all(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    limits: &BatchLimits,
    interrupt: impl Future<Output = ()>,
    on_retry: impl Fn(u64, &Retry),
) -> Batch {
    let started = Instant::now();
    let on_retry = &on_retry;
    // A stream of outcomes in completion order, so that each one is ours the moment it is
    // done: `join_all` would hand them over only all together, and a deadline or a Ctrl-C
    // that cut it short would lose them all.
    let mut in_progress = stream::iter(ids)
        .map(|&id| {
            let jitter = Jitter::seeded(limits.seed, id);
            fetch_post_with_retry(client, base_url, id, &limits.policy, jitter, on_retry)
        })
        .buffer_unordered(limits.concurrency.max(1));
    // `select!` polls these again and again in place, so they must not move: pin them.
    let mut deadline = std::pin::pin!(tokio::time::sleep(limits.deadline));
    let mut interrupt = std::pin::pin!(interrupt);

    let mut outcomes = Vec::with_capacity(ids.len());
    let ending = loop {
        // Whichever is ready first wins; the other two are left for the next turn, or dropped.
        // `biased` polls them in the order written rather than at random: the interrupt first,
        // so that on the very first turn it is polled (and Ctrl-C's handler installed, see
        // `main`) before any request goes out, and a Ctrl-C or a passed deadline wins over a
        // result that happens to be ready at the same moment.
        tokio::select! {
            biased;
            () = &mut interrupt => break Ending::Interrupted,
            () = &mut deadline => break Ending::DeadlinePassed,
            next = in_progress.next() => match next {
                Some(outcome) => outcomes.push(outcome),
                None => break Ending::Finished,
            },
        }
    };
    // Dropping the stream cancels every request still in flight and every backoff still
    // sleeping: in Rust, cancelling a future *is* dropping it. Nothing runs on in the background.
    drop(in_progress);
    Batch {
        outcomes,
        ending,
        elapsed: started.elapsed(),
    }
}
// ANCHOR_END: fetch_all
