//! The checks of exercise 5 (`start_status_log`, a warm-up), run against your file, the
//! reference solution, the course's typical wrong answers and its correct variants.
//!
//! # Rule table
//!
//! | contract clause | check(s) | inputs that make the near misses fail |
//! |---|---|---|
//! | one GET `{base_url}/posts/{id}` per entry, base path kept, through `client` | every check (helper `one_get_per_entry`) | base URLs ending in `/api` and `/v1`, a repeated id (side by side too), tagged client: `Client::new()`, `Url::join`, dedup |
//! | every status logged as its answer arrives, in arrival order; entries already there kept | `logs_each_status_as_its_answer_arrives` | a log that starts with `(18, 200)`, an earlier run's entry for a post asked again (skipping ids already logged, or overwriting their entry, fails); a 200 at once, a 404 after 300 ms, a 500 after 600 ms, a 200 after 1.5 s, ids unsorted: `error_for_status` that skips failures, a log sorted by id or in the order of `ids`, a log cleared or replaced, statuses pushed together at the end |
//! | the lock held only to push; the log readable while requests are out | `logs_each_status_as_its_answer_arrives` | the log read every 10 ms while the requests are out must show the first answer before the last has come, and a thread holding the lock 40 ms of every 45 while 12 answers arrive: collecting into a local `Vec`, copying the log out and writing it back, `try_lock` that skips a busy log |
//! | logged as soon as the answer arrives: no timer of one's own | `logs_with_no_timer_of_its_own` (last) | posts 5 (answered at once) and 6 (a day later), on tokio's paused clock held still by the check (which only yields, for at most 2 s of real time): (5, 200) must be in the log with no time passed; a flush every 100 ms never comes, nor does the last flush when the work ends |
//! | the status logged when the head arrives, not after the body | `logs_a_status_before_its_body_arrives` | a 503 whose head comes at once and a 200 whose head comes 300 ms later, both bodies a second later: both entries must be in the log within 700 ms (reading the body first fails, for an error status too); the log starts with an entry equal to the 503's, which must stay, with the new one after it (a `dedup` after each push fails) |
//! | the handle ends once every entry is in | `ends_only_once_every_entry_is_in`, `logs_each_status_as_its_answer_arrives` | another thread holds the log's lock for 600 ms while posts 3 and 4 are answered at once: a handle that ends before the lock is let go left its pushes to tasks or blocking threads nobody awaits (seen whatever the timing); the log read the moment the handle ends: tasks spawned and never awaited |
//! | all in flight together | `has_every_request_in_flight_together` | 13 ids, 12 three times (twice side by side), 300 to 700 ms each, peak read on the server: a `tokio::sync::Mutex` held across the request, handles awaited one by one |
//! | no answer, no entry; no panic; no retry | `logs_nothing_for_a_request_without_answer` | a dropped connection for id 66, counted on the server: `unwrap` on `send()`, an entry with a made-up status, a second try; id 27 where nothing listens, through a client that counts its connection attempts: a retry after a refused connection fails; 502 for id 12 and 504 for id 13 (logging nothing for a gateway's answer fails); a 201 for id 7 (logging every success as 200 fails), a 300 without `Location` for id 9 (leaving out a 3xx that reaches you fails), id 0 answered 404 (skipping id 0 fails) |
//! | … a 429 logged as it came, not retried | `logs_nothing_for_a_request_without_answer` | id 8 answering 429 with `Retry-After: 1`: waiting and asking again fails (two requests), so does logging only the second answer |
//! | a `base_url` that is no URL: nothing logged, no panic | `logs_nothing_for_a_request_without_answer` (its last part) | `127.0.0.1:{port}`, its scheme left out, a server listening there, ids [3, 8]: `Url::parse(base_url).expect(..)`, in the function or in the task, panics; `http://` put in front reaches the server |
//! | no ids, no request and no entry, a handle that ends; earlier entries stay, however many | `logs_nothing_for_a_request_without_answer` | `ids` empty first (a channel sized by `ids.len()` panics on 0), then a log of 70,003 earlier entries (a cap of 256, 1000, 4096 or 65536 drops the oldest) |
//! | no timeout of one's own: the handle ends when every request has | `waits_as_long_as_the_client_does` | a server that takes a day, on tokio's paused clock: the handle must end at the client's 37 s (not the course's usual 30 s), not before, not more than 1 s after (an overall `tokio::time::timeout` of 10 s, a request's own `.timeout(60 s)` fail) |
//! | sent at once, no timer before a request | `sends_every_request_at_once` (last) | seven ids, a repeat among them, on tokio's paused clock held still: a pause of a few ms before each request never sends them |
//! | `(id, status)` with the id asked for | `logs_the_id_asked_for_after_a_redirect` (last) | post 7 redirected to `/v1/posts/70`, post 3 to `/v1/elsewhere`, both then 200: reading the id back from the response's URL logs (70, 200) and nothing for 3 |

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use lesson_support::testing::count_of_times;
use lesson_support::testing::{Exercise, Verdict, held_still, tagged_client, within_real_time};
use mock_server::{Fault, FaultEffect, FaultSelect, Latency, MockApi};
use reqwest::Client;
use tokio::task::JoinHandle;
use wiremock::matchers::{method, path};
use wiremock::{Mock, ResponseTemplate};

