//! The checks of exercise 15 (`digest_posts`), run against your file, the reference solution,
//! the course's typical wrong answers and its correct variants.
//!
//! # Rule table
//!
//! | contract clause | check(s) | inputs that make the near misses fail |
//! |---|---|---|
//! | each call on the runtime that awaits it | `works_on_one_runtime_after_another` (first, before any call on the checks' own runtime) | three calls, each on a current-thread runtime of its own, the first dropped before the second is built, the second kept but not running while the third call runs: all `Ok` (a `Handle` or a client kept in a `static` from the first call refuses, panics or hangs; a task of one's own started again only once its runtime is gone waits for good on the idle one) |
//! | each call on the runtime that awaits it, beside another call | `a_call_outlives_another_calls_runtime` (last) | two calls at once on runtimes of their own, on threads of their own: post 86 answered after 1 s; post 87, asked 200 ms later, answered at once, its runtime shut down as soon as its call returns; both digested (a runtime `Handle` kept in a `static` and replaced by each call fails) |
//! | no panic, whatever other code does to the runtime | `a_runtime_held_by_another_task_is_no_panic` | on a current-thread runtime, a task of the check's own holds the thread for 300 ms while the call waits: no panic (a heartbeat of one's own that asserts the runtime is never held panics); then a task that holds it for the call's first 300 ms, ids `[3, 1, 2]` answered after 600 ms: all three in flight together, from the server's side (a probe of the runtime's lag that, finding it slow, asks one post at a time fails) |
//! | nothing for no ids | `digests_nothing_for_no_ids` | `ids = []`: no request, no digest, `[]`, within 5 s (`buffered(ids.len())` waits for ever) |
//! | one GET `{base_url}/posts/{id}` per entry, base path kept, repeats asked again, through `client` | `digests_each_body_in_order` (helper `one_get_per_entry`) | a base URL ending in `/api` (`Url::join("/posts/..")` drops it), and one with a user and a password (`Authorization: Basic` must arrive: a URL rebuilt from its origin and path, or a `Request::new` sent with `execute`, drops them), a password with a `:` in it (`user:pa:ss`: split at every `:` fails), one with a `+` and an escaped `%` (`p+ss%2541`: `user:p+ss%41` must arrive; a `+` read as a space, or decoding until nothing changes, fails), user and password escaped (`me%40example.com:p%40ss`, `j%C3%BCrgen`: sent undecoded, or decoded byte by byte, fails) and a user alone (`TOKEN@`: `TOKEN:` must arrive), a password alone (`:secret@`: `:secret` must arrive), an `@` in the path (`/@team/api`: credentials cut at the last `@` of the URL lose the host), a path `/API/v2` (lowercasing fails) and one with `%2F` (re-encoding segments fails), `/api/v1.1` (a last segment with a dot taken for a file, `Url::join`, fails) and `/app/index.php` (a script's name resolved past, as a browser does, fails), `/api/posts` (a base path ending in `/posts` taken as the collection fails), one with its scheme in capitals (`HTTP://`: a check for `http://` that adds a scheme of its own fails), and one with no path at all (`Url::parse(base).to_string()` adds a `/`: `//posts/5`), ids `[7, 3, 7, 12]` unsorted with a repeat (dedup fails), a tagged client (a client of one's own fails); two calls at once with the same ids on the same server: twice the GETs and the digests (a request shared between calls fails); a call about ids `[61, 61]` whose body of 1.5 MiB is on its way (1.2 MiB with the head, the rest 800 ms later) and a second call started 300 ms after it: both right, and 61 asked twice (spooling both entries to one file named by the id, or one GET for ids next to each other, fails) (a call that first tidies up the files or tasks earlier calls left fails) ; a call about [71, 72] (72 after 600 ms), 300 ms later one about [71], and 100 ms after that one about [71] with another `digest`: four GETs, each call its own digests by its own `digest` (digests taken from another call's journal, or a `digest` kept in a `static` the later call replaces, fail); ids `[9, 10, 9, 0, 9]`, post 9 three times apart: three GETs, five results (a repeat handled by its first and last place alone fails); a body whose first 60 bytes come with the head and the rest 300 ms later: `digest` given the whole body once, never the first piece (a digest started early and run again fails), then the same in chunks with no `Content-Length` (a piece shorter than a buffer taken for the body's end fails); the same body in `HTTP/1.0`: `Ok` (a panic on the version fails); an empty 200 with no length in its head, in chunks and in `HTTP/1.0`: the digest of an empty body (a first piece expected unless the head says 0 panics); two calls on one server with the base paths `/Api` and then `/api` (a memo of URLs kept by the base in lower case fails); base paths with escapes as written, `%2f` in lower case and `%7E` (upper-casing or decoding them fails); post 0 among the ids, after post 10 and answered after it (0 taken as a mark of a filled place fails); then a `digest` that returns `u64::MAX` for two posts and 0 for a third: those values as the results, each body digested once (a value taken as "not done" or "failed", or digests added up, fails); two calls on one server and base, with `reader:s3cret@` and then with no credentials: no `Authorization` the second time (credentials remembered for a server fail); the base `http://posts.example/api` through a client that resolves that name to the server (an upgrade to `https://` off loopback, or `port().expect`, fails); on Unix, a client over a Unix socket (`remote_addr().expect` panics); then two calls about [1, 2], post 1 answered with `Alt-Svc` naming another server, `Content-Location: /api/posts/1.json` and `Link: <…?page=2>; rel="next"`, posts 1 and 2 with the same `Repr-Digest`, post 2 gzipped: one GET of each per call, to this server, each body's own digest (another server or address remembered, a next page followed, or a digest reused for the header, fails); the base with `https://` on a server of plain HTTP: each entry `Err`, no request (a second try over `http://` fails); `[3, 4, 3]` through a client that follows redirects, post 3 moved (301) to `/api/posts/3/`: the page it leads to, in post 3's places, digested twice (a place found from `response.url()`, or one digest shared by entries that end at one URL, fails); post 6 answered 302 to itself through a client that follows two redirects at most: one `Err` after the client's 3 GETs (asking again once the client gave up fails) |
//! | the body exactly as it arrived, digested once per entry, results in the order of `ids` | `digests_each_body_in_order` | bodies written with odd spacing and field order, and a title with `\u00e9` escaped: decoding and encoding again changes the bytes; post 3's starts with `for (;;);` (stripping known guards fails); a body sent with `Content-Encoding: gzip`, which the client given does not decode: its gzip bytes digested after one GET (asking again with `Accept-Encoding: identity` fails); a JSONP body (`callback({..});`, `application/javascript`) and a UTF-16 one with its byte order mark (taking the wrapper off, or decoding to UTF-8, fails); a body starting with a line break (trimming its start fails); post 12's body starts with a UTF-8 byte order mark: digesting `text()` (which strips it) changes them too; post 3's ends in ` \t\r\n` (trimming changes it, and so does turning CRLF into LF); post 7's starts with `)]}',` (stripping that guard changes it); answers arriving in another order than `ids` (300, 150, 300 and 0 ms: the last entry first): results in the order of arrival, or each put in at its index as it comes (`insert(i)`), fail; post 12 padded to over 3 MB (a read capped at 1 or 2 MiB digests it cut short); the request targets compared with their query (a `?copy=2` on a repeat fails); the same ids asked again on the same server, one GET each and each body digested again, a request carrying `If-None-Match` or `If-Modified-Since` answered 304, the bodies sent with an `ETag`, a `Last-Modified`, an `Expires` far ahead and `Cache-Control: max-age=60, immutable` (post 7's also `public`), post 3 with `Age: 120` (asking again for a stale answer fails) (a cache of one's own between calls, plain, conditional or heeding `max-age`, fails); post 12 answered by two calls, with `s-maxage=60` and `stale-while-revalidate` too, and `CDN-Cache-Control` and `Surrogate-Control` saying `max-age=60`, then with a body under half as long: one GET each, each body digested (a cache heeding `s-maxage` or a CDN's fields, or asking again for a body shorter than before, fails); post 53 answered 200 with an empty body, and post 54 with `Content-Type: text/html; charset=caf\xE9` and that text as its `ETag`, a byte past ASCII: each digested after one GET (asking again for an empty 200 fails, and so does a panic reading either header as text); then ids `[54, u64::MAX]`: a digest and a 404 (a table sized from the largest id panics), each asked at its own URL (an id turned into an `i64` asks `/posts/-1`); post 6 sent chunked, with no `Content-Length` (reading `Content-Length` bytes digests it empty); then post 5 with `charset=iso-8859-1` and a byte 0xE9 (decoding a declared charset with `text()` digests other bytes); post 10's body with an `é`, as UTF-8, across its bytes 79 and 80 (a preview cut at byte 80 panics); post 14 asked by two calls, the second answer longer, other from its first byte and dated a day earlier, from a server that also serves ranges (a body kept because its date is later, or completed with a `Range` for the bytes it lacks, fails); post 11 answered 200 with a web page (`<!DOCTYPE html>`, `text/html`): digested after one GET (a page taken for an error and asked again fails); post 53's empty 200 labelled `Content-Encoding: gzip` (checking a gzip header by indexing panics); ids `[u64::MAX, 54]`, the largest first; a body with a UTF-8 byte order mark and one labelled UTF-8 that holds a Latin-1 byte (stripping the mark or repairing the text fails), both with the same `ETag` of 32 hex digits, the second 200 ms later (a digest kept by tag fails); a third call answered with an empty body (an older body digested instead fails); a body of 4.5 MiB with `Accept-Ranges: bytes`: one GET (asking again in ranged parts fails), then one of 16.5 MiB: its digest, one GET (a body past a size of one's own digested in parts, their values added, fails) |
//! | an error status, any 4xx or 5xx, is an `Err` carrying it, and is not digested; any other status is an answer; a failed request is an `Err` | `an_error_is_an_err_and_is_not_digested` | a 404, a 429 and a 503 (each with `Retry-After: 1`: a retry of one's own that honours it fails), a 502 (a retry of "gateway errors" fails), a 408 (a retry of what HTTP says a client may repeat fails), a 500, each with a post as its body, beside a 200, a 999 (a digest: `status >= 400` with `expect_err` panics) and a 300 without `Location` (not followed; `is_success()` treats it as an error): no `error_for_status` digests them; the 300 carries a `Location` that must not be asked; a 503 whose body breaks off must be `Err(status 503)` (reading the body first loses the status); a 200 whose body breaks off, from a server that says `Accept-Ranges: bytes` with a strong `ETag`: `Err`, one request (digesting what came, or an empty body, fails, and so does asking for the rest with `Range`); a connection closed with no answer, and one reset: `Err`, one request (a retry of one's own on a dropped or reset connection fails); a client with a 300 ms timeout and answers after 1.5 s: `Err` after one request per entry (a retry of one's own fails); a base URL with a space: `Err`, no panic (`Url::parse(..).expect` fails); an address where nothing listens: each entry `Err`, no panic; a 200 whose head declares a `Content-Length` of 2^63 and whose body breaks off after 13 bytes (a buffer sized from the declared length panics); then every status from 201 to 599 that `StatusCode::canonical_reason` names, and 299, 499, 520 to 524 (Cloudflare's: retrying them fails) and 599, one entry each, each with `Retry-After: 0` and `x-should-retry: true`, then again, on the same server, each with a `Retry-After` date already past (a `Location` remembered from the first round fails) (a `Retry-After` read as seconds with `expect` panics), and, for a 3xx, a 201 and a 202, a `Location` (polling it fails), for a 502, 503 and 504 a `Proxy-Status` saying the gateway never reached the server (asking again fails), and for the 206 a `Content-Range` for a part of a longer file (asking for the rest fails), through a client of this call's own mark that follows no redirect: each asked once (polling a 202, retrying a 421, 425 or a `Retry-After: 0` fails), no `Location` asked (following a 301 by hand fails), a request without this call's mark fails (a client kept from an earlier call); then only errors (404, 500, 404) with a digest that counts its calls: not one call (a warm-up `digest(&[])` fails); then three calls about post 11 answered 200 (`stale-if-error=86400`), then an unasked 304, then 500: `Ok` of the body, `Ok` of an empty body, `Err(500)` (a digest kept from an earlier call and given for a 304 or a failure fails); nothing listening at `localhost`, through a client that counts its connection attempts: two attempts for two entries (trying a refused connection again fails); the second sweep's `Location` past ASCII, as raw UTF-8 (reading it with `to_str().unwrap()` panics) |
//! | a slow answer waited for, no time limit of one's own | `waits_for_a_slow_answer` | a runtime of the check's own with a paused clock, so that a timer of the answer's, however long, ends as soon as the call waits for the server; a client with no timeout; posts answered after 300 ms (real time): each must be `Ok` (a `RequestBuilder::timeout` or `tokio::time::timeout` of any length gives `Err`), after one GET per entry (a second request sent after a wait of one's own, "hedging", fires at once); then a head at once and its body 300 ms later (real time), with a `Content-Length` and then in chunks with none: `Ok` after one GET (a watchdog of one's own on the body's pieces that asks again fails, and so does a progress line that divides by a size the head did not give); then ids `[56, 57]` with a digest of 300 ms on the paused clock: each digested once (a timer of one's own that starts a second digest beside a slow one that runs on a thread of one's own fires at once there); then post 58 with a digest that holds its thread until the check lets it go, the paused clock moved a minute on by the check meanwhile (a paused clock does not move on its own while a blocking task runs): one digest, and its value (a second digest started beside one on the blocking pool after some seconds, or a time limit of one's own on the digest, fails); 70 ids on the paused clock, post 60 answered after 300 ms: 70 `Ok`s (a time limit of one's own for calls of many ids fails) |
//! | all in flight together | `has_every_request_in_flight_together` | 131 ids (unsorted, 31 repeated), 600 ms each, peak read on the server: a loop, `buffer_unordered(4)`, batches of 50, any cap below 131 fails; then two calls at once of 17 ids each: 34 in flight (a lock of one's own that runs one call at a time fails), then the same to two servers, a base URL each: 17 in flight on each (a setting of one's own per base, changed under a lock, fails), then on the first server `[36, 5, 35, 12, 40]`, two of them slow last time: all 5 in flight (a post slow last time sent after the others fails); then a call whose post 999 answers 429, one whose every post answers 500, 503 or 502, each answer with `X-RateLimit-Remaining: 1` and the draft's `RateLimit` fields, and a call of 40 ids on the same server: 40 open at once (a window that shrinks after a 429, a circuit breaker that sends one probe after an outage, a budget of one's own from rate-limit headers, fail); then a call whose one request meets a connection closed with no answer, and a call of 41 ids: 41 open at once (a window that shrinks after a dropped connection fails); then a call, through a client with a 300 ms timeout, whose one request meets it, and a call of 42 ids: 42 open at once (a window that shrinks after a timeout fails); then seven calls of 20 ids dropped while their requests are in flight, and a call about 131 ids: all 131 in flight (a permit or slot given back by code after an `.await`, which a dropped call never runs, fails); after a call answered with `Keep-Alive: timeout=5, max=3`, a call about six ids, all in flight (`max` read as a cap fails); a call dropped after 100 ms on a current-thread runtime of the check's own, which then runs on 700 ms: no panic on its thread (tasks left behind that `send(..).unwrap()` to the dropped receiver fail); after an answer with `Connection: close`, 20 ids all open together (a bound of one's own on that origin fails); a base with `reader:s3cret@` and 21 ids answered after 600 ms, all in flight together (a first request sent alone fails); 21 calls at once of one id each, all open together (a bound on calls at once fails) |
//! | requests sent by async code on the runtime, not from a blocking thread | `sends_every_request_from_the_runtime` | a client whose name resolver writes down the thread it runs on (`localhost`), compared with the check's runtime thread: the whole request inside `spawn_blocking` (`Handle::block_on`) or a thread of one's own fails |
//! | the bodies read by async code on the runtime, not on a blocking thread | `reads_every_body_on_the_runtime` | a runtime of the check's own whose blocking pool has one thread, and bodies (one of them over 3 MB: a body read on the pool only when it is large fails) that the server holds back until a task of the check's, which asks that pool for its thread once the requests have come, gets it (4 s at most), twice: a body read inside `spawn_blocking` (`Handle::block_on(response.bytes())`, or `futures::executor::block_on`) holds the thread until the body is in, so the task gets it only once the bodies went after 4 s |
//! | `digest` off the runtime's threads: the runtime keeps running | `digests_off_the_runtime_thread` | a digest that blocks 300 ms, 5 entries, one body empty, then one entry alone, a heartbeat on the check's current-thread runtime: a gap of 250 ms or more, twice in a row, fails (calling `digest` inline, for every body or only an empty one, `futures::executor::block_on` on the blocking pool, a `std::thread` joined with `.join()`); `block_in_place` panics on this runtime; then a digest that takes no time, noting its thread, called three times (15 digests): none may run on the check's runtime thread (timing a digest once, or keeping a record per function, and running it inline when it was quick fails); then two calls at once, the first with a digest of 600 ms, the second started once those digests have begun: the same heartbeat must not stall for 250 ms, twice in a row (a call that first `.join()`s the threads earlier calls left behind holds the runtime) ; then, twice, a second call with a quick digest started once a first call's digests of 600 ms have begun: no stall, and the second call done 200 ms or more before the first (a call that first waits, asynchronously, for every digest still running fails, and so does a pool of digest threads shared by calls); then a call about 3 posts with a digest of 1 s, dropped 300 ms in, a heartbeat beside it: no gap of 250 ms (digest threads joined when the call is dropped fail); then a call about the same posts with a `digest` of its own while the dropped call's digests run, and one after they end: each its own digests (a process-wide "caller gave up" flag that skips digests, or digests a dropped call finished kept for the next call, fail) |
//! | `digest` off the runtime's threads on a multi-thread runtime too | `digests_off_a_multi_thread_runtime` | a runtime of the check's own, tokio's default kind with two workers, then with twelve (`block_in_place` when there are "workers to spare" fails), the call's future on its `block_on` thread beside a loop ticking every 5 ms: a digest of 300 ms run inline (say, only when the runtime is not current-thread) stops the loop, twice in a row; the digest writes down its thread and the runtime's park hooks its workers: `block_in_place` inside spawned tasks (the loop keeps ticking) runs it on a worker |
//! | the digests of different posts at the same time | `digests_run_at_the_same_time` | a digest that blocks until the digests of all the bodies have begun (4 s at most, so that the large bodies may arrive late), 131 entries answered together, three of the bodies over 4 MiB (a semaphore of one's own for large bodies fails), more than any machine's cores and than a pool of 64, 100 or 128 threads of one's own: every digest must overlap the others (peak 131): digests awaited one by one, a lock, or a semaphore of 2 or of the number of cores (`available_parallelism`) around them, fail; two bodies of 15 bytes at most among them (a thread of one's own that takes tiny bodies in turn fails) |
//! | the digests of different posts at the same time, beside another call too | `digests_run_at_the_same_time_beside_another_call` | a call about [75, 76, 77, 78] (76 to 78 after 600 ms, their digests meeting) and, 300 ms later, one about [75]: the three late digests run together (a gate of one's own that each call replaces, sized to the call, fails) |
//! | a body digested as soon as it is in, not after other requests | `digests_each_body_as_soon_as_it_is_in` | listed first: post 22 answered after 1.2 s, post 23 whose body (1.3 MiB, announced in its head) follows its head by 1.2 s, post 24 answered at once but listed again at the end, where its second answer takes 1.2 s; then 40 posts answered after 100 ms, the last one's body 1.1 MiB: those 40 and post 24's first answer must each be digested before the server sends any slow part, 1.2 s after the first slow request came in (digesting after `join_all` of every request, a second `buffered` stage that keeps the order of `ids`, groups per core or per id digested after their slowest member, a loop or a buffer for large bodies reading one body at a time, start some at 1.2 s); 130 more posts whose bodies come 1.2 s after their heads, three of them 1.3 MiB (a cap of 16 bodies read at once, or of four large ones, fails, and so does holding digests back while more than 64, 100 or 128 requests are in flight) |
//! | each copy of an id its own request and its own answer's result | `copies_of_an_id_keep_their_own_answers` | ids `[81, 81, 82, 82]`, post 81 answered 500 the first time and 200 after, post 82 with one body and then another: an `Err(status 500)` and a digest for 81, a digest of each body for 82, in whichever places, after four GETs (a failed copy given its sibling's digest, or copies that disagree settled by a third GET, fail) |
//! | each call's result its own answer, beside another call | `a_call_keeps_its_own_error_beside_another_call` (after the above) | two calls about post 83: the first call's request answered 500 after 1.5 s, the second call's, sent once the first is in, 200 at once: the first call returns `Err(status 500)`, the second the digest (an error replaced by a body another call received meanwhile fails) |
//! | the digests of different posts at the same time, whatever they took before | `digests_slow_last_time_run_together` | posts 91 to 93 digested with a 300 ms `digest`, then asked again on the same server with digests that meet: all three run together (a lane of one's own for posts slow last time fails); a `digest` quick on posts 111 and 112, then meeting on 113 to 115: all three together (a lane of one's own for functions quick last time fails); post 116 answered after 2 s and, beside that call, posts 117 to 122 answered at once with digests that meet: all six together (a share of four digests per call while calls overlap fails) |
//! | all in flight together, after a call dropped halfway through a body too | `a_call_after_one_dropped_mid_body_asks_at_once` | a call about post 95 dropped at 300 ms, its first 100,000 bytes in and the rest held back (5 s at most), then a call about post 96 on another server: `Ok` after one GET within 3 s, while the rest is still held (a dropped call's answer read to its end by the next call before it asks fails) |
//!
//! Known gap: a body read on a `std::thread` of the answer's own (with `Handle::block_on`)
//! holds no thread of the blocking pool, and no check sees it. The contract forbids it; the
//! course's code never shows the `Handle::block_on` it needs.
//!
//! Known gap: a time limit of one's own on `digest` kept with `std::time::Instant`, real time,
//! which a paused clock does not move (a digest given up on, or run a second time, after some
//! seconds of it), longer than the checks' digests, which take 2 s at most, is never reached: a
//! digest long enough to reach it would add its length to every run of the checks. One kept with
//! tokio's clock is seen: the check moves that clock a minute on while a digest runs. The same
//! holds for a concurrency window narrowed after answers slower than some seconds of real time.
//!
//! Known gap: a panic in a task a dropped call left behind is counted on the runtime's own thread
//! (`a_call_dropped_midway_leaves_no_panic`); one on a thread of the blocking pool (a
//! `send(..).unwrap()` inside `spawn_blocking`) is not.
//!
//! Known gap: an answer that blocks the runtime's thread for a millisecond at a time (a
//! `Condvar` waited on in short slices between `yield_now`s) blocks it for as many milliseconds
//! per turn as there are digests pending; with the few dozen digests a check can afford, that
//! is under what a heartbeat can judge on a loaded machine.
//!
//! Known gap: an address remembered per host name and port (a `remote_addr()` kept to skip the
//! next lookup) sends a later call to the old server when the name now resolves to another one.
//! Two servers on one port need two loopback addresses (`127.0.0.2` exists on Linux only, and
//! `[::1]` not where IPv6 is off), so no check stages it.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::ThreadId;
use std::time::{Duration, Instant};

