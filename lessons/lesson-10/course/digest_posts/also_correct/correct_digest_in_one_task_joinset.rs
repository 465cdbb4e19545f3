//! Correct: the digest is not sent with the free function `tokio::task::spawn_blocking`: the call takes the `Handle` of the runtime it runs on once (`Handle::current()`, per call, never kept), and each pipeline puts its digest into a `JoinSet` of its own with `JoinSet::spawn_blocking_on(.., &handle)`, then awaits `join_next()`; the blocking pool is the same, reached through another route.
//! The requests are the reference's (GET `{base_url}/posts/{id}` through `client`, status
//! checked, raw bytes read on the runtime), all driven together by `join_all`, results in the
//! order of `ids`. A `JoinSet` aborts what it holds when dropped, which a blocking task that has
//! started ignores, so a dropped call leaves at most digests that finish on their own, as with
//! the reference. A panic in `digest` (ruled out by the contract) is passed on. A check that
//! watches only for the free function's name, or that does not expect a `JoinSet`, would reject
//! a right answer.

use futures::future::join_all;
use reqwest::Client;
use tokio::runtime::Handle;
use tokio::task::JoinSet;

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
        let body = client
            .get(format!("{base_url}/posts/{id}"))
            .send()
            .await?
            .error_for_status()?
            .bytes()
            .await?;
        let mut digesting = JoinSet::new();
        digesting.spawn_blocking_on(move || digest(&body), runtime);
        let Some(joined) = digesting.join_next().await else {
            unreachable!("the set holds the one digest just spawned");
        };
        Ok(joined.unwrap_or_else(|err| std::panic::resume_unwind(err.into_panic())))
    });
    join_all(each).await
}
