//! The checks of exercise 9 (`fetch_post_within`), run against your file, the reference solution
//! and the course's typical wrong answers.
//!
//! Rule table: each clause of the contract (the doc comment of `stub.rs`), the checks that test
//! it, and the inputs that make a near miss fail.
//!
//! | # | rule | check(s) | inputs that catch near misses |
//! |---|------|----------|-------------------------------|
//! | 1 | one GET of `{base_url}/posts/{id}`, keeping the base URL's path | `returns_the_post_it_was_asked_for`, `agrees_with_the_reference_on_seeded_scenarios` | base URLs ending in `/api/v1`, `/v2/blog` (`Url::join("/posts/..")` drops them); ids 58, 101, seeded ids; the requests are counted 150 ms after the call returns, so a request sent in the background afterwards (a prefetch of post `id + 1`) counts too |
//! | 2 | sent through the given `client`, whatever `limit` is | `returns_the_post_it_was_asked_for`, `takes_any_limit_up_to_duration_max`, `a_limit_longer_than_the_clients_timeout_is_kept` | a tagged client: a `Client` built per call (to carry a timeout, a connect or read timeout) sends no tag; the tag is checked with `limit` 3 s, `Duration::MAX` (MockApi's record) and 45 s on the paused clock (the raw server records each request's tag): a client of one's own built only for a `limit` above the client's 30 s ("a request may shorten its client's timeout, not lengthen it") is caught by both long limits |
//! | 3 | one call, one request: no retry | every check counts what the server received, the dropped connection and the seeded scenarios included | 5xx and 429 (a retry habit), a timeout (retry on timeout), a connection closed without an answer (retry on a "stale" connection; with a fresh client and connection, neither hyper's pool nor reqwest's HTTP/2-only retry policy sends it again); rows 19 (Retry-After) and 20 (no cache) |
//! | 4 | `Ok(post)` when it arrives within `limit` | `returns_the_post_it_was_asked_for`, seeded scenarios | 100 ms server, `limit` 3 s: a timeout in the wrong unit (`from_millis(limit.as_secs())`) gives up; rows 21 (any 2xx) and 22 (the post as sent) |
//! | 5 | `Timeout` when the head does not arrive in time, not before `limit`, soon after it | `gives_up_at_the_limit_with_a_timeout` | limits 150 ms and 600 ms against a 5 s server, each with a window `[limit, limit + 350 ms]`: the windows are disjoint, so no fixed timeout passes both; 150 ms truncated to whole seconds is 0. A call that is late, or whose request never reached the server, is made once more, for another post (so that a late request of the first is not counted against it), and the second is judged: a busy machine delays one call, a timeout of one's own delays both |
//! | 6 | `Timeout` when the body does not arrive in time (the limit covers the whole answer) | `the_limit_covers_the_body_too` | a head sent at once, then a byte every 80 ms, `limit` 300 ms: a `tokio::time::timeout` around `send()` only, a read timeout, or `.json()` errors called Decode all fail (a late call is made once more, for another post, as in row 5; the raw server records each request's path) |
//! | 7 | a timeout is `Timeout` with reqwest's error, not Connect / Other / Deadline / Decode | `gives_up_at_the_limit_with_a_timeout`, `the_limit_covers_the_body_too` | a slow head (a `send()` error), a slow body (a `.json()` error); then, 300 ms after the last call, each post asked once (a request sent again in the background after a timeout fails) |
//! | 8 | a 404 is `NotFound { url }`, the URL asked for, whatever its body | `a_404_is_not_found_with_the_url_asked_for` | a missing post (101), a 404 for an existing one (23) and post 0 (a panic on "ids start at 1" fails), under `/api/v1` (JSON `{}` bodies); 404s with an empty body and with an HTML page: telling "no such post" from "no such route" by the body fails; only a 404: row 22 |
//! | 9 | another error status is `Status { status, url }`, whatever it says | `another_error_status_is_a_status_error`, seeded scenarios | 400, 403, 410, 429, 500, 502, 503 (not one representative per class), 599 (the last 5xx: a range `400..599` leaves it out), 405 (not "no such post"), a 500 for post 404 (reading "404" in the error's text fails), and 408 and 504, whose names say "timeout": a status the server sent is `Status`, not `Timeout`; a 407 and a 511, statuses a proxy or captive portal sends, are `Status` too (calling them Connect fails); a 421 Misdirected Request and a 406 Not Acceptable are `Status`, after one request (sending it again, without the `Accept` header, fails); then a 503 with `Server: Café/1.0`, not ASCII (`to_str().expect(..)` on it panics); then 521, 522, 523 and 524, a CDN's statuses about its origin (calling them Connect or Timeout fails), and a 429 with `Retry-After: 100000` and a 503 with `Retry-After: 86400`, waits longer than `limit` (calling them Timeout fails) |
//! | 10 | no connection is `Connect`, at once: a refused connection is not tried again; a host name that does not resolve is `Connect` too | `no_connection_is_a_connect_error` | a refused port at `localhost`, five calls, through a client that counts its connection attempts (a second try, however quick, is counted); the fastest call must return within 40 ms (about 1 ms is usual), which a pause before a second try (50 ms) exceeds every time, and a busy machine delays only some calls; then `http://no-such-host.invalid/api/v1` (the tagged client resolves only localhost, so nothing leaves the machine): singling out `err.is_dns()` as NotFound ("no such host") fails |
//! | 11 | a 2xx body that is not a post (not JSON, the wrong shape, cut short) is `Decode` | `a_body_that_is_not_a_post_is_a_decode_error` | `{"id": 1}`, post 1 with `"userId": -1` (ids read as `i64` and cast fail), post 1 with `"title": 5` and `"body": null` (coercing values to text fails), `<html>`, `[post 1]`, `[]`, `null`, `{"data": post 1}` (unwrapping an envelope fails) and post 1 with `"id": 1.5` (numbers read as `f64` fail) (accepting a list's first post, or `[]` or `null` as NotFound, fails), a body that ends before its `Content-Length`, after exactly one request (asking again for a cut-short body fails); post 1 with `"id": "1"` (a lenient id read from a string fails) and a 204 No Content (a made-up empty post fails) are `Decode` too; post 1 with `user_id` for `userId` (a lenient alias) is `Decode`; a JSON string whose text is a post (decoding JSON inside JSON) is `Decode`; a 200 whose JSON body describes an error (`{"status": 404, "error": "Not Found", ..}`: reading the status from the body fails) and an HTML page labelled `text/html` (an "app shell" taken for NotFound fails); post 1 whose `id` is the text "request timed out" (telling a timeout by the words `timed out` in the error's causes calls it Timeout) |
//! | 12 | any other failure is `Other` | `a_dropped_connection_is_other`, `a_base_url_that_is_not_a_url_is_other` | a server that resets the connection (a RST) without answering (a retry fails), one that answers in another protocol (`SSH-2.0-…`: `Decode` fails), a server that closes the connection without answering (after exactly one request); base URLs `not a url` (does not parse) and `mailto:…` (parses, cannot be a base): `Url::parse(..).expect(..)` or `path_segments_mut().expect(..)` panics |
//! | 13 | never a panic | every check runs the function through `EXERCISE.run` | the refused port, the bodies of rule 11, the base URLs of rule 12 |
//! | 14 | the same results, and the same requests, as the reference | `agrees_with_the_reference_on_seeded_scenarios` | nine seeded scenarios: base path, id (some missing), fault (any status, a dropped connection: its requests are compared too), jittered latency; a difference is reported with the rule that gives the reference's result |
//! | 15 | `limit` may be any `Duration`, `Duration::ZERO` (give up at once, `Timeout`) to `Duration::MAX` | `takes_any_limit_up_to_duration_max`, `a_zero_limit_gives_up_at_once` (last) | `Duration::MAX` against a prompt server: `limit + margin` panics with an overflow; `Duration::ZERO` against a server answering after 300 ms: aiohttp's "0 means no timeout" returns Ok; `Duration::ZERO` and 1 ms against a server answering 3 ms after the request, 25 tries each: a floor of one's own (`limit.max(10ms)`) returns Ok (reqwest's zero timer fires at the next 1 ms tick, before any answer); `Duration::MAX` against a client with a short timeout of its own: row 23; against a server that never answers: row 27, where two such calls made at once must also both reach the server (a queue of one's own for calls with no limit fails) |
//! | 16 | `limit` replaces the client's timeout, longer or shorter | `a_limit_longer_than_the_clients_timeout_is_kept` | the course's client (30 s), `limit` 45.037 s, a server that never answers, on tokio's paused clock (no real time): `limit.min(REQUEST_TIMEOUT)` gives up at 30 s. The connection is opened (and pooled) before the clock stops, so no jump of the clock cuts a connection attempt short |
//! | 17 | a connection attempt that times out is `Timeout`, not `Connect` | `a_connection_attempt_that_times_out_is_a_timeout` | a listener whose queue of unaccepted connections is full (backlog 1, filled), so that Linux drops further attempts; a client whose `connect_timeout` is 200 ms, `limit` 3 s: reqwest's error is both `is_connect()` and `is_timeout()`, so a classifier asking `is_connect()` first says Connect. Where a system refuses instead of ignoring (the fill finds no hanging attempt), the check has nothing to see and passes; on tokio's paused clock, so the attempt gives up at exactly 200 ms: a result after more than 300 ms (a second attempt with the time `limit` has left) fails |
//! | 18 | an error status is `NotFound` / `Status` as soon as its head arrives, whatever its body and however late | `an_error_status_does_not_wait_for_its_body` (near the end) | a 404 and a 503 whose head comes at once and whose body 5 s later, `limit` 2 s, under `/api/v1`: draining the error body first (`bytes().await?`, for the connection's sake) gives Timeout; draining it with its error ignored (`let _ = response.bytes().await`) gives the right variant after 2 s, past the 1 s within which the status must be reported (a few ms is usual) |
//! | 19 | no retry after a 429 or 503 whose `Retry-After` fits within `limit`; the status reported at once | `a_retry_after_is_not_waited_out` | 429 and 503 with `Retry-After: 0` (first: a retry costs nothing to catch) and `Retry-After: 1`, `limit` 3 s, under `/api/v1`: exactly one request each (wiremock's record), `Status` with that status and the URL asked for, and the faster of the two `1` calls back within 900 ms (a wait of one's own, even without a second request, takes 1 s in both); then another post from the same server: a second request (a `Retry-After` remembered per server, answering later calls without asking, fails); a 503 whose `Retry-After` is an HTTP date (parsing it as seconds with `expect` panics); then a 200 with post 26 and `RateLimit-Remaining: 0`, `RateLimit-Reset: 1` (and their `X-` forms), twice: the faster call within 900 ms (waiting out the window before returning fails) |
//! | 20 | no cache: a second call for the same post sends a request of its own | `each_call_sends_a_request_of_its_own` | post 29 twice, one call after the other, from a server whose every second request gets a 404 (`FaultSelect::EveryNth(2)`): two GETs, `Ok(post 29)` then `NotFound` with the URL asked for. After the 404 and status checks, so that an answer wrong about those is told so by them; three calls for post 41 at once, the server answering after 200 ms: three requests (calls in flight sharing one request, `singleflight`, fail); post 29 twice from a server whose answer carries an `ETag`, a `Last-Modified` and `Cache-Control: max-age=60` (a cache that keeps a post as long as `max-age` allows fails): no `If-…` header in the second request (a revalidating cache fails); a third call through another client, which marks its requests with a header of its own: its request carries that mark (a user agent set on the request is fine) (a `Client` kept in a `OnceLock` from the first call fails) |
//! | 21 | `Ok(post)` for any 2xx, not only 200 | `a_successful_answer_is_the_post_it_carries` | a 203 Non-Authoritative Information, a 201 Created, a 202 Accepted and a 206 Partial Content, each carrying post 12: `status == 200` (aiohttp's `if resp.status == 200`) gives Status; each with a `Location` header, and exactly one request (a second GET to refresh a 203 or to follow a 201's `Location` fails); post 12 labelled `Content-Type: text/html` is `Ok(post 12)` (judging by the label fails); the 2xx answers also carry `Age: 120` (refetching an answer a cache has held fails) |
//! | 22 | the post as sent, even of another id, every field unchanged: `NotFound` only for a 404 | `a_successful_answer_is_the_post_it_carries` | asked for post 71, a 200 carrying a well-formed post 7: checking `post.id == id` and calling a mismatch NotFound fails, so does asking again (one request); post 12 whose title and body start and end with spaces, tabs and line breaks, a `\r\n` inside the body, `&amp; &lt;b&gt;` in the title: `trim()` (Python's `.strip()`) fails, so does unescaping HTML entities; post 12 with one field more (`"views": 3`) is `Ok(post 12)`: `deny_unknown_fields` fails; post 12 with an empty title and body, post 2^53 + 1, and post 12 with titles of 3- and 4-byte characters in two alignments, are `Ok` as sent (calling a blank post NotFound, numbers read as `f64`, or a byte-count cut of the title that panics, fail); post 12 with a 70,001-byte body is `Ok` as sent: a size cap of one's own (16 KiB, 64 KiB) fails; post 1 sent in chunks with no `Content-Length` is `Ok` (expecting a `content_length()` panics) |
//! | 23 | `Duration::MAX` replaces the client's timeout too (the longest timeout, not "keep the client's") | `duration_max_replaces_the_clients_timeout_too` | a client whose own timeout is 50 ms, a server answering after 150 ms, `limit` `Duration::MAX`: setting no timeout for MAX gives Timeout at 50 ms. After row 16's check, so that answers keeping the client's timeout for every `limit` (`tokio::time::timeout` instead of `.timeout(limit)`) are told so by the timing checks first; then, on that 50 ms client, a `limit` of 30 s, the course client's usual timeout: `Ok` (skipping `.timeout(limit)` when it equals the default fails) |
//! | 24 | each call on its own, nothing kept between calls: calls made together send their requests together, each waiting at most its own `limit` | `calls_made_together_are_sent_together` (near the end) | 23 calls at once (ids 300..323), `limit` 250 ms, a server taking 5 s: every call Timeout, the 23 requests reach the server within 150 ms of each other (server side; a few ms is usual) and the last call returns within `limit` + 350 ms. A process-wide spacing of 25 ms (an `AsyncLimiter` habit) spreads them over 550 ms (past the 150 ms bound by 400 ms, more than twice the bound) and returns the last after about 800 ms (past its bound too). A round late on timing alone is made once more with other ids (ids 400..423), and the second is judged; a pause of one's own before sending, too short for these bounds: row 28 |
//! | 25 | never a panic, whatever the status, and never a thread kept from the runtime | `an_unusual_status_is_no_panic`; the watchdog of `Exercise::run` | a 300 without `Location` and a 600, each carrying a post: `unreachable!()` for statuses outside 2xx/4xx/5xx fails; any result is accepted, the contract names no variant for them; a 300 with a `Location`: exactly one request (following it by hand fails). Code that never gives its thread back (`block_on` of the body) ends the run with the rule broken, proven in a child process by `tests/course.rs` |
//! | 26 | each call waits its own `limit`, nothing of an earlier request kept | `each_call_waits_its_own_limit` (after the timeout checks) | post 29 with `limit` 3 s, then with 200 ms from the same server, now answering after 1 s: `Timeout` (a `Request` cached per URL with the first call's timeout gives `Ok`); then with 3 s again: `Ok` (a timeout of one's own learnt from earlier answers, "4 times the slowest", gives up early); then a server whose answer sets a cookie: the next call sends no `Cookie` (a cookie jar of one's own fails) |
//! | 26b | calls made together are on their own while reading bodies too | `no_call_waits_for_another_calls_body` | post 1's body 600 ms after its head (`limit` 3 s), post 2 asked 100 ms later with a `limit` of 350 ms and answered at once: it must be `Ok`; a lock or one-permit semaphore around reading bodies makes it time out |
//! | 26c | nothing of a call outlives it: a dropped call stops its request | `a_dropped_call_stops_its_request` | post 7's body a day after its head, `limit` MAX, the call dropped after 300 ms: the server must see the connection closed within 2 s (a request in a detached `tokio::spawn` keeps it open); then a 404 whose body follows a day later: `NotFound` at once, and the connection closed within 2 s (draining the body in a background task fails); and no task the call spawned is left: the runtime's count of live tasks (settled before the call) is back where it was within 1 s of the request's end (a "still waiting" warning task aborted only when the call returns fails); then a call dropped right after its first poll: 300 ms later, and within 2 s, no request of it open on the server (a task spawned on the first poll whose abort guard is made only after an `.await` fails) |
//! | 27 | `Duration::MAX` is the longest timeout there is: the call waits as long as the server takes | `duration_max_waits_as_long_as_the_server_takes` (after row 26) | `limit` `Duration::MAX`, a server that never answers, on tokio's paused clock (no real time): still waiting after 1000 days, so a cap of one's own (a day, a week, a year: `limit.min(24 h)`) gives up at the cap; the requests are counted first: a call that sends its request again every minute of waiting (a `select!` loop that builds it anew) is told so, not "still waiting" |
//! | 28 | calls made together send their requests at once: no timer of one's own before sending | `calls_made_together_wait_for_no_timer` (after row 27) | 131 calls at once (17 posts from 500, each asked 7 or 8 times; more than a limiter's burst of 100 or 128), `limit` 45.037 s, a server that never answers, on tokio's paused clock, which moves only when every task waits for a timer: every request reaches the server at the instant the calls were made, and every call gives up at 45.037 s to the millisecond. A random 0-19 ms pause before sending (too short for row 24's real-time bounds), or a lock per post, arrives late on that clock; the 23 connections are opened before the clock stops |
//! | 29 | the base URL as given: host name, capitals, a path ending in `/posts` | `takes_the_base_url_as_it_is` | `http://localhost:PORT/Blog/posts`, post 17: the server must see `GET /Blog/posts/posts/17` with `Host: localhost:PORT`, and a 404 must carry `http://localhost:PORT/Blog/posts/posts/17`: rewriting `localhost` to `127.0.0.1`, lowering the URL, or not adding `/posts` to a base that ends in it all fail; `http://posts.example.test:PORT/v3`, a host name only the check's client resolves (to loopback), plain HTTP: rewriting the scheme to `https` for a host that is not this machine fails; `…/api/`, a base ending in a slash: `/api//posts/17` or `/api/posts/17` both fine, a panic (a `debug_assert!` on the slash) not |
//! | 30 | a redirect is followed (the client's default), and the post at its end is `Ok(post)` | `a_redirect_is_followed_to_the_post` | `/api/v1/posts/12` answers 301 to `/moved/posts/12`, which serves post 12: `Ok(post 12)` after exactly those two GETs; calling an answer from another URL NotFound fails; `/api/v1/posts/13` redirecting to itself is `Other`; `/api/v1/posts/14` redirecting to a 404 at a URL with a query is `NotFound` (with the URL asked for or the one it led to, whole: a URL without its query fails; a 404 after a redirect reported as `Status` fails) once the client gives up (a loop reported as a made-up 508 fails); a second call for post 12 asks `/api/v1/posts/12` again (remembering where it moved fails); a 302 to another host name (`localhost`) is followed to the post (refusing off-site redirects fails) |
//! | 31 | no encoding asked for that the client cannot read | `asks_for_no_encoding_it_cannot_read` | a server that gzips post 12 when the request's `Accept-Encoding` asks for gzip (as JSONPlaceholder does), plain otherwise: an `Accept-Encoding: gzip` set by hand gets a body reqwest (built without `gzip`) does not decompress, a Decode; `Accept-Encoding: *` counts as asking for gzip; `identity;q=0` answered 406 (it refuses the one coding the client reads); asked again under `http://posts.example.test:PORT`, a host that is not this machine (resolved to loopback by the check's client alone): asking for gzip only off this machine fails; then every request's head: a `TE` other than `trailers` (a transfer coding hyper cannot undo) and an `Accept` whose first media range is not JSON (`*/*`, `application/*`, `application/json`, `…+json`), as a browser's `text/html,…`, fail |
//! | 32 | `limit` may be a few microseconds: a limit under a millisecond is `Ok` or `Timeout`, never a panic | `a_limit_under_a_millisecond_is_a_limit_too` (near the end) | 1 µs, 500 µs and 999 µs (`as_millis()` 0) against a prompt server, on tokio's paused clock kept still by a task that only yields (for at most 1 s of real time), so the answer comes before the timer and a correct answer is `Ok`: dividing by `limit.as_millis()` (a percentage of the limit used) panics; `Timeout` is accepted too (a limit judged by real time) (`limit - elapsed` on an answer that beat the timer panics too) |
//! | 33 | never blocking the thread the call runs on | `no_call_blocks_its_thread` (last) | 16 calls (8 ids, one repeated, one after another, then at once) against a prompt server (two ids 404, one 503: work done only on failure is watched too), each poll of the function watched for the thread giving up its processor in the middle of it (Linux's count of voluntary context switches, which a busy machine does not raise, in polls of 1 ms or more, so that the allocator's brief lock waits do not count; counted inside `run`, away from the course's own bookkeeping): at most 4 such polls allowed, a 1 ms `std::thread::sleep` per call makes 16; Linux only |
//! | 34 | an error status reported when its head arrives, with no timer of one's own | `an_error_status_waits_for_no_timer` (last) | a 404 whose body follows a day later, on tokio's paused clock held still by the check (polling the call and yielding in turns, at most 2 s of real time): `NotFound` with no time passed; a 50 ms grace to read the start of the body never ends |
//!
//! Known to be rejected though right, and left so: a call that wakes itself every second while
//! it waits (a "still waiting" ticker) fails the `Duration::MAX` check, which runs a thousand
//! days on tokio's paused clock: a million ticks take longer than its real-time bound. Known to
//! pass: with a `limit` under a millisecond, a refused connection reported as `Timeout` (the
//! contract leaves that race to whichever comes first); what needs a signal, the environment,
//! IPv6 loopback or a release build to show.

