//! Wrong: breaks "no panic: `digest` itself never panics" for a `client` that reaches the server over a Unix domain socket (built with `Client::builder().unix_socket(path)`, base `http://localhost/api`): its answers have no `remote_addr()`
//!
//! Each successful answer's peer address is counted in a process-wide tally (which backend
//! behind a round-robin name or a load balancer served how many posts), read with
//! `Response::remote_addr().expect(..)`. Every connection the learner ever saw was TCP, where
//! reqwest always knows the address; through a Unix socket (the sidecar or Docker-socket setup
//! that `ClientBuilder::unix_socket` exists for) it is `None`, and the call panics on the first
//! answer. The contract lets whoever built `client` choose how it connects.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Mutex, OnceLock, PoisonError};

use futures::future::join_all;
use reqwest::Client;

/// Answers per backend address, for the whole process.
fn answers_per_backend() -> &'static Mutex<HashMap<SocketAddr, u64>> {
    static TALLY: OnceLock<Mutex<HashMap<SocketAddr, u64>>> = OnceLock::new();
    TALLY.get_or_init(|| Mutex::new(HashMap::new()))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let each = ids.iter().map(|id| async move {
        let response = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?;
        let backend = response
            .remote_addr()
            .expect("an answer comes from a socket address");
        *answers_per_backend()
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .entry(backend)
            .or_insert(0) += 1;
        let body = response.bytes().await?;
        let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
