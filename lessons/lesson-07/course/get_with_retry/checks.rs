//! The checks of exercise 12 (`get_with_retry`), run against your file, the reference solution
//! and the course's typical wrong answers. Each check is a rule of the contract, each failure a
//! message that says what the server saw.
//!
//! Rule table: each clause of the stub's contract, the check(s) that test it, and the inputs
//! that make a near miss fail.
//!
//! | # | contract clause | check(s) | inputs that catch near misses |
//! |---|-----------------|----------|-------------------------------|
//! | 1 | at most `max_attempts` requests, the first one included | `stops_after_max_attempts_with_the_last_outcome`, `takes_many_attempts_without_overflow`, `agrees_with_the_reference_on_seeded_scenarios` | max_attempts 1, 2, 3, 5 (not only 4), and 41 with waits of 1-2ms (past retry 32, where `2u32.pow(n - 1)` overflows and panics), counted on failure paths: 5xx every time, dropped every time, refused then dropped (attempts counted by the client's resolver); seeded scripts with max_attempts 1 to 5 |
//! | 2 | each call counts its own attempts; nothing is kept between calls | `each_call_counts_its_own_attempts`, `waits_grow_at_random_within_their_bounds` | the same call twice in a row, then three calls at the same time (a `static` counter, reset or not, miscounts); then 11 calls with max_attempts 1 that spend their attempt on a 503, one after another, and a 12th with base_delay 10ms and max_delay 3s: its wait before retry 1 is 5-10ms, where a process-wide failure count (reset only by a final answer) is past 3s's ceiling and waits 1.5s or more (told from a stall: past 10ms + [`HICCUP`]); 36 calls at the same time; last, a call with max_attempts 1 gets a 429 with `Retry-After: 3` from one server and returns it, then a call to another server (another port, the same host) must send its first request within [`HICCUP`]: a cool-down per host kept across calls waits about 3s first (cut at 1.2s) |
//! | 3 | a 429 and every 5xx are retried | `retries_a_429_and_every_5xx`, seeded scenarios | 503, 500, 502, 504, 501, 507, 599 and 429 each followed by a 200 (an only-503 rule, or a list of the named 5xx, fails) |
//! | 4 | no answer at all is retried: refused, dropped, timed out | `retries_when_no_answer_came`, seeded scenarios | a connection closed without an answer (`is_connect` alone misses it), a refused one counted by the client's resolver, a server that stalls past the client's timeout |
//! | 4b | a request that cannot be built is returned at once | `returns_an_unbuildable_request_at_once` | `http://exa mple.com/api/v1/posts/7?lang=en` (a space in the host: `send()` gives a builder error, no request leaves), max_attempts 4, base and max_delay 4s: the error within [`HICCUP`], where retrying every `Err` waits 2s or more first (cut at 1.2s). Run after the check that the first attempt goes out at once, which no server here could tell from this |
//! | 5 | anything else is returned at once: a 200 whatever its body, a 3xx reqwest hands back, every other 4xx | `returns_a_final_answer_at_once`, `returns_a_408_or_425_at_once`, seeded scenarios | 200 with a body that is not JSON, 204, 400, 401, 403, 404, 410, 422, then 304 and 300 (reqwest follows only 301, 302, 303, 307 and 308 with a `Location`: a list of what is final, 2xx and 4xx, retries them), and 600 (past the 5xx: `status >= 500` retries it), then in a check of its own (second: no other kept answer fails it) 408, 425, 409, 418, each followed by a 200 that a retry would get, requests counted (a "transient 4xx" list that reads "a timeout" as the server's 408 fails); a 413 with `Retry-After: 1` (a 4xx that asks for a wait is a 4xx: retrying it as urllib3 does fails) |
//! | 6 | before retry n wait at least d/2, d = min(max_delay, base_delay × 2^(n-1)) | `waits_grow_at_random_within_their_bounds`, `waits_between_attempts_up_to_max_delay` (no wait at all) | 36 calls × 4 waits, floors 30/60/120/240ms, exact (a busy machine only lengthens a gap): full jitter, a floor-less random part, a constant or linear delay and no wait fail |
//! | 7 | … and at most d | `waits_between_attempts_up_to_max_delay`, `waits_grow_at_random_within_their_bounds` | max_delay 40ms over eight retries (uncapped waits 1.28s+ before the eighth); the middle of 36 waits before retries 2, 3 and 4, near 3d/4 when drawn right, near 3d/2 when doubling from twice the base |
//! | 7b | … at the cap too: the wait is random in [d/2, d] there, not d | `jitters_at_the_cap_too` (run by `waits_grow_at_random_within_their_bounds`, beside its calls) | 12 calls started 5ms apart, base_delay = max_delay = 240ms, max_attempts 5: the 36 waits before retries 2, 3 and 4 must not all be 230ms or more. Jitter drawn from the uncapped delay then clamped to max_delay waits exactly 240ms there (a busy machine only lengthens it). False alarm: each clean wait is 230ms or more with a chance of 1/12; with 85ms added to every wait (seen on CI, three test binaries at once on two cores, when d was 120ms and that alone failed a right answer) 4/5, so (4/5)^36 ≈ 3e-4 |
//! | 7c | … exactly: every wait within [d/2, d], drawn over the whole range | `waits_exactly_within_their_bounds` (last) | 12 calls one after another, each answered 500 five times then 200, base_delay 100s, max_delay 1000s (d = 100, 200, 400, 800, 1000s), on tokio's paused clock with a server on the check's runtime and clients that start no timer, so each gap between arrivals is the wait itself, to the millisecond: a random part drawn up to d (waits up to 3d/2) breaks the upper bound; more than 3 of the 60 waits at d/2 or d (within 3ms; a right draw does that about once in ten thousand waits) fails full jitter raised to d/2 and a draw clamped to `max_delay`; odd calls answered 429 without `Retry-After` (waiting `max_delay` on a bare 429 breaks the bounds); five waits of one call at the same point of their ranges (one draw per call) and two calls with the same waits (a seed from the clock's milliseconds) fail |
//! | 8 | the wait is random, different from call to call | `waits_grow_at_random_within_their_bounds`, `draws_other_waits_in_another_process` | 36 calls started 4ms apart with the same url and policy; their waits before retries 2, 3 and 4 (each measured from the same call's previous request) compared call by call: if 10 or more calls have all three waits within a 30ms window from just under one call's own (3ms below to 27ms above: a busy machine only lengthens a wait), the waits are not random. No jitter, a fixed fraction, a constant seed or one from the attempt number put all 36 in it; a seed from the clock's whole seconds at least 18 (the 36 start within one second, or straddle two). Seen under load (two busy cores, two checks side by side): wrong answers 16-36 calls, right ones 2-4. False alarm, drawn right from [d/2, d], d/2 = 60/120/240ms: another call falls in one call's window with a chance of at most 30/60 × 30/120 × 30/240 = 1/64, whatever a busy machine adds (it only spreads a wait out); 9 of the other 35, around any of the 36 calls: at most 36 × P(Binomial(35, 1/64) ≥ 9) ≈ 1e-7, about 4e-8 averaged over where the call's waits lie. (A window of ±15ms on all four waits, with 6 calls, would be up to 1 in 140 by the same bound, and the wait before retry 1, 30-60ms, the noisiest, tells nothing in a 30ms window). Across programs: two fresh processes of the test program (`second_process`), one call each on the paused clock, five waits to the millisecond: equal in both (within 3ms each) means a seed that is the same in every program, a constant or a count of calls from 0 (`seeded_by_a_call_counter`) |
//! | 9 | `Retry-After: <seconds>` on a 429 or 503 replaces the backoff, even past max_delay, and no longer; a date counts as no header | `honours_retry_after_without_blocking`, `backs_off_after_a_retry_after_date`, `honours_a_long_retry_after_exactly` | `Retry-After: 1` with base and max_delay 300ms, on a 429 and on a 503: ignored or capped (300ms or less, exact), read as ms; a wait past 1.9s (a stall of a busy machine can add 900ms); an HTTP date (an unwrap panics); then a 429 and a 503 with an HTTP date and a 429 with `-1`, base and max_delay 400ms: the retry at least 200ms later (exact: a date taken as 0s, or `-1` clamped at 0, retries at once); last, a 503 with `Retry-After: 100000` (28 hours), base and max_delay 2s, on tokio's paused clock with a client that starts no timer: the call takes 100,000s on that clock, within 3ms either way (a cap of one's own, a minute or a day, comes back early; jitter added on top comes back late) |
//! | 9b | … only on a 429 or 503: on any other answer `Retry-After` is ignored | `ignores_retry_after_on_other_5xx` | 500, 502, 504 with `Retry-After: 1` then a 200, base and max_delay 40ms, one after another: each retry at least 20ms later (exact), and two of the three a second later fails (one stall of a busy machine lengthens one gap, not two; the right wait is 20-40ms); then, side by side, a 503 and a 429 with `Retry-After: 1`, each followed by a 500 or 502 without it and a 200: both second retries a second later fails (a `Retry-After` kept as the pace for the rest of the call) |
//! | 9c | … wait that long and no longer: `Retry-After: 0` is a retry at once | `retries_at_once_after_retry_after_0` | a 429 and a 503 with `Retry-After: 0`, side by side, base and max_delay 2s: the retry within [`HICCUP`], where the longer of the header and the backoff (or the header added to it, or ignored) waits 1s or more (cut at 1.2s) |
//! | 9d | … a value that is not a whole number of seconds counts as no header | `reads_retry_after_as_whole_seconds_only`, `honours_retry_after_without_blocking`, `backs_off_after_a_retry_after_date` | `Retry-After: -1` on a 503, `inf` and `2.5` on a 429, side by side, base and max_delay 100ms: no panic (an `f64` parses all three; `Duration::from_secs_f64` panics on -1 and inf), the retry within 100ms + [`HICCUP`] (2.5s as asked, or 2s or 3s rounded, cut at 1.2s). A value read as 0s is told by the date check, last: a lower bound here would catch full jitter first |
//! | 10 | wait with `tokio::time::sleep`, never blocking the thread | `honours_retry_after_without_blocking` | a heartbeat on the test's one thread while four calls wait a second side by side: `std::thread::sleep` stops the beat for a second and makes the waits add up to 3.45s+ (a stall does one, not both) |
//! | 11 | every attempt through `client`, a GET to `url` as given | every check that talks to a server (`Scripted::check_requests`) | a tagged client; a url with a path and a query; method, path and tag checked on every arrival, retries included |
//! | 12 | return the last attempt's outcome as it is | `stops_after_max_attempts_with_the_last_outcome`, `returns_a_final_answer_at_once`, seeded scenarios | 500, 500, 503 (the first answer is not the last), refused then dropped (the first error is not the last), a 404 is `Ok`, the 200's body comes through unread |
//! | 6b | … counted from the failure, not from when the failed request was sent | `waits_from_the_failure_not_the_request` | a 503 whose head comes 400ms after its request, base and max_delay 300ms: the retry at least 400 + 150ms after the first request arrived (exact); a wait that deducts the time the failed attempt took comes at about 400ms, 150ms short, more than a busy machine adds to a gap |
//! | 6c | … and the failure is the answer's head, not its body | `retries_without_waiting_for_a_failed_answers_body` | a 503 whose head comes at once and its body 3s later, then a 200, base and max_delay 100ms: the retry within 100ms + [`HICCUP`] of the first request (reading the failed body first, to give the connection back to the pool, waits the 3s) |
//! | 9e | … `Retry-After` counted from the answer that carries it, not from the request | `counts_a_retry_after_from_the_answer` (last) | a 429 with `Retry-After: 1` whose head comes 400ms after its request, then a 200: the retry at least 1.4s after the first request (a `sleep_until(sent + retry_after)` retries 600ms after the answer); a lower bound only, which a busy machine cannot break |
//! | 12b | a redirect loop is returned at once | `returns_a_redirect_loop_at_once` | a server whose every answer is a 302 to the same URL, counted: the requests of one `send()`, no more (retrying every error but a builder error follows the loop again) |
//! | 13 | no wait before the first attempt, none after the last | `stops_after_max_attempts_with_the_last_outcome` | max_attempts 1 with `Retry-After: 1` and a 2s base: a wait before the try or after it shows as a late request or a late return |
//!
//! Out of the contract, not checked: `max_attempts` of 0; the redirects reqwest follows (301,
//! 302, 303, 307, 308 with a `Location`: the loop never sees them). The waits are measured
//! twice: in real time, on the server's side, by most checks (a busy machine only lengthens a
//! wait there, so those upper bounds are loose), and exactly, on tokio's paused clock, by the
//! last two (rows 7c and 9).
//!
//! The scripted server (`Scripted`) answers each call's first request with the script's first
//! answer, its second with the second, and so on (the last answer repeats). Calls are told apart
//! by a header their client adds. It notes when each request arrived, so the waits are measured
//! on the server's side, between arrivals. A wait can only look longer than it was there (the
//! round trip and any stall of a busy machine add to it), never shorter: the lower bounds are
//! exact, and every upper bound is either far from the right answer ([`HICCUP`]) or read from
//! the middle of many waits.

#[path = "solution.rs"]
mod reference;

