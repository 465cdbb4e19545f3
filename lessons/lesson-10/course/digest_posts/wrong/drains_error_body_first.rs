//! Wrong: breaks "`Err(err)` when the request failed (an error status, any 4xx or 5xx: the error then carries it; a failed connection)"
//! The learner decides whether the answer is an error (`error_for_status_ref`) but reads its
//! body in every case before returning, "so that the connection goes back to the pool instead of
//! being closed with an unread body". For the usual error answers (a 404, 429 or 503 with a
//! small `{}` body) nothing shows: the body is read, thrown away, and the status error comes back.
//! But the body read comes first, with `?`: an error status whose body breaks off (the server
//! closes the connection mid-body, a `Content-Length` longer than what is sent) returns the body
//! error instead, an `Err` whose `status()` is `None`, so the error no longer carries the 4xx or
//! 5xx the server answered; and an error answer whose body never ends keeps the result waiting
//! for a body nobody uses. `digest` is still never called on an error, which is what a casual
//! check looks at.

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
        let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
        // Note whether the answer is an error now (the status, its reason, the URL), then read
        // the body either way: a connection whose body is left unread cannot be reused.
        let status_error = response.error_for_status_ref().err();
        let body = response.bytes().await?;
        if let Some(err) = status_error {
            return Err(err);
        }
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
