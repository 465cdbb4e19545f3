//! Wrong: breaks "one task per entry of `ids` (`tokio::spawn`)": it runs one `async move` block
//! per entry with `join_all`, the way the chapter's `titles_concurrently` does, inside the
//! caller's task, and spawns nothing. Everything a server can see is the same: every request in
//! flight at once, titles in the order of `ids`, the first failure in the order of `ids`.

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

/// Fetches every title in tasks of their own: all of them in the order of `ids`, or the first
/// entry's failure.
pub async fn titles_in_tasks(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Result<Vec<String>, reqwest::Error> {
    let fetches = ids.iter().map(|id| {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        async move {
            let post: Post = client
                .get(url)
                .send()
                .await?
                .error_for_status()?
                .json()
                .await?;
            Ok::<_, reqwest::Error>(post.title)
        }
    });
    // `join_all` keeps the order of `ids`; collecting stops at the first `Err` in that order.
    join_all(fetches).await.into_iter().collect()
}