use std::fmt;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use futures::future::join_all;
use lesson_support::client::client_builder;
use lesson_support::testing::{
    CLIENT_TAG_HEADER, Exercise, Heartbeat, Verdict, is_tagged, second_process,
};
use mock_server::SeededRng;
use reqwest::header::{HeaderMap, HeaderValue};
use reqwest::{Client, Response};
use tokio::net::TcpSocket;
use wiremock::matchers::{any, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

use crate::RetryPolicy;

pub const EXERCISE: Exercise = Exercise {
    number: 12,
    file: "lessons/lesson-07/src/exercises/get_with_retry.rs",
};

lesson_support::exercise_checks! {
    candidate: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>;
    returns_a_final_answer_at_once,
    returns_a_408_or_425_at_once,
    retries_a_429_and_every_5xx,
    retries_when_no_answer_came,
    stops_after_max_attempts_with_the_last_outcome,
    // After the check that the first attempt goes out at once: this one sees no request.
    returns_an_unbuildable_request_at_once,
    returns_a_redirect_loop_at_once,
    each_call_counts_its_own_attempts,
    agrees_with_the_reference_on_seeded_scenarios,
    waits_between_attempts_up_to_max_delay,
    // After the cap is checked: an uncapped wait would make this one run for ever.
    takes_many_attempts_without_overflow,
    retries_at_once_after_retry_after_0,
    reads_retry_after_as_whole_seconds_only,
    // Takes a second: the server asks for it.
    honours_retry_after_without_blocking,
    // Also runs `jitters_at_the_cap_too`, side by side.
    waits_grow_at_random_within_their_bounds,
    // Last: only answers that pass every check above reach these.
    ignores_retry_after_on_other_5xx,
    backs_off_after_a_retry_after_date,
    waits_from_the_failure_not_the_request,
    retries_without_waiting_for_a_failed_answers_body,
    // On tokio's paused clock: after every check that the waits go through `tokio::time::sleep`.
    honours_a_long_retry_after_exactly,
    waits_exactly_within_their_bounds,
    counts_a_retry_after_from_the_answer,
    draws_other_waits_in_another_process,
}

/// Small waits keep the checks that only count requests fast: ceilings of 10, 20, 40, 40ms.
const FAST: RetryPolicy = RetryPolicy {
    max_attempts: 4,
    base_delay: Duration::from_millis(10),
    max_delay: Duration::from_millis(40),
};

/// Waits of 1-2ms, for a check with many attempts.
const TINY: RetryPolicy = RetryPolicy {
    max_attempts: 4,
    base_delay: Duration::from_millis(1),
    max_delay: Duration::from_millis(2),
};

/// Where the checks send their requests: a path with a prefix, and a query, to be kept whole.
const TARGET: &str = "/api/v1/posts/7?lang=en";

/// The body of a 200 that is not JSON: still an answer, and final.
const NOT_JSON: &str = "<html><body>Post 7, as a web page</body></html>";

/// A `Retry-After` given as an HTTP date, which this contract treats as no header.
const HTTP_DATE: &str = "Wed, 21 Oct 2015 07:28:00 GMT";

/// Timers may round a wait down by a hair; a wait this much short of its floor still counts.
const TOLERANCE: Duration = Duration::from_millis(3);

/// The longest a busy machine may hold up the checks' own thread, or the server's: a gap
/// between arrivals, or a return, may come this much later than the code under check meant.
/// (Two busy cores and a few compilations stall a whole process for 600ms now and then.) Only
/// what a wrong answer does by a second or more is told from a stall by one measurement; the
/// rest is told by many calls at once (see `waits_grow_at_random_within_their_bounds`).
const HICCUP: Duration = Duration::from_millis(900);

/// The client's timeout where a check needs one: the server stalls for far longer.
const CLIENT_TIMEOUT: Duration = Duration::from_millis(200);

/// How long a stalled answer takes to come: past any timeout the checks use.
const STALL: Duration = Duration::from_secs(5);

/// How late [`Answer::Slow`] answers: longer than any wait of the check that uses it, so that a
/// wait counted from the request, not from the answer, has run out by the time it comes.
const SLOW_HEAD: Duration = Duration::from_millis(400);

/// A check gives up on the code under check after this long: it is retrying without end.
const GUARD: Duration = Duration::from_secs(10);

/// Where the checks send their own requests to open connections before a measurement.
const WARM_UP: &str = "/warm-up";

/// The header by which the scripted server tells the calls of one check apart.
const CALL_HEADER: &str = "x-course-call";

/// What the scripted server does with one request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Answer {
    /// This status, with an empty body.
    Status(u16),
    /// This status, with a body that is not JSON.
    Text(u16, &'static str),
    /// This status, with `Retry-After: <value>`.
    RetryAfter(u16, &'static str),
    /// 200 with a post.
    Post,
    /// No answer: the connection is closed.
    Drop,
    /// No answer for [`STALL`]: the client times out first.
    Stall,
    /// This status, its head sent [`SLOW_HEAD`] after the request arrived.
    Slow(u16),
    /// This status with `Retry-After: <value>`, its head sent [`SLOW_HEAD`] after the request
    /// arrived.
    SlowRetryAfter(u16, &'static str),
}

/// `503 Service Unavailable`, `429 Too Many Requests with Retry-After: 1`, `a dropped connection`.
impl fmt::Display for Answer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Answer::Status(status) => f.write_str(&status_name(status)),
            Answer::Text(status, _) => {
                write!(f, "{} with a body that is not JSON", status_name(status))
            }
            Answer::RetryAfter(status, value) => {
                write!(f, "{} with `Retry-After: {value}`", status_name(status))
            }
            Answer::Post => f.write_str("200 OK with the post"),
            Answer::Drop => f.write_str("a connection closed without an answer"),
            Answer::Stall => f.write_str("no answer until the client timed out"),
            Answer::Slow(status) => write!(
                f,
                "{}, {}ms after the request",
                status_name(status),
                SLOW_HEAD.as_millis()
            ),
            Answer::SlowRetryAfter(status, value) => write!(
                f,
                "{} with `Retry-After: {value}`, {}ms after the request",
                status_name(status),
                SLOW_HEAD.as_millis()
            ),
        }
    }
}

/// `404 Not Found`.
fn status_name(status: u16) -> String {
    reqwest::StatusCode::from_u16(status).map_or_else(|_| status.to_string(), |s| s.to_string())
}

/// One request as the scripted server saw it.
#[derive(Clone, Debug)]
struct Arrival {
    /// Which call sent it (the value of [`CALL_HEADER`]).
    call: String,
    at: Instant,
    method: String,
    /// Path and query, as received.
    target: String,
    /// Whether it came from a client the check gave to the code under check.
    tagged: bool,
}

/// A server that answers from a script, per call, and notes every request (see the module's
/// docs).
struct Scripted {
    server: MockServer,
    log: Arc<Mutex<Vec<Arrival>>>,
}

fn call_of(request: &Request) -> String {
    request
        .headers
        .get(CALL_HEADER)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

fn response_for(answer: Answer) -> ResponseTemplate {
    let post = serde_json::json!(
        {"userId": 1, "id": 7, "title": "retried and fetched", "body": "…"}
    );
    match answer {
        Answer::Status(status) => ResponseTemplate::new(status),
        Answer::Text(status, body) => ResponseTemplate::new(status).set_body_string(body),
        Answer::RetryAfter(status, value) => {
            ResponseTemplate::new(status).insert_header("Retry-After", value)
        }
        Answer::Post | Answer::Drop => ResponseTemplate::new(200).set_body_json(post),
        Answer::Stall => ResponseTemplate::new(200)
            .set_body_json(post)
            .set_delay(STALL),
        Answer::Slow(status) => ResponseTemplate::new(status).set_delay(SLOW_HEAD),
        Answer::SlowRetryAfter(status, value) => ResponseTemplate::new(status)
            .insert_header("Retry-After", value)
            .set_delay(SLOW_HEAD),
    }
}

impl Scripted {
    async fn start(script: &[Answer]) -> Scripted {
        let server = lesson_support::testing::fresh_server().await;
        let log: Arc<Mutex<Vec<Arrival>>> = Arc::default();
        let script: Arc<[Answer]> = script.into();
        // A call sends its requests one after another, so the answer picked by the matcher
        // below is still that call's next one when the responder runs.
        let next = {
            let (log, script) = (log.clone(), script.clone());
            move |request: &Request| {
                let call = call_of(request);
                let sent = lock(&log).iter().filter(|a| a.call == call).count();
                script[sent.min(script.len() - 1)]
            }
        };
        let note = {
            let log = log.clone();
            move |request: &Request| {
                let target = match request.url.query() {
                    Some(query) => format!("{}?{query}", request.url.path()),
                    None => request.url.path().to_owned(),
                };
                lock(&log).push(Arrival {
                    call: call_of(request),
                    at: Instant::now(),
                    method: request.method.to_string(),
                    target,
                    tagged: is_tagged(&request.headers),
                });
            }
        };

        // The checks' own warm-up requests, outside the script and the log.
        Mock::given(path(WARM_UP))
            .respond_with(ResponseTemplate::new(204))
            .with_priority(1)
            .mount(&server)
            .await;
        let (next_drop, note_drop) = (next.clone(), note.clone());
        Mock::given(move |request: &Request| next_drop(request) == Answer::Drop)
            .respond_with_err(move |request: &Request| {
                note_drop(request);
                std::io::Error::other("the check's server dropped the connection on purpose")
            })
            .with_priority(2)
            .mount(&server)
            .await;
        Mock::given(any())
            .respond_with(move |request: &Request| {
                let answer = next(request);
                note(request);
                response_for(answer)
            })
            .with_priority(3)
            .mount(&server)
            .await;
        Scripted { server, log }
    }

    fn url(&self) -> String {
        format!("{}{TARGET}", self.server.uri())
    }

    /// Opens a connection from each client before the calls begin, so that the wait before
    /// the first retry is not measured with a new connection's setup in it.
    async fn warm_up(&self, clients: &[Client]) {
        let url = format!("{}{WARM_UP}", self.server.uri());
        let requests = clients.iter().map(|client| client.get(&url).send());
        for response in join_all(requests).await {
            response.expect("the check's own server answers its warm-up");
        }
    }

    /// The requests of one call (`client_for(call, …)`), in order.
    fn arrivals(&self, call: usize) -> Vec<Arrival> {
        let call = call.to_string();
        lock(&self.log)
            .iter()
            .filter(|a| a.call == call)
            .cloned()
            .collect()
    }

    fn count(&self, call: usize) -> usize {
        self.arrivals(call).len()
    }

    /// The time between consecutive requests of one call.
    fn gaps(&self, call: usize) -> Vec<Duration> {
        self.arrivals(call)
            .windows(2)
            .map(|pair| pair[1].at - pair[0].at)
            .collect()
    }

    /// Every request so far was a GET of [`TARGET`] from a client the check gave out.
    fn check_requests(&self) -> Verdict {
        let log = lock(&self.log).clone();
        let strangers = log.iter().filter(|a| !a.tagged).count();
        if strangers > 0 {
            return Err(EXERCISE.fail(&format!(
                "{strangers} of the {} requests the server received did not come from the \
                 `client` you were given: send every attempt through it, instead of \
                 `reqwest::get` or a new `Client`, which opens a new connection every time",
                log.len()
            )));
        }
        if let Some(odd) = log.iter().find(|a| a.method != "GET") {
            return Err(EXERCISE.fail(&format!(
                "the server received {} {}: every attempt is a GET",
                odd.method, odd.target
            )));
        }
        if let Some(odd) = log.iter().find(|a| a.target != TARGET) {
            return Err(EXERCISE.fail(&format!(
                "asked for {TARGET}, the server received GET {}: send every attempt to `url` \
                 exactly as you were given it",
                odd.target
            )));
        }
        Ok(())
    }
}

/// Locks a log even if a panic poisoned it: the log is still right.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The headers of a client given to the code under check: the tag, and the call's number.
fn headers_for(call: usize) -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(
        CLIENT_TAG_HEADER,
        HeaderValue::from_static("given-to-the-exercise"),
    );
    headers.insert(CALL_HEADER, HeaderValue::from(call));
    headers
}

/// The course's client settings for plain HTTP on this machine: a loopback base URL, so that
/// any proxy is bypassed, and no TLS roots, whose loading would cost tens of milliseconds per
/// client (the checks build dozens).
fn plain_http_builder() -> reqwest::ClientBuilder {
    client_builder("http://127.0.0.1").tls_certs_only(std::iter::empty())
}

/// A client for call number `call`, with a short timeout if asked for.
fn client_for(call: usize, timeout: Option<Duration>) -> Client {
    // A loopback base URL: the course's builder then bypasses any proxy.
    let builder = plain_http_builder().default_headers(headers_for(call));
    let builder = match timeout {
        Some(timeout) => builder.timeout(timeout),
        None => builder,
    };
    builder
        .build()
        .expect("the course's client settings are valid")
}

/// A resolver that sends its first lookup to the first address, its second to the second, and
/// so on (the last repeats), and notes when it was asked. A connection that failed is not kept,
/// so each attempt after one looks the name up again: the notes count the attempts that no
/// server saw, refused ones included.
struct CountingResolver {
    addresses: Vec<SocketAddr>,
    lookups: Arc<Mutex<Vec<Instant>>>,
}

impl reqwest::dns::Resolve for CountingResolver {
    fn resolve(&self, _name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        let mut lookups = lock(&self.lookups);
        let address = self.addresses[lookups.len().min(self.addresses.len() - 1)];
        lookups.push(Instant::now());
        let addresses: reqwest::dns::Addrs = Box::new(std::iter::once(address));
        Box::pin(std::future::ready(Ok(addresses)))
    }
}

/// An address on this machine where nothing listens: a connection there is refused. The
/// socket holds the port (bound, not listening) until it is dropped, so that no other server
/// started meanwhile, by another test, can take the port and answer.
fn refused_address() -> (SocketAddr, TcpSocket) {
    let socket = TcpSocket::new_v4().expect("a TCP socket");
    socket
        .bind(SocketAddr::from(([127, 0, 0, 1], 0)))
        .expect("a free port on loopback");
    let address = socket.local_addr().expect("a bound socket has an address");
    (address, socket)
}

/// A URL whose name resolves to `addresses` in turn, a client for it, and its resolver's notes.
fn resolved_target(addresses: Vec<SocketAddr>) -> (String, Client, Arc<Mutex<Vec<Instant>>>) {
    let lookups: Arc<Mutex<Vec<Instant>>> = Arc::default();
    let client = plain_http_builder()
        .default_headers(headers_for(0))
        .dns_resolver(CountingResolver {
            addresses,
            lookups: lookups.clone(),
        })
        .build()
        .expect("the course's client settings are valid");
    // No port in the URL: the resolver's address gives it.
    let url = format!("http://retry-check.invalid{TARGET}");
    (url, client, lookups)
}

/// What one call of the code under check gave, and when it returned.
struct Run {
    result: Result<Response, reqwest::Error>,
    started: Instant,
    ended: Instant,
}

/// Calls the code under check, turning a panic, the stub's `todo!()` or an endless loop into
/// a message.
async fn call<F>(
    candidate: &F,
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
) -> Result<Run, String>
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    let started = Instant::now();
    match tokio::time::timeout(GUARD, EXERCISE.run(candidate(client, url, policy))).await {
        Ok(outcome) => outcome.map(|result| Run {
            result,
            started,
            ended: Instant::now(),
        }),
        Err(_) => Err(EXERCISE.fail(&format!(
            "still running after {}s: stop once `policy.max_attempts` requests have been sent",
            GUARD.as_secs()
        ))),
    }
}

/// Like [`call`], but gives up after `cut`: `None` if the code under check was still running
/// then (its future is dropped, and with it any wait it was in).
async fn call_within<F>(
    candidate: &F,
    client: &Client,
    url: &str,
    policy: &RetryPolicy,
    cut: Duration,
) -> Result<Option<Run>, String>
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    match tokio::time::timeout(cut, call(candidate, client, url, policy)).await {
        Ok(run) => run.map(Some),
        Err(_) => Ok(None),
    }
}

