//! Wrong: chains the tasks, each awaiting the previous one's handle before sending its own
//! request, "so that they finish in order": the requests go one after another.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::task::JoinHandle;

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    let mut handles = Vec::new();
    let mut previous: Option<tokio::sync::watch::Receiver<bool>> = None;
    for &id in ids {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        let (done, done_rx) = tokio::sync::watch::channel(false);
        let wait_for = previous.replace(done_rx);
        handles.push(tokio::spawn(async move {
            if let Some(mut before) = wait_for {
                let _ = before.wait_for(|finished| *finished).await;
            }
            let result = async {
                let post: Post = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok(post.title)
            }
            .await;
            let _ = done.send(true);
            result
        }));
    }
    handles
}
