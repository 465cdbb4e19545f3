//! Wrong: breaks "a successful answer's body, exactly as it arrived (...), goes to `digest` once,
//! as soon as that body is in" (and "`Err(err)` when the request failed (... a failed
//! connection), and then `digest` is not called") for a body that arrives in more than one piece:
//! a chunked answer, or a large one. The learner reads the body with `Response::chunk()` and
//! starts `digest` on the blocking pool on the *first* piece at once, "so that the digest is
//! already underway while the rest arrives; most posts come in one piece, and then the result is
//! ready the moment the body ends". When more pieces follow, the early digest (of a prefix of the
//! body) is left to finish on its own, since a blocking task cannot be stopped, and the whole body
//! is digested again: `digest` is called twice for that post, once with bytes that are not the
//! body. If the connection breaks after the first piece, the post is rightly an `Err`, but
//! `digest` has already been called with part of a failed answer. For a body that arrives in
//! one piece (small answers sent with their head) everything is as it should be, which is what
//! the learner tried.

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|&id| async move {
        let mut response = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?;
        let Some(first) = response.chunk().await? else {
            // An empty body: nothing will follow.
            return Ok::<u64, reqwest::Error>(on_pool(Vec::<u8>::new(), digest).await);
        };
        // Start on the first piece right away: if it is the whole body, its digest is already
        // running while we make sure nothing follows.
        let early_body = first.clone();
        let early = tokio::task::spawn_blocking(move || digest(&early_body));
        let mut rest = Vec::new();
        while let Some(chunk) = response.chunk().await? {
            rest.push(chunk);
        }
        if rest.is_empty() {
            let digested = early.await;
            return Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())));
        }
        // More came after all: the early digest was of a part. It finishes on its own (a
        // blocking task cannot be cancelled); the whole body is digested instead.
        drop(early);
        let total = first.len() + rest.iter().map(|chunk| chunk.len()).sum::<usize>();
        let mut whole = Vec::with_capacity(total);
        whole.extend_from_slice(&first);
        for chunk in &rest {
            whole.extend_from_slice(chunk);
        }
        Ok(on_pool(whole, digest).await)
    });
    join_all(each).await
}

/// Runs `digest` over `body` on tokio's blocking pool and waits for it without blocking.
async fn on_pool<B>(body: B, digest: fn(&[u8]) -> u64) -> u64
where
    B: AsRef<[u8]> + Send + 'static,
{
    let digested = tokio::task::spawn_blocking(move || digest(body.as_ref())).await;
    digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()))
}