/// `Ok(response 404 Not Found)` or `Err(…)`, for messages.
fn shown(result: &Result<Response, reqwest::Error>) -> String {
    match result {
        Ok(response) => format!("Ok(response {})", response.status()),
        Err(err) if err.is_timeout() => "Err(a timeout)".to_owned(),
        Err(err) if err.is_connect() => "Err(a refused connection)".to_owned(),
        Err(err) => format!("Err({err})"),
    }
}

fn status_of(result: &Result<Response, reqwest::Error>) -> Option<u16> {
    result
        .as_ref()
        .ok()
        .map(|response| response.status().as_u16())
}

/// Durations as a list of milliseconds: `[31ms, 74ms]`.
fn millis(durations: &[Duration]) -> String {
    let each: Vec<String> = durations
        .iter()
        .map(|d| format!("{}ms", d.as_millis()))
        .collect();
    format!("[{}]", each.join(", "))
}

/// Calls by their number (index + 1), runs shortened: `1-4, 7, 9-12`.
fn numbered(calls: &[usize]) -> String {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for number in calls.iter().map(|call| call + 1) {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == number => *last = number,
            _ => runs.push((number, number)),
        }
    }
    let runs: Vec<String> = runs
        .iter()
        .map(|&(first, last)| {
            if first == last {
                first.to_string()
            } else {
                format!("{first}-{last}")
            }
        })
        .collect();
    runs.join(", ")
}

/// The shortest and longest of some durations, as `15-29ms`.
fn range(durations: &[Duration]) -> String {
    let least = durations.iter().min().copied().unwrap_or_default();
    let most = durations.iter().max().copied().unwrap_or_default();
    format!("{}-{}ms", least.as_millis(), most.as_millis())
}

/// An answer that is final: one request, and the answer returned as it came, as `Ok`.
pub async fn returns_a_final_answer_at_once<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    let finals = [
        (200, Answer::Text(200, NOT_JSON)),
        (204, Answer::Status(204)),
        (400, Answer::Status(400)),
        (401, Answer::Status(401)),
        (403, Answer::Status(403)),
        (404, Answer::Status(404)),
        (410, Answer::Status(410)),
        (422, Answer::Status(422)),
        // 3xx that reqwest hands back instead of following (it follows only a 301, 302, 303,
        // 307 or 308 with a `Location`). Last, so that a 4xx keeps its own message.
        (304, Answer::Status(304)),
        (300, Answer::Status(300)),
        // Not a 5xx either: HTTP's statuses are three digits, and 600 is past the 5xx.
        (600, Answer::Status(600)),
        // A 4xx that asks for a wait is a 4xx all the same: `Retry-After` counts on a 429 or
        // a 503 only.
        (413, Answer::RetryAfter(413, "1")),
    ];
    for (status, first) in finals {
        // What a retry would get: a post, so that a retry shows as a second request.
        let server = Scripted::start(&[first, Answer::Post]).await;
        let run = call(candidate, &client_for(0, None), &server.url(), &FAST).await?;
        server.check_requests()?;
        let requests = server.count(0);
        if requests == 0 {
            return Err(EXERCISE.fail(
                "no request reached the server: send `GET url` through `client`, with the \
                 `url` you were given",
            ));
        }
        if requests > 1 && status == 200 {
            return Err(EXERCISE.fail(&format!(
                "the server answered {first} and received {requests} requests: a 200 is \
                 final, whatever its body. The caller decodes it; asking again would bring \
                 the same bytes"
            )));
        }
        if requests > 1 && (300..400).contains(&status) {
            return Err(EXERCISE.fail(&format!(
                "the server answered {first} and received {requests} requests: a {status} \
                 that reqwest hands back (it follows only a 301, 302, 303, 307 or 308 with a \
                 `Location`) is an answer, not a failure, so return it at once. Retry only a \
                 429, a 5xx or no answer at all: anything else, a 2xx, a 3xx or a 4xx, is \
                 returned after one request"
            )));
        }
        if requests > 1 {
            return Err(EXERCISE.fail(&format!(
                "the server answered {first} and received {requests} requests: a {status} will \
                 be a {status} next time too, so return it at once. Retry only a 429, a 5xx or \
                 no answer at all"
            )));
        }
        match run.result {
            Ok(response) if response.status().as_u16() == status => {
                if status == 200 {
                    let body = response.text().await.unwrap_or_default();
                    if body != NOT_JSON {
                        return Err(EXERCISE.fail(&format!(
                            "the server answered {first}; the response your function returned \
                             had the body {body:?} instead of {NOT_JSON:?}: return the \
                             response as it came, unread"
                        )));
                    }
                }
            }
            Ok(response) => {
                return Err(EXERCISE.fail(&format!(
                    "the server answered {first} and your function returned a response with \
                     {}: return the answer you got, as it came",
                    response.status()
                )));
            }
            Err(err) => {
                return Err(EXERCISE.fail(&format!(
                    "the server answered {first} and your function returned Err({err}): a \
                     {status} is an answer, so return it as Ok(response) and let the caller \
                     decide (`error_for_status`)"
                )));
            }
        }
    }
    Ok(())
}

/// A request that cannot be built (a malformed url) fails the same way every time: its error
/// comes back at once, with no wait. (No server sees it: the time taken tells.)
pub async fn returns_an_unbuildable_request_at_once<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    // A space in the host: `Url::parse` refuses it, so `send()` gives a builder error at once.
    const UNBUILDABLE: &str = "http://exa mple.com/api/v1/posts/7?lang=en";
    // A retry would first wait 2-4s; a correct answer returns in a few microseconds.
    let policy = RetryPolicy {
        max_attempts: 4,
        base_delay: Duration::from_secs(4),
        max_delay: Duration::from_secs(4),
    };
    let cut = HICCUP + Duration::from_millis(300);
    let run = call_within(candidate, &client_for(0, None), UNBUILDABLE, &policy, cut).await?;
    let took = run.as_ref().map(|run| run.ended - run.started);
    match run {
        Some(run) if took.is_some_and(|took| took <= HICCUP) => match run.result {
            Err(_) => Ok(()),
            Ok(response) => Err(EXERCISE.fail(&format!(
                "asked for {UNBUILDABLE:?}, a url from which no request can be built (a space \
                 in its host), your function returned Ok(response {}): return the error that \
                 `send()` gave",
                response.status()
            ))),
        },
        _ => Err(EXERCISE.fail(&format!(
            "asked for {UNBUILDABLE:?}, a url from which no request can be built (a space in its \
             host), with max_attempts = 4 and base_delay 4s, your function {}: a request that \
             cannot be built fails the same way every time (reqwest's `err.is_builder()`), so \
             return its error at once, with no wait. Retry only a 429, a 5xx or no answer at \
             all (`err.is_connect() || err.is_timeout() || err.is_request()`), not every `Err`",
            match took {
                Some(took) => format!("returned its error after {}ms", took.as_millis()),
                None => format!("was still running after {}ms", cut.as_millis()),
            }
        ))),
    }
}

/// A redirect loop is returned at once: reqwest gives up after following its redirects
/// (`is_redirect`), and a second try would follow the same loop. The server counts the
/// requests of one `send()` first, then the candidate's.
pub async fn returns_a_redirect_loop_at_once<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    let policy = RetryPolicy {
        max_attempts: 3,
        base_delay: Duration::from_millis(40),
        max_delay: Duration::from_millis(40),
    };
    let server = lesson_support::testing::fresh_server().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(302).insert_header("location", "/api/loop"))
        .mount(&server)
        .await;
    let url = format!("{}/api/loop", server.uri());
    let client = client_for(0, None);
    let one_send = client.get(&url).send().await;
    let per_send = server.received_requests().await.unwrap_or_default().len();
    if !one_send.as_ref().is_err_and(reqwest::Error::is_redirect) {
        return Err(format!(
            "the check's own request to a redirect loop gave {}, not a redirect error",
            shown(&one_send)
        ));
    }
    server.reset().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(302).insert_header("location", "/api/loop"))
        .mount(&server)
        .await;
    let result = EXERCISE.run(candidate(&client, &url, &policy)).await?;
    let asked = server.received_requests().await.unwrap_or_default().len();
    if asked > per_send || !result.as_ref().is_err_and(reqwest::Error::is_redirect) {
        return Err(EXERCISE.fail(&format!(
            "the server answered every request with a redirect to the same URL (a loop: one \
             `send()` follows it {per_send} requests deep, then gives up with \
             `is_redirect()`); your function sent {asked} requests and returned {}; expected \
             {per_send} and the redirect error: a redirect loop was answered, and would be \
             again, so return its error at once (retry only a 429, a 5xx or no answer at all)",
            shown(&result)
        )));
    }
    Ok(())
}

/// A 429 and every 5xx are retried: each followed by a 200 gives the 200, after two requests.
pub async fn retries_a_429_and_every_5xx<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    // The four the chapter names, and 5xx no list of names would guess.
    for status in [503, 500, 502, 504, 429, 501, 507, 599] {
        let server = Scripted::start(&[Answer::Status(status), Answer::Post]).await;
        let run = call(candidate, &client_for(0, None), &server.url(), &FAST).await?;
        server.check_requests()?;
        let requests = server.count(0);
        let name = status_name(status);
        match (requests, status_of(&run.result)) {
            (2, Some(200)) => {}
            (0, _) => {
                return Err(EXERCISE.fail(
                    "no request reached the server: send `GET url` through `client`, with the \
                     `url` you were given",
                ));
            }
            (1, _) => {
                return Err(EXERCISE.fail(&format!(
                    "the server answered {name} and your function returned {} after that one \
                     request, with attempts to spare (max_attempts = 4): a {status} is worth \
                     retrying, as are a 429 and every 5xx (500 to 599, not only those with a \
                     name you know: `status.is_server_error()`), and so is no answer at all",
                    shown(&run.result)
                )));
            }
            (requests, _) if requests > 2 => {
                return Err(EXERCISE.fail(&format!(
                    "the server answered {name}, then 200 OK, yet received {requests} \
                     requests: stop at the first answer that is not worth retrying"
                )));
            }
            _ => {
                return Err(EXERCISE.fail(&format!(
                    "the server answered {name}, then 200 OK; expected Ok(response 200 OK) \
                     after 2 requests, got {} after {requests}",
                    shown(&run.result)
                )));
            }
        }
    }
    Ok(())
}

/// No answer at all is worth another try: a dropped connection, a refused one, a timeout.
pub async fn retries_when_no_answer_came<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    // Dropped, then a post.
    let server = Scripted::start(&[Answer::Drop, Answer::Post]).await;
    let run = call(candidate, &client_for(0, None), &server.url(), &FAST).await?;
    server.check_requests()?;
    match (server.count(0), status_of(&run.result)) {
        (2, Some(200)) => {}
        (1, _) => {
            return Err(EXERCISE.fail(&format!(
                "the server closed the connection without answering, and your function \
                 returned {} without another try: no answer at all (a dropped or refused \
                 connection, a timeout) is worth another try. `err.is_connect()` alone misses \
                 a dropped connection: `err.is_request()` covers it",
                shown(&run.result)
            )));
        }
        (requests, _) => {
            return Err(EXERCISE.fail(&format!(
                "the server dropped the first connection, then answered 200 OK; expected \
                 Ok(response 200 OK) after 2 requests, got {} after {requests}",
                shown(&run.result)
            )));
        }
    }

    // Refused, three times: the client's resolver counts the attempts.
    let (refused, _held) = refused_address();
    let (url, client, lookups) = resolved_target(vec![refused]);
    let policy = RetryPolicy {
        max_attempts: 3,
        ..FAST
    };
    let run = call(candidate, &client, &url, &policy).await?;
    let attempts = lock(&lookups).len();
    match (&run.result, attempts) {
        (Err(_), 3) => {}
        (Ok(response), _) => {
            return Err(EXERCISE.fail(&format!(
                "nothing listens at that address, yet your function returned Ok(response {})",
                response.status()
            )));
        }
        (Err(_), 1) => {
            return Err(EXERCISE.fail(&format!(
                "nothing listens at that address: the connection was refused, and your \
                 function returned {} after that one attempt, with attempts to spare \
                 (max_attempts = 3): no answer at all is worth another try",
                shown(&run.result)
            )));
        }
        (Err(_), attempts) => {
            return Err(EXERCISE.fail(&format!(
                "nothing listens at that address; with max_attempts = 3 your function should \
                 try 3 times, and it tried {attempts} times{}",
                if attempts == 4 {
                    ": max_attempts counts every request, the first one included"
                } else {
                    ""
                }
            )));
        }
    }

    // Stalled past the client's timeout, then a post. On a very busy machine a later request
    // may time out too, and be retried in turn: six attempts leave room for that.
    let server = Scripted::start(&[Answer::Stall, Answer::Post]).await;
    let client = client_for(0, Some(CLIENT_TIMEOUT));
    let policy = RetryPolicy {
        max_attempts: 6,
        ..FAST
    };
    let run = call(candidate, &client, &server.url(), &policy).await?;
    server.check_requests()?;
    match (server.count(0), status_of(&run.result)) {
        (2..=6, Some(200)) => Ok(()),
        (1, _) => Err(EXERCISE.fail(&format!(
            "the server did not answer before the client's timeout ({}ms), and your function \
             returned {} without another try: a timeout is no answer at all, worth another try",
            CLIENT_TIMEOUT.as_millis(),
            shown(&run.result)
        ))),
        (requests, _) => Err(EXERCISE.fail(&format!(
            "the server let the first request time out, then answered 200 OK; expected \
             Ok(response 200 OK) after 2 requests, got {} after {requests}",
            shown(&run.result)
        ))),
    }
}

