//! Wrong: breaks "one GET ... through `client`" (and with it "the client's timeouts, set by whoever built it, are the limit")
//! The learner spawns a task per post, as the lesson's `batch` does, and fights `tokio::spawn`'s
//! `'static` bound on `&Client` the way a popular forum answer does: the client goes into a `static
//! OnceLock`, "one Client per application, like one `aiohttp.ClientSession`" (the shared crate's
//! own advice). The first call's client is kept for good: every later call, whatever client it is
//! handed (another resolver, other timeouts, other default headers), sends its requests through the
//! first one. A single call, or every call with the same client, is right.

use std::sync::OnceLock;

use futures::future::join_all;
use reqwest::Client;

/// The application's one client, shared by every task this module spawns.
static CLIENT: OnceLock<Client> = OnceLock::new();

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let shared: &'static Client = CLIENT.get_or_init(|| client.clone());

    let tasks: Vec<_> = ids
        .iter()
        .map(|&id| {
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let body = shared
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .bytes()
                    .await?;
                let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
                Ok::<u64, reqwest::Error>(
                    digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
                )
            })
        })
        .collect();

    join_all(tasks)
        .await
        .into_iter()
        .map(|joined| joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        .collect()
}