use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use lesson_support::models::Post;
use lesson_support::testing::{
    Exercise, SlowAnswer, SlowBodyServer, Verdict, blocked_polls, held_still, is_tagged,
    server_answering, tagged_client, tagged_client_builder,
};
use mock_server::{Fault, FaultEffect, FaultSelect, Latency, MockApi, SeededRng};
use reqwest::Client;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpSocket, TcpStream};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::ApiError;

// The reference solution, for the seeded scenarios.
#[path = "solution.rs"]
mod reference;

pub const EXERCISE: Exercise = Exercise {
    number: 9,
    file: "lessons/lesson-04/src/exercises/fetch_post_within.rs",
};

lesson_support::exercise_checks! {
    erased: Erased;
    candidate: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>;
    returns_the_post_it_was_asked_for,
    a_404_is_not_found_with_the_url_asked_for,
    another_error_status_is_a_status_error,
    a_retry_after_is_not_waited_out,
    each_call_sends_a_request_of_its_own,
    a_successful_answer_is_the_post_it_carries,
    an_unusual_status_is_no_panic,
    no_connection_is_a_connect_error,
    a_dropped_connection_is_other,
    a_body_that_is_not_a_post_is_a_decode_error,
    a_base_url_that_is_not_a_url_is_other,
    takes_the_base_url_as_it_is,
    a_redirect_is_followed_to_the_post,
    asks_for_no_encoding_it_cannot_read,
    takes_any_limit_up_to_duration_max,
    agrees_with_the_reference_on_seeded_scenarios,
    gives_up_at_the_limit_with_a_timeout,
    the_limit_covers_the_body_too,
    a_limit_longer_than_the_clients_timeout_is_kept,
    duration_max_replaces_the_clients_timeout_too,
    a_connection_attempt_that_times_out_is_a_timeout,
    a_zero_limit_gives_up_at_once,
    an_error_status_does_not_wait_for_its_body,
    calls_made_together_are_sent_together,
    each_call_waits_its_own_limit,
    no_call_waits_for_another_calls_body,
    a_dropped_call_stops_its_request,
    duration_max_waits_as_long_as_the_server_takes,
    calls_made_together_wait_for_no_timer,
    a_limit_under_a_millisecond_is_a_limit_too,
    no_call_blocks_its_thread,
    an_error_status_waits_for_no_timer,
}

/// One call of an answer, as `Erased` holds it: its future boxed, borrowing what the call does.
type BoxedCall<'a> = Pin<Box<dyn Future<Output = Result<Post, ApiError>> + 'a>>;

/// Any answer, behind one type, so that `all` compiles the checks once for the two hundred
/// answers of `tests/course.rs` (once per answer, the compiler needed 11 GB for that binary).
pub struct Erased(Box<AnyAnswer>);

/// What `Erased` holds: a function of the exercise's signature whose calls are boxed.
type AnyAnswer = dyn for<'a> Fn(&'a Client, &'a str, u64, Duration) -> BoxedCall<'a>;

impl Erased {
    pub fn new<F>(candidate: F) -> Self
    where
        F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError> + Copy + 'static,
    {
        // A function, not a closure in `Box::new`: its bound gives the closure its signature,
        // borrowing for any `'a`.
        fn boxed<C>(call: C) -> Erased
        where
            C: for<'a> Fn(&'a Client, &'a str, u64, Duration) -> BoxedCall<'a> + 'static,
        {
            Erased(Box::new(call))
        }
        boxed(move |client, base_url, id, limit| {
            Box::pin(async move { candidate(client, base_url, id, limit).await })
        })
    }

    /// The answer, callable as the checks call it.
    pub fn call(&self) -> impl AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError> {
        async |client: &Client, base_url: &str, id: u64, limit: Duration| {
            (self.0)(client, base_url, id, limit).await
        }
    }
}

/// A `limit` far longer than any answer of the fast checks.
const GENEROUS: Duration = Duration::from_secs(3);

/// How long after `limit` a function that gives up may take to return: room for a busy machine,
/// and less than the gap between the two limits of the timeout check, so that no fixed timeout
/// fits both windows.
const SLACK_AFTER: Duration = Duration::from_millis(350);

/// How much earlier than `limit` a function may return with `Timeout` (timer granularity).
const SLACK_BEFORE: Duration = Duration::from_millis(10);

/// How long a check waits for a function that should give up at `limit` before dropping it.
const PATIENCE_AFTER: Duration = Duration::from_millis(700);

/// Every message goes through here: a message is one line, without runs of spaces (a missing
/// `\` at the end of a line of a string literal would put the next line's indentation in it).
fn fail(message: &str) -> String {
    debug_assert!(
        !message.contains("  ") && !message.contains('\n'),
        "course bug: a check's message has a run of spaces or a line break: {message:?}"
    );
    EXERCISE.fail(message)
}

/// Names the variant of a result, for messages.
fn variant(result: &Result<Post, ApiError>) -> String {
    match result {
        Ok(post) => format!("Ok(post {})", post.id),
        Err(ApiError::NotFound { url }) => format!("Err(NotFound {{ url: {url:?} }})"),
        Err(ApiError::Status { status, url }) => {
            format!("Err(Status {{ status: {status}, url: {url:?} }})")
        }
        Err(ApiError::Timeout(_)) => "Err(Timeout(..))".to_owned(),
        Err(ApiError::Connect(_)) => "Err(Connect(..))".to_owned(),
        Err(ApiError::Decode(_)) => "Err(Decode(..))".to_owned(),
        Err(ApiError::Deadline(_)) => "Err(Deadline(..))".to_owned(),
        Err(ApiError::Other(_)) => "Err(Other(..))".to_owned(),
    }
}

/// What to add to a message when the result is `Other` where a variant of its own was due.
fn sort_hint(result: &Result<Post, ApiError>) -> &'static str {
    if matches!(result, Err(ApiError::Other(_))) {
        ": the result is Other, which is for failures without a variant of their own. Sort \
         reqwest's errors into their variants (`err.status()`, `err.is_timeout()`, \
         `err.is_connect()`, `err.is_decode()`), or let `?` do it (lib.rs has `impl \
         From<reqwest::Error> for ApiError`)"
    } else {
        ""
    }
}

/// A duration as a person writes it, to the millisecond: `200ms`, `1.5s`.
fn ms(duration: Duration) -> String {
    let millis = u64::try_from(duration.as_millis()).unwrap_or(u64::MAX);
    mock_server::format_duration(Duration::from_millis(millis))
}

/// `GET /path` for each request the server received.
fn requests(api: &MockApi) -> Vec<String> {
    api.arrivals()
        .iter()
        .map(|a| format!("{} {}", a.method, a.path))
        .collect()
}

/// Explains, from the server's side, how the requests of one call differ from one GET of
/// `expected` (a full path, base path included). `None` when they are exactly that.
fn one_get_of(api: &MockApi, expected: &str) -> Option<String> {
    let seen = requests(api);
    let wanted = format!("GET {expected}");
    if seen == [wanted.as_str()] {
        return None;
    }
    let base = api.base_path();
    Some(match seen.as_slice() {
        [] => "no request reached the server at `base_url`: build the URL from `base_url` \
               (format!(\"{base_url}/posts/{id}\")) instead of a fixed address"
            .to_owned(),
        [one] if !base.is_empty() && !one.contains(base) => format!(
            "asked with a base URL ending in {base}, the request went to {one:?}, outside it: \
             keep the base URL's path, format!(\"{{base_url}}/posts/{{id}}\") (`Url::join` \
             with \"/posts/..\" drops it)"
        ),
        [one] if one.starts_with("GET ") => {
            format!("the server received {one:?}; expected {wanted:?}")
        }
        [one] => format!("the server received {one:?}; expected {wanted:?}: fetch with GET"),
        many => format!(
            "one call sent {} requests, {many:?}; expected one, {wanted:?}: one call, one \
             request (no retry: retrying is the caller's choice, and `is_transient()` tells it \
             when)",
            many.len()
        ),
    })
}

/// What post `id` is on the course's API, read through `client` from a server of the check's
/// own.
async fn the_post(client: &Client, id: u64) -> Result<Post, String> {
    let reference = MockApi::start().await;
    client
        .get(format!("{}/posts/{id}", reference.uri()))
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .map_err(|err| fail(&format!("the check's own server failed: {err}")))?
        .json()
        .await
        .map_err(|err| fail(&format!("the check's own server sent a bad post: {err}")))
}

/// Post 58 comes back whole, from one GET through the given client, under a base URL with a
/// path, when it arrives well within `limit`.
pub async fn returns_the_post_it_was_asked_for<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let latency = Duration::from_millis(100);
    let api = MockApi::builder()
        .base_path("/api/v1")
        .latency(Latency::Fixed(latency))
        .start()
        .await;
    let client = tagged_client(&api.uri());
    let expected = the_post(&client, 58).await?;

    let started = Instant::now();
    let result = EXERCISE
        .run(candidate(&client, &api.uri(), 58, GENEROUS))
        .await?;
    let elapsed = started.elapsed();
    // A request sent in the background after the call returned (a prefetch of the next post,
    // say) arrives a moment later: give it the time, then count.
    tokio::time::sleep(Duration::from_millis(150)).await;

    if matches!(result, Err(ApiError::Timeout(_))) && elapsed < GENEROUS - SLACK_BEFORE {
        return Err(fail(&format!(
            "`limit` was {}, the server answers after {}, and your function gave up with \
             Timeout after {}: it must wait as long as `limit` says. `limit` is a `Duration`, \
             pass it as it is: `.timeout(limit)`, no conversion of units",
            ms(GENEROUS),
            ms(latency),
            ms(elapsed)
        )));
    }
    if let Some(problem) = one_get_of(&api, "/api/v1/posts/58") {
        return Err(fail(&format!("fetching post 58: {problem}")));
    }
    if !is_tagged(&api.arrivals()[0].headers) {
        return Err(fail(
            "the request did not come from the `client` you were given. To change the timeout \
             of one request, do not build a new `Client` (it would open new connections every \
             call): set it on the request, `client.get(url).timeout(limit)`",
        ));
    }
    match result {
        Ok(post) if post == expected => Ok(()),
        Ok(post) => Err(fail(&format!(
            "asked for post 58 and got {post:?}; expected {expected:?}"
        ))),
        other => Err(fail(&format!(
            "post 58 exists and the server sent it after {}, within the limit of {}, yet the \
             result is {}",
            ms(latency),
            ms(GENEROUS),
            variant(&other)
        ))),
    }
}

/// The header the second client of [`each_call_sends_a_request_of_its_own`] adds to its requests.
const SECOND_CLIENT_HEADER: &str = "x-course-second-client";

/// Each call sends a request of its own: post 29 asked for twice, one call after the other,
/// from a server that answers the second request with a 404. A cache of posts already fetched
/// (`functools.lru_cache`'s habit) answers the second call without asking, `Ok(post)`.
pub async fn each_call_sends_a_request_of_its_own<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let api = MockApi::builder()
        .base_path("/api/v1")
        .fault(Fault {
            select: FaultSelect::EveryNth(2),
            effect: FaultEffect::Status(404),
        })
        .start()
        .await;
    let client = tagged_client(&api.uri());
    let asked = format!("{}/posts/29", api.uri());

    let first = EXERCISE
        .run(candidate(&client, &api.uri(), 29, GENEROUS))
        .await?;
    if let Some(problem) = one_get_of(&api, "/api/v1/posts/29") {
        return Err(fail(&format!("fetching post 29: {problem}")));
    }
    if !matches!(&first, Ok(post) if post.id == 29) {
        return Err(fail(&format!(
            "post 29 exists and the server sent it at once, within the limit of {}, yet the \
             result is {}",
            ms(GENEROUS),
            variant(&first)
        )));
    }

    let second = EXERCISE
        .run(candidate(&client, &api.uri(), 29, GENEROUS))
        .await?;
    let sent = requests(&api);
    let setting = "post 29 was asked for twice, one call after the other, and the server \
                   answered the second request with a 404";
    match sent.len() {
        1 => {
            return Err(fail(&format!(
                "{setting}; the server received only one request, {sent:?}: the second call \
                 sent no request and returned {}. One call, one request: each call asks the \
                 server, which may have changed its answer. Keep no posts from earlier calls \
                 (no cache)",
                variant(&second)
            )));
        }
        2 => {}
        n => {
            return Err(fail(&format!(
                "{setting}; the server received {n} requests from the two calls, {sent:?}: one \
                 call, one request (no retry: retrying is the caller's choice, and \
                 `is_transient()` tells it when)"
            )));
        }
    }
    match second {
        Err(ApiError::NotFound { url }) if url == asked => {}
        other => {
            return Err(fail(&format!(
                "{setting}; for the second call, expected Err(NotFound {{ url: {asked:?} }}), \
                 got {}{}",
                variant(&other),
                sort_hint(&other)
            )));
        }
    }

    // Another client for the next call: its request goes through that one, with that client's
    // own mark (a header of the check's own, which no answer has reason to set by hand, as it
    // may a user agent), not through a client kept from an earlier call.
    let mut mark = reqwest::header::HeaderMap::new();
    mark.insert(
        SECOND_CLIENT_HEADER,
        reqwest::header::HeaderValue::from_static("yes"),
    );
    let second_client = tagged_client_builder(&api.uri())
        .default_headers(mark)
        .build()
        .expect("the course's client settings are valid");
    let _ = EXERCISE
        .run(candidate(&second_client, &api.uri(), 29, GENEROUS))
        .await?;
    let marks: Vec<String> = api
        .arrivals()
        .iter()
        .skip(2)
        .map(|arrival| {
            arrival
                .headers
                .get(SECOND_CLIENT_HEADER)
                .and_then(|mark| mark.to_str().ok())
                .unwrap_or("none")
                .to_owned()
        })
        .collect();
    if marks != ["yes"] {
        return Err(fail(&format!(
            "post 29 was asked for a third time, through another client, which marks its \
             requests with `{SECOND_CLIENT_HEADER}: yes`: the server received {} request(s), \
             marked {marks:?}. Each call on its own, sent through the `client` it is given, not \
             one kept from an earlier call",
            marks.len()
        )));
    }

    // A server that tags its answer with an `ETag`: the next call's request is the same as the
    // first, with no `If-None-Match` (nothing from the first call is kept, not even a tag).
    let tagged = server_answering(
        ResponseTemplate::new(200)
            .insert_header("etag", "\"v1\"")
            .insert_header("last-modified", "Tue, 01 Dec 2026 10:00:00 GMT")
            .insert_header("cache-control", "max-age=60")
            .set_body_json(the_post(&client, 29).await?),
    )
    .await;
    for _ in 0..2 {
        let _ = EXERCISE
            .run(candidate(&client, &tagged.uri(), 29, GENEROUS))
            .await?;
    }
    let received = tagged.received_requests().await.unwrap_or_default();
    let conditional: Vec<String> = received
        .iter()
        .flat_map(|request| request.headers.iter())
        .map(|(name, _)| name.as_str().to_owned())
        .filter(|name| name.starts_with("if-"))
        .collect();
    if received.len() != 2 || !conditional.is_empty() {
        return Err(fail(&format!(
            "post 29 was asked for twice from a server whose answer carries `ETag: \"v1\"`, \
             a `Last-Modified` and `Cache-Control: max-age=60`: the server received {} \
             requests, with the conditional \
             headers {conditional:?}. Each call on its own, keeping nothing between calls: the \
             same request every time, no `If-None-Match` or `If-Modified-Since` from what an \
             earlier call saw (no cache, not even a revalidated one)",
            received.len()
        )));
    }

    // Three calls for one post at the same time: three requests, not one shared.
    let api = MockApi::builder()
        .base_path("/api/v1")
        .latency(Latency::Fixed(Duration::from_millis(200)))
        .start()
        .await;
    let base_url = api.uri();
    let together = futures::future::join_all(
        (0..3).map(|_| EXERCISE.run(candidate(&client, &base_url, 41, GENEROUS))),
    )
    .await;
    let sent = requests(&api);
    let posts = together
        .into_iter()
        .filter(|result| matches!(result, Ok(Ok(post)) if post.id == 41))
        .count();
    if sent.len() != 3 || posts != 3 {
        return Err(fail(&format!(
            "post 41 was asked for by three calls at the same time, from a server that answers \
             after 200ms: the server received {} requests, {sent:?}, and {posts} of the calls \
             returned post 41. Each call on its own: every call sends its own request, even \
             while another for the same post is on its way (no sharing of requests in flight)",
            sent.len()
        )));
    }
    Ok(())
}

