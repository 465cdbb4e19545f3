//! Wrong: breaks "no panic: `digest` itself never panics"
//! It builds each URL with `reqwest::Url` and `path_segments_mut()` (so that a base path such
//! as `/api` is kept, unlike `Url::join`), and `.expect()`s both the parse and the
//! path segments. A `base_url` that does not parse (or a cannot-be-a-base URL such as
//! `mailto:x`) then panics inside the function, where `client.get(format!(..)).send()` would
//! have returned an `Err` for every id. A learner writes it after learning that `Url::join`
//! drops the base path: the "proper" URL API, with an `expect` because "the base URL is
//! always valid". Every valid base URL, with or without a path or a trailing slash, works.

use futures::future::join_all;
use reqwest::{Client, Url};

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let base = Url::parse(base_url).expect("base_url is a valid URL");
    let each = ids.iter().map(|id| {
        let mut url = base.clone();
        url.path_segments_mut()
            .expect("base_url can have a path")
            .pop_if_empty()
            .push("posts")
            .push(&id.to_string());
        async move {
            let body = client
                .get(url)
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?;
            let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
            Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        }
    });
    join_all(each).await
}
