//! Wrong: each task must end in its own `Ok(title)` or `Err(err)`; here, as in an asyncio `TaskGroup`, the first task whose request fails aborts all its siblings, so a post still in flight ends in a cancelled `JoinError` (its request dropped) instead of its title.

use std::sync::{Arc, OnceLock};

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::{AbortHandle, JoinHandle};

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    // The batch is all or nothing: once one fetch fails, stop wasting requests on the others.
    let group: Arc<OnceLock<Vec<AbortHandle>>> = Arc::new(OnceLock::new());
    let handles: Vec<_> = ids
        .iter()
        .enumerate()
        .map(|(me, &id)| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            let group = Arc::clone(&group);
            tokio::spawn(async move {
                let title = fetch_title(&client, url).await;
                if let (Err(_), Some(siblings)) = (&title, group.get()) {
                    for (other, sibling) in siblings.iter().enumerate() {
                        if other != me {
                            sibling.abort();
                        }
                    }
                }
                title
            })
        })
        .collect();
    let _ = group.set(handles.iter().map(JoinHandle::abort_handle).collect());
    handles
}

async fn fetch_title(client: &Client, url: String) -> Result<String, reqwest::Error> {
    let post: Post = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(post.title)
}
