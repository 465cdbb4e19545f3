//! Wrong: breaks "exactly one GET per call … No retry": like a Python `except aiohttp.ClientConnectionError:` around the request, it sends the GET a second time when no answer came back (a connection refused or dropped), so a server that closed the connection after reading the request receives it twice.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let url = format!("{base_url}/posts/{id}");
    let response = match client.get(&url).send().await {
        Ok(response) => response,
        // No answer at all: a network blip, worth one more try before giving up.
        Err(err) if err.is_connect() || err.is_request() => client.get(&url).send().await?,
        Err(err) => return Err(err),
    };
    response.error_for_status()?.json::<Post>().await
}
