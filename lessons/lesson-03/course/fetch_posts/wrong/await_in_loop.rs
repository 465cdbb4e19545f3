//! Wrong: correct results, but each request waits for the previous answer.

use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    let mut results = Vec::new();
    for id in ids {
        let result = async {
            client
                .get(format!("{base_url}/posts/{id}"))
                .send()
                .await?
                .error_for_status()?
                .json::<Post>()
                .await
        };
        results.push(result.await);
    }
    results
}
