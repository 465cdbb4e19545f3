//! Wrong: breaks "each task ends in `Ok(title)`, the post's title": a title longer than 60 characters is cut to 59 and ends in `…` (the way the lesson's own output shows long titles), so only short titles come back intact.
//! Exercise 4: start fetches that outlive the caller (warm-up: `tokio::spawn` and `'static`).
//!
//! `start_title_fetches` is a plain `fn`, not an `async fn`: it starts one task per post and
//! hands back their handles at once.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// The longest title handed back whole; longer ones are shortened for display.
const MAX_TITLE_CHARS: usize = 60;

fn shorten(title: String) -> String {
    if title.chars().count() <= MAX_TITLE_CHARS {
        return title;
    }
    let mut short: String = title.chars().take(MAX_TITLE_CHARS - 1).collect();
    short.push('…');
    short
}

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
                Ok(shorten(post.title))
            })
        })
        .collect()
}
