//! Wrong: breaks "any other status (a 3xx the client does not follow, say a 300) is an answer like a 200"
//! reqwest follows 301, 302, 303, 307 and 308 by itself and hands back any other 3xx. The
//! learner finishes the job: a 3xx that came back with a `Location` (a 300 Multiple Choices
//! naming the server's preferred choice, say) is asked once more at that address, "so that every
//! post gets its real body", and the second answer is the one digested, or its error status the
//! `Err`. A 300 without a `Location` is still digested as it came, which is what a check that
//! answers a bare 300 sees. With a `Location` the post is asked twice (one more GET than its
//! entry in `ids`), and the 300's own body is never digested: `digest` gets another answer's
//! body, or the result becomes an `Err` when the other address fails.

use futures::future::join_all;
use reqwest::header::LOCATION;
use reqwest::{Client, Response};

/// One GET, with the status checked; a 3xx that reqwest left alone but that names where to go
/// is followed once, by hand.
async fn fetch(client: &Client, url: String) -> Result<Response, reqwest::Error> {
    let response = client.get(url).send().await?.error_for_status()?;
    if response.status().is_redirection() {
        let preferred = response
            .headers()
            .get(LOCATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|location| response.url().join(location).ok());
        if let Some(target) = preferred {
            return client.get(target).send().await?.error_for_status();
        }
    }
    Ok(response)
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let body = fetch(client, format!("{base_url}/posts/{id}"))
            .await?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