use lesson_support::testing::{
    BodyGate, Exercise, Heartbeat, RawAnswerServer, SlowAnswer, SlowBodyServer, Verdict,
    counting_client, cut_short, drop_each, header_or_none, on_a_thread_of_its_own,
    refused_localhost_url, request_target, tagged_client,
};
use mock_server::{Latency, MockApi};
use reqwest::Client;
use wiremock::matchers::{header_exists, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

pub const EXERCISE: Exercise = Exercise {
    number: 15,
    file: "lessons/lesson-10/src/exercises/digest_posts.rs",
};

lesson_support::exercise_checks! {
    candidate: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>
        + Copy + Send + 'static;
    // First, before any call on the checks' own runtime: a call that keeps that runtime's handle
    // would keep one that outlives every call after it, and hide the fault.
    works_on_one_runtime_after_another,
    digests_nothing_for_no_ids,
    a_runtime_held_by_another_task_is_no_panic,
    digests_each_body_in_order,
    an_error_is_an_err_and_is_not_digested,
    waits_for_a_slow_answer,
    has_every_request_in_flight_together,
    sends_every_request_from_the_runtime,
    reads_every_body_on_the_runtime,
    digests_off_the_runtime_thread,
    digests_off_a_multi_thread_runtime,
    digests_run_at_the_same_time,
    digests_run_at_the_same_time_beside_another_call,
    digests_each_body_as_soon_as_it_is_in,
    copies_of_an_id_keep_their_own_answers,
    digests_slow_last_time_run_together,
    a_call_after_one_dropped_mid_body_asks_at_once,
    // Last: it judges the results whole, which the checks above judge rule by rule.
    a_call_outlives_another_calls_runtime,
}

// ---------------------------------------------------------------------------------------------
// The digests the checks hand over: plain `fn`s, as the contract asks, so what they saw is kept
// in one table for the whole test process. Every check's bodies are its own (their titles name
// the check), so checks running side by side read only their own digests.

/// One call of a digest: which body (its hash), and when.
#[derive(Debug, Clone)]
struct Digested {
    hash: u64,
    started: Instant,
    ended: Instant,
}

static DIGESTED: Mutex<Vec<Digested>> = Mutex::new(Vec::new());

/// FNV-1a: a hash of the bytes, so a digest of other bytes gives another number.
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn record(bytes: &[u8], started: Instant) -> u64 {
    let hash = fnv(bytes);
    DIGESTED
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(Digested {
            hash,
            started,
            ended: Instant::now(),
        });
    hash
}

/// A digest that takes no time.
fn quick_digest(bytes: &[u8]) -> u64 {
    record(bytes, Instant::now())
}

/// How long [`slow_digest`] blocks.
const SLOW: Duration = Duration::from_millis(300);

/// A digest that blocks its thread for 300 ms, as a large parse would.
fn slow_digest(bytes: &[u8]) -> u64 {
    let started = Instant::now();
    std::thread::sleep(SLOW);
    record(bytes, started)
}

/// A digest of another kind: the complement of [`quick_digest`]'s, so that a body digested by
/// another call's `digest` shows.
fn complement_digest(bytes: &[u8]) -> u64 {
    !record(bytes, Instant::now())
}

/// A digest of 100 ms.
fn short_digest(bytes: &[u8]) -> u64 {
    let started = Instant::now();
    std::thread::sleep(Duration::from_millis(100));
    record(bytes, started)
}

/// The digests that wait for one another, each as the hashes of its bodies, how many of its
/// digests have begun, and how long each waits for the others at most.
static MEETINGS: Mutex<Vec<(Vec<u64>, usize, Duration)>> = Mutex::new(Vec::new());
static MET: std::sync::Condvar = std::sync::Condvar::new();

/// The longest a [`meeting_digest`] waits for the others of its meeting, unless the meeting
/// says otherwise ([`meet_for`]).
const MEETING_WAIT: Duration = Duration::from_secs(2);

/// A digest that blocks its thread until the digests of every body of its meeting (see
/// [`meet`]) have begun, or for 2 s: the digests an answer runs side by side all end together,
/// however late some bodies arrive, while one that waits for another digest to end waits 2 s.
fn meeting_digest(bytes: &[u8]) -> u64 {
    let started = Instant::now();
    let hash = fnv(bytes);
    let mut meetings = MEETINGS.lock().unwrap_or_else(PoisonError::into_inner);
    let position = |meetings: &Vec<(Vec<u64>, usize, Duration)>| {
        meetings
            .iter()
            .position(|(hashes, _, _)| hashes.contains(&hash))
    };
    if let Some(at) = position(&meetings) {
        meetings[at].1 += 1;
        let wait = meetings[at].2;
        MET.notify_all();
        let waited = MET.wait_timeout_while(meetings, wait, |meetings| {
            position(meetings).is_some_and(|at| meetings[at].1 < meetings[at].0.len())
        });
        drop(waited.unwrap_or_else(PoisonError::into_inner));
    } else {
        drop(meetings);
    }
    record(bytes, started)
}

/// Makes `bodies` one meeting for [`meeting_digest`].
fn meet(bodies: &[String]) {
    meet_for(bodies, MEETING_WAIT);
}

/// The same, each digest waiting `wait` at most for the others.
fn meet_for(bodies: &[String], wait: Duration) {
    let hashes = bodies.iter().map(|body| fnv(body.as_bytes())).collect();
    MEETINGS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push((hashes, 0, wait));
}

/// A digest [`held_digest`] holds: its body's hash, the thread of the runtime the answer runs
/// on, how many digests of the body have begun, the sender that says the first has begun, and
/// whether the check has let them go.
struct Hold {
    hash: u64,
    runtime_thread: std::thread::ThreadId,
    begun: usize,
    first_begun: Option<tokio::sync::oneshot::Sender<()>>,
    let_go: bool,
}

static HOLDS: Mutex<Vec<Hold>> = Mutex::new(Vec::new());
static LET_GO: std::sync::Condvar = std::sync::Condvar::new();

/// The longest a [`held_digest`] waits for the check to let it go.
const HOLD_AT_MOST: Duration = Duration::from_secs(5);

/// A digest that blocks its thread until the check lets its body go (see [`hold`] and [`let_go_of`]), or for 5 s;
/// on the thread of the runtime the answer runs on, it does not wait (nothing else could run
/// there to let it go).
fn held_digest(bytes: &[u8]) -> u64 {
    let started = Instant::now();
    let hash = fnv(bytes);
    let mut holds = HOLDS.lock().unwrap_or_else(PoisonError::into_inner);
    let Some(hold) = holds.iter_mut().find(|hold| hold.hash == hash) else {
        drop(holds);
        return record(bytes, started);
    };
    hold.begun += 1;
    if let Some(first_begun) = hold.first_begun.take() {
        let _ = first_begun.send(());
    }
    if hold.runtime_thread != std::thread::current().id() {
        let waited = LET_GO.wait_timeout_while(holds, HOLD_AT_MOST, |holds| {
            holds.iter().any(|hold| hold.hash == hash && !hold.let_go)
        });
        drop(waited.unwrap_or_else(PoisonError::into_inner));
    } else {
        drop(holds);
    }
    record(bytes, started)
}

/// Holds the digests of the body whose hash is `hash`, for an answer that runs on the current
/// thread's runtime; the receiver hears when the first has begun.
fn hold(hash: u64) -> tokio::sync::oneshot::Receiver<()> {
    let (first_begun, begun) = tokio::sync::oneshot::channel();
    HOLDS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(Hold {
            hash,
            runtime_thread: std::thread::current().id(),
            begun: 0,
            first_begun: Some(first_begun),
            let_go: false,
        });
    begun
}

/// Lets the digests of the body whose hash is `hash` go, and says how many have begun.
fn let_go_of(hash: u64) -> usize {
    let mut holds = HOLDS.lock().unwrap_or_else(PoisonError::into_inner);
    let mut begun = 0;
    for hold in holds.iter_mut().filter(|hold| hold.hash == hash) {
        hold.let_go = true;
        begun += hold.begun;
    }
    LET_GO.notify_all();
    begun
}

/// The digests of these bodies so far.
fn digests_of(bodies: &[String]) -> Vec<Digested> {
    let hashes: Vec<u64> = bodies.iter().map(|body| fnv(body.as_bytes())).collect();
    DIGESTED
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .iter()
        .filter(|digested| hashes.contains(&digested.hash))
        .cloned()
        .collect()
}

/// The most of these digests running at one instant: at the start of each, those running.
fn most_at_once(digests: &[Digested]) -> usize {
    digests
        .iter()
        .map(|one| {
            digests
                .iter()
                .filter(|other| other.started <= one.started && one.started < other.ended)
                .count()
        })
        .max()
        .unwrap_or(0)
}

// ---------------------------------------------------------------------------------------------
// Servers and messages.

/// A post's body as a server might write it: fields out of the usual order, spaces after the
/// colons, and the `é` of the title escaped. Decoding and encoding it again gives other bytes.
/// The title names the check and its run, so that runs side by side (of the checks, and of the
/// same check on other answers) never share a body.
fn body_of(run: &str, id: u64) -> String {
    format!(
        "{{ \"title\": \"{run} caf\\u00e9 {id}\",  \"id\": {id}, \"userId\": 1, \"body\": \"…\" }}"
    )
}

/// `check` with a number no other run of this test process has: `in order #17`.
fn run_of(check: &str) -> String {
    static RUNS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    format!("{check} #{run}")
}

/// Serves `body` for `GET {base_path}/posts/{id}`, after `delay`, with `status`, an `ETag`, a
/// `Last-Modified` and a `Cache-Control: max-age=60, immutable` as many servers send (a cache of
/// the answer's own may heed them); post 3 is already two minutes old (`Age: 120`), so stale
/// (a cache of one's own may ask again for it), and post 7's `Cache-Control` says `public` too.
async fn mount(server: &MockServer, base_path: &str, id: u64, status: u16, body: &str, delay: u64) {
    // Post 7's answer may be kept by any cache, shared ones too (`public`).
    let cache_control = if id == 7 {
        "public, max-age=60, immutable"
    } else {
        "max-age=60, immutable"
    };
    let mut template = ResponseTemplate::new(status)
        .insert_header("etag", format!("\"{}\"", fnv(body.as_bytes())))
        .insert_header("cache-control", cache_control)
        .insert_header("last-modified", "Tue, 01 Dec 2026 08:00:00 GMT")
        .insert_header("expires", "Wed, 01 Jan 2098 00:00:00 GMT")
        .set_body_raw(body.to_owned(), "application/json")
        .set_delay(Duration::from_millis(delay));
    if id == 3 {
        template = template.insert_header("age", "120");
    }
    Mock::given(method("GET"))
        .and(path(format!("{base_path}/posts/{id}")))
        .respond_with(template)
        .mount(server)
        .await;
}

/// A server of the check's own that answers `GET /api/posts/{id}` for each of `ids` with that
/// post of `run`, after `delay` ms; and its base URL, `/api` included.
async fn posts_under_api(run: &str, ids: &[u64], delay: u64) -> (MockServer, String) {
    let server = MockServer::start().await;
    for &id in ids {
        mount(&server, "/api", id, 200, &body_of(run, id), delay).await;
    }
    let base_url = format!("{}/api", server.uri());
    (server, base_url)
}

/// A runtime like `#[tokio::test]`'s: one thread, timers and I/O on.
fn one_thread_runtime() -> Result<tokio::runtime::Runtime, String> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|err| format!("the check could not build its runtime: {err}"))
}

/// Drops a server on a thread of its own. After a call cut short by a timeout, a wrong answer's
/// requests and digests may still be under way; wiremock's `MockServer` waits, when dropped,
/// for its state (shared with its request handlers) with `futures::executor::block_on`, and
/// once such a wait held the check's runtime thread for good. Elsewhere, the wait holds nothing.
fn let_go<T: Send + 'static>(server: T) {
    std::thread::spawn(move || drop(server));
}

/// The request lines (method, path and query) a wiremock server received, in order of arrival.
async fn requests_of(server: &MockServer) -> Vec<String> {
    server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .map(|request| format!("{} {}", request.method, request_target(request)))
        .collect()
}

/// Exactly one `GET {base_path}/posts/{id}` per entry of `ids`, in any order.
fn one_get_per_entry(requests: &[String], base_path: &str, ids: &[u64]) -> Verdict {
    let mut expected: Vec<String> = ids
        .iter()
        .map(|id| format!("GET {base_path}/posts/{id}"))
        .collect();
    let mut seen = requests.to_vec();
    expected.sort();
    seen.sort();
    if seen == expected {
        return Ok(());
    }
    // Every request was one the contract asks for, but some were sent more than once.
    if seen.len() > expected.len() && seen.iter().all(|request| expected.contains(request)) {
        return Err(EXERCISE.fail(&format!(
            "asked about ids {ids:?} with the base URL ending in `{base_path}`, the server \
             received {seen:?}; expected {expected:?}: one GET per entry of `ids`, never a \
             second for the same entry: an answer is that entry's result whatever its body (an \
             empty 200 too), and an error status (whatever it asks for, `Retry-After` \
             included) or a failure is that entry's `Err`, not a reason to ask again"
        )));
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids {ids:?} with the base URL ending in `{base_path}`, the server received \
         {seen:?}; expected {expected:?}: one GET `{{base_url}}/posts/{{id}}` per entry of `ids`, \
         a repeated id asked again at the same URL, the base URL's path kept and nothing \
         added to it, no query either (append to it: `format!(\"{{base_url}}/posts/{{id}}\")`)"
    )))
}

/// How a result reads in a message: `Ok(digest of post 7)`, `Err(status 404)`, `Err(no status)`.
fn describe(result: &Result<u64, reqwest::Error>, names: &HashMap<u64, String>) -> String {
    match result {
        Ok(hash) => match names.get(hash) {
            Some(name) => format!("Ok(digest of {name})"),
            None => "Ok(a digest of other bytes)".to_owned(),
        },
        Err(err) => match err.status() {
            Some(status) => format!("Err(status {})", status.as_u16()),
            None => "Err(no status)".to_owned(),
        },
    }
}

/// Results as a message shows them when their values are what counts: `Ok(value)` or
/// `Err(the error)`.
fn values(results: &[Result<u64, reqwest::Error>]) -> Vec<String> {
    results
        .iter()
        .map(|result| match result {
            Ok(value) => format!("Ok({value})"),
            Err(err) => format!("Err({err})"),
        })
        .collect()
}

/// For a message: when `shown` holds the results `expected` holds but in another order, the
/// rule that order breaks; otherwise nothing, and the message's own rule stands.
fn reordered<A: AsRef<str>, B: AsRef<str>>(shown: &[A], expected: &[B]) -> &'static str {
    let mut got: Vec<&str> = shown.iter().map(AsRef::as_ref).collect();
    let mut wanted: Vec<&str> = expected.iter().map(AsRef::as_ref).collect();
    let same_order = got == wanted;
    got.sort_unstable();
    wanted.sort_unstable();
    if !same_order && got == wanted {
        " (the right results, in another order: each result goes in its entry's place, in the \
         order of `ids`)"
    } else {
        ""
    }
}

/// The last segment of a request's path as a post's id, 0 when it is not a number.
fn id_in(path: &str) -> u64 {
    path.rsplit('/')
        .next()
        .and_then(|id| id.parse().ok())
        .unwrap_or(0)
}

/// How many of a call's results are `Ok`, or 0 if the call has not returned within 3 s; a
/// panic of the call is its message.
async fn oks_within_3_s(
    call: impl Future<Output = Result<Vec<Result<u64, reqwest::Error>>, String>>,
) -> Result<usize, String> {
    Ok(
        match tokio::time::timeout(Duration::from_secs(3), call).await {
            Ok(results) => results?.iter().filter(|result| result.is_ok()).count(),
            Err(_) => 0,
        },
    )
}

/// A client of the course, marked so that the server sees it was the one given.
fn client_for(base_url: &str) -> Client {
    tagged_client(base_url)
}

// ---------------------------------------------------------------------------------------------
// The checks.

/// Three calls, each on a runtime of its own, the first runtime dropped before the second is
/// built (as two `#[tokio::test]`s, or two `Runtime`s in a program, do), the second kept but not
/// running while the third call runs (as a program's other runtime may be): each call works on
/// its own runtime (a `Handle`, a client or a task kept in a `static` from an earlier call
/// refuses or hangs, and a task started again only once its runtime is gone waits for good).
pub async fn works_on_one_runtime_after_another<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>
        + Copy
        + Send
        + 'static,
{
    let run = run_of("runtime after runtime");
    let ids = vec![81, 82];
    let (server, base_url) = posts_under_api(&run, &ids, 0).await;
    let (candidate, url, asked) = (*candidate, base_url.clone(), ids.clone());
    let calls = on_a_thread_of_its_own(
        &EXERCISE,
        move || {
            let mut calls = Vec::new();
            // The second runtime is kept, not running, while the third call runs on a third.
            let mut kept = Vec::new();
            for round in 0..3 {
                let runtime = one_thread_runtime()?;
                let results = runtime.block_on(async {
                    let client = client_for(&url);
                    EXERCISE
                        .run(candidate(&client, &url, &asked, quick_digest))
                        .await
                })?;
                if round == 1 {
                    kept.push(runtime);
                } else {
                    runtime.shutdown_timeout(Duration::from_secs(1));
                }
                calls.push((
                    results.len(),
                    results.iter().filter(|result| result.is_ok()).count(),
                ));
            }
            for runtime in kept {
                runtime.shutdown_timeout(Duration::from_secs(1));
            }
            Ok(calls)
        },
        || {
            format!(
                "asked about ids {ids:?} three times, each time on a runtime of its own (the \
                 first dropped before the second was built, the second kept but not running \
                 while the third call ran), the calls had not all returned after 15 s: \
                 each call runs on the runtime that awaits it (no `Handle`, client or task kept \
                 in a `static` from an earlier call)"
            )
        },
    )
    .await?;
    let_go(server);
    // How many results a call returns is another rule, and named as such: which call comes
    // back short can depend on when its results came in, not on the runtime it ran on.
    let lengths: Vec<usize> = calls.iter().map(|&(length, _)| length).collect();
    if lengths != [2, 2, 2] {
        return Err(EXERCISE.fail(&format!(
            "asked about ids {ids:?} three times, each time on a runtime of its own, both \
             answered 200, the calls returned {lengths:?} results; expected [2, 2, 2]: one \
             result per entry, in the order of `ids`"
        )));
    }
    let oks: Vec<usize> = calls.iter().map(|&(_, ok)| ok).collect();
    // A first call that already failed is another fault, which the checks after this one name.
    if oks == [2, 2, 2] || oks.first() != Some(&2) {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids {ids:?} three times, each time on a runtime of its own (the first \
         dropped before the second was built, the second kept but not running while the third \
         call ran), both answered 200, the calls returned {oks:?} `Ok`s; expected [2, 2, 2]: \
         each call runs on the runtime that awaits it (no `Handle`, client or task kept in a \
         `static` from an earlier call)"
    )))
}

/// Two calls at once, each on a runtime of its own on a thread of its own: the first about post
/// 86, answered after 1 s; the second, begun 200 ms later, about post 87, answered at once, its
/// runtime shut down as soon as it returns. The first call still digests its post (a runtime
/// `Handle` kept in a `static` and replaced by each call, whose blocking pool goes with the
/// runtime that last replaced it, fails).
pub async fn a_call_outlives_another_calls_runtime<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>
        + Copy
        + Send
        + 'static,
{
    let run = run_of("beside another runtime");
    let server = MockServer::start().await;
    let (slow, quick) = (body_of(&run, 86), body_of(&run, 87));
    mount(&server, "/api", 86, 200, &slow, 1000).await;
    mount(&server, "/api", 87, 200, &quick, 0).await;
    let base_url = format!("{}/api", server.uri());
    // One call on a runtime of its own, on a thread of its own; the runtime is shut down as
    // soon as the call returns.
    let call = |id: u64, after: Duration| {
        let (candidate, url) = (*candidate, base_url.clone());
        on_a_thread_of_its_own(
            &EXERCISE,
            move || {
                std::thread::sleep(after);
                let runtime = one_thread_runtime()?;
                let results = runtime.block_on(async {
                    let client = client_for(&url);
                    EXERCISE
                        .run(candidate(&client, &url, &[id], quick_digest))
                        .await
                });
                runtime.shutdown_timeout(Duration::from_secs(1));
                results
            },
            move || {
                format!(
                    "asked about [86] (answered after 1 s) and, 200 ms later, about [87] \
                     (answered at once), each call on a runtime of its own on a thread of its \
                     own, the call about [{id}] had not returned after 15 s: each call runs on \
                     the runtime that awaits it (no `Handle` kept in a `static` from another \
                     call)"
                )
            },
        )
    };
    let (first, second) = tokio::join!(
        call(86, Duration::ZERO),
        call(87, Duration::from_millis(200))
    );
    let_go(server);
    let (first, second) = (first?, second?);
    let names = HashMap::from([
        (fnv(slow.as_bytes()), "post 86".to_owned()),
        (fnv(quick.as_bytes()), "post 87".to_owned()),
    ]);
    let first: Vec<String> = first.iter().map(|r| describe(r, &names)).collect();
    let second: Vec<String> = second.iter().map(|r| describe(r, &names)).collect();
    if first == ["Ok(digest of post 86)"] && second == ["Ok(digest of post 87)"] {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked about [86] (answered after 1 s) and, 200 ms later, about [87] (answered at once), \
         each call on a runtime of its own on a thread of its own, the second runtime shut down \
         as soon as its call returned: the first call returned {first:?} and the second \
         {second:?}; expected [\"Ok(digest of post 86)\"] and [\"Ok(digest of post 87)\"]: \
         each call runs on the runtime that awaits it, whatever runtimes other calls ran on or \
         left (no `Handle` kept in a `static` and replaced by each call)"
    )))
}

/// On a runtime with one thread, a task of the check's own holds that thread for 300 ms while
/// the call waits for its answers: no panic (a heartbeat of the answer's own that asserts the
/// runtime is never held panics). Whether the results are right, the other checks judge.
pub async fn a_runtime_held_by_another_task_is_no_panic<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>
        + Copy
        + Send
        + 'static,
{
    let run = run_of("held by another");
    let ids = vec![91, 92];
    let (server, base_url) = posts_under_api(&run, &ids, 600).await;
    let (candidate, url, asked) = (*candidate, base_url.clone(), ids.clone());
    on_a_thread_of_its_own(
        &EXERCISE,
        move || {
            let runtime = one_thread_runtime()?;
            runtime.block_on(async {
                // Someone else's blocking code, 100 ms into the call.
                tokio::spawn(async {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    std::thread::sleep(Duration::from_millis(300));
                });
                let client = client_for(&url);
                EXERCISE
                    .run(candidate(&client, &url, &asked, quick_digest))
                    .await
            })?;
            Ok(())
        },
        || {
            format!(
                "asked about ids {ids:?} on a runtime with one thread that another task held \
                 for 300 ms, the call had not returned after 15 s"
            )
        },
    )
    .await?;
    let_go(server);
    // The results themselves are the other checks' to judge: this one is about the panic.
    a_call_begun_while_the_runtime_is_held_asks_at_once(&candidate).await
}

/// On a runtime with one thread, a task of the check's own, spawned just before the call, holds
/// that thread for its first 300 ms: the call's three requests, each answered after 600 ms, are
/// still all in flight together, seen from the server (a call that first measures how slow the
/// runtime is, and on a busy one asks one post at a time, sends them one after another).
async fn a_call_begun_while_the_runtime_is_held_asks_at_once<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>
        + Copy
        + Send
        + 'static,
{
    let api = MockApi::builder()
        .base_path("/api")
        .latency(Latency::Fixed(Duration::from_millis(600)))
        .start()
        .await;
    let ids = vec![3, 1, 2];
    let (candidate, url, asked) = (*candidate, api.uri(), ids.clone());
    let results = on_a_thread_of_its_own(
        &EXERCISE,
        move || {
            let runtime = one_thread_runtime()?;
            runtime.block_on(async {
                // Someone else's blocking code, from the call's very start.
                tokio::spawn(async {
                    std::thread::sleep(Duration::from_millis(300));
                });
                let client = client_for(&url);
                EXERCISE
                    .run(candidate(&client, &url, &asked, quick_digest))
                    .await
            })
        },
        || {
            format!(
                "asked about ids {ids:?} on a runtime with one thread that another task held \
                 for its first 300 ms, the call had not returned after 15 s"
            )
        },
    )
    .await?;
    // What came back is the other checks' to judge: this one is about the requests' pace.
    drop(results);
    let peak = api.peak_in_flight();
    let_go(api);
    if peak == ids.len() {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids {ids:?} on a runtime with one thread that another task held for the \
         call's first 300 ms, each answered after 600 ms, the server had at most {peak} \
         request(s) in flight at once; expected {}: every request in flight together, however \
         busy the runtime was when the call began (no pace of your own set by how slow the \
         runtime seems)",
        ids.len()
    )))
}

pub async fn digests_nothing_for_no_ids<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let server = MockServer::start().await;
    let base_url = format!("{}/api", server.uri());
    let client = client_for(&base_url);
    let results = EXERCISE
        .run_with_nothing_to_do(
            "asked about no ids",
            candidate(&client, &base_url, &[], quick_digest),
        )
        .await?;
    let requests = requests_of(&server).await;
    if results.is_empty() && requests.is_empty() {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked about no ids, the function returned {} result(s) and the server received \
         {requests:?}: no ids, no request and no result",
        results.len()
    )))
}

pub async fn digests_each_body_in_order<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("in order");
    let server = MockServer::start().await;
    let ids = [7, 3, 7, 12];
    // Answers arrive in another order than `ids`.
    // Post 12, listed last, comes first; post 3 next; the two 7s last.
    let delays = BTreeMap::from([(7, 300), (3, 150), (12, 0)]);
    let mut names = HashMap::new();
    let mut bodies = Vec::new();
    for (&id, &delay) in &delays {
        let mut body = body_of(&run, id);
        if id == 12 {
            // A byte order mark first, as some servers on Windows write: part of the body.
            // `text()` strips it, so digesting the text digests other bytes.
            body.insert(0, '\u{feff}');
        }
        if id == 7 {
            // A guard against JSON hijacking, as some APIs put first (Angular strips it): part
            // of the body.
            body.insert_str(0, ")]}',\n");
        }
        if id == 3 {
            // A line end and spaces after the JSON, as many servers write: part of the body too.
            body.push_str(" \t\r\n");
            // And another guard against JSON hijacking, Facebook's: part of the body as well.
            body.insert_str(0, "for (;;);");
        }
        if id == 12 {
            // Over 3 MB in all: a body read only up to a cap of one's own (1 MiB, 2 MiB) is
            // digested cut short.
            body.push_str(&" ".repeat(3_000_017));
            body.push('\n');
        }
        names.insert(fnv(body.as_bytes()), format!("post {id}"));
        mount(&server, "/api", id, 200, &body, delay).await;
        bodies.push(body);
    }
    let base_url = format!("{}/api", server.uri());
    let client = client_for(&base_url);
    let results = EXERCISE
        .run(candidate(&client, &base_url, &ids, quick_digest))
        .await?;
    one_get_per_entry(&requests_of(&server).await, "/api", &ids)?;
    let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
    let expected: Vec<String> = ids
        .iter()
        .map(|id| format!("Ok(digest of post {id})"))
        .collect();
    if shown != expected {
        return Err(EXERCISE.fail(&format!(
            "asked about ids {ids:?} (answered after 300, 150, 300 and 0 ms), the function \
             returned {shown:?}; expected {expected:?}: one result per entry, in the order of \
             `ids`, each the digest of its body exactly as it arrived (its bytes: \
             `response.bytes()`, not decoded and encoded again)"
        )));
    }
    let digests = digests_of(&bodies).len();
    if digests != ids.len() {
        return Err(EXERCISE.fail(&format!(
            "asked about ids {ids:?}, `digest` was called {digests} times on their bodies; \
             expected {}: each successful answer's body goes to `digest` once",
            ids.len()
        )));
    }
    // The same ids again, on the same server: asked again (no cache of one's own between calls),
    // and digested again. A request that sends an `ETag` or a date back (`If-None-Match`,
    // `If-Modified-Since`) gets the 304 a real server would send, with no body.
    for validator in ["if-none-match", "if-modified-since"] {
        Mock::given(method("GET"))
            .and(header_exists(validator))
            .respond_with(ResponseTemplate::new(304))
            .with_priority(1)
            .mount(&server)
            .await;
    }
    let digests_before = digests_of(&bodies).len();
    let before = requests_of(&server).await.len();
    let again = EXERCISE
        .run(candidate(&client, &base_url, &ids, quick_digest))
        .await?;
    let asked_again = requests_of(&server).await.len() - before;
    let shown: Vec<String> = again.iter().map(|r| describe(r, &names)).collect();
    if asked_again != ids.len() || shown != expected {
        return Err(EXERCISE.fail(&format!(
            "asked about ids {ids:?} a second time, on the same server, the function returned \
             {shown:?} after {asked_again} request(s); expected {expected:?} after {}: each call \
             sends one GET per entry of its `ids`, whatever an earlier call asked (no cache of \
             your own: the post may have changed)",
            ids.len()
        )));
    }
    let digested_again = digests_of(&bodies).len() - digests_before;
    if digested_again != ids.len() {
        return Err(EXERCISE.fail(&format!(
            "asked about ids {ids:?} a second time, on the same server, `digest` was called \
             {digested_again} times on their bodies; expected {}: every call digests the bodies \
             it is sent (no digest kept from an earlier call, and no conditional request: a \
             server that answers it 304 sends no body)",
            ids.len()
        )));
    }
    // Two calls at once, on the same server: each sends its own GETs and digests its own bodies
    // (a request shared between calls, as a "single flight" does, is one call's GET missing).
    let digests_before = digests_of(&bodies).len();
    let before = requests_of(&server).await.len();
    let (first, second) = tokio::join!(
        EXERCISE.run(candidate(&client, &base_url, &ids, quick_digest)),
        EXERCISE.run(candidate(&client, &base_url, &ids, quick_digest)),
    );
    let asked = requests_of(&server).await.len() - before;
    let digested = digests_of(&bodies).len() - digests_before;
    let shown: Vec<Vec<String>> = [first?, second?]
        .iter()
        .map(|results| results.iter().map(|r| describe(r, &names)).collect())
        .collect();
    if asked != 2 * ids.len()
        || digested != 2 * ids.len()
        || shown.iter().any(|results| *results != expected)
    {
        return Err(EXERCISE.fail(&format!(
            "asked about ids {ids:?} by two calls at once, on the same server, the calls \
             returned {shown:?}{} after {asked} request(s) in all, and `digest` was called \
             {digested} times; expected {expected:?} from each, after {} requests and as many \
             digests: each call sends one GET per entry of its own `ids` and digests what it is \
             sent, whatever another call is asking (no request shared between calls)",
            shown
                .iter()
                .map(|results| reordered(results.as_slice(), &expected[..]))
                .find(|note| !note.is_empty())
                .unwrap_or_default(),
            2 * ids.len()
        )));
    }
    // A body sent in chunks, with no `Content-Length`: all of it, as it arrived.
    let chunked_body = body_of(&run, 6);
    names.insert(fnv(chunked_body.as_bytes()), "post 6 (chunked)".to_owned());
    let served = chunked_body.clone();
    let chunks = SlowBodyServer::start(move |_, _| {
        SlowAnswer::raw(200, served.clone().into_bytes(), "application/json").chunked()
    })
    .await;
    let chunks_url = format!("{}/api", chunks.uri());
    let results = EXERCISE
        .run(candidate(&client, &chunks_url, &[6], quick_digest))
        .await?;
    let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
    if shown != ["Ok(digest of post 6 (chunked))"] {
        return Err(EXERCISE.fail(&format!(
            "asked about id 6, answered 200 with its body in chunks (`Transfer-Encoding: \
             chunked`, no `Content-Length`), the function returned {shown:?}; expected \
             [\"Ok(digest of post 6 (chunked))\"]: the body is all that arrives until it ends, \
             however it is sent (`bytes()`, or `chunk()` until `None`), not as many bytes as a \
             `Content-Length` says"
        )));
    }
    // A body in another charset than UTF-8, as its head declares (`é` is the one byte 0xE9):
    // still digested as the bytes that came, not decoded to text first.
    let latin: Vec<u8> = [
        format!("{{\"title\": \"{run} caf").as_bytes(),
        &[0xE9],
        b" 5\", \"id\": 5}",
    ]
    .concat();
    names.insert(fnv(&latin), "post 5 (ISO-8859-1)".to_owned());
    Mock::given(method("GET"))
        .and(path("/api/posts/5"))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(latin, "application/json; charset=iso-8859-1"),
        )
        .mount(&server)
        .await;
    let results = EXERCISE
        .run(candidate(&client, &base_url, &[5], quick_digest))
        .await?;
    let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
    if shown != ["Ok(digest of post 5 (ISO-8859-1))"] {
        return Err(EXERCISE.fail(&format!(
            "asked about id 5, answered with `Content-Type: application/json; \
             charset=iso-8859-1` and a body holding the byte 0xE9 (`é` in that charset), the \
             function returned {shown:?}; expected [\"Ok(digest of post 5 (ISO-8859-1))\"]: \
             the body is digested exactly as it arrived, its bytes, whatever charset the head \
             declares (`text()` decodes it, and its UTF-8 bytes are other bytes)"
        )));
    }
    keeps_the_whole_base_url(candidate).await?;
    an_empty_body_and_a_type_past_ascii_are_answers(candidate).await?;
    digests_a_gzip_body_as_it_arrived(candidate).await?;
    an_id_listed_three_times_is_asked_three_times(candidate).await
}

