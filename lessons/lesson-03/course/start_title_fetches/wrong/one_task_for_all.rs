//! Wrong: one task fetches every post in turn and hands each title to a small task of its own
//! through a channel, so the handles are right but the requests go one after another.

use lesson_support::models::Post;
use reqwest::Client;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    let client = client.clone();
    let mut senders = Vec::new();
    let mut handles = Vec::new();
    for _ in ids {
        let (send, receive) = oneshot::channel::<Result<String, reqwest::Error>>();
        senders.push(send);
        handles.push(tokio::spawn(async move {
            receive.await.expect("the fetching task sends every result")
        }));
    }
    let urls: Vec<String> = ids
        .iter()
        .map(|id| format!("{base_url}/posts/{id}"))
        .collect();
    tokio::spawn(async move {
        for (url, send) in urls.into_iter().zip(senders) {
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
            let _ = send.send(result);
        }
    });
    handles
}
