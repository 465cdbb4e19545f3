//! Wrong: breaks "exactly one GET per call, to `{base_url}/posts/{id}` exactly": the URL is built by a helper that takes the id as an `i64` (`id as i64`), so an id above `i64::MAX` (`u64::MAX`, say) is asked for as a negative number (`/posts/-1`) and its errors name that URL; every id up to `i64::MAX`, the status check, the decoding and the error handling are right.

use lesson_support::models::Post;
use reqwest::Client;

/// The URL of one post.
///
/// Everywhere else in my code ids are `i64` (they come from a Postgres `BIGINT` column), so this
/// helper takes the same type and is shared with that code.
fn post_url(base_url: &str, id: i64) -> String {
    format!("{base_url}/posts/{id}")
}

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    // Post ids are small positive numbers, so handing the helper an `i64` loses nothing.
    let url = post_url(base_url, id as i64);
    client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await
}
