//! Wrong: breaks "every error status (4xx or 5xx) is an `Err` carrying that status": only 4xx is checked, so a 500/502/503 body is decoded as a post and fails as a decode error with no status (or succeeds if the body looks like a post).

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let response = client.get(format!("{base_url}/posts/{id}")).send().await?;

    // A 4xx means we asked for something that is not there (a missing post, a bad id):
    // report it with its status, like `raise_for_status()`.
    if response.status().is_client_error() {
        response.error_for_status_ref()?;
    }

    response.json::<Post>().await
}