/// Ids `[9, 10, 9, 0, 9]`: post 9 listed three times, apart, and answered last. Three GETs of
/// post 9, five digests, five results in the order of `ids` (a repeat handled as "the first and
/// the last place of an id" leaves the middle one out). Post 10's body holds an `é`, as UTF-8,
/// across its bytes 79 and 80 (a preview cut at byte 80 panics); post 0 is a post like any
/// other, listed after post 10 and answered after it (0 taken as "no id", or as a mark of a
/// place already filled, fails: post 10's place is the first 0 by then).
async fn an_id_listed_three_times_is_asked_three_times<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("three times");
    let server = MockServer::start().await;
    let mut names = HashMap::new();
    let mut bodies = Vec::new();
    for (id, delay) in [(9, 200), (0, 100), (10, 0)] {
        let mut body = body_of(&run, id);
        if id == 10 {
            // An `é` written as it is, as UTF-8, across the body's bytes 79 and 80: text cut at
            // a byte count splits it (`&text[..80]` panics).
            body = format!("{{\"title\": \"{}é {run}\", \"id\": 10}}", "a".repeat(68));
        }
        names.insert(fnv(body.as_bytes()), format!("post {id}"));
        mount(&server, "/api", id, 200, &body, delay).await;
        bodies.push(body);
    }
    let base_url = format!("{}/api", server.uri());
    let client = client_for(&base_url);
    let ids = [9, 10, 9, 0, 9];
    let results = EXERCISE
        .run(candidate(&client, &base_url, &ids, quick_digest))
        .await?;
    one_get_per_entry(&requests_of(&server).await, "/api", &ids)?;
    let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
    let expected: Vec<String> = ids
        .iter()
        .map(|id| format!("Ok(digest of post {id})"))
        .collect();
    if shown != expected {
        return Err(EXERCISE.fail(&format!(
            "asked about ids {ids:?} (post 9 answered after 200 ms, 0 after 100, 10 at once), \
             the function returned {shown:?}; expected {expected:?}: one result per entry, in \
             the order of `ids`, an id listed three times in each of its three places, and 0 an \
             id like any other"
        )));
    }
    let digests = digests_of(&bodies).len();
    if digests != ids.len() {
        return Err(EXERCISE.fail(&format!(
            "asked about ids {ids:?}, `digest` was called {digests} times on their bodies; \
             expected {}: each successful answer's body goes to `digest` once",
            ids.len()
        )));
    }
    a_body_in_pieces_is_digested_whole(candidate).await?;
    any_digest_is_a_result(candidate).await
}

/// The first bytes and the length of every input of [`digest_noting_its_input`], across every
/// check running at once.
static INPUTS: Mutex<Vec<(Vec<u8>, usize)>> = Mutex::new(Vec::new());

/// A digest that takes no time and writes down what it was given.
fn digest_noting_its_input(bytes: &[u8]) -> u64 {
    INPUTS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push((bytes.iter().take(64).copied().collect(), bytes.len()));
    quick_digest(bytes)
}

/// A body that comes in two pieces, its first 60 bytes with the head and the rest 300 ms later,
/// with its `Content-Length` and then in chunks without one, then a body sent in HTTP/1.0: `digest` is given each whole body once, never a piece of it (a
/// digest started on the first piece, and run again on the whole, fails), and an answer in
/// HTTP/1.0 is an answer like another (no panic on its version).
async fn a_body_in_pieces_is_digested_whole<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    // Once with a `Content-Length`, then in chunks without one (a body read until a piece
    // shorter than a buffer, taken for its end, fails there).
    for chunked in [false, true] {
        let framing = if chunked {
            "in chunks, with no `Content-Length`"
        } else {
            "with its `Content-Length`"
        };
        let run = run_of(if chunked {
            "in chunked pieces"
        } else {
            "in pieces"
        });
        // The run's tag first, so that a digest of the first piece alone shows as this run's.
        let tag = format!("{{\"run\": \"{run}\"");
        let body = format!("{tag}, \"title\": \"{}\"}}", "in two pieces ".repeat(20));
        let served = body.clone();
        let server = SlowBodyServer::start(move |_, _| {
            let answer = SlowAnswer::raw(200, served.clone(), "application/json")
                .first_bytes_with_head(60)
                .body_after(Duration::from_millis(300));
            if chunked { answer.chunked() } else { answer }
        })
        .await;
        let names = HashMap::from([(fnv(body.as_bytes()), "post 21".to_owned())]);
        let base_url = format!("{}/api", server.uri());
        let client = client_for(&base_url);
        let results = EXERCISE
            .run(candidate(
                &client,
                &base_url,
                &[21],
                digest_noting_its_input,
            ))
            .await?;
        let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
        let inputs: Vec<usize> = INPUTS
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .filter(|(start, _)| start.starts_with(tag.as_bytes()))
            .map(|(_, len)| *len)
            .collect();
        if inputs.is_empty() {
            return Err(EXERCISE.fail(&format!(
                "asked about id 21 with a `digest` of the check's own, the function returned \
                 {shown:?}, and that `digest` was never called: each call digests with its own \
                 `digest`, the one it was given (nothing kept from an earlier call)"
            )));
        }
        if inputs != [body.len()] || shown != ["Ok(digest of post 21)"] {
            return Err(EXERCISE.fail(&format!(
                "asked about id 21, whose body of {} bytes came in two pieces, {framing} (its \
                 first 60 bytes with the head, the rest 300 ms later), `digest` was given inputs \
                 of {inputs:?} bytes and the function returned {shown:?}; expected one input of \
                 {} bytes, the whole body, and [\"Ok(digest of post 21)\"]: `digest` is called \
                 once per entry, on the body once it is all in (`response.bytes().await`), never \
                 on a piece of it",
                body.len(),
                body.len()
            )));
        }
    }
    let body = format!(
        "{{\"run\": \"{}\", \"title\": \"{}\"}}",
        run_of("in HTTP/1.0"),
        "in two pieces ".repeat(20)
    );
    let names = HashMap::from([(fnv(body.as_bytes()), "post 21".to_owned())]);
    // The same post in HTTP/1.0, as some small servers still answer.
    let old = format!(
        "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let server = RawAnswerServer::start(old, false).await?;
    let client = client_for(&server.url);
    let results = EXERCISE
        .run(candidate(&client, &server.url, &[21], quick_digest))
        .await?;
    let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
    if shown != ["Ok(digest of post 21)"] {
        return Err(EXERCISE.fail(&format!(
            "asked about id 21, answered `HTTP/1.0 200 OK` with its body, the function returned \
             {shown:?}; expected [\"Ok(digest of post 21)\"]: an answer is an answer whatever \
             its HTTP version, and its body goes to `digest`"
        )));
    }
    // Two empty bodies whose heads give no length: one sent in chunks (the last, empty chunk
    // alone), one in HTTP/1.0 that ends as the connection closes. No piece ever comes; the body
    // is empty all the same (a first piece expected unless the head says 0 panics).
    let names = HashMap::from([(fnv(b""), "an empty body".to_owned())]);
    for (framing, reply) in [
        (
            "in chunks, with no `Content-Length` (only the last, empty chunk)",
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: \
             chunked\r\n\r\n0\r\n\r\n",
        ),
        (
            "in HTTP/1.0 with no `Content-Length`, the connection closed after the head",
            "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n",
        ),
    ] {
        let server = RawAnswerServer::start(reply.to_owned(), false).await?;
        let client = client_for(&server.url);
        let results = EXERCISE
            .run(candidate(&client, &server.url, &[21], quick_digest))
            .await?;
        let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
        if shown != ["Ok(digest of an empty body)"] {
            return Err(EXERCISE.fail(&format!(
                "asked about id 21, answered 200 with an empty body sent {framing}, the \
                 function returned {shown:?}; expected [\"Ok(digest of an empty body)\"]: a \
                 body is what arrives before its end, and an empty one goes to `digest` too, \
                 whatever the head said or left unsaid about its length"
            )));
        }
    }
    Ok(())
}

/// A digest whose value is at an end of `u64`: the largest for a body of odd length, 0 for one
/// of even length.
fn extreme_digest(bytes: &[u8]) -> u64 {
    record(bytes, Instant::now());
    if bytes.len() % 2 == 0 { 0 } else { u64::MAX }
}

/// Ids `[31, 32, 33]`, post 32's body of even length and the others' odd, digested by
/// [`extreme_digest`]: the results are `[Ok(u64::MAX), Ok(0), Ok(u64::MAX)]`, each body
/// digested once, within 10 s (a value taken as "not done yet" or as a failure, or digests
/// added up, which overflows, fails).
async fn any_digest_is_a_result<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("extreme digests");
    let server = MockServer::start().await;
    let mut bodies = Vec::new();
    for id in [31, 32, 33] {
        let mut body = body_of(&run, id);
        // Post 32's length even, the others' odd.
        if (body.len() % 2 == 0) != (id == 32) {
            body.push(' ');
        }
        mount(&server, "/api", id, 200, &body, 0).await;
        bodies.push(body);
    }
    let base_url = format!("{}/api", server.uri());
    let client = client_for(&base_url);
    let results = EXERCISE
        .run_within(
            Duration::from_secs(10),
            candidate(&client, &base_url, &[31, 32, 33], extreme_digest),
        )
        .await?;
    let shown = values(&results);
    let expected = [
        format!("Ok({})", u64::MAX),
        "Ok(0)".to_owned(),
        format!("Ok({})", u64::MAX),
    ];
    let digests = digests_of(&bodies).len();
    if shown == expected && digests == 3 {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids [31, 32, 33] with a `digest` that returns u64::MAX for posts 31 and 33 \
         and 0 for post 32, the function returned {shown:?} and \
         `digest` was called {digests} times; expected {expected:?} after 3: each result is the \
         value `digest` returned, whatever it is (no value of it means \"not done\" or \
         \"failed\"), each body goes to `digest` once, and no panic"
    )))
}

/// Post 53 answered 200 with an empty body, and post 54 with a `Content-Type` and an `ETag` that
/// hold a byte past ASCII, as header text may (`text/html; charset=caf\xE9`): each an answer like any other,
/// digested as it arrived after one GET (asking again for an empty 200 fails, and so does a
/// panic reading the type as text).
async fn an_empty_body_and_a_type_past_ascii_are_answers<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("an empty body");
    let server = MockServer::start().await;
    let body = body_of(&run, 54);
    let names = HashMap::from([
        (fnv(b""), "an empty body".to_owned()),
        (fnv(body.as_bytes()), "post 54".to_owned()),
    ]);
    Mock::given(method("GET"))
        .and(path("/api/posts/53"))
        // Labelled gzip, as some servers label every answer: an empty body all the same.
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-type", "application/json")
                .insert_header("content-encoding", "gzip"),
        )
        .mount(&server)
        .await;
    let odd_type = reqwest::header::HeaderValue::from_bytes(b"text/html; charset=caf\xE9")
        .map_err(|err| format!("the check could not make its header: {err}"))?;
    Mock::given(method("GET"))
        .and(path("/api/posts/54"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-type", odd_type.clone())
                .insert_header("etag", odd_type)
                .set_body_bytes(body.as_bytes()),
        )
        .mount(&server)
        .await;
    let base_url = format!("{}/api", server.uri());
    let client = client_for(&base_url);
    let ids = [53, 54];
    let results = EXERCISE
        .run(candidate(&client, &base_url, &ids, quick_digest))
        .await?;
    let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
    let expected = ["Ok(digest of an empty body)", "Ok(digest of post 54)"];
    if shown != expected {
        return Err(EXERCISE.fail(&format!(
            "asked about ids {ids:?}, post 53 answered 200 with an empty body and post 54 200 \
             with `Content-Type: text/html; charset=caf\\xE9` and that text as its `ETag` too (a \
             byte past ASCII, which header text allows), the function returned {shown:?}; expected {expected:?}: a 200 is an \
             answer whatever its body and head hold, an empty body too, and its bytes go to \
             `digest` as they arrived"
        )));
    }
    let asked_before = requests_of(&server).await.len();
    one_get_per_entry(&requests_of(&server).await, "/api", &ids)?;
    // Then the largest id there is, before post 54: an `Err` of its own (a 404 here), no panic.
    let ids = [u64::MAX, 54];
    let results = EXERCISE
        .run(candidate(&client, &base_url, &ids, quick_digest))
        .await?;
    let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
    let expected = ["Err(status 404)", "Ok(digest of post 54)"];
    if shown != expected {
        // The 404 digested is the error rule's fault, not the id's.
        let rule = if shown.first().is_some_and(|shown| shown.starts_with("Ok(")) {
            "an error status, any 4xx or 5xx, is that entry's `Err` carrying it, and is not \
             digested"
        } else {
            "an id is any `u64`, the largest too, and each entry's result goes at its own index \
             (nothing sized from the ids' values)"
        };
        return Err(EXERCISE.fail(&format!(
            "asked about ids {ids:?}, the first answered 404 and post 54 200, the function \
             returned {shown:?}; expected {expected:?}: {rule}"
        )));
    }
    // Asked at its own URL, not at another's that is also a 404 (`/posts/-1`, for an id
    // turned into an `i64`).
    let requests = requests_of(&server).await;
    one_get_per_entry(
        requests.get(asked_before..).unwrap_or_default(),
        "/api",
        &ids,
    )
}

/// `bytes` in gzip's format, stored without compression (one stored deflate block): a body a
/// server may send with `Content-Encoding: gzip`, made without a compressor.
fn gzip_stored(bytes: &[u8]) -> Vec<u8> {
    let crc = !bytes.iter().fold(!0_u32, |crc, &byte| {
        (0..8).fold(crc ^ u32::from(byte), |crc, _| {
            if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            }
        })
    });
    let length = u16::try_from(bytes.len()).expect("a body for one stored block");
    let mut gzip = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 1];
    gzip.extend(length.to_le_bytes());
    gzip.extend((!length).to_le_bytes());
    gzip.extend(bytes);
    gzip.extend(crc.to_le_bytes());
    gzip.extend(u32::from(length).to_le_bytes());
    gzip
}

/// An answer sent with `Content-Encoding: gzip`, as a server that stores its files compressed
/// sends them: the client given decodes no content coding, so the body arrives as gzip, and that
/// is the body to digest, after one request.
async fn digests_a_gzip_body_as_it_arrived<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("gzip");
    let gzip = gzip_stored(body_of(&run, 8).as_bytes());
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/posts/8"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-encoding", "gzip")
                .set_body_raw(gzip.clone(), "application/json"),
        )
        .mount(&server)
        .await;
    let base_url = format!("{}/api", server.uri());
    let client = client_for(&base_url);
    let results = EXERCISE
        .run(candidate(&client, &base_url, &[8], quick_digest))
        .await?;
    let requests = requests_of(&server).await;
    let names = HashMap::from([(fnv(&gzip), "its gzip bytes".to_owned())]);
    let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
    if requests.len() == 1 && shown == ["Ok(digest of its gzip bytes)"] {
        return bodies_of_other_kinds_as_they_arrived(candidate).await;
    }
    Err(EXERCISE.fail(&format!(
        "asked about id 8, answered 200 with `Content-Encoding: gzip` (the client given decodes \
         no content coding, so the body arrives as gzip), the server received {requests:?} and \
         the function returned {shown:?}; expected one GET and [\"Ok(digest of its gzip \
         bytes)\"]: one GET per entry, and its body digested exactly as it arrived"
    )))
}

/// Bodies of other kinds, each digested exactly as it arrived: JSONP, a post wrapped in a
/// callback and sent as `application/javascript`; and JSON in UTF-16 (little-endian, with its
/// byte order mark), as its `Content-Type` says.
async fn bodies_of_other_kinds_as_they_arrived<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("other kinds");
    let jsonp = format!("callback({});", body_of(&run, 9)).into_bytes();
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(body_of(&run, 10).encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let server = MockServer::start().await;
    let page = format!(
        "<!DOCTYPE html>\n<html><head><title>{run}</title></head><body>post 11</body></html>\n"
    )
    .into_bytes();
    // UTF-8 with a byte order mark first, as some Windows tools write it.
    let with_bom: Vec<u8> = [0xEF, 0xBB, 0xBF]
        .into_iter()
        .chain(body_of(&run, 12).into_bytes())
        .collect();
    // Said to be UTF-8, but with an `é` in Latin-1 (the byte 0xE9): bytes all the same.
    let not_utf8: Vec<u8> = format!("{{\"title\": \"{run} caf")
        .into_bytes()
        .into_iter()
        .chain(*b"\xE9\", \"id\": 13}")
        .collect();
    for (id, body, content_type) in [
        (9, &jsonp, "application/javascript"),
        (10, &utf16, "application/json; charset=utf-16"),
        (11, &page, "text/html; charset=utf-8"),
        (12, &with_bom, "application/json"),
        (13, &not_utf8, "application/json; charset=utf-8"),
    ] {
        let mut template = ResponseTemplate::new(200).set_body_raw(body.clone(), content_type);
        if id >= 12 {
            // Posts 12 and 13 share a strong tag that looks like a hash of the content: a tag
            // names a version of one resource, not the bytes of every answer that carries it.
            template = template.insert_header("etag", "\"0123456789abcdef0123456789abcdef\"");
        }
        if id == 13 {
            // After post 12's digest is done.
            template = template.set_delay(Duration::from_millis(200));
        }
        Mock::given(method("GET"))
            .and(path(format!("/api/posts/{id}")))
            .respond_with(template)
            .mount(&server)
            .await;
    }
    let base_url = format!("{}/api", server.uri());
    let client = client_for(&base_url);
    let results = EXERCISE
        .run(candidate(
            &client,
            &base_url,
            &[9, 10, 11, 12, 13],
            quick_digest,
        ))
        .await?;
    let names = HashMap::from([
        (fnv(&jsonp), "post 9's JSONP as sent".to_owned()),
        (fnv(&utf16), "post 10's UTF-16 as sent".to_owned()),
        (fnv(&page), "post 11's web page as sent".to_owned()),
        (
            fnv(&with_bom),
            "post 12 with its byte order mark".to_owned(),
        ),
        (fnv(&not_utf8), "post 13's bytes as sent".to_owned()),
    ]);
    let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
    let expected = [
        "Ok(digest of post 9's JSONP as sent)",
        "Ok(digest of post 10's UTF-16 as sent)",
        "Ok(digest of post 11's web page as sent)",
        "Ok(digest of post 12 with its byte order mark)",
        "Ok(digest of post 13's bytes as sent)",
    ];
    let requests = requests_of(&server).await.len();
    if shown == expected && requests == 5 {
        return a_body_that_starts_with_a_line_break(candidate).await;
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids [9, 10, 11, 12, 13], post 9 answered as JSONP (`callback({{..}});`, \
         `application/javascript`), post 10 as JSON in UTF-16 with its byte order mark \
         (`charset=utf-16`), post 11 200 with a web page (`<!DOCTYPE html>`, `text/html`), post \
         12 as JSON in UTF-8 with a byte order mark first (`EF BB BF`) and post 13 as \
         `charset=utf-8` with a byte that is not UTF-8 (`é` in Latin-1, 0xE9), 12 and 13 (200 ms \
         later) with the same `ETag`, a hash of 32 hex digits, the function \
         returned {shown:?} after {requests} request(s); expected {expected:?} after 5: \
         one result per entry, in the order of `ids`, each 200's body digested exactly as it \
         arrived, after one GET, whatever its content \
         type or charset (no wrapper taken off, nothing decoded or encoded again, no page taken \
         for an error and asked again)"
    )))
}

/// A body that starts with a line break (as a template's stray first line leaves it): digested
/// with it, exactly as it arrived.
async fn a_body_that_starts_with_a_line_break<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("first line break");
    let body = format!("\n{}", body_of(&run, 13));
    let server = MockServer::start().await;
    mount(&server, "/api", 13, 200, &body, 0).await;
    let base_url = format!("{}/api", server.uri());
    let client = client_for(&base_url);
    let results = EXERCISE
        .run(candidate(&client, &base_url, &[13], quick_digest))
        .await?;
    let names = HashMap::from([
        (fnv(body.as_bytes()), "post 13 as sent".to_owned()),
        (
            fnv(body.trim().as_bytes()),
            "post 13 without its first line break".to_owned(),
        ),
    ]);
    let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
    let expected = ["Ok(digest of post 13 as sent)"];
    if shown == expected {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked about id 13, answered 200 with a body whose first byte is a line break \
         (`\\n{{..}}`), the function returned {shown:?}; expected {expected:?}: the body \
         digested exactly as it arrived, its first line break included (nothing trimmed at its \
         start or its end)"
    )))
}

/// Three calls about post 11, one after another: answered 200 (with `Cache-Control: max-age=60,
/// stale-if-error=86400`, which lets a cache serve it when the server fails), then 304 though
/// the request asked no such thing, then 500. Each call's result is its own answer's:
/// `Ok(digest of the body)`, `Ok(digest of an empty body)`, `Err(status 500)` (a digest kept
/// from the first call and given for a 304, or for a failure, fails).
async fn an_earlier_answer_is_no_answer_for_a_later_call<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("answer after answer");
    let body = body_of(&run, 11);
    let server = MockServer::start().await;
    let answers = [
        ResponseTemplate::new(200)
            .insert_header("cache-control", "max-age=60, stale-if-error=86400")
            .insert_header("etag", "\"post-11\"")
            .set_body_raw(body.clone(), "application/json"),
        ResponseTemplate::new(304).insert_header("etag", "\"post-11\""),
        ResponseTemplate::new(500).set_body_raw("{}", "application/json"),
    ];
    for (priority, answer) in (1u8..).zip(answers) {
        Mock::given(method("GET"))
            .and(path("/api/posts/11"))
            .respond_with(answer)
            .up_to_n_times(1)
            .with_priority(priority)
            .mount(&server)
            .await;
    }
    let base_url = format!("{}/api", server.uri());
    let client = client_for(&base_url);
    let names = HashMap::from([
        (fnv(body.as_bytes()), "post 11".to_owned()),
        (fnv(b""), "an empty body".to_owned()),
    ]);
    let mut shown = Vec::new();
    for _ in 0..3 {
        let results = EXERCISE
            .run(candidate(&client, &base_url, &[11], quick_digest))
            .await?;
        shown.extend(results.iter().map(|r| describe(r, &names)));
    }
    let requests = requests_of(&server).await.len();
    let expected = [
        "Ok(digest of post 11)",
        "Ok(digest of an empty body)",
        "Err(status 500)",
    ];
    if shown == expected && requests == 3 {
        return a_shorter_body_is_the_next_answer(candidate).await;
    }
    Err(EXERCISE.fail(&format!(
        "asked about id 11 by three calls, one after another, answered 200 (with \
         `Cache-Control: max-age=60, stale-if-error=86400`), then 304 (not asked for), then \
         500, the calls returned {shown:?} after {requests} request(s); expected {expected:?} \
         after 3: each call's result is its own answer's (a 304 is an answer like a 200, its \
         empty body digested; a 500 is an `Err`), never a digest kept from an earlier call"
    )))
}

/// Two calls about post 12, one after another: answered 200 with `Cache-Control: max-age=60,
/// s-maxage=60, stale-while-revalidate=86400` (which lets any cache keep it, shared ones too, and
/// serve it while it asks again), then 200 with a body under half as long. Each call sends its own GET, once, and digests its own body (a digest
/// kept by a cache of one's own, or a second request because a body is shorter than before,
/// fails).
async fn a_shorter_body_is_the_next_answer<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("shorter body");
    let long = body_of(&run, 12);
    let short = format!("{{\"id\":12,\"run\":{}}}", fnv(run.as_bytes()) % 1000);
    // Then an empty body: an answer like any other, not a glitch to mend with an older body.
    let empty = String::new();
    let server = MockServer::start().await;
    for (priority, body) in (1u8..).zip([&long, &short, &empty]) {
        Mock::given(method("GET"))
            .and(path("/api/posts/12"))
            .respond_with(
                ResponseTemplate::new(200)
                    .insert_header(
                        "cache-control",
                        "max-age=60, s-maxage=60, stale-while-revalidate=86400",
                    )
                    // The fields of CDNs and reverse proxies (RFC 9213, and Edge
                    // Architecture's): for caches of theirs, not for a client.
                    .insert_header("cdn-cache-control", "max-age=60")
                    .insert_header("surrogate-control", "max-age=60")
                    .set_body_raw(body.clone(), "application/json"),
            )
            .up_to_n_times(1)
            .with_priority(priority)
            .mount(&server)
            .await;
    }
    let base_url = format!("{}/api", server.uri());
    let client = client_for(&base_url);
    let names = HashMap::from([
        (fnv(long.as_bytes()), "the first body".to_owned()),
        (fnv(short.as_bytes()), "the second body".to_owned()),
        (fnv(empty.as_bytes()), "the third, empty body".to_owned()),
    ]);
    let mut shown = Vec::new();
    let mut requests = Vec::new();
    for _ in 0..3 {
        let results = EXERCISE
            .run(candidate(&client, &base_url, &[12], quick_digest))
            .await?;
        shown.extend(results.iter().map(|r| describe(r, &names)));
        requests.push(requests_of(&server).await.len() - requests.iter().sum::<usize>());
    }
    let expected = [
        "Ok(digest of the first body)",
        "Ok(digest of the second body)",
        "Ok(digest of the third, empty body)",
    ];
    if shown == expected && requests == [1, 1, 1] {
        return an_older_version_is_the_next_answer(candidate).await;
    }
    Err(EXERCISE.fail(&format!(
        "asked about id 12 by three calls, one after another, answered 200 with {} bytes (with \
         `Cache-Control: max-age=60, s-maxage=60, stale-while-revalidate=86400`, and \
         `CDN-Cache-Control` and `Surrogate-Control` saying `max-age=60`), then 200 with {} \
         bytes, then 200 with an empty body, the calls returned {shown:?} after {requests:?} \
         request(s) each; expected {expected:?} after [1, 1, 1]: each call sends one GET per \
         entry and digests the body that came (no digest kept for a later call, whatever \
         `Cache-Control` allows; a body shorter than the last one, or empty, is that call's \
         answer, never a reason to ask a second time or to digest an older body)",
        long.len(),
        short.len()
    )))
}

/// Answers `GET` with `Range: bytes=START-` by a 206 of this body from `START` on, as a server
/// that serves ranges does, and any other `GET` by a 200 of the whole body, last modified a day
/// before `Tue, 01 Dec 2026 10:00:00 GMT`.
struct OlderVersion(Vec<u8>);

impl wiremock::Respond for OlderVersion {
    fn respond(&self, request: &wiremock::Request) -> ResponseTemplate {
        let start = request
            .headers
            .get("range")
            .and_then(|range| range.to_str().ok())
            .and_then(|range| range.strip_prefix("bytes="))
            .and_then(|range| range.split('-').next())
            .and_then(|start| start.trim().parse::<usize>().ok())
            .filter(|&start| start < self.0.len());
        let whole = self.0.len();
        match start {
            Some(start) => ResponseTemplate::new(206)
                .insert_header(
                    "content-range",
                    format!("bytes {start}-{}/{whole}", whole - 1),
                )
                .set_body_raw(self.0[start..].to_vec(), "application/json"),
            None => ResponseTemplate::new(200)
                .insert_header("last-modified", "Mon, 30 Nov 2026 10:00:00 GMT")
                .insert_header("accept-ranges", "bytes")
                .set_body_raw(self.0.clone(), "application/json"),
        }
    }
}