/// A server that keeps failing gets exactly `max_attempts` requests, and the caller gets the
/// last attempt's outcome, at once.
pub async fn stops_after_max_attempts_with_the_last_outcome<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    // Failing answers, the last one different from the others: 500, …, 500, 503, then 502.
    for max_attempts in [3, 5, 2] {
        let mut script = vec![Answer::Status(500); max_attempts - 1];
        script.extend([Answer::Status(503), Answer::Status(502)]);
        let server = Scripted::start(&script).await;
        let policy = RetryPolicy {
            max_attempts: max_attempts as u32,
            ..FAST
        };
        let run = call(candidate, &client_for(0, None), &server.url(), &policy).await?;
        server.check_requests()?;
        let requests = server.count(0);
        let answers: Vec<String> = script[..max_attempts]
            .iter()
            .map(|answer| answer.to_string())
            .collect();
        let answers = answers.join(", ");
        if requests == max_attempts + 1 {
            return Err(EXERCISE.fail(&format!(
                "with max_attempts = {max_attempts} the server received {requests} requests: \
                 max_attempts counts every request, the first one included (one try and {} \
                 retries)",
                max_attempts - 1
            )));
        }
        if requests != max_attempts {
            return Err(EXERCISE.fail(&format!(
                "the server answered with a 5xx every time; with max_attempts = {max_attempts} \
                 it should receive exactly {max_attempts} requests, and it received {requests}"
            )));
        }
        match status_of(&run.result) {
            Some(503) => {}
            Some(500) => {
                return Err(EXERCISE.fail(&format!(
                    "the server answered {answers}, and your function returned the first \
                     answer, Ok(response 500): once the attempts are spent, return the last \
                     attempt's outcome as it is"
                )));
            }
            _ => {
                return Err(EXERCISE.fail(&format!(
                    "the server answered {answers}, and your function returned {}: once the \
                     attempts are spent, return the last attempt's outcome as it is, here \
                     Ok(response 503), so that the caller sees what the server said",
                    shown(&run.result)
                )));
            }
        }
    }

    // One attempt: nothing to wait for, even when the server asks for a wait.
    let server = Scripted::start(&[Answer::RetryAfter(503, "1"), Answer::Post]).await;
    // A wait before the first try or after the last one would be a second or more.
    let policy = RetryPolicy {
        max_attempts: 1,
        base_delay: Duration::from_secs(2),
        max_delay: Duration::from_secs(2),
    };
    let run = call(candidate, &client_for(0, None), &server.url(), &policy).await?;
    server.check_requests()?;
    let arrivals = server.arrivals(0);
    if arrivals.len() != 1 || status_of(&run.result) != Some(503) {
        return Err(EXERCISE.fail(&format!(
            "with max_attempts = 1 and a server answering 503, expected one request and \
             Ok(response 503) as it came; the server received {} and your function returned {}",
            arrivals.len(),
            shown(&run.result)
        )));
    }
    let before = arrivals[0].at - run.started;
    if before > HICCUP {
        return Err(EXERCISE.fail(&format!(
            "with base_delay 2s the first request reached the server {}ms after your \
             function was called: send the first attempt at once. The waits come between \
             attempts, before each retry, never before the first try",
            before.as_millis()
        )));
    }
    let late = run.ended - arrivals[0].at;
    if late > HICCUP {
        return Err(EXERCISE.fail(&format!(
            "with max_attempts = 1 the server answered {} and your function returned {}ms \
             later: once the attempts are spent, return at once. No retry comes after the last \
             attempt, so there is nothing to wait for",
            Answer::RetryAfter(503, "1"),
            late.as_millis()
        )));
    }

    // No answer every time: the error of the last attempt, after exactly three.
    let server = Scripted::start(&[Answer::Drop]).await;
    let policy = RetryPolicy {
        max_attempts: 3,
        ..FAST
    };
    let run = call(candidate, &client_for(0, None), &server.url(), &policy).await?;
    server.check_requests()?;
    let requests = server.count(0);
    if requests != 3 || run.result.is_ok() {
        return Err(EXERCISE.fail(&format!(
            "the server closed every connection without answering; with max_attempts = 3 \
             expected 3 requests and the last one's error, got {} after {requests}",
            shown(&run.result)
        )));
    }

    // Refused, then dropped: the error returned is the dropped connection's, the last one.
    let server = Scripted::start(&[Answer::Drop]).await;
    let (refused, _held) = refused_address();
    let (url, client, lookups) = resolved_target(vec![refused, *server.server.address()]);
    let policy = RetryPolicy {
        max_attempts: 2,
        ..FAST
    };
    let run = call(candidate, &client, &url, &policy).await?;
    server.check_requests()?;
    let attempts = lock(&lookups).len();
    match (&run.result, attempts, server.count(0)) {
        (Err(err), 2, 1) if !err.is_connect() => Ok(()),
        (Err(_), 2, 1) => Err(EXERCISE.fail(&format!(
            "the first connection was refused, the second closed without an answer, and your \
             function returned {}, the first error: return the last attempt's outcome as it \
             is, here the dropped connection's error",
            shown(&run.result)
        ))),
        (_, attempts, _) => Err(EXERCISE.fail(&format!(
            "the first connection was refused, the second closed without an answer; with \
             max_attempts = 2 expected 2 attempts and the last one's error, got {} after \
             {attempts} attempts",
            shown(&run.result)
        ))),
    }
}

/// Each call counts its own attempts: twice in a row, then three at the same time, then one
/// after calls that spent all theirs.
pub async fn each_call_counts_its_own_attempts<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    let script = [
        Answer::Status(503),
        Answer::Status(503),
        Answer::Status(503),
        Answer::Post,
    ];
    let server = Scripted::start(&script).await;
    let url = server.url();
    let clients: Vec<Client> = (1..=5).map(|call| client_for(call, None)).collect();

    for call_number in [1, 2] {
        let run = call(candidate, &clients[call_number - 1], &url, &FAST).await?;
        server.check_requests()?;
        let requests = server.count(call_number);
        if requests == 4 && status_of(&run.result) == Some(200) {
            continue;
        }
        return Err(EXERCISE.fail(&if call_number == 1 {
            format!(
                "the server answered 503, 503, 503, then 200 OK; with max_attempts = 4 \
                 expected Ok(response 200 OK) after 4 requests, got {} after {requests}",
                shown(&run.result)
            )
        } else {
            format!(
                "called twice in a row with the same url and policy, against a server \
                 answering 503, 503, 503, then 200 OK: the first call sent 4 requests and \
                 returned the 200, the second sent {requests} and returned {}. Each call \
                 counts its own attempts: keep the count in a local variable, not in a \
                 `static` that outlives the call",
                shown(&run.result)
            )
        }));
    }

    let runs = join_all(
        clients[2..]
            .iter()
            .map(|client| call(candidate, client, &url, &FAST)),
    )
    .await;
    let mut results = Vec::new();
    for run in runs {
        results.push(shown(&run?.result));
    }
    server.check_requests()?;
    let counts: Vec<usize> = (3..=5).map(|call| server.count(call)).collect();
    if !(counts.iter().all(|&requests| requests == 4) && results.iter().all(|r| r.contains("200")))
    {
        return Err(EXERCISE.fail(&format!(
            "three calls at the same time, against a server answering each of them 503, 503, \
             503, then 200 OK, sent {counts:?} requests and returned [{}], where each alone \
             sends 4 and returns the 200: calls that run together must not share an attempt \
             count or a wait. Keep them in local variables, not in a `static`",
            results.join(", ")
        )));
    }

    // Calls that spent their one attempt each, one after another, then a call with two: its
    // first wait is drawn from base_delay's ceiling. A count of failures kept across calls is
    // by now past max_delay's: at least 1.5s, where 10ms are due.
    const SPENT: usize = 11;
    let policy = RetryPolicy {
        max_attempts: 1,
        base_delay: Duration::from_millis(10),
        max_delay: Duration::from_secs(3),
    };
    let server = Scripted::start(&[Answer::Status(503), Answer::Post]).await;
    let url = server.url();
    for call_number in 1..=SPENT {
        call(candidate, &client_for(call_number, None), &url, &policy).await?;
    }
    let policy = RetryPolicy {
        max_attempts: 2,
        ..policy
    };
    let client = client_for(SPENT + 1, None);
    let limit = policy.base_delay + HICCUP;
    let finished = tokio::time::timeout(
        limit + Duration::from_millis(400),
        call(candidate, &client, &url, &policy),
    )
    .await;
    server.check_requests()?;
    let arrivals = server.arrivals(SPENT + 1);
    let waited = match (arrivals.first(), arrivals.get(1)) {
        (Some(first), Some(second)) => Some(second.at - first.at),
        (Some(first), None) if finished.is_err() => Some(first.at.elapsed()),
        _ => None,
    };
    if let Some(waited) = waited.filter(|waited| *waited > limit) {
        return Err(EXERCISE.fail(&format!(
            "{SPENT} calls one after another, each with max_attempts = 1, spent their one \
             attempt on a 503; then a call with max_attempts = 2, base_delay 10ms and max_delay \
             3s got a 503 and waited {}{}ms before its retry, where 5-10ms were due (d = \
             base_delay before the first retry). Each call counts its own attempts, from 1: a \
             call made after others spent theirs still starts from base_delay. Keep the count \
             in a local variable, not in a `static` that outlives the call",
            if finished.is_err() { "more than " } else { "" },
            waited.as_millis()
        )));
    }
    let run = match finished {
        Ok(run) => run?,
        Err(_) => {
            return Err(EXERCISE.fail(&format!(
                "against a server answering 503, then 200 OK, with max_attempts = 2 and \
                 base_delay 10ms, your function was still running after {}ms, having sent {} \
                 requests",
                (limit + Duration::from_millis(400)).as_millis(),
                arrivals.len()
            )));
        }
    };
    if arrivals.len() != 2 || status_of(&run.result) != Some(200) {
        return Err(EXERCISE.fail(&format!(
            "{SPENT} calls one after another, each with max_attempts = 1, spent their one \
             attempt on a 503; then a call with max_attempts = 2 against a server answering \
             503, then 200 OK, sent {} requests and returned {}, where 2 requests and \
             Ok(response 200 OK) were due: each call counts its own attempts, from 1",
            arrivals.len(),
            shown(&run.result)
        )));
    }

    // A server's `Retry-After` is for the retry of the call that got it: a call that spent its
    // one attempt on it returns at once, and a call after it, to another server (another
    // port, the same host), sends its first request at once. Three seconds, so that a
    // cool-down kept across calls is told from a stall by far.
    let asked = Answer::RetryAfter(429, "3");
    let (busy, other) = (
        Scripted::start(&[asked]).await,
        Scripted::start(&[Answer::Post]).await,
    );
    let once = RetryPolicy {
        max_attempts: 1,
        ..FAST
    };
    call(candidate, &client_for(0, None), &busy.url(), &once).await?;
    busy.check_requests()?;
    let cut = HICCUP + Duration::from_millis(300);
    let client = client_for(0, None);
    let started = Instant::now();
    let run = call_within(candidate, &client, &other.url(), &FAST, cut).await?;
    other.check_requests()?;
    let first = other
        .arrivals(0)
        .first()
        .map(|arrival| arrival.at - started);
    if first.is_none_or(|first| first > HICCUP) {
        return Err(EXERCISE.fail(&format!(
            "a call with max_attempts = 1 got {asked} from one server and returned it; then a \
             call to another server (another port on the same host) {}: each call starts \
             afresh, nothing is kept from one call to another. A server's Retry-After is the \
             wait before the next retry of the call that got it, not a cool-down for later \
             calls: send each call's first attempt at once",
            match first {
                Some(first) => format!(
                    "sent its first request {}ms after it was called",
                    first.as_millis()
                ),
                None => format!(
                    "had sent no request {}ms after it was called",
                    cut.as_millis()
                ),
            }
        )));
    }
    if run.is_none_or(|run| status_of(&run.result) != Some(200)) {
        return Err(EXERCISE.fail(
            "against a server answering 200 OK at once, your function did not return \
             Ok(response 200 OK) after one request",
        ));
    }
    Ok(())
}

/// Seeded scripts of failures and answers, and max_attempts from 1 to 5: your function and the
/// reference send as many requests and return the same outcome.
pub async fn agrees_with_the_reference_on_seeded_scenarios<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    let worth_retrying = [
        Answer::Status(500),
        Answer::Status(502),
        Answer::Status(503),
        Answer::Status(504),
        Answer::Status(429),
        Answer::RetryAfter(429, "0"),
        Answer::RetryAfter(503, "0"),
        Answer::Drop,
    ];
    let finals = [
        Answer::Post,
        Answer::Status(404),
        Answer::Status(400),
        Answer::Status(403),
        Answer::Text(200, NOT_JSON),
        Answer::Status(204),
    ];
    // Chosen to cover: a 200 after a drop, a 4xx after 429s, a body that is not JSON after a
    // 429 with `Retry-After: 0`, attempts spent on a 5xx and on a drop, max_attempts 1.
    for seed in [6, 14, 11, 44, 50, 42, 26, 56, 52, 31] {
        let mut rng = SeededRng::new(seed);
        let max_attempts = rng.between(1, 5) as usize;
        let script: Vec<Answer> = (0..6)
            .map(|_| {
                if rng.chance(0.75) {
                    rng.pick(&worth_retrying)
                } else {
                    rng.pick(&finals)
                }
            })
            .collect();
        let policy = RetryPolicy {
            max_attempts: max_attempts as u32,
            base_delay: Duration::from_millis(2),
            max_delay: Duration::from_millis(8),
        };
        let (theirs, ours) = (
            Scripted::start(&script).await,
            Scripted::start(&script).await,
        );
        let (their_client, our_client) = (client_for(0, None), client_for(0, None));
        let (their_url, our_url) = (theirs.url(), ours.url());
        let (their_run, our_run) = futures::join!(
            call(candidate, &their_client, &their_url, &policy),
            call(&reference::get_with_retry, &our_client, &our_url, &policy),
        );
        let their_run = their_run?;
        let our_run = our_run.map_err(|err| format!("the reference failed: {err}"))?;
        theirs.check_requests()?;
        let (sent, expected) = (theirs.count(0), ours.count(0));
        let (got, want) = (shown(&their_run.result), shown(&our_run.result));
        let got_kind = status_of(&their_run.result).map_or("Err".to_owned(), |s| s.to_string());
        let want_kind = status_of(&our_run.result).map_or("Err".to_owned(), |s| s.to_string());
        if sent == expected && got_kind == want_kind {
            continue;
        }
        let answers: Vec<String> = script.iter().map(|answer| answer.to_string()).collect();
        let rule = if sent == 0 {
            "no request reached the server: send `GET url` through `client`".to_owned()
        } else if sent < expected {
            format!(
                "your function stopped after answer {sent}, {}, with attempts to spare: it is \
                 worth retrying",
                script[sent - 1]
            )
        } else if sent > expected && expected == max_attempts {
            format!(
                "the attempts were spent after {expected} requests: max_attempts counts every \
                 request, the first one included"
            )
        } else if sent > expected {
            format!(
                "answer {expected}, {}, is final: return it at once",
                script[expected - 1]
            )
        } else {
            "return the last attempt's outcome as it is".to_owned()
        };
        return Err(EXERCISE.fail(&format!(
            "seeded scenario {seed}: max_attempts = {max_attempts}, the server's answers in \
             order: {}. Expected {expected} requests and {want}; the server received {sent} \
             and your function returned {got}: {rule}",
            answers.join(", ")
        )));
    }
    Ok(())
}

