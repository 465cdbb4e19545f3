//! Wrong: breaks "to `{base_url}/posts/{id}` exactly": it appends `/posts/{id}` to the base URL's parsed path, and a base without a path of its own parses with the path `/`, so `http://host` is asked for `http://host//posts/7` (and `err.url()` says so); a base with a path (`http://host/api/v1`) is kept whole, and the one GET through `client`, the status check and the decoding are right.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    // Let reqwest parse the base URL first (a bad one is then a reqwest error, not a panic),
    // and extend its path rather than gluing whole URLs together: `/api/v1` + `/posts/7`.
    let mut request = client.get(base_url).build()?;
    let path = format!("{}/posts/{id}", request.url().path());
    request.url_mut().set_path(&path);

    // One request through the client we were given; an error status stops before the body.
    client
        .execute(request)
        .await?
        .error_for_status()?
        .json()
        .await
}