/// Two calls about post 14, one after another: answered 200 with `Last-Modified: Tue, 01 Dec
/// 2026 10:00:00 GMT` and `Accept-Ranges: bytes`, then with a longer body, other from its first
/// byte, last modified a day earlier (a rollback, or another replica), by a server that also
/// serves ranges. Each call digests the body its own answer brought, whole (a body kept because
/// its date is later, or completed with a `Range` asked for what it lacks, fails).
async fn an_older_version_is_the_next_answer<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("older version");
    let first = body_of(&run, 14);
    let second = format!(
        "{}\n{{\"note\": \"restored from a backup\"}}",
        first.to_uppercase()
    );
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/posts/14"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("last-modified", "Tue, 01 Dec 2026 10:00:00 GMT")
                .insert_header("accept-ranges", "bytes")
                .set_body_raw(first.clone(), "application/json"),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/posts/14"))
        .respond_with(OlderVersion(second.clone().into_bytes()))
        .with_priority(2)
        .mount(&server)
        .await;
    let base_url = format!("{}/api", server.uri());
    let client = client_for(&base_url);
    let names = HashMap::from([
        (fnv(first.as_bytes()), "the first body".to_owned()),
        (fnv(second.as_bytes()), "the second body".to_owned()),
    ]);
    let mut shown = Vec::new();
    for _ in 0..2 {
        let results = EXERCISE
            .run(candidate(&client, &base_url, &[14], quick_digest))
            .await?;
        shown.extend(results.iter().map(|r| describe(r, &names)));
    }
    let received = server.received_requests().await.unwrap_or_default();
    let ranges: Vec<String> = received
        .iter()
        .filter_map(|request| request.headers.get("range"))
        .map(|range| String::from_utf8_lossy(range.as_bytes()).into_owned())
        .collect();
    let expected = [
        "Ok(digest of the first body)",
        "Ok(digest of the second body)",
    ];
    if shown == expected && received.len() == 2 && ranges.is_empty() {
        return a_strict_transport_header_moves_nothing(candidate).await;
    }
    let asked = if ranges.is_empty() {
        String::new()
    } else {
        format!(
            " (asked with `Range: {}`, answered 206 with only those bytes)",
            ranges.join(", ")
        )
    };
    Err(EXERCISE.fail(&format!(
        "asked about id 14 by two calls, one after another, answered 200 with {} bytes and \
         `Last-Modified: Tue, 01 Dec 2026 10:00:00 GMT`, then 200 with {} other bytes and a \
         `Last-Modified` a day earlier, the calls returned {shown:?} after {} request(s){asked}; \
         expected {expected:?} after 2, with no `Range`: each call sends one GET of each post, \
         whole, and digests the body its answer brought (an older date is still the answer; no \
         body kept from an earlier call, and none completed with only the bytes it lacks)",
        first.len(),
        second.len(),
        received.len()
    )))
}

/// On a runtime whose clock is paused, a digest that blocks for 300 ms, for ids `[56, 57]`:
/// each body digested once (a timer of one's own that starts a second digest when the first
/// is slow, "hedging", fires at once there, since a digest on a thread of one's own leaves the
/// runtime idle).
async fn a_slow_digest_runs_once<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>
        + Copy
        + Send
        + 'static,
{
    let run = run_of("slow digest");
    let server = MockServer::start().await;
    let mut names = HashMap::new();
    let mut bodies = Vec::new();
    for id in [56, 57] {
        let body = body_of(&run, id);
        names.insert(fnv(body.as_bytes()), format!("post {id}"));
        mount(&server, "/api", id, 200, &body, 0).await;
        bodies.push(body);
    }
    let base_url = format!("{}/api", server.uri());
    let candidate = *candidate;
    let results = on_a_thread_of_its_own(
        &EXERCISE,
        move || on_a_paused_clock(candidate, base_url, vec![56, 57], slow_digest),
        || {
            "asked about ids [56, 57] with a digest of 300 ms, on a runtime whose clock is \
             paused, the call held that runtime's own thread for 15 s: the requests and the \
             waits are async"
                .to_owned()
        },
    )
    .await?;
    let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
    let digests = digests_of(&bodies).len();
    if shown == ["Ok(digest of post 56)", "Ok(digest of post 57)"] && digests == 2 {
        return a_digest_held_for_a_minute_runs_once(&candidate).await;
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids [56, 57] with a digest that blocks for 300 ms, on a runtime whose clock \
         is paused (a timer of yours, however long, ends as soon as the call waits), the function \
         returned {shown:?} and `digest` was called {digests} times; expected [\"Ok(digest of \
         post 56)\", \"Ok(digest of post 57)\"] after 2: each successful answer's body goes to \
         `digest` once, and a slow digest is waited for (never started again beside itself)"
    )))
}

/// On a runtime whose clock is paused, a digest of post 58 that holds its thread until the
/// check lets it go; once it has begun, the check moves the runtime's clock a minute on (a
/// paused clock does not move on its own while a `spawn_blocking` task runs), gives a second
/// digest 100 ms of real time to begin, and then lets the digest go: one digest, and its value
/// the result (a second digest started when the first is slow, "hedging", or a time limit of
/// one's own on the digest, fails).
async fn a_digest_held_for_a_minute_runs_once<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>
        + Copy
        + Send
        + 'static,
{
    let run = run_of("held digest");
    let server = MockServer::start().await;
    let body = body_of(&run, 58);
    let hash = fnv(body.as_bytes());
    let names = HashMap::from([(hash, "post 58".to_owned())]);
    mount(&server, "/api", 58, 200, &body, 0).await;
    let base_url = format!("{}/api", server.uri());
    let candidate = *candidate;
    let (results, begun) = on_a_thread_of_its_own(
        &EXERCISE,
        move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .start_paused(true)
                .build()
                .map_err(|err| format!("the check could not build its runtime: {err}"))?;
            let client = client_without_timeouts()?;
            let first_begun = hold(hash);
            let results = runtime.block_on(async {
                let call = EXERCISE.run(candidate(&client, &base_url, &[58], held_digest));
                // Once the digest has begun: a minute on, the answer's timers that are due by
                // then fire, and a digest started on a thread of its own gets 100 ms of real
                // time to begin; then the digests are let go. The call is driven all along.
                let moved_on = async {
                    if first_begun.await.is_ok() {
                        tokio::time::advance(Duration::from_secs(60)).await;
                        for _ in 0..16 {
                            tokio::task::yield_now().await;
                        }
                        let _ = tokio::task::spawn_blocking(|| {
                            std::thread::sleep(Duration::from_millis(100));
                        })
                        .await;
                    }
                    let_go_of(hash);
                };
                tokio::pin!(call);
                tokio::pin!(moved_on);
                tokio::select! {
                    biased;
                    results = &mut call => results,
                    () = &mut moved_on => call.await,
                }
            });
            let begun = let_go_of(hash);
            runtime.shutdown_timeout(Duration::from_secs(1));
            Ok((results?, begun))
        },
        || {
            "asked about id 58 with a digest that holds its thread until the check lets it go, \
             on a runtime whose clock is paused, the call held that runtime's own thread for \
             15 s: the requests and the waits are async"
                .to_owned()
        },
    )
    .await?;
    let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
    if shown == ["Ok(digest of post 58)"] && begun == 1 {
        return Ok(());
    }
    if begun == 0 {
        return Err(EXERCISE.fail(&format!(
            "asked about id 58, answered 200, on a runtime whose clock is paused, the function \
             returned {shown:?} and `digest` never began; expected [\"Ok(digest of post 58)\"] \
             after one digest: each successful answer's body goes to `digest` once"
        )));
    }
    Err(EXERCISE.fail(&format!(
        "asked about id 58 with a digest that was still running a minute later (on a runtime \
         whose clock is paused, moved a minute on by the check while the digest ran), the \
         function returned {shown:?} and `digest` began {begun} times; expected [\"Ok(digest of \
         post 58)\"] after one: a slow digest is waited for, however long it takes (no time \
         limit of your own on it), and never started again beside itself"
    )))
}

/// Two calls about post 15 from a server that answers, over plain HTTP, with
/// `Strict-Transport-Security` (which a client takes only over HTTPS, RFC 6797): both calls ask
/// the server at `base_url` as given (a host remembered as "HTTPS only", and asked over
/// `https://` the next time, never reaches it).
async fn a_strict_transport_header_moves_nothing<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("strict transport");
    let body = body_of(&run, 15);
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/posts/15"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header(
                    "strict-transport-security",
                    "max-age=31536000; includeSubDomains",
                )
                .set_body_raw(body.clone(), "application/json"),
        )
        .mount(&server)
        .await;
    let base_url = format!("{}/api", server.uri());
    let client = client_for(&base_url);
    let names = HashMap::from([(fnv(body.as_bytes()), "post 15".to_owned())]);
    let mut shown = Vec::new();
    for _ in 0..2 {
        let results = EXERCISE
            .run(candidate(&client, &base_url, &[15], quick_digest))
            .await?;
        shown.extend(results.iter().map(|r| describe(r, &names)));
    }
    let requests = requests_of(&server).await.len();
    if shown == ["Ok(digest of post 15)", "Ok(digest of post 15)"] && requests == 2 {
        return a_large_body_from_a_server_of_ranges_is_asked_once(candidate).await;
    }
    Err(EXERCISE.fail(&format!(
        "asked about id 15 by two calls, one after another, from a server that answers over \
         plain HTTP with `Strict-Transport-Security: max-age=31536000`, the calls returned \
         {shown:?} after {requests} request(s) at `{base_url}`; expected [\"Ok(digest of post \
         15)\", \"Ok(digest of post 15)\"] after 2: each call asks `{{base_url}}/posts/{{id}}` \
         as given, through `client` (that header counts only over HTTPS, and moves no request \
         to `https://`)"
    )))
}

/// Post 16 answered 200 with a body of 4.5 MiB, by a server that says it serves ranges
/// (`Accept-Ranges: bytes`): one GET, and that body digested (a large body asked again in
/// ranged parts, as a download accelerator does, is the post asked several times). Then the
/// same with a body of 16.5 MiB: digested whole, once (a body past a size of one's own cut into
/// parts digested apart, their values combined, gives another number).
async fn a_large_body_from_a_server_of_ranges_is_asked_once<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("large from a server of ranges");
    for (size, label) in [(9 << 19, "4.5 MiB"), (33 << 19, "16.5 MiB")] {
        let body: Vec<u8> = body_of(&run, 16)
            .into_bytes()
            .into_iter()
            .cycle()
            .take(size)
            .collect();
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/api/posts/16"))
            .respond_with(
                ResponseTemplate::new(200)
                    .insert_header("accept-ranges", "bytes")
                    .set_body_raw(body.clone(), "application/json"),
            )
            .mount(&server)
            .await;
        let base_url = format!("{}/api", server.uri());
        let client = client_for(&base_url);
        let name = format!("post 16's {label}");
        let names = HashMap::from([(fnv(&body), name.clone())]);
        let results = EXERCISE
            .run(candidate(&client, &base_url, &[16], quick_digest))
            .await?;
        let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
        let requests = requests_of(&server).await;
        if shown != [format!("Ok(digest of {name})")] || requests.len() != 1 {
            return Err(EXERCISE.fail(&format!(
                "asked about id 16, answered 200 with a body of {label} and `Accept-Ranges: \
                 bytes`, the function returned {shown:?} and the server received {}; expected \
                 [\"Ok(digest of {name})\"] after one GET: one GET per entry, its body read \
                 whole as it comes and given to `digest` whole, once, however large (no parts \
                 asked again with `Range`, none digested apart)",
                shorten_list(&requests)
            )));
        }
    }
    Ok(())
}

/// A base URL with a user and a password in it, as some APIs are given: the URL made by
/// appending to it keeps them, and reqwest sends them as `Authorization: Basic`.
async fn keeps_the_whole_base_url<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("user in the base URL");
    // The user and password as the URL writes them, the base path, and the header reqwest
    // sends for them: percent-escapes decoded (`%40` is `@`, `%C3%BC` is `ü` in UTF-8), a
    // user alone sent with an empty password, a path kept in its case and its escapes.
    for (userinfo, base_path, expected) in [
        ("reader:s3cret@", "/api", "Basic cmVhZGVyOnMzY3JldA=="),
        // A password with a `:` in it: the user ends at the first one.
        ("user:pa:ss@", "/api", "Basic dXNlcjpwYTpzcw=="),
        // A `+`, which stays a `+`, and an escaped `%`, decoded once: `p+ss%41`.
        ("user:p+ss%2541@", "/api", "Basic dXNlcjpwK3NzJTQx"),
        (
            "me%40example.com:p%40ss@",
            "/API/v2",
            "Basic bWVAZXhhbXBsZS5jb206cEBzcw==",
        ),
        ("j%C3%BCrgen:geheim@", "/api", "Basic asO8cmdlbjpnZWhlaW0="),
        ("TOKEN@", "/api", "Basic VE9LRU46"),
        // A password with no user, as some APIs take a key.
        (":secret@", "/api", "Basic OnNlY3JldA=="),
        // An `@` in the path, after the host: not a user's.
        ("reader:s3cret@", "/@team/api", "Basic cmVhZGVyOnMzY3JldA=="),
        ("", "/api/v4/projects/group%2Frepo", "(none)"),
        // Escapes as written: in lower case, and of a character that needs none (`%7E`, `~`).
        ("", "/docs%2fv1", "(none)"),
        ("", "/%7Ejane/api", "(none)"),
        // A last segment with a dot in it: a version, not a file to replace.
        ("", "/api/v1.1", "(none)"),
        // A script's name last, as PHP and CGI apps are reached: kept, the path goes after it.
        ("", "/app/index.php", "(none)"),
        // A base path that ends in `/posts` itself: `/posts/posts/5` is what it asks for.
        ("", "/api/posts", "(none)"),
        // The scheme in capitals, which a URL may have (`Url` writes it in lower case).
        ("HTTP://", "/api", "(none)"),
    ] {
        let server = MockServer::start().await;
        mount(&server, base_path, 5, 200, &body_of(&run, 5), 0).await;
        let base_url = format!("{}{base_path}", server.uri()).replace(
            "http://",
            &match userinfo.strip_suffix("://") {
                Some(scheme) => format!("{scheme}://"),
                None => format!("http://{userinfo}"),
            },
        );
        let client = client_for(&base_url);
        let results = EXERCISE
            .run(candidate(&client, &base_url, &[5], quick_digest))
            .await?;
        let seen: Vec<(String, String)> = server
            .received_requests()
            .await
            .unwrap_or_default()
            .iter()
            .map(|request| {
                let authorization = header_or_none(request, "authorization");
                (request.url.path().to_owned(), authorization)
            })
            .collect();
        let wanted = [(format!("{base_path}/posts/5"), expected.to_owned())];
        if !results.iter().all(Result::is_ok) || seen != wanted {
            return Err(EXERCISE.fail(&format!(
                "asked about id 5 with the base URL `{base_url}`, the server received requests \
                 for these paths, with these `Authorization` headers: {seen:?}; expected \
                 {wanted:?}: the URL is made by appending to `base_url`, all of it as it is \
                 written (its path in its case and its escapes; its user and password, which \
                 `client.get(url)` sends as Basic auth, decoded as reqwest decodes them), and \
                 sent through `client`"
            )));
        }
    }
    // Two calls on one server and base path, the first with a user and a password in its base
    // URL, the second with none: the second sends no `Authorization` (credentials remembered
    // for the server, as a `requests.Session` keeps them, go where they were not given).
    let server = MockServer::start().await;
    mount(&server, "/api", 5, 200, &body_of(&run, 5), 0).await;
    let mut authorizations = Vec::new();
    let mut returned = Vec::new();
    let names = HashMap::from([(fnv(body_of(&run, 5).as_bytes()), "post 5".to_owned())]);
    for userinfo in ["reader:s3cret@", ""] {
        let base_url =
            format!("{}/api", server.uri()).replace("http://", &format!("http://{userinfo}"));
        let client = client_for(&base_url);
        let results = EXERCISE
            .run(candidate(&client, &base_url, &[5], quick_digest))
            .await?;
        returned.extend(results.iter().map(|r| describe(r, &names)));
        let received = server.received_requests().await.unwrap_or_default();
        authorizations = received
            .iter()
            .map(|request| header_or_none(request, "authorization"))
            .collect();
        if !results.iter().all(Result::is_ok) {
            break;
        }
    }
    let wanted = ["Basic cmVhZGVyOnMzY3JldA==", "(none)"];
    if authorizations != wanted {
        return Err(EXERCISE.fail(&format!(
            "two calls about id 5 on one server, with the base URLs `http://reader:s3cret@{0}/api` \
             and then `http://{0}/api`, the server received requests with these `Authorization` \
             headers: {authorizations:?}, and the calls returned {returned:?}; expected {wanted:?}: the URL is made by appending to \
             each call's own `base_url`, and the request sends the credentials that base holds, \
             or none when it holds none (nothing kept from an earlier call's base)",
            server.address()
        )));
    }
    // Two calls on one server whose base paths differ only in case: each call's URL is its own
    // base's (a memo of URLs kept by the base in lower case gives the second call the first's).
    let server = MockServer::start().await;
    for base_path in ["/Api", "/api"] {
        mount(&server, base_path, 5, 200, &body_of(&run, 5), 0).await;
    }
    let mut requests = Vec::new();
    for base_path in ["/Api", "/api"] {
        let base_url = format!("{}{base_path}", server.uri());
        let client = client_for(&base_url);
        let results = EXERCISE
            .run(candidate(&client, &base_url, &[5], quick_digest))
            .await?;
        if !results.iter().all(Result::is_ok) {
            requests = requests_of(&server).await;
            break;
        }
    }
    if requests.is_empty() {
        requests = requests_of(&server).await;
    }
    if requests != ["GET /Api/posts/5", "GET /api/posts/5"] {
        return Err(EXERCISE.fail(&format!(
            "two calls about id 5 on one server, with the base URLs `{0}/Api` and then \
             `{0}/api`, the server received {requests:?}; expected [\"GET /Api/posts/5\", \
             \"GET /api/posts/5\"]: each call's URL is made by appending to its own `base_url`, \
             as it is written (a path's case matters; nothing kept from an earlier call's base)",
            server.uri()
        )));
    }
    // And a base URL with no path at all, as the lesson's own is: `Url` writes it back with a
    // `/` of its own (`http://host:port/`), so text made from a parsed base asks for `//posts/5`.
    let server = MockServer::start().await;
    mount(&server, "", 5, 200, &body_of(&run, 5), 0).await;
    let base_url = server.uri();
    let client = client_for(&base_url);
    let results = EXERCISE
        .run(candidate(&client, &base_url, &[5], quick_digest))
        .await?;
    let requests = requests_of(&server).await;
    if results.iter().all(Result::is_ok) && requests == ["GET /posts/5"] {
        return a_base_url_by_another_name_is_asked_as_given(candidate).await;
    }
    Err(EXERCISE.fail(&format!(
        "asked about id 5 with the base URL `{base_url}`, which has no path, the server \
         received {requests:?}; expected [\"GET /posts/5\"]: the URL is made by appending \
         `/posts/{{id}}` to `base_url` as it is given, nothing added to it (no `/` of its own)"
    )))
}

/// The base URL `http://posts.example/api`: a host named otherwise than `localhost`, and no
/// port, through a client that resolves that name to the check's server (as `/etc/hosts`
/// would): one GET over plain HTTP with `Host: posts.example`, and the result (a scheme
/// upgraded to `https://` off loopback reaches no server; `Url::port()`, `None` for a scheme's
/// own port, taken with `expect` panics).
async fn a_base_url_by_another_name_is_asked_as_given<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("another name");
    let server = MockServer::start().await;
    let body = body_of(&run, 5);
    let names = HashMap::from([(fnv(body.as_bytes()), "post 5".to_owned())]);
    mount(&server, "/api", 5, 200, &body, 0).await;
    let base_url = "http://posts.example/api";
    let client = lesson_support::testing::tagged_client_builder(base_url)
        .resolve("posts.example", *server.address())
        .build()
        .map_err(|err| format!("the check could not build its client: {err}"))?;
    let results = EXERCISE
        .run(candidate(&client, base_url, &[5], quick_digest))
        .await?;
    let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
    let seen: Vec<(String, String)> = server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .map(|request| {
            (
                request.url.path().to_owned(),
                header_or_none(request, "host"),
            )
        })
        .collect();
    let wanted = [("/api/posts/5".to_owned(), "posts.example".to_owned())];
    if shown == ["Ok(digest of post 5)"] && seen == wanted {
        a_client_over_a_unix_socket_gets_its_answers(candidate).await?;
        return what_an_answer_says_moves_no_request(candidate).await;
    }
    Err(EXERCISE.fail(&format!(
        "asked about id 5 with the base URL `{base_url}`, through a client that resolves \
         `posts.example` to the check's server, the function returned {shown:?} and the server \
         received requests for these paths, with these `Host` headers: {seen:?}; expected \
         [\"Ok(digest of post 5)\"] and {wanted:?}: each request goes through `client` (here \
         the only client that knows where `posts.example` is), to the URL made by appending to \
         `base_url` as it is written, its scheme (`http://`), its host's name and its lack of a \
         port too"
    )))
}

/// What an answer says moves no request: post 1 answered with `Alt-Svc` naming another server,
/// `Content-Location: /api/posts/1.json` and `Link: <…?page=2>; rel="next"`, and posts 1 and 2
/// with the same `Repr-Digest`, post 2's body gzipped (`Content-Encoding: gzip`: the same
/// representation, other bytes): two calls about [1, 2] each ask `/api/posts/1` and
/// `/api/posts/2` of this server and digest each body as it arrived (a next page followed, an
/// address or a server remembered, or a digest reused for a header, fails). Then the base URL
/// with `https://` on a server that speaks plain HTTP: every entry `Err`, no request (asking
/// again over `http://` fails). Then, through a client that follows redirects, post 3 answered
/// 301 to `/api/posts/3/`: the result of the page it leads to, in post 3's place (a place found
/// from the final URL fails).
async fn what_an_answer_says_moves_no_request<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("what an answer says");
    let server = MockServer::start().await;
    let elsewhere = MockServer::start().await;
    let body = body_of(&run, 1);
    let gzipped = gzip_stored(body.as_bytes());
    // A stand-in for the representation's SHA-256: an answer may compare it, never check it.
    let repr_digest = "sha-256=:RK/0qy18MlBSVnWgjwz6lZEWjP/lF5HF9bvEF8FabDg=:";
    let port = elsewhere.address().port();
    Mock::given(method("GET"))
        .and(path("/api/posts/1"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header(
                    "alt-svc",
                    format!("h2=\"127.0.0.1:{port}\"; ma=60, http/1.1=\"127.0.0.1:{port}\"; ma=60"),
                )
                .insert_header("content-location", "/api/posts/1.json")
                .insert_header("link", "</api/posts/1?page=2>; rel=\"next\"")
                .insert_header("repr-digest", repr_digest)
                .set_body_raw(body.clone(), "application/json"),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/posts/2"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-encoding", "gzip")
                .insert_header("repr-digest", repr_digest)
                .set_body_raw(gzipped.clone(), "application/json"),
        )
        .mount(&server)
        .await;
    let names = HashMap::from([
        (fnv(body.as_bytes()), "post 1".to_owned()),
        (fnv(&gzipped), "post 2 (gzipped)".to_owned()),
    ]);
    let base_url = format!("{}/api", server.uri());
    let client = client_for(&base_url);
    let expected = ["Ok(digest of post 1)", "Ok(digest of post 2 (gzipped))"];
    for call in ["a first", "a second"] {
        let results = EXERCISE
            .run(candidate(&client, &base_url, &[1, 2], quick_digest))
            .await?;
        let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
        let mut asked = requests_of(&server).await;
        asked.sort();
        let wanted = if call == "a first" { 1 } else { 2 };
        let fine = asked.len() == 2 * wanted
            && asked
                .iter()
                .filter(|line| *line == "GET /api/posts/1")
                .count()
                == wanted
            && asked
                .iter()
                .filter(|line| *line == "GET /api/posts/2")
                .count()
                == wanted;
        let strays = requests_of(&elsewhere).await;
        if shown == expected && fine && strays.is_empty() {
            continue;
        }
        return Err(EXERCISE.fail(&format!(
            "asked about ids [1, 2] ({call} call), post 1 answered with `Alt-Svc` naming another \
             server, `Content-Location: /api/posts/1.json` and `Link: </api/posts/1?page=2>; \
             rel=\"next\"`, posts 1 and 2 with the same `Repr-Digest` and post 2 gzipped, the \
             function returned {shown:?}, the server received {asked:?} and the other server \
             {strays:?}; expected {expected:?}, and one `GET /api/posts/1` and one `GET \
             /api/posts/2` per call, all to this server: each entry is one GET of \
             `{{base_url}}/posts/{{id}}`, and each body goes to `digest` as it arrived, whatever \
             an answer's headers say (no next page followed, no address or server remembered, \
             no digest reused for a header)"
        )));
    }
    let_go(elsewhere);
    // `https://` on a server that speaks plain HTTP: the handshake fails.
    server.reset().await;
    let secure = base_url.replacen("http://", "https://", 1);
    let results = EXERCISE
        .run(candidate(&client, &secure, &[1, 2], quick_digest))
        .await?;
    let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
    let asked = requests_of(&server).await;
    if !results.iter().all(Result::is_err) || !asked.is_empty() {
        return Err(EXERCISE.fail(&format!(
            "asked about ids [1, 2] with the base URL `{secure}`, on a server that speaks plain \
             HTTP (the TLS handshake fails), the function returned {shown:?} and the server \
             received {asked:?}; expected two `Err`s and no request: a failed connection is an \
             `Err`, and the URL is the one `base_url` makes (no second try over `http://`)"
        )));
    }
    a_redirect_followed_is_its_entry_s_answer(candidate, &server, &base_url).await
}

/// Post 3 answered 301 to `/api/posts/3/`, whose page answers 200, and post 4 answered 200,
/// through a client that follows redirects: `[3, 4, 3]` gives each page's digest in its place,
/// and the new page is digested twice, once per entry (a digest shared by the entries that end
/// at one URL fails).
async fn a_redirect_followed_is_its_entry_s_answer<F>(
    candidate: &F,
    server: &MockServer,
    base_url: &str,
) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("redirect followed");
    server.reset().await;
    Mock::given(method("GET"))
        .and(path("/api/posts/3"))
        .respond_with(ResponseTemplate::new(301).insert_header("location", "/api/posts/3/"))
        .mount(server)
        .await;
    let moved = body_of(&run, 3);
    Mock::given(method("GET"))
        .and(path("/api/posts/3/"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(moved.clone(), "application/json"))
        .mount(server)
        .await;
    let body = body_of(&run, 4);
    mount(server, "/api", 4, 200, &body, 0).await;
    let names = HashMap::from([
        (fnv(moved.as_bytes()), "post 3's new page".to_owned()),
        (fnv(body.as_bytes()), "post 4".to_owned()),
    ]);
    let client = client_for(base_url);
    let results = EXERCISE
        .run(candidate(&client, base_url, &[3, 4, 3], quick_digest))
        .await?;
    let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
    let expected = [
        "Ok(digest of post 3's new page)",
        "Ok(digest of post 4)",
        "Ok(digest of post 3's new page)",
    ];
    // Each entry's body goes to `digest`: two digests of the new page, one per entry.
    let digests = digests_of(std::slice::from_ref(&moved)).len();
    if shown == expected && digests == 2 {
        return a_redirect_loop_is_one_err(candidate, server, base_url).await;
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids [3, 4, 3] through a client that follows redirects, post 3 answered 301 \
         to `/api/posts/3/` (whose page answers 200) and post 4 answered 200, the function \
         returned {shown:?}, and `digest` was given that page {digests} time(s); expected \
         {expected:?}, and 2: the result, in the order of `ids`, is each entry's final answer, \
         whatever URL it came from, and each entry's body goes to `digest` (two entries \
         redirected to one page are two answers, two digests)"
    )))
}

