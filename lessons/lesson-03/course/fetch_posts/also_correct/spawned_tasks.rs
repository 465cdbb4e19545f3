//! Also correct: one `tokio::spawn`ed task per id, each with a clone of the client, all awaited
//! together with `join_all` on their handles.

use futures::future::join_all;
use lesson_support::models::Post;
use reqwest::Client;

pub async fn fetch_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<Result<Post, reqwest::Error>> {
    // A spawned task must own what it uses: a clone of the client (an `Arc` inside) and the URL.
    let handles = ids.iter().map(|id| {
        let client = client.clone();
        let url = format!("{base_url}/posts/{id}");
        tokio::spawn(async move {
            client
                .get(url)
                .send()
                .await?
                .error_for_status()?
                .json::<Post>()
                .await
        })
    });
    join_all(handles)
        .await
        .into_iter()
        // A task fails to join only if it panicked: pass the panic on.
        .map(|joined| joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        .collect()
}
