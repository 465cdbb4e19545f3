//! Wrong: breaks "`base_url` has no trailing `/` and may have a path of its own (`http://host/api/v1`): keep it whole": it lower-cases the base URL to "normalise" it, harmless for the scheme and host but not for the path, so `http://host/API/v1` or `http://host/Tenant7` is asked as `/api/v1/posts/7` or `/tenant7/posts/7` (and a connection error names that URL); with an all-lowercase base, the one GET, the status check and the decoding are exactly right.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    // One spelling for the base URL: `HTTP://LocalHost:3000` and `http://localhost:3000` are the
    // same server, so build every URL from the normalised form.
    let base = base_url.trim().trim_end_matches('/').to_lowercase();

    client
        .get(format!("{base}/posts/{id}"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await
}
