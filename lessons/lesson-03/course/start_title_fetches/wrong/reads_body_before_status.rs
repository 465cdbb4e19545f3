//! Wrong: breaks "an error status (the error then carries it)": it decodes the body before it acts on the status, so an error status whose body is not a post (`{}`, HTML, empty) ends as a decode error with no status; an error status whose body is a post still gives the status error, and the tasks, URL, client clone, titles and other errors are right.

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
            // Each task owns what it uses: its own handle on the shared client, its own URL.
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            tokio::spawn(async move {
                let response = client.get(url).send().await?;
                // Note the verdict on the status, but read the body to its end first, as Go
                // teaches (drain `resp.Body` before you return): a half-read response cannot
                // hand its connection back to the pool for the other tasks.
                let status = response.error_for_status_ref().map(|_| ());
                let post: Post = response.json().await?;
                status?;
                Ok(post.title)
            })
        })
        .collect()
}
