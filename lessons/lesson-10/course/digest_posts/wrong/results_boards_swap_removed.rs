//! Wrong: breaks "no panic: `digest` itself never panics" (and "the result, in the order of `ids`") for two calls at once where the one that started first ends first: each call's results board lives in a process-wide `Vec`, found by its index, and a call that ends takes its board out with `swap_remove`, which moves the last board into the freed place. Call A for `[1]` answered at 300 ms, and call B for `[2]` started 100 ms after it and answered at 600 ms: when A ends, B's board moves from index 1 to index 0, and B's task then writes into `boards[1]`, out of range: the task panics, and B passes the panic on.
//!
//! The learner spawned one task per post (`tokio::spawn` needs `'static`, so no borrowed
//! `Vec` of results) and gave the tasks a place to write that outlives the call: a global list
//! of boards, the call's own found by its index. `swap_remove` is the O(1) removal the docs
//! recommend when order does not matter. Calls one after another always get index 0, and two
//! calls at once where the later one ends first work too.
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

use std::sync::{Mutex, MutexGuard, PoisonError};

use futures::future::join_all;
use reqwest::Client;

/// One call's results, one place per entry of its `ids`.
type Board = Vec<Option<Result<u64, reqwest::Error>>>;

/// The boards of the calls under way, for the spawned tasks to write into.
static BOARDS: Mutex<Vec<Board>> = Mutex::new(Vec::new());

fn boards() -> MutexGuard<'static, Vec<Board>> {
    BOARDS.lock().unwrap_or_else(PoisonError::into_inner)
}

async fn fetch_and_digest(
    client: &Client,
    url: &str,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let body = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let board = {
        let mut boards = boards();
        boards.push((0..ids.len()).map(|_| None).collect());
        boards.len() - 1
    };

    let tasks: Vec<_> = ids
        .iter()
        .enumerate()
        .map(|(place, id)| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let result = fetch_and_digest(&client, &url, digest).await;
                boards()[board][place] = Some(result);
            })
        })
        .collect();
    for joined in join_all(tasks).await {
        if let Err(err) = joined {
            std::panic::resume_unwind(err.into_panic());
        }
    }

    boards()
        .swap_remove(board)
        .into_iter()
        .map(|slot| slot.expect("every task filled its place"))
        .collect()
}
