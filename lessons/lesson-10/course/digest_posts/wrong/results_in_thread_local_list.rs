//! Wrong: breaks "the result, in the order of `ids`: `Ok(digest(body))`, or `Err(err)`" (on a multi-thread runtime, or beside another call, results go missing or to the other call)
//! The asyncio habit: tasks `append` their results to a module-level list, and the caller reads
//! it once they are all done. Spawned tasks cannot borrow a local `Vec` (`'static`), and a
//! `static` wants a lock, so the learner keeps the list in a `thread_local!` `RefCell`, "the
//! global without a lock, since the runtime runs its tasks on its thread": each post's task
//! (request and body on the runtime, digest on `spawn_blocking`) pushes `(position, result)`
//! there, and the call takes the list and sorts it. On a current-thread runtime, one call at a
//! time, it is right; on a multi-thread runtime the tasks push into the lists of whichever
//! workers ran them, and two calls on one thread take each other's results.

use std::cell::RefCell;

use futures::future::join_all;
use reqwest::Client;

/// A finished post: its position in `ids`, and its result.
type Finished = (usize, Result<u64, reqwest::Error>);

thread_local! {
    /// The results of the tasks that have finished, as they finish.
    static FINISHED: RefCell<Vec<Finished>> = const { RefCell::new(Vec::new()) };
}

/// One post: the request and its body on the runtime, then the digest on the blocking pool.
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
    let tasks: Vec<_> = ids
        .iter()
        .enumerate()
        .map(|(position, &id)| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let result = fetch_and_digest(&client, &url, digest).await;
                FINISHED.with_borrow_mut(|finished| finished.push((position, result)));
            })
        })
        .collect();
    for joined in join_all(tasks).await {
        if let Err(err) = joined {
            std::panic::resume_unwind(err.into_panic());
        }
    }
    let mut finished = FINISHED.with_borrow_mut(std::mem::take);
    finished.sort_by_key(|(position, _)| *position);
    finished.into_iter().map(|(_, result)| result).collect()
}
