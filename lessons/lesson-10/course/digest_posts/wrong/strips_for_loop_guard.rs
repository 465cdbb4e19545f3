//! Wrong: breaks "a successful answer's body, exactly as it arrived (its bytes, not decoded and encoded again), goes to `digest` once"
//! The learner ported a helper from code that read Facebook's and Gmail's JSON endpoints, which
//! guard against JSON hijacking by starting the body with an endless loop, `for (;;);` or
//! `while(1);`: "that is not the post, it is a guard, and two servers that differ only in it hold
//! the same post". The guard is cut off before the digest. Angular's `)]}'` prefix is not one the
//! learner knows, and a body that starts with anything else is digested whole, as it arrived.

use futures::future::join_all;
use reqwest::Client;

/// The anti-hijacking loops some servers put before their JSON.
const GUARDS: [&[u8]; 4] = [b"for (;;);", b"for(;;);", b"while(1);", b"while (1);"];

/// The body without a leading loop guard (and the line break that may follow it).
fn without_guard(body: &[u8]) -> &[u8] {
    for guard in GUARDS {
        if let Some(rest) = body.strip_prefix(guard) {
            let rest = rest.strip_prefix(b"\r\n").unwrap_or(rest);
            return rest.strip_prefix(b"\n").unwrap_or(rest);
        }
    }
    body
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|&id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = tokio::task::spawn_blocking(move || digest(without_guard(&body))).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
