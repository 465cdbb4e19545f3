//! Wrong: breaks "A task never panics, and never retries": when the post in the body is not the one asked for (its `id` differs), the task sends the same GET a second time and ends with whatever that second answer gives, so a server answering post 8 for `/posts/7` gets two requests; the title it returns is still the server's (post 8's, when the server answers the same way twice), and matching ids, error statuses, bad bodies, spawning and the client clone are right.

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
            tokio::spawn(fetch_title(client, url, id))
        })
        .collect()
}

/// One task's work: the title of post `id`.
async fn fetch_title(client: Client, url: String, id: u64) -> Result<String, reqwest::Error> {
    let post = get_post(&client, &url).await?;
    if post.id == id {
        return Ok(post.title);
    }
    // The server answered with another post than the one asked for: a cache or load balancer in
    // front of it mixing up two requests. Ask once more, and take whatever comes back this time.
    let again = get_post(&client, &url).await?;
    Ok(again.title)
}

/// One GET of a post: an error status or a body that is not a post is an `Err`.
async fn get_post(client: &Client, url: &str) -> Result<Post, reqwest::Error> {
    client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await
}
