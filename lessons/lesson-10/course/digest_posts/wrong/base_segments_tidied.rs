//! Wrong: breaks "its URL made by appending to `base_url`, which may end in a path such as `/api` that must be kept"
//! The learner tidies the base's path before adding `posts/{id}`, so that a base written with a
//! doubled or a final slash still gives a clean URL: the segments of the parsed base are read with
//! `path_segments()`, the empty ones dropped, and the rest written back with `path_segments_mut()`,
//! followed by `posts` and the id. It looks like a copy, but `path_segments()` hands the segments
//! out still percent-encoded and `extend` encodes every `%` again: a base such as GitLab's
//! `/api/v4/projects/group%2Frepo` (or `/my%20api`) is asked as `group%252Frepo` (`my%2520api`).
//! Bases whose path has no percent sign, `/api` included, come out exactly as they went in.

use futures::future::join_all;
use reqwest::{Client, Url};

/// `{base_url}/posts/{id}`, with the base's path "cleaned" of empty segments.
fn post_url(base_url: &str, id: u64) -> String {
    let plain = || format!("{base_url}/posts/{id}");
    let Ok(mut url) = Url::parse(base_url) else {
        return plain();
    };
    let kept: Vec<String> = match url.path_segments() {
        Some(segments) => segments
            .filter(|segment| !segment.is_empty())
            .map(str::to_owned)
            .collect(),
        None => return plain(),
    };
    let id = id.to_string();
    match url.path_segments_mut() {
        Ok(mut path) => {
            path.clear().extend(kept.iter()).push("posts").push(&id);
        }
        Err(()) => return plain(),
    }
    url.into()
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|&id| async move {
        let body = client
            .get(post_url(base_url, id))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
