//! Wrong: breaks "the result, in the order of `ids`: `Ok(digest(body))`" for a `digest` that returns `u64::MAX` (a saturated count, an all-ones hash)
//! Each digest runs on a `std::thread` of its own and publishes its value on a
//! `tokio::sync::watch` channel that the task awaits. A `u64` has no "not yet", so the channel
//! starts at `u64::MAX` as the Go or C habit of a sentinel would have it, and the task waits for
//! any other value. Every digest but one is fine; a digest whose value *is* `u64::MAX` is never
//! seen: the thread sends it and goes, the wait ends with the channel closed, and the task
//! panics instead of returning `Ok(u64::MAX)`.

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::watch;

/// The value a digest's channel holds until the digest is done.
const PENDING: u64 = u64::MAX;

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
        let (done, mut value) = watch::channel(PENDING);
        std::thread::spawn(move || {
            let _ = done.send(digest(&body));
        });
        let digested = *value
            .wait_for(|&digested| digested != PENDING)
            .await
            .expect("the digest thread sends its value before it ends");
        Ok(digested)
    });
    join_all(each).await
}
