//! Correct, written another way: it spawns the tasks from the last entry of `ids` to the first and then reverses the `Vec` of handles, so the requests may start in the opposite order, but every task is started before the function returns and the handles come back in the order of `ids`.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// One task's work: GET the post and keep its title.
async fn fetch_title(client: Client, url: String) -> Result<String, reqwest::Error> {
    let post: Post = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    Ok(post.title)
}

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    let mut handles: Vec<JoinHandle<Result<String, reqwest::Error>>> = ids
        .iter()
        .rev()
        .map(|&id| {
            tokio::spawn(fetch_title(
                client.clone(),
                format!("{base_url}/posts/{id}"),
            ))
        })
        .collect();
    // Started last-to-first; put the handles back in the order of `ids`.
    handles.reverse();
    handles
}