/// Post 6 answered 302 to itself, through a client that follows two redirects at most: `[6]`
/// is one `Err` the client gave up with, after the three GETs it sent (asking again once the
/// client has given up fails).
async fn a_redirect_loop_is_one_err<F>(
    candidate: &F,
    server: &MockServer,
    base_url: &str,
) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    server.reset().await;
    Mock::given(method("GET"))
        .and(path("/api/posts/6"))
        .respond_with(ResponseTemplate::new(302).insert_header("location", "/api/posts/6"))
        .mount(server)
        .await;
    let client = lesson_support::testing::tagged_client_builder(base_url)
        .redirect(reqwest::redirect::Policy::limited(2))
        .build()
        .map_err(|err| format!("the check could not build its client: {err}"))?;
    let results = EXERCISE
        .run(candidate(&client, base_url, &[6], quick_digest))
        .await?;
    let asked = server
        .received_requests()
        .await
        .map_or(0, |requests| requests.len());
    if asked == 3 && matches!(results.as_slice(), [Err(_)]) {
        return Ok(());
    }
    let shown: Vec<String> = results
        .iter()
        .map(|result| match result {
            Ok(_) => "Ok(..)".to_owned(),
            Err(err) => format!("Err({err})"),
        })
        .collect();
    Err(EXERCISE.fail(&format!(
        "asked about id 6, answered 302 to itself every time, through a client that follows two \
         redirects at most, the function returned {shown:?} after {asked} GET(s); expected one \
         `Err`, the client's, after its 3 GETs: the client's verdict on a redirect is that \
         entry's result, never a reason to ask again"
    )))
}

/// On Unix, a client that reaches its server over a Unix domain socket (`unix_socket`, as for a
/// sidecar or Docker's socket), base URL `http://localhost/api`: the result, no panic (an
/// answer over such a socket has no `remote_addr()`; taking it with `expect` panics).
#[cfg(unix)]
async fn a_client_over_a_unix_socket_gets_its_answers<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let run = run_of("unix socket");
    let body = body_of(&run, 5);
    let names = HashMap::from([(fnv(body.as_bytes()), "post 5".to_owned())]);
    // A short name: a socket's path has room for about 100 bytes, and `TMPDIR` may be long.
    let socket = std::env::temp_dir().join(format!(
        "c15-{}-{:x}.sock",
        std::process::id(),
        fnv(run.as_bytes()) & 0xffff_ffff
    ));
    let _ = std::fs::remove_file(&socket);
    let listener = tokio::net::UnixListener::bind(&socket)
        .map_err(|err| format!("the check could not listen at {}: {err}", socket.display()))?;
    // Each connection: the request's head read, then one answer, and the connection closed.
    let answer = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\
         connection: close\r\n\r\n{body}",
        body.len()
    );
    let server = ServerAndSocket(
        tokio::spawn(async move {
            while let Ok((mut stream, _)) = listener.accept().await {
                let answer = answer.clone();
                tokio::spawn(async move {
                    let mut head = Vec::new();
                    let mut buffer = [0; 1024];
                    while !head.windows(4).any(|end| end == b"\r\n\r\n") {
                        match stream.read(&mut buffer).await {
                            Ok(0) | Err(_) => return,
                            Ok(read) => head.extend_from_slice(&buffer[..read]),
                        }
                    }
                    let _ = stream.write_all(answer.as_bytes()).await;
                    let _ = stream.shutdown().await;
                });
            }
        }),
        socket.clone(),
    );
    let base_url = "http://localhost/api";
    let client = lesson_support::testing::tagged_client_builder(base_url)
        .unix_socket(socket.as_path())
        .build()
        .map_err(|err| format!("the check could not build its client: {err}"))?;
    let results = EXERCISE
        .run(candidate(&client, base_url, &[5], quick_digest))
        .await;
    drop(server);
    let shown: Vec<String> = results?.iter().map(|r| describe(r, &names)).collect();
    if shown == ["Ok(digest of post 5)"] {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked about id 5 with the base URL `{base_url}`, through a client that reaches its \
         server over a Unix domain socket, the function returned {shown:?}; expected \
         [\"Ok(digest of post 5)\"]: `client` is used as it was built, however it connects \
         (over a Unix socket an answer has no `remote_addr()`)"
    )))
}

/// The server task of [`a_client_over_a_unix_socket_gets_its_answers`] and its socket's path:
/// the task stopped and the file removed when dropped, however the check ends.
#[cfg(unix)]
struct ServerAndSocket(tokio::task::JoinHandle<()>, std::path::PathBuf);

#[cfg(unix)]
impl Drop for ServerAndSocket {
    fn drop(&mut self) {
        self.0.abort();
        let _ = std::fs::remove_file(&self.1);
    }
}

#[cfg(not(unix))]
async fn a_client_over_a_unix_socket_gets_its_answers<F>(_candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    Ok(())
}

pub async fn an_error_is_an_err_and_is_not_digested<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("errors");
    let server = MockServer::start().await;
    let ids = [404, 5, 300, 429, 503, 502, 408, 500, 999];
    let mut names = HashMap::new();
    let mut error_bodies = Vec::new();
    // A 300 is not an error status, and the client does not follow it, even with a
    // `Location` (reqwest follows 301, 302, 303, 307 and 308): an answer like a 200, whose
    // body is digested, and whose `Location` is not asked. Nor is a 999 (HTTP allows three
    // digits; `status >= 400` taken as the rule and `expect_err` on `error_for_status` panics).
    // The 429 and the 503 ask for another try after a second, and a 502 is what a retry of
    // "gateway errors" asks again: the contract says one GET all the same.
    for (id, status) in [
        (404, 404),
        (5, 200),
        (300, 300),
        (429, 429),
        (503, 503),
        (502, 502),
        (408, 408),
        (500, 500),
        (999, 999),
    ] {
        let body = body_of(&run, id);
        names.insert(fnv(body.as_bytes()), format!("post {id}"));
        if status == 300 {
            Mock::given(method("GET"))
                .and(path(format!("/v2/posts/{id}")))
                .respond_with(
                    ResponseTemplate::new(300)
                        .insert_header("location", "/v2/posts/5")
                        .set_body_raw(body.clone(), "application/json"),
                )
                .mount(&server)
                .await;
        } else if status == 503 || status == 429 {
            Mock::given(method("GET"))
                .and(path(format!("/v2/posts/{id}")))
                .respond_with(
                    ResponseTemplate::new(status)
                        .insert_header("retry-after", "1")
                        .set_body_raw(body.clone(), "application/json"),
                )
                .mount(&server)
                .await;
        } else {
            mount(&server, "/v2", id, status, &body, 0).await;
        }
        if (400..600).contains(&status) {
            error_bodies.push(body);
        }
    }
    let base_url = format!("{}/v2", server.uri());
    let client = client_for(&base_url);
    let results = EXERCISE
        .run(candidate(&client, &base_url, &ids, quick_digest))
        .await?;
    one_get_per_entry(&requests_of(&server).await, "/v2", &ids)?;
    let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
    let expected = [
        "Err(status 404)",
        "Ok(digest of post 5)",
        "Ok(digest of post 300)",
        "Err(status 429)",
        "Err(status 503)",
        "Err(status 502)",
        "Err(status 408)",
        "Err(status 500)",
        "Ok(digest of post 999)",
    ];
    let digested = digests_of(&error_bodies).len();
    if shown != expected || digested > 0 {
        return Err(EXERCISE.fail(&format!(
            "asked about ids {ids:?}, answered 404, 200, 300 (with a `Location`), 429 and 503 \
             (each with `Retry-After: 1`), 502, 408, 500 and 999, each with a post as its body, the \
             function returned {shown:?}{} and `digest` saw {digested} error bodies; expected \
             {expected:?} and none: an error status, any 4xx or 5xx, is that entry's `Err` \
             carrying it (`error_for_status()` before reading the body), and is not digested; \
             any other status is an answer whose body is digested",
            reordered(shown.as_slice(), &expected[..])
        )));
    }
    // `Retry-After` in both its forms, seconds and a date (one already past), on the same server:
    // nothing learned from the first round (a `Location` remembered) changes the second.
    let sweep = MockServer::start().await;
    every_status_is_asked_once(candidate, &sweep, "0", b"/v3/posts/5").await?;
    // The second time, each `Location` holds a character past ASCII, as raw UTF-8, as some
    // servers send it: header text may hold such bytes, and they are no reason to fail.
    every_status_is_asked_once(
        candidate,
        &sweep,
        "Thu, 01 Jan 2026 00:00:00 GMT",
        "/v3/posts/5/café".as_bytes(),
    )
    .await?;
    no_digest_for_errors_alone(candidate).await?;
    // A 200 whose body breaks off: no body, so no digest; the entry's `Err`, asked once. Its
    // server says it serves ranges, with a strong `ETag`: asking for the rest, as a resumable
    // download does, asks twice.
    let reply = cut_short(200).replacen("\r\n", "\r\nAccept-Ranges: bytes\r\nETag: \"v1\"\r\n", 1);
    let server = RawAnswerServer::start(reply, false).await?;
    let client = client_for(&server.url);
    let results = EXERCISE
        .run(candidate(&client, &server.url, &[6], quick_digest))
        .await?;
    let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
    if shown != ["Err(no status)"] || server.requests() != 1 {
        return Err(EXERCISE.fail(&format!(
            "asked about id 6, answered 200 (with `Accept-Ranges: bytes` and `ETag: \"v1\"`) \
             with a body that broke off after a few of its 400 bytes, the function returned \
             {shown:?} after {} request(s); expected [\"Err(no status)\"] after one: a body \
             that does not arrive whole is that entry's `Err` (the `?` on `bytes().await`), \
             with nothing to digest, and asked once (not resumed with a `Range` of your own)",
            server.requests()
        )));
    }
    // A connection closed with no answer at all, then one reset (as a crashing server or a
    // firewall does): the entry's `Err`, after that one request (a retry of one's own, as
    // Node code retries `ECONNRESET`, asks twice).
    for (how, server) in [
        (
            "closed",
            RawAnswerServer::start(String::new(), false).await?,
        ),
        ("reset", RawAnswerServer::resetting().await?),
    ] {
        let client = client_for(&server.url);
        let results = EXERCISE
            .run(candidate(&client, &server.url, &[6], quick_digest))
            .await?;
        let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
        if shown != ["Err(no status)"] || server.requests() != 1 {
            return Err(EXERCISE.fail(&format!(
                "asked about id 6, the server received the request and {how} the connection \
                 without answering, the function returned {shown:?} after {} request(s); \
                 expected [\"Err(no status)\"] after one: a request that failed is that \
                 entry's `Err`, reported, not sent again",
                server.requests()
            )));
        }
    }
    // A head that declares 2^63 bytes, then a few and the end: the declared length is the
    // server's word, not memory to set aside (`Vec::with_capacity` of it panics).
    let lying = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: \
                 9223372036854775808\r\n\r\n{\"id\": 6, \"ti"
        .to_owned();
    let server = RawAnswerServer::start(lying, false).await?;
    let client = client_for(&server.url);
    let results = EXERCISE
        .run(candidate(&client, &server.url, &[6], quick_digest))
        .await?;
    let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
    if shown != ["Err(no status)"] || server.requests() != 1 {
        return Err(EXERCISE.fail(&format!(
            "asked about id 6, answered 200 with a head declaring a `Content-Length` of 2^63 \
             bytes and a body that broke off after 13, the function returned {shown:?} after {} \
             request(s); expected [\"Err(no status)\"] after one: the declared length is the \
             server's word, so read what arrives (`bytes()` or `chunk()`) rather than setting \
             memory aside for it, and a body that does not arrive whole is that entry's `Err`",
            server.requests()
        )));
    }
    // An error status whose body breaks off: still that status's `Err`, found before the body.
    let server = RawAnswerServer::start(cut_short(503), false).await?;
    let client = client_for(&server.url);
    let results = EXERCISE
        .run(candidate(&client, &server.url, &[7], quick_digest))
        .await?;
    let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
    if shown != ["Err(status 503)"] {
        return Err(EXERCISE.fail(&format!(
            "asked about id 7, answered 503 with a body that broke off after a few of its 400 \
             bytes, the function returned {shown:?}; expected [\"Err(status 503)\"]: an error \
             status is known from the head, so the `Err` carries it (`error_for_status()` \
             before reading anything of the body)"
        )));
    }
    // The client's own timeout: each entry's `Err`, after one request each (no second try).
    let server = MockServer::start().await;
    for id in [71, 72] {
        mount(&server, "/v2", id, 200, &body_of(&run, id), 1500).await;
    }
    let base_url = format!("{}/v2", server.uri());
    let client = lesson_support::testing::tagged_client_builder(&base_url)
        .timeout(Duration::from_millis(300))
        .build()
        .map_err(|err| format!("the check could not build its client: {err}"))?;
    let results = EXERCISE
        .run(candidate(&client, &base_url, &[71, 72], quick_digest))
        .await?;
    let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
    let requests = requests_of(&server).await;
    let_go(server);
    if shown.iter().any(|result| result.starts_with("Ok")) {
        return Err(EXERCISE.fail(&format!(
            "asked about ids [71, 72] with a client whose timeout is 300 ms, both answered after \
             1.5 s, the function returned {shown:?}: the client's timeout did not end the \
             requests. The requests go through `client`, with its settings (no client of your \
             own, no timeout of your own in its place)"
        )));
    }
    if shown != ["Err(no status)", "Err(no status)"] || requests.len() != 2 {
        return Err(EXERCISE.fail(&format!(
            "asked about ids [71, 72] with a client whose timeout is 300 ms, both answered after \
             1.5 s, the function returned {shown:?} and the server received {requests:?}; \
             expected [\"Err(no status)\", \"Err(no status)\"] after one GET per entry: the \
             client's timeout ends the request, and its error is that entry's `Err` (no second \
             try of your own)"
        )));
    }
    // A base URL that is not a URL: each entry's `Err` (reqwest's), never a panic.
    let client = client_for("http://localhost");
    let results = EXERCISE
        .run(candidate(
            &client,
            "http://exa mple/api",
            &[3],
            quick_digest,
        ))
        .await?;
    let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
    if shown != ["Err(no status)"] {
        return Err(EXERCISE.fail(&format!(
            "asked about id 3 with the base URL `http://exa mple/api` (a space: not a URL), the \
             function returned {shown:?}; expected [\"Err(no status)\"]: a URL that cannot be \
             built is that entry's `Err`, as reqwest reports it at `send()`, never a panic"
        )));
    }
    // Nothing listening: every entry fails, none is digested, no panic, and each connection is
    // tried once (a refused connection reaches no server: the client counts the attempts).
    let nowhere = refused_localhost_url();
    let (client, attempts) = counting_client(&nowhere);
    let results = EXERCISE
        .run(candidate(&client, &nowhere, &[3, 8], quick_digest))
        .await?;
    let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
    if shown != ["Err(no status)", "Err(no status)"] {
        return Err(EXERCISE.fail(&format!(
            "asked about ids [3, 8] at an address where nothing listens, the function returned \
             {shown:?}; expected [\"Err(no status)\", \"Err(no status)\"]: a failed connection \
             is that entry's `Err`"
        )));
    }
    let tried = attempts.get();
    if tried != 2 {
        let rule = if tried > 2 {
            "a failed connection is that entry's `Err` as it comes, not a reason to try again \
             (one GET per entry)"
        } else {
            "one GET per entry, each through `client` to `base_url`, its host name as given \
             (the client looks `localhost` up itself, once for each connection it tries)"
        };
        return Err(EXERCISE.fail(&format!(
            "asked about ids [3, 8] at `{nowhere}`, where nothing listens, the client given \
             tried to connect {tried} times; expected 2: {rule}"
        )));
    }
    Ok(())
}

/// Every status from 201 to 599 that has a name (`202 Accepted`, `301 Moved Permanently`, `421
/// Misdirected Request`, `425 Too Early` …), and eight that have none, each an entry, each with
/// the `Retry-After` given ("ask again now") and, for a 3xx, a 201 and a 202, a `Location`, for a
/// 502, 503 and 504 a `Proxy-Status` (the gateway never reached the server), and for the 206 a
/// `Content-Range` for a part of a longer file (asking for the rest fails), through a client
/// that follows no redirect: a 4xx or 5xx is that entry's `Err`, any other an answer whose body
/// is digested (none for 204, 205 and 304), and each is asked once.
async fn every_status_is_asked_once<F>(
    candidate: &F,
    server: &MockServer,
    retry_after: &'static str,
    location: &'static [u8],
) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("every status");
    // What an earlier round mounted, and the requests it received, are forgotten.
    server.reset().await;
    let statuses: Vec<u16> = (201..=599)
        .filter(|&code| {
            reqwest::StatusCode::from_u16(code)
                .is_ok_and(|status| status.canonical_reason().is_some())
                || matches!(code, 299 | 499 | 520..=524 | 599)
        })
        .collect();
    let mut names = HashMap::from([(fnv(b""), "an empty body".to_owned())]);
    let mut error_bodies = Vec::new();
    let mut expected = Vec::new();
    for &status in &statuses {
        let id = u64::from(status);
        let body = body_of(&run, id);
        // `x-should-retry: true`, the word some API SDKs obey: the call asks once all the same.
        let mut template = ResponseTemplate::new(status)
            .insert_header("retry-after", retry_after)
            .insert_header("x-should-retry", "true");
        // A `Location` on each 3xx, and on a 201 and a 202 (where it names what was made, or
        // where to look later): not followed, not polled.
        if (300..400).contains(&status) || matches!(status, 201 | 202) {
            let location = reqwest::header::HeaderValue::from_bytes(location)
                .map_err(|err| format!("the check could not make its header: {err}"))?;
            template = template.insert_header("location", location);
        }
        // A gateway's word that it never reached the server (RFC 9209): not a reason to ask again.
        if matches!(status, 502..=504) {
            template = template.insert_header("proxy-status", "edge; error=connection_refused");
        }
        if status == 206 {
            // A part of a longer file, as a 206 says: the answer is this body, not a reason to
            // ask for the rest.
            let length = body.len();
            template = template.insert_header(
                "content-range",
                format!("bytes 0-{}/{}", length - 1, 3 * length),
            );
        }
        if matches!(status, 204 | 205 | 304) {
            expected.push("Ok(digest of an empty body)".to_owned());
        } else {
            template = template.set_body_raw(body.clone(), "application/json");
            names.insert(fnv(body.as_bytes()), format!("post {id}"));
            if status >= 400 {
                expected.push(format!("Err(status {status})"));
                error_bodies.push(body);
            } else {
                expected.push(format!("Ok(digest of post {id})"));
            }
        }
        Mock::given(method("GET"))
            .and(path(format!("/v3/posts/{id}")))
            .respond_with(template)
            .mount(server)
            .await;
    }
    let ids: Vec<u64> = statuses.iter().map(|&status| u64::from(status)).collect();
    let base_url = format!("{}/v3", server.uri());
    // This client's own mark, beside the course's: a client kept from another call has the
    // course's mark, not this one.
    let mark = run.replace(['#', ' '], "-");
    let marks = reqwest::header::HeaderMap::from_iter([(
        reqwest::header::HeaderName::from_static("x-course-call"),
        reqwest::header::HeaderValue::from_str(&mark)
            .map_err(|err| format!("the check could not mark its client: {err}"))?,
    )]);
    let client = lesson_support::testing::tagged_client_builder(&base_url)
        .default_headers(marks)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|err| format!("the check could not build its client: {err}"))?;
    let results = EXERCISE
        .run(candidate(&client, &base_url, &ids, quick_digest))
        .await?;
    let untagged = server
        .received_requests()
        .await
        .unwrap_or_default()
        .iter()
        .filter(|request| {
            request
                .headers
                .get("x-course-call")
                .is_none_or(|value| value.as_bytes() != mark.as_bytes())
        })
        .count();
    if untagged > 0 {
        return Err(EXERCISE.fail(&format!(
            "asked about one post per status from 201 to 599 through a client that follows no \
             redirect, the server received {untagged} request(s) from another client (without \
             this call's mark); expected every request through the `client` given, with its settings (no client of your \
             own, not even one kept from an earlier call)"
        )));
    }
    let requests = requests_of(server).await;
    let asked_again: Vec<u16> = statuses
        .iter()
        .copied()
        .filter(|status| {
            let target = format!("GET /v3/posts/{status}");
            requests
                .iter()
                .filter(|request| **request == target)
                .count()
                > 1
        })
        .collect();
    if !asked_again.is_empty() {
        return Err(EXERCISE.fail(&format!(
            "asked about one post per status from 201 to 599, each answered with its status \
             and `Retry-After: {retry_after}`, the server received more than one GET for the posts answered \
             {asked_again:?}; expected one per entry: every answer, whatever its status or \
             `Retry-After`, is that entry's result (a 2xx or 3xx digested, a 4xx or 5xx its \
             `Err`), never a reason to ask again"
        )));
    }
    if requests.iter().any(|request| request == "GET /v3/posts/5") {
        return Err(EXERCISE.fail(
            "asked about one post per status from 201 to 599 through a client that follows no \
             redirect, the server received `GET /v3/posts/5`, the `Location` of its 3xx \
             answers and of its 201 and 202; expected none: a 3xx the client does not follow, a \
             201 and a 202 are answers like a 200, each body digested and no `Location` asked \
             (not followed, not polled)",
        ));
    }
    one_get_per_entry(&requests, "/v3", &ids)?;
    let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
    let digested = digests_of(&error_bodies).len();
    if shown != expected || digested > 0 {
        let wrong: Vec<String> = shown
            .iter()
            .zip(&expected)
            .zip(&statuses)
            .filter(|((shown, expected), _)| shown != expected)
            .map(|((shown, expected), status)| {
                format!("answered {status}: {shown}, expected {expected}")
            })
            .collect();
        return Err(EXERCISE.fail(&format!(
            "asked about one post per status from 201 to 599, each with a post as its body (but \
             204, 205 and 304), the results differ: {}; and `digest` saw {digested} error \
             bodies: a 4xx or 5xx is that entry's `Err` carrying its status, never digested; \
             any other status is an answer whose body is digested",
            shorten_list(&wrong)
        )));
    }
    Ok(())
}

/// How many times [`uncalled_digest`] ran.
static UNCALLED: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// A digest no call should reach, since every answer it is handed with is an error.
fn uncalled_digest(bytes: &[u8]) -> u64 {
    UNCALLED.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    fnv(bytes)
}

/// Only one run at a time counts [`UNCALLED`], so the count is that run's.
static ONE_COUNT_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// Only error statuses: `digest` is never called, not even once for a call (a warm-up, a test).
async fn no_digest_for_errors_alone<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("errors alone");
    let server = MockServer::start().await;
    for (id, status) in [(404, 404), (500, 500)] {
        mount(&server, "/v4", id, status, &body_of(&run, id), 0).await;
    }
    let base_url = format!("{}/v4", server.uri());
    let client = client_for(&base_url);
    let ids = [404, 500, 404];
    let alone = ONE_COUNT_AT_A_TIME.lock().await;
    let before = UNCALLED.load(std::sync::atomic::Ordering::SeqCst);
    let results = EXERCISE
        .run(candidate(&client, &base_url, &ids, uncalled_digest))
        .await?;
    // A moment for a digest sent off and not awaited to run, and be counted as this run's.
    tokio::time::sleep(Duration::from_millis(20)).await;
    let calls = UNCALLED.load(std::sync::atomic::Ordering::SeqCst) - before;
    drop(alone);
    let shown: Vec<String> = results
        .iter()
        .map(|r| describe(r, &HashMap::new()))
        .collect();
    let expected = ["Err(status 404)", "Err(status 500)", "Err(status 404)"];
    if shown == expected && calls == 0 {
        return an_earlier_answer_is_no_answer_for_a_later_call(candidate).await;
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids {ids:?}, answered 404, 500 and 404, the function returned {shown:?} and \
         called `digest` {calls} time(s); expected {expected:?} and no call: `digest` is called \
         once per successful answer, with its body, and never otherwise (no warm-up or trial \
         call of your own)"
    )))
}

/// A client with no timeout at all: on a paused clock, a timeout fires as soon as the runtime
/// waits for anything.
fn client_without_timeouts() -> Result<Client, String> {
    lesson_support::client::install_tls_provider();
    Client::builder()
        .no_proxy()
        .tls_certs_only([])
        .build()
        .map_err(|err| format!("the check could not build its client: {err}"))
}

/// Calls the answer on a runtime of its own whose clock is paused (on a thread of its own: the
/// check's runtime cannot start another inside it). Time then moves only when the runtime has
/// nothing to do, and jumps straight to the next timer: a sleep or a timeout of the answer's,
/// however long, ends as soon as the answer waits for the server, which answers in real time.
fn on_a_paused_clock<F>(
    candidate: F,
    base_url: String,
    ids: Vec<u64>,
    digest: fn(&[u8]) -> u64,
) -> Result<Vec<Result<u64, reqwest::Error>>, String>
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .start_paused(true)
        .build()
        .map_err(|err| format!("the check could not build its runtime: {err}"))?;
    let client = client_without_timeouts()?;
    let results = runtime.block_on(EXERCISE.run(candidate(&client, &base_url, &ids, digest)));
    runtime.shutdown_timeout(Duration::from_secs(1));
    results
}

pub async fn waits_for_a_slow_answer<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>
        + Copy
        + Send
        + 'static,
{
    let run = run_of("slow answer");
    let server = MockServer::start().await;
    let ids = vec![51, 52, 51];
    let mut names = HashMap::new();
    for id in [51, 52] {
        let body = body_of(&run, id);
        names.insert(fnv(body.as_bytes()), format!("post {id}"));
        mount(&server, "/api", id, 200, &body, 300).await;
    }
    let base_url = format!("{}/api", server.uri());
    let (candidate, asked) = (*candidate, ids.clone());
    let results = on_a_thread_of_its_own(
        &EXERCISE,
        move || on_a_paused_clock(candidate, base_url, asked, quick_digest),
        || {
            format!(
                "asked about ids {ids:?} on a runtime whose clock is paused, the call held that \
                 runtime's own thread for 15 s: the requests and the waits are async"
            )
        },
    )
    .await?;
    let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
    let expected = [
        "Ok(digest of post 51)",
        "Ok(digest of post 52)",
        "Ok(digest of post 51)",
    ];
    if shown == expected {
        // A timer of the answer's that sends the request again ("hedging") has fired too.
        let requests = requests_of(&server).await;
        if requests.len() != ids.len() {
            return Err(EXERCISE.fail(&format!(
                "asked about ids {ids:?}, answered 200 after 300 ms, on a runtime whose clock is \
                 paused (a timer of yours, however long, ends as soon as the call waits for the \
                 server): the server received {requests:?}; expected one GET per entry: a slow \
                 answer is waited for, not asked for again after a wait of your own"
            )));
        }
        a_slow_answer_among_many_is_waited_for(&candidate).await?;
        return waits_for_a_slow_body(&candidate).await;
    }
    // A digest of other bytes came from a body that was waited for: the rule broken is another.
    let rule = if shown
        .iter()
        .any(|shown| shown == "Ok(a digest of other bytes)")
    {
        "each entry's body goes to `digest` exactly as it arrived, its own bytes and nothing else \
         (no bytes left from another body, of this call or an earlier one)"
    } else {
        "a slow answer is waited for, with no time limit of your own (no `timeout`, no \
         `tokio::time::timeout`): the client's timeouts, set by whoever built it, are the limit"
    };
    Err(EXERCISE.fail(&format!(
        "asked about ids {ids:?}, answered 200 after 300 ms, with a client that has no timeout, on \
         a runtime whose clock is paused (a timer of yours, however long, ends as soon as the call \
         waits for the server): the function returned {shown:?}; expected {expected:?}: {rule}"
    )))
}

