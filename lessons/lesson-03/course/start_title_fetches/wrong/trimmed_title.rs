//! Wrong: "each task ends in `Ok(title)`, the post's title" is broken: the title is `.trim()`med (Python's habitual `.strip()`), so a title with leading or trailing whitespace comes back changed. Titles in test data rarely have any.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    ids.iter()
        .map(|&id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let post: Post = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                // Titles are for display: no stray spaces or newlines.
                Ok(post.title.trim().to_owned())
            })
        })
        .collect()
}