/// A server that keeps failing: the code waits before every retry, and however many retries,
/// no wait goes past `max_delay`.
pub async fn waits_between_attempts_up_to_max_delay<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    let server = Scripted::start(&[Answer::Status(503)]).await;
    // Capped, the ceilings are 20ms, then 40ms: 300ms at most in all. Uncapped, the eighth is
    // 2.56s, and the wait before it 1.28s or more, begun within 2.6s.
    let policy = RetryPolicy {
        max_attempts: 9,
        base_delay: Duration::from_millis(20),
        max_delay: Duration::from_millis(40),
    };
    let client = client_for(0, None);
    let url = server.url();
    // No need to sit through an uncapped backoff to the end: a wait gone on past HICCUP is
    // enough to see it (it can only grow), and 4s in all are enough for a right answer.
    let started = Instant::now();
    let watch = async {
        loop {
            tokio::time::sleep(Duration::from_millis(20)).await;
            let last = server.arrivals(0).last().map(|arrival| arrival.at);
            if last.is_some_and(|last| last.elapsed() > HICCUP)
                || started.elapsed() > Duration::from_secs(4)
            {
                break;
            }
        }
    };
    let still_running = tokio::select! {
        run = call(candidate, &client, &url, &policy) => {
            run?;
            false
        }
        () = watch => true,
    };
    server.check_requests()?;
    let mut gaps = server.gaps(0);
    let last = server.arrivals(0).last().map(|arrival| arrival.at);
    if let (true, Some(last)) = (still_running, last) {
        // Still waiting: the wait so far counts as a gap.
        gaps.push(last.elapsed());
    }
    let ceilings: Vec<Duration> = (1..policy.max_attempts)
        .map(|n| policy.ceiling(n))
        .collect();
    if gaps.iter().any(|gap| *gap > HICCUP) {
        return Err(EXERCISE.fail(&format!(
            "with base_delay 20ms and max_delay 40ms, against a server answering 503 every \
             time, the waits were {}: before retry n wait at most d = min(max_delay, \
             base_delay × 2^(n-1)), here {}. The ceiling doubles only up to max_delay, then \
             stays there (`policy.ceiling(n)`)",
            millis(&gaps),
            millis(&ceilings)
        )));
    }
    if still_running {
        return Err(EXERCISE.fail(&format!(
            "with max_attempts = 9 and waits of at most 40ms, against a server answering 503 \
             every time, your function was still running after 4s, with the waits so far \
             {}",
            millis(&gaps)
        )));
    }
    if gaps.len() != 8 {
        return Err(EXERCISE.fail(&format!(
            "the server answered 503 every time; with max_attempts = 9 it should receive 9 \
             requests, and it received {}",
            gaps.len() + 1
        )));
    }
    // A busy machine only ever lengthens a gap: nearly all near zero means no wait at all.
    // (Full jitter, drawn down to zero, puts 7 of 8 there once in 200,000 runs.)
    if gaps
        .iter()
        .filter(|gap| **gap < Duration::from_millis(5))
        .count()
        >= 7
    {
        return Err(EXERCISE.fail(&format!(
            "the server answered 503 every time and the 9 requests came {} apart: retrying at \
             once hammers a server that is already failing. Wait before each retry, with \
             `tokio::time::sleep(wait).await`",
            millis(&gaps)
        )));
    }
    Ok(())
}

/// A message of [`Exercise::fail`] without its preamble and its help line: what went wrong,
/// to quote inside another message.
fn quoted(message: &str) -> &str {
    let inner = message.split_once("): ").map_or(message, |(_, rest)| rest);
    inner.lines().next().unwrap_or_default()
}

/// Starts one scripted server per first answer (each then answers 200 OK with the post), and
/// calls the code under check against each, side by side, each call cut after `cut`.
async fn first_answers_side_by_side<F>(
    candidate: &F,
    firsts: &[Answer],
    policy: &RetryPolicy,
    cut: Duration,
) -> (Vec<Scripted>, Vec<Result<Option<Run>, String>>)
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    let mut servers = Vec::new();
    for first in firsts {
        servers.push(Scripted::start(&[*first, Answer::Post]).await);
    }
    let urls: Vec<String> = servers.iter().map(Scripted::url).collect();
    let clients: Vec<Client> = firsts.iter().map(|_| client_for(0, None)).collect();
    let runs = join_all(
        clients
            .iter()
            .zip(&urls)
            .map(|(client, url)| call_within(candidate, client, url, policy, cut)),
    )
    .await;
    (servers, runs)
}

/// How long a call waited before its second request: the gap between its first two
/// arrivals, or, if it was cut while waiting, the time since its first (a lower bound).
fn wait_before_retry(server: &Scripted, run: Option<&Run>) -> Option<Duration> {
    let arrivals = server.arrivals(0);
    match (arrivals.first(), arrivals.get(1)) {
        (Some(first), Some(second)) => Some(second.at - first.at),
        (Some(first), None) if run.is_none() => Some(first.at.elapsed()),
        _ => None,
    }
}

/// After `first` and one retry answered 200 OK: two requests, and that 200 returned.
fn retried_once_to_200(first: &Answer, server: &Scripted, run: Option<&Run>) -> Verdict {
    let requests = server.count(0);
    if requests != 2 || run.is_none_or(|run| status_of(&run.result) != Some(200)) {
        return Err(EXERCISE.fail(&format!(
            "the server answered {first}, then 200 OK; expected Ok(response 200 OK) after 2 \
             requests, the server received {requests}"
        )));
    }
    Ok(())
}

/// `Retry-After: 0` on a 429 or a 503 is the server's wait, zero: the retry comes at once,
/// not after the backoff (1-2s here).
pub async fn retries_at_once_after_retry_after_0<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    // The backoff alone would wait 1-2s: more than any stall adds to a retry at once.
    let policy = RetryPolicy {
        max_attempts: 3,
        base_delay: Duration::from_secs(2),
        max_delay: Duration::from_secs(2),
    };
    let cut = HICCUP + Duration::from_millis(300);
    let firsts = [Answer::RetryAfter(429, "0"), Answer::RetryAfter(503, "0")];
    let (servers, runs) = first_answers_side_by_side(candidate, &firsts, &policy, cut).await;
    for ((first, server), run) in firsts.iter().zip(&servers).zip(runs) {
        let run = run?;
        server.check_requests()?;
        match wait_before_retry(server, run.as_ref()) {
            Some(wait) if wait > HICCUP => {
                return Err(EXERCISE.fail(&format!(
                    "the server answered {first} and the retry came {}{}ms later, with \
                     base_delay 2s: honour Retry-After, even 0: it is the server's own wait, to \
                     wait instead of your backoff, with nothing added to it, and not a minimum \
                     to wait the longer of. `0` means retry at once",
                    if run.is_none() { "more than " } else { "" },
                    wait.as_millis()
                )));
            }
            Some(_) => {}
            None => {
                return Err(EXERCISE.fail(&format!(
                    "the server answered {first} and your function returned {} without asking \
                     again: a {} is worth retrying, here at once",
                    run.as_ref().map_or(String::new(), |run| shown(&run.result)),
                    if matches!(first, Answer::RetryAfter(429, _)) {
                        429
                    } else {
                        503
                    }
                )));
            }
        }
        retried_once_to_200(first, server, run.as_ref())?;
    }
    Ok(())
}

/// `Retry-After` that is not a whole number of seconds (`2.5`, `-1`, `inf`) counts as no header:
/// the backoff applies (50-100ms here), without a panic, not the fraction. (A value taken as 0s,
/// a retry at once, is told by `backs_off_after_a_retry_after_date`: here full jitter could
/// look like it.)
pub async fn reads_retry_after_as_whole_seconds_only<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    let policy = RetryPolicy {
        max_attempts: 3,
        base_delay: Duration::from_millis(100),
        max_delay: Duration::from_millis(100),
    };
    // The backoff and a stall on top come to a second at most; 2.5s (or 2s or 3s, rounded) is
    // told from it by far, and need not be waited out.
    let far = policy.ceiling(1) + HICCUP;
    let cut = far + Duration::from_millis(200);
    // `f64` parses all three; `u64` none.
    let firsts = [
        Answer::RetryAfter(503, "-1"),
        Answer::RetryAfter(429, "inf"),
        Answer::RetryAfter(429, "2.5"),
    ];
    let (servers, runs) = first_answers_side_by_side(candidate, &firsts, &policy, cut).await;
    let mut finished = Vec::new();
    for (first, run) in firsts.iter().zip(runs) {
        match run {
            Ok(run) => finished.push(run),
            Err(message) => {
                return Err(EXERCISE.fail(&format!(
                    "the server answered {first}, and then: {}. But there is nothing to fail \
                     on: this contract treats a value that is not a whole number of seconds as \
                     no header, so back off as usual. Read it with `.parse::<u64>()`, whose \
                     `Err` is the \"no header\"",
                    quoted(&message).trim_end_matches('.')
                )));
            }
        }
    }
    for ((first, server), run) in firsts.iter().zip(&servers).zip(finished) {
        server.check_requests()?;
        match wait_before_retry(server, run.as_ref()) {
            Some(wait) if wait > far => {
                return Err(EXERCISE.fail(&format!(
                    "the server answered {first} and the retry came {}{}ms later: this \
                     contract treats a value that is not a whole number of seconds as no \
                     header, so back off as usual, here 50-100ms. Read it with \
                     `.parse::<u64>()`, not as a float",
                    if run.is_none() { "more than " } else { "" },
                    wait.as_millis()
                )));
            }
            Some(_) => {}
            None => {
                return Err(EXERCISE.fail(&format!(
                    "the server answered {first} and your function returned {} without asking \
                     again: it is worth retrying, after the usual backoff (the header counts \
                     as none)",
                    run.as_ref().map_or(String::new(), |run| shown(&run.result))
                )));
            }
        }
        retried_once_to_200(first, server, run.as_ref())?;
    }
    Ok(())
}

/// `Retry-After: 1` on a 429 or a 503 replaces the backoff: the retry comes a second later,
/// not sooner and not much later; a date in it counts as no header. A heartbeat beside the
/// calls shows that the waits leave the runtime's thread free.
pub async fn honours_retry_after_without_blocking<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    // Backoff alone would wait 150-300ms, far shorter than the server's second, even with a
    // stall on top.
    let policy = RetryPolicy {
        max_attempts: 3,
        base_delay: Duration::from_millis(300),
        max_delay: Duration::from_millis(300),
    };
    // Two 429s: code that blocks the thread makes the four waits one after another, 3.45s or
    // more, where waiting side by side takes a second.
    let firsts = [
        Answer::RetryAfter(429, "1"),
        Answer::RetryAfter(503, "1"),
        Answer::RetryAfter(503, HTTP_DATE),
        Answer::RetryAfter(429, "1"),
    ];
    let mut servers = Vec::new();
    for first in firsts {
        servers.push(Scripted::start(&[first, Answer::Post]).await);
    }
    let urls: Vec<String> = servers.iter().map(Scripted::url).collect();
    let clients: Vec<Client> = (0..firsts.len()).map(|_| client_for(0, None)).collect();
    let heartbeat = Heartbeat::start();
    let started = Instant::now();
    let runs = join_all(
        clients
            .iter()
            .zip(&urls)
            .map(|(client, url)| call(candidate, client, url, &policy)),
    )
    .await;
    let (gap, took) = (heartbeat.longest_gap(), started.elapsed());
    drop(heartbeat);
    // A stall of a busy machine may stop the beat for a while, once; blocking stops it for the
    // whole of each wait, and makes the waits add up.
    if gap > HICCUP && took > Duration::from_millis(2500) {
        return Err(EXERCISE.fail(&format!(
            "while your function waited to retry (four calls at the same time, three of them \
             asked for a second by the server), the runtime's thread was blocked for {}ms at a \
             time: nothing else could run on it, no other request, no timer, and the four waits \
             took {}ms one after another. Wait with `tokio::time::sleep(wait).await`, never \
             `std::thread::sleep`",
            gap.as_millis(),
            took.as_millis()
        )));
    }

    // Each call's first gap, once every call is known to have retried.
    let mut seen = Vec::new();
    for ((first, server), run) in firsts.iter().zip(&servers).zip(runs) {
        let is_date = matches!(first, Answer::RetryAfter(_, value) if *value == HTTP_DATE);
        let run = match run {
            Ok(run) => run,
            Err(message) if is_date => {
                let inner = message
                    .split_once("): ")
                    .map_or(message.as_str(), |(_, rest)| rest);
                let inner = inner.lines().next().unwrap_or_default();
                return Err(EXERCISE.fail(&format!(
                    "the server answered {first}, and then: {inner} `Retry-After` may also be \
                     an HTTP date; this contract treats a value that is not a whole number of \
                     seconds as no header: back off as usual"
                )));
            }
            Err(message) => return Err(message),
        };
        server.check_requests()?;
        let gaps = server.gaps(0);
        let Some(gap) = gaps.first().copied() else {
            return Err(EXERCISE.fail(&format!(
                "the server answered {first} and your function returned {} without asking \
                 again: it is worth retrying, after the wait the server asks for",
                shown(&run.result)
            )));
        };
        if gaps.len() != 1 || status_of(&run.result) != Some(200) {
            return Err(EXERCISE.fail(&format!(
                "the server answered {first}, then 200 OK; expected Ok(response 200 OK) after \
                 2 requests, got {} after {}",
                shown(&run.result),
                gaps.len() + 1
            )));
        }
        seen.push((*first, is_date, gap));
    }
    // Far below the backoff's floor: no wait at all.
    let at_once = policy.ceiling(1) / 4;
    let date_gap = seen
        .iter()
        .find(|(_, is_date, _)| *is_date)
        .map_or(Duration::ZERO, |(_, _, gap)| *gap);
    for (first, is_date, gap) in seen {
        if is_date {
            // Only a wait far past the backoff is told here: how the backoff itself is drawn
            // is the next check's business.
            if gap > policy.ceiling(1) + HICCUP {
                return Err(EXERCISE.fail(&format!(
                    "the server answered {first} and the retry came {}ms later: `Retry-After` \
                     may also be an HTTP date; this contract treats a value that is not a whole \
                     number of seconds as no header, so back off as usual: here 150-300ms",
                    gap.as_millis()
                )));
            }
        } else if gap < at_once && date_gap < at_once {
            return Err(EXERCISE.fail(&format!(
                "the server answered {first} and the retry came {}ms later, and after a \
                 `Retry-After` that held a date, {}ms later: retrying at once hammers a server \
                 that is already failing. Wait before each retry, with \
                 `tokio::time::sleep(wait).await`: the time the server asks for in \
                 Retry-After, or else your backoff",
                gap.as_millis(),
                date_gap.as_millis()
            )));
        } else if gap + TOLERANCE < Duration::from_secs(1) && gap >= Duration::from_millis(700) {
            // A second asked for, and the retry somewhat early: the wait was shortened, by
            // counting it from the request's start or by taking jitter off it.
            return Err(EXERCISE.fail(&format!(
                "the server answered {first} and the retry came {}ms later, short of the second \
                 `Retry-After` asks for: wait that long, counted from when the answer arrived \
                 (the wait begins when the failure arrives, not when the request was sent), \
                 and no less (no jitter taken off it)",
                gap.as_millis()
            )));
        } else if gap + TOLERANCE < Duration::from_secs(1) {
            return Err(EXERCISE.fail(&format!(
                "the server answered {first} and the retry came {}ms later: honour \
                 Retry-After, on a 429 and on a 503 alike. It is the server's own wait in \
                 seconds (`Duration::from_secs`), to wait instead of your backoff, even when \
                 it is longer than max_delay (here 300ms)",
                gap.as_millis()
            )));
        } else if gap > Duration::from_secs(1) + HICCUP {
            return Err(EXERCISE.fail(&format!(
                "the server answered {first} and the retry came {}ms later: wait what the \
                 server asks for, one second, instead of your backoff, not on top of it",
                gap.as_millis()
            )));
        }
    }
    Ok(())
}