/// 70 ids, posts 53 to 122, on the paused clock, all answered at once but post 60, answered
/// after 300 ms: every entry `Ok` (a time limit of one's own for calls of many ids, however
/// long, ends as soon as the call waits for post 60).
async fn a_slow_answer_among_many_is_waited_for<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>
        + Copy
        + Send
        + 'static,
{
    let run = run_of("slow among many");
    let server = MockServer::start().await;
    let ids: Vec<u64> = (53..=122).collect();
    for &id in &ids {
        let delay = if id == 60 { 300 } else { 0 };
        mount(&server, "/api", id, 200, &body_of(&run, id), delay).await;
    }
    let base_url = format!("{}/api", server.uri());
    let (candidate, asked) = (*candidate, ids.clone());
    let results = on_a_thread_of_its_own(
        &EXERCISE,
        move || on_a_paused_clock(candidate, base_url, asked, quick_digest),
        || {
            "asked about 70 ids on a runtime whose clock is paused, the call held that \
             runtime's own thread for 15 s: the requests and the waits are async"
                .to_owned()
        },
    )
    .await?;
    let_go(server);
    let failed: Vec<u64> = ids
        .iter()
        .zip(&results)
        .filter(|(_, result)| result.is_err())
        .map(|(id, _)| *id)
        .collect();
    if results.len() == ids.len() && failed.is_empty() {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked about 70 ids (posts 53 to 122), all answered 200 at once but post 60, answered \
         after 300 ms, with a client that has no timeout, on a runtime whose clock is paused (a \
         timer of yours, however long, ends as soon as the call waits for the server): {} \
         result(s), and these entries came back `Err`: {failed:?}; expected 70 `Ok`s: a slow \
         answer is waited for, with no time limit of your own, however many ids a call has",
        results.len()
    )))
}

/// The head at once and the body 300 ms later (real time), on the paused clock: a watchdog of
/// the answer's own on the body's pieces ends at once, and must not ask again.
async fn waits_for_a_slow_body<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>
        + Copy
        + Send
        + 'static,
{
    let body = body_of(&run_of("slow body"), 54);
    let names = HashMap::from([(fnv(body.as_bytes()), "post 54".to_owned())]);
    // With a `Content-Length`, then in chunks with none (HTTP/1.1's way of sending a body whose
    // size the server does not say): a slow body of unknown size is waited for the same (a
    // progress line that divides by the size a head gave panics).
    for chunked in [false, true] {
        let served = body.clone();
        let server = SlowBodyServer::start(move |_, _| {
            let answer = SlowAnswer::raw(200, served.clone().into_bytes(), "application/json")
                .first_bytes_with_head(10)
                .body_after(Duration::from_millis(300));
            if chunked { answer.chunked() } else { answer }
        })
        .await;
        let base_url = format!("{}/api", server.uri());
        let candidate = *candidate;
        let results = on_a_thread_of_its_own(
            &EXERCISE,
            move || on_a_paused_clock(candidate, base_url, vec![54], quick_digest),
            || {
                "asked about id 54 on a runtime whose clock is paused, the call held that \
                 runtime's own thread for 15 s: the requests and the waits are async"
                    .to_owned()
            },
        )
        .await?;
        let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
        let requests = server.arrivals().len();
        if shown == ["Ok(digest of post 54)"] && requests == 1 {
            continue;
        }
        let how = if chunked {
            "in chunks, with no `Content-Length`,"
        } else {
            "with its `Content-Length`,"
        };
        return Err(EXERCISE.fail(&format!(
            "asked about id 54, answered 200 at once {how} the first 10 bytes of the body and \
             the rest 300 ms later, on a runtime whose clock is paused (a timer of yours, \
             however long, ends as soon as the call waits for the server): the function \
             returned {shown:?} after {requests} request(s); expected [\"Ok(digest of post \
             54)\"] after one: a body that is slow to come is waited for, with no time limit of \
             your own on its pieces, whether or not its size is known, and not asked for again"
        )));
    }
    a_slow_digest_runs_once(candidate).await
}

/// A call whose body of 1.5 MiB is on its way (its first 1.2 MiB came with the head, the rest
/// comes 800 ms later), and a second call, started 300 ms after the first call's request
/// arrived: both are right. Nothing the second call does at its start (tidying up files or
/// tasks an earlier call left) reaches the first call's work.
async fn a_call_beside_a_large_body_on_its_way_changes_nothing<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("beside a large body");
    let large = format!("{}{}", body_of(&run, 61), " ".repeat(1_572_864));
    let small = body_of(&run, 62);
    let (large_answer, small_answer) = (large.clone(), small.clone());
    // The second answer about post 61 sends its rest 300 ms after the first's.
    let large_answers = std::sync::atomic::AtomicU64::new(0);
    let server = SlowBodyServer::start(move |_, path| {
        if path.ends_with("/posts/61") {
            let earlier = large_answers.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            SlowAnswer::raw(200, large_answer.clone(), "application/json")
                .first_bytes_with_head(1_258_291)
                .body_after(Duration::from_millis(800 + 300 * earlier.min(1)))
        } else {
            SlowAnswer::raw(200, small_answer.clone(), "application/json")
        }
    })
    .await;
    let base_url = format!("{}/api", server.uri());
    let client = client_for(&base_url);
    let later = async {
        // 300 ms after the first call's first request arrived (3 s at most to see it arrive).
        let first = server.first_arrival(Duration::from_secs(3)).await;
        tokio::time::sleep_until((first + Duration::from_millis(300)).into()).await;
        EXERCISE
            .run(candidate(&client, &base_url, &[62], quick_digest))
            .await
    };
    let (first, second) = tokio::join!(
        EXERCISE.run(candidate(&client, &base_url, &[61, 61], quick_digest)),
        later
    );
    let (first, second) = (first?, second?);
    let names = HashMap::from([
        (fnv(large.as_bytes()), "post 61".to_owned()),
        (fnv(small.as_bytes()), "post 62".to_owned()),
    ]);
    let shown = |results: &[Result<u64, reqwest::Error>]| -> Vec<String> {
        results
            .iter()
            .map(|result| describe(result, &names))
            .collect()
    };
    let (first, second) = (shown(&first), shown(&second));
    if first == ["Ok(digest of post 61)", "Ok(digest of post 61)"]
        && second == ["Ok(digest of post 62)"]
    {
        let mut paths: Vec<String> = server.arrivals().into_iter().map(|a| a.path).collect();
        paths.sort();
        if paths == ["/api/posts/61", "/api/posts/61", "/api/posts/62"] {
            return a_call_beside_another_asks_for_itself(candidate).await;
        }
        return Err(EXERCISE.fail(&format!(
            "asked about ids [61, 61] and, 300 ms after the first request arrived, about [62] by \
             a second call, the server received requests for {paths:?}; expected \
             [\"/api/posts/61\", \"/api/posts/61\", \"/api/posts/62\"]: one GET per entry of \
             `ids`, an id listed twice asked twice, next to each other too"
        )));
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids [61, 61], whose body of 1.5 MiB came 1.2 MiB with its head and the \
         rest 800 ms later (1.1 s for the second request), and, 300 ms after the first request \
         arrived, about post 62 by a second call, the calls returned {first:?} and {second:?}; \
         expected [\"Ok(digest of post 61)\", \"Ok(digest of post 61)\"] and [\"Ok(digest of \
         post 62)\"]: each entry's body is its own (an id listed twice is two answers, kept \
         apart), and a call's start changes nothing for another call already under way (no \
         tidying up of the files or tasks an earlier call left: they may be another call's, \
         still at work)"
    )))
}

/// Three calls: the first about posts 71 and 72, the second about post 71 started 300 ms after
/// it, the third about post 71 too, with another `digest`, 400 ms after it, while the first
/// still waits for post 72 (answered after 600 ms) and has long digested its post 71: each call
/// asks for post 71 itself, and digests its own answers with its own `digest` (a call that takes
/// another call's finished digests, from a journal or a memo of its own, or whose `digest` is
/// kept where a later call's replaces it, fails).
async fn a_call_beside_another_asks_for_itself<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("beside another call");
    let server = MockServer::start().await;
    mount(&server, "/api", 71, 200, &body_of(&run, 71), 0).await;
    mount(&server, "/api", 72, 200, &body_of(&run, 72), 600).await;
    let base_url = format!("{}/api", server.uri());
    let client = client_for(&base_url);
    let later = |after: u64, digest: fn(&[u8]) -> u64| {
        let (client, base_url) = (&client, &base_url);
        async move {
            tokio::time::sleep(Duration::from_millis(after)).await;
            EXERCISE
                .run(candidate(client, base_url, &[71], digest))
                .await
        }
    };
    let (first, second, third) = tokio::join!(
        EXERCISE.run(candidate(&client, &base_url, &[71, 72], quick_digest)),
        later(300, quick_digest),
        later(400, complement_digest),
    );
    let (first, second, third) = (first?, second?, third?);
    let mut names = HashMap::new();
    for id in [71, 72] {
        let hash = fnv(body_of(&run, id).as_bytes());
        names.insert(hash, format!("post {id}"));
        names.insert(!hash, format!("post {id} by the third call's `digest`"));
    }
    let shown = |results: &[Result<u64, reqwest::Error>]| -> Vec<String> {
        results.iter().map(|r| describe(r, &names)).collect()
    };
    let (first, second, third) = (shown(&first), shown(&second), shown(&third));
    let mut requests = requests_of(&server).await;
    requests.sort();
    let expected = [
        "GET /api/posts/71",
        "GET /api/posts/71",
        "GET /api/posts/71",
        "GET /api/posts/72",
    ];
    let (first_expected, second_expected, third_expected) = (
        ["Ok(digest of post 71)", "Ok(digest of post 72)"],
        ["Ok(digest of post 71)"],
        ["Ok(digest of post 71 by the third call's `digest`)"],
    );
    if first == first_expected
        && second == second_expected
        && third == third_expected
        && requests == expected
    {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids [71, 72] (post 72 answered after 600 ms) and, 300 ms later, about [71] \
         by a second call, and 100 ms after that about [71] by a third call with another \
         `digest`, the server received {requests:?} and the calls returned {first:?}, \
         {second:?} and {third:?}; expected {expected:?} in any order, {first_expected:?}, \
         {second_expected:?} and {third_expected:?}: each call sends one GET per entry of its \
         own `ids` and digests its own answers with its own `digest`, whatever another call has \
         done (no digest taken from another call, finished or not, through a journal or a memo; \
         no `digest` kept where a later call puts its own)"
    )))
}

/// A call that meets a 429, then one that meets only server errors, every answer saying one
/// request is left, then a call of 40 ids on the same server: all 40 open together (a window of
/// one's own that shrinks after a "slow down", a circuit breaker that probes with one request
/// after an outage, or a budget taken from rate-limit headers keeps some waiting). Then a call
/// whose one request meets a connection closed with no answer, then a call of 41 ids: all open
/// together (a window that shrinks after a dropped connection keeps some waiting). Then a call,
/// through a client with a 300 ms timeout, whose one request meets that timeout, then a call of
/// 42 ids: all open together (a window that shrinks after a timeout keeps some waiting).
async fn an_earlier_call_changes_nothing_for_the_next<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    // Every answer of the first two calls says the server has one request left, as GitHub's
    // and the IETF draft's rate-limit headers do; the first call meets a 429 among 200s, the
    // second only server errors; a later one meets a connection closed before any answer, and
    // one after it meets its client's timeout. The
    // bodies of each call of many wait until its requests are all open at once (or until none
    // has arrived for a second).
    let run = run_of("after an earlier call");
    let answers_run = run.clone();
    let server = SlowBodyServer::start(move |_, path| {
        let id = id_in(path);
        let budget = |answer: SlowAnswer| {
            answer
                .header("x-ratelimit-limit", "60")
                .header("x-ratelimit-remaining", "1")
                .header("x-ratelimit-reset", "30")
                .header("ratelimit-limit", "60")
                .header("ratelimit-remaining", "1")
                .header("ratelimit-reset", "30")
                // The draft's one field: as its newest versions write it, and as version 07 did.
                .header("ratelimit", "\"default\";r=1;t=30")
                .header("ratelimit", "limit=60, remaining=1, reset=30")
                .header("ratelimit-policy", "\"default\";q=60;w=30")
        };
        let error = |status| SlowAnswer::raw(status, "{}", "application/json");
        match id {
            999 => budget(error(429).header("retry-after", "1")),
            996 => budget(error(500)),
            997 => budget(error(503).header("retry-after", "1")),
            998 => budget(error(502)),
            // A connection closed with no answer, as by an overloaded server or its proxy.
            995 => SlowAnswer::hang_up(),
            // An answer later than the 300 ms the timing-out client waits.
            994 => SlowAnswer::raw(200, body_of(&answers_run, id), "application/json")
                .head_after(Duration::from_millis(600)),
            1 | 2 => budget(SlowAnswer::raw(
                200,
                body_of(&answers_run, id),
                "application/json",
            )),
            // The second and third calls of many have 41 and 42 ids: their bodies wait for a
            // peak the call before did not reach.
            200.. => SlowAnswer::raw(200, body_of(&answers_run, id), "application/json")
                .body_when_gathered(42, Duration::from_secs(1)),
            100.. => SlowAnswer::raw(200, body_of(&answers_run, id), "application/json")
                .body_when_gathered(41, Duration::from_secs(1)),
            _ => SlowAnswer::raw(200, body_of(&answers_run, id), "application/json")
                .body_when_gathered(40, Duration::from_secs(1)),
        }
    })
    .await;
    let base_url = format!("{}/api", server.uri());
    let client = client_for(&base_url);
    EXERCISE
        .run(candidate(&client, &base_url, &[1, 999, 2], quick_digest))
        .await?;
    EXERCISE
        .run(candidate(
            &client,
            &base_url,
            &[996, 997, 998],
            quick_digest,
        ))
        .await?;
    for round in 0..3 {
        let ids: Vec<u64> = match round {
            0 => (3..43).collect(),
            1 => {
                EXERCISE
                    .run(candidate(&client, &base_url, &[995], quick_digest))
                    .await?;
                (100..141).collect()
            }
            _ => {
                let impatient = lesson_support::testing::tagged_client_builder(&base_url)
                    .timeout(Duration::from_millis(300))
                    .build()
                    .map_err(|err| format!("the check could not build its client: {err}"))?;
                EXERCISE
                    .run(candidate(&impatient, &base_url, &[994], quick_digest))
                    .await?;
                // The next call's bodies wait for 42 answers open at once: the late answer
                // about post 994 must have ended first (3 s at most), or it would count.
                for _ in 0..150 {
                    if server
                        .arrivals()
                        .iter()
                        .all(|arrival| arrival.ended.is_some())
                    {
                        break;
                    }
                    tokio::time::sleep(Duration::from_millis(20)).await;
                }
                (200..242).collect()
            }
        };
        let before = server.arrivals().len();
        let call = EXERCISE.run(candidate(&client, &base_url, &ids, quick_digest));
        let ok = oks_within_3_s(call).await?;
        let peak = server.peak_open_from(before);
        if ok == ids.len() && peak == ids.len() {
            continue;
        }
        let earlier = match round {
            0 => {
                "a call whose post 999 answered 429 (beside two 200s), then one whose every post \
                 answered 500, 503 or 502, each answer saying one request is left \
                 (`X-RateLimit-Remaining: 1`, `RateLimit: \"default\";r=1;t=30` and the like)"
            }
            1 => "a call whose one request met a connection closed with no answer",
            _ => {
                "a call whose one request met its client's timeout (300 ms; the answer came \
                 after 600 ms)"
            }
        };
        return Err(EXERCISE.fail(&format!(
            "after {earlier}, asked about {} ids on the same server, {ok} came back `Ok` within \
             3 s, and the server had at most {peak} of them open at once; expected {} of each: \
             every request of a call in flight together, whatever an earlier call met (a 429, a \
             server error, a rate-limit header, a dropped connection, a timeout or the HTTP \
             version an answer came in is that request's, not a bound of your own on later calls)",
            ids.len(),
            ids.len()
        )));
    }
    Ok(())
}

/// Two calls at once, of 17 ids each: their 34 requests are in flight together (a lock of one's
/// own that lets one call run at a time makes the second call's wait for the first's).
async fn two_calls_at_once_are_in_flight_together<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let api = MockApi::builder()
        .base_path("/api")
        .latency(Latency::Fixed(Duration::from_millis(600)))
        .start()
        .await;
    let first: Vec<u64> = (1..=17).collect();
    let second: Vec<u64> = (18..=34).rev().collect();
    let base_url = api.uri();
    let client = client_for(&base_url);
    let calls = async {
        tokio::join!(
            EXERCISE.run(candidate(&client, &base_url, &first, quick_digest)),
            EXERCISE.run(candidate(&client, &base_url, &second, quick_digest)),
        )
    };
    let ok = match tokio::time::timeout(Duration::from_secs(3), calls).await {
        Ok((first, second)) => [first?, second?]
            .iter()
            .flatten()
            .filter(|result| result.is_ok())
            .count(),
        Err(_) => 0,
    };
    let peak = api.peak_in_flight();
    if ok != 34 || peak != 34 {
        return Err(EXERCISE.fail(&format!(
            "asked about 17 ids by each of two calls at once, each answered after 600 ms, {ok} \
             came back `Ok` within 3 s, and the server had at most {peak} request(s) in flight \
             at once; expected 34 of each: two calls run side by side, each with all its \
             requests in flight (no lock or queue of your own that makes one call wait for \
             another)"
        )));
    }
    // Then two calls at once to two servers, each its own base URL: neither waits for the other
    // (a setting of one's own per base, changed under a lock, makes the second wait).
    let other = MockApi::builder()
        .base_path("/api")
        .latency(Latency::Fixed(Duration::from_millis(600)))
        .start()
        .await;
    let (before, other_url) = (api.arrivals().len(), other.uri());
    let other_client = client_for(&other_url);
    let calls = async {
        tokio::join!(
            EXERCISE.run(candidate(&client, &base_url, &first, quick_digest)),
            EXERCISE.run(candidate(&other_client, &other_url, &second, quick_digest)),
        )
    };
    let ok = match tokio::time::timeout(Duration::from_secs(3), calls).await {
        Ok((first, second)) => [first?, second?]
            .iter()
            .flatten()
            .filter(|result| result.is_ok())
            .count(),
        Err(_) => 0,
    };
    // All 34 in flight together: every request arrived before any of them was answered.
    let windows: Vec<(Instant, Instant)> = api.arrivals()[before..]
        .iter()
        .chain(&other.arrivals())
        .map(|arrival| (arrival.at, arrival.at + arrival.delay))
        .collect();
    let last_start = windows.iter().map(|window| window.0).max();
    let first_end = windows.iter().map(|window| window.1).min();
    let together = windows.len() == 34 && last_start < first_end;
    let peaks = (api.peak_in_flight_from(before), other.peak_in_flight());
    let_go(other);
    if ok != 34 || peaks != (17, 17) || !together {
        return Err(EXERCISE.fail(&format!(
            "asked about 17 ids by each of two calls at once, to two servers (a base URL each), \
             each answered after 600 ms, {ok} came back `Ok` within 3 s, and the servers had \
             at most {} and {} request(s) in flight at once, {}; expected 34 `Ok`s, and all 34 \
             requests in flight together: two calls run side by side, whatever their base URLs \
             (no lock or setting of your own shared by calls)",
            peaks.0,
            peaks.1,
            if together {
                "all 34 together"
            } else {
                "not all 34 together (some were sent once others had been answered)"
            }
        )));
    }
    // Then, on the first server, a call about five posts, two of them slow last time (600 ms)
    // and three never asked: all five in flight together (a post slow last time sent after the
    // others fails).
    let mixed = [36, 5, 35, 12, 40];
    let before = api.arrivals().len();
    let call = EXERCISE.run(candidate(&client, &base_url, &mixed, quick_digest));
    let ok = oks_within_3_s(call).await?;
    let peak = api.peak_in_flight_from(before);
    let_go(api);
    if ok == mixed.len() && peak == mixed.len() {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "after calls that asked posts 5 and 12 (each answered after 600 ms), a call about ids \
         {mixed:?}, each answered after 600 ms, got {ok} `Ok`s within 3 s, with at most {peak} \
         request(s) in flight at once; expected 5 of each: every request in flight together, \
         however long an earlier answer to the same post took"
    )))
}

/// Seven calls of 20 ids each, dropped while their requests are in flight (their futures
/// dropped, as a `select!` or a timeout around them does), then a call about 131 ids: all 131
/// in flight together. What a dropped call held (a permit, a slot, a place in a count) is given
/// back when it is dropped; given back by code after an `.await` that never runs, it is lost.
async fn calls_dropped_midway_hold_nothing<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>
        + Copy
        + Send
        + 'static,
{
    let slow = MockApi::builder()
        .base_path("/api")
        .latency(Latency::Fixed(Duration::from_millis(600)))
        .start()
        .await;
    let base_url = slow.uri();
    let client = client_for(&base_url);
    let twenty: Vec<u64> = (1..=20).collect();
    let mut calls: Vec<_> = (0..7)
        .map(|_| Box::pin(EXERCISE.run(candidate(&client, &base_url, &twenty, quick_digest))))
        .collect();
    // Until the 140 requests have arrived (2 s at most), then the calls are dropped.
    let arrived = async {
        while slow.arrivals().len() < 140 {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    };
    tokio::select! {
        _ = futures::future::join_all(calls.iter_mut()) => {}
        _ = tokio::time::timeout(Duration::from_secs(2), arrived) => {}
    }
    // One at a time: a panic as one is dropped is reported, not doubled into an abort.
    if let Some(message) = drop_each(calls) {
        return Err(EXERCISE.fail(&format!(
            "seven calls of 20 ids each were dropped while their requests were in flight (their \
             futures dropped, as a `select!` or a timeout does), and your code panicked as one \
             was dropped: {message}. Never a panic: a dropped call stops where it is, and what \
             runs as it is dropped (a guard's `Drop`) neither blocks nor panics"
        )));
    }
    let_go(slow);
    let api = MockApi::builder()
        .base_path("/api")
        .latency(Latency::Fixed(Duration::from_millis(600)))
        .start()
        .await;
    let ids: Vec<u64> = (0..131).map(|i| (i * 37) % 100 + 1).collect();
    let base_url = api.uri();
    let client = client_for(&base_url);
    let call = EXERCISE.run(candidate(&client, &base_url, &ids, quick_digest));
    let ok = oks_within_3_s(call).await?;
    let peak = api.peak_in_flight();
    let_go(api);
    if ok == ids.len() && peak == ids.len() {
        return a_call_dropped_midway_leaves_no_panic(candidate).await;
    }
    Err(EXERCISE.fail(&format!(
        "after seven calls of 20 ids each were dropped while their requests were in flight \
         (their futures dropped, as a `select!` or a timeout does), a call about 131 ids got \
         {ok} `Ok`s within 3 s, with at most {peak} request(s) in flight at once; expected 131 \
         of each: a call dropped midway gives back all it held (a permit, a slot, a place in a \
         count is given back by a guard when it is dropped, not by code after an `.await`, \
         which a dropped call never runs)"
    )))
}

/// A server that answers each post after 600 ms with `Keep-Alive: timeout=5, max=3`, as Apache
/// does (how many more requests it takes on that connection, not how many at once): a call
/// about post 1, then one about posts 2 to 7, all six in flight together.
async fn a_keep_alive_max_limits_nothing<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("keep-alive max");
    let answers_run = run.clone();
    let server = SlowBodyServer::start(move |_, path| {
        let id = id_in(path);
        SlowAnswer::raw(200, body_of(&answers_run, id), "application/json")
            .header("keep-alive", "timeout=5, max=3")
            .head_after(Duration::from_millis(600))
    })
    .await;
    let base_url = format!("{}/api", server.uri());
    let client = client_for(&base_url);
    EXERCISE
        .run(candidate(&client, &base_url, &[1], quick_digest))
        .await?;
    let ids = [2, 3, 4, 5, 6, 7];
    let results = EXERCISE
        .run(candidate(&client, &base_url, &ids, quick_digest))
        .await?;
    let peak = server.peak_open_from(1);
    if results.iter().all(Result::is_ok) && peak == ids.len() {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "after a call about post 1, answered with `Keep-Alive: timeout=5, max=3`, a call about \
         ids {ids:?} (each answered after 600 ms) had at most {peak} request(s) in flight at \
         once, and {} `Ok`(s); expected 6 of each: every request in flight together, whatever \
         an earlier answer's headers said (`max` in `Keep-Alive` counts the requests left on \
         one connection, not those in flight at once)",
        results.iter().filter(|result| result.is_ok()).count()
    )))
}

/// On a current-thread runtime of its own, a call about posts 81 to 85, answered after 300 ms,
/// dropped after 100 ms (a timeout around it); then the runtime runs on for 700 ms, until the
/// answers are in: no panic on the runtime's thread (a task the dropped call left behind that
/// sends its result with `send(..).unwrap()`, to a receiver the call took with it, panics).
async fn a_call_dropped_midway_leaves_no_panic<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>
        + Copy
        + Send
        + 'static,
{
    let ids: Vec<u64> = (81..=85).collect();
    let (server, base_url) = posts_under_api(&run_of("dropped, no panic"), &ids, 300).await;
    let candidate = *candidate;
    let panics = on_a_thread_of_its_own(
        &EXERCISE,
        move || {
            let runtime = one_thread_runtime()?;
            let client = client_for(&base_url);
            let before = lesson_support::testing::panics_on_this_thread();
            let outcome = runtime.block_on(async {
                let call = EXERCISE.run(candidate(&client, &base_url, &ids, quick_digest));
                let outcome = tokio::time::timeout(Duration::from_millis(100), call).await;
                tokio::time::sleep(Duration::from_millis(700)).await;
                outcome
            });
            let panics = lesson_support::testing::panics_on_this_thread() - before;
            runtime.shutdown_timeout(Duration::from_secs(1));
            // A panic of the call itself, before it was dropped, is reported as the panic it is.
            if let Ok(Err(message)) = outcome {
                return Err(message);
            }
            Ok(panics)
        },
        || {
            "a call about posts 81 to 85 dropped after 100 ms, on a runtime of the check's own, \
             then that runtime run for 700 ms more, held its thread for 15 s: the requests and \
             the waits are async"
                .to_owned()
        },
    )
    .await?;
    let_go(server);
    if panics == 0 {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "a call about posts 81 to 85, answered after 300 ms, was dropped after 100 ms (a \
         timeout around it), and the runtime went on: then {panics} panic(s) on the runtime's \
         thread, in tasks the dropped call had left running; expected none: no panic, even once \
         the caller has gone (a `send` to a receiver the dropped call took with it fails: \
         ignore that error, or abort the tasks when the call is dropped)"
    )))
}

/// A digest that blocks for a second.
fn second_long_digest(bytes: &[u8]) -> u64 {
    std::thread::sleep(Duration::from_secs(1));
    quick_digest(bytes)
}