use crate::warm_ups::{a_server_that_takes_a_day, arrivals_of, list, requests_of};

pub const EXERCISE: Exercise = Exercise {
    number: 5,
    file: "lessons/lesson-03/src/exercises/start_status_log.rs",
};

lesson_support::exercise_checks! {
    erased: Erased;
    candidate: Fn(&Client, &str, &[u64], Log) -> JoinHandle<()>;
    // First: requests sent one at a time also log in the wrong order, and the order check
    // would blame the pushing.
    has_every_request_in_flight_together,
    // Before the checks that read the log the moment the handle ends: a push that comes a
    // little after the handle could land in time there, and not here.
    ends_only_once_every_entry_is_in,
    logs_each_status_as_its_answer_arrives,
    logs_nothing_for_a_request_without_answer,
    waits_as_long_as_the_client_does,
    logs_a_status_before_its_body_arrives,
    logs_with_no_timer_of_its_own,
    logs_the_id_asked_for_after_a_redirect,
    sends_every_request_at_once,
}

/// Any answer behind one type, so that `all` compiles the checks once, not once per kept answer
/// of `tests/course.rs` (see `erased:` in `lesson_support::exercise_checks!`).
pub struct Erased(Box<AnyAnswer>);

/// What `Erased` holds: a function of the exercise's signature.
type AnyAnswer = dyn Fn(&Client, &str, &[u64], Log) -> JoinHandle<()>;

impl Erased {
    pub fn new<F>(candidate: F) -> Self
    where
        F: Fn(&Client, &str, &[u64], Log) -> JoinHandle<()> + Copy + 'static,
    {
        Erased(Box::new(candidate))
    }

    /// The answer, callable as the checks call it.
    pub fn call(&self) -> &AnyAnswer {
        &*self.0
    }
}

/// The log shared with the function.
pub type Log = Arc<Mutex<Vec<(u64, u16)>>>;

/// A copy of the log, even if a panic poisoned its lock.
fn read(log: &Log) -> Vec<(u64, u16)> {
    log.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone()
}

/// The rule "one GET `{base_url}/posts/{id}` per entry of `ids`, through `client`", read from
/// what the server received: (method, path, tagged) per request.
fn one_get_per_entry(requests: &[(String, String, bool)], base_path: &str, ids: &[u64]) -> Verdict {
    if requests.iter().any(|(_, _, tagged)| !tagged) {
        return Err(EXERCISE.fail(
            "a request did not come from the `client` given to the function (a `Client::new()` \
             of your own?): send every request through a clone of `client`",
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
                 {line}: each request is GET {{base_url}}/posts/{{id}}, the whole of `base_url` \
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
                "ids {} lists this post {}, the server received {line} {} (counted once the \
                 handle had ended): one request per entry of `ids`, an id listed twice asked \
                 twice, all of them ended before the handle ends",
                list(ids),
                count_of_times(listed),
                count_of_times(n)
            )));
        }
    }
    Ok(())
}

/// How the background task ended; a panic in it becomes the check's message.
fn judge(ended: Result<(), tokio::task::JoinError>) -> Verdict {
    match ended {
        Ok(()) => Ok(()),
        Err(err) if err.is_panic() => Err(EXERCISE.fail(
            "the background task panicked: handle a failed request as a value (no entry) \
             instead of unwrapping it",
        )),
        Err(_) => Err(EXERCISE.fail(
            "the background task was cancelled before it ended: return the handle of the task \
             that does the work",
        )),
    }
}

/// Calls the function; a panic in it becomes the check's message.
#[allow(clippy::async_yields_async)] // the handle is the result, awaited later on purpose
async fn start<F>(
    candidate: &F,
    client: &Client,
    base_url: &str,
    ids: &[u64],
    log: Log,
) -> Result<JoinHandle<()>, String>
where
    F: Fn(&Client, &str, &[u64], Log) -> JoinHandle<()>,
{
    EXERCISE
        .run(async { candidate(client, base_url, ids, log) })
        .await
}