/// A successful answer is any 2xx, and the post it carries is the result as sent: a 201 and a
/// 203 (a proxy's "Non-Authoritative Information") with the post asked for, and a 200 with a
/// well-formed post of another id (which is `Ok`, not `NotFound`: only a 404 is).
pub async fn a_successful_answer_is_the_post_it_carries<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let client = tagged_client("http://127.0.0.1");
    let post_12 = the_post(&client, 12).await?;
    // A body sent in chunks, with no `Content-Length`: a post all the same.
    let chunked = RawServer::start(Body::Chunked).await;
    let result = EXERCISE
        .run(candidate(&client, &chunked.url, 1, GENEROUS))
        .await?;
    if !matches!(&result, Ok(post) if post.id == 1 && post.title == "chunked") {
        return Err(fail(&format!(
            "the server answered 200 with post 1 sent in chunks (`Transfer-Encoding: chunked`, \
             no `Content-Length`, as servers that stream do); expected Ok(post 1), got {}: never \
             a panic, and a body is a body however it is framed",
            variant(&result)
        )));
    }
    for (code, name) in [
        (203u16, "203 Non-Authoritative Information"),
        (201, "201 Created"),
        (202, "202 Accepted"),
        (206, "206 Partial Content"),
    ] {
        // A 201 names where the post lives; that is no reason for a second request.
        // And an `Age` (how long a cache has held it): an answer all the same.
        let server = server_answering(
            ResponseTemplate::new(code)
                .insert_header("location", "/posts/112")
                .insert_header("age", "120")
                .set_body_json(&post_12),
        )
        .await;
        let result = EXERCISE
            .run(candidate(&client, &server.uri(), 12, GENEROUS))
            .await?;
        let sent = server.received_requests().await.unwrap_or_default().len();
        if sent != 1 {
            return Err(fail(&format!(
                "the server answered {name} with post 12 as its body (and `Location` and `Age: 120` \
                 headers), and received {sent} requests from one call: one call, one request. \
                 The post in a successful answer is the result, as sent: no second request, to \
                 refresh it or to follow `Location`"
            )));
        }
        match result {
            Ok(post) if post == post_12 => {}
            other => {
                return Err(fail(&format!(
                    "the server answered {name} with post 12 as its body; expected Ok(post 12), \
                     got {}: a successful answer is any 2xx, not only 200, and one that carries \
                     a post is Ok(post). Look for an error status (`.error_for_status()`, or \
                     `status.is_client_error() || status.is_server_error()`), not for 200",
                    variant(&other)
                )));
            }
        }
    }

    // A post labelled as HTML (a misconfigured server): the body is what counts.
    let server = server_answering(ResponseTemplate::new(200).set_body_raw(
        serde_json::to_vec(&post_12).expect("a post serializes"),
        "text/html",
    ))
    .await;
    let result = EXERCISE
        .run(candidate(&client, &server.uri(), 12, GENEROUS))
        .await?;
    match result {
        Ok(post) if post == post_12 => {}
        other => {
            return Err(fail(&format!(
                "the server answered 200 with post 12 as its body, labelled `Content-Type: \
                 text/html`; expected Ok(post 12), got {}: a successful answer whose body is a \
                 post is Ok(post), whatever its `Content-Type` says",
                variant(&other)
            )));
        }
    }

    // Asked for post 71, the server sends post 7: a catch-all route, a proxy's mistake.
    let post_7 = the_post(&client, 7).await?;
    let server = server_answering(ResponseTemplate::new(200).set_body_json(&post_7)).await;
    let result = EXERCISE
        .run(candidate(&client, &server.uri(), 71, GENEROUS))
        .await?;
    let sent = server.received_requests().await.unwrap_or_default().len();
    if sent > 1 {
        return Err(fail(&format!(
            "asked for post 71, the server answered 200 with a well-formed post, post 7, and \
             received {sent} requests from one call: one call, one request; the post in a \
             successful answer is the result, as sent, whatever its `id` (no asking again)"
        )));
    }
    match result {
        Ok(post) if post == post_7 => {}
        other => {
            return Err(fail(&format!(
                "asked for post 71, the server answered 200 with a well-formed post, post 7; \
                 expected Ok(post 7), the post as the server sent it, got {}: NotFound is for \
                 a 404 only, and a successful answer that carries a post is Ok(post), whatever \
                 its `id`. Whether it is the post wanted is the caller's business",
                variant(&other)
            )));
        }
    }

    // A post with a field more than the four (json-server's extras): the post is still a post.
    let mut extended = serde_json::to_value(&post_12).expect("a post serializes");
    extended["views"] = serde_json::json!(3);
    let server = server_answering(ResponseTemplate::new(200).set_body_json(&extended)).await;
    let result = EXERCISE
        .run(candidate(&client, &server.uri(), 12, GENEROUS))
        .await?;
    match result {
        Ok(post) if post == post_12 => {}
        other => {
            return Err(fail(&format!(
                "the server answered 200 with post 12 and one field more, `\"views\": 3`; \
                 expected Ok(post 12), got {}: a post with fields the model does not name is \
                 still a post (serde ignores unknown fields unless told to deny them)",
                variant(&other)
            )));
        }
    }

    // A post whose text starts and ends with spaces and line breaks, Windows' `\r\n` among
    // them, and whose title holds text that looks like HTML's escapes: it comes back as sent.
    let padded = Post {
        title: format!(" \n{} &amp; &lt;b&gt; \n", post_12.title),
        body: format!("\t{}\r\n{}\n ", post_12.body, post_12.body),
        ..post_12.clone()
    };
    let server = server_answering(ResponseTemplate::new(200).set_body_json(&padded)).await;
    let result = EXERCISE
        .run(candidate(&client, &server.uri(), 12, GENEROUS))
        .await?;
    match result {
        Ok(post) if post == padded => {}
        Ok(post) => {
            return Err(fail(&format!(
                "the server answered 200 with post 12 whose title is {:?} and body {:?}; expected \
             Ok(post 12), the post as the server sent it, got a post whose title is {:?} and \
             body {:?}: return the post as the server sent it, every field unchanged (no \
             `trim()`, no unescaping of `&amp;`: whether to tidy the text is the caller's \
             business)",
                padded.title, padded.body, post.title, post.body
            )));
        }
        other => {
            return Err(fail(&format!(
                "the server answered 200 with post 12, whose title and body start and end with \
             spaces and line breaks; expected Ok(post 12), the post as the server sent it, got {}",
                variant(&other)
            )));
        }
    }

    // A post whose title and body are empty, and one whose id is past 2^53 (where a double
    // loses whole numbers): both are posts, as sent.
    let big_id = (1_u64 << 53) + 1;
    for (post, asked, what) in [
        (
            Post {
                title: String::new(),
                body: String::new(),
                ..post_12.clone()
            },
            12,
            "post 12 whose title and body are empty".to_owned(),
        ),
        (
            Post {
                id: big_id,
                ..post_12.clone()
            },
            big_id,
            format!("post {big_id} (2^53 + 1)"),
        ),
        // Text beyond ASCII, its characters 3 and 4 bytes long, in two alignments: a cut of
        // the title at a byte count of one's own (a preview, `&title[..40]`) falls inside a
        // character of one of them, wherever it falls.
        (
            Post {
                title: "€".repeat(20) + &"🦀".repeat(10),
                ..post_12.clone()
            },
            12,
            "post 12 whose title is 20 euro signs and 10 crabs (3 and 4 bytes each in UTF-8)"
                .to_owned(),
        ),
        (
            Post {
                title: "x".to_owned() + &"€".repeat(40),
                ..post_12.clone()
            },
            12,
            "post 12 whose title is an x and 40 euro signs".to_owned(),
        ),
    ] {
        let server = server_answering(ResponseTemplate::new(200).set_body_json(&post)).await;
        let result = EXERCISE
            .run(candidate(&client, &server.uri(), asked, GENEROUS))
            .await?;
        if !matches!(&result, Ok(got) if *got == post) {
            let got = match &result {
                Ok(got) => format!("Ok(post {}) with title {:?}", got.id, got.title),
                Err(_) => variant(&result),
            };
            return Err(fail(&format!(
                "the server answered 200 with {what}; expected Ok with that post, as the server \
                 sent it, got {got}: a well-formed post is Ok(post), whatever its fields hold \
                 (empty text is text, and an id is a `u64`, every digit of it)"
            )));
        }
    }

    // A long post (its body 70,001 bytes): the contract sets no size, so no cap of one's own.
    let long = Post {
        body: "word ".repeat(14_000) + "!",
        ..post_12.clone()
    };
    let server = server_answering(ResponseTemplate::new(200).set_body_json(&long)).await;
    let result = EXERCISE
        .run(candidate(&client, &server.uri(), 12, GENEROUS))
        .await?;
    match result {
        Ok(post) if post == long => Ok(()),
        other => Err(fail(&format!(
            "the server answered 200 with post 12 whose body is 70001 bytes long; expected \
             Ok(post 12), the post as the server sent it, got {}: a post is a post whatever its \
             size (the contract sets no limit: no cap of your own on the body or its \
             `Content-Length`)",
            match &other {
                Ok(post) => format!("a post whose body is {} bytes long", post.body.len()),
                Err(_) => variant(&other),
            }
        ))),
    }
}

/// A status outside 2xx, 4xx and 5xx that reqwest hands back (a 300 without `Location`, which it
/// cannot follow; a 600, which HTTP allows as three digits) is no panic: the contract sorts
/// those into no variant of their own, and any result will do, but `unreachable!()` will not.
pub async fn an_unusual_status_is_no_panic<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let client = tagged_client("http://127.0.0.1");
    let post_12 = the_post(&client, 12).await?;
    // A 300 that names a choice in `Location`: reqwest does not follow a 300, and no request of
    // one's own does either (one call, one request).
    let server = server_answering(
        ResponseTemplate::new(300)
            .insert_header("location", "/posts/12?format=json")
            .set_body_json(&post_12),
    )
    .await;
    let _ = EXERCISE
        .run(candidate(&client, &server.uri(), 12, GENEROUS))
        .await;
    let sent = server.received_requests().await.unwrap_or_default().len();
    if sent != 1 {
        return Err(fail(&format!(
            "the server answered 300 Multiple Choices with a `Location` (which reqwest does not \
             follow) and received {sent} requests: one call, one request; the client follows \
             the redirects it follows, and the answer it hands back is the answer"
        )));
    }
    for code in [300u16, 600] {
        let server = server_answering(ResponseTemplate::new(code).set_body_json(&post_12)).await;
        if let Err(message) = EXERCISE
            .run(candidate(&client, &server.uri(), 12, GENEROUS))
            .await
        {
            return Err(fail(&format!(
                "the server answered {code} (a status reqwest hands back as it is) with post 12 \
                 as its body: never a panic, whatever the status. {}",
                // The panic as `Exercise::run` told it, without its own heading and footer.
                message
                    .lines()
                    .next()
                    .and_then(|line| line.split_once("): "))
                    .map_or(message.as_str(), |(_, rest)| rest)
            )));
        }
    }
    Ok(())
}

/// Each call waits its own `limit`: post 29 with a generous `limit`, then again with a short one
/// from the same server, which has become slow. Nothing of the first call's request (its
/// timeout) is kept for the second. Near the end, after the checks of the timeout itself, which tell an
/// answer wrong about the timeout what it got wrong.
pub async fn each_call_waits_its_own_limit<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let client = tagged_client("http://127.0.0.1");
    let slowing = lesson_support::testing::fresh_server().await;
    let answered = Arc::new(Mutex::new(0_u32));
    let post_29 = the_post(&client, 29).await?;
    let counter = Arc::clone(&answered);
    let served = post_29.clone();
    Mock::given(wiremock::matchers::any())
        .respond_with(move |_: &wiremock::Request| {
            let mut count = counter.lock().unwrap_or_else(PoisonError::into_inner);
            *count += 1;
            let template = ResponseTemplate::new(200).set_body_json(&served);
            if *count == 1 {
                template
            } else {
                template.set_delay(Duration::from_millis(1000))
            }
        })
        .mount(&slowing)
        .await;
    let _ = EXERCISE
        .run(candidate(&client, &slowing.uri(), 29, GENEROUS))
        .await?;
    let short = Duration::from_millis(200);
    let second = EXERCISE
        .run(candidate(&client, &slowing.uri(), 29, short))
        .await?;
    if !matches!(second, Err(ApiError::Timeout(_))) {
        return Err(fail(&format!(
            "post 29 was asked for with a `limit` of {}, then again with a `limit` of {} from \
             the same server, which took 1s to answer the second time; expected \
             Err(Timeout(..)) for the second call, got {}: each call waits its own `limit`, \
             nothing of an earlier call's request is kept",
            ms(GENEROUS),
            ms(short),
            variant(&second)
        )));
    }
    // And a third, with a generous `limit` again: the server's 1s is well within it, however
    // fast its earlier answers were (a timeout of one's own learnt from them gives up early).
    let third = EXERCISE
        .run(candidate(&client, &slowing.uri(), 29, GENEROUS))
        .await?;
    match third {
        Ok(post) if post == post_29 => {
            sends_no_cookie_of_an_earlier_answer(candidate, &client).await
        }
        other => Err(fail(&format!(
            "post 29 was asked for a third time, with a `limit` of {} again, from the same \
             server, which took 1s to answer; expected Ok(post 29), got {}: each call waits \
             its own `limit`, whatever earlier answers took (no timeout of your own learnt from \
             them)",
            ms(GENEROUS),
            variant(&other)
        ))),
    }
}

/// Nothing of an earlier answer goes into a later request: a server that sets a cookie on its
/// answer gets no `Cookie` header back on the next call (the course's client keeps no cookies,
/// and a store of one's own is state kept between calls).
async fn sends_no_cookie_of_an_earlier_answer<F>(candidate: &F, client: &Client) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let post_29 = the_post(client, 29).await?;
    let server = server_answering(
        ResponseTemplate::new(200)
            .insert_header("set-cookie", "session=s3cr3t; Path=/")
            .set_body_json(&post_29),
    )
    .await;
    for _ in 0..2 {
        let _ = EXERCISE
            .run(candidate(client, &server.uri(), 29, GENEROUS))
            .await?;
    }
    let received = server.received_requests().await.unwrap_or_default();
    if let Some(cookie) = received.iter().find_map(|r| r.headers.get("cookie")) {
        return Err(fail(&format!(
            "post 29 was asked for twice from a server whose first answer set a cookie \
             (`Set-Cookie: session=s3cr3t`), and a request came back with `Cookie: {}`: keep \
             nothing between calls, cookies included",
            cookie.to_str().unwrap_or("?")
        )));
    }
    Ok(())
}

/// Calls made together are on their own while reading bodies too: post 1's body takes 600 ms
/// to follow its head, and a call for post 2 made 100 ms later, whose whole answer comes at
/// once, is `Ok` within its own 350 ms `limit` (waiting for post 1's body would take 500 ms). (A lock or a one-permit semaphore around reading bodies,
/// shared by calls, makes it wait for post 1's body and time out.)
pub async fn no_call_waits_for_another_calls_body<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let client = tagged_client("http://127.0.0.1");
    let (post_1, post_2) = (the_post(&client, 1).await?, the_post(&client, 2).await?);
    let (slow, quick) = (post_1.clone(), post_2.clone());
    let server = SlowBodyServer::start(move |_, path| {
        if path.ends_with("/posts/1") {
            SlowAnswer::json(200, &slow).body_after(Duration::from_millis(600))
        } else {
            SlowAnswer::json(200, &quick)
        }
    })
    .await;
    let short = Duration::from_millis(350);
    let url = server.uri();
    let (first, second) = EXERCISE
        .run(async {
            futures::join!(candidate(&client, &url, 1, GENEROUS), async {
                // Once post 1's head is in and its body is being waited for.
                tokio::time::sleep(Duration::from_millis(100)).await;
                candidate(&client, &url, 2, short).await
            })
        })
        .await?;
    if !matches!(&second, Ok(post) if *post == post_2) {
        return Err(fail(&format!(
            "two calls made together: post 1, whose body follows its head 600 ms later, with a \
             `limit` of {}, and 100 ms later post 2, whose whole answer comes at once, with a \
             `limit` of {}; the call for post 2 gave {}, expected Ok(post 2): each call is on \
             its own, reading its body too, and waits for no other call's",
            ms(GENEROUS),
            ms(short),
            variant(&second)
        )));
    }
    match first {
        Ok(post) if post == post_1 => Ok(()),
        other => Err(fail(&format!(
            "post 1's body followed its head 600 ms later, within its `limit` of {}; expected \
             Ok(post 1), got {}",
            ms(GENEROUS),
            variant(&other)
        ))),
    }
}

