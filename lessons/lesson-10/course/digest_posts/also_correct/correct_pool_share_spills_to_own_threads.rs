//! Correct: a process-wide count of the digests this function has on tokio's blocking pool (shared
//! by every call and every runtime, kept exact by a guard that lives inside the blocking closure, so
//! a closure dropped unrun by a runtime's shutdown gives its place back too). Past 448 of them, so
//! the pool's 512 threads keep room for `tokio::fs` and the like, a digest goes to a `std::thread`
//! of its own instead, its result awaited through a oneshot channel, never `.join()`ed.

use std::sync::atomic::{AtomicUsize, Ordering};

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::oneshot;

/// Digests of this function on tokio's blocking pool right now, across calls and runtimes.
static ON_THE_POOL: AtomicUsize = AtomicUsize::new(0);
const POOL_SHARE: usize = 448;

/// A place on the pool, given back when dropped.
struct PoolPlace;

impl Drop for PoolPlace {
    fn drop(&mut self) {
        ON_THE_POOL.fetch_sub(1, Ordering::AcqRel);
    }
}

async fn digest_off_the_runtime<B>(digest: fn(&[u8]) -> u64, body: B) -> u64
where
    B: AsRef<[u8]> + Send + 'static,
{
    if ON_THE_POOL.fetch_add(1, Ordering::AcqRel) < POOL_SHARE {
        let place = PoolPlace;
        let digested = tokio::task::spawn_blocking(move || {
            let _place = place;
            digest(body.as_ref())
        })
        .await;
        digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()))
    } else {
        drop(PoolPlace);
        let (reply, digested) = oneshot::channel();
        std::thread::spawn(move || {
            let _ = reply.send(digest(body.as_ref()));
        });
        // The thread always sends: `digest` never panics.
        match digested.await {
            Ok(value) => value,
            Err(_) => unreachable!("the digest thread sends its result before it ends"),
        }
    }
}

async fn one_post(
    client: &Client,
    url: String,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let body = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    Ok(digest_off_the_runtime(digest, body).await)
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids
        .iter()
        .map(|id| one_post(client, format!("{base_url}/posts/{id}"), digest));
    join_all(each).await
}
