//! Wrong: breaks "a body that is not a post": it decodes into its own `{ title, body }` struct, reasoning that albums, photos and to-dos have titles too and that a `body` is what makes a post, and that `id` and `userId` are not needed (the title is wanted "whatever its id"); an object with a title and a body but no `id` or no `userId` is not a post, yet its title comes back as `Ok`.

use reqwest::Client;
use serde::Deserialize;
use tokio::task::JoinHandle;

/// What tells a post from the API's other resources: a title *and* a body (albums, photos and
/// to-dos have a title but no body; comments have a body but a `name`, not a title).
#[derive(Deserialize)]
struct PostText {
    title: String,
    #[allow(dead_code)] // required for the shape, not used
    body: String,
}

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
                let post: PostText = client
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
