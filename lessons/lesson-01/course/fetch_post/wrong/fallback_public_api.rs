//! Wrong: breaks "a server that cannot be reached is an `Err`" and "exactly one GET, to `{base_url}/posts/{id}`": when `base_url` refuses the connection it falls back to the public JSONPlaceholder, so with internet access an unreachable server gives `Ok(post)` from another host; offline (a sandboxed test run) the fallback fails too and the `Err` hides the mistake.

use lesson_support::models::Post;
use reqwest::Client;

/// The real API that the course's mock imitates.
const PUBLIC_API: &str = "https://jsonplaceholder.typicode.com";

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let response = match client.get(format!("{base_url}/posts/{id}")).send().await {
        Ok(response) => response,
        // The local mock is not running: the public API has the same posts.
        Err(err) if err.is_connect() && base_url != PUBLIC_API => {
            client
                .get(format!("{PUBLIC_API}/posts/{id}"))
                .send()
                .await?
        }
        Err(err) => return Err(err),
    };

    response.error_for_status()?.json::<Post>().await
}