/// Nothing of a call outlives it: a call whose future is dropped (a caller's own timeout, a
/// `select!` that took another branch) stops its request. Post 7's body follows its head a day
/// later; the call, `limit` `Duration::MAX`, is dropped after 300 ms, and the server must see
/// the connection closed within 2 s. (A request run in a spawned task that nobody aborts keeps
/// the connection open.)
pub async fn a_dropped_call_stops_its_request<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    // Post 7 through a client of the check's own, dropped with its connection and the task
    // that runs it, so that the tasks counted below are the call's.
    let post_7 = the_post(&tagged_client("http://127.0.0.1"), 7).await?;
    let client = tagged_client("http://127.0.0.1");
    let server = SlowBodyServer::start(move |_, _| {
        SlowAnswer::json(200, &post_7).body_after(Duration::from_secs(24 * 60 * 60))
    })
    .await;
    let url = server.uri();
    let tasks = tokio::runtime::Handle::current().metrics();
    let mut tasks_before = tasks.num_alive_tasks();
    for _ in 0..20 {
        tokio::time::sleep(Duration::from_millis(10)).await;
        let now = tasks.num_alive_tasks();
        if now == tasks_before {
            break;
        }
        tasks_before = now;
    }
    let outcome = EXERCISE
        .run(tokio::time::timeout(
            Duration::from_millis(300),
            candidate(&client, &url, 7, Duration::MAX),
        ))
        .await?;
    if let Ok(result) = outcome {
        return Err(fail(&format!(
            "post 7's body follows its head a day later and `limit` was `Duration::MAX`, yet \
             your function returned {} within 300 ms: wait for the whole body",
            variant(&result)
        )));
    }
    let dropped = Instant::now();
    loop {
        let arrivals = server.arrivals();
        if arrivals.len() == 1 && arrivals[0].ended.is_some() {
            break;
        }
        if dropped.elapsed() > Duration::from_secs(2) {
            return Err(fail(&format!(
                "a call for post 7 (whose body follows its head a day later), `limit` \
                 `Duration::MAX`, was dropped by its caller after 300 ms; 2 s later the server \
                 still had {} request(s) open: nothing of a call outlives it, so a dropped call \
                 stops its request (work spawned for it must end with it)",
                arrivals.iter().filter(|a| a.ended.is_none()).count()
            )));
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // The request has stopped; a task spawned for the call (a "still waiting" warning, a
    // logger) must have ended with it too. The client's connection task ends as it closes.
    let closed = Instant::now();
    loop {
        let left = tasks.num_alive_tasks().saturating_sub(tasks_before);
        if left == 0 {
            an_error_status_leaves_nothing_running(candidate, &client).await?;
            return a_call_dropped_after_one_poll_leaves_nothing(candidate, &client).await;
        }
        if closed.elapsed() > Duration::from_secs(1) {
            return Err(fail(&format!(
                "a call for post 7, `limit` `Duration::MAX`, was dropped by its caller after \
                 300 ms, and its request stopped, but 1 s later the runtime still had {left} \
                 task(s) more than before the call: nothing of a call outlives it, so a task \
                 spawned for the call ends with it (abort it when the call's future is \
                 dropped, or do the work in the call itself, without `tokio::spawn`)"
            )));
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A call dropped after its first poll, before it can have had an answer: nothing it started
/// goes on. A task spawned on that first poll, with a guard to abort it made only after an
/// `.await`, would keep its request open.
async fn a_call_dropped_after_one_poll_leaves_nothing<F>(candidate: &F, client: &Client) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let post_7 = the_post(client, 7).await?;
    let server = SlowBodyServer::start(move |_, _| {
        SlowAnswer::json(200, &post_7).body_after(Duration::from_secs(24 * 60 * 60))
    })
    .await;
    let url = server.uri();
    {
        let mut call = std::pin::pin!(candidate(client, &url, 7, Duration::MAX));
        EXERCISE
            .run(async { futures::poll!(call.as_mut()).is_ready() })
            .await?;
    }
    // Time for anything left behind to send its request.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let dropped = Instant::now();
    loop {
        let open = server
            .arrivals()
            .iter()
            .filter(|arrival| arrival.ended.is_none())
            .count();
        if open == 0 {
            return Ok(());
        }
        if dropped.elapsed() > Duration::from_secs(2) {
            return Err(fail(&format!(
                "a call for post 7 (whose body follows its head a day later), `limit` \
                 `Duration::MAX`, was dropped by its caller right after its first poll; 2 s \
                 later the server still had {open} request(s) open: nothing of a call outlives \
                 it, from its first poll on (work spawned for it must be tied to the call's \
                 future before the first `.await`)"
            )));
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// After an error status, reported at once, nothing of the call goes on: the answer's body, which
/// follows a day later, is not read in the background (by a task that drains it to reuse the
/// connection, say), so the server sees the connection closed within 2 s.
async fn an_error_status_leaves_nothing_running<F>(candidate: &F, client: &Client) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let server = SlowBodyServer::start(|_, _| {
        SlowAnswer::json(404, &serde_json::json!({})).body_after(Duration::from_secs(24 * 60 * 60))
    })
    .await;
    let url = server.uri();
    let result = EXERCISE
        .run(tokio::time::timeout(
            Duration::from_secs(5),
            candidate(client, &url, 8, GENEROUS),
        ))
        .await?;
    if !matches!(result, Ok(Err(ApiError::NotFound { .. }))) {
        return Err(fail(
            "the server answered 404 for post 8, its body to follow a day later; expected \
             Err(NotFound { .. }) at once: an error status is known as soon as the head arrives",
        ));
    }
    let returned = Instant::now();
    loop {
        let arrivals = server.arrivals();
        if arrivals.len() == 1 && arrivals[0].ended.is_some() {
            return Ok(());
        }
        if returned.elapsed() > Duration::from_secs(2) {
            return Err(fail(
                "the server answered 404 for post 8, its body to follow a day later; your \
                 function returned NotFound, and 2 s later the connection was still open, its \
                 body waited for: nothing of a call outlives it, so an answer whose status is \
                 an error is dropped, body unread",
            ));
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The base URL is used as it is given: a host name (`localhost`, not rewritten to an address),
/// a path with capitals (not lowered), a path that already ends in `/posts` (the post is still
/// at `{base_url}/posts/{id}`). The server sees that path and that `Host`, and a 404 reports
/// that URL.
pub async fn takes_the_base_url_as_it_is<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let client = tagged_client("http://localhost");
    let post_17 = the_post(&client, 17).await?;
    let found = server_answering(ResponseTemplate::new(200).set_body_json(&post_17)).await;
    let port = found.address().port();
    let base = format!("http://localhost:{port}/Blog/posts");
    let result = EXERCISE
        .run(candidate(&client, &base, 17, GENEROUS))
        .await?;
    let received = found.received_requests().await.unwrap_or_default();
    let seen: Vec<String> = received
        .iter()
        .map(|request| {
            let host = request
                .headers
                .get("host")
                .and_then(|host| host.to_str().ok())
                .unwrap_or("no Host");
            format!("{} {} (Host: {host})", request.method, request.url.path())
        })
        .collect();
    let wanted = format!("GET /Blog/posts/posts/17 (Host: localhost:{port})");
    if seen != [wanted.as_str()] {
        return Err(fail(&format!(
            "`base_url` was {base:?}, so post 17 is at {base}/posts/17; the server received \
             {seen:?}, expected [{wanted:?}]: use the base URL as it is given, host name, \
             capitals and all, and add `/posts/{{id}}` to it even when it ends in `/posts` \
             (format!(\"{{base_url}}/posts/{{id}}\"))"
        )));
    }
    if !matches!(&result, Ok(post) if *post == post_17) {
        return Err(fail(&format!(
            "`base_url` was {base:?} and the server answered 200 with post 17; expected Ok(post \
             17), got {}",
            variant(&result)
        )));
    }

    // A host name that is not this machine's, resolved to it by this client alone: the scheme
    // and host are the caller's, `http` included.
    let named = server_answering(ResponseTemplate::new(200).set_body_json(&post_17)).await;
    let port = named.address().port();
    let named_client = tagged_client_builder("http://localhost")
        .resolve(
            "posts.example.test",
            std::net::SocketAddr::from(([127, 0, 0, 1], port)),
        )
        .build()
        .map_err(|err| fail(&format!("the check's own client could not be built: {err}")))?;
    let base = format!("http://posts.example.test:{port}/v3");
    let result = EXERCISE
        .run(candidate(&named_client, &base, 17, GENEROUS))
        .await?;
    let received = named.received_requests().await.unwrap_or_default();
    let seen: Vec<String> = received
        .iter()
        .map(|request| format!("{} {}", request.method, request.url.path()))
        .collect();
    if seen != ["GET /v3/posts/17"] || !matches!(&result, Ok(post) if *post == post_17) {
        return Err(fail(&format!(
            "`base_url` was {base:?} (a plain-HTTP server on another host name), the server \
             received {seen:?} and the result was {}; expected [\"GET /v3/posts/17\"] and Ok(post \
             17): use the base URL as it is given, scheme and host included",
            variant(&result)
        )));
    }

    // A base URL that ends in `/`: the contract's `{base_url}/posts/{id}` doubles the slash,
    // and trimming it first is as good; a panic is not.
    let slashed = server_answering(ResponseTemplate::new(200).set_body_json(&post_17)).await;
    let base = format!("{}/api/", slashed.uri());
    let result = EXERCISE
        .run(candidate(&client, &base, 17, GENEROUS))
        .await?;
    let seen: Vec<String> = slashed
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .map(|request| format!("{} {}", request.method, request.url.path()))
        .collect();
    let fine = seen == ["GET /api//posts/17"] || seen == ["GET /api/posts/17"];
    if !fine || !matches!(&result, Ok(post) if *post == post_17) {
        return Err(fail(&format!(
            "`base_url` was {base:?}, ending in a slash, the server received {seen:?} and the \
             result was {}; expected one GET of /api//posts/17 (or /api/posts/17, the slash \
             trimmed) and Ok(post 17)",
            variant(&result)
        )));
    }

    let missing = server_answering(ResponseTemplate::new(404).set_body_string("{}")).await;
    let base = format!("http://localhost:{}/Blog/posts", missing.address().port());
    let asked = format!("{base}/posts/17");
    let result = EXERCISE
        .run(candidate(&client, &base, 17, GENEROUS))
        .await?;
    match &result {
        Err(ApiError::NotFound { url }) if *url == asked => Ok(()),
        other => Err(fail(&format!(
            "`base_url` was {base:?} and the server answered 404; expected Err(NotFound {{ url: \
             {asked:?} }}), the URL asked for, as it was given, got {}",
            variant(other)
        ))),
    }
}

/// A redirect is followed, as the client does by default, and the post at its end is
/// `Ok(post)`: the request was answered, elsewhere. (The two requests are one request and the
/// redirect the client followed for it.)
pub async fn a_redirect_is_followed_to_the_post<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    use wiremock::matchers::path;
    let client = tagged_client("http://127.0.0.1");
    let post_12 = the_post(&client, 12).await?;
    let server = lesson_support::testing::fresh_server().await;
    Mock::given(path("/api/v1/posts/12"))
        .respond_with(ResponseTemplate::new(301).insert_header("location", "/moved/posts/12"))
        .mount(&server)
        .await;
    Mock::given(path("/moved/posts/12"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&post_12))
        .mount(&server)
        .await;
    let base = format!("{}/api/v1", server.uri());
    let result = EXERCISE
        .run(candidate(&client, &base, 12, GENEROUS))
        .await?;
    let paths: Vec<String> = server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .map(|request| format!("{} {}", request.method, request.url.path()))
        .collect();
    match &result {
        Ok(post)
            if *post == post_12 && paths == ["GET /api/v1/posts/12", "GET /moved/posts/12"] =>
        {
            a_second_call_asks_the_url_again(candidate, &client, &server, &base).await?;
            a_redirect_loop_is_other(candidate, &client).await
        }
        Ok(post) if *post == post_12 => Err(fail(&format!(
            "post 12 has moved (a 301 to /moved/posts/12), and the server received {paths:?}; \
             expected the GET and the one the client sends to follow the redirect: one call, one \
             request"
        ))),
        other => Err(fail(&format!(
            "post 12 has moved: the server answered 301 with `Location: /moved/posts/12`, where \
             post 12 is; expected Ok(post 12), got {}: the client follows redirects (as it does \
             by default), and the answer at the end of them is the answer. Judge that answer, not \
             the URL it came from",
            variant(other)
        ))),
    }
}

/// A second call for a post that moved asks `{base_url}/posts/{id}` again (the server may have
/// changed its mind), not the URL the first redirect led to; and a redirect to another host name
/// (`localhost` here, for the `127.0.0.1` asked) is followed like any other.
async fn a_second_call_asks_the_url_again<F>(
    candidate: &F,
    client: &Client,
    server: &MockServer,
    base: &str,
) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    use wiremock::matchers::path;
    let before = server.received_requests().await.unwrap_or_default().len();
    let again = EXERCISE.run(candidate(client, base, 12, GENEROUS)).await?;
    let paths: Vec<String> = server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .skip(before)
        .map(|request| format!("{} {}", request.method, request.url.path()))
        .collect();
    if paths.first().map(String::as_str) != Some("GET /api/v1/posts/12") || again.is_err() {
        return Err(fail(&format!(
            "post 12 was asked for a second time, after a first call that followed its 301 to \
             /moved/posts/12; the server received {paths:?} and the result was {}: each call \
             asks {{base_url}}/posts/{{id}} itself (nothing kept between calls), and the client \
             follows the redirect again",
            variant(&again)
        )));
    }
    // Another host name for the same server.
    let post_15 = the_post(client, 15).await?;
    let elsewhere = lesson_support::testing::fresh_server().await;
    let port = elsewhere.address().port();
    Mock::given(path("/api/v1/posts/15"))
        .respond_with(ResponseTemplate::new(302).insert_header(
            "location",
            format!("http://localhost:{port}/mirror/posts/15"),
        ))
        .mount(&elsewhere)
        .await;
    Mock::given(path("/mirror/posts/15"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&post_15))
        .mount(&elsewhere)
        .await;
    let base = format!("{}/api/v1", elsewhere.uri());
    let result = EXERCISE.run(candidate(client, &base, 15, GENEROUS)).await?;
    match &result {
        Ok(post) if *post == post_15 => Ok(()),
        other => Err(fail(&format!(
            "post 15 answered with a 302 to http://localhost:{port}/mirror/posts/15, another \
             host name, where post 15 is; expected Ok(post 15), got {}: the client follows \
             redirects to any host (as it does by default), and the answer at the end is the \
             answer",
            variant(other)
        ))),
    }
}

/// A redirect that leads back to itself: the client gives up after its tenth redirect, an
/// error with no status and no timeout, so `Other`.
async fn a_redirect_loop_is_other<F>(candidate: &F, client: &Client) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    use wiremock::matchers::path;
    let server = lesson_support::testing::fresh_server().await;
    Mock::given(path("/api/v1/posts/13"))
        .respond_with(ResponseTemplate::new(302).insert_header("location", "/api/v1/posts/13"))
        .mount(&server)
        .await;
    let base = format!("{}/api/v1", server.uri());
    let result = EXERCISE.run(candidate(client, &base, 13, GENEROUS)).await?;
    match &result {
        Err(ApiError::Other(_)) => a_redirect_to_a_404_is_not_found(candidate, client).await,
        other => Err(fail(&format!(
            "post 13 redirects to itself (a 302 whose `Location` is its own URL), so the client \
             gives up after its tenth redirect; expected Err(Other(..)), got {}: that is a \
             failure with no status the server sent, no timeout and no connection refused, so \
             `Other`",
            variant(other)
        ))),
    }
}

/// A redirect whose end is a 404: the answer at the end of the redirects is the answer, so
/// `NotFound`, with the URL asked for or the one the redirect led to (reqwest reports the
/// latter).
async fn a_redirect_to_a_404_is_not_found<F>(candidate: &F, client: &Client) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    use wiremock::matchers::path;
    let server = lesson_support::testing::fresh_server().await;
    // The redirect's target carries a query: the URL it led to is all of it.
    Mock::given(path("/api/v1/posts/14"))
        .respond_with(
            ResponseTemplate::new(301).insert_header("location", "/gone/posts/14?since=2024"),
        )
        .mount(&server)
        .await;
    Mock::given(path("/gone/posts/14"))
        .respond_with(ResponseTemplate::new(404).set_body_json(serde_json::json!({})))
        .mount(&server)
        .await;
    let base = format!("{}/api/v1", server.uri());
    let (asked, landed) = (
        format!("{base}/posts/14"),
        format!("{}/gone/posts/14?since=2024", server.uri()),
    );
    let result = EXERCISE.run(candidate(client, &base, 14, GENEROUS)).await?;
    match &result {
        Err(ApiError::NotFound { url }) if *url == asked || *url == landed => Ok(()),
        other => Err(fail(&format!(
            "post 14 has moved to /gone/posts/14?since=2024 (a 301), where the server answers \
             404; expected Err(NotFound {{ url }}), the URL asked for or the one the redirect led \
             to, whole (its query too), got {}: the answer at the end of the redirects is the \
             answer, and a 404 is NotFound",
            variant(other)
        ))),
    }
}

/// The request asks for no encoding the client cannot read: a server that compresses when asked
/// (`Accept-Encoding: gzip`, as JSONPlaceholder does) must still send post 12 readable. The
/// course builds reqwest without its `gzip` feature, so a header set by hand gets a body nothing
/// decompresses.
pub async fn asks_for_no_encoding_it_cannot_read<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let client = tagged_client("http://127.0.0.1");
    let post_12 = the_post(&client, 12).await?;
    let json = serde_json::to_vec(&post_12).expect("a post serializes");
    let server = lesson_support::testing::compressing_when_asked(json).await;
    let result = EXERCISE
        .run(candidate(&client, &server.uri(), 12, GENEROUS))
        .await?;
    if !matches!(&result, Ok(post) if *post == post_12) {
        return no_encoding_failure(&server, &result, "").await;
    }
    {
        // The same server under a host name that is not this machine's (this client alone
        // resolves it to loopback): no encoding asked for there either.
        let port = server.address().port();
        let named_client = tagged_client_builder("http://localhost")
            .resolve(
                "posts.example.test",
                std::net::SocketAddr::from(([127, 0, 0, 1], port)),
            )
            .build()
            .map_err(|err| fail(&format!("the check's own client could not be built: {err}")))?;
        let named = format!("http://posts.example.test:{port}");
        let result = EXERCISE
            .run(candidate(&named_client, &named, 12, GENEROUS))
            .await?;
        if matches!(&result, Ok(post) if *post == post_12) {
            return asks_for_what_it_reads(&server).await;
        }
        let through = format!(" (base URL {named}, a host that is not this machine)");
        no_encoding_failure(&server, &result, &through).await
    }
}

/// The rest of [`asks_for_no_encoding_it_cannot_read`], read from the requests' heads: no
/// transfer coding asked for (`TE: gzip`: hyper undoes only `chunked`), and no `Accept` that
/// puts another type first (a server that negotiates, as Rails or Django REST framework do,
/// answers a browser's `Accept: text/html,…` with HTML).
async fn asks_for_what_it_reads(server: &MockServer) -> Verdict {
    let received = server.received_requests().await.unwrap_or_default();
    let header = |request: &wiremock::Request, name: &str| -> Option<String> {
        request
            .headers
            .get(name)
            .map(|value| value.to_str().unwrap_or("?").to_owned())
    };
    for request in &received {
        if let Some(te) =
            header(request, "te").filter(|te| !te.trim().eq_ignore_ascii_case("trailers"))
        {
            return Err(fail(&format!(
                "the request for post 12 said `TE: {te}`, asking for a transfer coding the \
                 client cannot undo (hyper reads only `chunked`): ask for nothing the client \
                 cannot read; leave `TE` to the client, which sends none"
            )));
        }
        if let Some(accept) = header(request, "accept") {
            let first = accept
                .split(',')
                .next()
                .and_then(|range| range.split(';').next())
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase();
            let json = first == "*/*"
                || first == "application/*"
                || first == "application/json"
                || first.ends_with("+json");
            if !json {
                return Err(fail(&format!(
                    "the request for post 12 said `Accept: {accept}`, which asks for `{first}` \
                     first: a server that negotiates (as Rails or Django REST framework do) \
                     answers that with another type than JSON. Ask for nothing the client \
                     cannot read: no `Accept` at all, or one that puts JSON first"
                )));
            }
        }
    }
    Ok(())
}

/// The message of [`asks_for_no_encoding_it_cannot_read`].
async fn no_encoding_failure(
    server: &MockServer,
    result: &Result<Post, ApiError>,
    through: &str,
) -> Verdict {
    let asked: Vec<String> = server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .filter_map(|request| request.headers.get("accept-encoding"))
        .map(|value| value.to_str().unwrap_or("?").to_owned())
        .collect();
    Err(fail(&format!(
        "the server compresses post 12 when a request asks for it, as JSONPlaceholder does; your \
         request's Accept-Encoding was {asked:?}{through}, and the result was {}, where Ok(post 12) was \
         expected: ask for no encoding the client cannot read. The course's reqwest is built without its \
         `gzip` feature, so nothing decompresses the body; the client sends the Accept-Encoding \
         it can read",
        variant(result)
    )))
}

/// How long after a call returns a request it left running (a probe sent from a task of its
/// own) is waited for, before the requests are counted.
const STRAYS_ARRIVE_WITHIN: Duration = Duration::from_millis(40);

/// A 404 is `NotFound`, with the URL that was asked for (base path included), whether the post
/// is missing (101) or the server says so about an existing id (23).
pub async fn a_404_is_not_found_with_the_url_asked_for<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let api = MockApi::builder()
        .base_path("/api/v1")
        .fault(Fault {
            select: FaultSelect::Ids(vec![23]),
            effect: FaultEffect::Status(404),
        })
        .start()
        .await;
    let client = tagged_client(&api.uri());

    for id in [101, 23, 0] {
        let asked = format!("{}/posts/{id}", api.uri());
        let before = api.arrivals().len();
        let result = EXERCISE
            .run(candidate(&client, &api.uri(), id, GENEROUS))
            .await?;
        // A second request sent from a task of its own arrives after the call has returned:
        // give it a moment, or it would be counted against the next call.
        tokio::time::sleep(STRAYS_ARRIVE_WITHIN).await;
        // Only what came under the base path: the checks of other answers run in this process
        // too, and a request one of them left behind can reach a port this server now has.
        let sent: Vec<String> = requests(&api)
            .split_off(before)
            .into_iter()
            .filter(|request| request.contains(" /api/v1/"))
            .collect();
        if sent.is_empty() {
            return Err(fail(&format!(
                "post {id} was asked for with the base URL {:?}, and the server there received \
                 no request from the call: each call sends its own GET `{{base_url}}/posts/{{id}}`, \
                 to the `base_url` it is given, whatever the id (whether post {id} exists is \
                 the server's to say)",
                api.uri()
            )));
        }
        if sent.len() > 1 {
            return Err(fail(&format!(
                "the server answered 404 for post {id}, and received {sent:?} from one call: \
                 one call, one request (a 404 will be a 404 again)"
            )));
        }

        match result {
            Err(ApiError::NotFound { url }) if url == asked => {}
            Err(ApiError::NotFound { url }) => {
                return Err(fail(&format!(
                    "the result is NotFound, as it should be, but its url is {url:?}; expected \
                     the URL asked for, {asked:?}"
                )));
            }
            Err(ApiError::Decode(_)) => {
                return Err(fail(&format!(
                    "the server answered 404 for post {id}, and the result is Decode: the body \
                     `{{}}` was decoded without looking at the status first. Call \
                     `.error_for_status()` (or check `response.status()`) before `.json()`"
                )));
            }
            Err(ApiError::Status { status, .. }) if status.as_u16() == 404 => {
                return Err(fail(&format!(
                    "the server answered 404 for post {id}, and the result is Status: a 404 \
                     has its own variant, NotFound {{ url }}, because the caller reacts to it \
                     differently (no such post: fix the id, do not retry)"
                )));
            }
            other => {
                return Err(fail(&format!(
                    "the server answered 404 for post {id}; expected Err(NotFound {{ url: \
                     {asked:?} }}), got {}{}",
                    variant(&other),
                    sort_hint(&other)
                )));
            }
        }
    }

    // A 404 whose body is not json-server's `{}`: a framework's or a proxy's page.
    for (template, what) in [
        (ResponseTemplate::new(404), "an empty body"),
        (
            ResponseTemplate::new(404)
                .set_body_raw("<html><body><h1>Not Found</h1></body></html>", "text/html"),
            "an HTML page as its body",
        ),
    ] {
        let server = server_answering(template).await;
        let asked = format!("{}/posts/61", server.uri());
        let result = EXERCISE
            .run(candidate(&client, &server.uri(), 61, GENEROUS))
            .await?;
        let paths: Vec<String> = server
            .received_requests()
            .await
            .unwrap_or_default()
            .iter()
            .map(|request| format!("{} {}", request.method, request.url.path()))
            .collect();
        if paths != ["GET /posts/61"] {
            return Err(fail(&format!(
                "`base_url` was {:?}, a base URL without a path, and the server received \
                 {paths:?}; expected [\"GET /posts/61\"]: the post is at \
                 format!(\"{{base_url}}/posts/{{id}}\"), with no second slash",
                server.uri()
            )));
        }
        match result {
            Err(ApiError::NotFound { url }) if url == asked => {}
            other => {
                return Err(fail(&format!(
                    "the server answered 404 for post 61, with {what}; expected \
                     Err(NotFound {{ url: {asked:?} }}), got {}: a 404 is NotFound, whatever \
                     the body (empty, text, HTML or JSON). Decide by the status alone{}",
                    variant(&other),
                    sort_hint(&other)
                )));
            }
        }
    }
    Ok(())
}

/// The rule for an error status, in the words of the messages.
const STATUS_RULE: &str = "a status the server sent is Status, whatever it says (a 408 Request \
                           Timeout or a 504 Gateway Timeout too)";

/// Every other error status, client errors and server errors alike, is `Status`, with that
/// status and the URL asked for, after one request.
pub async fn another_error_status_is_a_status_error<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let cases: [(u64, u16); 20] = [
        (31, 400),
        (4, 403),
        (77, 410),
        (12, 429),
        (3, 500),
        (58, 502),
        (90, 503),
        (45, 408),
        (66, 504),
        // The last of the 5xx: `400..599`, which leaves out its end, misses it.
        (19, 599),
        // A 405 says "not with this method", not "no such post".
        (27, 405),
        // A 500 for post 404: its error's text holds "404" (in the URL), its status does not.
        (404, 500),
        // Statuses a proxy or a captive portal sends are statuses all the same.
        (52, 407),
        (53, 511),
        // "Misdirected": a status like any other, not a reason to send it again.
        (54, 421),
        // "Not Acceptable": an answer to this request, not a reason to send another without
        // its `Accept` header.
        (55, 406),
        // A CDN's statuses about its origin (down, timed out, unreachable): statuses the CDN
        // sent, so `Status`, not `Connect` or `Timeout`.
        (56, 521),
        (57, 522),
        (59, 523),
        (61, 524),
    ];
    let mut builder = MockApi::builder().base_path("/api/v1");
    for (id, code) in cases {
        builder = builder.fault(Fault {
            select: FaultSelect::Ids(vec![id]),
            effect: FaultEffect::Status(code),
        });
    }
    let api = builder.start().await;
    let client = tagged_client(&api.uri());

    for (id, code) in cases {
        let asked = format!("{}/posts/{id}", api.uri());
        let before = api.arrivals().len();
        let result = EXERCISE
            .run(candidate(&client, &api.uri(), id, GENEROUS))
            .await?;
        let sent: Vec<String> = requests(&api).split_off(before);
        if sent.is_empty() {
            return Err(fail(&format!(
                "asked for post {id}, your function returned {} and the server received no \
                 request: one call, one request, whatever the id (whether post {id} exists, and \
                 what its status is, is the server's to say)",
                variant(&result)
            )));
        }
        if sent.len() > 1 {
            return Err(fail(&format!(
                "the server answered {code} for post {id}, and received {} requests from one \
                 call, {sent:?}: one call, one request. Retrying is the caller's choice; \
                 `is_transient()` tells it when",
                sent.len()
            )));
        }

        match result {
            Err(ApiError::Status { status, url }) if status.as_u16() == code && url == asked => {}
            Err(ApiError::Status { status, url }) if status.as_u16() == code => {
                return Err(fail(&format!(
                    "the result is Status {{ status: {code}, .. }}, as it should be, but its \
                     url is {url:?}; expected the URL asked for, {asked:?}"
                )));
            }
            Err(ApiError::NotFound { .. }) => {
                return Err(fail(&format!(
                    "the server answered {code} for post {id}, and the result is NotFound: only \
                     a 404 means \"no such post\". Return Status {{ status, url }} for every \
                     other error status"
                )));
            }
            Err(ApiError::Decode(_)) => {
                return Err(fail(&format!(
                    "the server answered {code} for post {id}, and the result is Decode: the \
                     body `{{}}` was decoded without looking at the status first. Call \
                     `.error_for_status()` (or check `response.status()`) before `.json()`: \
                     every 4xx and 5xx is an error status"
                )));
            }
            Err(ApiError::Timeout(_)) => {
                return Err(fail(&format!(
                    "the server answered {code} for post {id} at once, and the result is \
                     Timeout: {STATUS_RULE}. Timeout is for an answer that did not arrive \
                     within `limit`; a 408 or a 504 did arrive. Return Status {{ status, url }}, \
                     and let the caller decide what to do about it (`is_transient()`)"
                )));
            }
            other => {
                return Err(fail(&format!(
                    "the server answered {code} for post {id}; expected Err(Status {{ status: \
                     {code}, url: {asked:?} }}), got {}{}",
                    variant(&other),
                    sort_hint(&other)
                )));
            }
        }
    }
    // A header value that is not ASCII (`Server: Café`): bytes a server may send, never a panic.
    let server =
        server_answering(ResponseTemplate::new(503).insert_header("server", "Café/1.0")).await;
    let result = EXERCISE
        .run(candidate(&client, &server.uri(), 90, GENEROUS))
        .await?;
    match result {
        Err(ApiError::Status { status, .. }) if status.as_u16() == 503 => {}
        other => {
            return Err(fail(&format!(
                "the server answered 503 with a `Server: Café/1.0` header (not ASCII, which \
                 `HeaderValue::to_str` refuses); expected Err(Status {{ status: 503, .. }}), got \
                 {}",
                variant(&other)
            )));
        }
    }
    // A wait asked for that is longer than `limit`: still a status the server sent, at once.
    for (code, wait) in [(429, "100000"), (503, "86400")] {
        let server =
            server_answering(ResponseTemplate::new(code).insert_header("retry-after", wait)).await;
        let result = EXERCISE
            .run(candidate(&client, &server.uri(), 90, GENEROUS))
            .await?;
        match result {
            Err(ApiError::Status { status, .. }) if status.as_u16() == code => {}
            other => {
                return Err(fail(&format!(
                    "the server answered {code} with `Retry-After: {wait}` (a wait longer than \
                     `limit`); expected Err(Status {{ status: {code}, .. }}), got {}: {STATUS_RULE}, \
                     whatever wait it asks for (waiting or not is the caller's choice)",
                    variant(&other)
                )));
            }
        }
    }
    Ok(())
}

