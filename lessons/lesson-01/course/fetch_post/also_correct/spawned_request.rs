//! Correct: the whole request runs in a spawned task on a clone of `client` (same pool, same settings), and the function awaits its `JoinHandle`, passing on a panic that cannot happen; still one GET, the same URL and the same errors.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let client = client.clone();
    let url = format!("{base_url}/posts/{id}");
    let task = tokio::spawn(async move {
        client
            .get(url)
            .send()
            .await?
            .error_for_status()?
            .json::<Post>()
            .await
    });
    match task.await {
        Ok(result) => result,
        // The task is never aborted and nothing in it panics; if it did, the panic carries on
        // here as if the code had run in place.
        Err(join_error) => std::panic::resume_unwind(join_error.into_panic()),
    }
}
