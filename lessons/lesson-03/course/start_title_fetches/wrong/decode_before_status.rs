//! Wrong: "an error status (the error then carries it)" is broken when the error's body is not a post: the body is decoded *before* the status is looked at (aiohttp's `data = await resp.json(); resp.raise_for_status()`), so a 503 with an HTML or `{}` body ends in the decode error, whose `status()` is `None`. A 404 or 503 whose body *is* a post still gives the status error.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    ids.iter()
        .map(|&id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let response = client.get(url).send().await?;
                // Note the status, read the body, then complain about the status if there is
                // anything to complain about.
                let status = response.error_for_status_ref().map(|_| ());
                let post: Post = response.json().await?;
                status?;
                Ok(post.title)
            })
        })
        .collect()
}