/// How long a call may take to report a 429 or 503 whose `Retry-After` is one second: less than
/// the wait it asks for.
const BEFORE_RETRY_AFTER: Duration = Duration::from_millis(900);

/// A 429 or a 503 with a short `Retry-After` (0 or 1 s, well within `limit`) is `Status` after
/// one request, reported at once: waiting it out and sending again is the caller's choice.
pub async fn a_retry_after_is_not_waited_out<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let client = tagged_client("http://127.0.0.1");
    // The fastest of the calls asked to wait one second: a busy machine delays one call, a wait
    // of one's own delays both.
    let mut fastest_of_one_second = Duration::MAX;
    for (code, retry_after) in [
        (429u16, "0"),
        (503, "0"),
        (429, "1"),
        (503, "1"),
        // The header's other form, an HTTP date (here one already past).
        (503, "Wed, 21 Oct 2026 07:28:00 GMT"),
    ] {
        let server = server_answering(
            ResponseTemplate::new(code)
                .insert_header("retry-after", retry_after)
                .set_body_json(serde_json::json!({})),
        )
        .await;
        let base = format!("{}/api/v1", server.uri());
        let asked = format!("{base}/posts/26");
        let started = Instant::now();
        let outcome = EXERCISE
            .run(tokio::time::timeout(
                Duration::from_secs(5),
                candidate(&client, &base, 26, GENEROUS),
            ))
            .await?;
        let elapsed = started.elapsed();
        if retry_after == "1" {
            fastest_of_one_second = fastest_of_one_second.min(elapsed);
        }
        let setting = format!(
            "the server answered {code} with `Retry-After: {retry_after}` (`limit` was {})",
            ms(GENEROUS)
        );
        let sent: Vec<String> = server
            .received_requests()
            .await
            .unwrap_or_default()
            .iter()
            .map(|request| format!("{} {}", request.method, request.url.path()))
            .collect();
        if sent.len() != 1 {
            return Err(fail(&format!(
                "{setting}, and the server received {} requests from one call, {sent:?}: one \
                 call, one request, Retry-After or not. Return Err(Status {{ status: {code}, \
                 url }}) at once: waiting and sending again is the caller's choice \
                 (`is_transient()` tells it when)",
                sent.len()
            )));
        }
        match outcome {
            Ok(Err(ApiError::Status { status, url }))
                if status.as_u16() == code && url == asked => {}
            Ok(other) => {
                return Err(fail(&format!(
                    "{setting}; expected Err(Status {{ status: {code}, url: {asked:?} }}), got \
                     {}: {STATUS_RULE}, Retry-After or not{}",
                    variant(&other),
                    sort_hint(&other)
                )));
            }
            Err(_) => {
                return Err(fail(&format!(
                    "{setting}, and 5s later your function had not returned: an error status \
                     is Status as soon as it arrives, Retry-After or not"
                )));
            }
        }
        // The next call, for another post, asks the server again: a Retry-After is this
        // answer's, not a rule for later calls to keep.
        let _ = EXERCISE
            .run(tokio::time::timeout(
                Duration::from_secs(5),
                candidate(&client, &base, 27, GENEROUS),
            ))
            .await?;
        let received = server.received_requests().await.unwrap_or_default().len();
        if received != 2 {
            return Err(fail(&format!(
                "{setting}; then post 27 was asked for from the same server, and the server \
                 received {received} requests from the two calls: each call on its own, \
                 keeping nothing between calls, a Retry-After neither: every call sends its \
                 request"
            )));
        }
    }
    if fastest_of_one_second > BEFORE_RETRY_AFTER {
        return Err(fail(&format!(
            "the server answered 429, then 503, each with `Retry-After: 1`, and each call took \
             at least {} to return Status: an error status is known as soon as the head \
             arrives, so report it then. Waiting out the Retry-After is the caller's choice \
             (`is_transient()` tells it when)",
            ms(fastest_of_one_second)
        )));
    }
    an_exhausted_rate_limit_is_not_waited_out(candidate, &client).await
}

/// A success that says the rate limit is used up (`RateLimit-Remaining: 0`, a reset in a
/// second) is the post, returned when it arrives: pacing later calls is the caller's choice.
/// Two calls, one after the other: a busy machine delays one, a wait of one's own both.
async fn an_exhausted_rate_limit_is_not_waited_out<F>(candidate: &F, client: &Client) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let post_26 = the_post(client, 26).await?;
    let server = server_answering(
        ResponseTemplate::new(200)
            .insert_header("ratelimit-limit", "60")
            .insert_header("ratelimit-remaining", "0")
            .insert_header("ratelimit-reset", "1")
            .insert_header("x-ratelimit-limit", "60")
            .insert_header("x-ratelimit-remaining", "0")
            .insert_header("x-ratelimit-reset", "1")
            .set_body_json(&post_26),
    )
    .await;
    let mut fastest = Duration::MAX;
    for _ in 0..2 {
        let started = Instant::now();
        let outcome = EXERCISE
            .run(tokio::time::timeout(
                Duration::from_secs(5),
                candidate(client, &server.uri(), 26, GENEROUS),
            ))
            .await?;
        fastest = fastest.min(started.elapsed());
        match outcome {
            Ok(Ok(post)) if post == post_26 => {}
            Ok(other) => {
                return Err(fail(&format!(
                    "the server answered 200 with post 26 and `RateLimit-Remaining: 0` \
                     (`RateLimit-Reset: 1`); expected Ok(post 26), got {}",
                    variant(&other)
                )));
            }
            Err(_) => {
                return Err(fail(
                    "the server answered 200 with post 26 and `RateLimit-Remaining: 0` \
                     (`RateLimit-Reset: 1`), and 5s later your function had not returned: the \
                     post is the answer as soon as it arrives",
                ));
            }
        }
    }
    if fastest > BEFORE_RETRY_AFTER {
        return Err(fail(&format!(
            "the server answered 200 with post 26 and `RateLimit-Remaining: 0` (`RateLimit-Reset: \
             1`), twice, and each call took at least {} to return it: the post is the answer as \
             soon as it arrives, and no spacing, queue or rate limit of your own (pacing the \
             calls is the caller's choice)",
            ms(fastest)
        )));
    }
    Ok(())
}

/// How many calls [`no_connection_is_a_connect_error`] makes; the fastest is judged.
const REFUSED_CALLS: usize = 5;

/// How long a call may take to report a refused connection (which takes about a millisecond on
/// loopback): less than any pause before a second attempt a learner would write.
const REFUSED_AT_ONCE: Duration = Duration::from_millis(40);

/// No server at all is `Connect`, at once (no second attempt), and not a panic. Nothing listens,
/// so no server can count the attempts: each call is timed, and the fastest of
/// [`REFUSED_CALLS`] must be quick (the fastest, so that a busy machine delaying one call does
/// not matter; a pause of one's own delays them all).
pub async fn no_connection_is_a_connect_error<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    // Named `localhost`, through a client that counts the connections it tries: a second try,
    // however quick, is counted.
    let base_url = format!(
        "{}/api/v1",
        lesson_support::testing::refused_localhost_url()
    );
    let (client, attempts) = lesson_support::testing::counting_client(&base_url);

    let mut fastest = Duration::MAX;
    for _ in 0..REFUSED_CALLS {
        let started = Instant::now();
        let outcome = EXERCISE
            .run(tokio::time::timeout(
                Duration::from_secs(5),
                candidate(&client, &base_url, 1, GENEROUS),
            ))
            .await?;
        fastest = fastest.min(started.elapsed());
        match outcome {
            Ok(Err(ApiError::Connect(err))) if err.is_connect() => {}
            Ok(Err(ApiError::Connect(_))) => {
                return Err(fail(
                    "nothing listens at `base_url` and the result is Connect, but the reqwest \
                     error inside it is not a connection error (`is_connect()` is false): wrap \
                     the error that reqwest gave you",
                ));
            }
            Ok(other) => {
                return Err(fail(&format!(
                    "nothing listens at `base_url` (the connection is refused); expected \
                     Err(Connect(..)), got {}{}",
                    variant(&other),
                    sort_hint(&other)
                )));
            }
            Err(_) => {
                return Err(fail(
                    "nothing listens at `base_url` (the connection is refused at once), and 5s \
                     later your function had not returned: report Connect, do not keep trying",
                ));
            }
        }
    }
    if attempts.get() > REFUSED_CALLS {
        return Err(fail(&format!(
            "nothing listens at `base_url`; {REFUSED_CALLS} calls tried to connect {} in all: \
             one call, one request, whatever happens. Report a refused connection at once, \
             without trying again (retrying is the caller's choice, and `is_transient()` tells \
             it when)",
            lesson_support::testing::count_of_times(attempts.get())
        )));
    }
    if fastest > REFUSED_AT_ONCE {
        return Err(fail(&format!(
            "nothing listens at `base_url`, so the connection is refused at once, yet each of \
             {REFUSED_CALLS} calls took at least {} to return Connect: one call, one request, \
             whatever happens. Report a refused connection at once; do not wait and try again \
             (retrying is the caller's choice, and `is_transient()` tells it when)",
            ms(fastest)
        )));
    }

    // A host name that does not resolve: no connection can be made either. The check's client
    // resolves nothing but localhost, so the name never leaves the machine.
    let base_url = "http://no-such-host.invalid/api/v1";
    let outcome = EXERCISE
        .run(tokio::time::timeout(
            Duration::from_secs(5),
            candidate(&client, base_url, 1, GENEROUS),
        ))
        .await?;
    let setting = format!(
        "`base_url` was {base_url:?}, whose host name does not resolve (no address, so no \
         connection can be made, and no request was sent)"
    );
    match outcome {
        Ok(Err(ApiError::Connect(_))) => Ok(()),
        Ok(other) => Err(fail(&format!(
            "{setting}; expected Err(Connect(..)), got {}: Connect is for every connection that \
             cannot be made, a host name that does not resolve included (reqwest's error has \
             `is_connect()`), not NotFound: NotFound is for a 404, and only for a 404{}",
            variant(&other),
            sort_hint(&other)
        ))),
        Err(_) => Err(fail(&format!(
            "{setting}, and 5s later your function had not returned: report Connect at once"
        ))),
    }
}

/// A server that accepts the request and closes the connection without a word is `Other`: it
/// is neither a refused connection nor a timeout.
pub async fn a_dropped_connection_is_other<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let api = MockApi::builder()
        .base_path("/api/v1")
        .fault(Fault {
            select: FaultSelect::Ids(vec![17]),
            effect: FaultEffect::DropConnection,
        })
        .start()
        .await;
    let client = tagged_client(&api.uri());

    let result = EXERCISE
        .run(candidate(&client, &api.uri(), 17, GENEROUS))
        .await?;

    // A fresh client on a fresh connection: the connection pool does not send a request again
    // (hyper retries only a request it never sent, on a reused connection), so every request
    // the server saw came from the function.
    let sent = requests(&api);
    if sent.len() > 1 {
        return Err(fail(&format!(
            "the server accepted the request for post 17, then closed the connection without \
             answering, and received {} requests from one call, {sent:?}: one call, one \
             request, whatever happens. A connection closed without an answer is Other; return \
             it, do not send the request again (retrying is the caller's choice, and \
             `is_transient()` tells it when)",
            sent.len()
        )));
    }

    match result {
        Err(ApiError::Other(_)) => {}
        Err(ApiError::Connect(_)) => {
            return Err(fail(
                "the server accepted the connection and the request, then closed the \
                 connection without answering, and the result is Connect: the connection was \
                 made, so it is not Connect. Such a failure is Other (`err.is_connect()` is \
                 false for it)",
            ));
        }
        other => {
            return Err(fail(&format!(
                "the server accepted the request for post 17, then closed the connection \
                 without answering; expected Err(Other(..)), the variant for every failure that \
                 is not a status, a timeout, a refused connection or a bad body, got {}",
                variant(&other)
            )));
        }
    }

    // The same for a connection reset (a RST, not a close) and for an answer that is not HTTP.
    for (body, setting) in [
        (
            Body::Reset,
            "the server accepted the request for post 17, then reset the connection (a TCP \
             RST) without answering",
        ),
        (
            Body::NotHttp,
            "the server accepted the request for post 17, then answered in another protocol \
             (`SSH-2.0-OpenSSH_9.6`), not in HTTP",
        ),
    ] {
        let server = RawServer::start(body).await;
        let base_url = format!("{}/api/v1", server.url);
        let client = tagged_client(&base_url);
        let result = EXERCISE
            .run(candidate(&client, &base_url, 17, GENEROUS))
            .await?;
        let sent = server.paths();
        if sent.len() > 1 {
            return Err(fail(&format!(
                "{setting}, and received {} requests from one call, {sent:?}: one call, one \
                 request, whatever happens",
                sent.len()
            )));
        }
        if !matches!(result, Err(ApiError::Other(_))) {
            return Err(fail(&format!(
                "{setting}; expected Err(Other(..)), the variant for every failure that is not \
                 a status, a timeout, a refused connection or a body that is not a post (an \
                 answer that is not HTTP has no body to decode), got {}",
                variant(&result)
            )));
        }
    }
    Ok(())
}

/// A success whose body is not a post is `Decode`: a body of the wrong shape, one that is not
/// JSON, and one cut short.
pub async fn a_body_that_is_not_a_post_is_a_decode_error<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let client = tagged_client("http://127.0.0.1");
    let post_1 = r#"{"userId": 1, "id": 1, "title": "t", "body": "b"}"#;
    let list_of_one = format!("[{post_1}]");
    let enveloped = format!(r#"{{"data": {post_1}}}"#);
    for (body, what) in [
        (r#"{"id": 1}"#, "the body {\"id\": 1}, which is not a post"),
        ("<html>", "the body <html>, which is not JSON"),
        (
            list_of_one.as_str(),
            "the body [post 1], a list holding a post: a successful answer whose body is a \
             list is not a post, even a list of one",
        ),
        (
            "[]",
            "the body [], an empty list: a successful answer whose body is a list is not a \
             post (and a 200 is not NotFound)",
        ),
        (
            "null",
            "the body null: a successful answer whose body is not a post is a Decode error, \
             even JSON's null (NotFound is for a 404, and only for a 404)",
        ),
        (
            enveloped.as_str(),
            "the body {\"data\": post 1}, a post wrapped in an object: that object is not a \
             post (no unwrapping of an envelope the contract does not name)",
        ),
        (
            r#"{"userId": 1, "id": 1.5, "title": "t", "body": "b"}"#,
            "the body of post 1 with `\"id\": 1.5`: an id is a whole number, so this is not a post",
        ),
        (
            r#""{\"userId\": 1, \"id\": 1, \"title\": \"t\", \"body\": \"b\"}""#,
            "a JSON string whose text is post 1 (JSON inside JSON): a string is not a post",
        ),
        (
            r#"{"userId": -1, "id": 1, "title": "t", "body": "b"}"#,
            "the body of post 1 with `\"userId\": -1`: an id is a whole number from 0 up (a \
             `u64`), so this is not a post",
        ),
        (
            r#"{"userId": 1, "id": "request timed out", "title": "t", "body": "b"}"#,
            "the body of post 1 whose `id` is the text \"request timed out\": not a post, so a \
             Decode error, whatever words the error's message quotes (tell errors apart by \
             their kind, `is_decode()`, `is_timeout()`, not by their text)",
        ),
        (
            r#"{"userId": 1, "id": 1, "title": 5, "body": null}"#,
            "the body of post 1 with `\"title\": 5` and `\"body\": null`: a title and a body \
             are JSON strings, so this is not a post (no turning other values into text)",
        ),
        (
            r#"{"user_id": 1, "id": 1, "title": "t", "body": "b"}"#,
            "the body of post 1 with `user_id` for `userId`: the API's field names are camelCase, \
             so this is not a post",
        ),
        (
            r#"{"status": 404, "error": "Not Found", "message": "no post 1"}"#,
            "an error described in the body ({\"status\": 404, \"error\": \"Not Found\", ..}): \
             the status is the one in the head, 200, and this body is not a post",
        ),
        (
            r#"{"userId": 1, "id": "1", "title": "t", "body": "b"}"#,
            "the body of post 1 with `\"id\": \"1\"`, a string: an id is a JSON number, so this \
             is not a post",
        ),
    ] {
        let server = server_answering(ResponseTemplate::new(200).set_body_string(body)).await;
        let result = EXERCISE
            .run(candidate(&client, &server.uri(), 1, GENEROUS))
            .await?;
        decode_expected(result, &format!("the server answered 200 with {what}"))?;
    }
    let page = "<!doctype html><html><body><div id=\"app\"></div></body></html>";
    let server =
        server_answering(ResponseTemplate::new(200).set_body_raw(page, "text/html; charset=utf-8"))
            .await;
    let result = EXERCISE
        .run(candidate(&client, &server.uri(), 1, GENEROUS))
        .await?;
    decode_expected(
        result,
        "the server answered 200 with an HTML page (`Content-Type: text/html`), which is not \
         a post (and a 200 is not NotFound, whatever its body)",
    )?;
    let server = server_answering(ResponseTemplate::new(204)).await;
    let result = EXERCISE
        .run(candidate(&client, &server.uri(), 1, GENEROUS))
        .await?;
    decode_expected(
        result,
        "the server answered 204 No Content: a successful answer with no body holds no post",
    )?;

    let server = RawServer::start(Body::CutShort).await;
    let result = EXERCISE
        .run(tokio::time::timeout(
            Duration::from_secs(5),
            candidate(&client, &server.url, 1, GENEROUS),
        ))
        .await?;
    let Ok(result) = result else {
        return Err(fail(
            "the server answered 200 with a body that ends (the connection closes) before its \
             Content-Length, and 5s later your function had not returned",
        ));
    };
    let sent = server.paths();
    if sent.len() != 1 {
        return Err(fail(&format!(
            "the server answered 200 and closed the connection halfway through the body (before \
             its Content-Length), and received {sent:?} from one call: one call, one request (a \
             body cut short is Decode, at once: asking again is the caller's choice)"
        )));
    }
    decode_expected(
        result,
        "the server answered 200 and closed the connection halfway through the body (before \
         its Content-Length), so the body is not a post",
    )
}

/// A `base_url` no request can go to is `Other` (reqwest's builder error, at `send()`), not a
/// panic: one that does not parse, and one that parses but cannot have a path.
pub async fn a_base_url_that_is_not_a_url_is_other<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let client = tagged_client("http://127.0.0.1");
    for (base_url, what) in [
        ("not a url", "which is not a URL"),
        (
            "mailto:posts@example.com",
            "a URL that cannot have a path, so no request can go to it",
        ),
        ("", "empty"),
    ] {
        let setting = format!("`base_url` was {base_url:?}, {what}");
        let outcome = EXERCISE
            .run(tokio::time::timeout(
                Duration::from_secs(5),
                candidate(&client, base_url, 7, GENEROUS),
            ))
            .await;
        let result = match outcome {
            Ok(Ok(result)) => result,
            Ok(Err(_)) => {
                return Err(fail(&format!(
                    "{setting}, and 5s later your function had not returned: a base URL no \
                     request can go to is a failure at once, Err(Other(..))"
                )));
            }
            Err(message) if message.contains("still the stub") => return Err(message),
            Err(message) => {
                return Err(fail(&format!(
                    "{setting}, and your code panicked{}: never a panic. A base URL no request \
                     can go to is a failure like any other, Err(Other(..)): hand the URL to \
                     reqwest, `client.get(format!(..))`, which reports it as an error at \
                     `send()`, or handle the parse error instead of `expect`/`unwrap`",
                    where_it_panicked(&message)
                )));
            }
        };
        match result {
            Err(ApiError::Other(_)) => {}
            other => {
                return Err(fail(&format!(
                    "{setting}; expected Err(Other(..)), the variant for a request that could \
                     not even be built (reqwest's error has `is_builder()`), got {}",
                    variant(&other)
                )));
            }
        }
    }
    Ok(())
}

