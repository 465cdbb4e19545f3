//! Wrong: breaks "never a panic"
//! Only a 2xx is decoded; anything else goes through `error_for_status()` and the learner
//! `expect_err`s it, believing "not a success" and "an error status" are the same thing. They
//! are not: `error_for_status` only fails on 4xx and 5xx, so a 3xx that reqwest does not follow
//! (a 300, a 304, a 302 without `Location`) or a 6xx status comes back `Ok` and the
//! `expect_err` panics, where the contract wants an `Err` (the body `{}` is no post). Every
//! 4xx/5xx and every 200 behave exactly like the reference, so status tests pass.

use lesson_support::models::Post;
use reqwest::Client;

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let response = client.get(format!("{base_url}/posts/{id}")).send().await?;

    // Decode only a success; any other status becomes the error that carries it.
    if !response.status().is_success() {
        return Err(response
            .error_for_status()
            .expect_err("a status other than 2xx is an error status"));
    }

    response.json::<Post>().await
}
