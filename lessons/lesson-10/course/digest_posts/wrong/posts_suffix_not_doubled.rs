//! Wrong: breaks "its URL made by appending to `base_url`, which may end in a path such as `/api` that must be kept"
//! JSONPlaceholder's guide shows `https://jsonplaceholder.typicode.com/posts`, and that is what people paste
//! as the base URL; `/posts/posts/1` is then a 404 for every post. So the learner makes the function forgiving,
//! as it did for a trailing slash in other code: a base that already ends in the `/posts` segment gets no
//! second one. Every other base (`/api`, `/v1.1`, none) is appended to exactly as the contract says.

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    // "https://host/posts" and "https://host" both mean the same collection.
    let collection = base_url.strip_suffix("/posts").unwrap_or(base_url);
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{collection}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
