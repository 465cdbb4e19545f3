//! Wrong: breaks "no panic: `digest` itself never panics"
//! The learner does not retry (the contract says an error status is an `Err` after one request),
//! but wants the operator to know when the server asked for patience, the way a Python service logs
//! `int(resp.headers["Retry-After"])`: a failed post with a `Retry-After` is reported on stderr
//! with the number of seconds. It believed that header is always a number of seconds, so the parse
//! is `expect`ed; the HTTP-date form (`Retry-After: Fri, 31 Dec 1999 23:59:59 GMT`), which RFC 9110
//! allows too, panics.

use futures::future::join_all;
use reqwest::Client;
use reqwest::header::RETRY_AFTER;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let response = client.get(format!("{base_url}/posts/{id}")).send().await?;
        let status = response.status();
        if status.is_client_error() || status.is_server_error() {
            if let Some(wait) = response.headers().get(RETRY_AFTER) {
                let seconds: u64 = wait
                    .to_str()
                    .unwrap_or_default()
                    .trim()
                    .parse()
                    .expect("Retry-After is a number of seconds");
                eprintln!(
                    "post {id}: {status}, the server asks to wait {seconds}s before asking again"
                );
            }
        }
        let body = response.error_for_status()?.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok::<u64, reqwest::Error>(
            digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())),
        )
    });
    join_all(each).await
}