/// `limit` is any `Duration`, `Duration::MAX` included (a caller's "no limit of my own"): against
/// a prompt server that is the post, not a panic (`limit + margin` overflows).
pub async fn takes_any_limit_up_to_duration_max<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let api = MockApi::builder().base_path("/api/v1").start().await;
    let client = tagged_client(&api.uri());
    let expected = the_post(&client, 36).await?;
    let setting = "`limit` was `Duration::MAX` (a caller's way to say \"no limit of my own\"), \
                   and the server answered at once";

    let outcome = EXERCISE
        .run(tokio::time::timeout(
            Duration::from_secs(5),
            candidate(&client, &api.uri(), 36, Duration::MAX),
        ))
        .await;
    let result = match outcome {
        Ok(Ok(result)) => result,
        Ok(Err(_)) => {
            return Err(fail(&format!(
                "{setting}, and 5s later your function had not returned"
            )));
        }
        Err(message) if message.contains("still the stub") => return Err(message),
        Err(message) => {
            return Err(fail(&format!(
                "{setting}, and your code panicked{}: never a panic, whatever `limit` is. \
                 Arithmetic on a `Duration` can overflow (`limit + margin` does for \
                 `Duration::MAX`): pass `limit` as it is, `.timeout(limit)`, or use \
                 `saturating_add`",
                where_it_panicked(&message)
            )));
        }
    };
    if let Some(problem) = one_get_of(&api, "/api/v1/posts/36") {
        return Err(fail(&format!("{setting}: {problem}")));
    }
    if !is_tagged(&api.arrivals()[0].headers) {
        return Err(fail(&format!(
            "{setting}, and the server received GET /api/v1/posts/36 without the tag of the \
             check's client: the request did not come from the `client` you were given. It is \
             sent through `client` whatever `limit` is, a limit longer than the client's own \
             timeout (30s) included: do not build a client of your own to wait longer, set the \
             timeout on the request, `client.get(url).timeout(limit)`, which replaces the \
             client's timeout for this request, longer or shorter"
        )));
    }
    match result {
        Ok(post) if post == expected => Ok(()),
        other => Err(fail(&format!(
            "{setting}; expected Ok(post 36), got {}",
            variant(&other)
        ))),
    }
}

/// ` (at file:line: message)` from the message of [`Exercise::run`] for a panic, or nothing.
fn where_it_panicked(message: &str) -> String {
    message
        .split_once("panicked at ")
        .and_then(|(_, rest)| rest.split_once(". Handle the error as a value"))
        // On one line, without runs of spaces, whatever the panic's message was.
        .map(|(place, _)| {
            let place: Vec<&str> = place.split_whitespace().collect();
            format!(" (at {})", place.join(" "))
        })
        .unwrap_or_default()
}

/// `Ok` when `result` is `Decode` with reqwest's decode error, else the message.
fn decode_expected(result: Result<Post, ApiError>, what: &str) -> Verdict {
    match result {
        Err(ApiError::Decode(err)) if err.is_decode() => Ok(()),
        Err(ApiError::Decode(_)) => Err(fail(&format!(
            "{what}; the result is Decode, but the reqwest error inside it is not a decode \
             error (`is_decode()` is false): wrap the error that `.json()` gave you"
        ))),
        other => Err(fail(&format!(
            "{what}; expected Err(Decode(..)), got {}{}",
            variant(&other),
            sort_hint(&other)
        ))),
    }
}

/// The seeds of [`agrees_with_the_reference_on_seeded_scenarios`]: three scenarios without a
/// fault (two of them for a missing post), three error statuses, three dropped connections,
/// under three base paths.
const SEEDS: [u64; 9] = [3, 14, 15, 92, 65, 35, 89, 79, 32];

/// One seeded scenario of [`agrees_with_the_reference_on_seeded_scenarios`].
#[derive(Debug, Clone)]
struct Scenario {
    seed: u64,
    base_path: &'static str,
    id: u64,
    fault: Option<FaultEffect>,
}

impl Scenario {
    fn draw(seed: u64) -> Scenario {
        let mut rng = SeededRng::new(seed);
        let base_path = rng.pick(&["", "/api/v1", "/v2/blog"]);
        // 1..=100 exist; above that is a 404.
        let id = rng.between(1, 113);
        let fault = match rng.between(0, 5) {
            0 | 1 => None,
            2..=4 => {
                Some(FaultEffect::Status(rng.pick(&[
                    400, 401, 403, 404, 409, 410, 422, 429, 500, 502, 503, 504,
                ])))
            }
            _ => Some(FaultEffect::DropConnection),
        };
        Scenario {
            seed,
            base_path,
            id,
            fault,
        }
    }

    async fn server(&self) -> MockApi {
        let mut builder = MockApi::builder()
            .base_path(self.base_path)
            .seed(self.seed)
            .latency(Latency::Range {
                min: Duration::ZERO,
                max: Duration::from_millis(30),
            });
        if let Some(effect) = &self.fault {
            builder = builder.fault(Fault {
                select: FaultSelect::Ids(vec![self.id]),
                effect: effect.clone(),
            });
        }
        builder.start().await
    }

    fn describe(&self) -> String {
        let base = if self.base_path.is_empty() {
            "a base URL without a path".to_owned()
        } else {
            format!("a base URL ending in {}", self.base_path)
        };
        let server = match &self.fault {
            None if self.id > 100 => "which has no such post".to_owned(),
            None => "which answers normally".to_owned(),
            Some(FaultEffect::Status(code)) => format!("which answers {code}"),
            Some(FaultEffect::DropConnection) => {
                "which closes the connection without answering".to_owned()
            }
            Some(other) => format!("with the fault {other:?}"),
        };
        format!(
            "seeded scenario {} (post {}, {base}, a server {server})",
            self.seed, self.id
        )
    }
}

/// The rule of the contract that gives `expected`, the reference's result, in the words of the
/// messages.
fn rule_for(expected: &Result<Post, ApiError>) -> String {
    match expected {
        Ok(_) => "a post that arrives within `limit` is Ok(post), the post asked for".to_owned(),
        Err(ApiError::NotFound { .. }) => {
            "a 404 is NotFound { url }, with the URL asked for, base path included".to_owned()
        }
        Err(ApiError::Status { .. }) => format!(
            "any error status but 404 is Status {{ status, url }}, with the URL asked for: \
             {STATUS_RULE}"
        ),
        Err(ApiError::Other(_)) => "a connection closed without an answer is Other: the \
                                    connection was made (not Connect), the answer did not \
                                    time out (not Timeout)"
            .to_owned(),
        Err(ApiError::Timeout(_)) => "no answer within `limit` is Timeout".to_owned(),
        Err(ApiError::Connect(_)) => "no connection is Connect".to_owned(),
        Err(ApiError::Decode(_)) => {
            "a successful answer whose body is not a post is Decode".to_owned()
        }
        Err(ApiError::Deadline(_)) => "the reference never returns Deadline".to_owned(),
    }
}

/// A result with the server's address replaced by `{base_url}`, to compare two servers' runs.
fn outcome(result: &Result<Post, ApiError>, base_url: &str) -> String {
    variant(result).replace(base_url, "{base_url}")
}

/// Against seeded scenarios (a base path or none, an id that may be missing, any error status,
/// a dropped connection, a jittered latency), the function returns what the reference solution
/// returns, and the server receives the same requests.
pub async fn agrees_with_the_reference_on_seeded_scenarios<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    // One client for each side: building a client takes a while (it loads the TLS roots).
    let (reference_client, client) = (
        &tagged_client("http://127.0.0.1"),
        &tagged_client("http://127.0.0.1"),
    );
    // All scenarios at once, each on two servers of its own (one for the reference, one for
    // your function): they stay quick, and cannot disturb one another.
    let runs = futures::future::join_all(SEEDS.map(|seed| async move {
        let scenario = Scenario::draw(seed);
        let (reference_api, api) = tokio::join!(scenario.server(), scenario.server());
        let (reference_url, url) = (reference_api.uri(), api.uri());
        let (expected, result) = tokio::join!(
            reference::fetch_post_within(reference_client, &reference_url, scenario.id, GENEROUS),
            EXERCISE.run(tokio::time::timeout(
                Duration::from_secs(5),
                candidate(client, &url, scenario.id, GENEROUS),
            )),
        );
        (scenario, reference_api, api, expected, result)
    }))
    .await;

    for (scenario, reference_api, api, expected, result) in runs {
        let Ok(result) = result? else {
            return Err(fail(&format!(
                "{}: your function had not returned after 5s",
                scenario.describe()
            )));
        };

        let theirs = outcome(&expected, &reference_api.uri());
        let yours = outcome(&result, &api.uri());
        let same_post = match (&expected, &result) {
            (Ok(a), Ok(b)) => a == b,
            _ => true,
        };
        if theirs != yours || !same_post {
            return Err(fail(&format!(
                "{}: expected {theirs}, got {yours}. The rule: {}{}",
                scenario.describe(),
                rule_for(&expected),
                sort_hint(&result)
            )));
        }
        // The server must see what the reference made it see, a dropped connection included:
        // each server gets one fresh connection from each client, which the pool never retries.
        if requests(&api) != requests(&reference_api) {
            let full = format!("{}/posts/{}", scenario.base_path, scenario.id);
            let problem = one_get_of(&api, &full).unwrap_or_else(|| {
                format!(
                    "the server received {:?}; with the reference solution it received {:?}",
                    requests(&api),
                    requests(&reference_api)
                )
            });
            return Err(fail(&format!("{}: {problem}", scenario.describe())));
        }
    }
    Ok(())
}

/// A server slower than `limit` gives `Timeout`, not before `limit` and soon after it, after
/// one request: with two limits whose windows do not overlap, so no fixed timeout passes.
pub async fn gives_up_at_the_limit_with_a_timeout<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let slow = Duration::from_secs(5);
    let api = MockApi::builder()
        .base_path("/api/v1")
        .latency(Latency::Fixed(slow))
        .start()
        .await;
    let client = tagged_client(&api.uri());

    // The requests of the calls made so far: one that reaches the server late (on a busy
    // machine, after its call has given up) is not counted against a later call.
    let mut earlier: Vec<String> = Vec::new();
    for (id, again, limit) in [
        (8, 9, Duration::from_millis(150)),
        (64, 65, Duration::from_millis(600)),
    ] {
        // The patience is inside `run`, so that a function still waiting is dropped
        // (cancelled) cleanly and reported below.
        let call = async |id: u64, earlier: &[String]| {
            let before = api.arrivals().len();
            let started = Instant::now();
            let outcome = EXERCISE
                .run(tokio::time::timeout(
                    limit + PATIENCE_AFTER,
                    candidate(&client, &api.uri(), id, limit),
                ))
                .await?;
            let elapsed = started.elapsed();
            let mut sent = requests(&api).split_off(before);
            sent.retain(|request| !earlier.contains(request));
            Ok::<_, String>((outcome, elapsed, sent))
        };
        let (mut outcome, mut elapsed, mut sent) = call(id, &earlier).await?;
        earlier.push(format!("GET /api/v1/posts/{id}"));
        // A busy machine can make one call late, or slow the request down so much that the
        // timeout fires before it reaches the server; a function that waits too long is late
        // every time. So such a call is made again, once, for another post, and the second one
        // is judged.
        let mut first = None;
        if outcome.is_err() || elapsed > limit + SLACK_AFTER || sent.is_empty() {
            first = Some(elapsed);
            (outcome, elapsed, sent) = call(again, &earlier).await?;
            earlier.push(format!("GET /api/v1/posts/{again}"));
        }
        let asked_twice = if first.is_some() {
            " (asked twice)"
        } else {
            ""
        };
        let setting = format!(
            "the server takes {} to answer and `limit` was {}",
            ms(slow),
            ms(limit)
        );

        let Ok(result) = outcome else {
            return Err(fail(&format!(
                "{setting}, but {} after the call{asked_twice} your function was still \
                 waiting: give up once `limit` has passed, by making `limit` itself this request's timeout, \
                 `client.get(url).timeout(limit)` (the client's own timeout is 30s)",
                ms(limit + PATIENCE_AFTER)
            )));
        };
        timeout_expected(result, &setting, "`send()`")?;
        if elapsed + SLACK_BEFORE < limit {
            let reached = if sent.is_empty() {
                " (the request never reached the server)"
            } else {
                ""
            };
            return Err(fail(&format!(
                "{setting}, and your function gave up with Timeout after {}{reached}: it must \
                 wait until `limit` has passed, not less. `limit` is a `Duration`; pass it as \
                 it is, `.timeout(limit)` (no conversion to whole seconds or milliseconds)",
                ms(elapsed)
            )));
        }
        if sent.is_empty() {
            return Err(fail(&format!(
                "{setting}, and your function returned Timeout after {}, but the server \
                 received no request from the call{asked_twice}: send one GET of \
                 `{{base_url}}/posts/{{id}}` through `client`, with `limit` as its timeout",
                ms(elapsed)
            )));
        }
        if sent.len() != 1 {
            return Err(fail(&format!(
                "{setting}, and the server received {} requests from one call, {sent:?}: one \
                 call, one request. After a timeout, return Timeout; do not retry",
                sent.len()
            )));
        }
        if elapsed > limit + SLACK_AFTER {
            return Err(fail(&format!(
                "{setting}, and your function gave up with Timeout only after {}{}: give up when \
                 `limit` has passed, with `limit` itself as the request's timeout, not a \
                 timeout of your own",
                ms(elapsed),
                first.map_or_else(String::new, |first| format!(
                    " (and {} the first time it was asked)",
                    ms(first)
                ))
            )));
        }
    }
    // Nothing of a call outlives it: a moment after the last call, each post asked for was
    // asked once, not once more in the background.
    tokio::time::sleep(Duration::from_millis(300)).await;
    let all = requests(&api);
    if let Some(again) = all
        .iter()
        .find(|request| all.iter().filter(|other| other == request).count() > 1)
    {
        let times = all.iter().filter(|other| *other == again).count();
        return Err(fail(&format!(
            "the server takes {} to answer; 300ms after the last call had returned Timeout, it \
             had received {again} {times} times ({all:?}): one call, one request, and nothing \
             of a call outlives it (no request sent in the background after a timeout)",
            ms(slow)
        )));
    }
    Ok(())
}

/// `Ok` when `result` is `Timeout` with reqwest's timeout error inside, else the message for
/// a failure that happened in `step` ("`send()`", "`.json()`").
fn timeout_expected(result: Result<Post, ApiError>, setting: &str, step: &str) -> Verdict {
    match result {
        Err(ApiError::Timeout(err)) if err.is_timeout() => Ok(()),
        Err(ApiError::Timeout(_)) => Err(fail(&format!(
            "{setting}; the result is Timeout, but the reqwest error inside it is not a timeout \
             (`is_timeout()` is false): wrap the error that reqwest gave you"
        ))),
        Err(ApiError::Connect(_)) => Err(fail(&format!(
            "{setting}; the server accepted the connection, and the result is Connect: a \
             timeout is not a failed connection. An error of {step} can be either; tell them \
             apart with `err.is_timeout()` before `err.is_connect()`, or let `?` do it (lib.rs \
             has `impl From<reqwest::Error> for ApiError`)"
        ))),
        Err(ApiError::Decode(_)) => Err(fail(&format!(
            "{setting}; the result is Decode: a body that did not arrive within `limit` is a \
             timeout, even when the error comes from `.json()`. Sort an error by what it is, \
             not by the step it came from: `err.is_timeout()` before `err.is_decode()`, or let \
             `?` do it (lib.rs has `impl From<reqwest::Error> for ApiError`)"
        ))),
        Err(ApiError::Other(_)) => Err(fail(&format!(
            "{setting}; the result is Other: a timeout is Timeout. Sort reqwest's errors into \
             their variants (`err.is_timeout()`, `err.is_connect()`, …), or let `?` do it \
             (lib.rs has `impl From<reqwest::Error> for ApiError`)"
        ))),
        Err(ApiError::Deadline(_)) => Err(fail(&format!(
            "{setting}; the result is Deadline, the variant of `tokio::time::timeout`'s error. \
             That tool bounds any work; for one request, reqwest's own \
             `client.get(url).timeout(limit)` is the contract: it reports Timeout, with \
             reqwest's error (and the URL) as the cause"
        ))),
        other => Err(fail(&format!(
            "{setting}; expected Err(Timeout(..)) once `limit` has passed, got {}",
            variant(&other)
        ))),
    }
}

/// `limit` bounds the whole answer, body included: a server that sends the head of its answer
/// at once and then the body a byte at a time gives `Timeout` soon after `limit`.
pub async fn the_limit_covers_the_body_too<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let limit = Duration::from_millis(300);
    let server = RawServer::start(Body::Trickle).await;
    let client = tagged_client(&server.url);
    let setting = format!(
        "the server sent the head of its answer (200 OK) at once, then the body one byte \
         every {}, and `limit` was {}",
        ms(TRICKLE),
        ms(limit)
    );

    let call = async |id: u64, earlier: Option<&str>| {
        let before = server.paths().len();
        let started = Instant::now();
        let outcome = EXERCISE
            .run(tokio::time::timeout(
                limit + PATIENCE_AFTER,
                candidate(&client, &server.url, id, limit),
            ))
            .await?;
        let elapsed = started.elapsed();
        let received = server.paths()[before..]
            .iter()
            .filter(|path| Some(path.as_str()) != earlier)
            .count();
        Ok::<_, String>((outcome, elapsed, received))
    };
    let (mut outcome, mut elapsed, mut received) = call(1, None).await?;
    // As in the check above: a late call is made again, once, for another post, and the second
    // one is judged (a late request of the first call is not counted against it).
    let mut first = None;
    if outcome.is_err() || elapsed > limit + SLACK_AFTER || received == 0 {
        first = Some(elapsed);
        (outcome, elapsed, received) = call(2, Some("/posts/1")).await?;
    }
    let asked_twice = if first.is_some() {
        " (asked twice)"
    } else {
        ""
    };

    let Ok(result) = outcome else {
        return Err(fail(&format!(
            "{setting}; {} after the call{asked_twice} your function was still reading the \
             body: `limit` bounds the whole answer, body included. reqwest's `.timeout(limit)` on the request \
             covers it; a `tokio::time::timeout` around `send()` alone, or a read timeout, \
             does not",
            ms(limit + PATIENCE_AFTER)
        )));
    };
    timeout_expected(result, &setting, "`.json()`")?;
    if received == 0 {
        return Err(fail(&format!(
            "{setting}; your function returned Timeout after {}, but the server received no \
             request from the call{asked_twice}: send one GET of `{{base_url}}/posts/{{id}}` \
             through `client`, with `limit` as its timeout",
            ms(elapsed)
        )));
    }
    if received != 1 {
        return Err(fail(&format!(
            "{setting}; the server received {received} requests from one call: one call, one \
             request. After a timeout, return Timeout; do not retry"
        )));
    }
    if elapsed + SLACK_BEFORE < limit || elapsed > limit + SLACK_AFTER {
        return Err(fail(&format!(
            "{setting}, and your function gave up with Timeout after {}{}: give up when `limit` \
             has passed, not before and not long after",
            ms(elapsed),
            first.map_or_else(String::new, |first| format!(
                " (and {} the first time it was asked)",
                ms(first)
            ))
        )));
    }
    Ok(())
}

/// The `limit` of [`a_limit_longer_than_the_clients_timeout_is_kept`]: longer than the client's
/// own timeout.
// Off every round grid (whole seconds, 50 ms, 10 ms): a limit rounded to one gives up at another
// instant, and the paused clock sees it to the millisecond.
const LONG_LIMIT: Duration = Duration::from_millis(45_037);

/// Runs code under check on the paused clock, for at most 5 s of real time (it should take next
/// to none): a paused clock that cannot move (tokio holds it still while a `spawn_blocking` task
/// runs) would otherwise keep the check waiting for ever.
async fn on_the_paused_clock<F: std::future::Future>(future: F) -> Result<F::Output, String> {
    let bound = Duration::from_secs(5);
    let started = tokio::time::Instant::now();
    match lesson_support::testing::within_real_time(bound, EXERCISE.run(future)).await {
        Some(outcome) => outcome,
        None if started.elapsed() < Duration::from_millis(1) => Err(fail(&format!(
            "on tokio's paused clock, the call had not returned after {} of real time: the \
             clock stood still, though it jumps ahead whenever every task waits for a timer. \
             Wait with `.await`, in the call itself: tokio holds a paused clock still while a \
             `spawn_blocking` task runs, and a `block_on` in one waits for ever",
            ms(bound)
        ))),
        None => Err(fail(&format!(
            "on tokio's paused clock, the call had not returned after {} of real time, in \
             which the clock moved {}: the call keeps working instead of waiting (one call, \
             one request, and `limit` is its timeout)",
            ms(bound),
            ms(started.elapsed())
        ))),
    }
}

/// Stops tokio's clock while it lives (see [`a_limit_longer_than_the_clients_timeout_is_kept`]),
/// and starts it again when dropped, however the check ends.
struct PausedClock;

impl PausedClock {
    fn start() -> PausedClock {
        tokio::time::pause();
        PausedClock
    }
}

impl Drop for PausedClock {
    fn drop(&mut self) {
        tokio::time::resume();
    }
}

