//! Wrong: breaks "an error status, any 4xx or 5xx (the error then carries it)"
//! Each task notes the status with `error_for_status_ref`, then decodes the body anyway and only
//! afterwards returns the status error. The learner read the body first "so that the connection
//! is drained and goes back to the pool the tasks share" and kept the status check for last.
//! With an error status whose body is a post (a 404 or 503 carrying a post) the result is the
//! status error, as it should be; but with an error status whose body is not a post (the mock's
//! own `404 {}` for a post that does not exist, a `500 {}`), the decode error comes out first,
//! and the task's `Err` carries no status (`err.status()` is `None`, `is_decode()` is true).

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
                let response = client.get(url).send().await?;
                // Remember whether the status was an error, but read the body in every case:
                // a response left unread cannot hand its connection back to the shared pool.
                let status = response.error_for_status_ref().map(|_| ());
                let post: Post = response.json().await?;
                status?;
                Ok::<String, reqwest::Error>(post.title)
            })
        })
        .collect()
}