/// A call about posts 86 to 88, answered at once, with a digest that blocks for 1 s, dropped
/// 300 ms in (a timeout around it), beside a task that ticks every 5 ms: the tick goes on while
/// the dropped call's digests end on their own threads (a call that joins its digest threads
/// when dropped, as Python's `with ThreadPoolExecutor()` does on the way out, holds the
/// runtime's thread until they end).
async fn a_call_dropped_while_its_digests_run_holds_nothing<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let ids: Vec<u64> = (86..=88).collect();
    let run = run_of("dropped while digesting");
    let (server, base_url) = posts_under_api(&run, &ids, 0).await;
    let client = client_for(&base_url);
    // Once more if the first round saw a long gap: a busy machine may stall the thread once.
    let mut gaps = Vec::new();
    for _ in 0..2 {
        let heartbeat = Heartbeat::start();
        let call = EXERCISE.run(candidate(&client, &base_url, &ids, second_long_digest));
        if let Ok(Err(message)) = tokio::time::timeout(Duration::from_millis(300), call).await {
            return Err(message);
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        let gap = heartbeat.longest_gap();
        drop(heartbeat);
        if gap < HELD {
            let verdict = calls_after_a_dropped_one_digest_their_own(
                candidate, &run, &server, &client, &base_url,
            )
            .await;
            let_go(server);
            return verdict;
        }
        gaps.push(format!("{} ms", gap.as_millis()));
        // The digests of this round end before the next round starts.
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    let_go(server);
    Err(EXERCISE.fail(&format!(
        "a call about posts 86 to 88, answered at once, with a `digest` that blocks for 1 s, was \
         dropped 300 ms in (a timeout around it), twice: a task ticking every 5 ms beside it \
         stood still for {}: dropping the call held the runtime's thread while the digests ran. \
         `digest` never runs on, or holds, a thread of the runtime, not even when the call is \
         dropped (no thread joined, and no wait for the blocking pool, in a `Drop`)",
        gaps.join(" and ")
    )))
}

/// A digest unlike every other the checks use: the value a call gets only from its own digests.
fn other_digest(bytes: &[u8]) -> u64 {
    !quick_digest(bytes)
}

/// Right after a call about posts 86 to 88 was dropped while its digests of 1 s run (see
/// [`a_call_dropped_while_its_digests_run_holds_nothing`]), a call about the same posts with
/// [`other_digest`], beside those digests; then, once they are over, another: each returns its
/// own digests (a flag shared by calls that says "the caller gave up, skip the digests" skips
/// the call beside; digests a dropped call finished anyway, kept for the next call about the
/// same address, give that call values its own `digest` never made).
async fn calls_after_a_dropped_one_digest_their_own<F>(
    candidate: &F,
    run: &str,
    server: &MockServer,
    client: &Client,
    base_url: &str,
) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let ids: Vec<u64> = (86..=88).collect();
    let expected: Vec<String> = ids
        .iter()
        .map(|&id| format!("Ok({})", other_digest(body_of(run, id).as_bytes())))
        .collect();
    for when in ["while its digests still ran", "once its digests had ended"] {
        let results = EXERCISE
            .run(candidate(client, base_url, &ids, other_digest))
            .await?;
        let shown = values(&results);
        if shown != expected {
            return Err(EXERCISE.fail(&format!(
                "a call about posts 86 to 88 with a `digest` that blocks for 1 s was dropped \
                 300 ms in; {when}, another call about the same posts, with a `digest` of its \
                 own, returned {shown:?}; expected {expected:?}, the values its own `digest` \
                 gives their bodies: each call's results are its own digests of its own answers, \
                 whatever a dropped call did or left"
            )));
        }
        // The dropped call's digests end 1 s after they began: 2 s leaves a busy machine time.
        tokio::time::sleep(Duration::from_secs(2)).await;
    }
    // Then two calls started together: the same posts with the digest of 1 s, and posts 89 to
    // 91, answered after 1.5 s, with `other_digest`; the first is dropped 300 ms in, long before
    // the second's bodies come.
    let later: Vec<u64> = (89..=91).collect();
    for &id in &later {
        mount(server, "/api", id, 200, &body_of(run, id), 1500).await;
    }
    let expected: Vec<String> = later
        .iter()
        .map(|&id| format!("Ok({})", other_digest(body_of(run, id).as_bytes())))
        .collect();
    let dropped = EXERCISE.run(candidate(client, base_url, &ids, second_long_digest));
    let beside = EXERCISE.run(candidate(client, base_url, &later, other_digest));
    let ((), results) = tokio::join!(
        async {
            let _ = tokio::time::timeout(Duration::from_millis(300), dropped).await;
        },
        beside
    );
    let shown = values(&results?);
    if shown == expected {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "two calls started together: one about posts 86 to 88 with a `digest` that blocks for \
         1 s, dropped 300 ms in, and one about posts 89 to 91, answered after 1.5 s, with a \
         `digest` of its own, which returned {shown:?}; expected {expected:?}, the values its \
         own `digest` gives their bodies: each call's results are its own digests of its own \
         answers, whatever a dropped call did or left"
    )))
}

/// After an answer that says `Connection: close`, a call of 20 ids: all 20 open together (a
/// bound of one's own on an origin that closed a connection keeps some waiting). Then a base
/// URL with a user and a password in it, and 21 ids answered after 600 ms: all 21 in flight
/// together (a first request sent alone for bases with credentials, lest a wrong password lock
/// the account, keeps the others waiting). Then 21 calls at once, of one id each: all 21 open
/// together (a bound of one's own on the calls at once, 16 say, keeps some waiting).
async fn answers_that_say_more_limit_nothing<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("answers that say more");
    let answers_run = run.clone();
    let server = SlowBodyServer::start(move |_, path| {
        let id = id_in(path);
        let answer = SlowAnswer::raw(200, body_of(&answers_run, id), "application/json");
        match id {
            1 => answer.header("connection", "close"),
            // Each round's bodies wait for a peak the round before did not reach.
            500.. => answer.body_when_gathered(21, Duration::from_secs(1)),
            _ => answer.body_when_gathered(20, Duration::from_secs(1)),
        }
    })
    .await;
    let base_url = format!("{}/api", server.uri());
    let client = client_for(&base_url);
    EXERCISE
        .run(candidate(&client, &base_url, &[1], quick_digest))
        .await?;
    for round in 0..3 {
        let before = server.arrivals().len();
        let (earlier, ids, ok) = match round {
            0 => {
                let ids: Vec<u64> = (300..320).collect();
                let call = EXERCISE.run(candidate(&client, &base_url, &ids, quick_digest));
                let ok = oks_within_3_s(call).await?;
                (
                    "after an answer that said `Connection: close`, asked about 20 ids on the \
                     same server",
                    ids,
                    ok,
                )
            }
            1 => {
                // Heads held 600 ms: a first request sent alone holds the others that long.
                let api = MockApi::builder()
                    .base_path("/api")
                    .latency(Latency::Fixed(Duration::from_millis(600)))
                    .start()
                    .await;
                let with_credentials = api.uri().replacen("http://", "http://reader:s3cret@", 1);
                let ids: Vec<u64> = (1..=21).collect();
                let client = client_for(&with_credentials);
                let call = EXERCISE.run(candidate(&client, &with_credentials, &ids, quick_digest));
                let ok = oks_within_3_s(call).await?;
                let peak = api.peak_in_flight();
                let_go(api);
                if ok == ids.len() && peak == ids.len() {
                    continue;
                }
                return Err(EXERCISE.fail(&format!(
                    "with a user and a password in the base URL (`http://reader:s3cret@…/api`), \
                     asked about 21 ids, each answered after 600 ms: {ok} came back `Ok` within \
                     3 s, and the server had at most {peak} of them in flight at once; expected \
                     21 of each: every request in flight together, whatever the base URL holds \
                     (no request sent alone first)"
                )));
            }
            _ => {
                let ids: Vec<u64> = (500..521).collect();
                let mut calls: Vec<_> = ids
                    .iter()
                    .map(|id| {
                        Box::pin(EXERCISE.run(candidate(
                            &client,
                            &base_url,
                            std::slice::from_ref(id),
                            quick_digest,
                        )))
                    })
                    .collect();
                let outcomes = tokio::time::timeout(
                    Duration::from_secs(3),
                    futures::future::join_all(calls.iter_mut()),
                )
                .await;
                // Those not done are dropped one at a time: a panic as one is dropped is
                // reported, not doubled into an abort.
                if let Some(message) = drop_each(calls) {
                    return Err(EXERCISE.fail(&format!(
                        "21 calls at once, of one id each, not all done after 3 s, were dropped \
                         (as a timeout drops them), and your code panicked as one was dropped: \
                         {message}. Never a panic: what runs as a call is dropped (a guard's \
                         `Drop`) neither blocks nor panics"
                    )));
                }
                let ok = match outcomes {
                    Ok(outcomes) => {
                        let mut ok = 0;
                        for outcome in outcomes {
                            ok += outcome?.iter().filter(|result| result.is_ok()).count();
                        }
                        ok
                    }
                    Err(_) => 0,
                };
                (
                    "21 calls at once, of one id each, on the same server",
                    ids,
                    ok,
                )
            }
        };
        let peak = server.peak_open_from(before);
        if ok == ids.len() && peak == ids.len() {
            continue;
        }
        return Err(EXERCISE.fail(&format!(
            "{earlier}: {ok} came back `Ok` within 3 s, and the server had at most {peak} of \
             them open at once; expected {} of each: every request in flight together, whatever \
             an earlier answer said, whatever the base URL holds and however many calls run at \
             once (no bound of your own)",
            ids.len(),
        )));
    }
    Ok(())
}

pub async fn has_every_request_in_flight_together<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>
        + Copy
        + Send
        + 'static,
{
    let api = MockApi::builder()
        .base_path("/api")
        .latency(Latency::Fixed(Duration::from_millis(600)))
        .start()
        .await;
    // 131 ids, past any round number a batch size or cap might be (50, 100, 128), unsorted and
    // with repeats: posts 1 to 100, some of them twice.
    let ids: Vec<u64> = (0..131).map(|i| (i * 37) % 100 + 1).collect();
    let base_url = api.uri();
    let client = client_for(&base_url);
    // All together, the call takes little more than 600 ms; a cap of 4 would take 20 s, one at
    // a time 79 s. The call gets 3 s, and what the server saw by then is the verdict.
    let call = EXERCISE.run(candidate(&client, &base_url, &ids, quick_digest));
    let (ok, returned) = match tokio::time::timeout(Duration::from_secs(3), call).await {
        Ok(results) => (results?.iter().filter(|result| result.is_ok()).count(), ""),
        Err(_) => (0, " (the call had not returned after 3 s)"),
    };
    let peak = api.peak_in_flight();
    let_go(api);
    if ok == ids.len() && peak == ids.len() {
        two_calls_at_once_are_in_flight_together(candidate).await?;
        a_call_beside_a_large_body_on_its_way_changes_nothing(candidate).await?;
        an_earlier_call_changes_nothing_for_the_next(candidate).await?;
        a_keep_alive_max_limits_nothing(candidate).await?;
        answers_that_say_more_limit_nothing(candidate).await?;
        return calls_dropped_midway_hold_nothing(candidate).await;
    }
    if peak == ids.len() && !returned.is_empty() {
        return Err(EXERCISE.fail(&format!(
            "asked about {} ids, all {peak} requests were in flight together and answered after \
             600 ms, but the call had not returned after 3 s: once the answers are in, the call \
             returns its results (nothing waits on a channel, a lock or a task that cannot \
             finish until the call reads it)",
            ids.len()
        )));
    }
    Err(EXERCISE.fail(&format!(
        "asked about {} ids, each answered after 600 ms, {ok} came back `Ok`{returned}, and the \
         server had at most {peak} request(s) in flight at once; expected {} of each: every request in \
         flight together (one future per entry, all awaited at once with `join_all`), with no \
         cap or batches of your own",
        ids.len(),
        ids.len()
    )))
}

/// A name resolver that answers `localhost` with the loopback address, and writes down the
/// thread it was asked on: the thread that is sending the request.
#[derive(Clone, Default)]
struct ThreadsThatResolve(Arc<Mutex<Vec<ThreadId>>>);

impl reqwest::dns::Resolve for ThreadsThatResolve {
    fn resolve(&self, name: reqwest::dns::Name) -> reqwest::dns::Resolving {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(std::thread::current().id());
        let known = name.as_str() == "localhost";
        Box::pin(async move {
            if known {
                let addresses: reqwest::dns::Addrs = Box::new(std::iter::once(
                    std::net::SocketAddr::from(([127, 0, 0, 1], 0)),
                ));
                Ok(addresses)
            } else {
                Err("the check's client resolves only localhost".into())
            }
        })
    }
}

pub async fn sends_every_request_from_the_runtime<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let api = MockApi::builder().base_path("/api").start().await;
    let base_url = api.uri().replacen("127.0.0.1", "localhost", 1);
    let threads = ThreadsThatResolve::default();
    let client = lesson_support::testing::tagged_client_builder(&base_url)
        .dns_resolver(threads.clone())
        .build()
        .map_err(|err| format!("the check could not build its client: {err}"))?;
    let ids = [4, 11, 4];
    let results = EXERCISE
        .run(candidate(&client, &base_url, &ids, quick_digest))
        .await?;
    let here = std::thread::current().id();
    let seen = threads
        .0
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clone();
    let elsewhere = seen.iter().filter(|&&thread| thread != here).count();
    if results.iter().all(Result::is_ok) && !seen.is_empty() && elsewhere == 0 {
        return Ok(());
    }
    if seen.is_empty() {
        return Err(EXERCISE.fail(&format!(
            "asked about ids {ids:?} at `localhost`, the client given was never asked to look \
             that name up: each request goes through `client`, to the URL made by appending to \
             `base_url`, its host name as given (a client of your own loses the caller's \
             settings and pool of connections; an address put in place of the name skips the \
             client's resolver)"
        )));
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids {ids:?}, {} came back `Ok`, and {elsewhere} of the {} connections the \
         requests opened were opened from a thread other than the runtime's: the requests are \
         sent by async code on the runtime (`.send().await` in the async block); only the \
         digest goes to `spawn_blocking`, not the whole request (a blocking thread held for a \
         whole request is one fewer for blocking work)",
        results.iter().filter(|result| result.is_ok()).count(),
        seen.len()
    )))
}

/// How long the server holds each body back at most in [`reads_every_body_on_the_runtime`],
/// waiting for the check's task to get the blocking pool's thread.
const BODIES_HELD_AT_MOST: Duration = Duration::from_secs(4);

/// How long no new request must have come before the check's task asks for the pool's thread:
/// time for a call that reads its bodies on the pool to have handed them over to it.
const REQUESTS_QUIET: Duration = Duration::from_millis(500);

/// The task asks for the pool's thread this long after the call began at the latest, even if
/// requests are still coming (one at a time, say, each waiting for the pool).
const PROBE_BY: Duration = Duration::from_millis(1500);

/// Once the requests have come, asks the blocking pool of one thread for that thread, with a task
/// that opens `gate` (lets the bodies go): how long it waited for the thread (10 s at most).
async fn open_from_the_pool(server: &SlowBodyServer, gate: &BodyGate) -> Duration {
    let began = Instant::now();
    let (mut seen, mut last_seen) = (0, Instant::now());
    loop {
        tokio::time::sleep(Duration::from_millis(10)).await;
        let arrived = server.arrivals().len();
        if arrived != seen {
            (seen, last_seen) = (arrived, Instant::now());
        }
        if (seen > 0 && last_seen.elapsed() >= REQUESTS_QUIET) || began.elapsed() >= PROBE_BY {
            break;
        }
    }
    let asked = Instant::now();
    let gate = gate.clone();
    let probe = tokio::task::spawn_blocking(move || gate.open());
    // A thread held for good (a blocking sleep of the answer's) is not waited for.
    let _ = tokio::time::timeout(Duration::from_secs(10), probe).await;
    asked.elapsed()
}

/// What one round of [`reads_every_body_on_the_runtime`] saw.
struct PoolRound {
    results: Vec<Result<u64, reqwest::Error>>,
    /// Whether the bodies went only because they had been held [`BODIES_HELD_AT_MOST`], the
    /// check's task still waiting for the pool's thread.
    ran_out: bool,
    /// How long that task waited for the thread.
    waited: Duration,
}

/// One round of [`reads_every_body_on_the_runtime`], on a runtime of its own (made and ended on
/// the calling thread).
fn bodies_beside_a_pool_of_one<F>(candidate: F, ids: &[u64]) -> Result<PoolRound, String>
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .max_blocking_threads(1)
        .build()
        .map_err(|err| format!("the check could not build its runtime: {err}"))?;
    let run = run_of("body on the runtime");
    let outcome = runtime.block_on(async {
        let gate = BodyGate::new();
        let held = gate.clone();
        let server = SlowBodyServer::start(move |_, path| {
            let mut body = format!("{{ \"path\": \"{path}\", \"run\": \"{run}\" }}");
            if path.ends_with("/42") {
                // Over 3 MB: a body judged "large" by its `Content-Length` is still read on the
                // runtime, whatever the size.
                body.push_str(&" ".repeat(3_000_017));
            }
            SlowAnswer::raw(200, body, "application/json")
                .body_when_opened(&held, BODIES_HELD_AT_MOST)
        })
        .await;
        let base_url = format!("{}/api", server.uri());
        let client = client_for(&base_url);
        let call = EXERCISE.run(candidate(&client, &base_url, ids, quick_digest));
        let (results, waited) = tokio::join!(
            tokio::time::timeout(Duration::from_secs(10), call),
            open_from_the_pool(&server, &gate)
        );
        match results {
            Ok(results) => Ok(PoolRound {
                results: results?,
                ran_out: gate.ran_out(),
                waited,
            }),
            Err(_) => Err(EXERCISE.fail(&format!(
                "asked about ids {ids:?}, whose bodies followed their heads once a task of the \
                 check's own got the blocking pool's thread (4 s after at most), on a runtime \
                 whose blocking pool has one thread, the call had not returned after 10 s: \
                 every body is read by async code on the runtime (`response.bytes().await`), \
                 and only the digest goes to `spawn_blocking`"
            ))),
        }
    });
    // A blocking thread the answer left behind is not waited for.
    runtime.shutdown_timeout(Duration::from_secs(1));
    outcome
}

pub async fn reads_every_body_on_the_runtime<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>
        + Copy
        + Send
        + 'static,
{
    let ids = [41, 42, 41];
    // Twice: a call that is slow to hand a body to the pool may do it only after the check's
    // task got the thread once, never twice.
    for _ in 0..2 {
        // A runtime of its own, on a thread of its own: the check's runtime has a blocking pool
        // of many threads, and it cannot start another runtime inside it.
        let candidate = *candidate;
        let PoolRound {
            results,
            ran_out,
            waited,
        } = on_a_thread_of_its_own(
            &EXERCISE,
            move || bodies_beside_a_pool_of_one(candidate, &ids),
            || {
                format!(
                    "asked about ids {ids:?} on a runtime whose blocking pool has one thread, \
                     the call held that runtime's own thread for 15 s: every body is read by \
                     async code on the runtime, and only the digest goes to `spawn_blocking`"
                )
            },
        )
        .await?;
        if ran_out {
            return Err(EXERCISE.fail(&format!(
                "asked about ids {ids:?} on a runtime whose blocking pool has one thread, with \
                 each body held back by the server until a task of the check's own got that \
                 thread: the task waited {} ms for it, and the bodies went only after {} s, \
                 their longest wait; expected the thread free while the bodies are on their \
                 way: the bodies are read by async code on the runtime \
                 (`response.bytes().await` in the async block, after `error_for_status()`), and \
                 only the digest goes to `spawn_blocking` (a blocking thread that waits for a \
                 body is one fewer for blocking work)",
                waited.as_millis(),
                BODIES_HELD_AT_MOST.as_secs()
            )));
        }
        if results.iter().any(Result::is_err) {
            return Err(EXERCISE.fail(&format!(
                "asked about ids {ids:?}, every one answered 200 (each body held back until a \
                 task of the check's own got the blocking pool's thread), some came back \
                 `Err`: each successful answer is `Ok(digest(body))`"
            )));
        }
    }
    Ok(())
}

/// A gap of the heartbeat this long means the runtime's thread was held: far above what a busy
/// machine causes, below the 300 ms a digest blocks for.
const HELD: Duration = Duration::from_millis(250);

pub async fn digests_off_the_runtime_thread<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("off the runtime");
    let server = MockServer::start().await;
    // Post 35's body is empty: a digest costs its time whatever the size of its input.
    let ids = [31, 32, 35, 33, 34];
    for &id in &ids {
        let body = if id == 35 {
            String::new()
        } else {
            body_of(&run, id)
        };
        mount(&server, "/api", id, 200, &body, 0).await;
    }
    let base_url = format!("{}/api", server.uri());
    let client = client_for(&base_url);
    // The five posts, then one alone: a single post's digest must not run inline either.
    for ids in [&ids[..], &ids[..1]] {
        heartbeat_stays_alive(candidate, &client, &base_url, ids).await?;
    }
    // A digest that takes no time, three times: one found quick before is still not run on
    // the runtime's thread the second.
    let here = std::thread::current().id();
    let hashes: Vec<u64> = ids
        .iter()
        .map(|&id| {
            let body = if id == 35 {
                String::new()
            } else {
                body_of(&run, id)
            };
            fnv(body.as_bytes())
        })
        .collect();
    for _ in 0..3 {
        EXERCISE
            .run(candidate(
                &client,
                &base_url,
                &ids,
                quick_digest_noting_its_thread,
            ))
            .await?;
    }
    let inline = QUICK_THREADS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .iter()
        .filter(|(hash, thread)| hashes.contains(hash) && *thread == here)
        .count();
    if inline > 0 {
        return Err(EXERCISE.fail(&format!(
            "asked about ids {ids:?} three times with a `digest` that takes no time, on a runtime \
             with one thread: {inline} of the 15 digests ran on the runtime's thread; expected \
             none: \
             `digest` never runs on a thread of the runtime, however quick it was last time (its \
             cost depends on what it is given, and you cannot know it beforehand)"
        )));
    }
    a_call_beside_running_digests_holds_nothing(candidate, &client, &base_url, &ids, &hashes[..2])
        .await?;
    a_call_dropped_while_its_digests_run_holds_nothing(candidate).await
}

/// How long [`long_digest_noting_its_start`] blocks: long enough that a call which waits for it
/// on the runtime's thread stalls the heartbeat far past [`HELD`], however late it starts.
const LONG: Duration = Duration::from_millis(600);

/// The bodies (by their hash) whose `long_digest_noting_its_start` has begun, across every check
/// running at once.
static BEGUN: Mutex<Vec<u64>> = Mutex::new(Vec::new());

/// A digest that writes down that it has begun, then blocks its thread for 600 ms.
fn long_digest_noting_its_start(bytes: &[u8]) -> u64 {
    let started = Instant::now();
    BEGUN
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(fnv(bytes));
    std::thread::sleep(LONG);
    record(bytes, started)
}

/// Two calls on the check's runtime of one thread: the first with a digest of 600 ms, the second,
/// with a quick digest, started once all of the first call's digests have begun (the bodies of
/// `first_hashes`: other answers' checks run beside this one). Nothing of the second
/// call waits for the first call's digests on the runtime's thread (joining the threads an
/// earlier call left, to tidy up, holds it): a heartbeat beside them must not stall for
/// [`HELD`], twice in a row.
async fn a_call_beside_running_digests_holds_nothing<F>(
    candidate: &F,
    client: &Client,
    base_url: &str,
    ids: &[u64],
    first_hashes: &[u64],
) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let first = &ids[..first_hashes.len()];
    let second = &ids[first.len()..];
    let mut gaps = Vec::new();
    let mut waited = 0;
    for _ in 0..2 {
        BEGUN
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .retain(|hash| !first_hashes.contains(hash));
        let heartbeat = Heartbeat::start();
        let later = async {
            // Wait (3 s at most) until every digest of the first call has begun. Not only the
            // first of them: a call that waits for the digests running when it starts would then
            // wait for just the one begun, and the first call's other digests, begun later, would
            // end after it.
            let since = Instant::now();
            let begun = || {
                let begun = BEGUN.lock().unwrap_or_else(PoisonError::into_inner);
                first_hashes.iter().all(|hash| begun.contains(hash))
            };
            while !begun() && since.elapsed() < Duration::from_secs(3) {
                tokio::time::sleep(Duration::from_millis(2)).await;
            }
            let results = EXERCISE
                .run(candidate(client, base_url, second, quick_digest))
                .await;
            (results, Instant::now())
        };
        let earlier = async {
            let results = EXERCISE
                .run(candidate(
                    client,
                    base_url,
                    first,
                    long_digest_noting_its_start,
                ))
                .await;
            (results, Instant::now())
        };
        let ((earlier, earlier_done), (later, later_done)) = tokio::join!(earlier, later);
        let gap = heartbeat.longest_gap();
        drop(heartbeat);
        let ok = earlier?
            .iter()
            .chain(&later?)
            .filter(|result| result.is_ok())
            .count();
        if ok != ids.len() {
            return Err(EXERCISE.fail(&format!(
                "asked about ids {first:?} and, once their digests had begun, about {second:?} by \
                 a second call, every post answered 200, {ok} of the {} entries came back `Ok`; \
                 expected all: each successful answer is `Ok(digest(body))`, whatever another \
                 call is doing",
                ids.len()
            )));
        }
        // The second call's answers are quick: it is done long before the first call's digests,
        // which end 600 ms after it started. A call that waits for them ends when they do, at the
        // same moment as the first call, and which of the two notes its end first is up to the
        // order `join!` polls them in: a margin of 200 ms tells the two apart.
        let second_waited = later_done + Duration::from_millis(200) > earlier_done;
        if gap < HELD && !second_waited {
            return Ok(());
        }
        if gap >= HELD {
            gaps.push(format!("{} ms", gap.as_millis()));
        }
        if second_waited {
            waited += 1;
        }
    }
    // A stall of the runtime is the fault to name first: a call that waits for another's
    // digests by holding the thread also makes the second call return last.
    if gaps.is_empty() {
        return Err(EXERCISE.fail(&format!(
            "asked about ids {first:?} with a `digest` that blocks for 600 ms and, once those \
             digests had begun, about {second:?} by a second call with a quick `digest`, \
             twice, every post answered at once: the second call returned after the first, or \
             less than 200 ms before it, {} time(s) of 2; expected it done 200 ms or more \
             before the first each time (its answers and digests are quick): a call waits for \
             nothing of another call's, its digests included (no lock, drain, queue or worker \
             thread shared by calls)",
            waited
        )));
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids {first:?} with a `digest` that blocks for 600 ms and, once those digests \
         had begun, about {second:?} by a second call, twice, on a runtime with one thread: a \
         task ticking every 5 ms beside the calls stood still for {} at a time; expected no \
         stall: `digest` never runs on a thread of the runtime, and nothing else waits for a \
         digest there either, not even another call's (joining the threads earlier calls left \
         behind holds the runtime until their digests end)",
        gaps.join(" and ")
    )))
}

/// One call of `candidate` about `ids` with the slow digest, beside a heartbeat that must not
/// stall for [`HELD`]; a second call if the first saw one stall.
async fn heartbeat_stays_alive<F>(
    candidate: &F,
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    // Once more if the first round saw a long gap: a busy machine may stall the thread once,
    // a digest on the runtime's thread stalls it every time.
    let mut gaps = Vec::new();
    for _ in 0..2 {
        let heartbeat = Heartbeat::start();
        let results = EXERCISE
            .run(candidate(client, base_url, ids, slow_digest))
            .await?;
        let gap = heartbeat.longest_gap();
        drop(heartbeat);
        if results.iter().any(Result::is_err) {
            return Err(EXERCISE.fail(&format!(
                "asked about ids {ids:?}, every one answered 200 (post 35 with an empty body), \
                 some came back `Err`: each successful answer is `Ok(digest(body))`"
            )));
        }
        if gap < HELD {
            return Ok(());
        }
        gaps.push(format!("{} ms", gap.as_millis()));
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids {ids:?} (post 35's body empty) with a `digest` that blocks for 300 ms, \
         whatever it is given, twice, on a runtime with one thread, a task ticking every 5 ms \
         beside the call stood still for {} at a time: `digest` ran on the runtime's thread, and \
         held it, however many posts there are. Run it on the blocking pool with \
         `tokio::task::spawn_blocking(move || digest(&body)).await` (not inline, not \
         `block_in_place`, not `futures::executor::block_on`, not a thread you `.join()`)",
        gaps.join(" and ")
    )))
}

/// One call on a multi-thread runtime of two workers, made on a thread of its own: the call's
/// future runs on that thread (`block_on`), beside a loop that ticks every 5 ms; the longest
/// the loop stood still, and whether every result was `Ok`.
/// The threads `digest_noting_its_thread` ran on, across every check running at once. A thread
/// id is never reused, so a runtime's check intersects this with its own workers.
static DIGEST_THREADS: Mutex<Vec<ThreadId>> = Mutex::new(Vec::new());

/// The bodies (by their hash) `quick_digest_noting_its_thread` was given, with the thread each
/// ran on.
static QUICK_THREADS: Mutex<Vec<(u64, ThreadId)>> = Mutex::new(Vec::new());

/// A digest that takes no time and writes down the thread it runs on.
fn quick_digest_noting_its_thread(bytes: &[u8]) -> u64 {
    let hash = quick_digest(bytes);
    QUICK_THREADS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push((hash, std::thread::current().id()));
    hash
}

/// A digest of 300 ms that writes down the thread it runs on.
fn digest_noting_its_thread(bytes: &[u8]) -> u64 {
    DIGEST_THREADS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(std::thread::current().id());
    slow_digest(bytes)
}

