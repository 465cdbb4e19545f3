//! Wrong: breaks "the digests of different posts run at the same time" for a call that asks again posts whose digest took 250 ms or more in an earlier call: each post's last digest time is kept, by URL, for the whole process, and a post that was slow to digest last time is digested on one "slow lane" thread shared by every call, one job after another. Call 1 for `[1, 2]` with a `digest` that blocks 300 ms (the two digests overlap), then call 2 for `[1, 2]` with the same base: its two digests run one after the other, the second starting about 300 ms after the first, and the call takes 600 ms.
//!
//! The learner wanted heavy digests kept off tokio's blocking pool, which file reads and DNS
//! lookups also use: learn which posts are expensive, and send those to a lane of their own.
//! The lane is still off the runtime and awaited through a oneshot, so the heartbeat never
//! stops, and a first call (or any check whose server, and so whose URLs, are new) sees the
//! reference's behaviour.
//!
//! Exercise 15: digest many posts, without blocking the runtime.
//!
//! `digest_posts(client, base_url, ids, digest)` fetches every post in `ids` at once and hands
//! each answer's body to `digest`. `digest` is a *blocking* function: it may take a long time and
//! waits without `.await` (think of a hash of a large body, a parser, a call into a synchronous
//! library). Contract:
//! - one GET `{base_url}/posts/{id}` per entry of `ids` (an id listed twice is asked twice), all in
//!   flight together, its URL made by appending to `base_url`, which may end in a path such as
//!   `/api` that must be kept, through `client`; the requests, their bodies included, are sent
//!   and read by async code on the runtime, not from inside `spawn_blocking` or a thread of your
//!   own (a blocking thread held for a request, or while a body arrives, is one fewer for
//!   blocking work);
//! - a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again),
//!   goes to `digest` once, as soon as that body is in: a digest never waits for other requests;
//! - `digest` never runs on a thread of the runtime: while digests run, the runtime's other tasks
//!   keep running, and the digests of different posts run at the same time (tokio's blocking
//!   pool, or threads of your own, awaited without blocking);
//! - the result, in the order of `ids`: `Ok(digest(body))`, or `Err(err)` when the request failed
//!   (an error status, any 4xx or 5xx: the error then carries it; a failed connection), and then
//!   `digest` is not called; any other status (a 3xx the client does not follow, say a 300) is an
//!   answer like a 200; a slow answer is waited for, with no time limit of your own (the
//!   client's timeouts, set by whoever built it, are the limit);
//! - no panic: `digest` itself never panics.

use std::collections::HashMap;
use std::sync::mpsc;
use std::sync::{Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use futures::future::join_all;
use reqwest::Client;

/// A digest that took this long is sent to the slow lane the next time its post is asked.
const SLOW_DIGEST: Duration = Duration::from_millis(250);

type Job = Box<dyn FnOnce() + Send>;

/// How long each post's last digest took, by the post's URL, for the whole process.
fn last_digest_times() -> &'static Mutex<HashMap<String, Duration>> {
    static TIMES: OnceLock<Mutex<HashMap<String, Duration>>> = OnceLock::new();
    TIMES.get_or_init(|| Mutex::new(HashMap::new()))
}

/// One thread of its own for expensive digests, so they leave tokio's blocking pool alone.
fn slow_lane() -> &'static Mutex<mpsc::Sender<Job>> {
    static LANE: OnceLock<Mutex<mpsc::Sender<Job>>> = OnceLock::new();
    LANE.get_or_init(|| {
        let (jobs, queue) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("slow-digests".into())
            .spawn(move || {
                for job in queue {
                    job();
                }
            })
            .expect("the OS gives us the slow lane's thread");
        Mutex::new(jobs)
    })
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let url = format!("{base_url}/posts/{id}");
        let body = client
            .get(&url)
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;

        let was_slow = last_digest_times()
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(&url)
            .is_some_and(|took| *took >= SLOW_DIGEST);
        let timed = move || {
            let started = Instant::now();
            let value = digest(&body);
            (value, started.elapsed())
        };
        let (value, took) = if was_slow {
            let (reply, answer) = tokio::sync::oneshot::channel();
            let job: Job = Box::new(move || {
                let _ = reply.send(timed());
            });
            slow_lane()
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .send(job)
                .expect("the slow lane never stops");
            answer.await.expect("the slow lane answers every job")
        } else {
            tokio::task::spawn_blocking(timed)
                .await
                .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()))
        };

        last_digest_times()
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(url, took);
        Ok(value)
    });
    join_all(each).await
}
