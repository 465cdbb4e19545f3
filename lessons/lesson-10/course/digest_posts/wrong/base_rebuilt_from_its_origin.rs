//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (...) its URL made by appending to `base_url`"
//! The learner normalises the base once, the way `urllib.parse.urlsplit` code does: parse it, keep
//! its origin (`scheme://host:port`) and its path without a final slash, so that "a trailing slash,
//! a stray `?query` or `#fragment` cannot end up in the middle of the URL", and append
//! `/posts/{id}` to that. A base path such as `/api` is kept, and a base that does not parse is
//! used as it is. But an origin carries no user info: a base such as `http://user:token@host/api`
//! loses its credentials, which reqwest would have sent as `Authorization: Basic ...`, so the
//! server is asked without them (and answers 401 where it should have served the post).

use futures::future::join_all;
use reqwest::Client;

/// `{origin}{path without its final slash}/posts`, or the base as it is when it does not parse.
fn posts_prefix(base_url: &str) -> String {
    match reqwest::Url::parse(base_url) {
        Ok(base) if base.origin().is_tuple() => {
            let path = base.path().trim_end_matches('/');
            format!("{}{path}/posts", base.origin().ascii_serialization())
        }
        _ => format!("{base_url}/posts"),
    }
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let prefix = posts_prefix(base_url);
    let prefix = prefix.as_str();
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{prefix}/{id}"))
            .send()
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