/// What a call on a multi-thread runtime of the check's own showed.
struct MultiThreadRun {
    /// Whether every entry came back `Ok`.
    all_ok: bool,
    /// The longest the loop beside the call stood still.
    longest_gap: Duration,
    /// Whether `digest` ran on one of the runtime's worker threads.
    digested_on_a_worker: bool,
}

fn ticks_beside_a_multi_thread_call<F>(
    candidate: F,
    base_url: String,
    ids: Vec<u64>,
    workers_wanted: usize,
) -> Result<MultiThreadRun, String>
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    // Only a worker parks or unparks through these hooks; the blocking pool's threads (where
    // `spawn_blocking` runs) and the `block_on` thread do not.
    let workers: Arc<Mutex<Vec<ThreadId>>> = Arc::default();
    let note = |workers: &Arc<Mutex<Vec<ThreadId>>>| {
        let workers = Arc::clone(workers);
        move || {
            let mut workers = workers.lock().unwrap_or_else(PoisonError::into_inner);
            let me = std::thread::current().id();
            if !workers.contains(&me) {
                workers.push(me);
            }
        }
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers_wanted)
        .on_thread_park(note(&workers))
        .on_thread_unpark(note(&workers))
        .enable_all()
        .build()
        .map_err(|err| format!("the check could not build its runtime: {err}"))?;
    let outcome = runtime.block_on(async {
        let client = client_for(&base_url);
        let call = EXERCISE.run(candidate(
            &client,
            &base_url,
            &ids,
            digest_noting_its_thread,
        ));
        tokio::pin!(call);
        let mut last = Instant::now();
        let mut longest = Duration::ZERO;
        let results = loop {
            tokio::select! {
                results = &mut call => break results?,
                () = tokio::time::sleep(Duration::from_millis(5)) => {
                    longest = longest.max(last.elapsed());
                    last = Instant::now();
                }
            }
        };
        longest = longest.max(last.elapsed());
        Ok::<_, String>((results.iter().all(Result::is_ok), longest))
    });
    runtime.shutdown_timeout(Duration::from_secs(1));
    let (all_ok, longest_gap) = outcome?;
    let workers = workers.lock().unwrap_or_else(PoisonError::into_inner);
    let digested_on_a_worker = DIGEST_THREADS
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .iter()
        .any(|thread| workers.contains(thread));
    Ok(MultiThreadRun {
        all_ok,
        longest_gap,
        digested_on_a_worker,
    })
}

pub async fn digests_off_a_multi_thread_runtime<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>
        + Copy
        + Send
        + 'static,
{
    let run = run_of("multi-thread");
    let ids = vec![61, 62, 63];
    // Kept to the end of the check: the calls run against it.
    let (_server, base_url) = posts_under_api(&run, &ids, 0).await;
    // Two workers, then twelve: more than most machines have cores, so "workers to spare" too.
    for workers in [2, 12] {
        on_workers(candidate, &base_url, &ids, workers).await?;
    }
    Ok(())
}

/// [`digests_off_a_multi_thread_runtime`] with `workers` worker threads.
async fn on_workers<F>(candidate: &F, base_url: &str, ids: &[u64], workers: usize) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>
        + Copy
        + Send
        + 'static,
{
    let mut gaps = Vec::new();
    // Once more if the first round saw a long gap, as on the current-thread runtime.
    for _ in 0..2 {
        let (candidate, url, asked) = (*candidate, base_url.to_owned(), ids.to_vec());
        let seen = on_a_thread_of_its_own(
            &EXERCISE,
            move || ticks_beside_a_multi_thread_call(candidate, url, asked, workers),
            || {
                format!(
                    "asked about ids {ids:?} on a multi-thread runtime, the call had not \
                     returned after 15 s"
                )
            },
        )
        .await?;
        if !seen.all_ok {
            return Err(EXERCISE.fail(&format!(
                "asked about ids {ids:?} on a multi-thread runtime, every one answered 200, \
                 some came back `Err`: each successful answer is `Ok(digest(body))`"
            )));
        }
        if seen.digested_on_a_worker {
            return Err(EXERCISE.fail(&format!(
                "asked about ids {ids:?} on a multi-thread runtime with {workers} workers \
                 (tokio's default kind), `digest` ran on one of the runtime's worker threads, though the \
                 loop beside the call kept ticking: `digest` never runs on a thread of the \
                 runtime. Whatever the kind of runtime, the digest goes to \
                 `tokio::task::spawn_blocking`"
            )));
        }
        let gap = seen.longest_gap;
        if gap < HELD {
            return Ok(());
        }
        gaps.push(format!("{} ms", gap.as_millis()));
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids {ids:?} with a `digest` that blocks for 300 ms, twice, on a \
         multi-thread runtime with {workers} workers (tokio's default kind), a loop ticking every 5 ms \
         on the thread that runs the call stood still for {} at a time: `digest` ran there, on a \
         thread of the runtime. Whatever the kind of runtime, the digest goes to \
         `tokio::task::spawn_blocking`",
        gaps.join(" and ")
    )))
}

pub async fn digests_run_at_the_same_time<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("together");
    let server = MockServer::start().await;
    // More bodies than any machine has cores, and than any round number a pool of one's own
    // might have (64, 100, 128): a bound of one's own on digests keeps some of them waiting.
    let ids: Vec<u64> = (100..231).collect();
    let mut bodies = Vec::new();
    for &id in &ids {
        let mut body = body_of(&run, id);
        if id < 103 {
            // Three bodies over 4 MiB: large digests, too, run side by side (a semaphore of
            // one's own for large bodies keeps them waiting).
            body.push_str(&" ".repeat(4_300_000));
        }
        if id >= 229 {
            // Two bodies of 15 bytes at most, still this run's own: tiny digests, too, run side
            // by side (a thread of one's own that takes small bodies in turn keeps one waiting).
            let tag = if id == 229 { "a" } else { "b" };
            body = format!("{{\"{tag}\":{}}}", fnv(run.as_bytes()) % 1_000_000_000);
        }
        mount(&server, "/api", id, 200, &body, 0).await;
        bodies.push(body);
    }
    // 4 s: on a busy machine, 131 blocking threads (three hashing 4 MiB first) may take over
    // 2 s to all begin. A digest that waits for another to end still waits long enough for the
    // call to be cut at 10 s with few digests run.
    meet_for(&bodies, Duration::from_secs(4));
    let base_url = format!("{}/api", server.uri());
    let client = client_for(&base_url);
    // Side by side, the 131 digests end as soon as the last body is in; a digest that waits for
    // another to end waits 4 s first. The call gets 10 s (a correct answer on a busy machine
    // has taken over 5 s to start its 131 threads and end), so that a wrong answer's verdict
    // comes no later than that.
    let call = EXERCISE.run(candidate(&client, &base_url, &ids, meeting_digest));
    let results = match tokio::time::timeout(Duration::from_secs(10), call).await {
        Ok(results) => Some(results?),
        Err(_) => None,
    };
    let_go(server);
    let digests = digests_of(&bodies);
    let peak = most_at_once(&digests);
    let ok = results
        .as_ref()
        .is_some_and(|results| results.iter().all(Result::is_ok));
    if ok && digests.len() == ids.len() && peak == ids.len() {
        return Ok(());
    }
    let returned = if results.is_some() {
        ""
    } else {
        " (the call had not returned after 10 s)"
    };
    Err(EXERCISE.fail(&format!(
        "asked about {} ids, all answered at once (three bodies over 4 MiB, two of 15 bytes at \
         most), with a `digest` \
         that blocks until every body's digest has begun, 4 s at most: {} digest(s) \
         ran{returned}, at most {peak} at the same time; expected {} running together: the \
         digests of different posts run at the same time (one `spawn_blocking` per body, \
         awaited together, not one after another, and no lock or semaphore around them)",
        ids.len(),
        digests.len(),
        ids.len()
    )))
}

/// A call about posts 75 to 78, 76 to 78 answered after 600 ms, and 300 ms later a second call
/// about post 75: the first call's three late digests, which each wait until all three have
/// begun (2 s at most), run together, as they would with no second call (a gate or pool of
/// one's own that a later, smaller call puts in place makes them take turns).
pub async fn digests_run_at_the_same_time_beside_another_call<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("side by side beside another call");
    let server = MockServer::start().await;
    mount(&server, "/api", 75, 200, &body_of(&run, 75), 0).await;
    let late: Vec<String> = [76, 77, 78].map(|id| body_of(&run, id)).into();
    for (id, body) in (76..).zip(&late) {
        mount(&server, "/api", id, 200, body, 600).await;
    }
    meet(&late);
    let base_url = format!("{}/api", server.uri());
    let client = client_for(&base_url);
    let later = async {
        tokio::time::sleep(Duration::from_millis(300)).await;
        EXERCISE
            .run(candidate(&client, &base_url, &[75], quick_digest))
            .await
    };
    let (first, second) = tokio::join!(
        EXERCISE.run(candidate(
            &client,
            &base_url,
            &[75, 76, 77, 78],
            meeting_digest
        )),
        later
    );
    let (first, second) = (first?, second?);
    let digests = digests_of(&late);
    let peak = most_at_once(&digests);
    let ok = first.iter().chain(&second).all(Result::is_ok);
    if ok && first.len() == 4 && second.len() == 1 && peak == late.len() {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids [75, 76, 77, 78] (posts 76 to 78 answered after 600 ms, with a `digest` \
         that blocks until all three of their digests have begun, 2 s at most) and, 300 ms \
         later, about [75] by a second call: {} digest(s) of the three ran, at most {peak} at \
         the same time; expected 3 running together: the digests of different posts run at the \
         same time, whatever another call does meanwhile (no lock, semaphore, gate or pool that \
         a later call puts in place or shares)",
        digests.len()
    )))
}

/// How long the slow answers of [`digests_each_body_as_soon_as_it_is_in`] keep their slow part
/// back, from their request's arrival.
const LATE: Duration = Duration::from_millis(1200);

pub async fn digests_each_body_as_soon_as_it_is_in<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("as soon as");
    // Listed first, three ways to be slow: post 22's head comes after 1.2 s; post 23's head at
    // once but its body 1.2 s later; post 24 is listed twice, and only its second answer is slow.
    // Then 130 posts, 300 to 429, slow as post 23 is (a cap of one's own on the bodies read at
    // once, 16 or fewer, keeps the fast ones waiting, and so does holding digests back while
    // many requests are in flight: over 130 are while the fast bodies come), and 40 posts
    // answered after 100 ms. 41
    // entries and more are more than any machine's cores, so however the entries are dealt into
    // groups, some fast one shares a group with a slow one. The bodies of posts 23 and 300 to
    // 302 and of post 239 are over 1 MiB, and their heads say so: a buffer, a lock or a cap of
    // one's own for large bodies (four at once, say) keeps post 239's waiting for the others.
    let body_for = |run: &str, id: u64| {
        let mut body = body_of(run, id);
        match id {
            23 | 300..=302 => body.push_str(&" ".repeat(1_363_149)),
            239 => body.push_str(&" ".repeat(1_153_433)),
            _ => {}
        }
        body
    };
    let fast: Vec<u64> = (200..240).collect();
    let ids: Vec<u64> = [22, 23, 24]
        .into_iter()
        .chain(300..=429)
        .chain(fast.iter().copied())
        .chain([24])
        .collect();
    let asked = Arc::new(Mutex::new(HashMap::<String, usize>::new()));
    let answers_run = run.clone();
    let server = SlowBodyServer::start(move |_, path| {
        let id = id_in(path);
        let times = {
            let mut asked = asked.lock().unwrap_or_else(PoisonError::into_inner);
            let times = asked.entry(path.to_owned()).or_insert(0);
            *times += 1;
            *times
        };
        let answer = SlowAnswer::raw(200, body_for(&answers_run, id), "application/json");
        match (id, times) {
            (22, _) => answer.head_after(LATE),
            (23 | 300..=429, _) => answer.body_after(LATE),
            (24, 1) => answer,
            (24, _) => answer.head_after(LATE),
            _ => answer.head_after(Duration::from_millis(100)),
        }
    })
    .await;
    let base_url = format!("{}/api", server.uri());
    let client = client_for(&base_url);
    let called = Instant::now();
    let results = EXERCISE
        .run(candidate(&client, &base_url, &ids, short_digest))
        .await?;
    // The first digest of each prompt body: the 40 fast posts, and post 24's first answer.
    let prompt: Vec<u64> = fast.iter().copied().chain([24]).collect();
    let bodies: Vec<String> = prompt.iter().map(|&id| body_for(&run, id)).collect();
    let digested = digests_of(&bodies);
    let starts: Vec<Option<Duration>> = bodies
        .iter()
        .map(|body| {
            let hash = fnv(body.as_bytes());
            digested
                .iter()
                .filter(|digest| digest.hash == hash)
                .map(|digest| digest.started.duration_since(called))
                .min()
        })
        .collect();
    // The first moment the server sent any slow part: 1.2 s after the first slow request came
    // in. A digest begun before that waited for nothing slow, however busy the machine was (a
    // bound of its own from the call, 600 ms, rejected correct answers on a loaded machine).
    let mut asked_24 = 0;
    let first_slow = server
        .arrivals()
        .iter()
        .filter(|arrival| match id_in(&arrival.path) {
            24 => {
                asked_24 += 1;
                asked_24 > 1
            }
            id => id == 22 || id == 23 || (300..=429).contains(&id),
        })
        .map(|arrival| arrival.at)
        .min();
    let bound = first_slow.map_or(LATE, |at| at.saturating_duration_since(called) + LATE);
    let late: Vec<String> = prompt
        .iter()
        .zip(&starts)
        .filter(|(_, start)| start.is_none_or(|at| at >= bound))
        .map(|(id, start)| match start {
            Some(at) => format!("post {id} at {} ms", at.as_millis()),
            None => format!("post {id} never"),
        })
        .collect();
    if results.iter().all(Result::is_ok) && late.is_empty() {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids [22, 23, 24, 300 to 429, 200 to 239, 24]: post 22 answered after 1.2 s, \
         post 23's head at once and its body (1.3 MiB, as the head said) 1.2 s later, and so \
         posts 300 to 429 (300 to 302 of 1.3 MiB too), post 24 at once the first time and after \
         1.2 s the second, posts 200 to 239 after 100 ms (post 239's body 1.1 MiB). These \
         digests started late, or not at all: \
         {}; expected each of those 41 bodies digested before the server sent any slow part \
         ({} ms into the call): a body is digested as soon as it is in, without waiting for any other request or body, whether \
         listed before it, grouped with it, or the same id listed again (one pipeline per entry \
         of `ids`, each reading its own body and digesting it; not after `join_all` of every \
         request, not in a second `buffered` stage in the order of `ids`, not a loop or a \
         buffer shared by bodies that reads one body at a time)",
        shorten_list(&late),
        bound.as_millis()
    )))
}

/// Ids `[81, 81, 82, 82]`: post 81 answered 500 the first time it is asked and 200 after, post
/// 82 with one body the first time and another the second. The two copies of an id are two
/// requests, each with its own answer: one `Err` and one digest for 81, a digest of each body
/// for 82, whichever copy got which, after four GETs (a copy's failure replaced by its
/// sibling's digest, or copies that disagree settled by asking again, fail).
pub async fn copies_of_an_id_keep_their_own_answers<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("copies keep their own");
    let server = MockServer::start().await;
    let ok = body_of(&run, 81);
    let (first, second) = (body_of(&run, 82), format!("{} ", body_of(&run, 82)));
    // The first answer of each post, once; then the other one, for any later request.
    let once = |template: ResponseTemplate, id: u64| {
        Mock::given(method("GET"))
            .and(path(format!("/api/posts/{id}")))
            .respond_with(template)
            .up_to_n_times(1)
            .with_priority(1)
    };
    once(ResponseTemplate::new(500), 81).mount(&server).await;
    once(
        ResponseTemplate::new(200).set_body_raw(first.clone(), "application/json"),
        82,
    )
    .mount(&server)
    .await;
    mount(&server, "/api", 81, 200, &ok, 0).await;
    mount(&server, "/api", 82, 200, &second, 0).await;
    let names = HashMap::from([
        (fnv(ok.as_bytes()), "post 81".to_owned()),
        (fnv(first.as_bytes()), "post 82's first answer".to_owned()),
        (fnv(second.as_bytes()), "post 82's second answer".to_owned()),
    ]);
    let base_url = format!("{}/api", server.uri());
    let client = client_for(&base_url);
    let results = EXERCISE
        .run(candidate(
            &client,
            &base_url,
            &[81, 81, 82, 82],
            quick_digest,
        ))
        .await?;
    let shown: Vec<String> = results.iter().map(|r| describe(r, &names)).collect();
    let requests = requests_of(&server).await;
    // Which copy got which answer is the network's choice: each pair is compared unordered.
    let sorted = |pair: &[String]| {
        let mut pair = pair.to_vec();
        pair.sort();
        pair
    };
    let (ids_81, ids_82) = shown.split_at(shown.len().min(2));
    if shown.len() == 4
        && sorted(ids_81) == ["Err(status 500)", "Ok(digest of post 81)"]
        && sorted(ids_82)
            == [
                "Ok(digest of post 82's first answer)",
                "Ok(digest of post 82's second answer)",
            ]
        && requests.len() == 4
    {
        return a_call_keeps_its_own_error_beside_another_call(candidate).await;
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids [81, 81, 82, 82], post 81 answered 500 the first time and 200 after, \
         post 82 with one body the first time and another the second, the function returned \
         {shown:?} after {} request(s); expected, after 4, for 81 an `Err(status 500)` and a \
         digest of post 81, and for 82 a digest of each answer, in whichever places the server \
         gave them: each entry is a request of its own, and its result is its own answer's \
         (never a sibling copy's, and never settled by asking again)",
        requests.len()
    )))
}

/// Two calls about post 83 on one server: the first call's request is answered 500 after 1.5 s;
/// the second call, begun once that request is in, is answered 200 at once. Each call's result
/// is its own answer: the first call's is the 500 (a body another call received meanwhile, put
/// in place of an error as a "fresher" answer, fails).
async fn a_call_keeps_its_own_error_beside_another_call<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("own error beside another call");
    let server = MockServer::start().await;
    let body = body_of(&run, 83);
    Mock::given(method("GET"))
        .and(path("/api/posts/83"))
        .respond_with(ResponseTemplate::new(500).set_delay(Duration::from_millis(1500)))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    mount(&server, "/api", 83, 200, &body, 0).await;
    let names = HashMap::from([(fnv(body.as_bytes()), "post 83".to_owned())]);
    let base_url = format!("{}/api", server.uri());
    let client = client_for(&base_url);
    let (first, second) = tokio::join!(
        EXERCISE.run(candidate(&client, &base_url, &[83], quick_digest)),
        async {
            // Once the first call's request is in, so that the 500 is the first call's.
            let since = Instant::now();
            while requests_of(&server).await.is_empty() && since.elapsed() < Duration::from_secs(5)
            {
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
            EXERCISE
                .run(candidate(&client, &base_url, &[83], quick_digest))
                .await
        },
    );
    let_go(server);
    let (first, second) = (first?, second?);
    let shown = |results: &[Result<u64, reqwest::Error>]| -> Vec<String> {
        results.iter().map(|r| describe(r, &names)).collect()
    };
    let (first, second) = (shown(&first), shown(&second));
    if first == ["Err(status 500)"] && second == ["Ok(digest of post 83)"] {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "two calls about [83] on one server: the first call's request answered 500 after 1.5 s, \
         the second call's, sent meanwhile, 200 at once; the first call returned {first:?} and \
         the second {second:?}; expected [\"Err(status 500)\"] and [\"Ok(digest of post 83)\"]: \
         each call's result is its own request's answer (an error is never replaced by a body \
         another call received)"
    )))
}

/// A call about posts 91 to 93 with a `digest` that blocks for 300 ms, then a second call about
/// them on the same server, whose digests each wait until all three have begun (2 s at most):
/// they run together, however long the same posts took to digest last time (a lane of one's
/// own for posts slow before, which digests them one after another, fails).
pub async fn digests_slow_last_time_run_together<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("slow last time");
    let ids = [91, 92, 93];
    let (server, base_url) = posts_under_api(&run, &ids, 0).await;
    let bodies: Vec<String> = ids.iter().map(|&id| body_of(&run, id)).collect();
    let client = client_for(&base_url);
    let first = EXERCISE
        .run(candidate(&client, &base_url, &ids, slow_digest))
        .await?;
    meet(&bodies);
    let second_began = Instant::now();
    let second = EXERCISE
        .run(candidate(&client, &base_url, &ids, meeting_digest))
        .await?;
    let_go(server);
    let digests: Vec<Digested> = digests_of(&bodies)
        .into_iter()
        .filter(|digest| digest.started >= second_began)
        .collect();
    let peak = most_at_once(&digests);
    let ok = first.iter().chain(&second).all(Result::is_ok);
    if ok && digests.len() == ids.len() && peak == ids.len() {
        digests_quick_last_time_run_together(candidate).await?;
        return digests_run_together_beside_another_call(candidate).await;
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids [91, 92, 93] with a `digest` that blocks for 300 ms, then again on the \
         same server with a `digest` that blocks until all three digests have begun (2 s at \
         most): the second call ran {} digest(s), at most {peak} at the same time; expected 3 \
         running together: the digests of different posts run at the same time, however long \
         they took before (no lane or queue of your own for posts that were slow last time)",
        digests.len()
    )))
}

/// A digest that returns at once for a body of no meeting, and waits for the others of its
/// meeting as [`meeting_digest`] does: quick on one call's bodies, slow on another's. A function
/// of its own, used by one check alone, so that nothing else has called it before.
fn quick_then_meeting_digest(bytes: &[u8]) -> u64 {
    let hash = meeting_digest(bytes);
    // Something of its own, so that the optimizer does not fold it into `meeting_digest` (one
    // address for both).
    std::hint::black_box("quick then meeting");
    hash
}

/// A call about posts 111 and 112 with [`quick_then_meeting_digest`], quick on both; then, on
/// the same server, a call about posts 113, 114 and 115 with the same function, whose digests
/// now wait for one another: the three run together (a `digest` found quick on an earlier call
/// and given a lane of its own, one digest after another, fails).
async fn digests_quick_last_time_run_together<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("quick last time");
    let (quick, slow) = ([111, 112], [113, 114, 115]);
    let all: Vec<u64> = quick.iter().chain(&slow).copied().collect();
    let (server, base_url) = posts_under_api(&run, &all, 0).await;
    let bodies: Vec<String> = slow.iter().map(|&id| body_of(&run, id)).collect();
    let client = client_for(&base_url);
    let first = EXERCISE
        .run(candidate(
            &client,
            &base_url,
            &quick,
            quick_then_meeting_digest,
        ))
        .await?;
    meet(&bodies);
    let second = EXERCISE
        .run(candidate(
            &client,
            &base_url,
            &slow,
            quick_then_meeting_digest,
        ))
        .await?;
    let_go(server);
    let digests = digests_of(&bodies);
    let peak = most_at_once(&digests);
    let ok = first.iter().chain(&second).all(Result::is_ok);
    if ok && digests.len() == slow.len() && peak == slow.len() {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids {quick:?} with a `digest` that returned at once, then again on the same \
         server about ids {slow:?} with the same `digest`, which now blocks until all three \
         digests have begun (2 s at most): the second call ran {} digest(s), at most {peak} at \
         the same time; expected 3 running together: the digests of different posts run at the \
         same time, however quick the same `digest` was before (no lane of your own for \
         functions that were quick last time)",
        digests.len()
    )))
}

/// Two calls at once on one server: the first about post 116, answered after 2 s; the second
/// about posts 117 to 122, answered at once, with a `digest` that blocks until all six of its
/// digests have begun (2 s at most): the six run together while the first call waits (a share
/// of one's own for calls that overlap, four digests each, fails).
async fn digests_run_together_beside_another_call<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("beside another call");
    let slow_id = 116;
    let ids: Vec<u64> = (117..=122).collect();
    let (server, base_url) = posts_under_api(&run, &ids, 0).await;
    mount(&server, "/api", slow_id, 200, &body_of(&run, slow_id), 2000).await;
    let bodies: Vec<String> = ids.iter().map(|&id| body_of(&run, id)).collect();
    meet(&bodies);
    let client = client_for(&base_url);
    let slow_ids = [slow_id];
    let (first, second) = tokio::join!(
        EXERCISE.run(candidate(&client, &base_url, &slow_ids, quick_digest)),
        async {
            // Once the first call's request is on its way.
            tokio::time::sleep(Duration::from_millis(100)).await;
            EXERCISE
                .run(candidate(&client, &base_url, &ids, meeting_digest))
                .await
        },
    );
    let_go(server);
    let (first, second) = (first?, second?);
    let digests = digests_of(&bodies);
    let peak = most_at_once(&digests);
    let ok = first.iter().chain(&second).all(Result::is_ok);
    if ok && digests.len() == ids.len() && peak == ids.len() {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked about id {slow_id} (answered after 2 s) and, beside that call, on the same \
         server, about ids {ids:?} (answered at once) with a `digest` that blocks until all six \
         digests have begun (2 s at most): the second call ran {} digest(s), at most {peak} at \
         the same time; expected 6 running together: the digests of different posts run at the \
         same time, whatever other calls are under way (no share of your own per call)",
        digests.len()
    )))
}

/// A call about post 95, whose head and first 100,000 bytes come at once and the rest only once
/// the check lets it go (5 s at most), dropped 300 ms in; then, on another server, a call about
/// post 96, answered at once: it asks and returns within 3 s, while the dropped call's body is
/// still held (a dropped call's answer kept for the next call to read to its end before it
/// asks fails).
pub async fn a_call_after_one_dropped_mid_body_asks_at_once<F>(candidate: &F) -> Verdict
where
    F: AsyncFn(&Client, &str, &[u64], fn(&[u8]) -> u64) -> Vec<Result<u64, reqwest::Error>>,
{
    let run = run_of("after one dropped mid-body");
    let gate = BodyGate::new();
    let held = gate.clone();
    let large = format!("{}{}", body_of(&run, 95), " ".repeat(300_000));
    let slow = SlowBodyServer::start(move |_, _| {
        SlowAnswer::raw(200, large.clone(), "application/json")
            .first_bytes_with_head(100_000)
            .body_when_opened(&held, Duration::from_secs(5))
    })
    .await;
    let slow_url = format!("{}/api", slow.uri());
    let slow_client = client_for(&slow_url);
    let dropped = EXERCISE.run(candidate(&slow_client, &slow_url, &[95], quick_digest));
    // Dropped as a caller's timeout drops it, its body halfway.
    let _ = tokio::time::timeout(Duration::from_millis(300), dropped).await;
    let (server, base_url) = posts_under_api(&run, &[96], 0).await;
    let client = client_for(&base_url);
    let call = EXERCISE.run(candidate(&client, &base_url, &[96], quick_digest));
    let outcome = tokio::time::timeout(Duration::from_secs(3), call).await;
    let asked = requests_of(&server).await.len();
    gate.open();
    let_go(server);
    let_go(slow);
    let names = HashMap::from([(fnv(body_of(&run, 96).as_bytes()), "post 96".to_owned())]);
    let returned = match outcome {
        Ok(results) => {
            let shown: Vec<String> = results?.iter().map(|r| describe(r, &names)).collect();
            if shown == ["Ok(digest of post 96)"] && asked == 1 {
                return Ok(());
            }
            format!("returned {shown:?}")
        }
        Err(_) => "had not returned after 3 s".to_owned(),
    };
    Err(EXERCISE.fail(&format!(
        "a call about post 95 was dropped (as a caller's timeout drops it) while its body was \
         coming, the rest held back by the server; then a call about post 96, on another \
         server that answers at once, {returned}, and that server had received {asked} \
         request(s); expected [\"Ok(digest of post 96)\"] after one GET, within 3 s: a call \
         asks for its own posts at once and waits for nothing a dropped call left behind (no \
         answer of a dropped call read to its end first)"
    )))
}

/// The first few entries of a list, and how many more.
fn shorten_list(items: &[String]) -> String {
    let shown: Vec<&str> = items.iter().take(4).map(String::as_str).collect();
    match items.len() {
        0..=4 => shown.join(", "),
        more => format!("{}, and {} more", shown.join(", "), more - 4),
    }
}
