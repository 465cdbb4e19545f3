//! Also correct: each request built first, then sent with `client.execute`; the outcome matched
//! step by step instead of with `?`.

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::{Client, Method};

async fn fetch_one(client: &Client, url: String) -> Result<Post, reqwest::Error> {
    let request = match client.request(Method::GET, url).build() {
        Ok(request) => request,
        Err(err) => return Err(err),
    };
    match client.execute(request).await {
        Ok(response) => match response.error_for_status() {
            Ok(response) => response.json::<Post>().await,
            Err(err) => Err(err),
        },
        Err(err) => Err(err),
    }
}

pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    let base = base_url.trim_end_matches('/');
    join_all(
        ids.iter()
            .map(|id| fetch_one(client, format!("{base}/posts/{id}"))),
    )
    .await
}
