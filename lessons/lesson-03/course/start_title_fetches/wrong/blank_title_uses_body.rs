//! Wrong: the "`Ok(title)`, the title of the post the server sent" clause: a post whose title is
//! empty or blank gives the first line of its body instead.

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
                // A post with no title would show as an empty line: use the start of its body,
                // as the blog's front page does.
                if post.title.trim().is_empty() {
                    Ok(post.body.lines().next().unwrap_or_default().to_string())
                } else {
                    Ok(post.title)
                }
            })
        })
        .collect()
}
