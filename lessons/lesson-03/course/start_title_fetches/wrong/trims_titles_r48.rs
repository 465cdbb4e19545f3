//! Wrong: breaks "each task ends in `Ok(title)`, the title of the post the server sent"
//!
//! Each task returns `post.title.trim()` instead of the title as it came. The learner fetches
//! titles "for display" (the lesson prints them in a column) and trims them as a matter of
//! habit, the way one strips user input in Python. Every task is spawned at once, through a
//! clone of the client, with the status checked before the body and a whole `Post` decoded, so
//! every status, every non-post and every failed connection behaves as the reference does; the
//! mock's titles have no spaces at either end, so its titles come back unchanged. Only a post
//! whose title is `"  hello\n"` shows it: the task gives `"hello"`, a title the server never sent.

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
                // A title is shown to people: no stray whitespace around it.
                Ok::<String, reqwest::Error>(post.title.trim().to_owned())
            })
        })
        .collect()
}