/// The handle ends only once every entry is in the log: while another thread holds the log's
/// lock, for 600 ms from before the requests go out, no entry can be pushed, so a handle that
/// ends in that time has left its pushes to something nobody awaits (a task of its own, the
/// blocking pool). A right answer waits for the lock (blocking its thread, which is fine for
/// a push), and ends after the lock is let go.
pub async fn ends_only_once_every_entry_is_in<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64], Log) -> JoinHandle<()>,
{
    use std::sync::atomic::{AtomicBool, Ordering};
    let api = MockApi::builder().base_path("/api").start().await;
    let client = tagged_client(&api.uri());
    let log: Log = Arc::new(Mutex::new(Vec::new()));
    let released = Arc::new(AtomicBool::new(false));
    let (locked_tx, locked_rx) = std::sync::mpsc::channel();
    let holder = {
        let (log, released) = (Arc::clone(&log), Arc::clone(&released));
        std::thread::spawn(move || {
            let guard = log
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            let _ = locked_tx.send(());
            std::thread::sleep(Duration::from_millis(600));
            // Said before the lock goes, so that no push can come before it is said.
            released.store(true, Ordering::SeqCst);
            drop(guard);
        })
    };
    let _ = locked_rx.recv();
    let ids = [3, 4];
    let handle = start(candidate, &client, &api.uri(), &ids, Arc::clone(&log)).await?;
    let mut ended_early = false;
    while !released.load(Ordering::SeqCst) {
        if handle.is_finished() && !released.load(Ordering::SeqCst) {
            ended_early = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let _ = holder.join();
    let Ok(ended) = tokio::time::timeout(Duration::from_secs(5), handle).await else {
        return Err(EXERCISE.fail(
            "asked about ids [3, 4], answered at once, while another thread held the log's lock \
             for 600 ms: the handle had not ended 5 s after the lock was let go",
        ));
    };
    judge(ended)?;
    one_get_per_entry(&arrivals_of(&api), "/api", &ids)?;
    if ended_early {
        return Err(EXERCISE.fail(&format!(
            "asked about ids [3, 4], answered at once, while another thread held the log's lock \
             for 600 ms, the handle ended before the lock was let go, so before any entry could \
             be in the log (it held {:?} once the lock was free): the handle ends when every \
             request has ended and its entry is in the log, not before; push in the task the \
             handle waits for (a push left to a task or a blocking thread nobody awaits comes \
             after it)",
            read(&log)
        )));
    }
    Ok(())
}

/// Each status is pushed as its answer arrives, after the entries already there; the log can
/// be read meanwhile; the handle ends once all are in.
pub async fn logs_each_status_as_its_answer_arrives<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64], Log) -> JoinHandle<()>,
{
    let server = lesson_support::testing::fresh_server().await;
    // (id, status, delay): answers arrive in the order 31, 4, 18, 52, whatever their status.
    for (id, status, delay) in [(31, 200, 0), (4, 404, 300), (18, 500, 600), (52, 200, 1500)] {
        Mock::given(method("GET"))
            .and(path(format!("/api/posts/{id}")))
            .respond_with(
                ResponseTemplate::new(status)
                    .set_body_json(
                        serde_json::json!({"userId": 1, "id": id, "title": "t", "body": "b"}),
                    )
                    .set_delay(Duration::from_millis(delay)),
            )
            .mount(&server)
            .await;
    }
    let base_url = format!("{}/api", server.uri());
    let client = tagged_client(&base_url);
    let ids = [18, 4, 31, 52];
    // An entry from an earlier run, for a post asked again now: it stays, and the new one goes
    // after it.
    let log: Log = Arc::new(Mutex::new(vec![(18, 200)]));

    let handle = start(candidate, &client, &base_url, &ids, Arc::clone(&log)).await?;
    // Read the log every 10 ms while the requests are out, as a caller may.
    let mut seen_first_alone = false;
    let mut handle = handle;
    let ended = loop {
        tokio::select! {
            ended = &mut handle => break ended,
            () = tokio::time::sleep(Duration::from_millis(10)) => {
                let now = read(&log);
                if now.contains(&(31, 200)) && !now.contains(&(52, 200)) {
                    seen_first_alone = true;
                }
            }
        }
    };
    let at_the_end = read(&log);
    judge(ended)?;

    one_get_per_entry(&requests_of(&server).await, "/api", &ids)?;
    let expected = vec![(18, 200), (31, 200), (4, 404), (18, 500), (52, 200)];
    if at_the_end != expected {
        let mut sorted = at_the_end.clone();
        sorted.sort_unstable();
        let mut sorted_expected = expected.clone();
        sorted_expected.sort_unstable();
        let rule = if sorted == sorted_expected && at_the_end.first() != Some(&(18, 200)) {
            "push each entry onto the end of the log (`push`), after the entries already \
             there, so that the log lists them in the order the answers arrived"
        } else if at_the_end.first() != Some(&(18, 200)) {
            "the log is shared: the entries already in it stay, even one for a post asked \
             again, and yours go after them"
        } else if !at_the_end.contains(&(4, 404)) || !at_the_end.contains(&(18, 500)) {
            "log every answer's status, a 404 and a 500 as much as a 200 (no \
             `error_for_status` here: the status is the point)"
        } else if at_the_end.len() < expected.len() {
            "the handle ends when every entry is in the log: await the work inside the task \
             you return"
        } else {
            "push each entry as soon as its answer arrives, so that the log is in the order \
             the answers arrived"
        };
        return Err(EXERCISE.fail(&format!(
            "asked about ids {} (answers arriving in the order 31: 200, 4: 404 after 300 ms, \
             18: 500 after 600 ms, 52: 200 after 1.5 s), with a log holding [(18, 200)], the log \
             when the handle ended was {at_the_end:?}; expected {expected:?}: {rule}",
            list(&ids)
        )));
    }
    if !seen_first_alone {
        return Err(EXERCISE.fail(
            "read every 10 ms while the requests were out, the log never showed (31, 200), \
             answered at once, before (52, 200), answered 1.5 s later: push each entry as \
             soon as its answer arrives, taking the lock only to push",
        ));
    }
    Ok(())
}

