//! Wrong: breaks "through `client`: a clone of it, which shares the same settings and connections"
//!
//! Each task sends its GET through a clone of `client`, but with
//! `.header(USER_AGENT, "title-fetcher/0.1")`. The learner has read that a polite client names
//! itself (GitHub's API refuses requests without a `User-Agent`) and names the tool. The clone,
//! the pool, the timeouts and every other default header are the caller's, so a check that
//! looks for a mark the client adds as a default header of its own finds it on every request,
//! and every status, body and failure behaves as the reference does. But reqwest adds a
//! client's default headers only where the request has none: the caller's `user_agent(..)`
//! setting is replaced on every request the tasks send.

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::USER_AGENT;
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
                    // Say who is asking, as a polite client does.
                    .header(USER_AGENT, "title-fetcher/0.1")
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok::<String, reqwest::Error>(post.title)
            })
        })
        .collect()
}
