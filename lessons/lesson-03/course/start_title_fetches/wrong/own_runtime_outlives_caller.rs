//! Wrong: breaks "one task per entry of `ids`, started with `tokio::spawn` before the function returns"
//! The tasks are spawned, one per entry, in order, before the function returns, but not with
//! `tokio::spawn` on the caller's runtime: on a multi-thread runtime of the function's own, built
//! once in a `static` and never shut down. The learner read the title ("start fetches that
//! outlive the caller") and the doc ("perhaps long after this function has returned") literally:
//! a plain `fn` may be called from any runtime, or from one about to shut down, so the fetches get
//! a runtime that lives as long as the program. Every request still leaves at once, through a
//! clone of `client`, and the handles can be awaited from any runtime, so the server sees nothing
//! wrong. But the tasks now escape the caller's runtime: shutting it down (or dropping it at the
//! end of a `#[tokio::test]`) no longer cancels them, they run on threads the caller never asked
//! for, with a clock the caller cannot pause (`tokio::time::pause` does not reach them: a paused
//! test waits the client's 30 s timeout in real time), and the connections they open are driven
//! by a second runtime that the caller's pool then shares.

use std::sync::OnceLock;

use lesson_support::models::Post;
use reqwest::Client;
use tokio::runtime::{Builder, Handle, Runtime};
use tokio::task::JoinHandle;

/// The runtime the fetches run on: started once, and alive until the program exits, so a task
/// outlives whatever runtime its caller was on. `None` if it could not be started.
fn fetch_runtime() -> Option<&'static Runtime> {
    static RUNTIME: OnceLock<Option<Runtime>> = OnceLock::new();
    RUNTIME
        .get_or_init(|| {
            Builder::new_multi_thread()
                .thread_name("title-fetches")
                .enable_all()
                .build()
                .ok()
        })
        .as_ref()
}

/// Starts fetching the title of every post in `ids`; one handle per entry, in the order of `ids`.
pub fn start_title_fetches(
    client: &Client,
    base_url: &str,
    ids: &[u64],
) -> Vec<JoinHandle<Result<String, reqwest::Error>>> {
    if ids.is_empty() {
        return Vec::new();
    }
    // Our own runtime if it started; the caller's otherwise (as `tokio::spawn` would).
    let runtime = match fetch_runtime() {
        Some(runtime) => runtime.handle().clone(),
        None => Handle::current(),
    };
    ids.iter()
        .map(|&id| {
            let client = client.clone();
            let url = format!("{base_url}/posts/{id}");
            runtime.spawn(async move {
                let post: Post = client
                    .get(url)
                    .send()
                    .await?
                    .error_for_status()?
                    .json()
                    .await?;
                Ok(post.title)
            })
        })
        .collect()
}