/// The `k`-th shortest of some durations (0 for the shortest).
fn kth_shortest(durations: &[Duration], k: usize) -> Duration {
    let mut sorted = durations.to_vec();
    sorted.sort();
    sorted
        .get(k.min(sorted.len().saturating_sub(1)))
        .copied()
        .unwrap_or_default()
}

/// The middle of some durations.
fn median(durations: &[Duration]) -> Duration {
    kth_shortest(durations, durations.len() / 2)
}

/// Many calls, each against a server that keeps failing: before retry n each waits between
/// d/2 and d, and the waits differ from call to call.
///
/// A busy machine can only lengthen a gap between arrivals, never shorten it, so the floors
/// hold for every wait. Everything else is read where a stall cannot reach: in the shortest
/// waits of many calls. The calls start a few milliseconds apart, so that one stall holds up
/// a few of them, not all. Beside them run the calls of [`jitters_at_the_cap_too`], whose every
/// retry is at the cap.
pub async fn waits_grow_at_random_within_their_bounds<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    const CALLS: usize = 36;
    // The width of the window in which two calls' waits before the same retry count as
    // alike: wider than what a busy machine's timers usually add to a wait, and narrow next to
    // the 60-240ms over which random waits spread from retry 2 on. SLACK is how far below a
    // call's own wait the window starts (timers round to the millisecond).
    const ALIKE: Duration = Duration::from_millis(30);
    const SLACK: Duration = Duration::from_millis(3);
    // How many calls waiting alike show that the waits are not random (see below).
    const CLUSTER: usize = 10;
    // Ceilings of 60, 120, 240 and 480ms; floors of half that.
    let policy = RetryPolicy {
        max_attempts: 5,
        base_delay: Duration::from_millis(60),
        max_delay: Duration::from_secs(1),
    };
    let retries = (policy.max_attempts - 1) as usize;
    let server = Scripted::start(&[Answer::Status(503)]).await;
    let url = server.url();
    let clients: Vec<Client> = (1..=CALLS).map(|call| client_for(call, None)).collect();
    server.warm_up(&clients).await;
    let (runs, at_the_cap) = futures::join!(
        join_all(clients.iter().enumerate().map(|(k, client)| {
            let url = &url;
            let policy = &policy;
            async move {
                tokio::time::sleep(Duration::from_millis(4) * k as u32).await;
                call(candidate, client, url, policy).await
            }
        })),
        jitters_at_the_cap_too(candidate),
    );
    for run in runs {
        run?;
    }
    server.check_requests()?;

    let gaps: Vec<Vec<Duration>> = (1..=CALLS).map(|call| server.gaps(call)).collect();
    if let Some(odd) = gaps.iter().find(|call_gaps| call_gaps.len() != retries) {
        return Err(EXERCISE.fail(&format!(
            "{CALLS} calls at the same time, each against a server answering 503 every time, \
             with max_attempts = 5: one of them sent {} requests instead of 5",
            odd.len() + 1
        )));
    }
    // The waits before retry n, one per call.
    let before: Vec<Vec<Duration>> = (0..retries)
        .map(|n| gaps.iter().map(|call_gaps| call_gaps[n]).collect())
        .collect();
    let ranges: Vec<String> = before
        .iter()
        .enumerate()
        .map(|(n, waits)| format!("before retry {}: {}", n + 1, range(waits)))
        .collect();
    let ranges = ranges.join(", ");
    let ceilings: Vec<Duration> = (1..policy.max_attempts)
        .map(|n| policy.ceiling(n))
        .collect();
    let floors: Vec<Duration> = ceilings.iter().map(|ceiling| *ceiling / 2).collect();

    let too_short = before
        .iter()
        .zip(&floors)
        .any(|(waits, floor)| waits.iter().any(|wait| *wait + TOLERANCE < *floor));
    if too_short {
        let short_before: Vec<String> = before
            .iter()
            .zip(&floors)
            .enumerate()
            .filter(|(_, (waits, floor))| waits.iter().any(|wait| *wait + TOLERANCE < **floor))
            .map(|(n, _)| (n + 1).to_string())
            .collect();
        return Err(EXERCISE.fail(&format!(
            "with base_delay 60ms and max_delay 1s, {CALLS} calls against a server answering \
             503 waited {ranges}. Before retry n wait at least d/2, with d = min(max_delay, \
             base_delay × 2^(n-1)): here {}, and some waits before retry {} were shorter. The \
             waits must grow: the ceiling doubles with every retry (`policy.ceiling(n)`). And \
             this contract asks for equal jitter: d/2 for sure, plus a random part of up to \
             d/2, where full jitter (anywhere in [0, d]) may wait almost nothing",
            millis(&floors),
            short_before.join(", ")
        )));
    }
    // Calls that waited alike: for each call, the calls whose waits before retries 2, 3 and 4
    // each lie in a window of ALIKE from just under that call's wait (every wait measured from
    // the same call's previous request; a busy machine only lengthens a wait, so a window
    // above the call's own catches what it adds). Drawn at random from [d/2, d], another call's
    // wait falls in such a window with a chance of at most ALIKE / (d/2): 1/2, 1/4 and 1/8 here,
    // 1/64 for all three, whatever a busy machine adds (that only spreads a wait out); 9 of the
    // other 35 calls doing so, around any of the 36, happens less than once in ten million
    // runs. Waits that are the same in a group of calls fall in it, but for a stall now and
    // then. (Before retry 1 the waits span 30ms, no wider than the window: they tell nothing.)
    let alike = |wait: Duration, own: Duration| wait + SLACK >= own && wait <= own + ALIKE - SLACK;
    let alike_with = |call: usize| -> Vec<usize> {
        (0..CALLS)
            .filter(|&other| (1..retries).all(|n| alike(gaps[other][n], gaps[call][n])))
            .collect()
    };
    let cluster = (0..CALLS)
        .map(alike_with)
        .max_by_key(Vec::len)
        .unwrap_or_default();
    if cluster.len() >= CLUSTER {
        let members = numbered(&cluster);
        let waits: Vec<String> = (1..retries)
            .map(|n| {
                let waits: Vec<Duration> = cluster.iter().map(|&k| gaps[k][n]).collect();
                format!("before retry {}: {}", n + 1, range(&waits))
            })
            .collect();
        return Err(EXERCISE.fail(&format!(
            "{CALLS} calls made at the same time, with the same url and policy, started 4ms \
             apart, waited {ranges}; and {} of them (calls {}) waited alike, each within {}ms \
             of the others before every retry from the second on: {}. Drawn at random, so \
             many calls would not come that close. The wait must be random, different from \
             call to call, or clients that failed together come back together: draw the part \
             between d/2 and d from a seed that differs from call to call (the clock's \
             nanoseconds), not from a constant, the attempt number or the clock's whole \
             seconds, which calls started in the same second share",
            cluster.len(),
            members,
            ALIKE.as_millis(),
            waits.join(", "),
        )));
    }
    // Drawn from [d/2, d], the middle of 36 waits lies near 3d/4, and past 1.2 d only if a
    // busy machine held up most calls by a quarter of d, at three retries in a row. Drawn from
    // [d, 2d] (doubling from twice the base), it lies near 3d/2.
    let too_long = (1..retries).all(|n| median(&before[n]) > ceilings[n].mul_f64(1.2));
    if too_long {
        return Err(EXERCISE.fail(&format!(
            "with base_delay 60ms and max_delay 1s, {CALLS} calls against a server answering \
             503 waited {ranges}. Before retry n wait at most d = min(max_delay, base_delay × \
             2^(n-1)): here {}. Start from base_delay for the first retry and double from \
             there (`policy.ceiling(n)`), then wait d/2 plus a random part of up to d/2",
            millis(&ceilings)
        )));
    }
    at_the_cap
}

/// Calls whose every retry is at the cap (base_delay = max_delay = d): their waits are still
/// random, spread over [d/2, d], not all d.
///
/// A wait drawn from the uncapped delay and clamped to `max_delay` afterwards is exactly d
/// whenever base_delay × 2^(n-1) is 2d or more: before retries 2, 3 and 4 here. A busy machine
/// only lengthens a gap, so such waits are never seen below d. Drawn right from [d/2, d], with
/// d = 240ms, each wait is below d - 10ms with a chance of 11/12, and still below it with a
/// chance of 1/5 when a busy machine adds 85ms to every wait (a machine running three test
/// binaries of six threads each on two cores has been seen to): all 36 waits at d - 10ms or
/// more then has a chance of (4/5)^36, 3e-4, and far less on a quieter machine. (With d =
/// 120ms, that load alone put every wait above d.)
///
/// Not a check of its own: `waits_grow_at_random_within_their_bounds` runs it beside its own
/// calls (the time goes in waiting, so the two take no longer than one), and reports what it
/// finds once its own rules hold.
async fn jitters_at_the_cap_too<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    const CALLS: usize = 12;
    const CLEARLY: Duration = Duration::from_millis(10);
    let cap = Duration::from_millis(240);
    let policy = RetryPolicy {
        max_attempts: 5,
        base_delay: cap,
        max_delay: cap,
    };
    let server = Scripted::start(&[Answer::Status(503)]).await;
    let url = server.url();
    let clients: Vec<Client> = (1..=CALLS).map(|call| client_for(call, None)).collect();
    server.warm_up(&clients).await;
    let runs = join_all(clients.iter().enumerate().map(|(k, client)| {
        let url = &url;
        let policy = &policy;
        async move {
            tokio::time::sleep(Duration::from_millis(5) * k as u32).await;
            call(candidate, client, url, policy).await
        }
    }))
    .await;
    for run in runs {
        run?;
    }
    server.check_requests()?;
    let gaps: Vec<Vec<Duration>> = (1..=CALLS).map(|call| server.gaps(call)).collect();
    if let Some(odd) = gaps.iter().find(|call_gaps| call_gaps.len() != 4) {
        return Err(EXERCISE.fail(&format!(
            "{CALLS} calls at the same time, each against a server answering 503 every time, \
             with max_attempts = 5: one of them sent {} requests instead of 5",
            odd.len() + 1
        )));
    }
    // Before retries 2, 3 and 4.
    let at_cap: Vec<Duration> = gaps
        .iter()
        .flat_map(|call_gaps| call_gaps[1..].to_vec())
        .collect();
    if at_cap.iter().all(|wait| *wait + CLEARLY >= cap) {
        return Err(EXERCISE.fail(&format!(
            "{CALLS} calls at the same time against a server answering 503, with base_delay \
             and max_delay both {d}ms (so d = {d}ms before every retry), waited {} before \
             retries 2, 3 and 4: never clearly less than {d}ms. At the cap too the wait is \
             random, between d/2 and d ({}-{d}ms here): cap first, d = min(max_delay, \
             base_delay × 2^(n-1)) (`policy.ceiling(n)`), then wait d/2 plus a random part \
             of up to d/2. A wait drawn from the uncapped delay and clamped to max_delay \
             afterwards is max_delay every time: calls that fail together come back together",
            range(&at_cap),
            cap.as_millis() / 2,
            d = cap.as_millis(),
        )));
    }
    Ok(())
}

/// A 408 and a 425 are answers, 4xx like any other: one request, returned as `Ok`. So are a
/// 409 and a 418, which no list of "transient" statuses names.
pub async fn returns_a_408_or_425_at_once<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    for status in [408, 425, 409, 418] {
        let server = Scripted::start(&[Answer::Status(status), Answer::Post]).await;
        let run = call(candidate, &client_for(0, None), &server.url(), &FAST).await?;
        server.check_requests()?;
        let requests = server.count(0);
        let name = status_name(status);
        if requests != 1 || status_of(&run.result) != Some(status) {
            return Err(EXERCISE.fail(&format!(
                "the server answered {name} and received {requests} requests, and your \
                 function returned {}: a {status} is an answer, a 4xx, so return it at once as \
                 Ok(response) after one request. Retry only a 429, a 5xx or no answer at all \
                 (\"a timeout\" there is the client giving up with no answer, not the server's \
                 408)",
                shown(&run.result)
            )));
        }
    }
    Ok(())
}

/// `Retry-After` on a 500, 502 or 504 is not the server's wait to honour: the backoff applies
/// (20-40ms here), not the header's second.
pub async fn ignores_retry_after_on_other_5xx<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    let policy = RetryPolicy {
        max_attempts: 3,
        base_delay: Duration::from_millis(40),
        max_delay: Duration::from_millis(40),
    };
    let floor = policy.ceiling(1) / 2;
    // One after another, so that one stall of a busy machine lengthens one gap only: a second
    // waited on two of them is no stall.
    let mut long = Vec::new();
    for status in [500, 502, 504] {
        let first = Answer::RetryAfter(status, "1");
        let server = Scripted::start(&[first, Answer::Post]).await;
        let run = call(candidate, &client_for(0, None), &server.url(), &policy).await?;
        server.check_requests()?;
        let gaps = server.gaps(0);
        if gaps.len() != 1 || status_of(&run.result) != Some(200) {
            return Err(EXERCISE.fail(&format!(
                "the server answered {first}, then 200 OK; expected Ok(response 200 OK) after \
                 2 requests, got {} after {}",
                shown(&run.result),
                gaps.len() + 1
            )));
        }
        let gap = gaps[0];
        if gap + TOLERANCE < floor {
            return Err(EXERCISE.fail(&format!(
                "the server answered {first} and the retry came {}ms later: `Retry-After` \
                 counts only on a 429 or a 503; on a {status} back off as usual, here 20-40ms",
                gap.as_millis()
            )));
        }
        if gap + TOLERANCE >= Duration::from_secs(1) {
            long.push((first, gap));
            if long.len() == 2 {
                let seen: Vec<String> = long
                    .iter()
                    .map(|(first, gap)| format!("{}ms after {first}", gap.as_millis()))
                    .collect();
                return Err(EXERCISE.fail(&format!(
                    "the retries came {}: `Retry-After` counts only on a 429 or a 503; on any \
                     other answer (a 500, a 502, …) ignore it and back off as usual, here \
                     20-40ms",
                    seen.join(", ")
                )));
            }
        }
    }
    a_retry_after_is_for_its_own_retry_only(candidate, &policy).await
}

