//! Wrong: breaks "through `client`: a clone of it, which shares the same settings and connections (not a client of its own, nor a request that asks for its connection to be closed)"
//! Every request carries `Connection: close`, so the server (and hyper) end the connection after
//! each answer and nothing goes back to the shared pool: every task dials a fresh connection.
//! The clone, its default headers and its timeout are all kept, so a check that only looks for
//! the client's mark or counts the requests passes. A learner adds it because the tasks may
//! outlive the caller, and "a connection nobody will reuse should not linger in the pool".

use lesson_support::models::Post;
use reqwest::Client;
use reqwest::header::CONNECTION;
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
                // The task may finish long after the caller is gone: close the connection once
                // the answer is in, instead of leaving an idle socket behind in the pool.
                let post: Post = client
                    .get(url)
                    .header(CONNECTION, "close")
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
