//! Wrong: breaks "a slow answer is waited for, with no time limit of your own (the client's timeouts, set by whoever built it, are the limit)"
//! When `send()` fails with a timeout or a connect error, it sends the same GET once more
//! before giving up. A request the client's timeout cut off is thus asked twice (two GETs for
//! one id, against "one GET per entry of `ids`"), and the call takes up to twice the client's
//! limit before it reports the `Err`. A learner writes it to be "robust against a flaky
//! network": only transport errors are retried, never a status or a broken body, so every
//! answer that comes in time is handled exactly as asked, and a server that is simply down
//! still ends in an `Err` (just a little later).

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
        let url = format!("{base_url}/posts/{id}");
        let response = match client.get(&url).send().await {
            // A transient network problem: give the server one more chance.
            Err(err) if err.is_timeout() || err.is_connect() => client.get(&url).send().await?,
            other => other?,
        };
        let body = response.error_for_status()?.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
