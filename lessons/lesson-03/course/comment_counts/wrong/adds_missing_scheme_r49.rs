//! Wrong: breaks "a `base_url` that is no URL (`127.0.0.1:3000`, its scheme left out and none added by you)"
//! A `base_url` without `://` gets `http://` put in front of it before the path is appended,
//! "as curl and a browser's address bar do". The learner met `RelativeUrlWithoutBase` once
//! while trying the lesson with `--base-url 127.0.0.1:3000` and made the function forgiving.
//! Every real URL (with a path such as `/api` or not) is left exactly as given, so all the
//! ordinary checks pass; only a scheme-less base URL shows it: instead of a builder error and
//! no request, a request goes out (and, if something listens there, comes back `Ok`).

use futures::future::join_all;
use lesson_support::models::Comment;
use reqwest::Client;

async fn count_comments(client: &Client, base_url: &str, id: u64) -> Result<usize, reqwest::Error> {
    let comments: Vec<Comment> = client
        .get(format!("{base_url}/posts/{id}/comments"))
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(comments.len())
}

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    // `127.0.0.1:3000` is what people type; reqwest wants `http://127.0.0.1:3000`.
    let base_url = if base_url.contains("://") {
        base_url.to_owned()
    } else {
        format!("http://{base_url}")
    };
    let base_url = base_url.as_str();
    let requests = ids
        .iter()
        .map(|&id| async move { (id, count_comments(client, base_url, id).await) });
    join_all(requests).await
}