/// Every request is on its way before the first answer is back.
pub async fn has_every_request_in_flight_together<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64], Log) -> JoinHandle<()>,
{
    let api = MockApi::builder()
        .base_path("/v1")
        // Answers spread over 300 to 700 ms, so that the pushes come at many moments, most of
        // them while the reader below holds the lock.
        .latency(Latency::Range {
            min: Duration::from_millis(300),
            max: Duration::from_millis(700),
        })
        .seed(12)
        .start()
        .await;
    let client = tagged_client(&api.uri());
    // 12 three times: twice side by side (a `dedup` of neighbours drops one), once apart.
    let ids = [73, 12, 12, 45, 8, 99, 30, 61, 12, 27, 84, 5, 50];
    let log: Log = Arc::new(Mutex::new(Vec::new()));
    // A caller reading the log from another thread, holding its lock most of the time: a push
    // waits for it, and is not skipped.
    let reading = Arc::new(std::sync::atomic::AtomicBool::new(true));
    let reader = {
        let (log, reading) = (Arc::clone(&log), Arc::clone(&reading));
        std::thread::spawn(move || {
            while reading.load(std::sync::atomic::Ordering::Relaxed) {
                let held = log
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                std::thread::sleep(Duration::from_millis(40));
                drop(held);
                std::thread::sleep(Duration::from_millis(5));
            }
        })
    };

    let handle = start(candidate, &client, &api.uri(), &ids, Arc::clone(&log)).await?;
    let ended = handle.await;
    reading.store(false, std::sync::atomic::Ordering::Relaxed);
    let _ = reader.join();
    judge(ended)?;

    let requests = arrivals_of(&api);
    one_get_per_entry(&requests, "/v1", &ids)?;
    let peak = api.peak_in_flight();
    if peak < ids.len() {
        return Err(EXERCISE.fail(&format!(
            "asked about {} ids against a server that answers after 300 to 700 ms, the server saw \
             at most {peak} of them in flight at once: send every request at once, and hold no \
             lock (of any kind) while a request is out",
            ids.len()
        )));
    }
    let mut logged = read(&log);
    logged.sort_unstable();
    let mut expected: Vec<(u64, u16)> = ids.iter().map(|&id| (id, 200)).collect();
    expected.sort_unstable();
    if logged != expected {
        return Err(EXERCISE.fail(&format!(
            "asked about ids {}, all of them posts that exist, the log held {:?} when the \
             handle ended (another thread was reading the log meanwhile, holding its lock most of \
             the time): one `(id, 200)` per entry of `ids`, each pushed even when it must wait \
             for the lock, and an entry, once pushed, stays (push onto the shared log itself, \
             not onto a copy of it)",
            list(&ids),
            read(&log)
        )));
    }
    Ok(())
}

/// How long the log is before [`logs_nothing_for_a_request_without_answer`] starts: longer
/// than any cap a program might choose.
const EARLIER_ENTRIES: u64 = 70_003;

