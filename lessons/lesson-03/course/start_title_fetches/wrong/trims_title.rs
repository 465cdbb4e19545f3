//! Wrong: breaks "each task ends in `Ok(title)`, the title of the post the server sent": it trims the title, so `"  qui est esse\n"` comes back as `"qui est esse"`; the tasks (spawned at once, in order, one per entry), the URL, the client clone, the status and decode errors are all right.

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
            // Each task owns what it uses: its own handle on the shared client, its own URL.
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
                // The titles end up in a list on screen: no stray spaces or newlines around them.
                Ok(post.title.trim().to_owned())
            })
        })
        .collect()
}
