//! Wrong: spawns a task per id but awaits each handle before spawning the next: one at a time.

use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    let mut results = Vec::new();
    for &id in ids {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        let handle = tokio::spawn(async move {
            client
                .get(url)
                .send()
                .await?
                .error_for_status()?
                .json::<Post>()
                .await
        });
        results.push(handle.await.unwrap());
    }
    results
}
