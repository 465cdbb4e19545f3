//! Wrong: breaks "its URL made by appending to `base_url`"
//! The learner tried the function with `"localhost:3000"`, got reqwest's "URL scheme is not
//! allowed", and made it forgiving the way curl and httpie are: a base that does not start with
//! `http://` or `https://` gets `http://` in front. The test is a plain `starts_with`, so a base
//! whose scheme is written in capitals (`HTTP://127.0.0.1:3000/api`, which RFC 3986 says is the
//! same scheme, and which reqwest accepts) gets a second scheme: `http://HTTP://127.0.0.1:3000/..`
//! asks a host named `http` on port 80, and the post is an `Err` the server never saw.

use std::borrow::Cow;

use futures::future::join_all;
use reqwest::Client;

/// The base with a scheme: `localhost:3000` means `http://localhost:3000`.
fn with_scheme(base_url: &str) -> Cow<'_, str> {
    if base_url.starts_with("http://") || base_url.starts_with("https://") {
        Cow::Borrowed(base_url)
    } else {
        Cow::Owned(format!("http://{base_url}"))
    }
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let base = with_scheme(base_url);
    let base: &str = &base;
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body))
            .await
            .unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic()));
        Ok(digested)
    });
    join_all(each).await
}