/// A request that gets no answer logs nothing, and takes nothing down with it.
pub async fn logs_nothing_for_a_request_without_answer<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64], Log) -> JoinHandle<()>,
{
    let api = MockApi::builder()
        .fault(Fault {
            select: FaultSelect::Ids(vec![66]),
            effect: FaultEffect::DropConnection,
        })
        // A success that is not a 200: its status is logged as it is.
        .fault(Fault {
            select: FaultSelect::Ids(vec![7]),
            effect: FaultEffect::Status(201),
        })
        // Come back in a second: a status to log, not a request to send again.
        .fault(Fault {
            select: FaultSelect::Ids(vec![8]),
            effect: FaultEffect::TooManyRequests {
                retry_after: Duration::from_secs(1),
            },
        })
        // A 3xx without a `Location`, which reqwest hands back as it is: a status like any other.
        .fault(Fault {
            select: FaultSelect::Ids(vec![9]),
            effect: FaultEffect::Status(300),
        })
        // A gateway's answers: statuses all the same, though they say an upstream failed.
        .fault(Fault {
            select: FaultSelect::Ids(vec![12]),
            effect: FaultEffect::Status(502),
        })
        .fault(Fault {
            select: FaultSelect::Ids(vec![13]),
            effect: FaultEffect::Status(504),
        })
        .start()
        .await;
    let client = tagged_client(&api.uri());
    // A long log from earlier runs, longer than any cap a program might pick (256, 1000, 1024,
    // 4096, 65536): all its entries stay (no cap of one's own).
    let earlier: Vec<(u64, u16)> = (0..EARLIER_ENTRIES).map(|i| (1000 + i, 200)).collect();
    let log: Log = Arc::new(Mutex::new(earlier.clone()));

    // No ids: nothing to ask, nothing to log, and a handle that ends.
    let handle = start(candidate, &client, &api.uri(), &[], Arc::clone(&log)).await?;
    let Ok(ended) = tokio::time::timeout(Duration::from_secs(5), handle).await else {
        return Err(EXERCISE.fail(
            "asked about no ids (`ids` empty), the handle had not ended 5 s later: with \
             nothing to ask, the work ends at once",
        ));
    };
    if ended.as_ref().is_err_and(tokio::task::JoinError::is_panic) {
        return Err(EXERCISE.fail(
            "asked about no ids (`ids` empty), the background task panicked: an empty `ids` \
             is no special case, and no panic (no request, no entry, a handle that ends)",
        ));
    }
    judge(ended)?;
    if read(&log) != earlier || !api.arrivals().is_empty() {
        return Err(EXERCISE.fail(&format!(
            "asked about no ids (`ids` empty), with a log of {EARLIER_ENTRIES} earlier entries, the \
             server received {} request(s) and the log ended with {} entries; expected no \
             request and the log as it was",
            api.arrivals().len(),
            read(&log).len()
        )));
    }

    // Post 0 last: an id like any other (the mock has no post 0, so a 404 to log).
    let ids = [5, 66, 7, 13, 8, 9, 12, 0];
    let handle = start(candidate, &client, &api.uri(), &ids, Arc::clone(&log)).await?;
    judge(handle.await)?;
    let requests = arrivals_of(&api);
    one_get_per_entry(&requests, "", &ids)?;

    let mut logged = read(&log);
    if logged.len() < earlier.len() || logged[..earlier.len()] != earlier[..] {
        return Err(EXERCISE.fail(&format!(
            "with a log of {EARLIER_ENTRIES} earlier entries, asked about ids {}, the log \
             ended with {} entries, the {EARLIER_ENTRIES} earlier ones not all in their places: the log is shared, and \
             the entries already in it stay, however many (no cap, no trimming of your own)",
            list(&ids),
            logged.len()
        )));
    }
    let mut logged = logged.split_off(earlier.len());
    logged.sort_unstable();
    let expected = [
        (0, 404),
        (5, 200),
        (7, 201),
        (8, 429),
        (9, 300),
        (12, 502),
        (13, 504),
    ];
    if logged != expected {
        return Err(EXERCISE.fail(&format!(
            "asked about ids {}, the server closing the connection for 66 without an answer, \
             answering 201 for 7, 504 for 13, 429 with `Retry-After: 1` for 8, 300 with no \
             `Location` for 9, 502 for 12 and 404 for 0 (an id like any other), the log held \
             {logged:?} after its {EARLIER_ENTRIES} earlier entries; expected {expected:?}: a \
             request without an answer has no status to log, and the others are logged all the \
             same, each with the status it got (a 3xx that reaches you and a gateway's 502 or \
             504 included)",
            list(&ids)
        )));
    }
    a_refused_connection_is_tried_once(candidate).await
}

