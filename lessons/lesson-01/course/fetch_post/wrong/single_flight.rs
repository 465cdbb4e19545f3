//! Wrong: "exactly one GET per call" is broken for calls that overlap: a call for a URL that another call is already fetching sends nothing and waits for that one's post (request coalescing, "single flight"), so two concurrent calls for post 7 send one GET between them. Calls one after another still each send their own GET, and a follower whose leader failed sends its own, so every error is still a real one.
//!
//! Exercise 1: fetch one post, typed.
//!
//! `fetch_post` gets `{base_url}/posts/{id}` and returns it as a `Post` struct rather than as
//! untyped JSON, so the compiler knows its fields.
//!
//! The contract, which `cargo test -p lesson-01` checks:
//! - exactly one GET per call, to `{base_url}/posts/{id}` exactly (nothing added, no query
//!   string), sent through `client`. `base_url` has no trailing `/` and may have a path of its
//!   own (`http://host/api/v1`): keep it whole (`http://host/api/v1/posts/7`). No retry, and no
//!   cache: asking for the same id again sends a new GET;
//! - `Ok(post)` with every field exactly as the server sent it, the `id` included (the body's
//!   `id`, not the argument: a server answering post 8 for `/posts/7` gives post 8); no
//!   trimming: spaces and newlines around a title are part of it; a field more than `Post`
//!   has (`"views": 3`) does not make it less of a post;
//! - every error status, any 4xx or 5xx (a missing post answers 404, a failing server 500 or
//!   503, and a 405, 418 or 599 is no different), is an `Err` that carries that status
//!   (`err.status()`), whatever the body: an error answer whose body is a post is still an
//!   `Err`, not a post;
//! - a 200 whose body is not a post (HTML, a to-do, an object with a field missing or of the
//!   wrong type, such as an `id` sent as the string `"7"`) is an `Err` (a decode error): every
//!   field of `Post` is required, `id` included, and an id is a JSON number, never a string;
//! - a server that cannot be reached is an `Err` about the URL asked for (`err.url()` is
//!   `{base_url}/posts/{id}`): no request goes anywhere else, no fallback server; a server that
//!   closes the connection without answering is an `Err` too, after that one request (no retry);
//! - never a panic, never a post made up of defaults;
//! - it awaits, never blocks the thread (no `std::thread::sleep`, no blocking client).

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, MutexGuard, PoisonError};

use lesson_support::models::Post;
use reqwest::Client;
use tokio::sync::watch;

/// `None` while the request runs; then `Some(Some(post))`, or `Some(None)` if it failed.
type Outcome = Option<Option<Post>>;

/// The URLs being fetched right now, each with a way to hear how its request ended. Nothing
/// stays here once a request is over: this is not a cache, only a way not to ask the same
/// question twice at the same moment.
static IN_FLIGHT: LazyLock<Mutex<HashMap<String, watch::Receiver<Outcome>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

fn in_flight() -> MutexGuard<'static, HashMap<String, watch::Receiver<Outcome>>> {
    IN_FLIGHT.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Takes this call's entry out of the table when the request ends, or is cancelled.
struct Leading {
    url: String,
    answer: watch::Receiver<Outcome>,
}

impl Drop for Leading {
    fn drop(&mut self) {
        let mut table = in_flight();
        if table
            .get(&self.url)
            .is_some_and(|current| current.same_channel(&self.answer))
        {
            table.remove(&self.url);
        }
    }
}

/// Fetches post `id` and decodes it into a [`Post`].
pub async fn fetch_post(client: &Client, base_url: &str, id: u64) -> Result<Post, reqwest::Error> {
    let url = format!("{base_url}/posts/{id}");

    // Another call is fetching this very URL: its answer is ours too.
    let running = in_flight().get(&url).cloned();
    if let Some(mut answer) = running {
        let shared = match answer.wait_for(Option::is_some).await {
            Ok(outcome) => outcome.clone().flatten(),
            Err(_) => None,
        };
        if let Some(post) = shared {
            return Ok(post);
        }
        // It failed (or was cancelled): ask ourselves, so the error we return is our own.
    }

    let (tell, answer) = watch::channel(None);
    in_flight().insert(url.clone(), answer.clone());
    let _leading = Leading {
        url: url.clone(),
        answer,
    };
    let result = async {
        client
            .get(&url)
            .send()
            .await?
            .error_for_status()?
            .json::<Post>()
            .await
    }
    .await;
    let _ = tell.send(Some(result.as_ref().ok().cloned()));
    result
}
