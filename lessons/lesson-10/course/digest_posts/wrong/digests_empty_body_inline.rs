//! Wrong: breaks "`digest` never runs on a thread of the runtime"
//! Every request goes out at once from the runtime, and every body with bytes in it is digested
//! on the blocking pool as soon as it is in. But an empty body (a `200` or `204` with nothing in
//! it) is digested right there in the task: the learner takes the chapter's "short work, say
//! under a millisecond between awaits, is fine inline: moving it to another thread costs more
//! than it saves" and reasons that a digest of zero bytes is the shortest work there is. The cost
//! of `digest` is not the size of its input, though: a call into a synchronous library, a parser
//! that sets itself up, a digest that waits on a lock, blocks just as long on `b""`, and then it
//! holds the runtime's thread (on a current-thread runtime, everything stops). The posts of the
//! mock all have a body, so no check with a slow digest ever sends an empty one.

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        if body.is_empty() {
            // Nothing to digest: not worth a trip to the blocking pool.
            return Ok(digest(&body));
        }
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