/// A request's own timeout replaces the client's, longer or shorter: with the course's client
/// (30 s) and a `limit` of 45.037 s against a server that never answers, the function gives up at
/// 45.037 s, not at 30 s. On tokio's paused clock, which jumps to the next timer whenever nothing is
/// left to do, so that it takes no real time. The connection is opened before the clock stops
/// (the request goes out on it from the client's pool), so that no connection attempt is cut
/// short by a jump of the clock.
pub async fn a_limit_longer_than_the_clients_timeout_is_kept<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let server = RawServer::start(Body::Hold).await;
    let client = tagged_client(&server.url);
    server.warm(&client, 1).await?;
    let setting = format!(
        "the client's own timeout is {} (the course's client), `limit` was {}, and the server \
         never answered (the check ran on tokio's paused clock: it took no real time)",
        ms(lesson_support::client::REQUEST_TIMEOUT),
        ms(LONG_LIMIT)
    );

    let clock = PausedClock::start();
    let started = tokio::time::Instant::now();
    let outcome = on_the_paused_clock(tokio::time::timeout(
        LONG_LIMIT + Duration::from_secs(15),
        candidate(&client, &server.url, 1, LONG_LIMIT),
    ))
    .await;
    let elapsed = started.elapsed();
    drop(clock);

    let Ok(result) = outcome? else {
        return Err(fail(&format!(
            "{setting}, and {} after the call your function was still waiting: give up once \
             `limit` has passed, `client.get(url).timeout(limit)`",
            ms(LONG_LIMIT + Duration::from_secs(15))
        )));
    };
    if elapsed + SLACK_BEFORE < LONG_LIMIT {
        return Err(fail(&format!(
            "{setting}, and your function returned {} after {}: `limit` is this request's own \
             timeout, and it replaces the client's, longer or shorter. Pass it as it is, \
             `.timeout(limit)`, not capped at the client's timeout",
            variant(&result),
            ms(elapsed)
        )));
    }
    timeout_expected(result, &setting, "`send()`")?;
    if elapsed > LONG_LIMIT + SLACK_AFTER {
        return Err(fail(&format!(
            "{setting}, and your function gave up with Timeout only after {}: give up when \
             `limit` has passed, with `limit` itself as the request's timeout",
            ms(elapsed)
        )));
    }
    let (tagged, received) = server.tagged();
    if tagged != 1 || received != 1 {
        return Err(fail(&format!(
            "{setting}, and the server received {received} request(s), {tagged} of them with \
             the tag of the check's client: the request is sent through the `client` you were \
             given, whatever `limit` is, a limit longer than the client's own timeout included. \
             Do not build a client of your own to wait longer: `client.get(url).timeout(limit)` \
             replaces the client's timeout for this request, longer or shorter"
        )));
    }
    Ok(())
}

/// How long, on tokio's paused clock, a call with `limit` `Duration::MAX` must keep waiting for
/// a server that never answers: far past any "sane" cap of one's own (a day, a week, a year).
const NO_LIMIT_WAIT: Duration = Duration::from_secs(1000 * 24 * 60 * 60);

/// `Duration::MAX` is the longest timeout there is (a caller's "no limit"): against a server
/// that never answers, the call is still waiting [`NO_LIMIT_WAIT`] (1000 days) later. On
/// tokio's paused clock, like [`a_limit_longer_than_the_clients_timeout_is_kept`], so it takes
/// no real time. A cap of one's own on `limit` (a day: "nobody waits longer for a post") gives
/// up at the cap.
pub async fn duration_max_waits_as_long_as_the_server_takes<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let server = RawServer::start(Body::Hold).await;
    let client = tagged_client(&server.url);
    server.warm(&client, 1).await?;

    let clock = PausedClock::start();
    let started = tokio::time::Instant::now();
    let outcome = on_the_paused_clock(tokio::time::timeout(
        NO_LIMIT_WAIT,
        candidate(&client, &server.url, 1, Duration::MAX),
    ))
    .await;
    let elapsed = started.elapsed();
    drop(clock);

    let setting = "`limit` was `Duration::MAX` (a caller's \"no limit\") and the server never \
                   answered (the check ran on tokio's paused clock: it took no real time)";
    // Judged first: a call that keeps sending does not return in time either.
    let sent = server.paths().len();
    if sent > 1 {
        return Err(fail(&format!(
            "{setting}, and the server received {sent} requests from that one call while the \
             clock moved {}: one call, one request, however long it waits (nothing sends it \
             again)",
            ms(elapsed)
        )));
    }
    if let Ok(result) = outcome? {
        let days = elapsed.as_secs_f64() / (24.0 * 60.0 * 60.0);
        let days = if days >= 1.0 {
            format!(" ({days:.1} days)")
        } else {
            String::new()
        };
        return Err(fail(&format!(
            "{setting}, and your function returned {} after {}{days}: \
             `Duration::MAX` is the longest timeout there is, kept as it is, so the call waits \
             as long as the server takes (the check waited 1000 days). Pass `limit` to \
             `.timeout(limit)` unchanged, with no cap of your own",
            variant(&result),
            ms(elapsed)
        )));
    }
    if server.paths().len() != 1 {
        return Err(fail(&format!(
            "{setting}, and the server received {} request(s); expected one: one call, one \
             request",
            server.paths().len()
        )));
    }
    two_calls_with_no_limit_are_sent_together(candidate).await
}

/// Two calls with `Duration::MAX`, made at once against a server that never answers, send
/// their requests at once: calls with no limit are calls like any other, with no queue of
/// their own. On tokio's paused clock held still, so no timer of the calls' ever fires.
async fn two_calls_with_no_limit_are_sent_together<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let server = RawServer::start(Body::Hold).await;
    let client = tagged_client(&server.url);
    server.warm(&client, 2).await?;
    let calls = futures::future::join(
        candidate(&client, &server.url, 1, Duration::MAX),
        candidate(&client, &server.url, 2, Duration::MAX),
    );
    let both_sent = async {
        while server.paths().len() < 2 {
            tokio::task::yield_now().await;
        }
    };
    let _ = held_still(
        Duration::from_secs(2),
        futures::future::select(std::pin::pin!(calls), std::pin::pin!(both_sent)),
    )
    .await;
    let sent = server.paths().len();
    let held = match sent {
        2.. => return Ok(()),
        // Neither went out: nothing to do with the other call.
        0 => "something held requests back before sending (a timer, a queue, a lock)",
        _ => "one waited for the other (a queue, lock or semaphore of your own between calls)",
    };
    Err(fail(&format!(
        "two calls for posts 1 and 2 were made at once, each with `limit` `Duration::MAX`, \
         against a server that never answers, on tokio's paused clock held still (no timer \
         fires), and after 2 s of real time the server had received {sent} request(s): {held}; \
         each call sends its request at once, whatever its `limit`"
    )))
}

/// How many calls [`calls_made_together_wait_for_no_timer`] makes at once: not a round number.
const PAUSED_TOGETHER: u64 = 131;

/// Calls made at the same time send their requests at once, with no timer of their own before
/// the request: on tokio's paused clock, which moves only when every task waits for a timer,
/// the 131 requests (more than a burst of 100 or 128 a limiter might allow) reach a server that never answers at the very instant the calls were made
/// (a pause before sending, however short or random, shows as a later arrival), and each call
/// gives up at its own `limit` ([`LONG_LIMIT`]), to the millisecond. The connections are opened
/// before the clock stops. A real-time version of this rule, which also catches a spacing timed
/// without tokio, is [`calls_made_together_are_sent_together`].
pub async fn calls_made_together_wait_for_no_timer<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let server = RawServer::start(Body::Hold).await;
    let client = tagged_client(&server.url);
    server
        .warm(&client, usize::try_from(PAUSED_TOGETHER).unwrap_or(1))
        .await?;
    // 17 posts, each asked for 7 or 8 times: calls for the same post are on their own too.
    let ids: Vec<u64> = (0..PAUSED_TOGETHER).map(|n| 500 + (n * 7) % 17).collect();

    let clock = PausedClock::start();
    let started = tokio::time::Instant::now();
    let (client, url) = (&client, server.url.as_str());
    let calls = ids.iter().map(|&id| async move {
        let result = candidate(client, url, id, LONG_LIMIT).await;
        (result, started.elapsed())
    });
    let outcome = on_the_paused_clock(tokio::time::timeout(
        LONG_LIMIT + Duration::from_secs(15),
        futures::future::join_all(calls),
    ))
    .await;
    drop(clock);

    let setting = format!(
        "{PAUSED_TOGETHER} calls made at once, `limit` {}, a server that never answers (the check \
         ran on tokio's paused clock, which moves only when every task waits for a timer)",
        ms(LONG_LIMIT)
    );
    let outcome = outcome?;
    let arrivals: Vec<Duration> = server
        .arrivals()
        .iter()
        .map(|arrived| arrived.saturating_duration_since(started))
        .collect();
    let latest = arrivals.iter().max().copied().unwrap_or_default();
    let at_once = arrivals.iter().filter(|after| after.is_zero()).count();
    // Some arrived later or never (a queue that was still waiting when the check gave up):
    // requests were held back. None at all is the next rule's business.
    if !arrivals.is_empty() && at_once < ids.len() {
        let late = arrivals.len() - at_once;
        let never = ids.len().saturating_sub(arrivals.len());
        return Err(fail(&format!(
            "{setting}: {at_once} of the {PAUSED_TOGETHER} requests reached the server at the \
             instant the calls were made on that clock, {late} later (the last {} after) and \
             {never} not before the check stopped: something held requests back before sending \
             (a pause, however short or random, or a queue or lock shared by calls, even calls \
             for the same post). Each call sends its request at once, with nothing before it",
            ms(latest)
        )));
    }
    let Ok(results) = outcome else {
        return Err(fail(&format!(
            "{setting}, and {} after the calls some were still waiting: each call gives up \
             once its own `limit` has passed, `client.get(url).timeout(limit)`",
            ms(LONG_LIMIT + Duration::from_secs(15))
        )));
    };
    if arrivals.len() != ids.len() {
        return Err(fail(&format!(
            "{setting}, and the server received {} request(s); expected {PAUSED_TOGETHER}, one \
             per call, all at once",
            arrivals.len()
        )));
    }
    for (result, elapsed) in results {
        if elapsed < LONG_LIMIT || elapsed > LONG_LIMIT + Duration::from_millis(1) {
            return Err(fail(&format!(
                "{setting}, and a call returned {} after {}; expected Timeout after {}, each call \
                 waiting exactly its own `limit`, from when it was made",
                variant(&result),
                ms(elapsed),
                ms(LONG_LIMIT)
            )));
        }
        timeout_expected(result, &setting, "`send()`")?;
    }
    Ok(())
}

/// `Duration::MAX` is a timeout like any other, the longest: it replaces the client's own,
/// here a short one (50 ms) that passes before the server answers (after 150 ms). Keeping the
/// client's timeout for it ("no limit given") gives Timeout after the client's 50 ms. After
/// [`a_limit_longer_than_the_clients_timeout_is_kept`], which tells answers that keep the
/// client's timeout for every `limit` so.
pub async fn duration_max_replaces_the_clients_timeout_too<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let expected = the_post(&tagged_client("http://127.0.0.1"), 36).await?;
    let client_timeout = Duration::from_millis(50);
    let answer_after = Duration::from_millis(150);
    let server = server_answering(
        ResponseTemplate::new(200)
            .set_body_json(&expected)
            .set_delay(answer_after),
    )
    .await;
    let short = lesson_support::testing::tagged_client_builder(&server.uri())
        .timeout(client_timeout)
        .build()
        .map_err(|err| fail(&format!("the check could not build its client: {err}")))?;
    let outcome = EXERCISE
        .run(tokio::time::timeout(
            Duration::from_secs(5),
            candidate(&short, &server.uri(), 36, Duration::MAX),
        ))
        .await?;
    let setting = format!(
        "`limit` was `Duration::MAX`, the client's own timeout was {}, and the server answered \
         after {}",
        ms(client_timeout),
        ms(answer_after)
    );
    match outcome {
        Ok(Ok(post)) if post == expected => {}
        Ok(other) => {
            return Err(fail(&format!(
                "{setting}; expected Ok(post 36), got {}: `limit` replaces the client's timeout, \
                 longer or shorter, and `Duration::MAX` is a limit too, the longest there is, so \
                 the call waits as long as the server takes. Pass it as it is, `.timeout(limit)`",
                variant(&other)
            )));
        }
        Err(_) => {
            return Err(fail(&format!(
                "{setting}, and 5s later your function had not returned"
            )));
        }
    }
    // A `limit` equal to the course client's own timeout is a limit like any other: this
    // client's is 50 ms.
    let thirty = lesson_support::client::REQUEST_TIMEOUT;
    let result = EXERCISE
        .run(candidate(&short, &server.uri(), 36, thirty))
        .await?;
    match result {
        Ok(post) if post == expected => Ok(()),
        other => Err(fail(&format!(
            "`limit` was {} (the course client's usual timeout, but this client's own was {}), \
             and the server answered after {}; expected Ok(post 36), got {}: `limit` replaces \
             the client's timeout whatever its value, `.timeout(limit)` always",
            ms(thirty),
            ms(client_timeout),
            ms(answer_after),
            variant(&other)
        ))),
    }
}

/// The client's `connect_timeout` in [`a_connection_attempt_that_times_out_is_a_timeout`].
const CONNECT_LIMIT: Duration = Duration::from_millis(200);

/// A listener that answers no connection attempt: its queue of connections not yet accepted is
/// full, so the system drops further attempts without a word (Linux does; where a system
/// refuses them instead, `None`). Keep the three alive as long as the address is used.
async fn unanswered_address() -> Option<(tokio::net::TcpListener, Vec<TcpStream>, String)> {
    let socket = TcpSocket::new_v4().ok()?;
    socket.bind(([127, 0, 0, 1], 0).into()).ok()?;
    let listener = socket.listen(1).ok()?;
    let address = listener.local_addr().ok()?;
    let mut held = Vec::new();
    for _ in 0..8 {
        match tokio::time::timeout(CONNECT_LIMIT, TcpStream::connect(address)).await {
            Ok(Ok(stream)) => held.push(stream),
            Ok(Err(_)) => return None,
            // An attempt that gets no answer: the queue is full.
            Err(_) => return Some((listener, held, format!("http://{address}"))),
        }
    }
    None
}

/// A connection attempt that times out (the client's `connect_timeout` passes with no answer)
/// is `Timeout`, not `Connect`: reqwest's error for it answers `true` to both `is_timeout()`
/// and `is_connect()`, and the contract (like lib.rs's `From`) asks `is_timeout()` first.
pub async fn a_connection_attempt_that_times_out_is_a_timeout<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let Some((_listener, _held, base_url)) = unanswered_address().await else {
        // This system refuses instead of ignoring: nothing to see here.
        return Ok(());
    };
    let client = lesson_support::testing::tagged_client_builder(&base_url)
        .connect_timeout(CONNECT_LIMIT)
        .build()
        .map_err(|err| fail(&format!("the check could not build its client: {err}")))?;
    let setting = format!(
        "the server's address answered no connection attempt (its queue of connections was \
         full), the client's `connect_timeout` was {} and `limit` {}",
        ms(CONNECT_LIMIT),
        ms(GENEROUS)
    );

    // On the paused clock, which jumps to the next timer whenever every task waits: the
    // connection attempt gives up at exactly the client's `connect_timeout`, in no real time.
    let clock = PausedClock::start();
    let started = tokio::time::Instant::now();
    let outcome = on_the_paused_clock(tokio::time::timeout(
        GENEROUS + PATIENCE_AFTER,
        candidate(&client, &base_url, 1, GENEROUS),
    ))
    .await?;
    let elapsed = started.elapsed();
    drop(clock);
    let Ok(result) = outcome else {
        return Err(fail(&format!(
            "{setting}, and {} after the call your function was still waiting: give up once \
             `limit` has passed",
            ms(GENEROUS + PATIENCE_AFTER)
        )));
    };
    match result {
        Err(ApiError::Timeout(err)) if err.is_timeout() && elapsed > CONNECT_LIMIT * 3 / 2 => {
            Err(fail(&format!(
                "{setting}; the result was Timeout, as it should be, but only after {} (on \
                 tokio's paused clock, exact): the connection attempt gave up at {}. One call, \
                 one request: no second connection attempt with the time `limit` has left",
                ms(elapsed),
                ms(CONNECT_LIMIT)
            )))
        }
        Err(ApiError::Timeout(err)) if err.is_timeout() => Ok(()),
        Err(ApiError::Connect(_)) => Err(fail(&format!(
            "{setting}; the connection attempt timed out, and the result is Connect: a \
             connection attempt that times out is a timeout, Timeout (Connect is for a \
             connection refused or impossible). reqwest's error for it answers true to both \
             `is_timeout()` and `is_connect()`: ask `is_timeout()` first, or let `?` do it \
             (lib.rs has `impl From<reqwest::Error> for ApiError`)"
        ))),
        other => timeout_expected(other, &setting, "`send()`"),
    }
}

/// How often the trickling server sends a byte of its body.
const TRICKLE: Duration = Duration::from_millis(80);

/// What a [`RawServer`] does after the head of its answer.
#[derive(Debug, Clone, Copy)]
enum Body {
    /// Sends the start of a post, then one byte every [`TRICKLE`], for about 3 s, then closes.
    Trickle,
    /// Sends the start of a post and closes the connection, well short of its Content-Length.
    CutShort,
    /// Sends a whole post, `200 OK`, in chunks (`Transfer-Encoding: chunked`, no
    /// `Content-Length`), as servers that stream their answers do.
    Chunked,
    /// Resets the connection (a TCP RST, not a close) once the request has arrived.
    Reset,
    /// Answers in another protocol than HTTP (an SSH server's greeting), then closes.
    NotHttp,
    /// Sends nothing at all: holds the connection open until the client closes it. Except to
    /// `GET /warm`, which it answers at once with `204 No Content`, keeping the connection open
    /// for the next request.
    Hold,
}

/// A server written on bare TCP, for what a mock HTTP server will not do: answer with a body
/// that arrives slowly or not at all. It answers every request with `200 OK` and a
/// `Content-Length` of 1000, then follows its [`Body`]. Stops when dropped.
struct RawServer {
    url: String,
    /// The path of each request it received (warm-ups excepted), in order, whether it carried
    /// the tag of the check's client, and when its head arrived (on tokio's clock, which a check
    /// may have paused).
    requests: Arc<Mutex<Vec<(String, bool, tokio::time::Instant)>>>,
    task: tokio::task::JoinHandle<()>,
}

