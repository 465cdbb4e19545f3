//! Correct: the fix for `digest_pending_sentinel_u64_max`: each digest still runs on a `std::thread` of its own and publishes its value on a `tokio::sync::watch` channel, but the channel holds an `Option<u64>` that starts at `None`, so every value a digest can return, `u64::MAX` and 0 included, is an answer
//! The task awaits `wait_for(Option::is_some)`, which checks the last value even after the
//! thread has sent it and gone (the closed channel is only an error if no value ever came, which
//! would mean the digest panicked: that is passed on as a panic, as a direct call would).

use futures::future::join_all;
use reqwest::Client;
use tokio::sync::watch;

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
        let (done, mut value) = watch::channel(None);
        std::thread::spawn(move || {
            let _ = done.send(Some(digest(&body)));
        });
        let published = *value
            .wait_for(Option::is_some)
            .await
            .expect("the digest thread sends its value before it ends");
        Ok(published.expect("wait_for only returns a value it accepted"))
    });
    join_all(each).await
}
