//! Wrong: breaks "a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again), goes to `digest`"
//! A JSONPlaceholder post has a field named `body`, the text of the post, and the course already
//! has the type for it: the learner reads each answer as a `lesson_support::models::Post` (`await
//! resp.json()` and `post["body"]` in Python) and digests that field, "the post's body". The
//! requests are right (all at once, on the runtime, error statuses as `Err`) and the digest runs on
//! the blocking pool; but what is digested is not the answer's bytes, and an answer that is not a
//! post (a 300 page, an ISO-8859-1 text) becomes a decode `Err` instead of `Ok`.

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let post: Post = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .json()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(post.body.as_bytes())).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