impl RawServer {
    async fn start(body: Body) -> RawServer {
        // With a backlog long enough for every connection a check opens at once: with the
        // default (128 here), the 130th connection's SYN is dropped and resent a second later.
        // Some bodies close on purpose: with the usual handshake.
        let listener = lesson_support::testing::check_listener(mock_server::Closing::Handshake)
            .expect("a free port on loopback");
        let url = format!(
            "http://{}",
            listener
                .local_addr()
                .expect("a bound listener has an address")
        );
        let requests = Arc::new(Mutex::new(Vec::new()));
        let count = requests.clone();
        // How many warm-ups have arrived: `GET /warm/{n}` is answered once `n` have, so that `n`
        // sent at once hold `n` connections open together (see [`RawServer::warm`]).
        let (warmed, _) = tokio::sync::watch::channel(0_usize);
        let warmed = Arc::new(warmed);
        let task = tokio::spawn(async move {
            while let Ok((mut stream, _)) = listener.accept().await {
                if let Body::Hold = body {
                    // A held connection ends when its client gives up and closes it, a hundred
                    // at a time in some checks: closed with a reset, it leaves no port in
                    // `TIME_WAIT` behind on either side (see `mock_server::loopback_listener`).
                    let _ = stream.set_zero_linger();
                }
                let count = count.clone();
                let warmed = warmed.clone();
                tokio::spawn(async move {
                    let mut seen = Vec::new();
                    let mut buffer = [0u8; 1024];
                    loop {
                        // Read the request's head.
                        while !seen.windows(4).any(|w| w == b"\r\n\r\n") {
                            match stream.read(&mut buffer).await {
                                Ok(0) | Err(_) => return,
                                Ok(n) => seen.extend_from_slice(&buffer[..n]),
                            }
                        }
                        let Some(together) = warm_up(&seen) else {
                            break;
                        };
                        seen.clear();
                        warmed.send_modify(|count| *count += 1);
                        let mut count = warmed.subscribe();
                        if count.wait_for(|count| *count >= together).await.is_err() {
                            return;
                        }
                        let warm = b"HTTP/1.1 204 No Content\r\n\r\n";
                        if stream.write_all(warm).await.is_err() {
                            return;
                        }
                    }
                    let head = String::from_utf8_lossy(&seen);
                    let path = head
                        .split_whitespace()
                        .nth(1)
                        .unwrap_or_default()
                        .to_owned();
                    let tag = format!("\r\n{}:", lesson_support::testing::CLIENT_TAG_HEADER);
                    let tagged = head.to_ascii_lowercase().contains(&tag);
                    count.lock().unwrap_or_else(PoisonError::into_inner).push((
                        path,
                        tagged,
                        tokio::time::Instant::now(),
                    ));
                    if let Body::Hold = body {
                        // Until the client closes the connection.
                        while let Ok(1..) = stream.read(&mut buffer).await {}
                        return;
                    }
                    if let Body::Reset = body {
                        // A linger of zero makes the close a reset. (Deprecated because a
                        // linger makes a close block the thread until the data is sent; with
                        // zero there is nothing to wait for: the RST goes at once.)
                        #[allow(deprecated)]
                        let _ = stream.set_linger(Some(Duration::ZERO));
                        return;
                    }
                    if let Body::NotHttp = body {
                        let _ = stream.write_all(b"SSH-2.0-OpenSSH_9.6\r\n").await;
                        let _ = stream.shutdown().await;
                        return;
                    }
                    if let Body::Chunked = body {
                        let answer = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
                                      transfer-encoding: chunked\r\n\r\n\
                                      11\r\n{\"userId\": 1, \"id\r\n\
                                      1d\r\n\": 1, \"title\": \"chunked\", \"bo\r\n\
                                      9\r\ndy\": \"b\"}\r\n0\r\n\r\n";
                        let _ = stream.write_all(answer.as_bytes()).await;
                        let _ = stream.shutdown().await;
                        return;
                    }
                    let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
                                content-length: 1000\r\n\r\n{\"userId\": 1, \"id\": 1, \"title\": \"";
                    if stream.write_all(head.as_bytes()).await.is_err() {
                        return;
                    }
                    let _ = stream.flush().await;
                    if let Body::Trickle = body {
                        for _ in 0..36 {
                            tokio::time::sleep(TRICKLE).await;
                            if stream.write_all(b"a").await.is_err() {
                                return;
                            }
                            let _ = stream.flush().await;
                        }
                    }
                    let _ = stream.shutdown().await;
                });
            }
        });
        RawServer {
            url,
            requests,
            task,
        }
    }
}

impl RawServer {
    /// The paths of the requests received so far.
    fn paths(&self) -> Vec<String> {
        self.requests
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .map(|(path, ..)| path.clone())
            .collect()
    }

    /// When each request received so far arrived, on tokio's clock.
    fn arrivals(&self) -> Vec<tokio::time::Instant> {
        self.requests
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .map(|(.., arrived)| *arrived)
            .collect()
    }

    /// Opens `count` connections from `client` to the server and leaves them in the client's
    /// pool: `count` requests at once, which the server answers only when all have arrived, so
    /// that each needs a connection of its own. A check that stops tokio's clock warms first, so
    /// that no connection attempt is cut short by a jump of the clock.
    async fn warm(&self, client: &Client, count: usize) -> Result<(), String> {
        let url = format!("{}/warm/{count}", self.url);
        let warm_ups = futures::future::join_all((0..count).map(|_| client.get(&url).send()));
        let answers = tokio::time::timeout(Duration::from_secs(10), warm_ups)
            .await
            .map_err(|_| fail("the check's own server was not warmed up within 10s"))?;
        for answer in answers {
            match answer {
                Ok(response) if response.status() == reqwest::StatusCode::NO_CONTENT => {}
                other => return Err(fail(&format!("the check's own server failed: {other:?}"))),
            }
        }
        // The connections go back to the pool from their own tasks, just after their answers.
        tokio::time::sleep(Duration::from_millis(20)).await;
        Ok(())
    }

    /// How many of the requests received so far carried the tag of the check's client, and
    /// how many there were.
    fn tagged(&self) -> (usize, usize) {
        let requests = self.requests.lock().unwrap_or_else(PoisonError::into_inner);
        let tagged = requests.iter().filter(|(_, tagged, _)| *tagged).count();
        (tagged, requests.len())
    }
}

/// `Some(n)` when `head` is a warm-up, `GET /warm` (`n` = 1) or `GET /warm/{n}`.
fn warm_up(head: &[u8]) -> Option<usize> {
    let head = std::str::from_utf8(head).ok()?;
    let path = head.strip_prefix("GET /warm")?.split(' ').next()?;
    match path.strip_prefix('/') {
        None if path.is_empty() => Some(1),
        Some(count) => count.parse().ok(),
        None => None,
    }
}

impl Drop for RawServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// `limit` may be `Duration::ZERO`: a timeout of zero gives up at once with `Timeout` (as
/// reqwest's `.timeout(Duration::ZERO)` does), against a server that would answer after 300 ms.
/// Last but cheap: answers that time out wrongly in general are told so by the timing checks.
pub async fn a_zero_limit_gives_up_at_once<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let client = tagged_client("http://127.0.0.1");
    let expected = the_post(&client, 36).await?;
    let server = server_answering(
        ResponseTemplate::new(200)
            .set_body_json(&expected)
            .set_delay(Duration::from_millis(300)),
    )
    .await;
    let setting = "`limit` was `Duration::ZERO`, and the server would have answered after 300ms";
    let outcome = EXERCISE
        .run(tokio::time::timeout(
            Duration::from_secs(5),
            candidate(&client, &server.uri(), 36, Duration::ZERO),
        ))
        .await?;
    match outcome {
        Ok(Err(ApiError::Timeout(_))) => Ok(()),
        Ok(other) => Err(fail(&format!(
            "{setting}; expected Err(Timeout(..)), got {}: a `limit` of zero is a timeout of \
             zero, so give up at once with Timeout (it is not aiohttp's \"0 means no \
             timeout\"): pass `limit` as it is, `.timeout(limit)`",
            variant(&other)
        ))),
        Err(_) => Err(fail(&format!(
            "{setting}, and 5s later your function had not returned: a `limit` of zero is a \
             timeout of zero, so give up at once with Timeout"
        ))),
    }?;

    // Against a server that answers within milliseconds, a floor of one's own (`limit.max(10ms)`)
    // shows: reqwest's zero timeout fires at the timer's next tick (within 1 ms), before an
    // answer that the server sends 3 ms after the request arrives, so the reference's result is
    // Timeout every time, however late a busy machine makes the answer. A floor gives the answer
    // the time to arrive: 25 tries each, so that tries slowed past the floor by a busy machine do not hide it.
    let server = server_answering(
        ResponseTemplate::new(200)
            .set_body_json(&expected)
            .set_delay(Duration::from_millis(3)),
    )
    .await;
    for (limit, shown) in [
        (Duration::ZERO, "`Duration::ZERO`"),
        (Duration::from_millis(1), "1ms"),
    ] {
        for _ in 0..25 {
            let outcome = EXERCISE
                .run(tokio::time::timeout(
                    Duration::from_secs(5),
                    candidate(&client, &server.uri(), 36, limit),
                ))
                .await?;
            let setting = format!("`limit` was {shown}, and the server answered after 3ms");
            match outcome {
                Ok(Err(ApiError::Timeout(_))) => {}
                Ok(other) => {
                    return Err(fail(&format!(
                        "{setting}; expected Err(Timeout(..)), got {}: a `limit` of {shown} \
                         gives up after {shown}, even against a server that answers within \
                         milliseconds. Do not raise `limit` to a floor of your own: pass it as \
                         it is, `.timeout(limit)`",
                        variant(&other)
                    )));
                }
                Err(_) => {
                    return Err(fail(&format!(
                        "{setting}, and 5s later your function had not returned: a `limit` of \
                         {shown} gives up after {shown}, with Timeout"
                    )));
                }
            }
        }
    }
    Ok(())
}

/// How soon an error status whose body never comes must be reported: the head arrives at once
/// (a few milliseconds is usual), and reading the body first waits for `limit` (2 s).
const ERROR_HEAD_PROMPTLY: Duration = Duration::from_secs(1);

/// An error status is known as soon as the answer's head arrives: a 404 or a 503 whose body
/// stalls past `limit` (or never comes) is still `NotFound` / `Status`, not `Timeout` or
/// `Other`, and reported within [`ERROR_HEAD_PROMPTLY`]. Draining the error answer's body first
/// turns it into a timeout, or (its error ignored) into the right variant 2 s late.
pub async fn an_error_status_does_not_wait_for_its_body<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let limit = Duration::from_secs(2);
    for status in [404u16, 503] {
        // The head at once; the body 5 s later, long after `limit` (the server stops with the
        // check, so the body never comes).
        let server = SlowBodyServer::start(move |_method, _path| {
            SlowAnswer::raw(status, "{\"error\": \"unavailable\"}", "application/json")
                .body_after(Duration::from_secs(5))
        })
        .await;
        let client = tagged_client(&server.uri());
        let base = format!("{}/api/v1", server.uri());
        let asked = format!("{base}/posts/47");
        let started = Instant::now();
        let outcome = EXERCISE
            .run(tokio::time::timeout(
                Duration::from_secs(5),
                candidate(&client, &base, 47, limit),
            ))
            .await?;
        let elapsed = started.elapsed();
        let setting = format!(
            "the server sent the head of a {status} at once, and its body only 5s later; \
             `limit` was {}",
            ms(limit)
        );
        let sent: Vec<String> = server
            .arrivals()
            .iter()
            .map(|a| format!("{} {}", a.method, a.path))
            .collect();
        if sent.len() > 1 {
            return Err(fail(&format!(
                "{setting}, and the server received {sent:?} from one call: one call, one request"
            )));
        }
        let expected = if status == 404 {
            format!("Err(NotFound {{ url: {asked:?} }})")
        } else {
            format!("Err(Status {{ status: {status}, url: {asked:?} }})")
        };
        let right = match &outcome {
            Ok(Err(ApiError::NotFound { url })) => status == 404 && *url == asked,
            Ok(Err(ApiError::Status { status: got, url })) => {
                got.as_u16() == status && status != 404 && *url == asked
            }
            _ => false,
        };
        if right && elapsed <= ERROR_HEAD_PROMPTLY {
            continue;
        }
        if right {
            return Err(fail(&format!(
                "{setting}, and your function returned {expected} only after {}: an error \
                 status is known as soon as the head arrives. Report it then, from the status \
                 alone, without reading (or waiting for) the error answer's body: a body that \
                 is slow or never comes would hold the answer back until `limit`",
                ms(elapsed)
            )));
        }
        let got = match &outcome {
            Ok(result) => format!("got {}", variant(result)),
            Err(_) => "5s later your function had not returned".to_owned(),
        };
        return Err(fail(&format!(
            "{setting}; expected {expected}, {got}: an error status is known as soon as the \
             head arrives, whatever its body and however late it comes. Report it from the \
             status alone, without reading (or waiting for) the error answer's body"
        )));
    }
    Ok(())
}

/// How many calls [`calls_made_together_are_sent_together`] makes at once.
const TOGETHER_CALLS: u64 = 23;

/// The `limit` of each of those calls, against a server that takes 5 s.
const TOGETHER_LIMIT: Duration = Duration::from_millis(250);

/// How far apart the requests of calls made at once may reach the server: a few milliseconds
/// is usual; a spacing of one's own between requests (25 ms each) spreads 23 over 550 ms.
const TOGETHER_SPREAD: Duration = Duration::from_millis(150);

/// Each call is on its own: calls made at the same time send their requests at once, each
/// waiting at most its own `limit`. 23 calls at once (each for its own post) against a server
/// that takes 5 s, `limit` 250 ms: every call is `Timeout`, the requests reach the server
/// within [`TOGETHER_SPREAD`] of each other, and the last call returns within `limit` +
/// [`SLACK_AFTER`]. A spacing or queue of one's own between requests (a process-wide limiter)
/// spreads them out and makes the later calls late. When a round fails on timing alone, it is
/// made once more, with other posts, and the second is judged (a busy machine delays one round;
/// a spacing of one's own delays both). Near the end: it takes a `limit` of real time, or two.
pub async fn calls_made_together_are_sent_together<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let slow = Duration::from_secs(5);
    let api = MockApi::builder()
        .base_path("/api/v1")
        .latency(Latency::Fixed(slow))
        .start()
        .await;
    let client = tagged_client(&api.uri());
    let setting = format!(
        "{TOGETHER_CALLS} calls were made at once, each for its own post, with a `limit` of {}, \
         against a server that takes {} to answer",
        ms(TOGETHER_LIMIT),
        ms(slow)
    );

    let mut first_try = None;
    for round in 0..2u64 {
        let ids: Vec<u64> = (0..TOGETHER_CALLS).map(|i| 300 + round * 100 + i).collect();
        let started = Instant::now();
        let calls = ids.iter().map(|&id| {
            let client = &client;
            let uri = api.uri();
            async move {
                let outcome = tokio::time::timeout(
                    TOGETHER_LIMIT + PATIENCE_AFTER,
                    candidate(client, &uri, id, TOGETHER_LIMIT),
                )
                .await;
                (outcome, started.elapsed())
            }
        });
        let results = EXERCISE.run(futures::future::join_all(calls)).await?;

        // The wrong variant is wrong however busy the machine is: said at once.
        let wrong = results.iter().find_map(|(outcome, _)| match outcome {
            Ok(Err(ApiError::Timeout(_))) | Err(_) => None,
            Ok(other) => Some(other),
        });
        if let Some(result) = wrong {
            return Err(fail(&format!(
                "{setting}; expected Err(Timeout(..)) from every call, got {}{}",
                variant(result),
                sort_hint(result)
            )));
        }
        let pending = results.iter().filter(|(o, _)| o.is_err()).count();
        let latest = results
            .iter()
            .map(|(_, elapsed)| *elapsed)
            .max()
            .unwrap_or_default();
        let wanted: Vec<String> = ids.iter().map(|id| format!("/api/v1/posts/{id}")).collect();
        let arrivals: Vec<_> = api
            .arrivals()
            .into_iter()
            .filter(|a| wanted.contains(&a.path))
            .collect();
        let spread = match (
            arrivals.iter().map(|a| a.at).min(),
            arrivals.iter().map(|a| a.at).max(),
        ) {
            (Some(first), Some(last)) => last - first,
            _ => Duration::ZERO,
        };
        if arrivals.len() > wanted.len() {
            return Err(fail(&format!(
                "{setting}, and the server received {} requests from them: one call, one \
                 request. After a timeout, return Timeout; do not retry",
                arrivals.len()
            )));
        }
        let on_time = pending == 0
            && arrivals.len() == wanted.len()
            && spread <= TOGETHER_SPREAD
            && latest <= TOGETHER_LIMIT + SLACK_AFTER;
        if on_time {
            return Ok(());
        }
        let report = format!(
            "the server received {} of their {TOGETHER_CALLS} requests, the first and the last \
             {} apart, and {}",
            arrivals.len(),
            ms(spread),
            if pending > 0 {
                format!(
                    "{pending} call(s) had not returned {} after they were made",
                    ms(TOGETHER_LIMIT + PATIENCE_AFTER)
                )
            } else {
                format!("the last call returned Timeout after {}", ms(latest))
            }
        );
        match first_try {
            None => first_try = Some(report),
            Some(first) => {
                return Err(fail(&format!(
                    "{setting} (twice, for other posts the second time): {report} (the first \
                     time, {first}). Each call is on its own and waits at most its own `limit`: \
                     calls made together send their requests together, so expected them within \
                     {} of each other and every call back within {} of the call. Keep nothing \
                     between calls: no spacing, queue or rate limit of your own (pacing \
                     requests is the caller's choice)",
                    ms(TOGETHER_SPREAD),
                    ms(TOGETHER_LIMIT + SLACK_AFTER)
                )));
            }
        }
    }
    Ok(())
}

/// `limit` is any `Duration`, however short: under a millisecond (1 µs, 500 µs, 999 µs, whose
/// `as_millis()` is 0) it is a limit like any other, `Ok` or `Timeout`, never a panic (a
/// percentage of the limit, `elapsed / limit.as_millis()`, divides by zero). On tokio's paused
/// clock, kept from moving by a task that only yields (the clock jumps only when every task
/// waits), so that no `limit` passes and the answer comes first; the yielding stops after 1 s of
/// real time, so that a function waiting for a timer of its own is not held for ever.
pub async fn a_limit_under_a_millisecond_is_a_limit_too<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let api = MockApi::builder().base_path("/api/v1").start().await;
    let client = tagged_client(&api.uri());
    let expected = the_post(&client, 36).await?;
    let limits = [
        Duration::from_micros(1),
        Duration::from_micros(500),
        Duration::from_micros(999),
    ];
    let mut outcomes = Vec::new();
    {
        let _clock = PausedClock::start();
        let busy = tokio::spawn(async {
            let started = std::time::Instant::now();
            while started.elapsed() < Duration::from_secs(1) {
                tokio::task::yield_now().await;
            }
        });
        for limit in limits {
            let outcome = EXERCISE
                .run(candidate(&client, &api.uri(), 36, limit))
                .await;
            let panicked = outcome.is_err();
            outcomes.push((limit, outcome));
            if panicked {
                break;
            }
        }
        busy.abort();
    }
    for (limit, outcome) in outcomes {
        let setting = format!(
            "`limit` was {} µs (under a millisecond: `limit.as_millis()` is 0) and the server \
             answered at once",
            limit.as_micros()
        );
        match outcome {
            Err(message) if message.contains("still the stub") => return Err(message),
            Err(message) => {
                return Err(fail(&format!(
                    "{setting}, and your code panicked{}: never a panic, whatever `limit` is. A \
                     `limit` under a millisecond is a limit like any other: nothing may divide \
                     by `limit.as_millis()` or `limit.as_secs()`, which are 0 for it",
                    where_it_panicked(&message)
                )));
            }
            Ok(Ok(post)) if post == expected => {}
            Ok(Err(ApiError::Timeout(_))) => {}
            Ok(other) => {
                return Err(fail(&format!(
                    "{setting}; expected Ok(post 36), or Err(Timeout(..)) if the limit passed \
                     first, got {}: a `limit` under a millisecond is a limit like any other",
                    variant(&other)
                )));
            }
        }
    }
    Ok(())
}

/// In how many polls, over the 16 calls of [`no_call_blocks_its_thread`], the thread may block:
/// a few, for what no one writes (a lock of the allocator's, held by a thread of another check
/// that the scheduler paused); a blocking call in each call makes 16.
const BLOCKED_AT_MOST: u64 = 4;

/// Nothing a call does blocks the thread it runs on, which its caller's other tasks share: 16
/// calls (8 one after another, then the same 8 at once) against a server that answers at once,
/// each poll of the function watched (see `lesson_support::testing::blocked_polls`): the thread
/// may not give up its processor in the middle of a poll. A 1 ms `std::thread::sleep` per call
/// ("a courtesy pause"), too short for any timing bound, blocks 16 times. Linux only.
pub async fn no_call_blocks_its_thread<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    // Failures too: 77 and 58 are 404s, 90 a 503 (work done only on failure is watched too).
    let api = MockApi::builder()
        .base_path("/api/v1")
        .fault(Fault {
            select: FaultSelect::Ids(vec![77, 58]),
            effect: FaultEffect::Status(404),
        })
        .fault(Fault {
            select: FaultSelect::Ids(vec![90]),
            effect: FaultEffect::Status(503),
        })
        .start()
        .await;
    let client = tagged_client(&api.uri());
    let ids = [41_u64, 3, 77, 3, 12, 58, 90, 25];
    let url = api.uri();
    // Each call watched on its own, inside `run`: the course's own bookkeeping of polls (a lock
    // shared by the checks running at the same time) is not the function's.
    let call = |id| EXERCISE.run(blocked_polls(candidate(&client, &url, id, GENEROUS)));
    let mut outcomes = Vec::new();
    for id in ids {
        outcomes.push(call(id).await?);
    }
    for outcome in futures::future::join_all(ids.map(call)).await {
        outcomes.push(outcome?);
    }
    let mut blocked = Some(0);
    for (outcome, id) in outcomes.into_iter().zip(ids.iter().chain(&ids)) {
        let (result, times) = outcome;
        blocked = blocked.zip(times).map(|(sum, times)| sum + times);
        let expected = match id {
            77 | 58 => "NotFound",
            90 => "Status",
            _ => "Ok",
        };
        let right = match &result {
            Ok(post) => expected == "Ok" && post.id == *id,
            Err(ApiError::NotFound { .. }) => expected == "NotFound",
            Err(ApiError::Status { status, .. }) => expected == "Status" && status.as_u16() == 503,
            Err(_) => false,
        };
        if !right {
            return Err(fail(&format!(
                "post {id} was asked for from a server that answers at once (posts 77 and 58 \
                 with 404, post 90 with 503); expected {expected} for it, got {}",
                variant(&result)
            )));
        }
    }
    match blocked {
        Some(times) if times > BLOCKED_AT_MOST => Err(fail(&format!(
            "16 calls (posts {}, one after another, then together) against a server that \
             answers at once (posts 77 and 58 with 404, post 90 with 503): in {times} of your \
             function's polls the thread blocked (it gave \
             up its processor in the middle of a poll, for 1 ms or more, as \
             `std::thread::sleep`, a blocking client, `block_on` or a contended \
             `std::sync::Mutex` make it do). Never \
             block the thread: other tasks share it. Wait with `.await` (`tokio::time::sleep`)",
            ids.map(|id| id.to_string()).join(", ")
        ))),
        _ => Ok(()),
    }
}

/// An error status is reported when its head arrives, with no timer of one's own: a 404 whose
/// body would follow a day later is `NotFound` on tokio's paused clock held still by the check
/// (which polls the call and yields in turns, for at most 2 s of real time). A grace period to
/// read the start of the body (a 50 ms timeout around the first chunk) never ends while the
/// clock stands still.
pub async fn an_error_status_waits_for_no_timer<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, u64, Duration) -> Result<Post, ApiError>,
{
    let post_9 = the_post(&tagged_client("http://127.0.0.1"), 9).await?;
    let server = SlowBodyServer::start(move |_, _| {
        SlowAnswer::json(404, &post_9).body_after(Duration::from_secs(24 * 60 * 60))
    })
    .await;
    let client = tagged_client("http://127.0.0.1");
    let url = server.uri();
    let call = EXERCISE.run(candidate(&client, &url, 9, GENEROUS));
    let (outcome, _) = held_still(Duration::from_secs(2), call).await;
    let Some(result) = outcome else {
        return Err(fail(
            "the server answered 404 at once, its body to follow a day later, and on tokio's \
             paused clock, held still by the check, your function had not returned 2 s (of real \
             time) later: an error status is known from the answer's head, so report it then, \
             with no timer of your own (no grace period to read the start of its body)",
        ));
    };
    match result? {
        Err(ApiError::NotFound { .. }) => Ok(()),
        other => Err(fail(&format!(
            "the server answered 404 at once, its body to follow a day later; expected \
             Err(NotFound {{ .. }}), got {}",
            variant(&other)
        ))),
    }
}
