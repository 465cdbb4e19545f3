//! Wrong: builds each URL with `Url::join("/posts/{id}/comments")`, whose leading `/` replaces
//! the path of a base URL such as `http://host/api`.

use futures::future::join_all;
use lesson_support::models::Comment;
use reqwest::{Client, Url};

/// Counts the comments of each post in `ids`, all at once: `(id, count)` in the order of `ids`.
pub async fn comment_counts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<(u64, Result<usize, reqwest::Error>)> {
    let requests = ids.iter().map(|&id| async move {
        let count = async {
            let url = Url::parse(base_url)
                .and_then(|base| base.join(&format!("/posts/{id}/comments")))
                .map_or_else(|_| format!("{base_url}/posts/{id}/comments"), String::from);
            let comments: Vec<Comment> = client
                .get(url)
                .send()
                .await?
                .error_for_status()?
                .json()
                .await?;
            Ok::<_, reqwest::Error>(comments.len())
        };
        (id, count.await)
    });
    join_all(requests).await
}
