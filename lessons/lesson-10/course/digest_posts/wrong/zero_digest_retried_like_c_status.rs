//! Wrong: breaks "a successful answer's body ... goes to `digest` once" for a `digest` that returns 0 for some body (a length of the empty body, a checksum that comes out 0)
//! The contract says `digest` may be "a call into a synchronous library", and C libraries
//! report failure with a 0. So on the blocking thread a 0 is taken for a failed call, worth one
//! more try: `digest` runs a second time on the same body, and its second value is the result.
//! Any digest that never returns 0 sees no difference; the empty body under a length digest,
//! or any body whose digest is 0, is digested twice.

use futures::future::join_all;
use reqwest::Client;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || {
            let first = digest(&body);
            if first == 0 {
                // A zero is the library's "it failed": one more try before giving its answer.
                digest(&body)
            } else {
                first
            }
        })
        .await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
