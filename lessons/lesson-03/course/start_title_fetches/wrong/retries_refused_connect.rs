//! Wrong: breaks "A task never panics, and never retries."
//! When `send` fails with a connect error (`err.is_connect()`: refused, unreachable, connect
//! timeout), the task sends the same GET once more. The learner's reasoning: a request that
//! could not even connect never reached the server, so trying again is harmless. Nothing changes
//! for any answer the server gives (statuses, bodies, a connection dropped after it was
//! accepted is not a connect error), so a server-side request count sees one request per id;
//! only the client side shows a second connection attempt, and a connect timeout costs twice
//! the client's connect timeout before the task ends in `Err`.

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
                let response = match client.get(&url).send().await {
                    // Not connected means not sent: the server saw nothing, so one more try
                    // cannot do anything twice.
                    Err(err) if err.is_connect() => client.get(&url).send().await?,
                    other => other?,
                };
                let post: Post = response.error_for_status()?.json().await?;
                Ok::<String, reqwest::Error>(post.title)
            })
        })
        .collect()
}