/// A `Retry-After` is the wait before the retry that follows it, not a pace for the rest of the
/// call: a 503 (or 429) with `Retry-After: 1`, then a 500 without the header, then a 200. The
/// retry after the 500 backs off as usual (20-40ms). Two such calls side by side, and only both
/// of them waiting a second again fails (one stall of a busy machine lengthens one gap).
async fn a_retry_after_is_for_its_own_retry_only<F>(candidate: &F, policy: &RetryPolicy) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    let scripts = [
        [
            Answer::RetryAfter(503, "1"),
            Answer::Status(500),
            Answer::Post,
        ],
        [
            Answer::RetryAfter(429, "1"),
            Answer::Status(502),
            Answer::Post,
        ],
    ];
    let run_one = |script: [Answer; 3]| async move {
        let server = Scripted::start(&script).await;
        let run = call(candidate, &client_for(0, None), &server.url(), policy).await?;
        server.check_requests()?;
        Ok::<_, String>((script, server.gaps(0), run))
    };
    let (first, second) = tokio::join!(run_one(scripts[0]), run_one(scripts[1]));
    let mut long = Vec::new();
    for (script, gaps, run) in [first?, second?] {
        if gaps.len() != 2 || status_of(&run.result) != Some(200) {
            return Err(EXERCISE.fail(&format!(
                "the server answered {}, then {}, then 200 OK; expected Ok(response 200 OK) \
                 after 3 requests, got {} after {}",
                script[0],
                script[1],
                shown(&run.result),
                gaps.len() + 1
            )));
        }
        if gaps[1] + TOLERANCE >= Duration::from_secs(1) {
            long.push(format!(
                "{}ms after the {} that followed {}",
                gaps[1].as_millis(),
                script[1],
                script[0]
            ));
        }
    }
    if long.len() == 2 {
        return Err(EXERCISE.fail(&format!(
            "the second retries came {}: a `Retry-After` is the wait before the one retry that \
             follows its answer; on the next failure without it (a 500, a 502) back off as \
             usual, here 20-40ms",
            long.join(" and ")
        )));
    }
    Ok(())
}

/// `Retry-After` holding an HTTP date or `-1` counts as no header: the backoff applies, at
/// least d/2 (200ms here), not a retry at once.
pub async fn backs_off_after_a_retry_after_date<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    // A floor of 200ms: a retry at once stays far below it even when a busy machine stalls
    // the exchange (with a floor of 50ms, a loaded run once saw three such retries each come
    // 40ms and more after their failure).
    let policy = RetryPolicy {
        max_attempts: 3,
        base_delay: Duration::from_millis(400),
        max_delay: Duration::from_millis(400),
    };
    let floor = policy.ceiling(1) / 2;
    // And a negative number, which clamped at 0 is a retry at once too.
    let firsts = [
        Answer::RetryAfter(429, HTTP_DATE),
        Answer::RetryAfter(503, HTTP_DATE),
        Answer::RetryAfter(429, "-1"),
    ];
    for first in firsts {
        let server = Scripted::start(&[first, Answer::Post]).await;
        let run = call(candidate, &client_for(0, None), &server.url(), &policy).await?;
        server.check_requests()?;
        let gaps = server.gaps(0);
        if gaps.len() != 1 || status_of(&run.result) != Some(200) {
            return Err(EXERCISE.fail(&format!(
                "the server answered {first}, then 200 OK; expected Ok(response 200 OK) after \
                 2 requests, got {} after {}",
                shown(&run.result),
                gaps.len() + 1
            )));
        }
        // A busy machine only lengthens a gap: this floor is exact.
        if gaps[0] + TOLERANCE < floor {
            return Err(EXERCISE.fail(&format!(
                "the server answered {first} and the retry came {}ms later: a `Retry-After` \
                 that is not a whole number of seconds (an HTTP date, a negative number) counts \
                 as no header, not as 0s: back off as usual, here {}-{}ms with base_delay \
                 {}ms",
                gaps[0].as_millis(),
                floor.as_millis(),
                policy.ceiling(1).as_millis(),
                policy.base_delay.as_millis()
            )));
        }
    }
    Ok(())
}

/// The wait before a retry begins when the failure arrives: after a 503 that took 400ms to
/// come, a wait of 150-300ms puts the retry 550-700ms after the first request, not at 400ms (a
/// wait counted from the request has run out when the answer comes).
pub async fn waits_from_the_failure_not_the_request<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    // A wait of 150-300ms, wholly inside the 400ms the answer takes: counted from the request,
    // it has run out when the answer comes; and 150ms is more than a busy machine adds to a gap.
    let policy = RetryPolicy {
        max_attempts: 2,
        base_delay: Duration::from_millis(300),
        max_delay: Duration::from_millis(300),
    };
    let floor = policy.ceiling(1) / 2;
    let first = Answer::Slow(503);
    let gap = gap_before_the_one_retry(candidate, first, &policy).await?;
    if gap + TOLERANCE < SLOW_HEAD + floor {
        return Err(EXERCISE.fail(&format!(
            "the server answered {first}, and the retry came {}ms after the first request, \
             {}ms after the 503: the wait before retry 1 (150-300ms here) begins when the \
             failure arrives, not when the failed request was sent",
            gap.as_millis(),
            gap.saturating_sub(SLOW_HEAD).as_millis()
        )));
    }
    Ok(())
}

/// One call whose server answers `first`, then 200 with a post: the time between its two
/// requests, once the call has returned that 200 after exactly two requests.
async fn gap_before_the_one_retry<F>(
    candidate: &F,
    first: Answer,
    policy: &RetryPolicy,
) -> Result<Duration, String>
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    let server = Scripted::start(&[first, Answer::Post]).await;
    let run = call(candidate, &client_for(0, None), &server.url(), policy).await?;
    server.check_requests()?;
    let gaps = server.gaps(0);
    if gaps.len() != 1 || status_of(&run.result) != Some(200) {
        return Err(EXERCISE.fail(&format!(
            "the server answered {first}, then 200 OK; expected Ok(response 200 OK) after 2 \
             requests, got {} after {}",
            shown(&run.result),
            gaps.len() + 1
        )));
    }
    Ok(gaps[0])
}

/// `Retry-After` is counted from the answer that carries it, as the wait of the backoff is: a
/// 429 with `Retry-After: 1` that took 400ms to come is retried a second after it came, 1.4 s
/// after the first request (counted from the request, the retry comes 600ms after the answer).
/// A lower bound only, in real time: a busy machine makes gaps longer, never shorter.
pub async fn counts_a_retry_after_from_the_answer<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    let first = Answer::SlowRetryAfter(429, "1");
    let gap = gap_before_the_one_retry(candidate, first, &FAST).await?;
    let asked = Duration::from_secs(1);
    if gap + TOLERANCE < SLOW_HEAD + asked {
        return Err(EXERCISE.fail(&format!(
            "the server answered {first}, and the retry came {}ms after the first request, \
             {}ms after the 429: the wait `Retry-After` asks for begins when its answer \
             arrives, not when the failed request was sent",
            gap.as_millis(),
            gap.saturating_sub(SLOW_HEAD).as_millis()
        )));
    }
    Ok(())
}

/// The failure is the answer's head: a 503 whose body follows 3 s after its head is retried
/// 50-100ms after the head, without waiting for that body (reading it first, to hand the
/// connection back to the pool, waits the 3 s). Measured on the server's side, with
/// [`HICCUP`] for a busy machine's stall.
pub async fn retries_without_waiting_for_a_failed_answers_body<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    use lesson_support::testing::{SlowAnswer, SlowBodyServer};
    use std::sync::atomic::{AtomicUsize, Ordering};
    let policy = RetryPolicy {
        max_attempts: 2,
        base_delay: Duration::from_millis(100),
        max_delay: Duration::from_millis(100),
    };
    let body_after = Duration::from_secs(3);
    let answered = AtomicUsize::new(0);
    let server = SlowBodyServer::start(move |_, _| {
        if answered.fetch_add(1, Ordering::SeqCst) == 0 {
            SlowAnswer::json(503, &serde_json::json!({"error": "busy, try again"}))
                .body_after(body_after)
        } else {
            SlowAnswer::json(
                200,
                &serde_json::json!({"userId": 1, "id": 7, "title": "t", "body": "b"}),
            )
        }
    })
    .await;
    let run = call(
        candidate,
        &client_for(0, None),
        &format!("{}{TARGET}", server.uri()),
        &policy,
    )
    .await?;
    let arrivals = server.arrivals();
    if arrivals.len() != 2 || status_of(&run.result) != Some(200) {
        return Err(EXERCISE.fail(&format!(
            "the server answered 503 Service Unavailable (its body 3s after its head), then 200 \
             OK; expected Ok(response 200 OK) after 2 requests, got {} after {}",
            shown(&run.result),
            arrivals.len()
        )));
    }
    let wait = arrivals[1].at - arrivals[0].at;
    if wait > policy.max_delay + HICCUP {
        return Err(EXERCISE.fail(&format!(
            "the server answered 503 Service Unavailable with its head at once and its body 3s \
             later, and the retry came {}ms after the first request, with base_delay and \
             max_delay 100ms: the wait counts from the failure, and the failure is the \
             answer's head (its status says all): drop a failed answer without reading its \
             body",
            wait.as_millis()
        )));
    }
    Ok(())
}

/// Many attempts, past the 32nd retry, where a 2^(n-1) computed in a `u32` overflows: 41 of
/// them, with waits of 1-2ms, all sent, the last answer returned, and no panic.
pub async fn takes_many_attempts_without_overflow<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    let max_attempts = 41;
    let mut script = vec![Answer::Status(500); max_attempts - 1];
    script.push(Answer::Status(503));
    let server = Scripted::start(&script).await;
    let policy = RetryPolicy {
        max_attempts: max_attempts as u32,
        ..TINY
    };
    let run = call(candidate, &client_for(0, None), &server.url(), &policy).await?;
    server.check_requests()?;
    let requests = server.count(0);
    if requests != max_attempts || status_of(&run.result) != Some(503) {
        return Err(EXERCISE.fail(&format!(
            "with max_attempts = {max_attempts}, base_delay 1ms and max_delay 2ms, the server \
             answered 500 forty times, then 503; expected Ok(response 503) after {max_attempts} \
             requests, got {} after {requests}",
            shown(&run.result)
        )));
    }
    Ok(())
}

/// A `Retry-After` of 100,000 s (about 28 hours): the whole wait, to the millisecond.
const LONG_RETRY_AFTER: &str = "100000";

/// A client that starts no timer of its own: no timeout, no connection timeout, no pool
/// reaper. On a paused clock, tokio jumps to the next timer whenever every task waits; with
/// such a client, the only timers are the code under check's own waits.
fn client_without_timers(call: usize) -> Client {
    lesson_support::client::install_tls_provider();
    Client::builder()
        .no_proxy()
        .tls_certs_only(std::iter::empty())
        .pool_idle_timeout(None)
        .default_headers(headers_for(call))
        .build()
        .expect("these client settings are valid")
}

/// `Retry-After` is the wait, however long, "even past `max_delay`, and not a moment longer":
/// a 503 with `Retry-After: 100000`, then a 200, on tokio's paused clock, which jumps ahead
/// whenever every task waits for a timer, so that 28 hours take no real time. The call must
/// take exactly the header's time on that clock: a limit of one's own on the server's wait (a
/// minute, an hour, a day) comes back early, jitter added on top comes back late.
pub async fn honours_a_long_retry_after_exactly<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    // The backoff alone would wait 1-2s: nothing like the header's wait.
    let policy = RetryPolicy {
        max_attempts: 3,
        base_delay: Duration::from_secs(2),
        max_delay: Duration::from_secs(2),
    };
    let first = Answer::RetryAfter(503, LONG_RETRY_AFTER);
    let server = Scripted::start(&[first, Answer::Post]).await;
    let client = client_without_timers(0);
    let url = server.url();
    let bound = Duration::from_secs(5);
    tokio::time::pause();
    let started = tokio::time::Instant::now();
    let run = lesson_support::testing::within_real_time(
        bound,
        EXERCISE.run(candidate(&client, &url, &policy)),
    )
    .await;
    let took = started.elapsed();
    tokio::time::resume();
    let Some(result) = run else {
        return Err(EXERCISE.fail(&format!(
            "the server answered {first}; on tokio's paused clock, which jumps ahead whenever \
             every task waits for a timer, the call had not returned after {}s of real time, \
             in which the clock moved {}s: wait with `tokio::time::sleep(..).await` in the call \
             itself",
            bound.as_secs(),
            took.as_secs()
        )));
    };
    let result = result?;
    server.check_requests()?;
    let requests = server.count(0);
    if requests != 2 || status_of(&result) != Some(200) {
        return Err(EXERCISE.fail(&format!(
            "the server answered {first}, then 200 OK; expected Ok(response 200 OK) after 2 \
             requests, got {} after {requests}",
            shown(&result)
        )));
    }
    let asked = Duration::from_secs(LONG_RETRY_AFTER.parse().expect("a number of seconds"));
    if took + TOLERANCE < asked || took > asked + TOLERANCE {
        return Err(EXERCISE.fail(&format!(
            "the server answered {first} (about 28 hours), then 200 OK: on tokio's paused \
             clock, which takes no real time to wait, the call waited {:.3}s, where the \
             contract says exactly {}s: wait what `Retry-After` says, even past `max_delay`, \
             and not a moment longer ({})",
            took.as_secs_f64(),
            LONG_RETRY_AFTER,
            if took < asked {
                "no limit of your own on the server's wait"
            } else {
                "nothing added to it"
            }
        )));
    }
    Ok(())
}