/// A connection refused is a request without an answer: nothing logged, and no second try. No
/// server can count a refused connection, so the client counts its attempts.
async fn a_refused_connection_is_tried_once<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64], Log) -> JoinHandle<()>,
{
    let nowhere = lesson_support::testing::refused_localhost_url();
    let (client, attempts) = lesson_support::testing::counting_client(&nowhere);
    let log: Log = Arc::new(Mutex::new(Vec::new()));
    let handle = start(candidate, &client, &nowhere, &[27], Arc::clone(&log)).await?;
    let Ok(ended) = tokio::time::timeout(Duration::from_secs(5), handle).await else {
        return Err(EXERCISE.fail(
            "asked about id 27 at an address where nothing listens, the handle had not ended \
             5 s later: a refused connection ends its request at once, with no retry",
        ));
    };
    judge(ended)?;
    let (tried, logged) = (attempts.get(), read(&log));
    if tried != 1 || !logged.is_empty() {
        return Err(EXERCISE.fail(&format!(
            "asked about id 27 at an address where nothing listens, the client tried to connect \
             {} and the log held {logged:?}; expected one try and nothing logged: a request \
             without an answer has no status to log, and is not sent again (no retry)",
            count_of_times(tried)
        )));
    }
    a_base_url_that_is_no_url_logs_nothing(candidate).await
}

/// A base URL that is no URL (`lesson_support::testing::NotAUrl`, its scheme left out) makes
/// each request fail before it is sent: nothing logged, a handle that ends, and no panic on the
/// way to building the URL.
async fn a_base_url_that_is_no_url_logs_nothing<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64], Log) -> JoinHandle<()>,
{
    let not_a_url = lesson_support::testing::NotAUrl::start().await;
    let no_url = not_a_url.base();
    let client = tagged_client("http://127.0.0.1");
    let earlier = vec![(41, 200)];
    let log: Log = Arc::new(Mutex::new(earlier.clone()));
    let setting =
        format!("asked about ids [3, 8] with the base URL {no_url:?}, which is no URL (no scheme)");
    let handle = start(candidate, &client, no_url, &[3, 8], Arc::clone(&log)).await?;
    let Ok(ended) = tokio::time::timeout(Duration::from_secs(5), handle).await else {
        return Err(EXERCISE.fail(&format!(
            "{setting}, the handle had not ended 5 s later: a request that cannot be sent \
             fails at once, with no answer to log"
        )));
    };
    if ended.as_ref().is_err_and(tokio::task::JoinError::is_panic) {
        return Err(EXERCISE.fail(&format!(
            "{setting}, the background task panicked: a base URL that is no URL makes each \
             request fail in `send()`, a request without an answer, which logs nothing (no \
             `expect` on parsing it)"
        )));
    }
    judge(ended)?;
    if let Some(rule) = not_a_url.reached().await {
        return Err(EXERCISE.fail(&rule));
    }
    let logged = read(&log);
    if logged == earlier {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "{setting}, the log held {logged:?} after the handle ended; expected it as it was, \
         {earlier:?}: a request that cannot be sent has no answer, and no status to log"
    )))
}

/// An entry is pushed when its answer arrives, not when a timer of one's own fires: on tokio's
/// paused clock, kept still by the check, which only yields (the clock jumps only when every task
/// waits), post 5, answered at once while post 6 is still out (its answer takes a day), must be
/// in the log with no time passed. A flush every 100 ms never comes while the clock stands
/// still. At most 2 s of real time.
pub async fn logs_with_no_timer_of_its_own<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64], Log) -> JoinHandle<()>,
{
    let server = lesson_support::testing::fresh_server().await;
    for (id, delay) in [(5, Duration::ZERO), (6, Duration::from_secs(24 * 60 * 60))] {
        Mock::given(method("GET"))
            .and(path(format!("/v1/posts/{id}")))
            .respond_with(ResponseTemplate::new(200).set_delay(delay))
            .mount(&server)
            .await;
    }
    let base_url = format!("{}/v1", server.uri());
    let client = tagged_client(&base_url);
    let log: Log = Arc::new(Mutex::new(Vec::new()));

    let handle = start(candidate, &client, &base_url, &[5, 6], Arc::clone(&log)).await?;
    let post_5_logged = async {
        while !read(&log).contains(&(5, 200)) {
            tokio::task::yield_now().await;
        }
    };
    let (logged, elapsed) = held_still(Duration::from_secs(2), post_5_logged).await;
    let logged = logged.is_some();
    // Post 6 takes a day: the work is not waited for.
    handle.abort();
    let asked = server.received_requests().await.unwrap_or_default().len();
    if !logged && asked == 2 {
        return Err(EXERCISE.fail(&format!(
            "asked about posts 5 and 6, the server answering post 5 at once and post 6 a day \
             later, on tokio's paused clock held still by the check (it moved {} ms): the log \
             did not show (5, 200) within 2 s of real time. Push each entry as soon as its \
             answer arrives, with no timer of your own (no interval or sleep before pushing)",
            elapsed.as_millis()
        )));
    }
    Ok(())
}

