//! Wrong: breaks "each task ends in `Ok(title)`, the title of the post the server sent (whatever its `id`)": before returning it, the task drops every control character from the title (`char::is_control`: newlines, tabs, carriage returns, escape), so a title such as `"first\nsecond"` or `"\tindented"` comes back changed; titles made of printable characters (spaces kept, nothing trimmed), the errors, the spawning and the requests are right.

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

/// One task's work: the title of the post at `url`.
async fn fetch_title(client: Client, url: String) -> Result<String, reqwest::Error> {
    let post: Post = client
        .get(url)
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    // The title comes from a server I do not control and ends up on a terminal, one per line:
    // keep only printable characters, so an escape sequence or a stray newline in it cannot
    // garble the output (terminal injection). Spaces are printable and stay as they are.
    Ok(post.title.chars().filter(|c| !c.is_control()).collect())
}
