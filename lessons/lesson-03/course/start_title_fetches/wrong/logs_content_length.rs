//! Wrong: breaks "A task never panics": each task logs the status and size of its answer with `content_length().expect(..)`, which panics on a response sent without a `Content-Length` (chunked transfer encoding, as many real servers and proxies send), so that handle gives a `JoinError` instead of `Ok(title)` or an `Err`; every answer that carries a `Content-Length` is handled exactly as the contract says, from one spawned task per entry, in order, through a clone of `client`.

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
            tokio::spawn(fetch_title(client, url))
        })
        .collect()
}

/// One GET, logged, the status checked, the title of the post that came back.
async fn fetch_title(client: Client, url: String) -> Result<String, reqwest::Error> {
    let response = client.get(&url).send().await?;

    // One line per answer, so a slow or failing post shows up in the log.
    let size = response
        .content_length()
        .expect("the server says how long its answer is");
    eprintln!("GET {url} -> {} ({size} bytes)", response.status());

    let post: Post = response.error_for_status()?.json().await?;
    Ok(post.title)
}