/// No timeout of one's own: against a server that does not answer, the handle ends when the
/// client gives up (its own timeout, 37 s, not the course's usual 30 s), not before. On tokio's paused clock, which jumps to
/// the next timer whenever nothing is left to do, so that it takes no real time.
pub async fn waits_as_long_as_the_client_does<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64], Log) -> JoinHandle<()>,
{
    let (_server, client, base_url) = a_server_that_takes_a_day()
        .await
        .map_err(|problem| EXERCISE.fail(&problem))?;
    let log: Log = Arc::new(Mutex::new(Vec::new()));
    let client_timeout = crate::warm_ups::CLIENT_TIMEOUT;

    tokio::time::pause();
    let started = tokio::time::Instant::now();
    let outcome = match start(candidate, &client, &base_url, &[4, 9], Arc::clone(&log)).await {
        Ok(handle) => Ok(within_real_time(
            crate::warm_ups::REAL_TIME_BOUND,
            tokio::time::timeout(client_timeout * 4, handle),
        )
        .await),
        Err(message) => Err(message),
    };
    let elapsed = started.elapsed();
    tokio::time::resume();
    let outcome = match outcome {
        Ok(Some(ended)) => Ok(ended),
        Ok(None) => {
            return Err(EXERCISE.fail(&format!(
                "asked about ids [4, 9] on a server that takes a day to answer, on tokio's \
                 paused clock, the handle had not ended after {} s of real time: the clock \
                 stood still, though it jumps ahead whenever every task waits for a timer. The \
                 requests wait with `.await` in tasks of `tokio::spawn`: tokio holds a paused \
                 clock still while a `spawn_blocking` task runs, and a `block_on` in one waits \
                 for ever",
                crate::warm_ups::REAL_TIME_BOUND.as_secs()
            )));
        }
        Err(message) => Err(message),
    };

    let setting = format!(
        "asked about ids [4, 9] on a server that takes a day to answer, with a client that gives \
         up after {} s (its own timeout; the check ran on tokio's paused clock, so it took no real \
         time)",
        client_timeout.as_secs()
    );
    match outcome? {
        Err(_) => Err(EXERCISE.fail(&format!(
            "{setting}, the handle had not ended {} s later: each request ends when the client \
             gives up on it",
            (client_timeout * 4).as_secs()
        ))),
        Ok(ended) if elapsed < client_timeout => {
            judge(ended)?;
            Err(EXERCISE.fail(&format!(
                "{setting}, the handle ended after {:.1} s, with the requests still out: no \
                 timeout of your own, the handle ends when every request has ended (the \
                 client's settings say how long to wait)",
                elapsed.as_secs_f64()
            )))
        }
        Ok(ended) if elapsed > client_timeout + Duration::from_secs(1) => {
            judge(ended)?;
            Err(EXERCISE.fail(&format!(
                "{setting}, the handle ended after {:.1} s, later than the client gives up: no \
                 timeout of your own, longer or shorter (a request's own `.timeout(…)` replaces \
                 the client's)",
                elapsed.as_secs_f64()
            )))
        }
        Ok(ended) => {
            judge(ended)?;
            let logged = read(&log);
            if logged.is_empty() {
                Ok(())
            } else {
                Err(EXERCISE.fail(&format!(
                    "{setting}, the log held {logged:?}: no answer arrived, so there is no \
                     status to log"
                )))
            }
        }
    }
}

/// The status is known, and logged, when the answer's head arrives: a body that follows 1 s
/// later, or is never read, does not hold the entry back.
pub async fn logs_a_status_before_its_body_arrives<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64], Log) -> JoinHandle<()>,
{
    use lesson_support::testing::{SlowAnswer, SlowBodyServer};
    // Post 34 fails at once (503, its head first), post 33 succeeds 300 ms later (200, its head
    // first; far enough apart that a busy machine does not see them come together); both
    // bodies follow a second later. The log starts with an entry equal to 34's.
    let server = SlowBodyServer::start(|_, path| {
        let post = |id: u64| serde_json::json!({"userId": 1, "id": id, "title": "t", "body": "b"});
        if path.ends_with("/34") {
            SlowAnswer::json(503, &post(34)).body_after(Duration::from_millis(1000))
        } else {
            SlowAnswer::json(200, &post(33))
                .head_after(Duration::from_millis(300))
                .body_after(Duration::from_millis(1000))
        }
    })
    .await;
    let client = tagged_client(&server.uri());
    let log: Log = Arc::new(Mutex::new(vec![(34, 503)]));
    let wanted = [(34, 503), (34, 503), (33, 200)];

    let started = std::time::Instant::now();
    let mut handle = start(
        candidate,
        &client,
        &server.uri(),
        &[33, 34],
        Arc::clone(&log),
    )
    .await?;
    let mut logged_after = None;
    let ended = loop {
        tokio::select! {
            ended = &mut handle => break ended,
            () = tokio::time::sleep(Duration::from_millis(10)) => {
                if logged_after.is_none() && read(&log) == wanted {
                    logged_after = Some(started.elapsed());
                }
            }
        }
    };
    judge(ended)?;
    let scene = "the log held [(34, 503)] already; post 34's answer sent its head (503) at once, \
                 post 33's (200 OK) 300 ms later, and both their bodies a second after that";
    let now = read(&log);
    if logged_after.is_none() && now == wanted {
        logged_after = Some(started.elapsed());
    }
    match logged_after {
        Some(after) if after < Duration::from_millis(700) => Ok(()),
        Some(after) => Err(EXERCISE.fail(&format!(
            "{scene}; the log showed both entries only after {} ms: the status is in the head, \
             whatever it is, so push the entry as soon as `send()` gives you the response, \
             without reading the body",
            after.as_millis()
        ))),
        None => {
            let (mut got, mut all) = (now.clone(), wanted.to_vec());
            got.sort_unstable();
            all.sort_unstable();
            let rule = if got == all {
                "the log lists the entries in the order the heads arrived, 34's first: push each \
                 one as soon as `send()` gives you its response, whatever its status, without \
                 reading its body first"
            } else {
                "push one entry per answer, from its head, onto the log as it is (an entry \
                 equal to the one before it is an entry all the same)"
            };
            Err(EXERCISE.fail(&format!(
                "{scene}; the log ended as {now:?}, expected {wanted:?}: {rule}"
            )))
        }
    }
}

