//! Wrong: breaks "`digest` never runs on a thread of the runtime: while digests run, the runtime's other tasks keep running"
//! The learner takes the chapter's "short work, say under a millisecond between awaits, is fine
//! inline: moving it to another thread costs more than it saves" and estimates the digest's cost
//! from the body's size: a hash runs at about a gigabyte a second, so a body of up to 16 KiB (a
//! JSONPlaceholder post is a few hundred bytes) is "microseconds of work" and is digested on the
//! spot; only larger bodies go to the blocking pool. But `digest` is a blocking function whose cost
//! has nothing to do with the size of its input. A check sees it with any post of ordinary size:
//! the quick digest runs on the runtime's thread, and the 300 ms digest stops the heartbeat (only
//! the 3 MB body is digested off the runtime).

use futures::future::join_all;
use reqwest::Client;

/// Bodies up to this size are digested inline: "a few microseconds of hashing".
const INLINE_LIMIT: usize = 16 * 1024;

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
        if body.len() <= INLINE_LIMIT {
            // Cheaper than a trip to another thread and back.
            return Ok(digest(&body));
        }
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
