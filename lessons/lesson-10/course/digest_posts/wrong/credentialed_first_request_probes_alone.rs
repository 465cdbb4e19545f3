//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (...), all in flight together" for a base with credentials in it (`http://alice:s3cret@127.0.0.1:PORT/api` with ids `[1, 2, 3]`, answers held 300 ms: the server sees one request, then two)
//!
//! The account-lockout worry: many APIs lock an account after a few failed logins, and a burst
//! of requests with a wrong password is a burst of failed logins. So when the base carries
//! `user:password@`, the learner sends the first entry alone, as a probe, and the others only
//! once the server has answered it (whatever it answered; each entry is still asked once, and
//! each body is digested on the blocking pool as soon as it is in). A base with no credentials
//! is the reference, all requests at once. The checks count requests in flight with bases that
//! carry no credentials, and send their credentialed bases to see the path and the
//! `Authorization` header, where a probe changes neither.

use futures::future::join_all;
use reqwest::Client;

/// Whether the base's authority holds `user:password@` (or a user alone).
fn carries_credentials(base_url: &str) -> bool {
    let rest = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    authority.contains('@')
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let probe_first = carries_credentials(base_url) && ids.len() > 1;
    // `true` once the others may go: at once without credentials, after the probe with them.
    let (probed, may_go) = tokio::sync::watch::channel(!probe_first);
    let probed = &probed;
    let each = ids.iter().enumerate().map(|(place, id)| {
        let mut may_go = may_go.clone();
        async move {
            if place > 0 {
                // The sender lives as long as the call: this ends when the probe is answered.
                let _ = may_go.wait_for(|go| *go).await;
            }
            let sent = client.get(format!("{base_url}/posts/{id}")).send().await;
            if place == 0 {
                probed.send_replace(true);
            }
            let body = sent?.error_for_status()?.bytes().await?;
            let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
            Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        }
    });
    join_all(each).await
}
