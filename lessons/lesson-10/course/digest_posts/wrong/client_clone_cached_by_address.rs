//! Wrong: breaks "one GET `{base_url}/posts/{id}` per entry of `ids` (...) through `client`" for a call made with a new client at the address of an earlier call's client, to the same `base_url` (a `client` variable reassigned between two calls: first a client whose `.resolve("posts.test", ..)` points at server A, then one that points at server B, or one with a 1 s timeout then one with none)
//!
//! Spawned tasks need an owned `Client`, and the `{base_url}/posts/` prefix need only be built
//! once, so the answer keeps a process-wide table of "sessions", one per caller's client and
//! base URL, each a clone of that client and the prefix. `Client` has no `Eq` or `Hash`, so the
//! table is keyed the way Python code keys caches by `id(session)`: by the client's address.
//! Python's `id()` of a dead object is reused by the next one, and so is an address: a client
//! dropped and replaced in the same variable (or the same stack slot) has the same address, and
//! the next call finds the *old* client's clone and sends every request through it: its name
//! resolution, its timeouts, its redirect policy, its proxy, not those of the `client` it was
//! given. The checks build one client per check, at addresses and base URLs of their own, so
//! the table never hands a check a client it was not given.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use futures::future::join_all;
use reqwest::Client;

/// Sessions by (the caller's client's address, base URL): a clone of that client, and the prefix.
type Sessions = HashMap<(usize, String), (Client, Arc<str>)>;

fn session(client: &Client, base_url: &str) -> (Client, Arc<str>) {
    static SESSIONS: OnceLock<Mutex<Sessions>> = OnceLock::new();
    let key = (std::ptr::from_ref(client).addr(), base_url.to_owned());
    let mut sessions = SESSIONS.get_or_init(Default::default).lock().unwrap();
    let (kept, prefix) = sessions
        .entry(key)
        .or_insert_with(|| (client.clone(), Arc::from(format!("{base_url}/posts/"))));
    (kept.clone(), Arc::clone(prefix))
}

async fn fetch(
    client: Client,
    prefix: Arc<str>,
    id: u64,
    digest: fn(&[u8]) -> u64,
) -> Result<u64, reqwest::Error> {
    let body = client
        .get(format!("{prefix}{id}"))
        .send()
        .await?
        .error_for_status()?
        .bytes()
        .await?;
    let digested = tokio::task::spawn_blocking(move || digest(&body)).await;
    Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
}

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let (client, prefix) = session(client, base_url);
    let tasks: Vec<_> = ids
        .iter()
        .map(|&id| tokio::spawn(fetch(client.clone(), Arc::clone(&prefix), id, digest)))
        .collect();
    join_all(tasks)
        .await
        .into_iter()
        .map(|joined| joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
        .collect()
}
