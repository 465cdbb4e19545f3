//! Wrong: breaks "no panic: `digest` itself never panics"
//! The learner ports Python's module-level `EXECUTOR = ThreadPoolExecutor()` used with
//! `loop.run_in_executor(EXECUTOR, digest, body)`: one executor for the whole program, made once.
//! Here it is the `Handle` of the first runtime that calls the function, kept in a `static
//! OnceLock`, and every digest is sent to that handle's blocking pool. Within one runtime it
//! behaves (requests on the runtime, digests on a blocking pool, all at once); but once that first
//! runtime has been dropped, its blocking pool refuses new work, the `JoinHandle` ends as
//! cancelled, and `err.into_panic()` panics ("`JoinError` reason is not a panic"). A check sees it
//! with two runtimes in one process, the first dropped before the second calls (any test program
//! that builds a runtime per test); a first runtime with a one-thread blocking pool would also
//! serialise every later call's digests, against "the digests of different posts run at the same
//! time".

use std::sync::OnceLock;

use futures::future::join_all;
use reqwest::Client;
use tokio::runtime::Handle;

/// The program's one executor for blocking work, taken from the first runtime that needs it.
static EXECUTOR: OnceLock<Handle> = OnceLock::new();

/// Fetches every post in `ids` at once and digests each body off the runtime's threads.
pub async fn digest_posts(
    client: &Client,
    base_url: &str,
    ids: &[u64],
    digest: fn(&[u8]) -> u64,
) -> Vec<Result<u64, reqwest::Error>> {
    let executor: &'static Handle = EXECUTOR.get_or_init(Handle::current);
    let each = ids.iter().map(|id| async move {
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let digested = executor.spawn_blocking(move || digest(&body)).await;
        Ok(digested.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
