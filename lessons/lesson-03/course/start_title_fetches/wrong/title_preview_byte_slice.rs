//! Wrong: breaks "A task never panics": each task logs the start of the title it fetched, cut to 40 bytes the way a Python developer writes `title[:40]`, with the length guarded (`min`) so short titles are safe; but `&str` slicing counts bytes, not characters, so a title longer than 40 bytes with a multi-byte character (`é`, `—`, an emoji) across byte 40 panics the task, and its handle gives a `JoinError` instead of `Ok(title)`.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// How much of a title the progress line shows.
const PREVIEW: usize = 40;

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
                // A progress line per task, the title cut like the lesson's timeline cuts it.
                let preview = &post.title[..post.title.len().min(PREVIEW)];
                eprintln!("post {id}: {preview}");
                Ok(post.title)
            })
        })
        .collect()
}