/// A server on the check's own runtime that answers every call `500` until its last attempt,
/// then `200`, and notes when each request arrived on tokio's clock. On a paused clock, with a
/// client that starts no timer and one call at a time, the only timers are the code under
/// check's waits, so the gaps between a call's arrivals are its waits, exactly: no round trip,
/// no busy machine in them.
struct OnTheClock {
    url: String,
    /// `(call, request line, when)` of each request, in arrival order.
    log: Arc<Mutex<Vec<(String, String, tokio::time::Instant)>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for OnTheClock {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl OnTheClock {
    async fn start(last_attempt: usize) -> Result<OnTheClock, String> {
        let listener = lesson_support::testing::check_listener(mock_server::Closing::Handshake)
            .map_err(|err| format!("the check could not listen on loopback: {err}"))?;
        let address = listener
            .local_addr()
            .map_err(|err| format!("the check's socket has no address: {err}"))?;
        let log: Arc<Mutex<Vec<(String, String, tokio::time::Instant)>>> = Arc::default();
        let noted = Arc::clone(&log);
        let task = tokio::spawn(async move {
            while let Ok((mut socket, _)) = listener.accept().await {
                let noted = Arc::clone(&noted);
                tokio::spawn(async move {
                    use tokio::io::{AsyncReadExt, AsyncWriteExt};
                    let mut head = Vec::new();
                    let mut buffer = [0u8; 1024];
                    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                        match socket.read(&mut buffer).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => head.extend_from_slice(&buffer[..n]),
                        }
                    }
                    let head = String::from_utf8_lossy(&head).into_owned();
                    let line = head.lines().next().unwrap_or_default().to_owned();
                    let call = head
                        .lines()
                        .find_map(|header| {
                            let (name, value) = header.split_once(':')?;
                            name.eq_ignore_ascii_case(CALL_HEADER)
                                .then(|| value.trim().to_owned())
                        })
                        .unwrap_or_default();
                    let attempt = {
                        let mut log = lock(&noted);
                        log.push((call.clone(), line, tokio::time::Instant::now()));
                        log.iter().filter(|(c, _, _)| *c == call).count()
                    };
                    // Odd calls fail with a 429 that says no wait (the backoff's to choose), even
                    // calls with a 500.
                    let status = if attempt >= last_attempt {
                        "200 OK"
                    } else if call.parse::<usize>().is_ok_and(|call| call % 2 == 1) {
                        "429 Too Many Requests"
                    } else {
                        "500 Internal Server Error"
                    };
                    let answer = format!(
                        "HTTP/1.1 {status}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
                    );
                    let _ = socket.write_all(answer.as_bytes()).await;
                    let _ = socket.shutdown().await;
                });
            }
        });
        Ok(OnTheClock {
            url: format!("http://{address}{TARGET}"),
            log,
            task,
        })
    }

    /// The request lines and arrival times of call `call`'s requests, in order.
    fn arrivals(&self, call: usize) -> Vec<(String, tokio::time::Instant)> {
        let call = call.to_string();
        lock(&self.log)
            .iter()
            .filter(|(c, _, _)| *c == call)
            .map(|(_, line, at)| (line.clone(), *at))
            .collect()
    }
}

/// Two programs that fail together must not come back together: the random part differs from
/// process to process, not only from call to call within one. The check starts two processes
/// (this test program again, running this check alone, see
/// `lesson_support::testing::second_process`); each makes one call on tokio's paused clock, as
/// [`waits_exactly_within_their_bounds`] does, answered 500 five times and then 200, and notes
/// its five waits to the millisecond. Drawn right, two processes' waits never all agree (each
/// is one of 50,000 or more milliseconds); a seed that is the same in every fresh process (a
/// constant, or a counter of calls that starts at 0) makes them agree exactly.
pub async fn draws_other_waits_in_another_process<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    const CHECK: &str = "draws_other_waits_in_another_process";
    if let Some(own) = second_process::folder(CHECK) {
        // One of the two processes: its one call's waits, in milliseconds, one per line.
        if let Some(waits) = waits_of_one_call_on_the_clock(candidate).await {
            let lines: Vec<String> = waits
                .iter()
                .map(|wait| wait.as_millis().to_string())
                .collect();
            let _ = std::fs::write(own.join("waits"), lines.join("\n"));
        }
        second_process::report(&own, &Ok(()));
        return Ok(());
    }
    let shared = std::env::temp_dir().join(format!(
        "lesson-07-exercise-12-{}-{}",
        std::process::id(),
        SHARED_FOLDERS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
    ));
    let outcome = two_processes_waits(&shared).await;
    let _ = std::fs::remove_dir_all(&shared);
    let Some((first, second)) = outcome? else {
        // A process that could not be started, or a call that did not go as planned there
        // (the other checks say why): nothing to compare.
        return Ok(());
    };
    let same = first.len() == second.len()
        && first
            .iter()
            .zip(&second)
            .all(|(a, b)| a.abs_diff(*b) <= TOLERANCE.as_millis());
    if same {
        return Err(EXERCISE.fail(&format!(
            "two programs (this test started twice), each making one call answered 500 five \
             times and then 200, with base_delay 100s and max_delay 1000s on tokio's paused \
             clock, waited exactly the same: {first:?} ms and {second:?} ms. Random means \
             different from program to program too: programs that fail together must not come \
             back together. Seed the random part from something that changes (the clock's \
             nanoseconds), not from a constant or a count of calls, which starts at 0 in every \
             program"
        )));
    }
    Ok(())
}

/// A number for each folder [`draws_other_waits_in_another_process`] makes in this process.
static SHARED_FOLDERS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// The two processes of [`draws_other_waits_in_another_process`], in `shared`: the waits each
/// noted, or `None` if either could not be started or noted none.
async fn two_processes_waits(
    shared: &std::path::Path,
) -> Result<Option<(Vec<u128>, Vec<u128>)>, String> {
    const CHECK: &str = "draws_other_waits_in_another_process";
    let mut processes = Vec::new();
    for name in ["first", "second"] {
        let own = shared.join(name);
        std::fs::create_dir_all(&own)
            .map_err(|err| format!("the check could not prepare its folder: {err}"))?;
        let started = second_process::start(CHECK, &own, second_process::Limits::None)
            .map_err(|err| format!("the check could not start its second process: {err}"))?;
        let Some(process) = started else {
            return Ok(None);
        };
        processes.push((own, process));
    }
    let mut waits = Vec::new();
    for (own, process) in processes {
        if let Err(what) = process.verdict().await {
            return Err(EXERCISE.fail(&what));
        }
        let Ok(text) = std::fs::read_to_string(own.join("waits")) else {
            return Ok(None);
        };
        waits.push(
            text.lines()
                .filter_map(|line| line.parse::<u128>().ok())
                .collect::<Vec<u128>>(),
        );
    }
    let second = waits.pop().unwrap_or_default();
    let first = waits.pop().unwrap_or_default();
    Ok(Some((first, second)))
}

/// One call on tokio's paused clock against an [`OnTheClock`] server, as in
/// [`waits_exactly_within_their_bounds`]: its waits, exactly, or `None` if the call did not
/// take all its attempts within the real-time bound.
async fn waits_of_one_call_on_the_clock<F>(candidate: &F) -> Option<Vec<Duration>>
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    let attempts = ON_THE_CLOCK.max_attempts as usize;
    let server = OnTheClock::start(attempts).await.ok()?;
    let client = client_without_timers(0);
    tokio::time::pause();
    let run = lesson_support::testing::within_real_time(
        Duration::from_secs(10),
        EXERCISE.run(candidate(&client, &server.url, &ON_THE_CLOCK)),
    )
    .await;
    tokio::time::resume();
    run?.ok()?.ok()?;
    let arrivals = server.arrivals(0);
    (arrivals.len() == attempts).then(|| {
        arrivals
            .windows(2)
            .map(|pair| pair[1].1 - pair[0].1)
            .collect()
    })
}

/// The waits of [`waits_exactly_within_their_bounds`]: long ones cost nothing on a paused
/// clock, and a millisecond is then a millionth of a wait.
const ON_THE_CLOCK: RetryPolicy = RetryPolicy {
    max_attempts: 6,
    base_delay: Duration::from_secs(100),
    max_delay: Duration::from_secs(1000),
};

/// How many calls [`waits_exactly_within_their_bounds`] makes, one after another.
const CALLS_ON_THE_CLOCK: usize = 12;

/// Every wait in its bounds, [d/2, d], measured exactly: 12 calls, one after another, each
/// answered 500 five times and then 200, with base_delay 100s and max_delay 1000s (d = 100,
/// 200, 400, 800, then 1000s at the cap), on tokio's paused clock. A random part drawn too wide
/// (up to 3d/2) breaks the upper bound about half the time; and a wait that lands on d/2 or d
/// to the millisecond, which a draw over 50 to 500 s does about once in ten thousand waits,
/// shows jitter pushed to an end of the range: full jitter raised to d/2 (`.max(d / 2)`), or
/// a draw clamped to `max_delay` after it was made.
pub async fn waits_exactly_within_their_bounds<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &RetryPolicy) -> Result<Response, reqwest::Error>,
{
    let attempts = ON_THE_CLOCK.max_attempts as usize;
    let server = OnTheClock::start(attempts).await?;
    let clients: Vec<Client> = (0..CALLS_ON_THE_CLOCK).map(client_without_timers).collect();
    let bound = Duration::from_secs(10);
    tokio::time::pause();
    let runs = lesson_support::testing::within_real_time(bound, async {
        let mut results = Vec::new();
        for client in &clients {
            results.push(
                EXERCISE
                    .run(candidate(client, &server.url, &ON_THE_CLOCK))
                    .await,
            );
        }
        results
    })
    .await;
    tokio::time::resume();
    let Some(results) = runs else {
        return Err(EXERCISE.fail(&format!(
            "{CALLS_ON_THE_CLOCK} calls, one after another, each answered 500 (or 429 without \
             `Retry-After`) five times and then 200, on tokio's paused clock, which jumps ahead whenever every task waits for a \
             timer: they had not all returned after {}s of real time. Wait with \
             `tokio::time::sleep(..).await` in the call itself",
            bound.as_secs()
        )));
    };
    let expected_line = format!("GET {TARGET} HTTP/1.1");
    let mut at_an_end = Vec::new();
    let mut waits = 0;
    // Each call's waits, and where each fell in its range (0 at d/2, 1 at d).
    let mut waits_of_calls: Vec<Vec<Duration>> = Vec::new();
    let mut draws_of_calls: Vec<Vec<f64>> = Vec::new();
    for (call, result) in results.into_iter().enumerate() {
        let result = result?;
        let arrivals = server.arrivals(call);
        if let Some((line, _)) = arrivals.iter().find(|(line, _)| *line != expected_line) {
            return Err(EXERCISE.fail(&format!(
                "the server received `{line}`: send every attempt as a GET of `url` as it is \
                 ({expected_line})"
            )));
        }
        if arrivals.len() != attempts || status_of(&result) != Some(200) {
            return Err(EXERCISE.fail(&format!(
                "with max_attempts 6, the server answered 500 (or 429 without `Retry-After`) five \
                 times, then 200 OK; \
                 expected Ok(response 200 OK) after 6 requests through `client`, the server \
                 received {} from call {} of {CALLS_ON_THE_CLOCK} and it returned {}",
                arrivals.len(),
                call + 1,
                shown(&result)
            )));
        }
        waits_of_calls.push(Vec::new());
        draws_of_calls.push(Vec::new());
        for (retry, pair) in (1u32..).zip(arrivals.windows(2)) {
            let wait = pair[1].1 - pair[0].1;
            let d = ON_THE_CLOCK.ceiling(retry);
            waits += 1;
            waits_of_calls[call].push(wait);
            draws_of_calls[call]
                .push((wait.as_secs_f64() - (d / 2).as_secs_f64()) / (d / 2).as_secs_f64());
            // tokio's timers count whole milliseconds: a wait may end up to 1 ms late.
            if wait + TOLERANCE < d / 2 || wait > d + TOLERANCE {
                return Err(EXERCISE.fail(&format!(
                    "on tokio's paused clock (each wait measured exactly, nothing of the machine \
                     in it), with base_delay 100s and max_delay 1000s, call {} of \
                     {CALLS_ON_THE_CLOCK} ({}) waited {:.3}s before retry {retry}, outside \
                     [d/2, d] \
                     = [{}s, {}s]: before retry n, wait a random time between d/2 and d, where \
                     d = min(max_delay, base_delay × 2^(n-1))",
                    call + 1,
                    if call % 2 == 1 {
                        "answered 429 without `Retry-After`"
                    } else {
                        "answered 500"
                    },
                    wait.as_secs_f64(),
                    (d / 2).as_secs(),
                    d.as_secs()
                )));
            }
            if wait.abs_diff(d / 2) <= TOLERANCE || wait.abs_diff(d) <= TOLERANCE {
                at_an_end.push(format!("{:.3}s", wait.as_secs_f64()));
            }
        }
    }
    // A right draw lands within 3 ms of an end about once in ten thousand waits.
    if at_an_end.len() > 3 {
        return Err(EXERCISE.fail(&format!(
            "on tokio's paused clock (each wait measured exactly), with base_delay 100s and \
             max_delay 1000s, {} of the {waits} waits were d/2 or d to the millisecond ({}): \
             draw each wait at random over the whole of [d/2, d] (d/2 plus a random part up to \
             d/2), cap first, then draw; not a draw pushed to an end of the range",
            at_an_end.len(),
            at_an_end.join(", ")
        )));
    }
    // A fresh draw before every retry: five waits of one call at the same point of their
    // ranges (to a ten-thousandth) is one draw reused, which a right draw never gives.
    let same_point = |draws: &[f64]| {
        draws
            .windows(2)
            .all(|pair| (pair[0] - pair[1]).abs() < 1e-4)
    };
    if let Some(call) = draws_of_calls.iter().position(|draws| same_point(draws)) {
        return Err(EXERCISE.fail(&format!(
            "on tokio's paused clock (each wait measured exactly), call {} of \
             {CALLS_ON_THE_CLOCK} waited {:?} before its five retries: every one {:.4} of the \
             way from d/2 to d. Draw the random part anew before every retry, not once per call",
            call + 1,
            waits_of_calls[call],
            draws_of_calls[call][0]
        )));
    }
    // Each call its own draws: two calls one after another (microseconds apart in real time)
    // with the same waits had the same seed.
    for (later, waits) in waits_of_calls.iter().enumerate() {
        if let Some(earlier) = waits_of_calls[..later]
            .iter()
            .position(|other| other == waits)
        {
            return Err(EXERCISE.fail(&format!(
                "on tokio's paused clock (each wait measured exactly), calls {} and {} of \
                 {CALLS_ON_THE_CLOCK}, made one after another, waited exactly the same, {waits:?}. \
                 The wait must be random, different from call to call: each call draws its own \
                 waits, from a seed that differs from call to call even when calls start within \
                 the same millisecond (the clock's nanoseconds)",
                earlier + 1,
                later + 1
            )));
        }
    }
    Ok(())
}
