//! Wrong: "one GET `{base_url}/posts/{id}`" is broken: the URL gets a query string, `{base_url}/posts/{id}?fields=title` ("ask only for the field we need", as many APIs allow). Path-based matching on the server ignores the query, so the answer, the title and the counts per path all look right.

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
            // Only the title is needed: ask for just that, servers that know the hint send less.
            let url = format!("{base_url}/posts/{id}?fields=title");
            tokio::spawn(async move {
                let post: Post = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok(post.title)
            })
        })
        .collect()
}
