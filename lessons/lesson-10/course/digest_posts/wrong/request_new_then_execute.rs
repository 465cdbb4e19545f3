//! Wrong: breaks "its URL made by appending to `base_url`, which may end in a path such as `/api`
//! that must be kept, through `client`" (a base with a user and a password must keep them)
//! The learner uses the lower level the builder ends in: each URL parsed into a `reqwest::Url`,
//! made into `reqwest::Request::new(Method::GET, url)` and sent with `Client::execute`, "no
//! builder per request, and a bad URL fails before anything is sent". But it is
//! `RequestBuilder` (`client.get(..)`, and `build()`) that takes `user:password@` out of the URL
//! and turns it into a Basic `Authorization` header; `Request::new` skips that, and the
//! credentials, left in the URL, never reach the server (only the path goes on the wire).

use futures::future::join_all;
use reqwest::{Client, Method, Request, Url};

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let text = format!("{base_url}/posts/{id}");
        let request = match Url::parse(&text) {
            Ok(url) => Request::new(Method::GET, url),
            // Let reqwest word the error of a URL it cannot use.
            Err(_) => client.get(text.as_str()).build()?,
        };
        let body = client
            .execute(request)
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
