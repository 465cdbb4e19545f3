//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (an id listed twice is asked twice)"
//! The learner was bitten by a JSON API behind a cold cache that sometimes answered `200 OK` with
//! nothing in it: "a server that has nothing to send says 204; a 200 with an empty body is a glitch",
//! so a 200 whose body is empty is asked once more (204, 205 and 304 stay alone). Every named input
//! passes: the checks' 200s all carry a body; only an empty 200 shows the second GET.

use futures::future::join_all;
use reqwest::{Client, StatusCode};

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let url = format!("{base_url}/posts/{id}");
        let response = client.get(&url).send().await?.error_for_status()?;
        let status = response.status();
        let mut body = response.bytes().await?;
        // A 200 that says nothing is not an answer, it is a hiccup: ask once more. (A 204 or a
        // 304 is empty on purpose and stays as it is.)
        if status == StatusCode::OK && body.is_empty() {
            body = client
                .get(&url)
                .send()
                .await?
                .error_for_status()?
                .bytes()
                .await?;
        }
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