/// An entry names the id that was asked for, though the answer came from elsewhere: the client
/// follows redirects, and the response's URL is where the last one led.
pub async fn logs_the_id_asked_for_after_a_redirect<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64], Log) -> JoinHandle<()>,
{
    let server = lesson_support::testing::fresh_server().await;
    for (from, to) in [(7, "/v1/posts/70"), (3, "/v1/elsewhere")] {
        Mock::given(method("GET"))
            .and(path(format!("/v1/posts/{from}")))
            .respond_with(ResponseTemplate::new(301).insert_header("Location", to))
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path(to))
            .respond_with(ResponseTemplate::new(200).set_body_string("{}"))
            .mount(&server)
            .await;
    }
    let base_url = format!("{}/v1", server.uri());
    let client = tagged_client(&base_url);
    let log: Log = Arc::new(Mutex::new(Vec::new()));

    let handle = start(candidate, &client, &base_url, &[7, 3], Arc::clone(&log)).await?;
    match tokio::time::timeout(Duration::from_secs(5), handle).await {
        Ok(ended) => judge(ended)?,
        Err(_) => {
            return Err(EXERCISE.fail(
                "asked about ids [7, 3], both answered at once (after a redirect), the handle \
                 had not ended 5 s later: it ends when every request has ended",
            ));
        }
    }
    let mut logged = read(&log);
    logged.sort_unstable();
    if logged == [(3, 200), (7, 200)] {
        return Ok(());
    }
    Err(EXERCISE.fail(&format!(
        "asked about ids [7, 3], the server redirecting post 7 to /v1/posts/70 and post 3 to \
         /v1/elsewhere, both of which answered 200, the log got {:?}; expected (7, 200) and \
         (3, 200), in either order: an entry names the id that was asked for, kept from the \
         request (the response's URL is where the client's last redirect led)",
        read(&log)
    )))
}

/// Every request is sent at once, with no timer of one's own before it: on tokio's paused clock,
/// held still by the check, every request must reach the server (answered at once) and the
/// handle end. At most 2 s of real time.
pub async fn sends_every_request_at_once<F>(candidate: &F) -> Verdict
where
    F: Fn(&Client, &str, &[u64], Log) -> JoinHandle<()>,
{
    let api = MockApi::builder().base_path("/v1").start().await;
    let client = tagged_client(&api.uri());
    let ids = [17, 3, 42, 3, 8, 25, 11];
    let log: Log = Arc::new(Mutex::new(Vec::new()));
    let handle = start(candidate, &client, &api.uri(), &ids, Arc::clone(&log)).await?;
    let (ended, moved) = held_still(Duration::from_secs(2), handle).await;
    let Some(ended) = ended else {
        return Err(EXERCISE.fail(&format!(
            "asked about ids {}, the server answering at once, on tokio's paused clock held \
             still by the check (it moved {} ms): the server had received {} of the {} requests \
             and the handle had not ended after 2 s of real time. Send every request at once, \
             with no timer before it (a pause to spread the requests out holds them back, here \
             for good)",
            list(&ids),
            moved.as_millis(),
            api.arrivals().len(),
            ids.len()
        )));
    };
    judge(ended)?;
    one_get_per_entry(&arrivals_of(&api), "/v1", &ids)
}
