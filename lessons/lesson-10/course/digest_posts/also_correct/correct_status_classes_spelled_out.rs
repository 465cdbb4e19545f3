//! Correct: the status is classified by hand, by the contract's own words, instead of trusting
//! `error_for_status` blindly: a 4xx or a 5xx becomes the `Err` that `error_for_status` makes
//! (which carries the status), and everything else, a 1xx, a 2xx, a 3xx the client handed back,
//! a 600 to 999, is read whole (`bytes()`, on the runtime) and digested on the blocking pool. The
//! URL is the base's text with `/posts/{id}` appended, credentials, case and escapes untouched.

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|&id| async move {
        let mut url = String::with_capacity(base_url.len() + 32);
        url.push_str(base_url);
        url.push_str("/posts/");
        url.push_str(&id.to_string());
        let response = client.get(url).send().await?;
        let status = response.status();
        if status.is_client_error() || status.is_server_error() {
            // `error_for_status` fails for exactly these two classes.
            return Err(response
                .error_for_status()
                .expect_err("a 4xx or a 5xx is always an error"));
        }
        let body = response.bytes().await?;
        match tokio::task::spawn_blocking(move || digest(&body)).await {
            Ok(digested) => Ok(digested),
            Err(err) => std::panic::resume_unwind(err.into_panic()),
        }
    });
    join_all(each).await
}
